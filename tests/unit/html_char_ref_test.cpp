// Character references as the HTML spec decodes them ("consume a character reference", HTML 5 as gumbo
// 0.10.1 implements it). These pin the behaviour of cmake/gumbo/char_ref_compact.c, our compact replacement
// for gumbo's Ragel-generated char_ref.c; they were first run against the original char_ref.c.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "html/dom.hpp"

using articlescope::html::Document;
using articlescope::html::kNoNode;
using articlescope::html::Tag;

namespace {

std::string body_text(std::string_view body_html) {
  const Document doc = articlescope::html::parse("<html><body>" + std::string(body_html));
  const auto body = doc.find_first(Tag::Body);
  REQUIRE(body != kNoNode);
  return articlescope::html::text_content(doc, body);
}

std::string title_attribute(std::string_view anchor_html) {
  const Document doc = articlescope::html::parse("<html><body>" + std::string(anchor_html));
  const auto anchor = doc.find_first(Tag::A);
  REQUIRE(anchor != kNoNode);
  return std::string(doc[anchor].attr("title"));
}

}  // namespace

TEST_CASE("Named references decode with and without the semicolon", "[html][charref]") {
  CHECK(body_text("a &amp; b") == "a & b");
  CHECK(body_text("a &amp b") == "a & b");  // a legacy name: the semicolon may be missing
  CHECK(body_text("&AMP;&AMP") == "&&");
  CHECK(body_text("&AElig;&AElig") == "\u00C6\u00C6");
  CHECK(body_text("&lt;b&gt;") == "<b>");
  CHECK(body_text("&copy 2026") == "\u00A9 2026");
  CHECK(body_text("&eacute;t&eacute;") == "\u00E9t\u00E9");
  CHECK(body_text("&hellip;&mdash;&nbsp;") == "\u2026\u2014\u00A0");
  CHECK(body_text("&CounterClockwiseContourIntegral;") == "\u2233");
  CHECK(body_text("&Afr;") == "\U0001D504");  // outside the BMP
}

TEST_CASE("The longest matching name wins, the rest is text", "[html][charref]") {
  CHECK(body_text("&notit;") == "\u00ACit;");  // 'not' is legacy, 'notit;' is no name
  CHECK(body_text("&notin;") == "\u2209");     // 'notin;' is longer than 'not'
  CHECK(body_text("&notin") == "\u00ACin");    // 'notin' without ';' is no name: 'not' + "in"
  CHECK(body_text("&ampxyz") == "&xyz");
  CHECK(body_text("&amp;;") == "&;");
  CHECK(body_text("&copy=") == "\u00A9=");  // outside attributes '=' does not matter
}

TEST_CASE("Names that decode to two code points", "[html][charref]") {
  CHECK(body_text("&NotEqualTilde;") == "\u2242\u0338");
  CHECK(body_text("&nvlt;") == "<\u20D2");
  CHECK(body_text("&bne;") == "=\u20E5");
  CHECK(body_text("&fjlig;") == "fj");
  CHECK(body_text("&acE;x") == "\u223E\u0333x");
}

TEST_CASE("Unknown names, case mismatches and bare ampersands stay as they are", "[html][charref]") {
  CHECK(body_text("&foo;") == "&foo;");
  CHECK(body_text("&Amp;") == "&Amp;");
  CHECK(body_text("&AMp;") == "&AMp;");
  CHECK(body_text("fish & chips") == "fish & chips");
  CHECK(body_text("a &&amp; b") == "a && b");
  CHECK(body_text("&;") == "&;");
  CHECK(body_text("at the end &") == "at the end &");
  CHECK(body_text("at the end &am") == "at the end &am");
  CHECK(body_text("at the end &amp") == "at the end &");
  CHECK(body_text("&") == "&");
}

TEST_CASE("In attributes a name without a semicolon followed by '=' or an alphanumeric is not decoded",
          "[html][charref]") {
  const Document doc =
      articlescope::html::parse("<a href=\"/search?a=1&amp=2&copy=3&lang=de&amp;x=y\">z</a>");
  const auto anchor = doc.find_first(Tag::A);
  REQUIRE(anchor != kNoNode);
  CHECK(doc[anchor].attr("href") == "/search?a=1&amp=2&copy=3&lang=de&x=y");
  CHECK(title_attribute("<a title=\"&copy=\">") == "&copy=");
  CHECK(title_attribute("<a title=\"&copyx\">") == "&copyx");
  CHECK(title_attribute("<a title=\"&copy1\">") == "&copy1");
  CHECK(title_attribute("<a title=\"&copy;=\">") == "\u00A9=");  // with ';' it always decodes
  CHECK(title_attribute("<a title=\"&copy 2026\">") == "\u00A9 2026");
  CHECK(title_attribute("<a title=\"&copy-2026\">") == "\u00A9-2026");
  CHECK(title_attribute("<a title='&notit;'>") == "&notit;");  // 'not' is followed by 'i'
  CHECK(title_attribute("<a title=\"&notin\">") == "&notin");  // likewise
  CHECK(title_attribute("<a title=&amp>") == "&");             // unquoted: '>' ends the value
  CHECK(title_attribute("<a title=\"&NotEqualTilde;\">") == "\u2242\u0338");
}

TEST_CASE("Numeric references", "[html][charref]") {
  CHECK(body_text("&#x41;&#X42;&#67;") == "ABC");
  CHECK(body_text("&#65 and &#x41") == "A and A");  // the semicolon may be missing
  CHECK(body_text("&#x0041;") == "A");
  CHECK(body_text("&#x1F600;") == "\U0001F600");
  CHECK(body_text("&#128;&#x80;") == "\u20AC\u20AC");  // windows-1252 replacements
  CHECK(body_text("&#150;&#153;") == "\u2013\u2122");
  CHECK(body_text("&#129;") == "\u0081");  // in the replacement table, but maps to itself
  CHECK(body_text("a&#0;b") == "a\uFFFDb");
  CHECK(body_text("&#xD800;&#57343;") == "\uFFFD\uFFFD");  // surrogates
  CHECK(body_text("&#x110000;") == "\uFFFD");              // beyond Unicode
  CHECK(body_text("&#x10FFFF;") == "\U0010FFFF");          // a noncharacter is an error but kept
  CHECK(body_text("&#;&#x;&#xg;") == "&#;&#x;&#xg;");      // no digits: not a reference
  CHECK(body_text("&#") == "&#");
  CHECK(title_attribute("<a title=\"&#65=&#x42x\">") == "A=Bx");  // the attribute rule is for names only
}

TEST_CASE("References in RCDATA (title, textarea) decode, in RAWTEXT (xmp) they do not", "[html][charref]") {
  const Document doc = articlescope::html::parse(
      "<html><head><title>Tom &amp; Jerry &notit;</title></head>"
      "<body><textarea>&lt;p&gt;</textarea><xmp>a &amp;&amp; b</xmp></body></html>");
  CHECK(articlescope::html::text_content(doc, doc.find_first(Tag::Title)) == "Tom & Jerry \u00ACit;");
  CHECK(articlescope::html::text_content(doc, doc.find_first(Tag::Textarea)) == "<p>");
  bool found_xmp = false;
  for (std::uint32_t i = 0; i < doc.nodes.size(); ++i) {
    if (doc[i].tag != Tag::Other || doc[i].name != "xmp") continue;
    found_xmp = true;
    CHECK(articlescope::html::text_content(doc, i) == "a &amp;&amp; b");
  }
  CHECK(found_xmp);
}
