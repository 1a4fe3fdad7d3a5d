import { useId, useMemo, useState } from 'react';
import { DEFAULT_EMBED_OPTIONS, KNOB_GROUPS, PANELS, THEMES, type EmbedOptions, type KnobGroup, type Panel, type Theme } from '../../embed/options';
import { embedUrl, EMBED_SANDBOX, iframeSnippet } from '../../embed/snippet';
import { copyText } from './download';

const PANEL_LABELS: Record<Panel, string> = { topology: 'Topology', knobs: 'Knobs', metrics: 'Metrics and charts', log: 'Event log' };
const KNOB_LABELS: Record<KnobGroup, string> = { producers: 'Producers', topics: 'Topics', groups: 'Consumer groups', brokers: 'Brokers' };

/**
 * The embed snippet generator: choose what the frame shows, copy the iframe code, and see the
 * frame itself below, live. Embeds this run (its link) or, for a built-in, the scenario by id.
 */
export function EmbedSnippet({ title, builtinId, fragment }: { title: string; builtinId: string | null; fragment: string | null }) {
  const [options, setOptions] = useState<EmbedOptions>({ ...DEFAULT_EMBED_OPTIONS, scenarioId: builtinId ?? DEFAULT_EMBED_OPTIONS.scenarioId });
  const [useRun, setUseRun] = useState(builtinId === null);
  const [heightPx, setHeightPx] = useState(720);
  const [copied, setCopied] = useState('');
  const ids = { snippet: useId(), height: useId(), theme: useId() };

  const runFragment = useRun && fragment ? fragment : '';
  const canEmbed = useRun ? fragment !== null : builtinId !== null;
  const snippet = useMemo(() => iframeSnippet({ baseUrl: window.location.origin, options, fragment: runFragment, title, heightPx }), [options, runFragment, title, heightPx]);
  const previewUrl = embedUrl({ baseUrl: window.location.origin, options, fragment: runFragment });

  function toggle<T extends string>(list: T[], item: T, order: readonly T[]): T[] {
    return list.includes(item) ? list.filter((x) => x !== item) : order.filter((x) => x === item || list.includes(x));
  }

  return (
    <section className="embed-snippet" aria-labelledby="embed-snippet-title">
      <h3 id="embed-snippet-title">Embed in a page</h3>
      <div className="embed-options">
        <fieldset>
          <legend>Show</legend>
          {PANELS.map((panel) => (
            <label key={panel}>
              <input type="checkbox" checked={options.panels.includes(panel)} onChange={() => setOptions({ ...options, panels: toggle(options.panels, panel, PANELS) })} /> {PANEL_LABELS[panel]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Knobs learners may turn</legend>
          {KNOB_GROUPS.map((group) => (
            <label key={group}>
              <input type="checkbox" checked={options.knobs.includes(group)} onChange={() => setOptions({ ...options, knobs: toggle(options.knobs, group, KNOB_GROUPS) })} /> {KNOB_LABELS[group]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Behaviour</legend>
          <label>
            <input type="checkbox" checked={options.autoplay} onChange={(event) => setOptions({ ...options, autoplay: event.target.checked })} /> Play on load
          </label>
          {builtinId !== null && fragment !== null && (
            <label>
              <input type="checkbox" checked={useRun} onChange={(event) => setUseRun(event.target.checked)} /> This run (with your changes), not just the scenario
            </label>
          )}
          <label htmlFor={ids.theme}>
            Theme{' '}
            <select id={ids.theme} value={options.theme} onChange={(event) => setOptions({ ...options, theme: event.target.value as Theme })}>
              {THEMES.map((theme) => (
                <option key={theme} value={theme}>
                  {theme === 'auto' ? 'the reader’s system setting' : theme}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={ids.height}>
            Height (px){' '}
            <input id={ids.height} type="number" min={200} max={2000} step={20} value={heightPx} onChange={(event) => setHeightPx(Math.min(2000, Math.max(200, Number(event.target.value) || 720)))} />
          </label>
        </fieldset>
      </div>
      {canEmbed ? (
        <>
          <label htmlFor={ids.snippet}>Paste this into your page</label>
          <textarea id={ids.snippet} className="embed-code" readOnly rows={4} value={snippet} data-testid="embed-snippet" onFocus={(event) => event.currentTarget.select()} />
          <p>
            <button type="button" className="button" onClick={() => void copyText(snippet).then((ok) => setCopied(ok ? 'Copied.' : 'The browser would not copy: select the code and copy it yourself.'))}>
              Copy snippet
            </button>{' '}
            <span role="status" className="muted">
              {copied}
            </span>
          </p>
          <p className="muted">Preview</p>
          <iframe key={previewUrl} className="embed-preview" src={previewUrl} title={`Preview: Queuelab: ${title}`} height={Math.min(heightPx, 520)} sandbox={EMBED_SANDBOX} />
        </>
      ) : (
        <p className="muted">This run is too long for a link, so it cannot be embedded; embed a built-in scenario instead.</p>
      )}
    </section>
  );
}
