/**
 * How each worker report changes what the page shows: a pure function from report to state
 * patch, so the whole protocol's effect on the page is testable without a worker or React.
 */
import type { Report } from '../../worker/protocol';
import type { AppState, PlayerSlice, SimSlice } from './types';

type ViewState = SimSlice & PlayerSlice;

export function reduceReport(state: ViewState, report: Report): Partial<ViewState> {
  switch (report.type) {
    case 'sim.ready':
      return {
        status: 'paused',
        error: null,
        finishedTraceHash: null,
        snapshot: null,
        scenario: {
          id: state.requestedScenarioId ?? '',
          title: report.title,
          description: report.description,
          durationMs: report.durationMs,
          seed: report.seed,
        },
      };
    case 'sim.status':
      return { status: report.status, finishedTraceHash: null };
    case 'sim.frame':
      return { snapshot: report.snapshot };
    case 'sim.finished':
      return { status: 'finished', finishedTraceHash: report.traceHash };
    case 'sim.error':
      return { status: 'failed', error: { message: report.message, scenarioErrors: report.scenarioErrors ?? [] } };
  }
}

/** Whether the player can be started from this status. */
export function canPlay(status: AppState['status']): boolean {
  return status === 'paused';
}

/** Whether the simulation is advancing by itself. */
export function isRunning(status: AppState['status']): boolean {
  return status === 'playing' || status === 'seeking';
}
