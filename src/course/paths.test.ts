import { describe, expect, it } from 'vitest';
import * as engine from '../engine/scenario/metricPath';
import * as course from './paths';

describe('course paths', () => {
  it('are the engine\'s grammar itself, so a chapter and a scenario file read a path the same way', () => {
    // The grammar's own tests are in src/engine/scenario/metricPath.test.ts; a copy here would drift.
    expect(Object.keys(course).sort()).toEqual(Object.keys(engine).filter((name) => name !== 'PATH_PATTERN').sort());
    for (const name of Object.keys(course) as (keyof typeof course)[]) expect(course[name]).toBe(engine[name]);
    expect(course.readNumber({ queues: { 'orders.dlq': { depth: 4 } } }, 'queues["orders.dlq"].depth')).toBe(4);
  });
});
