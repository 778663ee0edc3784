// The policy frame lexicon (core/data/policy_frames.txt): which words can state a provision (trigger
// sections, the candidates) and which words qualify one (cue sections, classifier features). Nothing in it is
// a hard gate: the learned models decide.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace articlescope::policy {

/// The sections of the lexicon, in the order of their bits. Trigger sections come first.
enum class Section : std::uint8_t {
  Permit,
  PermitNoun,
  Prohibit,
  ProhibitNoun,
  Restrict,
  RestrictNoun,
  Sanction,
  SanctionNoun,
  Lift,
  LiftNoun,
  Legalise,
  LegaliseNoun,
  Exempt,
  ExemptNoun,
  Impose,
  Cover,
  Except,
  Legality,
  Modal,
  // cue sections (features only)
  ProposalCue,
  Reporting,
  DecisionNoun,
  Negator,
  Continuation,
  PastMarker,
  Hedge,
  Condition,
  NewMarker,
  AbilityCue,
  Office,  ///< holders of authority over others (officials, leagues, employers): a feature and a rule cue
};
inline constexpr int kNumSections = static_cast<int>(Section::Office) + 1;
inline constexpr int kNumTriggerSections = static_cast<int>(Section::Modal) + 1;
/// A set of sections as bits.
using Sections = std::uint32_t;
constexpr Sections bit(Section s) { return Sections{1} << static_cast<int>(s); }
inline constexpr Sections kTriggerSections = (Sections{1} << kNumTriggerSections) - 1;
/// The verb frames of deciding: permitting, prohibiting, restricting, sanctioning, lifting, legalising,
/// exempting, imposing.
inline constexpr Sections kVerbFrameSections =
    bit(Section::Permit) | bit(Section::Prohibit) | bit(Section::Restrict) | bit(Section::Sanction) |
    bit(Section::Lift) | bit(Section::Legalise) | bit(Section::Exempt) | bit(Section::Impose);
/// Their nouns ("ban", "permission", "sanctions", "exemption").
inline constexpr Sections kNounFrameSections = bit(Section::PermitNoun) | bit(Section::ProhibitNoun) |
                                               bit(Section::RestrictNoun) | bit(Section::SanctionNoun) |
                                               bit(Section::LiftNoun) | bit(Section::LegaliseNoun) |
                                               bit(Section::ExemptNoun);
/// The nouns of restricting among them ("ban", "restrictions", "sanctions").
inline constexpr Sections kRestrictionNouns =
    bit(Section::ProhibitNoun) | bit(Section::RestrictNoun) | bit(Section::SanctionNoun);
/// The section's name as written in the lexicon file ("permit", "proposal_cue").
std::string_view section_name(Section s);

/// Verb forms as bits, since one surface form can be several ("banned": past and participle).
enum VerbForm : std::uint8_t {
  kBase = 1u << 0,
  kThird = 1u << 1,
  kPast = 1u << 2,
  kGerund = 1u << 3,
  kParticiple = 1u << 4,
};

/// A lexicon phrase found at a word position.
struct LexiconMatch {
  Section section = Section::Permit;
  std::uint8_t length = 0;  ///< words matched
  std::uint8_t forms = 0;   ///< VerbForm bits (0 for entries without forms)
  std::string_view lemma;   ///< the entry's first form ("ban" for "banned")
};

class Lexicon {
 public:
  /// The embedded lexicon, parsed once.
  static const Lexicon& embedded();
  /// Parses lexicon text (format at the top of core/data/policy_frames.txt). Unknown sections are ignored.
  static Lexicon parse(std::string_view text);

  /// Appends every phrase that starts at words[i] (normalised words: lower case, straight apostrophes).
  void matches_at(const std::vector<std::string>& words, std::size_t i, std::vector<LexiconMatch>& out) const;
  /// True when the single word is an entry of `section`.
  bool has(Section section, std::string_view word) const;
  int version() const { return version_; }
  std::size_t size() const { return entries_; }

 private:
  struct Phrase {
    std::vector<std::string> words;
    Section section;
    std::uint8_t forms;
    std::size_t lemma;  // index into lemmas_
  };
  struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<Phrase>, WordHash, std::equal_to<>> by_first_word_;
  std::vector<std::string> lemmas_;
  std::size_t entries_ = 0;
  int version_ = 0;
};

}  // namespace articlescope::policy
