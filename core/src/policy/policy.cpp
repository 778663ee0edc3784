#include "policy/policy.hpp"

#include <algorithm>
#include <initializer_list>
#include <optional>

#include "policy/arguments.hpp"
#include "policy/candidates.hpp"
#include "policy/features.hpp"
#include "policy/roles.hpp"
#include "policy/sentence.hpp"
#include "policy/status.hpp"
#include "policy/structure.hpp"
#include "syntax/tags.hpp"
#include "text/utf8.hpp"

namespace articlescope::policy {

namespace {

Span span_of(const std::string& text, const SentenceView& s, WordRange r) {
  Span span;
  span.start = s.words[r.first].start;
  span.end = s.words[r.last - 1].end;
  span.text = text.substr(span.start, span.end - span.start);
  return span;
}

Span span_of_text(const std::string& text, std::size_t start, std::size_t end) {
  return Span{start, end, text.substr(start, end - start)};
}

// Whether span `inner` lies within `outer` (a role that may be absent).
bool within(const Span& inner, const std::optional<Span>& outer) {
  return outer && outer->start <= inner.start && inner.end <= outer->end;
}

bool is_heading(const Article& article, const text::Sentence& sentence) {
  return sentence.block < article.blocks.size() && article.blocks[sentence.block].kind == BlockKind::Heading;
}

// A sentence longer than this many tokens (a run-on text without sentence ends, a pasted list) is read in
// windows of at most this many, so that the candidates x words of the role labeller stay bounded per window
// and the stage linear in the text's length. News sentences rarely reach half of it.
constexpr std::size_t kMaxWindowTokens = 120;
// A window with more trigger words than a real sentence holds (a list of keywords, a repeated phrase) is read
// for its first ones only: each candidate costs a pass of the role labeller over the window.
constexpr std::size_t kMaxCandidates = 8;

// The windows of `sentence`: itself when short enough, else consecutive token ranges that end after a clause
// punctuation mark in the window's second half when there is one.
std::vector<text::Sentence> windows_of(const text::Sentence& sentence, const text::TextIndex& index) {
  const std::size_t last = std::min(sentence.last_token, index.tokens.size());
  if (last <= sentence.first_token + kMaxWindowTokens) return {sentence};
  std::vector<text::Sentence> windows;
  for (std::size_t first = sentence.first_token; first < last;) {
    std::size_t end = std::min(last, first + kMaxWindowTokens);
    if (end < last) {
      for (std::size_t t = end; t > first + kMaxWindowTokens / 2; --t) {
        if (index.tokens[t - 1].kind == text::TokenKind::Punct) {
          end = t;
          break;
        }
      }
    }
    text::Sentence window = sentence;
    window.first_token = first;
    window.last_token = end;
    window.start = index.tokens[first].start;
    window.end = index.tokens[end - 1].end;
    windows.push_back(window);
    first = end;
  }
  return windows;
}

// The trigger's clause subject when it refers to a decision ("the decision does not cover", "a spokesperson
// said the ruling does not apply to"): its last one or two words before the verb group and its auxiliaries;
// empty when they are no reference.
WordRange subject_reference(const SentenceView& s, const Candidate& c) {
  const std::size_t group = verb_group(s, c.first).begin;
  const std::size_t begin = clause_begin(s, group);
  std::size_t last = group;
  while (last > begin && (syntax::is_verb(s.words[last - 1].pos) || s.words[last - 1].pos == syntax::Pos::MD))
    --last;  // "the decision does (not cover)"
  for (const std::size_t n : {std::size_t{4}, std::size_t{3}, std::size_t{2}, std::size_t{1}}) {
    if (last >= begin + n && is_reference(s, {last - n, last}, true)) return {last - n, last};
  }
  return {};
}

// The provision of this sentence that carve-out candidate `c` limits: the last one stated before it (before
// its clause, when `other_clause`: a trigger word of the carve-out's own clause is not what it limits), that
// is no exclusion itself; null when there is none.
const Provision* limited_provision(const std::vector<Provision>& provisions, std::size_t sentence_first,
                                   const SentenceView& s, const Candidate& c, bool other_clause) {
  const std::size_t before = s.words[other_clause ? clause_begin(s, c.first) : c.first].start;
  for (std::size_t q = provisions.size(); q-- > sentence_first;) {
    const Provision& p = provisions[q];
    if (p.status != Status::Excluded && p.trigger && p.trigger->end <= before) return &p;
  }
  return nullptr;
}

// "The new rules bar X, but exempt older models": a verb of exempting joined by "but" or "and" to the verb of
// a decision before it, sharing its subject, leaves its object out of that decision. Returns the object,
// empty when the trigger is not so placed.
WordRange joined_exemption(const SentenceView& s, const Candidate& c) {
  // (Read as an adjective or a noun by the tagger, it is the verb when a noun phrase follows: "but exempt
  // older models".)
  const syntax::Pos pos = s.words[c.head].pos;
  const bool verb = (syntax::is_verb(pos) && pos != syntax::Pos::VBN) ||
                    ((pos == syntax::Pos::JJ || pos == syntax::Pos::NN) && c.last + 1 < s.words.size() &&
                     is_np_word(s.words[c.last + 1]));
  if (!s.tagged || c.first != c.last || !(c.sections & bit(Section::Exempt)) || !verb) return {};
  const std::size_t g = verb_group(s, c.first).begin;
  if (g < 2 || !is_one_of(s.words[g - 1].lower, {"but", "and"})) return {};
  const WordRange object = np_starting_at(s, c.last + 1, clause_end(s, c.last + 1));
  for (std::size_t k = object.first; k < object.last; ++k) {
    if (syntax::is_noun(s.words[k].pos)) return object;
  }
  return {};
}

// Whether the trigger's clause ends with "from" and a reference to a decision ("are exempt from the law").
bool from_decision(const SentenceView& s, const Candidate& c) {
  std::size_t end = clause_end(s, c.last + 1);
  while (end > c.last + 1 && s.words[end - 1].punct) --end;
  return c.last + 3 <= end && s.words[c.last + 1].lower == "from" && is_reference(s, {c.last + 2, end}, true);
}

// The relative pronoun ("that", "which") that opens the trigger's clause ("a ban that had kept ..."), or -1.
int relative_pronoun(const SentenceView& s, const Candidate& c) {
  const std::size_t begin = verb_group(s, c.first).begin;
  return begin > 0 && is_one_of(s.words[begin - 1].lower, {"that", "which"}) ? static_cast<int>(begin - 1)
                                                                             : -1;
}

// Removes provision `q` of the window whose first provision is `sentence_first`, and its entry of `pronouns`
// (see merge_lifted_content), so that the two stay aligned.
void erase_provision(std::vector<Provision>& provisions, std::vector<std::size_t>& pronouns,
                     std::size_t sentence_first, std::size_t q) {
  provisions.erase(provisions.begin() + static_cast<std::ptrdiff_t>(q));
  pronouns.erase(pronouns.begin() + static_cast<std::ptrdiff_t>(q - sentence_first));
}

// "struck down an ordinance that banned X", "lifted a rule which had barred X": the restriction stated in the
// relative clause of what is lifted is the lifted restriction itself, not one in force. The lifted provision
// takes its action and subject, and the relative clause's provision goes. `pronouns[q]` is the text offset of
// the relative pronoun that opens the clause of the window's provision sentence_first + q, or npos.
void merge_lifted_content(const std::string& text, std::vector<Provision>& provisions,
                          std::size_t sentence_first, std::vector<std::size_t>& pronouns) {
  // Blank, a comma, or an appositive between commas (", Breatho, which"): the clause still belongs to the
  // phrase.
  const auto blank = [&](std::size_t from, std::size_t to) {
    const std::size_t first = text.find_first_not_of(' ', from);
    if (first >= to) return true;
    if (text[first] != ',') return false;
    if (text.find_first_not_of(' ', first + 1) >= to) return true;
    const std::size_t close = text.find(',', first + 1);
    return close < to && to - first <= 48 && text.find_first_of(";.", first) > close &&
           text.find_first_not_of(' ', close + 1) >= to;
  };
  for (std::size_t q = provisions.size(); q-- > sentence_first;) {
    const Provision& content = provisions[q];
    const std::size_t pronoun = pronouns[q - sentence_first];
    // A restriction (read as such, or as the lifting itself), or a permission the clause says held before
    // ("which had been limited to X": X alone was allowed).
    const bool restricted = content.status == Status::Imposed || content.status == Status::Prohibited ||
                            content.status == Status::Lifted;
    const bool earlier_limit = content.status == Status::Allowed && (content.flags & kHistorical);
    if (pronoun == std::string::npos || !content.action || !(restricted || earlier_limit)) continue;
    for (std::size_t l = sentence_first; l < provisions.size(); ++l) {
      Provision& lifted = provisions[l];
      // What is lifted is the noun phrase the clause belongs to: the lifted action (or the trigger phrase
      // that holds it) ends right before the pronoun, or runs on into the clause; or the lifting was already
      // read from the clause (its argument frame, or the labeller took a word of the clause), and its action
      // is a part of the clause.
      if (l == q || lifted.status != Status::Lifted || !lifted.action) continue;
      const bool read_from_clause =
          lifted.action->start >= pronoun && lifted.action->start < content.action->end;
      // The trigger phrase may hold that noun phrase itself ("struck down a city rule that ...").
      const bool trigger_before = lifted.trigger && lifted.trigger->end <= pronoun &&
                                  lifted.action->start < pronoun && blank(lifted.trigger->end, pronoun);
      if (!read_from_clause && !trigger_before &&
          (lifted.action->start >= pronoun ||
           !(lifted.action->end >= pronoun || blank(lifted.action->end, pronoun))))
        continue;
      lifted.action = content.action;
      if (earlier_limit && content.trigger && content.trigger->start < content.action->start)
        lifted.action = span_of_text(text, content.trigger->start, content.action->end);
      lifted.subject = content.subject;
      // The restriction's own limits say what is lifted ("barred X from Y after 9 p.m.").
      for (const Scope& scope : content.scopes) {
        const bool known = std::any_of(lifted.scopes.begin(), lifted.scopes.end(), [&](const Scope& s) {
          return s.span.start < scope.span.end && scope.span.start < s.span.end;
        });
        if (!known) lifted.scopes.push_back(scope);
      }
      sort_by_start(lifted.scopes, [](const Scope& scope) { return scope.span.start; });
      erase_provision(provisions, pronouns, sentence_first, q);
      break;
    }
  }
}

// "struck down the ordinance, ruling that the blanket prohibition violated ...": in a sentence that lifts a
// restriction, a restriction whose action is only its own trigger noun with a determiner and a modifier at
// most names the lifted one again.
void drop_restatements_of_lifted(std::vector<Provision>& provisions, std::size_t sentence_first) {
  const auto first = provisions.begin() + static_cast<std::ptrdiff_t>(sentence_first);
  if (std::none_of(first, provisions.end(), [](const Provision& p) { return p.status == Status::Lifted; }))
    return;
  const auto restates = [](const Provision& p) {
    if ((p.status != Status::Prohibited && p.status != Status::Imposed && p.status != Status::Proposed) ||
        !p.trigger || !p.action || p.action->end != p.trigger->end || p.action->start > p.trigger->start)
      return false;
    const std::string_view before(p.action->text.data(), p.trigger->start - p.action->start);
    return std::count(before.begin(), before.end(), ' ') <= 2;
  };
  provisions.erase(std::remove_if(first, provisions.end(), restates), provisions.end());
}

// "its licence was suspended", "the curfew was lifted": a provision whose trigger and action both lie within
// the action another provision's trigger follows (the phrase it decides about stands before it) is what that
// one acts on, not a decision of its own.
void drop_provisions_inside_actions(std::vector<Provision>& provisions, std::size_t sentence_first) {
  for (std::size_t q = provisions.size(); q-- > sentence_first;) {
    const Provision& p = provisions[q];
    for (std::size_t o = sentence_first; o < provisions.size(); ++o) {
      const Provision& other = provisions[o];
      if (o == q || !other.trigger || !p.trigger || other.trigger->start < p.trigger->end) continue;
      if (p.action && within(*p.trigger, other.action) && within(*p.action, other.action)) {
        provisions.erase(provisions.begin() + static_cast<std::ptrdiff_t>(q));
        break;
      }
    }
  }
}

// One word, or forms of one stem ("banned" ... "the ban", "sanctioned" ... "the sanctions", "suspended" ...
// "the suspension").
bool one_stem(std::string_view word, std::string_view head) {
  const std::size_t shorter = std::min(word.size(), head.size());
  std::size_t shared = 0;
  while (shared < shorter && word[shared] == head[shared]) ++shared;
  return shared == shorter ? shorter >= 3
                           : (shared >= 4 && shared + 2 >= shorter) || (shared >= 6 && shared + 3 >= shorter);
}

// The last word of a provision's trigger, normalised ("imposed sanctions" -> "sanctions"); empty without one.
std::string trigger_word(const Provision& q) {
  if (!q.trigger) return {};
  const std::string& trigger = q.trigger->text;
  const std::size_t space = trigger.rfind(' ');
  return normalise_word(space == std::string::npos ? trigger : trigger.substr(space + 1));
}

// A decision the article states as made: neither proposed nor a carve-out of another.
bool stated_in_force(const Provision& q) {
  return q.status != Status::Proposed && q.status != Status::Excluded;
}

// "The Union imposed sanctions on ... . Officials said the sanctions would take effect on Wednesday.": a noun
// trigger with a definite determiner and no complement ("on X", "against X") that repeats the trigger word of
// a provision of an earlier sentence names that decision again; it states no new one.
bool names_earlier_decision(const SentenceView& s, const Candidate& c,
                            const std::vector<Provision>& provisions, std::size_t sentence_first) {
  if (c.first == 0 || !syntax::is_noun(s.words[c.head].pos)) return false;
  const std::string_view head = s.words[c.head].lower;
  // Or a noun of the same kind of decision ("authorised X ..." then "the permission"; "banned X ..." then
  // "the restrictions").
  const bool permit_noun = (c.sections & (bit(Section::Permit) | bit(Section::PermitNoun))) != 0;
  const bool restrict_noun = (c.sections & (bit(Section::Prohibit) | bit(Section::ProhibitNoun) |
                                            bit(Section::Restrict) | bit(Section::RestrictNoun))) != 0;
  const auto names = [&](const Provision& q) {
    if ((permit_noun && q.status == Status::Allowed) ||
        (restrict_noun && (q.status == Status::Prohibited || q.status == Status::Imposed)))
      return true;
    return q.trigger && one_stem(trigger_word(q), head);
  };
  // "X remain barred from Y, a ban first imposed in 2021": an appositive after a comma, "a" and a noun that a
  // participle or a relative clause describes, names the decision its sentence has just stated.
  if (c.first >= 2 && is_one_of(s.words[c.first - 1].lower, {"a", "an"}) &&
      s.words[c.first - 2].lower == "," && provisions.size() > sentence_first) {
    std::size_t k = c.last + 1;
    if (k < s.words.size() && s.words[k].pos == syntax::Pos::RB) ++k;
    if (k < s.words.size() &&
        (s.words[k].pos == syntax::Pos::VBN || is_one_of(s.words[k].lower, {"that", "which"})) &&
        std::any_of(provisions.begin() + static_cast<std::ptrdiff_t>(sentence_first), provisions.end(),
                    names))
      return true;
  }
  // (Past words that describe it: "the first such national ban", an appositive naming a decision of the same
  // sentence too.)
  std::size_t det = c.first - 1;
  while (det > 0 && det + 4 > c.first &&
         (syntax::is_adjective(s.words[det].pos) || is_one_of(s.words[det].lower, {"such", "first", "new"})))
    --det;
  const bool described = det + 1 < c.first;
  if (!is_one_of(s.words[det].lower, {"the", "this", "these", "those"})) return false;
  if (described) sentence_first = provisions.size();
  if (c.last + 1 < s.words.size() &&
      is_one_of(s.words[c.last + 1].lower, {"on", "against", "of", "to", "for"}))
    return false;
  return std::any_of(provisions.begin(), provisions.begin() + static_cast<std::ptrdiff_t>(sentence_first),
                     names);
}

// A word of legality that a court rules a restriction to be when it strikes it down.
bool names_unlawful(const Word& w) {
  return is_one_of(w.lower, {"unlawful", "illegal", "unconstitutional", "invalid", "void"});
}

std::optional<ModalRule> struck_down_as_unlawful(const SentenceView& s, const Candidate& c);

// "said the ban was unlawful", "found the curfew illegal": a legality predicate whose subject is a
// restriction noun judges that restriction; it states no restriction of its own. The restriction noun itself,
// "the ban on X was unlawful", is the thing judged: no restriction of its own either (one judged lawful
// stands as the words around it say).
bool judges_a_restriction(const SentenceView& s, const Candidate& c) {
  if (c.sections & kRestrictionNouns) {
    const std::size_t end = clause_end(s, c.last + 1);
    for (std::size_t k = c.last + 1; k + 1 < end && k < c.last + 10; ++k) {
      if (s.words[k].lemma == "be") return names_unlawful(s.words[k + 1]);
      if (!is_np_word(s.words[k]) && !is_one_of(s.words[k].lower, {"on", "of", "against", "for"}))
        return false;
    }
    return false;
  }
  // (A court's ruling does decide: struck_down_as_unlawful.)
  if (!(c.sections & bit(Section::Legality)) || struck_down_as_unlawful(s, c)) return false;
  const VerbGroup g = verb_group(s, c.first);
  return g.begin > 0 && (s.words[g.begin - 1].starts & kRestrictionNouns) != 0;
}

// "The court ruled that the city's ban on street musicians was unlawful": a court or judge ruling a
// restriction unlawful lifts it; what the restriction was on is the action, the court its maker. (Anyone
// else calling it unlawful decides nothing.)
std::optional<ModalRule> struck_down_as_unlawful(const SentenceView& s, const Candidate& c) {
  if (!s.tagged || s.question || !(c.sections & bit(Section::Legality)) || c.first != c.last ||
      !names_unlawful(s.words[c.head]))
    return std::nullopt;
  const VerbGroup g = verb_group(s, c.first);
  if (!g.be || g.negated || !g.modal.empty() || g.begin == 0) return std::nullopt;
  // The restriction: the subject's noun of restricting ("the city's ban on X").
  std::size_t noun = g.begin;
  for (std::size_t k = g.begin; k-- > 0;) {
    const Word& w = s.words[k];
    if (w.lower == "that" || is_clause_punct(w)) break;
    if ((w.starts & kRestrictionNouns) && syntax::is_noun(w.pos)) noun = k;
  }
  if (noun == g.begin) return std::nullopt;
  // The ruler: a court or judge before it, the subject of a verb of ruling.
  std::size_t court = noun;
  for (std::size_t k = 0; k < noun; ++k) {
    if (syntax::is_noun(s.words[k].pos) && is_one_of(s.words[k].lemma, {"court", "judge", "tribunal"}))
      court = k;
  }
  if (court == noun) return std::nullopt;
  ModalRule rule;
  rule.status = Status::Lifted;
  rule.roles.actor = np_ending_at(s, court + 1, 0);
  WordRange action = {noun, noun + 1};
  if (noun + 2 < g.begin && is_one_of(s.words[noun + 1].lower, {"on", "against"}))
    action = {noun + 2, g.begin};
  rule.roles.action = action;
  return rule;
}

// "X proposed that the agency extend approval to Y", "urged that ministers ban Z": a provision in the
// that-clause of a verb of proposing is asked for, not in force.
bool proposed_in_that_clause(const SentenceView& s, const Candidate& c) {
  for (std::size_t k = c.first; k-- > 1;) {
    if (s.words[k].lower != "that") continue;
    const Word& verb = s.words[k - 1];
    return (verb.starts & bit(Section::ProposalCue)) && syntax::is_verb(verb.pos) && k + 6 >= c.first;
  }
  return false;
}

// "blocked a proposal to ban X", "rejected a plan to lift Y": a trigger phrase that names a proposal before
// its trigger word decides nothing itself: what it names is proposed, whatever the verb above does with it
// (the guidelines read planned, backed and rejected proposals alike as proposed).
bool proposal_named_in_phrase(const SentenceView& s, const Candidate& c) {
  for (std::size_t k = c.first + 1; k < c.head; ++k) {
    if (syntax::is_noun(s.words[k].pos) && (s.words[k].starts & bit(Section::ProposalCue))) return true;
  }
  return false;
}

// "proposed extending the ban to X", "urged the city to lift the curfew", "called for lifting the embargo":
// a trigger inside the gerund or infinitive a verb of asking, planning or promising governs is asked for, not
// in force. The verbs that take part in a decision ("voted to lift") or only weigh one ("opposed lifting",
// "debated") are left to the classifier.
// The verb's index, or nullopt.
std::optional<std::size_t> asking_verb_above(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  const std::size_t stop = c.first > 8 ? c.first - 8 : 0;
  for (std::size_t k = c.first; k-- > stop;) {
    const Word& w = s.words[k];
    const bool proposal_verb = (w.starts & bit(Section::ProposalCue)) && syntax::is_verb(w.pos);
    if (!proposal_verb) {
      if (is_clause_punct(w) || syntax::is_finite_verb(w.pos)) return std::nullopt;
      continue;
    }
    if (is_one_of(w.lemma, {"vote", "back", "support", "favor", "favour", "oppose", "debate", "review", "try",
                            "fight", "consider", "weigh"}))
      return std::nullopt;
    std::size_t j = k + 1;
    if (j < c.first && s.words[j].lower == "for") ++j;  // "called for", "pushed for"
    if (j <= c.first && s.words[j].pos == Pos::VBG) return k;
    // "urged the city to lift": an object, then "to" and a bare verb.
    for (; j + 1 <= c.first; ++j) {
      if (s.words[j].lower == "to" && s.words[j + 1].pos == Pos::VB) return k;
      if (!is_np_word(s.words[j])) return std::nullopt;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

bool proposed_by_verb_above(const SentenceView& s, const Candidate& c) {
  return asking_verb_above(s, c).has_value();
}

// "The council voted on Monday to allow X": a body that holds the power voting for a decision has taken it,
// and so have those whose vote is the decision ("Shareholders voted to approve the merger"; a legislator's
// vote is a step towards a law, "He voted to let X"). Only "voted" (past tense) right before "to V" or before
// at most three words ("on Monday", "unanimously"), and the voter the body itself. The voter, or empty.
WordRange voted_by_decision_body(const SentenceView& s, const VerbGroup& g) {
  // ("voted in May to": a month is no modal.)
  const bool month =
      !g.modal.empty() &&
      std::any_of(s.words.begin() + static_cast<std::ptrdiff_t>(g.begin), s.words.end(), [&](const Word& w) {
        return w.lower == g.modal && w.entity == static_cast<std::int8_t>(EntityType::Date);
      });
  if (!g.to || g.negated || (!g.modal.empty() && !month) || g.begin == 0) return {};
  for (std::size_t k = g.begin, steps = 0; k > 0 && steps < 4; --k, ++steps) {
    const Word& w = s.words[k - 1];
    if (w.punct) return {};
    // (The tagger may read the past tense as a participle; with no auxiliary it is the past tense.)
    const VerbGroup voted = verb_group(s, k - 1);
    const bool past =
        w.pos == syntax::Pos::VBD || (w.pos == syntax::Pos::VBN && !voted.be && !voted.have && !voted.get);
    if (w.lemma != "vote" || !past) continue;
    // The voter's phrase holds the body: "The council", "The city council of Vellmar" (past a time: "The
    // council on Tuesday voted").
    const WordRange voter = subject_phrase_before(s, before_time_adjunct(s, k - 1));
    const bool decides =
        holds_decision_body(s, voter) ||
        (!voter.empty() && is_one_of(s.words[voter.last - 1].lemma, {"shareholder", "stockholder", "investor",
                                                                     "member", "voter", "delegate"}));
    return decides ? voter : WordRange{};
  }
  return {};
}

// "Estmark is the third country to ease limits", "became the first state to ban X": an infinitive that
// qualifies a noun counted among those that did it states what that one did, a decision taken, not a plan.
bool counted_among_deciders(const SentenceView& s, const Candidate& c) {
  const VerbGroup g = verb_group(s, c.first);
  if (!g.to || !g.modal.empty() || g.begin < 2 || s.words[g.begin].lower != "to") return false;
  const std::size_t noun = g.begin - 1;
  if (!syntax::is_noun(s.words[noun].pos)) return false;
  for (std::size_t k = noun; k-- > 0 && k + 4 > noun;) {
    if (is_one_of(s.words[k].lower,
                  {"first", "second", "third", "fourth", "fifth", "latest", "last", "only"}))
      return true;
    if (s.words[k].punct || syntax::is_verb(s.words[k].pos)) return false;
  }
  return false;
}

// The finite verb of one of `lemmas` right before the noun phrase that ends at words[end] ("The council
// approved | rules", "The regulator ordered | providers"): the verb's index, or nullopt; `object` receives
// the noun phrase between the verb and `end` ("providers").
std::optional<std::size_t> verb_before_object(const SentenceView& s, std::size_t end,
                                              std::initializer_list<std::string_view> lemmas,
                                              WordRange& object) {
  std::size_t k = end;
  // (A gerund may modify a noun there, "shipping agents"; another verb form is the verb.)
  const auto np_word = [&](const Word& w) {
    return is_np_word(w) && (!syntax::is_verb(w.pos) || w.pos == syntax::Pos::VBG);
  };
  while (k > 0 && k + 6 > end && np_word(s.words[k - 1])) --k;
  if (k == 0 || k == end) return std::nullopt;
  const Word& verb = s.words[k - 1];
  if (!syntax::is_finite_verb(verb.pos) || !is_one_of(verb.lemma, lemmas)) return std::nullopt;
  object = {k, end};
  return k - 1;
}

// The maker of such a verb when it names a decision maker (a body or a country; a time adjunct between it and
// its verb is skipped); else empty. `object`, when given, receives the verb's object.
WordRange maker_of_verb_before(const SentenceView& s, std::size_t end,
                               std::initializer_list<std::string_view> lemmas, WordRange* object = nullptr) {
  WordRange between;
  const std::optional<std::size_t> verb = verb_before_object(s, end, lemmas, between);
  if (!verb) return {};
  const WordRange maker = subject_phrase_before(s, before_time_adjunct(s, verb_group(s, *verb).begin));
  if (!names_decision_maker(s, maker)) return {};
  if (object != nullptr) *object = between;
  return maker;
}

// "The council approved rules that limit X", "Parliament passed a law which bans Y": the restriction or
// permission in the relative clause of a rule a body that decides has enacted is in force, and that body
// made it; returns the body's phrase, empty when the trigger is not so placed. (A bill approved is still a
// bill.)
WordRange enacted_by_decision_maker(const SentenceView& s, const Candidate& c) {
  if (!(c.sections & kVerbFrameSections) || c.first != c.last) return {};
  const syntax::Pos pos = s.words[c.head].pos;
  if (!(pos == syntax::Pos::VBZ || pos == syntax::Pos::VBP || pos == syntax::Pos::VBD)) return {};
  const int pronoun = relative_pronoun(s, c);
  if (pronoun < 2) return {};
  const std::size_t noun = static_cast<std::size_t>(pronoun) - 1;
  if (!(s.words[noun].starts & bit(Section::DecisionNoun)) || !syntax::is_noun(s.words[noun].pos) ||
      is_one_of(s.words[noun].lemma, {"bill", "proposal", "plan", "draft"}))
    return {};
  return maker_of_verb_before(s, noun + 1,
                              {"approve", "adopt", "pass", "enact", "introduce", "issue", "impose"});
}

// "The regulator said it would lift the ban": a body that decides reporting what it will do, in reported
// speech; returns the body's phrase, empty when the trigger is not so placed.
WordRange reported_announcer(const SentenceView& s, const Candidate& c) {
  const VerbGroup g = verb_group(s, c.first);
  if (g.modal != "would" || g.negated || g.to || g.begin < 2 ||
      !is_one_of(s.words[g.begin - 1].lower, {"it", "they"}) ||
      !(s.words[c.first - 1].lower == "would" || syntax::is_adverb(s.words[c.first - 1].pos)))
    return {};
  const WordRange speaker = reporting_speaker(s, g.begin - 1, clause_end(s, c.first));
  return names_decision_maker(s, speaker) ? speaker : WordRange{};
}

// "from October", "until 1 May", "starting next week": the first date, after the trigger in its clause, from
// or until which what the clause says holds (the preposition and the date); empty when there is none.
WordRange validity_date(const SentenceView& s, const Candidate& c) {
  constexpr auto kDate = static_cast<std::int8_t>(EntityType::Date);
  const std::size_t end = clause_end(s, c.last + 1);
  // A year that names a season or term: "from the 2027 season", "until the 2026-27 term".
  const auto year = [](std::string_view w) {
    return w.size() >= 4 &&
           std::all_of(w.begin(), w.begin() + 4, [](char ch) { return ch >= '0' && ch <= '9'; }) &&
           (w.size() == 4 || w[4] == '-' || w[4] == '/');
  };
  for (std::size_t k = c.last + 1; k + 1 < end; ++k) {
    if (!is_one_of(s.words[k].lower, {"from", "until", "till", "starting", "beginning", "effective"}))
      continue;
    if (k + 3 < end && s.words[k + 1].lower == "the" && year(s.words[k + 2].lower) &&
        syntax::is_noun(s.words[k + 3].pos))
      return {k, k + 4};
    if (s.words[k + 1].entity != kDate) continue;
    return {k, date_words_end(s, k + 1, end)};
  }
  return {};
}

// "The ministry will allow X to V", "Valmora will ban Y from May": a body that holds the power saying what
// it will do announces a decision (in force, flagged as future), whether the classifier read a proposal or
// nothing. What a bill, an offer, a plan or a party ("it", "Labour") "will allow" is still proposed, and
// stays what the classifier says, unless a date it takes effect from follows: whoever "will ban X from
// October" has set its start (a company's rule too), not a bill or a plan. A body that voted for it has
// decided (voted_by_decision_body). (One that says "it would" is found by reported_announcer, which also
// gives the body.)
bool announced_by_decision_maker(const SentenceView& s, const Candidate& c) {
  // (A verb joined to its trigger noun, "extend the ban", is the candidate's verb.)
  const std::size_t verb = c.governor ? *c.governor : c.head;
  if (!s.tagged || !((c.sections & kVerbFrameSections) || c.governor) || !syntax::is_verb(s.words[verb].pos))
    return false;
  const VerbGroup g = verb_group(s, c.first);
  if (!voted_by_decision_body(s, g).empty()) return true;
  if (g.modal != "will" || g.negated || g.to || g.begin == 0) return false;
  if (c.first > 0 && s.words[c.first - 1].lower != "will") return false;  // only "will V" ("will now allow")
  const Word& head = s.words[g.begin - 1];
  if (head.entity == static_cast<std::int8_t>(EntityType::Location)) return true;
  if (is_decision_body(head)) return true;
  if (!(syntax::is_noun(head.pos) || head.pos == syntax::Pos::PRP) ||
      (head.starts & bit(Section::ProposalCue)))
    return false;
  const WordRange when = validity_date(s, c);
  return !when.empty() && !is_one_of(s.words[when.first].lower, {"until", "till"});
}

// "Supermarkets will continue to be barred from V", "X is still banned": a word of continuing in the verb
// group before a restriction, or "stays in place" after its noun, makes it one in force, not a new one.
bool continues_restriction(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  // "The ban on X stays in place", "remains in force".
  const std::size_t end = clause_end(s, c.last + 1);
  for (std::size_t k = c.last + 1; k + 2 < end; ++k) {
    if (stays_in_force_at(s, k)) return true;
    if (syntax::is_verb(s.words[k].pos) && s.words[k].pos != Pos::VBG && s.words[k].pos != Pos::VBN) break;
  }
  for (std::size_t k = c.first, steps = 0; k > 0 && steps < 5; --k, ++steps) {
    const Word& w = s.words[k - 1];
    if (w.starts & bit(Section::Continuation)) return true;
    if (!(syntax::is_verb(w.pos) || w.pos == Pos::MD || w.pos == Pos::TO || w.pos == Pos::RB)) return false;
  }
  return false;
}

// Where the determiner and modifiers of the noun at `first` begin ("the new [limits]", "import [duties]"): up
// to four words back, not past a verb or another trigger word.
std::size_t modifiers_start(const SentenceView& s, std::size_t first) {
  std::size_t k = first;
  while (k > 0 && first - k < 4 && is_np_word(s.words[k - 1]) && !syntax::is_verb(s.words[k - 1].pos) &&
         !(s.words[k - 1].starts & kTriggerSections))
    --k;
  return k;
}

// "Protesters defied the curfew", "firms that violate the sanctions", "rallies against the grazing ban": a
// verb that presupposes a restriction in force (defying, breaking, obeying, challenging it) names one that
// stands; its subject did not make it. Returns one past the verb, 0 when the trigger is not so placed.
std::size_t defied_restriction(const SentenceView& s, const Candidate& c) {
  // (Not a rule in general: "breaching safety regulations".)
  if (!(c.sections & kRestrictionNouns) || !syntax::is_noun(s.words[c.head].pos) ||
      is_general_rule(s.words[c.head]))
    return 0;
  std::size_t k = modifiers_start(s, c.first);
  if (k > 1 && is_one_of(s.words[k - 1].lower, {"with", "against", "of"})) --k;
  if (k == 0) return 0;
  const Word& verb = s.words[k - 1];
  const bool presupposes =
      (syntax::is_verb(verb.pos) || verb.pos == syntax::Pos::NN) &&
      is_one_of(verb.lemma, {"defy", "flout", "violate", "breach", "break", "evade", "circumvent", "obey",
                             "comply", "protest", "challenge", "defiance", "violation", "breach"});
  return presupposes ? k : 0;
}

// A restriction noun one of whose modifiers marks it new ("the new limits", "fresh sanctions").
bool new_restriction(const SentenceView& s, const Candidate& c) {
  for (std::size_t k = modifiers_start(s, c.first); k < c.first; ++k) {
    if (s.words[k].starts & bit(Section::NewMarker)) return true;
  }
  return false;
}

// The verbs whose participle or relative clause says what a rule restricts ("a law banning X").
constexpr Sections kRestrictingVerbs =
    bit(Section::Prohibit) | bit(Section::Restrict) | bit(Section::Sanction);

// A participle of restricting, also where the tagger read it as a noun ("a law banning X").
bool restricting_participle(const Word& w) {
  return (w.starts & kRestrictingVerbs) && (w.pos == syntax::Pos::VBG || w.lower.ends_with("ing"));
}

// "A judge blocked a state law that ...", "the court suspended the ordinance": stopping a rule in force (a
// verb of blocking or suspending whose object's head is a law, rule, order or ban) lifts what the rule
// imposed. (A bill or a plan is not in force: blocking it decides nothing.) The head's index, or 0 when the
// candidate is not so placed. (The head comes before a participle that describes it: "a state law
// restricting X".)
std::size_t blocks_a_rule(const SentenceView& s, const Candidate& c) {
  const Word& verb = s.words[c.head];
  if (c.first != c.last || !syntax::is_verb(verb.pos) || verb.pos == syntax::Pos::VBG ||
      !is_one_of(verb.lemma, {"block", "halt", "suspend", "freeze"}))
    return 0;
  std::size_t head = 0;
  for (std::size_t k = c.last + 1; k < s.words.size() && is_np_word(s.words[k]); ++k) {
    if (head && restricting_participle(s.words[k])) break;
    if (syntax::is_noun(s.words[k].pos)) head = k;
  }
  return head && is_one_of(s.words[head].lemma,
                           {"law", "rule", "regulation", "ordinance", "order", "policy", "directive",
                            "decree", "statute", "ban", "restriction", "curfew", "mandate"})
             ? head
             : 0;
}

// "blocked a state law restricting X", "suspended the rule that bars X from V-ing": the words after a stopped
// rule's noun (its head, `noun`) that say what the rule restricts, a participle or a relative clause of
// restricting, up to the clause's end; empty when none follows.
WordRange restriction_described(const SentenceView& s, std::size_t noun) {
  std::size_t k = noun + 1;
  if (k < s.words.size() && is_one_of(s.words[k].lower, {"that", "which"})) ++k;
  if (k >= s.words.size()) return {};
  const Word& verb = s.words[k];
  if (k == noun + 1 ? !restricting_participle(verb)
                    : !(verb.starts & kRestrictingVerbs) || !syntax::is_finite_verb(verb.pos))
    return {};
  return without_final_punct(s, {noun + 1, clause_end(s, k)});
}

// "A judge blocked the city from enforcing its ban on short-term rentals", "barred the state from
// implementing the rules": keeping the maker of a rule from carrying it out lifts the rule. The rule's phrase
// in the labelled action (after the gerund of carrying out), or empty when the action is not so read.
WordRange enforcement_blocked(const SentenceView& s, const Candidate& c, WordRange action) {
  const Word& verb = s.words[c.head];
  if (c.first != c.last || !syntax::is_verb(verb.pos) || action.empty() ||
      !is_one_of(verb.lemma, {"block", "bar", "stop", "prevent", "halt", "prohibit", "forbid", "enjoin"}))
    return {};
  const Word& gerund = s.words[action.first];
  if (gerund.pos != syntax::Pos::VBG ||
      !is_one_of(gerund.lemma, {"enforce", "implement", "apply", "impose", "introduce"}))
    return {};
  const WordRange rule = np_starting_at(s, action.first + 1, clause_end(s, action.first + 1));
  for (std::size_t k = rule.first; k < rule.last; ++k) {
    const Word& w = s.words[k];
    if (syntax::is_noun(w.pos) &&
        ((w.starts & kRestrictionNouns) || is_general_rule(w) ||
         is_one_of(w.lemma, {"law", "ordinance", "order", "policy", "decree", "mandate"})))
      return rule;
    if (w.pos == syntax::Pos::IN) break;  // (the head comes before its complement)
  }
  return {};
}

// "The regulator ordered providers to block access to X", "the court required the firm to stop Y": a body
// that decides (or a country) ordering someone to carry out a decision has taken it; returns the orderer's
// phrase, empty when the trigger is not so placed; `ordered` receives who is ordered ("providers").
WordRange ordered_by_decision_maker(const SentenceView& s, const Candidate& c, WordRange& ordered) {
  const VerbGroup g = verb_group(s, c.first);
  // (A verb joined to its trigger noun, "block access", is the candidate's verb.)
  if (!s.tagged || !g.to || g.negated || !g.modal.empty() ||
      !((c.sections & kVerbFrameSections) || c.governor))
    return {};
  std::size_t to = g.begin;
  while (to > 0 && s.words[to].pos != syntax::Pos::TO) --to;
  const WordRange maker = maker_of_verb_before(
      s, to, {"order", "require", "direct", "instruct", "force", "compel", "tell"}, &ordered);
  if (!maker.empty()) return maker;
  // "The crisis forced the government to suspend exports": what forces is no maker; one who holds authority
  // (a body that decides, a country, an office, a named person or organisation), forced, decides all the
  // same.
  WordRange forced;
  if (!verb_before_object(s, to, {"force", "compel", "pressure", "push"}, forced)) return {};
  return holds_authority(s, forced, true) ? forced : WordRange{};
}

// The maker before a verb group starting at `group` when it holds authority over others (holds_authority);
// not a thing that enables, not in a clause of condition. Empty otherwise.
WordRange maker_with_authority(const SentenceView& s, std::size_t group, bool named_ok) {
  const WordRange maker = subject_phrase_before(s, before_time_adjunct(s, group));
  if (maker.empty()) return {};
  const Word& head = s.words[maker.last - 1];
  if (!syntax::is_noun(head.pos) || (head.starts & bit(Section::AbilityCue))) return {};
  if (!holds_authority(s, maker, named_ok)) return {};
  // "If the court lets X V": a condition states nothing in force.
  return in_condition(s, maker.first) ? WordRange{} : maker;
}

// "The president authorized the army to use X", "The league barred the club from signing players", "The
// party let donors attend the briefing": a maker that holds authority over others (a body that decides, a
// country, an organisation or a person named, an office or its holder) granting or barring a named party an
// act, in a finite verb of its own (no modal, no negation, no passive, not an infinitive), has decided;
// returns the maker's phrase, empty otherwise. A maker or party that is a thing or its users ("the app lets
// users V", "the money allowed the firm to V") and a pronoun maker are not read.
WordRange granted_by_authority(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  // (Not "sanction", which also punishes: sanction_sense reads it.)
  if (!s.tagged || c.first != c.last || !(c.sections & (bit(Section::Permit) | bit(Section::Prohibit))) ||
      (c.sections & bit(Section::Sanction)))
    return {};
  const Word& verb = s.words[c.head];
  const std::optional<VerbGroup> g = plain_finite_group(s, c.first);
  if (!g) return {};
  const std::size_t end = clause_end(s, c.last + 1);
  WordRange party;
  const ArgumentFrame frame = argument_frame(s, c);
  if ((frame.pattern == Pattern::ObjectTo || frame.pattern == Pattern::ObjectFrom) && !frame.action.empty()) {
    party = frame.subject;
  } else if (verb.lemma == "let") {  // "let X V": the party, then a bare verb
    const WordRange object = np_starting_at(s, c.last + 1, end);
    // (The tagger may read the bare verb as a present: "let its members skip".)
    if (!object.empty() && object.last < end &&
        (s.words[object.last].pos == Pos::VB || s.words[object.last].pos == Pos::VBP))
      party = object;
  }
  // "The ministry cleared the sale of 12 drones to X": a verb of permitting whose object is an act (a sale, a
  // transfer, an export, a merger) grants that act.
  if (party.empty() && (c.sections & bit(Section::Permit))) {
    std::size_t head = c.last + 1;
    while (head < end && (s.words[head].pos == Pos::DT || syntax::is_adjective(s.words[head].pos))) ++head;
    if (head < end && syntax::is_noun(s.words[head].pos) &&
        is_one_of(s.words[head].lemma, {"sale", "transfer", "export", "delivery", "purchase", "shipment",
                                        "supply", "deployment", "merger", "acquisition", "takeover"}))
      return maker_with_authority(s, g->begin, verb.pos == Pos::VBD);
  }
  if (party.empty()) return {};
  // "let the public think X": a state of mind is no act a rule grants.
  const std::size_t act = party.last + (s.words[party.last].pos == Pos::TO ? 1 : 0);
  if (act < end &&
      is_one_of(s.words[act].lemma, {"think", "believe", "know", "feel", "assume", "understand"}))
    return {};
  const Word& party_head = s.words[party.last - 1];
  if ((party_head.starts & bit(Section::AbilityCue)) || party_head.pos == Pos::PRP) return {};
  return maker_with_authority(s, g->begin, verb.pos == Pos::VBD);
}

// "The judge refused to let the firm sell X", "The ministry declined to allow Y": a holder of authority
// refusing a permission (in the infinitive of "refuse" or "decline", not negated, no modal but "will") keeps
// the act prohibited; returns the refuser's phrase, empty otherwise. (What crowds "refuse to let" happen is
// no rule.)
WordRange refused_permission(const SentenceView& s, const Candidate& c) {
  using syntax::Pos;
  // (Or a verb of granting on its noun: "refused to grant X a licence".)
  const bool permit_verb =
      c.first == c.last && (c.sections & bit(Section::Permit)) && syntax::is_verb(s.words[c.head].pos);
  const bool granting = c.governor && *c.governor == c.first &&
                        (c.governor_sections & bit(Section::Permit)) &&
                        (c.sections & bit(Section::PermitNoun));
  if (!s.tagged || !(permit_verb || granting)) return {};
  const VerbGroup g = verb_group(s, c.first);
  if (!g.to || g.begin < 1 || s.words[g.begin].lower != "to") return {};
  const Word& refusal = s.words[g.begin - 1];
  // (The tagger may read "refuses" before "to" as a plural noun: "Berlin refuses to let X".)
  if (!is_one_of(refusal.lemma, {"refuse", "decline"}) ||
      !(syntax::is_verb(refusal.pos) || refusal.pos == Pos::NNS))
    return {};
  const VerbGroup refusing = verb_group(s, g.begin - 1);
  if (refusing.negated || refusing.to || (!refusing.modal.empty() && refusing.modal != "will") ||
      refusing.begin == 0)
    return {};
  return maker_with_authority(s, refusing.begin, true);
}

// "Germany will not allow its weapons to be used for X", "The government said it would not let X V": a body
// that decides, a country or an office saying what it will not permit imposes that restriction; returns the
// maker (the speaker, when the maker is a pronoun), empty otherwise. (What a named firm or group "won't
// allow" is a stance.)
WordRange withheld_permission(const SentenceView& s, const Candidate& c) {
  // (Only the verbs of permission itself: what a firm "will not accept" is its standing rule.)
  if (!s.tagged || c.first != c.last || !(c.sections & bit(Section::Permit)) ||
      !syntax::is_verb(s.words[c.head].pos) ||
      !is_one_of(s.words[c.head].lemma, {"allow", "permit", "let", "authorise", "authorize", "tolerate"}))
    return {};
  const VerbGroup g = verb_group(s, c.first);
  if (!g.negated || g.be || g.to || g.begin == 0 ||
      !is_one_of(g.modal, {"will", "would", "'ll", "won't", "wouldn't"}))
    return {};
  if (const WordRange maker = maker_with_authority(s, g.begin, false); !maker.empty()) return maker;
  if (!is_one_of(s.words[g.begin - 1].lower, {"it", "we", "they"})) return {};
  const WordRange speaker = reporting_speaker(s, g.begin - 1, clause_end(s, c.last + 1));
  return holds_authority(s, speaker, false) ? speaker : WordRange{};
}

// "The plan to cap rents was finally approved by parliament", "The cabinet adopted a proposal to ban X": a
// plan or proposal to decide (the trigger in its infinitive) that was approved or adopted is a decision
// taken, in force; returns whether it is so, and its approver in `maker` (empty when none is named). A bill
// that passes a vote is still a bill, and a negated or modal approval ("was not approved", "could be
// adopted") decides nothing.
bool approved_plan(const SentenceView& s, const Candidate& c, WordRange& maker) {
  using syntax::Pos;
  if (!s.tagged || !((c.sections & kVerbFrameSections) || c.governor)) return false;
  const VerbGroup g = verb_group(s, c.first);
  if (!g.to || g.begin < 1 || s.words[g.begin].lower != "to") return false;
  const std::size_t noun = g.begin - 1;
  if (!syntax::is_noun(s.words[noun].pos) ||
      !is_one_of(s.words[noun].lemma, {"plan", "proposal", "measure", "move", "scheme"}))
    return false;
  // Active: "The cabinet adopted a proposal to V".
  const std::initializer_list<std::string_view> approving = {"approve", "adopt",  "endorse",
                                                             "ratify",  "accept", "pass"};
  maker = maker_of_verb_before(s, noun + 1, approving);
  if (!maker.empty()) return true;
  // Passive, after the infinitive's clause: "... was (finally) approved (by X)".
  for (std::size_t k = c.last + 1; k < s.words.size(); ++k) {
    const Word& w = s.words[k];
    if (is_clause_punct(w) && w.lower != ",") return false;
    if (w.pos != Pos::VBN || !is_one_of(w.lemma, approving)) {
      if (syntax::is_finite_verb(w.pos) || w.pos == Pos::MD) {
        if (!is_one_of(w.lemma, {"be", "have"})) return false;
      }
      continue;
    }
    const VerbGroup approval = verb_group(s, k);
    if (!approval.be || approval.negated || !approval.modal.empty()) return false;
    if (k + 2 < s.words.size() && s.words[k + 1].lower == "by")
      maker = np_starting_at(s, k + 2, clause_end(s, k + 1));
    return true;
  }
  return false;
}

bool is_trade_restriction(const Word& w) {
  return syntax::is_noun(w.pos) && is_one_of(w.lemma, {"tariff", "duty", "quota", "levy"});
}

// The status in force a composed reading states ("ending a freeze" lifts, "banning X" imposes), if any.
std::optional<Status> status_in_force_of(Reading reading) {
  switch (reading) {
    case Reading::Lift:
      return Status::Lifted;
    case Reading::Restrict:
    case Reading::Impose:
      return Status::Imposed;
    case Reading::Permit:
      return Status::Allowed;
    default:
      return std::nullopt;
  }
}

// The maker of a plain finite verb at `verb` (active, no modal, negation or infinitive; see
// plain_finite_group): the phrase before its group, when it is there, is no pronoun and stands in no clause
// of condition; empty otherwise.
WordRange plain_decision_maker(const SentenceView& s, std::size_t verb) {
  const std::optional<VerbGroup> g = plain_finite_group(s, verb);
  if (!g) return {};
  const WordRange maker = subject_phrase_before(s, before_time_adjunct(s, g->begin));
  if (maker.empty() || s.words[maker.first].pos == syntax::Pos::PRP || in_condition(s, maker.first))
    return {};
  return maker;
}

// "Washington slapped tariffs on X", "The federation lifted its suspension of X", "The ministry revoked the
// licence of X": a verb joined to its trigger noun (the noun heading its phrase), finite and active, with no
// modal, negation, condition or question and a subject of its own, states what its words compose to (imposed,
// lifted, allowed); nothing when they compose to nothing.
std::optional<Status> composed_in_force(const SentenceView& s, const Candidate& c) {
  // (The noun heads its phrase: "introduced the sentencing tariff rules" imposes no tariff.)
  // (Only verbs of imposing or lifting: "froze the tax at X" and "tightened controls" are left to the
  // classifier.)
  if (!s.tagged || s.question || !c.governor ||
      !(c.governor_sections & (bit(Section::Impose) | bit(Section::Lift))) ||
      (c.last + 1 < s.words.size() && syntax::is_noun(s.words[c.last + 1].pos)) ||
      plain_decision_maker(s, *c.governor).empty())
    return std::nullopt;
  return status_in_force_of(reading_of(s, c, verb_group(s, *c.governor)));
}

// "The government raised import duties on sugar": a finite verb of raising a tariff, duty or levy, with
// its maker, imposes the higher one. (Not a quota: a larger quota restricts less.)
bool raises_trade_restriction(const SentenceView& s, const Candidate& c) {
  if (!s.tagged || s.question || c.first != c.last || !is_trade_restriction(s.words[c.head]) ||
      s.words[c.head].lemma == "quota")
    return false;
  const std::size_t k = modifiers_start(s, c.first);
  if (k == 0 || !is_one_of(s.words[k - 1].lemma, {"raise", "increase", "hike", "double", "triple"}))
    return false;
  return !plain_decision_maker(s, k - 1).empty();
}

// "The minister decided to ban X", "The board agreed unanimously to introduce a ban on Y": a decision verb
// in the infinitive of "decided to" or "agreed to" (past, not negated, no modal) is a decision taken, in
// force; so is a restriction someone began or will begin to apply ("began blocking X"). `maker` gets the
// subject of "decided" or "began" (empty when none).
bool decided_to(const SentenceView& s, const Candidate& c, WordRange& maker) {
  using syntax::Pos;
  if (!s.tagged || !((c.sections & kVerbFrameSections) || c.governor)) return false;
  // "Google began blocking X", "will begin enforcing Y": a restriction someone has started to apply.
  if (c.first > 0 && s.words[c.first].lower.ends_with("ing") &&
      (c.sections & (bit(Section::Prohibit) | bit(Section::Restrict) | bit(Section::Impose))) &&
      is_one_of(s.words[c.first - 1].lemma, {"start", "begin"}) &&
      syntax::is_verb(s.words[c.first - 1].pos)) {
    const VerbGroup started = verb_group(s, c.first - 1);
    if (started.negated || started.to || (!started.modal.empty() && started.modal != "will")) return false;
    maker = subject_phrase_before(s, before_time_adjunct(s, started.begin));
    return true;
  }
  const VerbGroup g = verb_group(s, c.first);
  if (!g.to || g.begin < 1 || s.words[g.begin].lower != "to") return false;
  std::size_t k = g.begin;  // back over an adverb or a time: "agreed unanimously to", "agreed on Monday to"
  if (k > 1 && syntax::is_adverb(s.words[k - 1].pos)) --k;
  if (k > 1) k = std::max<std::size_t>(1, before_time_adjunct(s, k));
  const Word& verb = s.words[k - 1];
  if (!(verb.pos == Pos::VBD || verb.pos == Pos::VBN) || !is_one_of(verb.lemma, {"decide", "agree"}))
    return false;
  const VerbGroup decision = verb_group(s, k - 1);
  if (decision.negated || !decision.modal.empty() || decision.be) return false;
  maker = subject_phrase_before(s, before_time_adjunct(s, decision.begin));
  return true;
}

// Whether trigger `c` is a restriction noun governed by one of `verbs` before it, in an active finite clause
// not negated.
bool restriction_governed_by(const SentenceView& s, const Candidate& c, const VerbGroup& group,
                             std::initializer_list<std::string_view> verbs) {
  return c.governor && *c.governor < c.head && (c.sections & kRestrictionNouns) && !group.negated &&
         !group.be && !group.to && syntax::is_verb(s.words[*c.governor].pos) &&
         is_one_of(s.words[*c.governor].lemma, verbs);
}

// Whether trigger `c` is a restriction noun in force ("the ban", "the city's curfew", any a court names or
// anyone suspends) that a verb of stopping ("block", "halt", "stop", "overturn", "suspend") governs, in an
// active finite clause not negated (not an attempt: "a bid to block the ban").
bool stops_restriction(const SentenceView& s, const Candidate& c, const VerbGroup& group) {
  if (!restriction_governed_by(s, c, group, {"block", "halt", "stop", "overturn", "suspend"})) return false;
  // A court or a judge stops what is in force, whatever article names it ("A judge blocked a state ban on
  // X").
  const WordRange maker = subject_phrase_before(s, group.begin);
  // So is what anyone suspends ("The ministry suspended catch limits for cod"): only what holds can be.
  bool in_force =
      (!maker.empty() && is_one_of(s.words[maker.last - 1].lemma, {"court", "judge", "tribunal"})) ||
      s.words[*c.governor].lemma == "suspend";
  for (std::size_t k = *c.governor + 1; k < c.head; ++k) {
    const Word& w = s.words[k];
    if (is_one_of(w.lower, {"proposed", "planned", "draft", "new"})) return false;
    if (is_one_of(w.lower, {"a", "an"}) && !in_force) return false;
    in_force = in_force || is_one_of(w.lower, {"the", "its", "their", "his", "her", "'s"});
  }
  return in_force;
}

// "The senate rejected a ban on X", "Lawmakers blocked a new levy on Y": a restriction that is not in force
// (named with "a" or as proposed, planned, draft or new), which a body other than a court rejects, blocks,
// vetoes or defeats in an active finite clause not negated, is a proposal turned down: at most proposed,
// and who turned it down did not make it. The verb's index, or 0.
std::size_t rejects_proposed_restriction(const SentenceView& s, const Candidate& c, const VerbGroup& group) {
  if (!restriction_governed_by(s, c, group, {"block", "reject", "veto", "defeat"})) return 0;
  const WordRange maker = subject_phrase_before(s, group.begin);
  if (!maker.empty() && is_one_of(s.words[maker.last - 1].lemma, {"court", "judge", "tribunal"})) return 0;
  for (std::size_t k = *c.governor + 1; k < c.head; ++k) {
    const std::string_view w = s.words[k].lower;
    if (is_one_of(w, {"a", "an", "proposed", "planned", "draft", "new"})) return *c.governor;
    if (is_one_of(w, {"the", "its", "their", "his", "her", "'s"})) return 0;
  }
  return 0;
}

// "The senator would agree to ban X", "the city could decide to lift the curfew": a trigger in the
// infinitive of a verb under "would", "could", "might" or "should" is a decision not taken, at most proposed.
bool hypothetical_infinitive(const SentenceView& s, const Candidate& c) {
  if (!s.tagged || !((c.sections & kVerbFrameSections) || c.governor)) return false;
  const VerbGroup g = verb_group(s, c.first);
  if (!g.to || g.begin < 2 || s.words[g.begin].lower != "to") return false;
  std::size_t k = g.begin;  // ("would agree unanimously to")
  if (k > 2 && syntax::is_adverb(s.words[k - 1].pos)) --k;
  if (!syntax::is_verb(s.words[k - 1].pos)) return false;
  const VerbGroup above = verb_group(s, k - 1);
  return !above.negated && is_one_of(above.modal, {"would", "could", "might", "should"});
}

// "The council allowed X, ending a ban on Y": a participial clause set off by a comma after a decision in
// force in the same sentence says what that decision does, so it is in force too, and its maker is that
// decision's (the classifier reads a gerund as a proposal: "proposed ending the ban"). Only a decision verb
// right after the comma, and a provision in force of the sentence before it. The decision, or null.
const Provision* consequence_of_decision(const SentenceView& s, const Candidate& c,
                                         const std::vector<Provision>& provisions,
                                         std::size_t sentence_first) {
  // (Or a verb joined to its trigger noun: ", lifting a restriction".)
  if (!s.tagged || !((c.sections & kVerbFrameSections) || c.governor) ||
      s.words[c.first].pos != syntax::Pos::VBG || c.first == 0 || s.words[c.first - 1].lower != ",")
    return nullptr;
  // A verb of lifting alone acts on a decision, a restriction or a permission its object names ("ending the
  // curfew"), not on anything else ("ending weeks of hesitation").
  if (!c.governor && (c.sections & bit(Section::Lift))) {
    const WordRange object = np_starting_at(s, c.last + 1, clause_end(s, c.last + 1));
    bool decision = false;
    for (std::size_t k = object.first; k < object.last && !decision; ++k)
      decision = (s.words[k].starts & (kNounFrameSections | bit(Section::DecisionNoun))) != 0;
    if (!decision) return nullptr;
  }
  const std::size_t at = s.words[c.first].start;
  for (std::size_t q = provisions.size(); q-- > sentence_first;) {
    const Provision& p = provisions[q];
    if (stated_in_force(p) && p.trigger && p.trigger->end <= at) return &p;
  }
  return nullptr;
}

// "oil sold above the agreed price cap", "below the limit": a restriction noun after a preposition of
// comparison is the standard something is measured against, named as background, not a decision the
// sentence states. ("Under the rules" and "within the limits" are not among them: such phrases often state
// the restriction in force.)
bool reference_point(const SentenceView& s, const Candidate& c) {
  if (c.governor || !syntax::is_noun(s.words[c.head].pos)) return false;
  std::size_t k = c.first;
  for (int steps = 0; k > 0 && steps < 4; ++steps) {
    const Word& w = s.words[k - 1];
    if (w.punct || !(w.pos == syntax::Pos::DT || w.pos == syntax::Pos::PRPS || syntax::is_adjective(w.pos) ||
                     w.pos == syntax::Pos::VBN || syntax::is_noun(w.pos) || w.pos == syntax::Pos::CD))
      break;
    --k;
  }
  return k > 0 && is_one_of(s.words[k - 1].lower, {"above", "below", "beyond"});
}

// "kept the howitzers, delivered since spring, from being fired" (a frame that read past a participial phrase
// between commas): the labeller reads past the commas poorly; when it took the party for the action, the
// verb's argument pattern gives the action. A scope inside the commas ("since spring") qualifies the
// participle, not the decision.
void read_past_parenthetical(const ArgumentFrame& frame, Roles& roles) {
  if (!roles.action.empty() && roles.action.first >= frame.subject.first &&
      roles.action.last <= frame.subject.last) {
    roles.action = frame.action;
    roles.subject = frame.subject;
  }
  const auto inside = [&](const WordRange& r) {
    return r.first >= frame.subject.last && r.last <= frame.action.first;
  };
  roles.scopes.erase(std::remove_if(roles.scopes.begin(), roles.scopes.end(), inside), roles.scopes.end());
}

// The decision-maker named last, for "the decision" and pronoun actors of the next sentences.
struct LastActor {
  std::optional<Span> span;
  std::size_t sentence = 0;
};

// What extract() carries from one sentence to the next.
struct ArticleState {
  const Article& article;
  std::vector<Provision> provisions;
  LastActor last_actor;
  std::size_t last_provision_sentence = 0;
  int published_year = 0;  // of the article, 0 when unknown (dated_before)
  std::string headline_action;  // what a decision in force the title announces is about (headline_decision)
};

// The decision a reference names: for "the decision" (two words), the first one in force the article reports;
// for a pronoun, the provision stated last, in this or one of the two sentences before. Null when none.
Provision* referenced_decision(ArticleState& st, const SentenceView& s, WordRange reference, std::size_t si) {
  std::vector<Provision>& provisions = st.provisions;
  if (reference.last - reference.first > 1) {
    // The decision whose trigger is of the reference's stem ("suspended its licence" ... "the suspension"),
    // else the first decision in force the article reports.
    const std::string_view head = s.words[reference.last - 1].lower;
    for (Provision& q : provisions) {
      if (q.trigger && q.action && stated_in_force(q) && one_stem(trigger_word(q), head)) return &q;
    }
    for (Provision& q : provisions) {
      if (stated_in_force(q) && q.action) return &q;
    }
    return nullptr;
  }
  if (!provisions.empty() && provisions.back().action && si <= st.last_provision_sentence + 2)
    return &provisions.back();
  return nullptr;
}

// The restriction (prohibited or imposed, with an action) reported last before text offset `before`; the
// first one whose trigger word is of `stem`'s stem when `stem` is given and one is. Null when none.
const Provision* last_restriction(const std::vector<Provision>& provisions, std::size_t before,
                                  std::string_view stem) {
  const Provision* last = nullptr;
  for (const Provision& q : provisions) {
    if (!q.trigger || !q.action || q.trigger->end > before || q.sentence.start > before) continue;
    if (q.status != Status::Prohibited && q.status != Status::Imposed) continue;
    if (!stem.empty() && one_stem(trigger_word(q), stem)) return &q;
    last = &q;
  }
  return last;
}

// "Residents are exempt from the ban": an exemption whose phrase names a restriction limits the restriction
// reported last (one of the noun's stem if there is one), not whatever provision came just before it. Null
// when the phrase names none, or no restriction was reported.
const Provision* named_restriction(const std::vector<Provision>& provisions, const SentenceView& s,
                                   const Candidate& c) {
  constexpr Sections kRestrictionWords = bit(Section::Prohibit) | bit(Section::ProhibitNoun) |
                                         bit(Section::Restrict) | bit(Section::RestrictNoun) |
                                         bit(Section::SanctionNoun);
  std::size_t noun = c.last + 1;
  for (std::size_t k = c.first + 1; k <= c.last; ++k) {
    if ((s.words[k].starts & kRestrictionWords) && syntax::is_noun(s.words[k].pos)) noun = k;
  }
  // ("exempt from the law": the reference after it names one.)
  if (noun > c.last && !from_decision(s, c)) return nullptr;
  return last_restriction(provisions, s.words[c.first].start,
                          noun <= c.last ? std::string_view(s.words[noun].lower) : std::string_view());
}

// "A court suspended a law that barred X. The law also banned Y": a reference whose noun names what the
// last decision-maker's latest provision lifted is that thing, not that maker's decision.
bool names_lifted_thing(const ArticleState& st, const SentenceView& s, WordRange reference) {
  if (reference.empty() || !st.last_actor.span) return false;
  const std::string_view noun = s.words[reference.last - 1].lower;
  for (auto p = st.provisions.rbegin(); p != st.provisions.rend(); ++p) {
    if (!p->actor || p->actor->start != st.last_actor.span->start) continue;
    if (p->status != Status::Lifted || !p->action) return false;
    return noun.size() > 2 && text::lower(p->action->text).find(noun) != std::string::npos;
  }
  return false;
}

// The provision candidate `c` of window `sentence` (sentence `si` of the article) states with status `status`
// and roles `roles` (one part of a coordination), added unless it restates one of the window's provisions
// (from `sentence_first` on). `pronoun` and `pronoun_offset`: see relative_pronoun and merge_lifted_content.
void add_provision(ArticleState& st, const SentenceView& s, const text::Sentence& sentence, std::size_t si,
                   const Candidate& c, Status status, Roles roles, const ArgumentFrame& frame, int pronoun,
                   std::size_t pronoun_offset, std::size_t sentence_first,
                   std::vector<std::size_t>& pronouns) {
  std::vector<Provision>& provisions = st.provisions;
  Provision p;
  p.status = status;
  p.sentence = span_of_text(st.article.text, sentence.start, sentence.end);
  p.trigger = span_of(st.article.text, s, {c.first, c.last + 1});
  // A carve-out ("except X", "other than X") limits the decision stated before it in the sentence:
  // it takes that decision's action, and X is who or what is left out.
  // So does an exemption that ends its clause ("..., but residents are exempt"): it names no
  // restriction of its own, and who is exempt stands before it.
  // ("exempt from the law": a reference to the decision ends it too.)
  const bool bare_exemption =
      !(c.sections & bit(Section::Except)) && (ends_clause(s, c) || from_decision(s, c));
  const Provision* limited = nullptr;
  // ("Shipments to allies will not need a licence": its party is read already.)
  const bool needs_none = p.status == Status::Excluded && needs_no_permission(s, c);
  if (p.status == Status::Excluded) {
    limited = named_restriction(provisions, s, c);
    if (limited == nullptr) limited = limited_provision(provisions, sentence_first, s, c, bare_exemption);
    // ("Electric heaters are still allowed, and covered terraces are exempt": what a word of exempting leaves
    // a party out of is a restriction, not the permission before it.)
    if (limited != nullptr && (c.sections & bit(Section::Exempt)) &&
        (limited->status == Status::Allowed || limited->status == Status::Lifted))
      limited = nullptr;
    // "Messaging apps are exempt." after a sentence that restricts: the restriction reported last, in this or
    // one of the two sentences before.
    if (limited == nullptr && bare_exemption && ((c.sections & bit(Section::Exempt)) || needs_none) &&
        si <= st.last_provision_sentence + 2)
      limited = last_restriction(provisions, s.words[c.first].start, {});
  }
  const WordRange joined = p.status == Status::Excluded ? joined_exemption(s, c) : WordRange{};
  if (limited != nullptr &&
      (roles.action.empty() || (c.sections & bit(Section::Except)) || bare_exemption || !joined.empty())) {
    p.action = limited->action;
    p.actor = limited->actor;
    if (!joined.empty()) {
      roles.subject = joined;
      roles.action = roles.actor = {};
      roles.scopes.clear();
    } else if (c.sections & bit(Section::Except)) {
      // The preposition has no action or maker of its own: what it leaves out is its object.
      const WordRange left_out = carve_out_object(s, c);
      if (!left_out.empty()) roles.subject = left_out;
      roles.action = roles.actor = {};
      // The limits before it are the decision's ("to use X in the south, but not against Y").
      std::erase_if(roles.scopes, [&](WordRange r) { return r.last <= c.first; });
    } else if (bare_exemption) {
      WordRange exempt = frame.pattern == Pattern::Predicative ? frame.action : frame.subject;
      // After "be", who stands before the verb group: "Reporters covering a rally are exempt from the law".
      const VerbGroup g = verb_group(s, c.first);
      if (const WordRange before = g.be ? subject_phrase_before(s, g.begin) : WordRange{}; !before.empty())
        exempt = before;
      if (!exempt.empty() && !needs_none) roles.subject = exempt;
      roles.action = roles.actor = {};
    }
  }
  // With no provision stated before it, a bare exemption leaves its subject out of what the clause before
  // names ("The city raised the tax on diesel cars, though taxis are exempt").
  if (limited == nullptr && bare_exemption && p.status == Status::Excluded &&
      (c.sections & bit(Section::Exempt))) {
    const WordRange charge = charge_of_clause_before(s, c);
    if (!charge.empty()) {
      WordRange exempt = frame.pattern == Pattern::Predicative ? frame.action : frame.subject;
      // (Not the conjunction that opens the clause: "though taxis".)
      while (exempt.first < exempt.last &&
             (s.words[exempt.first].pos == syntax::Pos::IN || s.words[exempt.first].pos == syntax::Pos::CC ||
              syntax::is_adverb(s.words[exempt.first].pos)))
        ++exempt.first;
      if (!exempt.empty()) roles.subject = exempt;
      roles.action = charge;
      roles.actor = {};
    }
  }
  // "The decision does not cover X": X is what the decision leaves out, and the decision is the one
  // the article reports first (a pronoun: the one stated last, in the two sentences before).
  // The reference may also stand as the clause's subject while the labeller took the left-out item
  // for the action ("the decision does not apply to X on Y").
  const bool reference_action = is_reference(s, roles.action);
  const WordRange reference = !p.action && p.status == Status::Excluded
                                  ? (reference_action ? roles.action : subject_reference(s, c))
                                  : WordRange{};
  // "X are exempt from the ban until 2033": an exemption's party stands before its "be", and what follows the
  // trigger is its limit, not what is left out. (The exemption may govern the trigger noun.)
  const auto exempt_before = [&] {
    if (!((c.sections | c.governor_sections) & bit(Section::Exempt))) return false;
    const VerbGroup g = verb_group(s, c.first);
    const WordRange party = g.be ? subject_phrase_before(s, g.begin) : WordRange{};
    if (party.empty()) return false;
    roles.subject = party;
    if (spans_overlap(roles.actor, party)) roles.actor = {};  // not its maker
    // (Not "from the law": the decision it is exempt from.)
    if (const WordRange limit = without_final_punct(s, {c.last + 1, clause_end(s, c.last + 1)});
        !limit.empty() && s.words[limit.first].lower != "from" &&
        std::none_of(roles.scopes.begin(), roles.scopes.end(),
                     [&](WordRange r) { return r.first == limit.first; }))
      roles.scopes.push_back(limit);
    return true;
  };
  const bool exempt_party = p.status == Status::Excluded && exempt_before();
  if (!reference.empty()) {
    // ("Its new luggage policy does not apply to X": a decision named with its maker's possessive is that
    // decision itself, not one reported before.)
    const bool names_itself = is_one_of(s.words[reference.first].lower, {"its", "their"});
    if (const Provision* decision = names_itself ? nullptr : referenced_decision(st, s, reference, si)) {
      p.action = decision->action;
      if (!p.actor && decision->actor) p.actor = decision->actor;
      // What the decision leaves out is the whole phrase after the verb; a labelled subject or
      // action inside it was only a part of it. (Not when the left-out party stands before the verb: "X are
      // not affected by the ban", "X are exempt from the ban".)
      const WordRange left_out = left_out_of(s, c);
      const auto within = [&](WordRange r) { return r.first >= left_out.first && r.last <= left_out.last; };
      if ((roles.subject.empty() || within(roles.subject)) && !left_unaffected(s, c) && !exempt_party)
        roles.subject = left_out;
      if (!reference_action && within(roles.action)) roles.action = {};
    } else if (reference.last - reference.first > 1) {
      // No decision reported before: the reference names it ("The new rule does not cover X").
      p.action = span_of(st.article.text, s, reference);
      // (A passive's left-out phrase stands before its verb: tidy_roles or left_unaffected set it.)
      // (A verb of exempting names its own party: "The ministry exempted taxis from the ban".)
      if (negated_cover_by(s, c).empty() && !left_unaffected(s, c) && !exempt_party && !exempted_from(s, c))
        roles.subject = left_out_of(s, c);
      roles.action = {};
      if (spans_overlap(roles.actor, reference)) roles.actor = {};
    }
  }
  // "banned X from October, the mayor said": the date a decision holds from or until, in the trigger's clause
  // and in none of its roles, is its limit whatever the labeller read; a limit of the date alone takes its
  // word of time from the action's end ("to work from home starting | next month").
  if (const WordRange when = validity_date(s, c); !when.empty()) {
    const auto overlaps = [&](WordRange r) { return spans_overlap(r, when); };
    const auto limit = std::find_if(roles.scopes.begin(), roles.scopes.end(), overlaps);
    if (limit == roles.scopes.end()) {
      // (The date closing the action read past it: "from sponsoring shirts | from the 2027 season".)
      if (roles.action.first < when.first && roles.action.last == when.last) roles.action.last = when.first;
      if (!overlaps(roles.action) && !overlaps(roles.subject) && !overlaps(roles.actor))
        roles.scopes.push_back(when);
    } else if (limit->first == when.first + 1 && roles.action.last == when.first + 1 &&
               roles.action.first < when.first) {
      limit->first = when.first;
      roles.action.last = when.first;
    }
  }
  if (!p.action) {
    if (roles.action.empty()) roles.action = frame.action;
    if (roles.action.empty()) roles.action = fallback_action(s, c);
    // "lift the curfew next week": a date is when, never what; after a verb joined to its noun, the noun is
    // what the decision is about (tidy_roles does the same for the labeller's action).
    if (c.governor && *c.governor < c.head && is_date_phrase(s, roles.action)) {
      roles.scopes.push_back(roles.action);
      roles.action = {*c.governor + 1, c.last + 1};
    }
    roles.action = destination_verb_phrase(s, c, roles.action);
    // "... to widen the approval next year": an action of nothing but the determiner of the trigger noun is
    // that noun's phrase.
    if (!roles.action.empty() && roles.action.last == c.first &&
        std::all_of(s.words.begin() + static_cast<std::ptrdiff_t>(roles.action.first),
                    s.words.begin() + static_cast<std::ptrdiff_t>(roles.action.last), [](const Word& w) {
                      return w.pos == syntax::Pos::DT || w.pos == syntax::Pos::PDT ||
                             w.pos == syntax::Pos::PRPS;
                    }))
      roles.action.last = c.last + 1;
    // "lifts fishing moratorium but keeps limits on cod": "and" or "but" and a finite verb past the trigger
    // open a second predicate, which ends the action ("to V and W" is one action); an action of nothing else
    // is the trigger noun its verb governs.
    for (std::size_t j = std::max(roles.action.first, c.last + 1); j < roles.action.last; ++j) {
      if (s.words[j].pos != syntax::Pos::CC || j + 1 >= s.words.size() ||
          !syntax::is_finite_verb(s.words[j + 1].pos))
        continue;
      roles.action.last = j;
      if (roles.action.empty() && c.governor && *c.governor < c.head)
        roles.action = {*c.governor + 1, c.last + 1};
      break;
    }
    // "banned lorries in the town centre": an action inside the party read after the trigger is that phrase,
    // misread as a party.
    if (!roles.action.empty() && roles.subject.first > c.last && roles.subject.first <= roles.action.first &&
        roles.action.last <= roles.subject.last) {
      roles.action = roles.subject;
      roles.subject = {};
    }
    p.action = span_of(st.article.text, s, roles.action);
  }
  // An actor or subject inside the action is a word of the action misread ("Street vending").
  for (WordRange* r : {&roles.actor, &roles.subject}) {
    if (!r->empty() && r->first >= roles.action.first && r->last <= roles.action.last) *r = {};
  }
  // No subject labelled: the one the verb's argument pattern names ("allowed X to V"), if any.
  if (roles.subject.empty()) {
    const WordRange framed = frame.subject;
    const bool in_action = spans_overlap(framed, roles.action);
    // ("banned trucks from May and vans from June": the second thing's party is not the first thing.)
    bool coordinated = false;
    for (std::size_t k = framed.last; k < roles.action.first && !coordinated; ++k)
      coordinated = is_one_of(s.words[k].lower, {"and", "or"});
    if (!framed.empty() && !in_action && !coordinated) roles.subject = with_opening_noun(s, c, framed);
  }
  if (!roles.subject.empty()) p.subject = span_of(st.article.text, s, roles.subject);
  // "The resolution bans X but allows Y": a verb joined to a decision before it in the sentence shares its
  // maker; a maker read between that decision's trigger and the verb is a word of its object ("banned imports
  // of timber from Belarus and froze the assets of X" is not frozen by Belarus).
  const VerbGroup joined_group = verb_group(s, c.first);
  const bool joined_decision = provisions.size() > sentence_first && provisions.back().actor &&
                               joined_group.begin > 0 &&
                               is_one_of(s.words[joined_group.begin - 1].lower, {"and", "but", "or"});
  if (joined_decision && !roles.actor.empty() && provisions.back().trigger &&
      provisions.back().actor->end <= provisions.back().trigger->start &&
      s.words[roles.actor.first].start >= provisions.back().trigger->end && roles.actor.last <= c.first)
    roles.actor = {};
  if (!roles.actor.empty() && !p.actor) {
    if (!is_reference(s, roles.actor)) {
      p.actor = span_of(st.article.text, s, roles.actor);
      st.last_actor = {p.actor, si};
    } else if (st.last_actor.span && si <= st.last_actor.sentence + 2 &&
               !names_lifted_thing(st, s, roles.actor)) {
      // "the decision", "it": the decision-maker named in this or one of the two sentences before.
      p.actor = st.last_actor.span;
    }
  }
  if (!p.actor && joined_decision) p.actor = provisions.back().actor;
  // A scope inside the subject or the action is a part of it ("the drones delivered in March"): shown once.
  // A scope that dates the decision to a year before the article's makes it background (dated_before).
  bool dated_earlier = false;
  for (const WordRange& whole : roles.scopes) {
    for (const WordRange& r : scope_parts(s, whole)) {
      Scope scope;
      scope.kind = scope_kind(s, r);
      scope.span = span_of(st.article.text, s, r);
      if (within(scope.span, p.subject) || within(scope.span, p.action)) continue;
      p.scopes.push_back(std::move(scope));
      dated_earlier = dated_earlier || dated_before(s, r, st.published_year);
    }
  }
  p.flags = flags_of(s, c);
  if (dated_earlier && !(p.flags & kFuture)) p.flags |= kHistorical;
  // "lifts a restriction that had kept X from V-ing", read from the restricting verb of the
  // relative clause: its pluperfect tells when the restriction held, not that the lifting is past.
  if (p.status == Status::Lifted && pronoun >= 0) p.flags &= ~kHistorical;
  // Two trigger words of one statement ("threatened with sanctions"): the provision is stated once. (Not one
  // whose trigger is in the act a penalty is faced for: "Firms that break the curfew face fines" bars the
  // act.)
  const bool penalty = (c.sections & bit(Section::SanctionNoun)) != 0;
  const auto restates = [&](const Provision& q) {
    return q.status == p.status && q.action && names_same_thing(*q.action, *p.action) &&
           !(penalty && q.trigger && within(*q.trigger, p.action));
  };
  if (std::any_of(provisions.begin() + sentence_first, provisions.end(), restates)) return;
  provisions.push_back(std::move(p));
  pronouns.push_back(pronoun_offset);
  st.last_provision_sentence = si;
}

// "The measures prohibit EU companies from ...": the tagger may read a verb between two noun phrases as a
// noun. A one-word trigger the lexicon knows only as a verb of deciding (no noun section: "prohibit",
// "forbids"), tagged as a noun, right before the start of a noun phrase, is that verb.
bool verb_tagged_as_noun(const SentenceView& s, const Candidate& c) {
  const Word& w = s.words[c.head];
  constexpr Sections kNounReadings = kNounFrameSections | bit(Section::Legality) | bit(Section::DecisionNoun);
  if (c.first != c.last || !syntax::is_noun(w.pos) || !(w.starts & kVerbFrameSections) ||
      (w.covered & kNounReadings) || c.last + 1 >= s.words.size())
    return false;
  const syntax::Pos next = s.words[c.last + 1].pos;
  return next == syntax::Pos::DT || next == syntax::Pos::PRPS || next == syntax::Pos::PRP ||
         next == syntax::Pos::CD || syntax::is_noun(next) || syntax::is_adjective(next);
}

// "The Union imposed sanctions on ... . The measures freeze their assets and ban ...": a finite verb trigger
// without a modal whose subject refers back to a decision ("the measures", "these rules") states what that
// decision does. When a provision in force was reported in one of the two sentences before, the candidate
// is in force too, not a proposal ("measures" and "rules" on their own are often bills).
// `coordinated`: a candidate before it in the sentence continued the decision, and a verb joined to that one
// by "and"/"or" ("... freeze their assets and ban ...") shares its subject.
bool continues_decision_in_force(const ArticleState& st, const SentenceView& s, const Candidate& c,
                                 std::size_t si, std::size_t sentence_first, bool coordinated) {
  const VerbGroup g = verb_group(s, c.first);
  if (!g.modal.empty() || g.to || g.begin < 2) return false;
  const syntax::Pos verb = s.words[c.first].pos;
  const bool finite = verb == syntax::Pos::VBZ || verb == syntax::Pos::VBP || verb == syntax::Pos::VBD ||
                      (g.be && verb == syntax::Pos::VBN) || verb_tagged_as_noun(s, c);
  // The second verb of "freeze ... and ban ..." is often tagged as a bare form.
  if (coordinated && (finite || verb == syntax::Pos::VB) &&
      is_one_of(s.words[g.begin - 1].lower, {"and", "or"}))
    return true;
  if (!finite) return false;
  if (!is_reference(s, {g.begin - 2, g.begin})) return false;
  if (sentence_first == 0 || si > st.last_provision_sentence + 2) return false;
  const std::vector<Provision>& provisions = st.provisions;
  const std::size_t last_sentence = provisions[sentence_first - 1].sentence.start;
  return std::any_of(
      provisions.begin(), provisions.begin() + static_cast<std::ptrdiff_t>(sentence_first),
      [&](const Provision& q) { return q.sentence.start == last_sentence && stated_in_force(q); });
}

// Whether candidate `c` is a verb of deciding in a finite form (the tagger may read a verb in "-s" as a
// plural noun; before a determiner it is the verb: "The embargo bars the supply of X").
bool finite_decision_verb(const SentenceView& s, const Candidate& c) {
  if (!(c.sections & kVerbFrameSections) || is_noun_frame(c.sections)) return false;
  const syntax::Pos pos = s.words[c.head].pos;
  const std::size_t next = c.last + 1;
  return pos == syntax::Pos::VBZ || pos == syntax::Pos::VBD || pos == syntax::Pos::VBP ||
         (pos == syntax::Pos::NNS && next < s.words.size() &&
          (s.words[next].pos == syntax::Pos::DT || s.words[next].pos == syntax::Pos::PRPS));
}

// "Spare parts are exempt, as are radios", "Diesel cars are banned, as are vans": ", as are" (or "as is") and
// a noun phrase after a provision of the sentence with a party gives that party the same provision.
void add_elliptical_parties(ArticleState& st, const SentenceView& s, std::size_t sentence_first) {
  std::vector<Provision>& provisions = st.provisions;
  const std::size_t n = s.words.size();
  for (std::size_t k = 1; k + 2 < n; ++k) {
    if (s.words[k - 1].lower != "," || s.words[k].lower != "as" ||
        !is_one_of(s.words[k + 1].lower, {"are", "is"}))
      continue;
    WordRange party = np_starting_at(s, k + 2, clause_end(s, k + 2));
    // (With its examples: "equipment such as radios".)
    if (party.last + 1 < n && s.words[party.last - 1].lower == "such" && s.words[party.last].lower == "as")
      party.last = np_starting_at(s, party.last + 1, clause_end(s, party.last + 1)).last;
    const bool noun = std::any_of(s.words.begin() + static_cast<std::ptrdiff_t>(party.first),
                                  s.words.begin() + static_cast<std::ptrdiff_t>(party.last),
                                  [](const Word& w) { return syntax::is_noun(w.pos); });
    if (!noun) continue;
    const std::size_t at = s.words[k].start;
    // (The party before the verb is who the provision is about, or, in the passive of a thing, what it
    // decides: "Diesel cars are banned, as are older vans".)
    for (std::size_t q = provisions.size(); q-- > sentence_first;) {
      const Provision& p = provisions[q];
      if (!p.trigger || p.trigger->end > at) continue;
      const bool who = p.subject && p.subject->end <= p.trigger->start;
      const bool what = !p.subject && p.action && p.action->end <= p.trigger->start;
      if (!who && !what) continue;
      Provision copy = p;
      (who ? copy.subject : copy.action) = span_of(st.article.text, s, party);
      copy.scopes.clear();
      provisions.push_back(std::move(copy));
      break;
    }
  }
}

// "The ban will not affect food trucks", "does not affect": the decision a word for it names as the subject
// of a negated verb of affecting, and the party after the verb; empty when the words at `k` ("not") are not
// so placed.
WordRange not_affecting(const SentenceView& s, std::size_t k, WordRange& party) {
  if (k + 2 >= s.words.size() || !s.words[k].negative || s.words[k + 1].lemma != "affect" ||
      (s.words[k + 1].pos != syntax::Pos::VB && s.words[k + 1].pos != syntax::Pos::VBP))
    return {};
  // ("does not affect": the auxiliary "do" is part of the verb group.)
  std::size_t group = verb_group(s, k + 1).begin;
  if (group > 0 && is_one_of(s.words[group - 1].lower, {"does", "do", "did"})) --group;
  const WordRange reference = subject_phrase_before(s, group);
  if (!is_reference(s, reference, true)) return {};
  party = np_starting_at(s, k + 2, clause_end(s, k + 2));
  return party.empty() ? WordRange{} : reference;
}

// "Humanitarian aid is not affected by the measures", "The ban will not affect food trucks": a party that a
// decision named only by a word for it ("the measures", "the decision", "the ban") does not affect or cover
// is left out of the decision reported before (in this or one of the two sentences before). In the passive
// such a word is no trigger, so no candidate reads it; in the active a trigger word there names the decision.
void read_unaffected_by_reference(ArticleState& st, const SentenceView& s, const text::Sentence& sentence,
                                  std::size_t si, const std::vector<Candidate>& candidates) {
  const std::size_t n = s.words.size();
  if (!s.tagged || st.provisions.empty() || si > st.last_provision_sentence + 2) return;
  for (std::size_t k = 1; k + 2 < n; ++k) {
    WordRange party;
    WordRange reference = not_affecting(s, k, party);
    if (reference.empty()) {
      if (k + 4 >= n || !says_not_affected(s.words, k) || s.words[k + 2].lower != "by") continue;
      reference = np_starting_at(s, k + 3, clause_end(s, k + 3));
      if (!is_reference(s, reference, true)) return;
      // (A trigger word there is a candidate of its own: "not affected by the ban"; so is a verb of covering,
      // "not covered by the decision".)
      for (const Candidate& c : candidates) {
        if ((c.first >= reference.first && c.last < reference.last) || c.first == k + 1) return;
      }
      party = subject_phrase_before(s, verb_group(s, k + 1).begin);
    }
    if (party.empty()) return;
    const Provision* decision = referenced_decision(st, s, reference, si);
    if (decision == nullptr || !decision->action) return;
    Provision p;
    p.status = Status::Excluded;
    p.sentence = span_of_text(st.article.text, sentence.start, sentence.end);
    p.trigger = span_of(st.article.text, s, {k + 1, k + 2});
    p.action = decision->action;
    p.actor = decision->actor;
    p.subject = span_of(st.article.text, s, party);
    p.flags = kNegated;
    st.provisions.push_back(std::move(p));
    st.last_provision_sentence = si;
    return;
  }
}

// The provisions of one window of sentence `si` (a sentence, or a part of a run-on text).
void read_window(ArticleState& st, const text::TextIndex& index, const std::vector<Entity>& entities,
                 const Models& models, const text::Sentence& sentence, std::size_t si) {
  SentenceView view = view_sentence(st.article.text, index, sentence, entities, false);
  retag_misread_words(view);
  const SentenceView& s = view;
  std::vector<Candidate> candidates = find_candidates(s, true);
  if (candidates.size() > kMaxCandidates) candidates.resize(kMaxCandidates);
  read_unaffected_by_reference(st, s, sentence, si, candidates);
  if (candidates.empty()) return;
  const std::vector<int> classes = classify(s, candidates, models);
  // "barring them from entering": the verb of prohibiting, not the carve-out ("barring a deal", "barring
  // catches from the reef"), when "from" and a gerund follow its object. (After the classifier, which was
  // trained on the lexicon's sections.)
  for (Candidate& c : candidates) {
    if (!(c.sections & bit(Section::Except)) || !(c.sections & bit(Section::Prohibit))) continue;
    for (std::size_t k = c.last + 1;
         k + 1 < s.words.size() && k <= c.last + 6 && !is_clause_punct(s.words[k]); ++k) {
      if (s.words[k].lower == "from" && s.words[k + 1].lower.ends_with("ing")) {
        c.sections &= ~bit(Section::Except);
        break;
      }
    }
  }
  std::vector<Provision>& provisions = st.provisions;
  const std::size_t sentence_first = provisions.size();
  std::vector<std::size_t> pronouns;  // per provision of this window: see merge_lifted_content
  bool decision_continued = false;    // see continues_decision_in_force
  bool proposal_blocked = false;      // see blocks_a_proposal
  std::size_t blocker = 0;            // the verb that blocks it
  // "X is not covered by the ban", "The new rule does not cover X": the decisions a verb of covering names,
  // after its passive's "by" or as its subject. Their own trigger words state nothing of their own.
  std::vector<WordRange> covered_by(candidates.size());
  std::vector<WordRange> named_decisions;
  std::vector<WordRange> named_by_subject;  // (nouns of deciding only: "The embargo bars X")
  for (std::size_t k = 1; k < s.words.size(); ++k) {
    WordRange party;
    if (const WordRange reference = not_affecting(s, k, party); !reference.empty())
      named_decisions.push_back(reference);
  }
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    covered_by[k] = negated_cover_by(s, candidates[k]);
    if (!covered_by[k].empty()) named_decisions.push_back(covered_by[k]);
    if (candidates[k].sections & bit(Section::Cover)) {
      const WordRange subject = subject_reference(s, candidates[k]);
      if (!subject.empty()) named_decisions.push_back(subject);
    }
    // "The embargo bars the supply of X": a noun of deciding as the subject of a finite verb of deciding (in
    // the active) names that decision, its maker; it states none of its own.
    // (The phrase opens its clause, and an object follows the verb: not "wanted all sanctions lifted".)
    const std::size_t next = candidates[k].last + 1;
    if (finite_decision_verb(s, candidates[k]) && next < s.words.size() && is_np_word(s.words[next])) {
      const VerbGroup g = verb_group(s, candidates[k].first);
      const WordRange maker = subject_phrase_before(s, g.begin);
      const bool opens = !maker.empty() && (maker.first == clause_begin(s, maker.first) ||
                                            s.words[maker.first - 1].lower == "that");
      if (!g.be && !g.to && opens) named_by_subject.push_back(maker);
    }
  }
  // Rules a decision kept from being enforced ("blocked the city from enforcing its ban on X"): what they
  // restrict is lifted, not restricted anew.
  std::vector<WordRange> lifted_rules;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const Candidate& c = candidates[k];
    const auto inside = [&](WordRange r) { return r.first <= c.first && c.last < r.last; };
    if (std::any_of(lifted_rules.begin(), lifted_rules.end(), inside)) continue;
    if (object_of_preposition(s, c) || held_by_party(s, c) || suspends_own_activity(s, c) ||
        steps_on_a_bill(s, c) || proposal_not_approved(s, c) || states_no_decision(s, c))
      continue;
    // "any scooter left blocking a footpath", "cars found blocking the exit": a gerund after a participle of
    // leaving or finding says what a thing was doing, not what anyone decided.
    if (c.first >= 2 && c.first == c.last && s.words[c.first].pos == syntax::Pos::VBG &&
        (s.words[c.first - 1].pos == syntax::Pos::VBN || s.words[c.first - 1].pos == syntax::Pos::VBD) &&
        is_one_of(s.words[c.first - 1].lemma, {"leave", "find", "see", "catch", "spot", "discover"}) &&
        syntax::is_noun(s.words[c.first - 2].pos))
      continue;
    // "tested positive for a prohibited steroid", "the licensed trade": a participle that qualifies a noun
    // right after a determiner names a kind of thing, not a decision.
    // So does a gerund there ("the council's licensing panel").
    if (c.first > 0 && c.first == c.last && c.last + 1 < s.words.size()) {
      const syntax::Pos before = s.words[c.first - 1].pos;
      const Word& next = s.words[c.last + 1];
      const bool opened =
          before == syntax::Pos::DT || before == syntax::Pos::PRPS || before == syntax::Pos::POS;
      const bool gerund = s.words[c.first].lower.ends_with("ing") && syntax::is_noun(next.pos) &&
                          !(next.starts & kTriggerSections);
      // (Not when a negated "be" says what the thing is not: "was not an illegal weapon".)
      if (opened && (is_attributive(s, c) || gerund) && !negated_legality(s, c)) continue;
    }
    // A carve-out ("except X", "but not X") after a provision of the sentence limits that provision,
    // whatever the classifier made of the preposition on its own.
    const bool carve_out = ((c.sections & bit(Section::Except)) || !joined_exemption(s, c).empty()) &&
                           limited_provision(provisions, sentence_first, s, c, false) != nullptr;
    int cls = carve_out ? static_cast<int>(Status::Excluded) : classes[k];
    const VerbGroup group = verb_group(s, c.first);
    // "X is not covered by the ban": left out of that decision, whatever the classifier read. So is what
    // "the sanctions do not apply to" once a decision was reported.
    if (!covered_by[k].empty() || (c.sections & bit(Section::Cover) && group.negated &&
                                   !st.provisions.empty() && !subject_reference(s, c).empty()))
      cls = static_cast<int>(Status::Excluded);
    // (A subject reference ends before its verb group: no candidate names itself.)
    const bool names_the_decision =
        std::any_of(named_decisions.begin(), named_decisions.end(), inside) ||
        (is_noun_frame(c.sections) && std::any_of(named_by_subject.begin(), named_by_subject.end(), inside));
    if (names_the_decision) continue;
    const bool proposal_context =
        proposed_in_that_clause(s, c) || proposed_by_verb_above(s, c) || proposal_named_in_phrase(s, c);
    if (cls != kNoProvision && cls != static_cast<int>(Status::Excluded) && proposal_context)
      cls = static_cast<int>(Status::Proposed);
    // The best status in force of this candidate, for the rules below that find it stated in force.
    const auto in_force = [&] {
      Features features;
      status_features(s, candidates, k, features);
      return in_force_status(features, models);
    };
    // Who took the decision when the words around the trigger say so (ordered, announced or enacted it).
    WordRange ordered;  // "ordered the company to stop V-ing": who must stop
    WordRange decider = ordered_by_decision_maker(s, c, ordered);
    if (decider.empty()) decider = reported_announcer(s, c);
    if (decider.empty()) decider = enacted_by_decision_maker(s, c);
    if (decider.empty()) decider = granted_by_authority(s, c);
    // "The judge refused to let the firm V": the act stays prohibited, whatever the classifier read.
    if (const WordRange refuser = refused_permission(s, c); !refuser.empty()) {
      cls = static_cast<int>(Status::Prohibited);
      decider = refuser;
    } else if (const WordRange withholder = withheld_permission(s, c); !withholder.empty()) {
      cls = static_cast<int>(Status::Imposed);
      decider = withholder;
    }
    WordRange approver;
    const bool approved = approved_plan(s, c, approver) || decided_to(s, c, approver);
    if (decider.empty()) decider = approver;
    if (decider.empty()) decider = voted_by_decision_body(s, group);
    // The status in force the trigger's words compose to ("ending a freeze" lifts), if any.
    const std::optional<Status> stated = status_in_force_of(reading_of(s, c, group));
    // (What the words compose to comes first: "will impose a curfew" imposes, whatever the model's second
    // choice.)
    if ((cls == static_cast<int>(Status::Proposed) || cls == kNoProvision) &&
        (announced_by_decision_maker(s, c) || counted_among_deciders(s, c) || !decider.empty() || approved))
      cls = stated ? static_cast<int>(*stated) : in_force();
    // The maker of the decision this candidate is a consequence of: its actor, whatever the labeller took (a
    // copy: the provisions added below may move the decision).
    const Provision* consequence_of = consequence_of_decision(s, c, provisions, sentence_first);
    const std::optional<Status> composed = consequence_of ? stated : std::nullopt;
    // Where the classifier read nothing, only a clause whose words compose to a decision ("ending a ban").
    if (cls == kNoProvision && !composed) consequence_of = nullptr;
    const bool consequence = consequence_of != nullptr;
    const std::optional<Span> decision_actor = consequence ? consequence_of->actor : std::nullopt;
    // What the clause does is what its words compose to ("ending a freeze" lifts), else the classifier's best
    // status in force.
    if (consequence && (cls == static_cast<int>(Status::Proposed) || cls == kNoProvision))
      cls = composed ? static_cast<int>(*composed) : in_force();
    // The classifier reads a decision noun as the subject of a proposal ("measures" and "rules" are often
    // bills) or of nothing; after a decision in force it is that decision (continues_decision_in_force).
    const bool decision_verb = (c.sections & kVerbFrameSections) != 0;
    if ((cls == static_cast<int>(Status::Proposed) || (cls == kNoProvision && decision_verb)) &&
        continues_decision_in_force(st, s, c, si, sentence_first, decision_continued)) {
      cls = in_force();
      decision_continued = true;
    }
    const std::size_t rejecter = rejects_proposed_restriction(s, c, group);
    if (rejecter && cls != kNoProvision && cls != static_cast<int>(Status::Excluded))
      cls = static_cast<int>(Status::Proposed);
    if (blocks_a_proposal(s, c)) {
      proposal_blocked = true;
      blocker = c.first;
      continue;
    }
    if (proposal_blocked && cls != kNoProvision && cls != static_cast<int>(Status::Excluded))
      cls = static_cast<int>(Status::Proposed);
    // "The permission applies only to X": the limits of a decision reported before, not a provision.
    if (const DecisionLimits limits = limits_of_decision(s, c); !limits.limits.empty()) {
      const WordRange reference = limits.reference;
      if (Provision* decision = referenced_decision(st, s, reference, si)) {
        for (const WordRange r : limits.limits)
          decision->scopes.push_back(Scope{scope_kind(s, r), span_of(st.article.text, s, r)});
        // The reference's own trigger word ("the ban") names the decision; it states none.
        const std::size_t from = s.words[reference.first].start, to = s.words[reference.last - 1].end;
        for (std::size_t q = provisions.size(); q-- > sentence_first;) {
          if (provisions[q].trigger && provisions[q].trigger->start >= from &&
              provisions[q].trigger->end <= to) {
            erase_provision(provisions, pronouns, sentence_first, q);
          }
        }
        continue;
      }
    }
    // A modal the detector passed over may still state a rule with its limit ("may V only on weekends"). So
    // may a negated modal before a verb of deciding, whatever the detector read: "The court ruled that the
    // government may not deport the men" forbids deporting, it deports no one.
    std::optional<ModalRule> modal;
    std::optional<std::size_t> ruled_by;  // the decision whose maker a modal's rule with none takes
    const bool deontic_negation =
        group.negated && is_one_of(group.modal, {"may", "can", "cannot", "can't", "must", "mustn't"});
    if (cls == kNoProvision || (deontic_negation && (c.sections & kVerbFrameSections))) {
      const bool after_decision =
          std::any_of(provisions.begin() + static_cast<std::ptrdiff_t>(sentence_first), provisions.end(),
                      [&](const Provision& p) { return p.status != Status::Proposed; });
      // What a decision in force of the three sentences before is about (the last one reported): its action,
      // and the party it names ("... allow food trucks to park there. The trucks must not sell alcohol").
      // When the modal's rule names nothing the last one is about, an earlier decision of those sentences
      // that it names is the one ("... allowed X to use howitzers near the border. It still forbids missiles.
      // The decision does not cover Z. X may not use the howitzers against Y").
      std::vector<std::size_t> earlier;  // those decisions, the last reported first
      const std::size_t window_start = index.sentences[si >= 3 ? si - 3 : 0].start;
      for (std::size_t q = sentence_first; q-- > 0 && provisions[q].sentence.start >= window_start;) {
        if (stated_in_force(provisions[q]) && provisions[q].action) earlier.push_back(q);
      }
      const auto about = [&](std::size_t q) {
        std::string text = provisions[q].action->text;
        if (provisions[q].subject) text += " " + provisions[q].subject->text;
        return text;
      };
      std::string earlier_about = earlier.empty() ? std::string() : about(earlier.front());
      std::string_view earlier_action = earlier_about;
      std::size_t earlier_from = earlier.empty() ? sentence_first : earlier.front();
      // Before any provision of the text, in its first sentences: the decision its title announces.
      if (sentence_first == 0 && si <= 2) earlier_action = st.headline_action;
      modal = modal_rule(s, c, after_decision, earlier_action);
      for (std::size_t e = 1; !modal && e < earlier.size(); ++e) {
        const std::string other = about(earlier[e]);
        modal = modal_rule(s, c, after_decision, other);
        if (modal) earlier_from = earlier[e];
      }
      // The candidates keep a verb of the lexicon over the modal before it ("may keep chickens": "keep" is
      // there for "keep X out"). When the verb states nothing, the modal's own rule is still read, and the
      // modal is the trigger from here on (`c` refers to candidates[k]).
      if (!modal && (c.sections & kVerbFrameSections) && syntax::is_verb(s.words[c.head].pos)) {
        for (std::size_t j = group.begin; j < c.first; ++j) {
          if (!(s.words[j].starts & bit(Section::Modal))) continue;
          Candidate passed_over;
          passed_over.first = passed_over.last = passed_over.head = j;
          passed_over.sections = bit(Section::Modal);
          passed_over.lemma = s.words[j].lemma;
          modal = modal_rule(s, passed_over, after_decision, earlier_action);
          if (modal) candidates[k] = passed_over;
          break;
        }
      }
      // "... banned X, but residents can still V", "... lifted the ban. Anglers may now V": what a modal says
      // a party may or may not do after a decision in force (of this sentence, or the one the earlier action
      // is from) is that decision's, and so is its maker when the sentence names none.
      if (modal && modal->roles.actor.empty() &&
          (modal->status == Status::Allowed || modal->status == Status::Prohibited)) {
        for (std::size_t q = provisions.size(); q-- > sentence_first && !ruled_by;) {
          if (stated_in_force(provisions[q]) && provisions[q].actor) ruled_by = q;
        }
        // (The earlier decisions are in force.)
        if (!ruled_by && !earlier_action.empty() && earlier_from < sentence_first &&
            provisions[earlier_from].actor)
          ruled_by = earlier_from;
      }
    }
    // "Small cafés are not affected by the ban": the cafés are left out of it, whatever the classifier read.
    if (!modal) modal = left_unaffected(s, c);
    // "Germany will no longer limit X": a decision maker lifting its restriction.
    if (!modal) modal = stops_restricting(s, c);
    if (!modal) modal = struck_down_as_unlawful(s, c);
    if (!modal) modal = penalty_faced(s, c);
    if (!modal) modal = permission_required(s, c);
    if (!modal) modal = permission_granted_in_passive(s, c);
    if (!modal) modal = capped_at_amount(s, c);
    if (!modal) modal = changed_in_passive(s, c);
    if (!modal) modal = comes_into_force(s, c);
    if (!modal) modal = legality_for_party(s, c);
    if (!modal) modal = negated_legality(s, c);
    if (!modal) modal = kept_in_place(s, c);
    if (!modal) modal = remains_in_place(s, c);
    if (!modal) modal = no_restriction_on(s, c);
    if (!modal) modal = needs_no_permission(s, c);
    if (!modal) modal = added_to_list(s, c);
    if (!modal) modal = exempted_from(s, c);
    // "Firms that break the limits will face fines": the penalty a rule sets for an act bars the act, though
    // the classifier read a proposal in "will".
    if (!modal && cls == static_cast<int>(Status::Proposed) && !proposal_context)
      modal = penalty_faced(s, c, true);
    // "Washington slapped 50 percent tariffs on X", "lifted its suspension of X": a verb on its trigger noun,
    // in a finite clause of its own, states what its words compose to where the classifier read nothing.
    if (cls == kNoProvision || cls == static_cast<int>(Status::Proposed)) {
      if (const std::optional<Status> composed_status = composed_in_force(s, c))
        cls = static_cast<int>(*composed_status);
      else if (cls == kNoProvision && raises_trade_restriction(s, c))
        cls = static_cast<int>(Status::Imposed);
    }
    // "Officials placed X under quarantine": a restriction imposed on X.
    if (!modal && (cls == kNoProvision || cls == static_cast<int>(Status::Imposed) ||
                   cls == static_cast<int>(Status::Prohibited)))
      modal = placed_under_restriction(s, c);
    // "Taurus missiles, which remain off limits": a restriction in force, whatever the classifier read.
    if ((cls == kNoProvision || cls == static_cast<int>(Status::Allowed)) && still_barred(s, c))
      cls = static_cast<int>(Status::Prohibited);
    // A restriction stated by a construction whose parts are known ("X remains banned in Y", "X is no longer
    // allowed"): its roles are the construction's, whether the classifier read the restriction or nothing. A
    // ban that remains or stays is one in force, not a new one; otherwise the classifier's status stays.
    const bool restriction =
        cls == static_cast<int>(Status::Prohibited) || cls == static_cast<int>(Status::Imposed);
    // A permission negated in its own clause ("X is not permitted", "No X is permitted") is a prohibition,
    // whatever status the classifier gave it.
    const bool permission = cls == static_cast<int>(Status::Allowed) && (c.sections & bit(Section::Permit));
    if (!modal && (cls == kNoProvision || restriction || permission)) {
      modal = stated_prohibition(s, c, restriction);
      if (modal && restriction && !(c.sections & bit(Section::Prohibit)))
        modal->status = static_cast<Status>(cls);
    }
    // In a clause of condition nothing is in force: what the classifier read is at most proposed, and a rule
    // of structure reads nothing there ("If the change is not accepted" prohibits nothing).
    const bool conditional = in_condition(s, c.first);
    if (modal && conditional) continue;
    if (modal) cls = static_cast<int>(modal->status);
    // A restriction someone defies or obeys stands (a new one was imposed), whatever the classifier read.
    const std::size_t defied = modal || conditional ? 0 : defied_restriction(s, c);
    if (defied > 0 && cls != static_cast<int>(Status::Excluded) && cls != static_cast<int>(Status::Lifted))
      cls = static_cast<int>(new_restriction(s, c) ? Status::Imposed : Status::Prohibited);
    // "The court blocked the city's ban on X", "a judge halted the curfew": stopping a restriction in force
    // (one named with "the" or its owner) lifts it, whatever the classifier read but a proposal. ("blocked a
    // ban", "blocked the proposed ban": none was in force, the classifier's reading stays.)
    const bool stopping =
        cls != static_cast<int>(Status::Proposed) && !modal && stops_restriction(s, c, group);
    if (stopping) cls = static_cast<int>(Status::Lifted);
    if (cls == kNoProvision) continue;
    if (conditional && cls != static_cast<int>(Status::Excluded)) cls = static_cast<int>(Status::Proposed);
    if (cls != static_cast<int>(Status::Excluded) && framed_by_proposal(s, c.first))
      cls = static_cast<int>(Status::Proposed);
    if (cls != static_cast<int>(Status::Excluded) && hypothetical_infinitive(s, c))
      cls = static_cast<int>(Status::Proposed);
    // The verb "sanction" approves a plan or a decision ("sanctioned the stadium plan") and punishes anyone
    // else ("sanctioned three banks"), whatever sense the classifier took.
    if (const int sense = sanction_sense(s, c); sense != 0 && !modal &&
                                                cls != static_cast<int>(Status::Proposed) &&
                                                cls != static_cast<int>(Status::Excluded))
      cls = static_cast<int>(sense > 0 ? Status::Allowed : Status::Imposed);
    // "The ministry does not allow X to V": a verb of permitting negated in its own active verb group
    // restricts, whatever permitting status the classifier gave it (an exemption, a permission); with "will"
    // or "would" ("will not let X V") the restriction is a new one.
    if (!modal && negated_permitting_verb(s, c, group) &&
        (cls == static_cast<int>(Status::Allowed) || cls == static_cast<int>(Status::Excluded) ||
         cls == static_cast<int>(Status::Lifted)))
      cls = static_cast<int>(is_one_of(group.modal, {"will", "would", "'ll", "'d", "wo", "won't", "wouldn't"})
                                 ? Status::Imposed
                                 : Status::Prohibited);
    // A verb joined to its trigger noun whose words compose to a restriction ("tightened controls on X") or a
    // lifting ("lifted the ban") states that, whatever polarity the classifier gave it.
    // (Only a verb and a noun that each name a restriction, or a lifting verb on one: a noun of permitting
    // composes both ways, "restricting access", "free access"; the training data's verbs of imposing
    // ("subject to a moratorium") too.)
    constexpr Sections kRestrictionVerbs =
        bit(Section::Prohibit) | bit(Section::Restrict) | bit(Section::Lift);
    // A verb of lifting on a noun of permitting ("revoked licences for X") restricts too; the governor must
    // be read as a verb ("free access", "subject to" are not).
    const bool revoking = c.governor && (c.sections & bit(Section::PermitNoun)) &&
                          (c.governor_sections & (bit(Section::Lift) | bit(Section::Sanction))) &&
                          syntax::is_verb(s.words[*c.governor].pos);
    const bool restricting =
        c.governor && (c.sections & kRestrictionNouns) && (c.governor_sections & kRestrictionVerbs);
    if ((restricting || revoking) && !stopping &&
        (cls == static_cast<int>(Status::Allowed) || cls == static_cast<int>(Status::Lifted) ||
         cls == static_cast<int>(Status::Prohibited) || cls == static_cast<int>(Status::Imposed))) {
      const Reading reading = group.negated ? Reading::None : reading_of(s, c, group);
      const bool permitting =
          cls == static_cast<int>(Status::Allowed) || cls == static_cast<int>(Status::Lifted);
      if ((reading == Reading::Restrict || reading == Reading::Impose) && permitting)
        cls = static_cast<int>(Status::Imposed);
      else if (reading == Reading::Lift && cls != static_cast<int>(Status::Lifted))
        cls = static_cast<int>(Status::Lifted);
    }
    const bool continues = continues_restriction(s, c);
    if (cls == static_cast<int>(Status::Imposed) && continues) cls = static_cast<int>(Status::Prohibited);
    // "Small shops will still be allowed to open": a permission that goes on is one in force, not a proposal,
    // unless one is named around it.
    if (cls == static_cast<int>(Status::Proposed) && !proposal_context && !group.to &&
        (group.modal.empty() || group.modal == "will") && reading_of(s, c, group) == Reading::Permit &&
        std::any_of(s.words.begin() + static_cast<std::ptrdiff_t>(group.begin),
                    s.words.begin() + static_cast<std::ptrdiff_t>(c.first),
                    [](const Word& w) { return (w.starts & bit(Section::Continuation)) != 0; }))
      cls = static_cast<int>(Status::Allowed);
    // A new trade restriction (a tariff, duty, quota or levy) is imposed, not a standing prohibition ("raised
    // import duties on steel").
    if (cls == static_cast<int>(Status::Prohibited) && !continues && is_trade_restriction(s.words[c.head]))
      cls = static_cast<int>(Status::Imposed);
    // "should have banned X", "would have allowed Y": what was not done (a wish, or a draft that failed) is
    // not in force.
    if (cls != static_cast<int>(Status::Excluded) && cls != static_cast<int>(Status::Proposed) &&
        group.have && is_one_of(group.modal, {"should", "would", "could", "might"}))
      cls = static_cast<int>(Status::Proposed);
    if (cls != static_cast<int>(Status::Excluded) &&
        (names_earlier_decision(s, c, provisions, sentence_first) || reference_point(s, c) ||
         judges_a_restriction(s, c)))
      continue;
    // "does not apply to licensed displays", "bars landlords from evicting tenants", "lets boards restrict
    // fishing": a participle qualifying a noun of a provision's action or subject, or a gerund or bare verb
    // in it (the barred or allowed act), is part of it.
    const std::size_t at = s.words[c.first].start;
    const auto holds_trigger = [&](const std::optional<Span>& r) {
      return r && r->start <= at && at < r->end;
    };
    const syntax::Pos head_pos = s.words[c.head].pos;
    const auto window_provisions = [&](auto holds) {
      return std::any_of(provisions.begin() + static_cast<std::ptrdiff_t>(sentence_first), provisions.end(),
                         holds);
    };
    if ((is_attributive(s, c) || syntax::is_verb(head_pos)) && window_provisions([&](const Provision& p) {
          return holds_trigger(p.action) || holds_trigger(p.subject);
        }))
      continue;
    // "imposed a moratorium on new permits": a noun of permitting in the action of a decision before it is
    // what that decision is about.
    if ((c.sections & bit(Section::PermitNoun)) && syntax::is_noun(head_pos) &&
        window_provisions([&](const Provision& p) { return holds_trigger(p.action); }))
      continue;
    // "may park only if they hold a permit": a trigger in the condition a provision holds as its limit is
    // part of that limit.
    if (conditional && window_provisions([&](const Provision& p) {
          return std::any_of(p.scopes.begin(), p.scopes.end(),
                             [&](const Scope& r) { return holds_trigger(r.span); });
        }))
      continue;
    // "a permit from the city's licensing office": a modifier of a noun in a provision's limit is part of it.
    if (!carve_out && c.first == c.last && c.last + 1 < s.words.size() &&
        syntax::is_noun(s.words[c.last + 1].pos) && !(s.words[c.last + 1].starts & kTriggerSections) &&
        window_provisions([&](const Provision& p) {
          return std::any_of(p.scopes.begin(), p.scopes.end(),
                             [&](const Scope& r) { return holds_trigger(r.span); });
        }))
      continue;
    Roles labelled = modal ? modal->roles : label_roles(s, c, models);
    const int pronoun = relative_pronoun(s, c);
    // For merge_lifted_content: where the relative clause a trigger verb stands in opens, if it does.
    const std::size_t pronoun_offset = pronoun >= 0 && syntax::is_verb(s.words[c.head].pos)
                                           ? s.words[static_cast<std::size_t>(pronoun)].start
                                           : std::string::npos;
    // What the verb's argument pattern names: the action and subject when the labeller found none.
    // (A modal rule has its roles from its construction; "it must not be sold" names no party.)
    ArgumentFrame frame = modal ? ArgumentFrame{} : argument_frame(s, c);
    // "banned Ana Lind from all games", "barred the coach, Ana Lind, from all games", "barred them from
    // V-ing": what a verb of prohibiting bars a party from is never read inside that party.
    const auto barred_party = [&] {
      if (frame.parenthetical || s.words[frame.action.first].pos == syntax::Pos::VBG) return true;
      return std::any_of(s.words.begin() + static_cast<std::ptrdiff_t>(frame.subject.first),
                         s.words.begin() + static_cast<std::ptrdiff_t>(frame.subject.last),
                         [](const Word& w) { return w.entity != kNoEntity || w.pos == syntax::Pos::PRP; });
    };
    if (frame.pattern == Pattern::ObjectFrom && (c.sections & bit(Section::Prohibit)) &&
        !frame.action.empty() && spans_overlap(labelled.action, frame.subject) && barred_party()) {
      labelled.subject = frame.subject;
      labelled.action = frame.action;
    }
    tidy_roles(s, c, labelled);
    // "Strikes on X remain off limits, and Y cannot V": a maker read inside the trigger words of another
    // candidate of the sentence ("limits") is a word of deciding, not who decides.
    if (!labelled.actor.empty() && std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& o) {
          return o.first <= labelled.actor.first && labelled.actor.last <= o.last + 1 && o.first != c.first;
        }))
      labelled.actor = {};
    // "The company won approval to V", "obtained an exemption": who obtains a permission or an exemption is
    // its party, not its maker.
    if ((c.sections & (bit(Section::PermitNoun) | bit(Section::ExemptNoun))) &&
        syntax::is_noun(s.words[c.head].pos)) {
      const std::size_t noun_phrase = modifiers_start(s, c.first);
      const std::size_t verb = noun_phrase > 0 ? noun_phrase - 1 : 0;
      if (noun_phrase > 0 && syntax::is_verb(s.words[verb].pos) &&
          is_one_of(s.words[verb].lemma, {"win", "obtain", "secure", "receive", "get", "gain", "earn"})) {
        const std::size_t obtained = verb_group(s, verb).begin;
        WordRange party = subject_phrase_before(s, before_time_adjunct(s, obtained));
        if (party.empty()) party = joined_verb_subject(s, obtained);
        if (!party.empty() && s.words[party.first].pos != syntax::Pos::PRP) {
          labelled.subject = party;
          if (spans_overlap(labelled.actor, party)) labelled.actor = {};
        }
      }
    }
    // "extended its sanctions on X and imposed a ban on Y": a limit read past the next verb of deciding
    // joined by "and", "or" or "but" is that decision's.
    if (k + 1 < candidates.size()) {
      const Candidate& next = candidates[k + 1];
      const std::size_t next_verb = next.governor ? *next.governor : next.head;
      const std::size_t joined = verb_group(s, next.first).begin;
      if (syntax::is_verb(s.words[next_verb].pos) && joined > c.last + 1 &&
          s.words[joined - 1].pos == syntax::Pos::CC) {
        labelled.scopes.erase(std::remove_if(labelled.scopes.begin(), labelled.scopes.end(),
                                             [&](const WordRange& r) { return r.first >= joined; }),
                              labelled.scopes.end());
        // (One that runs into it ends before the conjunction: "in Canada and barring them ...".)
        for (WordRange& r : labelled.scopes) {
          if (r.first + 1 < joined && r.last > joined - 1) r.last = joined - 1;
        }
      }
    }
    // "Consumer groups urged the government to reinstate the ban": who asks for a decision proposes it.
    if (cls == static_cast<int>(Status::Proposed) && labelled.actor.empty()) {
      if (const std::optional<std::size_t> verb = asking_verb_above(s, c); verb && *verb > 0) {
        const std::size_t asking = verb_group(s, *verb).begin;  // ("had urged")
        WordRange asker = subject_phrase_before(s, asking);
        // "The minister said he would appeal and asked the court to V": a verb joined by "and" shares the
        // subject of the first finite verb before it that has one.
        if (asker.empty()) asker = joined_verb_subject(s, asking);
        if (!asker.empty() && s.words[asker.first].pos != syntax::Pos::PRP) labelled.actor = asker;
      }
    }
    if (!decider.empty()) labelled.actor = decider;
    // Who is ordered to stop an act is who is barred from it ("ordered the company to stop selling X"), when
    // the labeller read no one. (Who is ordered to block or ban something carries the decision out.)
    if (labelled.subject.empty() && !ordered.empty() && !decider.empty() &&
        is_one_of(s.words[c.head].lemma, {"stop", "cease", "halt"}) &&
        !spans_overlap(labelled.action, ordered))
      labelled.subject = ordered;
    if (defied > 0) {
      // Who defies it neither made it nor is the party it names; without "on X" after it, the restriction
      // itself is what the reader sees ("defied the curfew").
      if (!labelled.actor.empty() && labelled.actor.first < defied) labelled.actor = {};
      if (!labelled.subject.empty() && labelled.subject.first < defied) labelled.subject = {};
      std::size_t after = c.last + 1;  // (past the head of a compound: "the lockdown rules")
      while (after < s.words.size() && syntax::is_noun(s.words[after].pos)) ++after;
      // (Not "on Saturday": a time, not what is restricted.)
      if (after >= s.words.size() || !is_one_of(s.words[after].lower, {"on", "against", "of"}) ||
          (s.words[after].starts & bit(Section::NewMarker))) {
        std::size_t np = defied;
        if (is_one_of(s.words[np].lower, {"with", "against", "of"})) ++np;
        labelled.action = {np, after};
        labelled.scopes.clear();
      }
    }
    // "X will be banned from May, the council announced": with no maker read, a body that decides reporting
    // the decision made it.
    if (labelled.actor.empty() && cls != static_cast<int>(Status::Proposed)) {
      const WordRange party = subject_phrase_before(s, group.begin);
      const WordRange speaker =
          reporting_speaker(s, party.empty() ? group.begin : party.first, clause_end(s, c.last + 1));
      if (names_decision_maker(s, speaker)) labelled.actor = speaker;
    }
    // "Berlin refuses to supply missiles": who refuses decides; it is not the party.
    if (is_one_of(s.words[c.head].lemma, {"refuse", "decline"}) && !labelled.subject.empty() &&
        labelled.subject.last <= c.first &&
        (labelled.actor.empty() || labelled.actor.last <= labelled.subject.first)) {
      labelled.actor = labelled.subject;
      labelled.subject = {};
    }
    // "Last year the governor introduced a curfew": with no maker read, or one read in an earlier clause
    // ("..., but Berlin still refuses to V"), the subject of the decision verb itself (finite and active)
    // made it, when it holds authority over others.
    const std::size_t verb = c.governor ? *c.governor : c.head;
    const bool maker_elsewhere =
        !labelled.actor.empty() && labelled.actor.last <= clause_begin(s, verb_group(s, verb).begin);
    if ((labelled.actor.empty() || maker_elsewhere) && cls != static_cast<int>(Status::Proposed)) {
      if (const std::optional<VerbGroup> g = plain_finite_group(s, verb)) {
        const WordRange maker = maker_with_authority(s, g->begin, s.words[verb].pos == syntax::Pos::VBD);
        if (!maker.empty() && !spans_overlap(labelled.subject, maker)) labelled.actor = maker;
      }
    }
    // "The council rejected calls for a ban on X": who blocks a proposal did not make it.
    if (proposal_blocked && !labelled.actor.empty() && labelled.actor.last <= blocker) labelled.actor = {};
    if (rejecter && !labelled.actor.empty() && labelled.actor.last <= rejecter) labelled.actor = {};
    if (frame.parenthetical) read_past_parenthetical(frame, labelled);
    const std::size_t stopped_rule = blocks_a_rule(s, c);
    if ((cls == static_cast<int>(Status::Imposed) || cls == static_cast<int>(Status::Prohibited)) &&
        stopped_rule)
      cls = static_cast<int>(Status::Lifted);
    // A stopped rule described by what it restricts ("blocked a state law restricting X"): the lifting's
    // action runs over the description, whose own trigger states nothing of its own, and whom the rule
    // bound is no party of the lifting.
    if (cls == static_cast<int>(Status::Lifted)) {
      const std::size_t noun = stopped_rule ? stopped_rule : stopping ? c.head : 0;
      if (const WordRange described = noun ? restriction_described(s, noun) : WordRange{};
          !described.empty()) {
        const WordRange object =
            np_ending_at(s, noun + 1, std::min(c.first, c.governor.value_or(c.first)) + 1);
        labelled.action = {object.first, described.last};
        labelled.subject = frame.subject = {};
        lifted_rules.push_back(described);
      }
    }
    // What the rule kept from being enforced restricted is what is lifted: after "ban on", its object.
    if (cls == static_cast<int>(Status::Imposed) || cls == static_cast<int>(Status::Prohibited)) {
      if (const WordRange rule = enforcement_blocked(s, c, labelled.action); !rule.empty()) {
        cls = static_cast<int>(Status::Lifted);
        const std::size_t end = clause_end(s, rule.first);
        const WordRange on_what =
            rule.last + 1 < end && is_one_of(s.words[rule.last].lower, {"on", "against"})
                ? np_starting_at(s, rule.last + 1, end)
                : WordRange{};
        labelled.action = on_what.empty() ? rule : on_what;
        // (Whom the rule bound is no party of the lifting.)
        labelled.subject = frame.subject = {};
        // (From the gerund of carrying out: "enforcing its ban" is no decision of its own.)
        lifted_rules.push_back({rule.first - 1, std::max(labelled.action.last, rule.last)});
      }
    }
    const std::size_t added_first = provisions.size();
    for (const Roles& roles : split_coordination(s, labelled))
      add_provision(st, s, sentence, si, c, static_cast<Status>(cls), roles, frame, pronoun, pronoun_offset,
                    sentence_first, pronouns);
    // The clause's maker is the decision's, none when the decision names none (the labeller often takes the
    // main clause's object for it).
    if (consequence) {
      for (std::size_t q = added_first; q < provisions.size(); ++q) provisions[q].actor = decision_actor;
    }
    if (ruled_by && *ruled_by < added_first) {
      for (std::size_t q = added_first; q < provisions.size(); ++q)
        if (!provisions[q].actor) provisions[q].actor = provisions[*ruled_by].actor;
    }
  }
  merge_lifted_content(st.article.text, provisions, sentence_first, pronouns);
  drop_restatements_of_lifted(provisions, sentence_first);
  drop_provisions_inside_actions(provisions, sentence_first);
  add_elliptical_parties(st, s, sentence_first);
}

// What a decision in force that a title announces is about ("Regulator clears drone deliveries in rural
// areas": "drone deliveries"), read as a sentence of its own; empty when it announces none. The title is no
// sentence of the text, and its provisions are not reported (a headline's are read from the text), but the
// text's first sentences may go on from it ("The minister said the ally may use the rockets near the
// border").
std::string headline_decision(const std::string& title, const Models& models) {
  if (title.empty() || title.size() > 400) return {};
  Article headline;
  headline.text = title;
  const text::TextIndex index = text::segment(headline.text, headline.blocks);
  ArticleState st{headline, {}, {}, 0, 0, {}};
  for (std::size_t si = 0; si < index.sentences.size(); ++si)
    read_window(st, index, {}, models, index.sentences[si], si);
  for (const Provision& p : st.provisions) {
    if (stated_in_force(p) && p.action) return p.action->text;
  }
  return {};
}

}  // namespace

std::vector<Provision> extract(const Article& article, const text::TextIndex& index,
                               const std::vector<Entity>& entities) {
  return extract(article, index, entities, embedded_models());
}

std::vector<Provision> extract(const Article& article, const text::TextIndex& index,
                               const std::vector<Entity>& entities, const Models& models) {
  ArticleState st{article, {}, {}, 0, published_year(article), {}};
  if (!models.loaded()) return {};
  try {
    st.headline_action = headline_decision(article.title, models);
    for (std::size_t si = 0; si < index.sentences.size(); ++si) {
      if (index.sentences[si].end > article.text.size()) continue;
      // A heading or headline announces what the text says; its provisions are read from the text.
      if (is_heading(article, index.sentences[si])) continue;
      for (const text::Sentence& sentence : windows_of(index.sentences[si], index))
        read_window(st, index, entities, models, sentence, si);
    }
  } catch (...) {
    // The stage never throws: a failure leaves the provisions found so far.
  }
  return std::move(st.provisions);
}

}  // namespace articlescope::policy
