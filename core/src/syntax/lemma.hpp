// English lemmas from a word and its POS tag: inflection rules (plural and third-person -s, -ed, -ing,
// comparatives, doubled consonants, a silent e), and a table of the forms the rules get wrong ("forbade",
// "added", "children"), derived by `train lemma` from UD EWT's lemma column (core/data/lemmas.txt).
#pragma once

#include "syntax/tags.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace articlescope::syntax {

/// The word class a lemma table entry applies to.
enum class LemmaClass : std::uint8_t {
  Noun,       ///< NN, NNS, NNP, NNPS
  Verb,       ///< VB, VBD, VBG, VBN, VBP, VBZ, MD
  Adjective,  ///< JJ, JJR, JJS
  Adverb,     ///< RB, RBR, RBS
  Other,      ///< every other tag (pronouns, determiners)
};
/// The class of a tag.
LemmaClass lemma_class(Pos pos);
/// The one-letter name of a class in the table file (N, V, J, R, O).
char lemma_class_letter(LemmaClass c);

/// The lemma the rules alone give for a normalised, lower-cased word (see normalise_word()) with its tag.
std::string rule_lemma(std::string_view lower, Pos pos);

/// Lemmas: the exceptions table first, then the rules.
class Lemmatiser {
 public:
  /// Reads a table: lines "CLASS<TAB>form<TAB>lemma" (CLASS one of N V J R O; '#' comments). Malformed
  /// lines are skipped. With `copy` false the text must outlive the lemmatiser.
  void load(std::string_view table, bool copy = true);
  /// Number of exceptions.
  std::size_t size() const { return count_; }
  /// The lemma of a word as written (any case, curly apostrophes) with its tag, lower-cased: "Banned"/VBD
  /// -> "ban", "don't"/VBP -> "do". Never empty for a non-empty word.
  std::string lemma(std::string_view word, Pos pos) const;
  /// The table's lemma of a normalised, lower-cased form in a class, or empty when the table has none.
  std::string_view exception(std::string_view lower, LemmaClass c) const;

 private:
  std::string owned_;
  std::vector<std::uint64_t> keys_;       // open addressing; 0 = empty
  std::vector<std::string_view> lemmas_;  // into the table text
  std::size_t count_ = 0;
};

/// The table compiled into the binary (core/data/lemmas.txt), loaded on first use.
const Lemmatiser& embedded_lemmatiser();

}  // namespace articlescope::syntax
