import { svgPoints } from '../../lib/geometry/quad.ts';
import { guideFor } from '../../lib/quality/frameGuidance.ts';
import type { Quad } from '../../workers/preprocess.api.ts';
import styles from './CameraView.module.css';

export interface Overlay {
  /** The analysed frame's size: the drawing's coordinates. */
  width: number;
  height: number;
  outline: Quad | null;
}

/**
 * Over the live picture (scaled like the video, so they line up): the world outside the guide
 * shaded, the document-shaped guide (solid when the frame is ready), and the outline found.
 */
export function GuideOverlay({ width, height, outline, ready }: Overlay & { ready: boolean }) {
  const guide = guideFor(width, height);
  const x = guide.x * width;
  const y = guide.y * height;
  const w = guide.width * width;
  const h = guide.height * height;
  return (
    <svg
      className={styles.overlay}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
    >
      <path
        className={styles.shade}
        fillRule="evenodd"
        d={`M0 0H${width}V${height}H0Z M${x} ${y}h${w}v${h}h${-w}Z`}
      />
      <rect
        className={ready ? `${styles.guide} ${styles.guideReady}` : styles.guide}
        x={x}
        y={y}
        width={w}
        height={h}
        rx={width * 0.02}
      />
      {outline ? <polygon className={styles.outline} points={svgPoints(outline)} /> : null}
    </svg>
  );
}
