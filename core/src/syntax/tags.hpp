// The syntax layer's tag sets: Penn Treebank part-of-speech tags, chunk tags (CoNLL-2000 style, BIO) and
// dependency relations (Universal Dependencies, base relations). The enum values are the models' class
// indexes: never reorder them, a trained model depends on the values.
#pragma once

#include <cstdint>
#include <string_view>

namespace articlescope::syntax {

/// A Penn Treebank part-of-speech tag (the tag set of CoNLL-2003's POS column and of UD EWT's XPOS column;
/// all quotes share one tag, and UD's HYPH and NFP are read as ':' and SYM).
enum class Pos : std::uint8_t {
  CC,          ///< coordinating conjunction: and, or, but
  CD,          ///< cardinal number: 4,000, three
  DT,          ///< determiner: the, a, this, no
  EX,          ///< existential there
  FW,          ///< foreign word
  IN,          ///< preposition or subordinating conjunction: of, from, if, that (complementiser)
  JJ,          ///< adjective
  JJR,         ///< adjective, comparative: larger
  JJS,         ///< adjective, superlative: largest
  LS,          ///< list item marker
  MD,          ///< modal: may, can, will, must, should
  NN,          ///< noun, singular or mass: ban, trade
  NNS,         ///< noun, plural: sanctions, trucks
  NNP,         ///< proper noun, singular
  NNPS,        ///< proper noun, plural
  PDT,         ///< predeterminer: all (the), half (the)
  POS,         ///< possessive ending: 's
  PRP,         ///< personal pronoun: they, it
  PRPS,        ///< possessive pronoun (PRP$): their, its
  RB,          ///< adverb; also not, n't
  RBR,         ///< adverb, comparative
  RBS,         ///< adverb, superlative
  RP,          ///< particle: (lifted) up, (struck) down
  SYM,         ///< symbol
  TO,          ///< to (infinitive marker and preposition)
  UH,          ///< interjection
  VB,          ///< verb, base form: (may not) ban
  VBD,         ///< verb, past tense: banned
  VBG,         ///< verb, gerund or present participle: banning
  VBN,         ///< verb, past participle: (was) banned
  VBP,         ///< verb, non-3rd person singular present: ban
  VBZ,         ///< verb, 3rd person singular present: bans
  WDT,         ///< wh-determiner: which, that (relative)
  WP,          ///< wh-pronoun: who, what
  WPS,         ///< possessive wh-pronoun (WP$): whose
  WRB,         ///< wh-adverb: when, where, how
  Dollar,      ///< currency symbol ($)
  Quote,       ///< quotation mark, opening or closing (`` '' ")
  LeftParen,   ///< opening bracket (-LRB-)
  RightParen,  ///< closing bracket (-RRB-)
  Comma,       ///< comma (,)
  Period,      ///< sentence-final punctuation (. ! ?)
  Colon,       ///< colon, semicolon, dash, ellipsis (:)
};
/// Number of Pos values (the POS model's class count).
inline constexpr int kNumPos = static_cast<int>(Pos::Colon) + 1;

/// The Penn spelling of a tag ("VBD", "PRP$", "-LRB-", "''" for every quote).
std::string_view to_string(Pos pos);
/// Reads a Penn or UD XPOS spelling; false for tags outside the set (UD's ADD, GW, AFX, XX).
bool parse_pos(std::string_view text, Pos& pos);

/// True for VB, VBD, VBG, VBN, VBP, VBZ.
constexpr bool is_verb(Pos p) { return p >= Pos::VB && p <= Pos::VBZ; }
/// True for the finite forms VBD, VBP, VBZ (a modal, MD, is not among them).
constexpr bool is_finite_verb(Pos p) { return p == Pos::VBD || p == Pos::VBP || p == Pos::VBZ; }
/// True for NN, NNS, NNP, NNPS.
constexpr bool is_noun(Pos p) { return p >= Pos::NN && p <= Pos::NNPS; }
/// True for JJ, JJR, JJS.
constexpr bool is_adjective(Pos p) { return p >= Pos::JJ && p <= Pos::JJS; }
/// True for RB, RBR, RBS.
constexpr bool is_adverb(Pos p) { return p >= Pos::RB && p <= Pos::RBS; }
/// True for the punctuation tags (quotes, brackets, comma, period, colon).
constexpr bool is_punctuation(Pos p) { return p >= Pos::Quote; }

/// A chunk type (the CoNLL-2000 phrase types of CoNLL-2003's chunk column).
enum class Phrase : std::uint8_t {
  None,   ///< outside every chunk
  NP,     ///< noun phrase: the city council
  VP,     ///< verb group: may not have been banned
  PP,     ///< preposition: from, because of
  ADVP,   ///< adverb phrase
  ADJP,   ///< adjective phrase
  SBAR,   ///< subordinating conjunction: that, whether, because
  PRT,    ///< particle: (lifted) up
  CONJP,  ///< conjunction phrase: as well as, rather than
  INTJ,   ///< interjection
  LST,    ///< list marker
};
/// Number of Phrase values.
inline constexpr int kNumPhrases = static_cast<int>(Phrase::LST) + 1;

/// A token's chunk tag: the phrase it belongs to, and whether it begins that phrase (BIO).
struct Chunk {
  Phrase phrase = Phrase::None;  ///< None: outside (O)
  bool begin = false;            ///< true for the first token of a phrase (B-), false inside it (I-)
  bool operator==(const Chunk& o) const { return phrase == o.phrase && begin == o.begin; }
};
/// Number of chunk classes: O, then B- and I- of each phrase type.
inline constexpr int kNumChunkClasses = 1 + 2 * (kNumPhrases - 1);
/// The chunker's class index of a chunk tag (0 = O, then B-NP, I-NP, B-VP, ...).
constexpr int chunk_class(Chunk c) {
  return c.phrase == Phrase::None ? 0 : 1 + 2 * (static_cast<int>(c.phrase) - 1) + (c.begin ? 0 : 1);
}
/// The chunk tag of a class index.
constexpr Chunk chunk_of_class(int k) {
  return k <= 0 || k >= kNumChunkClasses ? Chunk{}
                                         : Chunk{static_cast<Phrase>(1 + (k - 1) / 2), (k - 1) % 2 == 0};
}
/// The phrase's name ("NP"; "O" for None).
std::string_view to_string(Phrase phrase);
/// Reads a phrase name ("NP", "O"); false for an unknown one.
bool parse_phrase(std::string_view text, Phrase& phrase);

}  // namespace articlescope::syntax
