#include "policy/lexicon.hpp"

#include <array>

#include "data.hpp"
#include "text/lines.hpp"

ARTICLESCOPE_EMBEDDED(policy_frames_txt)

namespace articlescope::policy {

namespace {

constexpr std::array<std::string_view, kNumSections> kSectionNames = {
    "permit",      "permit_noun",   "prohibit",  "prohibit_noun", "restrict",    "restrict_noun",
    "sanction",    "sanction_noun", "lift",      "lift_noun",     "legalise",    "legalise_noun",
    "exempt",      "exempt_noun",   "impose",    "cover",         "except",      "legality",
    "modal",       "proposal_cue",  "reporting", "decision_noun", "negator",     "continuation",
    "past_marker", "hedge",         "condition", "new_marker",    "ability_cue", "office"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

constexpr std::uint8_t kFormOrder[] = {kBase, kThird, kPast, kGerund, kParticiple};

}  // namespace

std::string_view section_name(Section s) { return kSectionNames[static_cast<std::size_t>(s)]; }

const Lexicon& Lexicon::embedded() {
  static const Lexicon lexicon = parse(data::policy_frames_txt_view());
  return lexicon;
}

Lexicon Lexicon::parse(std::string_view text) {
  Lexicon lex;
  int section = -1;  // -1: before the first section; -2: an unknown section (skipped)
  text::LineReader lines(text);
  for (std::string_view line; lines.next(line);) {
    if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    if (line.front() == '[' && line.back() == ']') {
      const std::string_view name = line.substr(1, line.size() - 2);
      section = -2;
      for (std::size_t k = 0; k < kSectionNames.size(); ++k) {
        if (kSectionNames[k] == name) section = static_cast<int>(k);
      }
      continue;
    }
    if (section == -1 && line.substr(0, 8) == "version ") {
      int v = 0;
      for (const char c : line.substr(8)) {
        if (c >= '0' && c <= '9') v = v * 10 + (c - '0');
      }
      lex.version_ = v;
      continue;
    }
    if (section < 0) continue;
    // Forms separated by '|': base | third | past | gerund | participle (participle defaults to past).
    std::vector<std::string_view> forms;
    for (std::size_t start = 0;;) {
      const std::size_t bar = line.find('|', start);
      forms.push_back(
          trim(line.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start)));
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
    const std::size_t lemma = lex.lemmas_.size();
    lex.lemmas_.emplace_back(forms[0]);
    ++lex.entries_;
    const auto add = [&](std::string_view surface, std::uint8_t bits) {
      std::vector<std::string> words = split_words(surface);
      if (words.empty()) return;
      auto& bucket = lex.by_first_word_[words[0]];
      for (auto& existing : bucket) {
        if (static_cast<int>(existing.section) == section && existing.words == words) {
          existing.forms |= bits;
          return;
        }
      }
      bucket.push_back({std::move(words), static_cast<Section>(section), bits, lemma});
    };
    if (forms.size() == 1) {
      add(forms[0], 0);
      continue;
    }
    for (std::size_t k = 0; k < forms.size() && k < 5; ++k) add(forms[k], kFormOrder[k]);
    if (forms.size() == 4) add(forms[2], kParticiple);
  }
  return lex;
}

void Lexicon::matches_at(const std::vector<std::string>& words, std::size_t i,
                         std::vector<LexiconMatch>& out) const {
  if (i >= words.size()) return;
  const auto bucket = by_first_word_.find(words[i]);
  if (bucket == by_first_word_.end()) return;
  for (const Phrase& phrase : bucket->second) {
    const std::size_t n = phrase.words.size();
    if (i + n > words.size()) continue;
    bool same = true;
    for (std::size_t k = 1; k < n && same; ++k) same = words[i + k] == phrase.words[k];
    if (same)
      out.push_back({phrase.section, static_cast<std::uint8_t>(n), phrase.forms, lemmas_[phrase.lemma]});
  }
}

bool Lexicon::has(Section section, std::string_view word) const {
  const auto bucket = by_first_word_.find(word);
  if (bucket == by_first_word_.end()) return false;
  for (const Phrase& phrase : bucket->second) {
    if (phrase.section == section && phrase.words.size() == 1) return true;
  }
  return false;
}

}  // namespace articlescope::policy
