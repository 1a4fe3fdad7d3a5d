import { describe, expect, it } from 'vitest';
import { getBuiltin } from '../../content/builtins';
import { textOf } from './draftFile';
import { FORM_ITEMS_MAX, formGroups, readNumber, setValue } from './formModel';

const balanced = getBuiltin('balanced')?.json;

describe('formGroups', () => {
  it('shows exactly the common knobs the balanced scenario has, with their values', () => {
    const groups = formGroups(balanced);
    expect(groups.map((g) => [g.legend, g.fields.map((f) => [f.pathText, f.kind, f.value])])).toEqual([
      ['Scenario', [['title', 'text', 'A balanced pipeline'], ['description', 'textarea', expect.stringContaining('Three consumers')], ['seed', 'integer', 7], ['durationMs', 'integer', 60000]]],
      ['Cluster', [['cluster.brokers', 'integer', 3], ['cluster.networkLatencyMs', 'number', 1]]],
      ['Topic “orders”', [['topics[0].partitions', 'integer', 6], ['topics[0].replicationFactor', 'integer', 3], ['topics[0].minInsyncReplicas', 'integer', 2]]],
      [
        'Producer “checkout”',
        [
          ['producers[0].ratePerSec', 'number', 300],
          ['producers[0].arrival', 'select', 'poisson'],
          ['producers[0].keys.distribution', 'select', 'uniform'],
          ['producers[0].keys.count', 'integer', 10000],
          ['producers[0].acks', 'select', 'all'],
          ['producers[0].lingerMs', 'number', 5],
        ],
      ],
      [
        'Consumer group “billing”',
        [
          ['consumerGroups[0].consumers', 'integer', 3],
          ['consumerGroups[0].assignor', 'select', 'range'],
          ['consumerGroups[0].processingMs.dist', 'select', 'exponential'],
          ['consumerGroups[0].processingMs.mean', 'number', 4],
          ['consumerGroups[0].commit', 'select', 'after-process'],
        ],
      ],
    ]);
  });

  it('leaves out values a control cannot show (a wrong type, an unknown option) and lists beyond the limit', () => {
    const json = { title: 42, seed: 'seven', producers: [{ id: 'p', acks: 'some', ratePerSec: 5 }, null], topics: Array.from({ length: FORM_ITEMS_MAX + 5 }, (_, i) => ({ name: `t${i}`, partitions: 1 })) };
    const groups = formGroups(json);
    expect(groups.find((g) => g.id === 'scenario')).toBeUndefined();
    expect(groups.find((g) => g.id === 'producers-0')?.fields.map((f) => f.pathText)).toEqual(['producers[0].ratePerSec']);
    expect(groups.filter((g) => g.id.startsWith('topics-'))).toHaveLength(FORM_ITEMS_MAX);
    expect(formGroups([1, 2])).toEqual([]);
    expect(formGroups(null)).toEqual([]);
  });

  it('shows acks written as a number as its option', () => {
    const field = formGroups({ producers: [{ id: 'p', acks: -1 }] })[0]?.fields[0];
    expect(field).toMatchObject({ pathText: 'producers[0].acks', value: -1 });
  });

  it('gives every field a distinct id', () => {
    const ids = formGroups(getBuiltin('rabbit-work-queue')?.json).flatMap((g) => g.fields.map((f) => f.id));
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('setValue', () => {
  it('changes only the value, keeping the rest of the text byte for byte', () => {
    const text = textOf(balanced);
    const next = setValue(text, ['topics', 0, 'partitions'], 12);
    expect(next).toBe(text.replace('"partitions": 6', '"partitions": 12'));
    expect(setValue(text, ['title'], '<img src=x onerror=alert(1)>')).toBe(text.replace('"A balanced pipeline"', '"<img src=x onerror=alert(1)>"'));
    expect(setValue('{ "a": {"b": true} }', ['a', 'b'], false)).toBe('{ "a": {"b": false} }');
  });
});

describe('readNumber', () => {
  it.each([
    ['12', 'integer', { ok: true, value: 12 }],
    [' 1.5 ', 'number', { ok: true, value: 1.5 }],
    ['1e3', 'integer', { ok: true, value: 1000 }],
    ['', 'number', { ok: false, message: 'enter a number' }],
    ['abc', 'number', { ok: false, message: '"abc" is not a number' }],
    ['1.5', 'integer', { ok: false, message: 'must be a whole number, got 1.5' }],
    ['Infinity', 'number', { ok: false, message: '"Infinity" is not a number' }],
  ] as const)('%s as %s', (text, kind, expected) => {
    expect(readNumber(text, kind)).toEqual(expected);
  });
});
