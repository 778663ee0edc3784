// html::prepare_markup: the linear pre-pass that keeps gumbo out of its quadratic worst case and spares it
// the script and style bodies that nothing reads.
#include <catch2/catch.hpp>
#include <string>

#include "html/dom.hpp"
#include "html/nesting.hpp"

using articlescope::html::prepare_markup;

namespace {
std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}
}  // namespace

TEST_CASE("ordinary markup passes through untouched", "[html]") {
  const std::string page = "<html><body><div class=\"a>b\"><p>One<p>Two<br><img src=x/></div></body></html>";
  const auto prepared = prepare_markup(page, 4);  // html, body, div, p
  CHECK_FALSE(prepared.changed);
  CHECK_FALSE(prepared.flattened);
  CHECK(prepared.html.empty());
  // Implicitly closed siblings do not add depth.
  CHECK_FALSE(prepare_markup("<body>" + repeat("<p>x", 5000) + repeat("<li>y", 5000), 10).changed);
}

TEST_CASE("start and end tags beyond the limit are removed, text is kept", "[html]") {
  const std::string deep = repeat("<div>", 1000) + "deep text" + repeat("</div>", 1000) + "<p>after</p>";
  const auto out = prepare_markup(deep, 100);
  REQUIRE(out.flattened);
  CHECK(out.html == repeat("<div>", 100) + "deep text" + repeat("</div>", 100) + "<p>after</p>");
  const std::string mixed = repeat("<span><b>", 300) + "t" + repeat("</b></span>", 300);
  CHECK(prepare_markup(mixed, 50).html == repeat("<span><b>", 25) + "t" + repeat("</b></span>", 25));
}

TEST_CASE("script and style bodies and comments are emptied, JSON-LD and markup-like text are kept",
          "[html]") {
  const std::string page =
      "<head><title>a <script> b</title><style>p { color: red }</style>"
      "<script type=\"application/LD+JSON\">{\"headline\": \"<b>H</b>\"}</script></head>"
      "<body><!-- <div><div> --><p>Text</p><script>var s = '<div></p>'; if (a</b) x();</script>"
      "<textarea><script>kept</script></textarea><SCRIPT src=x></SCRIPT><p>End</body>";
  const auto prepared = prepare_markup(page, 4);
  REQUIRE(prepared.changed);
  CHECK_FALSE(prepared.flattened);  // nothing was too deep: the document is not reported as truncated
  CHECK(prepared.html ==
        "<head><title>a <script> b</title><style></style>"
        "<script type=\"application/LD+JSON\">{\"headline\": \"<b>H</b>\"}</script></head>"
        "<body><p>Text</p><script></script>"
        "<textarea><script>kept</script></textarea><SCRIPT src=x></SCRIPT><p>End</body>");
  // The type may be written with character references.
  CHECK_FALSE(prepare_markup("<script type=\"application&#x2F;ld&#x2B;json\">{}</script>", 4).changed);
  // An unterminated script keeps its (unparsed) rest: nothing after it is lost to the pre-pass.
  CHECK_FALSE(prepare_markup("<p>a</p><script>if (x) { y('<p>b</p>')", 10).changed);
}

TEST_CASE("the parsed document is the same with or without script bodies", "[html]") {
  const std::string with_scripts =
      "<html><body><div><p>One <b>two</b></p><script>document.write('<p>not text</p>')</script>"
      "<style>.x{}</style><!-- note --><p>Three</p></div></body></html>";
  const auto doc = articlescope::html::parse(with_scripts);
  std::string texts;
  for (const auto& node : doc.nodes) {
    if (node.is_text()) texts.append("[").append(node.text).append("]");
  }
  CHECK(texts == "[One ][two][Three]");
  CHECK_FALSE(doc.truncated);
}

TEST_CASE("attributes that nothing reads are removed, the others kept as written", "[html]") {
  const auto img = prepare_markup(
      "<p><img data-id=\"7\" src=a.jpg data-src='b.jpg' srcset=\"a.jpg 1x, c.jpg 2x\" onclick='f(\">\")' "
      "ARIA-label=x aria-hidden=true alt=\"A > B\" tabindex=0></p>",
      8);
  REQUIRE(img.changed);
  CHECK_FALSE(img.flattened);
  CHECK(img.html == "<p><img src=a.jpg data-src='b.jpg' aria-hidden=true alt=\"A > B\"></p>");
  CHECK(prepare_markup("<svg viewBox=\"0 0 9 9\" class=i><path d=\"M0 0L9 9\"/></svg>", 8).html ==
        "<svg class=i><path/></svg>");
  // Markup that does not tokenise cleanly is left to gumbo.
  CHECK_FALSE(prepare_markup("<a b\"c onclick=x>t</a>", 8).changed);
  CHECK_FALSE(prepare_markup("<a href=\"x\"onclick=\"y\">t</a>", 8).changed);
  // Attributes of a script or style element are not touched (only their bodies are).
  CHECK(prepare_markup("<script data-x=1 src=s.js></script>", 8).changed == false);
}

TEST_CASE("the parsed document keeps the attributes the cleaner reads", "[html]") {
  const auto doc = articlescope::html::parse(
      "<div class=\"story\" data-track=\"1\" role=main><img data-lazy-src=l.jpg srcset=\"s 1x\" alt=pic>"
      "<a href=\"/x\" target=_blank onclick=\"go()\">link</a></div>");
  bool seen_img = false, seen_a = false;
  for (const auto& node : doc.nodes) {
    if (node.tag == articlescope::html::Tag::Img) {
      seen_img = true;
      CHECK(node.attr("data-lazy-src") == "l.jpg");
      CHECK(node.attr("alt") == "pic");
      CHECK_FALSE(node.has_attr("srcset"));
    } else if (node.tag == articlescope::html::Tag::A) {
      seen_a = true;
      CHECK(node.attr("href") == "/x");
      CHECK_FALSE(node.has_attr("onclick"));
    } else if (node.tag == articlescope::html::Tag::Div) {
      CHECK(node.attr("class") == "story");
      CHECK(node.attr("role") == "main");
      CHECK_FALSE(node.has_attr("data-track"));
    }
  }
  CHECK(seen_img);
  CHECK(seen_a);
}
