// clean_html: what must go, what must stay, metadata from each source, sanitised HTML, robustness.
#include "clean/clean.hpp"
#include "clean/metadata.hpp"
#include "clean/util.hpp"

#include <catch2/catch.hpp>
#include <string>

using articlescope::Article;
using articlescope::BlockKind;
using articlescope::Code;
using articlescope::Diagnostic;
using articlescope::Options;

namespace {

const std::string kParagraphs =
    "<p>The regional council approved a plan on Tuesday that lets small shops open on Sunday afternoons, "
    "ending a "
    "rule that had stood for forty years.</p>"
    "<p>Shops larger than four hundred square metres remain closed on Sundays, and staff may refuse Sunday "
    "shifts "
    "without losing their jobs, the council said in a statement.</p>"
    "<p>Trade unions criticised the decision, saying that it would put pressure on workers in family "
    "businesses, "
    "while the chamber of commerce welcomed it.</p>";

Article clean(const std::string& html, std::vector<Diagnostic>* warnings_out = nullptr, std::string url = "",
              bool remote_images = false) {
  Options options;
  options.url = std::move(url);
  options.remote_images = remote_images;
  std::vector<Diagnostic> warnings;
  Article article = articlescope::clean::clean_html(html, options, warnings);
  if (warnings_out != nullptr) *warnings_out = warnings;
  return article;
}

bool removed_with(const Article& article, const std::string& reason, const std::string& fragment) {
  for (const auto& r : article.removed) {
    if (r.reason == reason && r.text.find(fragment) != std::string::npos) return true;
  }
  return false;
}

bool has_warning(const std::vector<Diagnostic>& warnings, Code code) {
  for (const auto& w : warnings) {
    if (w.code == code) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("clean_html drops navigation, share bars, related lists, newsletters, comments and cookie notices",
          "[clean]") {
  const std::string page =
      "<html><body><nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
      "<div id='cookie-banner'><p>We use cookies to make this site work.</p></div>"
      "<article><h1>Shops may open on Sundays</h1><div class='share-tools'><a href='#'>Share on "
      "Facebook</a></div>" +
      kParagraphs +
      "<div class='newsletter-box'><p>Sign up for our newsletter today and get the news first.</p></div>"
      "<h3>Related articles</h3><ul><li><a href='/a'>Bakeries fear weekend rush</a></li>"
      "<li><a href='/b'>What the new opening hours mean</a></li></ul></article>"
      "<section id='comments'><p>I think this is a great decision for the whole town, finally!</p></section>"
      "</body></html>";
  const Article article = clean(page);
  CHECK(article.text.find("small shops open on Sunday afternoons") != std::string::npos);
  CHECK(article.text.find("chamber of commerce welcomed it.") != std::string::npos);
  for (const char* gone : {"Home", "cookies", "Share on Facebook", "Sign up", "Bakeries", "great decision",
                           "Related articles"}) {
    INFO(gone);
    CHECK(article.text.find(gone) == std::string::npos);
  }
  CHECK(removed_with(article, "navigation", "World"));
  CHECK(removed_with(article, "cookie", "cookies"));
  CHECK(removed_with(article, "share", "Facebook"));
  CHECK(removed_with(article, "newsletter", "Sign up"));
  CHECK(removed_with(article, "related", "Bakeries"));
  CHECK(removed_with(article, "comments", "great decision"));
  CHECK(removed_with(article, "repeated_title", "Shops may open on Sundays"));
  CHECK(article.title == "Shops may open on Sundays");
  CHECK(article.readerable);
}

TEST_CASE("clean_html keeps lists, tables, quotes, captions, headings and link-rich paragraphs", "[clean]") {
  const std::string page =
      "<html><body><article><h1>New rules</h1>" + kParagraphs +
      "<h2>What changes</h2><ul><li>Bakeries may open at six.</li><li>Kiosks may sell newspapers all "
      "day.</li></ul>"
      "<blockquote><p>This is a fair compromise for everybody involved.</p></blockquote>"
      "<table><tr><th>Day</th><th>Hours</th></tr><tr><td>Sunday</td><td>12-18</td></tr></table>"
      "<figure><img src='/map.png' alt='map'><figcaption>The districts covered by the "
      "rule.</figcaption></figure>"
      "<p>Read the <a href='/d1'>decision</a>, the <a href='/d2'>map</a> and the <a href='/d3'>FAQ</a>.</p>"
      "</article></body></html>";
  const Article article = clean(page, nullptr, "https://news.example/story/1");
  auto block_with = [&](const std::string& fragment) -> const articlescope::Block* {
    for (const auto& block : article.blocks) {
      if (article.text.substr(block.start, block.end - block.start).find(fragment) != std::string::npos) {
        return &block;
      }
    }
    return nullptr;
  };
  REQUIRE(block_with("What changes") != nullptr);
  CHECK(block_with("What changes")->kind == BlockKind::Heading);
  CHECK(block_with("What changes")->level == 2);
  REQUIRE(block_with("Bakeries may open") != nullptr);
  CHECK(block_with("Bakeries may open")->kind == BlockKind::ListItem);
  REQUIRE(block_with("fair compromise") != nullptr);
  CHECK(block_with("fair compromise")->kind == BlockKind::Quote);
  REQUIRE(block_with("Sunday | 12-18") != nullptr);
  CHECK(block_with("Sunday | 12-18")->kind == BlockKind::TableRow);
  // The caption is the figure's, not the text's.
  CHECK(block_with("districts covered") == nullptr);
  REQUIRE(article.figures.size() == 1);
  CHECK(article.figures[0].caption == "The districts covered by the rule.");
  CHECK(article.figures[0].image == "https://news.example/map.png");
  // Remote images are opt-in: by default the figure keeps its caption and drops the <img>.
  CHECK(article.html.find("<figcaption>The districts covered by the rule.</figcaption>") !=
        std::string::npos);
  const Article with_images = clean(page, nullptr, "https://news.example/story/1", true);
  CHECK(with_images.html.find(
            "<figure><img src=\"https://news.example/map.png\" alt=\"map\"><figcaption>The districts "
            "covered by the rule.</figcaption></figure>") != std::string::npos);
  CHECK(block_with("Read the decision, the map and the FAQ.") != nullptr);
  // Links and images resolved against Options::url.
  CHECK(article.html.find("href=\"https://news.example/d1\"") != std::string::npos);
  CHECK(article.html.find("<img") == std::string::npos);  // remote images are opt-in: security_test.cpp
  CHECK(article.html.find("<ul><li>") != std::string::npos);
  CHECK(article.html.find("<table><tr><th>Day</th>") != std::string::npos);
}

TEST_CASE("clean_html text and blocks agree: blocks separated by one blank line", "[clean]") {
  const Article article = clean("<html><body><div class='post'>" + kParagraphs + "</div></body></html>");
  REQUIRE(article.blocks.size() == 3);
  for (std::size_t i = 0; i < article.blocks.size(); ++i) {
    const auto& block = article.blocks[i];
    REQUIRE(block.end <= article.text.size());
    REQUIRE(block.start < block.end);
    if (i > 0)
      CHECK(article.text.substr(article.blocks[i - 1].end, block.start - article.blocks[i - 1].end) ==
            "\n\n");
  }
  CHECK(article.blocks.front().start == 0);
  CHECK(article.blocks.back().end == article.text.size());
}

TEST_CASE("clean_html sanitises the article HTML", "[clean][security]") {
  const std::string page =
      "<html><body><article>"
      "<p onclick='steal()' style='color:red'>The council approved the plan on Tuesday after a long debate "
      "about "
      "<a href='javascript:alert(1)'>shops</a> and <a href='data:text/html,x'>opening hours</a> in the "
      "centre.</p>"
      "<script>document.write('evil')</script><iframe src='https://ads.example'></iframe>"
      "<p>Staff may refuse Sunday shifts without losing their jobs, <img src=x onerror=alert(1)> said the "
      "council in a statement published on its website on Wednesday.</p>"
      "<p>Trade unions criticised the decision, and the chamber of commerce welcomed it as overdue for "
      "years.</p>"
      "</article></body></html>";
  const Article article = clean(page);
  for (const char* bad :
       {"<script", "onclick", "onerror", "style=", "javascript:", "data:", "iframe", "evil"}) {
    INFO(bad);
    CHECK(article.html.find(bad) == std::string::npos);
  }
  CHECK(article.text.find("evil") == std::string::npos);
  CHECK(article.html.find("<p>The council approved") != std::string::npos);
}

TEST_CASE("clean_html reads metadata from meta tags", "[clean][metadata]") {
  const Article article = clean(
      "<html lang='en-GB'><head><title>Shops may open on Sundays | Valley News</title>"
      "<meta property='og:site_name' content='Valley News'><meta name='author' content='By Ana Silva'>"
      "<meta property='article:published_time' content='2026-05-02T08:00:00Z'>"
      "<meta property='og:image' content='/img/shop.jpg'><link rel='canonical' "
      "href='https://valley.example/s/1'>"
      "</head><body><article>" +
      kParagraphs + "</article></body></html>");
  CHECK(article.title == "Shops may open on Sundays");
  CHECK(article.site == "Valley News");
  CHECK(article.byline == "Ana Silva");
  REQUIRE(article.published.has_value());
  CHECK(*article.published == "2026-05-02T08:00:00Z");
  CHECK(article.lang == "en-GB");
  CHECK(article.canonical_url == "https://valley.example/s/1");
  CHECK(article.lead_image == "https://valley.example/img/shop.jpg");
}

TEST_CASE("clean_html: a site name declared as an address is not a name", "[clean][metadata]") {
  const auto site_of = [](const std::string& metas) {
    return clean("<html><head><title>Shops may open on Sundays</title>" + metas + "</head><body><article>" +
                 kParagraphs + "</article></body></html>")
        .site;
  };
  // The next declaration that is a name, else the address's host.
  CHECK(site_of("<meta property='og:site_name' content='http://www.valley.example'>"
                "<meta name='application-name' content='Valley News'>") == "Valley News");
  CHECK(site_of("<meta property='og:site_name' content='https://www.valley.example/'>") == "valley.example");
  CHECK(site_of("<meta property='og:site_name' content='Valley News'>"
                "<meta name='application-name' content='Valley App'>") == "Valley News");
}

TEST_CASE("clean_html reads metadata from JSON-LD, even with a trailing comma", "[clean][metadata]") {
  const Article article = clean(
      "<html><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":["
      "{\"@type\":\"NewsArticle\",\"headline\":\"Shops may open on Sundays\",\"author\":[{\"name\":\"Ana "
      "Silva\"},"
      "{\"name\":\"Tom Berg\"}],\"datePublished\":\"2026-05-02\",\"publisher\":{\"name\":\"Valley News\"},}]}"
      "</script></head><body><div>" +
      kParagraphs + "</div></body></html>");
  CHECK(article.title == "Shops may open on Sundays");
  CHECK(article.byline == "Ana Silva, Tom Berg");
  CHECK(article.published.value_or("") == "2026-05-02");
  CHECK(article.site == "Valley News");
}

TEST_CASE("clean_html finds visible bylines, <time> and dates in text, and removes them from the body",
          "[clean][metadata]") {
  const Article with_time = clean(
      "<html><body><div class='story'><h1>Shops may open</h1><p class='byline'>By Ana Silva</p>"
      "<time datetime='2026-05-02T08:00:00+02:00'>2 May 2026</time>" +
      kParagraphs + "</div></body></html>");
  CHECK(with_time.byline == "Ana Silva");
  CHECK(with_time.published.value_or("") == "2026-05-02T08:00:00+02:00");
  CHECK(with_time.text.find("By Ana Silva") == std::string::npos);
  CHECK(with_time.text.find("2 May 2026") == std::string::npos);

  const Article spanish = clean(
      "<html lang='es'><body><div class='nota'><h1>Las tiendas podrán abrir los domingos</h1>"
      "<p>Por Lucía Gómez</p><div class='fecha'>Publicado el 3 de marzo de 2026</div>"
      "<p>El consejo regional aprobó el martes un plan que permite a las pequeñas tiendas abrir los domingos "
      "por "
      "la tarde, poniendo fin a una norma de cuarenta años.</p><p>Las tiendas de más de cuatrocientos metros "
      "cuadrados seguirán cerradas, y el personal podrá rechazar los turnos del domingo sin perder su "
      "empleo.</p>"
      "<p>Lea también: <a href='/x'>Los panaderos temen la avalancha del fin de semana</a></p>"
      "<p>Los sindicatos criticaron la decisión, mientras que la cámara de comercio la celebró.</p>"
      "</div></body></html>");
  CHECK(spanish.byline == "Lucía Gómez");
  CHECK(spanish.published.value_or("") == "2026-03-03");
  CHECK(spanish.lang == "es");
  CHECK(spanish.text.find("Lea también") == std::string::npos);
  CHECK(spanish.text.find("Los sindicatos criticaron") != std::string::npos);
}

TEST_CASE("clean_html reports index pages as not readerable", "[clean]") {
  std::string page = "<html><body><nav><a href='/'>Home</a></nav><div class='front'>";
  for (int i = 0; i < 12; ++i) {
    page += "<div class='teaser'><h2><a href='/a" + std::to_string(i) + "'>Headline number " +
            std::to_string(i) + " about the town</a></h2><p>A short teaser.</p></div>";
  }
  page += "</div></body></html>";
  std::vector<Diagnostic> warnings;
  const Article article = clean(page, &warnings);
  CHECK_FALSE(article.readerable);
  CHECK(has_warning(warnings, Code::NotReaderable));
}

TEST_CASE("clean_html survives deeply nested and malformed pages", "[clean][robustness]") {
  std::string deep = "<html><body>";
  for (int i = 0; i < 200000; ++i) deep += i % 2 ? "<div>" : "<span>";
  deep += "deep text";
  std::vector<Diagnostic> warnings;
  const Article article = clean(deep, &warnings);
  CHECK(has_warning(warnings, Code::Truncated));
  CHECK(article.text.find("deep text") != std::string::npos);

  for (const std::string& junk :
       {std::string("<"), std::string("<html><body></body></html>"), std::string("<p>unclosed <b><i><u>tags"),
        std::string(100000, '>'), std::string("<script>") + std::string(10000, 'x')}) {
    std::vector<Diagnostic> ignored;
    const Article out = clean(junk, &ignored);
    CHECK(out.text.size() <= junk.size());
  }
}

TEST_CASE("strip_site_from_title removes the site part only", "[clean][metadata]") {
  using articlescope::clean::strip_site_from_title;
  CHECK(strip_site_from_title("Shops may open on Sundays | Valley News", "Valley News", "") ==
        "Shops may open on Sundays");
  CHECK(strip_site_from_title("Valley News - Shops may open on Sundays", "Valley News", "") ==
        "Shops may open on Sundays");
  CHECK(strip_site_from_title("Shops may open on Sundays – Valley News", "", "") ==
        "Shops may open on Sundays");
  // A separator inside the headline itself, confirmed by the page's <h1>.
  CHECK(strip_site_from_title("Council vote - what it means", "", "Council vote - what it means") ==
        "Council vote - what it means");
  CHECK(strip_site_from_title("Headline only", "Valley News", "") == "Headline only");
}

TEST_CASE("normalise_date understands ISO, numeric and month-name dates in several languages",
          "[clean][metadata]") {
  using articlescope::clean::normalise_date;
  CHECK(normalise_date("2026-05-02T08:00:00Z") == "2026-05-02T08:00:00Z");
  CHECK(normalise_date("2026-05-02 08:00") == "2026-05-02T08:00");
  CHECK(normalise_date("Published March 17, 2026") == "2026-03-17");
  CHECK(normalise_date("17 March 2026") == "2026-03-17");
  CHECK(normalise_date("17. März 2026") == "2026-03-17");
  CHECK(normalise_date("3 de marzo de 2026") == "2026-03-03");
  CHECK(normalise_date("16 marca 2026") == "2026-03-16");
  CHECK(normalise_date("2 września 2026") == "2026-09-02");
  CHECK(normalise_date("02.05.2026") == "2026-05-02");
  CHECK(normalise_date("no date here") == "");
  CHECK(normalise_date("2026-13-45") == "");
}

TEST_CASE("resolve_url resolves relative links and refuses script URLs", "[clean][security]") {
  using articlescope::clean::resolve_url;
  const std::string base = "https://news.example/world/story.html?x=1#top";
  CHECK(resolve_url(base, "/a/b") == "https://news.example/a/b");
  CHECK(resolve_url(base, "other.html") == "https://news.example/world/other.html");
  CHECK(resolve_url(base, "../up.html") == "https://news.example/up.html");
  CHECK(resolve_url(base, "//cdn.example/i.png") == "https://cdn.example/i.png");
  CHECK(resolve_url(base, "#part") == "https://news.example/world/story.html?x=1#part");
  CHECK(resolve_url(base, "https://elsewhere.example/") == "https://elsewhere.example/");
  CHECK(resolve_url(base, "javascript:alert(1)") == "");
  CHECK(resolve_url(base, " JavaScript:alert(1)") == "");
  CHECK(resolve_url(base, "data:text/html,hi") == "");
  CHECK(resolve_url(base, "vbscript:x") == "");
}

TEST_CASE("clean_html drops a dangling label and photo-credit lines but keeps a closing sign-off",
          "[clean]") {
  SECTION("a short unpunctuated label after the last paragraph belongs to the next widget") {
    const Article article =
        clean("<html><body><article>" + kParagraphs + "<p>More topics:</p></article></body></html>");
    CHECK(article.text.find("More topics") == std::string::npos);
    CHECK(removed_with(article, "trailing_heading", "More topics"));
    CHECK(article.text.find("chamber of commerce welcomed it.") != std::string::npos);
    const Article dated = clean("<html><body><article>" + kParagraphs +
                                "<p>Last updated 14 March 2021</p></article></body></html>");
    CHECK(dated.text.find("Last updated") == std::string::npos);
    const Article blog = clean("<html><body><article><p>Posted by Sam Writer</p>" + kParagraphs +
                               "<p>Posted by Sam Writer at 21:11</p></article></body></html>");
    CHECK(blog.text.find("at 21:11") == std::string::npos);
    CHECK(blog.text.find("Posted by Sam Writer") !=
          std::string::npos);  // the byline at the top is not a footer
  }
  SECTION("the author's sign-off and contact numbers stay") {
    const Article signed_off =
        clean("<html><body><article>" + kParagraphs + "<p>Yours, the newsroom</p></article></body></html>");
    CHECK(signed_off.text.find("Yours, the newsroom") != std::string::npos);
    const Article phone = clean("<html><body><article>" + kParagraphs +
                                "<p>Phone +44 20 7946 0958</p></article></body></html>");
    CHECK(phone.text.find("+44 20 7946 0958") != std::string::npos);
  }
  SECTION("a page that is only a short line keeps it") {
    const Article tiny = clean("<html><body><article><p>Closed today</p></article></body></html>");
    CHECK(tiny.text.find("Closed today") != std::string::npos);
  }
  SECTION("credit-only lines go, captions with their own text go to the figure") {
    const Article article =
        clean("<html><body><article>" + kParagraphs +
              "<p>(Credit: Jane Example / Example Wire)</p><p>Titelbild: Max Muster/Agentur</p>"
              "<figure><img src='/shop.png' alt=''><figcaption>A bakery in the old town on a Sunday "
              "afternoon.</figcaption></figure>" +
              kParagraphs + "</article></body></html>");
    CHECK(article.text.find("Jane Example") == std::string::npos);
    CHECK(article.text.find("Max Muster") == std::string::npos);
    CHECK(article.text.find("A bakery in the old town") == std::string::npos);
    REQUIRE(article.figures.size() == 1);
    CHECK(article.figures[0].caption == "A bakery in the old town on a Sunday afternoon.");
  }
}

TEST_CASE("clean_html moves captions and their photo credits out of the text into figures", "[clean]") {
  const std::string page =
      "<html><body><article><h1>New rules</h1>" + kParagraphs +
      "<figure><img src='/a.png' alt=''><figcaption>The mayor opens the <em>first</em> shop. Foto: Max "
      "Muster/Agentur</figcaption></figure>"
      "<figure><img src='/b.png' alt=''><figcaption>Queues outside a bakery (REUTERS/Jane Example)"
      "</figcaption></figure>"
      "<figure><img src='/c.png' alt=''><figcaption><span class='caption'>A kiosk at the station.</span>"
      "<span class='image-credit'>Sam Lens</span></figcaption></figure>"
      "<figure><img src='/d.png' alt=''><figcaption>Trade unions met on Monday. Ann Other / Getty Images"
      "</figcaption></figure>"
      "<figure><img src='/e.png' alt=''><figcaption class='lead-image__credit'><span class='caption'>The "
      "old market hall.</span> <span itemprop='creator'>Kim Photo</span></figcaption></figure>"
      "<p><img src='/f.png' alt=''><span class='wp-caption-text'>The council chamber © City "
      "Archive</span></p>"
      "<figure><img src='/g.png' alt=''><figcaption>A credit card sized terminal shows the new opening hours "
      "for the Sunday trial in the old town</figcaption></figure>" +
      kParagraphs + "</article></body></html>";
  const Article article = clean(page);
  for (const char* credit :
       {"Max Muster", "REUTERS", "Sam Lens", "Getty", "Ann Other", "Kim Photo", "City Archive"})
    CHECK(article.text.find(credit) == std::string::npos);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"The mayor opens the first shop.", "Foto: Max Muster/Agentur"},
      {"Queues outside a bakery", "REUTERS/Jane Example"},
      {"A kiosk at the station.", "Sam Lens"},
      {"Trade unions met on Monday.", "Ann Other / Getty Images"},
      {"The old market hall.", "Kim Photo"},
      {"The council chamber", "\u00a9 City Archive"},
      {"A credit card sized terminal shows the new opening hours for the Sunday trial in the old town", ""}};
  REQUIRE(article.figures.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(article.text.find(expected[i].first) == std::string::npos);
    CHECK(article.figures[i].caption == expected[i].first);
    CHECK(article.figures[i].credit == expected[i].second);
    CHECK(article.figures[i].image == "/" + std::string(1, static_cast<char>('a' + i)) + ".png");
  }
  // The HTML is cut at the same place, its inline markup closed, and the credit follows as small print.
  CHECK(article.html.find("first</em> shop. <small>Foto: Max Muster/Agentur</small></figcaption>") !=
        std::string::npos);
}

TEST_CASE("clean_html shows a caption repeated through a gallery once", "[clean]") {
  std::string gallery;
  for (char c = 'a'; c <= 'd'; ++c) {
    gallery += std::string("<figure><img src='/g") + c +
               ".png' alt=''><figcaption>Visitors at the spring fair in the park. Photo: Jo Lens</figcaption>"
               "</figure>";
  }
  const Article article =
      clean("<html><body><article>" + kParagraphs + gallery + kParagraphs + "</article></body></html>");
  CHECK(article.text.find("spring fair") == std::string::npos);
  REQUIRE(article.figures.size() == 4);
  CHECK(article.figures[0].caption == "Visitors at the spring fair in the park.");
  for (std::size_t i = 1; i < 4; ++i) CHECK(article.figures[i].caption.empty());
  CHECK(article.figures[3].image == "/gd.png");
  const std::size_t first = article.html.find("spring fair");
  REQUIRE(first != std::string::npos);
  CHECK(article.html.find("spring fair", first + 1) == std::string::npos);
}

TEST_CASE("clean_html tells a caption from content set as a figure or named after a caption", "[clean]") {
  SECTION("a quote set as a figure keeps its text and its source") {
    const Article article =
        clean("<html><body><article>" + kParagraphs +
              "<figure><blockquote><p>We will open the bridge before the winter comes.</p></blockquote>"
              "<figcaption>The mayor, in her speech to the council</figcaption></figure>" +
              kParagraphs + "</article></body></html>");
    CHECK(article.text.find("We will open the bridge") != std::string::npos);
    CHECK(article.text.find("in her speech to the council") != std::string::npos);
    CHECK(article.figures.empty());
  }
  SECTION("a box whose class says it has no caption holds text, not a caption") {
    const Article article = clean(
        "<html><body><article>" + kParagraphs +
        "<div class='item item-image no_caption'><p><img src='/x.png' alt=''></p><p>The ferry will run every "
        "hour from May, the operator said, and a second boat joins it in the summer months.</p></div>" +
        kParagraphs + "</article></body></html>");
    CHECK(article.text.find("The ferry will run every hour") != std::string::npos);
  }
  SECTION("a caption beside its picture, with no figure around them, goes with that picture") {
    const Article article =
        clean("<html><body><article>" + kParagraphs +
              "<div><img src='/y.png' alt=''></div><p class='photo-caption'>The new tram stop at the "
              "harbour.</p>" +
              kParagraphs + "</article></body></html>");
    CHECK(article.text.find("The new tram stop") == std::string::npos);
    REQUIRE(article.figures.size() == 1);
    CHECK(article.figures[0].caption == "The new tram stop at the harbour.");
    CHECK(article.figures[0].image == "/y.png");
  }
}

TEST_CASE("clean_html drops teaser grids, calls to action and share bars after the article", "[clean]") {
  const std::string blurb =
      "A long look at why the old harbour warehouses were turned into flats, what the neighbours think of "
      "it and how much a two-room flat costs there today.";
  const std::string card = "<article><a href='/story'><h2>Harbour flats</h2></a><div>" + blurb +
                           "</div><a href='/story'>Weiterlesen...</a></article>";
  SECTION("a teaser grid after a related heading is no article text, in any letter case") {
    for (const std::string heading : {"Ähnliche Beiträge", "Related posts"}) {
      const Article article = clean("<html><body><article>" + kParagraphs + "<h3>" + heading + "</h3><div>" +
                                    card + card + "</div></article></body></html>");
      CHECK(article.text.find(heading) == std::string::npos);
      CHECK(article.text.find("harbour warehouses") == std::string::npos);
      CHECK(article.text.find("chamber of commerce welcomed it.") != std::string::npos);
    }
  }
  SECTION("a known phrase starting with a capital non-ASCII letter") {
    const Article article = clean("<html><body><article>" + kParagraphs +
                                  "<p>Über den Autor</p><p>Writes about towns.</p></article></body></html>");
    CHECK(article.text.find("Über den Autor") == std::string::npos);
  }
  SECTION("a longer call that opens like a teaser and asks for a subscription") {
    const Article article =
        clean("<html><body><article>" + kParagraphs +
              "<p>Lust auf mehr? Lass dir die besten Geschichten jede Woche in deinen Posteingang liefern. "
              "Melde dich hier für unseren Newsletter an, es kostet nichts.</p></article></body></html>");
    CHECK(article.text.find("Lust auf mehr") == std::string::npos);
    const Article content = clean(
        "<html><body><article>" + kParagraphs +
        "<p>Related research from the university of the region shows that the same rule change in a "
        "neighbouring province brought more jobs, but mostly part-time ones.</p></article></body></html>");
    CHECK(content.text.find("Related research") != std::string::npos);
  }
  SECTION("a bar of share links under a label in any words") {
    const Article article =
        clean("<html><body><article>" + kParagraphs +
              "<div><strong>Diesen Beitrag weitergeben?</strong><br>"
              "<a href='https://www.facebook.com/sharer.php?u=https%3A%2F%2Fexample.org%2Fa'>Facebook</a> "
              "<a href='https://twitter.com/intent/tweet?url=https%3A%2F%2Fexample.org%2Fa'>Twitter</a> "
              "<a href='mailto:?subject=Sunday%20shops'>E-Mail</a></div></article></body></html>");
    CHECK(article.text.find("weitergeben") == std::string::npos);
    CHECK(removed_with(article, "share", "weitergeben"));
  }
  SECTION("call-to-action boxes, rating widgets and boxes that are all links") {
    const Article article = clean(
        "<html><body><article>" + kParagraphs +
        "<section class='c-letters-cta'><p>Tell the editors what you made of this piece in a letter.</p>"
        "</section><p>(No ratings yet)</p>"
        "<div class='content-list'><a href='/other'><div>Towns</div><div>" +
        blurb + "</div></a></div></article></body></html>");
    CHECK(article.text.find("Tell the editors") == std::string::npos);
    CHECK(article.text.find("No ratings") == std::string::npos);
    CHECK(article.text.find("harbour warehouses") == std::string::npos);
    CHECK(article.text.find("chamber of commerce welcomed it.") != std::string::npos);
  }
  SECTION("a box whose heading was dropped for its class still goes with it") {
    const Article article = clean(
        "<html><body><article>" + kParagraphs +
        "<div class='factbox'><span class='factbox-header'><h3>Sign up for the Town Daily newsletter</h3>"
        "</span><div class='factbox-body'><p>Never miss a story from the town hall again: pop your address "
        "in the box at the top of this page and we will send you all the news, sport and weather in one "
        "handy email every morning.</p></div></div>" +
        kParagraphs + "</article></body></html>");
    CHECK(article.text.find("Never miss a story") == std::string::npos);
  }
}

TEST_CASE("clean_html drops licence footers, login prompts, affiliate disclosures and more-on headings",
          "[clean]") {
  SECTION("formula lines after the article") {
    const Article article =
        clean("<html><body><article>" + kParagraphs +
              "<p>Sofern nicht anders angegeben, stehen die Texte dieser Seite unter einer freien Lizenz.</p>"
              "<p>You must be logged in to post a comment.</p>"
              "<p>Our editors pick every product on their own. We may earn a commission when you buy through "
              "links on this page.</p></article></body></html>");
    CHECK(article.text.find("Sofern") == std::string::npos);
    CHECK(article.text.find("logged in") == std::string::npos);
    CHECK(article.text.find("commission") == std::string::npos);
    CHECK(article.text.find("chamber of commerce welcomed it.") != std::string::npos);
  }
  SECTION("headings that announce more links, in several languages") {
    for (const std::string heading : {"Weiterlesen:", "Continue reading", "相关新闻"}) {
      const Article article = clean("<html><body><article>" + kParagraphs + "<h3>" + heading +
                                    "</h3><p>Bakeries fear the weekend rush</p><p>Kiosks and the new "
                                    "hours</p></article></body></html>");
      INFO(heading);
      CHECK(article.text.find("Bakeries fear") == std::string::npos);
    }
  }
}

TEST_CASE("clean_html keeps a live ticker whose entries are named like comments", "[clean]") {
  const std::string entry_texts[] = {
      "The home side press high from the kick-off, and the visitors can hardly leave their own half.",
      "A corner for the visitors, headed wide by the centre-back, who should have done better there.",
      "Full time: a draw that neither coach will celebrate, but both teams can live with, in the end.",
  };
  std::string ticker = "<div class='live-match-comments'>";
  for (const std::string& text : entry_texts) {
    ticker += "<div class='live-match-comment'><span>12'</span><div class='live-match-comment-body'>" + text +
              "</div></div>";
  }
  ticker += "</div>";
  const Article article =
      clean("<html><body><main><h1>Home side hold the leaders</h1>" + kParagraphs + ticker +
            "<div class='comments'><p>Reader one: what a boring game, honestly, what a "
            "waste of a Sunday.</p></div></main></body></html>");
  CHECK(article.text.find("press high from the kick-off") != std::string::npos);
  CHECK(article.text.find("Full time: a draw") != std::string::npos);
  CHECK(article.text.find("what a boring game") == std::string::npos);  // readers' comments still go
}

TEST_CASE("clean_html keeps headings, data tables and prose whose class or id says navigation", "[clean]") {
  const Article article = clean(
      "<html><body><nav class='menu'><a href='/'>Home</a> <a href='/news'>News</a></nav>"
      "<article><h1>New rules</h1>" +
      kParagraphs + "<h3 class='subheading' id='nav_what_changes'>What changes for bakeries</h3>" +
      kParagraphs +
      "<div class='widget statement'><p>Bakeries may open at six, kiosks may sell newspapers all day, "
      "and petrol stations keep their hours, which the council says covers most of what people "
      "need on a Sunday.</p></div>"
      "<table class='opening table-header'><thead><tr><th>Day</th><th>Hours</th></tr></thead>"
      "<tbody><tr><td>Saturday</td><td>8-20</td></tr><tr><td>Sunday</td><td>12-18</td></tr>"
      "</tbody></table>" +
      kParagraphs + "</article></body></html>");
  CHECK(article.text.find("What changes for bakeries") != std::string::npos);
  CHECK(article.text.find("petrol stations keep their hours") != std::string::npos);
  CHECK(article.text.find("Sunday | 12-18") != std::string::npos);
  CHECK(article.text.find("Home") == std::string::npos);
}

TEST_CASE("clean_html keeps an unnamed standfirst between the headline and the body", "[clean]") {
  const Article article = clean(
      "<html><head><title>Shops may open on Sundays</title></head><body>"
      "<div class='top'><div class='a1'><h1>Shops may open on Sundays</h1>"
      "<p>After forty years the council ends the Sunday rule for small shops, and the unions are not "
      "pleased.</p></div></div>"
      "<div class='a2'><div class='a3'><div class='a4'><div class='a5'><div class='a6'>" +
      kParagraphs + kParagraphs + "</div></div></div></div></div></body></html>");
  CHECK(article.text.find("After forty years the council") != std::string::npos);
  CHECK(article.text.rfind("After forty years", 0) == 0);  // before the body
}

TEST_CASE("clean_html takes the ancestor when the text is spread over nested boxes of similar score",
          "[clean]") {
  // The densest box ("pane") scores highest, its ancestors a little less each: the article is all of them.
  const Article article = clean(
      "<html><body><div class='outer'><div class='recipe'><h1>Oat porridge</h1>"
      "<p>Warm the oat milk, add the oats, stir, and let it simmer, gently, for five minutes, until creamy."
      "</p>"
      "<p>Toast the nuts, dry, in a pan, then chop them, roughly, and grate the apples, skin and all.</p>"
      "<div class='why'><p>Why healthy, you ask, and why, of all grains, oats, and not, say, wheat, rye, or "
      "barley?</p><div class='pane'><p>Oats, apples, linseed, nuts, cinnamon and vanilla, each of them, in "
      "turn, bring fibre, minerals, vitamins, and flavour, which keeps you full, warm, and happy, for a "
      "long, long morning.</p><p>Linseed, in particular, brings omega-3 fats, protein, and mucilage, which, "
      "as studies suggest, helps digestion, and, in a small way, the heart, the skin, and the mood.</p>"
      "</div></div></div></div><div class='links'><a href='/'>Home</a> <a href='/imprint'>Imprint</a></div>"
      "</body></html>");
  CHECK(article.text.find("Toast the nuts, dry, in a pan") != std::string::npos);
  CHECK(article.text.find("Linseed, in particular") != std::string::npos);
  CHECK(article.text.find("Imprint") == std::string::npos);
}

TEST_CASE("clean_html keeps a closing sentence set as a heading, drops a closing label heading", "[clean]") {
  const Article article = clean("<html><body><article>" + kParagraphs +
                                "<h4>The mayor set up a second account online. It supports his version.</h4>"
                                "</article></body></html>");
  CHECK(article.text.find("It supports his version.") != std::string::npos);
  const Article labelled =
      clean("<html><body><article>" + kParagraphs + "<h4>More from the council</h4></article></body></html>");
  CHECK(labelled.text.find("More from the council") == std::string::npos);
}

TEST_CASE("clean_html keeps a table that sits between two parts of the article", "[clean]") {
  const Article article =
      clean("<html><body><div class='wrap'><div class='question'>" + kParagraphs +
            "</div><table class='costs'><tr><th>Leasing</th><th>Loan</th></tr><tr><td>Total difference</td>"
            "<td>1200</td></tr></table><div class='part'>" +
            kParagraphs + kParagraphs +
            "</div><div class='partners'><a href='/a'>Partner one</a> <a href='/b'>Partner two</a></div>"
            "</div></body></html>");
  CHECK(article.text.find("Total difference | 1200") != std::string::npos);
  CHECK(article.text.find("Partner one") == std::string::npos);
}

TEST_CASE("clean_html fills a gap past a short line of links, not past a box of them", "[clean]") {
  const std::string summary =
      "<table class='facts'><tr><td>The clock</td><td>counts the years left to act on the climate</td></tr>"
      "</table>";
  const std::string meta =
      "<div class='meta'><a href='/author'>Ann Writer</a> <a href='/news'>News</a></div>";
  std::string links = "<div class='more'>";
  for (int i = 0; i < 6; ++i) {
    links += "<a href='/s" + std::to_string(i) + "'>Another story from the archive</a> ";
  }
  links += "</div>";
  const std::string head = "<html><body><div class='wrap'><div class='first'>" + kParagraphs + "</div>";
  const std::string tail = "<div class='second'>" + kParagraphs + kParagraphs + "</div></div></body></html>";
  const Article article = clean(head + summary + meta + tail);
  CHECK(article.text.find("counts the years left") != std::string::npos);
  CHECK(article.text.find("Ann Writer") == std::string::npos);
  const Article boxed = clean(head + summary + links + tail);
  CHECK(boxed.text.find("counts the years left") == std::string::npos);
  CHECK(boxed.text.find("Another story") == std::string::npos);
}

TEST_CASE("clean_html drops a navigation-named header that mixes a paragraph with odds and ends", "[clean]") {
  const Article article = clean(
      "<html><body><article><div class='top-header'><p>The council ends a forty-year rule for small shops, "
      "and while the chamber of commerce is pleased, the unions say that family businesses will pay for it, "
      "in hours and in staff.</p><span>Follow</span> <span>/</span> <span>desk at example dot org</span> "
      "<span>/</span> <span>Updated on Friday, early in the morning, after the vote</span></div>" +
      kParagraphs + kParagraphs + "</article></body></html>");
  CHECK(article.text.find("desk at example dot org") == std::string::npos);
  CHECK(article.text.find("Trade unions criticised") != std::string::npos);
}

TEST_CASE("clean_html keeps the standfirst in the header of an article chosen whole", "[clean]") {
  const std::string page =
      "<html><head><title>Markets open on Sundays - Example News</title></head><body><nav><a "
      "href='/'>Home</a> "
      "<a href='/a'>World</a></nav><article class='story'><header><h1>Markets open on Sundays</h1><p "
      "class='intro'>The regional council lets small shops open on Sunday afternoons from next month, ending "
      "a "
      "rule that had stood for forty years.</p></header>" +
      kParagraphs +
      "<div class='card'><header><p class='text-teaser'>Another story: the harbour warehouses were turned "
      "into "
      "flats, and the neighbours are not happy about it at all.</p></header></div>"
      "<p>The rule takes effect on the first of June, and the council will review it after one year, with a "
      "report on jobs and on prices in the old town.</p></article></body></html>";
  const Article article = clean(page);
  CHECK(article.text.rfind("The regional council lets small shops open", 0) == 0);
  CHECK(article.text.find("Another story") == std::string::npos);  // a teaser's header after the text began
  CHECK(article.text.find("review it after one year") != std::string::npos);
}

TEST_CASE("clean_html drops blocks that are separators only, and keeps a smiley", "[clean]") {
  const Article article = clean(
      "<html><body><article><ul class='byline'><li><a href='/a/jane'>Jane Writer</a></li>"
      "<li>/</li><li>12 May</li></ul>" +
      kParagraphs + "<p>* * *</p>" + kParagraphs + "<p>=)</p></article></body></html>");
  for (const auto& block : article.blocks) {
    const std::string text = article.text.substr(block.start, block.end - block.start);
    CHECK(text != "/");
    CHECK(text != "* * *");
  }
  CHECK(removed_with(article, "separator", "* * *"));
  CHECK(article.text.find("=)") != std::string::npos);
}

TEST_CASE("clean_html reads an id made from the section's heading as a topic, not a page part", "[clean]") {
  const std::string page =
      "<html><body><article><h1>Working together</h1>" + kParagraphs +
      "<div class='section' id='sharing-with-a-single-developer'><h2>Sharing with a single developer<a "
      "href='#sharing-with-a-single-developer'>\xC2\xB6</a></h2><p>The simplest case is one person working "
      "on "
      "two computers, who pushes drafts from one to the other and keeps both in step every evening.</p></div>"
      "<div id='related-posts'><h3>Related posts</h3><p><a href='/x'>Another story about shops and Sunday "
      "trading in the region</a></p></div></article></body></html>";
  const Article article = clean(page);
  CHECK(article.text.find("The simplest case is one person") != std::string::npos);
  CHECK(article.text.find("Another story about shops") == std::string::npos);
}

TEST_CASE("clean_html takes no teaser card's linked title in the site header for the standfirst", "[clean]") {
  const Article article = clean(
      "<html><head><title>Shops may open on Sundays</title></head><body>"
      "<header class='site'><div class='menu'><a href='/recipes/soup'><img src='/s.jpg'>"
      "<div class='teaser-headline'>Twenty quick soups for the cold days of winter</div></a></div></header>"
      "<div class='top'><div class='a1'><h1>Shops may open on Sundays</h1>"
      "<p>After forty years the council ends the Sunday rule for small shops, and the unions are not "
      "pleased.</p></div></div>"
      "<div class='a2'><div class='a3'><div class='a4'><div class='a5'><div class='a6'>" +
      kParagraphs + kParagraphs + "</div></div></div></div></div></body></html>");
  CHECK(article.text.find("Twenty quick soups") == std::string::npos);
  CHECK(article.text.rfind("After forty years", 0) == 0);
}

TEST_CASE("clean_html keeps a section's header that holds only its heading", "[clean]") {
  std::string promo = "<div class='box'><header><h2>Issue 7/2019</h2></header><ul>";
  for (int i = 0; i < 4; ++i)
    promo += "<li><a href='/i" + std::to_string(i) + "'>Highlight of the issue</a></li>";
  promo += "</ul><div>show more</div></div>";
  const Article article = clean(
      "<html><body><article><header><h1>Buy, lease or borrow</h1></header>" + kParagraphs +
      "<section><header><h3>Advantages of a car loan</h3></header><ul><li>The dealer treats you as a cash "
      "buyer and gives a larger discount on the list price.</li><li>The car is yours from the first day, and "
      "you may sell it whenever you like.</li></ul></section>" +
      promo + kParagraphs + "</article></body></html>");
  CHECK(article.text.find("Advantages of a car loan") != std::string::npos);
  CHECK(article.text.find("Issue 7/2019") == std::string::npos);  // nothing of its box is left
  CHECK(article.text.find("Buy, lease or borrow") == std::string::npos);
}

TEST_CASE("clean_html reads the HTML a publisher put in the JSON-LD articleBody, escaped or not", "[clean]") {
  const std::string paragraph =
      "The council approved a plan on Tuesday that lets small shops open on Sunday afternoons, ending a rule "
      "that had stood for forty years, and the unions criticised the decision.";
  for (const std::string& body :
       {"&lt;p class=&quot;text&quot;&gt;" + paragraph +
            " Caf&amp;eacute; owners welcomed it.&lt;/p&gt;&lt;p&gt;" + paragraph + "&lt;/p&gt;",
        "<p>" + paragraph + " Caf&eacute; owners welcomed it.</p><p>" + paragraph + "</p>"}) {
    const Article article = clean(
        "<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
        "\"headline\": \"Shops\", \"articleBody\": \"" +
        body + "\"}</script></head><body><div id='app'>Loading</div></body></html>");
    CHECK(article.text.find("&lt;") == std::string::npos);
    CHECK(article.text.find("<p") == std::string::npos);
    CHECK(article.text.find("Caf\xC3\xA9 owners welcomed it.") != std::string::npos);
    CHECK(article.blocks.size() == 2);
  }
}

TEST_CASE("clean_html drops the press contact under a release, keeps a heading about contact", "[clean]") {
  const Article article = clean(
      "<html><body><article>" + kParagraphs +
      "<h3>Contact with the unions</h3><p>The council met the unions twice before the vote, and both sides "
      "said that the talks had been fair, if not easy.</p>" +
      kParagraphs +
      "<h3>Press contact:</h3><p>Anna Example, spokeswoman</p><p>Phone +49 30 1234 567</p>"
      "<p>press@council.example</p></article></body></html>");
  CHECK(article.text.find("Contact with the unions") != std::string::npos);
  CHECK(article.text.find("both sides said") != std::string::npos);
  CHECK(article.text.find("Anna Example") == std::string::npos);
  CHECK(article.text.find("Phone +49") == std::string::npos);
  CHECK(removed_with(article, "contact", "Press contact"));
}

TEST_CASE("clean_html keeps the hidden steps of a gallery shown one at a time, not other hidden boxes",
          "[clean]") {
  std::string steps;
  for (int i = 0; i < 4; ++i) {
    steps += std::string("<div class='gallery-step") + (i == 0 ? "" : " hidden") + "'" +
             (i == 0 ? "" : " style='display: none'") + "><h2>Step " + std::to_string(i + 1) + "</h2>" +
             kParagraphs + "</div>";
  }
  const Article article = clean("<html><body><article><h1>Twelve things</h1><div class='gallery'>" + steps +
                                "<div class='popup' style='display: none'><p>Our newsletter, every morning, "
                                "with the news of the day, the weather and the sport.</p></div></div>"
                                "</article></body></html>");
  CHECK(article.text.find("Step 4") != std::string::npos);
  CHECK(article.text.find("Our newsletter") == std::string::npos);
}

TEST_CASE("clean_html reads a German \"Mehr zu ...\" heading as the start of related links", "[clean]") {
  const Article article =
      clean("<html><body><article>" + kParagraphs + kParagraphs +
            "<h2>Mehr zu Klima und Konsum</h2><h3><a href='/a'>Verpackungsmüll und Klimakrise</a></h3>"
            "<p>Nachricht</p><h3><a href='/b'>Was ist der Earth Overshoot Day?</a></h3><p>Überblick</p>"
            "</article></body></html>");
  CHECK(article.text.find("Mehr zu Klima") == std::string::npos);
  CHECK(article.text.find("Overshoot") == std::string::npos);
  CHECK(removed_with(article, "related", "Mehr zu Klima"));
}

TEST_CASE("clean_html drops a \"Keep Reading\" box inside the article", "[clean]") {
  const Article article =
      clean("<html><body><article>" + kParagraphs +
            "<div class='callout'><div role='heading' class='heading-h4'>Keep Reading</div><figure><img "
            "src='/badge.jpg' alt=''></figure><div class='heading-h5'>The latest on <a href='/ai'>artificial "
            "intelligence</a>, from machine learning to computer vision and more</div></div>" +
            kParagraphs + "</article></body></html>");
  CHECK(article.text.find("Keep Reading") == std::string::npos);
  CHECK(article.text.find("from machine learning") == std::string::npos);
  CHECK(article.text.find("Trade unions criticised") != std::string::npos);
}

TEST_CASE("clean_html gives the same text, blocks and figures with and without article.html", "[clean]") {
  const std::vector<std::string> pages = {
      // A picture closes the article after a label that would end it: the label stays in both modes.
      "<html><body><article>" + kParagraphs +
          "<p>Filed under</p><p><img src='/end.png' alt=''></p></article>"
          "</body></html>",
      "<html><body><article>" + kParagraphs +
          "<figure><img src='/a.png' alt=''><figcaption>A quiet street. Photo: Jo "
          "Lens</figcaption></figure>" +
          "<p>More on this</p></article></body></html>",
      "<html><body><div class='post'><p><img src='/lead.png' alt=''></p>" + kParagraphs +
          "<div><img src='/b.png' alt=''></div><span class='caption'>The harbour at dawn.</span>"
          "<p>Tags: <a href='/t/a'>ports</a></p></div></body></html>",
  };
  for (const std::string& page : pages) {
    Options with_html, without_html;
    without_html.include_html = false;
    std::vector<Diagnostic> warnings;
    const Article a = articlescope::clean::clean_html(page, with_html, warnings);
    const Article b = articlescope::clean::clean_html(page, without_html, warnings);
    CHECK(!a.html.empty());
    CHECK(b.html.empty());
    CHECK(a.text == b.text);
    REQUIRE(a.blocks.size() == b.blocks.size());
    REQUIRE(a.figures.size() == b.figures.size());
    for (std::size_t i = 0; i < a.figures.size(); ++i) {
      CHECK(a.figures[i].caption == b.figures[i].caption);
      CHECK(a.figures[i].image == b.figures[i].image);
    }
  }
}

TEST_CASE("clean_html reads the one short line beside a picture in a box as its caption", "[clean]") {
  const Article article =
      clean("<html><body><article>" + kParagraphs +
            "<div class='imgbox'><img src='/p.png' alt=''><span>Figure 2: The old and the new "
            "pier seen from the lighthouse.</span></div>" +
            kParagraphs + "</article></body></html>");
  CHECK(article.text.find("seen from the lighthouse") == std::string::npos);
  REQUIRE(article.figures.size() == 1);
  CHECK(article.figures[0].caption == "Figure 2: The old and the new pier seen from the lighthouse.");
  SECTION("a paragraph that opens with a picture is still a paragraph") {
    const Article inline_picture =
        clean("<html><body><article>" + kParagraphs +
              "<p><img src='/icon.png' alt=''>The pier reopens in May, the harbour office said.</p>" +
              kParagraphs + "</article></body></html>");
    CHECK(inline_picture.text.find("The pier reopens in May") != std::string::npos);
  }
}

TEST_CASE("clean_html calls a short article of bare lines with <br> an article", "[clean]") {
  std::vector<Diagnostic> warnings;
  const Article article = clean(
      "<html><body><div class='links'><a href='/'>Home</a> | <a href='/news'>News</a></div><div class='main'>"
      "<b>Ferry timetable changes</b><br><br>The island ferry leaves half an hour earlier from Monday, the "
      "operator announced.<br>Passengers with tickets for the old times may travel on any boat that "
      "day.<br><br>"
      "A second boat will be added in July when the summer season starts.<br></div>"
      "<div class='address'>Island Post, 3 Quay Road, phone 0123 456789</div></body></html>",
      &warnings);
  CHECK(article.text.find("Passengers with tickets") != std::string::npos);
  CHECK(article.readerable);
  CHECK(!has_warning(warnings, Code::NotReaderable));
}

TEST_CASE("clean_html drops reading-time lines and a press release's About section", "[clean]") {
  const Article article = clean(
      "<html><body><article><p>4 min read</p>" + kParagraphs +
      "<p>The council will review the trial after one year, and shops may apply for an extension.</p>"
      "<h3>About Harbour Tech Ltd</h3><p>Harbour Tech Ltd is a maker of ferry ticket machines, founded in "
      "2004, with offices in three countries.</p><p>Media contact: Jo Example, press office</p>"
      "</article></body></html>");
  CHECK(article.text.find("4 min read") == std::string::npos);
  CHECK(removed_with(article, "read_time", "4 min read"));
  CHECK(article.text.find("About Harbour Tech") == std::string::npos);
  CHECK(article.text.find("maker of ferry ticket machines") == std::string::npos);
  CHECK(article.text.find("Media contact") == std::string::npos);
  CHECK(article.text.find("review the trial after one year") != std::string::npos);
  SECTION("an About heading over text about something else stays") {
    const Article kept =
        clean("<html><body><article>" + kParagraphs +
              "<h3>About the new opening hours</h3><p>Shops may now open from noon to six on "
              "Sundays, the council said.</p></article></body></html>");
    CHECK(kept.text.find("About the new opening hours") != std::string::npos);
    CHECK(kept.text.find("Shops may now open from noon") != std::string::npos);
  }
}

TEST_CASE("clean_html finds the standfirst under a headline in a band above the body's columns", "[clean]") {
  // The headline and standfirst sit in a hero band far above the body's container, and the intro wrapper
  // that holds them is named like a lead: the standfirst is the lead, not the wrapper with its headline.
  const std::string body =
      "<div class='w1'><div class='w2'><div class='w3'><div class='w4'><div class='w5'>"
      "<div class='w6'><div class='rail'></div><div class='article-body'>" +
      kParagraphs + kParagraphs + "</div></div></div></div></div></div></div>";
  const Article article = clean(
      "<html><head><title>Sunday shopping comes to small towns</title></head><body><div class='page'>"
      "<div class='hero'><div class='page-intro'><div class='page-intro__banner'>Regional news</div>"
      "<h1>Sunday shopping comes to small towns</h1><div class='page-intro__copy'>The council ends a rule "
      "that stood for forty years, and small shops may now open on Sunday afternoons.</div></div></div>" +
      body + "</div></body></html>");
  CHECK(article.text.rfind("The council ends a rule", 0) == 0);
  CHECK(article.text.find("Regional news") == std::string::npos);
  CHECK(article.text.find("The regional council approved") != std::string::npos);
}

TEST_CASE("clean_html keeps the sections of a page made of sections, not its newsletter box", "[clean]") {
  const Article article =
      clean("<html><head><title>Harbour open day</title></head><body><section id='details'>" + kParagraphs +
            "</section><section id='programme'><div class='wrap'><h2>Boat tours</h2><p>Small boats leave the "
            "old pier every half hour from ten o'clock, and each tour of the harbour basin takes about forty "
            "minutes, with a stop at the lighthouse.</p></div></section><section "
            "id='getting-there'><h2>Getting there</h2><p>The harbour is a "
            "ten-minute walk from the station; visitors who come by car may park for free at the ferry "
            "terminal for the whole day of the festival.</p></section><section "
            "id='subscribe'><h2>Newsletter</h2><p>Sign up and we will tell you "
            "about every event at the harbour.</p></section></body></html>");
  CHECK(article.text.find("Small boats leave the old pier") != std::string::npos);
  CHECK(article.text.find("Getting there") != std::string::npos);
  CHECK(article.text.find("Sign up and we will tell you") == std::string::npos);
}

TEST_CASE("clean_html reads on past a link to a story's comments in a digest of stories", "[clean]") {
  const Article article = clean(
      "<html><body><div class='digest'><h2>Ferries run earlier</h2>" + kParagraphs +
      "<p><a href='/ferries#comments'>Comments (4 posted)</a></p><h2>A new bridge for the old town</h2>"
      "<p>The town council chose a design for the footbridge over the river on Monday, after two years of "
      "debate about its cost and its look.</p><p>Building starts in spring, and the bridge should open to "
      "walkers and cyclists before the end of next year, the council said.</p>"
      "<p><a href='/bridge#comments'>Comments (2 posted)</a></p></div></body></html>");
  CHECK(article.text.find("A new bridge for the old town") != std::string::npos);
  CHECK(article.text.find("Building starts in spring") != std::string::npos);
  CHECK(article.text.find("posted") == std::string::npos);
  SECTION("a comments heading still ends the article") {
    const Article with_comments =
        clean("<html><body><div class='story'>" + kParagraphs +
              "<h3>Comments</h3><p>I think the council is right about this, and about time too.</p>"
              "<p>Nobody asked the people who work in these shops on Sundays.</p></div></body></html>");
    CHECK(with_comments.text.find("council is right about this") == std::string::npos);
  }
}

TEST_CASE("clean_html keeps a list item of prose over a nested list of links", "[clean]") {
  std::string tickets;
  for (int i = 1; i <= 10; ++i)
    tickets += "<li><a href='/q/" + std::to_string(i) + "'>Ticket " + std::to_string(100 + i) +
               " - evening boat times</a></li>";
  const Article article = clean(
      "<html><body><article>" + kParagraphs +
      "<ul><li>The volunteers who tested the new timetable last month sent in more than two hundred notes, "
      "and most of them asked for later evening boats.</li><li>Open questions:<ul>" +
      tickets + "</ul></li></ul>" + kParagraphs +
      "<ul><li><a href='/a'>Ferry fares rise</a></li><li><a href='/b'>New pier opens</a></li>"
      "<li><a href='/c'>Harbour festival</a></li></ul></article></body></html>");
  CHECK(article.text.find("more than two hundred notes") != std::string::npos);
  CHECK(article.text.find("New pier opens") == std::string::npos);  // a list of links alone still goes
}

TEST_CASE("clean_html takes the numbered slides of a gallery in the article for captions", "[clean]") {
  std::string slides;
  for (int i = 1; i <= 4; ++i) {
    slides += "<li><h2><span class='counter'>" + std::to_string(i) +
              "/4</span> Harbour view</h2><p>The old harbour seen from the hill in the early morning, with "
              "the ferry number " +
              std::to_string(i) +
              " leaving the pier for the island and the fishing boats coming back.</p>"
              "<p class='credits'>Photo: Jo Example</p></li>";
  }
  const Article article = clean("<html><body><article>" + kParagraphs +
                                "<div class='photo-gallery'><h2 class='gallery-title'>The harbour in "
                                "pictures</h2><ul class='legends'>" +
                                slides + "</ul></div>" + kParagraphs + "</article></body></html>");
  CHECK(article.text.find("ferry number") == std::string::npos);
  CHECK(article.text.find("The harbour in pictures") == std::string::npos);
  CHECK(article.text.find("Trade unions criticised") != std::string::npos);
  REQUIRE(article.figures.size() >= 4);
  CHECK(article.figures[0].caption.find("ferry number 1") != std::string::npos);
  SECTION("a wrapper named gallery around an article with its section headings is the article") {
    const Article wrapped =
        clean("<html><body><div class='gallery-page'><h2>First tip</h2><img src='/a.jpg'>" + kParagraphs +
              "<h2>Second tip</h2><img src='/b.jpg'>" + kParagraphs + "<h2>Third tip</h2><img src='/c.jpg'>" +
              kParagraphs + "</div></body></html>");
    CHECK(wrapped.text.find("Second tip") != std::string::npos);
  }
}

TEST_CASE("clean_html drops the author's box under its label, not a line that says author", "[clean]") {
  const Article article = clean(
      "<html><body><article>" + kParagraphs +
      "<p>Signed by <strong>Jo Example</strong>, <span class='small'>author</span><br><strong>Sam "
      "Sample</strong>, <span class='small'>teacher</span><br></p>"
      "<div class='box'><div class='header'>AUTHOR</div><h3>Alex Writer</h3><p>is a reporter on local "
      "politics and has covered the town council for ten years, after a first job at a radio station.</p>"
      "</div></article></body></html>");
  CHECK(article.text.find("Jo Example, author") != std::string::npos);
  CHECK(article.text.find("Sam Sample") != std::string::npos);
  CHECK(article.text.find("covered the town council") == std::string::npos);
  CHECK(article.text.find("Alex Writer") == std::string::npos);
}

TEST_CASE("clean_html drops the author's note in italics that closes an article", "[clean]") {
  const Article article =
      clean("<html><body><article>" + kParagraphs +
            "<p><em>Alex Writer is a freelance reporter in the harbour town and the author of two books "
            "about its ferries. Follow her on social media.</em></p></article></body></html>");
  CHECK(article.text.find("freelance reporter") == std::string::npos);
  CHECK(removed_with(article, "byline", "Alex Writer is a freelance reporter"));
  SECTION("a closing note in italics that is not about the author stays") {
    const Article kept = clean("<html><body><article>" + kParagraphs +
                               "<p><em>This article was updated on Friday with the council's "
                               "statement.</em></p></article></body></html>");
    CHECK(kept.text.find("This article was updated") != std::string::npos);
  }
}

TEST_CASE("clean_html keeps the prose of a box whose links are all in its list", "[clean]") {
  std::string areas;
  for (const char* area : {"Ferries", "Buses", "Bicycles", "Walking", "Parking", "Night trains"})
    areas += std::string("<li><img src='/i.png'><a href='/areas/x'>") + area + "</a></li>";
  const Article article =
      clean("<html><body><article>" + kParagraphs +
            "<div class='areas'><h2><a href='/areas'>Our areas</a></h2><p>The transport board works on six "
            "areas, from the harbour ferries to the night trains.</p><div class='inner'><ul>" +
            areas + "</ul></div></div></article></body></html>");
  CHECK(article.text.find("The transport board works on six areas") != std::string::npos);
  CHECK(article.text.find("Night trains") == std::string::npos);
  SECTION("a teaser card with a linked title over its blurb still goes") {
    const Article cards =
        clean("<html><body><article>" + kParagraphs +
              "<div class='more'><div class='card'><h3><a href='/a'>Ferry fares rise in spring</a></h3><p><a "
              "href='/a'>The operator raises fares by five percent from April, after two years at the same "
              "price.</a></p></div></div></article></body></html>");
    CHECK(cards.text.find("raises fares by five percent") == std::string::npos);
  }
}

TEST_CASE("clean_html takes a lead box with its list of jump links, without the list", "[clean]") {
  const std::string jumps =
      "<ul><li><a href='#a'>Compare the ferry fares</a></li><li><a href='#b'>The new "
      "timetable day by day</a></li><li><a href='#c'>Which ticket suits you?</a></li>"
      "<li><a href='#d'>Questions and answers</a></li></ul>";
  const Article article = clean(
      "<html><body><h1>Ferry or bridge?</h1><div class='row'><div class='lead-text'><p>Taking the "
      "ferry is cheaper than the toll bridge, but the boat takes longer.</p><p><strong>A question "
      "often asked: ferry or bridge?</strong></p>" +
      jumps + "</div></div><div class='row'><div class='body'>" + kParagraphs + kParagraphs +
      "</div></div></body></html>");
  CHECK(article.text.rfind("Taking the ferry is cheaper", 0) == 0);
  CHECK(article.text.find("A question often asked") != std::string::npos);
  CHECK(article.text.find("Compare the ferry fares") == std::string::npos);
}

TEST_CASE("clean_html takes a long first paragraph between the headline and the body", "[clean]") {
  std::string lead =
      "<p><strong>Before the climate summit opens next week, the ferry operators of the coast call";
  for (int i = 0; i < 8; ++i)
    lead += " for cleaner engines, for shore power in every port and for fair rules";
  lead += ".</strong></p>";
  const Article article = clean(
      "<html><head><title>Ferry operators call for cleaner engines</title></head><body><article>"
      "<header><h1>Ferry operators call for cleaner engines</h1></header><div class='column'><div "
      "class='textblock'>" +
      lead + "</div><div class='media'><div class='flyout'>Donate now!</div><div class='media-body'>" +
      kParagraphs + kParagraphs + "</div></div></div></article></body></html>");
  CHECK(article.text.rfind("Before the climate summit opens", 0) == 0);
  CHECK(article.text.find("Trade unions criticised") != std::string::npos);
}

TEST_CASE("clean_html drops a date line in Polish above the text and a call to the site's own channel",
          "[clean]") {
  const Article article =
      clean("<html><body><article><p><time>16 marca 2026</time></p>" + kParagraphs +
            "<p><strong>Watch what is new on our YouTube channel!</strong></p></article></body></html>");
  CHECK(article.text.find("marca") == std::string::npos);
  CHECK(article.text.find("YouTube channel") == std::string::npos);
  CHECK(article.text.find("chamber of commerce welcomed it") != std::string::npos);
}

TEST_CASE("clean_html never gives an empty article for a page with readable text", "[clean]") {
  SECTION("a short post in a box named like a share bar") {
    const Article article = clean(
        "<html><body><div class='sharing'><p>Does anyone know whether the island ferry still takes "
        "bicycles on the early boat this summer?</p></div><footer><a href='/a'>About the harbour forum "
        "and its rules</a> <a href='/b'>Contact the moderators of the forum</a> <a href='/c'>Privacy "
        "and cookies on this forum</a> <a href='/d'>All the boards of the harbour forum</a></footer>"
        "</body></html>");
    CHECK(article.text.find("still takes bicycles") != std::string::npos);
  }
  SECTION("text that script shows later") {
    const Article article = clean(
        "<html><body><div style='display:none'><p>The harbour festival moves to the first weekend of "
        "June, the organisers said.</p></div><nav><a href='/'>Home</a></nav></body></html>");
    CHECK(article.text == "The harbour festival moves to the first weekend of June, the organisers said.");
  }
  SECTION("only a short articleBody in the JSON-LD") {
    const Article article = clean(
        "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Ferry "
        "times\",\"articleBody\":\"The first ferry leaves at six from Monday.\"}</script></head><body>"
        "<nav><a href='/'>Home</a></nav></body></html>");
    CHECK(article.text == "The first ferry leaves at six from Monday.");
  }
  SECTION("only a description") {
    const Article article = clean(
        "<html><head><meta name='description' content='Ferry times change from Monday.'></head>"
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>");
    CHECK(article.text == "Ferry times change from Monday.");
  }
}

TEST_CASE("clean_html adds a recipe's ingredients and a how-to's steps that only its JSON-LD gives",
          "[clean]") {
  const std::string method =
      "<p>Boil the potatoes in salted water until soft, then drain them and let them steam for a minute.</p>"
      "<p>Mash them with the butter and the warm milk, season with salt and nutmeg, and serve at once.</p>"
      "<p>Leftover mash makes good fishcakes the next day, mixed with flaked fish and a little parsley.</p>";
  const std::string recipe =
      "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"Recipe\","
      "\"name\":\"Harbour mash\",\"recipeIngredient\":[\"1 kg floury potatoes\",\"50 g butter\",\"100 ml "
      "milk\",\"1 pinch nutmeg\"],\"recipeInstructions\":[{\"@type\":\"HowToStep\",\"text\":\"Boil the "
      "potatoes.\"}]}</script>";
  const Article article = clean("<html><head><title>Harbour mash</title>" + recipe +
                                "</head><body><article>" + method + "</article></body></html>");
  CHECK(article.text.rfind("1 kg floury potatoes\n\n50 g butter", 0) == 0);
  CHECK(article.html.rfind("<ul><li>1 kg floury potatoes</li>", 0) == 0);
  CHECK(article.text.find("Boil the potatoes.") == std::string::npos);  // the method is in the text already
  SECTION("ingredients the page shows are not given twice") {
    const Article shown = clean("<html><head>" + recipe +
                                "</head><body><article><ul><li>1 kg floury potatoes</li><li>50 g "
                                "butter</li><li>100 ml milk</li><li>1 pinch nutmeg</li></ul>" +
                                method + "</article></body></html>");
    CHECK(shown.text.find("50 g butter") == shown.text.rfind("50 g butter"));
  }
  SECTION("a how-to whose steps are only in the JSON-LD") {
    const Article howto = clean(
        "<html><head><script type='application/ld+json'>{\"@type\":\"HowTo\",\"name\":\"Fix a puncture\","
        "\"step\":[{\"@type\":\"HowToSection\",\"name\":\"Repair\",\"itemListElement\":[{\"@type\":"
        "\"HowToStep\",\"text\":\"Take the wheel off the frame.\"},{\"@type\":\"HowToStep\",\"text\":\"Find "
        "the hole with a bowl of water.\"}]}]}</script></head><body><article>" +
        kParagraphs + "</article></body></html>");
    CHECK(howto.text.find("Take the wheel off the frame.\n\nFind the hole with a bowl of water.") !=
          std::string::npos);
    CHECK(howto.html.find("<ol><li>Take the wheel off the frame.</li>") != std::string::npos);
  }
}

TEST_CASE("clean_html joins the numbered parts of a story split by a box", "[clean]") {
  const Article article = clean(
      "<html><body><article><div class='story-part'><div class='story-body story-body-1'>"
      "<p>The ferry company will run a second boat to the island from June, it said on Monday, after a "
      "winter of crowded crossings and long queues at the pier.</p></div><div class='related'><ul><li><a "
      "href='/a'>Ferry fares rise</a></li><li><a href='/b'>Pier repairs</a></li></ul></div></div>"
      "<div class='story-part'><div class='story-body story-body-2'>" +
      kParagraphs + kParagraphs + "</div><div class='note'>Share this</div></div></article></body></html>");
  CHECK(article.text.rfind("The ferry company will run a second boat", 0) == 0);
  CHECK(article.text.find("Pier repairs") == std::string::npos);
}

TEST_CASE("clean_html drops a tooltip's pop-up text inside a sentence, not the term", "[clean]") {
  const Article article = clean(
      "<html><body><article>" + kParagraphs +
      "<p>The <span class='term'>GDP<span class='tooltip-content'>Gross domestic product: the value of all "
      "goods and services a country makes in a year.</span></span> of the region grew by two percent, and "
      "the <span class='tooltip'>VAT</span> take rose with it.</p></article></body></html>");
  CHECK(article.text.find("The GDP of the region grew by two percent, and the VAT take rose with it.") !=
        std::string::npos);
  CHECK(article.text.find("Gross domestic product") == std::string::npos);
}

namespace {

// Six teaser cards for a column beside the article: more paragraph text than the article itself.
std::string teaser_column() {
  std::string cards;
  for (int k = 1; k <= 6; ++k) {
    cards += "<div class='card'><h4><a href='/story-" + std::to_string(k) +
             "'>Another story from the valley</a></h4><p>A short blurb about what happened elsewhere in the "
             "valley this week, and why readers might care about it at all.</p></div>";
  }
  return cards;
}

}  // namespace

TEST_CASE(
    "clean_html drops the cookie notice, menu or share bar inside a wrapper named for it, not its article",
    "[clean]") {
  // A state class of the page ("cookie-consent-area", "with-submenu", "has-share-buttons") names the column
  // that holds the article along with the notice, the menu or the share bar: the cue belongs to the smallest
  // box that carries it.
  for (const std::string wrapper :
       {"col-main cookie-consent-area", "col-main layout-with-submenu", "entry has-share-buttons"}) {
    const Article article = clean(
        "<html><body><div class='wrap'><div class='" + wrapper +
        "'><div class='cookie-notice'><p>We use cookies to make this site work.</p><a href='#'>OK</a>"
        "</div><ul class='submenu'><li><a href='/a'>Sundays</a></li><li><a href='/b'>Markets</a></li>"
        "</ul><div class='share-buttons'><a href='/s'>Share</a> <a href='/m'>Mail</a></div><div><h1>Shops "
        "may open on Sundays</h1>" +
        kParagraphs + "</div></div><div class='col-side'>" + teaser_column() + "</div></div></body></html>");
    INFO(wrapper);
    CHECK(article.text.find("ending a rule that had stood for forty years") != std::string::npos);
    CHECK(article.text.find("chamber of commerce welcomed it") != std::string::npos);
    CHECK(article.text.find("We use cookies") == std::string::npos);
    CHECK(article.text.find("Markets") == std::string::npos);
    CHECK(article.text.find("Mail") == std::string::npos);
  }
  // A cookie box with a long notice of its own still goes whole.
  const Article notice = clean(
      "<html><body><div class='cookie-banner'><p>We use cookies and similar tools to measure how this site "
      "is "
      "used and to show offers that suit you better.</p><p>Our partners may combine this information with "
      "other data you gave them, and you can change your choice at any time in the settings.</p></div>"
      "<article>" +
      kParagraphs + "</article></body></html>");
  CHECK(notice.text.find("Our partners may combine") == std::string::npos);
  CHECK(removed_with(notice, "cookie", "Our partners may combine"));
}

TEST_CASE("clean_html reads a page builder's text widgets as text, not as navigation", "[clean]") {
  // Builders nest every element in boxes called widgets ("widget-wrap" > "widget widget-text-editor" >
  // "widget-container" > <p>); a text widget with a link in its one sentence is article text. A widget of
  // links (buttons, a list of posts) still goes.
  const Article article = clean(
      "<html><body><div class='builder-section'><div class='builder-column'><div class='widget-wrap'>"
      "<div class='builder-element widget widget-heading'><div class='widget-container'><h1>Shops may open "
      "on "
      "Sundays</h1></div></div>"
      "<div class='builder-element widget widget-text-editor'><div class='widget-container'>" +
      kParagraphs +
      "</div></div><div class='builder-element widget widget-text-editor'><div "
      "class='widget-container'><p>The "
      "full rules, with the hours for each district, are on the <a href='/rules'>council's "
      "page</a>.</p></div>"
      "</div>"
      "<div class='builder-element widget widget-button'><div class='widget-container'><a href='/shop'>Find "
      "a "
      "shop near you</a></div></div></div></div></div></body></html>");
  CHECK(article.text.find("ending a rule that had stood for forty years") != std::string::npos);
  CHECK(article.text.find("are on the council's page.") != std::string::npos);
  CHECK(article.text.find("Find a shop near you") == std::string::npos);
}

TEST_CASE("clean_html keeps a product's table of specifications inside the form that orders it", "[clean]") {
  const Article article =
      clean("<html><body><article><h1>A folding canoe for two</h1>" + kParagraphs +
            "<form class='order-form' action='/basket'><div class='specifications'><table><tr><th>Length</th>"
            "<td>5.1 m</td></tr><tr><th>Weight</th><td>19 kg</td></tr><tr><th>Load</th><td>220 kg</td></tr>"
            "</table></div><div class='buy-box'><label>Quantity</label><input name='quantity' value='1'>"
            "<button>Add to basket</button></div></form></article></body></html>");
  CHECK(article.text.find("Length | 5.1 m") != std::string::npos);
  CHECK(article.text.find("Load | 220 kg") != std::string::npos);
  CHECK(article.text.find("Quantity") == std::string::npos);
  // A sign-up form with no table still goes whole.
  const Article signup =
      clean("<html><body><article>" + kParagraphs +
            "<form class='box'><p>Get the weekly letter</p><input name='email'><button>Send</button></form>"
            "</article></body></html>");
  CHECK(signup.text.find("Get the weekly letter") == std::string::npos);
}

TEST_CASE("clean_html keeps the collapsed answers of a FAQ or accordion, not a hidden menu or log-in box",
          "[clean]") {
  const Article article = clean(
      "<html><body><article><h1>Shops may open on Sundays</h1>" + kParagraphs +
      "<h2>Questions and answers</h2>"
      "<details><summary>Do bakeries count as small shops?</summary><p>Yes, whatever their size, since they "
      "already opened on Sunday mornings.</p></details>"
      "<div class='qa'><button aria-expanded='false' aria-controls='qa-2'>Must staff work on "
      "Sundays?</button>"
      "<div id='qa-2' hidden><p>No, staff may refuse Sunday shifts without losing their jobs.</p></div></div>"
      "<div><h3><a href='#qa-3' data-toggle='collapse'>When does the rule start?</a></h3><div id='qa-3' "
      "style='display:none'><p>The first Sunday of next month, once the decision is "
      "published.</p></div></div>"
      "<div class='accordion-item'><h3>Who checks the shops?</h3><div class='panel hidden'><p>The regional "
      "trade inspectors, who may fine a shop that opens too large an area.</p></div></div>"
      "</article><button aria-expanded='false' aria-controls='main-menu'>Open the main menu</button>"
      "<div id='main-menu' hidden><ul><li><a href='/'>Home</a></li><li><a "
      "href='/news'>News</a></li></ul></div>"
      "<button aria-expanded='false' aria-controls='account'>Sign in to your account</button><div "
      "id='account' "
      "hidden><p>Sign in with your e-mail address and password.</p><input name='email'></div></body></html>");
  CHECK(article.text.find("since they already opened on Sunday mornings") != std::string::npos);
  CHECK(article.text.find("Must staff work on Sundays?") != std::string::npos);
  CHECK(article.text.find("without losing their jobs.") != std::string::npos);
  CHECK(article.text.find("once the decision is published") != std::string::npos);
  CHECK(article.text.find("The regional trade inspectors") != std::string::npos);
  CHECK(article.text.find("Open the main menu") == std::string::npos);
  CHECK(article.text.find("Home") == std::string::npos);
  CHECK(article.text.find("Sign in") == std::string::npos);
}

TEST_CASE("clean_html takes no news ticker or breaking-news bar before the article for its lead", "[clean]") {
  const Article article = clean(
      "<html><body><div class='page'><div class='top'><div class='breaking-news-teaser'><p>Floods close the "
      "coast road between the two ports tonight, and the police ask drivers to stay at home.</p></div>"
      "<h1>Shops may open on Sundays</h1><div class='newsticker'><p><b>Latest:</b> The museum of the old "
      "mill "
      "opens its doors again on Saturday after two years of work, the town said.</p></div>"
      "<marquee><a href='/a'>Train strike ends</a> +++ <a href='/b'>New mayor sworn in</a></marquee></div>"
      "<div class='story'>" +
      kParagraphs + "</div></div></body></html>");
  CHECK(article.text.rfind("The regional council approved", 0) == 0);
  CHECK(article.text.find("Floods close the coast road") == std::string::npos);
  CHECK(article.text.find("museum of the old mill") == std::string::npos);
  CHECK(article.text.find("Train strike ends") == std::string::npos);
  CHECK(removed_with(article, "ticker", "Floods close the coast road"));
  // A live ticker is the story: its entries stay.
  const Article live = clean(
      "<html><body><div class='liveticker'><h1>Storm over the coast</h1><div class='ticker-entry'><p>10:02 "
      "The ferry to the islands has stopped for the day, the harbour office says.</p></div><div "
      "class='ticker-entry'><p>09:40 Winds reach a hundred kilometres an hour at the lighthouse on the "
      "cape.</p></div>" +
      kParagraphs + "</div></body></html>");
  CHECK(live.text.find("The ferry to the islands has stopped for the day") != std::string::npos);
}

TEST_CASE("clean_html drops a teaser card for another story set between the article's paragraphs",
          "[clean]") {
  const std::string first =
      "<p>The regional council approved a plan on Tuesday that lets small shops open on Sunday afternoons, "
      "ending a rule that had stood for forty years.</p>";
  const std::string second =
      "<p>Shops larger than four hundred square metres remain closed on Sundays, and staff may refuse Sunday "
      "shifts without losing their jobs, the council said.</p>";
  const std::string card =
      "<div class='story-card'><a href='/markets'><img src='/m.jpg'></a><h4><a href='/markets'>Weekly "
      "markets move to the harbour</a></h4><p>Traders will set up their stalls by the water from May, after "
      "a "
      "long quarrel with the residents of the old square over noise and parking.</p></div>";
  const Article article = clean("<html><body><article><h1>Shops may open on Sundays</h1>" + first + card +
                                second + "</article></body></html>");
  CHECK(article.text.find("ending a rule that had stood for forty years") != std::string::npos);
  CHECK(article.text.find("without losing their jobs") != std::string::npos);
  CHECK(article.text.find("Weekly markets move") == std::string::npos);
  CHECK(article.text.find("Traders will set up their stalls") == std::string::npos);
  CHECK(removed_with(article, "related", "Weekly markets move to the harbour"));
  // A section of the article under a linked heading (two paragraphs) stays.
  const std::string section =
      "<div><h3><a href='/rules'>What the new rules say</a></h3><p>Opening hours run from noon to six, and "
      "only shops run by their owners may open.</p><p>Bakeries and florists keep their morning hours as "
      "before.</p></div>";
  const Article kept = clean("<html><body><article><h1>Shops may open on Sundays</h1>" + first + section +
                             second + "</article></body></html>");
  CHECK(kept.text.find("Opening hours run from noon to six") != std::string::npos);
}

TEST_CASE("clean_html keeps the notes and the method set after the story in boxes of their own", "[clean]") {
  const Article article = clean(
      "<html><body><div class='wrap'><div class='article-body'><h1>Shops may open on Sundays</h1>" +
      kParagraphs +
      "</div><div class='box'><h2>Methodology</h2><p>The council's figures cover all shops registered in the "
      "region on the first of January, counted by floor area.</p></div><div class='box'><h3>Notes:</h3><ol>"
      "<li>Floor area includes storage rooms open to customers.</li><li>Pharmacies follow their own "
      "rota.</li></ol></div><div class='box'><h3>More news</h3><ul><li><a href='/a'>Bus fares rise in "
      "spring</a></li><li><a href='/b'>New bridge opens</a></li></ul></div><div class='box'><h3>Trending</h3>"
      "<p>Readers liked these stories most this week, from the bus fares to the bridge.</p></div></div>"
      "</body></html>");
  CHECK(article.text.find("chamber of commerce welcomed it") != std::string::npos);
  CHECK(article.text.find("counted by floor area") != std::string::npos);
  CHECK(article.text.find("Pharmacies follow their own rota.") != std::string::npos);
  CHECK(article.text.find("Bus fares rise") == std::string::npos);
  CHECK(article.text.find("Readers liked these stories") == std::string::npos);
}

TEST_CASE("text helpers read ASCII and other scripts alike", "[clean][util]") {
  using articlescope::clean::count_words;
  using articlescope::clean::normalise_key;
  CHECK(count_words("") == 0);
  CHECK(count_words(" -- , ") == 0);
  CHECK(count_words("Ten ferries, 3 quays") == 4);
  CHECK(count_words("Zürich's café opens") == 4);          // a letter outside ASCII joins its word
  CHECK(count_words("Gdańsk\xC2\xA0port") == 2);           // a no-break space separates
  CHECK(count_words("\xE6\xB8\xAF\xE5\x8F\xA3 ok") == 3);  // CJK ideographs count one each
  CHECK(normalise_key("  Read MORE \xC2\xBB") == "read more");
  CHECK(normalise_key("\xE2\x80\x9CK\xC3\x96LN\xE2\x80\x9D, 2031!") == "k\xC3\xB6ln 2031");
  CHECK(normalise_key("...").empty());
}

TEST_CASE("PatternSet finds the first-listed pattern anywhere in a text", "[clean][util]") {
  using articlescope::clean::PatternSet;
  const PatternSet set({"quay", "harbour board", "ha", "zzz"});
  CHECK(set.first_listed_in("the harbour board met") == 1);  // "ha" occurs first in the text, listed later
  CHECK(set.first_listed_in("a quay and a harbour board") == 0);
  CHECK(set.first_listed_in("shanty") == 2);
  CHECK(set.first_listed_in("h") == PatternSet::npos);  // a pattern longer than what is left never matches
  CHECK(set.first_listed_in("") == PatternSet::npos);
  CHECK(set.first_listed_in("nothing here") == PatternSet::npos);
}
