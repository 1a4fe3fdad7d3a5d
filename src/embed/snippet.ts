/**
 * The iframe code an instructor pastes into a page: the embed's URL with its options, a title
 * for screen readers, and a sandbox that lets the simulator run and nothing else.
 */
import { embedQuery, type EmbedOptions } from './options';

export interface SnippetInput {
  /** Where Queuelab is served, e.g. "https://queuelab.example" (no trailing slash needed). */
  baseUrl: string;
  options: EmbedOptions;
  /** A shared run to embed instead of the built-in (`#run=…`), or "". */
  fragment: string;
  /** The scenario's title, for the frame's accessible name. */
  title: string;
  /** Height of the frame, CSS px. */
  heightPx: number;
}

/**
 * The sandbox the snippet uses. `allow-same-origin` is needed because the page starts its
 * simulator as a Web Worker from its own origin and loads its scripts as modules; it grants
 * nothing over the host page, whose origin differs.
 */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin';

export function embedUrl(input: Pick<SnippetInput, 'baseUrl' | 'options' | 'fragment'>): string {
  const base = input.baseUrl.replace(/\/+$/, '');
  return `${base}/embed/${embedQuery(input.options)}${input.fragment}`;
}

export function iframeSnippet(input: SnippetInput): string {
  const attributes: [string, string][] = [
    ['src', embedUrl(input)],
    ['title', `Queuelab: ${input.title}`],
    ['width', '100%'],
    ['height', String(Math.round(input.heightPx))],
    ['style', 'border: 0; max-width: 100%'],
    ['loading', 'lazy'],
    ['sandbox', EMBED_SANDBOX],
  ];
  return `<iframe ${attributes.map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ')}></iframe>`;
}

/** A scenario title is data from anyone: in an attribute it must stay text. */
export function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll("'", '&#39;');
}
