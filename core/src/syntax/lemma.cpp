#include "syntax/lemma.hpp"

#include "data.hpp"
#include "learn/hash.hpp"
#include "syntax/features.hpp"
#include "text/lines.hpp"

ARTICLESCOPE_EMBEDDED(lemmas_txt)

namespace articlescope::syntax {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool is_consonant(char c) { return c >= 'a' && c <= 'z' && !is_vowel(c); }
bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// Vowel groups ("y" after a consonant counts as a vowel): the number of syllables, roughly.
int vowel_groups(std::string_view s) {
  int groups = 0;
  bool in_group = false;
  for (std::size_t k = 0; k < s.size(); ++k) {
    const bool v = is_vowel(s[k]) || (s[k] == 'y' && k > 0 && is_consonant(s[k - 1]));
    if (v && !in_group) ++groups;
    in_group = v;
  }
  return groups;
}

// The verb (or adjective) a stem comes from once "-ed", "-ing", "-er" or "-est" is taken off: a doubled
// final consonant is undone ("bann" -> "ban") and a silent e restored where English spelling drops it
// ("us" -> "use", "creat" -> "create"); the forms these rules get wrong are in the exceptions table.
std::string restore_stem(std::string_view stem) {
  const std::size_t n = stem.size();
  bool has_vowel = false;
  for (const char c : stem) has_vowel = has_vowel || is_vowel(c) || c == 'y';
  if (n < 2 || !has_vowel) return std::string(stem);  // "sp" of "sped": an irregular form, not a stem
  const char last = stem[n - 1], before = stem[n - 2];
  // The letter before the final vowel, with "u" after "q" as the consonant it sounds, and the "i" or "u"
  // of "-iate", "-uate", "-uade" as the end of an earlier syllable ("negotiat", "persuad").
  char third = n >= 3 ? stem[n - 3] : '\0';
  if (third == 'u' && n >= 4 && stem[n - 4] == 'q') third = 'q';
  if ((third == 'i' || third == 'u') && before == 'a') third = 'c';
  const int groups = vowel_groups(stem);
  if (last == before && is_consonant(last)) {
    // "banned", "barred", "stopped"; "cancelled", "controlled" (an unstressed British double l); but
    // "called", "passed", "buzzed", "staffed", and "added", "ebbed" (three letters from a vowel) keep the
    // pair.
    if (n == 3 && is_vowel(stem[0])) return std::string(stem);
    if (last == 'b' || last == 'd' || last == 'g' || last == 'm' || last == 'n' || last == 'p' ||
        last == 'r' || last == 't')
      return std::string(stem.substr(0, n - 1));
    if (last == 'l' && groups >= 2 && (third == 'e' || third == 'o'))
      return std::string(stem.substr(0, n - 1));
    return std::string(stem);
  }
  if (last == 'e' || last == 'y' || last == 'w' || last == 'x' || last == 'h' || last == 'i' || last == 'a' ||
      last == 'o')
    return std::string(stem);
  const bool single_vowel = is_vowel(before) && !is_vowel(third);
  std::string with_e = std::string(stem) + 'e';
  // Letters English words do not end with: "solv", "argu", "forc", "seiz".
  if (last == 'v' || last == 'u' || last == 'c') return with_e;
  if (last == 'z') return is_vowel(before) ? with_e : std::string(stem);
  if (last == 'g') {
    if (before == 'r' || before == 'd' || single_vowel) return with_e;             // "charg", "judg", "engag"
    if (before == 'n' && (third == 'a' || third == 'e') && n >= 5) return with_e;  // "chang", "challeng"
    return std::string(stem);
  }
  if (last == 's') return is_consonant(before) || is_vowel(before) ? with_e : std::string(stem);
  if (last == 'l') {
    if (is_consonant(before)) return before == 'r' || before == 'w' ? std::string(stem) : with_e;  // "handl"
    if (!single_vowel) return std::string(stem);                                                   // "repeal"
    return before == 'e' || before == 'a' ? (groups >= 2 ? std::string(stem) : with_e) : with_e;   // "travel"
  }
  if (!is_vowel(before) || !single_vowel) return std::string(stem);  // "lift", "treat", "explain"
  // A single vowel before a single consonant: a one-syllable stem drops its e ("vot", "nam", "hop"); longer
  // stems by their ending.
  if (groups <= 1) return with_e;
  switch (last) {
    case 't':
      return before == 'a' || before == 'o' || before == 'u' ? with_e
                                                             : std::string(stem);  // "regulat"; "prohibit"
    case 'r':
      return before == 'i' || before == 'u' || before == 'a' ? with_e
                                                             : std::string(stem);  // "requir"; "offer"
    case 'n':
      return before == 'i' ? with_e : std::string(stem);  // "defin"; "sanction", "open"
    case 'p':
      return before == 'a' ? with_e : std::string(stem);  // "escap"; "develop"
    case 'd':
    case 'k':
    case 'b':
    case 'm':
      return with_e;  // "decid", "includ", "revok", "describ", "assum"
    default:
      return std::string(stem);
  }
}

std::string strip_s(std::string_view w) {
  const std::size_t n = w.size();
  if (ends_with(w, "men") && n > 4) return std::string(w.substr(0, n - 2)) + "an";  // "spokesmen"
  if (n <= 2 || w.back() != 's') return std::string(w);
  if (ends_with(w, "ss") || ends_with(w, "us") || ends_with(w, "is")) return std::string(w);
  if (ends_with(w, "ies"))
    return n >= 5 ? std::string(w.substr(0, n - 3)) + "y" : std::string(w.substr(0, n - 1));
  if (ends_with(w, "sses") || ends_with(w, "xes") || ends_with(w, "ches") || ends_with(w, "shes") ||
      ends_with(w, "zzes") || ends_with(w, "oes"))
    return std::string(w.substr(0, n - 2));
  return std::string(w.substr(0, n - 1));
}

std::string strip_ed(std::string_view w) {
  const std::size_t n = w.size();
  if (n < 4 || !ends_with(w, "ed")) return std::string(w);
  if (ends_with(w, "ied"))
    return n >= 5 ? std::string(w.substr(0, n - 3)) + "y" : std::string(w.substr(0, n - 1));
  if (ends_with(w, "eed")) return std::string(w.substr(0, n - 1));  // "agreed", "freed"
  return restore_stem(w.substr(0, n - 2));
}

std::string strip_ing(std::string_view w) {
  const std::size_t n = w.size();
  if (n < 5 || !ends_with(w, "ing")) return std::string(w);
  return restore_stem(w.substr(0, n - 3));
}

std::string strip_comparative(std::string_view w, std::string_view ending) {
  const std::size_t n = w.size(), k = ending.size();
  if (n < k + 3 || !ends_with(w, ending)) return std::string(w);
  const std::string_view stem = w.substr(0, n - k);
  if (stem.back() == 'i') return std::string(stem.substr(0, stem.size() - 1)) + "y";  // "easier"
  if (stem.back() == 'e') return std::string(stem);                                   // "freer"
  return restore_stem(stem);
}

std::uint64_t table_key(std::string_view lower, LemmaClass c) {
  const std::uint64_t key = learn::mix(learn::hash_bytes(lower), static_cast<std::uint64_t>(c) + 1);
  return key == 0 ? 1 : key;
}

// The part of a contraction that carries the lemma ("do" of "don't", "I" of "I'm"), or empty.
std::string_view contraction_base(std::string_view lower) {
  if (lower.size() > 3 && ends_with(lower, "n't")) {
    const std::string_view base = lower.substr(0, lower.size() - 3);
    if (base == "ca") return "can";
    if (base == "wo") return "will";
    if (base == "sha") return "shall";
    if (base == "ai") return "be";
    return base;
  }
  const std::size_t apostrophe = lower.rfind('\'');
  if (apostrophe == std::string_view::npos || apostrophe == 0) return {};
  const std::string_view ending = lower.substr(apostrophe + 1);
  if (ending == "m" || ending == "re" || ending == "ve" || ending == "ll" || ending == "d")
    return lower.substr(0, apostrophe);
  return {};
}

}  // namespace

LemmaClass lemma_class(Pos pos) {
  if (is_noun(pos)) return LemmaClass::Noun;
  if (is_verb(pos) || pos == Pos::MD) return LemmaClass::Verb;
  if (is_adjective(pos)) return LemmaClass::Adjective;
  if (is_adverb(pos)) return LemmaClass::Adverb;
  return LemmaClass::Other;
}

char lemma_class_letter(LemmaClass c) {
  static constexpr char kLetters[] = {'N', 'V', 'J', 'R', 'O'};
  return kLetters[static_cast<int>(c)];
}

std::string rule_lemma(std::string_view lower, Pos pos) {
  if (lower == "cannot") return "can";
  switch (pos) {
    case Pos::NNS:
    case Pos::NNPS:
    case Pos::VBZ:
      return strip_s(lower);
    case Pos::VBD:
    case Pos::VBN:
      return strip_ed(lower);
    case Pos::VBG:
      return strip_ing(lower);
    case Pos::JJR:
    case Pos::RBR:
      return strip_comparative(lower, "er");
    case Pos::JJS:
    case Pos::RBS:
      return strip_comparative(lower, "est");
    default:
      return std::string(lower);
  }
}

void Lemmatiser::load(std::string_view table, bool copy) {
  *this = Lemmatiser();
  if (copy) {
    owned_ = std::string(table);
    table = owned_;
  }
  std::size_t lines = 1;
  for (const char c : table) lines += c == '\n';
  std::size_t capacity = 64;
  while (capacity < lines * 2) capacity *= 2;
  keys_.assign(capacity, 0);
  lemmas_.assign(capacity, {});
  text::LineReader reader(table);
  for (std::string_view line; reader.next(line);) {
    if (line.size() < 5 || line[0] == '#' || line[1] != '\t') continue;
    LemmaClass c;
    switch (line[0]) {
      case 'N':
        c = LemmaClass::Noun;
        break;
      case 'V':
        c = LemmaClass::Verb;
        break;
      case 'J':
        c = LemmaClass::Adjective;
        break;
      case 'R':
        c = LemmaClass::Adverb;
        break;
      case 'O':
        c = LemmaClass::Other;
        break;
      default:
        continue;
    }
    const std::size_t tab = line.find('\t', 2);
    if (tab == std::string_view::npos || tab == 2 || tab + 1 >= line.size()) continue;
    const std::uint64_t key = table_key(line.substr(2, tab - 2), c);
    std::size_t slot = key & (capacity - 1);
    while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & (capacity - 1);
    if (keys_[slot] == 0) ++count_;
    keys_[slot] = key;
    lemmas_[slot] = line.substr(tab + 1);
  }
}

std::string_view Lemmatiser::exception(std::string_view lower, LemmaClass c) const {
  if (keys_.empty()) return {};
  const std::uint64_t key = table_key(lower, c);
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t slot = key & mask; keys_[slot] != 0; slot = (slot + 1) & mask) {
    if (keys_[slot] == key) return lemmas_[slot];
  }
  return {};
}

std::string Lemmatiser::lemma(std::string_view word, Pos pos) const {
  std::string lower;
  normalise_word(word, lower);
  if (lower.empty()) return lower;
  const LemmaClass c = lemma_class(pos);
  if (const std::string_view base = contraction_base(lower); !base.empty()) {
    const std::string_view listed = exception(base, c);
    return listed.empty() ? rule_lemma(base, pos == Pos::VBZ || pos == Pos::VBD ? Pos::VBP : pos)
                          : std::string(listed);
  }
  if (const std::string_view listed = exception(lower, c); !listed.empty()) return std::string(listed);
  return rule_lemma(lower, pos);
}

const Lemmatiser& embedded_lemmatiser() {
  static const Lemmatiser lemmatiser = [] {
    Lemmatiser l;
    l.load(data::lemmas_txt_view(), /*copy=*/false);
    return l;
  }();
  return lemmatiser;
}

}  // namespace articlescope::syntax
