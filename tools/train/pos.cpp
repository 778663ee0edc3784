// `train pos`: the part-of-speech model (core/data/pos.model). A greedy averaged perceptron over the
// features of core/src/syntax/features.hpp, trained on treebanks re-tokenised by our tokeniser
// (syntax_corpus.hpp), pruned and quantised, then scored through the library's own tagger on held-out
// treebanks: overall and on words never seen in training, on our tokens and on the treebank's tokens.
//
//   train pos --train eng.train,en_ewt-ud-dev.conllu --test en_ewt-ud-test.conllu,eng.testa
//             --out core/data/pos.model [--card core/data/SYNTAX_MODEL.md] [--rows N] [--levels N] ...
#include "pos_training.hpp"

#include "greedy.hpp"
#include "syntax/pos.hpp"
#include "train.hpp"

#include <cstdio>
#include <set>

namespace train {
namespace {

using articlescope::syntax::describe;
using articlescope::syntax::kNumPos;
using articlescope::syntax::kStartTag;
using articlescope::syntax::Pos;
using articlescope::syntax::PosTagger;
using articlescope::syntax::WordInfo;

// The POS corpus of some sentences, with each token's word for the history features.
struct PosCorpus {
  SequenceCorpus tokens;
  std::vector<WordInfo> words;
};

PosCorpus build_corpus(const std::vector<const corpus::Sentence*>& sentences, int bits) {
  PosCorpus c;
  std::vector<WordInfo> words;
  std::vector<std::uint32_t> features;
  for (const corpus::Sentence* s : sentences) {
    words.clear();
    for (const std::string& t : s->tokens) words.push_back(describe(t));
    c.tokens.begin_sentence();
    for (std::size_t i = 0; i < words.size(); ++i) {
      features.clear();
      BucketSink sink{bits, features};
      articlescope::syntax::pos_word_features(words.data(), words.size(), i, sink);
      c.tokens.add_token(features, s->pos[i]);
      c.words.push_back(words[i]);
    }
  }
  return c;
}

GreedyTask task_of(const PosCorpus& c, int bits) {
  GreedyTask task;
  task.classes = kNumPos;
  task.start = kStartTag;
  task.history = [&c, bits](std::size_t k, std::uint64_t prev, std::uint64_t prev2,
                            std::vector<std::uint32_t>& out) {
    BucketSink sink{bits, out};
    articlescope::syntax::pos_history_features(c.words[k], prev, prev2, sink);
  };
  return task;
}

std::set<std::uint64_t> known_forms(const std::vector<const corpus::Sentence*>& sentences) {
  std::set<std::uint64_t> known;
  for (const corpus::Sentence* s : sentences) {
    for (const std::string& t : s->tokens) known.insert(describe(t).form);
  }
  return known;
}

struct Accuracy {
  std::size_t right = 0, total = 0, unknown_right = 0, unknown_total = 0;
  void add(bool correct, bool unknown) {
    ++total;
    right += correct;
    if (unknown) {
      ++unknown_total;
      unknown_right += correct;
    }
  }
  std::string text() const {
    const auto pct = [](std::size_t a, std::size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
    return format("%.2f%% of %zu tokens, unknown words %.2f%% of %zu", pct(right, total), total,
                  pct(unknown_right, unknown_total), unknown_total);
  }
};

// Per-tag recall and precision of the tags the policy stage leans on.
struct TagScores {
  std::size_t gold[kNumPos] = {}, found[kNumPos] = {}, right[kNumPos] = {};
  void add(int truth, int guess) {
    ++gold[truth];
    ++found[guess];
    right[truth] += truth == guess;
  }
  std::string text() const {
    std::string out;
    for (const Pos p :
         {Pos::VB, Pos::VBD, Pos::VBN, Pos::VBG, Pos::VBZ, Pos::VBP, Pos::MD, Pos::TO, Pos::IN, Pos::WDT}) {
      const auto k = static_cast<std::size_t>(p);
      if (gold[k] == 0) continue;
      out += format(" %s %.1f/%.1f", std::string(articlescope::syntax::to_string(p)).c_str(),
                    100.0 * double(right[k]) / double(gold[k]),
                    found[k] ? 100.0 * double(right[k]) / double(found[k]) : 0.0);
    }
    return out;
  }
};

// Scores the library's tagger on a treebank: on our tokens, and on the treebank's own tokens.
std::string score_file(const PosTagger& tagger, const std::string& path,
                       const std::set<std::uint64_t>& known) {
  std::vector<corpus::Sentence> sentences;
  corpus::Stats stats;
  if (!corpus::read_treebank(path, sentences, stats)) return "cannot read " + path + "\n";
  Accuracy ours, theirs;
  TagScores tags_ours;
  for (const corpus::Sentence& s : sentences) {
    std::vector<std::string_view> words(s.tokens.begin(), s.tokens.end());
    std::vector<Pos> tags = tagger.tag(words);
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (s.pos[i] < 0) continue;
      ours.add(static_cast<int>(tags[i]) == s.pos[i], known.count(describe(words[i]).form) == 0);
      tags_ours.add(s.pos[i], static_cast<int>(tags[i]));
    }
    words.assign(s.gold_forms.begin(), s.gold_forms.end());
    tags = tagger.tag(words);
    for (std::size_t i = 0; i < words.size(); ++i) {
      Pos gold;
      if (!articlescope::syntax::parse_pos(s.gold_xpos[i], gold)) continue;
      theirs.add(tags[i] == gold, known.count(describe(words[i]).form) == 0);
    }
  }
  return format(
      "%s (never trained on):\n  our tokens:      %s\n  treebank tokens: %s\n"
      "  recall/precision on our tokens:%s\n",
      path.c_str(), ours.text().c_str(), theirs.text().c_str(), tags_ours.text().c_str());
}

int run(int argc, char** argv) {
  Args args("pos", argc, argv);
  const std::string train_list =
      args.text("train", "", "training treebanks, comma-separated (CoNLL-2003, .conllu)");
  const std::string test_list =
      args.text("test", "", "held-out treebanks, comma-separated: scored at the end");
  const std::string out_path = args.text("out", "", "the model file to write");
  const std::string card =
      args.text("card", "", "model card whose 'train pos' block gets this run's command");
  PosOptions o;
  o.epochs = static_cast<int>(args.integer("epochs", o.epochs, "passes over the training data"));
  o.bits = static_cast<int>(args.integer("bits", o.bits, "hash bits (2^bits weight rows before pruning)"));
  o.rows =
      static_cast<std::size_t>(args.integer("rows", static_cast<long>(o.rows), "rows kept after pruning"));
  o.levels = static_cast<int>(args.integer("levels", o.levels, "quantisation steps either side of zero"));
  o.seed = static_cast<std::uint64_t>(args.integer("seed", static_cast<long>(o.seed), "random seed"));
  const long hold_out = args.integer(
      "hold-out", 0, "tuning only: every Nth training sentence is development data, not trained on");
  if (!args.finish(train_list.empty() || out_path.empty() ? "--train and --out are required"
                   : o.bits < 12 || o.bits > 24           ? "--bits must be 12..24"
                                                          : ""))
    return 2;
  std::vector<corpus::Sentence> all;
  for (const std::string& path : split_list(train_list)) {
    corpus::Stats stats;
    if (!corpus::read_treebank(path, all, stats)) {
      std::fprintf(stderr, "cannot read %s\n", path.c_str());
      return 1;
    }
    stats.print(path.c_str());
  }
  std::vector<const corpus::Sentence*> training, development;
  for (std::size_t k = 0; k < all.size(); ++k)
    (hold_out > 0 && k % static_cast<std::size_t>(hold_out) == 0 ? development : training).push_back(&all[k]);
  const std::string bytes = train_pos_model(training, o, development.empty() ? nullptr : &development);
  if (!write_file(out_path, bytes)) return 1;
  std::fprintf(stderr, "wrote %s: %zu bytes\n", out_path.c_str(), bytes.size());
  PosTagger tagger;
  if (!tagger.load(bytes)) {
    std::fprintf(stderr, "the written model does not load\n");
    return 1;
  }
  const std::set<std::uint64_t> known = known_forms(training);
  std::string scores = format("quantised model: %zu rows, %zu bytes\n", tagger.rows(), bytes.size());
  for (const std::string& path : split_list(test_list)) scores += score_file(tagger, path, known);
  std::fputs(scores.c_str(), stderr);
  if (!card.empty() &&
      !write_card_block(card, "pos", "```\n" + args.command_line() + "\n\n" + scores + "```\n"))
    return 1;
  return 0;
}

const Registration kPos({"pos", "the part-of-speech tagger (Penn tags; CoNLL-2003 and UD EWT)", run});

}  // namespace

std::string train_pos_model(const std::vector<const corpus::Sentence*>& sentences, const PosOptions& o,
                            const std::vector<const corpus::Sentence*>* development) {
  const PosCorpus c = build_corpus(sentences, o.bits);
  std::fprintf(stderr, "pos: %zu sentences, %zu tokens, %zu features\n", c.tokens.sentences.size(),
               c.tokens.gold.size(), c.tokens.features.size());
  PosCorpus dev;
  if (development) dev = build_corpus(*development, o.bits);
  const GreedyTask task = task_of(c, o.bits), dev_task = task_of(dev, o.bits);
  const SequenceCorpus* dev_tokens = development ? &dev.tokens : nullptr;
  const std::vector<float> weights =
      train_pruned(c.tokens, task, o.bits, o.epochs, o.seed, o.rows, dev_tokens, &dev_task);
  return encode_pruned(articlescope::syntax::kPosModelShape, o.bits, weights, o.rows, o.levels);
}

}  // namespace train
