import { describe, expect, it } from 'vitest';
import { getBuiltin } from '../../content/builtins';
import { fileNameFor, readUpload, textOf } from './draftFile';

describe('fileNameFor', () => {
  it.each([
    [{ title: 'A balanced pipeline' }, 'a-balanced-pipeline.json'],
    [{ title: 'RabbitMQ: a topic exchange, competing workers' }, 'rabbitmq-a-topic-exchange-competing-workers.json'],
    [{ title: 'Café déjà vu' }, 'cafe-deja-vu.json'],
    [{ title: '<script>alert(1)</script>' }, 'script-alert-1-script.json'],
    [{ title: '日本語' }, 'scenario.json'],
    [{ title: 5 }, 'scenario.json'],
    [undefined, 'scenario.json'],
    [{ title: 'x'.repeat(100) }, `${'x'.repeat(60)}.json`],
  ])('%o → %s', (json, name) => {
    expect(fileNameFor(json)).toBe(name);
  });
});

describe('readUpload', () => {
  const good = textOf(getBuiltin('hot-key')?.json);

  it('accepts a scenario that runs, as its exact text', () => {
    expect(readUpload('hot.json', good, good.length)).toEqual({ ok: true, text: good });
  });

  it('refuses a file over the limit without looking at it', () => {
    expect(readUpload('big.json', '', 2_000_000)).toEqual({
      ok: false,
      message: 'big.json is 2000000 bytes; a scenario file may be at most 1048576 bytes (1 MiB). Your draft is unchanged.',
      problems: [],
      text: null,
    });
  });

  it('refuses text that is not JSON, or JSON that is not a scenario, with the problems and the text to fix', () => {
    const notJson = readUpload('notes.txt', 'hello', 5);
    expect(notJson).toMatchObject({ ok: false, message: 'notes.txt is not valid JSON. Your draft is unchanged.', text: 'hello' });
    expect(notJson.ok === false && notJson.problems.map((p) => p.where)).toEqual(['line 1, column 1']);
    const wrong = good.replace('"version": 1', '"version": 2');
    const refused = readUpload('v2.json', wrong, wrong.length);
    expect(refused).toMatchObject({ ok: false, message: 'v2.json is not a scenario that runs (1 problem). Your draft is unchanged.', text: wrong });
    expect(refused.ok === false && refused.problems.map((p) => p.where)).toEqual(['version']);
  });
});
