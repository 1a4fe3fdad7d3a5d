import { formatCount, formatSimTime } from '../format';
import { useAppStore } from '../store';

/** How many of the kept events the log shows. */
const EVENTS_SHOWN = 60;

/** What happened and why, in the engine's words, newest first. */
export function EventLog() {
  const events = useAppStore((s) => s.events);
  const skipped = useAppStore((s) => s.eventsSkipped);
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
          {recent.map((event, index) => (
            <li key={`${event.timeMs}-${events.length - index}-${event.type}`} data-type={event.type}>
              <time className="event-time">{formatSimTime(event.timeMs)}</time>
              <span className="event-text">{event.text}</span>
            </li>
          ))}
        </ol>
      </div>
      {skipped > 0 && <p className="muted event-skipped">{formatCount(skipped)} events happened too fast to list here.</p>}
    </section>
  );
}
