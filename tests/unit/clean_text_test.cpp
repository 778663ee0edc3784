// clean_text (pasted articles), verbatim_text and looks_like_html.
#include "clean/clean.hpp"

#include <catch2/catch.hpp>
#include <string>

using articlescope::Article;
using articlescope::BlockKind;
using articlescope::Diagnostic;
using articlescope::Options;

TEST_CASE("clean_text finds the title line, drops its repetition, the byline and trailing boilerplate",
          "[clean]") {
  const std::string input =
      "Parliament approves four-day week pilot\n\n"
      "Parliament approves four-day week pilot\n\n"
      "By Helen Marsh\n\n"
      "The regional parliament approved a two-year pilot of a four-day working week for public employees on "
      "Wednesday.\n\n"
      "Who is covered\n\n"
      "Staff in ministries may take part if their managers agree. Hospitals and schools are excluded.\n\n"
      "Related\n\n"
      "Unions call for shorter shifts\n"
      "Opposition promises to end the pilot\n\n"
      "Share this article\n";
  std::vector<Diagnostic> warnings;
  const Article article = articlescope::clean::clean_text(input, Options{}, warnings);
  CHECK(article.title == "Parliament approves four-day week pilot");
  CHECK(article.byline == "Helen Marsh");
  CHECK(article.text.find("Parliament approves") == std::string::npos);
  CHECK(article.text.find("Unions call") == std::string::npos);
  CHECK(article.text.find("Share this") == std::string::npos);
  CHECK(article.text.rfind("Hospitals and schools are excluded.") != std::string::npos);
  REQUIRE(article.blocks.size() == 3);
  CHECK(article.blocks[1].kind == BlockKind::Heading);
  CHECK(article.text.substr(article.blocks[1].start, article.blocks[1].end - article.blocks[1].start) ==
        "Who is covered");
  bool repeated = false;
  for (const auto& r : article.removed) repeated |= r.reason == "repeated_title";
  CHECK(repeated);
}

TEST_CASE("clean_text drops the title repeated after the byline and date lines", "[clean]") {
  const std::string input =
      "Parliament approves four-day week pilot\n\n"
      "By Helen Marsh\n12 May 2024\n\n"
      "Parliament approves four-day week pilot\n\n"
      "The regional parliament approved a two-year pilot of a four-day working week for public employees on "
      "Wednesday.\n";
  std::vector<Diagnostic> warnings;
  const Article article = articlescope::clean::clean_text(input, Options{}, warnings);
  CHECK(article.title == "Parliament approves four-day week pilot");
  CHECK(article.published == "2024-05-12");
  CHECK(article.text.rfind("The regional parliament approved", 0) == 0);
}

TEST_CASE("clean_text keeps wrapped lines in one paragraph and reads bullets as list items", "[clean]") {
  const std::string input =
      "The council voted on Tuesday to extend\nthe opening hours of the library.\n\n"
      "- Reading rooms open until ten\n- Archive hours unchanged\n";
  std::vector<Diagnostic> warnings;
  const Article article = articlescope::clean::clean_text(input, Options{}, warnings);
  // One paragraph; its line break stays, so the entity tagger can tell a line that stands alone.
  CHECK(article.text.find("to extend\nthe opening hours") != std::string::npos);
  REQUIRE(article.blocks.size() == 3);
  CHECK(article.blocks[0].kind == BlockKind::Paragraph);
  CHECK(article.blocks[1].kind == BlockKind::ListItem);
  CHECK(article.text.substr(article.blocks[2].start, article.blocks[2].end - article.blocks[2].start) ==
        "Archive hours unchanged");
}

TEST_CASE("verbatim_text keeps the input and points blocks into it", "[clean]") {
  const std::string input = "  First paragraph\nstill first.\n\n\nSecond one.  \n";
  const Article article = articlescope::clean::verbatim_text(input);
  CHECK(article.text == input);
  REQUIRE(article.blocks.size() == 2);
  CHECK(input.substr(article.blocks[0].start, article.blocks[0].end - article.blocks[0].start) ==
        "First paragraph\nstill first.");
  CHECK(input.substr(article.blocks[1].start, article.blocks[1].end - article.blocks[1].start) ==
        "Second one.");
}

TEST_CASE("verbatim_text steps over lines of other white space", "[clean]") {
  // Found by fuzz/fuzz_analyse: a line of only \f (or another control character) made the loop stand still
  // and push blocks until memory ran out.
  for (const std::string blank : {"\f", "\v", " \f ", "\x01", "\f\r"}) {
    const std::string input = blank + "\nOne.\n" + blank + "\nTwo." + blank;
    const Article article = articlescope::clean::verbatim_text(input);
    REQUIRE(article.blocks.size() == 2);
    CHECK(input.substr(article.blocks[0].start, article.blocks[0].end - article.blocks[0].start) == "One.");
    CHECK(input.substr(article.blocks[1].start, 4) == "Two.");
  }
}

TEST_CASE("looks_like_html tells markup from prose", "[clean]") {
  using articlescope::clean::looks_like_html;
  CHECK(looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>"));
  CHECK(looks_like_html("\xEF\xBB\xBF  <html><p>x"));
  CHECK(looks_like_html("<div class='a'><p>Some text</p></div>"));
  CHECK_FALSE(looks_like_html("The ratio was 3 < 4 and 5 > 2 in the study."));
  CHECK_FALSE(looks_like_html("Plain article text.\n\nSecond paragraph."));
  CHECK_FALSE(looks_like_html(""));
}

TEST_CASE("clean_text reads a title repeated on the very next line as the title and its repeat", "[clean]") {
  const std::string input =
      "Ferry service to the islands resumes\n"
      "Ferry service to the islands resumes\n\n"
      "The ferry to the outer islands runs again from Monday after a storm damaged the pier in March.\n\n"
      "Tickets bought for the cancelled crossings remain valid until the end of the year.\n";
  std::vector<Diagnostic> warnings;
  const Article article = articlescope::clean::clean_text(input, Options{}, warnings);
  CHECK(article.title == "Ferry service to the islands resumes");
  CHECK(article.text.find("Ferry service to the islands resumes") == std::string::npos);
  CHECK(article.text.rfind("The ferry to the outer islands", 0) == 0);
  // No blank line after the copy either: the copy is a block of its own, not the text's first line.
  const Article packed = articlescope::clean::clean_text(
      "Ferry service to the islands resumes\nFerry service to the islands resumes\nThe ferry to the outer "
      "islands runs again from Monday after a storm damaged the pier in March.\n\nTickets bought for the "
      "cancelled crossings remain valid until the end of the year.\n",
      Options{}, warnings);
  CHECK(packed.title == "Ferry service to the islands resumes");
  CHECK(packed.text.rfind("The ferry to the outer islands", 0) == 0);
}

TEST_CASE("clean_text reads Title Case lines over a paragraph as headings", "[clean]") {
  const std::string input =
      "Ferry service to the islands resumes\n\n"
      "The ferry to the outer islands runs again from Monday after a storm damaged the pier in March.\n\n"
      "What Changes for Passengers\n"
      "Tickets bought for the cancelled crossings remain valid until the end of the year, the operator "
      "said.\n\n"
      "Anna Berg and Tom Reed\n"
      "met the harbour master on Friday to discuss the timetable for the summer season.\n";
  std::vector<Diagnostic> warnings;
  const Article article = articlescope::clean::clean_text(input, Options{}, warnings);
  const auto block_of = [&](const std::string& fragment) -> const articlescope::Block* {
    for (const auto& block : article.blocks) {
      if (article.text.substr(block.start, block.end - block.start).find(fragment) != std::string::npos)
        return &block;
    }
    return nullptr;
  };
  REQUIRE(block_of("What Changes for Passengers") != nullptr);
  CHECK(block_of("What Changes for Passengers")->kind == BlockKind::Heading);
  CHECK(block_of("Tickets bought")->kind == BlockKind::Paragraph);
  // A wrapped line that goes on in lower case is the same paragraph, names and all (the text keeps the line
  // break, for the sentence splitter).
  REQUIRE(block_of("Anna Berg and Tom Reed") != nullptr);
  CHECK(block_of("Anna Berg and Tom Reed") == block_of("met the harbour master"));
  CHECK(block_of("Anna Berg and Tom Reed")->kind == BlockKind::Paragraph);
}
