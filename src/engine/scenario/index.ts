/** The scenario format v1: parse, validate and fill in defaults; errors in a learner's words. */
export { parseScenario, parseScenarioJson, ERRORS_MAX, SCENARIO_TEXT_BYTES_MAX } from './parse';
export { formatScenarioError } from './errors';
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
