/**
 * Paths into plain data ("groups.billing.lag.max", `queues["orders.dlq"].depth`,
 * "consumerGroups.0.consumers"): how goals name a metric and knobs name a scenario field. The
 * grammar is the engine's (src/engine/scenario/metricPath.ts), because a scenario file's own
 * `challenge` section is checked by the parser with it; chapters, predictions and the embed read
 * the same paths through here.
 */
export { PATH_SEGMENTS_MAX, joinPath, pathProblem, pathSegments, readNumber, readPath, writePath } from '../engine/scenario/metricPath';
