/** The scenario format v1: parse, validate and fill in defaults; errors in a learner's words. */
export { parseScenario, parseScenarioJson, ERRORS_MAX, SCENARIO_TEXT_BYTES_MAX } from './parse';
export { formatScenarioError } from './errors';
export { CHALLENGE_METRIC_ROOTS } from './challengeReferences';
export type { ScenarioError, ParseResult } from './errors';
export { scenarioJsonSchema, scenarioJsonSchemaText, SCENARIO_SCHEMA_ID } from './jsonSchema';
export type {
  Scenario,
  ClusterSpec,
  TopicSpec,
  ProducerSpec,
  KeySpec,
  AcksMode,
  ConsumerGroupSpec,
  CommitMode,
  AssignorName,
  FailureSpec,
  RetrySpec,
  FaultSpec,
  FaultType,
  Distribution,
  ChallengeSpec,
  ChallengeGoalSpec,
  ChallengeKnobSpec,
} from './types';
export type {
  ExchangeSpec,
  ExchangeType,
  RabbitQueueSpec,
  BindingSpec,
  SqsQueueSpec,
  SnsTopicSpec,
  PublisherSpec,
  WorkerSpec,
  QueueSections,
  QueueFaultSpec,
} from './queueTypes';
