import { InvariantError } from '../kernel/assert';
import { SlotDeque } from './slotDeque';

/** Backlog capacity a message group starts with; it doubles on demand. */
const GROUP_INITIAL_CAPACITY = 4;

/**
 * The ready messages of an SQS FIFO queue, by message group. A group is delivered in order and
 * is locked while any of its messages is in flight (received, not yet deleted or visible again):
 * the rest of the group waits, other groups go on. `active` lists, in the order they became
 * deliverable, the groups that have a backlog and nothing in flight, each once.
 */
export class FifoGroups {
  private readonly backlogs: (SlotDeque | undefined)[] = [];
  private inFlightByGroup: Int32Array;
  private activeFlags: Uint8Array;
  private readonly active: SlotDeque;
  /** Ready messages over every group. */
  size = 0;

  constructor(
    groups: number,
    private readonly capacityMax: number,
    private readonly queueName: string,
  ) {
    this.inFlightByGroup = new Int32Array(Math.max(1, groups));
    this.activeFlags = new Uint8Array(Math.max(1, groups));
    this.active = new SlotDeque(Math.max(1, groups), 'queueMessagesMax', `FIFO queue ${queueName}'s active groups`);
  }

  /** Ready messages of group g. */
  backlogSize(g: number): number {
    return this.backlogs[g]?.size ?? 0;
  }

  /** Messages of group g in flight. */
  inFlight(g: number): number {
    return this.inFlightByGroup[g] ?? 0;
  }

  /** Number of groups currently deliverable. */
  get activeCount(): number {
    return this.active.size;
  }

  /** Adds a newly arrived message at the back of its group. */
  add(g: number, slot: number): void {
    this.backlog(g).pushBack(slot);
    this.size++;
    this.activateIfDeliverable(g);
  }

  /** Puts a message that was in flight back into its group, in arrival (seq) order. */
  putBack(g: number, slot: number, seqOf: (slot: number) => number): void {
    const backlog = this.backlog(g);
    const seq = seqOf(slot);
    let at = 0;
    while (at < backlog.size && seqOf(backlog.at(at)) < seq) at++;
    backlog.insertAt(at, slot);
    this.size++;
    this.settle(g);
  }

  /** The deliverable group that waited longest, removed from the active list, or -1. */
  nextGroup(): number {
    while (this.active.size > 0) {
      const g = this.active.popFront();
      this.activeFlags[g] = 0;
      if (this.backlogSize(g) > 0 && this.inFlightByGroup[g] === 0) return g;
    }
    return -1;
  }

  /** Removes and returns the head of group g's backlog. */
  takeHead(g: number): number {
    const backlog = this.backlogs[g];
    if (backlog === undefined || backlog.size === 0) throw new InvariantError(`FIFO queue ${this.queueName}: group ${g} has no message to take`);
    this.size--;
    return backlog.popFront();
  }

  /** The head of group g's backlog (it must have one). */
  peekHead(g: number): number {
    return this.backlog(g).peek();
  }

  /** A message of group g went in flight. */
  lock(g: number): void {
    this.inFlightByGroup[g]!++;
  }

  /** A message of group g left flight (deleted, moved, or visible again): the group may go on. */
  release(g: number): void {
    if (this.inFlightByGroup[g]! <= 0) throw new InvariantError(`FIFO queue ${this.queueName}: group ${g} released with nothing in flight`);
    this.inFlightByGroup[g]!--;
    this.activateIfDeliverable(g);
  }

  /** Re-lists group g if it became deliverable (after takes that left it unlocked). */
  settle(g: number): void {
    this.activateIfDeliverable(g);
  }

  /** Every group index that has a backlog or messages in flight (for views and invariants). */
  *groupsInUse(): Generator<number> {
    for (let g = 0; g < this.inFlightByGroup.length; g++) if (this.backlogSize(g) > 0 || this.inFlightByGroup[g]! > 0) yield g;
  }

  /** Whether group g is on the active list. */
  isActive(g: number): boolean {
    return this.activeFlags[g] === 1;
  }

  private activateIfDeliverable(g: number): void {
    if (this.activeFlags[g] === 1 || this.inFlightByGroup[g] !== 0 || this.backlogSize(g) === 0) return;
    this.activeFlags[g] = 1;
    this.active.pushBack(g);
  }

  private backlog(g: number): SlotDeque {
    if (!(g >= 0 && g < this.inFlightByGroup.length)) throw new InvariantError(`FIFO queue ${this.queueName}: message group ${g} out of range`);
    let backlog = this.backlogs[g];
    if (backlog === undefined) {
      backlog = new SlotDeque(this.capacityMax, 'queueMessagesMax', `FIFO queue ${this.queueName}, group ${g}`, GROUP_INITIAL_CAPACITY);
      this.backlogs[g] = backlog;
    }
    return backlog;
  }
}
