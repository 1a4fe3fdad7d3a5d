import { describe, expect, it } from 'vitest';
import { readLabParams, withScenario } from './labParams';

describe('readLabParams', () => {
  it('defaults to the balanced scenario with nothing else', () => {
    expect(readLabParams('')).toEqual({ scenarioId: 'balanced' });
  });

  it('reads every parameter', () => {
    expect(readLabParams('?scenario=hot-key&seed=12&runTo=10000&speed=4')).toEqual({
      scenarioId: 'hot-key',
      seed: 12,
      runToMs: 10_000,
      speed: 4,
    });
  });

  it('drops values that make no sense instead of failing', () => {
    expect(readLabParams('?scenario=&seed=1.5&runTo=-1&speed=0')).toEqual({ scenarioId: 'balanced' });
    expect(readLabParams('?seed=abc&runTo=&speed=5000')).toEqual({ scenarioId: 'balanced' });
  });
});

describe('readLabParams bench', () => {
  it('accepts only bundled workload names, never a URL', () => {
    expect(readLabParams('?bench=churn&speed=10')).toEqual({ scenarioId: 'balanced', bench: 'churn', speed: 10 });
    expect(readLabParams('?bench=https://example.com/x.json')).toEqual({ scenarioId: 'balanced' });
  });
});

describe('withScenario', () => {
  it('switches the scenario and drops what belonged to the old one', () => {
    expect(withScenario('?scenario=balanced&seed=3&runTo=5&speed=2&bench=churn', 'hot-key')).toBe('?scenario=hot-key&speed=2');
  });
});
