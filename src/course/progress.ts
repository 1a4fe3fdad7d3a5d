/**
 * A learner's progress per chapter, kept in localStorage. The saved document is versioned and
 * validated: corrupted, old or foreign data is discarded with a console warning and the course
 * starts fresh; it never stops the page.
 *
 * Lifecycle: created from storage (or empty) → `update` changes it and saves at once →
 * listeners hear every change (so every open view agrees).
 */
import { z } from 'zod';
import { slugSchema } from './schema';
import type { Quiz } from './types';

/** Where the progress is saved. */
export const PROGRESS_STORAGE_KEY = 'queuelab.course.progress';
/** Bumped when the saved shape changes; older documents are discarded. */
export const PROGRESS_VERSION = 1;
/** Most chapters a saved document may hold (a guard against a huge foreign value). */
const CHAPTERS_MAX = 100;
/** Most predictions one chapter's saved progress may hold (same guard). */
const PREDICTIONS_MAX = 50;
/** Saved in place of an option id when the learner skipped a prediction. */
export const PREDICTION_SKIPPED = 'skipped';

const chapterProgressSchema = z.strictObject({
  /** The learner opened the chapter. */
  visited: z.boolean(),
  /** Question id → the option id last chosen. */
  answers: z.record(slugSchema, slugSchema),
  /** The challenge was passed at least once. */
  challengePassed: z.boolean(),
  /** The diagnosis was named correctly at least once. */
  diagnosed: z.boolean(),
  /**
   * Scenario id → the option id the learner predicted before it played ("skipped" when they
   * skipped). Optional so progress saved before predictions existed still loads as version 1.
   */
  predictions: z.record(slugSchema, slugSchema).refine((p) => Object.keys(p).length <= PREDICTIONS_MAX, `at most ${PREDICTIONS_MAX} predictions`).optional(),
});

const progressSchema = z.strictObject({
  version: z.literal(PROGRESS_VERSION),
  chapters: z.record(slugSchema, chapterProgressSchema).refine((c) => Object.keys(c).length <= CHAPTERS_MAX, `at most ${CHAPTERS_MAX} chapters`),
});

export type ChapterProgress = z.output<typeof chapterProgressSchema>;
export type Progress = z.output<typeof progressSchema>;

/** The part of `Storage` used, so tests can hand in a map. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const EMPTY_CHAPTER: ChapterProgress = { visited: false, answers: {}, challengePassed: false, diagnosed: false };

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, chapters: {} };
}

/** Reads saved progress; anything unreadable is removed, warned about, and replaced by empty progress. */
export function loadProgress(storage: ProgressStorage | null, warn: (message: string) => void = console.warn): Progress {
  let text: string | null;
  try {
    text = storage?.getItem(PROGRESS_STORAGE_KEY) ?? null;
  } catch {
    // Storage can throw (blocked cookies, a sandboxed iframe): the course works without saving.
    return emptyProgress();
  }
  if (text === null) return emptyProgress();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return discard(storage, warn, 'it is not JSON');
  }
  const parsed = progressSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const version = json !== null && typeof json === 'object' ? (json as { version?: unknown }).version : undefined;
  const why = typeof version === 'number' && version !== PROGRESS_VERSION ? `it was saved in format ${version}, this page reads ${PROGRESS_VERSION}` : 'it is not in the format this page saves';
  return discard(storage, warn, why);
}

function discard(storage: ProgressStorage | null, warn: (message: string) => void, why: string): Progress {
  warn(`Queuelab: saved course progress was discarded because ${why}.`);
  try {
    storage?.removeItem(PROGRESS_STORAGE_KEY);
  } catch {
    // Nothing more to do: the next save overwrites it.
  }
  return emptyProgress();
}

export interface ProgressStore {
  get(): Progress;
  chapter(slug: string): ChapterProgress;
  /** Changes one chapter's progress and saves the whole document. */
  update(slug: string, change: (current: ChapterProgress) => ChapterProgress): void;
  /** Forgets everything. */
  reset(): void;
  subscribe(listener: () => void): () => void;
}

export function createProgressStore(storage: ProgressStorage | null, warn?: (message: string) => void): ProgressStore {
  let progress = loadProgress(storage, warn);
  const listeners = new Set<() => void>();

  function commit(next: Progress): void {
    progress = next;
    try {
      storage?.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Full or blocked storage: progress still lives for this visit.
    }
    for (const listener of listeners) listener();
  }

  return {
    get: () => progress,
    chapter: (slug) => progress.chapters[slug] ?? EMPTY_CHAPTER,
    update(slug, change) {
      const next = change(progress.chapters[slug] ?? EMPTY_CHAPTER);
      commit({ ...progress, chapters: { ...progress.chapters, [slug]: next } });
    },
    reset: () => commit(emptyProgress()),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** How many of a quiz's questions the learner has answered, and answered right. */
export function quizScore(quiz: Quiz, progress: ChapterProgress): { correct: number; answered: number; total: number } {
  let correct = 0;
  let answered = 0;
  for (const question of quiz.questions) {
    const chosen = progress.answers[question.id];
    if (chosen === undefined) continue;
    answered++;
    if (question.options.some((o) => o.id === chosen && o.correct)) correct++;
  }
  return { correct, answered, total: quiz.questions.length };
}
