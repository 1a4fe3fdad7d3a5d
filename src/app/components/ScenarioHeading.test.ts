import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../content/builtins';
import { headingOf } from './ScenarioHeading';

describe('headingOf', () => {
  it('reads the title and description every built-in scenario shows while it loads', () => {
    for (const builtin of builtinScenarios) {
      const heading = headingOf(builtin.json);
      const json = builtin.json as { title: string; description?: string };
      expect(heading).toEqual({ title: json.title, description: json.description ?? '' });
      expect(heading?.title.length).toBeGreaterThan(0);
    }
  });

  it('has nothing to show for documents without a text title', () => {
    expect(headingOf(null)).toBeNull();
    expect(headingOf('balanced')).toBeNull();
    expect(headingOf({ title: 7 })).toBeNull();
    expect(headingOf({ title: 'T', description: 3 })).toEqual({ title: 'T', description: '' });
  });
});
