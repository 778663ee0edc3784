#include "policy/structure.hpp"

#include <algorithm>
#include <cctype>

#include "policy/arguments.hpp"
#include "policy/features.hpp"
#include "syntax/tags.hpp"

namespace articlescope::policy {

bool is_one_of(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

WordRange without_final_punct(const SentenceView& s, WordRange r) {
  while (r.last > r.first && s.words[r.last - 1].punct) --r.last;
  return r;
}

namespace {

// Whether words[k] comes right after a verb of continuing ("remain", "stays").
bool after_continuing_verb(const SentenceView& s, std::size_t k) {
  return k > 0 &&
         is_one_of(s.words[k - 1].lower, {"remain", "remains", "remained", "stay", "stays", "stayed"});
}

// Past the noun-phrase words (not verbs) from `from`, at most up to `end`.
std::size_t noun_phrase_words_end(const SentenceView& s, std::size_t from, std::size_t end) {
  while (from < end && is_np_word(s.words[from]) && !syntax::is_verb(s.words[from].pos)) ++from;
  return from;
}

// The conjunction in [from, to) that opens a clause of its own: "and"/"but"/"or", a noun phrase, then a
// finite verb or modal ("... and unopened alcohol must be stored", "but a ticket must be bought"), or a
// predicate of its own right after it ("... at the farm gate and must carry a label"); SIZE_MAX when none.
std::size_t new_clause_at(const SentenceView& s, std::size_t from, std::size_t to) {
  using syntax::Pos;
  to = std::min(to, s.words.size());
  for (std::size_t k = from; k < to; ++k) {
    if (s.words[k].pos != Pos::CC || k + 1 >= s.words.size()) continue;
    const std::size_t j = noun_phrase_words_end(s, k + 1, std::min(s.words.size(), k + 7));
    // ("but remains banned", "and has been heard": a verb in the present right after the conjunction opens a
    // predicate of its own; a past tense there is often a participle the tagger misread.)
    if (j == k + 1 && (s.words[j].pos == Pos::MD || s.words[j].pos == Pos::VBZ)) return k;
    if (j == k + 1 || j >= s.words.size()) continue;
    const Pos p = s.words[j].pos;
    if (p == Pos::MD || p == Pos::VBZ || p == Pos::VBP || p == Pos::VBD) return k;
  }
  return SIZE_MAX;
}

}  // namespace

std::size_t date_words_end(const SentenceView& s, std::size_t from, std::size_t end) {
  while (from < end && s.words[from].entity == static_cast<std::int8_t>(EntityType::Date)) ++from;
  return from;
}

WordRange fallback_action(const SentenceView& s, const Candidate& c) {
  const std::size_t end = clause_end(s, c.last + 1);
  std::size_t first = c.last + 1;
  if (first < end && is_one_of(s.words[first].lower, {"on", "to", "of", "for"})) ++first;
  std::size_t last = std::min(end, first + 12);
  // "support the ban but rural voters are split": the words after end where a clause of its own begins; with
  // none before it, the trigger phrase is what is decided.
  const std::size_t joint = new_clause_at(s, first, last);
  if (joint == first) return {c.first, c.last + 1};
  last = std::min(last, joint);
  while (last > first && s.words[last - 1].punct) --last;
  // The words after the trigger, unless they open with a preposition ("in the old town": a scope).
  if (first < last && s.words[first].pos != syntax::Pos::IN) return {first, last};
  // Otherwise ("Sales after midnight stay banned.", "Kiosks remain closed in the old town") what is decided
  // about is what the clause says before the verb group, less the verbs and adverbs that end it.
  const std::size_t group = verb_group(s, c.first).begin;
  const std::size_t begin = clause_begin(s, group);
  std::size_t before = group;
  const auto ends_the_subject = [&](const Word& w) {
    using syntax::Pos;
    return w.punct || w.pos == Pos::VBZ || w.pos == Pos::VBP || w.pos == Pos::VBD || w.pos == Pos::MD ||
           w.pos == Pos::RB ||
           is_one_of(w.lower, {"stay", "stays", "stayed", "remain", "remains", "remained", "is", "are", "was",
                               "were", "be", "been", "become", "becomes", "became", "still"});
  };
  while (before > begin && ends_the_subject(s.words[before - 1])) --before;
  if (begin < before) return {begin, before};
  if (first < last) return {first, last};
  return {c.first, c.last + 1};
}

ScopeKind scope_kind(const SentenceView& s, WordRange scope) {
  if (scope.empty()) return ScopeKind::Restriction;
  // ("deep inside X" is the kind of "inside X".)
  if (scope.last > scope.first + 1 && is_degree_adverb(s.words[scope.first].lower)) ++scope.first;
  const Word& w = s.words[scope.first];
  const std::string_view l = w.lower;
  if (w.starts & bit(Section::Except)) return ScopeKind::Exception;
  if (w.starts & bit(Section::Condition)) return ScopeKind::Condition;
  // "limited to targets within 30 km", "confined to the north": what a decision is limited to restricts it.
  if (l == "to" && scope.first > 0 &&
      is_one_of(s.words[scope.first - 1].lower, {"limited", "restricted", "confined", "capped"}))
    return ScopeKind::Restriction;
  // "at night", "on weekends", "at 6 pm", "at any time" say when.
  if ((l == "at" || l == "on") && scope.last > scope.first + 1 &&
      (s.words[scope.last - 1].entity == static_cast<std::int8_t>(EntityType::Date) ||
       is_one_of(s.words[scope.last - 1].lower,
                 {"night", "weekends", "weekend", "midnight", "noon", "dawn", "time", "times"})))
    return ScopeKind::Time;
  // ("at 20 km/h" is an amount, not a place.)
  if (is_one_of(l,
                {"only", "solely", "exclusively", "just", "strictly", "up", "no", "at", "most", "limited"}))
    return l == "at" && scope.last > scope.first + 1 && s.words[scope.first + 1].lower != "most" &&
                   s.words[scope.first + 1].pos != syntax::Pos::CD
               ? ScopeKind::Location
               : ScopeKind::Restriction;
  if (is_one_of(l,
                {"until", "till", "through", "during", "since", "before", "after", "from", "by", "within",
                 "starting", "beginning", "effective", "for", "between", "this", "next", "last", "from"})) {
    for (std::size_t k = scope.first; k < scope.last; ++k) {
      if (s.words[k].entity == static_cast<std::int8_t>(EntityType::Date)) return ScopeKind::Time;
      const std::string_view x = s.words[k].lower;
      if (is_one_of(x, {"days",   "day",   "weeks",  "week",   "months",  "month", "years",
                        "year",   "hours", "hour",   "now",    "tonight", "today", "period",
                        "season", "term",  "winter", "summer", "spring",  "autumn"}))
        return ScopeKind::Time;
    }
    if (is_one_of(l, {"until", "till", "during", "since", "starting", "beginning", "effective"}))
      return ScopeKind::Time;
  }
  // "on Sundays", "on 3 May" say when; "on the outer deck", "on refineries" where or against what; "over"
  // says where only before a place ("over the capital", not "over safety concerns").
  for (std::size_t k = scope.first; k < scope.last; ++k) {
    if (s.words[k].entity == static_cast<std::int8_t>(EntityType::Date)) return ScopeKind::Time;
  }
  if (is_one_of(l, {"against", "toward", "towards", "targeting", "on"})) return ScopeKind::Target;
  if (is_one_of(l, {"in", "near", "across", "inside", "within", "outside", "into", "around", "along",
                    "beyond", "throughout", "at"}))
    return ScopeKind::Location;
  for (std::size_t k = scope.first; k < scope.last; ++k) {
    if (s.words[k].entity == static_cast<std::int8_t>(EntityType::Location)) return ScopeKind::Location;
  }
  if (is_one_of(l, {"for", "to"})) return ScopeKind::Instance;
  return ScopeKind::Restriction;
}

namespace {

// "barred firms from providing them with insurance", "had provided loans": a word of condition that is a
// verb's form after a preposition, "to", a determiner or a form of "be" or "have" is that verb, not the
// condition ("provided they close by six").
bool verb_of_condition(const SentenceView& s, std::size_t k) {
  if (k == 0 || !s.tagged || !syntax::is_verb(s.words[k].pos)) return false;
  const Word& before = s.words[k - 1];
  return before.pos == syntax::Pos::IN || before.pos == syntax::Pos::TO || before.pos == syntax::Pos::DT ||
         is_one_of(before.lemma, {"be", "have"});
}

}  // namespace

std::uint32_t flags_of(const SentenceView& s, const Candidate& c) {
  std::uint32_t flags = 0;
  const VerbGroup g = verb_group(s, c.first);
  const std::size_t begin = clause_begin(s, g.begin);
  if (s.words[c.head].quoted) flags |= kQuoted;
  if (s.question) flags |= kQuestion;
  if (g.negated) flags |= kNegated;
  if (g.modal == "will" || g.modal == "'ll" || g.modal == "shall") flags |= kFuture;
  bool pluperfect = false;
  if (g.have) {
    for (std::size_t k = g.begin; k < c.first; ++k) pluperfect = pluperfect || s.words[k].lower == "had";
  }
  for (std::size_t k = 0; k < s.words.size(); ++k) {
    const Sections cues = s.words[k].starts;
    // ("added four officials to its list" reports nothing: "add" reports before a comma, a quote or "that".)
    const bool adds_a_thing = s.words[k].lemma == "add" && k + 1 < s.words.size() && !s.words[k + 1].punct &&
                              s.words[k + 1].lower != "that";
    // (A word of reporting read as a noun reports nothing: "allied states", "insurance claims".)
    const bool noun = s.tagged && syntax::is_noun(s.words[k].pos);
    if ((cues & bit(Section::Reporting)) && !adds_a_thing && !noun) flags |= kAttributed;
    if (cues & bit(Section::Hedge)) flags |= kHedged;
    if ((cues & bit(Section::Condition)) && (k >= begin || k + 1 == begin || k == 0) &&
        !verb_of_condition(s, k))
      flags |= kConditional;
    if (k >= begin && k < c.first && (cues & bit(Section::PastMarker)) && pluperfect) flags |= kHistorical;
  }
  if (pluperfect) flags |= kHistorical;
  return flags;
}

namespace {

// The number its first four characters write ("2017-01-13", "1990s"), or 0 when they are not four digits.
int leading_year(std::string_view w) {
  if (w.size() < 4) return 0;
  int year = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    if (w[k] < '0' || w[k] > '9') return 0;
    year = year * 10 + (w[k] - '0');
  }
  return year;
}

}  // namespace

int published_year(const Article& article) {
  return article.published ? leading_year(*article.published) : 0;
}

bool dated_before(const SentenceView& s, WordRange scope, int year) {
  if (year <= 0 || scope.empty()) return false;
  const std::string_view opening = s.words[scope.first].lower;
  const bool month = is_one_of(opening, {"january", "february", "march", "april", "may", "june", "july",
                                         "august", "september", "october", "november", "december"});
  if (!is_one_of(opening, {"in", "on", "during"}) && !month && !(opening.size() == 4 && opening[0] <= '2'))
    return false;
  for (const Word& w : s.words) {
    if (w.starts & bit(Section::Continuation)) return false;
  }
  for (std::size_t k = scope.first; k < scope.last; ++k) {
    const std::string_view w = s.words[k].lower;
    // "1997", "1990s": four digits from 1900 to 2099, optionally a decade's "s".
    if (w.size() != 4 && !(w.size() == 5 && w[4] == 's')) continue;
    const int y = leading_year(w);
    if (y >= 1900 && y <= 2099 && y < year) return true;
  }
  return false;
}

namespace {

// "banned diesel cars before 2030 and petrol cars before 2035", "banned trucks from the centre and vans from
// the old town": after the action, a limit (a preposition of time or place and its date or noun phrase),
// "and" or "or", a second thing and its own limit. The two provisions, or none when the words are not so.
std::vector<Roles> split_dated_coordination(const SentenceView& s, const Roles& roles) {
  const std::size_t end = clause_end(s, roles.action.last);
  const auto time_word = [&](std::size_t k) {
    return k < end &&
           is_one_of(s.words[k].lower, {"before", "after", "from", "by", "until", "in", "on", "at"});
  };
  const auto dated = [&](std::size_t k) {  // one past the date or noun phrase starting at k, or k
    std::size_t j = k;
    while (j < end && s.words[j].entity == static_cast<std::int8_t>(EntityType::Date)) ++j;
    if (j == k) {
      while (j < end && is_np_word(s.words[j])) ++j;
    }
    return j;
  };
  const std::size_t first_time = roles.action.last;
  if (!time_word(first_time)) return {};
  const std::size_t conjunction = dated(first_time + 1);
  if (conjunction == first_time + 1 || conjunction >= end ||
      !(s.words[conjunction].lower == "and" || s.words[conjunction].lower == "or"))
    return {};
  std::size_t second_time = conjunction + 1;
  while (second_time < end && !time_word(second_time) && is_np_word(s.words[second_time])) ++second_time;
  if (second_time == conjunction + 1 || !time_word(second_time)) return {};
  const std::size_t second_end = dated(second_time + 1);
  if (second_end == second_time + 1) return {};
  // (Both phrases say when, not where: "at bars and restaurants from next winter" is one ban with its places.)
  const auto place = [&](WordRange r) {
    const ScopeKind kind = scope_kind(s, r);
    return kind == ScopeKind::Location || kind == ScopeKind::Target;
  };
  if (place({first_time, conjunction}) || place({second_time, second_end})) return {};
  Roles first = roles, second = roles;
  first.scopes = {{first_time, conjunction}};
  second.action = {conjunction + 1, second_time};
  second.scopes = {{second_time, second_end}};
  return {first, second};
}

}  // namespace

std::vector<WordRange> scope_parts(const SentenceView& s, WordRange scope) {
  for (std::size_t k = scope.first + 2; k + 1 < scope.last; ++k) {
    if (!is_one_of(s.words[k].lower, {"from", "until", "till", "before", "after", "starting", "during"}))
      continue;
    const WordRange place{scope.first, k}, time{k, scope.last};
    const ScopeKind where = scope_kind(s, place);
    const bool verb = std::any_of(s.words.begin() + static_cast<std::ptrdiff_t>(place.first),
                                  s.words.begin() + static_cast<std::ptrdiff_t>(place.last),
                                  [](const Word& w) { return syntax::is_verb(w.pos); });
    if (scope_kind(s, time) == ScopeKind::Time && !verb &&
        (where == ScopeKind::Location || where == ScopeKind::Target))
      return {place, time};
  }
  return {scope};
}

std::vector<Roles> split_coordination(const SentenceView& s, const Roles& roles) {
  std::vector<Roles> out{roles};
  if (roles.action.empty()) return out;
  if (std::vector<Roles> dated = split_dated_coordination(s, roles); !dated.empty()) return dated;
  if (roles.scopes.size() < 2) return out;
  const WordRange first_scope = roles.scopes[0], second_scope = roles.scopes[1];
  if (first_scope.first < roles.action.last || second_scope.first <= first_scope.last) return out;
  if (scope_kind(s, first_scope) != scope_kind(s, second_scope)) return out;
  // Between the two scopes: an optional comma, a coordinating conjunction, then the second action.
  std::size_t k = first_scope.last;
  if (k < second_scope.first && s.words[k].lower == ",") ++k;
  if (k >= second_scope.first || !(s.words[k].lower == "and" || s.words[k].lower == "or")) return out;
  ++k;
  if (k < second_scope.first && s.words[k].lower == "then") ++k;
  if (k >= second_scope.first) return out;
  for (std::size_t q = k; q < second_scope.first; ++q) {
    if (s.words[q].punct) return out;
  }
  Roles second = roles;
  out[0].scopes.erase(out[0].scopes.begin() + 1);
  second.action = {k, second_scope.first};
  second.scopes.erase(second.scopes.begin());
  out.push_back(std::move(second));
  return out;
}

WordRange carve_out_object(const SentenceView& s, const Candidate& c) {
  const std::size_t end = clause_end(s, c.last + 1);
  std::size_t first = c.last + 1;
  if (first < end && s.words[first].lower == "for") ++first;
  return without_final_punct(s, {first, end});  // without the sentence's full stop
}

namespace {

bool is_function_word(const Word& w) {
  using syntax::Pos;
  if (w.punct) return true;
  if (!w.text.empty() && (w.pos == Pos::DT || w.pos == Pos::IN || w.pos == Pos::TO || w.pos == Pos::CC ||
                          w.pos == Pos::PRPS || w.pos == Pos::WDT || w.pos == Pos::POS))
    return true;
  const std::string_view l = w.lower;
  return l == "it" || l == "they" || l == "that" || l == "which" || l == "who";
}

// A word that may stand between a verb and its object noun: a determiner, possessive or adjective.
bool is_determiner_or_modifier(const Word& w) {
  using syntax::Pos;
  return !w.punct && (w.pos == Pos::DT || w.pos == Pos::PRPS || w.pos == Pos::JJ || w.pos == Pos::JJR ||
                      w.pos == Pos::JJS || w.pos == Pos::CD);
}

// A determiner, possessive or number: the word opens a noun phrase, not an infinitive.
bool opens_noun_phrase(const Word& w) {
  using syntax::Pos;
  return w.pos == Pos::DT || w.pos == Pos::PDT || w.pos == Pos::PRPS || w.pos == Pos::CD;
}

// A word of a person's, an organisation's or a place's name (the entity stage's types).
bool is_named_party(const Word& w) {
  return w.entity == static_cast<std::int8_t>(EntityType::Person) ||
         w.entity == static_cast<std::int8_t>(EntityType::Org) ||
         w.entity == static_cast<std::int8_t>(EntityType::Location);
}

// "'s" after a name or noun, or a lone apostrophe after a plural ("the firms' assets").
bool is_possessive(const Word& w) { return w.pos == syntax::Pos::POS || is_one_of(w.lower, {"'s", "'"}); }

bool holds_a_name_or_noun(const SentenceView& s, WordRange r) {
  for (std::size_t k = r.first; k < r.last; ++k) {
    const Word& w = s.words[k];
    if (w.entity == static_cast<std::int8_t>(EntityType::Date)) continue;
    if (w.entity != kNoEntity || syntax::is_noun(w.pos) || w.pos == syntax::Pos::PRP ||
        w.pos == syntax::Pos::CD)
      return true;
  }
  return false;
}

// Nothing after trigger `c` in its clause but adverbs and prepositional phrases that are not its complement
// ("from V-ing", "to V", "from X" of an exemption). After a passive, "by" names the agent or a deadline
// ("is prohibited by law", "banned by 2030"), never what is decided.
bool ends_without_complement(const SentenceView& s, const Candidate& c, bool passive) {
  using syntax::Pos;
  const std::size_t end = clause_end(s, c.last + 1);
  std::size_t k = c.last + 1;
  // Adverbs and a date ("granted last week") are not a complement.
  while (k < end && (s.words[k].pos == Pos::RB || s.words[k].punct ||
                     s.words[k].entity == static_cast<std::int8_t>(EntityType::Date)))
    ++k;
  if (k >= end || new_clause_at(s, k, k + 1) == k) return true;
  const Word& w = s.words[k];
  if (passive && w.lower == "by") return true;
  if (w.pos != Pos::IN || is_one_of(w.lower, {"from", "to", "for", "of", "by"})) return false;
  return true;
}

// "Alcohol sales at the stalls remain banned (everywhere / in the old town)", "Night flights are banned": a
// passive or predicative trigger with nothing after it but an adverb or a scope decides about the whole noun
// phrase before its verb group; the labeller, which reads a phrase near the trigger, took a part of it or
// the trigger itself.
void complete_action_phrase(const SentenceView& s, const Candidate& c, Roles& roles) {
  using syntax::Pos;
  VerbGroup group = verb_group(s, c.first);
  // "are always permitted", "will always be permitted": an adverb of frequency inside the verb group.
  if (group.begin >= 2 && is_one_of(s.words[group.begin - 1].lower,
                                    {"always", "often", "sometimes", "ever", "generally", "usually"})) {
    const VerbGroup wider = verb_group(s, group.begin - 1);
    if (wider.be || wider.begin < group.begin - 1) {
      group.begin = wider.begin;
      group.be = group.be || wider.be;
    }
  }
  const Pos pos = s.words[c.first].pos;
  if (group.to || !(pos == Pos::VBN || pos == Pos::VBD || syntax::is_adjective(pos)) ||
      !ends_without_complement(s, c, group.be))
    return;
  // "a chance of being approved", "after being banned": a passive gerund after a preposition has no phrase of
  // its own before it.
  if (group.begin > 0 && s.words[group.begin - 1].pos == Pos::IN) return;
  std::size_t verb = group.begin;  // where the phrase before the trigger's verb ends
  if (!group.be) {
    if (group.begin != c.first || c.first < 2 ||
        !is_one_of(s.words[c.first - 1].lemma, {"remain", "stay", "become"}))
      return;
    verb = c.first - 1;
  }
  // "A ban on X, imposed in March, was lifted": a participle's phrase between commas right before the verb
  // group says more of the phrase before it; that phrase is what is decided, and the participle's limits
  // are not this decision's.
  const std::size_t group_begin = verb;
  if (verb >= 4 && s.words[verb - 1].lower == ",") {
    for (std::size_t p = verb - 2; p > 0 && p + 8 > verb; --p) {
      if (s.words[p].punct) {
        if (s.words[p].lower == "," && (s.words[p + 1].pos == Pos::VBN || s.words[p + 1].pos == Pos::VBD)) {
          std::erase_if(roles.scopes, [&](WordRange r) { return r.first > p && r.last < group_begin; });
          verb = p;
        }
        break;
      }
    }
  }
  // The words before the verb, back to the clause start or a verb, relative pronoun or conjunction: "Sales
  // after midnight", "Parking on pavements", "Sales to children under twelve" (a gerund and any preposition
  // belong to it, unlike a party's noun phrase).
  std::size_t first = verb;
  for (const std::size_t begin = clause_begin(s, verb); first > begin; --first) {
    const Word& w = s.words[first - 1];
    // "on buses and coaches": a conjunction between two nouns joins them within the phrase; elsewhere it
    // may join clauses.
    const bool joins_nouns = w.pos == Pos::CC && first >= 2 && first < verb &&
                             syntax::is_noun(s.words[first - 2].pos) &&
                             (syntax::is_noun(s.words[first].pos) || s.words[first].pos == Pos::DT ||
                              syntax::is_adjective(s.words[first].pos));
    // "fish caught by anglers": a past form with "by" after it is a participle of the phrase, whatever the
    // tagger read.
    const bool participle = w.pos == Pos::VBD && first < verb && s.words[first].lower == "by";
    if ((syntax::is_finite_verb(w.pos) && !participle) || w.pos == Pos::MD ||
        (w.pos == Pos::CC && !joins_nouns) || w.pos == Pos::WDT || w.pos == Pos::WP ||
        is_one_of(w.lower, {"that", "because", "if", "when", "while", "whether"}))
      break;
    // "eighteen months after its licence was suspended": before a passive, a clause opens at a conjunction of
    // time followed by a determined noun phrase; "sales after midnight", "sales after the match remain
    // banned" are one phrase.
    if (group.be &&
        is_one_of(w.lower, {"after", "before", "since", "until", "once", "as", "although", "though"}) &&
        first < verb && (s.words[first].pos == Pos::DT || s.words[first].pos == Pos::PRPS))
      break;
  }
  while (first < verb && (s.words[first].punct || s.words[first].pos == Pos::IN)) ++first;
  // "No alcohol is permitted": the "no" negates the permission (a prohibition of alcohol), not the thing.
  if (first + 1 < verb && s.words[first].lower == "no" && (c.sections & bit(Section::Permit))) ++first;
  const WordRange phrase{first, verb};
  if (phrase.empty() || !holds_a_name_or_noun(s, phrase)) return;
  const WordRange a = roles.action;
  // A part of the phrase, or a part that runs on into the verb group ("pavements remains"): not a reading of
  // its own.
  const bool part = !a.empty() && a.first >= phrase.first && a.first < verb && a.last <= c.first;
  // (With words of its verb group: "always be permitted" is the trigger too.)
  const bool trigger_itself = !a.empty() && a.first >= group.begin && a.last <= c.last + 1;
  // A trigger read as its own action stays after "be": "the striker was suspended" (the party and the act,
  // as the guidelines read it); after "remain" or "stay" a ban continues on a thing or an activity, and what
  // "is (not) allowed" or "permitted" is the thing or activity before it ("Smoking is not allowed").
  const bool permit = (c.sections & bit(Section::Permit)) != 0;
  // "Dogs are permitted on the outer deck": the object of a preposition right after the trigger (adverbs
  // between) says where or when, a scope; what is decided is still the phrase before the verb group.
  std::size_t k = c.last + 1;
  while (k < a.first && (s.words[k].pos == Pos::RB || s.words[k].punct)) ++k;
  const bool scope_after = !a.empty() && a.first > c.last + 1 && k + 1 == a.first &&
                           s.words[k].pos == Pos::IN && s.words[k].lower != "by";
  if (!a.empty() && !part && !scope_after && !(trigger_itself && (!group.be || permit))) return;
  // The phrase is what is decided, not who decides ("Guide dogs will always be permitted" with "Guide" read
  // as the actor, "Private drones remain illegal" with the drones as the actor): an actor inside it is a
  // misreading. One that reaches beyond it keeps the labeller's reading.
  if (!roles.actor.empty() && spans_overlap(roles.actor, phrase)) {
    if (roles.actor.first < phrase.first || roles.actor.last > phrase.last) return;
    roles.actor = {};
  }
  if (scope_after) roles.scopes.push_back({k, a.last});
  roles.action = phrase;
  if (!roles.subject.empty() && roles.subject.first >= phrase.first && roles.subject.last <= verb)
    roles.subject = {};
}

// "Shipments of grain are exempt", "Firms registered in the zone are barred from ...": a subject that is a
// part of the noun phrase right before a verb trigger's verb group is that whole phrase; and a passive or
// predicative trigger with no subject labelled has that phrase for its subject ("Food and fuel are exempt").
void complete_subject_phrase(const SentenceView& s, const Candidate& c, Roles& roles) {
  const VerbGroup group = verb_group(s, c.first);
  const syntax::Pos first_pos = s.words[c.first].pos;
  const bool verb_trigger =
      !group.to &&
      (syntax::is_verb(first_pos) || syntax::is_adjective(first_pos) || first_pos == syntax::Pos::MD) &&
      first_pos != syntax::Pos::VBG;
  const WordRange before = verb_trigger ? subject_phrase_before(s, group.begin) : WordRange{};
  if (before.empty()) return;
  const auto within = [&](WordRange r) {
    return !r.empty() && r.first >= before.first && r.last <= before.last;
  };
  if (!roles.actor.empty() && spans_overlap(roles.actor, before)) return;
  const bool passive = group.be && (first_pos == syntax::Pos::VBN || syntax::is_adjective(first_pos));
  // Without a complement from the trigger on, the phrase before a passive is what is decided, not who.
  const bool complement = !roles.action.empty() && roles.action.first >= c.first;
  if (within(roles.subject) || (roles.subject.empty() && passive && complement)) roles.subject = before;
}

// "six months", "another two weeks", "a further 90 days": numbers and quantifiers before a unit of time.
bool is_duration_phrase(const SentenceView& s, WordRange r) {
  if (r.empty() || !is_one_of(s.words[r.last - 1].lemma, {"second", "minute", "hour", "day", "night", "week",
                                                          "weekend", "month", "year", "decade", "century"}))
    return false;
  bool count = false;
  for (std::size_t k = r.first; k + 1 < r.last; ++k) {
    const Word& w = s.words[k];
    if (w.pos == syntax::Pos::CD) {
      count = true;
    } else if (!is_one_of(w.lower,
                          {"another", "a", "further", "additional", "more", "few", "several", "next"})) {
      return false;
    }
  }
  return count || (r.last - r.first == 2 && is_one_of(s.words[r.first].lower, {"a", "another", "several"}));
}

// The time phrase that ends `r` ("from Wednesday", "until 3 March", "from that date", "during the festival"):
// "during" and any noun phrase, or another preposition of time and a date or "that date/day", with words of
// the phrase before it; empty when there is none or when nothing with a noun would be left before it.
WordRange trailing_time_phrase(const SentenceView& s, WordRange r) {
  constexpr auto kDate = static_cast<std::int8_t>(EntityType::Date);
  // "during the summer festival", "until further notice": "during" and "until" open a time whatever their
  // noun phrase names.
  for (std::size_t d = r.last; d-- > r.first + 1;) {
    const bool opens_time = is_one_of(s.words[d].lower, {"during", "until", "till"});
    if (!is_np_word(s.words[d]) && !opens_time) break;
    if (opens_time && d + 1 < r.last) {
      const WordRange rest{r.first, d};
      return holds_a_name_or_noun(s, rest) ? WordRange{d, r.last} : WordRange{};
    }
  }
  // "for 30 days", "for two years": a length of time.
  for (std::size_t f = r.last; f-- > r.first + 1 && f + 5 >= r.last;) {
    if (s.words[f].lower == "for" && is_duration_phrase(s, {f + 1, r.last}) &&
        holds_a_name_or_noun(s, {r.first, f}))
      return {f, r.last};
  }
  std::size_t k = r.last;
  if (k > r.first && is_one_of(s.words[k - 1].lower, {"date", "day"}) && k - 1 > r.first &&
      is_one_of(s.words[k - 2].lower, {"that", "this", "the"}))
    k -= 2;
  else
    while (k > r.first && s.words[k - 1].entity == kDate) --k;
  if (k == r.last || k <= r.first + 1) return {};
  // ("last month", "next week": a date that opens with a word of relative time needs no preposition.)
  const bool relative = is_one_of(s.words[k].lower, {"last", "next", "this", "earlier", "later"});
  if (!relative && !is_one_of(s.words[k - 1].lower, {"from", "until", "till", "since", "before", "after",
                                                     "through", "on", "in", "by"}))
    return {};
  if (relative) ++k;  // (the preposition-less phrase starts at k - 1 below)
  const WordRange rest{r.first, k - 1};
  bool content = false;
  for (std::size_t j = rest.first; j < rest.last; ++j)
    content = content || syntax::is_noun(s.words[j].pos) || syntax::is_verb(s.words[j].pos);
  return content ? WordRange{k - 1, r.last} : WordRange{};
}

// "approved the tablet for use in children over six", "licensed the crop for research purposes": the purpose
// phrase after the action (inside the labelled span, or after an appositive between commas) says what the
// decision is limited to. Returns it, to the clause end, or an empty range.
WordRange purpose_phrase(const SentenceView& s, WordRange a) {
  const std::size_t n = s.words.size();
  std::size_t k = a.first + 1;
  while (k < a.last && s.words[k].lower != "for") ++k;
  if (k == a.last && k + 1 < n && s.words[k].lower == ",") {
    // ", a once-weekly tablet made by X," : an appositive names the thing again.
    std::size_t close = k + 1;
    while (close < n && close <= k + 12 && s.words[close].lower != "," && !is_clause_punct(s.words[close]))
      ++close;
    if (close < n && close <= k + 12 && s.words[close].lower == ",") k = close + 1;
  }
  if (k + 1 >= n || s.words[k].lower != "for") return {};
  std::size_t end = k + 1;
  bool purpose = s.words[k + 1].lower == "use";
  while (end < n && !s.words[end].punct) {
    purpose = purpose || is_one_of(s.words[end].lower, {"purpose", "purposes"});
    ++end;
  }
  return purpose ? WordRange{k, end} : WordRange{};
}

// "the sale of small arms, ammunition and armoured vehicles": an action that ends at the comma of a list of
// noun phrases closed by "and"/"or" is the whole list. Returns the rest of the list (from the comma), or an
// empty range when what follows the comma is not such a list (a clause: "X, Y and Z said ...").
WordRange list_after(const SentenceView& s, WordRange a) {
  const std::size_t n = s.words.size();
  if (a.empty() || a.last >= n || s.words[a.last].lower != "," || !is_np_word(s.words[a.last - 1])) return {};
  std::size_t k = a.last;
  while (k < n && s.words[k].lower == ",") {
    const std::size_t end = noun_phrase_words_end(s, k + 1, n);
    if (end == k + 1) break;
    k = end;
  }
  if (k < n && s.words[k].lower == "," && k + 1 < n) ++k;  // a comma before the last "and"
  if (k >= n || !is_one_of(s.words[k].lower, {"and", "or"})) return {};
  const std::size_t end = noun_phrase_words_end(s, k + 1, n);
  if (end == k + 1 || (end < n && (syntax::is_verb(s.words[end].pos) || s.words[end].pos == syntax::Pos::MD)))
    return {};
  return {a.last, end};
}

// "use the artillery against positions just across the border near the city of X": a place phrase right
// after the noun an action ends with says where that thing is, and is part of what is decided (the labeller
// often ends the action at the noun). Only prepositions of place open it: "in", "on" and "at" also say when
// or how. Returns the phrase, over the noun phrases and prepositions that follow, up to punctuation, a verb,
// a conjunction or a date; an empty range when there is none.
WordRange place_phrase_after(const SentenceView& s, WordRange a) {
  using syntax::Pos;
  if (a.empty() || !syntax::is_noun(s.words[a.last - 1].pos)) return {};
  const std::size_t end = clause_end(s, a.last);
  std::size_t k = a.last;
  while (k < end && s.words[k].pos == Pos::RB) ++k;
  if (k >= end) return {};
  // "near the town of X" cut after "town": the "of" phrase of the noun completes it.
  const bool of = k == a.last && s.words[k].lower == "of";
  if (!of && !is_one_of(s.words[k].lower, {"across", "near", "along", "alongside", "beside", "beyond",
                                           "inside", "outside", "behind", "around", "opposite"}))
    return {};
  std::size_t last = k + 1;
  while (last < end) {
    const Word& w = s.words[last];
    if (w.punct || syntax::is_verb(w.pos) || w.pos == Pos::MD || w.pos == Pos::CC || w.pos == Pos::WDT ||
        w.pos == Pos::WP || w.pos == Pos::TO || w.entity == static_cast<std::int8_t>(EntityType::Date) ||
        (of && w.pos == Pos::IN))
      break;
    ++last;
  }
  while (last > k + 1 && s.words[last - 1].pos == Pos::IN) --last;
  if (!holds_a_name_or_noun(s, {k + 1, last}) || s.words[last - 1].pos == Pos::PRP) return {};
  return {a.last, last};
}

// "limits on weapons it has supplied": a relative clause without its pronoun (a pronoun and its verb group,
// ending in a participle or past tense) right after the noun an action ends with, to the clause's end, says
// which things; it belongs to them. Returns the clause, or an empty range.
WordRange relative_clause_after(const SentenceView& s, WordRange a) {
  using syntax::Pos;
  const std::size_t end = clause_end(s, a.last);
  std::size_t k = a.last;
  if (a.empty() || k + 1 >= end || !syntax::is_noun(s.words[a.last - 1].pos) || s.words[k].pos != Pos::PRP)
    return {};
  ++k;
  while (k + 1 < end && (s.words[k].pos == Pos::MD || s.words[k].pos == Pos::VBZ ||
                         s.words[k].pos == Pos::VBP || syntax::is_adverb(s.words[k].pos)))
    ++k;
  const bool clause =
      (s.words[k].pos == Pos::VBN || s.words[k].pos == Pos::VBD) && (k + 1 == end || s.words[k + 1].punct);
  return clause ? WordRange{a.last, k + 1} : WordRange{};
}

// Where the verb after a noun phrase that opens `a` is ("the agency extend approval", "shops open on
// Sundays": a party and what it may do, in a that-clause or after "let"); `a.first` when `a` does not open
// with a noun phrase followed by a present or base-form verb. `verb`, when given, is a word known to be a
// verb (a trigger's governing verb, which the tagger may read as a noun after a noun), or SIZE_MAX.
std::size_t verb_after_party(const SentenceView& s, WordRange a, std::size_t verb) {
  using syntax::Pos;
  std::size_t v = a.first;
  while (v < a.last && v != verb) {
    const Pos p = s.words[v].pos;
    if (!(syntax::is_noun(p) || p == Pos::DT || p == Pos::PRPS || p == Pos::CD || p == Pos::POS ||
          syntax::is_adjective(p)))
      break;
    ++v;
  }
  if (v == a.first || v + 1 >= a.last || !syntax::is_noun(s.words[v - 1].pos)) return a.first;
  const Pos p = s.words[v].pos;
  return v == verb || p == Pos::VB || p == Pos::VBP || p == Pos::VBZ ? v : a.first;
}

// Where "only" opens a limit at words[k]: "only" followed by a preposition or a conjunction of condition or
// time ("only to", "only on weekends", "only if"), not by an adverb or a number ("only slightly", "only
// two").
bool opens_limit(const SentenceView& s, std::size_t k) {
  if (s.words[k].lower != "only" || k + 1 >= s.words.size()) return false;
  const Word& next = s.words[k + 1];
  return next.pos == syntax::Pos::IN || next.pos == syntax::Pos::TO || next.pos == syntax::Pos::WRB ||
         is_one_of(next.lower, {"if", "when", "where", "once", "while", "until"});
}

// The verb of extending (extend, expand, widen, broaden) before trigger `c`, its governor or the verb before
// the trigger noun's determiners, when action `a` is the noun phrase right after a "to" that follows the
// trigger ("extending the permission to all ports"); else none.
std::optional<std::size_t> extending_verb(const SentenceView& s, const Candidate& c, WordRange a) {
  if (!a.empty() && a.first == c.last + 1 && s.words[a.first].lower == "to") ++a.first;  // "to" included
  if (a.empty() || a.first != c.last + 2 || s.words[c.last + 1].lower != "to" ||
      syntax::is_verb(s.words[a.first].pos))
    return std::nullopt;
  std::size_t verb = c.first;
  // A trigger's governing verb is a verb whatever the tagger read ("the agency extend approval": a noun).
  bool governs = false;
  if (c.governor && *c.governor < c.head) {
    verb = *c.governor;
    governs = true;
  } else {
    while (verb > 0 &&
           (s.words[verb - 1].pos == syntax::Pos::DT || s.words[verb - 1].pos == syntax::Pos::PRPS))
      --verb;
    if (verb == 0) return std::nullopt;
    --verb;
  }
  if (!(governs || syntax::is_verb(s.words[verb].pos)) ||
      !is_one_of(s.words[verb].lemma, {"extend", "expand", "widen", "broaden"}))
    return std::nullopt;
  return verb;
}

}  // namespace

// The noun phrase that ends at words[end] and stands as a verb group's subject: nouns and their modifiers,
// "of" and "in"-type phrases between nouns ("shipments of grain"), a past participle with its phrase
// ("firms registered in the zone"; tagged as a past tense too, it is a participle there) or a present
// participle with its object ("journalists covering a protest"), and a list joined by
// commas and "and"/"or" ("food, medicine and fuel"). Stops at a verb, a date (when, not who), a second noun
// phrase and the sentence start; empty when no noun stands there.
WordRange subject_phrase_before(const SentenceView& s, std::size_t end) {
  using syntax::Pos;
  const auto noun_like = [&](std::size_t k) {
    const Word& w = s.words[k];
    return is_np_word(w) && w.pos != Pos::VBG && w.entity != static_cast<std::int8_t>(EntityType::Date);
  };
  std::size_t first = end;
  bool joined = false;  // an "and"/"or" inside: a comma may separate list items
  while (first > 0) {
    const Word& w = s.words[first - 1];
    if (noun_like(first - 1)) {
      // A pronoun is a noun phrase of its own: "the data they may see" is two.
      if (w.pos == Pos::PRP || (first < end && s.words[first].pos == Pos::PRP)) break;
      // A determiner or possessive opens its noun phrase, and a name stands after its modifiers, not after
      // a noun: "the light the voter", "the report Reuters" are two phrases.
      if (first < end && (opens_noun_phrase(s.words[first]) ||
                          (s.words[first].entity_start && syntax::is_noun(w.pos) && w.entity == kNoEntity)))
        break;
      --first;
      continue;
    }
    if (first == end || first < 2) break;
    const bool conjunction = w.lower == "and" || w.lower == "or";
    const bool linking =
        is_one_of(w.lower, {"of",     "in",      "from",   "at",      "for",     "with",   "on",     "across",
                            "near",   "over",    "inside", "outside", "into",    "within", "around", "along",
                            "beyond", "through", "under",  "to",      "against", "between"}) ||
        (w.lower == "as" && s.words[first - 2].lower == "such");  // "services such as X"
    // "services such as X", "strikes deep inside X": a word before the preposition that belongs to it.
    if (linking && first >= 3 && noun_like(first - 3) &&
        (w.lower == "as" || is_one_of(s.words[first - 2].lower, {"deep", "far", "just", "well", "right"}))) {
      first -= 2;
      continue;
    }
    const bool list_comma = w.lower == "," && joined && s.words[first].pos != Pos::DT;
    if ((conjunction || linking || list_comma) && noun_like(first - 2)) {
      joined = joined || conjunction;
      --first;
    } else if ((linking || w.lower == "by") &&
               (s.words[first - 2].pos == Pos::VBN || s.words[first - 2].pos == Pos::VBD) && first >= 3 &&
               noun_like(first - 3)) {
      // "Firms registered in the zone", "Vessels owned by the companies": a participle and its phrase.
      first -= 2;
    } else if (w.lower == "than" && first >= 3 && noun_like(first - 3) &&
               (s.words[first - 2].pos == Pos::JJR || s.words[first - 2].pos == Pos::RBR ||
                s.words[first - 2].lower.ends_with("er") ||
                is_one_of(s.words[first - 2].lower, {"more", "less", "fewer"}))) {
      // "Vessels longer than 300 metres": a comparison qualifies the noun before it.
      first -= 2;
    } else if (w.pos == Pos::VBG && !(w.starts & kVerbFrameSections) &&
               syntax::is_noun(s.words[first - 2].pos)) {
      // "journalists covering a protest": a present participle with its object after a noun.
      --first;
    } else {
      break;
    }
  }
  // The phrase opens with its first noun-phrase word, never with a preposition or a list comma, nor with
  // "that" opening a clause ("ruled that journalists ...": not a determiner before a plural or a name).
  while (first < end && !noun_like(first)) ++first;
  if (first + 1 < end && s.words[first].lower == "that" &&
      (s.words[first + 1].pos == Pos::NNS || s.words[first + 1].pos == Pos::NNP ||
       s.words[first + 1].pos == Pos::NNPS))
    ++first;
  // "Messaging apps, ...": a gerund that opens the clause before a noun modifies it.
  if (first > 0 && first < end && s.words[first - 1].pos == Pos::VBG && syntax::is_noun(s.words[first].pos) &&
      (first == 1 || is_clause_punct(s.words[first - 2])))
    --first;
  const WordRange r{first, end};
  return holds_a_name_or_noun(s, r) ? r : WordRange{};
}

WordRange charge_of_clause_before(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  const std::size_t begin = clause_begin(s, c.first);
  if (begin < 2) return {};
  const std::size_t end = begin - 1;  // the clause punctuation
  const std::size_t first = clause_begin(s, end);
  std::size_t verb = end;
  for (std::size_t k = first; k < end; ++k) {
    const Pos p = s.words[k].pos;
    if (p == Pos::VB || syntax::is_finite_verb(p)) verb = k;
  }
  if (verb == end) return {};
  WordRange object = np_starting_at(s, verb + 1, end);
  if (object.empty() || !holds_a_name_or_noun(s, object)) return subject_phrase_before(s, verb);
  // "the tax on diesel cars": a phrase of the noun goes with it.
  while (object.last + 1 < end && is_one_of(s.words[object.last].lower, {"on", "of", "for"})) {
    const WordRange tail = np_starting_at(s, object.last + 1, end);
    if (tail.empty()) break;
    object.last = tail.last;
  }
  return object;
}

Roles party_named_by_act(const SentenceView& s, std::size_t group) {
  using syntax::Pos;
  std::size_t begin = clause_begin(s, group);
  for (std::size_t j = begin + 1; j + 1 < group; ++j) {
    // "The agency said firms that V face fines": the party opens after the verb of reporting (and "that").
    if ((s.words[j].starts & bit(Section::Reporting)) && syntax::is_finite_verb(s.words[j].pos)) {
      begin = s.words[j + 1].lower == "that" ? j + 2 : j + 1;
      j = begin;
      continue;
    }
    const std::string_view l = s.words[j].lower;
    // (The tagger may read the gerund as a noun: "caught smoking".)
    const bool caught = is_one_of(l, {"caught", "found"}) &&
                        (s.words[j + 1].pos == Pos::VBG || s.words[j + 1].lower.ends_with("ing"));
    // ("Companies that break the rules": "that" or "which" after a noun opens the same clause.)
    const bool who =
        (l == "who" || (is_one_of(l, {"that", "which"}) && syntax::is_noun(s.words[j - 1].pos))) &&
        syntax::is_verb(s.words[j + 1].pos);
    if (!caught && !who) continue;
    Roles roles;
    roles.subject = {begin, j};
    roles.action = {j + 1, group};
    return roles;
  }
  return {};
}

Roles penalised_act(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  if (!(c.sections & bit(Section::Sanction)) || c.first != c.last || s.words[c.head].pos != Pos::VBN)
    return {};
  const VerbGroup g = verb_group(s, c.first);
  const std::size_t end = clause_end(s, c.first);
  // Past the penalty's amount: "fined up to 1,000 euros for V-ing", "jailed for five years for".
  std::size_t k = c.last + 1;
  for (std::size_t j = k; j < end && j < c.last + 8; ++j) {
    const Word& w = s.words[j];
    if (w.lower == "for" && j + 1 < end && s.words[j + 1].pos == Pos::VBG) {
      k = j;
      break;
    }
    const bool amount =
        w.pos == Pos::CD || w.entity == static_cast<std::int8_t>(EntityType::Money) ||
        is_one_of(w.lower, {"up", "to", "as", "much", "at", "least", "a", "maximum", "of", "for"}) ||
        (syntax::is_noun(w.pos) && j > 0 && s.words[j - 1].pos == Pos::CD);
    if (!amount) break;
  }
  if (!g.be || g.negated || !is_one_of(g.modal, {"can", "could", "may", "might", "will", "would", "'ll"}))
    return {};
  Roles roles;
  if (k + 1 < end && s.words[k].lower == "for" && s.words[k + 1].pos == Pos::VBG) {
    roles.action = without_final_punct(s, {k + 1, end});
    roles.subject = subject_phrase_before(s, g.begin);
    return roles;
  }
  // No act after the verb: a party named by what it does ("Drivers who use a phone at the wheel", "Anyone
  // caught smoking there"), the passive's subject opening the clause.
  return party_named_by_act(s, g.begin);
}

std::optional<ModalRule> changed_in_passive(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  if (!s.tagged || s.question || c.first != c.last || !(c.sections & kRestrictionNouns) ||
      !syntax::is_noun(s.words[c.head].pos))
    return std::nullopt;
  // The noun's phrase, then its clause up to the verb group (participles and prepositional phrases may
  // qualify it on the way: "sanctions imposed in 1998 were lifted"; a finite verb ends the search).
  const WordRange phrase = np_ending_at(s, c.last + 1, clause_begin(s, c.first));
  const std::size_t end = clause_end(s, c.last + 1);
  for (std::size_t k = c.last + 1; k < end && k < c.last + 16; ++k) {
    const Word& w = s.words[k];
    const bool lifting = w.pos == Pos::VBN && (w.starts & bit(Section::Lift));
    // (Only the verbs that bring a restriction in: "enforced", "extended" say nothing of when it began.)
    const bool imposing = w.pos == Pos::VBN && (w.starts & bit(Section::Impose)) &&
                          is_one_of(w.lemma, {"impose", "reimpose", "introduce", "enact", "slap"});
    if (!lifting && !imposing) {
      if (syntax::is_finite_verb(w.pos) && w.lemma != "be") return std::nullopt;
      continue;
    }
    const VerbGroup g = verb_group(s, k);
    if (g.negated) return std::nullopt;
    // A participle with no "be" qualifies the noun ("sanctions imposed in 1998 were lifted"): read on.
    if (!g.be) {
      if (imposing) continue;
      return std::nullopt;
    }
    ModalRule rule;
    rule.status = !g.modal.empty() || g.to ? Status::Proposed : lifting ? Status::Lifted : Status::Imposed;
    // "once restrictions are removed", "when the ban is lifted": in a clause of time, the present tense
    // speaks of a change to come.
    const std::size_t first = phrase.empty() ? c.first : phrase.first;
    if (first > 0 && is_one_of(s.words[first - 1].lower, {"once", "when", "until", "whenever"}) &&
        is_one_of(s.words[g.begin].lower, {"is", "are"}))
      rule.status = Status::Proposed;
    // (A hedge before the group, "is likely to be lifted", keeps it proposed: "to" is in the group.)
    // What is changed: after "ban on", its object ("the ban on X was lifted": X); otherwise the noun's
    // phrase. (A quoted noun, "a 'total ban' on X", is followed by its closing quote.)
    std::size_t on = c.last + 1;
    if (on < end && s.words[on].punct && !is_clause_punct(s.words[on])) ++on;
    if (on + 1 < g.begin && is_one_of(s.words[on].lower, {"on", "against"}))
      rule.roles.action = without_final_punct(s, {on + 1, g.begin});
    else
      rule.roles.action = {phrase.empty() ? c.first : phrase.first, c.last + 1};
    // "Sanctions were imposed on two banks": who a restriction is imposed on is its party. What follows in
    // the clause says when or on what condition.
    std::size_t rest = k + 1;
    // "was lifted by the court": the passive's agent made the decision.
    if (rest + 1 < end && s.words[rest].lower == "by") {
      const WordRange agent = np_starting_at(s, rest + 1, end);
      // (A time is no agent: "by 2030", "by the spring of 2026".)
      bool time = false;
      for (std::size_t k2 = agent.first; k2 < end && k2 < agent.last + 3; ++k2)
        time = time || s.words[k2].entity == static_cast<std::int8_t>(EntityType::Date);
      if (!agent.empty() && !time && !is_date_phrase(s, agent)) {
        rule.roles.actor = agent;
        rest = agent.last;
      }
    }
    if (imposing && rest + 1 < end && is_one_of(s.words[rest].lower, {"on", "against"})) {
      const WordRange party = np_starting_at(s, rest + 1, end);
      if (!party.empty() && !is_date_phrase(s, party) && holds_a_name_or_noun(s, party)) {
        rule.roles.subject = party;
        rest = party.last;
      }
    }
    if (const WordRange after = without_final_punct(s, {rest, end}); !after.empty())
      rule.roles.scopes = {after};
    return rule;
  }
  return std::nullopt;
}

namespace {

// A word of legality that forbids ("illegal", "against the law") or permits ("legal"); neither for the rest.
bool forbidding_word(const Word& w) {
  return is_one_of(w.lower, {"illegal", "unlawful", "illicit", "forbidden", "impermissible", "prohibited",
                             "banned", "unconstitutional", "against"});
}
bool permitting_word(const Word& w) {
  return is_one_of(w.lower, {"legal", "lawful", "permissible", "allowable"});
}

}  // namespace

std::optional<ModalRule> legality_for_party(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  if (!s.tagged || s.question || !(c.sections & bit(Section::Legality))) return std::nullopt;
  const Word& head = s.words[c.head];
  const bool restrictive = forbidding_word(head);
  if (!restrictive && !permitting_word(head)) return std::nullopt;
  // "It is (not) illegal": an expletive "it" and a form of "be" before the word.
  const VerbGroup g = verb_group(s, c.first);
  if (!g.be || g.to || !is_one_of(g.modal, {"", "will", "'ll"}) || g.begin == 0 ||
      s.words[g.begin - 1].lower != "it")
    return std::nullopt;
  // "for X to V": the party, then the act.
  const std::size_t end = clause_end(s, c.last + 1);
  const std::size_t for_at = c.last + 1;
  if (for_at + 3 >= end || s.words[for_at].lower != "for") return std::nullopt;
  std::size_t to = for_at + 1;
  while (to < end && to < for_at + 10 && s.words[to].lower != "to") ++to;
  if (to + 1 >= end || to == for_at + 1 || s.words[to].lower != "to" || !syntax::is_verb(s.words[to + 1].pos))
    return std::nullopt;
  ModalRule rule;
  rule.status = restrictive != g.negated ? Status::Prohibited : Status::Allowed;
  rule.roles.subject = {for_at + 1, to};
  rule.roles.action = without_final_punct(s, {to + 1, end});
  return rule;
}

std::optional<ModalRule> negated_legality(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  if (!s.tagged || s.question) return std::nullopt;
  const Word& head = s.words[c.head];
  // A word of legality ("illegal", "legal", "against the law"), or the passive participle of a verb of
  // barring ("are not banned").
  const bool legality = (c.sections & bit(Section::Legality)) != 0;
  // (Not "is not restricted to X": not only about X.)
  const bool barred_participle = !legality && head.pos == Pos::VBN &&
                                 (c.sections & (bit(Section::Prohibit) | bit(Section::Restrict))) &&
                                 !(c.last + 1 < s.words.size() && s.words[c.last + 1].lower == "to");
  if (!legality && !barred_participle) return std::nullopt;
  // (Also what is off limits, contraband or ineligible when it is not.)
  const bool restrictive = barred_participle || forbidding_word(head) ||
                           is_one_of(head.lower, {"off-limits", "off", "contraband", "ineligible"});
  if (!restrictive && !permitting_word(head)) return std::nullopt;
  // "was not an illegal technology": past the article.
  std::size_t first = c.first;
  if (first > 0 && is_one_of(s.words[first - 1].lower, {"a", "an"})) --first;
  const VerbGroup g = verb_group(s, first);
  bool no_longer = false;
  for (std::size_t k = g.begin; k + 1 < first; ++k)
    no_longer = no_longer || (s.words[k].lower == "no" && s.words[k + 1].lower == "longer");
  // (The lexicon lists "no longer" among the modal phrases: it is no modal here.)
  if (!g.be || !(g.negated || no_longer) || g.to || !is_one_of(g.modal, {"", "will", "'ll", "no"}))
    return std::nullopt;
  ModalRule rule;
  rule.status = restrictive ? (no_longer ? Status::Lifted : Status::Allowed)
                            : (no_longer ? Status::Imposed : Status::Prohibited);
  const std::size_t end = clause_end(s, c.last + 1);
  std::size_t rest = c.last + 1;
  // (A noun the word qualifies is part of what is said: "not an illegal technology".)
  while (rest < end && syntax::is_noun(s.words[rest].pos)) ++rest;
  if (rest + 1 < end && s.words[rest].lower == "to" && syntax::is_verb(s.words[rest + 1].pos)) {
    // "It is not illegal to keep bees": the act is the infinitive's.
    rule.roles.action = without_final_punct(s, {rest + 1, end});
    return rule;
  }
  const WordRange party = subject_phrase_before(s, g.begin);
  if (party.empty() || s.words[party.first].pos == Pos::PRP || in_condition(s, party.first))
    return std::nullopt;
  rule.roles.action = party;
  if (const WordRange where = without_final_punct(s, {rest, end}); !where.empty())
    rule.roles.scopes = {where};
  return rule;
}

bool is_general_rule(const Word& w) {
  return is_one_of(w.lemma, {"rule", "regulation", "requirement", "condition", "safeguard", "barrier"});
}

std::optional<ModalRule> comes_into_force(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  if (!s.tagged || s.question || c.first != c.last || !(c.sections & kRestrictionNouns) ||
      is_general_rule(s.words[c.head]))
    return std::nullopt;
  const std::size_t end = clause_end(s, c.last + 1);
  for (std::size_t k = c.last + 1; k + 1 < end && k < c.last + 16; ++k) {
    const Word& w = s.words[k];
    // "comes into force", "took effect", "enters into force", "goes into effect", "kicks in": the words of
    // the idiom; or "ended", "expired", "lapsed", "ran out" (past: what ends later still holds).
    const std::string_view next = s.words[k + 1].lower;
    const std::string_view after = k + 2 < end ? std::string_view(s.words[k + 2].lower) : std::string_view();
    std::size_t idiom = 0;
    if (is_one_of(w.lemma, {"come", "enter", "go"}) && next == "into" &&
        is_one_of(after, {"force", "effect"}))
      idiom = 3;
    else if ((w.lemma == "take" && next == "effect") || (w.lemma == "kick" && next == "in"))
      idiom = 2;
    // (The tagger may read the past tense as a participle: "The curfew ended".)
    const bool ended =
        (w.pos == Pos::VBD || w.pos == Pos::VBN) &&
        (is_one_of(w.lemma, {"end", "expire", "lapse", "cease"}) || (w.lemma == "run" && next == "out"));
    if (ended) idiom = w.lemma == "run" ? 2 : 1;
    // "Tariffs on X will rise to 40 percent": a tariff, duty or levy that rises is imposed anew at its new
    // height (not a quota: a larger one restricts less).
    const bool rises =
        syntax::is_verb(w.pos) && is_one_of(w.lemma, {"rise", "increase", "climb", "double", "triple"}) &&
        syntax::is_noun(s.words[c.head].pos) && is_one_of(s.words[c.head].lemma, {"tariff", "duty", "levy"});
    if (rises) idiom = 1;
    if (idiom == 0) {
      // Another finite verb first: the noun is not what comes into force. (A modal is the idiom's own.)
      if (syntax::is_finite_verb(w.pos)) return std::nullopt;
      continue;
    }
    const VerbGroup g = verb_group(s, k);
    if (g.negated || (ended && (g.be || !g.modal.empty()))) return std::nullopt;
    // ("Tariffs could rise": a likelihood, not a plan.)
    if (rises && !(g.modal.empty() || is_one_of(g.modal, {"will", "shall", "'ll"}))) return std::nullopt;
    ModalRule rule;
    // What will come into force on a date has been decided; what could or should has not.
    rule.status = ended                                                             ? Status::Lifted
                  : g.modal.empty() || is_one_of(g.modal, {"will", "shall", "'ll"}) ? Status::Imposed
                                                                                    : Status::Proposed;
    // What: after "ban on", its object; otherwise the noun's phrase.
    if (is_one_of(s.words[c.last + 1].lower, {"on", "against"}) && c.last + 2 < g.begin)
      rule.roles.action = without_final_punct(s, {c.last + 2, g.begin});
    else
      rule.roles.action = np_ending_at(s, c.last + 1, clause_begin(s, c.first));
    if (rule.roles.action.empty()) rule.roles.action = {c.first, c.last + 1};
    // What follows the idiom says when.
    if (const WordRange when = without_final_punct(s, {k + idiom, end}); !when.empty())
      rule.roles.scopes = {when};
    return rule;
  }
  return std::nullopt;
}

std::optional<ModalRule> penalty_faced(const SentenceView& s, const Candidate& c, bool certain) {
  using syntax::Pos;
  // (After a determiner, with no noun after it, the word is the noun whatever the tagger says: "a fine of".)
  const bool noun = syntax::is_noun(s.words[c.head].pos) ||
                    (c.first > 0 && s.words[c.first - 1].pos == Pos::DT &&
                     !(c.last + 1 < s.words.size() && syntax::is_noun(s.words[c.last + 1].pos)));
  // (Or a permission lost: "Shops that sell X to minors will lose their licence".)
  const bool permission = (c.sections & bit(Section::PermitNoun)) != 0;
  if (!s.tagged || s.question || c.first != c.last ||
      !(c.sections & (bit(Section::SanctionNoun) | bit(Section::PermitNoun))) || !noun || c.first < 2)
    return std::nullopt;
  // "faces a fine", "could face a penalty of ...": a verb of facing (past determiners, possessives and
  // modifiers).
  std::size_t k = c.first;
  while (k > 0 && k + 4 > c.first &&
         (s.words[k - 1].pos == Pos::DT || s.words[k - 1].pos == Pos::PRPS ||
          syntax::is_adjective(s.words[k - 1].pos) || s.words[k - 1].pos == Pos::CD))
    --k;
  // (The tagger may read "risk" as a noun; after a determiner it is one.)
  if (k < 2 || s.words[k - 2].pos == Pos::DT ||
      !(permission ? is_one_of(s.words[k - 1].lower, {"lose", "loses", "lost", "forfeit", "forfeits"})
                   : is_one_of(s.words[k - 1].lower, {"face", "faces", "faced", "risk", "risks", "risked"})))
    return std::nullopt;
  const VerbGroup g = verb_group(s, k - 1);
  if (g.negated || g.to || g.begin < 1 || (certain && !is_one_of(g.modal, {"", "will", "'ll"})))
    return std::nullopt;
  // The act: what the party was caught or found doing, or the relative clause after it.
  Roles named = g.begin >= 2 ? party_named_by_act(s, g.begin) : Roles{};
  // Or "for" and a gerund after the penalty ("Owners faced fines of up to 500 euros for renting out rooms"):
  // the party is the verb's subject.
  if (named.action.empty()) {
    const std::size_t end = clause_end(s, c.last + 1);
    for (std::size_t f = c.last + 1; f + 1 < end; ++f) {
      if (s.words[f].lower != "for" || s.words[f + 1].pos != Pos::VBG) continue;
      const WordRange party = subject_phrase_before(s, g.begin);
      if (party.empty()) break;
      named.subject = party;
      named.action = without_final_punct(s, {f + 1, end});
      break;
    }
  }
  if (named.action.empty()) return std::nullopt;
  ModalRule rule;
  rule.status = Status::Prohibited;
  rule.roles = named;
  return rule;
}

std::optional<ModalRule> permission_required(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  // (After a determiner the word is the noun whatever the tagger says: "need a permit to V".)
  if (!s.tagged || s.question || c.first != c.last || !(c.sections & bit(Section::PermitNoun)) ||
      c.first < 2 || !(syntax::is_noun(s.words[c.head].pos) || s.words[c.first - 1].pos == Pos::DT))
    return std::nullopt;
  // The verb of needing, past the permission's determiners and modifiers ("a special export licence").
  std::size_t k = c.first;
  while (k > 0 && k + 4 > c.first &&
         (is_determiner_or_modifier(s.words[k - 1]) || syntax::is_noun(s.words[k - 1].pos)))
    --k;
  if (k < 2 || !syntax::is_verb(s.words[k - 1].pos)) return std::nullopt;
  const std::string_view verb = s.words[k - 1].lemma;
  const VerbGroup g = verb_group(s, k - 1);
  // "need" and "require" say it alone; "obtain" and "get" under "must" or "have to" / "need to".
  bool needed = is_one_of(verb, {"need", "require"}) && !g.to;
  if (!needed && is_one_of(verb, {"obtain", "get"})) {
    needed = g.modal == "must";
    for (std::size_t j = k - 1; !needed && j > g.begin && j + 4 > k; --j)  // ("will have to obtain")
      needed = s.words[j - 1].lower == "to" && j >= 2 && is_one_of(s.words[j - 2].lemma, {"have", "need"});
  }
  if (!needed || g.negated || g.be) return std::nullopt;
  std::size_t start = g.begin;
  if (g.to && start > 0 && s.words[start].lower == "to") start = verb_group(s, start - 1).begin;
  const WordRange party = subject_phrase_before(s, start);
  if (party.empty() ||
      (party.last == party.first + 1 && s.words[party.first].pos != Pos::PRP &&
       !syntax::is_noun(s.words[party.first].pos)) ||
      is_one_of(s.words[party.last - 1].lower, {"it", "this", "that"}))
    return std::nullopt;
  // What it is needed for: "to V ..." or "for X ...", to the clause's end.
  const std::size_t end = clause_end(s, c.last + 1);
  std::size_t a = c.last + 1;
  if (a + 1 >= end) return std::nullopt;
  // (The tagger may read the verb after "to" as a noun: "to fish"; a determiner opens a place instead.)
  if (s.words[a].lower == "to" && (syntax::is_verb(s.words[a + 1].pos) || s.words[a + 1].pos == Pos::NN))
    ++a;
  else if (s.words[a].lower == "for")
    ++a;
  else
    return std::nullopt;
  ModalRule rule;
  rule.status = Status::Imposed;
  rule.roles.subject = party;
  rule.roles.action = without_final_punct(s, {a, end});
  if (rule.roles.action.empty()) return std::nullopt;
  return rule;
}

std::optional<ModalRule> permission_granted_in_passive(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  if (!s.tagged || s.question) return std::nullopt;
  const auto granting = [&](std::size_t k) {
    return s.words[k].pos == Pos::VBN && is_one_of(s.words[k].lemma, {"grant", "issue", "give", "award"});
  };
  // The permission's noun phrase and the verb: from the noun (a candidate of its own) or from the verb.
  WordRange permission;
  std::size_t verb = 0;
  if (c.first == c.last && (c.sections & bit(Section::PermitNoun)) && syntax::is_noun(s.words[c.head].pos)) {
    std::size_t k = c.last + 1;
    while (k < s.words.size() && k <= c.last + 4 &&
           (s.words[k].pos == Pos::MD || syntax::is_adverb(s.words[k].pos) || s.words[k].lemma == "be"))
      ++k;
    if (k == s.words.size() || !granting(k)) return std::nullopt;
    verb = k;
    permission = subject_phrase_before(s, c.last + 1);
    if (permission.empty()) return std::nullopt;
  } else if (c.first == c.last && granting(c.head)) {
    verb = c.head;
    permission = subject_phrase_before(s, verb_group(s, c.first).begin);
    if (permission.empty() || !(s.words[permission.last - 1].starts & bit(Section::PermitNoun)))
      return std::nullopt;
  } else {
    return std::nullopt;
  }
  const VerbGroup g = verb_group(s, verb);
  if (!g.be || g.negated || g.to || s.words[permission.first].lower == "no") return std::nullopt;
  // ("whenever a permit is issued for X, ...": a clause of time or condition says how things go, not what
  // is allowed.)
  if (permission.first > 0 && is_one_of(s.words[permission.first - 1].lower,
                                        {"when", "whenever", "once", "if", "unless", "before", "after",
                                         "until", "where", "wherever", "as", "because", "since"}))
    return std::nullopt;
  const std::size_t end = clause_end(s, verb + 1);
  ModalRule rule;
  rule.status = Status::Allowed;
  std::size_t k = verb + 1;
  if (k + 1 < end && s.words[k].lower == "to") {  // the party: a noun phrase, no phrase after it
    std::size_t j = k + 1;
    while (j < end && (is_np_word(s.words[j]) || (j > k + 1 && is_one_of(s.words[j].lower, {"and", "or"}))))
      ++j;
    rule.roles.subject = {k + 1, j};
    if (!holds_a_name_or_noun(s, rule.roles.subject)) return std::nullopt;
    k = j;
  }
  const WordRange rest =
      k + 1 < end && s.words[k].lower == "for" ? without_final_punct(s, {k + 1, end}) : WordRange{};
  // ("for five years" says how long: a limit of the permission itself.)
  if (!rest.empty() && !is_duration_phrase(s, rest)) {
    rule.roles.action = rest;
  } else if (!rule.roles.subject.empty()) {
    rule.roles.action = permission;
    if (!rest.empty()) rule.roles.scopes = {{k, rest.last}};
  }
  if (rule.roles.action.empty()) return std::nullopt;
  return rule;
}

std::optional<ModalRule> capped_at_amount(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  if (!s.tagged || s.question || c.first != c.last ||
      !(s.words[c.head].pos == Pos::VBN || s.words[c.head].pos == Pos::VBD) ||
      !is_one_of(s.words[c.head].lemma, {"cap", "limit", "restrict", "ration"}))
    return std::nullopt;
  const VerbGroup g = verb_group(s, c.first);
  if (!g.be || g.negated || g.to) return std::nullopt;
  // "Capped" says it in any tense; "limited" also tells what happened ("the damage was limited to two
  // houses"), so only a limit to come ("will be limited to 30 km/h") is a decision.
  if (s.words[c.head].lemma == "cap" ? is_one_of(g.modal, {"would", "could", "might", "should", "may"})
                                     : !is_one_of(g.modal, {"will", "shall", "'ll"}))
    return std::nullopt;
  const std::size_t end = clause_end(s, c.last + 1);
  std::size_t k = c.last + 1;
  while (k < end && syntax::is_adverb(s.words[k].pos)) ++k;
  if (k + 1 >= end || !is_one_of(s.words[k].lower, {"at", "to"})) return std::nullopt;
  // The amount: up to the next preposition other than "per" ("8 euros per square metre", "20 km/h"), holding
  // a number, money or a quantity.
  WordRange amount{k + 1, k + 1};
  while (amount.last < end && (s.words[amount.last].lower == "per" || s.words[amount.last].lower == "/" ||
                               !(s.words[amount.last].punct || s.words[amount.last].pos == Pos::IN ||
                                 s.words[amount.last].pos == Pos::TO)))
    ++amount.last;
  bool number = false;
  for (std::size_t j = amount.first; j < amount.last; ++j)
    number = number || s.words[j].pos == Pos::CD ||
             s.words[j].entity == static_cast<std::int8_t>(EntityType::Money) ||
             s.words[j].entity == static_cast<std::int8_t>(EntityType::Quantity);
  if (!number) return std::nullopt;
  WordRange thing = subject_phrase_before(s, g.begin);
  if (thing.empty() || s.words[thing.last - 1].pos == Pos::PRP) return std::nullopt;
  // ("Sunday trading": a day that modifies the noun is a part of the thing.)
  while (thing.first > 0 && s.words[thing.first - 1].entity == static_cast<std::int8_t>(EntityType::Date) &&
         syntax::is_noun(s.words[thing.first - 1].pos))
    --thing.first;
  ModalRule rule;
  // A limit stated in the present with no modal is one in force; any other is new.
  bool present = g.modal.empty() && !g.have;
  for (std::size_t j = g.begin; j < c.first; ++j)
    present = present && !is_one_of(s.words[j].lower, {"was", "were", "been", "being"});
  rule.status = present ? Status::Prohibited : Status::Imposed;
  rule.roles.action = thing;
  rule.roles.scopes = {{k, amount.last}};
  // ("... at 20 km/h in the old town": the phrase after the amount is a limit of its own.)
  if (const WordRange rest = without_final_punct(s, {amount.last, end});
      !rest.empty() && s.words[rest.first].pos == Pos::IN)
    rule.roles.scopes.push_back(rest);
  return rule;
}

WordRange negated_cover_by(const SentenceView& s, const Candidate& c) {
  if (!(c.sections & bit(Section::Cover)) || s.words[c.head].pos != syntax::Pos::VBN) return {};
  const VerbGroup group = verb_group(s, c.first);
  bool no_longer = false;
  for (std::size_t k = group.begin; k + 1 < c.first; ++k)
    no_longer = no_longer || (s.words[k].lower == "no" && s.words[k + 1].lower == "longer");
  if (!group.be || !(group.negated || no_longer)) return {};
  const std::size_t end = clause_end(s, c.last + 1);
  std::size_t k = c.last + 1;
  while (k < end && s.words[k].pos == syntax::Pos::RB) ++k;
  if (k >= end || s.words[k].lower != "by") return {};
  const WordRange decision = np_starting_at(s, k + 1, end);
  return holds_a_name_or_noun(s, decision) ? decision : WordRange{};
}

namespace {

// "the licence that the regulator granted", "the waiver which the board approved": a verb trigger with no
// complement of its own, whose subject stands between "that"/"which" and its verb group, is the verb of a
// relative clause; what it decides is the noun phrase the pronoun stands for, and the clause's subject is
// who decides. Returns that noun phrase (empty when the trigger is not so placed); `maker` gets the subject.
WordRange relative_object(const SentenceView& s, const Candidate& c, WordRange& maker) {
  if (c.first != c.last || !syntax::is_verb(s.words[c.head].pos) || s.words[c.head].pos == syntax::Pos::VBG)
    return {};
  const VerbGroup group = verb_group(s, c.first);
  if (group.be || group.get || group.to || !ends_without_complement(s, c, false)) return {};
  const WordRange subject = subject_phrase_before(s, group.begin);
  if (subject.empty() || subject.first < 2 || !is_one_of(s.words[subject.first - 1].lower, {"that", "which"}))
    return {};
  // The phrase ends before the pronoun, or before the comma of ", which".
  std::size_t end = subject.first - 1;
  if (s.words[end - 1].lower == ",") --end;
  const std::size_t floor = clause_begin(s, end - 1);
  WordRange antecedent = np_ending_at(s, end, floor);
  if (antecedent.empty() || !holds_a_name_or_noun(s, antecedent)) return {};
  // After the verb of another relative clause the phrase is only the end of what the pronoun stands for
  // ("a delay for firms that need new kit, which the board granted"): the phrase goes on back to the noun
  // that clause qualifies, and to the noun that noun's preposition belongs to.
  if (antecedent.first >= 2 && syntax::is_verb(s.words[antecedent.first - 1].pos) &&
      is_one_of(s.words[antecedent.first - 2].lower, {"that", "which", "who"})) {
    const WordRange head = np_ending_at(s, antecedent.first - 2, floor);
    if (head.empty() || !holds_a_name_or_noun(s, head)) return {};
    antecedent.first = head.first;
  }
  while (antecedent.first >= 2 && is_one_of(s.words[antecedent.first - 1].lower, {"for", "of", "in", "on"})) {
    const WordRange owner = np_ending_at(s, antecedent.first - 1, floor);
    if (owner.empty() || !holds_a_name_or_noun(s, owner)) break;
    antecedent.first = owner.first;
  }
  maker = subject;
  return antecedent;
}

}  // namespace

namespace {

// A scope is a whole phrase, preposition and all: the labeller may stop inside one ("from three" for "from
// three countries", "only between" for "only between April and September") or start after its opening
// ("next year" for "until the end of next year"). A preposition's noun phrase (with its "of", "for" and
// "and" parts) completes the scope unless a verb follows it (then the preposition opened a clause: "until
// the court decides"); the scope never runs into the trigger or another role.
WordRange whole_scope_phrase(const SentenceView& s, const Candidate& c, const Roles& roles, WordRange scope) {
  using syntax::Pos;
  if (scope.empty() || !s.tagged) return scope;
  const auto taken = [&](std::size_t k) {
    const auto in = [&](WordRange r) { return k >= r.first && k < r.last; };
    return (k >= c.first && k <= c.last) || in(roles.action) || in(roles.subject) || in(roles.actor);
  };
  const auto is_preposition = [&](const Word& w) {
    return (w.pos == Pos::IN || w.pos == Pos::TO) && w.lower != "of" && w.lower != "that" &&
           !is_one_of(w.lower, {"if", "unless", "because", "although", "though", "while", "whether", "as"});
  };
  // Backwards: "until the end of | next year", "until | May".
  std::size_t first = scope.first;
  if (first > 0 && s.words[first - 1].lower == "of") {
    std::size_t k = first - 1;
    while (k > 0 && k + 4 > first && is_np_word(s.words[k - 1]) && !taken(k - 1)) --k;
    if (k > 0 && k < first - 1 && is_preposition(s.words[k - 1]) && !taken(k - 1)) first = k - 1;
  } else if (first > 0 && is_preposition(s.words[first - 1]) && !taken(first - 1) &&
             !is_preposition(s.words[first]) && is_np_word(s.words[first])) {
    first = first - 1;
  }
  // Forwards: the opening preposition's noun phrase, past a limiting adverb ("only between ...").
  std::size_t k = first;
  if (k < scope.last && is_one_of(s.words[k].lower, {"only", "just", "solely", "exclusively", "even"})) ++k;
  std::size_t last = scope.last;
  if (k < s.words.size() && is_preposition(s.words[k])) {
    std::size_t ceiling = s.words.size();
    // (Nor into a date or a duration the labeller left out of it: "for two weeks | last month", "in the south
    // | for another year".)
    for (std::size_t j = scope.last; j < ceiling; ++j) {
      const Word& w = s.words[j];
      if (w.lower == "for" && j > k + 1 &&
          is_duration_phrase(s, {j + 1, noun_phrase_words_end(s, j + 1, s.words.size())})) {
        ceiling = j;
        break;
      }
      if (taken(j) || w.punct ||
          (j > k + 1 && w.entity_start && w.entity == static_cast<std::int8_t>(EntityType::Date) &&
           is_np_word(s.words[j - 1])))
        ceiling = j;
    }
    const WordRange object = np_starting_at(s, k + 1, ceiling);
    const bool clause = object.last < s.words.size() &&
                        (syntax::is_verb(s.words[object.last].pos) || s.words[object.last].pos == Pos::MD);
    // (A preposition with nothing but function words is too little to go on unless a name or date follows:
    // "in 1997", "in several European countries"; "in a move", "in the hope" are no scopes.)
    bool named = false;
    for (std::size_t j = k + 1; j < scope.last && !named; ++j) named = !is_function_word(s.words[j]);
    for (std::size_t j = object.first; j < object.last && !named; ++j) named = s.words[j].entity != kNoEntity;
    // Or a noun that is no part of a complex preposition ("in the south of X", not "in the wake of X").
    std::size_t head = object.first;
    while (head + 1 < object.last && !is_one_of(s.words[head + 1].lower, {"of", "for", "and"})) ++head;
    named = named ||
            (!object.empty() && syntax::is_noun(s.words[head].pos) &&
             !is_one_of(s.words[head].lower, {"hope", "wake", "move", "bid", "effort", "attempt", "order",
                                              "response", "addition", "view", "light", "face", "event",
                                              "case", "meantime", "process", "course", "way", "name"}));
    if (!object.empty() && object.last > last && !clause && named) last = object.last;
    // "until the appeal is heard", "before the court rules": a clause of time is the limit, whole.
    // (Its subject a noun phrase, and no role inside it: not "before being approved".)
    bool noun = false;
    for (std::size_t j = object.first; j < object.last && !noun; ++j) noun = syntax::is_noun(s.words[j].pos);
    if (clause && noun && is_one_of(s.words[k].lower, {"until", "till", "before", "after"})) {
      const WordRange whole = without_final_punct(s, {k, clause_end(s, object.last)});
      bool free = true;
      for (std::size_t j = object.last; j < whole.last && free; ++j) free = !taken(j);
      if (free) last = std::max(last, whole.last);
    }
  }
  return {first, last};
}

}  // namespace

std::size_t dateline_end(const SentenceView& s) {
  // Names (a place), then optionally a comma and a date, then a dash, within the first words.
  const std::size_t n = std::min<std::size_t>(s.words.size(), 12);
  std::size_t k = 0;
  bool place = false;
  while (k < n && s.words[k].capitalised && s.words[k].entity != static_cast<std::int8_t>(EntityType::Date)) {
    place = place || s.words[k].entity == static_cast<std::int8_t>(EntityType::Location);
    ++k;
  }
  if (!place || k == 0) return 0;
  if (k < n && s.words[k].lower == ",") {
    ++k;
    while (k < n && (s.words[k].entity == static_cast<std::int8_t>(EntityType::Date) ||
                     (s.words[k].lower == "," && k + 1 < n && s.words[k + 1].pos == syntax::Pos::CD)))
      ++k;
  }
  return k < n && is_one_of(s.words[k].lower, {"-", "\u2013", "\u2014", "--"}) ? k + 1 : 0;
}

// "Britain has given Ukraine permission to V", "The council granted the firm a licence to V", "The ministry
// issued export licences to three firms": after a verb of giving, the noun phrase between it and a noun of
// permission (less the noun's own determiners) is who receives it, and so is "to" and a noun phrase after
// the noun; the verb's subject (past a time: "The council on Monday gave ...") gives it. What is allowed is
// the infinitive after the noun ("a licence to trade"), else, with a recipient after "to", the noun phrase
// given.
void read_giving(const SentenceView& s, const Candidate& c, Roles& roles) {
  if (!(c.sections & bit(Section::PermitNoun)) || c.first == 0) return;
  const std::size_t floor = c.governor ? *c.governor + 1 : 0;
  std::size_t end = c.governor ? c.head : c.first;  // where the noun's own phrase starts
  while (end > floor && end + 3 > c.first && is_determiner_or_modifier(s.words[end - 1])) --end;
  std::size_t k = end;  // where the recipient between them starts
  while (k > floor && k + 5 > end && is_np_word(s.words[k - 1]) && !syntax::is_verb(s.words[k - 1].pos)) --k;
  if (k == 0) return;
  const std::size_t at = k - 1;
  const Word& verb = s.words[at];
  // (Not the passive: "will be granted work permits" names no giver before it.)
  if ((c.governor && at != *c.governor) || !syntax::is_verb(verb.pos) ||
      !is_one_of(verb.lemma, {"give", "grant", "issue", "award", "offer"}) || verb_group(s, at).be)
    return;
  const WordRange between{k, end};
  const auto recipient = [&]() {
    if (between.empty() || !holds_a_name_or_noun(s, between)) return false;
    // (Not a noun modifying the one given: "issued export licences".)
    const Word& last = s.words[between.last - 1];
    return end < c.first || opens_noun_phrase(s.words[k]) || last.entity != kNoEntity ||
           last.pos == syntax::Pos::PRP || last.pos == syntax::Pos::NNS || last.pos == syntax::Pos::NNP ||
           last.pos == syntax::Pos::NNPS;
  };
  const std::size_t clause = clause_end(s, c.last + 1);
  const bool infinitive =
      c.last + 2 < clause && s.words[c.last + 1].lower == "to" && s.words[c.last + 2].pos == syntax::Pos::VB;
  WordRange party;
  if (recipient()) {
    party = between;
  } else if (!infinitive && c.last + 2 < clause && s.words[c.last + 1].lower == "to") {
    party = np_starting_at(s, c.last + 2, clause);
    if (party.empty() || !holds_a_name_or_noun(s, party)) return;
    // (An approval given to something approves it: "gave its approval to the merger".)
    if (is_one_of(s.words[c.last].lemma,
                  {"approval", "go-ahead", "light", "clearance", "authorization", "authorisation"})) {
      roles.action = party;
      roles.subject = {};
      return;
    }
    roles.action = {k, c.last + 1};
    // "granted licences to three firms to sell spare parts": the infinitive after the party is what it may
    // do.
    if (party.last + 1 < clause && s.words[party.last].lower == "to" &&
        s.words[party.last + 1].pos == syntax::Pos::VB)
      roles.action = without_final_punct(s, {party.last + 1, clause});
  } else {
    return;
  }
  roles.subject = party;
  const WordRange giver = subject_phrase_before(s, before_time_adjunct(s, verb_group(s, at).begin));
  roles.actor = giver.first < at ? giver : WordRange{};
  if (infinitive && (roles.action.empty() || (roles.action.first < c.last + 1 && roles.action.last > k)))
    roles.action = {c.last + 2, clause};
}

namespace {

// "X may V and may not W", "X are not covered and remain banned": the subject a verb group joined by "and" or
// "but" shares with the nearest modal (with `any_verb`, modal or finite verb) before it in the clause.
WordRange subject_over_conjunction(const SentenceView& s, std::size_t group, bool any_verb) {
  if (group == 0 || !is_one_of(s.words[group - 1].lower, {"and", "but"})) return {};
  for (std::size_t j = group - 1; j-- > 0 && !is_clause_punct(s.words[j]);) {
    if (s.words[j].pos == syntax::Pos::MD || (any_verb && syntax::is_finite_verb(s.words[j].pos)))
      return subject_phrase_before(s, verb_group(s, j).begin);
  }
  return {};
}

}  // namespace

void tidy_roles(const SentenceView& s, const Candidate& c, Roles& roles) {
  if (!s.tagged) return;
  WordRange& a = roles.action;
  // After the action grows: a scope it now holds is part of it.
  const auto drop_scopes_in_action = [&] {
    std::erase_if(roles.scopes, [&](WordRange r) { return spans_overlap(r, a); });
  };
  read_giving(s, c, roles);
  // "Norway, which banned the exports in May, ...": the noun phrase a relative pronoun stands for is who
  // decides with the active verb of its clause (with a passive, "which was banned", it is what is decided).
  if (syntax::is_verb(s.words[c.first].pos)) {
    const VerbGroup g = verb_group(s, c.first);
    if (!g.be && !g.to && g.begin >= 3 && is_one_of(s.words[g.begin - 1].lower, {"which", "who"}) &&
        s.words[g.begin - 2].lower == ",") {
      WordRange antecedent = subject_phrase_before(s, g.begin - 2);
      // (Not a participle that opens the list: "including X and Y".)
      while (!antecedent.empty() && (s.words[antecedent.first].pos == syntax::Pos::VBG ||
                                     s.words[antecedent.first].pos == syntax::Pos::IN))
        ++antecedent.first;
      if (!antecedent.empty() && holds_a_name_or_noun(s, antecedent)) {
        roles.actor = antecedent;
        if (spans_overlap(roles.subject, antecedent)) roles.subject = {};
      }
    }
  }
  // "Germany still bans strikes far into X": the subject of an active finite verb of deciding is who decides,
  // never the party (the labeller may read it as the party and a noun after the verb as the maker).
  if (syntax::is_finite_verb(s.words[c.head].pos) && (c.sections & kVerbFrameSections) &&
      !roles.subject.empty() && roles.subject.last <= c.first &&
      (roles.actor.empty() || roles.actor.first > c.last)) {
    const VerbGroup g = verb_group(s, c.first);
    const WordRange before = subject_phrase_before(s, g.begin);
    // (Not a participle: "people not allowed to V".)
    if (!g.be && !g.get && !g.to && s.words[g.begin].lower != "not" && roles.subject.first == before.first &&
        roles.subject.last == before.last) {
      roles.actor = roles.subject;
      roles.subject = {};
    }
  }
  // "Norway bans strikes far into the zone": after an active verb of prohibiting, a noun phrase that no
  // "from" or infinitive follows is what is banned, not a barred party (the labeller may read it as the party
  // and the words after it as the action).
  if ((c.sections & bit(Section::Prohibit)) && syntax::is_verb(s.words[c.head].pos) &&
      !roles.subject.empty() && roles.subject.first == c.last + 1 && a.first >= roles.subject.last &&
      a.first <= roles.subject.last + 3 && !verb_group(s, c.first).be) {
    bool party = false;
    for (std::size_t k = roles.subject.first; k < a.last && !party; ++k)
      party = is_one_of(s.words[k].lower, {"from", "to", ","}) || s.words[k].pos == syntax::Pos::VBG;
    if (!party) {
      a.first = roles.subject.first;
      roles.subject = {};
      drop_scopes_in_action();
    }
  }
  // "The ministry froze their assets and barred them": a maker read before the trigger ends before a verb of
  // deciding that follows a noun in it (the verb of an earlier decision, not a part of the name; the tagger
  // may read it as a noun, but a determiner after it opens its object).
  if (!roles.actor.empty() && roles.actor.last <= c.first) {
    for (std::size_t k = roles.actor.first + 1; k < roles.actor.last; ++k) {
      const Word& w = s.words[k];
      const bool verb = w.pos == syntax::Pos::VBD || w.pos == syntax::Pos::VBZ ||
                        (k + 1 < s.words.size() && opens_noun_phrase(s.words[k + 1]));
      if (verb && (w.starts & kVerbFrameSections) && syntax::is_noun(s.words[k - 1].pos)) {
        roles.actor.last = k;
        break;
      }
    }
  }
  // "forbidden from using phones in class under new guidance": "under" and a word for a rule after the
  // action names where the decision comes from, not a part of what is decided.
  for (std::size_t k = a.first + 1; a.first > c.last && k + 1 < a.last; ++k) {
    if (s.words[k].lower != "under") continue;
    bool rule = false;
    for (std::size_t d = k + 1; d < std::min(a.last, k + 4) && !rule; ++d)
      rule = syntax::is_noun(s.words[d].pos) &&
             is_one_of(s.words[d].lemma, {"law", "rule", "guidance", "guideline", "regulation", "agreement",
                                          "deal", "decree", "directive", "policy", "legislation", "treaty",
                                          "ordinance", "scheme", "programme", "program"});
    if (rule) {
      a.last = k;
      break;
    }
  }
  // "providing them with insurance, financing or port services", "selling minors alcohol, tobacco or
  // fireworks": noun-phrase words after a comma that closes the action, with "and" or "or" before the last
  // item, are the rest of a list the action began, not a scope (nor left out).
  if (!a.empty() && a.last + 2 < s.words.size() && s.words[a.last].lower == "," &&
      syntax::is_noun(s.words[a.last - 1].pos) && a.last - 1 != c.last) {
    std::size_t k = a.last + 1, tail = 0;
    bool joined = false;
    for (; k < s.words.size() && (is_np_word(s.words[k]) || is_one_of(s.words[k].lower, {",", "and", "or"}));
         ++k) {
      // (Not "and" inside a name: "the Securities and Exchange Commission".)
      if (k > a.last + 1 && is_one_of(s.words[k].lower, {"and", "or"}) && s.words[k].entity == kNoEntity)
        joined = true;
      if (joined && syntax::is_noun(s.words[k].pos)) tail = k + 1;
    }
    const WordRange rest{a.last + 1, tail};
    const auto inside = [&](WordRange r) { return r.first >= rest.first && r.last <= rest.last; };
    const auto clear = [&](WordRange r) { return inside(r) || !spans_overlap(r, rest); };
    // The list ends its clause or a preposition follows it (a verb after it makes it a clause's subject).
    const bool ends =
        tail > 0 && (tail == s.words.size() || s.words[tail].punct || s.words[tail].pos == syntax::Pos::IN ||
                     s.words[tail].pos == syntax::Pos::TO);
    // (A scope read inside the list is part of it; one reaching past it, or a party in it, leaves it alone.)
    if (ends && !spans_overlap(roles.subject, rest) && !spans_overlap(roles.actor, rest) &&
        std::all_of(roles.scopes.begin(), roles.scopes.end(), clear)) {
      std::erase_if(roles.scopes, inside);
      a.last = tail;
    }
  }
  // "New Delhi, 9 September 2026 - India banned ...": the dateline says where and when the report was
  // filed; no role stands in it.
  if (const std::size_t dateline = dateline_end(s); dateline > 0 && c.first >= dateline) {
    for (WordRange* r : {&roles.action, &roles.subject, &roles.actor}) {
      if (!r->empty() && r->first < dateline) *r = {};
    }
    std::erase_if(roles.scopes, [&](WordRange r) { return r.first < dateline; });
    // Who decides is then the subject of the active verb after it ("India banned").
    const VerbGroup g = verb_group(s, c.first);
    const std::size_t verb = c.governor ? *c.governor : c.head;
    if (roles.actor.empty() && !g.be && !g.to && syntax::is_verb(s.words[verb].pos)) {
      const WordRange maker = subject_phrase_before(s, before_time_adjunct(s, g.begin));
      if (maker.first >= dateline) roles.actor = maker;
    }
  }
  // "Finland and Sweden have lifted X": an actor that ends where the trigger's finite active verb group
  // begins is the whole noun phrase there, its coordinated members (or its determiner) included. (Not before
  // a participle that qualifies a noun: "a state law banning X".)
  if (!roles.actor.empty() && roles.actor.last <= c.first) {
    const VerbGroup g = verb_group(s, c.first);
    const syntax::Pos pos = s.words[c.first].pos;
    const bool finite =
        syntax::is_verb(pos) && pos != syntax::Pos::VBG && (pos != syntax::Pos::VBN || g.have);
    if (finite && !g.be && roles.actor.last == g.begin) {
      const WordRange whole = subject_phrase_before(s, g.begin);
      bool joined = false, determiners = true;
      for (std::size_t k = whole.first; k < roles.actor.first; ++k) {
        joined = joined || is_one_of(s.words[k].lower, {"and", "or"});
        determiners = determiners && opens_noun_phrase(s.words[k]);
      }
      if (whole.first < roles.actor.first && whole.last == roles.actor.last && (joined || determiners))
        roles.actor = whole;
    }
  }
  // "freezing their assets and banning firms from X": a party that opens with the verb (or gerund) of
  // another decision after the trigger is that decision's, not this one's.
  for (WordRange* r : {&roles.subject, &roles.actor}) {
    if (r->empty() || r->first <= c.last) continue;
    const Word& w = s.words[r->first];
    if ((syntax::is_verb(w.pos) || w.lower.ends_with("ing")) && (w.starts & kVerbFrameSections)) *r = {};
  }
  {
    WordRange maker;
    const WordRange object = relative_object(s, c, maker);
    if (!object.empty()) {
      // A prepositional phrase after the verb is then a limit of it ("granted until January").
      const std::size_t end = clause_end(s, c.last + 1);
      std::size_t k = c.last + 1;
      while (k < end && syntax::is_adverb(s.words[k].pos)) ++k;
      const WordRange limit = k < end && s.words[k].pos == syntax::Pos::IN
                                  ? WordRange{k, np_starting_at(s, k + 1, end).last}
                                  : WordRange{};
      const bool known = std::any_of(roles.scopes.begin(), roles.scopes.end(), [&](WordRange r) {
        return r.first <= limit.first && limit.first < r.last;
      });
      if (limit.last > limit.first + 1 && !known) roles.scopes.push_back(limit);
      a = object;
      roles.actor = maker;
      if (!roles.subject.empty() && roles.subject.first < c.first) roles.subject = {};
    }
  }
  // "rejected a proposal to ban X": a part of a trigger of several words is not what is decided, what follows
  // the trigger is; but a noun phrase that ends the trigger ("exempt from the port ban") is its object.
  bool object_of_trigger = a.last == c.last + 1 && a.first > c.first;
  for (std::size_t k = a.first; object_of_trigger && k < a.last; ++k)
    object_of_trigger = is_np_word(s.words[k]) && !syntax::is_verb(s.words[k].pos);
  if (!a.empty() && c.last > c.first && a.first >= c.first && a.last <= c.last + 1 && !object_of_trigger) {
    // The words after the trigger up to a preposition or the clause end (the tagger may read a noun of the
    // object as a verb: "ban energy drinks").
    const std::size_t end = clause_end(s, c.last + 1);
    a = {c.last + 1, c.last + 1};
    while (a.last < end && s.words[a.last].pos != syntax::Pos::IN && s.words[a.last].pos != syntax::Pos::TO &&
           !s.words[a.last].punct)
      ++a.last;
    if (!holds_a_name_or_noun(s, a)) a = {};
  }
  // "Riding scooters on pavements will be banned": an action that is only a passive trigger itself is the
  // phrase before its verb group, and that phrase is no subject then. Not a person ("Ms Lund was suspended":
  // the person is who the decision is about).
  if (!a.empty() && c.first == c.last && a.first >= c.first && a.last <= c.last + 1 &&
      s.words[c.head].pos == syntax::Pos::VBN) {
    const VerbGroup g = verb_group(s, c.first);
    WordRange before = g.be ? subject_phrase_before(s, g.begin) : WordRange{};
    // (With the gerund that opens it: "Riding scooters on pavements".)
    if (!before.empty() && before.first == clause_begin(s, before.first) + 1 &&
        s.words[before.first - 1].pos == syntax::Pos::VBG)
      --before.first;
    bool person = false;
    for (std::size_t k = before.first; k < before.last; ++k)
      person = person || s.words[k].entity == static_cast<std::int8_t>(EntityType::Person) ||
               s.words[k].pos == syntax::Pos::PRP;
    if (!before.empty() && !person) {
      a = before;
      if (spans_overlap(roles.subject, before)) roles.subject = {};
    }
  }
  // "Ms Lund was suspended on Friday": a person a sanction is done to in the passive, with nothing after the
  // verb naming an act, is who the decision is about, and the verb says what was decided (where the action
  // read was the person).
  if ((c.sections & bit(Section::Sanction)) && c.first == c.last && s.words[c.head].pos == syntax::Pos::VBN &&
      !a.empty() && a.last <= c.first) {
    const VerbGroup g = verb_group(s, c.first);
    const WordRange before = g.be ? subject_phrase_before(s, g.begin) : WordRange{};
    // (The phrase's head is a person's name or a pronoun, or a title opens it: not "Yili's shares".)
    const bool person =
        !before.empty() &&
        (s.words[before.last - 1].entity == static_cast<std::int8_t>(EntityType::Person) ||
         s.words[before.last - 1].pos == syntax::Pos::PRP ||
         is_one_of(s.words[before.first].lower, {"mr", "ms", "mrs", "dr", "mr.", "ms.", "mrs.", "dr."}));
    const bool object_after = c.last + 1 < s.words.size() &&
                              (is_np_word(s.words[c.last + 1]) || s.words[c.last + 1].lower == "from");
    if (person && !object_after && a.first >= before.first && a.last <= before.last) {
      roles.subject = before;
      a = {c.first, c.last + 1};
    }
  }
  // "Cyclists can be fined for riding on the promenade": the act and who may be penalised for it.
  if (const Roles penalty = penalised_act(s, c); !penalty.action.empty()) {
    a = penalty.action;
    roles.subject = penalty.subject;
    roles.actor = {};
    roles.scopes.clear();
  }
  // "Farm vehicles are not covered by the decision": after a passive verb of covering, the phrase after "by"
  // is the decision (the caller resolves a reference to it), and the phrase before the verb group is what it
  // leaves out.
  if (const WordRange decision = negated_cover_by(s, c); !decision.empty()) {
    const WordRange left_out = subject_phrase_before(s, verb_group(s, c.first).begin);
    if (!left_out.empty()) {
      a = decision;
      roles.subject = left_out;
      if (!roles.actor.empty() && spans_overlap(roles.actor, decision)) roles.actor = {};
      // A scope inside the "by" phrase is the decision's wording; one after "and" + a verb is another
      // clause's ("and will be reviewed in April").
      std::size_t joint = decision.last;
      while (joint + 1 < s.words.size() &&
             !(s.words[joint].pos == syntax::Pos::CC &&
               (syntax::is_verb(s.words[joint + 1].pos) || s.words[joint + 1].pos == syntax::Pos::MD)))
        ++joint;
      for (WordRange& scope : roles.scopes) {
        if ((scope.first < decision.last && c.last < scope.last) || scope.first > joint) scope = {};
      }
    }
  }
  // An action is a thing or an activity, never a bare place, time or condition: a span that opens with a
  // preposition ("in the old town", "between noon and six") is a scope of the decision, and a span of
  // punctuation is nothing; the caller then looks for the action elsewhere (the argument frame).
  if (!a.empty() && s.words[a.first].pos == syntax::Pos::IN && !s.words[a.first].punct) {
    roles.scopes.push_back(a);
    a = {};
  }
  // A span of punctuation, adverbs or determiners ("altogether", "again", "all") is nothing: adverbs say how,
  // not what.
  const auto no_word = [&] {
    for (std::size_t k = a.first; k < a.last; ++k) {
      const Word& w = s.words[k];
      if (!(w.punct || syntax::is_adverb(w.pos) || w.pos == syntax::Pos::DT || w.pos == syntax::Pos::PDT))
        return false;
    }
    return true;
  };
  // Then what the decision is about is the trigger's own noun phrase: the noun a verb governs ("scrap the
  // quota"), or the phrase a noun trigger ends ("the current ban"); a verb trigger leaves it to the caller.
  const auto trigger_phrase = [&]() -> WordRange {
    if (c.governor && *c.governor < c.head) return {*c.governor + 1, c.last + 1};
    if (syntax::is_noun(s.words[c.head].pos)) return np_ending_at(s, c.last + 1, clause_begin(s, c.first));
    return {};
  };
  if (no_word()) a = trigger_phrase();
  // "lifted the curfew on Monday": a date is when, never what; with its preposition it is a time scope, and
  // a trigger noun governed by a verb ("lifted the curfew") is then what the decision is about.
  if (is_date_phrase(s, a)) {
    const std::size_t first =
        a.first > 0 && s.words[a.first - 1].pos == syntax::Pos::IN ? a.first - 1 : a.first;
    roles.scopes.push_back({first, a.last});
    a = c.governor && *c.governor < c.head ? WordRange{*c.governor + 1, c.last + 1} : WordRange{};
  }
  // "proposed that the agency extend approval to adults", "let shops open on Sundays": an action that opens
  // with a noun phrase and then its verb (the trigger's own, or one after it) names the party and what it
  // may do; the phrase is the subject, unless the labeller found another one before the trigger.
  if (!a.empty() && (roles.subject.empty() || roles.subject.first >= a.first)) {
    const std::size_t verb = c.governor && *c.governor == c.first ? c.first : SIZE_MAX;
    const std::size_t v = verb_after_party(s, a, verb);
    if (v > a.first && (v == c.first || (a.first > c.last && v > c.last))) {
      roles.subject = {a.first, v};
      a.first = v;
    }
  }
  // "Passengers are allowed three items of luggage": a passive permitting verb with a noun phrase right after
  // it gives that thing to the party before the verb; the thing is what is decided, the party its subject.
  if ((c.sections & bit(Section::Permit)) && c.first == c.last && s.words[c.head].pos == syntax::Pos::VBN) {
    const VerbGroup group = verb_group(s, c.first);
    const std::size_t end = clause_end(s, c.last + 1);
    std::size_t k = c.last + 1;
    while (k < end && s.words[k].pos == syntax::Pos::RB) ++k;
    std::size_t last = noun_phrase_words_end(s, k, end);
    // "of" and its noun phrase stay with the thing ("three items of luggage").
    if (last + 1 < end && s.words[last].lower == "of" && is_np_word(s.words[last + 1]))
      last = noun_phrase_words_end(s, last + 1, end);
    const WordRange party = subject_phrase_before(s, group.begin);
    const bool trigger_only = !a.empty() && a.first >= c.first && a.last <= c.last + 1;
    if (group.be && !group.to && last > k && opens_noun_phrase(s.words[k]) &&
        holds_a_name_or_noun(s, {k, last}) && !party.empty() &&
        (a.empty() || a.last <= group.begin || trigger_only)) {
      roles.subject = party;
      a = {k, last};
      for (WordRange& scope : roles.scopes) {
        if (scope.first < last && k < scope.last)
          scope = scope.last > last ? WordRange{last, scope.last} : WordRange{};
      }
    }
  }
  // "forbids long-range missiles" -> "long-range missiles": the trigger is not the thing it decides about.
  if (!a.empty() && a.first >= c.first && a.first <= c.last && a.last > c.last + 1) {
    a.first = c.last + 1;
    while (a.first < a.last && (s.words[a.first].lower == "on" || s.words[a.first].lower == "against"))
      ++a.first;
  }
  // "a pilot of a" (cut inside the "of" phrase of its noun): the phrase runs on over the words of the noun
  // phrase after "of".
  if (!a.empty() && a.first > c.last) {
    std::size_t k = a.last;
    while (k > a.first + 2 && s.words[k - 1].pos == syntax::Pos::DT) --k;
    if (k > a.first + 2 && s.words[k - 1].lower == "of" && syntax::is_noun(s.words[k - 2].pos))
      a.last = std::max(a.last, noun_phrase_words_end(s, a.last, clause_end(s, a.last)));
  }
  // "from entering the | EU": an action that ends on a determiner or a possessive read before more noun
  // phrase words goes on through them (other function words that end it are left out).
  if (!a.empty() && a.first > c.last && a.last > a.first + 1 && a.last < s.words.size() &&
      (s.words[a.last - 1].pos == syntax::Pos::DT || s.words[a.last - 1].pos == syntax::Pos::PRPS)) {
    const std::size_t end = clause_end(s, a.last);
    std::size_t k = a.last;
    while (k < end && is_np_word(s.words[k])) ++k;
    if (k > a.last) {
      a.last = k;
      drop_scopes_in_action();
    }
  }
  while (a.last > a.first + 1 && is_function_word(s.words[a.last - 1])) --a.last;
  // "a pilot of a four-day (working week)": an action that ends on a modifier ends inside its noun phrase;
  // it runs on to the noun.
  if (!a.empty() && a.first > c.last) {
    const std::size_t end = clause_end(s, a.last);
    const auto modifier = [&](const Word& w) {
      return !w.punct && w.entity != static_cast<std::int8_t>(EntityType::Date) &&
             (syntax::is_adjective(w.pos) || w.pos == syntax::Pos::CD || w.pos == syntax::Pos::VBG);
    };
    std::size_t last = a.last;
    if (modifier(s.words[last - 1])) {
      while (last < end && (syntax::is_noun(s.words[last].pos) || modifier(s.words[last]))) ++last;
    }
    if (last > a.last && syntax::is_noun(s.words[last - 1].pos)) a.last = last;
  }
  // "extending the permission to all ports": what a verb of extending carries to a place or party is the
  // decision itself, so the action is the whole phrase, not the place it now reaches.
  if (const auto verb = extending_verb(s, c, a)) a.first = *verb;
  // "scrap the quota altogether" -> "altogether" above.
  if (!a.empty() && no_word()) a = trigger_phrase();
  // "allow X to use the tanks only on its own territory": "only" and a preposition or condition inside the
  // action open its limit, to the action's end.
  for (std::size_t k = a.first + 1; !a.empty() && k + 1 < a.last; ++k) {
    if (!opens_limit(s, k)) continue;
    roles.scopes.push_back({k, a.last});
    a.last = k;
    break;
  }
  // "fireworks after complaints that the noise ...": a reason clause ("after", "following" or "amid" and a
  // noun phrase with a that-clause) says why, and is no part of what is decided; "fireworks after the
  // festival": "after" or "before" and a noun phrase after the thing's noun says when, a scope.
  for (std::size_t k = a.first + 1; !a.empty() && k + 1 < a.last; ++k) {
    if (!is_one_of(s.words[k].lower, {"after", "before", "following", "amid"}) ||
        !syntax::is_noun(s.words[k - 1].pos))
      continue;
    const WordRange phrase = np_starting_at(s, k + 1, a.last);
    if (phrase.empty()) continue;
    // (A verb after the noun phrase makes it a clause too: "before a council has had a chance to V".)
    const bool clause = phrase.last < s.words.size() &&
                        (s.words[phrase.last].lower == "that" || syntax::is_verb(s.words[phrase.last].pos) ||
                         s.words[phrase.last].pos == syntax::Pos::MD);
    if (clause) {
      a.last = k;
    } else if (phrase.last == a.last && is_one_of(s.words[k].lower, {"after", "before"})) {
      roles.scopes.push_back({k, a.last});
      a.last = k;
    }
    break;
  }
  // "covering the tankers from Wednesday", "from that date": a time phrase at the end of the action says when
  // the decision applies, a scope of it, not a part of what is decided.
  WordRange when = trailing_time_phrase(s, a);
  if (!when.empty()) {
    // "until a full hearing in January": a phrase of "until" or "during" right before the date is the same
    // limit.
    if (const WordRange before = trailing_time_phrase(s, {a.first, when.first});
        !before.empty() && before.last == when.first &&
        is_one_of(s.words[before.first].lower, {"until", "till", "during"}))
      when.first = before.first;
    roles.scopes.push_back(when);
    a.last = when.first;
  }
  if (!a.empty() &&
      (c.sections & (bit(Section::Permit) | bit(Section::PermitNoun) | bit(Section::Legalise)))) {
    const WordRange purpose = purpose_phrase(s, a);
    if (!purpose.empty()) {
      roles.scopes.push_back(purpose);
      a.last = std::min(a.last, purpose.first);
      for (WordRange& scope : roles.scopes) {
        if (&scope != &roles.scopes.back() && scope.first >= purpose.first && scope.last <= purpose.last)
          scope = {};
      }
    }
  }
  // "Exports of software that could be used for surveillance are still banned", "Boats which carry more than
  // ten people are banned from the lake": what a passive verb group is about, or who it bars, is the noun
  // phrase before it with the relative clause that describes it, not that clause or its object alone.
  if (s.words[c.head].pos == syntax::Pos::VBN) {
    const VerbGroup g = verb_group(s, c.first);
    // The noun phrase and its relative clause up to the verb group, for a role `r` inside that clause.
    const auto described = [&](WordRange r) -> WordRange {
      if (!g.be || r.empty() || r.last > g.begin) return {};
      for (std::size_t k = r.first; k-- > 1 && k + 8 >= r.first;) {
        if (is_clause_punct(s.words[k])) break;
        if (!is_one_of(s.words[k].lower, {"that", "which", "who"})) continue;
        // (A relative clause's verb follows its pronoun; a subject after "that" opens a clause of its own:
        // "the fact that the client is allowed".)
        const syntax::Pos next = s.words[k + 1].pos;
        if (!(syntax::is_verb(next) || next == syntax::Pos::MD || next == syntax::Pos::RB)) return {};
        const WordRange head = subject_phrase_before(s, k);
        // (Not after a verb of reporting read as a noun: "The proposal states that ...".)
        if (head.empty() || !syntax::is_noun(s.words[k - 1].pos) || spans_overlap(head, roles.actor) ||
            (s.words[k - 1].starts & bit(Section::Reporting)))
          return {};
        return {head.first, g.begin};
      }
      return {};
    };
    // ("Hunters who V can be fined": the party and its act, read apart.)
    if (const WordRange whole = a.last <= c.first ? described(a) : WordRange{};
        !whole.empty() && !spans_overlap(whole, roles.subject))
      a = whole;
    if (const WordRange whole = !a.empty() && a.first > c.last ? described(roles.subject) : WordRange{};
        !whole.empty())
      roles.subject = whole;
  }
  // "allowed X to use launchers supplied by Y to hit positions near Z": an infinitive right after an act that
  // opens with its verb says what the act is for, and is part of what is allowed or barred.
  if (!a.empty() && a.first > c.last && syntax::is_verb(s.words[a.first].pos) &&
      a.last + 1 < s.words.size() && s.words[a.last].lower == "to" &&
      s.words[a.last + 1].pos == syntax::Pos::VB &&
      !(s.words[a.last + 1].starts & kTriggerSections)) {  // (not a decision of its own: "to allow X")
    const WordRange purpose = without_final_punct(s, {a.last, clause_end(s, a.last)});
    if (!spans_overlap(purpose, roles.subject) && !spans_overlap(purpose, roles.actor)) {
      a.last = purpose.last;
      drop_scopes_in_action();
    }
  }
  // What follows the action's last noun and belongs to it: where the thing is, then which things ("positions
  // near the border", "weapons it has supplied"); not a phrase another role holds (a place may be a limit).
  if (!a.empty() && a.first > c.last) {
    const auto free = [&](WordRange phrase, bool scopes_too) {
      const auto overlaps = [&](WordRange r) { return !r.empty() && spans_overlap(r, phrase); };
      bool taken = overlaps(roles.subject) || overlaps(roles.actor);
      for (const WordRange& scope : roles.scopes) taken = taken || (scopes_too && overlaps(scope));
      return !phrase.empty() && !taken;
    };
    if (const WordRange list = list_after(s, a); free(list, true)) a.last = list.last;
    if (const WordRange place = place_phrase_after(s, a); free(place, true)) a.last = place.last;
    if (const WordRange clause = relative_clause_after(s, a); free(clause, false)) a.last = clause.last;
  }
  // "X is barred from Y and Z must be stored ...", "X is allowed but a ticket must be bought": what is
  // decided ends where a clause of its own begins; a role wholly in that clause is not this decision's.
  if (const std::size_t joint = new_clause_at(s, c.last + 1, clause_end(s, c.last + 1)); joint != SIZE_MAX) {
    if (!a.empty() && a.first > joint)
      a = {};
    else if (!a.empty() && a.first > c.last && a.last > joint)
      a.last = joint;
    for (WordRange& scope : roles.scopes) {
      if (scope.first > joint)
        scope = {};
      else if (scope.last > joint)
        scope.last = joint;
    }
  }
  // "reverse its policy and lift the sanctions": a second verb of deciding joined by "and"/"or" to the
  // trigger's object opens a decision of its own, read from its own trigger; the action ends before the
  // conjunction. An act that is permitted or barred ("allows X to end the deal and accept another") opens
  // with its verb, and a second verb there is more of that act.
  if (!a.empty() && a.first > c.last && !syntax::is_verb(s.words[a.first].pos)) {
    for (std::size_t k = a.first + 1; k + 1 < a.last; ++k) {
      const Word& next = s.words[k + 1];
      // The verb, or a base form the tagger read as a singular noun ("and lift trade sanctions") when a noun
      // phrase follows it, not a preposition ("and a ban on boats" is a noun).
      const bool verb =
          syntax::is_verb(next.pos) && next.pos != syntax::Pos::VBG && next.pos != syntax::Pos::VBN;
      const bool base_as_noun = next.pos == syntax::Pos::NN && next.lemma == next.lower && k + 2 < a.last &&
                                is_np_word(s.words[k + 2]) && s.words[k + 2].pos != syntax::Pos::IN;
      if (s.words[k].pos == syntax::Pos::CC && (next.starts & kVerbFrameSections) && (verb || base_as_noun)) {
        a.last = k;
        break;
      }
    }
  }
  // "a travel ban on two executives of the Baltra Shipping Group": a role never splits a name, nor a scope a
  // date ("Last year").
  std::vector<WordRange*> named_roles{&roles.action, &roles.subject, &roles.actor};
  for (WordRange& scope : roles.scopes) named_roles.push_back(&scope);
  for (WordRange* r : named_roles) {
    if (r->empty()) continue;
    const auto inside_name = [&](std::size_t k) {
      return s.words[k].entity != kNoEntity && !s.words[k].entity_start &&
             s.words[k - 1].entity == s.words[k].entity;
    };
    while (r->last < s.words.size() && inside_name(r->last)) ++r->last;
    while (r->first > 0 && inside_name(r->first)) --r->first;
  }
  // "sanctions on eleven firms and 40 tankers": two noun phrases joined by "and"/"or" are one phrase, with
  // the role of the first.
  for (WordRange* r : {&roles.subject, &roles.actor}) {
    if (!a.empty() && !r->empty() && a.last + 1 == r->first && s.words[a.last].pos == syntax::Pos::CC &&
        holds_a_name_or_noun(s, a) && holds_a_name_or_noun(s, *r)) {
      a.last = r->last;
      *r = {};
    }
  }
  // "froze the firm's assets": a possessive and the noun it qualifies are one phrase, with the role of the
  // first (the labeller reads the owner as the action and the owned thing as a party).
  for (WordRange* r : {&roles.subject, &roles.actor}) {
    if (!a.empty() && !r->empty() && a.last + 1 == r->first && is_possessive(s.words[a.last])) {
      a.last = r->last;
      *r = {};
    }
  }
  // "The council of Tarnow": a name joined to the actor by "of" is part of the actor's phrase, not the
  // subject.
  if (!roles.actor.empty() && !roles.subject.empty() && roles.actor.last + 1 == roles.subject.first &&
      s.words[roles.actor.last].lower == "of") {
    roles.actor.last = roles.subject.last;
    roles.subject = {};
  }
  // "Lawmakers in the parliament proposed ...": a noun and its prepositional phrase before the verb are one
  // phrase, the actor, not a subject and an actor.
  if (!roles.actor.empty() && !roles.subject.empty() && roles.subject.last + 1 == roles.actor.first &&
      roles.actor.last <= c.first && s.words[roles.subject.last].pos == syntax::Pos::IN) {
    roles.actor.first = roles.subject.first;
    roles.subject = {};
  }
  for (WordRange* r : {&roles.actor, &roles.subject}) *r = with_opening_noun(s, c, *r);
  complete_action_phrase(s, c, roles);
  complete_subject_phrase(s, c, roles);
  // "the ban on farmers selling raw milk": after a noun of banning and "on", a noun phrase and then a gerund
  // are who is barred and what from (the guidelines' "ban on X entering Y"), where the action read opens with
  // the party.
  if ((c.sections & (bit(Section::ProhibitNoun) | bit(Section::RestrictNoun))) &&
      c.last + 3 < s.words.size() && is_one_of(s.words[c.last + 1].lower, {"on", "against"})) {
    const std::size_t party = c.last + 2, end = clause_end(s, party);
    std::size_t gerund = noun_phrase_words_end(s, party, end);  // (with its prepositional phrases)
    while (gerund > party && gerund + 1 < end &&
           is_one_of(s.words[gerund].lower, {"of", "to", "in", "from"}) && is_np_word(s.words[gerund + 1]) &&
           !syntax::is_verb(s.words[gerund + 1].pos))
      gerund = noun_phrase_words_end(s, gerund + 1, end);
    // (Not a participle that works as a preposition: "a ban on beef imports following an outbreak".)
    if (gerund > party && gerund < end && s.words[gerund].pos == syntax::Pos::VBG &&
        !is_one_of(s.words[gerund].lower, {"following", "including", "regarding", "concerning", "excluding",
                                           "pending", "according", "during", "notwithstanding"}) &&
        holds_a_name_or_noun(s, {party, gerund}) && (a.empty() || (a.first >= party && a.first < gerund))) {
      roles.subject = {party, gerund};
      a = {gerund, std::max(gerund + 1, noun_phrase_words_end(s, gerund + 1, end))};
    }
  }
  const auto sending_noun = [&](std::size_t k) {
    return syntax::is_noun(s.words[k].pos) &&
           is_one_of(s.words[k].lemma,
                     {"export", "sale", "shipment", "transfer", "delivery", "supply", "flight", "transit"});
  };
  // "banned the export of X to Y": an act of sending after the trigger is what is barred, never the party
  // barred (the labeller may read it as the party and the destination after it as the act).
  if (const WordRange party = roles.subject; !party.empty() && party.first > c.last &&
                                             sending_noun(party.last - 1) &&
                                             (a.empty() || a.first >= party.last)) {
    a = {party.first, std::max(a.last, noun_phrase_words_end(s, party.first, clause_end(s, party.first)))};
    roles.subject = {};
    drop_scopes_in_action();
  }
  // So is what is sent, after the act's "of" ("banned the sale | of | flavoured vapes to anyone under 21").
  if (const WordRange party = roles.subject; !a.empty() && !party.empty() && a.first > c.last &&
                                             sending_noun(a.last - 1) && party.first == a.last + 1 &&
                                             s.words[a.last].lower == "of") {
    a.last = party.last;
    roles.subject = {};
    drop_scopes_in_action();
  }
  // "banned exports of advanced chips to Russia and Belarus": where goods go is part of the act of sending
  // them, not a party barred nor a limit of the decision (the labeller reads the destination as the subject,
  // as a scope, or leaves it out).
  if (!a.empty() && a.last + 1 < s.words.size() && s.words[a.last].lower == "to") {
    bool sending = false;
    for (std::size_t k = a.first; k < a.last && !sending; ++k) sending = sending_noun(k);
    const std::size_t place = a.last + 1, end = clause_end(s, place);
    std::size_t last = sending ? noun_phrase_words_end(s, place, end) : place;
    // (With the rest of a list of places: "to Russia and Belarus".)
    if (last > place && last + 1 < end && is_one_of(s.words[last].lower, {"and", "or"}))
      last = std::max(last, noun_phrase_words_end(s, last + 1, end));
    const WordRange destination{place, last};
    const bool free = (roles.subject.empty() || roles.subject.first == place) &&
                      !spans_overlap(roles.actor, {a.last, last});
    if (last > place && free && holds_a_name_or_noun(s, destination)) {
      a.last = last;
      roles.subject = {};
      drop_scopes_in_action();
    }
  }
  // "to anyone under 21", "children aged 12": an age right after the act's last noun belongs to it.
  if (!a.empty() && a.first > c.last && a.last + 1 < s.words.size() && is_np_word(s.words[a.last - 1]) &&
      is_one_of(s.words[a.last].lower, {"under", "over", "aged"}) &&
      s.words[a.last + 1].pos == syntax::Pos::CD && !spans_overlap({a.last, a.last + 2}, roles.subject) &&
      !spans_overlap({a.last, a.last + 2}, roles.actor)) {
    a.last += 2;
    drop_scopes_in_action();
  }
  // "for strikes deep | inside X", "to fire right | across the border": an adverb of degree that ends the
  // action right before a scope opened by a preposition of place modifies that preposition; it opens the
  // scope.
  if (a.last > a.first + 1 && is_degree_adverb(s.words[a.last - 1].lower)) {
    for (WordRange& r : roles.scopes) {
      if (r.first != a.last ||
          !is_one_of(s.words[r.first].lower,
                     {"inside", "into", "in", "across", "beyond", "within", "behind", "over", "past",
                      "through", "near", "along", "outside", "under", "toward", "towards", "from"}))
        continue;
      --r.first;
      --a.last;
      break;
    }
  }
  // "The curbs could be eased", "the permission applies only to X and could be withdrawn at any time": a
  // passive verb of deciding with no action but itself is about its subject (over "and", the first
  // predicate's) when that names a decision, which is then what it decides; a party read before its verb
  // group belongs to another predicate. ("The coach was suspended" decides the suspension of the coach.)
  if (a.first == c.first && a.last == c.last + 1 && s.words[c.head].pos == syntax::Pos::VBN) {
    const VerbGroup g = verb_group(s, c.first);
    WordRange thing = g.be || g.get ? subject_phrase_before(s, g.begin) : WordRange{};
    if (thing.empty() && (g.be || g.get)) thing = subject_over_conjunction(s, g.begin, true);
    const bool decision = std::any_of(
        s.words.begin() + static_cast<std::ptrdiff_t>(thing.first),
        s.words.begin() + static_cast<std::ptrdiff_t>(thing.last), [](const Word& w) {
          return syntax::is_noun(w.pos) && (w.starts & (kNounFrameSections | bit(Section::DecisionNoun)));
        });
    if (decision) {
      a = thing;
      if (!roles.subject.empty() && roles.subject.last <= g.begin) roles.subject = {};
    }
  }
  // "will let Kyiv fire long-range missiles": after "let", a party's last word read as a singular noun and
  // followed by the start of a noun phrase is the bare infinitive, the first word of what the party may do
  // (the tagger reads "Kyiv fire" as a compound; "let city police patrol X" keeps its party).
  if (s.words[c.head].lemma == "let" && syntax::is_verb(s.words[c.head].pos) &&
      roles.subject.last > roles.subject.first + 1 && a.first == roles.subject.last &&
      a.first < s.words.size() &&
      (opens_noun_phrase(s.words[a.first]) || syntax::is_adjective(s.words[a.first].pos))) {
    const std::size_t verb = roles.subject.last - 1;
    const syntax::Pos before = s.words[verb - 1].pos;
    if (s.words[verb].pos == syntax::Pos::NN &&
        (before == syntax::Pos::NNP || before == syntax::Pos::NNPS || before == syntax::Pos::NNS)) {
      roles.subject.last = verb;
      a.first = verb;
    }
  }
  // "approved a request from Poland to re-export the tanks": what a permission grants a request for is the
  // act requested, and who asked is its party.
  if ((c.sections & bit(Section::Permit)) && syntax::is_verb(s.words[c.head].pos) && !a.empty() &&
      a.first > c.last) {
    const std::size_t end = clause_end(s, c.last + 1);
    std::size_t k = c.last + 1;
    while (k < end && (opens_noun_phrase(s.words[k]) || syntax::is_adjective(s.words[k].pos))) ++k;
    if (k + 2 < end && syntax::is_noun(s.words[k].pos) &&
        is_one_of(s.words[k].lemma, {"request", "application", "bid", "petition"})) {
      WordRange party;
      std::size_t to = k + 1;
      if (is_one_of(s.words[to].lower, {"from", "by"})) {
        party = np_starting_at(s, to + 1, end);
        to = party.empty() ? end : party.last;
      }
      if (to + 1 < end && s.words[to].lower == "to" && syntax::is_verb(s.words[to + 1].pos) &&
          a.first <= to + 1) {
        a = {to + 1, std::max(a.last, end)};
        a = without_final_punct(s, a);
        if (!party.empty() && holds_a_name_or_noun(s, party)) roles.subject = party;
      }
    }
  }
  // "allow its weapons to be used for strikes": after a passive infinitive, what is permitted or barred is
  // the thing and what is done with it ("its weapons to be used for strikes"), not a party.
  if (!a.empty() && a.first >= 2 && a.first + 1 < a.last && s.words[a.first].lower == "be" &&
      s.words[a.first + 1].pos == syntax::Pos::VBN && s.words[a.first - 1].lower == "to" &&
      !roles.subject.empty() && roles.subject.last == a.first - 1) {
    a.first = roles.subject.first;
    roles.subject = {};
  }
  // "allow staff to work from home", "forbade clubs to sign players": after an active finite or base verb of
  // permitting (or "forbid", the verb of forbidding that takes an infinitive), a noun phrase and an
  // infinitive read as one action are the party (the noun phrase) and what it may or may not do (the
  // infinitive). (A passive infinitive, "allow its weapons to be used", is the rule above; "banning orders to
  // V" is a noun.) The labeller may have read the noun phrase as the action's first words or left it out.
  if (!a.empty() && roles.subject.empty() && syntax::is_verb(s.words[c.head].pos) &&
      s.words[c.head].pos != syntax::Pos::VBG &&
      ((c.sections & bit(Section::Permit)) || s.words[c.head].lemma == "forbid") &&
      !verb_group(s, c.first).be) {
    const std::size_t k = noun_phrase_words_end(s, c.last + 1, s.words.size());
    if (k > c.last + 1 && k + 1 < s.words.size() && s.words[k].lower == "to" &&
        s.words[k + 1].pos == syntax::Pos::VB && s.words[k + 1].lower != "be" &&
        (a.first == c.last + 1 || a.first == k + 1) && k + 1 < a.last &&
        holds_a_name_or_noun(s, {c.last + 1, k})) {
      roles.subject = {c.last + 1, k};
      a.first = k + 1;
    }
  }
  // "The council eased the curfew but kept the ban on alcohol sales": an action read past a conjunction and a
  // second predicate with its own word of deciding belongs to that decision; a verb joined to its frame noun
  // then decides about the noun's own phrase ("the curfew"). (Nouns joined without a verb share what follows:
  // "travel bans and asset freezes on X".)
  if (!a.empty() && c.governor && *c.governor <= c.first && (c.sections & kNounFrameSections) &&
      a.first > c.last + 1) {
    bool conjunction = false, verb = false, decision = false;
    for (std::size_t k = c.last + 1; k < a.first && !decision; ++k) {
      const Word& w = s.words[k];
      if (!conjunction) {
        conjunction = w.pos == syntax::Pos::CC || w.lower == "," || w.lower == ";";
      } else {
        verb = verb || syntax::is_verb(w.pos);
        decision = verb && (w.starts & kTriggerSections);
      }
    }
    if (decision) a = {*c.governor + 1, c.last + 1};
  }
  // "lift the curfew that has been in place since the riots in March": a relative clause right after the
  // action tells the story of the thing decided about; a time inside it ("in March") is no limit of this
  // decision. (A place in it may say which things are meant, "fireworks that are sold in the old town", and
  // stays; a relative clause with a word of deciding in it, "the rule that barred X until May", states the
  // restriction itself and keeps its limits.)
  if (!a.empty() && a.last + 1 < s.words.size() && is_one_of(s.words[a.last].lower, {"that", "which"})) {
    const std::size_t end = clause_end(s, a.last + 1);
    bool decision = false, verb = false;
    for (std::size_t k = a.last + 1; k < end; ++k) {
      decision = decision || (s.words[k].starts & kTriggerSections);
      verb = verb || syntax::is_verb(s.words[k].pos);
    }
    const auto dated = [&](WordRange r) {
      for (std::size_t k = r.first; k < r.last; ++k) {
        if (s.words[k].entity == static_cast<std::int8_t>(EntityType::Date) || s.words[k].lower == "since")
          return true;
      }
      return false;
    };
    if (verb && !decision)
      std::erase_if(roles.scopes, [&](WordRange r) { return r.first > a.last && r.last <= end && dated(r); });
  }
  // "between 7 a.m. and 7 p.m.", "between May and September": a range of dates or times after the trigger is
  // one limit of the decision, whether the labeller cut it at "and", left it in the action or left it out.
  {
    constexpr auto kDate = static_cast<std::int8_t>(EntityType::Date);
    const std::size_t end = clause_end(s, c.last + 1);
    for (std::size_t b = c.last + 1; b + 3 < end; ++b) {
      if (s.words[b].lower != "between" || s.words[b + 1].entity != kDate) continue;
      const std::size_t j = date_words_end(s, b + 1, end);
      if (j + 1 >= end || s.words[j].lower != "and" || s.words[j + 1].entity != kDate) break;
      const WordRange range{b, date_words_end(s, j + 1, end)};
      if (spans_overlap(roles.subject, range) || spans_overlap(roles.actor, range)) break;
      if (spans_overlap(a, range)) {
        if (a.first >= b) break;  // (an action that opens in the range is left as read)
        a.last = b;
      }
      std::erase_if(roles.scopes, [&](WordRange r) { return spans_overlap(r, range); });
      roles.scopes.push_back(range);
      std::sort(roles.scopes.begin(), roles.scopes.end(),
                [](WordRange x, WordRange y) { return x.first < y.first; });
      break;
    }
  }
  // A restriction noun and its phrase ("tighter restrictions", after the verb it is joined to). (A
  // restriction noun joined to its verb is a noun whatever the tagger says: "imposed a curfew".)
  const bool restriction_noun =
      (c.sections & kRestrictionNouns) && (syntax::is_noun(s.words[c.last].pos) || c.governor);
  WordRange restriction =
      restriction_noun ? np_ending_at(s, c.last + 1, c.governor ? *c.governor + 1 : clause_begin(s, c.first))
                       : WordRange{};
  // "travel bans and asset freezes on X": a second noun phrase joined by "and" or "or" is part of the
  // restriction's phrase, and "on" after it opens its party.
  std::size_t on_at = c.last + 1;
  if (!restriction.empty() && on_at + 1 < s.words.size() && s.words[on_at].pos == syntax::Pos::CC) {
    const std::size_t joined_end = np_starting_at(s, on_at + 1, clause_end(s, on_at + 1)).last;
    if (joined_end > on_at + 1 && joined_end < s.words.size() &&
        is_one_of(s.words[joined_end].lower, {"on", "against"})) {
      restriction.last = joined_end;
      on_at = joined_end;
    }
  }
  // "introduced tighter restrictions on Belarus", "an arms embargo against two named firms": a restriction
  // on a named country, organisation or person is on that party, and the restriction is what is decided,
  // where the action read is the party (the guidelines' "ban on X" reads X as the action when X is a thing
  // or an act: "a ban on fireworks").
  if (restriction_noun && on_at + 1 < s.words.size() && is_one_of(s.words[on_at].lower, {"on", "against"})) {
    WordRange party = np_starting_at(s, on_at + 1, clause_end(s, on_at + 1));
    const std::size_t phrase_end = party.last;
    // ("on Huawei last week": a date after the name says when.)
    while (party.last > party.first &&
           s.words[party.last - 1].entity == static_cast<std::int8_t>(EntityType::Date))
      --party.last;
    // (Or a word for such a party: "five officials", "the country", "two firms"; not a group of people by
    // what they are, "a ban on Muslims", nor an institution, "a moratorium on charter schools", which the
    // guidelines read as the action.)
    const auto named = [&](std::size_t k) {
      const Word& w = s.words[k];
      return is_named_party(w) || (syntax::is_noun(w.pos) &&
                                   is_one_of(w.lemma, {"official", "leader", "minister", "executive",
                                                       "commander", "general", "country", "nation", "regime",
                                                       "company", "firm", "bank", "individual", "entity"}));
    };
    // (The head is the noun before the phrase's first preposition: "two officers of a named firm" are not
    // named.)
    std::size_t head = party.first;
    while (head + 1 < party.last && s.words[head + 1].pos != syntax::Pos::IN &&
           s.words[head + 1].pos != syntax::Pos::PRP)
      ++head;
    // ("five officials it blames for X": a pronoun opens a clause of its own.)
    if (head + 1 < party.last && s.words[head + 1].pos == syntax::Pos::PRP) party.last = head + 1;
    // (The action read is in the party, or is the restriction itself: "extended its asset freeze on X".)
    const bool read_in_party = !a.empty() && c.last < a.first && a.last <= phrase_end;
    const bool read_restriction = !a.empty() && a.last <= on_at && a.last > c.first;
    if (!party.empty() && named(head) && !restriction.empty() && (read_in_party || read_restriction) &&
        (roles.subject.empty() || (party.first <= roles.subject.first && roles.subject.last <= party.last))) {
      // ("on the country for another year": a length of time after the party says how long.)
      if (head + 1 < party.last && is_one_of(s.words[head + 1].lower, {"for", "until", "since", "from"})) {
        roles.scopes.push_back({head + 1, party.last});
        party.last = head + 1;
      }
      const WordRange date_after = {party.last, phrase_end};
      if (!date_after.empty() && std::none_of(roles.scopes.begin(), roles.scopes.end(),
                                              [&](WordRange r) { return spans_overlap(r, date_after); }))
        roles.scopes.push_back(date_after);
      roles.subject = party;
      a = restriction;
    }
  }
  // "introduced a curfew across the county", "lifted restrictions after the election": a place or a time
  // after a restriction noun says where or when it holds, and a phrase of reason ("as part of the deal")
  // why; the restriction is what is decided, where the action read lies in that phrase. (Not "on", "of",
  // "to", ...: "a ban on X" bans X.)
  if (restriction_noun && c.last + 2 < s.words.size() && !a.empty() && a.first > c.last) {
    const std::string_view preposition = s.words[c.last + 1].lower;
    const bool limit = is_one_of(preposition, {"across", "throughout", "in", "around", "within", "near", "at",
                                               "after", "before", "until", "during", "since"});
    const bool reason = is_one_of(preposition, {"as", "because", "amid", "despite", "following"});
    const WordRange phrase = np_starting_at(s, c.last + 2, clause_end(s, c.last + 2));
    if ((limit || reason) && !restriction.empty() && (!limit || (!phrase.empty() && a.last <= phrase.last))) {
      if (limit) roles.scopes.push_back({c.last + 1, phrase.last});
      a = restriction;
    }
  }
  // "Riding scooters on pavements will be banned from May": a party before the trigger that opens with a
  // gerund is an act, not who; it is what is decided when the action read lies inside it or is missing.
  if (!roles.subject.empty() && roles.subject.last <= c.first &&
      s.words[roles.subject.first].pos == syntax::Pos::VBG &&
      (a.empty() || (roles.subject.first <= a.first && a.last <= roles.subject.last))) {
    a = roles.subject;
    roles.subject = {};
  }
  // "for six months", "another two weeks": a length of time says how long, never who; with its preposition
  // it is a time scope. So does a day named alone ("on Saturday", read without the entity stage).
  for (WordRange* r : {&roles.actor, &roles.subject}) {
    const bool day =
        r->last == r->first + 1 &&
        is_one_of(s.words[r->first].lower, {"monday", "tuesday", "wednesday", "thursday", "friday",
                                            "saturday", "sunday", "today", "yesterday", "tomorrow"});
    if (!is_duration_phrase(s, *r) && !day) continue;
    const std::size_t first =
        r->first > 0 && s.words[r->first - 1].pos == syntax::Pos::IN ? r->first - 1 : r->first;
    roles.scopes.push_back({first, r->last});
    *r = {};
  }
  // "The court on Wednesday": a date at the end of an actor or subject says when, not who.
  for (WordRange* r : {&roles.actor, &roles.subject}) {
    std::size_t last = r->last;
    while (last > r->first && s.words[last - 1].entity == static_cast<std::int8_t>(EntityType::Date)) --last;
    if (last == r->last) continue;
    while (last > r->first && s.words[last - 1].pos == syntax::Pos::IN) --last;
    if (holds_a_name_or_noun(s, {r->first, last})) r->last = last;
  }
  // "Beijing banned exports of X": the subject of a trigger verb in a plain active finite clause of its own
  // is who decided, not who the decision is for; a name read as the party there is the maker when none is
  // read.
  if (roles.actor.empty() && !roles.subject.empty() && c.first == c.last && !c.governor &&
      (c.sections & kVerbFrameSections) && roles.subject.last <= c.first) {
    const Word& head = s.words[roles.subject.last - 1];
    const bool named = is_named_party(head);
    const std::optional<VerbGroup> g = plain_finite_group(s, c.first);
    if (named && g && roles.subject.last == before_time_adjunct(s, g->begin)) {
      roles.actor = roles.subject;
      roles.subject = {};
    }
  }
  // "Unions have asked that the regulator extend X": the subject of a verb of asking or proposing before the
  // trigger proposes; it is not who the decision is for. It is the actor when none is labelled.
  if (!roles.subject.empty() && roles.subject.last <= c.first) {
    for (std::size_t k = roles.subject.last; k < c.first; ++k) {
      const Word& w = s.words[k];
      if (!(w.starts & bit(Section::ProposalCue)) || !syntax::is_verb(w.pos) || w.pos == syntax::Pos::VBG)
        continue;
      if (roles.actor.empty()) roles.actor = roles.subject;
      roles.subject = {};
      break;
    }
  }
  // "Officials said exporters may apply for licences": the speaker of a verb of reporting is not who the
  // reported decision is for; a party labelled inside the reported clause, before the trigger, is.
  if (!roles.subject.empty() && roles.subject.last < c.first && roles.actor.first > roles.subject.last &&
      roles.actor.last <= c.first) {
    const Word& verb = s.words[roles.subject.last];
    if ((verb.starts & bit(Section::Reporting)) && syntax::is_verb(verb.pos))
      std::swap(roles.subject, roles.actor);
  }
  // "The approval is limited to X": a subject that names the decision itself is not who it is for; it is the
  // decision's maker by reference when no actor is labelled (the caller resolves it).
  if (roles.subject.last >= roles.subject.first + 2 && is_reference(s, roles.subject)) {
    if (roles.actor.empty()) roles.actor = roles.subject;
    roles.subject = {};
  }
  // "imposed because of high winds", "due to safety concerns": a reason is never who.
  for (WordRange* r : {&roles.actor, &roles.subject}) {
    if (r->first < 2 || r->empty()) continue;
    const std::string_view w1 = s.words[r->first - 2].lower, w2 = s.words[r->first - 1].lower;
    if ((w1 == "because" || w1 == "due" || w1 == "owing") && (w2 == "of" || w2 == "to")) *r = {};
  }
  // "for months", "two years": a length of time is never who.
  for (WordRange* r : {&roles.actor, &roles.subject}) {
    if (!r->empty() && is_one_of(s.words[r->last - 1].lemma, {"second", "minute", "hour", "day", "night",
                                                              "week", "month", "year", "decade"}))
      *r = {};
  }
  // "Last month the authority": a date at the start of an actor or subject says when, not who; a role that
  // is only a date is none.
  for (WordRange* r : {&roles.actor, &roles.subject}) {
    std::size_t first = r->first;
    while (first < r->last && s.words[first].entity == static_cast<std::int8_t>(EntityType::Date)) ++first;
    if (first == r->first) continue;
    if (first == r->last) {
      *r = {};
      continue;
    }
    while (first < r->last && (s.words[first].punct || s.words[first].pos == syntax::Pos::IN)) ++first;
    if (holds_a_name_or_noun(s, {first, r->last})) r->first = first;
  }
  // "A spokesperson said the decision does not cover X": the speaker reports the decision; its maker is the
  // one "the decision" refers to (resolved by the caller), not the speaker.
  if (!roles.actor.empty() && roles.actor.last <= c.first) {
    std::size_t k = roles.actor.last;
    while (k < c.first && !(s.words[k].starts & bit(Section::Reporting))) ++k;
    for (std::size_t j = k + 1; j + 2 <= c.first; ++j) {
      if (is_reference(s, {j, j + 2})) {
        roles.actor = {j, j + 2};
        break;
      }
    }
  }
  // "The government of Valmora plans to lift ...": a verb of planning or asking in the third person right
  // after a noun and before "to" is the clause's verb, whatever the tagger made of it, never the last word of
  // the party before it ("the plans to", "serious calls to" are nouns).
  for (WordRange* r : {&roles.subject, &roles.actor}) {
    if (r->last < r->first + 2 || r->last >= s.words.size() || s.words[r->last].lower != "to") continue;
    const Word& verb = s.words[r->last - 1];
    const Word& before = s.words[r->last - 2];
    if ((verb.starts & bit(Section::ProposalCue)) && !verb.capitalised && verb.lower.back() == 's' &&
        (syntax::is_noun(before.pos) || before.pos == syntax::Pos::PRP))
      --r->last;
  }
  for (WordRange* r : {&roles.subject, &roles.actor}) {
    if (r->empty()) continue;
    // (The words between a verb and its trigger noun are no trigger: "granted the firm permission".)
    const bool between = c.governor && r->first > *c.governor && r->last <= c.head;
    if (r->first <= c.last && r->last > c.first && !between)
      *r = {};  // overlaps the trigger
    else if (!holds_a_name_or_noun(s, *r))
      *r = {};
    else {
      while (r->last > r->first + 1 && is_function_word(s.words[r->last - 1])) --r->last;
    }
  }
  // "between 11 p.m. and 6 a.m.": a range is one scope; the labeller may stop at its "and".
  for (WordRange& scope : roles.scopes) {
    if (scope.empty() || s.words[scope.first].lower != "between" || scope.last + 1 >= s.words.size() ||
        s.words[scope.last].lower != "and")
      continue;
    const Word& next = s.words[scope.last + 1];
    if (next.entity == kNoEntity && !(next.lower[0] >= '0' && next.lower[0] <= '9')) continue;
    std::size_t end = scope.last + 2;
    while (next.entity != kNoEntity && end < s.words.size() && s.words[end].entity == next.entity &&
           !s.words[end].entity_start)
      ++end;
    scope.last = end;
  }
  // "approved the drug on Wednesday, but only for adults": a limit after a comma, opened by "(but) only",
  // holds for what the clause before it decided: a scope of its own, to the next clause punctuation.
  if (!roles.action.empty() && roles.action.first > c.last) {
    std::size_t k = roles.action.last;
    for (const WordRange& scope : roles.scopes) k = std::max(k, scope.last);
    if (k + 2 < s.words.size() && s.words[k].lower == ",") {
      std::size_t only = k + 1;
      if (s.words[only].lower == "but") ++only;
      if (only + 1 < s.words.size() && opens_limit(s, only)) {
        const WordRange limit = without_final_punct(s, {only, clause_end(s, only + 1)});
        if (limit.last > only + 1) roles.scopes.push_back(limit);
      }
    }
  }
  for (WordRange& scope : roles.scopes) scope = whole_scope_phrase(s, c, roles, scope);
  // "The ban on X in the bay stays in place": a limit ends where the decision's own predicate begins (also
  // when the limit read ends inside it).
  for (WordRange& scope : roles.scopes) {
    for (std::size_t k = scope.first + 1; k < scope.last; ++k) {
      if (stays_in_force_at(s, k)) {
        scope.last = k;
        break;
      }
    }
  }
  // A scope inside another is shown once.
  for (WordRange& scope : roles.scopes) {
    for (const WordRange& other : roles.scopes) {
      if (&other != &scope && !other.empty() && other.first <= scope.first && scope.last <= other.last &&
          (other.first < scope.first || scope.last < other.last || &other < &scope))
        scope = {};
    }
  }
  // The trigger is never a part of its own scope ("fined two million pounds" -> "two million pounds"), and a
  // scope of modifiers ending at a noun trigger is that noun's ("A separate ban": no scope).
  for (WordRange& scope : roles.scopes) {
    if (scope.empty()) continue;
    if (scope.first >= c.first && scope.first <= c.last) scope.first = std::min(scope.last, c.last + 1);
    if (scope.first < c.first && scope.last > c.first) scope.last = c.first;
    bool modifiers = scope.last == c.first && syntax::is_noun(s.words[c.head].pos);
    for (std::size_t k = scope.first; modifiers && k < scope.last; ++k)
      modifiers = is_determiner_or_modifier(s.words[k]);
    if (modifiers) scope = {};
  }
  // "except during the evening crossing": a scope right after a word of exception is that exception, which
  // takes the word (a reader must not see the exception as a limit the decision holds to).
  for (WordRange& scope : roles.scopes) {
    while (!scope.empty() && scope.first > c.last + 1 &&
           (s.words[scope.first - 1].covered & bit(Section::Except)))
      --scope.first;
  }
  for (WordRange& scope : roles.scopes) {
    while (scope.last > scope.first + 1 && is_function_word(s.words[scope.last - 1])) --scope.last;
    if (scope.last == scope.first + 1 && is_function_word(s.words[scope.first])) scope = {};
  }
  roles.scopes.erase(
      std::remove_if(roles.scopes.begin(), roles.scopes.end(), [](WordRange r) { return r.empty(); }),
      roles.scopes.end());
  sort_by_start(roles.scopes, [](WordRange r) { return r.first; });
  // "revoked licences for the export of X", "a ban on X": the preposition after a trigger noun opens what
  // the decision is about; it is no part of it.
  if (a.first == c.last + 1 && a.last > a.first + 1 && syntax::is_noun(s.words[c.last].pos) &&
      is_one_of(s.words[a.first].lower, {"on", "for", "against", "of"}))
    ++a.first;
  // "asked for the restrictions to be eased": a passive infinitive right after an action that ends with the
  // trigger noun says what is to happen to that decision, and is part of it.
  if (!a.empty() && a.last == c.head + 1 && a.last + 2 < s.words.size() && s.words[a.last].lower == "to" &&
      s.words[a.last + 1].lower == "be" && s.words[a.last + 2].pos == syntax::Pos::VBN &&
      syntax::is_noun(s.words[c.head].pos))
    a.last += 3;
  // "ordered providers to block access to X": a noun of permission that a verb of restricting governs is
  // what is restricted, with its complement ("access to X"), not the complement alone.
  if (c.governor && *c.governor < c.head && (c.sections & bit(Section::PermitNoun)) &&
      (c.governor_sections & (bit(Section::Prohibit) | bit(Section::Restrict) | bit(Section::Sanction))) &&
      a.first == c.head + 1 && a.last > a.first && s.words[a.first].pos == syntax::Pos::TO)
    a.first = c.head;
  // "sanctioned Russia's central bank": a possessive opens no action; the name before it is the action's, not
  // a party of its own.
  if (!a.empty() && a.first > 0 && is_possessive(s.words[a.first]) && !roles.subject.empty() &&
      roles.subject.last == a.first) {
    a.first = roles.subject.first;
    roles.subject = {};
  }
  // "will ban vans from May": after a verb of prohibiting, "from" and a date says since when, and the party
  // before it is what is banned. So with "ban" and a place when what is banned is a thing ("banned lorries
  // from the square", "imports of beef from X"); a person or body barred from a place or an act keeps it as
  // the action ("barred the firm from the contract", the guidelines' "bar X from Y").
  WordRange& party = roles.subject;
  if (party.empty() || a.empty() || party.last + 1 != a.first || party.first <= c.last ||
      s.words[party.last].lower != "from" || !(c.sections & bit(Section::Prohibit)) ||
      !syntax::is_verb(s.words[c.head].pos) || c.head >= party.first ||
      syntax::is_verb(s.words[a.first].pos) || s.words[a.first].pos == syntax::Pos::VBG)
    return;
  std::size_t scope_end = a.first;
  while (scope_end < a.last && is_np_word(s.words[scope_end])) ++scope_end;
  bool thing = s.words[c.head].lemma == "ban";
  for (std::size_t k = party.first; k < party.last && thing; ++k) {
    const Word& w = s.words[k];
    thing = w.entity == kNoEntity && w.pos != syntax::Pos::PRP && !(w.covered & bit(Section::Office));
  }
  if (!thing && !is_date_phrase(s, {a.first, scope_end})) return;
  roles.scopes.insert(roles.scopes.begin(), WordRange{party.last, scope_end});
  a = party;
  party = {};
  sort_by_start(roles.scopes, [](WordRange r) { return r.first; });
}

bool names_same_thing(const Span& a, const Span& b) {
  if (a.end <= a.start || b.end <= b.start) return false;
  const std::size_t first = std::max(a.start, b.start), last = std::min(a.end, b.end);
  const std::size_t shared = last > first ? last - first : 0;
  return 2 * shared >= std::min(a.end - a.start, b.end - b.start);
}

bool is_reference(const SentenceView& s, WordRange actor, bool adjectives) {
  if (actor.empty()) return false;
  const std::size_t n = actor.last - actor.first;
  const std::string_view first = s.words[actor.first].lower;
  if (n == 1)
    return is_one_of(first,
                     {"it", "they", "he", "she", "we", "i", "you", "this", "that", "which", "who", "them"});
  // (With `adjectives`, a possessive of the maker opens one too: "its new luggage policy".)
  if (n < 2 || (n > 2 && !adjectives) ||
      !(is_one_of(first, {"the", "this", "that", "these", "those"}) ||
        (adjectives && is_one_of(first, {"its", "their"}))))
    return false;
  // With `adjectives`, "the new rule", "the latest restrictions", and nouns that say of what: "the rule
  // change", "the export ban".
  for (std::size_t k = actor.first + 1; k + 1 < actor.last; ++k) {
    const syntax::Pos pos = s.words[k].pos;
    if (!syntax::is_adjective(pos) && pos != syntax::Pos::NN && pos != syntax::Pos::NNS) return false;
  }
  return is_one_of(
             s.words[actor.last - 1].lower,
             {"decision",     "ruling",      "order",      "orders",    "move",     "measure", "measures",
              "step",         "steps",       "change",     "changes",   "rule",     "rules",   "policy",
              "law",          "directive",   "decree",     "plan",      "judgment", "verdict", "approval",
              "permission",   "ban",         "waiver",     "exemption", "licence",  "license", "sanctions",
              "restrictions", "regulations", "suspension", "freeze",    "embargo",  "curfew",  "moratorium",
              "tariff",       "tariffs"}) ||
         // (As the subject of a verb of covering, "the deal does not cover X"; as a maker, "under the
         // agreement" names the instrument itself.)
         (adjectives && is_one_of(s.words[actor.last - 1].lower, {"deal", "agreement", "accord", "treaty"}));
}

WordRange destination_verb_phrase(const SentenceView& s, const Candidate& c, WordRange a) {
  if (!s.tagged || a.empty() || a.first != c.last + 1 || a.first + 1 >= a.last ||
      s.words[a.first].lower != "to" || !opens_noun_phrase(s.words[a.first + 1]) ||
      !syntax::is_noun(s.words[c.head].pos))
    return a;
  // From the noun: the trigger phrase may hold the verb already ("extend permission").
  std::size_t k = c.head;
  while (k > 0 && is_determiner_or_modifier(s.words[k - 1])) --k;
  // The verb is the trigger verb governing the noun ("extend the ban"), or one outside the lexicon ("widen").
  if (k > 0 && ((c.governor && *c.governor == k - 1) ||
                (syntax::is_verb(s.words[k - 1].pos) && !(s.words[k - 1].starts & kTriggerSections))))
    a.first = k - 1;
  return a;
}

WordRange with_opening_noun(const SentenceView& s, const Candidate& c, WordRange r) {
  if (r.empty() || r.last > c.first || r.first < 2 || s.words[r.first - 1].pos != syntax::Pos::IN ||
      s.words[r.first - 1].lower == "by")
    return r;
  const std::size_t start = clause_begin(s, r.first - 1);
  std::size_t k = r.first - 1;
  while (k > start && is_np_word(s.words[k - 1])) --k;
  const bool opens_clause = k == start || is_one_of(s.words[k - 1].lower, {"and", "but", "while"});
  if (k < r.first - 1 && opens_clause && holds_a_name_or_noun(s, {k, r.first - 1})) r.first = k;
  return r;
}

bool is_decision_body(const Word& w) {
  return syntax::is_noun(w.pos) &&
         is_one_of(w.lemma,
                   {"government", "ministry", "department", "authority", "agency", "regulator", "council",
                    "court", "commission", "cabinet", "administration", "board", "city", "municipality"});
}

bool stays_in_force_at(const SentenceView& s, std::size_t k) {
  // (Whatever the tagger made of "stays": also a plural noun.)
  return k + 2 < s.words.size() && is_one_of(s.words[k].lemma, {"stay", "remain"}) &&
         s.words[k + 1].lower == "in" && is_one_of(s.words[k + 2].lower, {"place", "force", "effect"});
}

std::size_t before_time_adjunct(const SentenceView& s, std::size_t end) {
  for (std::size_t steps = 0; end > 0 && steps < 4; ++steps, --end) {
    const Word& w = s.words[end - 1];
    if (w.entity != static_cast<std::int8_t>(EntityType::Date) && !is_one_of(w.lower, {"on", "this", "last"}))
      break;
  }
  return end;
}

WordRange joined_verb_subject(const SentenceView& s, std::size_t begin) {
  using syntax::Pos;
  if (begin == 0 || !is_one_of(s.words[begin - 1].lower, {"and", "but"})) return {};
  for (std::size_t j = begin - 1; j-- > 0 && !is_clause_punct(s.words[j]);) {
    const Pos pos = s.words[j].pos;
    if (!syntax::is_finite_verb(pos)) continue;
    const WordRange shared = subject_phrase_before(s, before_time_adjunct(s, verb_group(s, j).begin));
    if (!shared.empty() && s.words[shared.first].pos != Pos::PRP) return shared;
  }
  return {};
}

WordRange reporting_speaker(const SentenceView& s, std::size_t first, std::size_t end) {
  const auto reporting = [&](std::size_t k) {
    return (s.words[k].starts & bit(Section::Reporting)) && syntax::is_verb(s.words[k].pos);
  };
  std::size_t k = first;
  if (k > 0 && s.words[k - 1].lower == "that") --k;
  k = before_time_adjunct(s, k);
  if (k > 0 && reporting(k - 1)) {
    const std::size_t said = verb_group(s, k - 1).begin;  // ("has said")
    // "Belgium, which has pledged more jets, said": past a relative clause set off by commas; "The largest
    // producer, China, has said": the name in apposition.
    if (said >= 1 && s.words[said - 1].lower == ",") {
      for (std::size_t j = said - 1; j-- > 0 && j + 16 > said;) {
        if (s.words[j].lower != ",") continue;
        if (is_one_of(s.words[j + 1].lower, {"which", "who", "whose"})) return subject_phrase_before(s, j);
        const WordRange apposition = subject_phrase_before(s, said - 1);
        if (apposition.first == j + 1 && !syntax::is_verb(s.words[j + 1].pos) &&
            !subject_phrase_before(s, j).empty())
          return apposition;
        break;
      }
    }
    return subject_phrase_before(s, said);
  }
  // "..., the ministry said.": a speaker and its verb close the sentence.
  const std::size_t n = s.words.size();
  if (end >= n || s.words[end].lower != ",") return {};
  for (std::size_t r = end + 2; r < n && r <= end + 7; ++r) {
    if (!reporting(r)) continue;
    for (std::size_t j = r + 1; j < n; ++j) {
      if (!s.words[j].punct) return {};
    }
    return {end + 1, r};
  }
  return {};
}

bool holds_decision_body(const SentenceView& s, WordRange r) {
  for (std::size_t k = r.first; k < r.last; ++k) {
    if (is_decision_body(s.words[k])) return true;
  }
  return false;
}

bool names_decision_maker(const SentenceView& s, WordRange r) {
  if (r.empty()) return false;
  return s.words[r.last - 1].entity == static_cast<std::int8_t>(EntityType::Location) ||
         holds_decision_body(s, r);
}

bool holds_authority(const SentenceView& s, WordRange phrase, bool named_ok) {
  if (phrase.empty()) return false;
  const Word& head = s.words[phrase.last - 1];
  const bool named = named_ok && (head.entity == static_cast<std::int8_t>(EntityType::Org) ||
                                  head.entity == static_cast<std::int8_t>(EntityType::Person));
  return named || names_decision_maker(s, phrase) || (head.covered & bit(Section::Office));
}

bool names_change_or_proposal(const Word& w) {
  return syntax::is_noun(w.pos) &&
         (is_one_of(w.lemma, {"change", "move", "reform", "scheme", "arrangement", "framework"}) ||
          (w.starts & bit(Section::ProposalCue)));
}

bool framed_by_proposal(const SentenceView& s, std::size_t before) {
  for (std::size_t j = 0; j < before; ++j) {
    if (s.words[j].lower != "under") continue;
    for (std::size_t d = j + 1; d < std::min(before, j + 5); ++d) {
      const Word& w = s.words[d];
      if (is_clause_punct(w)) break;
      if (syntax::is_noun(w.pos) && (w.starts & bit(Section::ProposalCue)) &&
          !(w.starts & bit(Section::DecisionNoun)))
        return true;
    }
  }
  return false;
}

std::optional<ModalRule> modal_rule(const SentenceView& s, const Candidate& c, bool after_decision,
                                    std::string_view earlier_action) {
  using syntax::Pos;
  if (c.sections != bit(Section::Modal) || !s.tagged) return std::nullopt;
  const std::size_t n = s.words.size();
  std::string_view modal = s.words[c.first].lower;
  std::size_t k = c.last + 1;
  bool negated = is_one_of(modal, {"cannot", "can't", "mustn't", "mayn't", "shan't"});
  // "may still not be fired": a restriction that goes on.
  const bool still_not = k + 1 < n && s.words[k].lower == "still" && s.words[k + 1].lower == "not";
  if (still_not) ++k;
  if (k < n && s.words[k].lower == "not") {
    negated = true;
    ++k;
  }
  // "may no longer": the lexicon's candidate is "no longer", and the modal is the word before it.
  if (modal == "no" && c.first > 0 && s.words[c.first - 1].pos == Pos::MD) {
    modal = s.words[c.first - 1].lower;
    negated = true;
  }
  std::size_t end = clause_end(s, c.first);
  // The rule's party: the noun phrase before the modal, or a pronoun ("they may", "it must not": a thing
  // named before, left out).
  const std::size_t group = verb_group(s, c.first).begin;
  const bool pronoun = group > 0 && s.words[group - 1].pos == Pos::PRP;
  WordRange subject = pronoun ? WordRange{group - 1, group} : subject_phrase_before(s, group);
  // "The vehicles may be used only for X and may not cross into Y": a modal joined by "and" to one before it
  // shares its party.
  bool shares_party = false;
  if (subject.empty()) {
    subject = subject_over_conjunction(s, group, false);
    shares_party = !subject.empty();
  }
  if (subject.empty() || k >= end) return std::nullopt;
  // "No vendor may V", "neither side can V", "nobody may V": a rule for no one of a party forbids the act.
  // ("No one": the phrase is "one" after "no".)
  if (subject.first > 0 && is_one_of(s.words[subject.first - 1].lower, {"no", "neither"})) --subject.first;
  const bool no_party = is_one_of(s.words[subject.first].lower, {"no", "neither", "nobody", "none"});
  negated = negated || no_party;
  ModalRule rule;
  if (!(pronoun && s.words[group - 1].lower == "it")) rule.roles.subject = subject;
  // Whether the party, or the words from `rest` to the clause end, name a thing that a decision in force of
  // the three sentences before is about.
  const auto names_earlier_thing = [&](WordRange party, std::size_t rest) {
    if (earlier_action.empty()) return false;
    std::string earlier(earlier_action);
    for (char& ch : earlier) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (std::size_t j = party.first; j < end; ++j) {
      if (j == party.last) j = rest;
      if (j >= end) break;
      const Word& w = s.words[j];
      if (!syntax::is_noun(w.pos)) continue;
      // (A plural the tagger read as a name, "Clubs" opening the sentence, is not lemmatised: its stem.)
      std::string_view stem = w.lemma;
      if (j == 0 && w.capitalised && stem == w.lower && stem.size() > 4 && stem.back() == 's')
        stem.remove_suffix(1);
      if (stem.size() >= 4 && earlier.find(stem) != std::string::npos) return true;
    }
    return false;
  };
  // "The ministry said that Estonia may use X", "Y can now V, the regulator said": what a body that decides,
  // or a country, reports that a named party may do, or that a thing may be done with, it grants. Elsewhere
  // "may" is mostly likelihood
  // ("officials said prices may rise"), and "can now" a new ability.
  WordRange grantor;
  bool told_after_decision = false;  // "may now V" or "may V again" after a decision, told by the article
  // A verb of change says what may happen to a thing ("prices may rise again"), not what a party may do.
  const auto change = [&](std::size_t j) {
    return j < end && is_one_of(s.words[j].lemma, {"rise", "fall", "increase", "drop", "grow", "decline",
                                                   "climb", "soar", "slow", "happen"});
  };
  if (!negated && !pronoun && (modal == "may" || (modal == "can" && s.words[k].lower == "now"))) {
    bool named = false;
    for (std::size_t j = subject.first; j < subject.last && !named; ++j) {
      const auto type = static_cast<EntityType>(s.words[j].entity);
      named = s.words[j].entity != kNoEntity && (type == EntityType::Person || type == EntityType::Org ||
                                                 type == EntityType::Location || type == EntityType::Norp);
    }
    // (Or a passive of what is done with a thing: "its weapons may be used against X, Berlin said"; not one
    // of deciding, "the bridge may be closed", which says what may happen to it.)
    const bool passive = k + 1 < end && s.words[k].lower == "be" && s.words[k + 1].pos == Pos::VBN &&
                         !(s.words[k + 1].starts & kTriggerSections);
    // (Or a participle of lifting set off by a comma later in the sentence: "..., ending a moratorium".)
    bool lifting_after = false;
    for (std::size_t j = end; j + 1 < n && !lifting_after; ++j)
      lifting_after = s.words[j].lower == "," && s.words[j + 1].pos == Pos::VBG &&
                      (s.words[j + 1].starts & bit(Section::Lift));
    const bool after_earlier = modal == "may" && (!earlier_action.empty() || lifting_after);
    const WordRange speaker =
        named || passive || after_earlier ? reporting_speaker(s, subject.first, end) : WordRange{};
    // A person reporting that a named party "may now" or "can now" V announces a change of what is allowed
    // ("Ukraine may now use X, Merz said"): the person grants it too. (Without "now", a person's "may" is
    // mostly likelihood.)
    const bool now = s.words[k].lower == "now";
    const bool person =
        !speaker.empty() && s.words[speaker.last - 1].entity == static_cast<std::int8_t>(EntityType::Person);
    if ((named || passive) && (names_decision_maker(s, speaker) || (now && person))) grantor = speaker;
    // A spokesman or an official saying it of a thing a decision of the sentences before is about speaks for
    // that decision ("... approved the re-export of the tanks to X. X may use the tanks at home, a spokesman
    // said.").
    const bool spokesman = !speaker.empty() && (s.words[speaker.last - 1].covered & bit(Section::Office) ||
                                                is_one_of(s.words[speaker.last - 1].lemma,
                                                          {"spokesman", "spokeswoman", "spokesperson"}));
    if (grantor.empty() && spokesman && names_earlier_thing(subject, k)) grantor = speaker;
    // After a decision in force of the three sentences before, what a body that decides, a country or an
    // office reports that a party may do, named or not, about a thing that decision is about ("... lets its
    // ally strike the launchers. The minister said the ally may use the launchers near the border."), or may
    // "again" or "now" do (or "resume", "again" in its verb), is what it allows. (Elsewhere it is likelihood:
    // "the ministry said farmers may lose part of the harvest".)
    // ("again" may also come later in the clause: "may gather outside the building again".)
    const bool resumed = s.words[k].lower == "now" || s.words[k].lemma == "resume" ||
                         std::any_of(s.words.begin() + static_cast<std::ptrdiff_t>(k),
                                     s.words.begin() + static_cast<std::ptrdiff_t>(end),
                                     [](const Word& w) { return w.lower == "again"; });
    if (grantor.empty() && after_earlier && holds_authority(s, speaker, false) &&
        ((resumed && !change(k) && !change(k + 1)) || names_earlier_thing(subject, k)))
      grantor = speaker;
    // (Told by the article itself, with no one reporting it: "... suspended catch limits for cod. Small boats
    // may now fish without a quota".)
    told_after_decision =
        after_earlier && !lifting_after && speaker.empty() && resumed && !change(k) && !change(k + 1);
  }
  if (modal == "can" && !grantor.empty()) {
    modal = "may";
    ++k;  // past "now"
  }
  // "Clubs can still V" about a thing a decision in force just before is about: what the decision leaves
  // allowed, as "may still".
  // So is "..., and residents with a permit can still V" joined to a decision of the sentence ("and" or
  // "but").
  const bool still_joined = !negated && !pronoun && k + 1 < end && s.words[k].lower == "still" &&
                            after_decision && subject.first > 0 &&
                            is_one_of(s.words[subject.first - 1].lower, {"and", "but"}) && !change(k + 1);
  if (modal == "can" && !negated && !pronoun && k < end && s.words[k].lower == "still" &&
      (names_earlier_thing(subject, k + 1) || still_joined))
    modal = "may";
  // "Under the agreement, X can V": a sentence framed by a decision ("under" and a word for one, or for a
  // change or a proposal: "under the change", "under the bill") states what that decision allows or forbids
  // with its modal (a proposal's, proposes: framed_by_proposal).
  // (Or closed by it: "X may V until Y under the deal"; what is allowed then ends before "under".)
  WordRange decision;  // "the agreement": the decision that frames it, its maker
  for (std::size_t j = 0; j < end && decision.empty(); ++j) {
    if (s.words[j].lower != "under" || (j >= group && j <= k)) continue;
    const std::size_t ceiling = j < group ? group : end;
    for (std::size_t d = j + 1; d < std::min(ceiling, j + 5) && decision.empty(); ++d) {
      if (s.words[d].starts & bit(Section::DecisionNoun) || names_change_or_proposal(s.words[d]))
        decision = {j + 1, d + 1};
    }
    if (!decision.empty() && j > k) end = j;
  }
  // "X can now V after a law took effect", "since the ruling", "after the council changed its rules": a new
  // ability that a decision named in the sentence brought is a permission. (The decision's word within the
  // clause the preposition opens; when a verb comes before it, the clause's subject made the decision.)
  if (decision.empty() && modal == "can" && !negated && s.words[k].lower == "now") {
    for (std::size_t j = 0; j + 1 < s.words.size() && decision.empty(); ++j) {
      if (!is_one_of(s.words[j].lower, {"after", "since", "following"})) continue;
      std::size_t verb = 0;  // the clause's first verb, 0 when none yet
      for (std::size_t d = j + 1;
           d < std::min(s.words.size(), j + 9) && !is_clause_punct(s.words[d]) && decision.empty(); ++d) {
        if (verb == 0 && syntax::is_verb(s.words[d].pos)) verb = d;
        if ((s.words[d].starts & bit(Section::DecisionNoun)) && syntax::is_noun(s.words[d].pos))
          decision = verb > j + 1 ? WordRange{j + 1, verb} : WordRange{j + 1, d + 1};
      }
    }
    if (!decision.empty()) {
      ++k;  // past "now"
      // (What is allowed ends where the clause naming the decision begins.)
      if (decision.first > k) end = std::min(end, decision.first - 1);
    }
  }
  // "The ruling means (that) X can again V": what a decision is said to mean for a party, it allows (or
  // forbids). "The court ruled that X may not V": what a court, a judge or another body that decides rules,
  // decides or orders that a party may or may not do, it decides.
  if (decision.empty()) {
    std::size_t m = subject.first;
    if (m > 0 && s.words[m - 1].lower == "that") --m;
    if (m > 1 && s.words[m - 1].lemma == "mean" && syntax::is_verb(s.words[m - 1].pos)) {
      // (The phrase before "means", its head read as a noun or not: "the court's ruling".)
      const std::size_t v = verb_group(s, m - 1).begin;
      std::size_t f = v;
      while (f > 0 && v - f < 6 && (is_np_word(s.words[f - 1]) || s.words[f - 1].pos == Pos::VBG)) --f;
      for (std::size_t d = f; d < v && decision.empty(); ++d) {
        if (s.words[d].starts & bit(Section::DecisionNoun)) decision = {f, v};
      }
    } else if (m > 1 && m < subject.first && is_one_of(s.words[m - 1].lemma, {"rule", "decide", "order"}) &&
               syntax::is_verb(s.words[m - 1].pos)) {
      const WordRange body = subject_phrase_before(s, verb_group(s, m - 1).begin);
      const bool office =
          !body.empty() && (s.words[body.last - 1].covered & bit(Section::Office));  // a judge
      if (holds_decision_body(s, body) || office) decision = body;
    }
  }
  // ("can again V", "can once again V": a permission back in force.)
  if (k + 1 < end && s.words[k].lower == "once" && s.words[k + 1].lower == "again") ++k;
  const bool under_decision = !decision.empty();
  if (modal == "can" && !negated && under_decision && !pronoun) modal = "may";
  // A condition set off by a comma is the rule's limit too ("..., provided that ships are inspected").
  if ((under_decision || !grantor.empty()) && end + 1 < n && s.words[end].lower == "," &&
      (s.words[end + 1].starts & bit(Section::Condition)))
    end = clause_end(s, end + 1);
  if (modal == "may" && !negated) {
    // (Up to a predicate of its own: "... at the farm gate and must carry a label".)
    end = std::min(end, new_clause_at(s, k, end));
    // "may park there only on weekends", "may only be used for research"
    const bool only_first = s.words[k].lower == "only";
    const bool still = !only_first && is_one_of(s.words[k].lower, {"still", "also", "now", "again"});
    std::size_t verb = only_first || still ? k + 1 : k;
    if (verb >= end || s.words[verb].pos != Pos::VB) return std::nullopt;
    if (s.words[verb].lower == "be" && verb + 1 < end && s.words[verb + 1].pos == Pos::VBN) ++verb;
    std::size_t limit = verb + 1;
    const auto condition = [&](std::size_t j) {
      return (under_decision || !grantor.empty()) && (s.words[j].starts & bit(Section::Condition));
    };
    while (limit < end && !opens_limit(s, limit) && !condition(limit)) ++limit;
    if (only_first) {
      std::size_t prep = verb + 1;
      while (prep < end && !(s.words[prep].pos == Pos::IN || s.words[prep].pos == Pos::WRB)) ++prep;
      if (prep >= end) return std::nullopt;
      rule.roles.scopes = {{k, k + 1}, without_final_punct(s, {prep, end})};
      rule.roles.action = {verb, prep};
    } else if (limit < end) {
      rule.roles.action = {verb, limit};
      rule.roles.scopes = {without_final_punct(s, {limit, end})};
    } else {
      // "..., and vessels in distress may still dock": the clause adds to the decision stated before it;
      // after "but" it may as well be a likelihood ("but prices may still rise").
      const bool joined =
          shares_party || still_joined || (subject.first > 0 && s.words[subject.first - 1].lower == "and");
      // Or "X may still V" where X names a thing an earlier decision is about.
      // (Its party or its object: "Companies may still ship older machines".)
      const bool continues =
          still && !pronoun && s.words[k].lower == "still" && names_earlier_thing(subject, verb + 1);
      if (!((after_decision && joined) || continues || !grantor.empty() || under_decision ||
            told_after_decision) ||
          pronoun)
        return std::nullopt;
      rule.roles.action = without_final_punct(s, {verb, end});
    }
    rule.roles.actor = grantor.empty() ? decision : grantor;
    rule.status = Status::Allowed;
    return rule;
  }
  // "must not be sold without a prescription", "cannot be opened without the owner"
  if (!negated ||
      !is_one_of(modal, {"must", "may", "can", "cannot", "can't", "mustn't", "mayn't", "shall", "shan't"}))
    return std::nullopt;
  // "Under the new law, shops may no longer sell X": a negated modal in a sentence framed by a decision
  // ("under" and a word for a decision before it), or joined by "and" to a decision in force, states what
  // that decision forbids, with what follows the verb's phrase as its limit. Without such a frame a negated
  // modal is mostly ability ("the firm can no longer pay").
  // Or its party names a thing that a decision in force just before is about ("... allow fuel into X. The
  // fuel may not be used by Y").
  // Or a body that decides, a country or an office reports it ("The ministry said the jets must not be used
  // to V", "..., Berlin said"): it speaks for the rule, and made it. (After "may" or "cannot" only a passive:
  // "the bank said rates may not rise" is a likelihood.)
  const bool passive = k + 1 < end && s.words[k].lower == "be" && s.words[k + 1].pos == Pos::VBN;
  if (decision.empty() && !pronoun && (passive || is_one_of(modal, {"must", "mustn't", "shall", "shan't"}))) {
    const WordRange speaker = reporting_speaker(s, subject.first, end);
    if (holds_authority(s, speaker, false)) decision = speaker;
  }
  // "... lifted its ban, but said operators must not V": what the maker of a decision of the sentence is
  // reported to add, joined to that decision, is its rule too. ("may not" only with "still" or "also": "but
  // said prices may not rise" is a likelihood.)
  std::size_t said =
      subject.first > 0 && s.words[subject.first - 1].lower == "that" ? subject.first - 1 : subject.first;
  const std::size_t said_group = said > 0 ? verb_group(s, said - 1).begin : 0;
  const bool reported_with_decision =
      after_decision && said_group > 0 && (s.words[said - 1].starts & bit(Section::Reporting)) &&
      syntax::is_verb(s.words[said - 1].pos) && is_one_of(s.words[said_group - 1].lower, {"but", "and"}) &&
      (modal != "may" || std::any_of(s.words.begin() + static_cast<std::ptrdiff_t>(group),
                                     s.words.begin() + static_cast<std::ptrdiff_t>(c.first),
                                     [](const Word& w) { return w.lower == "still" || w.lower == "also"; }));
  // "Long-range missiles may still not be fired at X", after a decision in force: the restriction it leaves.
  const bool still_barred_after = still_not && passive && !earlier_action.empty();
  const bool framed = !decision.empty() || reported_with_decision || still_barred_after ||
                      (no_party && modal != "can" && modal != "cannot" && modal != "can't") ||
                      (after_decision &&
                       (shares_party || (subject.first > 0 && s.words[subject.first - 1].lower == "and"))) ||
                      (!pronoun && names_earlier_thing(subject, end));
  if (framed && !pronoun && k < end && s.words[k].pos == Pos::VB) {
    std::size_t verb = k;
    if (s.words[verb].lower == "be" && verb + 1 < end && s.words[verb + 1].pos == Pos::VBN) ++verb;
    // The limit opens with "only", a condition or exception, or a preposition of time or condition.
    const auto limit_at = [&](std::size_t j) {
      const Word& w = s.words[j];
      return opens_limit(s, j) || (w.starts & (bit(Section::Condition) | bit(Section::Except))) ||
             is_one_of(w.lower, {"until", "before", "after", "during", "between", "without"});
    };
    std::size_t limit = verb + 1;
    while (limit < end && !limit_at(limit)) ++limit;
    rule.roles.action = without_final_punct(s, {k, limit});
    if (limit < end) rule.roles.scopes = {without_final_punct(s, {limit, end})};
    rule.roles.actor = decision;
    rule.status = Status::Prohibited;
    return rule;
  }
  if (k + 1 >= end || s.words[k].lower != "be" || s.words[k + 1].pos != Pos::VBN) return std::nullopt;
  std::size_t without = k + 2;
  while (without < end && s.words[without].lower != "without") ++without;
  if (without + 1 >= end || s.words[without + 1].pos == Pos::VBG) return std::nullopt;
  rule.roles.action = {k + 1, without};
  rule.roles.scopes = {without_final_punct(s, {without, end})};
  rule.status = Status::Prohibited;
  return rule;
}

std::optional<ModalRule> stated_prohibition(const SentenceView& s, const Candidate& c, bool restriction) {
  using syntax::Pos;
  // A participle after "be" (tagged past tense at times: "are no longer allowed").
  // (After "remains" the tagger may read the participle as an adjective.)
  const Pos pos = s.words[c.head].pos;
  const auto continuing = [&](std::size_t k) { return after_continuing_verb(s, k); };
  // (A phrase of prohibiting after a verb of continuing: "X remain off limits".)
  const Sections phrase_sections = bit(Section::Prohibit) | (restriction ? bit(Section::Legality) : 0);
  const bool phrase = c.first != c.last && (c.sections & phrase_sections) && continuing(c.first);
  if (!s.tagged || s.question ||
      !(phrase ||
        (c.first == c.last &&
         (pos == Pos::VBN || pos == Pos::VBD || (pos == Pos::JJ && (c.sections & phrase_sections)) ||
          // (After "remains" the tagger may read the participle as a noun too: "remains forbidden".)
          (pos == Pos::NN && (c.sections & phrase_sections) && continuing(c.first))))))
    return std::nullopt;
  const VerbGroup g = verb_group(s, c.first);
  // "Drivers can be fined for parking on the verge": a penalty that may follow an act states that the act is
  // prohibited.
  if (const Roles penalty = penalised_act(s, c); !penalty.action.empty()) {
    ModalRule rule;
    rule.status = Status::Prohibited;
    rule.roles = penalty;
    return rule;
  }
  std::size_t subject_end = g.begin;
  const bool permit = (c.sections & bit(Section::Permit)) != 0;
  if (permit) {
    // The modal section holds "no" ("no longer allowed"): a negation here, not a modal. The negation may
    // also open the subject ("No alcohol is permitted"), checked below.
    if (!g.be || g.to || g.have || !(g.modal.empty() || g.modal == "will" || g.modal == "no"))
      return std::nullopt;
  } else if (c.sections & phrase_sections) {
    // "X remains banned", "X stays forbidden": a verb of continuing right before the participle (whatever the
    // tagger made of it: "remains" is also a noun).
    if (!continuing(c.first)) return std::nullopt;
    subject_end = c.first - 1;
  } else {
    return std::nullopt;
  }
  const std::size_t end = clause_end(s, c.first);
  // "are not allowed to V" is often a complaint or a hypothetical ("we are not allowed to say"): the
  // classifier's to read. "remain banned from V-ing" names the barred party first: the classifier's too.
  // "X remain off limits to Y": Y, a noun phrase, is who is barred.
  WordRange barred;
  if (phrase && c.last + 2 < end && s.words[c.last + 1].lower == "to" && s.words[c.last + 2].pos != Pos::VB)
    barred = np_starting_at(s, c.last + 2, end);
  if (barred.empty() && c.last + 1 < end &&
      (s.words[c.last + 1].pos == Pos::TO || s.words[c.last + 1].lower == "from"))
    return std::nullopt;
  WordRange subject = subject_phrase_before(s, subject_end);
  if (subject.empty()) subject = subject_over_conjunction(s, subject_end, true);
  // "cod, which remains off limits to trawlers": after ", which" and a verb of continuing, the phrase the
  // pronoun stands for. (Not a restrictive clause that describes a thing: "the tools that are not allowed".)
  if (subject.empty() && subject_end != g.begin && subject_end >= 3 &&
      s.words[subject_end - 1].lower == "which" && s.words[subject_end - 2].lower == ",")
    subject = np_ending_at(s, subject_end - 2, clause_begin(s, subject_end - 3));
  // What remains banned is often an act, a gerund with its modifiers: "Street vending remains banned".
  if (subject_end != g.begin && subject.empty() && subject_end > 0 &&
      s.words[subject_end - 1].pos == Pos::VBG) {
    subject = subject_phrase_before(s, subject_end - 1);
    subject = {subject.empty() ? subject_end - 1 : subject.first, subject_end};
  }
  if (subject.empty() || s.words[subject.first].pos == Pos::PRP || !holds_a_name_or_noun(s, subject))
    return std::nullopt;
  if (permit && !g.negated) {
    // "No alcohol is permitted": the subject's "no" (in the phrase or right before it) negates it.
    if (s.words[subject.first].lower == "no" && subject.last > subject.first + 1)
      ++subject.first;
    else if (subject.first == 0 || s.words[subject.first - 1].lower != "no")
      return std::nullopt;
  }
  ModalRule rule;
  rule.status = Status::Prohibited;
  rule.roles.action = subject;
  if (const WordRange speaker = reporting_speaker(s, subject.first, end); names_decision_maker(s, speaker))
    rule.roles.actor = speaker;
  rule.roles.subject = barred;
  const std::size_t after = barred.empty() ? c.last + 1 : barred.last;
  if (after < end && s.words[after].lower != "by") {
    if (const WordRange limit = without_final_punct(s, {after, end}); !limit.empty())
      rule.roles.scopes = {limit};
  }
  return rule;
}

std::optional<ModalRule> stops_restricting(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  if (!s.tagged || s.question || c.first != c.last || c.first < 2 ||
      !((c.sections & (bit(Section::Restrict) | bit(Section::Prohibit))) ||
        ((c.sections & bit(Section::Impose)) && is_one_of(s.words[c.head].lemma, {"require", "mandate"}))) ||
      s.words[c.first - 2].lower != "no" || s.words[c.first - 1].lower != "longer")
    return std::nullopt;
  // (Whatever the tagger made of the word: after "no longer" a word of the verb frames is the verb.)
  const VerbGroup g = verb_group(s, c.first);
  if (g.be || g.to || g.have) return std::nullopt;
  const WordRange maker = subject_phrase_before(s, g.begin);
  if (maker.empty() || !names_decision_maker(s, maker)) return std::nullopt;
  const std::size_t end = clause_end(s, c.last + 1);
  const WordRange object = np_starting_at(s, c.last + 1, end);
  if (object.empty()) return std::nullopt;
  ModalRule rule;
  rule.status = Status::Lifted;
  rule.roles.actor = maker;
  // What follows the object: a limit when a preposition opens it ("on Sundays"), else part of what was
  // restricted ("the weapons it supplies").
  const WordRange rest = without_final_punct(s, {object.last, end});
  if (!rest.empty() && s.words[rest.first].pos == Pos::IN) {
    rule.roles.action = object;
    rule.roles.scopes = {rest};
  } else {
    rule.roles.action = without_final_punct(s, {object.first, end});
  }
  return rule;
}

namespace {

// The head noun of the noun phrase right after the candidate ("the new stadium plan" -> "plan"), or the
// sentence's length when none.
std::size_t object_head(const SentenceView& s, const Candidate& c) {
  std::size_t head = s.words.size();
  for (std::size_t k = c.last + 1; k < s.words.size() && is_np_word(s.words[k]); ++k) {
    if (syntax::is_noun(s.words[k].pos)) head = k;
    if (s.words[k].pos == syntax::Pos::POS) head = s.words.size();  // "the city's plan": the plan
  }
  return head;
}

}  // namespace

int sanction_sense(const SentenceView& s, const Candidate& c) {
  if (!s.tagged || c.first != c.last || s.words[c.head].lemma != "sanction" ||
      !syntax::is_verb(s.words[c.head].pos))
    return 0;
  std::size_t head = object_head(s, c);
  std::size_t from = c.last + 1;
  // "Two officials were sanctioned (by the board)": in the passive, what is sanctioned is the phrase before
  // the verb group.
  if (const VerbGroup g = verb_group(s, c.first); g.be && s.words[c.head].pos == syntax::Pos::VBN) {
    const WordRange patient = subject_phrase_before(s, g.begin);
    if (!patient.empty()) {
      from = patient.first;
      head = patient.last - 1;
    }
  }
  if (head >= s.words.size()) return 0;
  // A party: a name in the phrase ("Russia's central bank"), a pronoun, a holder of authority, or a kind of
  // party that sanctions name.
  // (Past a possessor: "sanctioned Gomm's efforts" is about the efforts.)
  for (std::size_t k = from; k < head; ++k) {
    if (is_possessive(s.words[k])) from = k + 1;
  }
  for (std::size_t k = from; k <= head; ++k) {
    const Word& w = s.words[k];
    if (is_named_party(w) || w.entity == static_cast<std::int8_t>(EntityType::Norp) ||
        w.pos == syntax::Pos::PRP)
      return -1;
  }
  const Word& w = s.words[head];
  if ((w.covered & bit(Section::Office)) ||
      is_one_of(w.lemma,
                {"bank", "individual", "entity", "oligarch", "person", "people", "businessman", "country",
                 "state", "regime", "group", "organisation", "organization", "official", "firm", "company"}))
    return -1;
  // A plan, a decision or an act: approved.
  if ((w.starts & bit(Section::DecisionNoun)) ||
      is_one_of(w.lemma, {"plan", "proposal", "project", "scheme", "deal", "merger", "sale", "use", "move",
                          "change", "takeover", "expansion", "development", "effort"}))
    return 1;
  return 0;
}

bool steps_on_a_bill(const SentenceView& s, const Candidate& c) {
  if (!s.tagged || c.first != c.last) return false;
  const std::string_view verb = s.words[c.head].lemma;
  const bool veto = verb == "veto";
  if (!veto && !(is_one_of(verb, {"approve", "pass"}) && syntax::is_verb(s.words[c.head].pos))) return false;
  const std::size_t head = object_head(s, c);
  if (head >= s.words.size()) return false;
  return veto ? is_one_of(s.words[head].lemma,
                          {"bill", "proposal", "measure", "legislation", "resolution", "plan"})
              : is_one_of(s.words[head].lemma, {"bill", "legislation"});
}

bool states_no_decision(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  if (!s.tagged) return false;
  const std::size_t n = s.words.size();
  const Word& head = s.words[c.head];
  const std::size_t next = c.last + 1;
  // "disqualified himself": what one does to oneself decides nothing for others.
  if (syntax::is_verb(head.pos) && next < n &&
      is_one_of(s.words[next].lower, {"himself", "herself", "itself", "themselves", "myself", "ourselves"}))
    return true;
  // "kept so secret", "was kept by Turkey": "keep" decides only with "out", "from", "away" or "off".
  // (Past a phrase between commas: "kept the rockets, delivered in May, from being fired". A modal before
  // it has its own rule: "may keep goats".)
  if (c.first == c.last && head.lemma == "keep" && verb_group(s, c.first).modal.empty()) {
    bool particle = false;
    for (std::size_t k = next; k < n && k < next + 12 && !particle && s.words[k].lower != "."; ++k)
      particle = is_one_of(s.words[k].lower, {"out", "from", "away", "off"});
    if (!particle) return true;
  }
  // "refused to let X V": the refusal is read from the permission it refuses (refused_permission).
  if (c.first == c.last && is_one_of(head.lemma, {"refuse", "decline"}) && next + 1 < n &&
      s.words[next].lower == "to" && (s.words[next + 1].starts & bit(Section::Permit)))
    return true;
  // "does not deny that X": a denial of a statement.
  if (c.first == c.last && head.lemma == "deny" && next < n && s.words[next].lower == "that") return true;
  // "grants of up to 2,000 euros", "a grant of $5m": a verb of permitting read as a noun before "of" and an
  // amount is a sum of money.
  if (c.first == c.last && (c.sections & bit(Section::Permit)) && !(c.sections & kNounFrameSections) &&
      syntax::is_noun(head.pos) && next + 1 < n && s.words[next].lower == "of") {
    for (std::size_t k = next + 1; k < n && k < next + 5; ++k) {
      if (s.words[k].pos == Pos::CD || s.words[k].entity == static_cast<std::int8_t>(EntityType::Money))
        return true;
      if (!is_one_of(s.words[k].lower, {"up", "to", "about", "around", "nearly", "almost", "over", "more",
                                        "than", "as", "much", "$", "€", "£"}))
        break;
    }
  }
  // "spare parts", "to free speech": a verb's form read as an adjective inside a noun phrase (after a
  // determiner, preposition, conjunction or possessive) names a kind of thing. (The tagger also reads a
  // finite verb as an adjective at times: "rules allow offenders".)
  if (c.first == c.last && c.first > 0 && (c.sections & kVerbFrameSections) &&
      !(c.sections & kNounFrameSections) && (head.pos == Pos::JJ || head.lower == "spare") && next < n &&
      syntax::is_noun(s.words[next].pos) && [](Pos p) {
        return p == Pos::DT || p == Pos::IN || p == Pos::TO || p == Pos::CC || p == Pos::PRPS ||
               p == Pos::POS;
      }(s.words[c.first - 1].pos))
    return true;
  // "The app lets users share files", "a feature which allows players to save": what a product, service or
  // tool permits is what it can do (its maker, or the noun its relative pronoun stands for, is one).
  if (syntax::is_verb(head.pos) && (c.sections & bit(Section::Permit)) && !c.governor) {
    const VerbGroup g = verb_group(s, c.first);
    if (!g.be && g.begin > 0) {
      std::size_t end = g.begin;
      if (is_one_of(s.words[end - 1].lower, {"which", "that"})) --end;
      if (end > 0 && s.words[end - 1].lower == ",") --end;
      const WordRange maker = np_ending_at(s, end, clause_begin(s, end > 0 ? end - 1 : 0));
      if (!maker.empty()) {
        const Word& thing = s.words[maker.last - 1];
        // (Not a programme, system or service, which may be a government's; nor the people a service has.)
        if ((thing.starts & bit(Section::AbilityCue)) && syntax::is_noun(thing.pos) &&
            !is_one_of(thing.lemma,
                       {"program", "programme", "system", "service", "user", "customer", "player"}))
          return true;
      }
    }
  }
  // "The problem is not limited to cities": a negated participle of limiting before "to" says what something
  // is about, not what may be done.
  if (c.first == c.last && head.pos == Pos::VBN && is_one_of(head.lemma, {"restrict", "limit", "confine"}) &&
      next < n && s.words[next].lower == "to" && verb_group(s, c.first).negated)
    return true;
  // "it was my duty to speak": an obligation, not a tariff.
  if (c.first == c.last && head.lemma == "duty" && c.first > 0 &&
      (s.words[c.first - 1].pos == Pos::PRPS || (next < n && s.words[next].lower == "to")))
    return true;
  // "admitted to forgetting", "admits that": a confession.
  if (c.first == c.last && head.lemma == "admit" && next < n &&
      (is_one_of(s.words[next].lower, {"to", "that", "having"}) || s.words[next].pos == Pos::VBG))
    return true;
  // A question asks: a yes-or-no question ("Are there any restrictions on bags?", "Can dogs be allowed in?")
  // or a noun of deciding in one ("Luggage - any restrictions?") states nothing. ("Why did the city ban
  // cars?" takes the ban as done: a verb of deciding after a question word stays the classifier's.)
  if (s.question) {
    if (is_noun_frame(c.sections) && !c.governor) return true;
    const std::size_t first = clause_begin(s, c.first);
    if (first < n && (s.words[first].pos == Pos::MD || is_one_of(s.words[first].lemma, {"be", "do", "have"})))
      return true;
  }
  return false;
}

std::optional<VerbGroup> plain_finite_group(const SentenceView& s, std::size_t verb) {
  using syntax::Pos;
  const Pos pos = s.words[verb].pos;
  // "In 1999 the ministry imposed strict quotas": the tagger may read a past tense after a noun as a
  // participle. With an object after it and no finite verb later in its clause ("the quotas imposed in 1999
  // were lifted"), it is the past tense.
  bool past = false;
  const auto object_after = [&](std::size_t k) {
    const Word& w = s.words[k];
    return w.entity != static_cast<std::int8_t>(EntityType::Date) &&
           (opens_noun_phrase(w) || syntax::is_adjective(w.pos) || syntax::is_noun(w.pos));
  };
  if (pos == Pos::VBN && verb > 0 && syntax::is_noun(s.words[verb - 1].pos) && verb + 1 < s.words.size() &&
      object_after(verb + 1)) {
    past = true;
    for (std::size_t k = verb + 1, end = clause_end(s, verb + 1); k < end && past; ++k) {
      const Pos later = s.words[k].pos;
      past = !(syntax::is_finite_verb(later) || later == Pos::MD);
    }
  }
  const VerbGroup g = verb_group(s, verb);
  // "The judge has blocked X": the perfect is a finite active verb too.
  const bool perfect = pos == Pos::VBN && g.have;
  if (!(syntax::is_finite_verb(pos) || past || perfect)) return std::nullopt;
  if (g.negated || g.to || g.be || g.get || !g.modal.empty() || g.begin == 0) return std::nullopt;
  return g;
}

bool in_condition(const SentenceView& s, std::size_t at) {
  for (std::size_t k = at; k-- > 0;) {
    const Word& w = s.words[k];
    if (is_clause_punct(w)) return false;
    if (w.starts & bit(Section::Condition)) return true;
  }
  return false;
}

bool proposal_not_approved(const SentenceView& s, const Candidate& c) {
  if (!s.tagged || !(c.sections & bit(Section::Permit)) || !syntax::is_verb(s.words[c.head].pos))
    return false;
  const VerbGroup g = verb_group(s, c.first);
  if (!g.negated || !g.be || g.begin == 0) return false;
  const auto proposal = [&](std::size_t k) {
    return syntax::is_noun(s.words[k].pos) &&
           is_one_of(s.words[k].lemma, {"plan", "proposal", "bill", "measure", "motion", "scheme", "request",
                                        "application", "bid"});
  };
  // The subject's head ("The request was not approved"), or the clause's first noun with its infinitive or
  // "for" after it ("A plan to ban X was not approved", "A request for a permit was not approved").
  if (proposal(g.begin - 1)) return true;
  for (std::size_t k = clause_begin(s, g.begin); k + 1 < g.begin; ++k) {
    if (!syntax::is_noun(s.words[k].pos)) continue;
    return proposal(k) && is_one_of(s.words[k + 1].lower, {"to", "for"});
  }
  return false;
}

bool suspends_own_activity(const SentenceView& s, const Candidate& c) {
  if (!s.tagged || c.first != c.last || !syntax::is_verb(s.words[c.head].pos) ||
      !is_one_of(s.words[c.head].lemma, {"suspend", "halt", "pause"}))
    return false;
  const std::size_t next = c.last + 1;
  if (next >= s.words.size() || !is_one_of(s.words[next].lower, {"his", "her", "its", "our", "my", "their"}))
    return false;
  // What is halted is an activity of the maker's ("her campaign", "its flights"), not a holding of a party
  // ("her account", "their licences": suspending those is imposed on someone).
  const std::size_t head = object_head(s, c);
  return head < s.words.size() &&
         is_one_of(s.words[head].lemma,
                   {"campaign", "talk",        "operation", "flight",        "production", "trial",
                    "service",  "activity",    "work",      "programme",     "program",    "bid",
                    "strike",   "protest",     "search",    "investigation", "tour",       "study",
                    "request",  "application", "appeal",    "complaint",     "lawsuit"});
}

std::optional<ModalRule> placed_under_restriction(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  // (After "under" the word is a noun, whatever the tagger made of it: "under quarantine".)
  if (!s.tagged || s.question || !(c.sections & kRestrictionNouns)) return std::nullopt;
  // Back over the noun's modifiers ("a strict", "night") to "under".
  std::size_t k = c.first;
  while (k > 0 && (is_determiner_or_modifier(s.words[k - 1]) ||
                   (syntax::is_noun(s.words[k - 1].pos) && !(s.words[k - 1].starts & kTriggerSections))))
    --k;
  if (k < 3 || s.words[k - 1].lower != "under") return std::nullopt;
  const WordRange party = np_ending_at(s, k - 1, 0);
  if (party.empty() || party.first == 0) return std::nullopt;
  const std::optional<VerbGroup> g = plain_finite_group(s, party.first - 1);
  if (!g) return std::nullopt;
  const WordRange maker = subject_phrase_before(s, before_time_adjunct(s, g->begin));
  if (maker.empty()) return std::nullopt;
  ModalRule rule;
  rule.status = Status::Imposed;
  rule.roles.actor = maker;
  rule.roles.subject = party;
  rule.roles.action = {k, c.last + 1};
  const WordRange rest = without_final_punct(s, {c.last + 1, clause_end(s, c.last + 1)});
  if (!rest.empty() && s.words[rest.first].pos == Pos::IN) rule.roles.scopes = {rest};
  return rule;
}

// Whether nothing but punctuation, or a date or time it holds from, until or for, follows the trigger in its
// clause ("..., but residents are exempt.", "Residents will be exempt until 2028.", "for two years").
bool ends_clause(const SentenceView& s, const Candidate& c) {
  constexpr auto kDate = static_cast<std::int8_t>(EntityType::Date);
  const std::size_t end = clause_end(s, c.last + 1);
  for (std::size_t k = c.last + 1; k < end; ++k) {
    if (s.words[k].punct) continue;
    if (k + 1 < end && is_one_of(s.words[k].lower, {"until", "till", "from", "through", "for"}) &&
        s.words[k + 1].entity == kDate) {
      k = date_words_end(s, k + 1, end) - 1;  // (the last word of the date)
      continue;
    }
    // ("for two years", "for six months")
    if (k + 2 < end && s.words[k].lower == "for" && s.words[k + 1].pos == syntax::Pos::CD &&
        is_one_of(s.words[k + 2].lower,
                  {"days", "weeks", "months", "years", "day", "week", "month", "year"})) {
      k += 2;
      continue;
    }
    return false;
  }
  return true;
}

std::optional<ModalRule> exempted_from(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  const std::size_t n = s.words.size();
  // The verb: the candidate's own, or the one joined to its restriction noun ("exempted taxis from the ban").
  const std::size_t verb = c.governor ? *c.governor : c.head;
  const Sections sections = c.governor ? c.governor_sections : c.sections;
  // (The tagger may read "exempts" after its subject as a plural noun, and "exempt" after "is" as a noun.)
  const Pos pos = s.words[verb].pos == Pos::NN && verb > 0 && s.words[verb - 1].lemma == "be"
                      ? Pos::JJ
                      : s.words[verb].pos;
  if (!s.tagged || s.question || (!c.governor && c.first != c.last) || !(sections & bit(Section::Exempt)) ||
      !(syntax::is_verb(pos) || pos == Pos::NNS || pos == Pos::JJ) || pos == Pos::VBG)
    return std::nullopt;
  const VerbGroup g = verb_group(s, verb);
  // "Residents are exempt until 2028.": a predicative exemption with nothing after it but its date names no
  // restriction; who is left out stands before the verb group, and what from is the restriction reported
  // before (add_provision finds it, as for an exemption the detector read).
  if (!c.governor && g.be && !g.to && !g.negated && (pos == Pos::JJ || pos == Pos::VBN) &&
      ends_clause(s, c) && (g.modal.empty() || g.modal == "will")) {
    const WordRange party = subject_phrase_before(s, g.begin);
    if (party.empty() || !holds_a_name_or_noun(s, party)) return std::nullopt;
    ModalRule rule;
    rule.status = Status::Excluded;
    rule.roles.subject = party;
    return rule;
  }
  if (verb + 3 >= n) return std::nullopt;
  // "Exporters are exempt from the limit": after "be", who is left out stands before the verb group.
  const bool predicative = g.be && (pos == Pos::JJ || pos == Pos::VBN) && s.words[verb + 1].lower == "from";
  if ((!predicative && (g.be || pos == Pos::JJ)) || g.to || g.negated) return std::nullopt;
  const std::size_t end = clause_end(s, verb + 1);
  const WordRange party = predicative ? subject_phrase_before(s, g.begin) : np_starting_at(s, verb + 1, end);
  const std::size_t from = predicative ? verb + 1 : party.last;
  if (party.empty() || from + 1 >= end || s.words[from].lower != "from") return std::nullopt;
  const WordRange restriction = np_starting_at(s, from + 1, end);
  if (restriction.empty()) return std::nullopt;
  ModalRule rule;
  // What a bill "would" exempt is proposed; what a maker exempts (or "will") is left out of the restriction.
  rule.status = g.modal.empty() || g.modal == "will" ? Status::Excluded : Status::Proposed;
  rule.roles.subject = party;
  rule.roles.action = restriction;
  if (!predicative) rule.roles.actor = subject_phrase_before(s, before_time_adjunct(s, g.begin));
  if (const WordRange rest = without_final_punct(s, {restriction.last, end});
      !rest.empty() && s.words[rest.first].pos == Pos::IN)
    rule.roles.scopes = {rest};
  return rule;
}

std::optional<ModalRule> added_to_list(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  const std::size_t n = s.words.size();
  if (!s.tagged || s.question || !(c.sections & kRestrictionNouns)) return std::nullopt;
  // The list: the candidate's own noun ("a trade blacklist") or the noun after it ("its sanctions list").
  const bool itself = s.words[c.last].lemma == "blacklist";
  if (!itself &&
      (c.last + 1 >= n || !is_one_of(s.words[c.last + 1].lemma, {"list", "blacklist", "register"})))
    return std::nullopt;
  const std::size_t list_end = itself ? c.last + 1 : c.last + 2;
  // Back over the list's modifiers ("its", "a US", "trade") to "to", "on" or "onto".
  std::size_t k = c.first;
  while (k > 0 && (is_determiner_or_modifier(s.words[k - 1]) || is_possessive(s.words[k - 1]) ||
                   s.words[k - 1].entity != kNoEntity ||
                   (syntax::is_noun(s.words[k - 1].pos) && !(s.words[k - 1].starts & kTriggerSections))))
    --k;
  if (k < 3 || !is_one_of(s.words[k - 1].lower, {"to", "on", "onto"})) return std::nullopt;
  WordRange party = np_ending_at(s, k - 1, 0);
  // (Past a gerund that modifies its noun: "three shipping firms".)
  while (party.first >= 2 && s.words[party.first - 1].pos == Pos::VBG &&
         is_determiner_or_modifier(s.words[party.first - 2]))
    party.first = np_ending_at(s, party.first - 1, 0).first;
  if (party.empty() || party.first == 0) return std::nullopt;
  const std::size_t verb = party.first - 1;
  if (!syntax::is_verb(s.words[verb].pos) ||
      !is_one_of(s.words[verb].lemma, {"add", "put", "place", "include"}))
    return std::nullopt;
  const VerbGroup g = verb_group(s, verb);
  if (g.negated || g.be || g.to || !(g.modal.empty() || g.modal == "will")) return std::nullopt;
  WordRange maker = subject_phrase_before(s, before_time_adjunct(s, g.begin));
  if (maker.empty()) maker = joined_verb_subject(s, g.begin);
  if (maker.empty() || in_condition(s, maker.first)) return std::nullopt;
  ModalRule rule;
  rule.status = Status::Imposed;
  rule.roles.actor = maker;
  rule.roles.subject = party;
  rule.roles.action = {k, list_end};
  const WordRange rest = without_final_punct(s, {list_end, clause_end(s, list_end)});
  if (!rest.empty() && s.words[rest.first].pos == Pos::IN) rule.roles.scopes = {rest};
  return rule;
}

std::optional<ModalRule> kept_in_place(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  if (!s.tagged || s.question || !(c.sections & kRestrictionNouns)) return std::nullopt;
  // The verb: the candidate's own ("keep" is a trigger), else the word before the noun's modifiers.
  std::size_t k = c.governor ? *c.governor + 1 : c.first;
  while (k > 0 && !c.governor && (is_determiner_or_modifier(s.words[k - 1]) || is_possessive(s.words[k - 1])))
    --k;
  if (k == 0) return std::nullopt;
  const std::size_t verb = k - 1;
  if (!syntax::is_verb(s.words[verb].pos) ||
      !is_one_of(s.words[verb].lemma, {"keep", "leave", "maintain", "retain"}))
    return std::nullopt;
  // "in place" after the noun, or after its party ("sanctions on X in place").
  const std::size_t end = clause_end(s, c.last + 1);
  std::size_t in = c.last + 1;
  while (in + 1 < end &&
         !(s.words[in].lower == "in" && is_one_of(s.words[in + 1].lower, {"place", "force", "effect"})) &&
         !syntax::is_verb(s.words[in].pos))
    ++in;
  if (in + 1 >= end || s.words[in].lower != "in") return std::nullopt;
  // What is kept: in force with no modal or with "will" / "would" (an announcement), not negated.
  const VerbGroup g = verb_group(s, verb);
  if (g.negated || g.to || !(g.modal.empty() || g.modal == "will" || g.modal == "would")) return std::nullopt;
  WordRange maker = subject_phrase_before(s, before_time_adjunct(s, g.begin));
  if (maker.empty() && g.begin > 0 && s.words[g.begin - 1].pos == Pos::PRP)
    maker = reporting_speaker(s, g.begin - 1, end);  // "Belgium said it would keep X in place"
  if (maker.empty() || in_condition(s, maker.first)) return std::nullopt;
  if (!g.modal.empty() && !holds_authority(s, maker, false))
    return std::nullopt;  // (a wish: "Critics would keep the ban in place")
  ModalRule rule;
  rule.status = Status::Prohibited;
  rule.roles.actor = maker;
  rule.roles.action = {verb + 1, in};
  // "sanctions on Moscow": the restriction is the act, who it is on its party.
  if (c.last + 2 < in && is_one_of(s.words[c.last + 1].lower, {"on", "against"})) {
    rule.roles.action = {verb + 1, c.last + 1};
    rule.roles.subject = {c.last + 2, in};
  }
  // What follows "in place" says how long ("until March", "for another year").
  const WordRange rest = without_final_punct(s, {in + 2, end});
  if (!rest.empty() && (s.words[rest.first].pos == Pos::IN || s.words[rest.first].pos == Pos::TO))
    rule.roles.scopes = {rest};
  return rule;
}

std::optional<ModalRule> remains_in_place(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  if (!s.tagged || s.question || !(c.sections & kRestrictionNouns) || !syntax::is_noun(s.words[c.head].pos))
    return std::nullopt;
  // The noun's own phrase, back over its modifiers and a possessive ("The EU's asset freeze").
  std::size_t first = c.first;
  while (first > 0 && !is_clause_punct(s.words[first - 1]) &&
         (is_determiner_or_modifier(s.words[first - 1]) || is_possessive(s.words[first - 1]) ||
          (syntax::is_noun(s.words[first - 1].pos) && !(s.words[first - 1].starts & kTriggerSections))))
    --first;
  // A phrase that opens its clause and is the subject of "remain" or "stay", past a party ("on X") and a
  // participle ("imposed in 2022"); another verb before it reads nothing.
  // (Or opens a reported clause: "Officials said (that) the ban remains in force".)
  const bool reported =
      first > 0 &&
      (s.words[first - 1].lower == "that" ||
       ((s.words[first - 1].starts & bit(Section::Reporting)) && syntax::is_verb(s.words[first - 1].pos)));
  if (first != clause_begin(s, c.first) && !reported) return std::nullopt;
  const std::size_t end = clause_end(s, c.last + 1);
  // ("stays" before "in place" is the verb, whatever the tagger read.)
  std::size_t verb = c.last + 1;
  while (verb < end && !(syntax::is_verb(s.words[verb].pos) && s.words[verb].pos != Pos::VBN) &&
         s.words[verb].pos != Pos::MD && !after_continuing_verb(s, verb + 1))
    ++verb;
  // ("will remain", "would still remain": the verb after the modal.)
  while (verb + 1 < end && (s.words[verb].pos == Pos::MD || s.words[verb].pos == Pos::RB) &&
         !after_continuing_verb(s, verb + 1))
    ++verb;
  const VerbGroup g = verb_group(s, verb);
  if (verb >= end || !after_continuing_verb(s, verb + 1) || g.negated || g.to ||
      !(g.modal.empty() || g.modal == "will" || g.modal == "would"))
    return std::nullopt;
  std::size_t in = verb + 1;
  while (in < end && s.words[in].pos == Pos::RB) ++in;
  if (in + 1 >= end || s.words[in].lower != "in" ||
      !is_one_of(s.words[in + 1].lower, {"place", "force", "effect"}))
    return std::nullopt;
  ModalRule rule;
  rule.status = Status::Prohibited;
  rule.roles.action = {first, c.last + 1};
  // After "on" or "against": a named party is who the restriction is on ("the asset freeze on its chief
  // executive"); anything else is the restricted thing itself ("the ban on night fishing").
  std::size_t phrase_end = c.last + 1;
  if (c.last + 2 < g.begin && is_one_of(s.words[c.last + 1].lower, {"on", "against"})) {
    const WordRange object = {c.last + 2, noun_phrase_words_end(s, c.last + 2, g.begin)};
    if (!object.empty() && holds_a_name_or_noun(s, object)) {
      phrase_end = object.last;
      bool party = false;
      for (std::size_t k = object.first; k < object.last; ++k)
        party = party || is_named_party(s.words[k]) || (s.words[k].covered & bit(Section::Office));
      if (party)
        rule.roles.subject = object;
      else
        rule.roles.action = object;
    }
  }
  // A preposition's phrase between the noun's and the verb says where or for whom it holds ("in the bay");
  // what follows "in place" says how long ("until March", "for another year").
  if (phrase_end < g.begin && s.words[phrase_end].pos == Pos::IN)
    rule.roles.scopes.push_back({phrase_end, g.begin});
  const WordRange rest = without_final_punct(s, {in + 2, end});
  if (!rest.empty() && (s.words[rest.first].pos == Pos::IN || s.words[rest.first].pos == Pos::TO))
    rule.roles.scopes.push_back(rest);
  return rule;
}

namespace {

// Before a parenthetical of examples set off by commas (", including Poland and Norway,", ", among them X,"),
// the position of its opening comma; `end` otherwise.
std::size_t before_examples(const SentenceView& s, std::size_t end) {
  if (end < 3 || s.words[end - 1].lower != ",") return end;
  for (std::size_t j = end - 1; j-- > 0 && j + 12 > end;) {
    if (s.words[j].lower != ",") continue;
    const bool examples =
        j + 1 < end - 1 && is_one_of(s.words[j + 1].lower, {"including", "among", "such", "like", "notably",
                                                            "especially", "mainly"});
    return examples ? j : end;
  }
  return end;
}

}  // namespace

std::optional<ModalRule> no_restriction_on(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  if (!s.tagged || s.question || !(c.sections & (bit(Section::RestrictNoun) | bit(Section::ProhibitNoun))) ||
      !syntax::is_noun(s.words[c.last].pos) ||
      // (Words for rules in general or for charges: "no rules for X" leaves X unregulated, not allowed.)
      is_one_of(s.words[c.last].lemma,
                {"rule", "regulation", "requirement", "condition", "safeguard", "duty", "tariff", "levy"}))
    return std::nullopt;
  // "no" before the noun's modifiers ("no new restrictions").
  std::size_t no = c.last;
  while (no > 0 && no > c.first && is_determiner_or_modifier(s.words[no - 1]) &&
         s.words[no - 1].lower != "no")
    --no;
  while (no > 0 && s.words[no - 1].pos == Pos::JJ) --no;
  if (no == 0 || s.words[no - 1].lower != "no") return std::nullopt;
  // What it is on: "on how the jets are used", "on luggage".
  const std::size_t end = clause_end(s, c.last + 1);
  if (c.last + 2 >= end || s.words[c.last + 1].lower != "on") return std::nullopt;
  ModalRule rule;
  rule.status = Status::Allowed;
  rule.roles.action = without_final_punct(s, {c.last + 2, end});
  if (rule.roles.action.empty()) return std::nullopt;
  // A place or a time after the thing's phrase says where or when ("on fishing in the lake").
  const std::size_t thing_end = noun_phrase_words_end(s, c.last + 2, rule.roles.action.last);
  if (thing_end > c.last + 2 && thing_end + 1 < rule.roles.action.last && s.words[thing_end].pos == Pos::IN) {
    rule.roles.scopes = {{thing_end, rule.roles.action.last}};
    rule.roles.action.last = thing_end;
  }
  // Who placed none: the subject of the verb before "no" ("Several members have placed no restrictions").
  if (no >= 2 && syntax::is_verb(s.words[no - 2].pos) && s.words[no - 2].lemma != "be" &&
      s.words[no - 2].lemma != "have")
    rule.roles.actor = subject_phrase_before(s, before_examples(s, verb_group(s, no - 2).begin));
  return rule;
}

std::optional<ModalRule> needs_no_permission(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  if (!s.tagged || s.question || c.first != c.last || !(c.sections & bit(Section::PermitNoun)) ||
      !syntax::is_noun(s.words[c.head].pos))
    return std::nullopt;
  // The verb before the noun's determiner and modifiers ("need a special licence", "need no permit").
  std::size_t k = c.first;
  bool no = false;
  while (k > 0 && is_determiner_or_modifier(s.words[k - 1])) no = no || s.words[--k].lower == "no";
  if (k == 0 || !syntax::is_verb(s.words[k - 1].pos) || !is_one_of(s.words[k - 1].lemma, {"need", "require"}))
    return std::nullopt;
  const VerbGroup g = verb_group(s, k - 1);
  if (!(g.negated || no) || g.to || g.be || !(g.modal.empty() || is_one_of(g.modal, {"will", "'ll"})))
    return std::nullopt;
  WordRange party = subject_phrase_before(s, before_examples(s, before_time_adjunct(s, g.begin)));
  if (party.empty() || in_condition(s, party.first)) return std::nullopt;
  // "Shipments to friendly countries": the phrase "to" joins to its head.
  if (party.first > 1 && s.words[party.first - 1].lower == "to") {
    const WordRange head = subject_phrase_before(s, party.first - 1);
    if (!head.empty() && syntax::is_noun(s.words[head.last - 1].pos)) party.first = head.first;
  }
  ModalRule rule;
  rule.status = Status::Excluded;
  rule.roles.subject = party;
  return rule;
}

bool still_barred(const SentenceView& s, const Candidate& c) {
  if (!(c.sections & bit(Section::Legality)) || !after_continuing_verb(s, c.first)) return false;
  std::string phrase;
  for (std::size_t k = c.first; k <= c.last; ++k) {
    if (k > c.first) phrase += ' ';
    phrase += s.words[k].lower;
  }
  return is_one_of(phrase,
                   {"illegal", "unlawful", "illicit", "forbidden", "impermissible", "prohibited", "banned",
                    "ineligible", "off-limits", "off limits", "unconstitutional", "against the law"});
}

bool negated_permitting_verb(const SentenceView& s, const Candidate& c, const VerbGroup& group) {
  return s.tagged && (c.sections & bit(Section::Permit)) && c.first == c.last && group.negated && !group.be &&
         !group.get && syntax::is_verb(s.words[c.head].pos);
}

std::optional<ModalRule> left_unaffected(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  if (!s.tagged || s.question || !is_noun_frame(c.sections) || !syntax::is_noun(s.words[c.head].pos))
    return std::nullopt;
  // Back over the decision's modifiers to "by" ("by the new fuel ban").
  std::size_t by = c.first;
  while (by > 0 && (is_determiner_or_modifier(s.words[by - 1]) ||
                    (syntax::is_noun(s.words[by - 1].pos) && !(s.words[by - 1].starts & kTriggerSections))))
    --by;
  if (by < 2 || s.words[by - 1].lower != "by") return std::nullopt;
  std::size_t participle = by - 2;
  while (participle > 0 && s.words[participle].pos == Pos::RB) --participle;
  if (s.words[participle].pos != Pos::VBN ||
      !is_one_of(s.words[participle].lower, {"affected", "touched", "hit", "targeted", "impacted"}))
    return std::nullopt;
  const VerbGroup g = verb_group(s, participle);
  if (!g.be || !g.negated || !g.modal.empty()) return std::nullopt;
  const WordRange party = subject_phrase_before(s, g.begin);
  if (party.empty() || s.words[party.first].pos == Pos::PRP || !holds_a_name_or_noun(s, party))
    return std::nullopt;
  ModalRule rule;
  rule.status = Status::Excluded;
  rule.roles.subject = party;
  // The decision's whole phrase ("the ban on roosters", "sanctions against the bank").
  const std::size_t end = clause_end(s, c.last);
  rule.roles.action = {by, c.last + 1};
  if (c.last + 2 < end && is_one_of(s.words[c.last + 1].lower, {"on", "against", "of", "for"})) {
    const WordRange object = np_starting_at(s, c.last + 2, end);
    if (!object.empty()) rule.roles.action.last = object.last;
  }
  if (const WordRange speaker = reporting_speaker(s, party.first, end); names_decision_maker(s, speaker))
    rule.roles.actor = speaker;
  return rule;
}

WordRange reference_before(const SentenceView& s, std::size_t begin) {
  for (std::size_t n = 1; n <= 4 && n <= begin; ++n) {
    const WordRange r = {begin - n, begin};
    if (s.words[r.first].punct) break;
    if (is_reference(s, r, n > 2)) return r;
  }
  return {};
}

DecisionLimits limits_of_decision(const SentenceView& s, const Candidate& c) {
  if (!s.tagged) return {};
  const VerbGroup g = verb_group(s, c.first);
  // "The permission is limited to X": a passive of restricting followed by "to" limits the decision too.
  const bool limited_to = (c.sections & bit(Section::Restrict)) && c.first == c.last && g.be &&
                          c.last + 1 < s.words.size() && s.words[c.last + 1].lower == "to";
  // "covers" after its subject is a verb, whatever the tagger made of it ("covers" as a plural noun).
  if ((!(c.sections & bit(Section::Cover)) && !limited_to) || s.words[c.head].pos == syntax::Pos::VBG ||
      s.words[c.head].pos == syntax::Pos::IN)
    return {};
  if (g.negated || !g.modal.empty() || g.to || g.begin == 0) return {};
  DecisionLimits out;
  out.reference = reference_before(s, g.begin);
  // "The new rules take effect on May 1 and apply only to X": the second predicate's subject is the first
  // one's, and when the first says when the decision takes effect, that is a limit too.
  WordRange starts;
  if (out.reference.empty() && is_one_of(s.words[g.begin - 1].lower, {"and", "but"})) {
    for (std::size_t j = g.begin - 1; j-- > clause_begin(s, g.begin);) {
      const syntax::Pos pos = s.words[j].pos;
      if (pos != syntax::Pos::VBZ && pos != syntax::Pos::VBP && pos != syntax::Pos::VBD &&
          pos != syntax::Pos::MD)
        continue;
      // (A first predicate that limits the decision itself reads the second one: "is limited to X and
      // applies only within Y".)
      bool limits = false;
      for (std::size_t k = j; k < g.begin; ++k)
        limits = limits || (s.words[k].covered & (bit(Section::Cover) | bit(Section::Restrict)));
      const VerbGroup first = verb_group(s, j);
      if (!first.negated && first.modal.empty() && !limits) out.reference = reference_before(s, first.begin);
      // "take(s) effect" / "come(s) into force" and a phrase of time up to the "and".
      std::size_t k = j + 1;
      if (s.words[j].lemma == "take" && k < g.begin && s.words[k].lower == "effect")
        ++k;
      else if (s.words[j].lemma == "come" && k + 1 < g.begin && s.words[k].lower == "into" &&
               is_one_of(s.words[k + 1].lower, {"force", "effect"}))
        k += 2;
      if (k > j + 1 && k + 1 < g.begin - 1 && s.words[k].pos == syntax::Pos::IN) starts = {k, g.begin - 1};
      break;
    }
  }
  if (out.reference.empty()) return {};
  if (!starts.empty()) out.limits.push_back(starts);
  std::size_t end = clause_end(s, c.last + 1);
  std::size_t k = c.last + 1;
  // "The suspension applies to permits issued after March 1": what the decision applies to is its limit
  // (not "to all fields": that extends it to every one).
  // So is what it covers ("The permission covers strikes on depots").
  const bool applies_to =
      (c.sections & bit(Section::Cover)) &&
      ((s.words[c.head].lemma == "apply" && k + 1 < end && s.words[k].lower == "to" &&
        !is_one_of(s.words[k + 1].lower, {"only", "all", "every", "any", "each", "both"})) ||
       (s.words[c.head].lemma == "cover" && k < end && is_np_word(s.words[k]) &&
        !is_one_of(s.words[k].lower, {"only", "all", "every", "any", "each", "both"})));
  // "is limited to X and applies only within Y": a second predicate of the same subject ends the limit.
  // (The tagger may read "applies" or "expires" there as a plural noun.)
  const auto predicate = [&](const Word& w) {
    return (syntax::is_verb(w.pos) && w.pos != syntax::Pos::VBG && w.pos != syntax::Pos::VBN) ||
           w.pos == syntax::Pos::MD || (w.covered & bit(Section::Cover)) ||
           is_one_of(w.lemma, {"expire", "lapse", "last", "run", "end"});
  };
  if (limited_to || applies_to) {
    // (Not in a relative clause: "the model, which had been limited to airport use" says what was lifted.)
    if (is_one_of(s.words[out.reference.last - 1].lower, {"which", "that", "who"})) return {};
    // (The second predicate's own "only" phrase is a second limit.)
    std::size_t stop = k;
    while (stop + 1 < end && !(s.words[stop].lower == "and" && predicate(s.words[stop + 1]))) ++stop;
    if (stop + 1 >= end) stop = end;
    const WordRange limit = without_final_punct(s, {k, stop});
    if (limit.last > limit.first + 1) out.limits.push_back(limit);
    // (And when it ends: "... and expires in May".)
    const bool expires = stop + 1 < end && is_one_of(s.words[stop + 1].lemma, {"expire", "lapse", "end"});
    if (expires || (stop + 2 < end && s.words[stop + 2].lower == "only")) {
      const WordRange second = without_final_punct(s, {stop + (expires ? 1 : 2), end});
      if (second.last > second.first + 1) out.limits.push_back(second);
    }
    return out;
  }
  if (k < end && s.words[k].lower == "to" && k + 1 < end && s.words[k + 1].lower == "only") ++k;
  if (k >= end || s.words[k].lower != "only") return {};
  std::size_t first = k;
  for (std::size_t j = k + 1; j <= end; ++j) {
    const bool next_limit =
        j + 1 < end && is_one_of(s.words[j].lower, {"and", "or"}) && s.words[j + 1].lower == "only";
    // ("applies only to X and could be withdrawn at any time": the second predicate is no limit.)
    if (j + 1 < end && is_one_of(s.words[j].lower, {"and", "but"}) && predicate(s.words[j + 1])) end = j;
    if (j == end || next_limit) {
      const WordRange limit = without_final_punct(s, {first, j});
      if (limit.last > limit.first + 1) out.limits.push_back(limit);
      first = j + 1;
      ++j;
    }
  }
  return out;
}

bool blocks_a_proposal(const SentenceView& s, const Candidate& c) {
  if (!s.tagged || !(c.sections & bit(Section::Prohibit)) || is_noun_frame(c.sections) ||
      !syntax::is_verb(s.words[c.head].pos))
    return false;
  // Past at most three determiners and modifiers from `k`.
  const auto past_modifiers = [&](std::size_t k) {
    for (int skipped = 0; k < s.words.size() && skipped < 3 && is_determiner_or_modifier(s.words[k]);
         ++skipped)
      ++k;
    return k;
  };
  std::size_t k = past_modifiers(c.last + 1);
  if (k < s.words.size() && s.words[k].lower == "any") ++k;
  // (Past an owner: "blocked the government's plan to V" blocks a plan.)
  for (std::size_t j = k; j < s.words.size() && j < k + 4 && syntax::is_noun(s.words[j].pos); ++j) {
    if (j + 1 < s.words.size() && s.words[j + 1].pos == syntax::Pos::POS) {
      k = past_modifiers(j + 2);
      break;
    }
  }
  // (The head of a compound: "blocked the new voting law" blocks a law, not a vote.)
  while (k + 1 < s.words.size() && syntax::is_noun(s.words[k].pos) && syntax::is_noun(s.words[k + 1].pos))
    ++k;
  return k < s.words.size() && syntax::is_noun(s.words[k].pos) &&
         (s.words[k].starts & bit(Section::ProposalCue));
}

WordRange left_out_of(const SentenceView& s, const Candidate& c) {
  const std::size_t end = clause_end(s, c.last + 1);
  std::size_t k = c.last + 1;
  // "the ban (does not) apply to": past the carve-out verb and its verb group.
  std::size_t verb = k;
  while (verb < end && verb < k + 4 && !(s.words[verb].covered & bit(Section::Cover)) &&
         (s.words[verb].negative ||
          is_one_of(s.words[verb].lower, {"does", "do", "did", "will", "would", "not"})))
    ++verb;
  if (verb > k && verb < end && (s.words[verb].covered & bit(Section::Cover))) k = verb + 1;
  if (k < end && is_one_of(s.words[k].lower, {"to", "for"})) ++k;
  const WordRange r = without_final_punct(s, {k, end});
  return r.empty() ? fallback_action(s, c) : r;
}

bool held_by_party(const SentenceView& s, const Candidate& c) {
  if (!s.tagged || c.first != c.last || !(c.sections & bit(Section::PermitNoun)) ||
      !syntax::is_noun(s.words[c.head].pos))
    return false;
  // Back over the noun phrase's opening words ("a", "valid", "parking") to the preposition.
  for (std::size_t k = c.first, steps = 0; k > 0 && steps < 4; --k, ++steps) {
    const Word& w = s.words[k - 1];
    if (is_one_of(w.lower, {"with", "without"})) return true;
    if (!(is_determiner_or_modifier(w) || syntax::is_noun(w.pos)) || (w.starts & kTriggerSections))
      return false;
  }
  return false;
}

bool object_of_preposition(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  if (!s.tagged || c.first != c.last || (c.sections & kNounFrameSections) ||
      !(c.sections & kVerbFrameSections))
    return false;
  const std::size_t k = c.first;
  if (k < 1) return false;
  // After a determiner; a word in -s also right after its preposition ("smoking in bars": no finite verb
  // follows a preposition, whatever the tagger says).
  const Pos det = s.words[k - 1].pos;
  const bool determined = det == Pos::DT || det == Pos::PDT || det == Pos::PRPS;
  const bool plural = s.words[k].pos == Pos::NNS || s.words[k].pos == Pos::VBZ;
  if (!determined && !plural) return false;
  if (determined && k < 2) return false;
  const Word& preposition = s.words[determined ? k - 2 : k - 1];
  // Not "to": "to either exempt X" is an infinitive whatever the tagger says.
  if (preposition.pos != Pos::IN || preposition.lower == "that") return false;
  // A noun of deciding takes what it decides about ("a halt to X", "the banning of Y"); a gerund or
  // participle ("those banned") is the act itself.
  const Word& w = s.words[c.first];
  if (!(syntax::is_noun(w.pos) || (!determined && plural)) || w.lower.size() < 4 ||
      w.lower.ends_with("ing") || w.lower.ends_with("ed"))
    return false;
  if (c.last + 1 >= s.words.size() || !determined) return true;
  // Nor an object after it: a noun phrase right after the word makes it a verb the tagger misread.
  const Word& next = s.words[c.last + 1];
  return !is_one_of(next.lower, {"to", "on", "of", "against", "for", "from", "over"}) &&
         !(syntax::is_noun(next.pos) || syntax::is_adjective(next.pos) || next.pos == Pos::DT ||
           next.pos == Pos::PRP || next.pos == Pos::PRPS || next.pos == Pos::CD);
}

bool is_attributive(const SentenceView& s, const Candidate& c) {
  if (!s.tagged || c.first != c.last || c.last + 1 >= s.words.size()) return false;
  using syntax::Pos;
  const Pos pos = s.words[c.head].pos;
  const Word& next = s.words[c.last + 1];
  // A participle's form after a preposition or determiner is a participle ("to licensed sites"), whatever
  // the tagger made of it (a past tense, or a base form after "to").
  const Pos before = c.first > 0 ? s.words[c.first - 1].pos : Pos::DT;
  const bool participle = pos == Pos::VBN || syntax::is_adjective(pos) ||
                          ((c.forms & kParticiple) && !(c.forms & kBase) &&
                           (before == Pos::IN || before == Pos::TO || before == Pos::DT));
  return participle && syntax::is_noun(next.pos) && !(next.starts & kTriggerSections);
}

}  // namespace articlescope::policy
