import { z } from 'zod';
import { describeValue } from './errors';
import { int, list, num, object, oneOf, str, taggedUnionError } from './fields';
import { PATH_PATTERN, pathProblem } from './metricPath';

/**
 * The optional `challenge` section of scenario v1: a task graded on the run's metrics, written
 * as data by an instructor. Its goals, knobs and constraints are the chapter challenge format
 * (src/course/schema.ts) so that one grader serves both; only the fields that a chapter keeps
 * beside the scenario (id, title, scenario) are implied by the scenario itself. Rules between
 * fields (metric names, knob paths, runUntilMs ≤ durationMs) are in challengeReferences.ts.
 */

/** Most goals, knobs or constraints one challenge has. */
export const CHALLENGE_ITEMS_MAX = 8;

const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const slug = () => str(1, 60, SLUG_PATTERN, 'lower-case letters, digits and "-", starting with a letter or digit');
/**
 * A path in the grammar of metricPath.ts, which the grader reads too: names joined by ".", a name
 * with a dot in brackets (queues["orders.dlq"].depth), [0] for a list item. The pattern goes
 * into the JSON Schema; the message says what is wrong and where.
 */
const dotPath = () =>
  str(1, 200).regex(PATH_PATTERN, {
    error: (issue) => `must be a path like "lag.max" or queues["orders.dlq"].depth, got ${describeValue(issue.input)}: ${typeof issue.input === 'string' ? pathProblem(issue.input) : 'not text'}`,
  });
const comparison = () => oneOf(['<', '<=', '>', '>=', '==', '!=']);

/** A value a knob can take, or a constraint compares with (null for settings that may be "none"). */
export const knobValueSchema = z.union([z.number(), z.string().max(200), z.boolean(), z.null()], {
  error: (issue) => (issue.input === undefined ? 'required' : `must be a number, a string, true, false or null, got ${describeValue(issue.input)}`),
});

export const challengeGoalSchema = object({
  id: slug().describe('Short name of the goal, unique in the challenge, e.g. "lag-bounded".'),
  label: str(1, 200).describe('The goal in plain words, shown to the learner and in the result.'),
  metric: dotPath().describe('Path into the run\'s metrics (sim.metrics()), e.g. "lag.max", "latencyMs.p99", "groups.billing.lag.max", queues["orders.dlq"].depth (a name with a dot goes in brackets).'),
  divideBy: dotPath()
    .optional()
    .describe('Path of a denominator, like metric: the goal is then on metric ÷ divideBy (0 when divideBy is 0), e.g. "duplicates" ÷ "processed".'),
  op: comparison().describe('How the measured value must compare with value.'),
  value: num(-1e15, 1e15).describe('The threshold the measured value is compared with.'),
  forMs: int(0, 86_400_000)
    .optional()
    .describe('The goal must hold at every sample in the last forMs before runUntilMs, ms; absent: only at runUntilMs.'),
}).describe('A condition on the run\'s metrics that must hold for the challenge to pass.');

const knobPath = () => dotPath().describe('Path of the setting in the scenario document, e.g. "consumerGroups.0.consumers" or "consumerGroups[0].consumers".');
const knobLabel = () => str(1, 100).describe('Name of the setting, shown beside its control.');
const knobHelp = () => str(1, 300).describe('One sentence on what the setting does.');

const knobOptions = [
  object({
    kind: z.literal('int').describe('A whole number between min and max.'),
    path: knobPath(),
    label: knobLabel(),
    help: knobHelp(),
    min: num(-1e15, 1e15).describe('Smallest value the learner may choose.'),
    max: num(-1e15, 1e15).describe('Largest value the learner may choose.'),
  }),
  object({
    kind: z.literal('choice').describe('One of a list of values.'),
    path: knobPath(),
    label: knobLabel(),
    help: knobHelp(),
    options: list(
      object({
        value: knobValueSchema.describe('The value written into the scenario.'),
        label: str(1, 120).describe('What the learner sees for it.'),
      }).describe('One value the learner may choose.'),
      2,
      12,
    ).describe('The values offered, in order.'),
  }),
  object({
    kind: z.literal('bool').describe('true or false.'),
    path: knobPath(),
    label: knobLabel(),
    help: knobHelp(),
  }),
] as const;

/** A setting the learner may change, with its allowed values. */
export const challengeKnobSchema = z
  .discriminatedUnion('kind', [...knobOptions], {
    error: taggedUnionError('kind', ['int', 'choice', 'bool'], '{ "kind": "int", "path": "consumerGroups.0.consumers", "label": "Consumers", "help": "…", "min": 1, "max": 6 }'),
  })
  .describe('A setting the learner may change in the embed; every other setting stays as written.');

export const challengeConstraintSchema = object({
  id: slug().describe('Short name of the rule, unique among goals and constraints.'),
  label: str(1, 200).describe('The rule in plain words, e.g. "At most 6 consumers".'),
  path: dotPath().describe('Path into the scenario with its defaults filled in, e.g. "consumerGroups.0.consumers".'),
  op: comparison().describe('How the setting must compare with value.'),
  value: knobValueSchema.describe('What the setting is compared with.'),
}).describe('A rule the learner\'s settings must obey, checked before the run.');

export const challengeSolutionSchema = object({
  patch: z
    .record(dotPath(), knobValueSchema)
    .refine((patch) => Object.keys(patch).length <= CHALLENGE_ITEMS_MAX, { message: `must set at most ${CHALLENGE_ITEMS_MAX} knobs` })
    .describe('Knob path → value: settings that pass the challenge.'),
  explanation: str(1, 1000).describe('Why these settings work.'),
}).describe('A known answer, never shown in the embed: tests check that it passes and that the unchanged scenario does not.');

export const challengeSchema = object({
  prompt: str(1, 800).describe('The task, in a sentence or two, e.g. "Keep max lag under 500 with at most 6 consumers."'),
  goals: list(challengeGoalSchema, 1, CHALLENGE_ITEMS_MAX).describe('Conditions on the metrics; the challenge passes when all hold.'),
  knobs: list(challengeKnobSchema, 1, CHALLENGE_ITEMS_MAX).describe('The settings the learner may change, and only these.'),
  constraints: list(challengeConstraintSchema, 0, CHALLENGE_ITEMS_MAX)
    .default([])
    .describe('Rules the settings must obey beyond the knobs\' own ranges.'),
  runUntilMs: int(1, 86_400_000)
    .optional()
    .describe('Simulated time the run reaches before it is graded, ms, at most durationMs; absent: durationMs.'),
  sampleEveryMs: int(100, 60_000).default(1000).describe('How often goals with forMs are checked, simulated ms.'),
  solution: challengeSolutionSchema.optional(),
}).describe('A graded challenge: the learner changes the allowed knobs until every goal holds. The embed shows it with a Check button.');
