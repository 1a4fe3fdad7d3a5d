import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvariantError, LimitError } from './assert';
import { Scheduler } from './scheduler';

interface Popped {
  timeUs: number;
  seq: number;
  kind: number;
  a: number;
  b: number;
}

function drain(scheduler: Scheduler, untilUs = Infinity): Popped[] {
  const popped: Popped[] = [];
  while (scheduler.pop(untilUs)) {
    popped.push({ timeUs: scheduler.eventTimeUs, seq: scheduler.eventSeq, kind: scheduler.eventKind, a: scheduler.eventA, b: scheduler.eventB });
  }
  return popped;
}

describe('Scheduler', () => {
  it('pops by time, then by scheduling order, carrying each payload', () => {
    const scheduler = new Scheduler();
    expect(scheduler.schedule(30, 1, 10, 0.5)).toBe(0);
    expect(scheduler.schedule(10, 2, 20, -1)).toBe(1);
    expect(scheduler.schedule(20, 3, 30, 7)).toBe(2);
    expect(scheduler.schedule(10, 4, 40, 1e15)).toBe(3);
    expect(scheduler.schedule(0, -5, 50, 0)).toBe(4);
    expect(drain(scheduler)).toEqual([
      { timeUs: 0, seq: 4, kind: -5, a: 50, b: 0 },
      { timeUs: 10, seq: 1, kind: 2, a: 20, b: -1 },
      { timeUs: 10, seq: 3, kind: 4, a: 40, b: 1e15 },
      { timeUs: 20, seq: 2, kind: 3, a: 30, b: 7 },
      { timeUs: 30, seq: 0, kind: 1, a: 10, b: 0.5 },
    ]);
    expect(scheduler.nowUs).toBe(30);
    expect(scheduler.poppedCount).toBe(5);
    expect(scheduler.size).toBe(0);
  });

  it('pops events due at the same time first in, first out, including ones scheduled while popping', () => {
    const scheduler = new Scheduler();
    for (let i = 0; i < 6; i++) scheduler.schedule(100, 0, i, 0);
    const order: number[] = [];
    while (scheduler.pop()) {
      order.push(scheduler.eventA);
      // An event scheduled now for now goes behind everything already due now.
      if (scheduler.eventA === 2) scheduler.schedule(scheduler.nowUs, 0, 99, 0);
    }
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 99]);
  });

  it('grows past its initial capacity without losing or reordering events', () => {
    const scheduler = new Scheduler({ initialCapacity: 2 });
    // 0, 37, 74, … mod 101 visits every residue once, so times arrive scrambled.
    for (let i = 0; i < 101; i++) scheduler.schedule((i * 37) % 101, 0, i, 0);
    expect(scheduler.size).toBe(101);
    const popped = drain(scheduler);
    expect(popped.map((p) => p.timeUs)).toEqual(Array.from({ length: 101 }, (_, t) => t));
    expect(popped.every((p) => (p.a * 37) % 101 === p.timeUs)).toBe(true);
  });

  it('throws a LimitError naming pendingEventsMax when full, and stays usable', () => {
    const scheduler = new Scheduler({ pendingMax: 3, initialCapacity: 1 });
    scheduler.schedule(5, 0, 1, 0);
    scheduler.schedule(6, 0, 2, 0);
    scheduler.schedule(7, 0, 3, 0);
    let error: unknown;
    try {
      scheduler.schedule(8, 0, 4, 0);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LimitError);
    expect((error as LimitError).limitName).toBe('pendingEventsMax');
    expect((error as LimitError).limit).toBe(3);
    expect((error as LimitError).message).toMatch(/^limit pendingEventsMax \(3\) exceeded: /);
    expect(scheduler.size).toBe(3);
    expect(scheduler.pop()).toBe(true);
    // The refused event used no sequence number.
    expect(scheduler.schedule(8, 0, 4, 0)).toBe(3);
    expect(drain(scheduler).map((p) => p.a)).toEqual([2, 3, 4]);
  });

  it('rejects the past, non-integer or unsafe times and non-int32 kinds', () => {
    const scheduler = new Scheduler();
    scheduler.schedule(50, 0, 0, 0);
    scheduler.pop();
    expect(() => scheduler.schedule(49, 0, 0, 0)).toThrow(/before nowUs 50/);
    expect(() => scheduler.schedule(50.5, 0, 0, 0)).toThrow(InvariantError);
    expect(() => scheduler.schedule(Number.NaN, 0, 0, 0)).toThrow(InvariantError);
    expect(() => scheduler.schedule(Infinity, 0, 0, 0)).toThrow(InvariantError);
    expect(() => scheduler.schedule(2 ** 53, 0, 0, 0)).toThrow(InvariantError);
    expect(() => scheduler.schedule(60, 1.5, 0, 0)).toThrow(/kind must be an int32/);
    expect(() => scheduler.schedule(60, 2 ** 31, 0, 0)).toThrow(/kind must be an int32/);
    expect(scheduler.size).toBe(0);
    expect(scheduler.schedule(50, 0, 0, 0)).toBe(1);
  });

  it('pop(untilUs) pops only what is due and otherwise changes nothing', () => {
    const scheduler = new Scheduler();
    expect(scheduler.peekTimeUs()).toBe(Infinity);
    expect(scheduler.pop()).toBe(false);
    scheduler.schedule(10, 1, 0, 0);
    scheduler.schedule(20, 2, 0, 0);
    expect(drain(scheduler, 15).map((p) => p.kind)).toEqual([1]);
    expect(scheduler.pop(15)).toBe(false);
    expect(scheduler.pop(Number.NaN)).toBe(false);
    expect({ nowUs: scheduler.nowUs, size: scheduler.size, popped: scheduler.poppedCount, kind: scheduler.eventKind }).toEqual({ nowUs: 10, size: 1, popped: 1, kind: 1 });
    expect(scheduler.peekTimeUs()).toBe(20);
    expect(scheduler.pop(20)).toBe(true);
    expect(scheduler.eventKind).toBe(2);
  });

  it('advanceTo moves the clock up to, but never past, the next pending event', () => {
    const scheduler = new Scheduler();
    scheduler.schedule(100, 0, 0, 0);
    scheduler.advanceTo(40);
    expect(scheduler.nowUs).toBe(40);
    expect(() => scheduler.schedule(39, 0, 0, 0)).toThrow(InvariantError);
    expect(() => scheduler.advanceTo(101)).toThrow(/skip the pending event at 100/);
    expect(() => scheduler.advanceTo(30)).toThrow(InvariantError);
    expect(() => scheduler.advanceTo(50.5)).toThrow(InvariantError);
    scheduler.advanceTo(100);
    expect(scheduler.nowUs).toBe(100);
    expect(scheduler.pop()).toBe(true);
    scheduler.advanceTo(1e12);
    expect(scheduler.nowUs).toBe(1e12);
  });

  it('rejects nonsensical options', () => {
    expect(() => new Scheduler({ pendingMax: 0 })).toThrow(InvariantError);
    expect(() => new Scheduler({ initialCapacity: 1.5 })).toThrow(InvariantError);
  });

  it('pops any interleaving of schedules and pops in reference (time, seq) order', () => {
    const op = fc.oneof(
      fc.record({ type: fc.constant('schedule' as const), delayUs: fc.integer({ min: 0, max: 50 }), kind: fc.integer({ min: -1000, max: 1000 }) }),
      fc.record({ type: fc.constant('pop' as const), windowUs: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), fc.integer({ min: 1, max: 8 }), (ops, initialCapacity) => {
        const scheduler = new Scheduler({ initialCapacity });
        const pending: Popped[] = [];
        const actual: Popped[] = [];
        const expected: Popped[] = [];
        let seqNext = 0;
        const popReference = (untilUs: number): void => {
          pending.sort((x, y) => x.timeUs - y.timeUs || x.seq - y.seq);
          const head = pending[0];
          if (head !== undefined && head.timeUs <= untilUs) expected.push(pending.shift()!);
        };
        const popActual = (untilUs: number): void => {
          if (scheduler.pop(untilUs)) {
            actual.push({ timeUs: scheduler.eventTimeUs, seq: scheduler.eventSeq, kind: scheduler.eventKind, a: scheduler.eventA, b: scheduler.eventB });
          }
        };
        for (const o of ops) {
          if (o.type === 'schedule') {
            const event = { timeUs: scheduler.nowUs + o.delayUs, seq: seqNext++, kind: o.kind, a: seqNext * 3, b: -seqNext };
            expect(scheduler.schedule(event.timeUs, event.kind, event.a, event.b)).toBe(event.seq);
            pending.push(event);
          } else {
            const untilUs = o.windowUs === undefined ? Infinity : scheduler.nowUs + o.windowUs;
            popReference(untilUs);
            popActual(untilUs);
          }
          expect(scheduler.size).toBe(pending.length);
        }
        while (pending.length > 0) popReference(Infinity);
        while (scheduler.size > 0) popActual(Infinity);
        expect(actual).toEqual(expected);
      }),
      { seed: 20241125, numRuns: 300 },
    );
  });
});
