// text::repair_utf8: every invalid byte becomes one U+FFFD; valid text (ASCII or not) comes back unchanged.
#include <catch2/catch.hpp>
#include <string>

#include "text/utf8.hpp"

using articlescope::text::repair_utf8;

namespace {
std::string repaired_text(const std::string& s, bool expect_repair) {
  bool repaired = !expect_repair;
  std::string out = repair_utf8(s, repaired);
  CHECK(repaired == expect_repair);
  return out;
}
}  // namespace

TEST_CASE("repair_utf8 keeps valid text byte for byte", "[text]") {
  const std::string valid =
      "plain, Kyiv \xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2, \xE2\x82\xAC"
      "5, emoji \xF0\x9F\x98\x80 and U+FFFD \xEF\xBF\xBD";
  CHECK(repaired_text(valid, false) == valid);
  CHECK(repaired_text("", false).empty());
}

TEST_CASE("repair_utf8 replaces each invalid byte, wherever it is", "[text]") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(repaired_text("\xFF"
                      "abc",
                      true) == fffd + "abc");             // first byte
  CHECK(repaired_text("abc\xC3", true) == "abc" + fffd);  // truncated sequence at the end
  CHECK(repaired_text("a\xC3\x28"
                      "b",
                      true) == "a" + fffd + "(b");  // bad continuation
  CHECK(repaired_text("\xE2\x82"
                      "x\xE2\x82\xAC",
                      true) == fffd + fffd + "x\xE2\x82\xAC");       // cut, then whole
  CHECK(repaired_text("\xED\xA0\x80", true) == fffd + fffd + fffd);  // an encoded surrogate
  CHECK(repaired_text("\xC0\xAF", true) == fffd + fffd);             // overlong '/'
}
