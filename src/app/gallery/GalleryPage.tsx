import { useId, useMemo, useState } from 'react';
import { iframeSnippet } from '../../embed/snippet';
import { copyText } from '../../share/ui/download';
import { galleryItems, type GalleryItem } from './galleryItems';
import { Thumbnail } from './Thumbnail';
import './gallery.css';

/** Height of the embed the gallery's snippets make, CSS px. */
const EMBED_HEIGHT_PX = 640;

/** Every built-in scenario and example challenge as a card: open it in the lab, edit it, or embed it. */
export default function GalleryPage() {
  const items = useMemo(galleryItems, []);
  const builtins = items.filter((i) => i.kind === 'builtin');
  const challenges = items.filter((i) => i.kind === 'challenge');
  return (
    <div className="gallery" data-testid="gallery">
      <h1 className="gallery-title">Gallery</h1>
      <p className="gallery-intro">Every scenario that ships with Queuelab. Open one in the lab to run it, change it in the editor, or copy the code that embeds it in your own page.</p>
      <section aria-labelledby="gallery-builtins">
        <h2 id="gallery-builtins">Built-in scenarios</h2>
        <ul className="gallery-grid">
          {builtins.map((item) => (
            <GalleryCard key={item.id} item={item} />
          ))}
        </ul>
      </section>
      {challenges.length > 0 && (
        <section aria-labelledby="gallery-challenges">
          <h2 id="gallery-challenges">Graded challenges</h2>
          <p className="gallery-intro">Scenarios with a challenge: embedded, they show the task, let the learner change only the allowed settings, and grade the run when they press Check.</p>
          <ul className="gallery-grid">
            {challenges.map((item) => (
              <GalleryCard key={item.id} item={item} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function GalleryCard({ item }: { item: GalleryItem }) {
  const titleId = useId();
  const embedId = useId();
  const snippetId = useId();
  const [embedOpen, setEmbedOpen] = useState(false);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const snippet = useMemo(
    () => iframeSnippet({ baseUrl: window.location.origin, options: item.embedOptions, fragment: '', title: item.title, heightPx: EMBED_HEIGHT_PX }),
    [item],
  );

  async function copy() {
    setCopyState((await copyText(snippet)) ? 'copied' : 'failed');
  }

  return (
    <li className="gallery-card" data-testid={`gallery-card-${item.id}`}>
      <article aria-labelledby={titleId}>
        {item.thumbnail && <Thumbnail model={item.thumbnail} />}
        <h3 id={titleId} className="gallery-card-title">
          {item.title}
        </h3>
        <p className="gallery-blurb">{item.blurb}</p>
        {item.thumbnail && <p className="gallery-shape">{item.thumbnail.summary}</p>}
        <div className="gallery-actions">
          <a className="button button-primary" href={item.labHref}>
            Open <span className="visually-hidden">{item.title} </span>in lab
          </a>
          {item.editHref && (
            <a className="button" href={item.editHref}>
              Edit <span className="visually-hidden">{item.title}</span>
            </a>
          )}
          <button
            type="button"
            className="button"
            aria-expanded={embedOpen}
            aria-controls={embedId}
            onClick={() => {
              setEmbedOpen(!embedOpen);
              setCopyState('idle');
            }}
          >
            Embed <span className="visually-hidden">{item.title}</span>
          </button>
        </div>
        <div id={embedId} className="gallery-embed" hidden={!embedOpen}>
          <label htmlFor={snippetId} className="gallery-embed-label">
            Paste this into your page:
          </label>
          <textarea id={snippetId} className="gallery-snippet" readOnly rows={4} value={snippet} onFocus={(event) => event.currentTarget.select()} />
          <div className="gallery-copy-row">
            <button type="button" className="button" onClick={() => void copy()}>
              Copy code
            </button>
            <span role="status" className="gallery-copy-status">
              {copyState === 'copied' ? 'Copied.' : copyState === 'failed' ? 'Could not copy: select the code and copy it yourself.' : ''}
            </span>
          </div>
        </div>
      </article>
    </li>
  );
}
