#include "text/utf8.hpp"

#include <cstring>

namespace articlescope::text {

namespace {
constexpr char32_t kReplacement = 0xFFFD;

// Word-at-a-time byte tests over 8 bytes (pages are mostly ASCII, and these scans see every input byte).
constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
std::uint64_t load8(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}
bool any_high_byte(std::uint64_t word) { return (word & kHighs) != 0; }
// True when some byte is below 0x20 (exact for words without high bytes).
bool any_control_byte(std::uint64_t word) { return ((word - kOnes * 0x20) & ~word & kHighs) != 0; }
}  // namespace

char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  len = 1;
  if (b0 < 0x80) return b0;
  std::size_t need = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3, cp = b0 & 0x07, min = 0x10000;
  } else {
    return kReplacement;
  }
  if (i + need >= s.size()) return kReplacement;
  for (std::size_t k = 1; k <= need; ++k) {
    const unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return kReplacement;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;
  len = need + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (s.size() - i >= 8 && !any_high_byte(load8(s.data() + i))) {
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 1;
    if (decode(s, i, len) == kReplacement && len == 1) return i;  // a genuine U+FFFD decodes with length 3
    i += len;
  }
  return std::string_view::npos;
}

std::string repair_utf8(std::string_view s, bool& repaired) {
  repaired = false;
  std::size_t i = find_invalid_utf8(s);
  if (i == std::string_view::npos) return std::string(s);
  std::string out;
  std::size_t copied = 0;  // s[copied, i) is valid and still to be appended once anything is repaired
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // most pages are mostly ASCII: no decoding
      ++i;
      continue;
    }
    std::size_t len = 1;
    const char32_t cp = decode(s, i, len);
    if (cp == kReplacement && len == 1) {  // a genuine U+FFFD decodes with length 3
      if (!repaired) out.reserve(s.size() + 16);
      repaired = true;
      out.append(s.substr(copied, i - copied));
      append_utf8(out, kReplacement);
      copied = i + 1;
    }
    i += len;
  }
  out.append(s.substr(copied));
  return out;
}

bool looks_binary(std::string_view s) {
  const std::size_t sample = s.size() < 65536 ? s.size() : 65536;
  std::size_t control = 0;
  for (std::size_t i = 0; i < sample;) {
    if (sample - i >= 8) {
      const std::uint64_t word = load8(s.data() + i);
      if (!any_high_byte(word) && !any_control_byte(word)) {  // no NUL, no control byte: nothing to count
        i += 8;
        continue;
      }
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') ++control;
    ++i;
  }
  return sample > 0 && control * 20 > sample;  // more than 5% control bytes
}

bool is_upper(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return true;
  if (cp < 0xC0) return false;
  if (cp <= 0xDE) return cp != 0xD7;
  // Latin Extended-A pairs capital and small letters, the capital even except in 0x139-0x148 and 0x179-0x17E
  // ("Ł" is 0x141, "Ż" 0x17B); "ĸ" (0x138), "ŉ" (0x149) and "ſ" (0x17F) have no pair, "Ÿ" (0x178) pairs with
  // 0xFF.
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x178) return true;
    const bool odd_capitals = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    return (cp % 2 == 1) == odd_capitals && cp != 0x138 && cp != 0x149 && cp != 0x17F;
  }
  if (cp >= 0x391 && cp <= 0x3AB) return true;
  if (cp >= 0x400 && cp <= 0x42F) return true;
  return false;
}

bool is_lower(char32_t cp) {
  if (cp >= 'a' && cp <= 'z') return true;
  if (cp < 0xDF) return cp == 0xB5;
  if (cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) return !is_upper(cp);
  if (cp >= 0x3B1 && cp <= 0x3C9) return true;
  if (cp >= 0x430 && cp <= 0x45F) return true;
  return false;
}

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool is_punct(char32_t cp) {
  if (cp < 0x80)
    return cp > 0x20 && cp < 0x7F && !is_digit(cp) && !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  return (cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xBA && cp != 0xB5) || cp == 0xD7 || cp == 0xF7 ||
         (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20CF) ||
         (cp >= 0x2100 && cp <= 0x2BFF) || (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
         (cp >= 0xFF1A && cp <= 0xFF20) || cp == 0xFFFD;
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return !is_space(cp) && !is_punct(cp) && !(cp >= 0x300 && cp <= 0x36F);
}

char32_t to_lower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (!is_upper(cp)) return cp;
  if (cp >= 0xC0 && cp <= 0xDE) return cp + 32;
  if (cp == 0x178) return 0xFF;
  if (cp >= 0x100 && cp <= 0x17F) return cp + 1;
  if (cp >= 0x391 && cp <= 0x3AB) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

std::string lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  // Fast path: most words are ASCII.
  std::size_t i = 0;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) {
    const char c = s[i++];
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  while (i < s.size()) {
    std::size_t len = 1;
    const char32_t cp = decode(s, i, len);
    if (cp < 0x80) {
      out += static_cast<char>(to_lower(cp));
    } else {
      append_utf8(out, to_lower(cp));
    }
    i += len;
  }
  return out;
}

Utf16Index::Utf16Index(std::string_view s) : map_(s.size() + 1, 0) {
  std::uint32_t units = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 1;
    const char32_t cp = decode(s, i, len);
    for (std::size_t k = 0; k < len; ++k) map_[i + k] = units;
    units += cp >= 0x10000 ? 2 : 1;
    i += len;
  }
  map_[s.size()] = units;
}

std::size_t Utf16Index::at(std::size_t byte) const {
  return map_[byte < map_.size() ? byte : map_.size() - 1];
}

}  // namespace articlescope::text
