// The DOM conversion: structure, attributes, text, and bounded depth on hostile input.
#include "html/dom.hpp"

#include <catch2/catch.hpp>
#include <string>

using articlescope::html::Document;
using articlescope::html::kNoNode;
using articlescope::html::Tag;

TEST_CASE("html::parse keeps elements, attributes and text in document order", "[html]") {
  const Document doc = articlescope::html::parse(
      "<html lang=de><head><title>T &amp; U</title></head><body><p class='lead' id=x>Hello <b>bold</b> world"
      "<!-- a comment --></p><my-widget data-a=1>custom</my-widget></body></html>");
  const auto p = doc.find_first(Tag::P);
  REQUIRE(p != kNoNode);
  CHECK(doc[p].attr("class") == "lead");
  CHECK(doc[p].attr("id") == "x");
  CHECK_FALSE(doc[p].has_attr("style"));
  CHECK(articlescope::html::text_content(doc, p) == "Hello bold world");
  CHECK(articlescope::html::text_content(doc, doc.find_first(Tag::Title)) == "T & U");
  CHECK(doc[doc.find_first(Tag::Html)].attr("lang") == "de");
  bool found_custom = false;
  for (std::uint32_t i = 1; i < doc.nodes.size(); ++i) {
    CHECK(doc[i].parent < i);  // pre-order: parents first
    if (doc[i].tag == Tag::Other && doc[i].name == "my-widget") found_custom = true;
  }
  CHECK(found_custom);
  CHECK_FALSE(doc.truncated);
}

TEST_CASE("html::text_content skips scripts and styles", "[html]") {
  const Document doc =
      articlescope::html::parse("<div>a<script>var x = 1;</script><style>p{}</style>b</div>");
  CHECK(articlescope::html::text_content(doc, doc.find_first(Tag::Div)) == "ab");
}

TEST_CASE("html::parse flattens nesting deeper than the limit instead of recursing", "[html][robustness]") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "bottom text";
  const Document doc = articlescope::html::parse(deep, 64);
  CHECK(doc.truncated);
  std::uint32_t max_depth = 0;
  bool text_kept = false;
  for (const auto& node : doc.nodes) {
    max_depth = std::max(max_depth, node.depth);
    if (node.is_text() && node.text == "bottom text") text_kept = true;
  }
  CHECK(max_depth <= 65);
  CHECK(text_kept);
}

TEST_CASE("html::parse survives empty and junk input", "[html][robustness]") {
  for (const std::string& input : {std::string(), std::string("<<<>>>"), std::string("</p></div></table>"),
                                   std::string("<table><tr><td><table><tr><td>x"), std::string(5000, '<')}) {
    const Document doc = articlescope::html::parse(input);
    REQUIRE_FALSE(doc.nodes.empty());
    CHECK(doc.nodes[0].tag == Tag::Document);
  }
}

namespace {
std::string text_of_first(const Document& doc, Tag tag) {
  const auto index = doc.find_first(tag);
  return index == kNoNode ? std::string("<missing>") : articlescope::html::text_content(doc, index);
}
}  // namespace

// gumbo's text, attribute-value and name runs are taken in one piece (cmake/gumbo/text_run_*.c); everything
// that is not a plain byte must still go through gumbo's character path with its rewriting rules.
TEST_CASE("html::parse gives the spec's text and attributes around gumbo's plain-run fast paths", "[html]") {
  SECTION("line ends, tabs, form feeds, non-ASCII text, references and NUL in text") {
    const Document doc = articlescope::html::parse(std::string("<body><p>a\r\nb\rc\td\fe \xC3\xA9 &amp; f") +
                                                   '\0' + "g  h</p><div> </div></body>");
    CHECK(text_of_first(doc, Tag::P) == "a\nb\nc\td\fe \xC3\xA9 & fg  h");
    CHECK(text_of_first(doc, Tag::Div) == " ");
  }
  SECTION("multi-byte characters: kept, except C1 controls and noncharacters, which become U+FFFD") {
    const Document doc = articlescope::html::parse(
        "<body><p title='Gr\xC3\xBC\xC3\x9F\xC3\xA9 \xE2\x80\x94 \xC2\x85'>caf\xC3\xA9 "
        "\xE6\x97\xA5\xE6\x9C\xAC "
        "\xF0\x9F\x98\x80 [\xC2\x85] [\xEF\xB7\x90] [\xEF\xBF\xBF] \xC2\xA0"
        "end</p></body>");
    const auto p = doc.find_first(Tag::P);
    REQUIRE(p != kNoNode);
    CHECK(doc[p].attr("title") == "Gr\xC3\xBC\xC3\x9F\xC3\xA9 \xE2\x80\x94 \xEF\xBF\xBD");
    CHECK(text_of_first(doc, Tag::P) ==
          "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80 [\xEF\xBF\xBD] [\xEF\xBF\xBD] "
          "[\xEF\xBF\xBD] \xC2\xA0"
          "end");
  }
  SECTION("attribute values and names: case, quotes, references, line ends") {
    const Document doc = articlescope::html::parse(
        "<body><DIV CLASS=\"One Two\" ID='it\"s' Data-Src=plain>t</DIV>"
        "<a href=\"/x?a=1&amp;b=2\" title='l1\r\nl2\tl3'>link</a></body>");
    const auto div = doc.find_first(Tag::Div);
    REQUIRE(div != kNoNode);
    CHECK(doc[div].attr("class") == "One Two");
    CHECK(doc[div].attr("id") == "it\"s");
    CHECK(doc[div].attr("data-src") == "plain");
    const auto a = doc.find_first(Tag::A);
    REQUIRE(a != kNoNode);
    CHECK(doc[a].attr("href") == "/x?a=1&b=2");
    CHECK(doc[a].attr("title") == "l1\nl2\tl3");
  }
  SECTION("a tag after a run of text keeps its own name") {
    const Document doc = articlescope::html::parse("<body>text before<My-Widget>x</My-Widget>after</body>");
    bool found = false;
    for (const auto& node : doc.nodes) found = found || (node.tag == Tag::Other && node.name == "my-widget");
    CHECK(found);
    CHECK(text_of_first(doc, Tag::Body) == "text beforexafter");
  }
  SECTION("text outside the in-body mode: pre, tables, SVG, title") {
    const Document doc = articlescope::html::parse(
        "<title>A  &lt;title&gt;</title><body><pre>\nline one\n</pre>"
        "<table>stray text<tr><td>cell text</td></tr></table><svg><text>svg text</text></svg></body>");
    CHECK(text_of_first(doc, Tag::Title) == "A  <title>");
    CHECK(text_of_first(doc, Tag::Pre) == "line one\n");
    CHECK(text_of_first(doc, Tag::Td) == "cell text");
    CHECK(text_of_first(doc, Tag::Table) == "cell text");  // "stray text" is foster-parented before the table
    CHECK(text_of_first(doc, Tag::Body).find("stray textline") == std::string::npos);
    CHECK(text_of_first(doc, Tag::Body) == "line one\nstray textcell textsvg text");
  }
  SECTION("script data (JSON-LD): '&', a '<' that ends no tag, line ends, NUL and non-ASCII text") {
    const std::string json =
        std::string("{\"a\": \"x & y </b> <i\",\r\n \"b\": \"caf\xC3\xA9 \xE6\x97\xA5\"") + '\0' + "\t}";
    const Document doc =
        articlescope::html::parse("<head><script type=\"application/ld+json\">" + json +
                                  "</script></head><body><p>after &amp; <b>bold</b></p></body>");
    const auto script = doc.find_first(Tag::Script);
    REQUIRE(script != kNoNode);
    REQUIRE(doc[script].children.size() == 1);
    CHECK(doc[doc[script].children[0]].text ==
          "{\"a\": \"x & y </b> <i\",\n \"b\": \"caf\xC3\xA9 \xE6\x97\xA5\"\xEF\xBF\xBD\t}");
    CHECK(text_of_first(doc, Tag::P) == "after & bold");
  }
}
