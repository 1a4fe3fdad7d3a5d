import { describe, expect, it } from 'vitest';
import { routeTargets } from './exchangeRouting';
import { topicMatches, topicPatternProblem, topicWords } from './topicPattern';
import type { BindingRt, ExchangeRt } from './types';
import type { ExchangeType } from '../scenario/queueTypes';

const QUEUES = ['q0', 'q1', 'q2', 'q3'];

function exchange(type: ExchangeType, bindings: { queue: string; key?: string; headers?: Record<string, string>; xMatch?: 'all' | 'any' }[]): Pick<ExchangeRt, 'type' | 'bindings'> {
  return {
    type,
    bindings: bindings.map(
      (b): BindingRt => ({ queue: QUEUES.indexOf(b.queue), key: b.key ?? '', words: topicWords(b.key ?? ''), headers: Object.entries(b.headers ?? {}), matchAll: (b.xMatch ?? 'all') === 'all' }),
    ),
  };
}

const names = (targets: Int32Array): string[] => Array.from(targets, (q) => QUEUES[q]!);

describe('topic patterns', () => {
  const table: [pattern: string, key: string, matches: boolean][] = [
    ['order.*.created', 'order.eu.created', true],
    ['order.*.created', 'order.created', false],
    ['order.*.created', 'order.eu.west.created', false],
    ['order.*.created', 'order.eu.paid', false],
    ['order.#', 'order', true],
    ['order.#', 'order.eu', true],
    ['order.#', 'order.eu.west.created', true],
    ['order.#', 'orders.eu', false],
    ['order.#', 'invoice.order', false],
    ['#', '', true],
    ['#', 'anything.at.all', true],
    ['*', '', false],
    ['*', 'one', true],
    ['*', 'one.two', false],
    ['#.created', 'created', true],
    ['#.created', 'order.eu.created', true],
    ['#.created', 'order.created.late', false],
    ['a.#.z', 'a.z', true],
    ['a.#.z', 'a.b.c.z', true],
    ['a.#.#.z', 'a.b.z', true],
    ['a.*.#', 'a', false],
    ['a.*.#', 'a.b', true],
    ['', '', true],
    ['', 'a', false],
  ];
  it.each(table)('%j against %j: %s', (pattern, key, matches) => {
    expect(topicMatches(topicWords(pattern), topicWords(key))).toBe(matches);
  });

  it('refuses words that mix "*" or "#" with other characters, and accepts whole-word wildcards', () => {
    expect(topicPatternProblem('order*')).toMatch(/word 1 "order\*" mixes/);
    expect(topicPatternProblem('order.#x')).toMatch(/word 2 "#x" mixes/);
    expect(['order.*.created', 'order.#', '#', '*', '', 'a..b'].map(topicPatternProblem)).toEqual([null, null, null, null, null, null]);
  });
});

describe('routing tables: which queues get a message', () => {
  it('direct: every binding whose key equals the routing key, each queue once', () => {
    const e = exchange('direct', [
      { queue: 'q0', key: 'pdf' },
      { queue: 'q1', key: 'png' },
      { queue: 'q2', key: 'pdf' },
      { queue: 'q2', key: 'png' },
    ]);
    expect([names(routeTargets(e, 'pdf', {})), names(routeTargets(e, 'png', {})), names(routeTargets(e, 'gif', {})), names(routeTargets(e, '', {}))]).toEqual([
      ['q0', 'q2'],
      ['q1', 'q2'],
      [],
      [],
    ]);
  });

  it('topic: order.*.created, order.# and # bound to three queues', () => {
    const e = exchange('topic', [
      { queue: 'q0', key: 'order.*.created' },
      { queue: 'q1', key: 'order.#' },
      { queue: 'q2', key: '#' },
    ]);
    const table = Object.fromEntries(['order.eu.created', 'order.created', 'order', 'order.eu.paid', 'invoice.eu.created', ''].map((key) => [key, names(routeTargets(e, key, {}))]));
    expect(table).toEqual({
      'order.eu.created': ['q0', 'q1', 'q2'],
      'order.created': ['q1', 'q2'],
      order: ['q1', 'q2'],
      'order.eu.paid': ['q1', 'q2'],
      'invoice.eu.created': ['q2'],
      '': ['q2'],
    });
  });

  it('fanout: every bound queue, whatever the key and headers', () => {
    const e = exchange('fanout', [{ queue: 'q3' }, { queue: 'q1', key: 'ignored' }]);
    expect([names(routeTargets(e, 'x', {})), names(routeTargets(e, '', { a: 'b' }))]).toEqual([
      ['q1', 'q3'],
      ['q1', 'q3'],
    ]);
  });

  it('headers: x-match all needs every header, any needs one; the routing key is ignored', () => {
    const e = exchange('headers', [
      { queue: 'q0', headers: { format: 'pdf', type: 'report' }, xMatch: 'all' },
      { queue: 'q1', headers: { format: 'pdf', type: 'log' }, xMatch: 'any' },
      { queue: 'q2', headers: { region: 'eu' } },
    ]);
    const route = (headers: Record<string, string>): string[] => names(routeTargets(e, 'any.key', headers));
    expect([
      route({ format: 'pdf', type: 'report' }),
      route({ format: 'pdf' }),
      route({ type: 'log', region: 'eu' }),
      route({ format: 'zip', type: 'report', region: 'us' }),
      route({}),
    ]).toEqual([['q0', 'q1'], ['q1'], ['q1', 'q2'], [], []]);
  });
});
