// Treebank reading for the syntax models: CoNLL-2003 (word, POS, chunk, NER columns) and CoNLL-U (UD EWT).
// Each sentence is re-tokenised by the project's own tokeniser (core/src/text/segment.cpp) and the gold
// annotation is projected onto those tokens, so that the models learn the tokens they will see:
//   - a gold word that is one of our tokens keeps its tags;
//   - gold words that our tokeniser keeps together as a contraction ("do" + "n't" -> "don't", UD's
//     multi-word tokens such as "cannot") give that token the first word's tag (don't/VBP, can't/MD);
//   - anything else (a hyphenated compound that UD splits, a gold word our tokeniser splits) has no
//     reliable gold tag: its tokens are marked -1, trained on only as context and left out of the scores.
// CoNLL-2003 has no text: it is rebuilt with spaces between words, clitics attached ("n't", "'s") and "--"
// written as an em dash, as web text has them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace corpus {

/// One sentence on our tokens, with its gold annotation.
struct Sentence {
  std::string doc;                  ///< document id (folds keep documents whole)
  std::string text;                 ///< the text that was tokenised
  std::vector<std::string> tokens;  ///< our tokens
  std::vector<int> pos;             ///< Pos class per token, -1 when no gold tag is reliable
  std::vector<int> chunk;           ///< chunk class per token (CoNLL-2003), -1 when unreliable or absent
  std::vector<int> head;            ///< head token per token, -1 for the root (valid when `tree`)
  std::vector<std::string> rel;     ///< base dependency relation per token (valid when `tree`)
  bool tree = false;  ///< every token has a projected head (UD, all groups one-to-one or merged)
  // The gold words as the treebank has them.
  std::vector<std::string> gold_forms;
  std::vector<std::string> gold_lemmas;  ///< UD only
  std::vector<int> gold_chunks;          ///< chunk class per gold word (CoNLL-2003), -1 when absent
  std::vector<std::string> gold_xpos;    ///< the tag in the Penn spelling of Pos (as written when outside it)
};

/// What the projection did, over a whole file.
struct Stats {
  std::size_t sentences = 0, skipped_sentences = 0, gold_words = 0, tokens = 0, one_to_one = 0,
              contractions = 0, unreliable = 0, trees = 0;
  void print(const char* name) const;
};

/// Reads a CoNLL-2003 file; false when it cannot be read.
bool read_conll2003(const std::string& path, std::vector<Sentence>& out, Stats& stats);
/// Reads a CoNLL-U file; false when it cannot be read.
bool read_conllu(const std::string& path, std::vector<Sentence>& out, Stats& stats);
/// Reads either format (CoNLL-U when the name ends with ".conllu").
bool read_treebank(const std::string& path, std::vector<Sentence>& out, Stats& stats);

}  // namespace corpus
