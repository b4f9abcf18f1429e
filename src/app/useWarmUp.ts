import { useEffect } from 'react';
import { warmUpOcr } from '../engine/ocr.ts';
import { preprocessWorker } from '../engine/preprocess.ts';
import { loadMrzFont } from './loadMrzFont.ts';

/**
 * After the first paint, when the browser is idle, start the MRZ engines (OpenCV, tesseract with the
 * OCR-B model) so the first upload does not wait for them. Nothing here touches personal data.
 */
export function useWarmUp(): void {
  useEffect(() => {
    const start = () => {
      void preprocessWorker.release().catch(() => undefined);
      warmUpOcr('ocrb');
      void loadMrzFont();
    };
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    const handle = idle(start);
    return () => (window.cancelIdleCallback ?? window.clearTimeout)(handle);
  }, []);
}
