import { useEffect } from 'react';
import { isPlayToggleKey } from '../keyboard';

/** Space anywhere on the page toggles play / pause, unless focus is where Space already means something. */
export function useSpaceToggle(toggle: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isPlayToggleKey(event)) return;
      event.preventDefault(); // Space would otherwise scroll the page
      toggle();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toggle]);
}
