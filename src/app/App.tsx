import { LabPage } from './pages/LabPage';
import { AppRoutes } from '../course/AppRoutes';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <LogoMark />
          <h1 className="brand-name">Queuelab</h1>
        </div>
        <p className="tagline">Learn message queues and event streaming by running them.</p>
      </header>
      <AppRoutes lab={<LabPage />} />
      <footer className="app-footer">
        <p>Every run is deterministic: the same scenario and seed give the same trace hash, in your browser and on the command line.</p>
      </footer>
    </div>
  );
}

/** Three partitions, one of them hot: the favicon, drawn inline so it follows the theme. */
function LogoMark() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--logo-bg)" />
      <rect x="5" y="9" width="6" height="14" rx="1.5" fill="var(--logo-log)" />
      <rect x="13" y="9" width="6" height="14" rx="1.5" fill="var(--logo-log)" />
      <rect x="21" y="9" width="6" height="14" rx="1.5" fill="var(--logo-hot)" />
    </svg>
  );
}
