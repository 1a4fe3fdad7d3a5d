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

/** What a key asks the lab to do. */
export type LabKeyAction = 'toggle-play' | 'step';

// Space already means something here: typing, choosing, or pressing the focused control.
const SPACE_OWNERS = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A', 'SUMMARY', 'OPTION']);
// Arrow keys move a caret, a slider or a selection in these.
const ARROW_OWNERS = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'OPTION']);
const SPACE_ROLES = ['button', 'checkbox', 'switch', 'slider', 'textbox', 'option', 'menuitem', 'tab', 'spinbutton', 'combobox'];
const ARROW_ROLES = ['slider', 'textbox', 'option', 'menuitem', 'tab', 'spinbutton', 'combobox', 'listbox', 'radio', 'menu', 'tablist'];

interface TargetLike {
  tagName?: unknown;
  isContentEditable?: unknown;
  getAttribute?: (name: string) => string | null;
}

function ownedBy(target: EventTarget | null, tags: Set<string>, roles: string[]): boolean {
  const t = target as TargetLike | null;
  if (!t) return false;
  if (t.isContentEditable === true) return true;
  if (typeof t.tagName === 'string' && tags.has(t.tagName.toUpperCase())) return true;
  const role = typeof t.getAttribute === 'function' ? t.getAttribute('role') : null;
  return role !== null && roles.includes(role);
}

/**
 * What a key press asks for: Space toggles play / pause and → steps one event, but only when
 * focus is not somewhere the key already means something (a text field, a select, a slider; for
 * Space also a button, which Space presses). Modified and repeated keys are left alone.
 */
export function labKeyAction(event: KeyEventLike): LabKeyAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.key === ' ') {
    if (event.repeat || ownedBy(event.target, SPACE_OWNERS, SPACE_ROLES)) return null;
    return 'toggle-play';
  }
  if (event.key === 'ArrowRight') {
    return ownedBy(event.target, ARROW_OWNERS, ARROW_ROLES) ? null : 'step';
  }
  return null;
}

/** Whether Space should toggle play / pause (see `labKeyAction`). */
export function isPlayToggleKey(event: KeyEventLike): boolean {
  return labKeyAction(event) === 'toggle-play';
}
