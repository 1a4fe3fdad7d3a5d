/**
 * How each worker report changes what the page shows: a pure function from report to state
 * patch, so the whole protocol's effect on the page is testable without a worker or React. The
 * player's status is not here: the player machine owns it (see machines/playerMachine.ts).
 */
import type { Report } from '../../worker/protocol';
import { decodeFrame } from '../../worker/frameCodec';
import { nextRates } from '../viz/rates';
import { nextQueueRates } from '../viz/queueRates';
import type { LabStatus, ScenarioSlice, SnapshotSlice } from './types';

/** Event log entries the page keeps. */
export const EVENTS_KEPT = 200;

type ViewState = ScenarioSlice & SnapshotSlice;

export function reduceReport(state: ViewState, report: Report): Partial<ViewState> {
  switch (report.type) {
    case 'sim.ready': {
      const request = state.pendingRequest;
      const source = request?.source ?? { kind: 'builtin', id: state.requestedScenarioId ?? '' };
      return {
        error: null,
        finishedTraceHash: null,
        snapshot: null,
        layout: null,
        events: [],
        eventsSkipped: 0,
        rates: null,
        queueRates: null,
        acceptedRequest: request,
        scenario: {
          id: source.kind === 'builtin' ? source.id : '',
          source,
          title: report.title,
          description: report.description,
          durationMs: report.durationMs,
          seed: report.seed,
          spec: report.scenario,
        },
      };
    }
    case 'sim.frame':
      return reduceFrame(state, report);
    case 'sim.status':
      return report.status === 'paused' || report.status === 'playing' ? { finishedTraceHash: null } : {};
    case 'sim.finished':
      return { finishedTraceHash: report.traceHash };
    case 'sim.error':
      return { error: { message: report.message, scenarioErrors: report.scenarioErrors ?? [], fatal: report.fatal === true } };
    case 'sim.applied':
    case 'sim.run':
    case 'sim.series':
    case 'sim.inspect':
    case 'sim.events':
    case 'sim.forked':
      return {};
  }
}

function reduceFrame(state: ViewState, frame: Extract<Report, { type: 'sim.frame' }>): Partial<ViewState> {
  const layout = frame.layout ?? state.layout;
  if (!layout) throw new Error(`frame ${frame.seq} came without a layout and none is known`);
  const snapshot = decodeFrame(layout, frame.numbers, frame.metrics);
  const previous = frame.fresh ? null : state.snapshot;
  const knownEvents = frame.fresh ? [] : state.events;
  const seenBefore = frame.fresh ? 0 : (previous?.eventsTotal ?? 0);
  const skipped = frame.eventsTotal - seenBefore - frame.events.length;
  const events = knownEvents.length + frame.events.length > EVENTS_KEPT ? [...knownEvents, ...frame.events].slice(-EVENTS_KEPT) : [...knownEvents, ...frame.events];
  return {
    layout,
    snapshot,
    events,
    eventsSkipped: (frame.fresh ? 0 : state.eventsSkipped) + Math.max(0, skipped),
    rates: nextRates(frame.fresh ? null : state.rates, previous, snapshot),
    queueRates: nextQueueRates(frame.fresh ? null : state.queueRates, previous, snapshot),
  };
}

/** Whether the player can be started from this status. */
export function canPlay(status: LabStatus): boolean {
  return status === 'paused';
}

/** Whether the simulation is advancing by itself. */
export function isRunning(status: LabStatus): boolean {
  return status === 'playing' || status === 'seeking';
}
