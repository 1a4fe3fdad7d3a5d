import { useState } from 'react';
import { getCourse } from '../chapters';
import { buildFlashcards } from '../flashcards';
import { hrefOf } from '../route';
import { useFocusOnMount } from './useFocusOnMount';
import { useProgress } from './useProgress';

/** Review: one card per key term; the definition shows on demand. */
export function FlashcardsPage() {
  const { chapters } = getCourse();
  const progress = useProgress();
  const [onlyOpened, setOnlyOpened] = useState(false);
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const opened = new Set(Object.entries(progress.chapters).filter(([, c]) => c.visited).map(([slug]) => slug));
  const cards = buildFlashcards(chapters, onlyOpened ? opened : undefined);
  const at = cards.length === 0 ? 0 : Math.min(index, cards.length - 1);
  const card = cards[at];
  const go = (next: number) => {
    setIndex((next + cards.length) % Math.max(1, cards.length));
    setRevealed(false);
  };

  return (
    <section className="course flashcards" aria-labelledby="flashcards-title">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <a href={hrefOf({ page: 'contents' })}>Course</a> <span aria-hidden="true">›</span> Flashcards
      </nav>
      <h2 id="flashcards-title" ref={heading} tabIndex={-1}>
        Key terms
      </h2>
      <label className="knob-check">
        <input
          type="checkbox"
          checked={onlyOpened}
          onChange={(e) => {
            setOnlyOpened(e.target.checked);
            setIndex(0);
            setRevealed(false);
          }}
        />{' '}
        Only chapters I have opened
      </label>
      {card ? (
        <div className="card" data-testid="flashcard">
          <p className="card-count">
            Card {at + 1} of {cards.length} · <a href={hrefOf({ page: 'chapter', slug: card.slug })}>{card.chapterTitle}</a>
          </p>
          <p className="card-term">{card.term}</p>
          <p className="card-definition" aria-live="polite">
            {revealed ? card.definition : ''}
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => go(at - 1)}>
              Previous
            </button>
            <button type="button" className="button button-primary" onClick={() => setRevealed(!revealed)} aria-expanded={revealed}>
              {revealed ? 'Hide definition' : 'Show definition'}
            </button>
            <button type="button" className="button" onClick={() => go(at + 1)}>
              Next
            </button>
          </div>
        </div>
      ) : (
        <p>No cards yet: open a chapter first, or untick the box.</p>
      )}
    </section>
  );
}
