// The argument frame of a candidate, read from its syntax by the argument patterns of its frame (after
// PropBank's rolesets: "allow X to V" -> X the subject, V the action; "bar X from V-ing" -> X, V-ing; "a ban
// on X" -> X; "X was banned by Y" -> X, actor Y; "Y banned X" -> actor Y, action X). A feature of the role
// labeller, which learns when to trust it; never a decision of its own.
#pragma once

#include <cstdint>

#include "policy/candidates.hpp"
#include "policy/roles.hpp"
#include "policy/sentence.hpp"

namespace articlescope::policy {

/// Which pattern produced the frame (a feature value).
enum class Pattern : std::uint8_t {
  None,
  Object,         ///< "Y banned X": X
  ObjectTo,       ///< "allowed X to V": X subject, V action
  ObjectFrom,     ///< "barred X from V-ing": X subject, V-ing action
  NounOn,         ///< "a ban on X": X
  NounCompound,   ///< "an export ban": the modifier
  Passive,        ///< "X was banned (by Y)": X
  PassiveTo,      ///< "X was allowed to V": X subject, V action
  PassiveFrom,    ///< "X was barred from V-ing"
  ModalVerb,      ///< "X cannot V": X subject, V action
  Predicative,    ///< "X is illegal": X
  PredicativeTo,  ///< "it is illegal to V": V
};

struct ArgumentFrame {
  Pattern pattern = Pattern::None;
  WordRange action, subject, actor;
  /// A participial phrase or a name between commas stands between the party and "from".
  bool parenthetical = false;
};

/// Noun-phrase words: determiners, adjectives, nouns, numbers, possessives, pronouns.
bool is_np_word(const Word& w);
/// The noun phrase that ends at words[last - 1] (maximal run of noun-phrase words, with "of" chains).
WordRange np_ending_at(const SentenceView& s, std::size_t last, std::size_t floor);
/// The noun phrase that starts at words[first], with "of"/"for"/"in" prepositional tails of nouns.
WordRange np_starting_at(const SentenceView& s, std::size_t first, std::size_t ceiling);

/// Whether every word of `r` (not empty) belongs to a date mention ("Tuesday", "March 3").
bool is_date_phrase(const SentenceView& s, WordRange r);

/// The frame of candidate `c` in a tagged sentence (Pattern::None when the sentence is not tagged).
ArgumentFrame argument_frame(const SentenceView& s, const Candidate& c);

}  // namespace articlescope::policy
