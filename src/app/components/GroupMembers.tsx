import type { ConsumerView, GroupView } from '../../engine';
import { useThrottledAppStore } from '../hooks/useThrottledAppStore';
import { LagHealth } from '../knobs/LagHealth';

/**
 * Every consumer group: the coordinator's state and generation, and what each member owns. A
 * member with no partitions says so, so that "more consumers than partitions" is visible.
 */
export function GroupMembers() {
  const groups = useThrottledAppStore((s) => s.snapshot?.groups ?? null, 'second');
  if (!groups || groups.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="members-title">
      <h3 id="members-title" className="panel-title">
        Consumer groups
      </h3>
      {groups.map((group) => (
        <GroupCard key={group.id} group={group} />
      ))}
    </section>
  );
}

function GroupCard({ group }: { group: GroupView }) {
  return (
    <div className="group-card" data-testid={`group-${group.id}`}>
      <p className="group-head">
        <strong>{group.id}</strong> <span className={`group-state group-state-${group.state}`}>{group.state}</span>{' '}
        <span className="group-meta">
          generation {group.generation} · {group.assignor} · {group.rebalances} rebalance{group.rebalances === 1 ? '' : 's'}
        </span>
      </p>
      <LagHealth groupId={group.id} />
      <ul className="member-list">
        {group.consumers.map((consumer) => (
          <li key={consumer.id} className={`member member-${memberClass(consumer)}`}>
            <span className="member-name">{consumer.id}</span>
            <span className="member-status">{memberStatus(consumer, group.leader)}</span>
            <span className="member-partitions">
              {consumer.assigned.length === 0 ? 'no partitions' : consumer.assigned.map(([t, p]) => `${t}-${p}`).join(', ')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function memberClass(consumer: ConsumerView): string {
  if (consumer.state === 'dead') return 'dead';
  if (consumer.assigned.length === 0) return 'idle';
  return 'active';
}

function memberStatus(consumer: ConsumerView, leader: string | null): string {
  if (consumer.state === 'dead') return 'down';
  const role = consumer.id === leader ? 'leader, ' : '';
  if (consumer.membership !== 'stable') return `${role}${consumer.membership}`;
  if (consumer.assigned.length === 0) return `${role}idle`;
  return `${role}${consumer.state === 'processing' ? 'processing' : 'polling'}`;
}
