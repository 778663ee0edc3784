// html::prepare_markup: the linear pre-pass that keeps gumbo out of its quadratic worst case and spares it the
// script and style bodies that nothing reads.
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

TEST_CASE("script and style bodies and comments are emptied, JSON-LD and markup-like text are kept", "[html]") {
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
    if (node.is_text()) texts += "[" + node.text + "]";
  }
  CHECK(texts == "[One ][two][Three]");
  CHECK_FALSE(doc.truncated);
}
