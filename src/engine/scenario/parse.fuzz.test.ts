import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioInputArb } from '../testing/arbitraries';
import { parseScenario, parseScenarioJson } from './parse';
import type { ParseResult } from './errors';

/**
 * Mutation fuzzing: start from valid scenarios, break them in the ways people and programs do,
 * and check that the parser never throws, always explains itself, and points at real places.
 */

const designExample = {
  version: 1,
  title: 'A consumer too slow for its producer',
  seed: 7,
  durationMs: 60000,
  cluster: { brokers: 3, networkLatencyMs: 1, replicaFetchMs: 5, uncleanLeaderElection: false },
  topics: [{ name: 'orders', partitions: 6, replicationFactor: 3, minInsyncReplicas: 2 }],
  producers: [
    { id: 'checkout', topic: 'orders', ratePerSec: 500, arrival: 'poisson', keys: { distribution: 'uniform', count: 10000 }, acks: 'all', lingerMs: 5, enableIdempotence: true },
  ],
  consumerGroups: [
    {
      id: 'billing', topic: 'orders', consumers: 3, assignor: 'cooperative-sticky', processingMs: { dist: 'exponential', mean: 4 },
      commit: 'after-process', maxPollRecords: 500, sessionTimeoutMs: 45000,
      failures: { transientRate: 0.01, poisonKeys: ['k-13'] },
      retry: { mode: 'in-place', maxAttempts: 4, backoffMs: 100, multiplier: 2, maxBackoffMs: 1000, jitter: 0.2 },
      deadLetterTopic: 'orders-dlt', idempotent: false,
    },
  ],
  faults: [
    { atMs: 20000, type: 'broker-crash', broker: 1, restartAfterMs: 15000 },
    { atMs: 30000, type: 'consumer-crash', group: 'billing', consumer: 0 },
    { atMs: 31000, type: 'consumer-slow', group: 'billing', consumer: 1, processingMs: { dist: 'uniform', min: 1, max: 3 } },
    { atMs: 40000, type: 'set-partitions', topic: 'orders', partitions: 8 },
    { atMs: 41000, type: 'set-rate', producer: 'checkout', ratePerSec: 10 },
  ],
};

const validArb = fc.oneof(fc.constant(designExample), scenarioInputArb);

const oddKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'partitons', 'topics', 'version', 'a.b', '[0]', '"'];

/** A value to put somewhere: anything a JSON document, a program or an attacker might hold. */
const oddValueArb: fc.Arbitrary<() => unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => () => v),
  fc.constantFrom<unknown>(
    NaN, Infinity, -Infinity, -0, 1e308, -1e308, 2 ** 53 + 2, 4294967296, 1.5, 0, -1, '', '1', 'all', null, undefined, true, [], {},
    10n ** 30n, Symbol('s'), new Uint8Array(2), new Map(), /x/,
  ).map((v) => () => v),
  fc.constantFrom(
    () => () => 1,
    () => Object.create(null) as object,
    () => JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
    () => ({ constructor: { prototype: { polluted: true } } }),
    () => new Array(1001).fill(0), // one over the longest list allowed
    () => 'x'.repeat(5000),
    () => {
      let deep: unknown = 0;
      for (let i = 0; i < 60; i++) deep = i % 2 ? [deep] : { a: deep };
      return deep;
    },
    () =>
      Object.defineProperty({}, 'name', {
        enumerable: true,
        get() {
          throw new Error('getter');
        },
      }),
    () => new Proxy({}, { ownKeys: () => { throw new Error('trap'); } }),
    () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    },
  ),
);

type Mutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'replace'; pick: number; value: () => unknown }
  | { kind: 'add'; pick: number; key: string; value: () => unknown }
  | { kind: 'cycle'; pick: number; key: string }
  | { kind: 'wrap'; pick: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: oddValueArb }),
  fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), key: fc.oneof(fc.constantFrom(...oddKeys), fc.string({ maxLength: 8 })), value: oddValueArb }),
  fc.record({ kind: fc.constant('cycle' as const), pick: fc.nat(), key: fc.constantFrom('self', 'topics', 'name') }),
  fc.record({ kind: fc.constant('wrap' as const), pick: fc.nat() }),
);

type Container = Record<string, unknown> | unknown[];

/** Every (container, key) slot reachable through plain objects and arrays, each container once. */
function slots(root: Container, planted: WeakSet<object>): [Container, string | number][] {
  const found: [Container, string | number][] = [];
  const seen = new Set<object>();
  const walk = (node: Container): void => {
    if (seen.has(node) || planted.has(node)) return;
    seen.add(node);
    const keys: (string | number)[] = Array.isArray(node) ? Array.from({ length: node.length }, (_, i) => i) : Object.keys(node);
    for (const key of keys) {
      found.push([node, key]);
      const descriptor = Object.getOwnPropertyDescriptor(node, key);
      const child: unknown = descriptor && 'value' in descriptor ? descriptor.value : undefined;
      if (typeof child !== 'object' || child === null || planted.has(child)) continue;
      if (Array.isArray(child) || Object.getPrototypeOf(child) === Object.prototype) {
        walk(child as Container);
      }
    }
  };
  walk(root);
  return found;
}

/** Applies mutations to a deep copy of a valid scenario (copied before any odd value goes in). */
function mutate(valid: unknown, mutations: Mutation[]): unknown {
  const root = structuredClone(valid) as Record<string, unknown>;
  // Odd values (proxies, throwing getters) are not walked into by the next mutation.
  const planted = new WeakSet<object>();
  const plant = (make: () => unknown): unknown => {
    const value = make();
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') planted.add(value);
    return value;
  };
  for (const m of mutations) {
    const all = slots(root, planted);
    if (all.length === 0) break;
    const [container, key] = all[m.pick % all.length]!;
    const target = container as Record<string | number, unknown>;
    switch (m.kind) {
      case 'delete':
        if (Array.isArray(container)) container.splice(key as number, 1);
        else delete target[key];
        break;
      case 'replace':
        target[key] = plant(m.value);
        break;
      case 'add': {
        const child = target[key];
        const isPlainChild = typeof child === 'object' && child !== null && !planted.has(child) && !Array.isArray(child);
        const host = (isPlainChild ? child : container) as Record<string, unknown>;
        Object.defineProperty(host, m.key, { value: plant(m.value), enumerable: true, writable: true, configurable: true });
        break;
      }
      case 'cycle':
        Object.defineProperty(container, m.key, { value: root, enumerable: true, writable: true, configurable: true });
        break;
      case 'wrap':
        target[key] = [target[key]];
        break;
    }
  }
  return root;
}

/** Splits "a.b[0]["c d"]" back into segments (the inverse of formatPath). */
function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const pattern = /(?:^|\.)([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < path.length && (match = pattern.exec(path)) !== null) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(JSON.parse(match[3]!) as string);
  }
  if (pattern.lastIndex !== path.length) throw new Error(`unparseable path ${JSON.stringify(path)}`);
  return segments;
}

/** Whether path names a place in input, or a missing field of a place that exists. Reads no getters. */
function resolves(input: unknown, path: string): boolean {
  let node: unknown = input;
  const segments = pathSegments(path);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    let descriptor: PropertyDescriptor | undefined;
    try {
      descriptor = typeof node === 'object' && node !== null ? Object.getOwnPropertyDescriptor(node, segment) : undefined;
    } catch {
      return false;
    }
    if (descriptor === undefined) return i === segments.length - 1 && typeof node === 'object' && node !== null;
    if (!('value' in descriptor)) return i === segments.length - 1; // a getter: the error is about it
    node = descriptor.value;
  }
  return true;
}

/** Throws (plain checks: expect() per error would dominate the run time) unless result explains itself. */
function checkResult(input: unknown, result: ParseResult): void {
  if (Object.hasOwn(Object.prototype, 'polluted')) throw new Error('Object.prototype was polluted');
  if (result.ok) return;
  if (result.errors.length === 0 || result.errors.length > 101) throw new Error(`${result.errors.length} errors`);
  for (const error of result.errors) {
    if (error.message === '' || /internal error/.test(error.message)) throw new Error(`bad message at ${JSON.stringify(error.path)}: ${error.message}`);
    if (!resolves(input, error.path)) throw new Error(`path ${JSON.stringify(error.path)} is not in the input (${error.message})`);
  }
}

describe('parseScenario under mutation', () => {
  it('never throws, and every error has a message and a path into the input (20,000 inputs)', () => {
    fc.assert(
      fc.property(validArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (valid, mutations) => {
        const input = mutate(valid, mutations);
        checkResult(input, parseScenario(input));
      }),
      { numRuns: 20_000, seed: 20250101 },
    );
  });

  it('accepts the valid scenarios it starts from', () => {
    fc.assert(
      fc.property(validArb, (valid) => {
        expect(parseScenario(valid)).toMatchObject({ ok: true });
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('parseScenarioJson on random text', () => {
  it('never throws on arbitrary strings or on damaged JSON', () => {
    const damagedJson = fc
      .tuple(validArb, fc.nat(), fc.nat(), fc.string({ maxLength: 4 }))
      .map(([valid, at, length, insert]) => {
        const text = JSON.stringify(valid);
        const start = at % (text.length + 1);
        return text.slice(0, start) + insert + text.slice(start + (length % 4));
      });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.json(), damagedJson), (text) => {
        const result = parseScenarioJson(text);
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          expect(result).toMatchObject({ ok: false, errors: [{ path: '' }] });
          return;
        }
        checkResult(parsed, result);
      }),
      { numRuns: 5000, seed: 11 },
    );
  });
});
