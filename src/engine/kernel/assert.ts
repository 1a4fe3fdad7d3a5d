/** Thrown when something the engine relies on does not hold: a bug in the engine or its caller, never bad user input. */
export class InvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantError';
  }
}

/**
 * Throws InvariantError unless cond holds. The message may be a function so that hot paths
 * pay for building the string only when the assertion fails.
 */
export function assert(cond: unknown, message: string | (() => string)): asserts cond {
  if (!cond) throw new InvariantError(typeof message === 'string' ? message : message());
}

/** Thrown when a bounded queue, buffer or loop would pass its limit; the message names the limit. */
export class LimitError extends Error {
  /** The limit's name as a learner sees it in a scenario or an error, e.g. "pendingEventsMax". */
  readonly limitName: string;
  /** The limit's value, in the limit's own unit (events, keys, bytes…). */
  readonly limit: number;

  constructor(limitName: string, limit: number, detail: string) {
    super(`limit ${limitName} (${limit}) exceeded: ${detail}`);
    this.name = 'LimitError';
    this.limitName = limitName;
    this.limit = limit;
  }
}
