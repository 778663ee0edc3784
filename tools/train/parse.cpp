// `train parse`: the dependency parser (core/data/parse.model, relations.model). The move model is an
// averaged perceptron trained with a dynamic oracle (the parser follows its own moves, and learns the best
// move that is still right from wherever it is, as it will run); the relation model names the arcs of the
// gold trees. Both see POS tags from a tagger that never saw the sentence: each UD file is tagged by a POS
// model trained (with the shipped settings) on the other training data. Scored by cross-validation over the
// UD files (train on all but one, parse the one left out), then trained on all of them.
//
//   train parse --train en_ewt-ud-dev.conllu,en_ewt-ud-test.conllu --pos-train eng.train
//               --out core/data/parse.model --relations-out core/data/relations.model [--card ...] ...
#include "syntax/parse.hpp"
#include "greedy.hpp"
#include "pos_training.hpp"
#include "syntax/pos.hpp"
#include "syntax_corpus.hpp"
#include "train.hpp"

#include <algorithm>
#include <numeric>

namespace train {
namespace {

using articlescope::learn::Perceptron;
using articlescope::syntax::describe;
using articlescope::syntax::kNumMoves;
using articlescope::syntax::kNumRelations;
using articlescope::syntax::Move;
using articlescope::syntax::Parser;
using articlescope::syntax::ParseState;
using articlescope::syntax::Pos;
using articlescope::syntax::Relation;
using articlescope::syntax::TreeView;
using articlescope::syntax::WordInfo;

// A sentence ready for parsing: our tokens described, predicted tags, gold heads (root = -1) and relations.
struct ParseSentence {
  std::vector<WordInfo> words;
  std::vector<Pos> tags;
  std::vector<int> heads;
  std::vector<Relation> relations;
  bool projective = true;
};

bool is_projective(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size());
  for (int a = 0; a < n; ++a) {
    const int a1 = std::min(a, heads[a] < 0 ? n : heads[a]), a2 = std::max(a, heads[a] < 0 ? n : heads[a]);
    for (int b = 0; b < n; ++b) {
      const int b1 = std::min(b, heads[b] < 0 ? n : heads[b]), b2 = std::max(b, heads[b] < 0 ? n : heads[b]);
      if (a1 < b1 && b1 < a2 && a2 < b2) return false;
    }
  }
  return true;
}

// The moves that lose no gold arc from this state (arc-hybrid; Goldberg and Nivre's dynamic oracle as
// Honnibal writes it). `gold` uses n for the root.
std::vector<int> gold_moves(const ParseState& st, const std::vector<int>& gold) {
  const auto deps_between = [&](int target, auto first, auto last) {
    for (auto it = first; it != last; ++it) {
      const int w = *it;
      if (gold[static_cast<std::size_t>(w)] == target || gold[static_cast<std::size_t>(target)] == w)
        return true;
    }
    return false;
  };
  const std::size_t depth = st.stack.size();
  const int s0 = depth > 0 ? st.stack.back() : -1;
  if (depth == 0 || (st.valid(Move::Shift) && gold[static_cast<std::size_t>(st.next)] == s0))
    return {static_cast<int>(Move::Shift)};
  if (gold[static_cast<std::size_t>(s0)] == st.next) return {static_cast<int>(Move::Left)};
  bool costly[kNumMoves];
  for (int m = 0; m < kNumMoves; ++m) costly[m] = !st.valid(static_cast<Move>(m));
  if (depth >= 2 && gold[static_cast<std::size_t>(s0)] == st.stack[depth - 2]) costly[1] = true;
  if (!costly[0] && deps_between(st.next, st.stack.begin(), st.stack.end())) costly[0] = true;
  std::vector<int> buffer(static_cast<std::size_t>(std::max(0, st.n - st.next - 1)));
  std::iota(buffer.begin(), buffer.end(), st.next + 1);
  if (deps_between(s0, buffer.begin(), buffer.end())) costly[1] = costly[2] = true;
  std::vector<int> out;
  for (int m = 0; m < kNumMoves; ++m) {
    if (!costly[m]) out.push_back(m);
  }
  return out;
}

std::vector<float> train_moves(const std::vector<const ParseSentence*>& sentences, int bits, int epochs,
                               std::uint64_t seed, const std::vector<bool>* active = nullptr) {
  Perceptron model(bits, kNumMoves);
  articlescope::learn::Rng rng(seed);
  std::vector<std::size_t> order(sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<std::uint32_t> features;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    rng.shuffle(order);
    std::size_t right = 0, total = 0;
    for (const std::size_t k : order) {
      const ParseSentence& s = *sentences[k];
      const int n = static_cast<int>(s.words.size());
      std::vector<int> gold(s.heads);
      for (int& h : gold) h = h < 0 ? n : h;
      ParseState st;
      st.start(n);
      while (!st.done()) {
        features.clear();
        BucketSink sink{bits, features};
        articlescope::syntax::move_features(st, s.words.data(), s.tags.data(), sink);
        if (active) {
          features.erase(std::remove_if(features.begin(), features.end(),
                                        [&](std::uint32_t f) { return !(*active)[f]; }),
                         features.end());
        }
        float scores[kNumMoves] = {};
        model.add_scores(features.data(), features.size(), scores);
        int guess = -1;
        for (int m = 0; m < kNumMoves; ++m) {
          if (st.valid(static_cast<Move>(m)) && (guess < 0 || scores[m] > scores[guess])) guess = m;
        }
        const std::vector<int> golds = gold_moves(st, gold);
        if (!golds.empty()) {
          int best = golds[0];
          for (const int m : golds) {
            if (scores[m] > scores[best]) best = m;
          }
          model.tick();
          ++total;
          if (std::find(golds.begin(), golds.end(), guess) == golds.end()) {
            model.update(features.data(), features.size(), best, guess);
          } else {
            ++right;
          }
        }
        st.apply(static_cast<Move>(guess));
      }
    }
    std::fprintf(stderr, "moves epoch %2d: %.2f%% of moves right\n", epoch,
                 total ? 100.0 * double(right) / double(total) : 0.0);
  }
  std::vector<float> weights, extras;
  model.averaged(weights, extras);
  return weights;
}

std::vector<float> train_relations(const std::vector<const ParseSentence*>& sentences, int bits, int epochs,
                                   std::uint64_t seed, const std::vector<bool>* active = nullptr) {
  Perceptron model(bits, kNumRelations);
  articlescope::learn::Rng rng(seed);
  std::vector<std::size_t> order(sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<std::uint32_t> features;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    rng.shuffle(order);
    for (const std::size_t k : order) {
      const ParseSentence& s = *sentences[k];
      const int n = static_cast<int>(s.words.size());
      TreeView tree;
      tree.build(s.heads.data(), n);
      for (int d = 0; d < n; ++d) {
        if (s.heads[static_cast<std::size_t>(d)] < 0) continue;
        features.clear();
        BucketSink sink{bits, features};
        articlescope::syntax::relation_features(tree, s.words.data(), s.tags.data(), n, d, sink);
        if (active) {
          features.erase(std::remove_if(features.begin(), features.end(),
                                        [&](std::uint32_t f) { return !(*active)[f]; }),
                         features.end());
        }
        float scores[kNumRelations] = {};
        model.add_scores(features.data(), features.size(), scores);
        int guess = 1;
        for (int r = 2; r < kNumRelations; ++r) {
          if (scores[r] > scores[guess]) guess = r;
        }
        const int truth = static_cast<int>(s.relations[static_cast<std::size_t>(d)]);
        model.tick();
        if (guess != truth && truth != 0) model.update(features.data(), features.size(), truth, guess);
      }
    }
  }
  std::vector<float> weights, extras;
  model.averaged(weights, extras);
  return weights;
}

struct Options {
  int bits = 18, epochs = 10, levels = 7, relation_levels = 7;
  std::size_t rows = 10000, relation_rows = 3000;
  std::uint64_t seed = 1;
};

// Trains both models (each pruned, then trained again on its kept rows) and returns the loaded parser's
// bytes.
std::pair<std::string, std::string> train_parser(const std::vector<const ParseSentence*>& all,
                                                 const Options& o) {
  std::vector<const ParseSentence*> projective;
  for (const ParseSentence* s : all) {
    if (s->projective) projective.push_back(s);
  }
  std::fprintf(stderr, "parser: %zu trees (%zu projective, trained on)\n", all.size(), projective.size());
  std::vector<float> moves = train_moves(projective, o.bits, o.epochs, o.seed);
  const std::vector<bool> kept_moves = strongest_mask(moves, kNumMoves, o.rows);
  moves = train_moves(projective, o.bits, o.epochs, o.seed, &kept_moves);
  std::vector<float> relations = train_relations(all, o.bits, o.epochs, o.seed);
  const std::vector<bool> kept_relations = strongest_mask(relations, kNumRelations, o.relation_rows);
  relations = train_relations(all, o.bits, o.epochs, o.seed, &kept_relations);
  return {encode_pruned(articlescope::syntax::kMoveModelShape, o.bits, moves, o.rows, o.levels),
          encode_pruned(articlescope::syntax::kRelationModelShape, o.bits, relations, o.relation_rows,
                        o.relation_levels)};
}

struct Attachment {
  std::size_t words = 0, heads = 0, labelled = 0, words_np = 0, heads_np = 0, labelled_np = 0;
  void add(const ParseSentence& s, const std::vector<int>& found, const std::vector<Relation>& named) {
    for (std::size_t i = 0; i < s.heads.size(); ++i) {
      const bool head = found[i] == s.heads[i], label = head && named[i] == s.relations[i];
      ++words;
      heads += head;
      labelled += label;
      if (s.relations[i] == Relation::Punct) continue;
      ++words_np;
      heads_np += head;
      labelled_np += label;
    }
  }
  std::string text() const {
    const auto pct = [](std::size_t a, std::size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
    return format("UAS %.2f LAS %.2f (%zu words); without punctuation UAS %.2f LAS %.2f (%zu words)",
                  pct(heads, words), pct(labelled, words), words, pct(heads_np, words_np),
                  pct(labelled_np, words_np), words_np);
  }
};

Attachment evaluate(const Parser& parser, const std::vector<const ParseSentence*>& sentences) {
  Attachment a;
  for (const ParseSentence* s : sentences) {
    const std::size_t n = s->words.size();
    std::vector<int> heads(n);
    std::vector<Relation> relations(n);
    parser.parse(s->words.data(), s->tags.data(), n, heads.data(), relations.data());
    a.add(*s, heads, relations);
  }
  return a;
}

int run(int argc, char** argv) {
  Args args("parse", argc, argv);
  const std::string train_list = args.text("train", "", "UD files (CoNLL-U), comma-separated; one fold each");
  const std::string pos_train = args.text("pos-train", "", "other POS training files (CoNLL-2003 eng.train)");
  const std::string out_path = args.text("out", "", "the move model to write");
  const std::string relations_path = args.text("relations-out", "", "the relation model to write");
  const std::string card =
      args.text("card", "", "model card whose 'train parse' block gets this run's command");
  Options o;
  o.epochs = static_cast<int>(args.integer("epochs", o.epochs, "passes over the training trees"));
  o.bits = static_cast<int>(args.integer("bits", o.bits, "hash bits (2^bits weight rows before pruning)"));
  o.rows = static_cast<std::size_t>(args.integer("rows", static_cast<long>(o.rows), "move model rows kept"));
  o.levels = static_cast<int>(args.integer("levels", o.levels, "move model quantisation steps"));
  o.relation_rows = static_cast<std::size_t>(
      args.integer("relation-rows", static_cast<long>(o.relation_rows), "relation model rows kept"));
  o.relation_levels = static_cast<int>(
      args.integer("relation-levels", o.relation_levels, "relation model quantisation steps"));
  o.seed = static_cast<std::uint64_t>(args.integer("seed", static_cast<long>(o.seed), "random seed"));
  PosOptions pos;
  pos.rows = static_cast<std::size_t>(
      args.integer("pos-rows", static_cast<long>(pos.rows), "the POS model's --rows"));
  pos.levels = static_cast<int>(args.integer("pos-levels", pos.levels, "the POS model's --levels"));
  if (!args.finish(train_list.empty() || out_path.empty() || relations_path.empty()
                       ? "--train, --out and --relations-out are required"
                       : ""))
    return 2;
  pos.seed = o.seed;
  const std::vector<std::string> files = split_list(train_list);
  std::vector<std::vector<corpus::Sentence>> treebanks(files.size());
  for (std::size_t f = 0; f < files.size(); ++f) {
    corpus::Stats stats;
    if (!corpus::read_conllu(files[f], treebanks[f], stats)) {
      std::fprintf(stderr, "cannot read %s\n", files[f].c_str());
      return 1;
    }
    stats.print(files[f].c_str());
  }
  std::vector<corpus::Sentence> extra;
  for (const std::string& path : split_list(pos_train)) {
    corpus::Stats stats;
    if (!corpus::read_treebank(path, extra, stats)) {
      std::fprintf(stderr, "cannot read %s\n", path.c_str());
      return 1;
    }
  }
  // Each file's sentences, tagged by a POS model that never saw them.
  std::vector<std::vector<ParseSentence>> folds(files.size());
  for (std::size_t f = 0; f < files.size(); ++f) {
    std::vector<const corpus::Sentence*> pos_training;
    for (const corpus::Sentence& s : extra) pos_training.push_back(&s);
    for (std::size_t g = 0; g < files.size(); ++g) {
      if (g == f) continue;
      for (const corpus::Sentence& s : treebanks[g]) pos_training.push_back(&s);
    }
    std::fprintf(stderr, "tagging %s with a POS model of %zu other sentences\n", files[f].c_str(),
                 pos_training.size());
    articlescope::syntax::PosTagger tagger;
    if (!tagger.load(train_pos_model(pos_training, pos))) return 1;
    for (const corpus::Sentence& s : treebanks[f]) {
      if (!s.tree) continue;
      ParseSentence p;
      for (const std::string& t : s.tokens) p.words.push_back(describe(t));
      std::vector<std::string_view> words(s.tokens.begin(), s.tokens.end());
      p.tags = tagger.tag(words);
      p.heads = s.head;
      for (const std::string& r : s.rel) p.relations.push_back(articlescope::syntax::parse_relation(r));
      p.projective = is_projective(p.heads);
      folds[f].push_back(std::move(p));
    }
  }
  // Cross-validation: each file parsed by a parser trained on the others.
  std::string scores;
  Attachment total;
  for (std::size_t f = 0; f < files.size() && files.size() > 1; ++f) {
    std::vector<const ParseSentence*> training, held_out;
    for (std::size_t g = 0; g < files.size(); ++g) {
      for (const ParseSentence& s : folds[g]) (g == f ? held_out : training).push_back(&s);
    }
    const auto [moves, relations] = train_parser(training, o);
    Parser parser;
    if (!parser.load(moves, relations)) return 1;
    const Attachment a = evaluate(parser, held_out);
    scores += format("held out %s (trained on the other files): %s\n", files[f].c_str(), a.text().c_str());
    total.words += a.words, total.heads += a.heads, total.labelled += a.labelled;
    total.words_np += a.words_np, total.heads_np += a.heads_np, total.labelled_np += a.labelled_np;
  }
  if (files.size() > 1) scores += "cross-validated: " + total.text() + "\n";
  std::vector<const ParseSentence*> all;
  for (const auto& fold : folds) {
    for (const ParseSentence& s : fold) all.push_back(&s);
  }
  const auto [moves, relations] = train_parser(all, o);
  if (!write_file(out_path, moves) || !write_file(relations_path, relations)) return 1;
  Parser parser;
  if (!parser.load(moves, relations)) {
    std::fprintf(stderr, "the written models do not load\n");
    return 1;
  }
  scores =
      format("shipped (trained on every file): move model %zu bytes, relation model %zu bytes, %zu rows\n",
             moves.size(), relations.size(), parser.rows()) +
      scores;
  std::fputs(scores.c_str(), stderr);
  if (!card.empty() &&
      !write_card_block(card, "parse", "```\n" + args.command_line() + "\n\n" + scores + "```\n"))
    return 1;
  return 0;
}

const Registration kParse({"parse", "the dependency parser (UD EWT, cross-validated over its files)", run});

}  // namespace
}  // namespace train
