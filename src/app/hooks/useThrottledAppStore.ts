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

/**
 * Which of two groups of panels a reader refreshes with. The second group refreshes half an
 * interval after the first: the two halves of the panels' work land in different frames, so no
 * single frame pays for every panel (the frame-time bench's p95). Panels that must agree with
 * each other (one figure computed from the other) belong to the same lane.
 */
export type NumbersLane = 'first' | 'second';

/** How much later the second lane refreshes than the first, ms. */
export const SECOND_LANE_DELAY_MS = NUMBERS_REFRESH_MS / 2;

const mirrors = new WeakMap<AppStore, Record<NumbersLane, StoreApi<AppState>>>();

/** The page store's slow copies, two per store (see createSlowMirror). */
function slowMirrorOf(store: AppStore, lane: NumbersLane): StoreApi<AppState> {
  let lanes = mirrors.get(store);
  if (!lanes) {
    lanes = {
      first: createSlowMirror(store, NUMBERS_REFRESH_MS, browserTimers),
      second: createSlowMirror(store, NUMBERS_REFRESH_MS, browserTimers, SECOND_LANE_DELAY_MS),
    };
    mirrors.set(store, lanes);
  }
  return lanes[lane];
}

/**
 * Like `useAppStore`, but reads the store as it was at most NUMBERS_REFRESH_MS (plus
 * SECOND_LANE_DELAY_MS in the second lane) ago: the component re-renders at most that often,
 * together with every other reader of its lane. The selector must return values the store keeps
 * (compared by `Object.is`), as with `useAppStore`.
 */
export function useThrottledAppStore<T>(selector: (state: AppState) => T, lane: NumbersLane = 'first'): T {
  return useStore(slowMirrorOf(useAppStoreApi(), lane), selector);
}
