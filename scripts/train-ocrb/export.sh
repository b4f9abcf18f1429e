#!/usr/bin/env bash
# Converts the current training checkpoint to an integer model and scores it on the eval lines.
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
lstmeval --model "$OUT/ocrb.traineddata" --eval_listfile "$WORK/eval.list" 2>&1 | tail -1 | tee "$WORK/eval-result.txt"
ls -l "$OUT"
