import { describe, expect, it } from 'vitest';
import * as engine from '../engine';
import { getBuiltin } from '../content/builtins';
import { setupEmbed } from './embedHarness';

const setup = setupEmbed;

describe('the embed bridge', () => {
  it('loads, seeks and finishes on command, ticking once per interval and reporting a threshold crossing', async () => {
    const { bridge, events, settle, summary } = setup(2_000);
    bridge.receive({ queuelab: 1, type: 'configure', thresholds: [{ id: 'busy', metric: 'produced', above: 1000 }] });
    bridge.receive({ queuelab: 1, type: 'load', builtinId: 'balanced', seed: 3 });
    await settle();
    bridge.receive({ queuelab: 1, type: 'seek', timeMs: 5_000 });
    await settle();
    expect(summary()).toEqual(['ready', 'tick 0', 'tick 5000', expect.stringMatching(/^threshold busy \d+$/)]);
    expect(events[0]).toEqual({ queuelab: 1, type: 'ready', title: 'A balanced pipeline', durationMs: 60_000, seed: 3, engineVersion: engine.ENGINE_VERSION });
    const threshold = events[3];
    expect(threshold?.type === 'threshold' && threshold.value).toBeGreaterThan(1000);

    bridge.receive({ queuelab: 1, type: 'seek', timeMs: 60_000 });
    await settle();
    const finished = events.find((e) => e.type === 'finished');
    const parsed = engine.parseScenario(getBuiltin('balanced')?.json);
    if (!parsed.ok) throw new Error('built-in does not parse');
    const straight = engine.createSimulation(parsed.scenario, { seed: 3 });
    straight.runUntil(60_000);
    expect(finished).toMatchObject({ type: 'finished', timeMs: 60_000, traceHash: straight.traceHash(), metrics: { produced: straight.metrics().produced } });
  });

  it('answers apply with the engine’s verdict', async () => {
    const { bridge, settle, summary, events } = setup(0);
    bridge.receive({ queuelab: 1, type: 'load', builtinId: 'balanced' });
    await settle();
    bridge.receive({ queuelab: 1, type: 'apply', requestId: 7, change: { type: 'set-rate', producer: 'checkout', ratePerSec: 900 } });
    bridge.receive({ queuelab: 1, type: 'apply', requestId: 8, change: { type: 'set-rate', producer: 'nobody', ratePerSec: 900 } });
    await settle();
    expect(summary()).toEqual(['ready', 'applied 7 true', 'applied 8 false']);
    expect(events[2]).toEqual({ queuelab: 1, type: 'applied', requestId: 8, ok: false, error: 'no producer "nobody"' });
  });

  it('plays and pauses', async () => {
    const { bridge, store, settle } = setup(0);
    bridge.receive({ queuelab: 1, type: 'load', builtinId: 'balanced' });
    await settle();
    bridge.receive({ queuelab: 1, type: 'play', speed: 10 });
    await settle(500);
    expect(store.getState().status).toBe('playing');
    bridge.receive({ queuelab: 1, type: 'pause' });
    await settle();
    expect(store.getState().status).toBe('paused');
    expect(store.getState().snapshot?.timeMs).toBeGreaterThan(1_000);
  });

  it('answers invalid commands and bad scenarios with an error, and ignores them otherwise', async () => {
    const { bridge, store, settle, events } = setup(0);
    bridge.receive({ queuelab: 1, type: 'seek' });
    bridge.receive(null);
    bridge.receive({ queuelab: 1, type: 'load', scenario: { version: 1, title: '<img src=x onerror=alert(1)>', topics: 'none' } });
    await settle();
    expect(events.map((e) => e.type)).toEqual(['error', 'error', 'error']);
    expect(events[0]).toMatchObject({ message: 'The command "seek" was ignored: timeMs: Invalid input: expected number, received undefined.', problems: [{ path: 'timeMs' }] });
    expect(events[2]).toMatchObject({ type: 'error', problems: expect.arrayContaining([expect.objectContaining({ path: 'topics' })]) });
    expect(store.getState().status).toBe('failed');
  });

  it('posts nothing after dispose', async () => {
    const { bridge, settle, events } = setup();
    bridge.dispose();
    bridge.receive({ queuelab: 1, type: 'load', builtinId: 'balanced' });
    bridge.receive('junk');
    await settle();
    expect(events).toEqual([]);
  });
});
