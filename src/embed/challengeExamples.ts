/**
 * Example challenge scenarios the embed can open by id (`/embed/?scenario=keep-up`), beside the
 * built-ins. They live in content/scenarios/challenges/ rather than among the built-ins because
 * they are exercises, not demonstrations: the lab's picker and golden traces leave them out.
 * Any other scenario with a `challenge` section reaches the embed as a shared run (`#run=…`) or
 * through the `load` command.
 */
import keepUp from '../../content/scenarios/challenges/keep-up.json' with { type: 'json' };

/** An example challenge: its id (the file name without `.json`) and its document, unparsed. */
export interface ChallengeExample {
  id: string;
  json: unknown;
}

export const challengeExamples: readonly ChallengeExample[] = [{ id: 'keep-up', json: keepUp }];

/** The example challenge with this id, or undefined. */
export function getChallengeExample(id: string): ChallengeExample | undefined {
  return challengeExamples.find((example) => example.id === id);
}
