import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { frameHint, SteadyGate, type FrameHint } from '../../lib/quality/frameGuidance.ts';
import { holdLaneZeroForCamera } from '../../engine/pool.ts';
import { readCapture } from '../scan/scanActions.ts';
import {
  analyseVideoFrame,
  cameraErrorOf,
  cameraUnavailable,
  grabStill,
  openStream,
  setTorch,
  stopStream,
  torchSupported,
  videoInputs,
  type CameraErrorCode,
} from './camera.ts';
import { cameraErrorText, frameHintText } from './cameraMessages.ts';
import styles from './CameraView.module.css';
import { GuideOverlay, type Overlay } from './GuideOverlay.tsx';

/** Every frame must be good for this long before the camera captures by itself. */
const STEADY_MS = 500;
/** How long the capture confirmation shows before the form takes over. */
const CONFIRM_MS = 400;

type Phase = 'starting' | 'live' | 'reading' | 'captured' | 'error';

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The live camera: a document-shaped guide over the rear camera's picture, a plain-language hint
 * refreshed with every analysed frame, and an automatic capture once the card has been sharp,
 * steady, lit and filling the guide for half a second. A still that does not read with every check
 * digit valid is dropped and the camera keeps looking; the shutter always works. Closing (button,
 * Escape, or the page going to the background) stops every track at once.
 */
export function CameraView({ onClose, onUpload }: { onClose: () => void; onUpload: () => void }) {
  const { t } = useTranslation('capture');
  const dialog = useRef<HTMLDialogElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  // No secure page or no getUserMedia: said at once, nothing to ask.
  const [error, setError] = useState<CameraErrorCode | null>(cameraUnavailable);
  const [phase, setPhase] = useState<Phase>(() => (cameraUnavailable() ? 'error' : 'starting'));
  const [hint, setHint] = useState<FrameHint | null>(null);
  const [retrying, setRetrying] = useState(false);
  const [overlay, setOverlay] = useState<Overlay | null>(null);
  const [torch, setTorchState] = useState({ supported: false, on: false });
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string | undefined>(undefined);
  // Bumped to restart the stream (coming back to the page, "Try again").
  const [session, setSession] = useState(0);

  const stop = useCallback(() => {
    stopStream(stream.current);
    stream.current = null;
  }, []);

  const close = useCallback(() => {
    stop();
    onClose();
  }, [stop, onClose]);

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element?.showModal();
    return () => {
      element?.close();
      opener?.focus();
    };
  }, []);

  // Frames are analysed on lane 0's worker: a batch still being read keeps to the other lanes.
  useEffect(() => {
    holdLaneZeroForCamera(true);
    return () => holdLaneZeroForCamera(false);
  }, []);

  // The stream: opened on mount and for each camera switch or restart, stopped on the way out.
  useEffect(() => {
    if (cameraUnavailable()) return;
    let cancelled = false;
    openStream(deviceId).then(
      async (opened) => {
        if (cancelled) return stopStream(opened);
        stream.current = opened;
        const element = video.current;
        if (element) {
          element.srcObject = opened;
          await element.play().catch(() => undefined);
        }
        const track = opened.getVideoTracks()[0];
        setTorchState({ supported: track ? torchSupported(track) : false, on: false });
        setCameras(await videoInputs().catch(() => []));
        if (!cancelled) setPhase('live');
      },
      (failure: unknown) => {
        if (cancelled) return;
        setError(cameraErrorOf(failure));
        setPhase('error');
      },
    );
    return () => {
      cancelled = true;
      stop();
    };
  }, [deviceId, session, stop]);

  const restart = useCallback(() => {
    setPhase('starting');
    setError(null);
    setSession((s) => s + 1);
  }, []);

  // Backgrounded: release the camera; back: start it again.
  useEffect(() => {
    const onVisibility = (): void => {
      if (document.hidden) stop();
      else restart();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [stop, restart]);

  const capture = useCallback(
    async (mode: 'auto' | 'manual') => {
      const element = video.current;
      const track = stream.current?.getVideoTracks()[0];
      if (!element || !track) return;
      setPhase('reading');
      let still: Blob;
      try {
        still = await grabStill(element, track);
      } catch {
        setPhase('live');
        return;
      }
      const outcome = await readCapture(still, mode);
      if (outcome === 'read') {
        setPhase('captured');
        await sleep(CONFIRM_MS);
        close();
      } else if (mode === 'manual' && outcome !== 'cancelled') {
        // The shutter reads like an upload: the message waits on the page.
        close();
      } else if (outcome === 'retry') {
        setRetrying(true);
        setPhase('live');
      }
    },
    [close],
  );

  // Live analysis: one frame at a time (a frame that arrives while the worker is busy is simply not
  // taken), each turned into a hint; a steady run of ready frames captures.
  useEffect(() => {
    if (phase !== 'live') return;
    let running = true;
    const gate = new SteadyGate(STEADY_MS);
    void (async () => {
      while (running) {
        const element = video.current;
        if (!element || !stream.current || element.readyState < 2 || !element.videoWidth) {
          await nextFrame();
          continue;
        }
        let result;
        try {
          result = await analyseVideoFrame(element);
        } catch {
          await sleep(200);
          continue;
        }
        if (!running) return;
        const next = frameHint(result.measures);
        setHint(next);
        setOverlay({ width: result.width, height: result.height, outline: result.outline });
        if (gate.push(next, performance.now())) {
          running = false;
          void capture('auto');
          return;
        }
        await nextFrame();
      }
    })();
    return () => {
      running = false;
    };
  }, [phase, capture]);

  const toggleTorch = async (): Promise<void> => {
    const track = stream.current?.getVideoTracks()[0];
    if (!track) return;
    const on = !torch.on;
    await setTorch(track, on).catch(() => undefined);
    setTorchState({ supported: true, on });
  };

  const switchCamera = (): void => {
    const current = stream.current?.getVideoTracks()[0]?.getSettings().deviceId;
    const index = cameras.findIndex((c) => c.deviceId === current);
    const next = cameras[(index + 1) % cameras.length];
    if (!next) return;
    setPhase('starting');
    setDeviceId(next.deviceId);
  };

  const message =
    phase === 'starting'
      ? t('camera.starting')
      : phase === 'reading'
        ? t('camera.reading')
        : phase === 'captured'
          ? t('camera.read')
          : hint === 'ready' || !retrying
            ? hint && frameHintText(hint)
            : t('camera.retry', { hint: frameHintText(hint ?? 'no-document') });
  const errorText = error ? cameraErrorText(error) : null;

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-label={t('camera.title')}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      data-testid="camera.view"
      data-camera-phase={phase}
      data-camera-hint={hint ?? ''}
    >
      <div className={styles.viewport}>
        <video ref={video} className={styles.video} muted playsInline autoPlay aria-hidden="true" />
        {overlay ? <GuideOverlay {...overlay} ready={hint === 'ready'} /> : null}
        {phase === 'captured' ? <div className={styles.flash} aria-hidden="true" /> : null}
        {phase !== 'error' ? (
          <p className={styles.hint} role="status" aria-live="polite" data-testid="camera.hint">
            {message}
          </p>
        ) : null}
      </div>

      {phase === 'error' && errorText ? (
        <div className={styles.error} role="alert">
          <p className={styles.errorTitle}>{errorText.title}</p>
          <p>{errorText.advice}</p>
          <div className={styles.errorActions}>
            <button type="button" className={styles.primary} onClick={onUpload}>
              {t('camera.uploadInstead')}
            </button>
            {error === 'busy' || error === 'failed' ? (
              <button type="button" onClick={restart}>
                {t('camera.tryAgain')}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}

      <div className={styles.controls}>
        <button type="button" className={styles.control} onClick={close}>
          {t('camera.close')}
        </button>
        <button
          type="button"
          className={styles.shutter}
          onClick={() => void capture('manual')}
          disabled={phase !== 'live'}
          aria-label={t('camera.takePhoto')}
        />
        {torch.supported ? (
          <button
            type="button"
            className={styles.control}
            aria-pressed={torch.on}
            onClick={() => void toggleTorch()}
          >
            {t('camera.torch')}
          </button>
        ) : null}
        {cameras.length > 1 ? (
          <button type="button" className={styles.control} onClick={switchCamera}>
            {t('camera.switchCamera')}
          </button>
        ) : null}
      </div>
    </dialog>
  );
}
