/**
 * What the gallery shows for each scenario: the built-ins, then the example challenges the embed
 * grades. Pure: read from the scenario documents themselves, so a new built-in needs no gallery code.
 */
import { parseScenario } from '../../engine';
import { builtinScenarios } from '../../content/builtins';
import { challengeExamples } from '../../embed/challengeExamples';
import { DEFAULT_EMBED_OPTIONS, type EmbedOptions } from '../../embed/options';
import { createSharePayload, encodeShareFragment } from '../../share';
import { thumbnailModel, type ThumbnailModel } from './thumbnail';

export interface GalleryItem {
  /** The scenario id, as `?scenario=` and `#/edit/` take it. */
  id: string;
  kind: 'builtin' | 'challenge';
  title: string;
  /** The first sentence of the scenario's description. */
  blurb: string;
  /** null when the document does not parse (a test keeps that from shipping). */
  thumbnail: ThumbnailModel | null;
  /** The lab with this scenario: by id for a built-in, as a shared run for a challenge. */
  labHref: string;
  /** The scenario editor with this scenario; null where the editor cannot open it by id. */
  editHref: string | null;
  /** The embed's options for the snippet. */
  embedOptions: EmbedOptions;
}

export function galleryItems(): GalleryItem[] {
  return [
    ...builtinScenarios.map(({ id, json }) => item(id, 'builtin', json, `/?scenario=${encodeURIComponent(id)}`, `#/edit/${encodeURIComponent(id)}`)),
    ...challengeExamples.map(({ id, json }) => {
      const link = encodeShareFragment(createSharePayload({ scenario: json }));
      return item(id, 'challenge', json, link.ok ? `/${link.fragment}` : '/', null);
    }),
  ];
}

function item(id: string, kind: GalleryItem['kind'], json: unknown, labHref: string, editHref: string | null): GalleryItem {
  const parsed = parseScenario(json);
  const title = parsed.ok ? parsed.scenario.title : id;
  return {
    id,
    kind,
    title,
    blurb: parsed.ok ? firstSentence(parsed.scenario.description) : 'This scenario does not parse.',
    thumbnail: parsed.ok ? thumbnailModel(parsed.scenario) : null,
    labHref,
    editHref,
    embedOptions: { ...DEFAULT_EMBED_OPTIONS, scenarioId: id },
  };
}

/** Up to and including the first full stop that ends a sentence (not the one in "e.g." or "1.5"). */
export function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s+[A-Z]|$)/s.exec(text.trim());
  return (match ? match[0] : text).trim();
}
