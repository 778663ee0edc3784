// Training of greedy left-to-right sequence labellers (the POS tagger, the chunker): each token's class is
// chosen from its own features plus features of the classes chosen before it, and the perceptron learns
// from its own earlier choices (not the gold ones), as it will run. Shared by tools/train/pos.cpp and
// chunk.cpp; the feature functions themselves are the library's (core/src/syntax/features.hpp).
#pragma once

#include "learn/hash.hpp"
#include "learn/model.hpp"
#include "learn/perceptron.hpp"
#include "train.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <numeric>
#include <string>
#include <vector>

namespace train {

/// A feature function's sink for training: every feature hash straight to its bucket.
struct BucketSink {
  int bits;
  std::vector<std::uint32_t>& out;
  void feature(std::uint64_t hash) { out.push_back(articlescope::learn::feature_bucket(hash, bits)); }
};

/// Tokens of many sentences with their precomputed features (the ones that do not depend on earlier
/// decisions) and gold classes.
struct SequenceCorpus {
  std::vector<std::uint32_t> features;  ///< feature buckets, token after token
  std::vector<std::size_t> offsets{0};  ///< token k's features are features[offsets[k], offsets[k + 1])
  std::vector<int> gold;                ///< per token; -1: no reliable gold (context only)
  std::vector<std::pair<std::size_t, std::size_t>> sentences;  ///< [first token, end token)

  /// Starts a sentence; add its tokens with add_token().
  void begin_sentence() { sentences.emplace_back(gold.size(), gold.size()); }
  /// Adds a token of the open sentence.
  void add_token(const std::vector<std::uint32_t>& token_features, int gold_class) {
    features.insert(features.end(), token_features.begin(), token_features.end());
    offsets.push_back(features.size());
    gold.push_back(gold_class);
    sentences.back().second = gold.size();
  }
};

/// The features of earlier decisions: for token k given the two previous classes (learn::kStartTag-style
/// start values are the caller's), appends feature buckets to `out`.
using HistoryFeatures = std::function<void(std::size_t token, std::uint64_t prev, std::uint64_t prev2,
                                           std::vector<std::uint32_t>& out)>;

/// What a greedy labeller is: its classes, the history value before a sentence, its history features, and
/// (optionally) which class may follow which (a chunk cannot continue after O).
struct GreedyTask {
  int classes = 0;
  std::uint64_t start = 0;
  HistoryFeatures history;
  std::function<bool(std::uint64_t prev, int next)> allowed;
};

/// Scores from a dense table of 2^bits x classes weights (a perceptron's averaged weights).
struct DenseScorer {
  const std::vector<float>& weights;
  int classes;
  void add_scores(const std::uint32_t* features, std::size_t count, float* scores) const {
    for (std::size_t f = 0; f < count; ++f) {
      const float* w = weights.data() + std::size_t{features[f]} * static_cast<std::size_t>(classes);
      for (int c = 0; c < classes; ++c) scores[c] += w[c];
    }
  }
};

/// Greedy decoding of sentence `s` of the corpus with `scorer`; when `learner` is given, every token with
/// a gold class is a training step (tick, and an update when the choice was wrong).
/// With `active`, only the buckets it marks are features (the rest are dropped, as pruning will drop them).
template <class Scorer>
void decode_sentence(const SequenceCorpus& corpus, std::size_t s, const GreedyTask& task,
                     const Scorer& scorer, std::vector<int>& out,
                     articlescope::learn::Perceptron* learner = nullptr,
                     const std::vector<bool>* active = nullptr) {
  const int classes = task.classes;
  const auto [first, end] = corpus.sentences[s];
  out.assign(end - first, 0);
  std::uint64_t prev = task.start, prev2 = task.start;
  std::vector<std::uint32_t> features;
  std::vector<float> scores(static_cast<std::size_t>(classes));
  for (std::size_t k = first; k < end; ++k) {
    features.assign(corpus.features.begin() + static_cast<std::ptrdiff_t>(corpus.offsets[k]),
                    corpus.features.begin() + static_cast<std::ptrdiff_t>(corpus.offsets[k + 1]));
    task.history(k, prev, prev2, features);
    if (active) {
      features.erase(
          std::remove_if(features.begin(), features.end(), [&](std::uint32_t f) { return !(*active)[f]; }),
          features.end());
    }
    std::fill(scores.begin(), scores.end(), 0.0f);
    scorer.add_scores(features.data(), features.size(), scores.data());
    int best = -1;
    for (int c = 0; c < classes; ++c) {
      if (task.allowed && !task.allowed(prev, c)) continue;
      if (best < 0 || scores[static_cast<std::size_t>(c)] > scores[static_cast<std::size_t>(best)]) best = c;
    }
    const int truth = corpus.gold[k];
    if (learner && truth >= 0) {
      learner->tick();
      if (best != truth) learner->update(features.data(), features.size(), truth, best);
    }
    out[k - first] = best;
    prev2 = prev;
    prev = static_cast<std::uint64_t>(best);
  }
}

/// Token accuracy (tokens with a gold class only) of the averaged weights on a corpus.
inline double dense_accuracy(const SequenceCorpus& corpus, const GreedyTask& task,
                             const std::vector<float>& weights) {
  const DenseScorer scorer{weights, task.classes};
  std::size_t right = 0, total = 0;
  std::vector<int> out;
  for (std::size_t s = 0; s < corpus.sentences.size(); ++s) {
    decode_sentence(corpus, s, task, scorer, out);
    for (std::size_t k = corpus.sentences[s].first; k < corpus.sentences[s].second; ++k) {
      if (corpus.gold[k] < 0) continue;
      ++total;
      right += out[k - corpus.sentences[s].first] == corpus.gold[k];
    }
  }
  return total ? 100.0 * static_cast<double>(right) / static_cast<double>(total) : 0.0;
}

/// Trains for `epochs` passes in a seeded order and returns the averaged weights. With a development
/// corpus, prints its accuracy after every pass.
inline std::vector<float> train_greedy(const SequenceCorpus& corpus, const GreedyTask& task, int bits,
                                       int epochs, std::uint64_t seed, const SequenceCorpus* dev = nullptr,
                                       const GreedyTask* dev_task = nullptr,
                                       const std::vector<bool>* active = nullptr) {
  articlescope::learn::Perceptron model(bits, task.classes);
  articlescope::learn::Rng rng(seed);
  std::vector<std::size_t> order(corpus.sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<int> out;
  std::vector<float> weights, extras;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    rng.shuffle(order);
    std::size_t wrong = 0, total = 0;
    for (const std::size_t s : order) {
      decode_sentence(corpus, s, task, model, out, &model, active);
      for (std::size_t k = corpus.sentences[s].first; k < corpus.sentences[s].second; ++k) {
        if (corpus.gold[k] < 0) continue;
        ++total;
        wrong += out[k - corpus.sentences[s].first] != corpus.gold[k];
      }
    }
    std::string line = format("epoch %2d: %.2f%% of training tokens wrong", epoch,
                              total ? 100.0 * static_cast<double>(wrong) / static_cast<double>(total) : 0.0);
    if (dev && dev_task) {
      model.averaged(weights, extras);
      line += format(", development accuracy %.2f%%", dense_accuracy(*dev, *dev_task, weights));
    }
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  model.averaged(weights, extras);
  return weights;
}

/// The rows to keep: the `rows` strongest (learn::strongest_rows()), as a mask over the buckets.
inline std::vector<bool> strongest_mask(const std::vector<float>& weights, int classes, std::size_t rows) {
  std::vector<bool> mask(weights.size() / static_cast<std::size_t>(classes), false);
  for (const std::uint32_t b : articlescope::learn::strongest_rows(weights, classes, rows)) mask[b] = true;
  return mask;
}

/// Trains, keeps the `rows` strongest rows, and trains again from scratch with only those rows: pruning
/// drops rows the first weights were learned with, and the second pass lets the model lean on the
/// features it will have (affixes and shapes for the words it has no row for).
inline std::vector<float> train_pruned(const SequenceCorpus& corpus, const GreedyTask& task, int bits,
                                       int epochs, std::uint64_t seed, std::size_t rows,
                                       const SequenceCorpus* dev = nullptr,
                                       const GreedyTask* dev_task = nullptr) {
  const std::vector<float> first = train_greedy(corpus, task, bits, epochs, seed, dev, dev_task);
  std::fprintf(stderr, "retraining with the %zu strongest rows only\n", rows);
  const std::vector<bool> kept = strongest_mask(first, task.classes, rows);
  return train_greedy(corpus, task, bits, epochs, seed, dev, dev_task, &kept);
}

/// Prunes the averaged weights to the `rows` strongest rows, quantises them and returns the model file.
inline std::string encode_pruned(const articlescope::learn::ModelShape& shape, int bits,
                                 const std::vector<float>& weights, std::size_t rows, int levels) {
  using articlescope::learn::Quantisation;
  std::size_t nonzero = 0;
  const std::vector<std::uint32_t> kept =
      articlescope::learn::strongest_rows(weights, shape.classes, rows, &nonzero);
  std::fprintf(stderr, "rows: %zu kept of %zu non-zero (2^%d buckets)\n", kept.size(), nonzero, bits);
  return articlescope::learn::encode_model(shape, bits, {}, kept,
                                           articlescope::learn::gather_rows(weights, shape.classes, kept),
                                           levels, Quantisation::UniformStep);
}

}  // namespace train
