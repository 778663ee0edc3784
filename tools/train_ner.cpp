// Trains the NER model (core/data/ner.model): a structured averaged perceptron over hashed features
// (core/src/entities/features.cpp), BILOU tags, Viterbi decoding; then prunes, quantises (per-row int8) and
// checks the written model on the development file with the same code the library runs.
//
// Usage: train_ner --train eng.train --dev eng.testa --out core/data/ner.model
//                  [--epochs 12] [--bits 20] [--rows 40000] [--lower 0.3] [--upper 0.15] [--title 0]
//                  [--holdout 0] [--seed 1]
//   --title P    adds a headline Title Case copy of a share P of the documents
//   --headline P adds a copy of a share P of the documents whose first sentence (the headline) alone is in
//                Title Case
//   --holdout F  never trains on the last share F of the training documents, and scores the model on them
// Deterministic: one thread, a fixed seed, no clocks in the model.
#include "conll.hpp"
#include "entities/features.hpp"
#include "entities/tagger.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <numeric>
#include <string>
#include <vector>

using namespace articlescope::entities;

namespace {

struct Options {
  std::string train, dev, out;
  int epochs = 12;
  int bits = 20;
  std::size_t rows = 40000;
  double lower = 0.3, upper = 0.15, title = 0, headline = 0;
  double holdout = 0;  // the last fraction of the training documents, never trained on
  std::uint64_t seed = 1;
  int levels = 127;
};

std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}
double uniform(std::uint64_t& state) {
  return static_cast<double>(splitmix(state) >> 11) / 9007199254740992.0;
}

/// A training sentence with its features precomputed (features do not depend on tags).
struct Sentence {
  std::size_t feature_begin;  // into Corpus::offsets
  std::size_t length;
  std::vector<int> gold;
};

struct Corpus {
  std::vector<std::uint32_t> features;  // all feature rows, token after token
  std::vector<std::size_t> offsets;     // token k's features are features[offsets[k], offsets[k + 1])
  std::vector<Sentence> sentences;
  Corpus() { offsets.push_back(0); }
};

std::vector<int> bilou_tags(const conll::Document& doc) {
  std::vector<int> tags(doc.words.size(), 0);
  for (const auto& g : doc.gold) {
    if (g.first == g.last) {
      tags[g.first] = tag_of(Bilou::U, g.type);
      continue;
    }
    tags[g.first] = tag_of(Bilou::B, g.type);
    for (std::size_t i = g.first + 1; i < g.last; ++i) tags[i] = tag_of(Bilou::I, g.type);
    tags[g.last] = tag_of(Bilou::L, g.type);
  }
  return tags;
}

void add_document(const conll::Document& doc, int casing_mode, const Gazetteer& gazetteer, int bits,
                  Corpus& corpus) {
  std::vector<WordInfo> words;
  words.reserve(doc.words.size());
  conll::Document recased = doc;
  conll::recase_document(recased, casing_mode);
  for (const auto& w : recased.words) words.push_back(describe(w));
  DocumentStats stats;
  stats.build(words, doc.sentences);
  stats.annotate(words);
  const std::vector<int> tags = bilou_tags(doc);
  std::vector<std::uint32_t> gaz, feats;
  for (const auto& [begin, end] : doc.sentences) {
    const SentenceCase casing = sentence_case(words, begin, end);
    gazetteer_features(words, begin, end, gazetteer, gaz);
    Sentence s{corpus.offsets.size() - 1, end - begin,
               std::vector<int>(tags.begin() + begin, tags.begin() + end)};
    for (std::size_t i = begin; i < end; ++i) {
      feats.clear();
      token_features(words, begin, end, i, casing, gaz, bits, feats);
      corpus.features.insert(corpus.features.end(), feats.begin(), feats.end());
      corpus.offsets.push_back(corpus.features.size());
    }
    corpus.sentences.push_back(std::move(s));
  }
}

class Perceptron {
 public:
  explicit Perceptron(int bits)
      : weights_((std::size_t{1} << bits) * kNumTags, 0.0f),
        totals_(weights_.size(), 0.0f),
        transitions_((kNumTags + 1) * kNumTags, 0.0f),
        transition_totals_(transitions_.size(), 0.0f) {}

  void emissions(const Corpus& c, const Sentence& s, std::vector<float>& out) const {
    out.assign(s.length * kNumTags, 0.0f);
    for (std::size_t i = 0; i < s.length; ++i) {
      float* e = out.data() + i * kNumTags;
      const std::size_t k = s.feature_begin + i;
      for (std::size_t f = c.offsets[k]; f < c.offsets[k + 1]; ++f) {
        const float* w = weights_.data() + std::size_t{c.features[f]} * kNumTags;
        for (int t = 0; t < kNumTags; ++t) e[t] += w[t];
      }
    }
  }

  void decode(const Corpus& c, const Sentence& s, std::vector<int>& tags) {
    emissions(c, s, emissions_);
    viterbi(emissions_.data(), s.length, transitions_.data(), tags, scratch_, back_);
  }

  void update(const Corpus& c, const Sentence& s, const std::vector<int>& predicted) {
    ++step_;
    int prev_gold = -1, prev_pred = -1;
    for (std::size_t i = 0; i < s.length; ++i) {
      const int g = s.gold[i], p = predicted[i];
      if (g != p || prev_gold != prev_pred) {
        bump_transition(prev_gold + 1, g, 1.0f);
        bump_transition(prev_pred + 1, p, -1.0f);
      }
      if (g != p) {
        const std::size_t k = s.feature_begin + i;
        for (std::size_t f = c.offsets[k]; f < c.offsets[k + 1]; ++f) {
          const std::size_t row = std::size_t{c.features[f]} * kNumTags;
          weights_[row + g] += 1.0f;
          totals_[row + g] += static_cast<float>(step_);
          weights_[row + p] -= 1.0f;
          totals_[row + p] -= static_cast<float>(step_);
        }
      }
      prev_gold = g;
      prev_pred = p;
    }
  }
  void tick() { ++step_; }

  /// Averaged weights: w - totals / step (the lazy-averaging identity).
  void averaged(std::vector<float>& weights, std::vector<float>& transitions) const {
    const float inv = 1.0f / static_cast<float>(step_ + 1);
    weights.resize(weights_.size());
    for (std::size_t k = 0; k < weights_.size(); ++k) weights[k] = weights_[k] - totals_[k] * inv;
    transitions.resize(transitions_.size());
    for (std::size_t k = 0; k < transitions_.size(); ++k)
      transitions[k] = transitions_[k] - transition_totals_[k] * inv;
  }

 private:
  void bump_transition(int from_row, int to, float d) {
    transitions_[from_row * kNumTags + to] += d;
    transition_totals_[from_row * kNumTags + to] += d * static_cast<float>(step_);
  }
  std::vector<float> weights_, totals_, transitions_, transition_totals_;
  std::vector<float> emissions_, scratch_;
  std::vector<int> back_;
  long step_ = 0;
};

double evaluate_float(const std::vector<conll::Document>& docs, const Corpus& corpus,
                      const std::vector<float>& weights, const std::vector<float>& transitions) {
  conll::Score score;
  std::vector<float> em, scratch;
  std::vector<int> tags, back;
  std::size_t sentence = 0;
  for (const auto& doc : docs) {
    std::vector<TaggedSpan> spans;
    for (const auto& [begin, end] : doc.sentences) {
      const Sentence& s = corpus.sentences[sentence++];
      em.assign(s.length * kNumTags, 0.0f);
      for (std::size_t i = 0; i < s.length; ++i) {
        const std::size_t k = s.feature_begin + i;
        for (std::size_t f = corpus.offsets[k]; f < corpus.offsets[k + 1]; ++f) {
          const float* w = weights.data() + std::size_t{corpus.features[f]} * kNumTags;
          for (int t = 0; t < kNumTags; ++t) em[i * kNumTags + t] += w[t];
        }
      }
      viterbi(em.data(), s.length, transitions.data(), tags, scratch, back);
      spans_from_tags(tags, begin, spans);
    }
    std::vector<conll::GoldSpan> pred;
    for (const auto& sp : spans) pred.push_back({sp.first, sp.last, sp.type});
    score.add(doc.gold, pred);
  }
  return score.overall_f1();
}

conll::Score evaluate_model(const std::vector<conll::Document>& docs, const Tagger& tagger,
                            const Gazetteer& gazetteer) {
  conll::Score score;
  for (const auto& doc : docs) {
    std::vector<std::string_view> words(doc.words.begin(), doc.words.end());
    std::vector<TaggedSpan> spans;
    tagger.tag(words, doc.sentences, gazetteer, spans);
    std::vector<conll::GoldSpan> pred;
    for (const auto& sp : spans) pred.push_back({sp.first, sp.last, sp.type});
    score.add(doc.gold, pred);
  }
  return score;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int k = 1; k + 1 < argc; k += 2) {
    const std::string a = argv[k], v = argv[k + 1];
    if (a == "--train")
      o.train = v;
    else if (a == "--dev")
      o.dev = v;
    else if (a == "--out")
      o.out = v;
    else if (a == "--epochs")
      o.epochs = std::atoi(v.c_str());
    else if (a == "--bits")
      o.bits = std::atoi(v.c_str());
    else if (a == "--rows")
      o.rows = static_cast<std::size_t>(std::atol(v.c_str()));
    else if (a == "--lower")
      o.lower = std::atof(v.c_str());
    else if (a == "--upper")
      o.upper = std::atof(v.c_str());
    else if (a == "--title")
      o.title = std::atof(v.c_str());
    else if (a == "--headline")
      o.headline = std::atof(v.c_str());
    else if (a == "--holdout")
      o.holdout = std::atof(v.c_str());
    else if (a == "--levels")
      o.levels = std::atoi(v.c_str());
    else if (a == "--seed")
      o.seed = static_cast<std::uint64_t>(std::atoll(v.c_str()));
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }
  if (o.train.empty() || o.out.empty() || o.bits < 12 || o.bits > 24 || o.holdout < 0 || o.holdout >= 1) {
    std::fprintf(stderr,
                 "usage: train_ner --train FILE [--dev FILE] --out FILE [--epochs N] [--bits 12..24] "
                 "[--rows N] [--lower P] [--upper P] [--title P] [--headline P] [--holdout F] [--seed N]\n");
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<conll::Document> train, dev;
  if (!conll::read(o.train, train)) {
    std::fprintf(stderr, "cannot read %s\n", o.train.c_str());
    return 1;
  }
  if (!o.dev.empty() && !conll::read(o.dev, dev)) {
    std::fprintf(stderr, "cannot read %s\n", o.dev.c_str());
    return 1;
  }
  // The held-out documents (the end of the file) are set aside before anything looks at them.
  std::vector<conll::Document> held_out;
  if (o.holdout > 0) {
    const std::size_t split = conll::split_point(train.size(), 1 - o.holdout);
    held_out.assign(std::make_move_iterator(train.begin() + static_cast<std::ptrdiff_t>(split)),
                    std::make_move_iterator(train.end()));
    train.resize(split);
  }
  const Gazetteer& gazetteer = embedded_gazetteer();

  // Original documents, plus lower-cased and upper-cased copies of a random subset so that casing is
  // evidence, not a crutch.
  Corpus corpus;
  std::uint64_t rng = o.seed;
  std::size_t copies = 0;
  for (const auto& doc : train) {
    add_document(doc, 0, gazetteer, o.bits, corpus);
    if (uniform(rng) < o.lower) add_document(doc, 1, gazetteer, o.bits, corpus), ++copies;
    if (uniform(rng) < o.upper) add_document(doc, 2, gazetteer, o.bits, corpus), ++copies;
    // Drawn after the others, so that a run without Title Case copies trains as before.
    if (o.title > 0 && uniform(rng) < o.title) add_document(doc, 3, gazetteer, o.bits, corpus), ++copies;
    if (o.headline > 0 && uniform(rng) < o.headline) add_document(doc, 4, gazetteer, o.bits, corpus), ++copies;
  }
  Corpus dev_corpus;
  for (const auto& doc : dev) add_document(doc, 0, gazetteer, o.bits, dev_corpus);
  std::fprintf(
      stderr, "train: %zu documents (+%zu re-cased copies), %zu sentences, %zu tokens, %zu features\n",
      train.size(), copies, corpus.sentences.size(), corpus.offsets.size() - 1, corpus.features.size());

  Perceptron model(o.bits);
  std::vector<std::size_t> order(corpus.sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<float> avg_w, avg_t, best_w, best_t;
  std::vector<int> predicted;
  double best_f1 = -1;
  int best_epoch = 0;
  for (int epoch = 1; epoch <= o.epochs; ++epoch) {
    for (std::size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[splitmix(rng) % k]);
    std::size_t wrong = 0;
    for (std::size_t idx : order) {
      const Sentence& s = corpus.sentences[idx];
      model.decode(corpus, s, predicted);
      if (predicted != s.gold) {
        ++wrong;
        model.update(corpus, s, predicted);
      } else {
        model.tick();
      }
    }
    model.averaged(avg_w, avg_t);
    const double f1 = dev.empty() ? 0.0 : evaluate_float(dev, dev_corpus, avg_w, avg_t);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "epoch %2d: %zu of %zu sentences wrong, dev F1 %.2f (%.1f s)\n", epoch, wrong,
                 order.size(), f1, secs);
    // The epoch count is tuned on the development file: keep the best averaged weights.
    if (dev.empty() || f1 > best_f1) {
      best_f1 = f1;
      best_epoch = epoch;
      best_w = avg_w;
      best_t = avg_t;
    }
  }
  std::fprintf(stderr, "best epoch %d (dev F1 %.2f)\n", best_epoch, best_f1);

  // Prune: keep the rows with the largest weights (a row is the kNumTags weights of one hash bucket).
  const std::size_t buckets = std::size_t{1} << o.bits;
  std::vector<std::pair<float, std::uint32_t>> strength;
  for (std::size_t b = 0; b < buckets; ++b) {
    float m = 0;
    for (int t = 0; t < kNumTags; ++t) m = std::max(m, std::fabs(best_w[b * kNumTags + t]));
    if (m > 0) strength.emplace_back(m, static_cast<std::uint32_t>(b));
  }
  std::fprintf(stderr, "non-zero rows: %zu of %zu\n", strength.size(), buckets);
  if (strength.size() > o.rows) {
    std::nth_element(strength.begin(), strength.begin() + static_cast<std::ptrdiff_t>(o.rows), strength.end(),
                     [](const auto& a, const auto& b) {
                       return a.first > b.first || (a.first == b.first && a.second < b.second);
                     });
    strength.resize(o.rows);
  }
  std::vector<std::uint32_t> kept;
  for (const auto& [m, b] : strength) kept.push_back(b);
  std::sort(kept.begin(), kept.end());
  std::vector<float> kept_weights;
  kept_weights.reserve(kept.size() * kNumTags);
  for (std::uint32_t b : kept) {
    kept_weights.insert(kept_weights.end(), best_w.begin() + std::ptrdiff_t{b} * kNumTags,
                        best_w.begin() + std::ptrdiff_t{b + 1} * kNumTags);
  }
  const std::string bytes = encode_model(o.bits, best_t, kept, kept_weights, o.levels);
  std::ofstream out(o.out, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", o.out.c_str());
    return 1;
  }
  out.close();
  std::fprintf(stderr, "wrote %s: %zu rows, %zu bytes\n", o.out.c_str(), kept.size(), bytes.size());

  // Check the written model through the library's own loader and tagger.
  Tagger tagger;
  if (!tagger.load(bytes)) {
    std::fprintf(stderr, "the written model does not load\n");
    return 1;
  }
  if (!dev.empty()) {
    std::fprintf(stderr, "quantised model on %s:\n", o.dev.c_str());
    evaluate_model(dev, tagger, gazetteer).print(stderr);
  }
  if (!held_out.empty()) {
    std::fprintf(stderr, "quantised model on the held-out %zu documents (never trained or tuned on):\n",
                 held_out.size());
    evaluate_model(held_out, tagger, gazetteer).print(stderr);
  }
  return 0;
}
