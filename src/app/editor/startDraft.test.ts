import { describe, expect, it } from 'vitest';
import { builtinChoice, decideStart, describeBase, draftFrom, isEdited } from './startDraft';
import type { Draft } from './draftStorage';

const balanced = draftFrom(builtinChoice('balanced') ?? { base: { kind: 'file', name: '?' }, text: '' });
const hotKey = builtinChoice('hot-key');
const edited: Draft = { ...balanced, text: balanced.text.replace('"partitions": 6', '"partitions": 9') };

describe('decideStart', () => {
  it('opens #/edit on the saved draft, or the default built-in when there is none', () => {
    expect(decideStart(null, edited)).toEqual({ draft: edited, notice: null, ask: null });
    expect(decideStart(null, null)).toEqual({ draft: balanced, notice: null, ask: null });
  });

  it('opens #/edit/<id> on that built-in, or on the saved draft of that same built-in', () => {
    expect(decideStart('hot-key', null)).toEqual({ draft: hotKey && draftFrom(hotKey), notice: null, ask: null });
    expect(decideStart('balanced', edited)).toEqual({ draft: edited, notice: null, ask: null });
    // An unedited draft of another scenario is simply replaced.
    expect(decideStart('hot-key', balanced)).toEqual({ draft: hotKey && draftFrom(hotKey), notice: null, ask: null });
  });

  it('asks before an edited draft of another scenario is replaced, showing the draft meanwhile', () => {
    expect(decideStart('hot-key', edited)).toEqual({ draft: edited, notice: null, ask: hotKey });
  });

  it('explains an unknown id and keeps the draft', () => {
    const start = decideStart('nope', edited);
    expect(start.draft).toBe(edited);
    expect(start.ask).toBeNull();
    expect(start.notice).toBe('There is no built-in scenario "nope". Choose one of "balanced", "slow-consumer", "hot-key", "consumer-crash", "rabbit-work-queue", "sqs-visibility" below.');
  });
});

describe('drafts', () => {
  it('is edited exactly when its text differs from where it started', () => {
    expect(isEdited(balanced)).toBe(false);
    expect(isEdited(edited)).toBe(true);
    expect(builtinChoice('nope')).toBeNull();
  });

  it('names where it started', () => {
    expect(describeBase({ kind: 'builtin', id: 'hot-key' })).toBe('the built-in scenario “hot-key”');
    expect(describeBase({ kind: 'lab', title: 'T' })).toBe("the lab's scenario “T”");
    expect(describeBase({ kind: 'file', name: 'a.json' })).toBe('the file a.json');
  });
});
