#include "text/segment.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "text/utf8.hpp"

namespace articlescope::text {

namespace {

// Abbreviations that are followed by a name or a number, so their dot never ends a sentence.
constexpr std::array<std::string_view, 44> kTitleAbbreviations = {
    "mr",  "mrs",  "ms",  "dr",  "prof", "gen",  "lt",  "col", "maj",    "capt", "sgt",
    "adm", "cmdr", "gov", "sen", "rep",  "pres", "rev", "hon", "st",     "mt",   "ft",
    "jan", "feb",  "mar", "apr", "jun",  "jul",  "aug", "sep", "sept",   "oct",  "nov",
    "dec", "no",   "nos", "vs",  "e.g",  "i.e",  "cf",  "fig", "approx", "pp",   "gens"};

// Abbreviations that may end a sentence when a sentence starter follows ("... in the U.S. The ...").
constexpr std::array<std::string_view, 14> kOtherAbbreviations = {
    "inc", "corp", "ltd", "co", "bros", "etc", "jr", "sr", "dept", "univ", "ave", "blvd", "est", "al"};

constexpr std::array<std::string_view, 40> kSentenceStarters = {
    "The",    "A",     "An",   "He",        "She",  "It",   "They",  "We",    "I",     "You",
    "But",    "And",   "In",   "On",        "This", "That", "These", "Those", "There", "His",
    "Her",    "Their", "Its",  "As",        "At",   "For",  "If",    "When",  "While", "After",
    "Before", "Some",  "Many", "Officials", "Mr.",  "Mrs.", "Ms.",   "Dr.",   "So",    "Yet"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }
bool is_currency(char32_t cp) {
  return cp == '$' || cp == 0xA3 || cp == 0xA5 || cp == 0x20AC || cp == 0x20B9 || cp == 0x20BD ||
         cp == 0x20A9;
}
bool is_word_char(char32_t cp) { return is_letter(cp) || is_digit(cp) || (cp >= 0x300 && cp <= 0x36F); }

struct Cursor {
  std::string_view s;
  char32_t at(std::size_t i, std::size_t* len = nullptr) const {
    if (i >= s.size()) {
      if (len) *len = 0;
      return 0;
    }
    std::size_t l = 1;
    const char32_t cp = decode(s, i, l);
    if (len) *len = l;
    return cp;
  }
};

// "U.S", "e.g", "J": letters (single or dotted) so far, so that a following dot belongs to the token.
bool is_dotted_initials(std::string_view word) {
  if (word.empty()) return false;
  bool expect_letter = true;
  for (char c : word) {
    if (expect_letter) {
      if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return false;
    } else if (c != '.') {
      return false;
    }
    expect_letter = !expect_letter;
  }
  return !expect_letter;
}

// Lower-cased copy of an ASCII word of up to 8 bytes in `buffer`; empty for any other word, which can match
// none of the (short, ASCII) abbreviation lists, since lower-casing keeps non-ASCII letters non-ASCII.
std::string_view lower_short_ascii(std::string_view word, char (&buffer)[8]) {
  if (word.size() > sizeof buffer) return {};
  for (std::size_t k = 0; k < word.size(); ++k) {
    const char c = word[k];
    if (static_cast<unsigned char>(c) >= 0x80) return {};
    buffer[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  return {buffer, word.size()};
}

std::string_view without_dot(std::string_view token) {
  return !token.empty() && token.back() == '.' ? token.substr(0, token.size() - 1) : token;
}

// "a.m." / "p.m." (any case) ending a token.
bool ends_with_clock(std::string_view token) {
  char buffer[8];
  const std::string_view l = lower_short_ascii(token, buffer);
  return l == "a.m." || l == "p.m.";
}

constexpr std::array<std::string_view, 19> kDaysAndMonths = {
    "Monday",  "Tuesday",   "Wednesday", "Thursday", "Friday",  "Saturday", "Sunday",
    "January", "February",  "March",     "April",    "May",     "June",     "July",
    "August",  "September", "October",   "November", "December"};

bool is_day_or_month(std::string_view word) { return contains(kDaysAndMonths, word); }

// "GMT", "ET", "CET": a word of capitals only (a time zone after a time of day).
bool is_all_caps(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

bool is_title_abbreviation(std::string_view token) {
  const std::string_view bare = without_dot(token);
  if (bare.size() == 1 && bare[0] >= 'A' && bare[0] <= 'Z') return true;  // an initial: "J."
  char buffer[8];
  return contains(kTitleAbbreviations, lower_short_ascii(bare, buffer));
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  tokens.reserve(s.size() / 5 + 1);
  const Cursor c{s};
  bool space = false;
  bool newline = false;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 1;
    const char32_t cp = c.at(i, &len);
    if (is_space(cp) || cp == 0x200B) {
      space = true;
      newline = newline || cp == '\n' || cp == 0x2028 || cp == 0x2029;
      i += len;
      continue;
    }
    Token token;
    token.start = i;
    token.space_before = space && !tokens.empty();
    token.newline_before = newline && !tokens.empty();
    space = newline = false;
    if (is_word_char(cp)) {
      const bool numeric = is_digit(cp);
      std::size_t j = i + len;
      while (j < s.size()) {
        std::size_t l1 = 1;
        const char32_t a = c.at(j, &l1);
        if (is_word_char(a)) {
          j += l1;
          continue;
        }
        std::size_t l2 = 0;
        const char32_t b = c.at(j + l1, &l2);
        const char32_t prev = c.at(j - 1);
        if ((a == '-' || a == 0x2010 || a == 0x2011) && is_word_char(b)) {
          j += l1;
          continue;
        }
        if (is_apostrophe(a) && is_letter(b)) {
          // Possessive and contraction endings are separate tokens ("Biden" "'s"; "do" "n't" is rare in
          // news).
          std::size_t l3 = 0;
          const char32_t after = c.at(j + l1 + l2, &l3);
          if ((b == 's' || b == 'S') && !is_word_char(after)) break;
          j += l1;
          continue;
        }
        if ((a == '.' || a == ',') && is_digit(prev) && is_digit(b)) {
          j += l1;
          continue;
        }
        if (a == '.' && is_letter(b) && is_dotted_initials(s.substr(i, j - i))) {
          j += l1;
          continue;
        }
        if (a == '&' && is_upper(b) && is_upper(prev)) {  // "AT&T", "S&P"
          j += l1;
          continue;
        }
        break;
      }
      if (j < s.size() && s[j] == '.') {
        const std::string_view word = s.substr(i, j - i);
        char buffer[8];
        const std::string_view bare = lower_short_ascii(word, buffer);
        if (is_dotted_initials(word) || contains(kTitleAbbreviations, bare) ||
            contains(kOtherAbbreviations, bare)) {
          ++j;
        }
      }
      token.end = j;
      token.kind = numeric ? TokenKind::Number : TokenKind::Word;
    } else if (is_apostrophe(cp) && !tokens.empty() && !token.space_before &&
               (c.at(i + len) == 's' || c.at(i + len) == 'S') && !is_word_char(c.at(i + len + 1))) {
      token.end = i + len + 1;
      token.kind = TokenKind::Word;
    } else if (cp == '.' && s.substr(i, 3) == "...") {
      token.end = i + 3;
      token.kind = TokenKind::Punct;
    } else {
      token.end = i + len;
      token.kind = is_currency(cp) || cp == '%' || cp == '#' || cp == '@' || cp == '&' || cp == '+'
                       ? TokenKind::Symbol
                       : TokenKind::Punct;
    }
    i = token.end;
    tokens.push_back(token);
  }
  return tokens;
}

namespace {

bool is_closing(std::string_view t) {
  return t == "\"" || t == "'" || t == ")" || t == "]" || t == "\xE2\x80\x9D" || t == "\xE2\x80\x99" ||
         t == "\xC2\xBB";
}

bool starts_upper_or_digit(std::string_view s) {
  std::size_t len = 1;
  const char32_t cp = s.empty() ? 0 : decode(s, 0, len);
  return is_upper(cp) || is_digit(cp) || (!is_lower(cp) && is_letter(cp));
}

bool opens_quote(std::string_view t) {
  return t == "\"" || t == "'" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x98" || t == "\xC2\xAB" || t == "(" ||
         t == "[" || t == "-" || t == "\xE2\x80\x94";
}

}  // namespace

TextIndex segment(std::string_view text, const std::vector<Block>& blocks) {
  TextIndex index;
  index.tokens = tokenize(text);
  const auto& tokens = index.tokens;
  const auto tok = [&](std::size_t k) {
    return text.substr(tokens[k].start, tokens[k].end - tokens[k].start);
  };
  // A hard boundary before token k: a new block, or a line break in text without blocks.
  std::size_t block = 0;
  const auto block_of = [&](std::size_t offset) {
    while (block + 1 < blocks.size() && offset >= blocks[block].end) ++block;
    return block;
  };
  std::size_t first = 0;
  std::size_t sentence_block = tokens.empty() ? 0 : block_of(tokens[0].start);
  const auto close = [&](std::size_t last) {
    if (last <= first) return;
    Sentence sentence;
    sentence.first_token = first;
    sentence.last_token = last;
    sentence.start = tokens[first].start;
    sentence.end = tokens[last - 1].end;
    sentence.block = sentence_block;
    index.sentences.push_back(sentence);
    first = last;
  };
  constexpr std::size_t kMaxSentenceTokens = 400;  // bounds the work of later stages on run-on text
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (k > first) {
      const std::size_t b = blocks.empty() ? 0 : block_of(tokens[k].start);
      const bool hard =
          (!blocks.empty() && b != sentence_block) || (blocks.empty() && tokens[k].newline_before);
      if (hard || k - first >= kMaxSentenceTokens) {
        close(k);
        sentence_block = b;
      }
    }
    const std::string_view t = tok(k);
    const bool terminal = t == "." || t == "!" || t == "?" || t == "..." || t == "\xE2\x80\xA6";
    const bool abbreviation_end = t.size() > 1 && t.back() == '.' && !is_title_abbreviation(t);
    if (!terminal && !abbreviation_end) continue;
    std::size_t end = k + 1;
    while (end < tokens.size() && !tokens[end].space_before && is_closing(tok(end))) ++end;
    if (end >= tokens.size()) continue;
    if (!tokens[end].space_before && !tokens[end].newline_before) continue;
    const std::string_view next = tok(end);
    bool split = false;
    if (terminal) {
      split = starts_upper_or_digit(next) || opens_quote(next);
    } else if (ends_with_clock(t)) {
      // "... switched off by 11 p.m. Restaurants must ...": after a time of day a capitalised word opens a
      // sentence, unless it still says when ("11 p.m. Tuesday", "9 a.m. GMT", "9 a.m. Moscow time").
      const bool when =
          is_day_or_month(next) || is_all_caps(next) || (end + 1 < tokens.size() && tok(end + 1) == "time");
      split = contains(kSentenceStarters, next) || (starts_upper_or_digit(next) && !when);
    } else {
      split = contains(kSentenceStarters, next);
    }
    if (split) {
      k = end - 1;
      close(end);
      if (!blocks.empty()) sentence_block = block_of(tokens[end].start);
    }
  }
  close(tokens.size());
  return index;
}

}  // namespace articlescope::text
