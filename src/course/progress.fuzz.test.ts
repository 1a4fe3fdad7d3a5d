import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadProgress, PROGRESS_STORAGE_KEY, PROGRESS_VERSION, type ProgressStorage } from './progress';

/**
 * Saved progress is read from localStorage, which old versions, other tabs, extensions and
 * learners can all leave in any state. 100,000 stored texts — valid saves with parts broken,
 * truncated saves, arbitrary JSON and arbitrary strings — must each load as valid progress or
 * be discarded with a warning saying why; never an exception, never a half-read save.
 */

function storageWith(text: string): ProgressStorage & { removed: boolean } {
  const storage = {
    removed: false,
    getItem: (key: string) => (key === PROGRESS_STORAGE_KEY ? text : null),
    setItem: () => undefined,
    removeItem: () => {
      storage.removed = true;
    },
  };
  return storage;
}

const VALID = JSON.stringify({
  version: PROGRESS_VERSION,
  chapters: { 'the-log': { visited: true, answers: { q1: 'b', q2: 'a' }, challengePassed: true, diagnosed: false } },
});

const stored = fc.oneof(
  fc.constant(VALID),
  fc.nat(VALID.length).map((n) => VALID.slice(0, n)),
  fc.tuple(fc.nat(VALID.length - 1), fc.string({ minLength: 1, maxLength: 3 })).map(([i, s]) => VALID.slice(0, i) + s + VALID.slice(i + 1)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.record({ version: fc.oneof(fc.constant(PROGRESS_VERSION), fc.integer()), chapters: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 40 }),
);

describe('saved course progress under fuzzing', () => {
  it('loads or discards with a reason each of 100,000 stored texts, never throwing', () => {
    let kept = 0;
    let discarded = 0;
    fc.assert(
      fc.property(stored, (text) => {
        const warnings: string[] = [];
        const storage = storageWith(text);
        const progress = loadProgress(storage, (m) => warnings.push(m));
        expect(progress.version).toBe(PROGRESS_VERSION);
        if (warnings.length > 0) {
          discarded++;
          expect(warnings[0]).toMatch(/discarded because /);
          expect(storage.removed).toBe(true);
          expect(progress.chapters).toEqual({});
        } else {
          kept++;
          expect(storage.removed).toBe(false);
          for (const chapter of Object.values(progress.chapters)) expect(typeof chapter.visited).toBe('boolean');
        }
      }),
      { numRuns: 100_000, seed: 20_261_124 },
    );
    expect(kept).toBeGreaterThan(1000);
    expect(discarded).toBeGreaterThan(1000);
  });
});
