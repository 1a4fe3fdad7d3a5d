/**
 * The words and numbers the queue drawing shows, as pure functions: the depth bar's scale, a
 * queue's and a worker's status lines, and the one-sentence summary a screen reader reads
 * instead of the drawing. The same words serve the drawing and its table.
 */
import type { LabSnapshot } from '../../worker/labSnapshot';
import type { QueueView, QueueWorkerView } from '../../worker/queueFrameCodec';
import { formatCount } from '../format';

/** The steps the depth bar's full length moves through, so the scale does not twitch every frame. */
const SCALE_STEPS = [1, 2, 5];
/** The smallest full bar, messages: a few messages should not fill it. */
const SCALE_MIN = 10;

/**
 * Messages a full depth bar stands for: the queue's max-length when it has one (a full bar is a
 * full queue), else the next 1-2-5 step at or above what it holds.
 */
export function depthScale(ready: number, unacked: number, maxLength: number | null): number {
  if (maxLength !== null && maxLength > 0) return maxLength;
  const total = Math.max(SCALE_MIN, ready + unacked);
  for (let decade = 1; ; decade *= 10) {
    for (const step of SCALE_STEPS) if (step * decade >= total) return step * decade;
  }
}

/** What unacknowledged messages are called on this broker. */
export function heldWord(queue: Pick<QueueView, 'broker'>): string {
  return queue.broker === 'sqs' ? 'in flight' : 'unacked';
}

/** What ready messages are called on this broker. */
export function readyWord(queue: Pick<QueueView, 'broker'>): string {
  return queue.broker === 'sqs' ? 'visible' : 'ready';
}

/** The queue's kind, as a short badge. */
export function queueBadge(queue: Pick<QueueView, 'broker' | 'type' | 'replyQueue'>): string {
  if (queue.replyQueue) return 'reply';
  if (queue.broker === 'sqs') return queue.type === 'fifo' ? 'SQS FIFO' : 'SQS';
  return queue.type;
}

/** "12 ready · 30 unacked". */
export function queueCountsText(queue: Pick<QueueView, 'broker' | 'depth' | 'inFlight'>): string {
  return `${formatCount(queue.depth)} ${readyWord(queue)} · ${formatCount(queue.inFlight)} ${heldWord(queue)}`;
}

/** "oldest 1.2 s · max 1,000": how long the head has waited, and the queue's limit if any. */
export function queueDetailText(queue: Pick<QueueView, 'oldestAgeMs'>, maxLength: number | null): string {
  const age = queue.oldestAgeMs >= 1000 ? `${(queue.oldestAgeMs / 1000).toFixed(1)} s` : `${Math.round(queue.oldestAgeMs)} ms`;
  return `oldest ${age}${maxLength !== null ? ` · max ${formatCount(maxLength)}` : ''}`;
}

/** A worker's state as a symbol and a word: the shape carries it as well as the colour. */
export function workerState(worker: Pick<QueueWorkerView, 'alive' | 'processing'>): { symbol: string; word: 'processing' | 'idle' | 'down' } {
  if (!worker.alive) return { symbol: '✕', word: 'down' };
  return worker.processing ? { symbol: '●', word: 'processing' } : { symbol: '○', word: 'idle' };
}

/** "7/10" of its prefetch (or SQS batch) in use, or "7 held" when unlimited. */
export function heldText(worker: Pick<QueueWorkerView, 'held'>, capacity: number | null): string {
  return capacity === null ? `${worker.held} held` : `${worker.held}/${capacity}`;
}

/** "processing · 45% busy", "idle · 3% busy", "down". */
export function workerStatusText(worker: Pick<QueueWorkerView, 'alive' | 'processing' | 'utilisation'>): string {
  const { word } = workerState(worker);
  return word === 'down' ? 'down' : `${word} · ${Math.round(worker.utilisation * 100)}% busy`;
}

/** Whether the Kafka drawing has anything to show: a queue-only scenario has no topics, producers or groups. */
export function showsKafka(snapshot: Pick<LabSnapshot, 'topics' | 'producers' | 'groups' | 'queues'>): boolean {
  return snapshot.queues === undefined || snapshot.topics.length > 0 || snapshot.producers.length > 0 || snapshot.groups.length > 0;
}

/** One sentence a screen reader can read instead of the queue drawing. */
export function summarizeQueues(snapshot: LabSnapshot, publishers: number): string {
  const parts: string[] = [];
  for (const e of snapshot.exchanges ?? []) {
    if (e.name === '' && e.bindings.length === 0) continue;
    parts.push(`${e.type} exchange ${e.name || '(default)'} bound to ${e.bindings.map((b) => b.queue).join(', ') || 'no queue'}`);
  }
  for (const t of snapshot.snsTopics ?? []) parts.push(`SNS topic ${t.name} fanning out to ${t.subscriptions.join(', ') || 'no queue'}`);
  for (const q of snapshot.queues ?? []) {
    const up = q.workers.filter((w) => w.alive).length;
    const workers = q.workers.length > 0 ? `, ${up} of ${q.workers.length} worker${q.workers.length === 1 ? '' : 's'} up` : '';
    const dead = q.deadLetterTo !== null ? `, dead letters to ${q.deadLetterTo}` : '';
    parts.push(`${queueBadge(q)} queue ${q.name} with ${q.depth} ${readyWord(q)} and ${q.inFlight} ${q.broker === 'sqs' ? 'in flight' : 'unacknowledged'}${workers}${dead}`);
  }
  return `Queues: ${publishers} publisher${publishers === 1 ? '' : 's'}; ${parts.join('; ')}.`;
}
