import { canPlay, isRunning, useAppStore } from '../store';
import { formatSpeed } from '../format';

/** Speeds offered in the menu: 0.1× to 100× real time; "Fast-forward" goes as fast as the worker can. */
const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100];

/**
 * Play / Pause (one button whose name says what it will do), Step (one event), +1 s (one simulated second),
 * Fast-forward to the end, Rewind and the speed.
 */
export function PlayerControls() {
  const status = useAppStore((s) => s.status);
  const speed = useAppStore((s) => s.speed);
  const atStart = useAppStore((s) => (s.snapshot?.timeMs ?? 0) === 0);
  const togglePlay = useAppStore((s) => s.togglePlay);
  const step = useAppStore((s) => s.step);
  const stepSecond = useAppStore((s) => s.stepSecond);
  const fastForward = useAppStore((s) => s.fastForward);
  const runTo = useAppStore((s) => s.runTo);
  const setSpeed = useAppStore((s) => s.setSpeed);

  const running = isRunning(status);
  const canAdvance = status === 'paused' || status === 'playing';
  const canRewind = (running || canPlay(status) || status === 'finished') && !atStart;
  const speedOptions = SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS, speed].sort((a, b) => a - b);

  return (
    <div className="controls" role="group" aria-label="Player">
      <button
        type="button"
        className="button button-primary"
        onClick={togglePlay}
        disabled={!running && !canPlay(status)}
        aria-keyshortcuts="Space"
        title={running ? 'Pause (Space)' : 'Play (Space)'}
      >
        {running ? <PauseIcon /> : <PlayIcon />}
        <span>{running ? 'Pause' : 'Play'}</span>
      </button>
      <button type="button" className="button" onClick={step} disabled={!canAdvance} aria-keyshortcuts="ArrowRight" title="Process the next simulation event (→)">
        <StepIcon />
        <span>Step</span>
      </button>
      <button type="button" className="button" onClick={stepSecond} disabled={status !== 'paused'} title="Step one simulated second, then pause">
        <span>+1 s</span>
      </button>
      <button type="button" className="button" onClick={fastForward} disabled={!canAdvance} title="Run to the end as fast as the simulator can">
        <FastForwardIcon />
        <span>Fast-forward to end</span>
      </button>
      <button type="button" className="button" onClick={() => runTo(0)} disabled={!canRewind} title="Back to time 0: the run starts over, and your live changes happen again at the same moments">
        <RestartIcon />
        <span>Rewind</span>
      </button>
      <label className="speed" title="Simulated time per real time while playing">
        <span>Speed</span>
        <select value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
          {speedOptions.map((option) => (
            <option key={option} value={option}>
              {formatSpeed(option)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function FastForwardIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M1.5 3v10l6.5-5zM8 3v10l6.5-5z" fill="currentColor" />
    </svg>
  );
}

function PlayIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="3.5" y="2.5" width="3" height="11" rx="0.75" fill="currentColor" />
      <rect x="9.5" y="2.5" width="3" height="11" rx="0.75" fill="currentColor" />
    </svg>
  );
}

function StepIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M3 2.5v11l7.5-5.5z" fill="currentColor" />
      <rect x="11" y="2.5" width="2.25" height="11" rx="0.75" fill="currentColor" />
    </svg>
  );
}

function RestartIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M3.5 8a4.5 4.5 0 1 0 1.4-3.26M3.5 2.5v2.75h2.75"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
