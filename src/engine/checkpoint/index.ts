/** Checkpoints of a run's whole state: a generic deep copy, and the frozen checkpoint built on it. */
export { takeCheckpoint, type Checkpoint } from './checkpoint';
export { deepCopy, type DeepCopy } from './deepCopy';
