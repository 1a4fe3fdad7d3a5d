/**
 * The share UI (links, run files, embed snippets), loaded after the first screen: it brings the
 * scenario validator (zod) and zlib (fflate), some 60 KB gzipped that a learner who only presses
 * Play never needs. Until it arrives, a same-sized stand-in holds its place.
 */
import { lazy, Suspense } from 'react';

const ShareControls = lazy(() => import('../../share/ui/ShareControls').then((m) => ({ default: m.ShareControls })));
const SharedRunNotice = lazy(() => import('../../share/ui/SharedRunNotice').then((m) => ({ default: m.SharedRunNotice })));

/**
 * Whether the location hash carries a shared run (`#run=…`). The same test as the share module's
 * `hasShareFragment` (LazyShare.test.ts holds them together), without loading that module.
 */
export function hasRunFragment(hash: string): boolean {
  return hash.startsWith('#run=');
}

/** "Share" and "Open run file" for the lab's header. */
export function LazyShareControls() {
  return (
    <Suspense fallback={<ShareControlsStandIn />}>
      <ShareControls />
    </Suspense>
  );
}

/** Opens a `#run=` link and explains how it went (see SharedRunNotice). */
export function LazySharedRunNotice({ onUnreadable }: { onUnreadable?: () => void }) {
  return (
    <Suspense fallback={null}>
      <SharedRunNotice onUnreadable={onUnreadable} />
    </Suspense>
  );
}

/** The controls' look and size, inert, while their code loads. */
function ShareControlsStandIn() {
  return (
    <div className="share-controls share-controls-stand-in">
      <button type="button" className="button button-primary" disabled>
        Share
      </button>
      <span className="button file-button" aria-hidden="true">
        Open run file
      </span>
    </div>
  );
}
