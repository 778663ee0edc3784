// `train ner`: the NER model (core/data/ner.model). A structured averaged perceptron over hashed features
// (core/src/entities/features.cpp), BILOU tags, Viterbi decoding; then pruned, quantised (per-row int8) and
// checked on the development file with the same code the library runs.
//
//   train ner --train eng.train --dev eng.testa --out core/data/ner.model [--card core/data/NER_MODEL.md]
//             [--epochs 12] [--bits 20] [--rows 40000] [--levels 127] [--lower 0.3] [--upper 0.15]
//             [--title 0] [--headline 0] [--holdout 0] [--seed 1]
//   --title P     adds a headline Title Case copy of a share P of the documents
//   --headline P  adds a copy of a share P of the documents whose first sentence alone is in Title Case
//   --holdout F   never trains on the last share F of the training documents, and scores the model on them
#include "conll.hpp"
#include "entities/features.hpp"
#include "entities/tagger.hpp"
#include "learn/model.hpp"
#include "learn/perceptron.hpp"
#include "train.hpp"

#include <chrono>
#include <cstdio>
#include <iterator>
#include <numeric>
#include <string>
#include <vector>

using namespace articlescope::entities;
using articlescope::learn::Perceptron;
using articlescope::learn::Rng;

namespace {

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
  const std::uint32_t* token(std::size_t k) const { return features.data() + offsets[k]; }
  std::size_t count(std::size_t k) const { return offsets[k + 1] - offsets[k]; }
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

// Emission scores of a sentence under a dense weight table (the perceptron's current or averaged weights).
void sentence_emissions(const Corpus& c, const Sentence& s, const std::vector<float>& weights,
                        std::vector<float>& out) {
  out.assign(s.length * kNumTags, 0.0f);
  for (std::size_t i = 0; i < s.length; ++i) {
    float* e = out.data() + i * kNumTags;
    const std::size_t k = s.feature_begin + i;
    for (std::size_t f = c.offsets[k]; f < c.offsets[k + 1]; ++f) {
      const float* w = weights.data() + std::size_t{c.features[f]} * kNumTags;
      for (int t = 0; t < kNumTags; ++t) e[t] += w[t];
    }
  }
}

// One structured-perceptron step on a sentence whose Viterbi path was `predicted`: emissions of every wrong
// token, and the transitions into every token where the two paths differ.
void update(Perceptron& model, const Corpus& c, const Sentence& s, const std::vector<int>& predicted) {
  model.tick();
  int prev_gold = -1, prev_pred = -1;
  for (std::size_t i = 0; i < s.length; ++i) {
    const int g = s.gold[i], p = predicted[i];
    if (g != p || prev_gold != prev_pred) {
      model.update_extra(static_cast<std::size_t>((prev_gold + 1) * kNumTags + g), 1.0f);
      model.update_extra(static_cast<std::size_t>((prev_pred + 1) * kNumTags + p), -1.0f);
    }
    if (g != p) model.update(c.token(s.feature_begin + i), c.count(s.feature_begin + i), g, p);
    prev_gold = g;
    prev_pred = p;
  }
}

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
      sentence_emissions(corpus, s, weights, em);
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

int run(int argc, char** argv) {
  train::Args args("ner", argc, argv);
  const std::string train_path = args.text("train", "", "CoNLL-2003 training file (eng.train)");
  const std::string dev_path = args.text("dev", "", "development file: picks the epoch, prints scores");
  const std::string out_path = args.text("out", "", "the model file to write");
  const std::string card =
      args.text("card", "", "model card whose 'train ner' block gets this run's command");
  const int epochs = static_cast<int>(args.integer("epochs", 12, "passes over the training data"));
  const int bits =
      static_cast<int>(args.integer("bits", 20, "hash bits (2^bits weight rows before pruning)"));
  const auto max_rows = static_cast<std::size_t>(args.integer("rows", 40000, "rows kept after pruning"));
  const int levels = static_cast<int>(args.integer("levels", 127, "quantisation steps either side of zero"));
  const double lower = args.real("lower", 0.3, "share of documents added again lower-cased");
  const double upper = args.real("upper", 0.15, "share of documents added again upper-cased");
  const double title = args.real("title", 0, "share of documents added again in headline Title Case");
  const double headline =
      args.real("headline", 0, "share of documents added again with only their first sentence in Title Case");
  const double holdout =
      args.real("holdout", 0, "share of the training documents, at the end, held out: never trained on");
  const auto seed = static_cast<std::uint64_t>(args.integer("seed", 1, "random seed"));
  if (!args.finish(train_path.empty() || out_path.empty() ? "--train and --out are required"
                   : bits < 12 || bits > 24               ? "--bits must be 12..24"
                   : holdout < 0 || holdout >= 1          ? "--holdout must be in [0, 1)"
                                                          : ""))
    return 2;
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<conll::Document> train, dev;
  if (!conll::read(train_path, train)) {
    std::fprintf(stderr, "cannot read %s\n", train_path.c_str());
    return 1;
  }
  if (!dev_path.empty() && !conll::read(dev_path, dev)) {
    std::fprintf(stderr, "cannot read %s\n", dev_path.c_str());
    return 1;
  }
  // The held-out documents (the end of the file) are set aside before anything looks at them.
  std::vector<conll::Document> held_out;
  if (holdout > 0) {
    const std::size_t split = conll::split_point(train.size(), 1 - holdout);
    held_out.assign(std::make_move_iterator(train.begin() + static_cast<std::ptrdiff_t>(split)),
                    std::make_move_iterator(train.end()));
    train.resize(split);
  }
  const Gazetteer& gazetteer = embedded_gazetteer();

  // Original documents, plus lower-cased and upper-cased copies of a random subset so that casing is
  // evidence, not a crutch.
  Corpus corpus;
  Rng rng(seed);
  std::size_t copies = 0;
  for (const auto& doc : train) {
    add_document(doc, 0, gazetteer, bits, corpus);
    if (rng.uniform() < lower) add_document(doc, 1, gazetteer, bits, corpus), ++copies;
    if (rng.uniform() < upper) add_document(doc, 2, gazetteer, bits, corpus), ++copies;
    // Drawn after the others, so that a run without these copies trains as before.
    if (title > 0 && rng.uniform() < title)
      add_document(doc, conll::kTitle, gazetteer, bits, corpus), ++copies;
    if (headline > 0 && rng.uniform() < headline)
      add_document(doc, conll::kTitleHeadline, gazetteer, bits, corpus), ++copies;
  }
  Corpus dev_corpus;
  for (const auto& doc : dev) add_document(doc, 0, gazetteer, bits, dev_corpus);
  std::fprintf(
      stderr, "train: %zu documents (+%zu re-cased copies), %zu sentences, %zu tokens, %zu features\n",
      train.size(), copies, corpus.sentences.size(), corpus.offsets.size() - 1, corpus.features.size());

  Perceptron model(bits, kNumTags, kModelShape.extras);
  std::vector<std::size_t> order(corpus.sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<float> avg_w, avg_t, best_w, best_t, emissions, scratch;
  std::vector<int> predicted, back;
  double best_f1 = -1;
  int best_epoch = 0;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    rng.shuffle(order);
    std::size_t wrong = 0;
    for (std::size_t idx : order) {
      const Sentence& s = corpus.sentences[idx];
      emissions.assign(s.length * kNumTags, 0.0f);
      for (std::size_t i = 0; i < s.length; ++i) {
        const std::size_t k = s.feature_begin + i;
        model.add_scores(corpus.token(k), corpus.count(k), emissions.data() + i * kNumTags);
      }
      viterbi(emissions.data(), s.length, model.extras(), predicted, scratch, back);
      if (predicted != s.gold) {
        ++wrong;
        update(model, corpus, s, predicted);
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
  std::size_t nonzero = 0;
  const std::vector<std::uint32_t> kept =
      articlescope::learn::strongest_rows(best_w, kNumTags, max_rows, &nonzero);
  std::fprintf(stderr, "non-zero rows: %zu of %zu\n", nonzero, std::size_t{1} << bits);
  const std::string bytes = articlescope::learn::encode_model(
      kModelShape, bits, best_t, kept, articlescope::learn::gather_rows(best_w, kNumTags, kept), levels);
  if (!train::write_file(out_path, bytes)) return 1;
  std::fprintf(stderr, "wrote %s: %zu rows, %zu bytes\n", out_path.c_str(), kept.size(), bytes.size());

  // Check the written model through the library's own loader and tagger.
  Tagger tagger;
  if (!tagger.load(bytes)) {
    std::fprintf(stderr, "the written model does not load\n");
    return 1;
  }
  std::string scores;
  if (!dev.empty()) {
    scores = train::format("quantised model (%zu rows, %zu bytes) on %s, best epoch %d:\n", kept.size(),
                           bytes.size(), dev_path.c_str(), best_epoch) +
             evaluate_model(dev, tagger, gazetteer).table();
    std::fputs(scores.c_str(), stderr);
  }
  if (!held_out.empty()) {
    const std::string held = train::format(
                                 "quantised model on the held-out last %zu documents of %s (never "
                                 "trained on, never used to choose anything):\n",
                                 held_out.size(), train_path.c_str()) +
                             evaluate_model(held_out, tagger, gazetteer).table();
    std::fputs(held.c_str(), stderr);
    scores += held;
  }
  if (!card.empty() &&
      !train::write_card_block(card, "ner", "```\n" + args.command_line() + "\n\n" + scores + "```\n"))
    return 1;
  return 0;
}

const train::Registration kNer({"ner", "the entity tagger (CoNLL-2003 PER/ORG/LOC/MISC, BILOU)", run});

}  // namespace
