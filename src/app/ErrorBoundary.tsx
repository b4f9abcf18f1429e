import { Component, type ErrorInfo, type ReactNode } from 'react';
import { i18next } from './i18n.ts';

interface State {
  failed: boolean;
}

/** Last line of defence: a render failure shows a way out instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // Deliberately not logged: the error could quote document data.
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    // A class component cannot use the hook: worded at render time, in the language chosen then.
    return (
      <div role="alert" style={{ padding: '2rem' }}>
        <h1>{i18next.t('home:error.title')}</h1>
        <p>{i18next.t('home:error.advice')}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {i18next.t('home:error.reload')}
        </button>
      </div>
    );
  }
}
