import { describe, expect, it } from 'vitest';
import { isPlayToggleKey, labKeyAction, type KeyEventLike } from './keyboard';

function key(overrides: Partial<KeyEventLike> & { tag?: string; role?: string; editable?: boolean } = {}): KeyEventLike {
  const { tag = 'BODY', role, editable = false, ...rest } = overrides;
  const target = { tagName: tag, isContentEditable: editable, getAttribute: (n: string) => (n === 'role' ? (role ?? null) : null) };
  return { key: ' ', repeat: false, altKey: false, ctrlKey: false, metaKey: false, target: target as unknown as EventTarget, ...rest };
}

describe('isPlayToggleKey', () => {
  it('toggles on a plain Space with focus on the page or a non-interactive element', () => {
    expect(isPlayToggleKey(key())).toBe(true);
    expect(isPlayToggleKey(key({ tag: 'DIV' }))).toBe(true);
    expect(isPlayToggleKey(key({ target: null }))).toBe(true);
  });

  it('leaves Space to text fields, selects, buttons, links and widgets', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A', 'SUMMARY']) {
      expect(isPlayToggleKey(key({ tag }))).toBe(false);
    }
    expect(isPlayToggleKey(key({ tag: 'DIV', editable: true }))).toBe(false);
    expect(isPlayToggleKey(key({ tag: 'DIV', role: 'slider' }))).toBe(false);
  });

  it('ignores other keys, held-down repeats and chords', () => {
    expect(isPlayToggleKey(key({ key: 'Enter' }))).toBe(false);
    expect(isPlayToggleKey(key({ repeat: true }))).toBe(false);
    expect(isPlayToggleKey(key({ ctrlKey: true }))).toBe(false);
    expect(isPlayToggleKey(key({ metaKey: true }))).toBe(false);
    expect(isPlayToggleKey(key({ altKey: true }))).toBe(false);
  });
});

describe('labKeyAction', () => {
  it('steps on → from the page and from buttons, repeats included (hold to keep stepping)', () => {
    expect(labKeyAction(key({ key: 'ArrowRight' }))).toBe('step');
    expect(labKeyAction(key({ key: 'ArrowRight', tag: 'BUTTON' }))).toBe('step');
    expect(labKeyAction(key({ key: 'ArrowRight', repeat: true }))).toBe('step');
    expect(labKeyAction(key())).toBe('toggle-play');
  });

  it('leaves → to text fields, selects and sliders, and to chords', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT']) expect(labKeyAction(key({ key: 'ArrowRight', tag }))).toBeNull();
    expect(labKeyAction(key({ key: 'ArrowRight', tag: 'DIV', role: 'slider' }))).toBeNull();
    expect(labKeyAction(key({ key: 'ArrowRight', altKey: true }))).toBeNull();
    expect(labKeyAction(key({ key: 'ArrowLeft' }))).toBeNull();
  });
});
