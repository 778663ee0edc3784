#include "policy/candidates.hpp"

namespace articlescope::policy {

namespace {

// Words that may stand between a governing verb and its object noun: determiners, numbers, short
// modifiers. A clause boundary, another verb-like cue or more than three words end the object.
constexpr std::size_t kMaxObjectGap = 3;

bool is_determiner_like(const Word& w) {
  const std::string_view l = w.lower;
  return l == "the" || l == "a" || l == "an" || l == "its" || l == "their" || l == "his" || l == "her" ||
         l == "all" || l == "any" || l == "some" || l == "new" || l == "this" || l == "that" || l == "these" ||
         l == "those" || l == "our" || l == "your" || l == "tough" || l == "tougher" || l == "further";
}

}  // namespace

bool is_noun_frame(Sections sections) { return (sections & kNounFrameSections) != 0; }

std::vector<Candidate> find_candidates(const SentenceView& s, bool reading) {
  std::vector<Candidate> out;
  const std::size_t n = s.words.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!out.empty() && i <= out.back().last) continue;
    std::size_t length = 0;
    const LexiconMatch* head = nullptr;
    Sections sections = 0;
    for (const LexiconMatch& m : s.matches[i]) {
      if (!(bit(m.section) & kTriggerSections)) continue;
      if (m.length > length) {
        length = m.length;
        head = &m;
        sections = 0;
      }
      if (m.length == length) sections |= bit(m.section);
    }
    if (head == nullptr) continue;
    Candidate c;
    c.first = c.head = i;
    c.last = i + length - 1;
    c.sections = sections;
    c.lemma = head->lemma;
    for (const LexiconMatch& m : s.matches[i]) {
      if (m.length == length && (bit(m.section) & sections)) c.forms |= m.forms;
    }
    out.push_back(c);
  }

  // A modal is the trigger only when no other trigger follows in its verb group ("may not be allowed to":
  // the trigger is "allowed"; "cannot enter": "cannot").
  std::vector<Candidate> kept;
  for (std::size_t k = 0; k < out.size(); ++k) {
    const Candidate& c = out[k];
    if (c.sections == bit(Section::Modal) && k + 1 < out.size() && out[k + 1].first <= c.last + 4) {
      bool group = true;
      for (std::size_t j = c.last + 1; j < out[k + 1].first && group; ++j) group = !is_clause_punct(s.words[j]);
      if (group) continue;
    }
    kept.push_back(c);
  }

  // A trigger verb with a trigger noun as its object is one candidate headed by the noun ("lifted the ban",
  // "imposed sanctions", "granted approval").
  std::vector<Candidate> merged;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    Candidate c = kept[k];
    if ((c.sections & kVerbFrameSections) && !(c.sections & kNounFrameSections) && k + 1 < kept.size()) {
      const Candidate& next = kept[k + 1];
      bool object = is_noun_frame(next.sections) && next.first > c.last && next.first - c.last - 1 <= kMaxObjectGap;
      // (When provisions are read, a word of the noun list read as an adverb is no object: "allows pilots to
      // fly right across".)
      if (reading && s.tagged && s.words[next.head].pos == syntax::Pos::RB) object = false;
      for (std::size_t j = c.last + 1; j < next.first && object; ++j) {
        const Word& w = s.words[j];
        // "imposed a 25% tariff": a percentage sign is part of the object's modifier.
        object = (!w.punct || w.lower == "%") && (is_determiner_like(w) || !(w.starts & kTriggerSections));
      }
      if (object) {
        Candidate joined = next;
        joined.first = c.first;
        joined.governor = c.head;
        joined.governor_sections = c.sections;
        joined.governor_lemma = c.lemma;
        joined.governor_forms = c.forms;
        merged.push_back(joined);
        ++k;
        continue;
      }
    }
    merged.push_back(c);
  }
  return merged;
}

}  // namespace articlescope::policy
