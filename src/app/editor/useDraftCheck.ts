/** Live validation: the draft is checked once typing pauses, or at once when the form changed it. */
import { useCallback, useEffect, useState } from 'react';
import { checkDraft, type DraftCheck } from './checkDraft';

/** Pause in typing before the draft is checked, ms: long enough not to check every keystroke, short enough to feel live. */
export const CHECK_DELAY_MS = 250;

/** A check and the text it was made of. */
export interface CheckedDraft {
  text: string;
  result: DraftCheck;
}

export function useDraftCheck(text: string): { checked: CheckedDraft; checkNow(text: string): void } {
  const [checked, setChecked] = useState<CheckedDraft>(() => ({ text, result: checkDraft(text) }));

  useEffect(() => {
    if (checked.text === text) return;
    const timer = setTimeout(() => setChecked({ text, result: checkDraft(text) }), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, checked.text]);

  const checkNow = useCallback((next: string) => setChecked({ text: next, result: checkDraft(next) }), []);
  return { checked, checkNow };
}
