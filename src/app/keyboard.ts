/** Keyboard shortcuts of the lab, as pure decisions over a key event. */

/** The parts of a KeyboardEvent the decision reads. */
export interface KeyEventLike {
  key: string;
  repeat: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  target: EventTarget | null;
}

// Space already means something here: typing, choosing, or pressing the focused control.
const SPACE_OWNERS = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A', 'SUMMARY', 'OPTION']);

/**
 * Whether Space should toggle play / pause: only when focus is not in a text field or on a
 * control that Space already activates (the focused Play / Pause button toggles by itself).
 */
export function isPlayToggleKey(event: KeyEventLike): boolean {
  if (event.key !== ' ' || event.repeat || event.altKey || event.ctrlKey || event.metaKey) return false;
  const target = event.target as { tagName?: unknown; isContentEditable?: unknown; getAttribute?: (name: string) => string | null } | null;
  if (!target) return true;
  if (target.isContentEditable === true) return false;
  if (typeof target.tagName === 'string' && SPACE_OWNERS.has(target.tagName.toUpperCase())) return false;
  const role = typeof target.getAttribute === 'function' ? target.getAttribute('role') : null;
  return !(role && ['button', 'checkbox', 'switch', 'slider', 'textbox', 'option', 'menuitem', 'tab'].includes(role));
}
