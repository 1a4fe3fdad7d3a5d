import type { LagHealthMetrics, LagStatus } from '../../engine';
import { useThrottledAppStore } from '../hooks/useThrottledAppStore';

/** What each of Burrow's statuses means, in a learner's words. */
const STATUS_HELP: Record<LagStatus, string> = {
  OK: 'OK: the group commits and keeps up.',
  WARNING: 'WARNING: lag grew at every recent commit; the group is falling behind.',
  STOPPED: 'STOPPED: the group stopped committing while records wait.',
  STALLED: 'STALLED: the group commits, but the same offset again and again while lag stays.',
  REWIND: 'REWIND: the committed offset went backwards (a reset or replay).',
};

/**
 * A group's lag as operators read it (Burrow's rules over recent commits): the status, the age of
 * the oldest unprocessed record and whether lag is growing. Reads `metrics.groups[id].lagHealth`
 * from the frame; renders nothing when the frame has no such group. `place` tells apart the copies
 * shown in the group panel and on the dashboard.
 */
export function LagHealth({ groupId, place = 'group' }: { groupId: string; place?: string }) {
  const health = useThrottledAppStore((s) => s.snapshot?.metrics.groups[groupId]?.lagHealth ?? null);
  if (!health) return null;
  const trend = groupTrend(health);
  return (
    <p className="group-meta lag-health" data-testid={place === 'group' ? `lag-health-${groupId}` : `lag-health-${place}-${groupId}`} title={STATUS_HELP[health.status]}>
      Lag status <strong className={`lag-status lag-status-${health.status.toLowerCase()}`}>{health.status}</strong> · oldest record{' '}
      {formatAge(health.maxAgeMs)} old · lag {trend}
    </p>
  );
}

/** The group's trend: growing if any partition's lag grows, shrinking if any shrinks and none grows. */
export function groupTrend(health: LagHealthMetrics): 'growing' | 'steady' | 'shrinking' {
  if (health.perPartition.some((p) => p.trend === 'growing')) return 'growing';
  if (health.perPartition.some((p) => p.trend === 'shrinking')) return 'shrinking';
  return 'steady';
}

function formatAge(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
