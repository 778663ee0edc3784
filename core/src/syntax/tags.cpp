#include "syntax/tags.hpp"

#include <array>

namespace articlescope::syntax {
namespace {

constexpr std::array<std::string_view, kNumPos> kPosNames = {
    "CC", "CD",  "DT",  "EX",   "FW",  "IN",    "JJ",    "JJR",  "JJS", "LS",  "MD",
    "NN", "NNS", "NNP", "NNPS", "PDT", "POS",   "PRP",   "PRP$", "RB",  "RBR", "RBS",
    "RP", "SYM", "TO",  "UH",   "VB",  "VBD",   "VBG",   "VBN",  "VBP", "VBZ", "WDT",
    "WP", "WP$", "WRB", "$",    "''",  "-LRB-", "-RRB-", ",",    ".",   ":"};

constexpr std::array<std::string_view, kNumPhrases> kPhraseNames = {
    "O", "NP", "VP", "PP", "ADVP", "ADJP", "SBAR", "PRT", "CONJP", "INTJ", "LST"};

}  // namespace

std::string_view to_string(Pos pos) {
  const auto k = static_cast<std::size_t>(pos);
  return k < kPosNames.size() ? kPosNames[k] : "";
}

bool parse_pos(std::string_view text, Pos& pos) {
  // Other spellings of the same tags in the two corpora (CoNLL-2003 writes brackets and quotes as themselves;
  // UD EWT writes a hyphen split off a compound as HYPH and stray punctuation as NFP).
  if (text == "``" || text == "\"") text = "''";
  if (text == "(") text = "-LRB-";
  if (text == ")") text = "-RRB-";
  if (text == "HYPH") text = ":";
  if (text == "NFP") text = "SYM";
  for (std::size_t k = 0; k < kPosNames.size(); ++k) {
    if (kPosNames[k] == text) {
      pos = static_cast<Pos>(k);
      return true;
    }
  }
  return false;
}

std::string_view to_string(Phrase phrase) {
  const auto k = static_cast<std::size_t>(phrase);
  return k < kPhraseNames.size() ? kPhraseNames[k] : "";
}

bool parse_phrase(std::string_view text, Phrase& phrase) {
  for (std::size_t k = 0; k < kPhraseNames.size(); ++k) {
    if (kPhraseNames[k] == text) {
      phrase = static_cast<Phrase>(k);
      return true;
    }
  }
  return false;
}

}  // namespace articlescope::syntax
