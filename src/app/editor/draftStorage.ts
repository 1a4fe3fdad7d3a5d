/**
 * The editor's draft in localStorage, so that a reload (or a closed tab) loses nothing. What is
 * read back is checked like any input: another version of the page, a full disk or a hand-edited
 * entry must give "no draft", never a broken editor.
 */

/** The localStorage key; versioned so that a later format never misreads this one. */
export const DRAFT_STORAGE_KEY = 'queuelab.editor.draft.v1';

/** Longest draft text kept, characters: the engine's 1 MiB scenario limit, and well under a browser's quota. */
export const DRAFT_TEXT_CHARS_MAX = 1_048_576;

/** Where a draft started from, so the editor can say so and "Reset" knows where to go back to. */
export type DraftBase =
  /** A built-in scenario, by id. */
  | { kind: 'builtin'; id: string }
  /** The scenario the lab was running, by its title. */
  | { kind: 'lab'; title: string }
  /** A file the author uploaded, by its name. */
  | { kind: 'file'; name: string };

/** The editor's working state. */
export interface Draft {
  /** The JSON text as the author left it, valid or not. */
  text: string;
  base: DraftBase;
  /** The text it started from: the draft is "edited" while `text` differs from it. */
  baseText: string;
}

/** The part of the Storage API used (injected, so tests need no browser). */
export type DraftStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Saves the draft; false (and nothing stored) when it is too long or the browser refuses. */
export function saveDraft(storage: DraftStore | null, draft: Draft): boolean {
  if (!storage) return false;
  if (draft.text.length + draft.baseText.length > DRAFT_TEXT_CHARS_MAX) return false;
  try {
    storage.setItem(DRAFT_STORAGE_KEY, JSON.stringify({ version: 1, ...draft }));
    return true;
  } catch {
    // Quota exceeded or storage disabled (private browsing): the draft stays in memory only.
    return false;
  }
}

/** The saved draft, or null when there is none or what is stored is not one. */
export function loadDraft(storage: DraftStore | null): Draft | null {
  let raw: string | null;
  try {
    raw = storage?.getItem(DRAFT_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
  if (raw === null || raw.length > 2 * DRAFT_TEXT_CHARS_MAX + 1000) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.version !== 1) return null;
  const { text, baseText, base } = value;
  if (typeof text !== 'string' || typeof baseText !== 'string' || text.length + baseText.length > DRAFT_TEXT_CHARS_MAX) return null;
  const draftBase = readBase(base);
  return draftBase ? { text, baseText, base: draftBase } : null;
}

export function clearDraft(storage: DraftStore | null): void {
  try {
    storage?.removeItem(DRAFT_STORAGE_KEY);
  } catch {
    // Nothing to do: a draft that cannot be removed is overwritten by the next save.
  }
}

const NAME_CHARS_MAX = 200;

function readBase(base: unknown): DraftBase | null {
  if (!isRecord(base)) return null;
  if (base.kind === 'builtin' && isName(base.id)) return { kind: 'builtin', id: base.id };
  if (base.kind === 'lab' && isName(base.title)) return { kind: 'lab', title: base.title };
  if (base.kind === 'file' && isName(base.name)) return { kind: 'file', name: base.name };
  return null;
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= NAME_CHARS_MAX;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** localStorage when the page may use it, else null (a sandboxed iframe throws on the mere access). */
export function browserStorage(): DraftStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
