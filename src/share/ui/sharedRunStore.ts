/**
 * What the page knows about a shared run it was asked to open (from a `#run=` link or a run
 * file): nothing, the error that explains why it cannot be opened, a question (it was recorded
 * by another engine version), or the run being shown and whether its replay matched.
 */
import { createStore } from 'zustand/vanilla';
import type { AppStore } from '../../app/store';
import type { DecodedRun, DecodeResult, ShareError } from '..';

export type SharedRunState =
  | { kind: 'none' }
  /** It cannot be opened: `error` says why. */
  | { kind: 'error'; error: ShareError; source: string }
  /** Recorded by another engine version: waiting for the learner to replay it anyway. */
  | { kind: 'mismatch'; run: DecodedRun; source: string }
  /**
   * Shown. `verdict`: whether the replay reached the shared trace hash at the shared time
   * (`pending` until it gets there; `unchecked` when the run carries no hash).
   */
  | { kind: 'shown'; run: DecodedRun; source: string; verdict: 'pending' | 'same' | 'different' | 'unchecked' };

export interface SharedRunStore {
  state: SharedRunState;
  /** Opens a decoded link or run file; `source` names it in notices ("the link", a file name). */
  open(app: AppStore, result: DecodeResult, source: string): void;
  /** Replays a run recorded by another engine version with this one. */
  replayAnyway(app: AppStore): void;
  /** Called with every frame: settles the verdict once the replay reaches the shared time. */
  checkFrame(timeMs: number, traceHash: string): void;
  dismiss(): void;
}

export const sharedRunStore = createStore<SharedRunStore>()((set, get) => {
  function show(app: AppStore, run: DecodedRun, source: string): void {
    const { payload } = run;
    const actions = app.getState();
    actions.loadRun(source, payload.scenario, payload.seed, payload.actions);
    if (payload.speed !== undefined) actions.setSpeed(payload.speed);
    if (payload.startMs !== undefined) actions.runTo(payload.startMs);
    set({ state: { kind: 'shown', run, source, verdict: payload.traceHash === undefined ? 'unchecked' : 'pending' } });
  }

  return {
    state: { kind: 'none' },
    open(app, result, source) {
      if (!result.ok) set({ state: { kind: 'error', error: result.error, source } });
      else if (result.run.engineMismatch) set({ state: { kind: 'mismatch', run: result.run, source } });
      else show(app, result.run, source);
    },
    replayAnyway(app) {
      const { state } = get();
      if (state.kind === 'mismatch') show(app, state.run, state.source);
    },
    checkFrame(timeMs, traceHash) {
      const { state } = get();
      if (state.kind !== 'shown' || state.verdict !== 'pending') return;
      if (timeMs !== (state.run.payload.startMs ?? 0)) return;
      set({ state: { ...state, verdict: traceHash === state.run.payload.traceHash ? 'same' : 'different' } });
    },
    dismiss() {
      set({ state: { kind: 'none' } });
    },
  };
});
