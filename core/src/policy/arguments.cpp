#include "policy/arguments.hpp"

#include "policy/features.hpp"
#include "syntax/tags.hpp"

namespace articlescope::policy {

namespace {

using syntax::Pos;

bool is_np_pos(Pos p) {
  return syntax::is_noun(p) || syntax::is_adjective(p) || p == Pos::DT || p == Pos::PDT || p == Pos::CD ||
         p == Pos::PRPS || p == Pos::POS || p == Pos::PRP || p == Pos::VBG || p == Pos::Quote;
}

// A verb phrase's extent from words[first]: up to the clause end (commas and dashes end it).
WordRange clause_from(const SentenceView& s, std::size_t first, std::size_t end) {
  return first < end ? WordRange{first, end} : WordRange{};
}

bool is_auxiliary(const Word& w) {
  const std::string_view l = w.lower;
  return l == "had" || l == "has" || l == "have" || l == "was" || l == "were" || l == "is" || l == "are" ||
         l == "been" || l == "be" || l == "would" || l == "will";
}

// "the howitzers, delivered since spring, from being fired", "the coach, Ana Lind, from all games": the word
// after a participial phrase or a name set off by commas that starts at words[k] (a comma), or k when there
// is none.
std::size_t past_parenthetical(const SentenceView& s, std::size_t k) {
  const std::size_t n = s.words.size();
  if (k + 2 >= n || s.words[k].text != ",") return k;
  if (s.words[k + 1].entity_start) {
    std::size_t m = k + 2;
    while (m < n && s.words[m].entity == s.words[k + 1].entity && !s.words[m].entity_start) ++m;
    return m < n && s.words[m].text == "," ? m + 1 : k;
  }
  if (!(s.words[k + 1].pos == Pos::VBN || s.words[k + 1].pos == Pos::VBD || s.words[k + 1].pos == Pos::VBG))
    return k;
  for (std::size_t m = k + 2; m < n && m <= k + 9; ++m) {
    if (s.words[m].text == ",") return m + 1;
    if (is_clause_punct(s.words[m])) break;
  }
  return k;
}

}  // namespace

bool is_date_phrase(const SentenceView& s, WordRange r) {
  bool date = !r.empty();
  for (std::size_t k = r.first; k < r.last && date; ++k)
    date = s.words[k].entity == static_cast<std::int8_t>(EntityType::Date);
  return date;
}

bool is_np_word(const Word& w) { return !w.punct && is_np_pos(w.pos); }

WordRange np_ending_at(const SentenceView& s, std::size_t last, std::size_t floor) {
  std::size_t first = last;
  while (first > floor) {
    const Word& w = s.words[first - 1];
    if (is_np_word(w) && !(w.pos == Pos::VBG && first < last)) {
      --first;
    } else if ((w.lower == "of" || w.lower == "and") && first - 1 > floor && first < last &&
               is_np_word(s.words[first - 2])) {
      --first;
    } else {
      break;
    }
  }
  return {first, last};
}

WordRange np_starting_at(const SentenceView& s, std::size_t first, std::size_t ceiling) {
  std::size_t last = first;
  while (last < ceiling) {
    const Word& w = s.words[last];
    if (is_np_word(w) && !(w.pos == Pos::VBG && last > first && syntax::is_noun(s.words[last - 1].pos))) {
      ++last;
    } else if ((w.lower == "of" || w.lower == "for" || w.lower == "and") && last > first &&
               last + 1 < ceiling && is_np_word(s.words[last + 1])) {
      ++last;
    } else {
      break;
    }
  }
  return {first, last};
}

ArgumentFrame argument_frame(const SentenceView& s, const Candidate& c) {
  ArgumentFrame f;
  if (!s.tagged) return f;
  const std::size_t n = s.words.size();
  const VerbGroup g = verb_group(s, c.first);
  const std::size_t begin = clause_begin(s, g.begin);
  const std::size_t end = clause_end(s, c.last + 1);
  const Word& head = s.words[c.head];
  const auto word = [&](std::size_t k) -> std::string_view {
    return k < n ? std::string_view(s.words[k].lower) : "";
  };
  WordRange left = g.begin > begin ? np_ending_at(s, g.begin, begin) : WordRange{};
  // "The council last week banned X", "The council on Monday banned X": the party is before the time phrase.
  std::size_t party_end = left.last;
  while (party_end > left.first && is_date_phrase(s, {party_end - 1, party_end})) --party_end;
  if (party_end == left.first && !left.empty()) {
    std::size_t k = left.first;
    if (k > begin && s.words[k - 1].pos == Pos::IN) --k;
    const WordRange before = k > begin ? np_ending_at(s, k, begin) : WordRange{};
    if (!before.empty() && !is_date_phrase(s, before)) left = before;
  } else {
    left.last = party_end;
  }
  // "by Y" after the trigger names the actor of a passive.
  const auto by_agent = [&](std::size_t from) {
    for (std::size_t k = from; k < end; ++k) {
      if (s.words[k].lower == "by") {
        const WordRange agent = np_starting_at(s, k + 1, end);
        // "by 2016", "by the end of May": a deadline, not who decides.
        if (!agent.empty() && !is_date_phrase(s, agent)) return agent;
      }
    }
    return WordRange{};
  };
  // "from May", "from next month": when a decision starts, not what it bars anyone from.
  const auto from_date = [&](std::size_t from) {
    return is_date_phrase(s, np_starting_at(s, from + 1, end));
  };
  // "barred X from V-ing", also past a participial phrase between commas ("kept X, delivered in May, from
  // V-ing"; the clause then runs on past the commas): X the subject, V-ing the action. False when no "from"
  // with words after it follows the party.
  const auto read_object_from = [&](WordRange party) {
    if (party.empty()) return false;
    const std::size_t from = past_parenthetical(s, party.last);
    const std::size_t from_end = from == party.last ? end : clause_end(s, from);
    if (word(from) != "from" || from + 1 >= from_end || from_date(from)) return false;
    f.pattern = Pattern::ObjectFrom;
    f.subject = party;
    f.action = clause_from(s, from + 1, from_end);
    f.parenthetical = from != party.last;
    return true;
  };

  // Noun triggers: "a ban on X", "an export ban", "X ban".
  if (syntax::is_noun(head.pos) && !c.governor) {
    if (word(c.last + 1) == "on" || word(c.last + 1) == "against" || word(c.last + 1) == "of" ||
        word(c.last + 1) == "to") {
      f.pattern = Pattern::NounOn;
      f.action = np_starting_at(s, c.last + 2, end);
      // "the blacklist on Tuesday": a date says when, not what the restriction is on.
      if (is_date_phrase(s, f.action)) f.action = {};
      // "a ban on X entering Y": X the subject, the gerund clause the action.
      if (!f.action.empty() && f.action.last < end && s.words[f.action.last].pos == Pos::VBG) {
        f.subject = f.action;
        f.action = clause_from(s, f.action.last, end);
      }
    } else if (c.first > begin && syntax::is_noun(s.words[c.first - 1].pos)) {
      f.pattern = Pattern::NounCompound;
      WordRange mod = np_ending_at(s, c.first, begin);
      while (!mod.empty() && !syntax::is_noun(s.words[mod.first].pos) &&
             !syntax::is_adjective(s.words[mod.first].pos))
        ++mod.first;
      f.action = mod;
    }
    return f;
  }
  if (c.governor) {
    // "lifted the ban on X": the noun's complement, else the noun phrase itself.
    f.pattern = Pattern::Object;
    f.actor = left;
    if (word(c.last + 1) == "on" || word(c.last + 1) == "against") {
      f.action = np_starting_at(s, c.last + 2, end);
      return f;
    }
    f.action = np_starting_at(s, c.first + 1, end);
    // "lifted a restriction that had kept X from V-ing": the restriction's content is its relative clause.
    std::size_t k = c.last + 1;
    if (word(k) == "that" || word(k) == "which") {
      ++k;
      while (k < end &&
             (s.words[k].pos == Pos::MD || is_auxiliary(s.words[k]) || syntax::is_adverb(s.words[k].pos)))
        ++k;
      if (k < end && (s.words[k].starts & (bit(Section::Prohibit) | bit(Section::Restrict)))) {
        read_object_from(np_starting_at(s, k + 1, end));
      }
    }
    return f;
  }
  // Adjectives: "X is illegal", "it is illegal to V".
  if (syntax::is_adjective(head.pos) ||
      (head.starts & bit(Section::Legality) && !syntax::is_verb(head.pos))) {
    if (word(c.last + 1) == "to" && c.last + 2 < end) {
      f.pattern = Pattern::PredicativeTo;
      f.action = clause_from(s, c.last + 2, end);
    } else {
      f.pattern = Pattern::Predicative;
      f.action = left;
    }
    return f;
  }
  // Modals: "X cannot V".
  if (c.sections == bit(Section::Modal)) {
    std::size_t k = c.last + 1;
    while (k < end && (s.words[k].negative || syntax::is_adverb(s.words[k].pos))) ++k;
    if (k < end && syntax::is_verb(s.words[k].pos)) {
      f.pattern = Pattern::ModalVerb;
      f.subject = left;
      f.action = clause_from(s, k, end);
    }
    return f;
  }
  if (!syntax::is_verb(head.pos)) return f;
  const bool passive = (g.be || g.get) && (head.pos == Pos::VBN || head.pos == Pos::VBD);
  std::size_t after = c.last + 1;
  if (passive) {
    if (word(after) == "to" && after + 1 < end) {
      f.pattern = Pattern::PassiveTo;
      f.subject = left;
      f.action = clause_from(s, after + 1, end);
    } else if (word(after) == "from" && after + 1 < end && !from_date(after)) {
      f.pattern = Pattern::PassiveFrom;
      f.subject = left;
      f.action = clause_from(s, after + 1, end);
    } else {
      f.pattern = Pattern::Passive;
      f.action = left;
    }
    f.actor = by_agent(after);
    return f;
  }
  // Active: "Y allowed X to V", "Y barred X from V-ing", "Y banned X".
  f.actor = left;
  WordRange object = np_starting_at(s, after, end);
  // "to" before a verb opens what the party may do; before a noun phrase it says where ("the export of spare
  // parts to the neighbour"). The party may carry prepositional phrases ("cafés in the old town to keep X").
  const auto infinitive_at = [&](std::size_t k) {
    return word(k) == "to" && k + 1 < end && syntax::is_verb(s.words[k + 1].pos);
  };
  std::size_t next = object.empty() ? after : object.last;
  if (!object.empty() && !infinitive_at(next)) {
    std::size_t k = next;
    for (int pp = 0; pp < 2 && k + 1 < end && s.words[k].pos == Pos::IN && !s.words[k].punct; ++pp) {
      const WordRange tail = np_starting_at(s, k + 1, end);
      if (tail.empty()) break;
      k = tail.last;
      if (infinitive_at(k)) {
        object.last = k;
        next = k;
        break;
      }
    }
  }
  if (!object.empty() && infinitive_at(next)) {
    f.pattern = Pattern::ObjectTo;
    f.subject = object;
    f.action = clause_from(s, next + 1, end);
    return f;
  }
  if (read_object_from(object)) return f;
  if (word(after) == "to" && after + 1 < end && syntax::is_verb(s.words[after + 1].pos)) {
    f.pattern = Pattern::ObjectTo;  // "allowed to V" with the subject left out
    f.action = clause_from(s, after + 1, end);
  } else if (!object.empty()) {
    f.pattern = Pattern::Object;
    f.action = object;
  }
  return f;
}

}  // namespace articlescope::policy
