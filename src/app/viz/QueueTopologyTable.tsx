import type { LabSnapshot } from '../../worker/labSnapshot';
import type { QueueView } from '../../worker/queueFrameCodec';
import { useAppStore } from '../store';
import { heldText, heldWord, queueBadge, readyWord, workerStatusText } from './queueFigures';
import { bindingText } from './queueLayout';
import { poolOf, queueStaticsOf, type QueueStatics } from './queueStatics';

/** The queue drawing's facts as a table, for screen readers (visually hidden, like TopologyTable). */
export function QueueTopologyTable({ snapshot }: { snapshot: LabSnapshot }) {
  const spec = useAppStore((s) => s.scenario?.spec);
  if (!snapshot.queues) return null;
  const statics = queueStaticsOf(spec);
  return (
    <div className="visually-hidden">
      <table data-testid="queue-topology-table">
        <caption>Queues: what feeds them, where their dead letters go, and who works them</caption>
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col">Kind</th>
            <th scope="col">Ready</th>
            <th scope="col">Unacknowledged or in flight</th>
            <th scope="col">Max length</th>
            <th scope="col">Fed by</th>
            <th scope="col">Dead letters go to</th>
            <th scope="col">Workers</th>
          </tr>
        </thead>
        <tbody>
          {snapshot.queues.map((queue) => (
            <tr key={queue.name}>
              <th scope="row">{queue.name}</th>
              <td>{queueBadge(queue)}</td>
              <td>
                {queue.depth} {readyWord(queue)}
              </td>
              <td>
                {queue.inFlight} {heldWord(queue)}
              </td>
              <td>{statics.maxLength[queue.name] ?? 'none'}</td>
              <td>{feedsOf(snapshot, statics, queue).join('; ') || 'nothing'}</td>
              <td>{queue.deadLetterTo === null ? 'nowhere' : queue.deadLetterTo || '(default exchange)'}</td>
              <td>
                {queue.workers.map((w) => `${w.id}: ${workerStatusText(w)}, ${heldText(w, statics.capacityByPool[poolOf(w.id)] ?? null)}`).join('; ') || 'none'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Everything that puts messages into a queue, in words. */
function feedsOf(snapshot: LabSnapshot, statics: QueueStatics, queue: QueueView): string[] {
  const feeds: string[] = [];
  for (const e of snapshot.exchanges ?? []) for (const b of e.bindings) if (b.queue === queue.name) feeds.push(`exchange ${e.name} (${bindingText(e, b)})`);
  for (const t of snapshot.snsTopics ?? []) if (t.subscriptions.includes(queue.name)) feeds.push(`SNS topic ${t.name}`);
  for (const p of statics.publishers) if (p.target.kind === 'sqs' && p.target.name === queue.name) feeds.push(`publisher ${p.id}`);
  for (const p of statics.publishers) if (p.target.kind === 'exchange' && p.target.name === '' && p.routingKeys.includes(queue.name)) feeds.push(`publisher ${p.id} through the default exchange`);
  for (const q of snapshot.queues ?? []) if (q.broker === 'sqs' && q.deadLetterTo === queue.name) feeds.push(`redrive from ${q.name}`);
  if (queue.replyQueue) feeds.push('replies from the workers');
  return feeds;
}
