import fc from 'fast-check';
import { parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../engine/scenario/errors';
import { lineAndColumn, parsePath, rangeOfPath, type PathSegment } from './jsonPaths';

describe('parsePath', () => {
  it.each([
    ['', []],
    ['title', ['title']],
    ['topics[0].partitions', ['topics', 0, 'partitions']],
    ['consumerGroups[12].retry.maxAttempts', ['consumerGroups', 12, 'retry', 'maxAttempts']],
    ['headers["x-match"]', ['headers', 'x-match']],
    ['["a \\"b\\" ]"].c', ['a "b" ]', 'c']],
    ['$schema', ['$schema']],
  ] satisfies [string, PathSegment[]][])('%s', (text, segments) => {
    expect(parsePath(text)).toEqual(segments);
  });

  it.each(['.a', 'a..b', 'a[', 'a[x]', 'a["b"', 'a["b"x', 'a b', 'a[-1]'])('refuses %s', (text) => {
    expect(parsePath(text)).toBeNull();
  });

  it('reads back every path the engine formats', () => {
    const segment = fc.oneof(fc.string({ maxLength: 8 }), fc.nat({ max: 10_000 }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (path) => {
        expect(parsePath(formatPath(path))).toEqual(path);
      }),
    );
  });
});

describe('rangeOfPath', () => {
  const text = '{\n  "topics": [\n    { "name": "orders", "partitions": 0, "partitons": 3 }\n  ],\n  "seed": 7\n}';
  const root = parseTree(text);
  const at = (path: PathSegment[], atKey = false) => {
    const { from, to } = rangeOfPath(root, path, atKey);
    return text.slice(from, to);
  };

  it('marks the value at an existing path', () => {
    expect(at(['topics', 0, 'partitions'])).toBe('0');
    expect(at(['seed'])).toBe('7');
    expect(at(['topics', 0, 'name'])).toBe('"orders"');
  });

  it('marks the key of an unknown field', () => {
    expect(at(['topics', 0, 'partitons'], true)).toBe('"partitons"');
  });

  it('marks the nearest existing parent of a missing field: its key, or its opening brace', () => {
    expect(at(['topics', 0, 'replicationFactor'])).toBe('{');
    expect(at(['cluster', 'brokers'])).toBe('{');
    expect(at(['topics', 5])).toBe('"topics"');
  });

  it('marks the first character for the root, and nothing for an empty document', () => {
    expect(at([])).toBe('{');
    expect(rangeOfPath(undefined, ['a'], false)).toEqual({ from: 0, to: 0 });
  });
});

describe('lineAndColumn', () => {
  it('counts from 1, lines by \\n', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab', 99)).toEqual({ line: 1, column: 3 });
  });
});
