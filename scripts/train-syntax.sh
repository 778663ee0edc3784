#!/usr/bin/env bash
# Retrains the syntax models (core/data/pos.model, chunk.model, lemmas.txt) from CoNLL-2003 and UD English
# EWT, writes each run's command line and held-out scores into core/data/SYNTAX_MODEL.md, and prints the
# models' sizes. The ONE retraining command; deterministic (fixed seeds, one thread); a few minutes.
#   scripts/train-syntax.sh [CORPORA_DIR]      (default: ../shared/corpora beside the project)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
corpora="${1:-../shared/corpora}"
conll="$corpora/conll2003"
ud="$corpora/ud-english"
build="${BUILD_DIR:-build/train}"
for f in "$conll/eng.train" "$conll/eng.testa" "$ud/en_ewt-ud-dev.conllu" "$ud/en_ewt-ud-test.conllu"; do
  if [[ ! -f "$f" ]]; then
    echo "train-syntax: $f not found (the corpora are not part of the project)" >&2
    exit 1
  fi
done
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DARTICLESCOPE_TESTS=OFF >/dev/null
cmake --build "$build" --target train -j1 >/dev/null
train="$build/tools/train"
card=core/data/SYNTAX_MODEL.md
pos_train="$conll/eng.train,$ud/en_ewt-ud-dev.conllu"

# 1. POS tagger: trained on CoNLL-2003 eng.train + UD EWT dev; held out: UD EWT test, CoNLL-2003 eng.testa.
"$train" pos --train "$pos_train" --test "$ud/en_ewt-ud-test.conllu,$conll/eng.testa" \
  --out core/data/pos.model --card "$card" --epochs 8 --bits 18 --rows 4000 --levels 3 --seed 1
# 2. Chunker: CoNLL-2003 chunks with POS tags jackknifed over 10 folds of the POS model's own setup.
"$train" chunk --train "$conll/eng.train" --pos-train "$pos_train" --pos-model core/data/pos.model \
  --test "$conll/eng.testa" --out core/data/chunk.model --card "$card" --folds 10 \
  --pos-epochs 8 --pos-bits 18 --pos-rows 4000 --pos-levels 3 --epochs 8 --bits 18 --rows 3000 --levels 7 --seed 1
# 3. Lemma exceptions: from all of UD EWT's lemmas (scored on its test part with a table made without it).
"$train" lemma --from "$ud/en_ewt-ud-dev.conllu,$ud/en_ewt-ud-test.conllu" --test "$ud/en_ewt-ud-test.conllu" \
  --irregular tools/train/irregular_verbs.txt --pos-model core/data/pos.model --out core/data/lemmas.txt \
  --card "$card" --min-count 2

echo "model sizes (bytes, raw / gzip -9):"
total=0
for f in core/data/pos.model core/data/chunk.model core/data/lemmas.txt; do
  gz=$(gzip -9c "$f" | wc -c)
  total=$((total + gz))
  printf '  %-24s %8d / %7d\n' "$f" "$(wc -c < "$f")" "$gz"
done
printf '  %-24s %8s / %7d\n' "total" "" "$total"
