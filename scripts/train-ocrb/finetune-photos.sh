#!/usr/bin/env bash
# Phase 3, "photo": fine-tunes the main model on MRZ lines the app itself cut from generated photos
# (pipelineCrops.ts: perspective resampling, security print, glare, JPEG), mixed one to one with
# the main phase's rendered lines so nothing it learnt is forgotten. Deterministic data; resumable.
# CI never runs this. Export and score a checkpoint with export.sh, then run the benchmark.
#
#   scripts/train-ocrb/finetune-photos.sh [extra_iterations=4000] [documents=1600] [from=main-26600]
#   env: PHOTO_MIX=<rendered lines per photo crop, default 1> PHOTO_LR=<default 0.0005>
#        PHOTO_OUT=<model folder under the work dir, default photo-model>
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${OCRB_WORK:-$PWD/build/train-ocrb}
EXTRA=${1:-4000}
DOCS=${2:-1600}
FROM=${3:-main-26600}
START=${FROM##*-}
PHOTO=$WORK/photo
MIX=${PHOTO_MIX:-1}
LR=${PHOTO_LR:-0.0005}
# lstmtraining keeps the checkpoint's stored rate unless told to reset it.
RESET=()
[ -n "${PHOTO_LR:-}" ] && RESET=(--reset_learning_rate)
OUT=$WORK/${PHOTO_OUT:-photo-model}
if [ ! -f "$PHOTO/.done" ]; then
  mkdir -p "$PHOTO"
  # Two seeds in parallel (one per core); seeds apart from the benchmark's.
  npx tsx scripts/train-ocrb/pipelineCrops.ts "$PHOTO" $((DOCS / 2)) 101 &
  npx tsx scripts/train-ocrb/pipelineCrops.ts "$PHOTO" $((DOCS / 2)) 102
  wait
  find "$PHOTO" -name '*.png' | sort | xargs -P "$(nproc)" -I{} sh -c 'tesseract "$1" "${1%.png}" --psm 13 lstm.train >/dev/null 2>&1' _ {}
  touch "$PHOTO/.done"
fi
find "$PHOTO" -name '*.lstmf' | sort > "$WORK/photo-crops.list"
n=$(wc -l < "$WORK/photo-crops.list")
total=$(wc -l < "$WORK/train.list")
# Every photo crop, plus as many main-phase lines taken evenly through that list.
awk -v step="$(( (total + n * MIX - 1) / (n * MIX) ))" 'NR % step == 0' "$WORK/train.list" > "$WORK/photo-main.list"
cat "$WORK/photo-crops.list" "$WORK/photo-main.list" | sort > "$WORK/photo.list"
mkdir -p "$OUT"
[ -f "$OUT/ocrb_checkpoint" ] || cp "$WORK/model/$FROM.checkpoint" "$OUT/ocrb_checkpoint"
lstmtraining \
  --traineddata "$WORK/starter/ocrb/ocrb.traineddata" \
  --continue_from "$OUT/ocrb_checkpoint" \
  --model_output "$OUT/ocrb" \
  --learning_rate "$LR" "${RESET[@]}" \
  --train_listfile "$WORK/photo.list" \
  --eval_listfile "$WORK/eval.list" \
  --max_iterations "$((START + EXTRA))" \
  --target_error_rate 0.0002 \
  --debug_interval 0 2>&1 | tee -a "$OUT/training.log"
