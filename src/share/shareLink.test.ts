import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, ENGINE_VERSION, parseScenario } from '../engine';
import balanced from '../../content/scenarios/balanced.json' with { type: 'json' };
import consumerCrash from '../../content/scenarios/consumer-crash.json' with { type: 'json' };
import { createSharePayload, type SharePayload } from './payload';
import { decodeShareText, encodeShareFragment, FRAGMENT_CHARS_MAX, readShareFragment } from './shareLink';
import { readRunFileText, runFileName, runFileText } from './runFile';

/** Runs built from the built-in scenarios with random titles, seeds, actions, times and speeds. */
const payloadArb: fc.Arbitrary<SharePayload> = fc
  .record({
    base: fc.constantFrom<Record<string, unknown>>(balanced, consumerCrash),
    title: fc.string({ minLength: 1, maxLength: 80 }),
    seed: fc.option(fc.integer({ min: 0, max: 4_294_967_295 }), { nil: undefined }),
    rates: fc.array(fc.tuple(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 5000 })), { maxLength: 20 }),
    startMs: fc.option(fc.integer({ min: 1, max: 60_000 }), { nil: undefined }),
    speed: fc.option(fc.constantFrom(0.1, 0.5, 2, 10, 1000), { nil: undefined }),
  })
  .map(({ base, title, seed, rates, startMs, speed }) => {
    const times = rates.map(([t]) => t).sort((a, b) => a - b);
    const actions = rates.map(([, rate], i) => ({ timeMs: times[i]!, events: times[i]! * 3, change: { type: 'set-rate' as const, producer: 'checkout', ratePerSec: rate } }));
    return createSharePayload({ scenario: { ...base, title }, seed, actions, startMs, speed });
  });

describe('share links', () => {
  it('round-trip any run exactly', () => {
    fc.assert(
      fc.property(payloadArb, (payload) => {
        const encoded = encodeShareFragment(payload);
        if (!encoded.ok) throw new Error(encoded.error.message);
        expect(encoded.fragment).toMatch(/^#run=[A-Za-z0-9_-]+$/);
        const decoded = readShareFragment(encoded.fragment);
        expect(decoded?.ok && decoded.run.payload).toEqual(payload);
        // The same run always gives the same link.
        expect(encodeShareFragment(structuredClone(payload))).toEqual(encoded);
      }),
      { seed: 21, numRuns: 150 },
    );
  });

  it('carry a recorded run that replays to the same trace hash', () => {
    const parsed = parseScenario(consumerCrash);
    if (!parsed.ok) throw new Error('built-in does not parse');
    const sim = createSimulation(parsed.scenario, { seed: 1234 });
    sim.runUntil(3_333);
    expect(sim.apply({ type: 'consumer-add', group: 'ledger', count: 2 }).ok).toBe(true);
    sim.runUntil(7_000);
    sim.step(5);
    expect(sim.apply({ type: 'set-rate', producer: 'gateway', ratePerSec: 1500 }).ok).toBe(true);
    sim.runUntil(15_000);

    const encoded = encodeShareFragment(createSharePayload({ scenario: consumerCrash, seed: sim.seed, actions: sim.actions(), startMs: sim.now, traceHash: sim.traceHash() }));
    if (!encoded.ok) throw new Error(encoded.error.message);
    const decoded = readShareFragment(encoded.fragment);
    if (!decoded?.ok) throw new Error('did not decode');
    const { payload, scenario } = decoded.run;
    const replay = createSimulation(scenario, { seed: payload.seed, actions: payload.actions });
    replay.runUntil(payload.startMs!);
    expect(replay.traceHash()).toBe(payload.traceHash);
    expect(replay.metrics()).toEqual(sim.metrics());
  });

  it('are not links at all without #run=', () => {
    expect(readShareFragment('')).toBeNull();
    expect(readShareFragment('#')).toBeNull();
    expect(readShareFragment('#scenario=balanced')).toBeNull();
  });

  it('explain every way a link breaks', () => {
    const encoded = encodeShareFragment(createSharePayload({ scenario: balanced }));
    if (!encoded.ok) throw new Error('too long');
    const body = encoded.fragment.slice('#run='.length);
    const kindOf = (text: string) => {
      const result = decodeShareText(text);
      return result.ok ? 'ok' : result.error.kind;
    };
    expect(kindOf(body)).toBe('ok');
    expect(kindOf('')).toBe('empty');
    expect(kindOf('A'.repeat(FRAGMENT_CHARS_MAX + 1))).toBe('too-long');
    expect(kindOf(`${body.slice(0, 10)}%20${body.slice(10)}`)).toBe('not-base64url');
    expect(decodeShareText(`${body.slice(0, 10)}!${body.slice(11)}`)).toMatchObject({ ok: false, error: { message: expect.stringContaining('"!" at character 11') } });
    expect(kindOf(body.slice(0, -20))).toMatch(/^(corrupt|not-base64url)$/);
    expect(kindOf(body.slice(0, 40))).toBe('corrupt');
    const flipped = `${body.slice(0, 30)}${body[30] === 'A' ? 'B' : 'A'}${body.slice(31)}`;
    expect(kindOf(flipped)).toMatch(/^(corrupt|not-base64url)$/);
    expect(kindOf(Buffer.from('not compressed at all').toString('base64url'))).toBe('corrupt');
  });

  it('refuse runs too long for a link, and the same run goes through a run file whole', () => {
    // A long session of hard-to-compress changes makes a run whose link is too long.
    const actions = Array.from({ length: 3000 }, (_, i) => ({ timeMs: i * 20, events: i * 97, change: { type: 'set-rate' as const, producer: 'checkout', ratePerSec: (i * 2654435761) % 99_991 } }));
    const payload = createSharePayload({ scenario: balanced, seed: 5, actions });
    const encoded = encodeShareFragment(payload);
    expect(encoded.ok).toBe(false);
    expect(!encoded.ok && encoded.error.kind).toBe('too-long');
    expect(!encoded.ok && encoded.chars).toBeGreaterThan(FRAGMENT_CHARS_MAX);
    const file = readRunFileText(runFileText(payload));
    expect(file.ok && file.run.payload).toEqual(payload);
    expect(runFileName('A consumer too slow: <b>ouch</b>!')).toBe('queuelab-run-a-consumer-too-slow-b-ouch-b.json');
    expect(runFileName('')).toBe('queuelab-run.json');
    expect(readRunFileText('{}', 3 * 1024 * 1024)).toMatchObject({ ok: false, error: { kind: 'too-long' } });
  });

  it('flag a run recorded by another engine', () => {
    const encoded = encodeShareFragment({ ...createSharePayload({ scenario: balanced }), engineVersion: '0.0.9' });
    const decoded = encoded.ok ? readShareFragment(encoded.fragment) : null;
    expect(decoded?.ok && decoded.run.engineMismatch).toEqual({ recordedWith: '0.0.9', current: ENGINE_VERSION });
  });
});
