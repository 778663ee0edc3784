// report::JsonWriter: escaping, invalid UTF-8, nesting and indentation always give valid JSON.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report/json_writer.hpp"

using articlescope::report::JsonWriter;
using nlohmann::json;

TEST_CASE("strings are escaped and invalid UTF-8 is replaced", "[report]") {
  JsonWriter w;
  w.begin_array();
  w.value("quote \" backslash \\ newline \n tab \t nul ").value(std::string_view("\0\x01\x1f\x7f", 4));
  w.value("caf\xC3\xA9 \xF0\x9F\x98\x80").value("bad \xC3 and \xFF\xFE end").value("\xE2\x80\xA8");
  w.end_array();
  const json j = json::parse(w.str());
  CHECK(j[0] == "quote \" backslash \\ newline \n tab \t nul ");
  CHECK(j[1] == std::string("\0\x01\x1f\x7f", 4));
  CHECK(j[2] == "caf\xC3\xA9 \xF0\x9F\x98\x80");
  CHECK(j[3] == "bad \xEF\xBF\xBD and \xEF\xBF\xBD\xEF\xBF\xBD end");
  CHECK(j[4] == "\xE2\x80\xA8");
}

TEST_CASE("objects, arrays and scalars nest, compact and indented", "[report]") {
  for (int indent : {-1, 0, 2}) {
    JsonWriter w(indent);
    w.begin_object();
    w.key("n").value(std::size_t{42}).key("i").value(-3).key("d").value(1.5).key("b").value(false);
    w.key("null").null().key("empty_or_null").string_or_null("");
    w.key("empty_array").begin_array().end_array();
    w.key("empty_object").begin_object().end_object();
    w.key("list").begin_array().begin_object().key("x").value("y").end_object().value(true).end_array();
    w.end_object();
    INFO("indent " << indent << ": " << w.str());
    const json j = json::parse(w.str());
    CHECK(j["n"] == 42);
    CHECK(j["i"] == -3);
    CHECK(j["d"] == 1.5);
    CHECK(j["b"] == false);
    CHECK(j["null"].is_null());
    CHECK(j["empty_or_null"].is_null());
    CHECK(j["empty_array"] == json::array());
    CHECK(j["empty_object"] == json::object());
    CHECK(j["list"][0]["x"] == "y");
    CHECK(j["list"][1] == true);
    CHECK((indent < 0) == (w.str().find('\n') == std::string::npos));
  }
}
