// Tokeniser, sentence splitter and UTF-8 helpers: abbreviations, initials, quotes, numbers, currency,
// offsets.
#include "text/lines.hpp"
#include "text/segment.hpp"
#include "text/utf8.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace articlescope;
using namespace articlescope::text;

namespace {

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(s)) out.emplace_back(s.substr(t.start, t.end - t.start));
  return out;
}

std::vector<std::string> sentences(std::string_view s) {
  std::vector<std::string> out;
  for (const Sentence& x : segment(s, {}).sentences) out.emplace_back(s.substr(x.start, x.end - x.start));
  return out;
}

}  // namespace

TEST_CASE("tokeniser keeps abbreviations, designations and numbers whole") {
  CHECK(words("The U.S. sent F-16 jets.") ==
        std::vector<std::string>{"The", "U.S.", "sent", "F-16", "jets", "."});
  CHECK(words("Lt. Col. Ann Ward") == std::vector<std::string>{"Lt.", "Col.", "Ann", "Ward"});
  CHECK(words("4,000 troops and 3.5 tonnes") ==
        std::vector<std::string>{"4,000", "troops", "and", "3.5", "tonnes"});
  CHECK(words("on 2024-05-30") == std::vector<std::string>{"on", "2024-05-30"});
}

TEST_CASE("tokeniser splits currency symbols, possessives and quotes") {
  CHECK(words("$275 million") == std::vector<std::string>{"$", "275", "million"});
  CHECK(words("\xE2\x82\xAC"
              "3bn") == std::vector<std::string>{"\xE2\x82\xAC", "3bn"});
  CHECK(words("Biden's plan") == std::vector<std::string>{"Biden", "'s", "plan"});
  CHECK(words("\"We will,\" she said.") ==
        std::vector<std::string>{"\"", "We", "will", ",", "\"", "she", "said", "."});
}

TEST_CASE("token offsets are byte offsets into the text, also after multi-byte characters") {
  const std::string s = "Zelensky\xE2\x80\x99s aide met M\xC3\xBCller.";
  const auto tokens = tokenize(s);
  REQUIRE(tokens.size() >= 5);
  for (const Token& t : tokens) {
    CHECK(t.start < t.end);
    CHECK(t.end <= s.size());
  }
  CHECK(s.substr(tokens[0].start, tokens[0].end - tokens[0].start) == "Zelensky");
  CHECK(s.substr(tokens[4].start, tokens[4].end - tokens[4].start) == "M\xC3\xBCller");
}

TEST_CASE("sentence splitter does not split after titles, initials or U.S. inside a sentence") {
  const auto s =
      sentences("Lt. Col. Ann Ward met Dr. J. R. Smith in the U.S. capital. They spoke for an hour.");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "Lt. Col. Ann Ward met Dr. J. R. Smith in the U.S. capital.");
  CHECK(s[1] == "They spoke for an hour.");
}

TEST_CASE("sentence splitter splits after an abbreviation that ends a sentence") {
  const auto s = sentences("The aid came from the U.S. The money arrived on Friday.");
  REQUIRE(s.size() == 2);
  CHECK(s[1] == "The money arrived on Friday.");
}

TEST_CASE("sentence splitter splits after a time of day before a capitalised word that no longer says when") {
  const auto s = sentences(
      "Bars must close by 11 p.m. Restaurants may stay open. Talks start at 9 a.m. Tuesday. "
      "The line opens at 6 a.m. GMT and closes at 10 p.m. Moscow time.");
  REQUIRE(s.size() == 4);
  CHECK(s[0] == "Bars must close by 11 p.m.");
  CHECK(s[2] == "Talks start at 9 a.m. Tuesday.");
  CHECK(s[3] == "The line opens at 6 a.m. GMT and closes at 10 p.m. Moscow time.");
}

TEST_CASE("sentence splitter keeps closing quotes with their sentence") {
  const auto s = sentences("\"We will not retreat.\" The minister left. Was it over? Nobody knew!");
  REQUIRE(s.size() == 4);
  CHECK(s[0] == "\"We will not retreat.\"");
  CHECK(s[2] == "Was it over?");
}

TEST_CASE("sentences never cross a blank line or a block boundary") {
  CHECK(sentences("Headline without a stop\n\nThe body starts here.").size() == 2);
  const std::string text = "First block\nSecond block";
  std::vector<Block> blocks = {{BlockKind::Heading, 0, 11, 1}, {BlockKind::Paragraph, 12, 24, 0}};
  const TextIndex index = segment(text, blocks);
  REQUIRE(index.sentences.size() == 2);
  CHECK(index.sentences[1].block == 1);
}

TEST_CASE("decimal numbers and amounts do not end sentences") {
  const auto s = sentences("Growth was 3.5 percent in 2023. Prices rose by $1.25 a litre.");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "Growth was 3.5 percent in 2023.");
}

TEST_CASE("UTF-8 helpers: lower-casing, repair and binary detection") {
  CHECK(lower("KYIV \xC3\x9C"
              "BER") ==
        "kyiv \xC3\xBC"
        "ber");
  bool repaired = false;
  const std::string fixed = repair_utf8(std::string("ok\xFF!"), repaired);
  CHECK(repaired);
  CHECK(fixed == "ok\xEF\xBF\xBD!");
  CHECK(looks_binary(std::string("\x00\x01\x02 abc", 7)));
  CHECK_FALSE(looks_binary("plain text"));
  const Utf16Index index(
      "a\xF0\x9F\x98\x80"
      "b");  // an emoji is two UTF-16 units
  CHECK(index.at(5) == 3);
}

TEST_CASE("tokeniser and splitter survive hostile input") {
  std::string junk;
  for (int i = 0; i < 3000; ++i) junk += static_cast<char>((i * 37) % 256);
  const TextIndex index = segment(junk, {});
  for (const Token& t : index.tokens) CHECK(t.end <= junk.size());
  CHECK(segment("", {}).tokens.empty());
  const std::string dots(5000, '.');
  CHECK_FALSE(segment(dots, {}).tokens.empty());
}

TEST_CASE("LineReader: LF and CRLF lines, no line made up after the last newline", "[text]") {
  const auto read = [](std::string_view text) {
    std::vector<std::string> out;
    articlescope::text::LineReader reader(text);
    for (std::string_view line; reader.next(line);) out.emplace_back(line);
    return out;
  };
  CHECK(read("").empty());
  CHECK(read("a\nb\n") == std::vector<std::string>{"a", "b"});
  CHECK(read("a\r\n\r\nb") == std::vector<std::string>{"a", "", "b"});
  CHECK(read("\n") == std::vector<std::string>{""});
}
