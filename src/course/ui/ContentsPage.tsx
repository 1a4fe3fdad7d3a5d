import { useId, useState } from 'react';
import { getCourse } from '../chapters';
import { quizScore, EMPTY_CHAPTER } from '../progress';
import { hrefOf } from '../route';
import { searchCourse } from '../search';
import type { Chapter } from '../types';
import { useFocusOnMount } from './useFocusOnMount';
import { progressStore, useProgress } from './useProgress';

/** The table of contents with each chapter's progress, and search over titles, headings and terms. */
export function ContentsPage() {
  const { chapters, problems } = getCourse();
  const progress = useProgress();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const hits = searchCourse(chapters, query);

  return (
    <section className="course" aria-labelledby="course-title">
      <div className="course-head">
        <h2 id="course-title" ref={heading} tabIndex={-1}>
          The course
        </h2>
        <p className="course-intro">
          Short chapters, each with a scenario you can run, a quiz, and a challenge the simulator grades. Read them in order or jump to what you need.
        </p>
        <p className="course-links">
          <a className="button" href={hrefOf({ page: 'flashcards' })}>
            Review key terms (flashcards)
          </a>
        </p>
      </div>

      <div role="search" className="course-search">
        <label htmlFor={searchId}>Search chapters, headings and terms</label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. offset, rebalance, acks" autoComplete="off" />
        {query.trim() !== '' && (
          <div role="status" className="search-results">
            <p>{hits.length === 0 ? 'Nothing matches.' : `${hits.length} ${hits.length === 1 ? 'match' : 'matches'}`}</p>
            <ul>
              {hits.map((hit) => (
                <li key={`${hit.slug}-${hit.kind}-${hit.text}`}>
                  <a href={hrefOf({ page: 'chapter', slug: hit.slug })}>
                    {hit.kind === 'title' ? `Chapter ${hit.chapterNumber}: ${hit.text}` : hit.text}
                  </a>{' '}
                  <span className="search-where">
                    {hit.kind === 'section' ? `section of ${hit.chapterTitle}` : hit.kind === 'term' ? `term in ${hit.chapterTitle}` : ''}
                  </span>
                  {hit.detail && <span className="search-detail">{hit.detail}</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>

      <ol className="toc">
        {chapters.map((chapter) => (
          <TocEntry key={chapter.slug} chapter={chapter} progress={progress.chapters[chapter.slug] ?? EMPTY_CHAPTER} />
        ))}
      </ol>
      {problems.length > 0 && (
        <p className="course-problem" role="alert">
          {problems.length} chapter(s) could not be shown because their data is broken: {problems.map((p) => p.slug).join(', ')}.
        </p>
      )}
      {Object.keys(progress.chapters).length > 0 && (
        <p>
          <button type="button" className="button" onClick={() => progressStore().reset()}>
            Forget my progress
          </button>
        </p>
      )}
    </section>
  );
}

function TocEntry({ chapter, progress }: { chapter: Chapter; progress: typeof EMPTY_CHAPTER }) {
  const score = quizScore(chapter.quiz, progress);
  const marks = [
    progress.visited ? 'opened' : 'not opened yet',
    `quiz ${score.correct} of ${score.total} right`,
    ...(chapter.challenge ? [progress.challengePassed ? 'challenge solved' : 'challenge open'] : []),
    ...(chapter.diagnosis ? [progress.diagnosed ? 'diagnosis named' : 'diagnosis open'] : []),
  ];
  const done = score.correct === score.total && (!chapter.challenge || progress.challengePassed);
  return (
    <li className={done ? 'toc-entry toc-done' : 'toc-entry'} data-testid={`toc-${chapter.slug}`}>
      <span className="toc-number">{chapter.meta.number}</span>
      <div>
        <a className="toc-title" href={hrefOf({ page: 'chapter', slug: chapter.slug })}>
          {chapter.meta.title}
        </a>
        <p className="toc-summary">{chapter.meta.summary}</p>
        <p className="toc-progress" data-testid={`toc-progress-${chapter.slug}`}>
          {done && <span className="toc-check">✓ Done · </span>}
          {marks.join(' · ')}
        </p>
      </div>
    </li>
  );
}
