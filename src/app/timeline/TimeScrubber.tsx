import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { formatSimTime } from '../format';
import { useAppStore } from '../store';

/** Real ms a scrubber must rest before it seeks: dragging costs one re-run, not one per pixel. */
const SEEK_SETTLE_MS = 150;

/**
 * Time travel: a slider over the part of the timeline this run has reached. Seeking backwards
 * re-runs the scenario from 0 with the recorded changes (the engine is deterministic, so the past
 * comes back exactly); a change made in the past then starts a new timeline (see ForkNotice).
 */
export function TimeScrubber() {
  const insight = useAppStore((s) => s.insight);
  const furthestMs = useStore(insight, (s) => s.furthestMs);
  const timeMs = useAppStore((s) => s.snapshot?.timeMs ?? 0);
  const status = useAppStore((s) => s.status);
  const runTo = useAppStore((s) => s.runTo);
  const [dragMs, setDragMs] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const seekStart = useRef<{ targetMs: number; wallMs: number } | null>(null);
  const [lastSeekMs, setLastSeekMs] = useState<number | null>(null);
  const [goToS, setGoToS] = useState('');

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  // How long the last seek took in real time: the bench reads it, and learners see it is exact, not instant.
  useEffect(() => {
    const seek = seekStart.current;
    if (seek && status === 'paused' && timeMs === seek.targetMs) {
      setLastSeekMs(Math.round(performance.now() - seek.wallMs));
      seekStart.current = null;
    }
  }, [status, timeMs]);

  const disabled = furthestMs <= 0 || status === 'idle' || status === 'loading' || status === 'failed';
  const value = dragMs ?? Math.min(timeMs, furthestMs);

  function seek(targetMs: number) {
    seekStart.current = { targetMs, wallMs: performance.now() };
    runTo(targetMs);
  }

  function onChange(next: number) {
    setDragMs(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setDragMs(null);
      seek(next);
    }, SEEK_SETTLE_MS);
  }

  return (
    <div className="scrubber" data-testid="scrubber" data-last-seek-ms={lastSeekMs ?? ''}>
      <label htmlFor="time-scrubber" className="scrubber-label">
        Timeline
      </label>
      <input
        id="time-scrubber"
        type="range"
        min={0}
        max={Math.max(1, furthestMs)}
        step={100}
        value={value}
        disabled={disabled}
        aria-valuetext={`${formatSimTime(value)} of ${formatSimTime(furthestMs)} reached`}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <form
        className="scrubber-goto"
        onSubmit={(e) => {
          e.preventDefault();
          const targetMs = Math.round(Number(goToS) * 1000);
          if (goToS !== '' && Number.isFinite(targetMs) && targetMs >= 0) seek(targetMs);
        }}
      >
        <label className="inline-field">
          Go to (s) <input type="number" min={0} step="any" className="narrow-input" value={goToS} disabled={disabled} onChange={(e) => setGoToS(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={disabled || goToS === ''}>
          Go
        </button>
      </form>
      <span className="scrubber-readout">
        {formatSimTime(value)} / {formatSimTime(furthestMs)}
        {lastSeekMs !== null && <span className="scrubber-note"> · last seek {lastSeekMs} ms (exact re-run)</span>}
      </span>
    </div>
  );
}
