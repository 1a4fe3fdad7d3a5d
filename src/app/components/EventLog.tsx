import { formatSimTime } from '../format';
import { useAppStore } from '../store';

/** How many of the snapshot's recent events the log shows. */
const EVENTS_SHOWN = 8;

/** What happened and why, newest first. */
export function EventLog() {
  const events = useAppStore((s) => s.snapshot?.events ?? null);
  const recent = events ? events.slice(-EVENTS_SHOWN).reverse() : [];

  return (
    <section className="panel" aria-labelledby="events-title">
      <h3 id="events-title" className="panel-title">
        What happened
      </h3>
      {recent.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ol className="event-log">
          {recent.map((event, index) => (
            <li key={`${event.timeMs}-${index}-${event.type}`}>
              <time className="event-time">{formatSimTime(event.timeMs)}</time>
              <span className="event-text">{event.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
