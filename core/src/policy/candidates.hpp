// Step 1 of the policy stage: candidate triggers, from the frame lexicon. A broad net: most candidates state
// no provision, and the status classifier (status.hpp) decides which do.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "policy/sentence.hpp"

namespace articlescope::policy {

struct Candidate {
  std::size_t first = 0;  ///< the trigger phrase: words [first, last] of the sentence (inclusive)
  std::size_t last = 0;
  std::size_t head = 0;              ///< the word whose entry names the frame ("ban" in "lifted the ban")
  Sections sections = 0;             ///< trigger sections of the head's entry
  std::string_view lemma;            ///< the head's lemma
  std::uint8_t forms = 0;            ///< VerbForm bits of the head
  std::optional<std::size_t> governor;  ///< a trigger verb governing a trigger noun ("lifted" the ban)
  Sections governor_sections = 0;
  std::string_view governor_lemma;
  std::uint8_t governor_forms = 0;
};

/// The candidates of one sentence, in text order, non-overlapping. `reading`: for reading provisions, not for
/// making training examples (a verb of the lexicon keeps its own candidate before a word of the noun list
/// that the tagger read as an adverb; the models are trained on the candidates of their data as they were).
std::vector<Candidate> find_candidates(const SentenceView& sentence, bool reading = false);

/// True when the sections hold a noun entry (ban, restrictions, approval, ...).
bool is_noun_frame(Sections sections);

}  // namespace articlescope::policy
