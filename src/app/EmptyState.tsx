import styles from './App.module.css';

/** What the app does and how to get a good read, before the first document. */
export function EmptyState() {
  return (
    <div className={styles.empty}>
      <h2>Read a passport or ID card</h2>
      <ol>
        <li>Photograph or scan the page with the machine-readable zone (the lines of &lt;&lt;&lt; text).</li>
        <li>Upload it here. The reader finds the document, straightens it and reads the zone.</li>
        <li>Check the details, fix anything flagged, then copy or download them.</li>
      </ol>
      <p>Tip: flat, even light and the whole document in view give the best result.</p>
    </div>
  );
}
