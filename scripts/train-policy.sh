#!/usr/bin/env bash
# Retrains the policy models (core/data/policy_{detect,roles}.model) from policy-train, with a 5-fold
# cross-validation over it (documents kept whole within a fold) and a score on policy-dev (never trained on),
# and writes the run's command line and scores into the model card's marked block (core/data/POLICY_MODEL.md).
# The ONE retraining command; deterministic (fixed seeds, one thread), under a minute on one core.
#   scripts/train-policy.sh [CORPORA_DIR]      (default: ../shared/corpora beside the project)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
corpora="${1:-../shared/corpora}"
build="${BUILD_DIR:-build/train}"
if [[ ! -f "$corpora/policy-train/sentences.jsonl" ]]; then
  echo "train-policy: $corpora/policy-train/sentences.jsonl not found (the corpora live outside the project)" >&2
  exit 1
fi
# The shipped hyper-parameters (bench/policy_eval.py --cv reads this line too).
SETTINGS="--extra tools/train/policy_constructions.jsonl --classifier logistic --bits 18 --l2 1 --iterations 200 --threshold -1.0 --min-count 2 --rows 8000 --role-rows 4000 --levels 5 --role-epochs 10 --role-seeds 5 --seed 1 --ambiguous skip --self-min 0.95 --self-weight 0.3"
# A build directory of its own is configured without tests; an existing one (BUILD_DIR=build/native) is kept
# as it is configured.
# The invented construction sentences (--extra) are regenerated first, so the file and its generator agree.
python3 tools/train/policy_constructions.py > tools/train/policy_constructions.jsonl
[[ -f "$build/CMakeCache.txt" ]] || cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DARTICLESCOPE_TESTS=OFF >/dev/null
cmake --build "$build" --target train articlescope -j1 >/dev/null
# The unannotated texts of the self-training (news and web text of the other corpora, the pages' article text
# found by this build's cleaner): a build artefact, never committed.
python3 tools/train/policy_unlabelled.py "$corpora" "$build/articlescope" > "$build/policy_unlabelled.jsonl"
# shellcheck disable=SC2086
"$build/tools/train" policy --train "$corpora/policy-train/sentences.jsonl" --cv 5 \
  --eval "$corpora/policy-dev/sentences.jsonl" --out-dir core/data --card core/data/POLICY_MODEL.md $SETTINGS \
  --unlabelled "$build/policy_unlabelled.jsonl"
