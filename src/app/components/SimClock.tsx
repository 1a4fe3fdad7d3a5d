import { formatSimTime } from '../format';
import { useAppStore } from '../store';

/** The simulated clock and how far through the scenario it is; the bar also shows a fast-forward's progress. */
export function SimClock() {
  const timeMs = useAppStore((s) => s.snapshot?.timeMs ?? 0);
  const durationMs = useAppStore((s) => s.scenario?.durationMs ?? 0);
  const seeking = useAppStore((s) => s.status === 'seeking');
  const progress = durationMs > 0 ? Math.min(1, timeMs / durationMs) : 0;

  return (
    <div className="clock">
      <div className="clock-readout">
        <span role="timer" aria-label="Simulated time" className="clock-time">
          {formatSimTime(timeMs)}
        </span>
        <span className="clock-duration">of {formatSimTime(durationMs)}</span>
      </div>
      <div
        className={seeking ? 'progress progress-seeking' : 'progress'}
        role="progressbar"
        aria-label="Run progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress * 100)}
      >
        <div className="progress-fill" style={{ transform: `scaleX(${progress})` }} />
      </div>
    </div>
  );
}
