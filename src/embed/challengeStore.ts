/**
 * The embed's challenge: the learner's settings for the knobs the scenario allows, and the grade
 * of their last Check. No DOM: the panel (ChallengePanel.tsx) renders it, the bridge posts each
 * grade to the host, and Node tests drive it over a real engine.
 *
 * Lifecycle: created beside the app store → follows every scenario the app store loads (a
 * scenario without a challenge makes it inactive) → `dispose` unsubscribes.
 * A changed setting reloads the run from 0 with the setting written into the scenario document,
 * so the run the learner watches is the run that is graded.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChallengeSpec } from '../engine';
import type { KnobValue } from '../course/types';
import type { AppStore } from '../app/store';
import { attemptDocument, changedSettings, gradeTimeMs, initialSettings, type ChallengeGrade } from './challenge';

/** What grading returns: a grade, or why grading itself failed (a bug, not a wrong answer). */
export type GradeOutcome = ChallengeGrade | { error: string };

/** Grades settings on the challenge's scenario document (in a worker on the page, directly in tests). */
export type Grader = (scenarioJson: unknown, settings: Record<string, KnobValue>) => Promise<GradeOutcome>;

export type Grading =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; grade: ChallengeGrade }
  | { state: 'broken'; message: string };

export interface ChallengeState {
  /** The loaded scenario's challenge; null when it has none. */
  spec: ChallengeSpec | null;
  /** Simulated time the challenge is graded at, ms. */
  gradeAtMs: number;
  /** The scenario document as loaded, challenge included: what settings are written into. */
  baseJson: unknown;
  /** Each knob's value as the scenario starts. */
  initial: Record<string, KnobValue>;
  /** Each knob's value now. */
  settings: Record<string, KnobValue>;
  /** Why the current settings cannot run (a value outside its knob's range); empty when they can. */
  problems: string[];
  grading: Grading;
  /** Sets a knob (only the challenge's knobs exist) and reloads the run with it. */
  set(path: string, value: KnobValue): void;
  /** Puts every knob back as the scenario has it. */
  reset(): void;
  /** Runs the visible run to gradeAtMs and grades the settings; false when there is no challenge to check. */
  check(): boolean;
}

export type ChallengeStore = StoreApi<ChallengeState> & { dispose(): void };

/** Name of the runs the challenge reloads, so that following loads can tell them from new scenarios. */
export const ATTEMPT_RUN_NAME = 'your challenge settings';

export function createChallengeStore(app: AppStore, grade: Grader): ChallengeStore {
  /** The document last sent for the learner's settings: its load is not a new scenario. */
  let attemptJson: unknown = undefined;
  /** Counts checks, so that an answer to an older one is dropped. */
  let checks = 0;

  const store = createStore<ChallengeState>()((set, get) => {
    function reload(settings: Record<string, KnobValue>): void {
      const { spec, baseJson, initial } = get();
      if (!spec) return;
      const attempt = attemptDocument(baseJson, spec, changedSettings(settings, initial));
      checks++;
      if (!attempt.ok) {
        set({ settings, problems: attempt.errors, grading: { state: 'idle' } });
        return;
      }
      set({ settings, problems: [], grading: { state: 'idle' } });
      attemptJson = attempt.json;
      app.getState().loadRun(ATTEMPT_RUN_NAME, attempt.json, app.getState().scenario?.seed);
    }

    return {
      spec: null,
      gradeAtMs: 0,
      baseJson: null,
      initial: {},
      settings: {},
      problems: [],
      grading: { state: 'idle' },
      set: (path, value) => {
        // An unchanged value (a number field commits again when it loses focus) must not restart the run.
        if (!get().spec?.knobs.some((knob) => knob.path === path) || get().settings[path] === value) return;
        reload({ ...get().settings, [path]: value });
      },
      reset: () => reload({ ...get().initial }),
      check() {
        const { spec, baseJson, settings, gradeAtMs, problems } = get();
        if (!spec) return false;
        if (problems.length > 0) {
          set({ grading: { state: 'broken', message: problems[0]! } });
          return true;
        }
        const check = ++checks;
        set({ grading: { state: 'running' } });
        // The learner watches the run reach the time it is graded at; determinism makes it the graded run.
        app.getState().runTo(gradeAtMs);
        const seed = app.getState().scenario?.seed;
        const json = seed === undefined ? baseJson : { ...(baseJson as object), seed };
        void grade(json, settings).then((outcome) => {
          if (check !== checks) return;
          set({ grading: 'error' in outcome ? { state: 'broken', message: outcome.error } : { state: 'done', grade: outcome } });
        });
        return true;
      },
    };
  });

  const unsubscribe = app.subscribe((state, previous) => {
    if (state.scenario === previous.scenario || !state.scenario) return;
    const request = state.acceptedRequest ?? state.pendingRequest;
    if (request && request.json === attemptJson) return;
    const spec = state.scenario.spec.challenge ?? null;
    const initial = spec ? initialSettings(spec, state.scenario.spec) : {};
    checks++;
    store.setState({
      spec,
      gradeAtMs: spec ? gradeTimeMs(spec, state.scenario.durationMs) : 0,
      baseJson: request?.json ?? null,
      initial,
      settings: { ...initial },
      problems: [],
      grading: { state: 'idle' },
    });
  });

  return Object.assign(store, { dispose: unsubscribe });
}
