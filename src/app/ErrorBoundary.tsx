import { Component, type ErrorInfo, type ReactNode } from 'react';
import { downloadFile } from '../components/download.ts';
import { hrefs } from '../routing/routes.ts';
import { everythingSaved } from '../store/index.ts';

interface Props {
  /** Changes when the user goes to another page, which clears the failure. */
  resetKey: string;
  children: ReactNode;
}

/**
 * Around each page: a failure while drawing it shows a way out in plain words (download
 * everything kept in this browser, go back to the list) instead of a blank page. No stack trace is
 * shown; the details go to the browser's console for whoever supports Cellguard.
 */
export class ErrorBoundary extends Component<Props, { failed: boolean; resetKey: string }> {
  override state = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: { failed: boolean; resetKey: string }) {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Cellguard could not show this page', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="narrow" role="alert" aria-labelledby="failure-title">
        <h1 id="failure-title">This page could not be shown</h1>
        <p>
          Something in Cellguard went wrong while drawing this page. Your saved assessments are
          still kept in this browser. Download a copy of everything Cellguard keeps here before you
          go on, and send it to whoever supports Cellguard for you if the problem stays.
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            onClick={() =>
              void everythingSaved().then((text) =>
                downloadFile(text, 'cellguard-saved-data.json', 'application/json'),
              )
            }
          >
            Download your data
          </button>
          <a className="button" href={hrefs.home()}>
            All assessments
          </a>
        </div>
      </section>
    );
  }
}
