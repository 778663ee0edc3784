// Hostile and degenerate inputs: every one must give a report (an error or a safe result), never a crash or
// hang.
#include <articlescope/articlescope.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

using articlescope::analyse;

namespace {

// Every span in the report must lie inside article.text and carry exactly its text.
void check_spans(const articlescope::Report& r) {
  const std::string& text = r.article.text;
  const auto inside = [&](std::size_t start, std::size_t end, const std::string& span_text) {
    REQUIRE(start <= end);
    REQUIRE(end <= text.size());
    CHECK(text.compare(start, end - start, span_text) == 0);
  };
  for (const auto& b : r.article.blocks) REQUIRE(b.end <= text.size());
  for (const auto& e : r.entities) inside(e.start, e.end, e.text);
  for (const auto& p : r.provisions) {
    inside(p.sentence.start, p.sentence.end, p.sentence.text);
    for (const auto* role : {&p.trigger, &p.actor, &p.subject, &p.action}) {
      if (*role) inside((*role)->start, (*role)->end, (*role)->text);
    }
    for (const auto& s : p.scopes) inside(s.span.start, s.span.end, s.span.text);
  }
  // The JSON must always serialise and parse.
  CHECK_NOTHROW(nlohmann::json::parse(articlescope::to_json(r)));
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("deeply nested HTML does not overflow the stack", "[robustness]") {
  const std::string html = "<html><body>" + repeat("<div>", 100000) +
                           "<p>The ministry banned the import of "
                           "fireworks on Monday.</p>" +
                           repeat("</div>", 100000) + "</body></html>";
  const auto r = analyse(html);
  CHECK(r.ok());
  check_spans(r);
  const std::string unclosed = "<html><body>" + repeat("<span><b><i>", 30000) + "text";
  check_spans(analyse(unclosed));
}

TEST_CASE("long runs without spaces or sentence ends stay bounded", "[robustness]") {
  check_spans(analyse(std::string(500000, 'a')));
  check_spans(analyse(repeat("ban ", 100000)));
  check_spans(analyse(repeat("The court allowed the appeal, ", 20000)));
  check_spans(analyse(repeat("U.S. ", 50000)));
  check_spans(analyse(repeat("$", 100000)));
}

TEST_CASE("markup-like noise and scripts are handled", "[robustness]") {
  check_spans(analyse(repeat("<", 100000)));
  check_spans(analyse(repeat("<p>", 50000)));
  check_spans(analyse("<script>" + repeat("var x = '<p>not article</p>';", 5000) + "</script>"));
  check_spans(
      analyse("<html><body><p onclick=\"alert(1)\">Hi <a href=\"javascript:alert(1)\">there</a>, the "
              "regulator approved it.</p><img src=x onerror=alert(1)></body></html>"));
  check_spans(analyse(repeat("<table><tr><td>", 5000)));
}

TEST_CASE("unusual Unicode keeps offsets exact", "[robustness]") {
  const auto r = analyse(
      "Киев разрешил 😀 удары. \xE2\x80\x8B\xC2\xA0 The U.S. banned exports of F-16 jets.\n\n"
      "\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6 Zelensky approved it.");
  CHECK(r.ok());
  check_spans(r);
  check_spans(analyse("\xE2\x80\xAE\xE2\x80\xAD mixed direction marks: the court lifted the ban."));
}

TEST_CASE("a large article is analysed completely", "[robustness]") {
  const std::string paragraph =
      "Defence Minister Anna Kovacs said on Tuesday that the government would allow the army to use "
      "donated artillery near the border, but long-range missiles remain banned. ";
  std::string text = "Large article\n\n";
  for (int i = 0; i < 3000; ++i) text += paragraph + (i % 3 == 2 ? "\n\n" : "");
  const auto r = analyse(text);
  CHECK(r.ok());
  check_spans(r);
  CHECK(r.article.text.size() > text.size() / 2);
}
