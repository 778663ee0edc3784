// One sentence as the policy stage reads it: normalised words with their lexicon matches, entity types,
// quotation depth and (once the syntax layer is in) part-of-speech tags.
#pragma once

#include <articlescope/articlescope.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "policy/lexicon.hpp"
#include "syntax/tags.hpp"
#include "text/segment.hpp"

namespace articlescope::policy {

/// Entity type of a word, or kNoEntity.
inline constexpr std::int8_t kNoEntity = -1;

struct Word {
  std::size_t start = 0;  ///< byte offsets into Article::text
  std::size_t end = 0;
  std::string_view text;  ///< as written
  std::string lower;      ///< lower case, curly apostrophes folded
  Sections starts = 0;    ///< sections with a phrase starting at this word
  Sections covered = 0;   ///< sections with a phrase covering this word
  std::int8_t entity = kNoEntity;  ///< EntityType of the mention covering the word
  bool entity_start = false;
  bool capitalised = false;
  bool punct = false;
  bool negative = false;  ///< a negator, or a contraction ending in n't
  bool quoted = false;    ///< inside quotation marks
  syntax::Pos pos = syntax::Pos::NN;  ///< part of speech (tagged when the sentence holds a trigger word)
  std::string lemma;                   ///< lemma (when tagged; else the lower-case word)
};

struct SentenceView {
  std::size_t start = 0;  ///< byte offsets of the sentence in Article::text
  std::size_t end = 0;
  std::vector<Word> words;
  std::vector<std::string> lowers;  ///< words[i].lower, for lexicon matching
  std::vector<std::vector<LexiconMatch>> matches;  ///< per word: the lexicon phrases starting there
  bool question = false;
  bool headline = false;  ///< a heading block or a line without final punctuation
  bool tagged = false;    ///< words[].pos were tagged (only sentences that hold a trigger word are)
};

/// Builds the view of tokens [first, last) of `index` (one sentence). `entities` are sorted by start; the
/// view reads those that fall inside the sentence.
SentenceView view_sentence(std::string_view text, const text::TextIndex& index, const text::Sentence& sentence,
                           const std::vector<Entity>& entities, bool heading);

/// A word as Word::lower holds it: lower case, curly apostrophes straightened.
std::string normalise_word(std::string_view raw);

/// An adverb of degree that modifies a preposition after it ("deep inside X", "right across Y", "far into
/// Z").
bool is_degree_adverb(std::string_view lower);
/// True when the word closes a clause for role and context purposes (, ; : dashes, brackets).
bool is_clause_punct(const Word& w);
/// Whether words[k] and words[k + 1] say that something is left untouched: "not affected", "not covered",
/// "not touched" (a decision named by a word for it then leaves it out: "not affected by the measures").
bool says_not_affected(const std::vector<Word>& words, std::size_t k);

/// Words the tagger misreads in ways that break the rules of structure, read again: a headline's verbs in "s"
/// read as plural nouns ("Japan lifts curbs on X"), "remains" before "in place" read as a noun, a noun in
/// "ly" read as an adverb ("the ally may V") or a noun of the lexicon read as an adjective ("The curfew
/// remains"), a verb of prohibiting read as a noun before a party and "from" with a gerund ("and bar
/// firms from V-ing"), a verb of the lexicon read as a plural noun after "still" ("The ministry still forbids
/// X") or a verb of covering so read ("The permission applies only to X"), an adverb of degree read as a
/// verb ("strikes deep inside X"), and a verb read as a preposition ("let residents use the pool"). Applied when provisions are read, not to the training examples: the models are trained
/// on the tagger's own reading, which the few such sentences of their data share.
void retag_misread_words(SentenceView& view);

}  // namespace articlescope::policy
