// The policy lexicon: trigger verbs, cue phrases and scope markers, parsed from core/data/policy_lexicon.txt.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace articlescope::policy {

/// Verb forms as bits, since one surface form can be several ("banned": past and participle).
enum VerbForm : std::uint8_t {
  kBase = 1u << 0,
  kThird = 1u << 1,
  kPast = 1u << 2,
  kGerund = 1u << 3,
  kParticiple = 1u << 4,
};

/// A verb of a verb section found in a word sequence.
struct VerbMatch {
  std::size_t length = 0;  ///< words matched; 0 when none
  std::uint8_t forms = 0;  ///< VerbForm bits of the surface form
  std::string lemma;       ///< the base form, e.g. "ban"
};

/// Sections of phrases, looked up by normalised (lower-case, straight-apostrophe) words.
class Lexicon {
 public:
  /// The embedded lexicon, parsed once.
  static const Lexicon& embedded();
  /// Parses lexicon text (the format is described at the top of core/data/policy_lexicon.txt).
  static Lexicon parse(std::string_view text);

  /// Length of the longest phrase of `section` starting at words[i]; 0 when none.
  std::size_t match(std::string_view section, const std::vector<std::string>& words, std::size_t i) const;
  /// True when the single word is an entry of `section`.
  bool has(std::string_view section, std::string_view word) const;
  /// The longest verb of a verb section starting at words[i].
  VerbMatch match_verb(std::string_view section, const std::vector<std::string>& words, std::size_t i) const;

  int version() const { return version_; }

 private:
  struct Phrase {
    std::vector<std::string> words;
    std::uint8_t forms = 0;
    std::string lemma;
  };
  // section -> first word -> phrases starting with it
  std::map<std::string, std::unordered_map<std::string, std::vector<Phrase>>, std::less<>> sections_;
  int version_ = 0;
};

}  // namespace articlescope::policy
