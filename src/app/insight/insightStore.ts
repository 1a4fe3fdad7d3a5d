/**
 * What the "See why" views show, in a store of its own so that chart samples (a few times a
 * second) never wake the lab's selectors: the chart table, the timeline (how far it reached,
 * and the last fork), the inspector's answer and exports of the event log.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EngineEvent } from '../../engine';
import type { PageCommand } from '../../worker/client';
import type { RecordInspection, RecordQuery } from '../../worker/inspect';
import type { Report } from '../../worker/protocol';
import { applyDelta, EMPTY_TABLE, type SeriesTable } from './seriesTable';
import type { DashboardMetric } from '../dashboard/alerts';

/** A fork the learner caused by changing the past, for the notice that says what was discarded. */
export interface ForkNotice {
  /** Simulated time the new timeline starts at, ms. */
  atMs: number;
  /** How far the discarded timeline had reached, ms. */
  discardedUntilMs: number;
  /** Later changes that were discarded. */
  discardedActions: number;
}

export interface InsightState {
  table: SeriesTable;
  /** The furthest simulated time this timeline reached, ms: the scrubber's end. */
  furthestMs: number;
  fork: ForkNotice | null;
  /** The inspector's last answer, null before the first. */
  inspection: RecordInspection | null;
  /** Whether an inspector query is on its way. */
  inspecting: boolean;
  /** Asks the worker to post chart samples (the charts call it while mounted). */
  watchSeries(enabled: boolean): void;
  inspect(query: RecordQuery): void;
  /** Every event log entry the run still holds, and how many were ever written. */
  exportEvents(): Promise<{ events: EngineEvent[]; eventsTotal: number }>;
  dismissFork(): void;
  /** The dashboard's alert thresholds, by figure; absent = no alert. Kept across tabs and runs. */
  thresholds: Partial<Record<DashboardMetric, number>>;
  setThreshold(metric: DashboardMetric, value: number | undefined): void;
}

export type InsightStore = StoreApi<InsightState> & {
  /** Takes a report the insight views care about; true when no one else needs it. */
  receive(report: Report): boolean;
};

export function createInsightStore(send: (command: PageCommand) => void): InsightStore {
  let nextRequestId = 1;
  let inspectRequest = 0;
  const eventRequests = new Map<number, (answer: { events: EngineEvent[]; eventsTotal: number }) => void>();

  const store = createStore<InsightState>()((set) => ({
    table: EMPTY_TABLE,
    furthestMs: 0,
    fork: null,
    inspection: null,
    inspecting: false,
    watchSeries: (enabled) => send({ type: 'page.watchSeries', enabled }),
    inspect(query) {
      inspectRequest = nextRequestId++;
      set({ inspecting: true });
      send({ type: 'page.inspect', requestId: inspectRequest, query });
    },
    exportEvents() {
      const requestId = nextRequestId++;
      return new Promise((resolve) => {
        eventRequests.set(requestId, resolve);
        send({ type: 'page.exportEvents', requestId });
      });
    },
    dismissFork: () => set({ fork: null }),
    thresholds: {},
    setThreshold(metric, value) {
      const thresholds = { ...store.getState().thresholds };
      if (value === undefined) delete thresholds[metric];
      else thresholds[metric] = value;
      set({ thresholds });
    },
  }));

  function receive(report: Report): boolean {
    switch (report.type) {
      case 'sim.series':
        store.setState({ table: applyDelta(store.getState().table, report.delta) });
        return true;
      case 'sim.inspect':
        if (report.requestId === inspectRequest) store.setState({ inspection: report.result, inspecting: false });
        return true;
      case 'sim.events':
        eventRequests.get(report.requestId)?.({ events: report.events, eventsTotal: report.eventsTotal });
        eventRequests.delete(report.requestId);
        return true;
      case 'sim.forked':
        store.setState({ fork: { atMs: report.atMs, discardedUntilMs: report.discardedUntilMs, discardedActions: report.discardedActions }, furthestMs: report.atMs });
        return true;
      case 'sim.ready':
        store.setState({ table: EMPTY_TABLE, furthestMs: 0, fork: null, inspection: null, inspecting: false });
        return false;
      case 'sim.frame':
        if (report.timeMs > store.getState().furthestMs) store.setState({ furthestMs: report.timeMs });
        return false;
      default:
        return false;
    }
  }

  return Object.assign(store, { receive });
}
