import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../content/builtins';
import { readShareFragment } from '../../share';
import { firstSentence, galleryItems } from './galleryItems';

describe('the gallery', () => {
  it('lists every built-in, then the example challenges, each with a thumbnail and its links', () => {
    const items = galleryItems();
    expect(items.map((i) => [i.id, i.kind])).toEqual([...builtinScenarios.map((b) => [b.id, 'builtin']), ['keep-up', 'challenge']]);
    for (const item of items) {
      expect(item.thumbnail?.columns.length).toBeGreaterThanOrEqual(2);
      expect(item.blurb).toMatch(/^[A-Z].*[.!?]$/);
      expect(item.embedOptions.scenarioId).toBe(item.id);
    }
    const balanced = items[0]!;
    expect([balanced.title, balanced.blurb, balanced.labHref, balanced.editHref]).toEqual([
      'A balanced pipeline',
      'Three consumers share six partitions and keep up comfortably with the producer: lag stays near zero and latency is a few milliseconds.',
      '/?scenario=balanced',
      '#/edit/balanced',
    ]);
  });

  it('opens a challenge in the lab as a shared run of its document, and offers no editor link for it', () => {
    const challenge = galleryItems().find((i) => i.kind === 'challenge')!;
    expect(challenge.editHref).toBeNull();
    expect(challenge.labHref.startsWith('/#run=')).toBe(true);
    const decoded = readShareFragment(challenge.labHref.slice(1));
    expect(decoded).toMatchObject({ ok: true, run: { scenario: { title: 'Challenge: keep up with checkout' } } });
  });

  it('keeps the first sentence of a description', () => {
    expect(firstSentence('Lag grows, e.g. 1.5 s per minute. Then it stops.')).toBe('Lag grows, e.g. 1.5 s per minute.');
    expect(firstSentence('No full stop')).toBe('No full stop');
    expect(firstSentence('')).toBe('');
  });
});
