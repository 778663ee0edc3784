#include "entities/rules.hpp"

#include "data.hpp"
#include "entities/features.hpp"
#include "entities/tagger.hpp"
#include "text/lines.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

ARTICLESCOPE_EMBEDDED(weapons_txt)

namespace articlescope::entities {
namespace {

using Tokens = std::vector<RuleToken>;

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
  // Length and first byte before the bytes: most words differ there (and memcmp is a call in WebAssembly).
  if (w.empty()) return std::find(list.begin(), list.end(), w) != list.end();
  for (const std::string_view entry : list) {
    if (entry.size() == w.size() && entry[0] == w[0] && entry == w) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 12> kMonths = {"january",   "february", "march",    "april",
                                                      "may",       "june",     "july",     "august",
                                                      "september", "october",  "november", "december"};
constexpr std::array<std::string_view, 12> kMonthAbbreviations = {
    "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."};
constexpr std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday",  "wednesday", "thursday",
                                                       "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 4> kDayParts = {"morning", "afternoon", "evening", "night"};
constexpr std::array<std::string_view, 8> kRelativeModifiers = {"last",   "next",     "this",  "past",
                                                                "coming", "previous", "early", "late"};
constexpr std::array<std::string_view, 13> kPeriods = {"week",    "month",   "year",   "weekend", "summer",
                                                       "winter",  "spring",  "autumn", "fall",    "decade",
                                                       "century", "quarter", "season"};
constexpr std::array<std::string_view, 8> kPeriodUnits = {"day",    "days",  "week",  "weeks",
                                                          "months", "years", "month", "year"};
constexpr std::array<std::string_view, 4> kDeictic = {"yesterday", "today", "tomorrow", "tonight"};
constexpr std::array<std::string_view, 15> kDatePrepositions = {
    "in",     "since",   "until", "till", "by", "from",    "before", "after",
    "during", "through", "to",    "of",   "on", "between", "and"};

constexpr std::array<std::string_view, 9> kScales = {"million", "billion", "trillion", "thousand", "bn",
                                                     "mn",      "m",       "tn",       "k"};
constexpr std::array<std::string_view, 30> kCurrencyWords = {
    "dollar", "dollars",  "euro",  "euros",  "pound",  "pounds",  "sterling", "yen",
    "yuan",   "renminbi", "ruble", "rubles", "rouble", "roubles", "hryvnia",  "hryvnias",
    "shekel", "shekels",  "rupee", "rupees", "franc",  "francs",  "won",      "peso",
    "pesos",  "cents",    "usd",   "eur",    "gbp",    "rials"};
constexpr std::array<std::string_view, 8> kCurrencyCodes = {"usd", "eur", "gbp", "jpy",
                                                            "cny", "rub", "uah", "chf"};
constexpr std::array<std::string_view, 7> kCurrencySymbols = {
    "$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5", "\xE2\x82\xB9", "\xE2\x82\xBD", "\xE2\x82\xB4"};
constexpr std::array<std::string_view, 6> kCurrencyPrefixes = {"us", "a", "c", "hk", "nz", "s"};

constexpr std::array<std::string_view, 30> kNumberWords = {
    "one",     "two",      "three",   "four",   "five",    "six",      "seven",    "eight",
    "nine",    "ten",      "eleven",  "twelve", "fifteen", "twenty",   "thirty",   "forty",
    "fifty",   "sixty",    "hundred", "dozen",  "dozens",  "hundreds", "thousand", "thousands",
    "million", "millions", "several", "half",   "a",       "an"};

constexpr std::array<std::string_view, 72> kUnits = {
    "mile",     "miles",      "km",        "kilometre", "kilometres", "kilometer", "kilometers", "metre",
    "metres",   "meter",      "meters",    "m",         "feet",       "foot",      "ft",         "inches",
    "yards",    "kg",         "kilograms", "kilogram",  "tonnes",     "tons",      "tonne",      "ton",
    "lbs",      "litres",     "liters",    "gallons",   "barrels",    "acres",     "hectares",   "sq",
    "degrees",  "percent",    "per",       "%",         "mph",        "km/h",      "knots",      "mw",
    "gw",       "kwh",        "megawatts", "gigawatts", "troops",     "soldiers",  "people",     "civilians",
    "refugees", "casualties", "prisoners", "hostages",  "missiles",   "drones",    "rockets",    "shells",
    "rounds",   "tanks",      "aircraft",  "jets",      "vehicles",   "warships",  "personnel",  "servicemen",
    "children", "residents",  "workers",   "migrants",  "families",   "homes",     "buildings",  "villages"};

bool is_number_token(std::string_view t) {
  if (t.empty() || t[0] < '0' || t[0] > '9') return false;
  for (char c : t) {
    if (!((c >= '0' && c <= '9') || c == ',' || c == '.')) return false;
  }
  return true;
}

bool all_digits(std::string_view t, std::size_t min_len, std::size_t max_len) {
  if (t.size() < min_len || t.size() > max_len) return false;
  return std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "30", "30th", "1st": a day of the month.
bool is_day(std::string_view t) {
  std::size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2) return false;
  const std::string_view rest = t.substr(digits);
  if (!(rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th")) return false;
  const int value = std::stoi(std::string(t.substr(0, digits)));
  return value >= 1 && value <= 31;
}

bool is_year(std::string_view t) {
  if (!all_digits(t, 4, 4)) return false;
  const int value = std::stoi(std::string(t));
  return value >= 1800 && value <= 2100;
}

// "1990s", "2020s".
bool is_decade(std::string_view t) { return t.size() == 5 && t.back() == 's' && is_year(t.substr(0, 4)); }

bool is_month(const RuleToken& t) {
  if (in(kMonthAbbreviations, t.lower)) return true;
  if (!in(kMonths, t.lower)) return false;
  // "may" is usually the verb: only a capitalised "May" (or any "may" in lower-case text) is the month.
  if (t.lower == "may") return t.text[0] == 'M' || t.lower_case_sentence;
  return true;
}

bool is_iso_date(std::string_view t) {
  // 2024-05-30
  return t.size() == 10 && all_digits(t.substr(0, 4), 4, 4) && t[4] == '-' &&
         all_digits(t.substr(5, 2), 2, 2) && t[7] == '-' && all_digits(t.substr(8, 2), 2, 2);
}

bool is_number_like(const RuleToken& t) { return t.number_like; }

std::size_t skip_number_words(const Tokens& tokens, std::size_t i) {
  // "two", "a few hundred", "4,000", "1.5 million": returns one past the last number token from i.
  std::size_t j = i;
  while (j < tokens.size() && (is_number_like(tokens[j]) || in(kScales, tokens[j].lower)) && j - i < 4) {
    if ((tokens[j].lower == "a" || tokens[j].lower == "an") && j + 1 < tokens.size() &&
        !in(kNumberWords, tokens[j + 1].lower)) {
      break;
    }
    ++j;
  }
  return j;
}

// ---- weapons data ----

struct WeaponData {
  std::unordered_map<std::string, char> names;  // lower-cased token-joined phrase -> 'N', 'H' or 'G'
  std::deque<std::string> words;                // storage of the views below
  std::unordered_set<std::string_view> nouns, modifiers, prefixes;
  // The class grammar (see weapons.txt): heads that always name a weapon, heads that need evidence,
  // class-forming words before a head, modifiers that are no evidence, military context words, words after
  // a head that make it a modifier of something else, and warship prefixes (as written).
  std::unordered_set<std::string_view> heads, context_heads, classed_heads, class_words, weak_modifiers, cues,
      tails, ship_prefixes, person_heads, air_cues;
  // Bits of hash_bytes() of every head and of every cue: most tokens are rejected by one bit test.
  std::bitset<4096> head_bits, cue_bits;
  std::unordered_set<std::string_view>
      first_words;  // first word of every name: most tokens are rejected here
  std::size_t longest = 1;
  std::string_view keep(std::string word) { return words.emplace_back(std::move(word)); }
  // A head of any of the three kinds.
  bool any_head(std::string_view w) const {
    return heads.count(w) || context_heads.count(w) || classed_heads.count(w);
  }
};

const WeaponData& weapon_data() {
  static const WeaponData data = [] {
    WeaponData d;
    const std::string_view text = data::weapons_txt_view();
    text::LineReader lines(text);
    for (std::string_view line; lines.next(line);) {
      const std::size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
      const std::string_view kind = line.substr(0, tab);
      const std::string_view phrase = line.substr(tab + 1);
      std::unordered_set<std::string_view>* set = kind == "HEAD"      ? &d.heads
                                                  : kind == "CONTEXT" ? &d.context_heads
                                                  : kind == "CLASSED" ? &d.classed_heads
                                                  : kind == "CLASS"   ? &d.class_words
                                                  : kind == "WEAK"    ? &d.weak_modifiers
                                                  : kind == "CUE"     ? &d.cues
                                                  : kind == "TAIL"    ? &d.tails
                                                  : kind == "PERSON"  ? &d.person_heads
                                                  : kind == "AIR"     ? &d.air_cues
                                                                      : nullptr;
      if (set != nullptr) {
        const std::string_view word = d.keep(text::lower(phrase));
        set->insert(word);
        if (set == &d.heads || set == &d.context_heads || set == &d.classed_heads)
          d.head_bits.set(hash_bytes(word) % 4096);
        if (set == &d.cues) d.cue_bits.set(hash_bytes(word) % 4096);
      } else if (kind == "SHIP") {
        d.ship_prefixes.insert(d.keep(std::string(phrase)));
      } else if (kind == "NOUN") {
        d.nouns.insert(d.keep(text::lower(phrase)));
      } else if (kind == "MOD") {
        d.modifiers.insert(d.keep(text::lower(phrase)));
      } else if (kind == "PREFIX") {
        d.prefixes.insert(d.keep(text::lower(phrase)));
      } else {
        std::string joined;
        std::size_t words = 0;
        for (const text::Token& t : text::tokenize(phrase)) {
          if (!joined.empty()) joined += ' ';
          joined += text::lower(phrase.substr(t.start, t.end - t.start));
          ++words;
        }
        d.longest = std::max(d.longest, words);
        d.first_words.insert(d.keep(joined.substr(0, joined.find(' '))));
        d.names[joined] = kind == "NAME" ? 'N' : (kind == "HEADED" ? 'H' : 'G');
      }
    }
    return d;
  }();
  return data;
}

// "Su-34", "M142", "F-16", "MiG-29", "S-400", "AH-64D", "F/A-18": a known prefix and a number.
bool is_designation(const RuleToken& t, const WeaponData& data) {
  const std::string_view w = t.lower;
  std::size_t p = 0;
  while (p < w.size() && ((w[p] >= 'a' && w[p] <= 'z') || w[p] == '/')) ++p;
  if (p == 0 || p > 7 || !data.prefixes.count(w.substr(0, p))) return false;
  const bool hyphen = p < w.size() && w[p] == '-';
  const std::size_t digits_start = p + (hyphen ? 1 : 0);
  std::size_t q = digits_start;
  while (q < w.size() && w[q] >= '0' && w[q] <= '9') ++q;
  const std::size_t digits = q - digits_start;
  if (digits == 0 || digits > 4 || w.size() - q > 3) return false;
  if (!hyphen) {
    // Without a hyphen only the multi-digit designations of a few prefixes ("M142", "T72", "TB2").
    const std::string_view prefix = w.substr(0, p);
    if (!((prefix == "m" && digits >= 2) || (prefix == "t" && digits == 2) || prefix == "tb")) return false;
  }
  // Upper-case prefix letters (as written), unless the whole text is in lower case.
  return t.lower_case_sentence || (t.text[0] >= 'A' && t.text[0] <= 'Z');
}

// A hyphenated word with a weapon word among its parts is a class-forming modifier: "rocket-propelled"
// grenades, "vehicle-borne" devices, "ground-attack" aircraft, "anti-drone" guns.
bool is_weapon_compound(std::string_view w, const WeaponData& data) {
  if (w.find('-') == std::string_view::npos) return false;
  std::size_t begin = 0;
  while (begin <= w.size()) {
    std::size_t end = w.find('-', begin);
    if (end == std::string_view::npos) end = w.size();
    const std::string_view part = w.substr(begin, end - begin);
    if (!part.empty() && (data.any_head(part) || data.class_words.count(part) || data.modifiers.count(part)))
      return true;
    begin = end + 1;
  }
  return false;
}

// Extends a weapon name over following modifiers and nouns; returns the last token (or `last` when there
// is no noun) and whether a noun was found.
std::size_t extend_head(const Tokens& tokens, std::size_t last, const WeaponData& data, bool& found_noun) {
  found_noun = false;
  std::size_t end = last;
  for (std::size_t j = last + 1; j < tokens.size() && j <= last + 4; ++j) {
    const std::string_view w = tokens[j].lower;
    if (data.nouns.count(w)) {
      end = j;
      found_noun = true;
      continue;
    }
    if (!data.modifiers.count(w) && !is_weapon_compound(w, data)) break;
  }
  return end;
}

// Longest weapon-name phrase starting at i (0 when none); `kind` gets its class.
std::size_t match_name(const Tokens& tokens, std::size_t i, const WeaponData& data, char& kind) {
  if (!data.first_words.count(tokens[i].lower)) return 0;
  std::string phrase;
  std::size_t best = 0;
  for (std::size_t n = 1; n <= data.longest && i + n <= tokens.size(); ++n) {
    if (n > 1) phrase += ' ';
    phrase += tokens[i + n - 1].lower;
    const auto it = data.names.find(phrase);
    if (it != data.names.end()) {
      best = n;
      kind = it->second;
    }
  }
  return best;
}

bool capitalised_or_lower_text(const RuleToken& t) {
  return t.lower_case_sentence || (!t.text.empty() && static_cast<unsigned char>(t.text[0]) >= 'A' &&
                                   static_cast<unsigned char>(t.text[0]) <= 'Z');
}

}  // namespace

std::vector<RuleToken> rule_tokens(std::string_view text, const text::TextIndex& index,
                                   std::string& lowered) {
  const std::size_t n = index.tokens.size();
  std::vector<RuleToken> out(n);
  std::vector<char> differs(n, 0);  // lower-casing changed the token
  // Tokens already in lower case are their own lower-cased form; the others are lower-cased into one buffer
  // (offsets first: the buffer grows).
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // (token, offset in `lowered`)
  lowered.clear();
  for (std::size_t k = 0; k < n; ++k) {
    const text::Token& t = index.tokens[k];
    const std::string_view word = text.substr(t.start, t.end - t.start);
    out[k].text = word;
    out[k].space_before = t.space_before;
    bool ascii = true, upper = false;
    for (const char c : word) {
      ascii = ascii && static_cast<unsigned char>(c) < 0x80;
      upper = upper || (c >= 'A' && c <= 'Z');
    }
    if (ascii && !upper) {
      out[k].lower = word;
      continue;
    }
    spans.emplace_back(k, lowered.size());
    if (ascii) {
      const std::size_t at = lowered.size();
      lowered.resize(at + word.size());
      char* p = lowered.data() + at;
      for (std::size_t i = 0; i < word.size(); ++i)
        p[i] = word[i] >= 'A' && word[i] <= 'Z' ? word[i] + 32 : word[i];
      differs[k] = 1;
    } else {
      const std::string low = text::lower(word);
      lowered += low;
      differs[k] = low != word;
    }
  }
  for (std::size_t s = 0; s < spans.size(); ++s) {
    const std::size_t end = s + 1 < spans.size() ? spans[s + 1].second : lowered.size();
    out[spans[s].first].lower = std::string_view(lowered).substr(spans[s].second, end - spans[s].second);
  }
  for (RuleToken& t : out) {
    t.lower_hash = hash_bytes(t.lower);
    t.number_like = is_number_token(t.text) || in(kNumberWords, t.lower);
  }
  for (const text::Sentence& s : index.sentences) {
    bool any_upper = false;
    for (std::size_t k = s.first_token; k < s.last_token && k < n; ++k) {
      if (differs[k]) any_upper = true;
    }
    for (std::size_t k = s.first_token; k < s.last_token && k < n; ++k) {
      out[k].lower_case_sentence = !any_upper;
      out[k].sentence_start = k == s.first_token;
    }
  }
  return out;
}

// The last token of a time of day starting at i ("7 a.m.", "11:30 p.m.", "2am", "23:00"), or none.
std::optional<std::size_t> time_of_day(const Tokens& tokens, std::size_t i) {
  const std::size_t n = tokens.size();
  const auto hour = [](std::string_view t) { return all_digits(t, 1, 2) && std::stoi(std::string(t)) <= 24; };
  const auto meridiem = [](std::string_view l) {
    return l == "a.m." || l == "p.m." || l == "a.m" || l == "p.m" || l == "am" || l == "pm";
  };
  const std::string_view l = tokens[i].lower;
  // "2am", "11pm": one token.
  if (l.size() >= 3 && l.size() <= 4 && meridiem(l.substr(l.size() - 2)) && hour(l.substr(0, l.size() - 2)))
    return i;
  if (!hour(l)) return std::nullopt;
  std::size_t last = i;
  bool clock = false;
  // "11:30", written without spaces.
  if (i + 2 < n && tokens[i + 1].lower == ":" && !tokens[i + 1].space_before && !tokens[i + 2].space_before &&
      all_digits(tokens[i + 2].text, 2, 2)) {
    last = i + 2;
    clock = true;
  }
  if (last + 1 < n && meridiem(tokens[last + 1].lower)) return last + 1;
  if (clock) return last;
  return std::nullopt;
}

void find_dates(const Tokens& tokens, std::vector<Candidate>& out) {
  const std::size_t n = tokens.size();
  auto word = [&](std::size_t k) -> std::string_view { return k < n ? tokens[k].lower : std::string_view(); };
  for (std::size_t i = 0; i < n; ++i) {
    const RuleToken& t = tokens[i];
    std::size_t first = i, last = i;
    bool found = false;
    if (const auto clock = time_of_day(tokens, i)) {
      last = *clock;  // 7 a.m., 11:30 p.m.
      found = true;
    } else if ((t.lower == "midnight" || t.lower == "noon" || t.lower == "midday") && i > 0 &&
               (in(kDatePrepositions, word(i - 1)) || word(i - 1) == "at")) {
      found = true;
    } else if (is_iso_date(t.text)) {
      found = true;
    } else if (is_day(t.text) && i + 4 < n && word(i + 1) == "/" && is_day(tokens[i + 2].text) &&
               word(i + 3) == "/" && all_digits(tokens[i + 4].text, 2, 4) && !tokens[i + 1].space_before &&
               !tokens[i + 2].space_before && !tokens[i + 3].space_before && !tokens[i + 4].space_before) {
      last = i + 4;  // 30/05/2024
      found = true;
    } else if (is_month(t)) {
      if (i + 1 < n && is_day(tokens[i + 1].text)) {  // May 30 [, 2024]
        last = i + 1;
        if (i + 3 < n && word(i + 2) == "," && is_year(tokens[i + 3].text))
          last = i + 3;
        else if (i + 2 < n && is_year(tokens[i + 2].text))
          last = i + 2;
        found = true;
      } else if (i + 1 < n && is_year(tokens[i + 1].text)) {  // May 2024
        last = i + 1;
        found = true;
      } else if (i > 0 && (in(kDatePrepositions, word(i - 1)) || in(kRelativeModifiers, word(i - 1)) ||
                           word(i - 1) == "mid")) {
        found = t.lower != "may" || t.text[0] == 'M';
      } else if (i > 0 && is_day(tokens[i - 1].text)) {  // 30 May, without a year (not "3 march tickets")
        found = (t.text[0] >= 'A' && t.text[0] <= 'Z') || t.lower_case_sentence;
      }
      if (found && i > 0 && is_day(tokens[i - 1].text)) first = i - 1;  // 30 May
    } else if (is_day(t.text) && i + 1 < n && is_month(tokens[i + 1])) {
      continue;  // handled when the month is reached
    } else if (in(kWeekdays, t.lower) ||
               (t.lower.size() > 6 && t.lower.back() == 's' && t.text[0] >= 'A' && t.text[0] <= 'Z' &&
                in(kWeekdays, t.lower.substr(0, t.lower.size() - 1)))) {  // "Friday", "on Fridays"
      found = true;
      if (i + 1 < n && in(kDayParts, word(i + 1))) last = i + 1;
    } else if (in(kDeictic, t.lower)) {
      found =
          !(t.lower == "today" && t.text[0] == 'T' && !t.sentence_start);  // "Today" programme, "USA Today"
    } else if (in(kRelativeModifiers, t.lower) && t.lower != "early" && t.lower != "late" && i + 1 < n &&
               in(kPeriods, word(i + 1))) {
      last = i + 1;  // last week, this year
      found = true;
      if (i > 0 && (word(i - 1) == "earlier" || word(i - 1) == "later")) first = i - 1;
    } else if (is_decade(t.text)) {
      found = true;
    } else if (is_number_like(t) && t.lower != "a" && t.lower != "an") {
      const std::size_t end = skip_number_words(tokens, i);
      if (end < n && end + 1 < n && in(kPeriodUnits, word(end)) && word(end + 1) == "ago") {
        last = end + 1;  // three weeks ago
        found = true;
      } else if (is_year(t.text) && i > 0 &&
                 (in(kDatePrepositions, word(i - 1)) || word(i - 1) == "mid" || word(i - 1) == "early" ||
                  word(i - 1) == "late")) {
        found = true;
      }
    } else if (t.lower.size() > 4 && t.lower.compare(0, 4, "mid-") == 0) {
      const std::string_view rest = std::string_view(t.lower).substr(4);
      found = in(kMonths, rest) || is_year(rest) || is_decade(rest);
    }
    if (!found) continue;
    // Modifiers that belong to the date: "last Tuesday", "early May", "Tuesday night".
    if (first == i && i > 0 && (in(kRelativeModifiers, word(i - 1)) || word(i - 1) == "mid") &&
        !in(kDeictic, t.lower)) {
      first = i - 1;
    }
    out.push_back({first, last, EntityType::Date, kPriorityDate});
    i = last;
  }
}

void find_money(const Tokens& tokens, std::vector<Candidate>& out) {
  const std::size_t n = tokens.size();
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t first = i, number = i;
    bool symbol_first = false;
    if (in(kCurrencySymbols, tokens[i].text)) {
      symbol_first = true;
      number = i + 1;
      if (i > 0 && !tokens[i].space_before && in(kCurrencyPrefixes, tokens[i - 1].lower))
        first = i - 1;  // US$
    } else if (in(kCurrencyCodes, tokens[i].lower) && i + 1 < n && is_number_token(tokens[i + 1].text)) {
      symbol_first = true;  // USD 5 million
      number = i + 1;
    }
    if (symbol_first) {
      if (number >= n) continue;
      const std::string_view num = tokens[number].lower;
      // "275", "3.5", "3bn", "275m"
      std::size_t d = 0;
      while (d < num.size() && ((num[d] >= '0' && num[d] <= '9') || num[d] == ',' || num[d] == '.')) ++d;
      if (d == 0) continue;
      const std::string_view suffix = std::string_view(num).substr(d);
      if (!suffix.empty() && !in(kScales, suffix)) continue;
      std::size_t last = number;
      if (suffix.empty() && last + 1 < n && in(kScales, tokens[last + 1].lower)) ++last;
      out.push_back({first, last, EntityType::Money, kPriorityMoney});
      i = last;
      continue;
    }
    // "5 million dollars", "300 euros", "two billion rubles"
    if (!is_number_like(tokens[i]) || tokens[i].lower == "a" || tokens[i].lower == "an") continue;
    std::size_t end = skip_number_words(tokens, i);
    if (end < n && (tokens[end].lower == "us" || tokens[end].lower == "u.s.") && end + 1 < n &&
        in(kCurrencyWords, tokens[end + 1].lower)) {
      ++end;
    }
    if (end < n && in(kCurrencyWords, tokens[end].lower) && end > i) {
      if (tokens[end].lower == "pounds" && end + 1 < n && tokens[end + 1].lower == "of") continue;  // weight
      out.push_back({i, end, EntityType::Money, kPriorityMoney});
      i = end;
    }
  }
}

void find_quantities(const Tokens& tokens, std::vector<Candidate>& out) {
  const std::size_t n = tokens.size();
  for (std::size_t i = 0; i < n; ++i) {
    const RuleToken& t = tokens[i];
    // Glued number and unit: "300km", "19mi", "155mm".
    if (t.text.size() > 1 && t.text[0] >= '0' && t.text[0] <= '9') {
      std::size_t d = 0;
      while (d < t.lower.size() &&
             ((t.lower[d] >= '0' && t.lower[d] <= '9') || t.lower[d] == ',' || t.lower[d] == '.'))
        ++d;
      const std::string_view unit = std::string_view(t.lower).substr(d);
      if (!unit.empty() && (unit == "km" || unit == "mm" || unit == "kg" || unit == "mi" || unit == "m" ||
                            unit == "ft" || unit == "mw" || unit == "gw" || unit == "cm" || unit == "t")) {
        out.push_back({i, i, EntityType::Quantity, kPriorityQuantity});
        continue;
      }
    }
    if (!is_number_like(t) || t.lower == "a" || t.lower == "an" || t.lower == "half" || t.lower == "several")
      continue;
    const std::size_t end = skip_number_words(tokens, i);
    if (end >= n || end == i) continue;
    std::size_t unit = end;
    if (tokens[unit].lower == "-" && unit + 1 < n && !tokens[unit].space_before) ++unit;  // "300-km"? rare
    const std::string_view u = tokens[unit].lower;
    if (!in(kUnits, u)) continue;
    // "m" alone is metres only after a digit number; "per" only as "per cent".
    if (u == "m" && !is_number_token(tokens[end - 1].text)) continue;
    std::size_t last = unit;
    if (u == "per") {
      if (unit + 1 < n && tokens[unit + 1].lower == "cent")
        last = unit + 1;
      else
        continue;
    }
    if (u == "sq" && unit + 1 < n) last = unit + 1;
    // Number words alone ("one people") are rare; require a digit or a plural unit.
    out.push_back({i, last, EntityType::Quantity, kPriorityQuantity});
    i = last;
  }
}

// Nouns that make a name before them a weapon even when the name is unknown ("Strix missiles"): only the
// unmistakably military ones ("Airbus aircraft", "Gulfstream jets", "Rocket Lab rockets" and "DJI drones" are
// not weapons).
constexpr std::string_view kNamingNouns[] = {
    "missile",      "missiles", "howitzer", "howitzers",  "tanks",   "warplanes", "launchers",
    "interceptors", "warships", "frigates", "submarines", "bombers", "torpedoes", "rifles"};

// A capitalised word no gazetteer knows, inside a sentence, before a military noun: the name of a weapon
// system the lists do not have ("the long-range Strix missiles"). Nationalities, places and organisations
// ("Russian missiles", "Hamas rockets") are known words and stay what they are.
static bool is_unknown_weapon_name(const Tokens& tokens, std::size_t i) {
  const RuleToken& t = tokens[i];
  if (t.sentence_start || t.lower_case_sentence || t.number_like || t.text.size() < 3 || t.text[0] < 'A' ||
      t.text[0] > 'Z' || i + 1 >= tokens.size())
    return false;
  const std::string_view next = tokens[i + 1].text;
  if (std::find(std::begin(kNamingNouns), std::end(kNamingNouns), next) == std::end(kNamingNouns))
    return false;
  const std::uint8_t known =
      embedded_gazetteer().lookup_key_and_prefix(Gazetteer::extend(Gazetteer::start_key(), t.lower_hash));
  return (known & (kGazLoc | kGazNorp | kGazFirstName | kGazOrg | kGazTitle | kGazOrgWord)) == 0;
}

void find_weapons(const Tokens& tokens, std::vector<Candidate>& out) {
  const WeaponData& data = weapon_data();
  const std::size_t n = tokens.size();
  for (std::size_t i = 0; i < n; ++i) {
    char kind = 0;
    std::size_t len = match_name(tokens, i, data, kind);
    bool designation = false;
    if (len == 0 && is_designation(tokens[i], data)) {
      len = 1;
      designation = true;
      kind = 'N';
    }
    if (len == 0 && is_unknown_weapon_name(tokens, i)) {
      len = 1;
      kind = 'H';  // a weapon only with its noun
    }
    // One drone is a weapon when it strikes ("drone strikes on refineries"); a delivery drone is not.
    if (len == 0 && tokens[i].lower == "drone" && i + 1 < n &&
        (tokens[i + 1].lower == "strike" || tokens[i + 1].lower == "strikes" ||
         tokens[i + 1].lower == "attack" || tokens[i + 1].lower == "attacks")) {
      out.push_back({i, i, EntityType::Weapon, kPriorityWeapon});
      continue;
    }
    if (len == 0) continue;
    if (kind != 'G' && !designation && !capitalised_or_lower_text(tokens[i])) continue;
    std::size_t last = i + len - 1;
    // A designation followed by a name: "M142 HIMARS", "AH-64 Apache".
    char next_kind = 0;
    const std::size_t next_len = last + 1 < n ? match_name(tokens, last + 1, data, next_kind) : 0;
    if (next_len > 0 && next_kind != 'G') {
      last += next_len;
      kind = kind == 'H' && next_kind == 'H' ? 'H' : 'N';
    } else if (last + 1 < n && is_designation(tokens[last + 1], data)) {
      last += 1;  // "Patriot PAC-3"
      kind = 'N';
    } else if (!designation && last + 1 < n && all_digits(tokens[last + 1].text, 1, 3)) {
      last += 1;  // "Leopard 2"
    }
    bool noun = false;
    const std::size_t end = extend_head(tokens, last, data, noun);
    if (kind == 'H' && !noun) continue;
    out.push_back({i, end, EntityType::Weapon, kPriorityWeapon});
    i = end;
  }
}

namespace {

bool starts_lower(std::string_view word) {
  std::size_t len = 1;
  return !word.empty() && text::is_lower(text::decode(word, 0, len));
}

bool starts_upper(std::string_view word) {
  std::size_t len = 1;
  return !word.empty() && text::is_upper(text::decode(word, 0, len));
}

// A calibre before a munition: "155mm", "7.62mm", "120-mm".
bool is_calibre(std::string_view w) {
  if (w.size() < 3 || w.compare(w.size() - 2, 2, "mm") != 0 || w[0] < '0' || w[0] > '9') return false;
  return std::all_of(w.begin(), w.end() - 2,
                     [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == '-'; });
}

// The shape of a model designation the lists may not know: a capitalised name, a hyphen and a number
// ("Orlan-10", "Strix-3M").
bool is_model_designation(std::string_view w) {
  const std::size_t hyphen = w.find('-');
  if (hyphen == std::string_view::npos || hyphen < 2 || hyphen + 1 >= w.size() || w[0] < 'A' || w[0] > 'Z')
    return false;
  for (std::size_t k = 1; k < hyphen; ++k) {
    if (!((w[k] >= 'a' && w[k] <= 'z') || (w[k] >= 'A' && w[k] <= 'Z'))) return false;
  }
  std::size_t k = hyphen + 1;
  while (k < w.size() && w[k] >= '0' && w[k] <= '9') ++k;
  return k > hyphen + 1 && w.size() - k <= 2;
}

// A word of a weapon phrase may be written in lower case, or capitalised at the start of a sentence, or
// anyhow in a sentence without capitals; a capital inside a sentence makes it a name ("the Harbour Jets").
bool common_word(const RuleToken& t) {
  return t.lower_case_sentence || starts_lower(t.text) || (t.sentence_start && starts_upper(t.text));
}

}  // namespace

// Weapon classes named by common words: [modifiers] head, where the head names a kind of weapon
// ("missiles", "frigate", "bomb") and the modifiers narrow it ("anti-ship", "car", "improvised explosive").
// A head that also names civil things ("tank", "fighter", "drone", "vehicle", "carrier") is a weapon only
// with evidence: a class-forming modifier ("armoured personnel carriers", "kamikaze drones") or a military
// word in the sentence ("the air force grounded its fighters"). A head followed by a word that it modifies
// ("shell company", "bomb squad") is not one. Events ("air strike", "shelling") have no weapon head.
// Named warships are a ship prefix and a name ("HMS Westmoor").
void find_weapon_classes(const Tokens& tokens, std::vector<Candidate>& out) {
  const WeaponData& data = weapon_data();
  const std::size_t n = tokens.size();
  std::size_t sentence_begin = 0;
  bool sentence_has_cue = false, sentence_has_air_cue = false;
  // The named weapons found so far (find_weapons runs first): one in a sentence is a military cue there.
  std::vector<char> named_weapon(n, 0);
  for (const Candidate& c : out) {
    if (c.type != EntityType::Weapon) continue;
    for (std::size_t k = c.first; k <= c.last && k < n; ++k) named_weapon[k] = 1;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (i == 0 || tokens[i].sentence_start) {
      sentence_begin = i;
      sentence_has_cue = false;
      sentence_has_air_cue = false;
      for (std::size_t k = i; k < n && (k == i || !tokens[k].sentence_start); ++k) {
        if (named_weapon[k] ||
            (data.cue_bits.test(tokens[k].lower_hash % 4096) && data.cues.count(tokens[k].lower)))
          sentence_has_cue = true;
        if (data.air_cues.count(tokens[k].lower) ||
            (tokens[k].lower == "force" && k > i && tokens[k - 1].lower == "air"))
          sentence_has_air_cue = true;
      }
    }
    const RuleToken& t = tokens[i];
    if (t.text.size() >= 2 && t.text.size() <= 5 && t.text[0] >= 'A' && t.text[0] <= 'Z' &&
        data.ship_prefixes.count(t.text) && i + 1 < n && starts_upper(tokens[i + 1].text) &&
        !tokens[i + 1].sentence_start) {
      std::size_t last = i + 1;
      while (last + 1 < n && last < i + 3 && starts_upper(tokens[last + 1].text) &&
             !tokens[last + 1].sentence_start && !data.nouns.count(tokens[last + 1].lower))
        ++last;
      out.push_back({i, last, EntityType::Weapon, kPriorityWeapon});
      i = last;
      continue;
    }
    if (!data.head_bits.test(t.lower_hash % 4096)) continue;
    const bool sure = data.heads.count(t.lower) > 0;
    const bool classed = data.classed_heads.count(t.lower) > 0;
    if (!sure && !classed && !data.context_heads.count(t.lower)) continue;
    // An abbreviation in capitals is the head's usual spelling ("IED", "RPGs").
    const bool abbreviation =
        sure && t.text.size() >= 3 && starts_upper(t.text) && t.text[1] >= 'A' && t.text[1] <= 'Z';
    if (!common_word(t) && !abbreviation) continue;
    if (i + 1 < n && common_word(tokens[i + 1]) && !tokens[i + 1].sentence_start) {
      const std::string_view next = tokens[i + 1].lower;
      // A head before another head or a tail word modifies it ("rocket launchers", "shell company"); an
      // ambiguous one before "of" is a measure or a part ("a tank of water", "rounds of talks").
      if (data.tails.count(next) || data.any_head(next) || (!sure && next == "of")) continue;
    }
    // A class noun before a warship's name is its title: the name is the mention ("the frigate HMS X").
    if (i + 1 < n && data.ship_prefixes.count(tokens[i + 1].text)) continue;
    std::size_t first = i;
    bool evidence = false, modifier_evidence = false;
    while (first > sentence_begin) {
      const RuleToken& before = tokens[first - 1];
      if (!common_word(before)) break;
      const std::string_view w = before.lower;
      const bool weak = data.weak_modifiers.count(w) > 0;
      // A head before the head modifies it ("interceptor missile", "aircraft carrier", "tank shells").
      const bool head = data.any_head(w);
      const bool modifier = data.modifiers.count(w) || is_weapon_compound(w, data);
      if (!weak && !head && !data.class_words.count(w) && !modifier && !is_calibre(w)) break;
      evidence = evidence || !weak;
      modifier_evidence = modifier_evidence || modifier;
      --first;
    }
    if (data.person_heads.count(t.lower)) {
      // A fighter or a bomber may be a combatant: only an aircraft modifier ("strategic bombers", not
      // "suicide bomber") or an aircraft word in the sentence makes it a machine, and never "the fighter,
      // who ...".
      const std::size_t after = i + 1 < n && tokens[i + 1].text == "," ? i + 2 : i + 1;
      if (after < n && tokens[after].lower == "who") continue;
      if (!modifier_evidence && !sentence_has_air_cue) continue;
    } else if (!sure && !evidence && (classed || !sentence_has_cue)) {
      continue;
    }
    // A model designation before the class is its name ("Orlan-10 reconnaissance drone").
    if (first > sentence_begin && is_model_designation(tokens[first - 1].text)) --first;
    out.push_back({first, i, EntityType::Weapon, kPriorityWeapon});
  }
}

bool is_norp_phrase(std::string_view lower_phrase) {
  std::uint64_t hashes[Gazetteer::kMaxPhraseWords];
  int count = 0;
  std::size_t i = 0;
  while (i < lower_phrase.size() && count < Gazetteer::kMaxPhraseWords) {
    std::size_t j = lower_phrase.find(' ', i);
    if (j == std::string_view::npos) j = lower_phrase.size();
    if (j > i) hashes[count++] = hash_bytes(lower_phrase.substr(i, j - i));
    i = j + 1;
  }
  return count > 0 && (embedded_gazetteer().lookup(hashes, count) & kGazNorp) != 0;
}

void find_norp(const Tokens& tokens, std::vector<Candidate>& out) {
  const Gazetteer& gazetteer = embedded_gazetteer();
  const std::size_t n = tokens.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!capitalised_or_lower_text(tokens[i])) continue;
    // The two-word phrase is looked up only when some phrase continues the first word.
    const std::uint64_t first_key = Gazetteer::extend(Gazetteer::start_key(), tokens[i].lower_hash);
    const std::uint8_t first = gazetteer.lookup_key_and_prefix(first_key);
    if (i + 1 < n && (first & Gazetteer::kLongerPhrases) &&
        (gazetteer.lookup_key(Gazetteer::extend(first_key, tokens[i + 1].lower_hash)) & kGazNorp) &&
        capitalised_or_lower_text(tokens[i + 1])) {
      out.push_back({i, i + 1, EntityType::Norp, kPriorityNorp});
      ++i;
    } else if (first & kGazNorp) {
      out.push_back({i, i, EntityType::Norp, kPriorityNorp});
    }
  }
}

}  // namespace articlescope::entities
