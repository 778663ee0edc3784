#include "policy/lexicon.hpp"

#include "data.hpp"

ARTICLESCOPE_EMBEDDED(policy_lexicon_txt)

namespace articlescope::policy {

namespace {

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

const Lexicon& Lexicon::embedded() {
  static const Lexicon lexicon = parse(data::policy_lexicon_txt_view());
  return lexicon;
}

Lexicon Lexicon::parse(std::string_view text) {
  Lexicon lex;
  std::string section;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    if (line.front() == '[' && line.back() == ']') {
      section = std::string(line.substr(1, line.size() - 2));
      continue;
    }
    if (section.empty()) {
      if (line.substr(0, 8) == "version ") {
        int v = 0;
        for (char c : line.substr(8)) {
          if (c >= '0' && c <= '9') v = v * 10 + (c - '0');
        }
        lex.version_ = v;
      }
      continue;
    }
    // Forms separated by '|': base | third | past | gerund | participle (participle defaults to past).
    std::vector<std::string_view> forms;
    std::size_t start = 0;
    while (true) {
      const std::size_t bar = line.find('|', start);
      forms.push_back(
          trim(line.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start)));
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
    const std::string lemma(forms[0]);
    std::size_t section_id = lex.section_index(section);
    if (section_id == lex.section_names_.size()) {
      if (section.size() >= lex.sections_by_size_.size()) lex.sections_by_size_.resize(section.size() + 1);
      lex.sections_by_size_[section.size()].push_back(static_cast<std::uint16_t>(section_id));
      lex.section_names_.push_back(section);
    }
    const auto add = [&](std::string_view surface, std::uint8_t bits) {
      Phrase phrase;
      phrase.words = split_words(surface);
      if (phrase.words.empty()) return;
      auto& bucket = lex.by_first_word_[phrase.words[0]];
      for (auto& existing : bucket) {
        if (existing.section == section_id && existing.words == phrase.words) {
          existing.forms |= bits;
          return;
        }
      }
      phrase.forms = bits;
      phrase.section = static_cast<std::uint16_t>(section_id);
      phrase.lemma = lemma;
      bucket.push_back(std::move(phrase));
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

std::size_t Lexicon::match(std::string_view section, const std::vector<std::string>& words,
                           std::size_t i) const {
  return match_verb(section, words, i).length;
}

std::size_t Lexicon::section_index(std::string_view section) const {
  // Asked for every lexicon word of every sentence: the names of that length only, last byte first.
  if (section.empty() || section.size() >= sections_by_size_.size()) return section_names_.size();
  for (const std::uint16_t id : sections_by_size_[section.size()]) {
    const std::string& name = section_names_[id];
    if (name.back() == section.back() && name == section) return id;
  }
  return section_names_.size();
}

const Lexicon::Phrases* Lexicon::starting_with(std::string_view word) const {
  const auto b = by_first_word_.find(word);
  return b == by_first_word_.end() ? nullptr : &b->second;
}

bool Lexicon::has(std::string_view section, std::string_view word) const {
  return has(section, starting_with(word));
}

bool Lexicon::has(std::string_view section, const Phrases* phrases) const {
  if (phrases == nullptr) return false;
  const std::size_t id = section_index(section);
  for (const auto& phrase : *phrases) {
    if (phrase.section == id && phrase.words.size() == 1) return true;
  }
  return false;
}

VerbMatch Lexicon::match_verb(std::string_view section, const std::vector<std::string>& words,
                              std::size_t i) const {
  return i < words.size() ? match_verb(section, words, i, starting_with(words[i])) : VerbMatch{};
}

VerbMatch Lexicon::match_verb(std::string_view section, const std::vector<std::string>& words, std::size_t i,
                              const Phrases* phrases) const {
  VerbMatch best;
  if (i >= words.size() || phrases == nullptr) return best;
  const std::size_t id = section_index(section);
  const Phrase* found = nullptr;
  for (const auto& phrase : *phrases) {
    const std::size_t n = phrase.words.size();
    if (phrase.section != id || n <= best.length || i + n > words.size()) continue;
    bool ok = true;
    for (std::size_t k = 1; k < n && ok; ++k) ok = words[i + k] == phrase.words[k];
    if (!ok) continue;
    best.length = n;
    found = &phrase;
  }
  if (found != nullptr) {
    best.forms = found->forms;
    best.lemma = found->lemma;
  }
  return best;
}

}  // namespace articlescope::policy
