import { memo } from 'react';
import type { EngineEvent } from '../../engine';
import { formatCount, formatSimTime } from '../format';
import { useThrottledAppStore } from '../hooks/useThrottledAppStore';

/** How many of the kept events the log shows. */
const EVENTS_SHOWN = 60;

/** What happened and why, in the engine's words, newest first. */
export function EventLog() {
  const events = useThrottledAppStore((s) => s.events, 'second');
  const skipped = useThrottledAppStore((s) => s.eventsSkipped, 'second');
  const recent = events.slice(-EVENTS_SHOWN).reverse();

  return (
    <section className="panel" aria-labelledby="events-title">
      <h3 id="events-title" className="panel-title">
        What happened
      </h3>
      {/* The log region scrolls, so it takes focus (keyboard users can scroll it); the list inside stays a list. */}
      <div className="event-log-scroll" role="log" aria-labelledby="events-title" tabIndex={0}>
        <ol className="event-log">
          {recent.length === 0 && <li className="muted">Nothing yet.</li>}
          {recent.map((event) => (
            <EventRow key={eventKey(event)} event={event} />
          ))}
        </ol>
      </div>
      {skipped > 0 && <p className="muted event-skipped">{formatCount(skipped)} events happened too fast to list here.</p>}
    </section>
  );
}

const EventRow = memo(function EventRow({ event }: { event: EngineEvent }) {
  return (
    <li data-type={event.type}>
      <time className="event-time">{formatSimTime(event.timeMs)}</time>
      <span className="event-text">{event.text}</span>
    </li>
  );
});

/**
 * A key that stays with an entry while newer ones push it down the list, so React moves rows
 * instead of rebuilding all of them per frame. The store keeps each entry's object as it is, so
 * the object itself is its identity.
 */
const keyOfEvent = new WeakMap<EngineEvent, number>();
let nextEventKey = 1;
function eventKey(event: EngineEvent): number {
  let key = keyOfEvent.get(event);
  if (key === undefined) {
    key = nextEventKey++;
    keyOfEvent.set(event, key);
  }
  return key;
}
