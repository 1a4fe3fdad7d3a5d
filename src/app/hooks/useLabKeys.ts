import { useEffect } from 'react';
import { labKeyAction } from '../keyboard';

/** Space toggles play / pause and → steps, anywhere on the page, unless focus owns the key (see keyboard.ts). */
export function useLabKeys(actions: { togglePlay(): void; step(): void }): void {
  const { togglePlay, step } = actions;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const action = labKeyAction(event);
      if (!action) return;
      event.preventDefault(); // Space would scroll the page, → would scroll it sideways
      if (action === 'toggle-play') togglePlay();
      else step();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [togglePlay, step]);
}
