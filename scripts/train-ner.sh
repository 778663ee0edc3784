#!/usr/bin/env bash
# Retrains the NER models (core/data/ner.model, the first stage, and core/data/ner_stage2.model, the
# document-level second stage) from CoNLL-2003, writes the run's command line and scores into
# the model card's marked block (core/data/NER_MODEL.md) and prints the scores on the development set.
# The ONE retraining command; deterministic (fixed seed, one thread), a few minutes on one core (the second
# stage's jackknife trains four more first stages).
#   scripts/train-ner.sh [CONLL_DIR]      (default: ../shared/corpora/conll2003 beside the project)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
conll="${1:-../shared/corpora/conll2003}"
build="${BUILD_DIR:-build/train}"
if [[ ! -f "$conll/eng.train" ]]; then
  echo "train-ner: $conll/eng.train not found (CoNLL-2003 is under a research agreement and not in the project)" >&2
  exit 1
fi
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DARTICLESCOPE_TESTS=OFF >/dev/null
cmake --build "$build" --target train -j1 >/dev/null
# The hyper-parameters documented in core/data/NER_MODEL.md. The word-class table (core/data/word_clusters.bin,
# compiled in) is an input, made beforehand by `train clusters --vectors` (the card's "Word clusters"). The last
# 15% of eng.train's documents are held out: never trained on, never used to choose anything; their score is
# printed beside the dev set's.
"$build/tools/train" ner --train "$conll/eng.train" --dev "$conll/eng.testa" --out core/data/ner.model \
  --card core/data/NER_MODEL.md --epochs 10 --bits 20 --rows 18000 --levels 5 --lower 0.5 --upper 0.3 \
  --title 0.8 --holdout 0.15 --seed 1 \
  --stage2 core/data/ner_stage2.model --folds 4 --stage2-epochs 8 --stage2-bits 14 --stage2-levels 15 \
  --stage2-base 6
# Rebuild with the new models embedded and score them with the project's evaluation command: the dev set under
# each casing, then the held-out documents.
cmake --build "$build" --target eval_ner -j1 >/dev/null
for casing in original lower upper title headline; do
  "$build/tools/eval_ner" "$conll/eng.testa" --case "$casing"
done
for casing in original title; do
  "$build/tools/eval_ner" "$conll/eng.train" --from 0.85 --case "$casing"
done
