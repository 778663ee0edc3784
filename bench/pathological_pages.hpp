// Generators of pathological inputs: each makes an input whose size grows linearly with `scale` (scale 1 is
// 10-40 KB), shaped to hit one place where a parser or a stage could be super-linear. bench/pathological.cpp
// times them at 1x/10x/100x; tests/unit/limits_test.cpp runs the small ones for correctness.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace articlescope::bench {

/// One family of pathological inputs.
struct PathologicalPage {
  const char* name;
  const char* targets;  ///< what it stresses
  bool html;            ///< analysed as HTML (else as plain text)
  std::string (*make)(std::size_t scale);
};

namespace pathological_detail {

inline std::string repeat(const std::string& unit, std::size_t n) {
  std::string out;
  out.reserve(unit.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += unit;
  return out;
}

inline std::string numbered(const std::string& before, const std::string& after, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += before + std::to_string(i) + after;
  return out;
}

// An invented article paragraph, so that the cleaner finds a body around the hostile part.
inline const std::string& paragraph() {
  static const std::string text =
      "<p>The river authority on Tuesday allowed barges to use the northern lock at night, but kept the ban "
      "on tankers in place until the spring survey, a spokeswoman for the authority said.</p>";
  return text;
}

inline std::string page(const std::string& body) {
  return "<html><head><title>River authority opens the lock</title></head><body><article>" + paragraph() +
         body + paragraph() + "</article></body></html>";
}

}  // namespace pathological_detail

/// Every generator, in a fixed order.
inline std::vector<PathologicalPage> pathological_pages() {
  using namespace pathological_detail;
  return {
      {"attributes on one element", "gumbo's duplicate-attribute check", true,
       [](std::size_t k) { return page("<p" + numbered(" a", "=1", 2000 * k) + ">x</p>"); }},
      {"attributes with odd names", "the same, names the pre-pass cannot tokenise cleanly", true,
       [](std::size_t k) { return page("<p" + numbered(" a\"", "=1", 2000 * k) + ">x</p>"); }},
      {"attributes on an end tag", "the tokenizer reads attributes of end tags too", true,
       [](std::size_t k) { return page("<p>x</p" + numbered(" a", "", 2000 * k) + ">"); }},
      {"attributes on a script tag", "raw-text elements", true,
       [](std::size_t k) { return page("<script" + numbered(" a", "", 2000 * k) + "></script>"); }},
      {"attributes on many elements", "many elements just under the cap", true,
       [](std::size_t k) { return page(repeat("<span" + numbered(" a", "", 200) + ">y</span>", 10 * k)); }},
      {"deep nesting", "gumbo's scope checks", true,
       [](std::size_t k) { return page(repeat("<div>", 2000 * k) + "deep" + repeat("</div>", 2000 * k)); }},
      {"self-closed divs", "<div/> opens a div in HTML: nesting", true,
       [](std::size_t k) { return page(repeat("<div/>", 2000 * k)); }},
      {"self-closed formatting", "<b/> opens a b in HTML: formatting", true,
       [](std::size_t k) { return page(numbered("<b id=", "/>x", 1000 * k)); }},
      {"unclosed formatting in paragraphs", "active formatting elements reconstructed per paragraph", true,
       [](std::size_t k) { return page(numbered("<p><b id=", ">x</p>", 1000 * k)); }},
      {"unclosed links", "the adoption agency algorithm", true,
       [](std::size_t k) { return page(numbered("<a href=", ">x", 1000 * k)); }},
      {"misnested formatting", "the adoption agency algorithm with blocks", true,
       [](std::size_t k) { return page(repeat("<b><div><i>x</b>y</div></i>", 1000 * k)); }},
      {"unclosed table cells", "table insertion modes, foster parenting", true,
       [](std::size_t k) { return page(repeat("<table><tr><td>x", 500 * k)); }},
      {"text in a table", "foster-parented text", true,
       [](std::size_t k) { return page("<table>" + repeat("fostered text <b>", 1000 * k) + "</table>"); }},
      {"stray end tags", "end tags with no start tag", true,
       [](std::size_t k) { return page(repeat("</div></span></p>", 1000 * k)); }},
      {"many list items", "implicitly closed siblings", true,
       [](std::size_t k) { return page("<ul>" + repeat("<li>Item", 2000 * k) + "</ul>"); }},
      {"nested lists", "lists inside lists", true,
       [](std::size_t k) { return page(repeat("<ul><li>level", 1000 * k)); }},
      {"many paragraphs", "block scoring and the text of many blocks", true,
       [](std::size_t k) { return page(repeat(paragraph(), 100 * k)); }},
      {"many small divs", "the cleaner's per-node statistics", true,
       [](std::size_t k) { return page(repeat("<div class=\"c\"><span>w</span></div>", 1000 * k)); }},
      {"many links", "link density", true,
       [](std::size_t k) {
         return page("<p>" + numbered("<a href=\"/l", "\">link</a> ", 1000 * k) + "</p>");
       }},
      {"one long attribute value", "attribute values", true,
       [](std::size_t k) { return page("<p title=\"" + repeat("v", 20000 * k) + "\">x</p>"); }},
      {"unterminated comments", "comment scanning", true,
       [](std::size_t k) { return page(repeat("<!-- open ", 2000 * k)); }},
      {"unterminated tags", "tag-end scanning", true,
       [](std::size_t k) { return page(repeat("<p a='x ", 2000 * k)); }},
      {"unterminated raw text", "raw-text end search", true,
       [](std::size_t k) { return page(repeat("<textarea></x", 2000 * k)); }},
      {"many script tags", "script bodies", true,
       [](std::size_t k) { return page(repeat("<script>var a = '</div>';</script>", 1000 * k)); }},
      {"character references", "character reference decoding", true,
       [](std::size_t k) {
         return page("<p>" + repeat("&amp;&#x41;&#99999999;&notanentity", 1000 * k) + "</p>");
       }},
      {"deep JSON-LD", "the JSON reader's nesting", true,
       [](std::size_t k) {
         return "<html><head><script type=\"application/ld+json\">" + repeat("[", 5000 * k) +
                repeat("]", 5000 * k) + "</script></head><body>" + paragraph() + "</body></html>";
       }},
      {"wide JSON-LD", "the JSON reader with many members", true,
       [](std::size_t k) {
         return "<html><head><script type=\"application/ld+json\">{" +
                numbered("\"k", "\": \"v\",", 1000 * k) +
                "\"@type\": \"NewsArticle\"}</script></head><body>" + paragraph() + "</body></html>";
       }},
      {"many meta tags", "metadata reading", true,
       [](std::size_t k) {
         return "<html><head>" + numbered("<meta name=\"m", "\" content=\"value\">", 1000 * k) +
                "</head><body>" + paragraph() + "</body></html>";
       }},
      {"one long word", "tokens and the tagger", false,
       [](std::size_t k) { return repeat("abcdefghij", 2000 * k); }},
      {"one long sentence", "sentence splitting, the policy stage", false,
       [](std::size_t k) { return repeat("the council allowed boats and banned tankers ", 500 * k); }},
      {"one long line of words", "a run-on line without punctuation", false,
       [](std::size_t k) { return repeat("word ", 4000 * k); }},
      {"many distinct names", "entity linking", false,
       [](std::size_t k) { return numbered("Minister Alda Varn", " met Mayor Tomas Quill. ", 500 * k); }},
      {"one name many times", "entity groups and aliases", false,
       [](std::size_t k) { return repeat("Alda Varnsen said Varnsen would allow it. ", 500 * k); }},
      {"many capitalised words", "the tagger's name sequences", false,
       [](std::size_t k) { return repeat("Aaa Bbb Ccc Ddd Eee Fff Ggg ", 500 * k); }},
      {"many dates and amounts", "the date, money and quantity recognisers", false,
       [](std::size_t k) {
         return repeat("On 3 March 2024 it paid $4.5 million for 120 tonnes. ", 300 * k);
       }},
      {"many policy triggers", "provision candidates in one sentence", false,
       [](std::size_t k) {
         return repeat("allowed banned permitted prohibited exempt not ", 300 * k) + ".";
       }},
      {"many short lines", "plain-text block splitting", false,
       [](std::size_t k) { return repeat("A line.\n", 2000 * k); }},
      {"many blank lines", "plain-text paragraph breaks", false,
       [](std::size_t k) { return "Start." + repeat("\n \n", 4000 * k) + "End."; }},
  };
}

}  // namespace articlescope::bench
