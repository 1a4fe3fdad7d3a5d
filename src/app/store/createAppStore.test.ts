import { describe, expect, it } from 'vitest';
import * as engine from '../../engine';
import { builtinScenarios } from '../../content/builtins';
import type { PageCommand } from '../../worker/client';
import type { Report } from '../../worker/protocol';
import { createAppStore, type SimPort } from './createAppStore';
import { createDriverPort } from './testing/driverPort';

function fakePort() {
  const sent: PageCommand[] = [];
  let listener: (report: Report) => void = () => undefined;
  let restarts = 0;
  const port: SimPort = {
    send: (command) => sent.push(command),
    subscribe: (l) => {
      listener = l;
      return () => undefined;
    },
    restart: () => {
      restarts += 1;
    },
  };
  return { port, sent, report: (r: Report) => listener(r), restarts: () => restarts };
}

const ready = (title = 'T'): Report => ({ type: 'sim.ready', title, description: '', durationMs: 60_000, seed: 7, scenario: {} as engine.Scenario });

/** A real driver over the real engine behind the port, acknowledging frames at once. */
function realPort() {
  const { port, host } = createDriverPort({ seekSliceMsMax: 1_000 });
  const settle = async () => {
    for (let i = 0; i < 40; i++) {
      await Promise.resolve();
      host.advanceWallMs(0);
    }
  };
  return { host, port, settle };
}

describe('createAppStore actions', () => {
  it('loads a built-in scenario by sending its document to the worker', () => {
    const { port, sent } = fakePort();
    const store = createAppStore(port);
    store.getState().loadBuiltin('hot-key', 9);
    expect(sent).toEqual([{ type: 'page.load', scenarioJson: builtinScenarios[2]?.json, seed: 9 }]);
    expect(store.getState().status).toBe('loading');
    expect(store.getState().requestedScenarioId).toBe('hot-key');
  });

  it('explains an unknown scenario id instead of sending anything', () => {
    const { port, sent } = fakePort();
    const store = createAppStore(port);
    store.getState().loadBuiltin('nope');
    expect(sent).toEqual([]);
    expect(store.getState().status).toBe('failed');
    expect(store.getState().error).toEqual({
      message: 'There is no built-in scenario "nope". Try one of "balanced", "slow-consumer", "hot-key", "consumer-crash", "rabbit-work-queue", "sqs-visibility".',
      scenarioErrors: [],
      fatal: false,
    });
  });

  it('plays at the chosen speed, re-sends a new speed while playing, and toggles to pause', () => {
    const { port, sent, report } = fakePort();
    const store = createAppStore(port);
    store.getState().loadBuiltin('balanced');
    store.getState().togglePlay(); // still loading: nothing to play yet
    report(ready());
    store.getState().setSpeed(4);
    store.getState().togglePlay();
    expect(store.getState().status).toBe('playing');
    store.getState().setSpeed(5000); // clamped to SPEED_MAX
    store.getState().togglePlay();
    expect(sent.slice(1)).toEqual([{ type: 'page.play', speed: 4 }, { type: 'page.play', speed: 1000 }, { type: 'page.pause' }]);
    expect(store.getState()).toMatchObject({ status: 'paused', speed: 1000 });
  });

  it('after a file the parser refused, Restart reloads the last scenario that worked', () => {
    const { port, sent, report, restarts } = fakePort();
    const store = createAppStore(port);
    store.getState().loadBuiltin('balanced');
    report(ready('A balanced pipeline'));
    store.getState().loadFile('bad.json', '{"version": 2}');
    report({ type: 'sim.error', message: 'The scenario has 1 problem:', scenarioErrors: [{ path: 'version', message: 'must be 1' }] });
    expect(store.getState()).toMatchObject({ status: 'failed', error: { scenarioErrors: [{ path: 'version', message: 'must be 1' }], fatal: false } });
    store.getState().restart();
    expect(restarts()).toBe(0);
    expect(sent.at(-1)).toEqual({ type: 'page.load', scenarioJson: builtinScenarios[0]?.json });
    expect(store.getState()).toMatchObject({ status: 'loading', error: null, requestedScenarioId: 'balanced' });
  });

  it("loads the editor's document, and Restart sends that same document again", () => {
    const { port, sent, report } = fakePort();
    const store = createAppStore(port);
    const json = { version: 1, title: 'Edited', topics: [] };
    store.getState().loadEdited('Edited', json);
    expect(sent).toEqual([{ type: 'page.load', scenarioJson: json }]);
    expect(store.getState()).toMatchObject({ status: 'loading', requestedScenarioId: null, pendingRequest: { source: { kind: 'editor', name: 'Edited' }, json } });
    report(ready('Edited'));
    expect(store.getState().scenario).toMatchObject({ id: '', title: 'Edited', source: { kind: 'editor', name: 'Edited' } });
    store.getState().restart();
    expect(sent.at(-1)).toEqual({ type: 'page.load', scenarioJson: json });
  });

  it('after the worker died, Restart starts a new worker and loads the same scenario again', () => {
    const { port, sent, report, restarts } = fakePort();
    const store = createAppStore(port);
    store.getState().loadBuiltin('hot-key', 5);
    report(ready());
    report({ type: 'sim.error', message: 'The simulator crashed: out of memory', fatal: true });
    store.getState().restart();
    expect(restarts()).toBe(1);
    expect(sent.at(-1)).toEqual({ type: 'page.load', scenarioJson: builtinScenarios[2]?.json, seed: 5 });
  });
});

describe('createAppStore with the real driver and engine', () => {
  it('seeks, decodes frames, keeps the whole event log and measures rates', async () => {
    const { port, settle } = realPort();
    const store = createAppStore(port);
    store.getState().loadBuiltin('balanced');
    store.getState().runTo(6_000);
    await settle();
    const state = store.getState();
    expect(state.status).toBe('paused');
    const parsed = engine.parseScenario(builtinScenarios[0]?.json);
    if (!parsed.ok) throw new Error('built-in does not parse');
    const sim = engine.createSimulation(parsed.scenario);
    sim.runUntil(6_000);
    const { events, ...expected } = sim.snapshot();
    expect(state.snapshot).toEqual(expected);
    expect(state.events).toEqual(events);
    expect(state.eventsSkipped).toBe(0);
    // 300 records/s: the smoothed rate has had 6 simulated seconds to settle near it.
    expect(state.rates?.producedPerSec).toBeGreaterThan(200);
    expect(state.rates?.producedPerSec).toBeLessThan(400);
  });

  it('a knob change is answered per control: applied, or refused with the engine\'s reason', async () => {
    const { port, settle } = realPort();
    const store = createAppStore(port);
    store.getState().loadBuiltin('balanced');
    await settle();
    store.getState().apply('consumers', { type: 'consumer-add', group: 'billing', count: 1 });
    store.getState().apply('partitions', { type: 'set-partitions', topic: 'orders', partitions: 2 });
    expect(store.getState().knobFeedback).toEqual({ consumers: { state: 'applied' }, partitions: expect.objectContaining({ state: 'refused' }) });
    await settle();
    expect(store.getState().snapshot?.groups[0]?.consumers).toHaveLength(4);
  });
});
