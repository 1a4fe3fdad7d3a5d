import { describe, expect, it } from 'vitest';
import { buildFlashcards } from './flashcards';
import { searchCourse } from './search';
import type { ChapterMeta } from './types';

const meta = (number: number, title: string, sections: string[], terms: [string, string][]): ChapterMeta => ({
  number,
  title,
  summary: `About ${title.toLowerCase()}.`,
  sections,
  keyTerms: terms.map(([term, definition]) => ({ term, definition })),
});

const chapters = [
  { slug: 'the-log', meta: meta(3, 'The log', ['Offsets and the committed position', 'Retention and replay'], [['offset', 'A record’s position in its partition.']]) },
  { slug: 'rebalances', meta: meta(6, 'Rebalances', ['Eager or cooperative'], [['committed offset', 'Where a group resumes.'], ['session.timeout.ms', 'How long without heartbeats.']]) },
];

describe('course search', () => {
  it('finds titles, then headings, then terms, each in syllabus order', () => {
    expect(searchCourse(chapters, 'offset').map((h) => [h.kind, h.slug, h.text])).toEqual([
      ['section', 'the-log', 'Offsets and the committed position'],
      ['term', 'the-log', 'offset'],
      ['term', 'rebalances', 'committed offset'],
    ]);
  });

  it('needs every word, ignores case and accents, and finds nothing for an empty query', () => {
    expect(searchCourse(chapters, 'COMMITTED resumes').map((h) => h.text)).toEqual(['committed offset']);
    expect(searchCourse(chapters, 'rétention').map((h) => h.text)).toEqual(['Retention and replay']);
    expect(searchCourse(chapters, '   ')).toEqual([]);
    expect(searchCourse(chapters, 'rabbitmq')).toEqual([]);
  });

  it('builds one flashcard per key term, optionally for some chapters only', () => {
    expect(buildFlashcards(chapters).map((c) => c.id)).toEqual(['the-log/offset', 'rebalances/committed offset', 'rebalances/session.timeout.ms']);
    expect(buildFlashcards(chapters, new Set(['the-log']))).toEqual([
      { id: 'the-log/offset', slug: 'the-log', chapterTitle: 'The log', term: 'offset', definition: 'A record’s position in its partition.' },
    ]);
  });
});
