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
