import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { PageCommand } from '../../worker/client';
import type { Scenario } from '../../engine';
import { playerMachine, type PlayerEvent } from './playerMachine';

const ready: PlayerEvent = { type: 'sim.ready', title: 'T', description: '', durationMs: 60_000, seed: 7, scenario: {} as Scenario };

/** Runs the machine over events; returns the commands it sent and the state after each event. */
function run(events: PlayerEvent[], speed?: number) {
  const sent: PageCommand[] = [];
  const actor = createActor(playerMachine, { input: { send: (command) => sent.push(command), speed } });
  const states: string[] = [];
  try {
    actor.start();
    for (const event of events) {
      actor.send(event);
      states.push(JSON.stringify(actor.getSnapshot().value));
    }
    return { sent, states, context: actor.getSnapshot().context };
  } finally {
    actor.stop();
  }
}

describe('player machine', () => {
  it('loads, plays, changes speed while playing and pauses', () => {
    const { sent, states } = run([
      { type: 'user.load', scenarioJson: { a: 1 }, seed: 3 },
      { type: 'user.play' }, // still loading: nothing to play yet
      ready,
      { type: 'user.setSpeed', speed: 4 },
      { type: 'user.play' },
      { type: 'sim.status', status: 'playing' },
      { type: 'user.setSpeed', speed: 5_000 },
      { type: 'user.toggle' },
      { type: 'sim.status', status: 'paused' },
    ]);
    expect(sent).toEqual([
      { type: 'page.load', scenarioJson: { a: 1 }, seed: 3 },
      { type: 'page.play', speed: 4 },
      { type: 'page.play', speed: 1_000 },
      { type: 'page.pause' },
    ]);
    expect(states).toEqual(['"loading"', '"loading"', '"paused"', '"paused"', '{"running":"playing"}', '{"running":"playing"}', '{"running":"playing"}', '"paused"', '"paused"']);
  });

  it('steps one event, steps one second from the time on screen, and fast-forwards to the end', () => {
    const { sent, states } = run([
      { type: 'user.load', scenarioJson: {} },
      ready,
      { type: 'user.step' },
      { type: 'user.stepSecond', fromMs: 1_234.5 },
      { type: 'sim.status', status: 'seeking' },
      { type: 'sim.status', status: 'paused' },
      { type: 'user.fastForward' },
      { type: 'sim.status', status: 'seeking' },
      { type: 'sim.finished', timeMs: 60_000, traceHash: 'ab' },
      { type: 'user.play' }, // nothing left to play
      { type: 'user.seek', timeMs: 0 },
      { type: 'sim.status', status: 'paused' },
    ]);
    expect(sent).toEqual([
      { type: 'page.load', scenarioJson: {} },
      { type: 'page.step', events: 1 },
      { type: 'page.runTo', timeMs: 2_234.5 },
      { type: 'page.runTo', timeMs: 60_000 },
      { type: 'page.runTo', timeMs: 0 },
    ]);
    expect(states.slice(2)).toEqual([
      '"paused"',
      '{"running":"fastForwarding"}',
      '{"running":"fastForwarding"}',
      '"paused"',
      '{"running":"fastForwarding"}',
      '{"running":"fastForwarding"}',
      '"finished"',
      '"finished"',
      '"finished"',
      '"paused"',
    ]);
  });

  it("a seek asked for during the load is sent after it, and the worker's statuses then count", () => {
    const { sent, states } = run([
      { type: 'user.load', scenarioJson: {} },
      { type: 'user.seek', timeMs: 10_000 },
      ready,
      { type: 'sim.status', status: 'seeking' },
      { type: 'sim.status', status: 'paused' },
    ]);
    expect(sent).toEqual([{ type: 'page.load', scenarioJson: {} }, { type: 'page.runTo', timeMs: 10_000 }]);
    expect(states).toEqual(['"loading"', '"loading"', '"paused"', '{"running":"fastForwarding"}', '"paused"']);
  });

  it('ignores reports of the old run while a new one loads', () => {
    const { states } = run([
      { type: 'user.load', scenarioJson: {} },
      ready,
      { type: 'user.play' },
      { type: 'user.load', scenarioJson: { second: true } },
      { type: 'sim.status', status: 'playing' },
      { type: 'sim.finished', timeMs: 1, traceHash: 'x' },
      ready,
    ]);
    expect(states.slice(3)).toEqual(['"loading"', '"loading"', '"loading"', '"paused"']);
  });

  it('goes to error on sim.error from any state and recovers with a new load', () => {
    const { sent, states, context } = run([
      { type: 'user.load', scenarioJson: {} },
      ready,
      { type: 'user.play' },
      { type: 'sim.error', message: 'The simulation stopped: boom' },
      { type: 'user.play' },
      { type: 'sim.status', status: 'paused' },
      { type: 'user.load', scenarioJson: {} },
    ]);
    expect(states.slice(3)).toEqual(['"error"', '"error"', '"error"', '"loading"']);
    expect(sent.map((c) => c.type)).toEqual(['page.load', 'page.play', 'page.load']);
    expect(context.errorMessage).toBe('The simulation stopped: boom');
  });

  it('step while playing pauses; play during a fast-forward continues at the speed', () => {
    const { sent, states } = run(
      [
        { type: 'user.load', scenarioJson: {} },
        ready,
        { type: 'user.play' },
        { type: 'user.step' },
        { type: 'user.fastForward' },
        { type: 'user.play' },
      ],
      0.5,
    );
    expect(sent.slice(1)).toEqual([
      { type: 'page.play', speed: 0.5 },
      { type: 'page.step', events: 1 },
      { type: 'page.runTo', timeMs: 60_000 },
      { type: 'page.play', speed: 0.5 },
    ]);
    expect(states.slice(2)).toEqual(['{"running":"playing"}', '"paused"', '{"running":"fastForwarding"}', '{"running":"playing"}']);
  });
});
