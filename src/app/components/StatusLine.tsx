import { formatSpeed } from '../format';
import { useAppStore, type LabStatus } from '../store';

/** The player's status in words; a polite live region, so it is announced only when it changes. */
export function StatusLine() {
  const status = useAppStore((s) => s.status);
  const speed = useAppStore((s) => s.speed);
  return (
    <p className="status-line" data-status={status} aria-live="polite">
      <span className="status-dot" aria-hidden="true" />
      {describeStatus(status, speed)}
    </p>
  );
}

function describeStatus(status: LabStatus, speed: number): string {
  switch (status) {
    case 'idle':
      return 'Starting…';
    case 'loading':
      return 'Loading the scenario…';
    case 'paused':
      return 'Paused';
    case 'playing':
      return `Playing at ${formatSpeed(speed)}`;
    case 'seeking':
      return 'Fast-forwarding…';
    case 'finished':
      return 'Finished';
    case 'failed':
      return 'Stopped';
  }
}
