/**
 * The assignor API shared by Kafka's four classic-protocol assignors.
 *
 * Order of each member's list in an Assignment (what Kafka itself produces, reproduced exactly):
 * - range: topics in java.util.HashMap order of their names, each topic's range in partition order.
 * - roundrobin: topics sorted by name, partitions in order (the order the circular iterator deals them).
 * - sticky / cooperative-sticky with equal subscriptions (ConstrainedAssignmentBuilder): kept owned
 *   partitions sorted by (partition, topic), then newly assigned ones sorted by (topic, partition).
 * - sticky / cooperative-sticky with unequal subscriptions (GeneralAssignmentBuilder): kept owned
 *   partitions in the order they were reported, then partitions in the order they moved to the member.
 *   For "sticky" the reported order is that of the StickyAssignor userData, which groups partitions by
 *   topic in HashMap order of topic names; "cooperative-sticky" keeps `owned` as given.
 */

/** A strategy's name as in Kafka's `partition.assignment.strategy` (`RangeAssignor` → 'range' …). */
export type AssignorName = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';

/** One partition: the topic's name and the partition's number (0-based). */
export type TopicPartition = [topic: string, partition: number];

export interface AssignorMember {
  /** The member.id the coordinator gave this consumer; unique within the group. */
  memberId: string;
  /** group.instance.id for static members (KIP-345); static members sort first by this id. */
  groupInstanceId?: string;
  /** Topics this member subscribes to. */
  topics: string[];
  /** Partitions this member owned before this rebalance (sticky assignors use it). */
  owned?: TopicPartition[];
  /**
   * Generation of `owned` (higher wins when two members claim one partition; equal → both claims dropped).
   * Absent means Kafka's DEFAULT_GENERATION (-1), the lowest.
   */
  generation?: number;
}

export interface AssignInput {
  /** topic name → partition count (a positive integer). Only topics some member subscribes to are used. */
  topics: Record<string, number>;
  /** The group's members, in the order the coordinator lists them (Kafka's JoinGroup response order). */
  members: AssignorMember[];
}

/** member.id → the partitions it is assigned this round; every member is present (possibly with []). */
export type Assignment = Record<string, TopicPartition[]>;

/** Thrown when `assign` is given input Kafka's leader could never see; the message says which member/topic. */
export class AssignorInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssignorInputError';
  }
}
