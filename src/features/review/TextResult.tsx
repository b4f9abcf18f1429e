import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextScan } from '../../engine/readDocument.ts';
import { pagePlainText, textRows } from '../../lib/text/pageText.ts';
import { ClearAllButton } from './ClearAllButton.tsx';
import { downloadText, exportFileName } from './exportDocument.ts';
import { LOW_CONFIDENCE } from './fieldSpecs.ts';
import styles from './ReviewForm.module.css';

/** Any-text mode: the document's text with its line layout, each line's confidence, copy and .txt. */
export function TextResult({ result }: { result: TextScan }) {
  const { t } = useTranslation('review');
  const [notice, setNotice] = useState('');
  const text = pagePlainText(result.text);
  const lines = textRows(result.text);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setNotice(t('text.copied'));
    } catch {
      setNotice(t('text.copyFailed'));
    }
  };
  return (
    <div className={styles.form}>
      <div className={styles.group}>
        <div className={`${styles.field} ${styles.wide}`}>
          <label htmlFor="page-text" className={styles.label}>
            {t('text.label', { count: lines.length, percent: Math.round(result.text.confidence * 100) })}
          </label>
          <textarea
            id="page-text"
            name="text"
            readOnly
            rows={Math.min(20, Math.max(4, lines.length + 2))}
            value={text}
          />
        </div>
        <details className={styles.wide}>
          <summary>{t('text.perLine')}</summary>
          <ol className={styles.lineList}>
            {lines.map((line, i) => (
              <li key={i} className={line.confidence < LOW_CONFIDENCE ? styles.warn : undefined}>
                <span>{t('text.percent', { percent: Math.round(line.confidence * 100) })}</span> {line.text}
              </li>
            ))}
          </ol>
        </details>
      </div>
      <div className={styles.actions}>
        <button type="button" onClick={copy} disabled={!text}>
          {t('text.copy')}
        </button>
        <button
          type="button"
          onClick={() => {
            downloadText(`${text}\n`, exportFileName('txt'), 'text/plain;charset=utf-8');
            setNotice(t('text.downloaded'));
          }}
          disabled={!text}
        >
          {t('text.download')}
        </button>
        <ClearAllButton onNotice={setNotice} />
        <p role="status" className={styles.notice}>
          {notice}
        </p>
      </div>
    </div>
  );
}
