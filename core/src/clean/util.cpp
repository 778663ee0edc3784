#include "clean/util.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <utility>

namespace articlescope::clean {

void append_block(Article& article, BlockKind kind, int level, std::string_view text) {
  if (!article.text.empty()) article.text += "\n\n";
  Block block;
  block.kind = kind;
  block.level = level;
  block.start = article.text.size();
  article.text += text;
  block.end = article.text.size();
  article.blocks.push_back(block);
}
namespace {

// Decodes one UTF-8 code point; invalid bytes decode as themselves with length 1 (input is valid UTF-8).
char32_t decode_at(std::string_view s, std::size_t i, std::size_t& len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    len = 1;
    return c;
  }
  std::size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (need == 1 || i + need > s.size()) {
    len = 1;
    return c;
  }
  char32_t cp = c & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < need; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  len = need;
  return cp;
}

bool is_space_cp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

bool is_zero_width(char32_t cp) {
  return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp == 0xAD;
}

bool is_word_cp(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (is_space_cp(cp) || is_zero_width(cp)) return false;
  if (cp >= 0x2000 && cp <= 0x206F) return false;  // general punctuation
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // full-width punctuation
  if (cp == 0xAB || cp == 0xBB || cp == 0xA9 || cp == 0xAE || cp == 0xB7 || cp == 0xA7 || cp == 0xB0 ||
      cp == 0xB6)
    return false;
  return true;
}

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

void append_collapsed(std::string& out, std::string_view text, bool& pending_space) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        pending_space = true;
        ++i;
        continue;
      }
      if (pending_space && !out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
      pending_space = false;
      // The rest of this run of visible ASCII in one piece.
      std::size_t j = i + 1;
      while (j < text.size() && static_cast<unsigned char>(text[j]) > ' ' &&
             static_cast<unsigned char>(text[j]) < 0x80)
        ++j;
      out.append(text.substr(i, j - i));
      i = j;
      continue;
    }
    std::size_t len = 1;
    const char32_t cp = decode_at(text, i, len);
    if (is_space_cp(cp)) {
      pending_space = true;
    } else if (!is_zero_width(cp)) {
      if (pending_space && !out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
      pending_space = false;
      out.append(text.substr(i, len));
    }
    i += len;
  }
}

std::string collapse(std::string_view text) {
  std::string out;
  bool pending = false;
  append_collapsed(out, text, pending);
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && static_cast<unsigned char>(text.front()) <= ' ') text.remove_prefix(1);
  while (!text.empty() && static_cast<unsigned char>(text.back()) <= ' ') text.remove_suffix(1);
  return text;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string normalise_key(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {  // ASCII without decoding: a letter (lower-cased) or digit is kept
      if (is_ascii_alpha(static_cast<char>(c)) || is_ascii_digit(static_cast<char>(c))) {
        if (space && !out.empty()) out += ' ';
        space = false;
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
      } else {
        space = true;
      }
      ++i;
      continue;
    }
    std::size_t len = 1;
    const char32_t cp = decode_at(text, i, len);
    i += len;
    if (is_word_cp(cp)) {
      if (space && !out.empty()) out += ' ';
      space = false;
      text::append_utf8(out, text::to_lower(cp));
    } else {
      space = true;
    }
  }
  return out;
}

std::size_t count_chars(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {  // most of a page's text: no decoding, and an ASCII letter or digit is a word character
      const bool word = is_ascii_alpha(static_cast<char>(c)) || is_ascii_digit(static_cast<char>(c));
      words += word && !in_word;
      in_word = word;
      ++i;
      continue;
    }
    std::size_t len = 1;
    const char32_t cp = decode_at(text, i, len);
    i += len;
    const bool word = is_word_cp(cp);
    // CJK ideographs count one word each: those scripts do not use spaces.
    if (word && cp >= 0x3040 && cp <= 0x9FFF) {
      ++words;
      in_word = false;
      continue;
    }
    if (word && !in_word) ++words;
    in_word = word;
  }
  return words;
}

PatternSet::PatternSet(std::vector<std::string_view> patterns) : patterns_(std::move(patterns)) {
  for (std::size_t k = 0; k < patterns_.size(); ++k) {
    if (!patterns_[k].empty())
      by_first_byte_[static_cast<unsigned char>(patterns_[k].front())].push_back(
          static_cast<std::uint16_t>(k));
  }
}

std::size_t PatternSet::first_listed_in(std::string_view text) const {
  std::size_t best = npos;
  for_each_match(text, [&](std::size_t k, std::size_t) { best = std::min(best, k); });
  return best;
}

std::size_t count_commas(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ',') {
      ++n;
    } else if (c >= 0xD8 &&
               (text.compare(i, 3, "\xEF\xBC\x8C") == 0 || text.compare(i, 3, "\xE3\x80\x81") == 0 ||
                text.compare(i, 2, "\xD8\x8C") == 0)) {
      ++n;  // U+FF0C, U+3001, U+060C
    }
  }
  return n;
}

bool contains_phrase(std::string_view text, std::string_view needle) {
  if (needle.empty()) return false;
  for (std::size_t pos = text.find(needle); pos != std::string_view::npos; pos = text.find(needle, pos + 1)) {
    const bool left_ok = pos == 0 || !is_ascii_alpha(text[pos - 1]);
    const std::size_t end = pos + needle.size();
    const bool right_ok = end >= text.size() || !is_ascii_alpha(text[end]);
    if (left_ok && right_ok) return true;
  }
  return false;
}

std::string escape_html(std::string_view text, bool quotes) {
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t copied = 0;  // text[copied, i) needs no escape and is appended in one piece
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::string_view entity;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        if (!quotes) continue;
        entity = "&quot;";
        break;
      default:
        continue;
    }
    out.append(text.substr(copied, i - copied)).append(entity);
    copied = i + 1;
  }
  out.append(text.substr(copied));
  return out;
}

std::string shorten(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";
}

std::string url_host(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, std::min(rest.find('/'), std::min(rest.find('?'), rest.find('#'))));
  if (const auto at = rest.find('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  if (const auto colon = rest.find(':'); colon != std::string_view::npos) rest = rest.substr(0, colon);
  std::string host = lower_ascii(rest);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

namespace {

std::string remove_dot_segments(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  const bool trailing =
      path.size() > 0 && (path.back() == '/' || path.ends_with("/.") || path.ends_with("/.."));
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const std::string_view part =
        path.substr(start, slash == std::string_view::npos ? path.npos : slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (part != "." && !part.empty()) {
      parts.push_back(part);
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const auto& part : parts) {
    out += '/';
    out.append(part);
  }
  if (trailing || out.empty()) out += '/';
  return out;
}

// The scheme of `url` in lower case ("" for a relative reference): letters, digits, + - . before a ':' that
// comes before any '/', '?' or '#'.
std::string scheme_of(std::string_view url) {
  std::size_t i = 0;
  while (i < url.size() && (is_ascii_alpha(url[i]) || (i > 0 && (is_ascii_digit(url[i]) || url[i] == '+' ||
                                                                 url[i] == '-' || url[i] == '.')))) {
    ++i;
  }
  return i > 0 && i < url.size() && url[i] == ':' ? lower_ascii(url.substr(0, i)) : std::string();
}

// True when a browser would not run `url` as a script: a scheme (as the browser reads it, without tabs and
// line breaks) among http, https, mailto, ftp and tel, or none and no control characters.
bool is_safe_link(std::string_view url) {
  std::string seen;
  for (char c : url) {
    if (c != '\t' && c != '\n' && c != '\r') seen += c;
  }
  const std::string scheme = scheme_of(seen);
  if (scheme.empty()) {
    for (char c : url) {
      if (static_cast<unsigned char>(c) < 0x20) return false;
    }
    return true;
  }
  return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "ftp" || scheme == "tel";
}

// RFC 3986 reference resolution against an absolute http(s) `base` (or none: "").
std::string resolve_reference(std::string_view base, std::string_view ref) {
  if (!scheme_of(ref).empty()) return std::string(ref);
  const auto base_scheme_end = base.find("://");
  if (base_scheme_end == std::string_view::npos) {
    return ref.rfind("//", 0) == 0 ? "https:" + std::string(ref) : std::string(ref);
  }
  const std::string_view scheme = base.substr(0, base_scheme_end);
  const std::size_t authority_start = base_scheme_end + 3;
  std::size_t authority_end = base.find_first_of("/?#", authority_start);
  if (authority_end == std::string_view::npos) authority_end = base.size();
  const std::string_view origin = base.substr(0, authority_end);
  if (ref.empty()) return std::string(base);
  if (ref.rfind("//", 0) == 0) return std::string(scheme) + ":" + std::string(ref);
  const std::string_view base_no_fragment = base.substr(0, std::min(base.find('#'), base.size()));
  if (ref[0] == '#') return std::string(base_no_fragment) + std::string(ref);
  std::string_view base_path = base.substr(authority_end);
  base_path = base_path.substr(0, std::min(base_path.find_first_of("?#"), base_path.size()));
  if (ref[0] == '?')
    return std::string(origin) + std::string(base_path.empty() ? "/" : base_path) + std::string(ref);
  std::string_view ref_path = ref;
  std::string_view suffix;
  if (const auto q = ref.find_first_of("?#"); q != std::string_view::npos) {
    ref_path = ref.substr(0, q);
    suffix = ref.substr(q);
  }
  std::string merged;
  if (ref_path[0] == '/') {
    merged = std::string(ref_path);
  } else {
    const auto last_slash = base_path.rfind('/');
    merged = last_slash == std::string_view::npos ? "/" : std::string(base_path.substr(0, last_slash + 1));
    merged += ref_path;
  }
  return std::string(origin) + remove_dot_segments(merged) + std::string(suffix);
}

}  // namespace

bool is_web_url(std::string_view url) {
  const std::string scheme = scheme_of(url);
  if (scheme != "http" && scheme != "https") return false;
  const std::string_view rest = url.substr(scheme.size() + 1);
  if (rest.size() < 3 || rest.substr(0, 2) != "//" || rest[2] == '/') return false;  // a host is needed
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20) return false;
  }
  return true;
}

std::string resolve_url(std::string_view base, std::string_view ref) {
  ref = trim(ref);
  if (!is_safe_link(ref)) return {};
  // Only an http(s) base: a javascript: or data: base would turn every relative link into a script.
  std::string url = resolve_reference(is_web_url(base) ? base : std::string_view(), ref);
  return is_safe_link(url) ? url : std::string();  // checked again after resolution
}

namespace {

struct MonthName {
  std::string_view prefix;
  int month;
};

// Month names (lower-case prefixes) in the languages the dev corpora show most: en, de, fr, es, it, pt, nl,
// pl.
constexpr MonthName kMonths[] = {
    {"january", 1},
    {"jan", 1},
    {"januar", 1},
    {"janvier", 1},
    {"enero", 1},
    {"gennaio", 1},
    {"janeiro", 1},
    {"januari", 1},
    {"february", 2},
    {"feb", 2},
    {"februar", 2},
    {"février", 2},
    {"fevrier", 2},
    {"febrero", 2},
    {"febbraio", 2},
    {"fevereiro", 2},
    {"februari", 2},
    {"march", 3},
    {"mar", 3},
    {"märz", 3},
    {"mars", 3},
    {"marzo", 3},
    {"março", 3},
    {"maart", 3},
    {"april", 4},
    {"apr", 4},
    {"avril", 4},
    {"abril", 4},
    {"aprile", 4},
    {"may", 5},
    {"mai", 5},
    {"mayo", 5},
    {"maggio", 5},
    {"maio", 5},
    {"mei", 5},
    {"june", 6},
    {"jun", 6},
    {"juni", 6},
    {"juin", 6},
    {"junio", 6},
    {"giugno", 6},
    {"junho", 6},
    {"july", 7},
    {"jul", 7},
    {"juli", 7},
    {"juillet", 7},
    {"julio", 7},
    {"luglio", 7},
    {"julho", 7},
    {"august", 8},
    {"aug", 8},
    {"août", 8},
    {"aout", 8},
    {"agosto", 8},
    {"augustus", 8},
    {"september", 9},
    {"sep", 9},
    {"sept", 9},
    {"septembre", 9},
    {"septiembre", 9},
    {"settembre", 9},
    {"setembro", 9},
    {"october", 10},
    {"oct", 10},
    {"oktober", 10},
    {"octobre", 10},
    {"octubre", 10},
    {"ottobre", 10},
    {"outubro", 10},
    {"okt", 10},
    {"november", 11},
    {"nov", 11},
    {"novembre", 11},
    {"noviembre", 11},
    {"novembro", 11},
    {"december", 12},
    {"dec", 12},
    {"dezember", 12},
    {"décembre", 12},
    {"decembre", 12},
    {"diciembre", 12},
    {"dicembre", 12},
    {"dezembro", 12},
    {"dez", 12},
    {"dic", 12},
    // Polish, in the genitive a date uses ("16 marca 2021") and the nominative of a month's heading.
    {"stycznia", 1},
    {"styczeń", 1},
    {"lutego", 2},
    {"luty", 2},
    {"marca", 3},
    {"marzec", 3},
    {"kwietnia", 4},
    {"kwiecień", 4},
    {"maja", 5},
    {"maj", 5},
    {"czerwca", 6},
    {"czerwiec", 6},
    {"lipca", 7},
    {"lipiec", 7},
    {"sierpnia", 8},
    {"sierpień", 8},
    {"września", 9},
    {"wrzesień", 9},
    {"października", 10},
    {"październik", 10},
    {"listopada", 11},
    {"listopad", 11},
    {"grudnia", 12},
    {"grudzień", 12},
};

int month_from_word(std::string_view word) {
  const std::string lower = lower_ascii(word);
  for (const MonthName& m : kMonths) {
    if (lower == m.prefix) return m.month;
  }
  return 0;
}

struct DateToken {
  enum Kind { Number, Word, Other } kind;
  std::string_view text;
  std::size_t pos;
};

std::string format_date(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return {};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::string normalise_date(std::string_view text) {
  text = trim(text);
  if (text.size() > 400) text = text.substr(0, 400);
  // 1. ISO 8601 at the start: keep the time and zone when present.
  auto digits_at = [&](std::size_t pos, std::size_t n) {
    if (pos + n > text.size()) return false;
    for (std::size_t k = 0; k < n; ++k) {
      if (!is_ascii_digit(text[pos + k])) return false;
    }
    return true;
  };
  for (std::size_t start = 0; start + 10 <= text.size(); ++start) {
    if (start > 0 && is_ascii_digit(text[start - 1])) continue;
    if (!(digits_at(start, 4) &&
          (text[start + 4] == '-' || text[start + 4] == '/' || text[start + 4] == '.') &&
          digits_at(start + 5, 2) && text[start + 7] == text[start + 4] && digits_at(start + 8, 2))) {
      continue;
    }
    std::string date = format_date(to_int(text.substr(start, 4)), to_int(text.substr(start + 5, 2)),
                                   to_int(text.substr(start + 8, 2)));
    if (date.empty()) continue;
    std::size_t p = start + 10;
    if (text[start + 4] == '-' && p + 6 <= text.size() && (text[p] == 'T' || text[p] == ' ') &&
        digits_at(p + 1, 2) && text[p + 3] == ':' && digits_at(p + 4, 2)) {
      std::size_t end = p + 6;
      if (end + 3 <= text.size() && text[end] == ':' && digits_at(end + 1, 2)) end += 3;
      while (end < text.size() && (text[end] == '.' || is_ascii_digit(text[end]))) ++end;
      if (end < text.size() && text[end] == 'Z') {
        ++end;
      } else if (end + 3 <= text.size() && (text[end] == '+' || text[end] == '-') && digits_at(end + 1, 2)) {
        end += 3;
        if (end + 3 <= text.size() && text[end] == ':' && digits_at(end + 1, 2)) {
          end += 3;
        } else if (digits_at(end, 2)) {
          end += 2;
        }
      }
      date += 'T';
      date.append(text.substr(p + 1, end - p - 1));
    }
    return date;
  }
  // 2. Tokens: numbers and words, for "March 5, 2024", "5 March 2024", "05.03.2024", "5. März 2024".
  std::vector<DateToken> tokens;
  for (std::size_t i = 0; i < text.size() && tokens.size() < 80;) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (is_ascii_digit(static_cast<char>(c))) {
      std::size_t j = i;
      while (j < text.size() && is_ascii_digit(text[j])) ++j;
      tokens.push_back({DateToken::Number, text.substr(i, j - i), i});
      i = j;
    } else if (is_ascii_alpha(static_cast<char>(c)) || c >= 0x80) {
      std::size_t j = i;
      while (j < text.size() && (is_ascii_alpha(text[j]) || static_cast<unsigned char>(text[j]) >= 0x80)) ++j;
      tokens.push_back({DateToken::Word, text.substr(i, j - i), i});
      i = j;
    } else {
      if (c != ' ' && c != ',' && c != '.') tokens.push_back({DateToken::Other, text.substr(i, 1), i});
      ++i;
    }
  }
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const DateToken& t = tokens[k];
    auto number = [&](std::size_t idx, std::size_t min_len, std::size_t max_len) {
      return idx < tokens.size() && tokens[idx].kind == DateToken::Number &&
             tokens[idx].text.size() >= min_len && tokens[idx].text.size() <= max_len;
    };
    auto skip_de = [&](std::size_t idx) {  // "de" / "of" between parts: "5 de marzo de 2024"
      while (idx < tokens.size() && tokens[idx].kind == DateToken::Word &&
             (tokens[idx].text == "de" || tokens[idx].text == "of" || tokens[idx].text == "del")) {
        ++idx;
      }
      return idx;
    };
    if (t.kind == DateToken::Word) {
      const int month = month_from_word(t.text);
      if (month != 0 && number(k + 1, 1, 2) && number(k + 2, 4, 4)) {
        std::string date = format_date(to_int(tokens[k + 2].text), month, to_int(tokens[k + 1].text));
        if (!date.empty()) return date;
      }
    } else if (number(k, 1, 2)) {
      const std::size_t m = skip_de(k + 1);
      if (m < tokens.size() && tokens[m].kind == DateToken::Word) {
        const int month = month_from_word(tokens[m].text);
        const std::size_t y = skip_de(m + 1);
        if (month != 0 && number(y, 4, 4)) {
          std::string date = format_date(to_int(tokens[y].text), month, to_int(t.text));
          if (!date.empty()) return date;
        }
      }
      // dd.mm.yyyy or dd/mm/yyyy (day first unless the second number cannot be a month).
      const std::size_t p = t.pos + t.text.size();
      if (p < text.size() && (text[p] == '.' || text[p] == '/' || text[p] == '-') && number(k + 1, 1, 2) &&
          number(k + 2, 4, 4)) {
        int day = to_int(t.text), month = to_int(tokens[k + 1].text);
        if (month > 12 && day <= 12) std::swap(day, month);
        std::string date = format_date(to_int(tokens[k + 2].text), month, day);
        if (!date.empty()) return date;
      }
    }
  }
  return {};
}

}  // namespace articlescope::clean
