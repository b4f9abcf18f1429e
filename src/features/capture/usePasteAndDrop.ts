import { useEffect } from 'react';
import { useScanStore } from '../../state/scanStore.ts';
import { startScan } from '../scan/scanActions.ts';

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * Page-wide paste of an image, and a guard so a file dropped outside the drop zone does not make
 * the browser navigate to it (which would lose the form).
 */
export function usePasteAndDrop(): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const files = [...(event.clipboardData?.files ?? [])];
      if (files.length) {
        event.preventDefault();
        void startScan(files);
        return;
      }
      // Text pasted into a field is the user editing: leave it alone.
      if (isEditable(event.target)) return;
      useScanStore.setState({
        status: 'error',
        stage: null,
        error: { code: 'not-an-image', hints: [], fileName: 'clipboard' },
      });
    };
    const stop = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('paste', onPaste);
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('paste', onPaste);
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}
