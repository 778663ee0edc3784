// Line-by-line reading of the embedded data files (lexicons, gazetteers, lemma tables).
#pragma once

#include <cstddef>
#include <string_view>

namespace articlescope::text {

/// Reads a text line by line: '\n' ends a line and a '\r' before it is dropped; no empty line is made up
/// after a final '\n'. Use as `for (std::string_view line; lines.next(line);)`.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}

  /// The next line into `line`; false at the end of the text.
  bool next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    std::size_t eol = text_.find('\n', pos_);
    if (eol == std::string_view::npos) eol = text_.size();
    line = text_.substr(pos_, eol - pos_);
    pos_ = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return true;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace articlescope::text
