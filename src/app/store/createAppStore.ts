/**
 * The page's one store, built from slices: what the simulation reported (SimSlice) and the
 * player (PlayerSlice). Actions turn into worker commands; reports flow back through
 * `reduceReport`. Views read it through narrow selectors.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { builtinScenarios, getBuiltin } from '../../content/builtins';
import type { PageCommand } from '../../worker/client';
import type { Report } from '../../worker/protocol';
import { SPEED_MAX, SPEED_MIN } from '../../worker/protocol';
import { canPlay, isRunning, reduceReport } from './reduceReport';
import type { AppState } from './types';

/** The part of the simulation client the store needs. */
export interface SimPort {
  send(command: PageCommand): void;
  subscribe(listener: (report: Report) => void): () => void;
}

export type AppStore = StoreApi<AppState>;

export function createAppStore(sim: SimPort): AppStore {
  const store = createStore<AppState>()((set, get) => ({
    scenario: null,
    snapshot: null,
    finishedTraceHash: null,
    error: null,
    status: 'idle',
    speed: 1,
    requestedScenarioId: null,

    loadBuiltin(id, seed) {
      const builtin = getBuiltin(id);
      if (!builtin) {
        const known = builtinScenarios.map((s) => `"${s.id}"`).join(', ');
        set({
          status: 'failed',
          requestedScenarioId: id,
          scenario: null,
          snapshot: null,
          error: { message: `There is no built-in scenario "${id}". Try one of ${known}.`, scenarioErrors: [] },
        });
        return;
      }
      set({ status: 'loading', requestedScenarioId: id, error: null });
      sim.send(seed === undefined ? { type: 'page.load', scenarioJson: builtin.json } : { type: 'page.load', scenarioJson: builtin.json, seed });
    },
    play() {
      if (canPlay(get().status)) sim.send({ type: 'page.play', speed: get().speed });
    },
    pause() {
      if (isRunning(get().status)) sim.send({ type: 'page.pause' });
    },
    togglePlay() {
      if (isRunning(get().status)) get().pause();
      else get().play();
    },
    step() {
      const { status } = get();
      if (status === 'paused' || isRunning(status)) sim.send({ type: 'page.step' });
    },
    runTo(timeMs) {
      const { status } = get();
      if (status !== 'idle' && status !== 'failed') sim.send({ type: 'page.runTo', timeMs });
    },
    setSpeed(speed) {
      const clamped = Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
      set({ speed: clamped });
      // A new play at the new speed: the worker keeps its clock and just changes pace.
      if (get().status === 'playing') sim.send({ type: 'page.play', speed: clamped });
    },
  }));
  sim.subscribe((report) => store.setState(reduceReport(store.getState(), report)));
  return store;
}
