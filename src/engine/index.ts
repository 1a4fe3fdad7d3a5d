/**
 * Queuelab's engine: the public API, and nothing else. Everything here is documented in the
 * README and DESIGN.md, tested, and never renamed casually.
 */
export { parseScenario, parseScenarioJson, formatScenarioError, scenarioJsonSchema } from './scenario';
export type { Scenario, ScenarioError, ParseResult, ChallengeSpec, ChallengeGoalSpec, ChallengeKnobSpec } from './scenario';
export { createSimulation, SAMPLE_INTERVAL_MS } from './simulation';
export type { Simulation, SimulationOptions, SimulationCheckpoint, RestoreOptions } from './simulation';
export { partitionForKey, murmur2, toPositive } from './kafka/partitioner';
export { assign, AssignorInputError } from './kafka/assignors';
export type { AssignorName, AssignorMember, AssignInput, Assignment, TopicPartition } from './kafka/assignors';
export type { Metrics, GroupMetrics, GroupRebalanceMetrics, LagMetrics, LagHealthMetrics } from './metrics/summary';
export type { LagStatus } from './metrics/lagStatus';
export type { Snapshot, GroupView, ConsumerView, PartitionView } from './snapshot';
export type { DeliveryView, RetryTopicView } from './kafka/delivery/view';
export type { DeadLetterView } from './kafka/delivery/deadLetter';
export type { Change, ApplyResult } from './changes';
export { parseActionLog, ACTIONS_MAX } from './replay/actionLog';
export type { ActionLog, ActionLogResult, RecordedAction } from './replay/actionLog';
export type { EngineEvent } from './events/eventLog';
export type { RecordLife, LifeStep, LifeStepKind, RecordRef } from './events/recordLife';
export { InvariantError, LimitError } from './kernel/assert';
/** Bumped whenever a change to the engine can change a trace (see the README's release notes). */
export const ENGINE_VERSION = '0.3.0';
