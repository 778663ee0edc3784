#include "policy/features.hpp"

#include <algorithm>
#include <string>

#include "entities/features.hpp"
#include "learn/hash.hpp"
#include "policy/arguments.hpp"
#include "syntax/tags.hpp"

namespace articlescope::policy {

namespace {

// Template ids: one per feature template, never reused (the hash of a template changes every weight).
enum Template : std::uint32_t {
  kBias = 1,
  kLemma,
  kSection,
  kSectionForms,
  kLemmaForms,
  kGovernor,
  kGovernorSection,
  kGovernorLemma,
  kGovernorForms,
  kWindowWord,
  kWindowBigram,
  kPrevWordSection,
  kNextWordSection,
  kGroupModal,
  kGroupModalSection,
  kGroupNegSection,
  kGroupBeForms,
  kGroupHaveSection,
  kGroupToSection,
  kGroupModalNegSection,
  kPredicate,
  kPredicateSection,
  kPredicateCue,
  kCueBefore,
  kCueBeforeWord,
  kCueAfter,
  kCueAfterWord,
  kQuestion,
  kQuoted,
  kHeadline,
  kReportingAnywhere,
  kSentenceStartCue,
  kNextWord,
  kToAfter,
  kFromAfter,
  kOnAfter,
  kByAfter,
  kLeftEntity,
  kLeftWord,
  kLeftAbility,
  kRightWord,
  kRightAbility,
  kRightEntity,
  kFirstWord,
  kNeighbourCandidate,
  kCandidateCount,
  kNegBeforeClause,
  kLemmaNextWord,
  kLemmaPrevWord,
  kGroupBeSection,
  kBackoffModal,
  kBackoffNeg,
  kBackoffCueBefore,
  kBackoffCueAfter,
  kBackoffPredicate,
  kBackoffPredicateCue,
  kBackoffGroup,
  kBackoffLeftWord,
  kBackoffRightWord,
  kBackoffForms,
  kBackoffByAfter,
  kBackoffToAfter,
  kBackoffFromAfter,
  kPolarity,
  kPolarityGroup,
  kReading,
  kReadingForms,
  kReadingModal,
  kReadingCue,
  kPosHead,
  kPosHeadBackoff,
  kPosGovernor,
  kPosPrev,
  kPosNext,
  kSubjectHead,
  kSubjectHeadPos,
  kSubjectEntity,
  kSubjectAbility,
  kObjectHead,
  kObjectHeadPos,
  kFinite,
  kPosPrevNext,
  kSentenceWord,
  kPattern,
  kPatternBackoff,
  // role features
  kRBias = 100,
  kRWord,
  kRWordSide,
  kRWordSideSection,
  kRShapeSide,
  kREntitySide,
  kRCueSide,
  kRLemmaSideDist,
  kRSectionSideDist,
  kRPrevWordSide,
  kRNextWordSide,
  kRPunctBetween,
  kRCandidateBetween,
  kRRelativeBetween,
  kRToSide,
  kRFromSide,
  kRByBetween,
  kRReportingBetween,
  kRConditionBetween,
  kRExceptBetween,
  kRAfterWordSide,
  kRGovernorSide,
  kRPassiveSide,
  kRInClause,
  kRQuotedSide,
  kRDeterminer,
  kRPrevPunct,
  kRSectionSideTo,
  kRPos,
  kRPosSide,
  kRPosSideDist,
  kRPosPrevSide,
  kRPosNextSide,
  kRPosBigramSide,
  kRVerbsBetween,
  kRPosSection,
  kRPrepBetween,
  kRTriggerPos,
  kRFrame,
  kRFrameBackoff,
  kRFrameSection,
  kSubjectLemma,
  kObjectLemma,
  kClusterSubject,
  kClusterObject,
  kClusterPredicate,
  kClusterLeft,
  kClusterRight,
  kClusterWindow,
  kRClusterSide,
};

constexpr Sections kCueSections =
    bit(Section::ProposalCue) | bit(Section::Reporting) | bit(Section::DecisionNoun) | bit(Section::Negator) |
    bit(Section::Continuation) | bit(Section::PastMarker) | bit(Section::Hedge) | bit(Section::Condition) |
    bit(Section::NewMarker) | bit(Section::AbilityCue) | bit(Section::Except);

bool is_be(std::string_view w) {
  return w == "be" || w == "is" || w == "are" || w == "was" || w == "were" || w == "been" || w == "being" ||
         w == "'s" || w == "'re" || w == "am" || w == "isn't" || w == "aren't" || w == "wasn't" ||
         w == "weren't";
}
bool is_have(std::string_view w) {
  return w == "have" || w == "has" || w == "had" || w == "having" || w == "'ve" || w == "hasn't" ||
         w == "haven't" || w == "hadn't";
}
bool is_group_adverb(std::string_view w) {
  if (w.size() > 4 && w.substr(w.size() - 2) == "ly") return true;
  return w == "also" || w == "still" || w == "now" || w == "just" || w == "already" || w == "never" ||
         w == "not" || w == "no" || w == "longer" || w == "yet" || w == "even" || w == "only" ||
         w == "again" || w == "then" || w == "soon" || w == "effectively";
}
bool is_determiner(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "its" || w == "their" || w == "his" || w == "her" ||
         w == "this" || w == "that" || w == "these" || w == "those" || w == "our" || w == "your" ||
         w == "my" || w == "all" || w == "any" || w == "some" || w == "no" || w == "every" || w == "each";
}
bool is_relative(std::string_view w) {
  return w == "that" || w == "which" || w == "who" || w == "whom" || w == "whose";
}

int distance_bucket(std::size_t d) {
  if (d <= 3) return static_cast<int>(d);
  if (d <= 5) return 4;
  if (d <= 8) return 5;
  if (d <= 12) return 6;
  return 7;
}

int shape_of(const Word& w) {
  if (w.punct) return 0;
  if (w.capitalised) return 1;
  if (!w.lower.empty() && w.lower[0] >= '0' && w.lower[0] <= '9') return 2;
  return 3;
}

Sections cues_of(const Word& w) { return w.starts & kCueSections; }

template <class Emit>
void for_each_bit(Sections bits, Emit emit) {
  for (int b = 0; b < kNumSections; ++b) {
    if (bits & (Sections{1} << b)) emit(static_cast<std::uint32_t>(b));
  }
}

}  // namespace

std::uint32_t primary_section(Sections sections) {
  for (int b = 0; b < kNumTriggerSections; ++b) {
    if (sections & (Sections{1} << b)) return static_cast<std::uint32_t>(b);
  }
  return kNumTriggerSections;
}

VerbGroup verb_group(const SentenceView& s, std::size_t first) {
  VerbGroup g;
  g.begin = first;
  for (std::size_t k = 0; k < 6 && g.begin > 0; ++k) {
    const Word& w = s.words[g.begin - 1];
    const std::string_view l = w.lower;
    const bool modal = (w.starts & bit(Section::Modal)) != 0 || l == "would" || l == "will" || l == "'ll" ||
                       l == "wouldn't" || l == "won't" || l == "'d";
    if (modal) {
      if (g.modal.empty()) g.modal = l;
    } else if (w.negative) {
      g.negated = true;
    } else if (is_be(l)) {
      g.be = true;
      if (l.find("n't") != std::string_view::npos) g.negated = true;
    } else if (is_have(l)) {
      g.have = true;
      if (l.find("n't") != std::string_view::npos) g.negated = true;
    } else if (l == "to") {
      g.to = true;
    } else if (l == "get" || l == "gets" || l == "got" || l == "getting" || l == "gotten") {
      g.get = true;
    } else if (!is_group_adverb(l)) {
      break;
    }
    if (w.negative) g.negated = true;
    --g.begin;
  }
  return g;
}

std::size_t clause_begin(const SentenceView& s, std::size_t i) {
  while (i > 0 && !is_clause_punct(s.words[i - 1])) --i;
  return i;
}

std::size_t clause_end(const SentenceView& s, std::size_t i) {
  const std::size_t n = s.words.size();
  while (i < n && !is_clause_punct(s.words[i])) ++i;
  return i;
}

Reading reading_of(const SentenceView& s, const Candidate& c, const VerbGroup& group) {
  const auto frame = [&](Sections secs, std::string_view word) {
    if (secs & (bit(Section::Except) | bit(Section::Exempt) | bit(Section::ExemptNoun)))
      return Reading::Exclude;
    if (secs &
        (bit(Section::Lift) | bit(Section::LiftNoun) | bit(Section::Legalise) | bit(Section::LegaliseNoun)))
      return Reading::Lift;
    if (secs & bit(Section::Impose)) return Reading::Impose;
    if (secs & (bit(Section::Prohibit) | bit(Section::ProhibitNoun) | bit(Section::Restrict) |
                bit(Section::RestrictNoun) | bit(Section::Sanction) | bit(Section::SanctionNoun)))
      return Reading::Restrict;
    if (secs & (bit(Section::Permit) | bit(Section::PermitNoun))) return Reading::Permit;
    if (secs & bit(Section::Legality)) {
      const bool negative = word.substr(0, 2) == "il" || word.substr(0, 2) == "un" ||
                            word.substr(0, 2) == "im" || word.substr(0, 2) == "in" || word == "forbidden" ||
                            word == "prohibited" || word == "banned" || word == "off-limits" ||
                            word == "contraband" || word == "against";
      return negative ? Reading::Restrict : Reading::Permit;
    }
    if (secs & bit(Section::Modal)) {
      const bool negative = word.find("n't") != std::string_view::npos || word == "cannot" ||
                            word == "must" || word == "unable" || word == "no" || word == "shall";
      return negative ? Reading::Restrict : Reading::Permit;
    }
    if (secs & bit(Section::Cover)) return Reading::None;
    return Reading::None;
  };
  Reading r = frame(c.sections, s.words[c.head].lower);
  if (c.governor) {
    // A verb acting on a frame noun: lifting or revoking reverses it, imposing or granting keeps it.
    const Reading g = frame(c.governor_sections, s.words[*c.governor].lower);
    if (g == Reading::Lift)
      r = r == Reading::Permit ? Reading::Impose : Reading::Lift;
    else if (g == Reading::Impose)
      r = r == Reading::Permit ? Reading::Permit : Reading::Impose;
    else if (g == Reading::Restrict)
      r = r == Reading::Permit ? Reading::Restrict : r;
  }
  bool negated = group.negated;
  if (!negated && c.first > 0) {
    const std::string_view before = s.words[c.first - 1].lower;
    negated = before == "no" || before == "not" || before == "without";
  }
  if (s.words[c.head].covered & bit(Section::Cover)) {
    // "does not apply to", "does not cover": a carve-out when negated, nothing otherwise.
    return negated ? Reading::Exclude : Reading::None;
  }
  if (negated) {
    switch (r) {
      case Reading::Permit:
        return Reading::Restrict;
      case Reading::Restrict:
        return c.sections & bit(Section::Modal) ? Reading::Permit : Reading::Permit;
      case Reading::Lift:
        return Reading::Restrict;
      case Reading::Impose:
        return Reading::None;
      default:
        return r;
    }
  }
  return r;
}

// How far either side of the trigger its topic words are read.
constexpr std::size_t kTopicReach = 25;

namespace {

// The word's class (core/data/word_clusters.bin, shared with the entity tagger): words of similar use share
// it, so what the models learn for "court" carries over to "tribunal" they never saw. 0: no class.
std::uint32_t word_class(std::string_view lower) {
  return entities::embedded_word_clusters().path(learn::hash_bytes(lower));
}

}  // namespace

void status_features(const SentenceView& s, const std::vector<Candidate>& candidates, std::size_t k,
                     Features& out) {
  FeatureHasher f(out);
  const Candidate& c = candidates[k];
  const std::size_t n = s.words.size();
  const std::string_view lemma = c.lemma;
  const std::uint32_t primary = primary_section(c.sections);
  const Sections secs = c.sections;
  f(kBias);
  f(kLemma, lemma);
  f(kLemmaForms, lemma, c.forms);
  for_each_bit(secs, [&](std::uint32_t b) {
    f(kSection, b);
    f(kSectionForms, b, c.forms);
  });
  if (c.governor) {
    f(kGovernor, c.governor_lemma);
    f(kGovernorLemma, c.governor_lemma, lemma);
    f(kGovernorForms, primary_section(c.governor_sections), c.governor_forms);
    for_each_bit(c.governor_sections, [&](std::uint32_t b) { f(kGovernorSection, b, primary); });
  }

  // Words around the trigger phrase.
  const auto word = [&](std::ptrdiff_t at) -> std::string_view {
    if (at < 0) return "<s>";
    if (static_cast<std::size_t>(at) >= n) return "</s>";
    return s.words[static_cast<std::size_t>(at)].lower;
  };
  const auto first = static_cast<std::ptrdiff_t>(c.first), last = static_cast<std::ptrdiff_t>(c.last);
  for (int d = 1; d <= 3; ++d) {
    f(kWindowWord, -d, word(first - d));
    f(kWindowWord, d, word(last + d));
  }
  for (int d = 1; d <= 2; ++d) {
    if (const std::uint32_t cls = word_class(word(first - d)))
      f(kClusterWindow, -d, entities::cluster_prefix(cls, 6));
    if (const std::uint32_t cls = word_class(word(last + d)))
      f(kClusterWindow, d, entities::cluster_prefix(cls, 6));
  }
  f(kWindowBigram, -1, word(first - 2), word(first - 1));
  f(kWindowBigram, 1, word(last + 1), word(last + 2));
  f(kPrevWordSection, word(first - 1), primary);
  f(kNextWordSection, word(last + 1), primary);
  f(kLemmaNextWord, lemma, word(last + 1));
  f(kLemmaPrevWord, lemma, word(first - 1));

  // The verb group before the trigger.
  const VerbGroup g = verb_group(s, c.first);
  if (!g.modal.empty()) {
    f(kGroupModal, g.modal);
    f(kGroupModalSection, g.modal, primary);
    f(kGroupModalNegSection, g.modal, g.negated, primary);
  }
  f(kGroupNegSection, g.negated, primary);
  const Reading reading = reading_of(s, c, g);
  f(kReading, reading);
  f(kReadingForms, reading, c.governor ? c.governor_forms : c.forms, g.be, g.have);
  f(kReadingModal, reading, g.modal, g.to);
  f(kBackoffModal, g.modal);
  f(kBackoffNeg, g.negated, g.modal.empty());
  f(kBackoffGroup, g.be, g.have, g.to, g.get, g.negated);
  f(kBackoffForms, c.forms, g.be, g.have);
  // The polarity of the frame: permitting (permit, lift, legalise, exempt) or restricting, and whether the
  // verb group negates it ("not allowed" restricts, "cannot" restricts).
  const bool permits =
      (secs | c.governor_sections) &
      (bit(Section::Permit) | bit(Section::PermitNoun) | bit(Section::Lift) | bit(Section::LiftNoun) |
       bit(Section::Legalise) | bit(Section::LegaliseNoun) | bit(Section::Exempt) | bit(Section::ExemptNoun));
  f(kPolarity, permits, g.negated);
  f(kPolarityGroup, permits, g.negated, g.modal, g.be);
  f(kGroupBeForms, g.be, c.forms, primary);
  f(kGroupBeSection, g.be, g.get, g.have, primary);
  f(kGroupHaveSection, g.have, primary);
  f(kGroupToSection, g.to, primary);

  // The predicate above: the word before the verb group ("wants to ban", "called for a ban").
  std::size_t p = g.begin;
  while (p > 0 && is_determiner(s.words[p - 1].lower)) --p;
  if (p > 0) {
    const Word& pred = s.words[p - 1];
    f(kPredicate, pred.lower, g.to);
    f(kPredicateSection, pred.lower, primary);
    f(kBackoffPredicate, pred.lower);
    if (const std::uint32_t cls = word_class(pred.lower)) {
      f(kClusterPredicate, entities::cluster_prefix(cls, 6), g.to, primary);
    }
    for_each_bit(cues_of(pred) | (pred.starts & kTriggerSections), [&](std::uint32_t b) {
      f(kPredicateCue, b, g.to, primary);
      f(kBackoffPredicateCue, b, g.to);
    });
  }

  // Cues in the clause before and after the trigger.
  const std::size_t begin = clause_begin(s, c.first);
  const std::size_t end = clause_end(s, c.last + 1);
  Sections before = 0, sentence_before = 0;
  for (std::size_t j = 0; j < c.first; ++j) {
    const Sections cues = cues_of(s.words[j]);
    sentence_before |= cues;
    if (j >= begin) {
      before |= cues;
      if (cues) f(kCueBeforeWord, s.words[j].lower, primary);
    }
  }
  for_each_bit(before, [&](std::uint32_t b) {
    f(kReadingCue, reading, b);
    f(kCueBefore, b, primary, 1);
    f(kBackoffCueBefore, b, 1);
  });
  for_each_bit(sentence_before & ~before, [&](std::uint32_t b) { f(kBackoffCueBefore, b, 0); });
  for_each_bit(sentence_before & ~before, [&](std::uint32_t b) { f(kCueBefore, b, primary, 0); });
  Sections after = 0;
  for (std::size_t j = c.last + 1; j < n; ++j) {
    const Sections cues = cues_of(s.words[j]);
    after |= cues;
    if (cues && j < end) f(kCueAfterWord, s.words[j].lower, primary);
  }
  for_each_bit(after, [&](std::uint32_t b) {
    f(kCueAfter, b, primary);
    f(kBackoffCueAfter, b);
  });
  bool neg_before = false;
  for (std::size_t j = begin; j < g.begin; ++j) neg_before = neg_before || s.words[j].negative;
  f(kNegBeforeClause, neg_before, primary);

  f(kQuestion, s.question, primary);
  f(kQuoted, s.words[c.head].quoted, primary);
  f(kHeadline, s.headline, primary);
  if (!s.words.empty()) f(kSentenceStartCue, s.words[0].lower, primary);
  bool reporting = false;
  for (const Word& w : s.words) reporting = reporting || (w.starts & bit(Section::Reporting));
  f(kReportingAnywhere, reporting, primary);

  // Arguments: what follows the trigger, what precedes the verb group.
  f(kNextWord, word(last + 1), c.forms);
  std::size_t to = SIZE_MAX, from = SIZE_MAX, by = SIZE_MAX;
  for (std::size_t j = c.last + 1; j < end && j <= c.last + 8; ++j) {
    const std::string_view l = s.words[j].lower;
    if (l == "to" && to == SIZE_MAX) to = j;
    if (l == "from" && from == SIZE_MAX) from = j;
    if (l == "by" && by == SIZE_MAX) by = j;
  }
  if (to != SIZE_MAX) {
    f(kToAfter, distance_bucket(to - c.last), primary);
    f(kBackoffToAfter, distance_bucket(to - c.last));
  }
  if (from != SIZE_MAX) {
    f(kFromAfter, distance_bucket(from - c.last), primary);
    f(kBackoffFromAfter, distance_bucket(from - c.last));
  }
  if (by != SIZE_MAX) {
    f(kByAfter, distance_bucket(by - c.last), primary, g.be);
    f(kBackoffByAfter, distance_bucket(by - c.last), g.be);
  }
  if (c.last + 1 < n && s.words[c.last + 1].lower == "on") f(kOnAfter, primary);

  std::size_t left = g.begin;
  while (left > begin && s.words[left - 1].punct) --left;
  if (left > begin) {
    const Word& subject = s.words[left - 1];
    f(kLeftWord, subject.lower, primary);
    f(kBackoffLeftWord, subject.lower);
    if (const std::uint32_t cls = word_class(subject.lower))
      f(kClusterLeft, entities::cluster_prefix(cls, 6), primary);
    f(kLeftAbility, (subject.starts & bit(Section::AbilityCue)) != 0, primary);
  }
  for (std::size_t j = g.begin; j > begin && j + 6 > g.begin; --j) {
    if (s.words[j - 1].entity != kNoEntity) {
      f(kLeftEntity, s.words[j - 1].entity, primary);
      break;
    }
  }
  std::size_t right = c.last + 1;
  while (right < end && is_determiner(s.words[right].lower)) ++right;
  if (right < end) {
    const Word& object = s.words[right];
    f(kRightWord, object.lower, primary);
    f(kBackoffRightWord, object.lower);
    if (const std::uint32_t cls = word_class(object.lower))
      f(kClusterRight, entities::cluster_prefix(cls, 6), primary);
    f(kRightAbility, (object.starts & bit(Section::AbilityCue)) != 0, primary);
    if (object.entity != kNoEntity) f(kRightEntity, object.entity, primary);
  }
  f(kFirstWord, c.first == 0, primary);

  // Syntax: the trigger's part of speech, the heads of the noun phrases before and after it.
  if (s.tagged) {
    using syntax::Pos;
    const auto pos = [&](std::ptrdiff_t at) -> int {
      if (at < 0) return -1;
      if (static_cast<std::size_t>(at) >= n) return -2;
      return static_cast<int>(s.words[static_cast<std::size_t>(at)].pos);
    };
    const Pos head_pos = s.words[c.head].pos;
    f(kPosHead, head_pos, primary);
    f(kPosHeadBackoff, head_pos, g.be, g.have, !g.modal.empty());
    if (c.governor) f(kPosGovernor, s.words[*c.governor].pos, primary);
    f(kPosPrev, pos(first - 1), primary);
    f(kPosNext, pos(last + 1), primary);
    f(kPosPrevNext, pos(first - 1), pos(last + 1));
    // The sentence's topic: its content words (a ruling, a court, a market, a game).
    // Each word once: a word repeated through a long run-on text must not outweigh the trigger's context.
    std::vector<std::string_view> topic;
    for (std::size_t j = c.first > kTopicReach ? c.first - kTopicReach : 0;
         j < std::min(n, c.last + 1 + kTopicReach); ++j) {
      const Word& w = s.words[j];
      if (syntax::is_noun(w.pos) || syntax::is_verb(w.pos)) topic.push_back(w.lower);
    }
    std::sort(topic.begin(), topic.end());
    topic.erase(std::unique(topic.begin(), topic.end()), topic.end());
    for (const std::string_view topic_word : topic) f(kSentenceWord, topic_word);
    const Pos verb_pos = c.governor ? s.words[*c.governor].pos : head_pos;
    const bool finite = syntax::is_finite_verb(verb_pos) || verb_pos == Pos::MD;
    f(kFinite, finite, syntax::is_verb(verb_pos), primary);
    // The subject's head: the nearest noun or pronoun before the verb group, within the clause.
    for (std::size_t j = g.begin; j > begin; --j) {
      const Word& w = s.words[j - 1];
      if (syntax::is_noun(w.pos) || w.pos == Pos::PRP || w.pos == Pos::WDT || w.pos == Pos::WP) {
        f(kSubjectHead, w.lower, primary);
        if (const std::uint32_t cls = word_class(w.lower)) {
          f(kClusterSubject, entities::cluster_prefix(cls, 4), primary);
          f(kClusterSubject, cls, primary);
        }
        f(kSubjectLemma, w.lemma);
        f(kSubjectHeadPos, w.pos, primary);
        f(kSubjectEntity, w.entity, primary);
        f(kSubjectAbility, (w.starts & bit(Section::AbilityCue)) != 0,
          (w.starts & bit(Section::DecisionNoun)) != 0);
        break;
      }
      if (syntax::is_verb(w.pos)) break;
    }
    // The object's head: the first noun after the trigger, past determiners and modifiers.
    for (std::size_t j = c.last + 1; j < end && j <= c.last + 5; ++j) {
      const Word& w = s.words[j];
      if (syntax::is_noun(w.pos) || w.pos == Pos::PRP) {
        f(kObjectHead, w.lower, primary);
        if (const std::uint32_t cls = word_class(w.lower)) {
          f(kClusterObject, entities::cluster_prefix(cls, 4), primary);
          f(kClusterObject, cls, primary);
        }
        f(kObjectLemma, w.lemma, c.lemma);
        f(kObjectHeadPos, w.pos, primary);
        break;
      }
      if (syntax::is_verb(w.pos) || w.pos == Pos::IN || w.pos == Pos::TO) break;
    }
  }

  // Other candidates nearby.
  f(kCandidateCount, std::min<std::size_t>(candidates.size(), 3));
  if (k > 0 && candidates[k - 1].last + 6 >= c.first)
    f(kNeighbourCandidate, -1, primary_section(candidates[k - 1].sections), primary);
  if (k + 1 < candidates.size() && candidates[k + 1].first <= c.last + 6)
    f(kNeighbourCandidate, 1, primary_section(candidates[k + 1].sections), primary);
}

RoleContext role_context(const SentenceView& s, const Candidate& c) {
  RoleContext r;
  r.candidate = &c;
  r.group = verb_group(s, c.first);
  r.clause_begin = clause_begin(s, r.group.begin);
  r.clause_end = clause_end(s, c.last + 1);
  r.primary = primary_section(c.sections);
  const ArgumentFrame frame = argument_frame(s, c);
  r.frame = {static_cast<std::uint8_t>(frame.pattern),
             frame.action.first,
             frame.action.last,
             frame.subject.first,
             frame.subject.last,
             frame.actor.first,
             frame.actor.last};
  for (std::size_t j = c.last + 1; j < s.words.size(); ++j) {
    if (is_clause_punct(s.words[j])) break;
    const std::string_view l = s.words[j].lower;
    if (l == "to" && r.to_after == SIZE_MAX) r.to_after = j;
    if (l == "from" && r.from_after == SIZE_MAX) r.from_after = j;
    if (l == "by" && r.by_after == SIZE_MAX) r.by_after = j;
  }
  return r;
}

void role_features(const SentenceView& s, const RoleContext& r, std::size_t j, Features& out) {
  FeatureHasher f(out);
  const Candidate& c = *r.candidate;
  const Word& w = s.words[j];
  const std::uint32_t primary = r.primary;
  int side;
  std::size_t distance;
  if (j < c.first) {
    side = 0;
    distance = c.first - j;
  } else if (j > c.last) {
    side = 2;
    distance = j - c.last;
  } else {
    side = 1;
    distance = 0;
  }
  const int dist = distance_bucket(distance);
  f(kRBias, side);
  f(kRWord, w.lower);
  f(kRWordSide, w.lower, side);
  f(kRWordSideSection, w.lower, side, primary);
  f(kRShapeSide, shape_of(w), side, dist);
  f(kREntitySide, w.entity, w.entity_start, side);
  for_each_bit(cues_of(w), [&](std::uint32_t b) { f(kRCueSide, b, side, primary); });
  f(kRLemmaSideDist, c.lemma, side, dist);
  f(kRSectionSideDist, primary, side, dist);
  f(kRPrevWordSide, j > 0 ? std::string_view(s.words[j - 1].lower) : std::string_view("<s>"), side);
  f(kRNextWordSide,
    j + 1 < s.words.size() ? std::string_view(s.words[j + 1].lower) : std::string_view("</s>"), side);
  f(kRPrevPunct, j > 0 && s.words[j - 1].punct, side, primary);
  f(kRQuotedSide, w.quoted, side);
  f(kRDeterminer, is_determiner(w.lower), side, dist);
  if (const std::uint32_t cls = word_class(w.lower)) {
    f(kRClusterSide, entities::cluster_prefix(cls, 4), side);
    f(kRClusterSide, cls, side, primary);
  }

  // What lies between the trigger and this word.
  const std::size_t lo = side == 0 ? j + 1 : c.last + 1;
  const std::size_t hi = side == 0 ? c.first : j;
  int punct = 0;
  bool relative = false, by = false, reporting = false, condition = false, except = false, candidate = false;
  for (std::size_t k = lo; k < hi; ++k) {
    const Word& between = s.words[k];
    if (is_clause_punct(between)) ++punct;
    relative = relative || is_relative(between.lower);
    by = by || between.lower == "by";
    reporting = reporting || (between.starts & bit(Section::Reporting));
    condition = condition || (between.starts & bit(Section::Condition));
    except = except || (between.starts & bit(Section::Except));
    candidate = candidate || (between.starts & kTriggerSections);
  }
  f(kRPunctBetween, std::min(punct, 2), side, primary);
  f(kRCandidateBetween, candidate, side);
  f(kRRelativeBetween, relative, side);
  f(kRByBetween, by, side, r.group.be);
  f(kRReportingBetween, reporting, side);
  f(kRConditionBetween, condition, side);
  f(kRExceptBetween, except, side);
  f(kRInClause, j >= r.clause_begin && j < r.clause_end, side);
  if (side == 2) {
    // "allow X to V", "bar X from V-ing": X before the preposition, V after it.
    const int to_rel = r.to_after == SIZE_MAX ? 0 : j < r.to_after ? 1 : j == r.to_after ? 2 : 3;
    const int from_rel = r.from_after == SIZE_MAX ? 0 : j < r.from_after ? 1 : j == r.from_after ? 2 : 3;
    f(kRToSide, to_rel, primary, c.lemma);
    f(kRFromSide, from_rel, primary);
    f(kRSectionSideTo, to_rel, from_rel, primary, dist);
    const std::string_view next =
        c.last + 1 < s.words.size() ? std::string_view(s.words[c.last + 1].lower) : std::string_view("</s>");
    f(kRAfterWordSide, next, dist, primary);
  }
  if (c.governor) f(kRGovernorSide, c.governor_lemma, side, dist);
  f(kRPassiveSide, r.group.be, c.forms, side, primary);
  if (r.frame.pattern != 0) {
    // 1 action, 2 subject, 3 actor, 0 outside; x2 + 1 at a span's first word.
    const FrameSpans& fr = r.frame;
    int role = 0;
    bool first_word = false;
    if (j >= fr.action_first && j < fr.action_last)
      role = 1, first_word = j == fr.action_first;
    else if (j >= fr.subject_first && j < fr.subject_last)
      role = 2, first_word = j == fr.subject_first;
    else if (j >= fr.actor_first && j < fr.actor_last)
      role = 3, first_word = j == fr.actor_first;
    f(kRFrame, role, first_word, fr.pattern);
    f(kRFrameBackoff, role, first_word);
    f(kRFrameSection, role, first_word, primary, side);
  }
  if (s.tagged) {
    const auto pos_at = [&](std::ptrdiff_t at) -> int {
      if (at < 0) return -1;
      if (static_cast<std::size_t>(at) >= s.words.size()) return -2;
      return static_cast<int>(s.words[static_cast<std::size_t>(at)].pos);
    };
    const auto jj = static_cast<std::ptrdiff_t>(j);
    f(kRPos, w.pos);
    f(kRPosSide, w.pos, side);
    f(kRPosSideDist, w.pos, side, dist);
    f(kRPosPrevSide, pos_at(jj - 1), w.pos, side);
    f(kRPosNextSide, w.pos, pos_at(jj + 1), side);
    f(kRPosBigramSide, pos_at(jj - 1), pos_at(jj + 1), side);
    f(kRPosSection, w.pos, side, primary);
    f(kRTriggerPos, s.words[c.head].pos, w.pos, side);
    int verbs = 0;
    bool prep = false;
    for (std::size_t k = lo; k < hi; ++k) {
      verbs += syntax::is_verb(s.words[k].pos);
      prep = prep || s.words[k].pos == syntax::Pos::IN;
    }
    f(kRVerbsBetween, std::min(verbs, 2), side, primary);
    f(kRPrepBetween, prep, side, w.pos);
  }
}

}  // namespace articlescope::policy
