// UTF-8 helpers: validation and repair, code point decoding, character classes, UTF-16 offsets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace articlescope::text {

/// Decodes the code point at s[i]; sets `len` to its byte length. Invalid bytes decode as U+FFFD, len 1.
char32_t decode(std::string_view s, std::size_t i, std::size_t& len);

/// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, char32_t cp);

/// The offset of the first invalid UTF-8 sequence in `s`, or std::string_view::npos when there is none.
std::size_t find_invalid_utf8(std::string_view s);

/// Returns `s` with every invalid UTF-8 sequence replaced by U+FFFD; `repaired` tells whether any was.
std::string repair_utf8(std::string_view s, bool& repaired);

/// True when `s` looks like binary data (NUL bytes, or many control bytes) rather than text.
bool looks_binary(std::string_view s);

bool is_letter(char32_t cp);       ///< Unicode letters, approximately (all scripts)
bool is_upper(char32_t cp);        ///< upper-case letters of Latin, Greek and Cyrillic
bool is_lower(char32_t cp);        ///< lower-case letters of Latin, Greek and Cyrillic
bool is_digit(char32_t cp);        ///< ASCII digits
bool is_space(char32_t cp);        ///< white space, including no-break and zero-width spaces
bool is_punct(char32_t cp);        ///< punctuation and symbols (ASCII and general punctuation)
char32_t to_lower(char32_t cp);    ///< Latin, Greek, Cyrillic
std::string lower(std::string_view s);  ///< UTF-8 lower-casing with to_lower()

/// Maps UTF-8 byte offsets of one string to UTF-16 code-unit offsets.
class Utf16Index {
 public:
  explicit Utf16Index(std::string_view s);
  /// UTF-16 offset of byte offset `byte` (clamped to the string's size).
  std::size_t at(std::size_t byte) const;

 private:
  std::vector<std::uint32_t> map_;
};

}  // namespace articlescope::text
