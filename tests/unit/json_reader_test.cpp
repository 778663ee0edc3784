// report::JsonDocument: the core's JSON reader (JSON-LD in pages). Strict JSON by default, the tolerances
// pages need in lenient mode, and "not parsed" (never a throw, never deep recursion) for anything else.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "report/json_reader.hpp"
#include "report/json_writer.hpp"

using articlescope::report::JsonDocument;
using articlescope::report::JsonKind;
using articlescope::report::JsonReadOptions;
using articlescope::report::JsonValue;
using articlescope::report::JsonWriter;

namespace {

JsonReadOptions lenient() {
  JsonReadOptions options;
  options.lenient = true;
  return options;
}

std::vector<std::string> strings_of(JsonValue array) {
  std::vector<std::string> out;
  for (const JsonValue item : array) out.emplace_back(item.text());
  return out;
}

}  // namespace

TEST_CASE("json reader: scalars, arrays and objects", "[report][json]") {
  const auto doc = JsonDocument::parse(
      R"( {"name": "Ada", "age": 36, "pi": -3.25e+2, "yes": true, "no": false, "none": null,
           "list": [1, "two", [3], {"four": 4}], "empty": {}, "nothing": []} )");
  REQUIRE(doc.parsed());
  const JsonValue root = doc.root();
  CHECK(root.is_object());
  CHECK(root.size() == 9);
  CHECK(root.find("name").text() == "Ada");
  CHECK(root.find("age").is_number());
  CHECK(root.find("age").text() == "36");
  CHECK(root.find("pi").text() == "-3.25e+2");
  CHECK(root.find("yes").is_bool());
  CHECK(root.find("yes").boolean());
  CHECK_FALSE(root.find("no").boolean());
  CHECK(root.find("none").is_null());
  CHECK_FALSE(root.find("missing"));
  CHECK_FALSE(root.find("missing").is_null());
  const JsonValue list = root.find("list");
  REQUIRE(list.is_array());
  CHECK(list.size() == 4);
  std::vector<JsonKind> kinds;
  for (const JsonValue item : list) kinds.push_back(item.kind());
  CHECK(kinds ==
        std::vector<JsonKind>{JsonKind::Number, JsonKind::String, JsonKind::Array, JsonKind::Object});
  CHECK((*list.begin()).text() == "1");
  CHECK(root.find("empty").is_object());
  CHECK(root.find("empty").size() == 0);
  CHECK(root.find("nothing").size() == 0);
  CHECK_FALSE(root.find("nothing").begin() != root.find("nothing").end());

  std::vector<std::string> keys;
  for (auto it = root.begin(); it != root.end(); ++it) keys.emplace_back(it.key());
  CHECK(keys ==
        std::vector<std::string>{"name", "age", "pi", "yes", "no", "none", "list", "empty", "nothing"});
  // Looking a key up in a non-object, or iterating a scalar, gives nothing.
  CHECK_FALSE(list.find("name"));
  CHECK(root.find("age").size() == 0);
  CHECK_FALSE(root.find("age").begin() != root.find("age").end());
}

TEST_CASE("json reader: a repeated key reads as its last value", "[report][json]") {
  const auto doc = JsonDocument::parse(R"({"a": 1, "b": {"a": 9}, "a": 2})");
  REQUIRE(doc.parsed());
  CHECK(doc.root().find("a").text() == "2");
  CHECK(doc.root().find("b").find("a").text() == "9");
}

TEST_CASE("json reader: escapes and surrogate pairs decode to UTF-8", "[report][json]") {
  const auto doc = JsonDocument::parse(
      R"(["q\" b\\ s\/ \b\f\n\r\t", "caf\u00e9 \u00E9", "\u20AC", "\ud83d\ude00", "raw caf)"
      "\xC3\xA9 \xF0\x9F\x98\x80"
      R"(", "nul\u0000end"])");
  REQUIRE(doc.parsed());
  const auto items = strings_of(doc.root());
  REQUIRE(items.size() == 6);
  CHECK(items[0] == "q\" b\\ s/ \b\f\n\r\t");
  CHECK(items[1] == "caf\xC3\xA9 \xC3\xA9");
  CHECK(items[2] == "\xE2\x82\xAC");
  CHECK(items[3] == "\xF0\x9F\x98\x80");
  CHECK(items[4] == "raw caf\xC3\xA9 \xF0\x9F\x98\x80");
  CHECK(items[5] == std::string("nul\0end", 7));
}

TEST_CASE("json reader: what the writer writes reads back the same", "[report][json]") {
  JsonWriter writer;
  writer.begin_object().key("text").value("tab\t quote\" \xE2\x80\xA8 \x01 caf\xC3\xA9").key("n").value(-12);
  writer.key("list").begin_array().value(true).null().value(0.5).end_array().end_object();
  const auto doc = JsonDocument::parse(writer.str());
  REQUIRE(doc.parsed());
  CHECK(doc.root().find("text").text() == "tab\t quote\" \xE2\x80\xA8 \x01 caf\xC3\xA9");
  CHECK(doc.root().find("n").text() == "-12");
  CHECK(doc.root().find("list").size() == 3);
}

TEST_CASE("json reader: invalid text is not parsed", "[report][json]") {
  const std::vector<std::string> invalid = {
      "",
      "   ",
      "{",
      "[1, 2",
      R"({"a": "unterminated)",
      R"({"a" 1})",
      R"({"a": 1 "b": 2})",
      R"({a: 1})",
      "[1,]",          // a trailing comma, strict mode
      R"({"a": 1,})",  // likewise
      "[,]",
      "[1] [2]",  // two values
      "[1] x",
      "tru",
      "nul",
      "01",
      "-",
      "1.",
      ".5",
      "1e",
      "+1",
      R"("\x41")",
      R"("\u12G4")",
      R"("\u12")",
      R"("\ud83d")",        // a lone high surrogate
      R"("\ud83d\u0041")",  // a high surrogate with no low one
      R"("\ude00")",        // a lone low surrogate
      "\"line\nbreak\"",    // raw control character (strict mode)
      "\"bad \xC3 utf8\"",  // invalid UTF-8
      "\"overlong \xC0\xAF\"",
      "\"surrogate \xED\xA0\x80\"",
      "[1}",
      "{\"a\": 1]",
      "\"text\" \xFF",
  };
  for (const auto& text : invalid) {
    INFO(text);
    const auto doc = JsonDocument::parse(text);
    CHECK_FALSE(doc.parsed());
    CHECK_FALSE(doc.root());
    CHECK_FALSE(doc.root().is_object());
  }
}

TEST_CASE("json reader: truncated text never parses", "[report][json]") {
  const std::string full =
      R"({"@type": "NewsArticle", "headline": "A \u00e9 \ud83d\ude00 test", "n": [1.5e3, true, null, {"x": []}]})";
  REQUIRE(JsonDocument::parse(full).parsed());
  for (std::size_t length = 0; length < full.size(); ++length) {
    INFO(length);
    CHECK_FALSE(JsonDocument::parse(std::string_view(full).substr(0, length)).parsed());
  }
}

TEST_CASE("json reader: lenient mode takes trailing commas and raw line breaks in strings",
          "[report][json]") {
  const std::string text = "{\"a\": [1, 2, ],\n \"b\": \"two\nlines\tand\r tab\", \"c\": {\"d\": 1,},}";
  CHECK_FALSE(JsonDocument::parse(text).parsed());
  const auto doc = JsonDocument::parse(text, lenient());
  REQUIRE(doc.parsed());
  CHECK(doc.root().find("a").size() == 2);
  CHECK(doc.root().find("b").text() == "two lines and  tab");
  CHECK(doc.root().find("c").find("d").text() == "1");
  // Still not JSON: a lone comma, other control characters, a backslash before a raw line break.
  for (const std::string bad : {"[,]", "{,}", "[1,,]", "\"a\x01\"", "\"a\\\nb\""}) {
    INFO(bad);
    CHECK_FALSE(JsonDocument::parse(bad, lenient()).parsed());
  }
}

TEST_CASE("json reader: a byte order mark is skipped", "[report][json]") {
  const auto doc = JsonDocument::parse("\xEF\xBB\xBF{\"a\": 1}");
  REQUIRE(doc.parsed());
  CHECK(doc.root().find("a").text() == "1");
}

TEST_CASE("json reader: nesting is bounded, deep and huge texts neither recurse nor crawl",
          "[report][json]") {
  auto nested = [](int depth) { return std::string(depth, '[') + "1" + std::string(depth, ']'); };
  CHECK(JsonDocument::parse(nested(64)).parsed());
  CHECK_FALSE(JsonDocument::parse(nested(65)).parsed());
  JsonReadOptions shallow;
  shallow.max_depth = 3;
  CHECK(JsonDocument::parse(R"({"a": [{"b": 1}]})", shallow).parsed());
  CHECK_FALSE(JsonDocument::parse(R"({"a": [{"b": []}]})", shallow).parsed());

  // A million levels (far past any stack, were the reader recursive) and a long unclosed run both fail fast.
  JsonReadOptions unbounded;
  unbounded.max_depth = 2'000'000;
  const auto deep = JsonDocument::parse(nested(1'000'000), unbounded);
  REQUIRE(deep.parsed());
  JsonValue value = deep.root();
  int depth = 0;
  while (value.is_array()) {
    value = *value.begin();
    ++depth;
  }
  CHECK(depth == 1'000'000);
  CHECK(value.text() == "1");
  CHECK_FALSE(JsonDocument::parse(std::string(1'000'000, '['), unbounded).parsed());

  // A wide array and a long string: linear.
  std::string wide = "[";
  for (int i = 0; i < 200'000; ++i) wide += "{\"k\":\"v\"},";
  wide.back() = ']';
  const auto doc = JsonDocument::parse(wide);
  REQUIRE(doc.parsed());
  CHECK(doc.root().size() == 200'000);
  const std::string long_string = "\"" + std::string(3'000'000, 'x') + "\"";
  CHECK(JsonDocument::parse(long_string).root().text().size() == 3'000'000);
}

TEST_CASE("json reader: JSON-LD shapes (@graph, @type arrays, nested authors)", "[report][json]") {
  const auto doc = JsonDocument::parse(R"({
    "@context": "https://schema.org",
    "@graph": [
      {"@type": "WebSite", "name": "Example Gazette", "url": "https://example.org/"},
      {"@type": ["NewsArticle", "Article"], "headline": "Council opens the old bridge",
       "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "givenName": "Li", "familyName": "Wei"}],
       "image": {"@type": "ImageObject", "url": "https://example.org/bridge.jpg"},
       "datePublished": "2024-03-02T10:00:00+01:00"}
    ]})");
  REQUIRE(doc.parsed());
  const JsonValue graph = doc.root().find("@graph");
  REQUIRE(graph.size() == 2);
  auto it = graph.begin();
  CHECK((*it).find("@type").text() == "WebSite");
  ++it;
  const JsonValue article = *it;
  CHECK(strings_of(article.find("@type")) == std::vector<std::string>{"NewsArticle", "Article"});
  CHECK(article.find("headline").text() == "Council opens the old bridge");
  const JsonValue authors = article.find("author");
  REQUIRE(authors.size() == 2);
  CHECK((*authors.begin()).find("name").text() == "Ana Ruiz");
  CHECK(article.find("image").find("url").text() == "https://example.org/bridge.jpg");
  ++it;
  CHECK_FALSE(it != graph.end());
}
