// Small text helpers shared by the HTML and plain-text cleaners.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <articlescope/articlescope.hpp>

namespace articlescope::clean {

/// Appends one block to `article.text` (after a blank line when the text is not empty) and to
/// `article.blocks`.
void append_block(Article& article, BlockKind kind, int level, std::string_view text);

/// Appends `text` to `out` with every run of white space (ASCII, no-break, Unicode spaces) made one ' ';
/// zero-width characters are dropped. `pending_space` carries a space across calls.
void append_collapsed(std::string& out, std::string_view text, bool& pending_space);

/// `text` with white space collapsed and trimmed.
std::string collapse(std::string_view text);

/// Trims ASCII white space at both ends.
std::string_view trim(std::string_view text);

/// ASCII lower-casing (enough for class names, attribute values and the Latin keyword lists).
std::string lower_ascii(std::string_view text);

/// Lower-case comparison key: letters and digits only, lower-cased (Latin, Greek, Cyrillic), spaces squeezed.
std::string normalise_key(std::string_view text);

/// Number of code points in a UTF-8 string.
std::size_t count_chars(std::string_view text);

/// Number of words (runs of letters or digits).
std::size_t count_words(std::string_view text);

/// A fixed list of byte patterns looked for in a text in one pass: at each byte of the text only the patterns
/// that begin with that byte are compared (a search per pattern was a scan of the text per pattern, for every
/// link or paragraph of a page).
class PatternSet {
 public:
  explicit PatternSet(std::vector<std::string_view> patterns);
  /// Position in the list of the first-listed pattern that occurs in `text`, or npos when none does.
  std::size_t first_listed_in(std::string_view text) const;
  /// Calls visit(k, pos) for each occurrence of pattern k at text position pos, in text order (at one
  /// position, in list order).
  template <class Visit>
  void for_each_match(std::string_view text, Visit&& visit) const {
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
      const std::string_view rest = text.substr(pos);
      for (const std::uint16_t k : by_first_byte_[static_cast<unsigned char>(text[pos])]) {
        // The second byte first: most candidates differ there, and a call to compare each costs more.
        const std::string_view pattern = patterns_[k];
        if (pattern.size() > rest.size() || (pattern.size() > 1 && pattern[1] != rest[1]) ||
            rest.substr(0, pattern.size()) != pattern)
          continue;
        visit(std::size_t{k}, pos);
      }
    }
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  std::vector<std::string_view> patterns_;
  std::array<std::vector<std::uint16_t>, 256> by_first_byte_;
};

/// Number of clause separators: ASCII and full-width commas, ideographic commas, Arabic commas.
std::size_t count_commas(std::string_view text);

/// True when `text` (lower-cased ASCII) contains `needle` as a whole word or phrase.
bool contains_phrase(std::string_view text, std::string_view needle);

/// `text` cut to at most `max_bytes` at a code point boundary, with "…" appended when cut.
std::string shorten(std::string_view text, std::size_t max_bytes);

/// `text` with &, < and > (and " when `quotes`, as inside an attribute value) written as character
/// references.
std::string escape_html(std::string_view text, bool quotes = true);

/// Resolves `ref` against `base` (RFC 3986, enough for links on pages) when `base` is an http(s) URL (see
/// is_web_url; any other base is ignored). Returns "" when the result would have a scheme other than http,
/// https, mailto, ftp or tel (javascript:, data:, vbscript:, ...).
std::string resolve_url(std::string_view base, std::string_view ref);

/// True for an absolute http:// or https:// URL with a host and no white space or control characters.
bool is_web_url(std::string_view url);

/// The host of an absolute URL without "www.", or "".
std::string url_host(std::string_view url);

/// Normalises a date or date-time in common formats to ISO 8601 ("2024-03-05" or "2024-03-05T10:00:00Z");
/// returns "" when no date is recognised.
std::string normalise_date(std::string_view text);

}  // namespace articlescope::clean
