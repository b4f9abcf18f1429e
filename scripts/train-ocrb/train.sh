#!/usr/bin/env bash
# Trains the OCR-B MRZ model (scripts/train-ocrb/model/ocrb.traineddata) from scratch with tesseract's
# own tools. Deterministic data (seeded renders); resumable (re-running continues from the checkpoint).
# Needs Debian's tesseract-ocr (5.3: lstmtraining, combine_lang_model, unicharset_extractor).
# CI never runs this. See README.md beside it for the recipe and the scores.
#
#   scripts/train-ocrb/train.sh [main_iterations] [light_iterations]
#     main: 16,000 heavily degraded lines (default 60000 iterations; ~9k iterations/hour on 2 cores)
#     light: then fine-tunes on 8,000 mildly degraded lines (default 0 = skip), from the main checkpoint
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=${OCRB_WORK:-$ROOT/build/train-ocrb}
MAX_ITERATIONS=${1:-60000}
LIGHT_ITERATIONS=${2:-0}
TRAIN_LINES=${OCRB_TRAIN_LINES:-16000}
EVAL_LINES=${OCRB_EVAL_LINES:-800}
# 40 classes (NULL, Joined, Broken + A-Z 0-9 <); the net spec is tesstrain's scratch spec, narrowed.
NET_SPEC='[1,36,0,1 Ct3,3,16 Mp3,3 Lfys48 Lfx96 Lrx96 Lfx192 O1c40]'
mkdir -p "$WORK"

render() { # dir count seed [--light]
  if [ ! -f "$1/.done" ]; then
    npx tsx scripts/train-ocrb/renderLines.ts "$1" "$2" "$3" ${4:-}
    find "$1" -name '*.png' | sort | xargs -P "$(nproc)" -I{} sh -c 'tesseract "$1" "${1%.png}" --psm 13 lstm.train >/dev/null 2>&1' _ {}
    touch "$1/.done"
  fi
  find "$1" -name '*.lstmf' | sort > "$1.list"
}
render "$WORK/train" "$TRAIN_LINES" 1
render "$WORK/eval" "$EVAL_LINES" 2

# Starter traineddata: our own 37-character unicharset and recoder, no dictionaries (an MRZ has no words).
STARTER=$WORK/starter
if [ ! -f "$STARTER/ocrb/ocrb.traineddata" ]; then
  mkdir -p "$STARTER/script"
  printf 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<\n' > "$STARTER/chars.txt"
  unicharset_extractor --output_unicharset "$STARTER/ocrb.unicharset" --norm_mode 1 "$STARTER/chars.txt"
  # combine_lang_model reads script properties from <script>.unicharset files (langdata is not
  # installable here): Debian's eng LSTM unicharset has every character we use.
  combine_tessdata -e /usr/share/tesseract-ocr/5/tessdata/eng.traineddata "$STARTER/eng.lstm-unicharset"
  for s in Latin Common Inherited; do cp "$STARTER/eng.lstm-unicharset" "$STARTER/script/$s.unicharset"; done
  printf '# Latin only: no radicals\n' > "$STARTER/script/radical-stroke.txt"
  combine_lang_model --input_unicharset "$STARTER/ocrb.unicharset" --script_dir "$STARTER/script" \
    --lang ocrb --output_dir "$STARTER" 2>/dev/null
fi

mkdir -p "$WORK/model"
# lstmtraining resumes from $WORK/model/ocrb_checkpoint when it exists.
lstmtraining \
  --traineddata "$STARTER/ocrb/ocrb.traineddata" \
  --net_spec "$NET_SPEC" \
  --model_output "$WORK/model/ocrb" \
  --learning_rate 0.002 \
  --train_listfile "$WORK/train.list" \
  --eval_listfile "$WORK/eval.list" \
  --max_iterations "$MAX_ITERATIONS" \
  --target_error_rate 0.0005 \
  --debug_interval 0 2>&1 | tee -a "$WORK/training.log"

if [ "$LIGHT_ITERATIONS" -gt 0 ]; then
  # Phase 2: the robust net fine-tuned on milder lines, closer to the clean crops the app feeds it.
  render "$WORK/light" 8000 3 --light
  mkdir -p "$WORK/light-model"
  [ -f "$WORK/light-model/ocrb_checkpoint" ] || cp "$WORK/model/ocrb_checkpoint" "$WORK/light-model/ocrb_checkpoint"
  lstmtraining \
    --traineddata "$STARTER/ocrb/ocrb.traineddata" \
    --continue_from "$WORK/light-model/ocrb_checkpoint" \
    --model_output "$WORK/light-model/ocrb" \
    --learning_rate 0.0005 \
    --train_listfile "$WORK/light.list" \
    --eval_listfile "$WORK/eval.list" \
    --max_iterations "$((MAX_ITERATIONS + LIGHT_ITERATIONS))" \
    --target_error_rate 0.0002 \
    --debug_interval 0 2>&1 | tee -a "$WORK/training-light.log"
  scripts/train-ocrb/export.sh "$WORK/light-model/ocrb_checkpoint"
else
  scripts/train-ocrb/export.sh
fi
