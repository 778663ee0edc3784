// The policy stage. For every sentence:
//  1. normalise its tokens to words (lower case, straight apostrophes, "doesn't" -> "does" "not");
//  2. find triggers (lexicon: permission / prohibition / lift / legalise / impose verbs, restriction and
//     permission nouns, exclusion phrases, "may (not)");
//  3. read the verb group around each trigger (auxiliaries, negation, continuation, voice, tense);
//  4. take the roles from the clause: actor (left noun phrase, or "by X" in the passive), subject
//     ("bars X from", "allows X to"), action (to the clause end), and cut typed scopes off the action;
//  5. decide the status from the trigger class, the verb group and the left context (proposal cues);
//  6. add carve-outs ("except X" -> an excluded provision), resolve "this decision" to an earlier actor.
// Everything lexical comes from core/data/policy_lexicon.txt; this file holds only the clause logic.
#include "policy/policy.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "policy/lexicon.hpp"

namespace articlescope::policy {

namespace {

constexpr std::size_t kMaxSentenceWords = 200;  // longer "sentences" are run-on text: analyse their start
constexpr std::size_t kNpMax = 14;
constexpr std::size_t kActionMax = 24;
constexpr std::size_t kWindow = 30;

const Lexicon& lex() { return Lexicon::embedded(); }

struct Word {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string w;  // normalised
  bool cap = false;
  bool punct = false;
};

struct Range {
  std::size_t b = 0;
  std::size_t e = 0;
  bool empty() const { return e <= b; }
};

enum class Kind { Permit, Prohibit, Lift, Legalize, RestrictionNoun, PermissionNoun, Excluded, Modal };

struct Candidate {
  Kind kind = Kind::Permit;
  Status status = Status::Allowed;
  Range trigger;
  Range actor, subject, action;
  std::vector<std::pair<ScopeKind, Range>> scopes;
  std::uint32_t flags = 0;
  bool actor_is_decision = false;     // actor is "the decision" in a non-excluded provision
  bool excluded_by_decision = false;  // actor is "the decision": resolve to an earlier actor
  std::optional<Span> actor_override;
  std::optional<Span> action_override;
};

std::string normalise(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == 0xE2 && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(raw[i + 2]) == 0x99 || static_cast<unsigned char>(raw[i + 2]) == 0x98)) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back(c < 0x80 ? static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c) : static_cast<char>(c));
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_number(std::string_view s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }

bool is_year(std::string_view s) {
  if (s.size() != 4 && !(s.size() == 5 && s.back() == 's')) return false;
  for (std::size_t i = 0; i < 4; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return s[0] == '1' || s[0] == '2';
}

class SentenceAnalyser {
 public:
  SentenceAnalyser(const std::string& text, const text::TextIndex& index, const text::Sentence& sentence,
                   const std::vector<Entity>& entities)
      : text_(text) {
    for (std::size_t t = sentence.first_token; t < sentence.last_token && t < index.tokens.size(); ++t) {
      const auto& tok = index.tokens[t];
      if (tok.end > text.size() || tok.start >= tok.end) continue;
      const std::string_view raw(text.data() + tok.start, tok.end - tok.start);
      Word word;
      word.start = tok.start;
      word.end = tok.end;
      word.punct = tok.kind == text::TokenKind::Punct || tok.kind == text::TokenKind::Symbol;
      word.cap = !raw.empty() && raw[0] >= 'A' && raw[0] <= 'Z';
      word.w = normalise(raw);
      // Contractions: "doesn't" -> "does" "not", "cannot" -> "can" "not", "won't" -> "will" "not".
      std::string stem;
      if (word.w == "cannot") {
        stem = "can";
      } else if (word.w == "won't") {
        stem = "will";
      } else if (word.w == "can't") {
        stem = "can";
      } else if (word.w.size() > 3 && ends_with(word.w, "n't")) {
        stem = word.w.substr(0, word.w.size() - 3);
      } else if (word.w == "n't") {
        word.w = "not";
      }
      std::string second = "not";
      // "they're" -> "they" "are", "we've" -> "we" "have": the pronoun keeps its own span
      const std::size_t apostrophe = word.w.find('\'');
      if (stem.empty() && apostrophe != std::string::npos && apostrophe > 0) {
        const std::string tail = word.w.substr(apostrophe + 1);
        if (tail == "re" || tail == "ve" || tail == "ll" || tail == "m") {
          stem = word.w.substr(0, apostrophe);
          second = tail == "re" ? "are" : tail == "ve" ? "have" : tail == "ll" ? "will" : "am";
        }
      }
      if (!stem.empty()) {
        Word first = word;
        first.w = stem;
        // Split the token's span after the stem's letters (a curly apostrophe is 3 bytes, straight 1).
        if (stem != "will" && stem != "can" && stem.size() < raw.size()) {
          std::size_t cut = 0;
          for (std::size_t letters = 0; cut < raw.size() && letters < stem.size(); ++letters) {
            cut += static_cast<unsigned char>(raw[cut]) == 0xE2 ? 3 : 1;
          }
          if (cut > 0 && cut < raw.size()) {
            first.end = word.start + cut;
            word.start = word.start + cut;
          }
        }
        push(std::move(first));
        word.w = second;
        word.cap = false;
      }
      push(std::move(word));
      if (words_.size() >= kMaxSentenceWords) break;
    }
    n_ = words_.size();
    named_.assign(n_, false);
    if (n_ > 0) {
      const auto first = std::lower_bound(entities.begin(), entities.end(), words_[0].start,
                                          [](const Entity& e, std::size_t off) { return e.end <= off; });
      for (auto it = first; it != entities.end() && it->start < words_[n_ - 1].end; ++it) {
        if (it->type != EntityType::Person && it->type != EntityType::Org && it->type != EntityType::Norp &&
            it->type != EntityType::Location)
          continue;
        for (std::size_t k = 0; k < n_; ++k) {
          if (words_[k].start >= it->start && words_[k].end <= it->end) named_[k] = true;
        }
      }
    }
    headline_ = n_ > 0 && !(w(n_ - 1) == "." || w(n_ - 1) == "!" || w(n_ - 1) == "?" || w(n_ - 1) == "\"" ||
                            words_[n_ - 1].w == "\xe2\x80\x9d" || w(n_ - 1) == "'" || w(n_ - 1) == ")");
    // Title case also marks a headline ("Council Bans Scooters From Pavements.")
    std::size_t alpha = 0, capital = 0;
    for (const auto& word : words_) {
      if (word.punct || word.w.empty() || !(word.w[0] >= 'a' && word.w[0] <= 'z')) continue;
      ++alpha;
      capital += word.cap ? 1 : 0;
    }
    if (alpha >= 4 && capital * 10 >= alpha * 7) headline_ = true;
    question_ = false;
    for (std::size_t i = 0; i < n_; ++i) question_ = question_ || w(i) == "?";
  }

  std::vector<Candidate> run() {
    if (n_ == 0) return {};
    consumed_.assign(n_, false);
    for (std::size_t i = 0; i < n_; ++i) {
      if (consumed_[i] || words_[i].punct) continue;
      last_cue_ = std::string::npos;
      if (inside_action(i)) continue;
      if (try_excluded(i)) continue;
      if (try_modal(i)) continue;
      if (try_lift_or_impose_verb(i)) continue;
      if (try_legalize(i)) continue;
      if (try_restriction_noun(i)) continue;
      if (try_permission_noun(i)) continue;
      if (try_verb(i, "prohibit_verb", Kind::Prohibit)) continue;
      if (try_verb(i, "permit_verb", Kind::Permit)) continue;
      if (try_verb(i, "permit_verb_negated", Kind::Permit)) continue;
      if (try_restore(i)) continue;
      if (try_impossible(i)) continue;
      if (try_obligation(i)) continue;
    }
    finish();
    return std::move(out_);
  }

  // A one-word personal pronoun ("it", "they"): it names no one.
  bool is_pronoun(Range r) const { return r.e == r.b + 1 && in("personal_pronoun", r.b); }

  Span span(Range r) const {
    Span s;
    if (r.empty() || r.e > n_) return s;
    s.start = words_[r.b].start;
    s.end = words_[r.e - 1].end;
    s.text = text_.substr(s.start, s.end - s.start);
    return s;
  }

 private:
  // ----------------------------------------------------------------------------------------------
  // Word helpers.

  void push(Word word) {
    words_.push_back(std::move(word));
    lw_.push_back(words_.back().w);
    phrases_.push_back(lex().starting_with(lw_.back()));
  }

  const std::string& w(std::size_t i) const {
    static const std::string empty;
    return i < n_ ? words_[i].w : empty;
  }
  // The lexicon's phrases starting at each word are looked up once (phrases_), not per section asked; most
  // words start none.
  const Lexicon::Phrases* phrases(std::size_t i) const { return i < phrases_.size() ? phrases_[i] : nullptr; }
  bool in(std::string_view section, std::size_t i) const { return i < n_ && lex().has(section, phrases(i)); }
  std::size_t match(std::string_view section, std::size_t i) const {
    return i < n_ ? lex().match_verb(section, lw_, i, phrases(i)).length : 0;
  }
  VerbMatch verb(std::string_view section, std::size_t i) const {
    return lex().match_verb(section, lw_, i, phrases(i));
  }
  bool punct(std::size_t i) const { return i < n_ && words_[i].punct; }
  bool cap(std::size_t i) const { return i < n_ && words_[i].cap; }  // false past the sentence, like w() and punct()
  bool is_quote(std::size_t i) const {
    const std::string& s = w(i);
    return s == "\"" || s == "'" || s == "\xe2\x80\x9c" || s == "\xe2\x80\x9d" || s == "`" || s == "''" ||
           s == "``";
  }
  bool hard_boundary(std::size_t i) const {
    if (i >= n_) return true;
    if (!punct(i)) return false;
    const std::string& s = w(i);
    if (s == ":" && i > 0 && i + 1 < n_ && words_[i - 1].end == words_[i].start &&
        words_[i].end == words_[i + 1].start && is_number(w(i - 1)) && is_number(w(i + 1)))
      return false;  // "21:00"
    return s == ";" || s == ":" || s == "\xe2\x80\x94" || s == "\xe2\x80\x93" || s == "-" || s == "--" ||
           s == "(" || s == ")" || s == "[" || s == "]" || s == "?" || s == "!" || s == "." || s == "...";
  }
  bool is_dash(std::size_t i) const {
    const std::string& s = w(i);
    return s == "\xe2\x80\x94" || s == "-" || s == "--" || s == "\xe2\x80\x93";
  }
  bool is_trigger_word(std::size_t i) const {
    return verb("permit_verb", i).length || verb("prohibit_verb", i).length || verb("lift_verb", i).length ||
           verb("legalize_verb", i).length || match("excluded_phrase", i);
  }
  bool is_gerund(std::size_t i) const {
    if (i >= n_ || punct(i) || cap(i) || w(i).size() < 6 || !ends_with(w(i), "ing")) return false;
    const std::string& s = w(i);
    return !(s == "during" || s == "nothing" || s == "something" || s == "anything" || s == "everything" ||
             s == "morning" || s == "evening" || s == "ceiling" || s == "string" || s == "spring" ||
             s == "building" || s == "meeting" || s == "hearing" || s == "ruling" || s == "funding" ||
             s == "housing" || s == "warning" || s == "setting" || s == "wedding" || s == "clothing");
  }
  // A capitalised word that is a name: an entity mention, or capitalised where lower case is the rule.
  bool name_word(std::size_t k) const {
    if (k >= n_ || !cap(k)) return false;
    if (named_[k]) return true;
    if (k == 0 || (k > 0 && is_quote(k - 1)) || (k > 0 && punct(k - 1) && w(k - 1) != ",")) {
      // sentence start: a name only when it is no grammar word and the next word is capitalised too
      if (in("determiner", k) || in("np_stop", k) || in("group_adverb", k) || in("np_intro", k) ||
          in("intro_word", k) || in("personal_pronoun", k))
        return false;
      return k + 1 < n_ && cap(k + 1);
    }
    return true;
  }
  bool party_like(Range r) const {
    if (r.empty()) return false;
    // the head comes before a prepositional phrase ("drone shipments to Ruritania": shipments)
    std::size_t head = r.e - 1;
    for (std::size_t k = r.b + 1; k < r.e; ++k) {
      if (in("np_stop", k) && w(k) != "and" && w(k) != "or") {
        head = k - 1;
        break;
      }
    }
    if (in("party_noun", head) || in("personal_pronoun", head) || in("regulated_party", head)) return true;
    // A name heads the phrase ("Transportation chief Eulois Cleckley"), not a common noun ("Alcohol
    // consumption").
    if (cap(head) && (named_[head] || (name_word(head) && head > r.b && cap(head - 1))))
      return true;
    return named_[head] && head == r.b;
  }

  // Inside the action of an earlier candidate: that trigger word is part of the action, not a provision.
  bool inside_action(std::size_t i) const {
    for (const auto& c : out_) {
      if (i >= c.action.b && i < c.action.e) return true;
      for (const auto& sc : c.scopes) {
        if (i >= sc.second.b && i < sc.second.e && sc.first != ScopeKind::Exception) return true;
      }
    }
    return false;
  }

  // ----------------------------------------------------------------------------------------------
  // Clause structure.

  // True when word i (after a comma or without one) starts a new clause.
  bool clause_break(std::size_t i) const {
    if (i >= n_) return true;
    if (hard_boundary(i)) return true;
    if (w(i) == ",") {
      if (match("clause_starter", i + 1) > 0 || (i + 1 < n_ && is_quote(i + 1))) return true;
      std::size_t k = i + 1;
      while (k < n_ && k < i + 4 && in("group_adverb", k) && w(k) != "to") ++k;
      if (k < n_ && in("auxiliary", k) && w(k) != "'s") return true;
      if (k < n_ && !cap(k) && (verb("permit_verb", k).forms & (kThird | kPast)) && k > i + 1) return true;
      if (k < n_ && !cap(k) && k > i + 1 && is_trigger_word(k)) return true;
      // ", eighteen months after ...", ", two years later": a time adjunct
      if (i + 2 < n_ && in("time_unit", i + 2) && !punct(i + 1) && !in("determiner", i + 1)) return true;
      // ", ending a ban that ...": a participle clause
      if (is_gerund(i + 1) && w(i + 1) != "including" && w(i + 1) != "excluding" && w(i + 1) != "according")
        return true;
      // ", ruling that ...", ", saying that ...": also the words is_gerund() takes for nouns
      if (i + 2 < n_ && !cap(i + 1) && ends_with(w(i + 1), "ing") && w(i + 2) == "that") return true;
      // ", for providing weapons", ", based on concerns": an adjunct clause
      if (w(i + 1) == "for" && is_gerund(i + 2)) return true;
      if (i + 2 < n_ && !cap(i + 1) && ends_with(w(i + 1), "ed") && w(i + 1).size() > 4 &&
          in("np_stop", i + 2) && w(i + 2) != "and" && w(i + 2) != "or")
        return true;
      // ", the defence minister said", ", the Council of the Northern Union said": an attribution
      for (std::size_t q = i + 1; q < n_ && q < i + 10; ++q) {
        if (punct(q)) break;
        if (match("attribution_cue", q) && q > i + 1) return true;
      }
      return false;
    }
    if (match("hard_starter", i)) return true;
    if (w(i) == "and" || w(i) == "or") {
      std::size_t k = i + 1;
      while (k < n_ && (in("group_adverb", k) || in("auxiliary", k)) && k < i + 4) ++k;
      // "cafés and bars in the old town": a plural noun coordinated with the previous one, not a verb
      const bool plural_noun = k == i + 1 && k + 1 < n_ && i > 0 && ends_with(w(k), "s") &&
                               ends_with(w(i - 1), "s") && !cap(i - 1) &&
                               (w(k + 1) == "in" || w(k + 1) == "at" || w(k + 1) == "of" || w(k + 1) == "to");
      // "ban" and "use" are nouns as often ("restrictions and bans"), verbs before their object ("and ban the
      // tankers").
      const bool noun_like =
          (w(k) == "ban" || w(k) == "bans" || w(k) == "use") && !(k + 1 < n_ && in("determiner", k + 1));
      if (k < n_ && (is_trigger_word(k) || match("attribution_cue", k) || match("excluded_phrase", k)) &&
          !noun_like && !plural_noun)
        return true;
      if (i + 1 < n_ && in("auxiliary", i + 1) && w(i + 1) != "'s") return true;
      // "and requested travel bans": a second verb
      if (i + 2 < n_ && !cap(i + 1) && ends_with(w(i + 1), "ed") && w(i + 1).size() > 4 &&
          !punct(i + 2) && w(i + 2) != "by" && w(i + 2) != "to")
        return true;
      // "and the city banned X", "..., and domestic animals are": a new subject and its verb
      if (i + 1 < n_ && (in("determiner", i + 1) || in("personal_pronoun", i + 1) || cap(i + 1) ||
                         (i > 0 && w(i - 1) == ","))) {
        for (std::size_t q = i + 2; q < n_ && q < i + 7; ++q) {
          if (punct(q)) break;
          if ((in("auxiliary", q) && w(q) != "'s") ||
              (is_trigger_word(q) && !in("restriction_noun", q) && !cap(q)))
            return true;
        }
      }
    }
    return false;
  }

  std::size_t clause_end(std::size_t from) const {
    std::size_t k = from;
    while (k < n_ && k < from + kActionMax * 2) {
      if (k > from && clause_break(k)) break;
      if (k == from && hard_boundary(k)) break;
      ++k;
    }
    return k;
  }

  // Start of the clause that contains i (for the proposal window).
  std::size_t clause_start(std::size_t i) const {
    std::size_t k = i;
    while (k > 0 && i - k < kWindow) {
      const std::size_t p = k - 1;
      if (hard_boundary(p) && w(p) != "-" && w(p) != "(" && w(p) != ")") break;
      if (in("relative", p) && p > 0 &&
          (w(p - 1) == "," || (!punct(p - 1) && !in("np_stop", p - 1) && !in("auxiliary", p - 1) &&
                               (w(p) != "that" || p + 1 == i))))
        break;
      if (w(p) == "then" && p > 0 && w(p - 1) == ",") break;
      if (w(p) == "," && p + 1 < n_ && in("auxiliary", p + 1) && w(p + 1) != "'s") break;
      if ((w(p) == "before" || w(p) == "after" || w(p) == "because" || w(p) == "since" || w(p) == "until" ||
           w(p) == "once" || w(p) == "although" || w(p) == "though") &&
          p + 1 < n_ && (in("personal_pronoun", p + 1) || in("determiner", p + 1) || cap(p + 1)))
        break;
      if (match("hard_starter", p) && w(p) != "which" && w(p) != "who") break;
      --k;
    }
    return k;
  }

  // The noun phrase that ends just before `end`, scanning left.
  Range left_np(std::size_t end, std::size_t floor = 0) const {
    std::size_t j = end;
    // Skip a closing parenthetical "(R-Tenn.)".
    while (j > floor && j - 1 < n_ && is_quote(j - 1)) --j;
    std::size_t e = j;
    std::size_t count = 0;
    while (j > floor && count < kNpMax) {
      const std::size_t p = j - 1;
      if (w(p) == ")") {
        std::size_t q = p;
        while (q > floor && w(q) != "(" && p - q < 8) --q;
        if (w(q) == "(") {
          j = q;
          continue;
        }
        break;
      }
      if (w(p) == "'" && p > floor && words_[p - 1].end == words_[p].start && ends_with(w(p - 1), "s") &&
          count > 0) {
        --j;
        ++count;
        continue;  // "journalists' metadata"
      }
      if (punct(p) && w(p) != "'s" && w(p) != "&" && w(p) != ".") break;
      if ((w(p) == "and" || w(p) == "or") && p > floor && p + 1 < n_ && count > 0 &&
          ((cap(p + 1) && cap(p - 1)) ||
           (!in("determiner", p + 1) && !punct(p - 1) && !in("np_stop", p - 1) && !in("auxiliary", p - 1) &&
            !is_number(w(p - 1)) && !ends_with(w(p - 1), "ed")))) {
        --j;
        ++count;
        continue;
      }
      // a verb taking the phrase as its object ("adopted the position"): the phrase starts after it
      if (count > 0 && !cap(p) && ends_with(w(p), "ed") && w(p).size() > 4 &&
          w(p).find('-') == std::string::npos && (in("determiner", p + 1) || cap(p + 1)))
        break;
      if (w(p) == "then" && p > floor && w(p - 1) == "the") {  // "the then Home Secretary"
        --j;
        ++count;
        continue;
      }
      if (count > 0 && !cap(p) && match("proposal_cue", p) && !in("determiner", p)) break;
      if (count > 0 && is_gerund(p)) break;
      // a verb taking the phrase as its object ("win a federal court case")
      if (count > 0 && !cap(p) && in("article", p + 1) && !in("determiner", p) && w(p) != "of" &&
          w(p) != "half")
        break;
      if (w(p) == "of" && p > floor && !punct(p - 1) && !in("np_stop", p - 1) && count > 0) {
        --j;
        ++count;
        continue;
      }
      if (in("np_stop", p)) break;
      if (is_trigger_word(p) && !(cap(p) && p > floor) &&
          !(p > floor && (in("determiner", p - 1) || w(p - 1) == "'s")) &&
          !(count == 0 && ends_with(w(p), "s") && !ends_with(w(p), "ss")))  // "housing blocks were told"
        break;
      if (match("attribution_cue", p)) break;
      if (in("auxiliary", p) && w(p) != "'s") break;
      --j;
      ++count;
    }
    std::size_t b = j;
    while (b < e && (match("np_intro", b) || is_quote(b))) ++b;
    while (e > b && is_quote(e - 1)) --e;
    // "2009 the Security Council": a date left over from an introductory phrase
    if (e > b + 1 && (is_number(w(b)) || in("month", b)) && in("determiner", b + 1)) ++b;
    // "a court case next year": a trailing time expression is no part of the noun phrase
    if (e > b + 2 && in("time_unit", e - 1) &&
        (w(e - 2) == "next" || w(e - 2) == "last" || w(e - 2) == "this"))
      e -= 2;
    if (e > b && w(e - 1) == "'s") --e;
    return {b, e};
  }

  // The first noun phrase to the right of `from` (for "by X", "allows X to").
  Range right_np(std::size_t from, std::size_t limit) const {
    std::size_t k = from;
    while (k < limit && k < from + kNpMax) {
      if (punct(k) && w(k) != "'s" && w(k) != "&") break;
      if (k > from && (in("np_stop", k) && w(k) != "of")) break;
      if (k > from && (in("auxiliary", k) && w(k) != "'s")) break;
      if (k > from && is_trigger_word(k) && !cap(k)) break;
      ++k;
    }
    return {from, k};
  }

  // The grammatical subject of the sentence's main clause (after an introductory phrase).
  Range main_subject(std::size_t before) const {
    std::size_t k = 0;
    // "Editor's note: Donald Trump ...": a label before a colon
    for (std::size_t q = 0; q < n_ && q < 6 && q < before; ++q) {
      if (w(q) == ":") k = q + 1;
    }
    while (k < n_ && (is_quote(k) || punct(k))) ++k;
    if (k < n_ && in("intro_word", k)) {
      std::size_t c = k;
      while (c < before && c < k + 14 && w(c) != ",") ++c;
      if (c < before && w(c) == ",") k = c + 1;
    }
    if (k >= before) return {};
    std::size_t e = k;
    if (in("personal_pronoun", k)) return {k, k + 1};
    if (k == 0 && cap(k) && in("article", k + 1)) return {};  // an imperative: "Enter the shield"
    while (e < before && e < k + kNpMax) {
      if (punct(e) && w(e) != "'s" && w(e) != "&") break;
      if (e > k && (in("np_stop", e) && w(e) != "of")) break;
      if (in("auxiliary", e) && w(e) != "'s") break;
      if (is_trigger_word(e) && !cap(e) && !(e > k && in("determiner", e - 1))) break;
      // a verb after a name ("Germany agreed") or after a noun, before its object ("The license covers only")
      if (e > k && !cap(e) && cap(e - 1) && !in("determiner", e - 1) && w(e) != "of" &&
          w(e) != "and" && w(e) != "'s" && !punct(e))
        break;
      if (e > k + 1 && !cap(e) && ends_with(w(e), "s") && e + 1 < before &&
          (in("determiner", e + 1) || in("group_adverb", e + 1)))
        break;
      if (e > k + 1 && !cap(e) && ends_with(w(e), "ed")) break;
      ++e;
    }
    return {k, e};
  }

  // ----------------------------------------------------------------------------------------------
  // The verb group around a trigger: "has also not been", "continues to", "would".

  struct Group {
    std::size_t start = 0;  // first word of the group
    int negations = 0;
    bool be = false;       // a form of "be" or "get" right before the participle: passive
    bool perfect = false;  // has / have / had
    bool past_perfect = false;
    bool past_be = false;  // was / were / has been
    bool modal_would = false;
    bool must = false;  // "must be allowed": a demand
    bool will = false;
    bool continuation = false;
    bool infinitive = false;  // "to ban"
    bool no_longer = false;
    bool only = false;
    std::size_t only_at = 0;
  };

  Group group_before(std::size_t t) const {
    Group g;
    std::size_t k = t;
    std::size_t steps = 0;
    while (k > 0 && steps < 8) {
      const std::size_t p = k - 1;
      const std::string& s = w(p);
      if (s == "not" || s == "never") {
        ++g.negations;
      } else if (s == "longer" && p > 0 && w(p - 1) == "no") {
        g.no_longer = true;
        ++g.negations;
        --k;
        ++steps;
      } else if (s == "to") {
        g.infinitive = true;
      } else if (in("be", p)) {
        if (k == t || (g.be == false && steps < 3)) g.be = true;
        if (s == "was" || s == "were" || (s == "been" && p > 0 && (w(p - 1) == "has" || w(p - 1) == "have")))
          g.past_be = true;
      } else if (s == "has" || s == "have" || s == "having") {
        g.perfect = true;
      } else if (s == "had") {
        g.perfect = true;
        g.past_perfect = true;
      } else if (s == "would" || s == "could" || s == "should" || s == "might") {
        g.modal_would = true;
      } else if (s == "must") {
        g.must = true;
      } else if (s == "will" || s == "shall" || s == "'ll") {
        g.will = true;
      } else if (match("continuation", p) || (p > 0 && match("continuation", p - 1) == 2)) {
        g.continuation = true;
        // "remain barred": a continuing passive
        if (k == t && (s == "remain" || s == "remains" || s == "remained")) g.be = true;
        if (p > 0 && match("continuation", p - 1) == 2) {
          --k;
          ++steps;
        }
      } else if (s == "only") {
        g.only = true;
        g.only_at = p;
      } else if (in("auxiliary", p) || in("group_adverb", p)) {
        // do / does / can / may ... and adverbs
      } else {
        break;
      }
      --k;
      ++steps;
    }
    g.start = k;
    return g;
  }

  // ----------------------------------------------------------------------------------------------
  // Scopes: cut typed scopes off an action span.

  std::optional<std::pair<ScopeKind, std::size_t>> scope_marker(std::size_t k, std::size_t limit) const {
    if (std::size_t n = match("scope_exception", k)) return std::make_pair(ScopeKind::Exception, n);
    if (std::size_t n = match("scope_condition", k)) {
      return std::make_pair(ScopeKind::Condition, n);
    }
    if (std::size_t n = match("scope_restriction", k)) {
      if (w(k) == "up" && !(k + 2 < n_ && w(k + 1) == "to" && is_number(w(k + 2)))) return std::nullopt;
      return std::make_pair(ScopeKind::Restriction, n);
    }
    if (std::size_t n = match("scope_instance", k)) return std::make_pair(ScopeKind::Instance, n);
    if (std::size_t n = match("scope_target", k)) return std::make_pair(ScopeKind::Target, n);
    if (std::size_t n = match("scope_time", k)) {
      if (w(k) == "now" && k + 1 < limit && !punct(k + 1)) return std::nullopt;
      if (w(k) == "through" || w(k) == "during" || w(k) == "starting" || w(k) == "beginning") {
        if (k + 1 >= limit) return std::nullopt;
      }
      return std::make_pair(ScopeKind::Time, n);
    }
    // "for 90 days", "in 2009", "by 2016", "from 21:00", "in May"
    const std::string& s = w(k);
    if (k + 1 < limit) {
      const std::string& nx = w(k + 1);
      if ((s == "for" || s == "within") &&
          ((is_number(nx) || nx == "a" || nx == "an" || nx == "one" || nx == "two" || nx == "three" ||
            nx == "several" || nx == "six" || nx == "another") &&
           (in("time_unit", k + 2) || (k + 3 < limit && in("time_unit", k + 3)))))
        return std::make_pair(ScopeKind::Time, std::size_t{1});
      if ((s == "in" || s == "by" || s == "from" || s == "before" || s == "after" || s == "through") &&
          (is_year(nx) || in("month", k + 1) || (nx == "the" && k + 2 < limit && in("time_unit", k + 2))))
        return std::make_pair(ScopeKind::Time, std::size_t{1});
      if (s == "from" && is_number(nx)) return std::make_pair(ScopeKind::Time, std::size_t{1});
      // "from next year", "until next week"
      if ((s == "from" || s == "until" || s == "by" || s == "starting") && k + 2 < limit &&
          (nx == "next" || nx == "this" || nx == "last") && in("time_unit", k + 2))
        return std::make_pair(ScopeKind::Time, std::size_t{1});
      if (s == "for") {
        for (std::size_t q = k + 1; q < limit && q < k + 4; ++q) {
          if (in("target_noun", q)) return std::make_pair(ScopeKind::Target, std::size_t{1});
          if (punct(q)) break;
        }
      }
    }
    if (std::size_t n = match("scope_location", k)) {
      if (k > 0 && cap(k - 1) && k + 1 < n_ && cap(k + 1) && !punct(k - 1)) return std::nullopt;
      if (n == 1 &&
          (s == "nationwide" || s == "downtown" || s == "abroad" || s == "statewide" || s == "worldwide"))
        return std::make_pair(ScopeKind::Location, n);
      // A place must follow: a capitalised name or a place noun close by.
      for (std::size_t q = k + n; q < limit && q < k + n + 4; ++q) {
        if (punct(q) && w(q) != "'s") break;
        if (in("place_noun", q)) return std::make_pair(ScopeKind::Location, n);
        if (cap(q) && !in("month", q)) {
          if (s == "on" || s == "over") break;
          return std::make_pair(ScopeKind::Location, n);
        }
        if (!in("determiner", q) && !ends_with(w(q), "'s") && q > k + n + 1) break;
      }
    }
    return std::nullopt;
  }

  // Splits [b, e) into the action (up to the first scope) and scopes; returns the action range.
  Range cut_scopes(Range r, std::vector<std::pair<ScopeKind, Range>>& scopes) const {
    std::size_t action_end = r.e;
    std::size_t k = r.b + 1;  // a marker at the very start belongs to the action ("only allows" aside)
    std::optional<std::pair<ScopeKind, std::size_t>> open;
    std::size_t open_at = 0;
    while (k < r.e) {
      // "on Thursday to stop the violations": a purpose clause ends a time or place scope
      if (open && open->first != ScopeKind::Condition && open->first != ScopeKind::Exception &&
          w(k) == "to" && k + 1 < r.e && !punct(k + 1) && !cap(k + 1) && !in("determiner", k + 1) &&
          !is_number(w(k + 1)) && !in("place_noun", k + 1) && k > open_at + 1) {
        scopes.push_back({open->first, trim({open_at, k})});
        open.reset();
        break;
      }
      auto m = scope_marker(k, r.e);
      if (m) {
        if (open) {
          // Conditions and exceptions run on; other scopes stop at the next marker.
          const bool runs_on = open->first == ScopeKind::Condition || open->first == ScopeKind::Exception;
          if (!runs_on || m->first == ScopeKind::Exception || m->first == ScopeKind::Condition) {
            scopes.push_back({open->first, trim({open_at, k})});
            open = m;
            open_at = k;
          }
        } else {
          action_end = std::min(action_end, k);
          open = m;
          open_at = k;
        }
        k += m->second;
        continue;
      }
      ++k;
    }
    if (open) scopes.push_back({open->first, trim({open_at, r.e})});
    // "only" and "except" merge with the scope that follows them ("only on weekends", "except with ...").
    for (std::size_t s = 0; s + 1 < scopes.size(); ++s) {
      const std::size_t len = scopes[s].second.e - scopes[s].second.b;
      if ((scopes[s].first == ScopeKind::Restriction || scopes[s].first == ScopeKind::Exception ||
           (scopes[s].first == ScopeKind::Time && len == 1)) &&
          scopes[s].second.e == scopes[s + 1].second.b && len <= 2) {
        scopes[s + 1].first = scopes[s].first;
        scopes[s + 1].second.b = scopes[s].second.b;
        scopes.erase(scopes.begin() + static_cast<std::ptrdiff_t>(s));
      }
    }
    return trim({r.b, action_end});
  }

  Range trim(Range r) const {
    while (r.b < r.e && (punct(r.b) && w(r.b) != "$")) ++r.b;
    while (r.e > r.b && (punct(r.e - 1) && w(r.e - 1) != "." && w(r.e - 1) != ")")) --r.e;
    while (r.e > r.b && (w(r.e - 1) == "." || w(r.e - 1) == "and" || w(r.e - 1) == "or" ||
                         w(r.e - 1) == "just" || w(r.e - 1) == "as" || w(r.e - 1) == "but")) {
      if (w(r.e - 1) == "." && r.e - 1 > r.b && words_[r.e - 1].start == words_[r.e - 2].end &&
          words_[r.e - 2].w.size() <= 3)
        break;
      --r.e;
    }
    // Balance quotes and parentheses: drop a dangling one at the end.
    while (r.e > r.b && (is_quote(r.e - 1) || w(r.e - 1) == "(" || w(r.e - 1) == ",")) --r.e;
    return r;
  }

  // The action from `from`, cut at the clause end, with its scopes.
  Range action_from(std::size_t from, Candidate& c) const {
    std::size_t b = from;
    while (b < n_ && (in("group_adverb", b) && w(b) != "only" && w(b) != "no" && w(b) != "to")) ++b;
    const std::size_t e = clause_end(b);
    Range r = cut_scopes({b, e}, c.scopes);
    if (r.e > r.b + kActionMax) r.e = r.b + kActionMax;
    // "(except folding)": a scope in parentheses right after the action
    if (e < n_ && w(e) == "(" && scope_marker(e + 1, n_)) {
      std::size_t close = e + 1;
      while (close < n_ && close < e + 12 && w(close) != ")") ++close;
      if (close < n_ && w(close) == ")") cut_scopes({e, close}, c.scopes);
    }
    return trim(r);
  }

  // Scopes in the sentence opening ("In May 1841, London ...").
  void intro_scopes(std::size_t before, Candidate& c) const {
    if (n_ == 0 || before == 0) return;
    // "but if the station is unstaffed, the bus company will allow": a condition opening the clause
    {
      std::size_t a = c.actor.empty() ? before : c.actor.b;
      if (a > 1 && w(a - 1) == ",") {
        std::size_t q = a - 1;
        while (q > 0 && a - q < 16 && w(q - 1) != "," && !hard_boundary(q - 1) && w(q - 1) != "but") --q;
        if (q < a - 1 && match("scope_condition", q) && w(q) != "subject")
          c.scopes.insert(c.scopes.begin(), {ScopeKind::Condition, trim({q, a - 1})});
      }
    }
    std::size_t k = 0;
    while (k < n_ && is_quote(k)) ++k;
    std::size_t comma = k;
    while (comma < before && comma < k + 8 && w(comma) != ",") ++comma;
    if (comma >= before || w(comma) != ",") return;
    const auto m = scope_marker(k, comma);
    bool dated = false;
    for (std::size_t q = k; q < comma; ++q) dated |= is_number(w(q)) || in("month", q) || in("time_unit", q);
    if (m && m->first == ScopeKind::Time && dated) {
      c.scopes.insert(c.scopes.begin(), {m->first, trim({k, comma})});
    } else if (w(k) == "this" || w(k) == "last" || w(k) == "next") {
      if (k + 1 < comma && in("time_unit", k + 1))
        c.scopes.insert(c.scopes.begin(), {ScopeKind::Time, trim({k, comma})});
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Status context.

  // A proposal cue in the clause before `start`, not cancelled by a reported decision.
  bool proposed_before(std::size_t start) const {
    const std::size_t floor = clause_start(start);
    // "Patient groups proposed that the agency extend approval to X": the clause is the proposal's content.
    if (floor >= 2 && w(floor - 1) == "that" && match("proposal_cue", floor - 2) == 1 && !cap(floor - 2)) {
      last_cue_ = floor - 2;
      return true;
    }
    std::size_t prev_trigger = floor;
    for (const auto& c : out_) {
      if (c.trigger.e <= start && c.trigger.e > prev_trigger) prev_trigger = c.trigger.e;
    }
    for (std::size_t k = start; k > prev_trigger;) {
      --k;
      if (const std::size_t n = match("proposal_cue", k)) {
        if (k + n > start && !(w(start) == "to" && k + n == start + 1)) continue;
        // "support" and "back" need an object to be proposals ("support a ban", not "supports for").
        if ((w(k) == "bill" || w(k) == "bills" || w(k) == "legislation" || w(k) == "petition" ||
             w(k) == "initiative" || w(k) == "draft") &&
            !(k + n < start &&
              (in("relative", k + n) || w(k + n) == "to" || w(k + n) == "calling" || w(k + n) == "would" ||
               w(k + n) == "seeks" || w(k + n) == "for" || w(k + n) == "he" || w(k + n) == "she" ||
               w(k + n) == "," || is_trigger_word(k + n)))) {
          if (!(k + n < n_ && (w(k + n) == "would" || w(k + n) == "to"))) continue;
        }
        if (w(k) == "would" || w(k) == "could" || w(k) == "should" || w(k) == "might") {
          // "announced that the ban would be lifted": a reported decision.
          for (std::size_t q = k; q > prev_trigger && q + 12 > k;) {
            --q;
            if (match("decree_cue", q)) return false;
          }
        }
        last_cue_ = k;
        return true;
      }
    }
    return false;
  }

  bool decree_before(std::size_t start) const {
    for (std::size_t k = start; k > 0 && start - k < 8;) {
      --k;
      if (match("decree_cue", k)) return true;
    }
    return false;
  }

  bool irrealis_before(std::size_t start) const {
    // "there is no ban on X", "there isn't a clear prohibition": no provision
    for (std::size_t k = start; k > 0 && start - k < 6;) {
      --k;
      if (w(k) == "there" && k + 2 < n_ && (w(k + 2) == "not" || w(k + 2) == "no" || w(k + 1) == "no"))
        return true;
    }
    for (std::size_t k = start; k > 0 && start - k < 12;) {
      --k;
      if (match("irrealis_cue", k)) return true;
      if (hard_boundary(k)) break;
    }
    return false;
  }

  std::uint32_t context_flags(std::size_t t, const Group& g) const {
    std::uint32_t f = 0;
    for (std::size_t k = 0; k < n_; ++k) {
      if (match("attribution_cue", k) && !(w(k) == "told" && w(k + 1) == "to")) f |= kAttributed;
    }
    for (std::size_t k = g.start; k > 0 && g.start - k < 10;) {
      --k;
      if (match("hedge_cue", k)) f |= kHedged;
      if (hard_boundary(k)) break;
    }
    if (g.will) f |= kFuture;
    if (question_) f |= kQuestion;
    int quotes = 0;
    for (std::size_t k = 0; k < t && k < n_; ++k) quotes += is_quote(k) && w(k) != "'" ? 1 : 0;
    if (quotes % 2 == 1) f |= kQuoted;
    if (g.past_perfect) f |= kHistorical;
    for (std::size_t k = g.start; k < t; ++k) {
      if (w(k) == "previously" || w(k) == "formerly") f |= kHistorical;
    }
    if (g.negations > 0) f |= kNegated;
    return f;
  }

  // ----------------------------------------------------------------------------------------------
  // Actor resolution.

  Range actor_left(std::size_t group_start, std::size_t floor = 0) {
    // An infinitive ("has vowed to work to repeal", "the league's decision to suspend"): the subject of
    // the governing verb.
    for (int hops = 0; hops < 3 && group_start >= floor + 2 && w(group_start) == "to"; ++hops) {
      std::size_t q = group_start - 1;
      // "voted on Tuesday to allow": past the time expression
      if (q >= floor + 2) {
        const auto m = scope_marker(q - 1, q + 1);
        if (m && m->first == ScopeKind::Time && cap(q)) {
          group_start = group_before(q - 1).start;
          if (group_start > floor && group_start + 1 < n_) {
            group_start = q - 1;
            const std::size_t verb = q - 2;
            if (punct(verb) || in("np_stop", verb)) break;
            group_start = group_before(verb).start;
            continue;
          }
        }
      }
      if (punct(q) || cap(q)) break;
      if (w(q) == "time" || w(q) == "effort" || w(q) == "attempt") break;
      // "Estmark is the third country to ease limits": the subject of the copula, not "the third".
      for (std::size_t ord = q - 1; ord + 2 >= q && ord >= floor + 2 && !punct(ord); --ord) {
        const std::string_view o = w(ord);
        if (o != "first" && o != "second" && o != "third" && o != "fourth" && o != "fifth" && o != "latest" &&
            o != "last" && o != "only" && o != "next")
          continue;
        const std::string_view copula = w(ord - 2);
        if (w(ord - 1) == "the" && (copula == "is" || copula == "was" || copula == "became" ||
                                    copula == "becomes" || copula == "'s")) {
          const Range subject = left_np(ord - 2, floor);
          if (!subject.empty()) return subject;
        }
        break;
      }
      if (in("personal_pronoun", q) || w(q) == "him" || w(q) == "them" || w(q) == "her" || w(q) == "us" ||
          w(q) == "me")
        break;
      if (q > 0 && in("determiner", q - 1) && w(q - 1) != "'s") {
        // "for the league to suspend": the league; "expand the program to allow": past the object to its verb
        const Range object = left_np(group_start, floor);
        if (object.empty() || object.b <= floor + 1 || w(object.b - 1) == "for" || cap(object.b - 1) ||
            punct(object.b - 1) || in("np_stop", object.b - 1))
          break;
        group_start = group_before(object.b - 1).start;
        continue;
      }
      const Group inner = group_before(q);
      group_start = inner.start;
      // "is weighing whether to allow": past the deliberation to its subject
      const auto deliberation = [&](std::size_t x) {
        return w(x) == "whether" || is_gerund(x) || (match("proposal_cue", x) && !cap(x));
      };
      for (int steps = 0; steps < 4 && group_start > floor + 1 && deliberation(group_start); ++steps) {
        const Group outer = group_before(group_start);
        if (outer.start != group_start) {
          group_start = outer.start;
        } else if (deliberation(group_start - 1)) {
          group_start = group_start - 1;
        } else {
          break;
        }
      }
      if (w(q) == "decision" || w(q) == "plan" || w(q) == "move" || w(q) == "vote" || w(q) == "bid" ||
          w(q) == "proposal") {
        if (q > 0 && w(q - 1) == "'s") return left_np(q - 1, floor);
        break;
      }
    }
    // An appositive name: "the then Home Secretary, Sajid Javid, approved".
    if (group_start >= floor + 3 && w(group_start - 1) == ",") {
      std::size_t c2 = group_start - 1;
      while (c2 > floor && group_start - c2 < 7 && w(c2 - 1) != "," && !punct(c2 - 1)) --c2;
      if (c2 > floor && w(c2 - 1) == "," && c2 < group_start - 1) {
        bool name = true;
        for (std::size_t k = c2; k < group_start - 1; ++k) name &= cap(k);
        Range outer = left_np(c2 - 1, floor);
        // "... in Fort Worth, Texas, was halted": a place in an aside, not an appositive name
        if (!outer.empty() && outer.b > floor && in("np_stop", outer.b - 1) && w(outer.b - 1) != "then")
          name = false;
        if (name) {
          if (!outer.empty() && (in("determiner", outer.b) || cap(outer.b)))
            return {outer.b, group_start - 1};
          return {c2, group_start - 1};
        }
      }
    }
    // A participial aside: "the export of the work, purchased by a museum in Texas, was halted".
    if (group_start >= floor + 4 && w(group_start - 1) == ",") {
      for (std::size_t c3 = group_start - 2; c3 > floor && group_start - c3 < 18; --c3) {
        if (w(c3) != ",") continue;
        if (c3 + 1 < n_ && !cap(c3 + 1) &&
            (ends_with(w(c3 + 1), "ed") || w(c3 + 1) == "which" || w(c3 + 1) == "who")) {
          const Range before_aside = left_np(c3, floor);
          if (!before_aside.empty()) return before_aside;
        }
        break;
      }
    }
    // A conjoined verb phrase ("..., still forbids X"): the actor of the previous provision.
    std::size_t p = group_start;
    while (p > floor && (w(p - 1) == "and" || w(p - 1) == "," || w(p - 1) == "but")) --p;
    if (p < group_start && p > floor) {
      const std::size_t before = p - 1;
      const bool np_before = !punct(before) && !in("np_stop", before);
      for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
        if (!it->actor.empty() && it->trigger.e <= group_start && !it->excluded_by_decision) {
          if (it->kind == Kind::Excluded) continue;
          return it->actor;
        }
      }
      if (np_before && w(group_start - 1) == ",") {
        // ", still forbids" after a noun: the clause subject
        return main_subject(group_start);
      }
      if (!np_before || w(p) == ",") return main_subject(group_start);
    }
    Range np = left_np(group_start, floor);
    // "The council on Friday allowed": a time expression is no actor
    if (!np.empty() && np.e <= np.b + 2 && np.b >= floor + 2) {
      const auto m = scope_marker(np.b - 1, np.e);
      if (m && m->first == ScopeKind::Time && w(np.b - 1) != "since") {
        const Range before_time = left_np(np.b - 1, floor);
        if (!before_time.empty()) np = before_time;
      }
    }
    // "A proclamation issued after the address banned X": past the participle phrase to its head
    if (!np.empty() && np.b >= floor + 3 && in("np_stop", np.b - 1) && !cap(np.b - 2) &&
        ends_with(w(np.b - 2), "ed") && w(np.b - 1) != "that" && w(np.b - 1) != "which") {
      const Range head = left_np(np.b - 2, floor);
      if (!head.empty()) np = head;
    }
    // "X bailed out the industry and imposed restrictions": the clause subject
    if (np.empty() && group_start > floor + 1 &&
        (w(group_start - 1) == "and" || w(group_start - 1) == "but" || w(group_start - 1) == "or") &&
        !punct(group_start - 2) && !in("np_stop", group_start - 2)) {
      const Range subject = main_subject(group_start);
      if (!subject.empty()) return subject;
    }
    // "New York is debating getting an exemption": past the verbs to the subject
    for (int steps = 0; steps < 3 && np.e == np.b + 1 && np.b > floor && !cap(np.b) &&
                        (is_gerund(np.b) || match("proposal_cue", np.b) || ends_with(w(np.b), "ed"));
         ++steps) {
      np = left_np(group_before(np.b).start, floor);
    }
    if (np.empty() && group_start > 0) {
      std::size_t q = group_start - 1;
      if (in("relative", q)) {
        std::size_t r = q;
        while (r > 0 && (w(r - 1) == "," || is_quote(r - 1))) --r;
        const Range antecedent = left_np(r, floor);
        // "X is a liar, racist and birther who has pledged": a list of predicates, the subject is X
        if (!antecedent.empty() && !cap(antecedent.b) && !in("determiner", antecedent.b) &&
            !ends_with(w(antecedent.e - 1), "s") && antecedent.b > 0 && punct(antecedent.b - 1)) {
          const Range subject = main_subject(antecedent.b);
          if (!subject.empty() && name_word(subject.b)) return subject;
        }
        return antecedent;
      }
      if (w(q) == ",") {
        // An appositive: "the then Home Secretary, Sajid Javid, approved".
        std::size_t c2 = q;
        while (c2 > 0 && q - c2 < 8 && w(c2 - 1) != ",") --c2;
        if (c2 > 0 && w(c2 - 1) == ",") {
          Range inner = left_np(q, c2);
          if (!inner.empty() && inner.b == c2 && cap(inner.b)) {
            Range outer = left_np(c2 - 1);
            if (!outer.empty() && in("determiner", outer.b)) return {outer.b, inner.e};
            return inner;
          }
        }
      }
    }
    if (np.b < np.e && in("relative", np.b)) {
      std::size_t r = np.b;
      while (r > 0 && (w(r - 1) == "," || is_quote(r - 1))) --r;
      return left_np(r, floor);
    }
    return np;
  }

  bool authority(Range actor) const {
    if (actor.empty()) return true;  // no actor in the sentence: passive or elided, keep
    for (std::size_t k = actor.b; k < actor.e; ++k) {
      if (name_word(k) || (cap(k) && k > 0 && !punct(k - 1))) return true;
      if (k == actor.b && cap(k) && actor.e == actor.b + 1 && !in("np_stop", k) &&
          !in("group_adverb", k) && !in("determiner", k))
        return true;  // a one-word name opening the sentence ("Tinder allows ...")
      if (in("authority_noun", k)) return true;
    }
    return false;
  }

  // ----------------------------------------------------------------------------------------------
  // Triggers.

  // The speaker of the sentence: "X said", "said X", "according to X".
  Range speaker() const {
    for (std::size_t a = 0; a < n_; ++a) {
      if (!(w(a) == "said" || w(a) == "says" || w(a) == "told" || w(a) == "announced" || w(a) == "wrote"))
        continue;
      Range left = left_np(a);
      // a bare pronoun names nobody for the reader: no speaker
      if (left.e == left.b + 1 && in("personal_pronoun", left.b)) return {};
      if (!left.empty() && !in("relative", left.b)) return left;
      if (a > 0 && w(a - 1) == "and") return main_subject(a);
      Range right = right_np(a + 1, n_);
      if (!right.empty() && !in("determiner", right.b) && cap(right.b)) return right;
    }
    return {};
  }

  void emit(Candidate c) {
    c.action = trim(c.action);
    if (c.actor.e == c.actor.b + 1 &&
        (w(c.actor.b) == "his" || w(c.actor.b) == "her" || w(c.actor.b) == "their" || w(c.actor.b) == "its"))
      c.actor = {};
    // Who proposes: the subject of the proposing verb, or the speaker.
    if (c.status == Status::Proposed && c.actor.empty() && c.kind != Kind::Excluded) {
      const bool noun_cue =
          w(last_cue_) == "bill" || w(last_cue_) == "bills" || w(last_cue_) == "legislation" ||
          w(last_cue_) == "petition" || w(last_cue_) == "initiative" || w(last_cue_) == "proposal" ||
          w(last_cue_) == "proposals" || w(last_cue_) == "draft" || w(last_cue_) == "request" ||
          w(last_cue_) == "demand" || w(last_cue_) == "plan" || w(last_cue_) == "advocate" ||
          w(last_cue_) == "support" || (last_cue_ > 0 && last_cue_ < n_ && in("article", last_cue_ - 1));
      if (last_cue_ < n_ && last_cue_ < c.trigger.b && !noun_cue &&
          !(w(last_cue_) == "would" || w(last_cue_) == "could" || w(last_cue_) == "should" ||
            w(last_cue_) == "might" || w(last_cue_) == "whether" || in("restriction_noun", last_cue_))) {
        Range a = actor_left(group_before(last_cue_).start);
        if (!a.empty() && !in("relative", a.b) && !(a.e <= c.subject.e && a.b >= c.subject.b)) c.actor = a;
      }
      if (c.actor.empty()) {
        const Range s = speaker();
        if (!s.empty() && (s.b >= c.action.e || s.e <= c.trigger.b)) c.actor = s;
      }
    }
    // A pronoun subject in reported speech is the reporter: "the company said it had suspended".
    if (c.actor.e == c.actor.b + 1 &&
        (w(c.actor.b) == "it" || w(c.actor.b) == "they" || w(c.actor.b) == "he" || w(c.actor.b) == "she")) {
      for (std::size_t a = c.actor.b; a > 0 && c.actor.b - a < 4;) {
        --a;
        if (match("attribution_cue", a) || match("decree_cue", a)) {
          const Range who = left_np(group_before(a).start);
          if (!who.empty() && !in("personal_pronoun", who.b) && !in("relative", who.b)) c.actor = who;
          break;
        }
      }
    }
    if (c.actor.e == c.actor.b + 1 &&
        (w(c.actor.b) == "his" || w(c.actor.b) == "her" || w(c.actor.b) == "their" || w(c.actor.b) == "its"))
      c.actor = {};
    if (c.actor.empty() && c.kind != Kind::Excluded) {
      // "the conferences decided that New Zealand should be allowed": the decider
      for (std::size_t a = c.trigger.b; a > 0 && c.trigger.b - a < 12;) {
        --a;
        if (hard_boundary(a)) break;
        if (match("decree_cue", a) && w(a) != "announcement") {
          const Range who = left_np(group_before(a).start);
          if (!who.empty() && !in("personal_pronoun", who.b) && !in("relative", who.b)) c.actor = who;
          break;
        }
      }
    }
    if (c.actor.empty() && c.kind != Kind::Excluded) {
      // "under the Vehicle Law, they are not permitted", "a ban on X in the defense authorization"
      for (std::size_t a = 0; a + 1 < n_; ++a) {
        if (!(w(a) == "under" || w(a) == "in" || w(a) == "by")) continue;
        if (a >= c.trigger.b && a > c.action.e + 2) break;
        const Range rule = right_np(a + 1, clause_end(a + 1));
        if (rule.empty() || !in("rule_noun", rule.e - 1) || w(rule.e - 1) == "ban") continue;
        if (rule.b <= c.action.b && rule.e >= c.action.e) continue;
        c.actor = rule;
        break;
      }
    }
    // "it" / "they" as the actor: the decision-maker named earlier in the sentence
    if (c.actor.e == c.actor.b + 1 && (w(c.actor.b) == "it" || w(c.actor.b) == "they")) {
      for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
        if (!it->actor.empty() && it->actor.e <= c.actor.b && !in("personal_pronoun", it->actor.b)) {
          c.actor = it->actor;
          break;
        }
      }
      if (in("personal_pronoun", c.actor.b) && c.actor.e == c.actor.b + 1 && c.actor.b < c.trigger.b) {
        const Range subject = main_subject(c.actor.b);
        bool authority_head = false;
        for (std::size_t k = subject.b; k < subject.e; ++k)
          authority_head |= in("authority_noun", k) && !in("personal_pronoun", k);
        if (!subject.empty() && subject.e <= c.actor.b && authority_head) c.actor = subject;
      }
    }
    // "The decision lifts a restriction": a decision is not an actor; resolve to the earlier decision-maker.
    if (!c.actor.empty() && c.actor.e - c.actor.b <= 3 &&
        (w(c.actor.e - 1) == "decision" || w(c.actor.e - 1) == "move" || w(c.actor.e - 1) == "change") &&
        (c.actor.e - c.actor.b == 1 || in("determiner", c.actor.b)) && !c.excluded_by_decision)
      c.actor_is_decision = true;
    last_cue_ = std::string::npos;
    if (c.action.empty() && c.kind != Kind::Excluded) return;
    out_.push_back(std::move(c));
  }

  bool try_excluded(std::size_t i) {
    const std::size_t n = match("excluded_phrase", i);
    if (!n) return false;
    // "excluded" alone must be a verb of exclusion ("are excluded from"), not an adjective elsewhere.
    if ((w(i) == "excluded" || w(i) == "exclude" || w(i) == "excludes") && n == 1) {
      if (!(i + 1 < n_ && !punct(i + 1) && !in("np_stop", i + 1))) {
        if (!(i + 1 < n_ && w(i + 1) == "from")) return false;
      }
    }
    if ((w(i) == "left") && !(i > 0 && (in("be", i - 1) || in("auxiliary", i - 1)))) return false;
    Candidate c;
    c.kind = Kind::Excluded;
    c.status = Status::Excluded;
    c.trigger = {i, i + n};
    // "does not extend to": the verb group is part of the phrase.
    std::size_t gs = i;
    while (gs > 0 && (in("group_adverb", gs - 1) || in("auxiliary", gs - 1)) && i - gs < 4) --gs;
    const Range grammatical = actor_left(gs);
    Range object = action_from(i + n, c);
    bool decision_subject = false;
    for (std::size_t k = grammatical.b; k < grammatical.e; ++k) decision_subject |= in("decision_noun", k);
    const bool passive = w(i) == "excluded" || w(i) == "left" || w(i) == "is" || w(i) == "are";
    if (passive) {
      // "X are excluded (from Y)": X is left out of Y. A list ("Shipments of food, medicine and fertiliser")
      // is the whole subject, not its last items.
      Range listed = grammatical;
      bool list = false;
      for (std::size_t k = listed.b; k < listed.e; ++k) list |= w(k) == "and" || w(k) == "or";
      for (int items = 0; list && items < 4 && listed.b >= 2 && w(listed.b - 1) == ","; ++items) {
        const Range before = left_np(listed.b - 1);
        if (before.empty() || before.e != listed.b - 1 || before.e - before.b > 6) break;
        listed.b = before.b;
      }
      c.subject = listed;
      c.action = object.empty() ? listed : object;
    } else if (decision_subject || grammatical.empty()) {
      c.actor = grammatical;
      c.excluded_by_decision = decision_subject;
      if (party_like(object) && !out_.empty()) {
        c.subject = object;
        c.action_override = span(out_.back().action);
        c.action = object;
      } else if (party_like(object) && !grammatical.empty()) {
        c.subject = object;
        c.action = grammatical;
      } else {
        c.action = object;
      }
    } else if (party_like(object)) {
      c.action = grammatical;
      c.subject = object;
    } else {
      c.actor = grammatical;
      c.action = object;
    }
    Group g = group_before(gs);
    c.flags = context_flags(i, g);
    if (proposed_before(gs) && !out_.empty()) c.flags |= kFuture;
    for (std::size_t k = c.trigger.b; k < c.trigger.e; ++k)
      if (w(k) == "not") c.flags |= kNegated;
    emit(std::move(c));
    for (std::size_t k = i; k < i + n; ++k) consumed_[k] = true;
    return true;
  }

  // "X may not Y", "X must not Y", "residents may park only on weekends".
  bool try_modal(std::size_t i) {
    const std::string& s = w(i);
    if (s != "may" && s != "must" && s != "shall" && s != "can" && s != "could") return false;
    if (cap(i) && i > 0 && !headline_) return false;  // "in May"
    std::size_t k = i + 1;
    bool negated = false;
    bool no_longer = false;
    while (k < n_ && k < i + 4 && (in("group_adverb", k) || w(k) == "not")) {
      negated |= w(k) == "not" || w(k) == "never" || (w(k) == "no" && w(k + 1) == "longer");
      no_longer |= w(k) == "longer";
      ++k;
    }
    if (!negated && s != "may" && s != "can") return false;  // "must Y" is an obligation
    if (s == "could" && !no_longer) return false;
    if (k >= n_ || punct(k) || in("determiner", k)) return false;
    if (w(k) == "be") {
      // "may not be reproduced": a participle must follow (the action then starts at it)
      if (k + 1 < n_ && (ends_with(w(k + 1), "ed") || ends_with(w(k + 1), "en") || w(k + 1) == "made" ||
                         w(k + 1) == "sold" || w(k + 1) == "brought" || w(k + 1) == "taken" ||
                         w(k + 1) == "put" || w(k + 1) == "kept")) {
        ++k;
      } else {
        return false;
      }
    }
    if (w(k) == "have" || w(k) == "seem" || w(k) == "become" || w(k) == "need" || w(k) == "want" ||
        w(k) == "know" || w(k) == "happen" || w(k) == "get" || is_trigger_word(k) || in("auxiliary", k))
      return false;
    std::size_t gs = i;
    while (gs > 0 && in("group_adverb", gs - 1) && i - gs < 3) --gs;
    Range subject = actor_left(gs);
    if (!subject.empty() && subject.b >= 2 &&
        (w(subject.b - 1) == "on" || w(subject.b - 1) == "in" || w(subject.b - 1) == "of" ||
         w(subject.b - 1) == "at")) {
      const Range head = left_np(subject.b - 1);
      if (!head.empty() && (head.b == 0 || punct(head.b - 1))) subject.b = head.b;
    }
    // Permission, not possibility: a regulated party, or a rule context in the clause.
    bool rule_context = party_like(subject) && !subject.empty() && !cap(subject.b);
    // "can (not)" is mostly ability: only a regulated party, a rule context or a lost permission counts
    if ((s == "can" || s == "could") && !no_longer) rule_context = false;
    if (!subject.empty() && in("regulated_party", subject.e - 1)) rule_context = true;
    if (s == "can" && !negated) {
      // "Residents can park, but only with a permit": permission needs a party and a limit
      bool limit = false;
      for (std::size_t q = k; q < n_ && q < k + 16 && !hard_boundary(q); ++q)
        limit |= w(q) == "only" || match("scope_exception", q) || match("scope_condition", q);
      rule_context = rule_context && limit;
    }
    const std::size_t end = clause_end(k);
    for (std::size_t q = k; q < end; ++q) {
      if (match("scope_exception", q) || w(q) == "only" || w(q) == "without" || match("scope_condition", q))
        rule_context = true;
    }
    if (subject.empty() || !rule_context) return false;
    Candidate c;
    c.kind = Kind::Modal;
    c.status = negated ? Status::Prohibited : Status::Allowed;
    c.trigger = {i, k};
    c.subject = subject;
    c.action = action_from(k, c);
    Group g = group_before(i);
    g.negations += negated ? 1 : 0;
    c.flags = context_flags(i, g);
    if (proposed_before(gs)) c.status = Status::Proposed;
    for (std::size_t q = i; q < k; ++q) consumed_[q] = true;
    emit(std::move(c));
    return true;
  }

  // The restriction noun phrase starting near `from`: returns its noun index, or npos.
  std::size_t restriction_object(std::size_t from, std::size_t max_words) const {
    std::size_t k = from;
    while (k < n_ && k < from + max_words) {
      if (in("restriction_noun", k))
        return in("determiner", k + 1) && w(k + 1) != "that" ? std::string::npos : k;
      if (punct(k) && w(k) != "'s") break;
      if (in("np_stop", k) && w(k) != "that") break;
      ++k;
    }
    return std::string::npos;
  }

  // "lifted the ban on X", "imposed sanctions on Y", "X's ban ... was lifted" (handled at the noun).
  bool try_lift_or_impose_verb(std::size_t i) {
    for (const char* section : {"lift_verb", "impose_verb", "keep_verb"}) {
      const VerbMatch vm = verb(section, i);
      if (!vm.length) continue;
      const bool lift = std::string_view(section) == "lift_verb";
      const bool keep = std::string_view(section) == "keep_verb";
      if (cap(i) && i > 0 && !headline_) continue;
      if (i > 0 && (in("article", i - 1) || w(i - 1) == "'s")) continue;  // "the order", "a drop"
      // the restriction noun is the object
      std::size_t after = i + vm.length;
      if (w(after) == "in" && w(after + 1) == "place") after += 2;
      std::size_t noun = restriction_object(after, 6);
      Range object_np;
      bool rule_object = false;
      if (noun == std::string::npos && lift &&
          (vm.lemma == "repeal" || vm.lemma == "rescind" || vm.lemma == "abolish" || vm.lemma == "overturn" ||
           vm.lemma == "strike down")) {
        // "repeal the Hyde Amendment": a rule, not a restriction noun
        Range r = right_np(after, n_);
        for (std::size_t k = r.b; k < r.e; ++k) rule_object |= in("rule_noun", k);
        if (!rule_object) continue;
        object_np = r;
      } else if (noun == std::string::npos) {
        continue;
      }
      if (!lift && noun != std::string::npos && noun > after && w(noun - 1) == "the" &&
          w(noun) == "sanctions" && vm.lemma == "announce")
        continue;
      Group g = group_before(i);
      if (irrealis_before(g.start)) return true;
      Candidate c;
      c.kind = lift ? Kind::Lift : Kind::RestrictionNoun;
      c.trigger = {i, i + vm.length};
      c.status = lift ? Status::Lifted : keep ? Status::Prohibited : Status::Imposed;
      const bool passive = g.be && (vm.forms & (kPast | kParticiple));
      if (!passive) c.actor = actor_left(g.start);
      if (rule_object) {
        c.action = trim({i, object_np.e});
        // "struck down an ordinance that banned street protests": what the rule banned is what is lifted,
        // not a prohibition of its own.
        const std::size_t rel = object_np.e;
        if ((w(rel) == "that" || w(rel) == "which") && rel + 2 < n_) {
          const VerbMatch banned = verb("prohibit_verb", rel + 1);
          if (banned.length && (banned.forms & kPast)) {
            c.subject = {};
            c.action = action_from(rel + 1 + banned.length, c);
            for (std::size_t k = rel + 1; k < rel + 1 + banned.length; ++k) consumed_[k] = true;
          }
        }
      } else {
        fill_restriction(noun, after, c);
      }
      if (lift && g.negations > 0) c.status = Status::Prohibited;
      if (!lift && g.negations > 0) {  // "would not place restrictions": nothing imposed
        if (noun != std::string::npos) consumed_[noun] = true;
        return true;
      }
      if (!lift && !passive && (vm.forms & (kBase | kThird)) && !(vm.forms & kPast) && !g.will &&
          !g.infinitive && !g.perfect)
        c.status = Status::Prohibited;
      if (proposed_before(g.start) || (g.modal_would && !g.will && !decree_before(g.start)))
        c.status = Status::Proposed;
      if (vm.forms == kGerund && !lift && proposed_before(g.start)) c.status = Status::Proposed;
      c.flags = context_flags(i, g);
      intro_scopes(g.start, c);
      for (std::size_t k = i; k < i + vm.length; ++k) consumed_[k] = true;
      if (noun != std::string::npos) consumed_[noun] = true;
      emit(std::move(c));
      return true;
    }
    return false;
  }

  // Roles of a restriction noun phrase: "the export ban on chips", "a ban on X entering Y",
  // "sanctions on Eritrea", "travel bans for them".
  void fill_restriction(std::size_t noun, std::size_t np_start, Candidate& c) {
    std::size_t b = np_start;
    while (b < noun && (in("determiner", b) || w(b) == "'s" || (b + 1 < noun && w(b + 1) == "'s"))) ++b;
    std::size_t k = noun + 1;
    const std::string& prep = w(k);
    const auto time_marker = scope_marker(k, n_);
    const bool time_after = time_marker && time_marker->first == ScopeKind::Time;
    // "prohibitions against, say, sharing advice": the complement starts after the aside
    std::size_t cs = k + 1;
    if (w(cs) == "," && (w(cs + 1) == "say" || w(cs + 1) == "e.g." || w(cs + 1) == "notably") &&
        w(cs + 2) == ",")
      cs += 3;
    if (!time_after && (prep == "on" || prep == "against" || prep == "of" || prep == "for" || prep == "to")) {
      std::size_t e = clause_end(cs);
      // the complement ends at a finite verb ("Obama's ban on donations hampered fundraising")
      for (std::size_t q = cs + 1; q < e; ++q) {
        if ((in("auxiliary", q) && w(q) != "'s") || (match("continuation", q) && !cap(q)) ||
            (match("attribution_cue", q) && !cap(q)) ||
            (!cap(q) && ends_with(w(q), "ed") && w(q).size() > 4 && q + 1 < n_ && !punct(q + 1) &&
             w(q + 1) != "by" && w(q + 1) != "to" && w(q + 1) != "in" && w(q + 1) != "under" &&
             (in("determiner", q + 1) || is_gerund(q + 1) || !ends_with(w(q + 1), "ed")) &&
             !in("article", q - 1) && !in("np_stop", q - 1) && !in("determiner", q - 1))) {
          e = q;
          break;
        }
        if ((w(q) == "which" || w(q) == "who") ||
            (w(q) == "that" && q + 1 < n_ && (ends_with(w(q + 1), "ed") || in("auxiliary", q + 1)))) {
          e = q;
          break;
        }
      }
      // "a ban on Muslims (who are not citizens) (trying to|from) entering the U.S.": subject + action
      std::size_t split = std::string::npos;
      const std::size_t far = std::min(n_, cs + 13);
      for (std::size_t q = cs + 1; q < far; ++q) {
        if (w(q) == "from" && is_gerund(q + 1)) {
          split = q;
          break;
        }
        if (q < e && q <= k + 4 && is_gerund(q) && !in("determiner", q - 1) && !punct(q - 1) &&
            w(q - 1) != "of" && !is_gerund(cs) && (ends_with(w(q - 1), "s") || cap(q - 1)) &&
            (q + 1 >= n_ || in("determiner", q + 1) || cap(q + 1) || in("np_stop", q + 1) ||
             punct(q + 1))) {
          split = q;
          break;
        }
        if (hard_boundary(q) || w(q) == ",") break;
      }
      if (split != std::string::npos && (prep == "on" || prep == "against")) {
        c.subject = trim({cs, split});
        std::size_t a = split;
        if (w(a) == "from") ++a;
        if (w(a) == "trying" || w(a) == "seeking" || w(a) == "wanting" || w(a) == "attempting") {
          a += 1;
          if (w(a) == "to") ++a;
        }
        c.action = action_from(a, c);
        return;
      }
      // "limits on weapons it has supplied": the reduced relative clause's pronoun is not the complement
      if (e > cs + 1 && e < n_ && in("auxiliary", e) &&
          (w(e - 1) == "it" || w(e - 1) == "they" || w(e - 1) == "we" || w(e - 1) == "he" ||
           w(e - 1) == "she"))
        --e;
      std::vector<std::pair<ScopeKind, Range>> scopes;
      Range comp = cut_scopes({cs, e}, scopes);
      if (prep == "against" || ((prep == "on" || prep == "for") && !comp.empty() && party_like(comp) &&
                                (w(noun) == "sanctions" || w(noun) == "sanction" || w(noun) == "embargo" ||
                                 w(noun) == "bans" || w(noun) == "ban"))) {
        if (party_like(comp) || prep == "against") c.subject = comp;
      }
      c.action = trim({b, comp.e > 0 ? comp.e : noun + 1});
      // "the ban on drone shipments": the action is what the ban covers
      if ((prep == "on" || prep == "of") && !comp.empty() && !party_like(comp) &&
          !in("personal_pronoun", comp.b) && w(comp.b) != "it" && w(comp.b) != "them")
        c.action = comp;
      c.scopes.insert(c.scopes.end(), scopes.begin(), scopes.end());
      return;
    }
    // "a restriction that had kept the howitzers (, delivered since spring,) from being fired at targets":
    // what was kept from what.
    if (prep == "that" || prep == "which") {
      std::size_t v = k + 1;
      if (w(v) == "had" || w(v) == "has" || w(v) == "have") ++v;
      const std::string& verb = w(v);
      if (verb == "kept" || verb == "keeps" || verb == "prevented" || verb == "prevents" ||
          verb == "barred" || verb == "bars" || verb == "stopped" || verb == "stops" || verb == "blocked" ||
          verb == "blocks") {
        for (std::size_t q = v + 2; q < n_ && q < v + 16 && !hard_boundary(q); ++q) {
          // "from being", "from using": short gerunds too (is_gerund() wants six letters)
          if (w(q) != "from" || cap(q + 1) || !ends_with(w(q + 1), "ing") || w(q + 1).size() < 4) continue;
          std::size_t subject_end = v + 1;
          while (subject_end < q && w(subject_end) != ",") ++subject_end;
          c.subject = trim({v + 1, subject_end});
          c.action = action_from(w(q + 1) == "being" && q + 2 < n_ && !punct(q + 2) ? q + 2 : q + 1, c);
          return;
        }
      }
    }
    c.action = trim({b, noun + 1});
    // trailing scopes after the noun ("a curfew from 9 pm", "imposed ... under the Union")
    const std::size_t e = clause_end(noun + 1);
    if (e > noun + 1 && scope_marker(noun + 1, e)) cut_scopes({noun, e}, c.scopes);
  }

  bool try_legalize(std::size_t i) {
    const VerbMatch vm = verb("legalize_verb", i);
    if (!vm.length) return false;
    Group g = group_before(i);
    Candidate c;
    c.kind = Kind::Legalize;
    c.status = Status::Lifted;
    c.trigger = {i, i + vm.length};
    const bool passive =
        g.be || ((vm.forms & kParticiple) && !g.perfect && !in("determiner", i + vm.length) &&
                 !(i + vm.length < n_ && !punct(i + vm.length) && !in("np_stop", i + vm.length)));
    if (passive) {
      Range np = actor_left(g.start);
      c.action = np;
      std::size_t k = i + vm.length;
      if (w(k) == "by" && !is_year(w(k + 1))) {
        Range by = right_np(k + 1, clause_end(k + 1));
        c.actor = by;
        k = by.e;
      }
      const std::size_t e = clause_end(k);
      if (e > k) cut_scopes({k > 0 ? k - 1 : k, e}, c.scopes);
    } else {
      c.actor = actor_left(g.start);
      c.action = action_from(i + vm.length, c);
    }
    if (c.action.empty()) return false;
    if (proposed_before(g.start) || g.modal_would) c.status = Status::Proposed;
    if (g.negations > 0) c.status = Status::Prohibited;
    c.flags = context_flags(i, g);
    intro_scopes(g.start, c);
    for (std::size_t k = i; k < i + vm.length; ++k) consumed_[k] = true;
    emit(std::move(c));
    return true;
  }

  // A nominal ban: "a ban on X", "the export ban", "Obama's ban on donations", "... ban was lifted".
  bool try_restriction_noun(std::size_t i) {
    if (!in("restriction_noun", i)) return false;
    const std::string& s = w(i);
    // "Ban Ki-moon", "Ban recalled": a name
    if (cap(i) && (s == "ban") && i > 0 && !headline_) return false;
    if (cap(i) && s == "ban" && i + 1 < n_ && cap(i + 1) &&
        w(i + 1).find('-') != std::string::npos)
      return false;
    const bool prev_det = i > 0 && (in("determiner", i - 1) || w(i - 1) == "'s");
    const std::string& nx = w(i + 1);
    const bool complement = nx == "on" || nx == "against" || (nx == "of" && s != "limits" && s != "freeze") ||
                            (nx == "for" && (s == "bans" || s == "ban"));
    // Verb uses ("to ban X", "bans X", "The order bans all flights") are handled as verbs.
    if (!complement && i + 1 < n_ && (in("determiner", i + 1) || w(i + 1) == "him" || w(i + 1) == "them") &&
        !prev_det &&
        (s == "bans" || s == "ban" || s == "limits" || s == "limit" || s == "sanctions" || s == "freeze" ||
         s == "blacklist"))
      return false;
    if (i > 0 && (w(i - 1) == "to" || in("auxiliary", i - 1) || in("personal_pronoun", i - 1)) && !prev_det)
      return false;
    std::size_t mod_b = i;
    while (mod_b > 0 && i - mod_b < 3 && !punct(mod_b - 1) && !in("determiner", mod_b - 1) &&
           w(mod_b - 1) != "of" && !in("np_stop", mod_b - 1) && !in("auxiliary", mod_b - 1) &&
           w(mod_b - 1) != "'s" && !is_trigger_word(mod_b - 1) && !match("proposal_cue", mod_b - 1) &&
           !match("attribution_cue", mod_b - 1))
      --mod_b;
    const bool compound = mod_b < i;
    // Which verb governs the noun: a passive lift/impose after it ("the ban was lifted").
    std::size_t np_b = mod_b;
    while (np_b > 0 && (in("determiner", np_b - 1) || w(np_b - 1) == "'s")) --np_b;
    if (np_b > 0 && w(np_b - 1) == "'s") --np_b;
    std::optional<Status> governed;
    Range governed_actor;
    bool governed_modal = false;
    std::size_t comp_end = i + 1;
    if (complement) {
      Candidate probe;
      fill_restriction(i, np_b, probe);
      comp_end = std::max(comp_end, probe.action.e);
      for (const auto& sc : probe.scopes) comp_end = std::max(comp_end, sc.second.e);
    }
    for (std::size_t k = comp_end; k < n_ && k < comp_end + 14; ++k) {
      if (w(k) == "-" || w(k) == "\xe2\x80\x94" || w(k) == "\xe2\x80\x93" || w(k) == "," || w(k) == "(" ||
          w(k) == ")") {
        if (w(k) == ",") break;
        continue;
      }
      if (hard_boundary(k)) break;
      const VerbMatch lv = verb("lift_verb", k);
      const VerbMatch iv = verb("impose_verb", k);
      if ((lv.length || iv.length) && !(lv.length && (lv.forms == kBase || lv.forms == (kBase | kThird)))) {
        const VerbMatch& vm = lv.length ? lv : iv;
        if (!(vm.forms & (kPast | kParticiple))) break;
        Group g = group_before(k);
        if (!g.be && !(headline_ || k == comp_end)) break;
        governed = lv.length ? Status::Lifted : Status::Imposed;
        governed_modal = g.modal_would && !g.will;
        std::size_t q = k + vm.length;
        if (w(q) == "in" && w(q + 1) == "place") q += 2;
        while (q < n_ && in("group_adverb", q)) ++q;
        if (w(q) == "by") governed_actor = right_np(q + 1, clause_end(q + 1));
        for (std::size_t z = k; z < k + vm.length; ++z) consumed_[z] = true;
        break;
      }
      if (is_trigger_word(k) || in("restriction_noun", k)) break;
      if (!in("auxiliary", k) && !in("group_adverb", k) &&
          !(w(k) == "put" || w(k) == "in" || w(k) == "place"))
        if (k > comp_end + 8) break;
    }
    const bool change_of = np_b >= 2 && w(np_b - 1) == "of" &&
                           (w(np_b - 2) == "imposition" || w(np_b - 2) == "introduction" ||
                            w(np_b - 2) == "lifting" || w(np_b - 2) == "removal" || w(np_b - 2) == "easing" ||
                            w(np_b - 2) == "repeal" || w(np_b - 2) == "end");
    if (change_of && !governed)
      governed =
          (w(np_b - 2) == "imposition" || w(np_b - 2) == "introduction") ? Status::Imposed : Status::Lifted;
    if (!complement && !compound && !governed) return false;
    if (!complement && !governed && !prev_det &&
        !(compound && (nx == "," || nx == "." || punct(i + 1) || i + 1 >= n_)))
      if (!(compound && (in("auxiliary", i + 1) || i + 1 >= n_))) return false;
    Group g = group_before(np_b);
    if (irrealis_before(np_b)) return true;
    // "due to level 3 restrictions", "amid sanctions": a cause, not a provision
    if (!governed && !complement && np_b > 0 &&
        ((w(np_b - 1) == "to" && !(np_b > 1 && w(np_b - 2) == "subject")) || w(np_b - 1) == "amid" ||
         w(np_b - 1) == "despite" || (w(np_b - 1) == "of" && np_b > 1 && w(np_b - 2) == "because")))
      return false;
    Candidate c;
    c.kind = Kind::RestrictionNoun;
    c.status = governed.value_or(Status::Prohibited);
    c.trigger = {i, i + 1};
    // "the imposition of sanctions"
    if (np_b >= 2 && w(np_b - 1) == "of" && (w(np_b - 2) == "imposition" || w(np_b - 2) == "introduction"))
      c.status = Status::Imposed;
    fill_restriction(i, np_b, c);
    if (c.action.empty()) return false;
    // actor: a possessive ("Washington's ban") or the "by X" of the governing verb
    if (!governed_actor.empty()) {
      c.actor = governed_actor;
    } else if (np_b < i) {
      for (std::size_t k = np_b; k < i; ++k) {
        if (w(k) == "'s") {
          Range owner = left_np(k, np_b > 3 ? np_b - 3 : 0);
          if (owner.empty() || owner.b > np_b) owner = {np_b, k};
          c.actor = {std::min(owner.b, np_b), k};
          if (in("personal_pronoun", c.actor.b) || w(c.actor.b) == "his" || w(c.actor.b) == "her")
            c.actor = {};
          // the action starts after the possessive
          if (c.action.b <= k) c.action.b = k + 1;
          break;
        }
      }
    }
    if (c.actor.empty()) {
      // "Trump proposed a ban on ...": the subject of the proposing verb
      std::size_t q = np_b;
      if (q > 0 && match("proposal_cue", q - 1)) {
        Group pg = group_before(q - 1);
        Range a = actor_left(pg.start);
        if (!a.empty() && !in("relative", a.b)) c.actor = a;
      }
    }
    if (governed_modal && decree_before(np_b)) governed_modal = false;
    if (proposed_before(np_b) || governed_modal) c.status = Status::Proposed;
    if (i > 0 && (w(i - 1) == "proposed" || w(i - 1) == "planned" || w(i - 1) == "possible" ||
                  w(i - 1) == "potential"))
      c.status = Status::Proposed;
    if (g.continuation && c.status != Status::Proposed) c.status = Status::Prohibited;
    c.flags = context_flags(i, g);
    intro_scopes(np_b, c);
    consumed_[i] = true;
    emit(std::move(c));
    return true;
  }

  // "permission to X", "a waiver on Y", "approval for Z", "the green light for".
  bool try_permission_noun(std::size_t i) {
    const std::size_t n = match("permission_noun", i);
    if (!n) return false;
    const std::string& nx = w(i + n);
    if (!(nx == "to" || nx == "for" || nx == "on" || nx == "from" || nx == "of")) return false;
    if (w(i) == "approval" && nx == "of") return false;  // "the congressional approval of X" is a vote
    if (nx == "to" && !(i + n + 1 < n_ && !in("determiner", i + n + 1) && !punct(i + n + 1))) return false;
    std::size_t np_b = i;
    while (np_b > 0 && i - np_b < 4 && !punct(np_b - 1) && !in("np_stop", np_b - 1) &&
           !in("auxiliary", np_b - 1) && !is_trigger_word(np_b - 1) && !match("proposal_cue", np_b - 1) &&
           !match("lift_verb", np_b - 1))
      --np_b;
    Group g = group_before(np_b);
    Candidate c;
    c.kind = Kind::PermissionNoun;
    c.status = Status::Allowed;
    c.trigger = {i, i + n};
    c.action = action_from(i + n + 1, c);
    if (w(i) == "waiver" || w(i) == "waivers") c.action = trim({np_b, c.action.e});
    // the governing verb: "granted permission", "overturned approval"
    if (np_b > 0) {
      const VerbMatch lv = verb("lift_verb", np_b - 1);
      const VerbMatch pv = verb("prohibit_verb", np_b - 1);
      if (lv.length || pv.length) c.status = Status::Imposed;
      if (w(np_b - 1) == "without" || w(np_b - 1) == "with" || w(np_b - 1) == "need" ||
          w(np_b - 1) == "needs")
        return false;
      std::size_t gv = np_b - 1;
      if (lv.length || pv.length || !in("np_stop", gv)) {
        Group vg = group_before(gv);
        c.actor = actor_left(vg.start);
      }
    }
    if (proposed_before(np_b)) c.status = Status::Proposed;
    c.flags = context_flags(i, g);
    consumed_[i] = true;
    emit(std::move(c));
    return true;
  }

  // "restored the voting rights of felons": a restriction removed.
  bool try_restore(std::size_t i) {
    const VerbMatch vm = verb("restore_verb", i);
    if (!vm.length) return false;
    const std::size_t obj = i + vm.length;
    bool rights = false;
    for (std::size_t k = obj; k < n_ && k < obj + 5 && !punct(k); ++k) rights |= in("right_noun", k);
    if (!rights) return false;
    const Group g = group_before(i);
    Candidate c;
    c.kind = Kind::Lift;
    c.status = Status::Lifted;
    c.trigger = {i, obj};
    c.actor = actor_left(g.start);
    c.action = action_from(obj, c);
    if (proposed_before(g.start) || (g.modal_would && !g.will && !decree_before(g.start)))
      c.status = Status::Proposed;
    if (g.negations % 2 == 1) return false;
    c.flags = context_flags(i, g);
    for (std::size_t k = i; k < obj; ++k) consumed_[k] = true;
    emit(std::move(c));
    return true;
  }

  // "1,700 students were told to self-isolate": a new restriction on the subject.
  bool try_obligation(std::size_t i) {
    const std::size_t n = match("obligation_passive", i);
    if (!n || i == 0) return false;
    const Group g = group_before(i);
    if (!g.past_be || g.negations > 0) return false;
    Candidate c;
    c.kind = Kind::Prohibit;
    c.status = Status::Imposed;
    c.trigger = {i, i + n};
    c.subject = actor_left(g.start);
    if (c.subject.empty()) return false;
    c.action = action_from(i + n, c);
    if (proposed_before(g.start) || g.modal_would) c.status = Status::Proposed;
    c.flags = context_flags(i, g);
    for (std::size_t k = i; k < i + n; ++k) consumed_[k] = true;
    emit(std::move(c));
    return true;
  }

  // "It will not be possible to carry cycles (except folding)."
  bool try_impossible(std::size_t i) {
    const std::size_t n = match("prohibition_phrase", i);
    if (!n) return false;
    const Group g = group_before(i);
    Candidate c;
    c.kind = Kind::Modal;
    c.status = Status::Prohibited;
    c.trigger = {i, i + n};
    c.action = action_from(i + n, c);
    if (proposed_before(g.start) || g.modal_would) c.status = Status::Proposed;
    c.flags = context_flags(i, g) | kNegated;
    for (std::size_t k = i; k < i + n; ++k) consumed_[k] = true;
    emit(std::move(c));
    return true;
  }

  // Permission and prohibition verbs: "X allows Y to Z", "Y is barred from Z", "X bans Z".
  bool try_verb(std::size_t i, std::string_view section, Kind kind) {
    const VerbMatch vm = verb(section, i);
    if (!vm.length) return false;
    const std::size_t after = i + vm.length;
    const std::string& lemma = vm.lemma;
    // Capitalised mid-sentence: a name ("Ban", "Block", "Bar Harbor") unless a headline.
    if (cap(i) && i > 0 && !headline_) return false;
    // Nouns: "a bar", "the block", "a clear", "the limit" (the restriction-noun path handles "a ban").
    if (i > 0 && (in("article", i - 1) || w(i - 1) == "'s") && !(vm.forms & (kPast | kParticiple)))
      return false;
    // A name: "Ban Ki-moon", "Block Island" (capitalised and followed by a capitalised word).
    if (cap(i) && !headline_ && i + 1 < n_ && cap(i + 1)) return false;
    if (i > 0 && (w(i - 1) == "god" || w(i - 1) == "heaven")) return false;
    // "barring a surprise", "If schedules permit," "weather permitting"
    if ((vm.forms == kGerund) && i > 0 && (punct(i - 1) || i == 0) && lemma == "bar") return false;
    if (lemma == "permit" && !(vm.forms & (kPast | kParticiple)) && (after >= n_ || punct(after)))
      return false;
    const Group g = group_before(i);
    if (irrealis_before(g.start)) return false;
    for (std::size_t q = g.start; q > 0 && g.start - q < 5;) {
      --q;
      if (w(q) == "whether" || (w(q) == "if" && q > 0 && (w(q - 1) == "asked" || w(q - 1) == "know"))) {
        // "whether to allow" deliberates (proposed); "whether I am allowed" only asks
        if (w(q + 1) != "to" && !g.modal_would && !g.must && !g.will) return false;
        break;
      }
      if (punct(q)) break;
    }
    const bool participle = (vm.forms & (kPast | kParticiple)) != 0;
    bool passive = participle && g.be;
    // Reduced passive ("Curfew lifted", "actions allowed to be brought", "those approved for").
    if (participle && !g.be && !g.perfect) {
      const std::string& nx = w(after);
      if ((nx == "to" && kind == Kind::Permit && lemma != "entitle") || nx == "by" ||
          (nx == "from" && kind == Kind::Prohibit && is_gerund(after + 1)))
        passive = true;
      // "public transport also prohibited unless essential": no object, a scope follows
      const auto m = scope_marker(after, n_);
      if (m && (m->first == ScopeKind::Condition || m->first == ScopeKind::Exception) && g.start > 0 &&
          !punct(g.start - 1) && !in("np_stop", g.start - 1) && !in("personal_pronoun", g.start - 1))
        passive = true;
    }
    if (lemma == "entitle" && g.be) passive = true;
    if (passive && lemma == "let") return false;
    // Object checks.
    std::size_t obj = after;
    while (obj < n_ && (in("group_adverb", obj) && w(obj) != "to" && w(obj) != "no")) ++obj;
    std::size_t obj_head = obj;
    while (obj_head < n_ && obj_head < obj + 3 && (in("determiner", obj_head) || w(obj_head) == "'s"))
      ++obj_head;
    if (!passive) {
      if (obj >= n_ || (punct(obj) && !is_quote(obj))) {
        if (!(headline_ && obj >= n_)) return false;
      }
      const bool pronoun_object = w(obj) == "him" || w(obj) == "them" || w(obj) == "us" || w(obj) == "me" ||
                                  w(obj) == "her" || w(obj) == "you";
      // Verbs whose sense depends on the object ("approve a bill", "lift spirits", "block a shot").
      const bool object_sensitive =
          !(lemma == "allow" || lemma == "permit" || lemma == "let" || lemma == "authorize" ||
            lemma == "authorise" || lemma == "ban" || lemma == "prohibit" || lemma == "forbid" ||
            lemma == "outlaw" || lemma == "bar");
      if (!pronoun_object && object_sensitive &&
          (in("not_policy_object", obj) || (obj_head != obj && in("not_policy_object", obj_head))))
        return false;
      // A preposition right after the verb: no object, not this sense ("a bill approved in February").
      if (in("np_stop", obj) && !pronoun_object && w(obj) != "that" && w(obj) != "to" && w(obj) != "from" &&
          w(obj) != "for" && !in("determiner", obj) && !(w(obj) == "about" && is_number(w(obj + 1))))
        return false;
      if (obj_head < n_ && in("not_policy_object", obj_head + 1) &&
          (lemma == "approve" || lemma == "veto" || lemma == "block") && !punct(obj_head + 1) &&
          !(w(obj_head + 1) == "of"))
        return false;
    }
    // Verbs that are restrictions only with a "from" complement or a controlled object.
    std::size_t from_at = std::string::npos;
    std::size_t to_at = std::string::npos;
    std::size_t for_at = std::string::npos;
    std::size_t ce = clause_end(after);
    // "ban all Muslims - 1.6 billion people - from entering": look past a dashed aside
    if (ce < n_ && is_dash(ce)) {
      bool complement_before = false;
      for (std::size_t z = after; z < ce; ++z) complement_before |= w(z) == "from" || w(z) == "to";
      for (std::size_t q = ce + 1; q < n_ && q < ce + 14 && !complement_before; ++q) {
        if (w(q) == w(ce)) {
          if (w(q + 1) == "from" || w(q + 1) == "to") ce = clause_end(q + 1);
          break;
        }
      }
    }
    for (std::size_t k = after; k < ce && k < after + 24; ++k) {
      if (w(k) == "from" && from_at == std::string::npos) {
        const auto m = scope_marker(k, n_);
        if (!(m && m->first == ScopeKind::Time)) from_at = k;
      }
      if (w(k) == "to" && to_at == std::string::npos) to_at = k;
      if (w(k) == "for" && for_at == std::string::npos) for_at = k;
    }
    // "allows X to Y": X is a short noun phrase without verbs or other prepositions
    if (to_at != std::string::npos) {
      bool np_only = to_at > obj && to_at <= obj + 9;
      for (std::size_t k = obj; k < to_at && np_only; ++k) {
        if (in("np_stop", k) && w(k) != "and" && w(k) != "or" && w(k) != "in" && w(k) != "of" &&
            w(k) != "from" && w(k) != "at" && w(k) != "with")
          np_only = false;
        if (!cap(k) && ends_with(w(k), "ed") && k > obj) np_only = false;
        if (is_dash(k)) np_only = false;
      }
      if (!np_only && to_at != obj) to_at = std::string::npos;
    }
    const bool needs_object = lemma == "block" || lemma == "prevent" || lemma == "limit" || lemma == "curb" ||
                              lemma == "stop" || lemma == "deny" || lemma == "halt" || lemma == "freeze" ||
                              lemma == "restrict" || lemma == "close" || lemma == "veto" ||
                              lemma == "clear" || lemma == "suspend" || lemma == "revoke";
    if (needs_object && !passive) {
      bool ok = from_at != std::string::npos && from_at > after;
      for (std::size_t k = obj; k < n_ && k < obj + 4 && !ok; ++k) {
        if (punct(k)) break;
        ok = in("controlled_object", k);
      }
      if (lemma == "clear") ok = (for_at != std::string::npos || to_at == after) && w(after) != "of";
      if (lemma == "suspend" || lemma == "revoke" || lemma == "restrict" || lemma == "freeze" ||
          lemma == "halt") {
        ok = true;
        if (lemma == "freeze") {
          ok = false;
          for (std::size_t k = obj; k < n_ && k < obj + 4; ++k) ok |= w(k) == "assets" || w(k) == "accounts";
        }
      }
      if (lemma == "veto") ok = !in("not_policy_object", obj_head) && !in("not_policy_object", obj_head + 1);
      if (lemma == "prevent" && from_at == std::string::npos) ok = false;
      if (!ok) return false;
    }
    if (passive && (lemma == "clear")) {
      if (w(after) == "of") return false;
    }
    if (lemma == "approve" && passive && !(w(after) == "for" || w(after) == "to" || w(after) == "by")) {
      if (!g.be) return false;
    }
    if (lemma == "limit" && (w(after) == "to" || (passive && w(after) == "to"))) {
      // "limited to": a scope marker, not a trigger
      return false;
    }
    if (lemma == "restrict" && passive && w(after) == "to") return false;
    if (lemma == "deny" && passive) {
      const Range thing = left_np(g.start);
      bool ok = false;
      for (std::size_t k = thing.b; k < thing.e; ++k) ok |= in("controlled_object", k);
      if (!ok) return false;
    }
    if (lemma == "deny" && !passive) {
      bool ok = false;
      for (std::size_t k = obj; k < n_ && k < obj + 4; ++k) ok |= in("controlled_object", k);
      if (!ok) return false;
    }
    if (lemma == "close" || lemma == "stop") return false;

    Candidate c;
    c.kind = kind;
    c.trigger = {i, after};
    if (passive) {
      Range np = actor_left(g.start);
      std::optional<std::pair<ScopeKind, Range>> np_scope;
      if (!np.empty() && np.b >= 2 &&
          (w(np.b - 1) == "on" || w(np.b - 1) == "in" || w(np.b - 1) == "at" || w(np.b - 1) == "aboard" ||
           w(np.b - 1) == "inside")) {
        const Range head = left_np(np.b - 1);
        if (!head.empty() && (head.b == 0 || punct(head.b - 1))) {
          np_scope = std::make_pair(ScopeKind::Location, Range{np.b - 1, np.e});
          np = head;
        }
      } else if (!np.empty() && np.b >= 2 &&
                 (w(np.b - 1) == "to" || w(np.b - 1) == "for" || w(np.b - 1) == "from")) {
        // "Exports of rice to neighbouring countries remain suspended": one noun phrase
        const Range head = left_np(np.b - 1);
        if (!head.empty() && (head.b == 0 || punct(head.b - 1))) np.b = head.b;
      }
      if (np_scope) c.scopes.push_back(*np_scope);
      std::size_t k = after;
      while (k < n_ && in("group_adverb", k) && w(k) != "to") ++k;
      if (w(k) == "by" && !is_year(w(k + 1)) && !is_gerund(k + 1)) {
        Range by = right_np(k + 1, clause_end(k + 1));
        c.actor = by;
        k = by.e;
        while (k < n_ && in("group_adverb", k) && w(k) != "to") ++k;
      }
      if (w(k) == "to" && w(k + 1) == "be" && kind == Kind::Permit && party_like(np)) {
        c.subject = np;
        c.action = action_from(k + 2, c);
      } else if (w(k) == "to" && w(k + 1) == "be" && kind == Kind::Permit) {
        // "actions allowed to be brought only if ...": the thing itself
        c.action = np;
        std::vector<std::pair<ScopeKind, Range>> sc;
        cut_scopes({k, clause_end(k)}, sc);
        c.scopes.insert(c.scopes.end(), sc.begin(), sc.end());
      } else if ((w(k) == "to" && kind == Kind::Permit && k + 1 < n_ && !in("determiner", k + 1) &&
                  !cap(k + 1)) ||
                 (w(k) == "from" && kind == Kind::Prohibit &&
                  (is_gerund(k + 1) || !party_like(np) == false))) {
        c.subject = np;
        if (w(k) == "from" && !is_gerund(k + 1)) {
          c.action = trim({i, clause_end(k)});
          std::vector<std::pair<ScopeKind, Range>> sc;
          c.action = cut_scopes({i, clause_end(k)}, sc);
          if (c.action.e <= k + 1) c.action.e = clause_end(k);
          c.action = trim(c.action);
        } else {
          c.action = action_from(k + 1, c);
        }
      } else if ((w(k) == "for") && kind == Kind::Permit && !party_like(np) == false) {
        c.subject = np;
        c.action = action_from(k + 1, c);
      } else {
        // "Mobility scooters are not permitted on buses": the thing itself
        Range thing = np;
        if (!thing.empty() && (w(thing.b) == "no")) ++thing.b;
        if (party_like(thing)) {
          c.subject = thing;
          c.action = trim({i, clause_end(k)});
          std::vector<std::pair<ScopeKind, Range>> sc;
          cut_scopes({i, clause_end(k)}, sc);
          c.scopes.insert(c.scopes.end(), sc.begin(), sc.end());
        } else {
          c.action = thing;
          const std::size_t e = clause_end(k);
          if (w(k) == "from" && e > k + 1) {
            std::vector<std::pair<ScopeKind, Range>> sc;
            const Range place = cut_scopes({k, e}, sc);
            c.scopes.push_back({ScopeKind::Location, place});
            c.scopes.insert(c.scopes.end(), sc.begin(), sc.end());
          } else if (e > k) {
            // after the verb only scopes follow ("are not permitted on a replacement bus")
            std::vector<std::pair<ScopeKind, Range>> sc;
            cut_scopes({k > 0 ? k - 1 : k, e}, sc);
            const auto m = scope_marker(k, e);
            if (m && (sc.empty() || sc.front().second.b != k))
              sc.insert(sc.begin(), {m->first, trim({k, e})});
            c.scopes.insert(c.scopes.end(), sc.begin(), sc.end());
          }
        }
      }
      if (np.b < np.e && w(np.b) == "no") ++g_negation_bonus_;
    } else {
      c.actor = actor_left(g.start);
      // "allows for", "allowing you to": enablement when the actor is no authority
      if (kind == Kind::Permit) {
        if (w(obj) == "for") return false;
        if (!authority(c.actor)) return false;
        if (vm.forms == kGerund && i > 0 && w(i - 1) == "," &&
            (lemma == "allow" || lemma == "let" || lemma == "permit"))
          return false;
      }
      if (kind == Kind::Prohibit && (lemma == "prevent" || lemma == "block") &&
          (c.actor.empty() || !authority(c.actor) || in("relative", c.actor.b)))
        return false;
      if (lemma == "let") {
        // "let X use Y": X is a pronoun, a name or a short noun phrase
        std::size_t k = obj;
        if (in("personal_pronoun", k) || w(k) == "them" || w(k) == "him" || w(k) == "her" || w(k) == "us") {
          ++k;
        } else if (cap(k)) {
          while (k < n_ && cap(k)) ++k;
        } else {
          if (in("determiner", k)) ++k;
          ++k;
        }
        c.subject = {obj, k};
        c.action = action_from(k, c);
      } else if (kind == Kind::Permit && to_at != std::string::npos && to_at > obj &&
                 (from_at == std::string::npos || from_at > to_at) && to_at + 1 < n_ &&
                 !in("determiner", to_at + 1) && !cap(to_at + 1) && !is_number(w(to_at + 1))) {
        c.subject = trim({obj, to_at});
        c.action = action_from(to_at + 1, c);
        if (w(to_at + 1) == "be") {
          // "allow the budget to be expanded": the thing and what happens to it
          c.action = {c.subject.b, c.action.e};
          c.subject = {};
        }
      } else if (kind == Kind::Permit && to_at == obj) {
        c.action = action_from(to_at + 1, c);
      } else if (kind == Kind::Prohibit && from_at != std::string::npos && from_at > obj) {
        std::size_t subject_end = from_at;
        for (std::size_t k = obj; k < from_at; ++k) {
          if (is_dash(k)) {
            subject_end = k;
            break;
          }
        }
        c.subject = trim({obj, subject_end});
        c.action = action_from(from_at + 1, c);
      } else if ((lemma == "approve" || lemma == "clear" || lemma == "license" || lemma == "licence") &&
                 for_at != std::string::npos && for_at > obj + 0) {
        c.subject = trim({obj, for_at});
        c.action = action_from(for_at + 1, c);
      } else {
        c.action = action_from(obj, c);
      }
    }
    if (section == "permit_verb_negated" && (g.negations + g_negation_bonus_) % 2 == 0) {
      g_negation_bonus_ = 0;
      return false;  // "accepts" is no permission; "does not accept" is a refusal
    }
    // Status.
    int negations = g.negations + g_negation_bonus_;
    g_negation_bonus_ = 0;
    if (!c.action.empty() && w(c.action.b) == "no") {
      ++negations;
      ++c.action.b;
    }
    bool negated = negations % 2 == 1;
    if (kind == Kind::Permit) {
      c.status = negated ? Status::Prohibited : Status::Allowed;
      if (!negated && g.must && passive) c.status = Status::Proposed;
      if (negated && g.will && !g.modal_would) {
        for (const auto& sc : c.scopes) {
          if (sc.first == ScopeKind::Time && (w(sc.second.b) == "from" || w(sc.second.b) == "starting"))
            c.status = Status::Imposed;
        }
      }
      if (negated && g.no_longer && (participle || g.will)) c.status = Status::Imposed;
    } else {
      if (negated) {
        c.status = Status::Allowed;  // "not prohibited from": double negation
      } else if (g.continuation) {
        c.status = Status::Prohibited;
      } else {
        bool rule_actor = false;
        // the head of the actor ("a martial law proclamation" is no law; "the rules of the club" are rules)
        for (std::size_t k = c.actor.b; k + 1 < c.actor.e; ++k)
          rule_actor |= w(k + 1) == "of" && in("rule_noun", k);
        if (!c.actor.empty() && in("rule_noun", c.actor.e - 1)) rule_actor = true;
        if (passive) {
          c.status = g.past_be ? Status::Imposed : Status::Prohibited;
          for (const auto& sc : c.scopes) {
            if (sc.first == ScopeKind::Time && w(sc.second.b) == "since" && g.perfect) {
              c.status = Status::Prohibited;  // "have been banned since 1990": the standing state
              c.flags |= kHistorical;
            }
          }
          if (!g.be) c.status = headline_ ? Status::Imposed : Status::Prohibited;
        } else if (g.past_perfect) {
          c.status = Status::Prohibited;
        } else if (vm.forms & kPast) {
          c.status = rule_actor ? Status::Prohibited : Status::Imposed;
        } else if (g.perfect) {
          c.status = rule_actor ? Status::Prohibited : Status::Imposed;
        } else if (vm.forms == kGerund || g.infinitive || g.will) {
          c.status = rule_actor ? Status::Prohibited : Status::Imposed;
        } else {
          c.status = headline_ && !rule_actor ? Status::Imposed : Status::Prohibited;
        }
        if (lemma == "revoke" || lemma == "suspend" || lemma == "sanction" || lemma == "freeze" ||
            lemma == "censor" || lemma == "halt") {
          if (c.status == Status::Prohibited && !g.continuation && !rule_actor) c.status = Status::Imposed;
        }
      }
    }
    if (lemma == "sanction" && !passive && c.subject.empty()) {
      // "sanctioned the plan" approves; "sanctioned five officials" punishes
      Range object_np = right_np(obj, clause_end(obj));
      if (!object_np.empty() && !party_like(object_np) && !cap(object_np.e - 1))
        c.status = Status::Allowed;
    }
    if (c.status != Status::Prohibited || !g.continuation) {
      if (proposed_before(g.start) || (g.modal_would && !g.will && !decree_before(g.start)))
        c.status = Status::Proposed;
    }
    if (vm.forms == kGerund && !passive && c.status == Status::Imposed && i > 0 && !punct(i - 1) &&
        !in("auxiliary", i - 1) && !in("np_stop", i - 1))
      c.status = Status::Proposed;  // "his plan for banning", "restricting the use": not a decision
    c.flags |= context_flags(i, g);
    // "eighteen months after its licence was suspended": the old state, in a subordinate past clause
    if ((vm.forms & (kPast | kParticiple)) && !g.will && !g.modal_would) {
      const std::size_t cs = clause_start(g.start);
      if (cs > 0 &&
          (w(cs - 1) == "after" || w(cs - 1) == "since" || w(cs - 1) == "before" || w(cs - 1) == "once"))
        c.flags |= kHistorical;
    }
    if (negations % 2 == 1) c.flags |= kNegated;
    if (g.only) c.scopes.insert(c.scopes.begin(), {ScopeKind::Restriction, {g.only_at, g.only_at + 1}});
    intro_scopes(g.start, c);
    for (std::size_t k = i; k < after; ++k) consumed_[k] = true;
    // One trigger, two actions: "allowed farmers to sell milk and to export cheese".
    std::optional<Candidate> second;
    for (std::size_t k = c.action.b + 1; k + 2 < c.action.e; ++k) {
      if (w(k) == "and" && (w(k + 1) == "to" || w(k + 1) == "from") && w(k + 1) == w(c.action.b - 1)) {
        Candidate d = c;
        d.action = trim({k + 2, c.action.e});
        d.scopes.clear();
        for (const auto& sc : c.scopes) {
          if (sc.second.b >= d.action.b) d.scopes.push_back(sc);
        }
        c.action = trim({c.action.b, k});
        second = std::move(d);
        break;
      }
    }
    emit(std::move(c));
    if (second) emit(std::move(*second));
    return true;
  }

  // ----------------------------------------------------------------------------------------------
  // Sentence-level post-processing.

  void finish() {
    // Contrast: "X is allowed, however Y is not permitted" -> Y excluded.
    for (std::size_t a = 0; a < out_.size(); ++a) {
      for (std::size_t b = a + 1; b < out_.size(); ++b) {
        if (out_[a].status == Status::Allowed && out_[b].status == Status::Prohibited &&
            out_[b].kind == Kind::Permit && (out_[b].flags & kNegated)) {
          bool contrast = false;
          for (std::size_t k = out_[a].trigger.e; k < out_[b].trigger.b; ++k)
            contrast |= w(k) == "however" || w(k) == "but" || w(k) == "though" || w(k) == ";";
          if (contrast) out_[b].status = Status::Excluded;
        }
      }
    }
    // Carve-outs: "allows X except Y" -> an excluded provision with Y as its subject.
    const std::size_t count = out_.size();
    for (std::size_t a = 0; a < count; ++a) {
      if (out_[a].status == Status::Excluded || out_[a].status == Status::Proposed) continue;
      for (const auto& [kind, r] : out_[a].scopes) {
        if (kind != ScopeKind::Exception || r.empty()) continue;
        std::size_t k = r.b + match("scope_exception", r.b);
        if (w(k) == "for") ++k;
        if (k >= r.e) continue;
        // "except with permission", "except during the evening": a condition or a time, not a left-out item
        if (in("np_stop", k) || w(k) == "when" || w(k) == "where") continue;
        Candidate ex;
        ex.kind = Kind::Excluded;
        ex.status = Status::Excluded;
        ex.trigger = {r.b, r.b + 1};
        ex.actor = out_[a].actor;
        ex.action = out_[a].action;
        ex.subject = trim({k, r.e});
        ex.flags = out_[a].flags;
        out_.push_back(std::move(ex));
        break;
      }
    }
    // Historical statements describe the old state when the sentence also states the change.
    bool change = false;
    for (const auto& c : out_) change |= !(c.flags & kHistorical);
    if (change) {
      out_.erase(
          std::remove_if(out_.begin(), out_.end(), [](const Candidate& c) { return c.flags & kHistorical; }),
          out_.end());
    }
    std::stable_sort(out_.begin(), out_.end(),
                     [](const Candidate& x, const Candidate& y) { return x.trigger.b < y.trigger.b; });
  }

  const std::string& text_;
  std::vector<Word> words_;
  std::vector<std::string> lw_;
  std::vector<const Lexicon::Phrases*> phrases_;  // per word of lw_: the lexicon phrases starting with it
  std::vector<bool> consumed_;
  std::vector<bool> named_;  // inside a PERSON / ORG / NORP / LOCATION mention
  std::vector<Candidate> out_;
  std::size_t n_ = 0;
  bool headline_ = false;
  bool question_ = false;
  int g_negation_bonus_ = 0;
  mutable std::size_t last_cue_ = std::string::npos;  // the proposal cue found by proposed_before()
};

std::string summary_text(const Provision& p) {
  std::string line;
  if (p.action) line = p.action->text;
  if (p.subject && p.status != Status::Excluded) line = p.subject->text + ": " + line;
  if (p.status == Status::Excluded && p.subject) line += " (not for " + p.subject->text + ")";
  for (const auto& s : p.scopes) {
    if (s.kind == ScopeKind::Exception && p.status != Status::Excluded) {
      line += " (" + s.span.text + ")";
    } else if (s.kind != ScopeKind::Exception) {
      line += " " + s.span.text;
    }
  }
  if (line.size() > 240) {
    std::size_t cut = 237;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut) + "...";
  }
  return line;
}

}  // namespace

std::vector<Provision> extract(const Article& article, const text::TextIndex& index,
                               const std::vector<Entity>& entities) {
  std::vector<Provision> provisions;
  // The lexicon is English: an article declared in another language has no provisions we can read.
  if (article.lang.size() >= 2 && !((article.lang[0] == 'e' || article.lang[0] == 'E') &&
                                    (article.lang[1] == 'n' || article.lang[1] == 'N')))
    return provisions;
  try {
    std::optional<Span> last_actor;
    std::size_t last_actor_sentence = 0;
    for (std::size_t si = 0; si < index.sentences.size(); ++si) {
      const auto& sentence = index.sentences[si];
      if (sentence.end > article.text.size()) continue;
      SentenceAnalyser analyser(article.text, index, sentence, entities);
      std::vector<Candidate> found = analyser.run();
      Span sentence_span;
      sentence_span.start = sentence.start;
      sentence_span.end = sentence.end;
      sentence_span.text = article.text.substr(sentence.start, sentence.end - sentence.start);
      for (auto& c : found) {
        Provision p;
        p.status = c.status;
        p.sentence = sentence_span;
        if (!c.trigger.empty()) p.trigger = analyser.span(c.trigger);
        if (!c.actor.empty()) p.actor = analyser.span(c.actor);
        if (!c.subject.empty()) p.subject = analyser.span(c.subject);
        if (c.action_override) {
          p.action = c.action_override;
        } else if (!c.action.empty()) {
          p.action = analyser.span(c.action);
        }
        // "the decision does not cover X": the decision-maker is the earlier actor.
        if (c.excluded_by_decision && last_actor && si <= last_actor_sentence + 2) p.actor = last_actor;
        // "The decision lifts ...": the earlier decision-maker, else no actor (a decision decides nothing)
        if (c.actor_is_decision) {
          if (last_actor && si <= last_actor_sentence + 2) p.actor = last_actor;
        }
        for (const auto& [kind, r] : c.scopes) {
          if (r.empty()) continue;
          Scope s;
          s.kind = kind;
          s.span = analyser.span(r);
          p.scopes.push_back(std::move(s));
        }
        p.flags = c.flags;
        // A pronoun names no decision-maker for a later "the ruling does not apply to X".
        const bool pronoun = analyser.is_pronoun(c.actor);
        if (p.actor && !pronoun && !c.excluded_by_decision && !c.actor_is_decision) {
          last_actor = p.actor;
          last_actor_sentence = si;
        }
        if (!p.action) continue;
        provisions.push_back(std::move(p));
      }
    }
  } catch (...) {
    // The stage never throws: a failure leaves the provisions found so far.
  }
  return provisions;
}

PolicySummary summarise(const std::vector<Provision>& provisions) {
  PolicySummary summary;
  try {
    for (std::size_t i = 0; i < provisions.size(); ++i) {
      const Provision& p = provisions[i];
      if (p.flags & kHistorical) continue;
      SummaryItem item;
      item.provision = i;
      item.status = p.status;
      item.text = summary_text(p);
      switch (p.status) {
        case Status::Allowed:
        case Status::Lifted:
          summary.allowed.push_back(std::move(item));
          break;
        case Status::Prohibited:
        case Status::Imposed:
        case Status::Excluded:
          summary.prohibited.push_back(std::move(item));
          break;
        case Status::Proposed:
          summary.proposed.push_back(std::move(item));
          break;
      }
    }
  } catch (...) {
  }
  return summary;
}

}  // namespace articlescope::policy
