/** The page's one progress store (localStorage) and the hooks views read it through. */
import { useSyncExternalStore } from 'react';
import { createProgressStore, type ChapterProgress, type Progress, type ProgressStore } from '../progress';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage access can throw in sandboxed frames: progress then lasts for the visit.
    return null;
  }
}

let store: ProgressStore | null = null;

/** Created on first use, so merely loading the module reads nothing. */
export function progressStore(): ProgressStore {
  store ??= createProgressStore(browserStorage());
  return store;
}

export function useProgress(): Progress {
  const s = progressStore();
  return useSyncExternalStore(s.subscribe, s.get, s.get);
}

export function useChapterProgress(slug: string): ChapterProgress {
  const s = progressStore();
  const get = () => s.chapter(slug);
  return useSyncExternalStore(s.subscribe, get, get);
}
