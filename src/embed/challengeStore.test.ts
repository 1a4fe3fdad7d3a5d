import { describe, expect, it } from 'vitest';
import { getChallengeExample } from './challengeExamples';
import { ATTEMPT_RUN_NAME } from './challengeStore';
import { setupEmbed } from './embedHarness';

const keepUp = getChallengeExample('keep-up')!.json;
const CONSUMERS = 'consumerGroups.0.consumers';

describe('the embed challenge', () => {
  it('follows a loaded challenge, reloads the run with a changed setting, and posts the graded run to the host', async () => {
    const { store, challenge, bridge, events, settle } = setupEmbed(0);
    bridge.receive({ queuelab: 1, type: 'load', scenario: keepUp });
    await settle();
    expect(challenge.getState()).toMatchObject({ gradeAtMs: 30_000, settings: { [CONSUMERS]: 2, 'consumerGroups.0.assignor': 'range' }, problems: [], grading: { state: 'idle' } });

    challenge.getState().set(CONSUMERS, 3);
    await settle();
    // The run the learner watches now has three consumers, from 0, with the challenge still shown.
    expect(store.getState().scenario?.spec.consumerGroups[0]?.consumers).toBe(3);
    expect(store.getState().scenario?.source).toEqual({ kind: 'run', name: ATTEMPT_RUN_NAME });
    expect(challenge.getState().settings[CONSUMERS]).toBe(3);

    expect(challenge.getState().check()).toBe(true);
    await settle();
    expect(store.getState().snapshot?.timeMs).toBe(30_000);
    const graded = events.find((e) => e.type === 'challenge-graded');
    expect(graded).toMatchObject({ type: 'challenge-graded', passed: true, timeMs: 30_000, settings: { [CONSUMERS]: 3 }, errors: [] });
    // The value posted for each goal is the one the live view shows at that time.
    const live = store.getState().snapshot!.metrics;
    expect(graded?.type === 'challenge-graded' && graded.goals.map((g) => g.value)).toEqual([live.groups.billing!.lag.max, live.latencyMs.p50, live.lost]);
  });

  it('keeps a value outside its knob out of the run and explains it on Check', async () => {
    const { store, challenge, bridge, events, settle } = setupEmbed(0);
    bridge.receive({ queuelab: 1, type: 'load', scenario: keepUp });
    await settle();
    const loaded = store.getState().scenario;
    challenge.getState().set(CONSUMERS, 12);
    // Only the challenge's knobs exist: any other path is ignored.
    challenge.getState().set('producers.0.ratePerSec', 1);
    await settle();
    expect(store.getState().scenario).toBe(loaded);
    expect(challenge.getState().problems).toEqual(['Consumers in billing: must be between 1 and 8, got 12']);
    challenge.getState().check();
    expect(challenge.getState().grading).toEqual({ state: 'broken', message: 'Consumers in billing: must be between 1 and 8, got 12' });
    expect(events.filter((e) => e.type === 'challenge-graded')).toEqual([]);

    challenge.getState().reset();
    await settle();
    expect(challenge.getState()).toMatchObject({ settings: { [CONSUMERS]: 2 }, problems: [] });
  });

  it('answers the host’s check: graded when there is a challenge, an error when there is none', async () => {
    const { challenge, bridge, events, settle } = setupEmbed(0);
    bridge.receive({ queuelab: 1, type: 'load', builtinId: 'balanced' });
    await settle();
    expect(challenge.getState().spec).toBeNull();
    bridge.receive({ queuelab: 1, type: 'check' });
    expect(events.at(-1)).toEqual({
      queuelab: 1,
      type: 'error',
      message: 'The command "check" was ignored: the loaded scenario has no challenge.',
      problems: [{ path: 'type', message: 'check needs a scenario with a "challenge" section' }],
    });

    bridge.receive({ queuelab: 1, type: 'load', scenario: keepUp });
    await settle();
    bridge.receive({ queuelab: 1, type: 'check' });
    await settle();
    expect(events.at(-1)).toMatchObject({ type: 'challenge-graded', passed: false, settings: { [CONSUMERS]: 2 } });
  });
});
