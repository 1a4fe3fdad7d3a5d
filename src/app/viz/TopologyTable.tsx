import { memo } from 'react';
import type { LabSnapshot } from '../../worker/labSnapshot';
import { ownersOf } from './topologyLayout';

/** The drawing's facts as a table, for screen readers (visually hidden). */
export const TopologyTable = memo(function TopologyTable({ snapshot }: { snapshot: LabSnapshot }) {
  const group = snapshot.groups[0];
  const owners = group ? ownersOf(group) : new Map<string, string>();
  return (
    // Tables ignore a 1 px width, so the wrapper is what hides it (a bare table made the page scroll sideways).
    <div className="visually-hidden">
    <table>
      <caption>Partitions{group ? ` and who reads them in group ${group.id}` : ''}</caption>
      <thead>
        <tr>
          <th scope="col">Partition</th>
          <th scope="col">Log end offset</th>
          <th scope="col">High watermark</th>
          {group && <th scope="col">Committed</th>}
          {group && <th scope="col">Lag</th>}
          {group && <th scope="col">Owner</th>}
          {snapshot.brokers && <th scope="col">Leader</th>}
          {snapshot.brokers && <th scope="col">In-sync replicas</th>}
        </tr>
      </thead>
      <tbody>
        {snapshot.topics.flatMap((topic) =>
          topic.partitions.map((p) => (
            <tr key={`${topic.name}-${p.partition}`}>
              <th scope="row">
                {topic.name}-{p.partition}
              </th>
              <td>{p.logEndOffset}</td>
              <td>{p.highWatermark}</td>
              {group && <td>{group.committed[topic.name]?.[p.partition] ?? '—'}</td>}
              {group && <td>{group.lag[topic.name]?.[p.partition] ?? '—'}</td>}
              {group && <td>{owners.get(`${topic.name}/${p.partition}`) ?? 'none'}</td>}
              {snapshot.brokers && <td>{p.leader === null || p.leader === undefined ? 'none' : `broker ${p.leader}`}</td>}
              {snapshot.brokers && <td>{p.isr?.join(', ') ?? '—'}</td>}
            </tr>
          )),
        )}
      </tbody>
    </table>
    </div>
  );
});
