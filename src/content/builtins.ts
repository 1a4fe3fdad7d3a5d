/**
 * The scenarios that ship with Queuelab. Imported statically so that Vite bundles them into the
 * page and Node (the CLI, the tests) reads the very same files.
 */
import balanced from '../../content/scenarios/balanced.json' with { type: 'json' };
import slowConsumer from '../../content/scenarios/slow-consumer.json' with { type: 'json' };
import hotKey from '../../content/scenarios/hot-key.json' with { type: 'json' };
import consumerCrash from '../../content/scenarios/consumer-crash.json' with { type: 'json' };
import rabbitWorkQueue from '../../content/scenarios/rabbit-work-queue.json' with { type: 'json' };
import sqsVisibility from '../../content/scenarios/sqs-visibility.json' with { type: 'json' };

/** A built-in scenario: its id (the file name without `.json`) and its document, unparsed. */
export interface BuiltinScenario {
  /** Stable id used in URLs and by the CLI, e.g. "balanced". */
  id: string;
  /** The scenario document exactly as written; run it through `parseScenario`. */
  json: unknown;
}

/** Every built-in scenario, in the order the page lists them. */
export const builtinScenarios: readonly BuiltinScenario[] = [
  { id: 'balanced', json: balanced },
  { id: 'slow-consumer', json: slowConsumer },
  { id: 'hot-key', json: hotKey },
  { id: 'consumer-crash', json: consumerCrash },
  { id: 'rabbit-work-queue', json: rabbitWorkQueue },
  { id: 'sqs-visibility', json: sqsVisibility },
];

/** The built-in scenario with this id, or undefined when there is none. */
export function getBuiltin(id: string): BuiltinScenario | undefined {
  return builtinScenarios.find((scenario) => scenario.id === id);
}

/** The id of the scenario the lab opens with. */
export const DEFAULT_SCENARIO_ID = 'balanced';
