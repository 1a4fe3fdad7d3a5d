import { useId } from 'react';
import { quizScore } from '../progress';
import type { QuizQuestion } from '../types';
import { useChapter } from './ChapterContext';
import { progressStore, useChapterProgress } from './useProgress';

/** The chapter's quiz: pick an option, read why it is right or wrong; answers are saved. */
export function QuizPanel() {
  const chapter = useChapter();
  const progress = useChapterProgress(chapter.slug);
  const titleId = useId();
  const score = quizScore(chapter.quiz, progress);

  return (
    <section className="course-panel quiz" aria-labelledby={titleId} data-testid="quiz">
      <h3 id={titleId}>Check yourself</h3>
      <p className="quiz-score" data-testid="quiz-score">
        {score.correct} of {score.total} answered correctly
      </p>
      {chapter.quiz.questions.map((question, index) => (
        <Question key={question.id} slug={chapter.slug} question={question} index={index} chosen={progress.answers[question.id]} />
      ))}
    </section>
  );
}

function Question({ slug, question, index, chosen }: { slug: string; question: QuizQuestion; index: number; chosen: string | undefined }) {
  const name = useId();
  const picked = question.options.find((o) => o.id === chosen);
  const choose = (optionId: string) => progressStore().update(slug, (c) => ({ ...c, answers: { ...c.answers, [question.id]: optionId } }));

  return (
    <fieldset className="question" data-testid={`question-${question.id}`}>
      <legend>
        <span className="question-number">{index + 1}.</span> {question.prompt}
      </legend>
      <div className="options">
        {question.options.map((option) => (
          <label key={option.id} className={option.id === chosen ? (option.correct ? 'option option-right' : 'option option-wrong') : 'option'}>
            <input type="radio" name={name} value={option.id} checked={option.id === chosen} onChange={() => choose(option.id)} />
            <span>{option.text}</span>
          </label>
        ))}
      </div>
      <p className={picked ? (picked.correct ? 'feedback feedback-right' : 'feedback feedback-wrong') : 'feedback'} role="status">
        {picked && (
          <>
            <strong>{picked.correct ? 'Right. ' : 'Not quite. '}</strong>
            {picked.feedback}
          </>
        )}
      </p>
    </fieldset>
  );
}
