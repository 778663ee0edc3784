// analyse(): input validation, error codes, format detection, stage switches, and the JSON contract.
#include <articlescope/articlescope.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

using articlescope::analyse;
using articlescope::Code;
using articlescope::InputFormat;
using articlescope::Options;
using nlohmann::json;

namespace {

bool has_error(const articlescope::Report& r, Code code) {
  for (const auto& e : r.errors) {
    if (e.code == code) return true;
  }
  return false;
}

bool has_warning(const articlescope::Report& r, Code code) {
  for (const auto& w : r.warnings) {
    if (w.code == code) return true;
  }
  return false;
}

const std::string kText =
    "Council approves harbour bike lanes\n\n"
    "The city council on Tuesday approved two new bike lanes on Harbour Street, officials said.\n\n"
    "Cars may no longer park in the lanes.";

}  // namespace

TEST_CASE("bad input gets a clear error code and an empty article", "[pipeline]") {
  CHECK(has_error(analyse(""), Code::EmptyInput));
  CHECK(has_error(analyse(" \n\t\r\n "), Code::EmptyInput));
  CHECK(has_error(analyse(std::string("abc\0def", 7)), Code::BinaryInput));
  std::string control(1000, '\x01');
  CHECK(has_error(analyse(control), Code::BinaryInput));
  Options small;
  small.max_input_bytes = 10;
  const auto big = analyse(kText, small);
  CHECK(has_error(big, Code::InputTooLarge));
  CHECK(big.article.text.empty());
  CHECK(big.input_bytes == kText.size());
  CHECK_FALSE(analyse(kText).errors.size());
}

TEST_CASE("invalid UTF-8 is repaired with a warning, a byte-order mark dropped", "[pipeline]") {
  // Mostly UTF-8 ("Zürich"), damaged in places: repaired, not decoded as another charset.
  const auto r = analyse(
      "Caf\xE9 news from Z\xC3\xBCrich: the mayor approved the plan.\n\nSecond paragraph \xFF\xFE here.");
  REQUIRE(r.ok());
  CHECK(has_warning(r, Code::InvalidUtf8));
  CHECK(r.article.text.find("\xEF\xBF\xBD") != std::string::npos);
  Options raw;
  raw.clean = false;
  const auto bom = analyse("\xEF\xBB\xBFPlain text after a byte-order mark.", raw);
  CHECK(bom.article.text == "Plain text after a byte-order mark.");
  CHECK_FALSE(has_warning(bom, Code::InvalidUtf8));
}

TEST_CASE("pages in legacy charsets and UTF-16 are decoded, not repaired", "[pipeline]") {
  SECTION("a declared single-byte charset") {
    const auto latin1 = analyse(
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>"
        "<title>Caf\xE9 \x96 Stra\xDF"
        "e</title></head><body><p>\x84"
        "Endlich\x93, sagte die B\xFCrgermeisterin.</p>"
        "</body></html>");
    REQUIRE(latin1.ok());
    CHECK(has_warning(latin1, Code::Transcoded));
    CHECK_FALSE(has_warning(latin1, Code::InvalidUtf8));
    CHECK(latin1.article.title == "Caf\u00e9 \u2013 Stra\u00dfe");  // iso-8859-1 is read as windows-1252
    CHECK(latin1.article.text == "\u201eEndlich\u201c, sagte die B\u00fcrgermeisterin.");
    const auto cyrillic =
        analyse("<meta charset=\"windows-1251\"><p>\xCC\xEE\xF1\xEA\xE2\xE0 \xE8 \xCA\xE8\xE5\xE2.</p>");
    CHECK(cyrillic.article.text == "\u041c\u043e\u0441\u043a\u0432\u0430 \u0438 \u041a\u0438\u0435\u0432.");
    const auto koi8 = analyse("<?xml version='1.0' encoding='KOI8-R'?><p>\xED\xCF\xD3\xCB\xD7\xC1</p>");
    CHECK(koi8.article.text == "\u041c\u043e\u0441\u043a\u0432\u0430");
  }
  SECTION("no charset and no UTF-8 sequence: windows-1252") {
    Options raw;
    raw.clean = false;
    const auto r = analyse("Caf\xE9 ol\xE9: the council approved the plan for the \x80 5 fee.", raw);
    CHECK(has_warning(r, Code::Transcoded));
    CHECK(r.article.text == "Caf\u00e9 ol\u00e9: the council approved the plan for the \u20ac 5 fee.");
  }
  SECTION("a charset this build does not decode is repaired and named") {
    const auto r = analyse(
        "<meta charset='shift_jis'><p>The mayor \x93\xFA\x96\x7B approved it, Z\xC3\xBCrich said.</p>");
    REQUIRE(has_warning(r, Code::InvalidUtf8));
    CHECK(r.warnings.front().message.find("shift_jis") != std::string::npos);
  }
  SECTION("UTF-16 with a byte order mark, both byte orders, with a surrogate pair and a lone surrogate") {
    Options raw;
    raw.clean = false;
    const std::string le(
        "\xFF\xFE"
        "A\0\xFC\0 \0=\xD8\0\xDE \0\0\xD8!\0",
        18);
    const auto r = analyse(le, raw);
    REQUIRE(r.ok());
    CHECK(has_warning(r, Code::Transcoded));
    CHECK(r.article.text == "A\u00fc \U0001F600 \uFFFD!");
    const std::string be("\xFE\xFF\0A\0\xFC", 6);
    CHECK(analyse(be, raw).article.text == "A\u00fc");
  }
}

TEST_CASE("format is detected and can be forced", "[pipeline]") {
  CHECK(analyse("<html><body><p>Hello world, this is a page.</p></body></html>").format == InputFormat::Html);
  CHECK(analyse(kText).format == InputFormat::Text);
  Options text;
  text.format = InputFormat::Text;
  CHECK(analyse("<p>markup shown as text</p>", text).format == InputFormat::Text);
}

TEST_CASE("clean=false keeps the input verbatim so offsets point into it", "[pipeline]") {
  Options raw;
  raw.clean = false;
  const auto r = analyse(kText, raw);
  CHECK(r.article.text == kText);
  for (const auto& e : r.entities) CHECK(kText.substr(e.start, e.end - e.start) == e.text);
  for (const auto& p : r.provisions) {
    CHECK(kText.substr(p.sentence.start, p.sentence.end - p.sentence.start) == p.sentence.text);
  }
}

TEST_CASE("stages can be switched off", "[pipeline]") {
  Options none;
  none.entities = false;
  none.policy = false;
  none.include_html = false;
  const auto r = analyse(
      "<html><body><article><p>The regulator approved the merger of the two banks on "
      "Monday, officials said.</p></article></body></html>",
      none);
  CHECK(r.entities.empty());
  CHECK(r.entity_groups.empty());
  CHECK(r.provisions.empty());
  CHECK(r.article.html.empty());
  CHECK(r.timings.entities_ms == 0);
}

TEST_CASE("the JSON report has the documented shape", "[report]") {
  const auto r = analyse(kText);
  const json j = json::parse(articlescope::to_json(r));
  CHECK(j["version"] == articlescope::kReportVersion);
  CHECK(j["format"] == "text");
  for (const char* key :
       {"title", "byline", "published", "site", "lang", "text", "blocks", "html", "removed", "readerable"}) {
    CHECK(j["article"].contains(key));
  }
  CHECK(j["entities"].is_array());
  CHECK(j["entity_groups"].is_array());
  CHECK(j["policy"]["provisions"].is_array());
  CHECK(j["policy"]["summary"]["allowed"].is_array());
  CHECK(j["policy"]["summary"]["prohibited"].is_array());
  CHECK(j["errors"].is_array());
  CHECK(j["timings"]["total_ms"].is_number());
  CHECK_FALSE(json::parse(articlescope::to_json(r, false)).contains("timings"));
  const json error = json::parse(articlescope::to_json(analyse("")));
  CHECK(error["errors"][0]["code"] == "empty_input");
  CHECK(error["errors"][0]["message"].is_string());
}

TEST_CASE("JSON offsets are UTF-16 code units of article.text", "[report]") {
  articlescope::Report r;
  r.article.text = "\xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80 Kyiv";  // "été 😀 Kyiv": 2-byte letters, a 4-byte emoji
  articlescope::Entity e;
  e.type = articlescope::EntityType::Location;
  e.start = r.article.text.find("Kyiv");
  e.end = e.start + 4;
  e.text = "Kyiv";
  r.entities.push_back(e);
  const json j = json::parse(articlescope::to_json(r));
  // UTF-16: "été" = 3 units, space, emoji = 2 units (surrogate pair), space => "Kyiv" starts at 7.
  CHECK(j["entities"][0]["start"] == 7);
  CHECK(j["entities"][0]["end"] == 11);
}
