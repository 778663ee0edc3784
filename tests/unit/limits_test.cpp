// The caps that keep hostile pages linear (issue 13): attributes per tag, formatting elements reconstructed
// by gumbo, the pre-pass reading tags as the HTML tokenizer does; UTF-16 without a byte order mark; and every
// family of bench/pathological_pages.hpp at its smallest size.
#include <articlescope/articlescope.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "../../bench/pathological_pages.hpp"
#include "html/dom.hpp"
#include "html/nesting.hpp"
#include "text/encoding.hpp"

using articlescope::html::kMaxAttributes;
using articlescope::html::prepare_markup;

namespace {

std::string attributes(std::size_t n, const std::string& prefix = " a") {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += prefix + std::to_string(i) + "=1";
  return out;
}

std::size_t count(const std::string& s, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
  return n;
}

bool has_truncated_warning(const articlescope::Report& report, const std::string& words) {
  for (const auto& w : report.warnings) {
    if (w.code == articlescope::Code::Truncated && w.message.find(words) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("attributes past the cap are dropped from start tags, end tags and raw-text tags", "[limits]") {
  const std::string page = "<div class=\"story\"" + attributes(kMaxAttributes + 500) + ">Text</div>";
  const auto prepared = prepare_markup(page, 100);
  REQUIRE(prepared.attributes_capped);
  CHECK(count(prepared.html, "=1") == kMaxAttributes - 1);  // class is the first of the kept ones
  CHECK(prepared.html.find("<div class=\"story\" a0=1") == 0);
  CHECK(prepared.html.find(">Text</div>") != std::string::npos);
  // A self-closing slash stays; so does everything after the tag.
  const auto svg =
      prepare_markup("<svg><path" + attributes(kMaxAttributes + 3) + "/></svg><p>after</p>", 100);
  CHECK(svg.html.find("=1/></svg><p>after</p>") != std::string::npos);
  for (const std::string& tag : {"</p" + attributes(kMaxAttributes + 10) + ">",
                                 "<script" + attributes(kMaxAttributes + 10) + "></script>",
                                 "<p" + attributes(kMaxAttributes + 10, " \"a") + ">"}) {
    const auto capped = prepare_markup("<p>x" + tag + "y", 100);
    INFO(tag.substr(0, 20));
    CHECK(capped.attributes_capped);
    CHECK(count(capped.html, "=1") <= kMaxAttributes);
    CHECK(capped.html.back() == 'y');
  }
  // At the cap nothing changes.
  CHECK_FALSE(prepare_markup("<p" + attributes(kMaxAttributes) + ">x</p>", 100).changed);
}

TEST_CASE("a page with too many attributes on a tag is analysed with a truncated warning", "[limits]") {
  const std::string page = "<html><body><article><p" + attributes(50000) +
                           ">The river authority allowed barges to use the northern lock at night.</p>"
                           "</article></body></html>";
  const auto report = articlescope::analyse(page);
  REQUIRE(report.ok());
  CHECK(has_truncated_warning(report, "more than 256 attributes"));
  CHECK(report.article.text.find("allowed barges") != std::string::npos);
}

TEST_CASE("the pre-pass ends tags where the HTML tokenizer does", "[limits]") {
  // A quote inside an unquoted value or a name does not open a quoted run: the tag ends at its '>'.
  const std::string page = "<div><p title=a\"b>One</p><p x\"y=1>Two</p>" + std::string(600, 'z') + "</div>";
  const auto prepared =
      prepare_markup("<p a=b\"c" + attributes(kMaxAttributes + 5) + ">Text</p><p>\"after\"</p>", 100);
  CHECK(prepared.html.find(">Text</p><p>\"after\"</p>") != std::string::npos);
  const auto document = articlescope::html::parse(page);
  CHECK(articlescope::html::text_content(document, 0, 10000).find("OneTwo") != std::string::npos);
  // In HTML, "/>" does not close a div: 2,000 of them nest and are flattened beyond the depth limit.
  std::string divs;
  for (int i = 0; i < 2000; ++i) divs += "<div/>";
  const auto nested =
      articlescope::analyse("<html><body>" + divs + "The river authority allowed barges.</body></html>");
  CHECK(has_truncated_warning(nested, "nesting"));
}

TEST_CASE("formatting elements left open across paragraphs do not multiply nodes", "[limits]") {
  // Before the cap every paragraph reconstructed every earlier <b>: 2,000 paragraphs made ~2 million nodes.
  std::string body;
  constexpr std::size_t kParagraphs = 2000;
  for (std::size_t i = 0; i < kParagraphs; ++i) body += "<p><b id=" + std::to_string(i) + ">x</p>";
  const std::string page = "<html><body>" + body + "</body></html>";
  const auto document = articlescope::html::parse(page);
  // html, head, body, and per paragraph p, b, text, plus at most 12 clones each within the page's budget.
  CHECK(document.nodes.size() <= 4 + 3 * kParagraphs + 10000 + page.size() / 32);
  CHECK(document.nodes.size() >= 3 * kParagraphs);
  // Ordinary unclosed formatting is still carried into the next paragraph, as browsers do.
  const auto carried = articlescope::html::parse("<p><b>bold<p>still bold</p>");
  bool bold_in_second = false;
  for (const auto& node : carried.nodes) {
    if (node.is_text() && node.text == "still bold")
      bold_in_second = carried[node.parent].tag == articlescope::html::Tag::B;
  }
  CHECK(bold_in_second);
}

TEST_CASE("UTF-16 without a byte order mark is recognised by its zero bytes", "[limits]") {
  using articlescope::text::guess_utf16;
  using articlescope::text::Utf16Guess;
  std::string le, be;
  for (char c : std::string("<p>The harbour board allowed night ferries.</p>")) {
    le += c;
    le += '\0';
    be += '\0';
    be += c;
  }
  CHECK(guess_utf16(le) == Utf16Guess::LittleEndian);
  CHECK(guess_utf16(be) == Utf16Guess::BigEndian);
  CHECK(guess_utf16("plain ASCII text of some length, no zeros at all") == Utf16Guess::None);
  CHECK(guess_utf16(std::string("abc\0def", 7)) == Utf16Guess::None);  // too short to tell
  CHECK(guess_utf16(std::string(64, '\0')) == Utf16Guess::None);       // zeros everywhere: binary
  const auto report = articlescope::analyse(le);
  REQUIRE(report.ok());
  CHECK(report.article.text == "The harbour board allowed night ferries.");
  CHECK(report.warnings.front().message ==
        "the input was UTF-16LE without a byte order mark, decoded to UTF-8");
}

TEST_CASE("input_too_large says how many bytes the input is more than", "[limits]") {
  articlescope::Options options;
  options.max_input_bytes = 10;
  const auto report = articlescope::analyse("eleven bytes", options);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].message == "input is more than 10 bytes (max_input_bytes)");
  CHECK(articlescope::input_too_large(10).message == report.errors[0].message);
}

TEST_CASE("names are linked to longer and shorter forms whatever their number", "[limits]") {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "Minister Alda Varn" + std::to_string(i) + " met Mayor Tomas Quill. ";
  text += "Later Quill spoke to Tomas Quill Senior and to reporters.";
  articlescope::Options options;
  options.policy = false;
  const auto report = articlescope::analyse(text, options);
  REQUIRE(report.ok());
  int quill_group = -1;
  for (const auto& e : report.entities) {
    if (e.text == "Tomas Quill") quill_group = e.id;
  }
  REQUIRE(quill_group >= 0);
  for (const auto& e : report.entities) {
    if (e.text == "Quill" || e.text == "Tomas Quill Senior") CHECK(e.id == quill_group);
  }
}

TEST_CASE("every pathological family gives a report at its smallest size", "[limits]") {
  for (const auto& family : articlescope::bench::pathological_pages()) {
    INFO(family.name);
    articlescope::Options options;
    options.format = family.html ? articlescope::InputFormat::Html : articlescope::InputFormat::Text;
    const auto report = articlescope::analyse(family.make(1), options);
    CHECK(report.ok());
    CHECK_NOTHROW(nlohmann::json::parse(articlescope::to_json(report)));
  }
}
