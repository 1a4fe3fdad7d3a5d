export { InvariantError, LimitError, assert } from './assert';
export { makeSampler, meanMs } from './distributions';
export type { Distribution } from './distributions';
export { createRng, sfc32 } from './rng';
export type { Rng } from './rng';
export { Scheduler } from './scheduler';
export type { SchedulerOptions } from './scheduler';
export { msToUs, usToMs } from './time';
export type { TimeUs } from './time';
