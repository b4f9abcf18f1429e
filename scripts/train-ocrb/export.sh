#!/usr/bin/env bash
# Converts a training checkpoint to the integer model the app ships, and scores it:
#   1. lstmeval on the held-out evaluation lines (character and word error),
#   2. scripts/train-ocrb/evaluate.ts on the benchmark sets (real pipeline crops), when generated
#      (npm run bench -- --generate-only).
#   scripts/train-ocrb/export.sh [checkpoint]   (default: the latest checkpoint)
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${OCRB_WORK:-$PWD/build/train-ocrb}
CHECKPOINT=${1:-$WORK/model/ocrb_checkpoint}
OUT=scripts/train-ocrb/model
mkdir -p "$OUT"
lstmtraining --stop_training --convert_to_int \
  --continue_from "$CHECKPOINT" \
  --traineddata "$WORK/starter/ocrb/ocrb.traineddata" \
  --model_output "$OUT/ocrb.traineddata"
echo "== held-out lines (lstmeval)"
lstmeval --model "$OUT/ocrb.traineddata" --eval_listfile "$WORK/eval.list" 2>&1 | tail -1
for set in build/bench/clean-120-s1 build/bench/photo-12mp-60-s1001; do
  if [ -f "$set/cases.json" ]; then
    echo "== $set (pipeline crops, native tesseract)"
    npx tsx scripts/train-ocrb/evaluate.ts "$set" --model "$OUT/ocrb.traineddata"
  fi
done
ls -l "$OUT/ocrb.traineddata"
sha256sum "$OUT/ocrb.traineddata"
