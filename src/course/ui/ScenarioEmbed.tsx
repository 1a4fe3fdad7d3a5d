/**
 * A compact live lab inside a chapter: its own worker and store, the lab's own player controls
 * and knobs, the few numbers the text talks about, and the try-this prompt. The worker starts
 * only when the embed scrolls into view or the learner presses play, so a chapter with several
 * scenarios does not start them all on load; it stops when the chapter is left.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { getBuiltin } from '../../content/builtins';
import { createAppStore, StoreProvider, type AppStore } from '../../app/store';
import { createSimClient, type SimClient } from '../../worker/client';
import { useChapter } from './ChapterContext';
import { EmbedBody } from './EmbedBody';
import { PredictQuestion, PredictResult } from './PredictPanel';
import { progressStore, useChapterProgress } from './useProgress';
import { DEFAULT_WATCH, type WatchId } from './watch';

export interface ScenarioProps {
  /** A scenario of this chapter (a file in its scenarios/ folder, without `.json`). */
  id?: string;
  /** Or a built-in scenario id, e.g. "hot-key". */
  src?: string;
  /** What to change and what to watch, in a sentence or two. */
  tryThis?: string;
  /** Which numbers to show per consumer group (default: processed, lag, max lag). */
  watch?: WatchId[];
  /** Hide the scenario's own description (a diagnosis must not give its cause away). */
  hideDescription?: boolean;
}

interface Running {
  client: SimClient;
  store: AppStore;
}

export function ScenarioEmbed({ id, src, tryThis, watch = DEFAULT_WATCH, hideDescription = false }: ScenarioProps) {
  const chapter = useChapter();
  const json = id !== undefined ? chapter.scenarios[id] : src !== undefined ? getBuiltin(src)?.json : undefined;
  const name = id ?? src ?? 'scenario';
  const root = useRef<HTMLElement>(null);
  const [wanted, setWanted] = useState<'none' | 'load' | 'play'>('none');
  const [running, setRunning] = useState<Running | null>(null);
  const titleId = useId();
  const doc = json as { title?: unknown; description?: unknown } | undefined;
  const title = typeof doc?.title === 'string' ? doc.title : name;
  const description = typeof doc?.description === 'string' ? doc.description : '';
  const prediction = id !== undefined ? chapter.predictions[id] : undefined;
  const chosen = useChapterProgress(chapter.slug).predictions?.[name];
  // A scenario that asks for a prediction does not play until the learner answers or skips it.
  const awaitingPrediction = prediction !== undefined && chosen === undefined;
  const choose = (optionId: string) => progressStore().update(chapter.slug, (c) => ({ ...c, predictions: { ...c.predictions, [name]: optionId } }));

  // Start once it is (nearly) on screen.
  useEffect(() => {
    const element = root.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setWanted((w) => (w === 'none' ? 'load' : w));
    }, { rootMargin: '200px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const started = wanted !== 'none';
  useEffect(() => {
    if (!started || json === undefined) return;
    const client = createSimClient();
    const store = createAppStore(client);
    store.getState().loadFile(`${name}.json`, JSON.stringify(json));
    setRunning({ client, store });
    return () => {
      client.dispose();
      setRunning(null);
    };
  }, [started, json, name]);

  // "Play" pressed before the worker was ready: play as soon as the scenario is loaded.
  useEffect(() => {
    if (wanted !== 'play' || !running) return;
    const { store } = running;
    const playWhenReady = () => {
      if (store.getState().status !== 'paused') return false;
      store.getState().play();
      setWanted('load');
      return true;
    };
    if (playWhenReady()) return;
    return store.subscribe(() => void playWhenReady());
  }, [wanted, running]);

  if (json === undefined) {
    return (
      <p className="course-problem" role="alert">
        This chapter refers to a scenario “{name}” that does not exist.
      </p>
    );
  }

  return (
    <section ref={root} className="course-panel embed" aria-labelledby={titleId} data-testid={`course-scenario-${name}`}>
      <h4 id={titleId} className="embed-title">
        <span className="embed-kicker">Live scenario</span> {title}
      </h4>
      {!hideDescription && description && <p className="embed-description">{description}</p>}
      {tryThis && (
        <p className="try-this">
          <strong>Try this: </strong>
          {tryThis}
        </p>
      )}
      {prediction && <PredictQuestion prediction={prediction} name={name} chosen={chosen} onChoose={choose} />}
      {running && !awaitingPrediction ? (
        <StoreProvider store={running.store}>
          <EmbedBody watch={watch} />
          {prediction && chosen !== undefined && <PredictResult prediction={prediction} chosen={chosen} />}
        </StoreProvider>
      ) : (
        <div className="embed-idle">
          <button type="button" className="button button-primary" onClick={() => setWanted('play')} disabled={awaitingPrediction}>
            Play
          </button>
          <span className="embed-hint">{awaitingPrediction ? 'Answer the question above (or skip it) to play.' : 'The simulator starts when you press play or scroll here.'}</span>
        </div>
      )}
    </section>
  );
}
