import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PATH_PATTERN, PATH_SEGMENTS_MAX, joinPath, pathProblem, pathSegments, readNumber, readPath, writePath } from './metricPath';

describe('challenge paths', () => {
  const doc = { topics: [{ name: 'orders', partitions: 3 }], consumerGroups: [{ id: 'billing' }] };

  it('reads nested fields and list items, and undefined for anything missing', () => {
    expect(readPath(doc, 'topics.0.partitions')).toBe(3);
    expect(readNumber(doc, 'topics.0.name')).toBeUndefined();
    expect(readPath(doc, 'topics.1.partitions')).toBeUndefined();
    expect(readPath(doc, 'topics.0.toString')).toBeUndefined();
  });

  it('writes into a copy, adding a field but never a missing parent', () => {
    const written = writePath(doc, 'consumerGroups.0.staticMembership', true);
    expect(written).toEqual({ ok: true, data: { ...doc, consumerGroups: [{ id: 'billing', staticMembership: true }] } });
    expect(doc.consumerGroups[0]).toEqual({ id: 'billing' });
    expect(writePath(doc, 'producers.0.ratePerSec', 5)).toEqual({ ok: false, error: 'the scenario has no "producers.0.ratePerSec"' });
    expect(writePath(doc, 'topics.first', 5)).toEqual({ ok: false, error: '"topics.first" indexes a list with a name' });
    expect(() => readPath(doc, 'a..b')).toThrow(RangeError);
  });

  it('names a key with a dot in brackets, alone or mixed with dots and list indexes', () => {
    const metrics = { queues: { 'orders.dlq': { depth: 4 }, orders: { depth: 1 } }, ledger: { 'ledger.fifo': 2 }, topics: [{ partitions: 3 }] };
    expect(readNumber(metrics, 'queues["orders.dlq"].depth')).toBe(4);
    expect(readNumber(metrics, "queues['orders.dlq'].depth")).toBe(4);
    expect(readNumber(metrics, 'queues.orders.depth')).toBe(1);
    expect(readNumber(metrics, 'ledger["ledger.fifo"]')).toBe(2);
    expect(readNumber(metrics, 'topics[0].partitions')).toBe(3);
    expect(readNumber(metrics, '["topics"][0]["partitions"]')).toBe(3);
    // The dotted form of a dotted key reads something else: two names, not one.
    expect(readPath(metrics, 'queues.orders.dlq.depth')).toBeUndefined();
    const written = writePath(metrics, 'queues["orders.dlq"].depth', 9);
    expect(written.ok && readNumber(written.data, 'queues["orders.dlq"].depth')).toBe(9);
  });

  it('splits paths into names exactly, with escapes inside quotes', () => {
    expect(pathSegments('groups.billing.lag.max')).toEqual(['groups', 'billing', 'lag', 'max']);
    expect(pathSegments('a["b.c"][2].d')).toEqual(['a', 'b.c', '2', 'd']);
    expect(pathSegments('a["say \\"hi\\""]')).toEqual(['a', 'say "hi"']);
    expect(pathSegments("a['it\\'s']")).toEqual(['a', "it's"]);
    expect(pathSegments('a["back\\\\slash"]')).toEqual(['a', 'back\\slash']);
    expect(pathSegments('a["x]y"]')).toEqual(['a', 'x]y']);
  });

  it('formats names back into the shortest path that reads them', () => {
    for (const parts of [['groups', 'billing', 'lag', 'max'], ['queues', 'orders.dlq', 'depth'], ['a', 'say "hi"'], ['a', 'x]y', 'b\\c'], ['orders.dlq']]) {
      expect(pathSegments(joinPath(parts))).toEqual(parts);
    }
    expect(joinPath(['queues', 'orders.dlq', 'depth'])).toBe('queues["orders.dlq"].depth');
  });

  it('rejects malformed paths with a reason and a position', () => {
    const problem = (path: string) => {
      try {
        pathSegments(path);
        return 'accepted';
      } catch (error) {
        return (error as RangeError).message.replace(/^.*: /, '');
      }
    };
    expect(problem('')).toBe('it is empty');
    expect(problem('a..b')).toBe('a name is missing at 2');
    expect(problem('a.')).toBe('a name is missing after the "." at 1');
    expect(problem('a.["b"]')).toBe('a name is missing after the "." at 1');
    expect(problem('a[b]')).toBe('brackets at 1 hold a list index like [0] or a quoted name like ["orders.dlq"]');
    expect(problem('a["b"')).toBe('"]" expected after the closing quote at 4');
    expect(problem('a["b')).toBe('the quote opened at 2 is never closed');
    expect(problem('a[""]')).toBe('the name in brackets at 1 is empty');
    expect(problem('a["b"]c')).toBe('"." or "[" expected at 6');
    expect(problem('a]b')).toBe('"]" without "[" at 1');
    expect(problem('a["\\x"]')).toBe('only \\" and \\\\ may be escaped (at 3)');
    expect(problem(Array.from({ length: PATH_SEGMENTS_MAX + 1 }, () => 'a').join('.'))).toBe(`more than ${PATH_SEGMENTS_MAX} names`);
    expect(problem(Array.from({ length: PATH_SEGMENTS_MAX }, () => 'a').join('.'))).toBe('accepted');
  });

  it('pathProblem gives the reason pathSegments throws with, and null exactly when it reads the path', () => {
    expect(pathProblem('queues["orders.dlq"].depth')).toBeNull();
    expect(pathProblem('a..b')).toBe('a name is missing at 2');
    expect(() => pathSegments('a..b')).toThrow('"a..b" is not a path of at most 8 names (names joined by ".", or in brackets like ["orders.dlq"]): a name is missing at 2');
  });

  it('PATH_PATTERN (what the JSON Schema tells editors) accepts exactly the paths pathSegments reads', () => {
    // Short strings over the characters the grammar treats specially find every boundary case.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '.', '[', ']', '"', "'", '\\', '0', '1', ' '), maxLength: 14 });
    const cases = ['a', 'a.b', 'a[0]', '["a.b"]', "a['b\\'c']", 'a["b"]["c"]', '.a', 'a.', 'a[01]', 'a["b\\c"]', 'a[""]', 'a.[0]', Array(9).fill('a').join('.')];
    for (const path of cases) expect([path, PATH_PATTERN.test(path)]).toEqual([path, pathProblem(path) === null]);
    fc.assert(
      fc.property(text, (path) => PATH_PATTERN.test(path) === (pathProblem(path) === null)),
      { seed: 20261123, numRuns: 5000 },
    );
  });

  it('joinPath writes any names so that pathSegments reads them back unchanged', () => {
    const name = fc.string({ unit: fc.constantFrom('a', '.', '[', ']', '"', "'", '\\', '0', ' '), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: PATH_SEGMENTS_MAX }), (parts) => {
        expect(pathSegments(joinPath(parts))).toEqual(parts);
      }),
      { seed: 20261123, numRuns: 500 },
    );
  });
});
