// The policy lexicon: trigger verbs, cue phrases and scope markers, parsed from core/data/policy_lexicon.txt.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
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
  /// A phrase of one section, kept under its first word.
  struct Phrase {
    std::vector<std::string> words;
    std::uint8_t forms = 0;
    std::uint16_t section = 0;  ///< index into section_names_
    std::string lemma;
  };
  /// The phrases of every section that start with one word.
  using Phrases = std::vector<Phrase>;

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
  /// The phrases that start with `word`, null when none (most words): callers that ask about the same word
  /// section after section (the policy stage asks about every word) look it up once and pass it below.
  const Phrases* starting_with(std::string_view word) const;
  /// match_verb() and has() with words[i]'s (or the word's) phrases already looked up.
  VerbMatch match_verb(std::string_view section, const std::vector<std::string>& words, std::size_t i,
                       const Phrases* phrases) const;
  bool has(std::string_view section, const Phrases* phrases) const;

  int version() const { return version_; }

 private:
  struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  /// The index of a section name; section_names_.size() when there is none.
  std::size_t section_index(std::string_view section) const;

  std::vector<std::string> section_names_;
  std::vector<std::vector<std::uint16_t>> sections_by_size_;  // section ids by name length
  std::unordered_map<std::string, std::vector<Phrase>, WordHash, std::equal_to<>> by_first_word_;
  int version_ = 0;
};

}  // namespace articlescope::policy
