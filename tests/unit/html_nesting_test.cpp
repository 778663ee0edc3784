// html::limit_nesting: the linear pre-pass that keeps gumbo out of its quadratic worst case.
#include <catch2/catch.hpp>
#include <string>

#include "html/nesting.hpp"

using articlescope::html::limit_nesting;

namespace {
std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}
}  // namespace

TEST_CASE("ordinary pages pass through untouched", "[html]") {
  bool cut = true;
  const std::string page =
      "<html><body><div class=\"a>b\"><p>One<p>Two<br><img src=x/></div>"
      "<!-- <div><div> --><script>var s = '<div><div><div>';</script></body></html>";
  CHECK(limit_nesting(page, 4, cut).empty());  // html, body, div, p
  CHECK_FALSE(cut);
  // Implicitly closed siblings do not add depth.
  CHECK(limit_nesting("<body>" + repeat("<p>x", 5000) + repeat("<li>y", 5000), 10, cut).empty());
  CHECK_FALSE(cut);
}

TEST_CASE("start and end tags beyond the limit are removed, text is kept", "[html]") {
  bool cut = false;
  const std::string deep = repeat("<div>", 1000) + "deep text" + repeat("</div>", 1000) + "<p>after</p>";
  const std::string out = limit_nesting(deep, 100, cut);
  REQUIRE(cut);
  CHECK(out == repeat("<div>", 100) + "deep text" + repeat("</div>", 100) + "<p>after</p>");
  const std::string mixed = repeat("<span><b>", 300) + "t" + repeat("</b></span>", 300);
  CHECK(limit_nesting(mixed, 50, cut) == repeat("<span><b>", 25) + "t" + repeat("</b></span>", 25));
}
