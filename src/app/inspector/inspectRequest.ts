/**
 * "Inspect this record" asked from elsewhere on the page (a cell of a partition log in the
 * topology): the "See why" section switches to the inspector, which takes the request, fills in
 * its form and asks the worker. A store of its own so that the drawing needs no inspector code.
 */
import { createStore } from 'zustand/vanilla';
import type { RecordQuery } from '../../worker/inspect';

export interface InspectRequestState {
  /** The record asked for and not yet taken by the inspector, or null. */
  pending: Extract<RecordQuery, { kind: 'offset' }> | null;
  /** Incremented by every request, so asking for the same record again still opens it. */
  token: number;
}

export const inspectRequests = createStore<InspectRequestState>()(() => ({ pending: null, token: 0 }));

/** Asks the inspector to open a record (stable: safe to pass to memoised components). */
export function requestInspect(topic: string, partition: number, offset: number): void {
  inspectRequests.setState((s) => ({ pending: { kind: 'offset', topic, partition, offset }, token: s.token + 1 }));
}

/** The inspector takes the pending request (null when there is none). */
export function takeInspectRequest(): InspectRequestState['pending'] {
  const { pending } = inspectRequests.getState();
  if (pending !== null) inspectRequests.setState({ pending: null });
  return pending;
}
