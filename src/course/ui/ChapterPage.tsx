import { useEffect, useState, type ComponentPropsWithoutRef } from 'react';
import { findChapter } from '../chapters';
import { hrefOf } from '../route';
import type { Chapter, ChapterModule } from '../types';
import { CapacityCalculator } from './CapacityCalculator';
import { ChallengePanel } from './ChallengePanel';
import { ChapterContext } from './ChapterContext';
import { DiagnosePanel } from './DiagnosePanel';
import { QuizPanel } from './QuizPanel';
import { ScenarioEmbed } from './ScenarioEmbed';
import { useFocusOnMount } from './useFocusOnMount';
import { progressStore } from './useProgress';

/**
 * What MDX tags become. The page's title is an h2 under the site's h1, so a chapter's `##`
 * sections are h3 and `###` are h4.
 */
const MDX_COMPONENTS = {
  Scenario: ScenarioEmbed,
  Quiz: QuizPanel,
  Challenge: ChallengePanel,
  Diagnose: DiagnosePanel,
  CapacityCalculator,
  h2: (props: ComponentPropsWithoutRef<'h3'>) => <h3 {...props} />,
  h3: (props: ComponentPropsWithoutRef<'h4'>) => <h4 {...props} />,
};

type Loaded = { state: 'loading' } | { state: 'ready'; module: ChapterModule } | { state: 'failed'; message: string };

/** One chapter: its prose with live scenarios, quiz, challenge and diagnosis, then previous / next. */
export function ChapterPage({ slug }: { slug: string }) {
  const found = findChapter(slug);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const heading = useFocusOnMount<HTMLHeadingElement>();

  useEffect(() => {
    if (!found) return;
    let live = true;
    progressStore().update(slug, (c) => (c.visited ? c : { ...c, visited: true }));
    found.chapter.load().then(
      (module) => live && setLoaded({ state: 'ready', module }),
      (error: unknown) => live && setLoaded({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
    // `found` is derived from slug (a new object each render): depending on slug alone runs this once per chapter.
  }, [slug]);

  if (!found) {
    return (
      <section className="course" aria-labelledby="chapter-title">
        <h2 id="chapter-title" ref={heading} tabIndex={-1}>
          No such chapter
        </h2>
        <p>
          There is no chapter “{slug}”. <a href={hrefOf({ page: 'contents' })}>See all chapters</a>.
        </p>
      </section>
    );
  }
  const { chapter, previous, next } = found;
  const Content = loaded.state === 'ready' ? loaded.module.default : null;

  return (
    <article className="course chapter" aria-labelledby="chapter-title" data-testid={`chapter-${chapter.slug}`}>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <a href={hrefOf({ page: 'contents' })}>Course</a> <span aria-hidden="true">›</span> Chapter {chapter.meta.number}
      </nav>
      <header className="chapter-head">
        <p className="chapter-kicker">Chapter {chapter.meta.number}</p>
        <h2 id="chapter-title" ref={heading} tabIndex={-1}>
          {chapter.meta.title}
        </h2>
        <p className="chapter-summary">{chapter.meta.summary}</p>
        {chapter.meta.awaits && (
          <p className="chapter-note">
            The simulator does not model {chapter.meta.awaits} yet, so this chapter has prose and a quiz; its live scenarios and challenge come with that model.
          </p>
        )}
      </header>
      <div className="chapter-body">
        <ChapterContext.Provider value={chapter}>
          {Content && <Content components={MDX_COMPONENTS} />}
          {loaded.state === 'loading' && <p className="course-loading chapter-loading">Loading the chapter…</p>}
          {loaded.state === 'failed' && (
            <p className="course-problem" role="alert">
              The chapter could not load: {loaded.message}. Reload the page to try again.
            </p>
          )}
        </ChapterContext.Provider>
      </div>
      {/* Below the text, so drawn once the text is there: drawn earlier, the text would push them down (layout shift). */}
      {loaded.state !== 'loading' && <ChapterEnd chapter={chapter} previous={previous} next={next} />}
    </article>
  );
}

/** The chapter's key terms, then previous / next. */
function ChapterEnd({ chapter, previous, next }: { chapter: Chapter; previous: Chapter | null; next: Chapter | null }) {
  return (
    <>
      <section className="key-terms" aria-labelledby="key-terms-title">
        <h3 id="key-terms-title">Key terms</h3>
        <dl>
          {chapter.meta.keyTerms.map(({ term, definition }) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{definition}</dd>
            </div>
          ))}
        </dl>
      </section>
      <nav className="pager" aria-label="Chapters">
        {previous ? (
          <a className="pager-link" href={hrefOf({ page: 'chapter', slug: previous.slug })} rel="prev">
            <span className="pager-dir">← Previous</span> {previous.meta.number}. {previous.meta.title}
          </a>
        ) : (
          <span />
        )}
        {next ? (
          <a className="pager-link pager-next" href={hrefOf({ page: 'chapter', slug: next.slug })} rel="next">
            <span className="pager-dir">Next →</span> {next.meta.number}. {next.meta.title}
          </a>
        ) : (
          <a className="pager-link pager-next" href={hrefOf({ page: 'contents' })}>
            <span className="pager-dir">Done →</span> All chapters
          </a>
        )}
      </nav>
    </>
  );
}
