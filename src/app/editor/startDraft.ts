/**
 * What the editor starts from: the URL's built-in, the saved draft, or both (then the author is
 * asked, because an edited draft is never thrown away silently).
 */
import { builtinScenarios, DEFAULT_SCENARIO_ID, getBuiltin } from '../../content/builtins';
import { textOf } from './draftFile';
import type { Draft, DraftBase } from './draftStorage';

/** A document the draft could be replaced with. */
export interface StartChoice {
  base: DraftBase;
  text: string;
}

/** How the editor opens. */
export interface StartDecision {
  draft: Draft;
  /** Something to tell the author (an unknown id in the URL), or null. */
  notice: string | null;
  /** A choice that would replace edits, to confirm first; null when there is nothing to ask. */
  ask: StartChoice | null;
}

/** The draft is edited while its text differs from the text it started from. */
export function isEdited(draft: Draft): boolean {
  return draft.text !== draft.baseText;
}

export function builtinChoice(id: string): StartChoice | null {
  const builtin = getBuiltin(id);
  return builtin ? { base: { kind: 'builtin', id }, text: textOf(builtin.json) } : null;
}

export function draftFrom(choice: StartChoice): Draft {
  return { base: choice.base, text: choice.text, baseText: choice.text };
}

/** The route's built-in (`#/edit/<id>`, or null for `#/edit`) against the draft saved last time. */
export function decideStart(routeId: string | null, saved: Draft | null): StartDecision {
  const fallback = saved ?? draftFrom(builtinChoice(DEFAULT_SCENARIO_ID) as StartChoice);
  if (routeId === null) return { draft: fallback, notice: null, ask: null };
  const wanted = builtinChoice(routeId);
  if (!wanted) {
    const known = builtinScenarios.map((s) => `"${s.id}"`).join(', ');
    return { draft: fallback, notice: `There is no built-in scenario "${routeId}". Choose one of ${known} below.`, ask: null };
  }
  if (!saved) return { draft: draftFrom(wanted), notice: null, ask: null };
  if (saved.base.kind === 'builtin' && saved.base.id === routeId) return { draft: saved, notice: null, ask: null };
  if (!isEdited(saved)) return { draft: draftFrom(wanted), notice: null, ask: null };
  return { draft: saved, notice: null, ask: wanted };
}

/** "the built-in “balanced”", "the lab's scenario “…”", "the file orders.json". */
export function describeBase(base: DraftBase): string {
  switch (base.kind) {
    case 'builtin':
      return `the built-in scenario “${base.id}”`;
    case 'lab':
      return `the lab's scenario “${base.title}”`;
    case 'file':
      return `the file ${base.name}`;
  }
}
