import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { ErrorBoundary } from './app/ErrorBoundary.tsx';
import { detectLocale, setLocale } from './app/i18n.ts';
import { purgeExpiredOnOpen } from './features/history/useHistory.ts';
import './styles.css';

// Records past the retention the user chose go now (no-op unless they turned history on).
void purgeExpiredOnOpen();

// The browser's language, loaded before the first render so the page does not flash in English.
void setLocale(detectLocale(navigator.languages))
  .catch(() => undefined)
  .then(() => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </StrictMode>,
    );
  });
