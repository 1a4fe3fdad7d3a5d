/**
 * The page's one store, built from slices: the scenario (what was asked for and accepted), the
 * snapshot (what the simulation last showed), the player (mirrored from its xstate machine) and
 * page-only UI state. Actions become player events or worker commands; reports flow back through
 * the machine (lifecycle) and `reduceReport` (data). Views read it through narrow selectors.
 */
import { createActor, type SnapshotFrom } from 'xstate';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { builtinScenarios, getBuiltin } from '../../content/builtins';
import type { PageCommand } from '../../worker/client';
import type { Report } from '../../worker/protocol';
import { playerMachine } from '../machines/playerMachine';
import { createInsightStore } from '../insight/insightStore';
import { readScenarioText } from '../scenarioFile';
import { reduceReport } from './reduceReport';
import type { AppState, LabStatus, RunDescription, ScenarioRequest } from './types';

/** The part of the simulation client the store needs. */
export interface SimPort {
  send(command: PageCommand): void;
  subscribe(listener: (report: Report) => void): () => void;
  /** Replaces a dead worker with a fresh one; absent where there is no worker to replace. */
  restart?(): void;
}

export type AppStore = StoreApi<AppState>;

/** The page's status for each player state. */
export function statusOf(player: SnapshotFrom<typeof playerMachine>): LabStatus {
  if (player.matches({ running: 'playing' })) return 'playing';
  if (player.matches({ running: 'fastForwarding' })) return 'seeking';
  if (player.matches('paused')) return 'paused';
  if (player.matches('loading')) return 'loading';
  if (player.matches('finished')) return 'finished';
  if (player.matches('error')) return 'failed';
  return 'idle';
}

export function createAppStore(sim: SimPort): AppStore {
  const player = createActor(playerMachine, { input: { send: (command) => sim.send(command) } });
  let nextRequestId = 1;
  /** Which control asked for each change still unanswered. */
  const knobOfRequest = new Map<number, string>();
  /** `describeRun` calls waiting for their `sim.run`, by request id. */
  const runRequests = new Map<number, (run: RunDescription | null) => void>();
  const insight = createInsightStore((command) => sim.send(command));

  const store = createStore<AppState>()((set, get) => {
    function load(request: ScenarioRequest, requestedScenarioId: string | null) {
      set({ pendingRequest: request, requestedScenarioId, error: null });
      player.send({
        type: 'user.load',
        scenarioJson: request.json,
        ...(request.seed === undefined ? {} : { seed: request.seed }),
        ...(request.actions === undefined ? {} : { actions: request.actions }),
      });
    }

    return {
      // scenario slice
      scenario: null,
      requestedScenarioId: null,
      pendingRequest: null,
      acceptedRequest: null,
      finishedTraceHash: null,
      error: null,
      // snapshot slice
      snapshot: null,
      layout: null,
      events: [],
      eventsSkipped: 0,
      rates: null,
      queueRates: null,
      // player slice, mirrored below
      status: 'idle',
      speed: 1,
      // ui slice
      knobFeedback: {},
      insight,

      loadBuiltin(id, seed) {
        const builtin = getBuiltin(id);
        if (!builtin) {
          const known = builtinScenarios.map((s) => `"${s.id}"`).join(', ');
          set({
            requestedScenarioId: id,
            error: { message: `There is no built-in scenario "${id}". Try one of ${known}.`, scenarioErrors: [], fatal: false },
          });
          player.send({ type: 'sim.error', message: 'unknown scenario' });
          return;
        }
        load(seed === undefined ? { source: { kind: 'builtin', id }, json: builtin.json } : { source: { kind: 'builtin', id }, json: builtin.json, seed }, id);
      },
      loadFile(name, text, sizeBytes) {
        const file = readScenarioText(name, text, sizeBytes);
        if (file.ok) {
          load({ source: { kind: 'file', name }, json: file.json }, null);
          return;
        }
        set({ error: { message: file.message, scenarioErrors: file.errors, fatal: false } });
        player.send({ type: 'sim.error', message: file.message });
      },
      loadBench(name, json) {
        load({ source: { kind: 'bench', name }, json }, null);
      },
      loadRun(name, json, seed, actions) {
        load({ source: { kind: 'run', name }, json, ...(seed === undefined ? {} : { seed }), ...(actions === undefined ? {} : { actions }) }, null);
      },
      loadEdited(name, json) {
        load({ source: { kind: 'editor', name }, json }, null);
      },
      describeRun() {
        const requestId = nextRequestId++;
        return new Promise((resolve) => {
          runRequests.set(requestId, resolve);
          sim.send({ type: 'page.describeRun', requestId });
        });
      },
      restart() {
        const { acceptedRequest, pendingRequest, error } = get();
        const request = acceptedRequest ?? pendingRequest;
        if (error?.fatal) sim.restart?.();
        if (request) load(request, request.source.kind === 'builtin' ? request.source.id : null);
      },
      play: () => player.send({ type: 'user.play' }),
      pause: () => player.send({ type: 'user.pause' }),
      togglePlay: () => player.send({ type: 'user.toggle' }),
      step: () => player.send({ type: 'user.step' }),
      stepSecond: () => player.send({ type: 'user.stepSecond', fromMs: get().snapshot?.timeMs ?? 0 }),
      fastForward: () => player.send({ type: 'user.fastForward' }),
      runTo: (timeMs) => player.send({ type: 'user.seek', timeMs }),
      setSpeed: (speed) => player.send({ type: 'user.setSpeed', speed }),
      apply(knobId, change) {
        const requestId = nextRequestId++;
        knobOfRequest.set(requestId, knobId);
        set({ knobFeedback: { ...get().knobFeedback, [knobId]: { state: 'pending' } } });
        sim.send({ type: 'page.apply', requestId, change });
      },
    };
  });

  player.subscribe((snapshot) => {
    const status = statusOf(snapshot);
    const { speed } = snapshot.context;
    if (status !== store.getState().status || speed !== store.getState().speed) store.setState({ status, speed });
  });
  player.start();

  sim.subscribe((report) => {
    if (insight.receive(report)) return;
    if (report.type === 'sim.run') {
      runRequests.get(report.requestId)?.(report.run);
      runRequests.delete(report.requestId);
      return;
    }
    if (report.type === 'sim.applied') {
      const knobId = knobOfRequest.get(report.requestId);
      knobOfRequest.delete(report.requestId);
      if (knobId === undefined) return;
      const feedback = report.ok ? { state: 'applied' as const } : { state: 'refused' as const, message: report.error ?? 'refused' };
      store.setState({ knobFeedback: { ...store.getState().knobFeedback, [knobId]: feedback } });
      return;
    }
    store.setState(reduceReport(store.getState(), report));
    if (report.type === 'sim.ready' || report.type === 'sim.status' || report.type === 'sim.finished' || report.type === 'sim.error') player.send(report);
  });
  return store;
}
