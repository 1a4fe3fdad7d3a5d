import { describe, expect, it } from 'vitest';
import { createProgressStore, loadProgress, PROGRESS_STORAGE_KEY, type ProgressStorage } from './progress';

function memoryStorage(initial?: string): ProgressStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set(PROGRESS_STORAGE_KEY, initial);
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('course progress', () => {
  it('saves every update and reads it back in a new store (a reload)', () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    store.update('the-log', (c) => ({ ...c, visited: true, answers: { ...c.answers, latest: 'new' } }));
    store.update('the-log', (c) => ({ ...c, challengePassed: true }));
    const reloaded = createProgressStore(storage);
    expect(reloaded.get()).toEqual({
      version: 1,
      chapters: { 'the-log': { visited: true, answers: { latest: 'new' }, challengePassed: true, diagnosed: false } },
    });
  });

  it('loads progress saved before predictions existed, then keeps predictions across a reload', () => {
    const before = '{"version":1,"chapters":{"durability":{"visited":true,"answers":{"acks":"one"},"challengePassed":true,"diagnosed":false}}}';
    const storage = memoryStorage(before);
    const warnings: string[] = [];
    const store = createProgressStore(storage, (m) => warnings.push(m));
    expect(store.chapter('durability')).toEqual({ visited: true, answers: { acks: 'one' }, challengePassed: true, diagnosed: false });
    store.update('durability', (c) => ({ ...c, predictions: { ...c.predictions, 'leader-crash': 'some-lost' } }));
    store.update('durability', (c) => ({ ...c, predictions: { ...c.predictions, 'missing-payments': 'skipped' } }));
    expect(warnings).toEqual([]);
    expect(createProgressStore(storage).chapter('durability')).toEqual({
      visited: true,
      answers: { acks: 'one' },
      challengePassed: true,
      diagnosed: false,
      predictions: { 'leader-crash': 'some-lost', 'missing-payments': 'skipped' },
    });
  });

  it.each([
    ['a prediction that is not a slug', '{"version":1,"chapters":{"the-log":{"visited":true,"answers":{},"challengePassed":false,"diagnosed":false,"predictions":{"x":"Not A Slug"}}}}', 'not in the format'],
    ['not JSON', '{"version":1,', 'it is not JSON'],
    ['an old format', '{"version":0,"chapters":{}}', 'saved in format 0, this page reads 1'],
    ['foreign data', '{"theme":"dark"}', 'not in the format this page saves'],
    ['a wrong field type', '{"version":1,"chapters":{"the-log":{"visited":"yes","answers":{},"challengePassed":false,"diagnosed":false}}}', 'not in the format'],
    ['a value that is not an object', '42', 'not in the format'],
  ])('discards %s with a warning and removes it', (_, saved, why) => {
    const storage = memoryStorage(saved);
    const warnings: string[] = [];
    expect(loadProgress(storage, (m) => warnings.push(m))).toEqual({ version: 1, chapters: {} });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(why);
    expect(storage.data.has(PROGRESS_STORAGE_KEY)).toBe(false);
  });

  it('works without storage, and when storage throws', () => {
    const throwing: ProgressStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    for (const storage of [null, throwing]) {
      const store = createProgressStore(storage);
      store.update('keys-and-ordering', (c) => ({ ...c, diagnosed: true }));
      expect(store.chapter('keys-and-ordering').diagnosed).toBe(true);
    }
  });

  it('tells subscribers about every change', () => {
    const store = createProgressStore(memoryStorage());
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.update('the-log', (c) => ({ ...c, visited: true }));
    store.reset();
    unsubscribe();
    store.update('the-log', (c) => ({ ...c, visited: true }));
    expect(calls).toBe(2);
    expect(store.chapter('rebalances')).toEqual({ visited: false, answers: {}, challengePassed: false, diagnosed: false });
  });
});
