import { useRef, useState, type DragEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useReadSettings } from '../../state/scanStore.ts';
import { startScan } from '../scan/scanActions.ts';
import styles from './UploadZone.module.css';

const ACCEPT =
  'image/jpeg,image/png,image/webp,image/bmp,image/gif,image/heic,image/heif,.heic,.heif,image/*';

/** Pick, drop or paste a photo or scan. The input is the contract's `<input type="file" multiple>`. */
/** The file input's id: the camera view's "Upload a photo instead" opens it. */
export const UPLOAD_INPUT_ID = 'upload';

export function UploadZone({ compact = false, onCamera }: { compact?: boolean; onCamera: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const { t } = useTranslation('capture');

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void startScan([...event.dataTransfer.files]);
  };

  return (
    <div
      className={`${styles.zone} ${dragging ? styles.dragging : ''} ${compact ? styles.compact : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="capture.dropzone"
    >
      <input
        ref={input}
        id={UPLOAD_INPUT_ID}
        className={styles.input}
        type="file"
        multiple
        accept={ACCEPT}
        data-testid="capture.upload"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Clear so choosing the same file again still triggers a read.
          e.target.value = '';
          void startScan(files);
        }}
      />
      <div className={styles.actions}>
        <label htmlFor={UPLOAD_INPUT_ID} className={styles.button}>
          {t('upload.choose')}
        </label>
        <button type="button" className={styles.secondary} onClick={onCamera}>
          {t('upload.useCamera')}
        </button>
      </div>
      <ReadModeSelect />
      {compact ? null : (
        <p className={styles.hint}>
          <Trans t={t} i18nKey="upload.hint" components={{ kbd: <kbd /> }} />
        </p>
      )}
    </div>
  );
}

/** Automatic (the kind is told from the image) or any text; the language for printed text. */
function ReadModeSelect() {
  const { mode, textLanguage } = useReadSettings();
  const { t } = useTranslation('capture');
  return (
    <div className={styles.modes}>
      <label>
        {t('readMode.label')}{' '}
        <select
          name="readMode"
          value={mode}
          onChange={(e) => useReadSettings.setState({ mode: e.target.value as 'auto' | 'text' })}
        >
          <option value="auto">{t('readMode.auto')}</option>
          <option value="text">{t('readMode.text')}</option>
        </select>
      </label>
      <label>
        {t('readMode.textLanguage')}{' '}
        <select
          name="textLanguage"
          value={textLanguage}
          onChange={(e) => useReadSettings.setState({ textLanguage: e.target.value as 'eng' | 'ind' })}
        >
          <option value="eng">{t('readMode.english')}</option>
          <option value="ind">{t('readMode.indonesian')}</option>
        </select>
      </label>
    </div>
  );
}
