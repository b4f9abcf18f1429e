import { useState } from 'react';
import { CameraView } from '../features/capture/CameraView.tsx';
import { UPLOAD_INPUT_ID, UploadZone } from '../features/capture/UploadZone.tsx';
import { usePasteAndDrop } from '../features/capture/usePasteAndDrop.ts';
import { DocumentPreview } from '../features/review/DocumentPreview.tsx';
import { ReviewForm } from '../features/review/ReviewForm.tsx';
import { TextResult } from '../features/review/TextResult.tsx';
import { ScanStatus } from '../features/scan/ScanStatus.tsx';
import { useScanStore } from '../state/scanStore.ts';
import styles from './App.module.css';
import { EmptyState } from './EmptyState.tsx';
import { useWarmUp } from './useWarmUp.ts';

export function App() {
  usePasteAndDrop();
  useWarmUp();
  const status = useScanStore((s) => s.status);
  const result = useScanStore((s) => s.result);
  const hasResult = result !== null;
  const [camera, setCamera] = useState(false);
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <h1>ID Reader</h1>
        <p className={styles.privacy}>
          <svg className={styles.lock} viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 0 0-4 0z" />
          </svg>
          Everything happens on this device: no image or text leaves it.
        </p>
      </header>
      <main
        className={styles.main}
        data-ocr-state={status}
        data-document-kind={result?.kind ?? ''}
        data-testid="scan.state"
      >
        <section className={styles.capture} aria-label="Add a document">
          <UploadZone compact={hasResult} onCamera={() => setCamera(true)} />
          <ScanStatus />
          <DocumentPreview />
          {hasResult ? null : <EmptyState />}
        </section>
        <section className={styles.review} aria-label="Review">
          <h2 className={styles.reviewTitle}>Details</h2>
          {result?.kind === 'text' ? <TextResult result={result} /> : <ReviewForm />}
        </section>
      </main>
      {camera ? (
        <CameraView
          onClose={() => setCamera(false)}
          onUpload={() => {
            setCamera(false);
            // Still inside the click: the browser lets the file chooser open.
            document.getElementById(UPLOAD_INPUT_ID)?.click();
          }}
        />
      ) : null}
    </div>
  );
}
