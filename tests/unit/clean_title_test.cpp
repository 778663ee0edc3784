// Titles: which source is the headline, which " | X" / " - X" parts go (only the site's name or the
// author's), and the white space a title keeps. Every page here is invented.
#include "clean/clean.hpp"
#include "clean/metadata.hpp"

#include <catch2/catch.hpp>
#include <string>

using articlescope::Article;
using articlescope::Diagnostic;
using articlescope::Options;
using articlescope::clean::strip_site_from_title;
using articlescope::clean::TitleHints;

namespace {

const std::string kBody =
    "<p>The harbour authority said on Monday that the evening ferry would run again from next week, after "
    "repairs to the pier that storms had damaged in the spring.</p>"
    "<p>Commuters had used a replacement bus for four months, which added almost an hour to the journey "
    "between the two towns on either side of the bay.</p>"
    "<p>The authority expects the morning crossings to resume in the autumn, once a second landing stage "
    "has been rebuilt and inspected.</p>";

std::string page(const std::string& head, const std::string& body_top) {
  return "<html><head>" + head + "</head><body>" + body_top + "<article>" + kBody +
         "</article></body></html>";
}

std::string title_of(const std::string& html) {
  Options options;
  std::vector<Diagnostic> warnings;
  return articlescope::clean::clean_html(html, options, warnings).title;
}

}  // namespace

TEST_CASE("title: a JSON-LD name that is the publisher's name is not the headline", "[clean][title]") {
  // The <title> words the headline differently, so only the name (the site) is found in it.
  const std::string html = page(
      "<title>Ferry returns to the bay next week - Bay Courier</title>"
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"name\":\"Bay Courier\","
      "\"headline\":\"Evening ferry returns after pier repairs\",\"publisher\":{\"name\":\"Bay Courier\"}}"
      "</script>",
      "");
  CHECK(title_of(html) == "Evening ferry returns after pier repairs");
}

TEST_CASE("title: a site logo shown as the first heading is the site, not the headline", "[clean][title]") {
  CHECK(title_of(page("<title>Building small binaries with a new linker · Toolsmith</title>",
                      "<h1>Toolsmith</h1><h1>Building small binaries with a new linker</h1>")) ==
        "Building small binaries with a new linker");
  // The logo part is a longer phrase, and the headline heading has a permalink mark.
  CHECK(title_of(page("<title>Shared History: how it works — history extension for Quill</title>",
                      "<h1>history extension for Quill</h1><h1>Shared History: how it works\xC2\xB6</h1>")) ==
        "Shared History: how it works");
  // A short logo heading repeating the last part, with no headline heading at all.
  CHECK(title_of(page("<title>Autumn walk along the old canal (2) :: Pathfinder ::</title>",
                      "<h1>Pathfinder</h1>")) == "Autumn walk along the old canal (2)");
}

TEST_CASE("title: a subtitle after a dash stays when the page's heading has it", "[clean][title]") {
  // No site name is known; the dash part is short, but the heading reads as the headline with it.
  const std::string head =
      "<title>How we rebuilt the tram timetable: lessons from a year - Transit Lab</title>"
      "<meta property='og:title' content='How we rebuilt the tram timetable - lessons from a year'>";
  CHECK(title_of(page(head, "<h1>How we rebuilt the tram timetable: lessons from a year</h1>")) ==
        "How we rebuilt the tram timetable - lessons from a year");
  // Without that heading, the short last part is taken for the site, by convention.
  CHECK(title_of(page(head, "<h1>Transit Lab blog</h1>")) == "How we rebuilt the tram timetable");
}

TEST_CASE("title: share titles that agree are kept whole, unless a part names the site or author",
          "[clean][title]") {
  const std::string chapter =
      "<title>Chapter Nine: The Long Road - River Tales | Story Harbour</title>"
      "<meta property='og:site_name' content='Story Harbour'>"
      "<meta property='og:title' content='Chapter Nine: The Long Road - River Tales'>"
      "<meta name='twitter:title' content='Chapter Nine: The Long Road - River Tales'>";
  CHECK(title_of(page(chapter, "<h1>Chapter Nine: The Long Road</h1>")) ==
        "Chapter Nine: The Long Road - River Tales");

  // One share title only (JSON-LD), the heading and og:title leave out the kicker: the heading's part.
  const std::string kicker =
      "<title>Ferry service resumes after storm repairs | Bay Courier</title>"
      "<meta property='og:title' content='Ferry service resumes after storm repairs'>"
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
      "\"headline\":\"Harbourside - Ferry service resumes after storm repairs\"}</script>";
  CHECK(title_of(page(kicker, "<h1>Ferry service resumes after storm repairs</h1>")) ==
        "Ferry service resumes after storm repairs");

  // Agreeing share titles that end with the author's name: the name goes.
  const std::string author =
      "<title>Why the pier failed | Mara Lind | Opinion | Bay Courier</title>"
      "<meta property='og:site_name' content='Bay Courier'><meta name='author' content='Mara Lind'>"
      "<meta property='og:title' content='Why the pier failed | Mara Lind'>"
      "<meta name='twitter:title' content='Why the pier failed | Mara Lind'>";
  CHECK(title_of(page(author, "")) == "Why the pier failed");

  // Share titles that agree but carry no site name, with a known site: nothing is cut by convention.
  const std::string series =
      "<title>Tide tables 2.4 - The Harbour Update</title><meta property='og:site_name' content='Tide News'>"
      "<meta property='og:title' content='Tide tables 2.4 - The Harbour Update'>"
      "<script type='application/ld+json'>{\"@type\":\"BlogPosting\","
      "\"headline\":\"Tide tables 2.4 - The Harbour Update\"}</script>";
  CHECK(title_of(page(series, "<h1>Tide News</h1>")) == "Tide tables 2.4 - The Harbour Update");
}

TEST_CASE("title: a share title that is only the site's name is skipped", "[clean][title]") {
  const std::string html = page(
      "<title>Ferry service resumes after storm repairs</title>"
      "<meta name='application-name' content='Bay Courier - Latest News'>"
      "<meta property='og:title' content='Bay Courier - Latest News'>",
      "<h1>Ferry service resumes after storm repairs</h1>");
  CHECK(title_of(html) == "Ferry service resumes after storm repairs");
}

TEST_CASE("title: a <title> the heading repeats word for word beats unrelated metadata", "[clean][title]") {
  const std::string html = page(
      "<title>Ferry service resumes after storm repairs</title>"
      "<script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"Courier "
      "Exclusives\"}</script>",
      "<h1>Ferry service resumes after storm repairs</h1>");
  CHECK(title_of(html) == "Ferry service resumes after storm repairs");
}

TEST_CASE("title: headings pick the headline part of a <title>", "[clean][title]") {
  // "Section - Headline": both are headings; the headline is the longer one.
  CHECK(
      title_of(page("<title>Portal  -  Notices - Publication of the harbour dues regulation</title>",
                    "<h1>Portal</h1><h1>Notices</h1><h1>Publication of the harbour dues regulation</h1>")) ==
      "Publication of the harbour dues regulation");
  // A logo heading that repeats the site's name at the front of the <title> is not the headline.
  CHECK(title_of(page("<title>Bay Courier - Ferry returns after the storm</title>"
                      "<meta property='og:site_name' content='Bay Courier'>",
                      "<h1>Bay Courier</h1>")) == "Ferry returns after the storm");
  // The heading is the first two parts of four.
  CHECK(title_of(page("<title>Soldering safely – how to revive old radios – GadgetSpace – Tech</title>",
                      "<h1>Soldering safely – how to revive old radios</h1>")) ==
        "Soldering safely – how to revive old radios");
  // A section header heading repeats the last parts: they are the site's, the first part is the title.
  CHECK(title_of(page("<title>Cross-body lead - Dance moves - Salsa in Lisbon</title>",
                      "<h1>Dance moves - Salsa in Lisbon</h1>")) == "Cross-body lead");
  // A site header heading that contains the site name does not protect it from the convention.
  CHECK(title_of(page("<title>Club news - Season update - Summer cup results - Rowing Club</title>",
                      "<h1>rowing-club.example News - Archive</h1>")) ==
        "Club news - Season update - Summer cup results");
}

TEST_CASE("title: white space as a browser shows it", "[clean][title]") {
  // HTML white space collapses; no-break and ideographic spaces are the author's and stay.
  CHECK(title_of(page("<title>Review:   a   quiet\n ferry</title>", "")) == "Review: a quiet ferry");
  CHECK(title_of(page("<title>Sortie\xC2\xA0: \xC2\xAB"
                      "Le Port\xC2\xBB, \xC2\xAB"
                      "6\xC2\xA0Jours\xC2\xBB</title>",
                      "")) ==
        "Sortie\xC2\xA0: \xC2\xAB"
        "Le Port\xC2\xBB, \xC2\xAB"
        "6\xC2\xA0Jours\xC2\xBB");
  CHECK(title_of(
            page("<title>\xE6\xB8\xAF\xE3\x81\xAE\xE8\x88\xB9\xE3\x80\x80\xEF\xBC\x9C\xE7\x89\xA9\xE8\xAA\x9E"
                 "\xEF\xBC\x9E</title>",
                 "")) ==
        "\xE6\xB8\xAF\xE3\x81\xAE\xE8\x88\xB9\xE3\x80\x80\xEF\xBC\x9C\xE7\x89\xA9\xE8\xAA\x9E\xEF\xBC\x9E");
  // A no-break space beside ordinary spaces collapses with them, and one before a separator still separates.
  CHECK(title_of(page("<title>Rowing club - News\xC2\xA0 \xC2\xBB \xC2\xA0"
                      "Events of the season</title>",
                      "")) == "Rowing club - News \xC2\xBB Events of the season");
  CHECK(title_of(page("<title>Where does the smog come from?\xC2\xA0- Clean Air Kids</title>"
                      "<meta property='og:site_name' content='Clean Air Kids'>",
                      "")) == "Where does the smog come from?");
}

TEST_CASE("strip_site_from_title with page hints", "[clean][title]") {
  TitleHints hints;
  hints.sites = {"Bay Courier"};
  CHECK(strip_site_from_title("Ferry returns | Bay Courier", hints) == "Ferry returns");
  CHECK(strip_site_from_title("Bay Courier - Ferry returns after the storm", hints) ==
        "Ferry returns after the storm");
  // Not the site: a subtitle is kept when the share titles agree on it...
  hints.confirmed = true;
  CHECK(strip_site_from_title("Ferry returns - a long wait ends", hints) ==
        "Ferry returns - a long wait ends");
  // ... and the site still goes.
  CHECK(strip_site_from_title("Ferry returns - a long wait ends | Bay Courier", hints) ==
        "Ferry returns - a long wait ends");
  // A site name written as a domain: compared without spaces.
  TitleHints domain;
  domain.sites = {"harbourpost.example"};
  CHECK(strip_site_from_title("Ferry returns after the storm - Harbour Post", domain) ==
        "Ferry returns after the storm");
  hints.author = "Mara Lind";
  CHECK(strip_site_from_title("Ferry returns | By Mara Lind", hints) == "Ferry returns");
  // A dash inside a word or without spaces is no separator.
  TitleHints none;
  CHECK(strip_site_from_title("Cross-body lead-in for beginners", none) ==
        "Cross-body lead-in for beginners");
}

TEST_CASE("title: JSON-LD wrapped in CDATA, with escapes, surrogate pairs and raw line breaks",
          "[clean][title]") {
  const std::string script =
      "<script type='application/ld+json'>//<![CDATA[\n{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Bay "
      "Courier\"},{\"@type\":[\"NewsArticle\"],\"headline\":\"Caf\\u00e9 reopens \\ud83c\\udf89 on "
      "the\npier\","
      "\"author\":{\"name\":\"Mara Lind\"},}]}\n//]]></script>";
  CHECK(title_of(page(script, "")) == "Caf\xC3\xA9 reopens \xF0\x9F\x8E\x89 on the pier");
  // Invalid JSON-LD (a lone surrogate) is ignored: the <title> is used.
  const std::string invalid =
      "<title>Ferry service resumes</title><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
      "\"headline\":\"Bad \\ud83c text\"}</script>";
  CHECK(title_of(page(invalid, "")) == "Ferry service resumes");
}

TEST_CASE("title: huge and separator-ridden titles are kept as they are, quickly",
          "[clean][title][robustness]") {
  std::string many;
  for (int i = 0; i < 200'000; ++i) many += "word | ";
  many += "end";
  TitleHints hints;
  hints.sites = {"word"};
  hints.headings = {"word", "end"};
  CHECK(strip_site_from_title(many, hints) == many);
  const std::string html = page("<meta property='og:title' content='" + many + "'>", "<h1>word</h1>");
  CHECK(title_of(html).size() > 100'000);
  // Twenty short parts: too many to be a headline with a site name.
  std::string parts = "Ferry";
  for (int i = 0; i < 20; ++i) parts += " - Bay";
  CHECK(strip_site_from_title(parts, hints) == parts);
}
