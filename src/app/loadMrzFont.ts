import { assets } from '../engine/assets.generated.ts';
import { assetUrl } from '../engine/assetUrl.ts';

let loading: Promise<void> | null = null;

/** Registers the self-hosted OCR-B face for the MRZ textarea (falls back to monospace until then). */
export function loadMrzFont(): Promise<void> {
  loading ??= new FontFace('OCR-B', `url(${assetUrl(assets.ocrbFont)})`)
    .load()
    .then((face) => {
      document.fonts.add(face);
    })
    .catch(() => undefined);
  return loading;
}
