import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { useAppStoreApi, type AppState, type AppStore } from '../store';
import { createSlowMirror } from './slowMirror';
import { browserTimers } from './throttle';

/**
 * How often panels that only show numbers refresh while the simulation plays, ms. Four times a
 * second still reads as live, and spares the page a React render and a layout of every panel
 * for each of the worker's frames (the topology's cells and dots keep moving per frame).
 */
export const NUMBERS_REFRESH_MS = 250;

const mirrors = new WeakMap<AppStore, StoreApi<AppState>>();

/** The page store's slow copy, one per store (see createSlowMirror). */
function slowMirrorOf(store: AppStore): StoreApi<AppState> {
  let mirror = mirrors.get(store);
  if (!mirror) {
    mirror = createSlowMirror(store, NUMBERS_REFRESH_MS, browserTimers);
    mirrors.set(store, mirror);
  }
  return mirror;
}

/**
 * Like `useAppStore`, but reads the store as it was at most NUMBERS_REFRESH_MS ago: the
 * component re-renders at most that often, together with every other reader. The selector must
 * return values the store keeps (compared by `Object.is`), as with `useAppStore`.
 */
export function useThrottledAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(slowMirrorOf(useAppStoreApi()), selector);
}
