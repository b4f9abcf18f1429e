import { useCallback, useState, type ReactNode } from 'react';
import { binarisedLines } from '../../engine/preprocess.ts';
import { useTranslation } from 'react-i18next';
import type { MrzAttempt, ScanResult } from '../../engine/readDocument.ts';
import { svgPoints } from '../../lib/geometry/quad.ts';
import { pageLines } from '../../lib/text/pageText.ts';
import { useScanStore } from '../../state/scanStore.ts';
import { LOW_CONFIDENCE } from './fieldSpecs.ts';
import styles from './OcrInsight.module.css';

/** An image of a blob, its object URL made when shown and revoked when gone (React 19 ref cleanup). */
function BlobImage({ blob, alt }: { blob: Blob; alt: string }) {
  const attach = useCallback(
    (img: HTMLImageElement | null) => {
      if (!img) return;
      const url = URL.createObjectURL(blob);
      img.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [blob],
  );
  return <img ref={attach} alt={alt} />;
}

/** A legend entry: a sample of the line style (drawn, so never colour alone) and its words. */
function LegendItem({ line, children }: { line: string | undefined; children: ReactNode }) {
  return (
    <li>
      <span className={`${styles.key} ${line}`} aria-hidden="true" />
      {children}
    </li>
  );
}

/**
 * "What the OCR saw", for trust and for bug reports: the outline found, the MRZ band or barcode,
 * every word box on the straightened page, each set of line images given to the OCR with what it
 * returned, and the image measurements the quality hints come from. Nothing here is saved or sent.
 */
export function OcrInsight() {
  const result = useScanStore((s) => s.result);
  const resultId = useScanStore((s) => s.resultId);
  // Keyed by the document: a new one starts closed, with nothing rendered until it is opened.
  return result ? <InsightDetails key={resultId} result={result} /> : null;
}

function InsightDetails({ result }: { result: ScanResult }) {
  const { t } = useTranslation('insight');
  const [open, setOpen] = useState(false);
  return (
    <details
      className={styles.insight}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid="review.insight"
    >
      <summary>{t('title')}</summary>
      {open ? <Insight result={result} /> : null}
    </details>
  );
}

function Insight({ result }: { result: ScanResult }) {
  const { t } = useTranslation('insight');
  const imageUrl = useScanStore((s) => s.imageUrl);
  const pageUrl = useScanStore((s) => s.pageUrl);
  const page = 'page' in result && pageUrl ? result.page : null;
  const q = result.quality;
  return (
    <div className={styles.body}>
      {imageUrl ? (
        <figure className={styles.figure}>
          <div className={styles.frame}>
            <img src={imageUrl} alt={t('photoAlt')} />
            <svg
              viewBox={`0 0 ${result.imageSize.width} ${result.imageSize.height}`}
              preserveAspectRatio="xMidYMid meet"
              aria-hidden="true"
            >
              {result.document ? (
                <polygon className={styles.outline} points={svgPoints(result.document)} />
              ) : null}
              {result.kind === 'mrz'
                ? result.lines?.quads.map((quad, i) => (
                    <polygon key={i} className={styles.band} points={svgPoints(quad)} />
                  ))
                : null}
              {result.kind === 'licence-back' ? (
                <polygon className={styles.barcode} points={svgPoints(result.barcode)} />
              ) : null}
            </svg>
          </div>
          <figcaption>
            <ul className={styles.legend}>
              <LegendItem line={styles.keyOutline}>
                {result.document ? t('legend.outline') : t('legend.noOutline')}
              </LegendItem>
              {result.kind === 'mrz' && result.lines ? (
                <LegendItem line={styles.keyBand}>
                  {t('legend.band', { count: result.lines.quads.length })}
                </LegendItem>
              ) : null}
              {result.kind === 'licence-back' ? (
                <LegendItem line={styles.keyBarcode}>{t('legend.barcode')}</LegendItem>
              ) : null}
            </ul>
          </figcaption>
        </figure>
      ) : null}
      {page && 'text' in result ? (
        <figure className={styles.figure}>
          <div className={styles.frame}>
            <img src={pageUrl!} alt={t('pageAlt')} />
            <svg
              viewBox={`0 0 ${page.width} ${page.height}`}
              preserveAspectRatio="xMidYMid meet"
              aria-hidden="true"
            >
              {pageLines(result.text).flatMap((line) =>
                line.words.map((w, i) => (
                  <rect
                    key={`${w.box.x},${w.box.y},${i}`}
                    className={w.confidence < LOW_CONFIDENCE ? styles.unsure : styles.word}
                    x={w.box.x}
                    y={w.box.y}
                    width={w.box.width}
                    height={w.box.height}
                  />
                )),
              )}
            </svg>
          </div>
          <figcaption>
            <ul className={styles.legend}>
              <LegendItem line={styles.keyWord}>{t('legend.words')}</LegendItem>
              <LegendItem line={styles.keyUnsure}>{t('legend.unsure')}</LegendItem>
            </ul>
          </figcaption>
        </figure>
      ) : null}
      {result.kind === 'mrz'
        ? result.attempts.map((a, i) => (
            <AttemptView key={i} attempt={a} chosen={result.chosen === a.variant} />
          ))
        : null}
      {result.kind === 'mrz' &&
      result.attempts[0] &&
      !result.attempts.some((a) => a.variant === 'binarised') ? (
        <BinarisedView images={result.attempts[0].images} />
      ) : null}
      {result.kind === 'mrz' && result.chosen === 'merged' ? <p>{t('merged')}</p> : null}
      <dl className={styles.measures}>
        <dt>{t('measures.rotation')}</dt>
        <dd>{t('measures.degrees', { value: result.rotation })}</dd>
        <dt>{t('measures.size')}</dt>
        <dd>
          {result.imageSize.width} × {result.imageSize.height}
        </dd>
        {q.textHeight ? (
          <>
            <dt>{t('measures.textHeight')}</dt>
            <dd>{t('measures.pixels', { value: Math.round(q.textHeight) })}</dd>
          </>
        ) : null}
        <dt>{t('measures.sharpness')}</dt>
        <dd>{Math.round(q.sharpness || q.frameSharpness)}</dd>
        <dt>{t('measures.brightness')}</dt>
        <dd>{Math.round(q.brightness)} / 255</dd>
        <dt>{t('measures.glare')}</dt>
        <dd>{(q.glare * 100).toFixed(1)} %</dd>
        {result.timings.total ? (
          <>
            <dt>{t('measures.time')}</dt>
            <dd>{t('measures.ms', { value: result.timings.total })}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

function AttemptView({ attempt, chosen }: { attempt: MrzAttempt; chosen: boolean }) {
  const { t } = useTranslation('insight');
  return (
    <section className={styles.attempt} aria-label={t(`variants.${attempt.variant}`)}>
      <h4>
        {t(`variants.${attempt.variant}`)} ·{' '}
        {t('checks', { count: attempt.validChecks, total: attempt.checks })}
        {chosen ? <strong className={styles.chosen}> · {t('chosen')}</strong> : null}
      </h4>
      <ol className={styles.lines}>
        {attempt.images.map((blob, i) => (
          <li key={i}>
            <BlobImage blob={blob} alt={t('lineAlt', { line: i + 1 })} />
            <code>{attempt.raw[i]}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The first reading's lines binarised on request, exactly as the binarised second chance would
 * give them to the OCR (a reading whose checks held never needed it).
 */
function BinarisedView({ images }: { images: Blob[] }) {
  const { t } = useTranslation('insight');
  const [lines, setLines] = useState<Blob[] | 'working' | 'failed' | null>(null);
  if (Array.isArray(lines))
    return (
      <section className={styles.attempt} aria-label={t('variants.binarised')}>
        <h4>{t('binarisedShown')}</h4>
        <ol className={styles.lines}>
          {lines.map((blob, i) => (
            <li key={i}>
              <BlobImage blob={blob} alt={t('binarisedAlt', { line: i + 1 })} />
            </li>
          ))}
        </ol>
      </section>
    );
  return (
    <p>
      <button
        type="button"
        disabled={lines === 'working'}
        onClick={() => {
          setLines('working');
          binarisedLines(images).then(setLines, () => setLines('failed'));
        }}
      >
        {t('showBinarised')}
      </button>
      {lines === 'failed' ? <span role="status"> {t('binarisedFailed')}</span> : null}
    </p>
  );
}
