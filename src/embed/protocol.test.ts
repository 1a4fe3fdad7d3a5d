import { describe, expect, it } from 'vitest';
import { embedEventSchema, parseEmbedCommand, pickMetrics } from './protocol';

describe('embed commands', () => {
  it('accept each command of API version 1', () => {
    const commands = [
      { queuelab: 1, type: 'play' },
      { queuelab: 1, type: 'play', speed: 10 },
      { queuelab: 1, type: 'pause' },
      { queuelab: 1, type: 'step' },
      { queuelab: 1, type: 'seek', timeMs: 5000 },
      { queuelab: 1, type: 'apply', requestId: 3, change: { type: 'set-rate', producer: 'checkout', ratePerSec: 900 } },
      { queuelab: 1, type: 'load', builtinId: 'hot-key' },
      { queuelab: 1, type: 'load', scenario: { version: 1 }, seed: 4 },
      { queuelab: 1, type: 'configure', tickEveryMs: 500, thresholds: [{ id: 'lagging', metric: 'lag.max', above: 100 }] },
      { queuelab: 1, type: 'check' },
    ];
    for (const command of commands) expect(parseEmbedCommand(command)).toEqual({ ok: true, command });
  });

  it('name what is wrong with anything else', () => {
    expect(parseEmbedCommand('play')).toMatchObject({ ok: false, message: 'Not a Queuelab command: send an object like { queuelab: 1, type: "play" }.' });
    expect(parseEmbedCommand({ queuelab: 2, type: 'play' })).toMatchObject({ ok: false, problems: [{ path: 'queuelab', message: 'queuelab must be 1, the API version this embed speaks' }] });
    expect(parseEmbedCommand({ queuelab: 1, type: 'explode' })).toMatchObject({ ok: false, message: expect.stringContaining('The command "explode" was ignored: type: type must be one of play, pause') });
    expect(parseEmbedCommand({ queuelab: 1, type: 'seek', timeMs: -1 })).toMatchObject({ ok: false, problems: [{ path: 'timeMs' }] });
    expect(parseEmbedCommand({ queuelab: 1, type: 'play', speed: 1e6 })).toMatchObject({ ok: false, problems: [{ path: 'speed' }] });
    expect(parseEmbedCommand({ queuelab: 1, type: 'check', goals: [] })).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('goals') }] });
    expect(parseEmbedCommand({ queuelab: 1, type: 'pause', extra: true })).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('extra') }] });
    expect(parseEmbedCommand({ queuelab: 1, type: 'load' })).toMatchObject({ ok: false, problems: [{ message: 'load takes exactly one of builtinId or scenario' }] });
    expect(parseEmbedCommand({ queuelab: 1, type: 'configure', thresholds: [{ id: 'x', metric: 'lag.max', above: 1, below: 0 }] })).toMatchObject({ ok: false, problems: [{ path: 'thresholds.0', message: 'a threshold has exactly one of above or below' }] });
    expect(parseEmbedCommand({ queuelab: 1, type: 'configure', thresholds: [{ id: 'x', metric: 'cpu', above: 1 }] })).toMatchObject({ ok: false, problems: [{ path: 'thresholds.0.metric' }] });
  });
});

describe('embed events', () => {
  it('flatten the metrics a host can read', () => {
    const picked = pickMetrics({ produced: 10, lag: { total: 4, max: 3 }, latencyMs: { mean: 1.5, p50: 1, p95: 2, p99: NaN }, rebalances: { count: 1 } });
    expect(picked).toMatchObject({ produced: 10, 'lag.total': 4, 'lag.max': 3, 'latencyMs.p99': 0, 'rebalances.count': 1, 'rebalances.totalPauseMs': 0, lost: 0 });
    expect(embedEventSchema.safeParse({ queuelab: 1, type: 'tick', timeMs: 1, status: 'playing', metrics: picked }).success).toBe(true);
  });

  it('describe a graded challenge, goal by goal with the measured value, and refuse a malformed one', () => {
    const graded = {
      queuelab: 1,
      type: 'challenge-graded',
      passed: false,
      timeMs: 30_000,
      settings: { 'consumerGroups.0.consumers': 2, 'consumerGroups.0.assignor': 'range' },
      goals: [
        { id: 'lag-small', label: 'Lag at most 200', ok: false, detail: 'lag was 832 at 20 s', value: 832 },
        { id: 'none-lost', label: 'Nothing lost', ok: true, detail: 'lost stayed = 0', value: null },
      ],
      constraints: [{ id: 'budget', label: 'At most 4 consumers', ok: true, detail: 'is 2' }],
      errors: [],
      feedback: 'Not yet.',
    };
    expect(embedEventSchema.parse(graded)).toEqual(graded);
    expect(embedEventSchema.safeParse({ ...graded, goals: [{ id: 'x', label: 'x', ok: true, detail: 'x' }] }).success).toBe(false);
    expect(embedEventSchema.safeParse({ ...graded, settings: { a: { nested: 1 } } }).success).toBe(false);
    expect(embedEventSchema.safeParse({ ...graded, score: 1 }).success).toBe(false);
  });
});
