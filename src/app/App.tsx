import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_HEADING_ID, SessionTable } from '../features/batch/SessionTable.tsx';
import { SessionHistory } from '../features/history/SessionHistory.tsx';
import { CameraView } from '../features/capture/CameraView.tsx';
import { UPLOAD_INPUT_ID, UploadZone } from '../features/capture/UploadZone.tsx';
import { usePasteAndDrop } from '../features/capture/usePasteAndDrop.ts';
import { DocumentPreview } from '../features/review/DocumentPreview.tsx';
import { OcrInsight } from '../features/review/OcrInsight.tsx';
import { ReviewForm } from '../features/review/ReviewForm.tsx';
import { TextResult } from '../features/review/TextResult.tsx';
import { ScanStatus } from '../features/scan/ScanStatus.tsx';
import { useScanStore } from '../state/scanStore.ts';
import styles from './App.module.css';
import { EmptyState } from './EmptyState.tsx';
import { LocaleSelect } from './LocaleSelect.tsx';
import { useWarmUp } from './useWarmUp.ts';

export function App() {
  usePasteAndDrop();
  useWarmUp();
  const status = useScanStore((s) => s.status);
  const result = useScanStore((s) => s.result);
  const kind = useScanStore((s) => s.kind);
  const hasResult = kind !== null;
  const [camera, setCamera] = useState(false);
  const { t } = useTranslation('app');
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <h1>{t('title')}</h1>
        <p className={styles.privacy}>
          <svg className={styles.lock} viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 0 0-4 0z" />
          </svg>
          {t('privacy')}
        </p>
        <LocaleSelect className={styles.locale} />
      </header>
      <main
        className={styles.main}
        data-ocr-state={status}
        data-document-kind={kind ?? ''}
        data-testid="scan.state"
      >
        <section className={styles.capture} aria-label={t('addDocument')}>
          <UploadZone compact={hasResult} onCamera={() => setCamera(true)} />
          <ScanStatus />
          <DocumentPreview />
          <OcrInsight />
          <SessionTable />
          <SessionHistory />
          {hasResult ? null : <EmptyState />}
        </section>
        <section className={styles.review} aria-label={t('review')}>
          <h2 className={styles.reviewTitle} id={REVIEW_HEADING_ID} tabIndex={-1}>
            {t('details')}
          </h2>
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
