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

TEST_CASE("find_invalid_utf8 finds the first invalid byte, also past long ASCII runs", "[text]") {
  using articlescope::text::find_invalid_utf8;
  const std::string ascii(37, 'a');  // the scan goes 8 bytes at a time: runs of every length mod 8
  for (std::size_t n = 0; n < ascii.size(); ++n) {
    const std::string head = ascii.substr(0, n);
    CHECK(find_invalid_utf8(head) == std::string::npos);
    CHECK(find_invalid_utf8(head + "\xFF" + ascii) == n);
    CHECK(find_invalid_utf8(head + "\xC3\xA9" + ascii + "\xE2\x82") ==
          n + 2 + ascii.size());                           // cut at the end
    CHECK(find_invalid_utf8(head + "\xED\xA0\x80") == n);  // a surrogate
  }
  CHECK(find_invalid_utf8("caf\xC3\xA9 \xF0\x9F\x98\x80 and \xEF\xBF\xBD, twelve bytes") ==
        std::string::npos);
}

TEST_CASE("looks_binary counts control bytes wherever they are in the sample", "[text]") {
  using articlescope::text::looks_binary;
  std::string text(200, 'x');
  CHECK_FALSE(looks_binary(text));
  text[131] = '\0';
  CHECK(looks_binary(text));  // any NUL
  std::string controls(200, 'x');
  for (std::size_t i = 3; i < controls.size(); i += 13) controls[i] = '\x01';  // 7.5% control bytes
  CHECK(looks_binary(controls));
  std::string lines(200, 'x');
  for (std::size_t i = 5; i < lines.size(); i += 9) lines[i] = '\n';  // line ends are text
  CHECK_FALSE(looks_binary(lines));
}

TEST_CASE("lower() lower-cases Latin, Greek and Cyrillic letters and keeps the rest", "[text]") {
  using articlescope::text::lower;
  CHECK(lower("\u00c4hnliche BEITR\u00c4GE") == "\u00e4hnliche beitr\u00e4ge");
  // Latin Extended-A: odd capitals in 0x139-0x148 and 0x179-0x17E ("\u0141", "\u017b"), "\u0178" pairs with
  // 0xFF.
  CHECK(lower("\u0141\u00d3D\u0179 \u015Al\u0119\u017ca \u017b\u00d3\u0141W \u0178") ==
        "\u0142\u00f3d\u017a \u015bl\u0119\u017ca \u017c\u00f3\u0142w \u00ff");
  CHECK(lower("\u00c0 LIRE AUSSI \u00bb") == "\u00e0 lire aussi \u00bb");
  CHECK(lower("\u03aa\u03a9 \u0427\u0418\u0422\u0410\u0419\u0422\u0415 123") ==
        "\u03ca\u03c9 \u0447\u0438\u0442\u0430\u0439\u0442\u0435 123");
  CHECK(lower("\u65e5\u672c\u8a9e \u0138\u0149\u017f") == "\u65e5\u672c\u8a9e \u0138\u0149\u017f");
}
