// `train chunk`: the chunk model (core/data/chunk.model). The chunker learns from CoNLL-2003's chunk column
// with the POS tags the tagger would give, not the gold ones: the training documents are split into folds
// and each fold is tagged by a POS model trained without it (jackknifing), with the POS training setup of
// the shipped model. Scored on a held-out file tagged by the shipped POS model (chunk F1, conlleval style,
// on the treebank's tokens).
//
//   train chunk --train eng.train --pos-train eng.train,en_ewt-ud-dev.conllu --pos-model core/data/pos.model
//               --test eng.testa --out core/data/chunk.model [--folds 10] [--pos-rows N] ...
#include "syntax/chunk.hpp"
#include "greedy.hpp"
#include "pos_training.hpp"
#include "syntax/pos.hpp"
#include "syntax_corpus.hpp"
#include "train.hpp"

#include <array>
#include <map>
#include <set>
#include <tuple>

namespace train {
namespace {

using articlescope::syntax::Chunk;
using articlescope::syntax::Chunker;
using articlescope::syntax::describe;
using articlescope::syntax::kNumChunkClasses;
using articlescope::syntax::kStartTag;
using articlescope::syntax::Pos;
using articlescope::syntax::PosTagger;
using articlescope::syntax::WordInfo;

// The chunk corpus with what the history features need per token: its word and its (predicted) POS tag.
struct ChunkCorpus {
  SequenceCorpus tokens;
  std::vector<WordInfo> words;
  std::vector<Pos> tags;
};

void add_sentence(ChunkCorpus& c, const corpus::Sentence& s, const std::vector<Pos>& tags, int bits) {
  std::vector<WordInfo> words;
  for (const std::string& t : s.tokens) words.push_back(describe(t));
  std::vector<std::uint32_t> features;
  c.tokens.begin_sentence();
  for (std::size_t i = 0; i < words.size(); ++i) {
    features.clear();
    BucketSink sink{bits, features};
    articlescope::syntax::chunk_word_features(words.data(), tags.data(), words.size(), i, sink);
    c.tokens.add_token(features, s.chunk[i]);
    c.words.push_back(words[i]);
    c.tags.push_back(tags[i]);
  }
}

GreedyTask task_of(const ChunkCorpus& c, int bits) {
  GreedyTask task;
  task.classes = kNumChunkClasses;
  task.start = kStartTag;
  task.history = [&c, bits](std::size_t k, std::uint64_t prev, std::uint64_t prev2,
                            std::vector<std::uint32_t>& out) {
    using articlescope::learn::feature_bucket;
    out.push_back(feature_bucket(articlescope::syntax::chunk_prev_feature(prev, c.tags[k]), bits));
    out.push_back(feature_bucket(articlescope::syntax::chunk_prev_pair_feature(prev2, prev), bits));
    out.push_back(
        feature_bucket(articlescope::syntax::chunk_prev_form_feature(prev, c.words[k], c.tags[k]), bits));
  };
  task.allowed = articlescope::syntax::chunk_transition_allowed;
  return task;
}

std::vector<Pos> tag_tokens(const PosTagger& tagger, const std::vector<std::string>& tokens) {
  std::vector<std::string_view> words(tokens.begin(), tokens.end());
  return tagger.tag(words);
}

// Chunks (type, first, end) of a BIO sequence of chunk classes, read leniently (an I- after another phrase
// starts a chunk), as conlleval does.
std::set<std::tuple<int, std::size_t, std::size_t>> chunks_of(const std::vector<Chunk>& tags) {
  std::set<std::tuple<int, std::size_t, std::size_t>> out;
  std::size_t start = 0;
  int open = 0;
  for (std::size_t i = 0; i <= tags.size(); ++i) {
    const Chunk c = i < tags.size() ? tags[i] : Chunk{};
    const int phrase = static_cast<int>(c.phrase);
    const bool continues = phrase != 0 && !c.begin && phrase == open;
    if (open != 0 && !continues) out.emplace(open, start, i);
    if (!continues) {
      open = phrase;
      start = i;
    }
  }
  return out;
}

struct F1 {
  long right = 0, found = 0, gold = 0;
  std::map<int, std::array<long, 3>> by_phrase;
  void add(const std::vector<Chunk>& truth, const std::vector<Chunk>& guess) {
    const auto t = chunks_of(truth), g = chunks_of(guess);
    for (const auto& c : g) {
      const bool ok = t.count(c) > 0;
      right += ok;
      by_phrase[std::get<0>(c)][0] += ok;
      by_phrase[std::get<0>(c)][1] += 1;
    }
    for (const auto& c : t) by_phrase[std::get<0>(c)][2] += 1;
    found += static_cast<long>(g.size());
    gold += static_cast<long>(t.size());
  }
  static double f1(long r, long f, long g) { return f + g ? 200.0 * double(r) / double(f + g) : 0.0; }
  std::string text() const {
    std::string out = format("F1 %.2f (precision %.2f, recall %.2f, %ld chunks)", f1(right, found, gold),
                             found ? 100.0 * double(right) / double(found) : 0.0,
                             gold ? 100.0 * double(right) / double(gold) : 0.0, gold);
    for (const auto& [phrase, counts] : by_phrase) {
      if (counts[2] < 100) continue;
      out += format(
          "; %s %.2f",
          std::string(articlescope::syntax::to_string(static_cast<articlescope::syntax::Phrase>(phrase)))
              .c_str(),
          f1(counts[0], counts[1], counts[2]));
    }
    return out;
  }
};

std::string score_file(const Chunker& chunker, const PosTagger& tagger, const std::string& path) {
  std::vector<corpus::Sentence> sentences;
  corpus::Stats stats;
  if (!corpus::read_conll2003(path, sentences, stats)) return "cannot read " + path + "\n";
  // Gold chunks of the treebank's own tokens: the chunk column again, read word by word.
  F1 treebank;
  std::size_t right = 0, total = 0;
  for (const corpus::Sentence& s : sentences) {
    // Our tokens: token accuracy where the gold tag is reliable.
    std::vector<WordInfo> words;
    for (const std::string& t : s.tokens) words.push_back(describe(t));
    std::vector<Pos> tags = tag_tokens(tagger, s.tokens);
    std::vector<Chunk> out(words.size());
    chunker.chunk(words.data(), tags.data(), words.size(), out.data());
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (s.chunk[i] < 0) continue;
      ++total;
      right += articlescope::syntax::chunk_class(out[i]) == s.chunk[i];
    }
  }
  // The treebank's tokens, with their gold chunks.
  for (const corpus::Sentence& s : sentences) {
    std::vector<WordInfo> words;
    for (const std::string& t : s.gold_forms) words.push_back(describe(t));
    std::vector<Pos> tags = tag_tokens(tagger, s.gold_forms);
    std::vector<Chunk> out(words.size());
    chunker.chunk(words.data(), tags.data(), words.size(), out.data());
    std::vector<Chunk> truth;
    for (const int c : s.gold_chunks) truth.push_back(articlescope::syntax::chunk_of_class(c));
    treebank.add(truth, out);
  }
  return format(
      "%s (never trained on), POS tags from the shipped tagger:\n  treebank tokens: %s\n"
      "  our tokens: chunk tag accuracy %.2f%% of %zu tokens\n",
      path.c_str(), treebank.text().c_str(), total ? 100.0 * double(right) / double(total) : 0.0, total);
}

int run(int argc, char** argv) {
  Args args("chunk", argc, argv);
  const std::string train_path = args.text("train", "", "CoNLL-2003 file with the chunk column (eng.train)");
  const std::string pos_train = args.text("pos-train", "",
                                          "the POS model's training files, comma-separated "
                                          "(jackknifing trains on them without each fold)");
  const std::string pos_model = args.text("pos-model", "", "the shipped POS model (tags the test file)");
  const std::string test = args.text("test", "", "held-out CoNLL-2003 file (eng.testa)");
  const std::string out_path = args.text("out", "", "the model file to write");
  const std::string card =
      args.text("card", "", "model card whose 'train chunk' block gets this run's command");
  const long folds = args.integer("folds", 10, "jackknifing folds");
  PosOptions pos;
  pos.epochs = static_cast<int>(args.integer("pos-epochs", pos.epochs, "the POS model's --epochs"));
  pos.bits = static_cast<int>(args.integer("pos-bits", pos.bits, "the POS model's --bits"));
  pos.rows = static_cast<std::size_t>(
      args.integer("pos-rows", static_cast<long>(pos.rows), "the POS model's --rows"));
  pos.levels = static_cast<int>(args.integer("pos-levels", pos.levels, "the POS model's --levels"));
  const int epochs = static_cast<int>(args.integer("epochs", 8, "passes over the training data"));
  const int bits =
      static_cast<int>(args.integer("bits", 18, "hash bits (2^bits weight rows before pruning)"));
  const auto rows = static_cast<std::size_t>(args.integer("rows", 3000, "rows kept after pruning"));
  const int levels = static_cast<int>(
      args.integer("levels", 7, "quantisation steps either side of zero (of the median row)"));
  const auto seed = static_cast<std::uint64_t>(args.integer("seed", 1, "random seed"));
  if (!args.finish(train_path.empty() || pos_train.empty() || out_path.empty()
                       ? "--train, --pos-train and --out are required"
                   : folds < 2 ? "--folds must be at least 2"
                               : ""))
    return 2;
  pos.seed = seed;
  // The POS training data, with the chunk training file's sentences marked by fold (documents kept whole).
  std::vector<corpus::Sentence> all;
  std::vector<long> fold_of;  // -1: not chunk training data
  for (const std::string& path : split_list(pos_train)) {
    corpus::Stats stats;
    const std::size_t before = all.size();
    if (!corpus::read_treebank(path, all, stats)) {
      std::fprintf(stderr, "cannot read %s\n", path.c_str());
      return 1;
    }
    std::map<std::string, long> doc_index;
    for (std::size_t k = before; k < all.size(); ++k) {
      const long doc = doc_index.emplace(all[k].doc, static_cast<long>(doc_index.size())).first->second;
      fold_of.push_back(path == train_path ? doc % folds : -1);
    }
  }
  ChunkCorpus c;
  std::size_t pos_right = 0, pos_total = 0;
  for (long fold = 0; fold < folds; ++fold) {
    std::vector<const corpus::Sentence*> pos_training;
    for (std::size_t k = 0; k < all.size(); ++k) {
      if (fold_of[k] != fold) pos_training.push_back(&all[k]);
    }
    std::fprintf(stderr, "fold %ld of %ld: POS model on %zu sentences\n", fold + 1, folds,
                 pos_training.size());
    PosTagger tagger;
    if (!tagger.load(train_pos_model(pos_training, pos))) return 1;
    for (std::size_t k = 0; k < all.size(); ++k) {
      if (fold_of[k] != fold) continue;
      const std::vector<Pos> tags = tag_tokens(tagger, all[k].tokens);
      for (std::size_t i = 0; i < tags.size(); ++i) {
        if (all[k].pos[i] < 0) continue;
        ++pos_total;
        pos_right += static_cast<int>(tags[i]) == all[k].pos[i];
      }
      add_sentence(c, all[k], tags, bits);
    }
  }
  std::fprintf(stderr, "jackknifed POS tags: %.2f%% right\n",
               pos_total ? 100.0 * double(pos_right) / double(pos_total) : 0.0);
  std::fprintf(stderr, "chunk: %zu sentences, %zu tokens\n", c.tokens.sentences.size(), c.tokens.gold.size());
  const GreedyTask task = task_of(c, bits);
  const std::vector<float> weights = train_pruned(c.tokens, task, bits, epochs, seed, rows);
  const std::string bytes =
      encode_pruned(articlescope::syntax::kChunkModelShape, bits, weights, rows, levels);
  if (!write_file(out_path, bytes)) return 1;
  Chunker chunker;
  if (!chunker.load(bytes)) {
    std::fprintf(stderr, "the written model does not load\n");
    return 1;
  }
  std::string scores = format("quantised model: %zu rows, %zu bytes\n", chunker.rows(), bytes.size());
  PosTagger tagger;
  std::string model;
  if (!test.empty()) {
    if (!read_file(pos_model, model) || !tagger.load(model)) {
      std::fprintf(stderr, "cannot load the POS model %s\n", pos_model.c_str());
      return 1;
    }
    scores += score_file(chunker, tagger, test);
  }
  std::fputs(scores.c_str(), stderr);
  if (!card.empty() &&
      !write_card_block(card, "chunk", "```\n" + args.command_line() + "\n\n" + scores + "```\n"))
    return 1;
  return 0;
}

const Registration kChunk({"chunk", "the chunker (CoNLL-2003 chunks, jackknifed POS tags)", run});

}  // namespace
}  // namespace train
