// Tokens and sentences over Article::text, with UTF-8 byte offsets.
#pragma once

#include <articlescope/articlescope.hpp>

#include <cstddef>
#include <string_view>
#include <vector>

namespace articlescope::text {

enum class TokenKind : unsigned char { Word, Number, Punct, Symbol };

/// One token: text[start, end).
struct Token {
  std::size_t start = 0;
  std::size_t end = 0;
  TokenKind kind = TokenKind::Word;
  bool space_before = false;   ///< white space precedes it (false at the start of the text)
  bool newline_before = false; ///< a line break precedes it
};

/// One sentence: text[start, end), tokens[first_token, last_token).
struct Sentence {
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t first_token = 0;
  std::size_t last_token = 0;
  std::size_t block = 0;  ///< index into the article's blocks (0 when there are none)
};

/// Tokens and sentences of one text, computed once and shared by the entity and policy stages.
struct TextIndex {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
};

/// Tokenises `text`: words keep inner hyphens, apostrophes and abbreviation dots ("F-16", "U.S."),
/// numbers keep separators ("4,000", "3.5"), possessive "'s" and currency symbols are split off.
std::vector<Token> tokenize(std::string_view text);

/// Tokens and sentences; sentences never cross block boundaries (or blank lines when there are no blocks).
TextIndex segment(std::string_view text, const std::vector<Block>& blocks);

/// True for abbreviations that do not end a sentence ("Mr.", "Lt.", "Gen.", "e.g.", single initials).
bool is_title_abbreviation(std::string_view token);

}  // namespace articlescope::text
