import { compareJavaStrings } from './javaHashMap';
import type { AssignorMember } from './types';

/**
 * AbstractPartitionAssignor.MemberInfo.compareTo: static members (with a group.instance.id) first,
 * ordered by instance id, then dynamic members ordered by member.id. Range and RoundRobin sort by this,
 * which is what makes static membership keep an assignment across restarts that change member ids.
 */
export function compareMembers(a: AssignorMember, b: AssignorMember): number {
  if (a.groupInstanceId !== undefined && b.groupInstanceId !== undefined) {
    return compareJavaStrings(a.groupInstanceId, b.groupInstanceId);
  }
  if (a.groupInstanceId !== undefined) return -1;
  if (b.groupInstanceId !== undefined) return 1;
  return compareJavaStrings(a.memberId, b.memberId);
}

/** The members in MemberInfo order (a new array). */
export function sortMembers(members: readonly AssignorMember[]): AssignorMember[] {
  return [...members].sort(compareMembers);
}
