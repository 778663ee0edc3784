// `train ner`: the NER model (core/data/ner.model). A structured averaged perceptron over hashed features
// (core/src/entities/features.cpp), BILOU tags, Viterbi decoding; then pruned, quantised (per-row int8) and
// checked on the development file with the same code the library runs.
//
//   train ner --train eng.train --dev eng.testa --out core/data/ner.model [--card core/data/NER_MODEL.md]
//             [--epochs 12] [--bits 20] [--rows 40000] [--levels 127] [--lower 0.3] [--upper 0.15]
//             [--title 0] [--headline 0] [--holdout 0] [--seed 1]
//             [--stage2 core/data/ner_stage2.model --folds 4 --stage2-epochs 8 --stage2-bits 16 --fold-cache DIR]
//   --title P     adds a headline Title Case copy of a share P of the documents
//   --headline P  adds a copy of a share P of the documents whose first sentence alone is in Title Case
//   --holdout F   never trains on the last share F of the training documents, and scores the model on them
//   --stage2 FILE the second stage (document-level consistency), trained on jackknifed first-stage output:
//                 the training documents are cut into --folds parts, a first stage is trained on all parts
//                 but one and tags that one, and the second stage learns from those tags what the same words
//                 elsewhere in a document say (--fold-cache keeps the part models between runs: delete it
//                 when the first stage's features change)
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
  std::size_t doc = 0;  // index of its training document (re-cased copies share it)
};

struct Corpus {
  std::vector<std::uint32_t> features;  // all feature rows, token after token
  std::vector<std::size_t> offsets;     // token k's features are features[offsets[k], offsets[k + 1])
  std::vector<Sentence> sentences;
  std::vector<float> base;                // second stage: the first stage's scores, kNumTags per token
  std::vector<const float*> transitions;  // second stage: each sentence's first-stage transitions
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

void add_document(const conll::Document& doc, std::size_t doc_index, int casing_mode,
                  const Gazetteer& gazetteer, int bits, Corpus& corpus) {
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
               std::vector<int>(tags.begin() + begin, tags.begin() + end), doc_index};
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
void update(Perceptron& model, const Corpus& c, const Sentence& s, const std::vector<int>& predicted,
            bool transitions = true) {
  model.tick();
  int prev_gold = -1, prev_pred = -1;
  for (std::size_t i = 0; i < s.length; ++i) {
    const int g = s.gold[i], p = predicted[i];
    if (transitions && (g != p || prev_gold != prev_pred)) {
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
  std::vector<int> tags;
  std::size_t sentence = 0;
  for (const auto& doc : docs) {
    std::vector<TaggedSpan> spans;
    for (const auto& [begin, end] : doc.sentences) {
      const Sentence& s = corpus.sentences[sentence++];
      sentence_emissions(corpus, s, weights, em);
      viterbi(em.data(), s.length, transitions.data(), tags, scratch);
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

// A trained stage: averaged weights and extras, and the epoch they come from.
struct Trained {
  std::vector<float> weights, extras;
  int epoch = 0;
  double dev_f1 = -1;
};

// Emissions of one sentence: its base scores (the second stage's first-stage scores) plus the model's rows.
void training_emissions(const Perceptron& model, const Corpus& corpus, const Sentence& s,
                        std::vector<float>& emissions) {
  emissions.assign(s.length * kNumTags, 0.0f);
  if (!corpus.base.empty()) {
    const float* base = corpus.base.data() + s.feature_begin * kNumTags;
    std::copy(base, base + s.length * kNumTags, emissions.begin());
  }
  for (std::size_t i = 0; i < s.length; ++i) {
    const std::size_t k = s.feature_begin + i;
    model.add_scores(corpus.token(k), corpus.count(k), emissions.data() + i * kNumTags);
  }
}

// Trains a structured perceptron on the corpus's sentences (those of documents not `excluded`) for `epochs`
// passes; `score_dev` (when set) scores the averaged weights after each pass and the best pass is kept,
// otherwise the last.
template <class ScoreDev>
Trained train_perceptron(const Corpus& corpus, int bits, const std::vector<char>* excluded, int epochs, Rng& rng,
                         const ScoreDev* score_dev, const char* name, bool learn_transitions = true) {
  const auto t0 = std::chrono::steady_clock::now();
  Perceptron model(bits, kNumTags, kModelShape.extras);
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < corpus.sentences.size(); ++k) {
    if (!excluded || !(*excluded)[corpus.sentences[k].doc]) order.push_back(k);
  }
  std::vector<float> avg_w, avg_t, emissions, transitions, scratch;
  std::vector<int> predicted;
  Trained best;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    rng.shuffle(order);
    std::size_t wrong = 0;
    for (std::size_t idx : order) {
      const Sentence& s = corpus.sentences[idx];
      training_emissions(model, corpus, s, emissions);
      const float* t = model.extras();
      if (!corpus.transitions.empty()) {
        transitions.resize(kModelShape.extras);
        for (std::size_t x = 0; x < kModelShape.extras; ++x) transitions[x] = corpus.transitions[idx][x] + t[x];
        t = transitions.data();
      }
      viterbi(emissions.data(), s.length, t, predicted, scratch);
      if (predicted != s.gold) {
        ++wrong;
        update(model, corpus, s, predicted, learn_transitions);
      } else {
        model.tick();
      }
    }
    model.averaged(avg_w, avg_t);
    const double f1 = score_dev ? (*score_dev)(avg_w, avg_t) : 0.0;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "%s epoch %2d: %zu of %zu sentences wrong, dev F1 %.2f (%.1f s)\n", name, epoch, wrong,
                 order.size(), f1, secs);
    // With a development file the epoch count is tuned on it: keep the best averaged weights.
    if (!score_dev || f1 > best.dev_f1) {
      best.dev_f1 = f1;
      best.epoch = epoch;
      best.weights = avg_w;
      best.extras = avg_t;
    }
  }
  return best;
}

// Prunes (the `max_rows` rows with the largest weights; a row is the kNumTags weights of one bucket) and
// quantises a first-stage model.
std::string encode_first_stage(const Trained& trained, int bits, std::size_t max_rows, int levels) {
  std::size_t nonzero = 0;
  const std::vector<std::uint32_t> kept =
      articlescope::learn::strongest_rows(trained.weights, kNumTags, max_rows, &nonzero);
  std::fprintf(stderr, "non-zero rows: %zu of %zu, kept %zu\n", nonzero, std::size_t{1} << bits, kept.size());
  return articlescope::learn::encode_model(kModelShape, bits, trained.extras, kept,
                                           articlescope::learn::gather_rows(trained.weights, kNumTags, kept),
                                           levels);
}

// Adds a document, re-cased, to the second stage's corpus: the first stage's scores and tags from `first`
// (a first stage that never saw this document), its transitions, and the second stage's features.
void add_second_stage_document(const conll::Document& doc, std::size_t doc_index, int casing_mode,
                               const Tagger& first, const float* first_transitions, float base_weight, int bits,
                               Corpus& corpus) {
  conll::Document recased = doc;
  conll::recase_document(recased, casing_mode);
  const std::vector<std::string_view> words(recased.words.begin(), recased.words.end());
  FirstStage stage;
  first.first_stage(words, recased.sentences, embedded_gazetteer(), stage);
  const std::vector<int> tags = bilou_tags(doc);
  for (const auto& [begin, end] : recased.sentences) {
    corpus.sentences.push_back({corpus.offsets.size() - 1, end - begin,
                                std::vector<int>(tags.begin() + begin, tags.begin() + end), doc_index});
    corpus.transitions.push_back(first_transitions);
    for (std::size_t i = begin; i < end; ++i) {
      for (std::uint32_t f = stage.offsets[i]; f < stage.offsets[i + 1]; ++f)
        corpus.features.push_back(feature_bucket(stage.features[f], bits));
      corpus.offsets.push_back(corpus.features.size());
      for (int t = 0; t < kNumTags; ++t) corpus.base.push_back(base_weight * stage.emissions[i * kNumTags + static_cast<std::size_t>(t)]);
    }
  }
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
  const std::string stage2_path =
      args.text("stage2", "", "the second stage's model file to write (none when empty)");
  const int folds = static_cast<int>(args.integer("folds", 4, "parts of the jackknife for the second stage"));
  const int stage2_epochs = static_cast<int>(args.integer("stage2-epochs", 8, "passes of the second stage"));
  const int stage2_bits = static_cast<int>(args.integer("stage2-bits", 16, "hash bits of the second stage"));
  const int stage2_levels =
      static_cast<int>(args.integer("stage2-levels", 15, "quantisation steps of the second stage"));
  const double stage2_base = args.real(
      "stage2-base", 1, "weight of the first stage's scores in the second stage's training (its step size is 1)");
  const bool stage2_transitions =
      args.integer("stage2-transitions", 1, "1: the second stage learns its own transition scores too") != 0;
  const std::string fold_cache =
      args.text("fold-cache", "", "folder keeping the jackknife's first-stage models between runs");
  if (!args.finish(train_path.empty() || out_path.empty() ? "--train and --out are required"
                   : bits < 12 || bits > 24               ? "--bits must be 12..24"
                   : stage2_bits < 8 || stage2_bits > 24  ? "--stage2-bits must be 8..24"
                   : holdout < 0 || holdout >= 1          ? "--holdout must be in [0, 1)"
                   : folds < 2                            ? "--folds must be at least 2"
                                                          : ""))
    return 2;
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
  Rng rng(seed);
  std::vector<std::vector<int>> casings_of(train.size());
  std::size_t copies = 0;
  for (auto& casings : casings_of) {
    casings.push_back(conll::kOriginal);
    if (rng.uniform() < lower) casings.push_back(conll::kLower);
    if (rng.uniform() < upper) casings.push_back(conll::kUpper);
    // Drawn after the others, so that a run without these copies trains as before.
    if (title > 0 && rng.uniform() < title) casings.push_back(conll::kTitle);
    if (headline > 0 && rng.uniform() < headline) casings.push_back(conll::kTitleHeadline);
    copies += casings.size() - 1;
  }
  Corpus corpus;
  for (std::size_t d = 0; d < train.size(); ++d) {
    for (const int casing : casings_of[d]) add_document(train[d], d, casing, gazetteer, bits, corpus);
  }
  Corpus dev_corpus;
  for (std::size_t d = 0; d < dev.size(); ++d) add_document(dev[d], d, 0, gazetteer, bits, dev_corpus);
  std::fprintf(
      stderr, "train: %zu documents (+%zu re-cased copies), %zu sentences, %zu tokens, %zu features\n",
      train.size(), copies, corpus.sentences.size(), corpus.offsets.size() - 1, corpus.features.size());

  // 1. The first stage, on every training document.
  const auto score_first = [&](const std::vector<float>& w, const std::vector<float>& t) {
    return evaluate_float(dev, dev_corpus, w, t);
  };
  const Trained first = train_perceptron(corpus, bits, nullptr, epochs, rng, dev.empty() ? nullptr : &score_first,
                                         "first stage");
  std::fprintf(stderr, "best epoch %d (dev F1 %.2f)\n", first.epoch, first.dev_f1);
  const std::string bytes = encode_first_stage(first, bits, max_rows, levels);
  if (!train::write_file(out_path, bytes)) return 1;
  std::fprintf(stderr, "wrote %s: %zu bytes\n", out_path.c_str(), bytes.size());

  // Check the written model through the library's own loader and tagger.
  Tagger tagger;
  if (!tagger.load(bytes)) {
    std::fprintf(stderr, "the written model does not load\n");
    return 1;
  }
  std::string scores;
  const auto print_scores = [&](const char* what) {
    if (!dev.empty()) {
      scores += train::format("%s on %s:\n", what, dev_path.c_str()) + evaluate_model(dev, tagger, gazetteer).table();
    }
    if (!held_out.empty()) {
      scores += train::format("%s on the held-out last %zu documents of %s (never trained on, never used to "
                              "choose anything):\n",
                              what, held_out.size(), train_path.c_str()) +
                evaluate_model(held_out, tagger, gazetteer).table();
    }
  };
  print_scores(train::format("first stage (%zu rows, %zu bytes, epoch %d)", tagger.rows(), bytes.size(),
                             first.epoch)
                   .c_str());

  // 2. The second stage, trained on jackknifed first-stage output: each part of the training documents is
  // tagged by a first stage trained without it, so that the second stage learns from tags as good as those
  // on unseen text, not from the near-perfect tags of a model on its own training data.
  if (!stage2_path.empty()) {
    Corpus second;
    std::vector<Tagger> part_taggers(static_cast<std::size_t>(folds));
    std::vector<std::vector<float>> part_transitions(static_cast<std::size_t>(folds));
    // The part models' cache key: everything the first stage's training depends on but its features' code.
    const std::string key_text = train::format("%s|%d|%zu|%d|%g|%g|%g|%g|%g|%llu|%d|%d", train_path.c_str(), bits,
                                               max_rows, levels, lower, upper, title, headline, holdout,
                                               static_cast<unsigned long long>(seed), first.epoch, folds);
    const auto key = static_cast<unsigned long long>(hash_bytes(key_text));
    for (int part = 0; part < folds; ++part) {
      std::vector<char> excluded(train.size(), 0);
      for (std::size_t d = 0; d < train.size(); ++d) excluded[d] = d % static_cast<std::size_t>(folds) == static_cast<std::size_t>(part);
      const std::string cached =
          fold_cache.empty() ? "" : train::format("%s/ner-part-%016llx-%d.model", fold_cache.c_str(), key, part);
      std::string part_bytes;
      if (cached.empty() || !train::read_file(cached, part_bytes)) {
        // The part's first stage trains as long as the whole one chose to, with a seed of its own.
        Rng part_rng(seed * 1000 + static_cast<std::uint64_t>(part) + 1);
        const Trained t = train_perceptron<decltype(score_first)>(corpus, bits, &excluded, first.epoch, part_rng,
                                                                  nullptr, "part");
        part_bytes = encode_first_stage(t, bits, max_rows, levels);
        if (!cached.empty() && !train::write_file(cached, part_bytes)) return 1;
      }
      Tagger& part_tagger = part_taggers[static_cast<std::size_t>(part)];
      if (!part_tagger.load(part_bytes)) {
        std::fprintf(stderr, "a part model does not load\n");
        return 1;
      }
      part_transitions[static_cast<std::size_t>(part)] = part_tagger.transitions();
      for (float& t : part_transitions[static_cast<std::size_t>(part)]) t *= static_cast<float>(stage2_base);
      for (std::size_t d = 0; d < train.size(); ++d) {
        if (!excluded[d]) continue;
        for (const int casing : casings_of[d])
          add_second_stage_document(train[d], d, casing, part_tagger,
                                    part_transitions[static_cast<std::size_t>(part)].data(),
                                    static_cast<float>(stage2_base), stage2_bits, second);
      }
      std::fprintf(stderr, "part %d of %d tagged\n", part + 1, folds);
    }
    std::vector<float> first_transitions = tagger.transitions();
    for (float& t : first_transitions) t *= static_cast<float>(stage2_base);
    Corpus dev_second;
    for (std::size_t d = 0; d < dev.size(); ++d)
      add_second_stage_document(dev[d], d, 0, tagger, first_transitions.data(), static_cast<float>(stage2_base),
                                stage2_bits, dev_second);
    const auto score_second = [&](const std::vector<float>& w, const std::vector<float>& t) {
      conll::Score score;
      std::vector<float> em, transitions(kModelShape.extras), scratch;
      std::vector<int> tags;
      for (std::size_t x = 0; x < transitions.size(); ++x) transitions[x] = first_transitions[x] + t[x];
      std::size_t sentence = 0;
      for (const auto& doc : dev) {
        std::vector<TaggedSpan> spans;
        for (const auto& [begin, end] : doc.sentences) {
          const Sentence& s = dev_second.sentences[sentence++];
          em.assign(dev_second.base.begin() + static_cast<std::ptrdiff_t>(s.feature_begin * kNumTags),
                    dev_second.base.begin() + static_cast<std::ptrdiff_t>((s.feature_begin + s.length) * kNumTags));
          for (std::size_t i = 0; i < s.length; ++i) {
            const std::size_t k = s.feature_begin + i;
            for (std::size_t f = dev_second.offsets[k]; f < dev_second.offsets[k + 1]; ++f) {
              const float* row = w.data() + std::size_t{dev_second.features[f]} * kNumTags;
              for (int c = 0; c < kNumTags; ++c) em[i * kNumTags + static_cast<std::size_t>(c)] += row[c];
            }
          }
          viterbi(em.data(), s.length, transitions.data(), tags, scratch);
          spans_from_tags(tags, begin, spans);
        }
        std::vector<conll::GoldSpan> pred;
        for (const auto& sp : spans) pred.push_back({sp.first, sp.last, sp.type});
        score.add(doc.gold, pred);
      }
      return score.overall_f1();
    };
    Rng second_rng(seed + 2);
    const Trained stage2 = train_perceptron(second, stage2_bits, nullptr, stage2_epochs, second_rng,
                                            dev.empty() ? nullptr : &score_second, "second stage",
                                            stage2_transitions);
    std::fprintf(stderr, "second stage: best epoch %d (dev F1 %.2f)\n", stage2.epoch, stage2.dev_f1);
    std::size_t nonzero = 0;
    const std::vector<std::uint32_t> kept =
        articlescope::learn::strongest_rows(stage2.weights, kNumTags, std::size_t{1} << stage2_bits, &nonzero);
    // The first stage's scores enter with weight --stage2-base in training units; encode_model() rescales it
    // with the rest.
    std::vector<float> extras = stage2.extras;
    extras.push_back(static_cast<float>(stage2_base));
    const std::string stage2_bytes = articlescope::learn::encode_model(
        kSecondStageShape, stage2_bits, extras, kept,
        articlescope::learn::gather_rows(stage2.weights, kNumTags, kept), stage2_levels);
    if (!train::write_file(stage2_path, stage2_bytes)) return 1;
    if (!tagger.load_second_stage(stage2_bytes)) {
      std::fprintf(stderr, "the written second stage does not load\n");
      return 1;
    }
    print_scores(train::format("both stages (second: %zu rows, %zu bytes, epoch %d; parts: %d)", kept.size(),
                               stage2_bytes.size(), stage2.epoch, folds)
                     .c_str());
  }
  std::fputs(scores.c_str(), stderr);
  if (!card.empty() &&
      !train::write_card_block(card, "ner", "```\n" + args.command_line() + "\n\n" + scores + "```\n"))
    return 1;
  return 0;
}

const train::Registration kNer({"ner", "the entity tagger (CoNLL-2003 PER/ORG/LOC/MISC, BILOU)", run});

}  // namespace
