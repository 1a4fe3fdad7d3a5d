import { describe, expect, it } from 'vitest';
import { clearDraft, DRAFT_STORAGE_KEY, DRAFT_TEXT_CHARS_MAX, loadDraft, saveDraft, type Draft, type DraftStore } from './draftStorage';

function memoryStore(): DraftStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const draft: Draft = { text: '{"title": "edited"', baseText: '{"title": "A"}', base: { kind: 'builtin', id: 'balanced' } };

describe('draft storage', () => {
  it('keeps a draft, even one that is not valid JSON, and reads it back exactly', () => {
    const store = memoryStore();
    expect(saveDraft(store, draft)).toBe(true);
    expect(loadDraft(store)).toEqual(draft);
    for (const base of [{ kind: 'lab', title: 'T' }, { kind: 'file', name: 'x.json' }] as const) {
      saveDraft(store, { ...draft, base });
      expect(loadDraft(store)?.base).toEqual(base);
    }
    clearDraft(store);
    expect(loadDraft(store)).toBeNull();
  });

  it('refuses to keep a draft over the size limit, and keeps the previous one', () => {
    const store = memoryStore();
    saveDraft(store, draft);
    expect(saveDraft(store, { ...draft, text: 'x'.repeat(DRAFT_TEXT_CHARS_MAX) })).toBe(false);
    expect(loadDraft(store)).toEqual(draft);
  });

  it('reads anything else stored under its key as "no draft"', () => {
    const store = memoryStore();
    const stored = [
      'not json',
      '[]',
      'null',
      JSON.stringify({ ...draft, version: 2 }),
      JSON.stringify({ ...draft }),
      JSON.stringify({ version: 1, text: 5, baseText: '', base: draft.base }),
      JSON.stringify({ version: 1, text: '', baseText: '', base: { kind: 'builtin', id: 7 } }),
      JSON.stringify({ version: 1, text: '', baseText: '', base: { kind: 'url', href: 'x' } }),
      JSON.stringify({ version: 1, text: '', baseText: '', base: { kind: 'file', name: 'n'.repeat(201) } }),
      JSON.stringify({ version: 1, text: 'x'.repeat(DRAFT_TEXT_CHARS_MAX), baseText: 'y', base: draft.base }),
    ];
    for (const value of stored) {
      store.items.set(DRAFT_STORAGE_KEY, value);
      expect(loadDraft(store), value.slice(0, 60)).toBeNull();
    }
  });

  it('survives a browser that refuses storage', () => {
    const refusing: DraftStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(saveDraft(refusing, draft)).toBe(false);
    expect(loadDraft(refusing)).toBeNull();
    expect(() => clearDraft(refusing)).not.toThrow();
    expect(saveDraft(null, draft)).toBe(false);
    expect(loadDraft(null)).toBeNull();
  });
});
