import { useRef, useState, type DragEvent } from 'react';
import { startScan } from '../scan/scanActions.ts';
import styles from './UploadZone.module.css';

const ACCEPT =
  'image/jpeg,image/png,image/webp,image/bmp,image/gif,image/heic,image/heif,.heic,.heif,image/*';

/** Pick, drop or paste a photo or scan. The input is the contract's `<input type="file" multiple>`. */
export function UploadZone({ compact = false }: { compact?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

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
        id="upload"
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
      <label htmlFor="upload" className={styles.button}>
        Upload a photo or scan
      </label>
      {compact ? null : (
        <p className={styles.hint}>
          or drop it here, or paste it (<kbd>Ctrl</kbd>+<kbd>V</kbd>). Passports, ID cards and other documents
          with a machine-readable zone.
        </p>
      )}
    </div>
  );
}
