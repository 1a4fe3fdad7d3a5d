import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../content/builtins';
import { checkDraft, DRAFT_BYTES_MAX } from './checkDraft';
import { textOf } from './draftFile';

/** The marked text of each problem, with where and what. */
function marked(text: string) {
  const check = checkDraft(text);
  if (check.ok) return [];
  return check.problems.map((p) => ({ text: text.slice(p.from, p.to), where: p.where, message: p.message, kind: p.kind }));
}

describe('checkDraft', () => {
  it('accepts every built-in as the editor shows it, with defaults filled in', () => {
    for (const builtin of builtinScenarios) {
      const check = checkDraft(textOf(builtin.json));
      expect(check.ok, builtin.id).toBe(true);
      if (check.ok) expect(check.json).toEqual(builtin.json);
    }
  });

  it("places the parser's problems at their paths, unknown fields at their key", () => {
    const text = '{\n  "version": 1,\n  "topics": [{ "name": "orders", "partitions": 0, "partitons": 3 }],\n  "producers": [], "consumerGroups": []\n}';
    expect(marked(text)).toEqual([
      { text: '0', where: 'topics[0].partitions', message: 'must be between 1 and 1024, got 0', kind: 'scenario' },
      { text: '"partitons"', where: 'topics[0].partitons', message: 'unknown field "partitons" (did you mean "partitions"?)', kind: 'scenario' },
    ]);
    const check = checkDraft(text);
    // Still JSON: the form keeps working on it.
    expect(check.ok === false && check.json).toMatchObject({ version: 1 });
  });

  it('places a missing required field at the object that lacks it', () => {
    const text = '{"version":1,"topics":[{"name":"o"}],"producers":[],"consumerGroups":[]}';
    expect(marked(text)).toEqual([{ text: '{', where: 'topics[0].partitions', message: 'required', kind: 'scenario' }]);
  });

  it('gives the first syntax error only, at its offset, with its line and column', () => {
    expect(marked('{\n  "seed": 7,\n}')).toEqual([
      { text: '}', where: 'line 3, column 1', message: 'a field name in double quotes was expected here (is there a comma too many?)', kind: 'syntax' },
    ]);
    expect(marked("{'seed': 7}")).toEqual([
      { text: "'seed'", where: 'line 1, column 2', message: 'JSON does not allow this character here (a missing quote, or a stray character?)', kind: 'syntax' },
    ]);
    expect(marked('{"seed": 7 // the seed\n}')[0]).toMatchObject({ message: 'JSON has no comments: remove this one', where: 'line 1, column 12' });
    expect(marked('')).toEqual([{ text: '', where: 'line 1, column 1', message: 'a value was expected here (is there a comma too many, or a value missing?)', kind: 'syntax' }]);
    expect(checkDraft('{"a":').ok === false && checkDraft('{"a":').json).toBeUndefined();
  });

  it('refuses a draft over the size limit, naming the limit', () => {
    const text = `{"title":"${'x'.repeat(DRAFT_BYTES_MAX)}"}`;
    expect(marked(text)).toEqual([{ text: '', where: 'the whole document', message: `is ${DRAFT_BYTES_MAX + 12} bytes; a scenario may be at most ${DRAFT_BYTES_MAX} bytes (1 MiB)`, kind: 'scenario' }]);
  });

  it('explains a document that is JSON but not an object at the root', () => {
    expect(marked('[1, 2]')).toEqual([{ text: '[', where: 'the whole document', message: 'must be a JSON object like { "version": 1, "topics": […] }, got a list of 2 items', kind: 'scenario' }]);
  });
});
