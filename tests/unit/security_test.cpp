// article.html goes into other people's pages (extension, widget): nothing in it may run a script, and
// nothing in it may contact a third party unless the caller asked for remote images.
#include <articlescope/articlescope.hpp>

#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <vector>

using articlescope::analyse;
using articlescope::Options;

namespace {

const std::string kBody =
    "<article><h1>Harbour board backs the northern quay</h1>"
    "<p>The harbour board on Monday approved a plan for the northern quay, the chair said. "
    "<a href=\"plan\">Read the plan</a>, <a href=\"/annex/2\">the annex</a> and "
    "<a href=\"?page=2\">the next page</a>. Small boats keep their berths through the winter.</p>"
    "<p>The board meets again in spring to review the new berths and the ferry timetable for the year."
    "<img src=\"pier.jpg\" alt=\"The pier\"><img data-src=\"/lazy/quay.jpg\" alt=\"The quay\"></p>"
    "</article>";

std::string page(const std::string& head) {
  return "<html><head><title>Harbour board backs the northern quay</title>" + head + "</head><body>" + kBody +
         "</body></html>";
}

std::string html_of(const std::string& input, Options options = {}) {
  options.format = articlescope::InputFormat::Html;
  const auto report = analyse(input, options);
  REQUIRE(report.ok());
  return report.article.html;
}

// Every href and src value in the markup.
std::vector<std::string> urls_in(const std::string& html) {
  std::vector<std::string> urls;
  static const std::regex attribute(R"re((?:href|src)="([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), attribute); it != std::sregex_iterator();
       ++it) {
    urls.push_back((*it)[1]);
  }
  return urls;
}

// A URL a browser will not run: http(s) or relative (no scheme), nothing else in these pages.
bool is_harmless(const std::string& url) {
  static const std::regex scheme(R"(^[A-Za-z][A-Za-z0-9+.\-]*:)");
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0 || !std::regex_search(url, scheme);
}

void check_links(const std::string& html) {
  const auto urls = urls_in(html);
  CHECK(urls.size() >= 3);
  for (const auto& url : urls) {
    INFO(url);
    CHECK(is_harmless(url));
  }
  CHECK(html.find("javascript") == std::string::npos);
  CHECK(html.find("data:") == std::string::npos);
}

}  // namespace

TEST_CASE("a javascript: or data: canonical URL or og:url is never a base for relative links", "[security]") {
  for (const std::string head : {
           R"(<link rel="canonical" href="javascript://%0aalert(document.domain)//">)",
           R"(<link rel="canonical" href="JavaScript://%0Aalert(1)//">)",
           R"(<link rel="canonical" href="data://text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==/">)",
           R"(<meta property="og:url" content="javascript://%0aalert(1)//">)",
           R"(<meta property="og:url" content="vbscript://x/">)",
       }) {
    INFO(head);
    const std::string html = html_of(page(head));
    check_links(html);
    CHECK(html.find("href=\"plan\"") != std::string::npos);  // left relative: no usable base
    const auto report = analyse(page(head));
    CHECK(report.article.canonical_url.find("script") == std::string::npos);
    CHECK(report.article.canonical_url.find("data") == std::string::npos);
  }
}

TEST_CASE("a javascript: <base> does not displace the caller's URL", "[security]") {
  Options options;
  options.url = "https://harbour.example/news/quay.html";
  for (
      const std::string head : {
          R"(<base href="javascript://%0aalert(1)//"><link rel="canonical" href="https://elsewhere.example/x">)",
          R"(<base href="data:text/html,hi/">)",
      }) {
    INFO(head);
    const std::string html = html_of(page(head), options);
    check_links(html);
    CHECK(html.find("href=\"https://harbour.example/news/plan\"") != std::string::npos);
    CHECK(html.find("href=\"https://harbour.example/annex/2\"") != std::string::npos);
    CHECK(html.find("href=\"https://harbour.example/news/quay.html?page=2\"") != std::string::npos);
  }
  // A javascript: URL given by the caller is not a base either, nor the canonical URL.
  options.url = "javascript://%0aalert(1)//";
  const auto report = analyse(page(""), options);
  check_links(report.article.html);
  CHECK(report.article.canonical_url.empty());
  options.format = articlescope::InputFormat::Text;
  CHECK(analyse("The board approved the quay plan on Monday.", options).article.canonical_url.empty());
}

TEST_CASE("an http(s) base still resolves relative links", "[security]") {
  const std::string html =
      html_of(page(R"(<link rel="canonical" href="https://harbour.example/news/quay">)"));
  check_links(html);
  CHECK(html.find("href=\"https://harbour.example/news/plan\"") != std::string::npos);
  CHECK(html.find("href=\"https://harbour.example/annex/2\"") != std::string::npos);
}

TEST_CASE("the scheme is checked after resolution, as a browser reads it", "[security]") {
  Options options;
  options.url = "https://harbour.example/news/";
  for (const std::string href :
       {"javascript:alert(1)", " JAVASCRIPT:alert(1)", "java\tscript:alert(1)", "java&#x0A;script:alert(1)",
        "&#106;avascript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
        "\x01javascript:alert(1)"}) {
    INFO(href);
    const std::string input =
        "<html><body><article><p>The harbour board approved the plan for the quay on "
        "Monday, the chair said. <a href=\"" +
        href +
        "\">Read the plan</a> before the "
        "meeting in spring, when the board reviews the berths.</p></article></body></html>";
    const std::string html = html_of(input, options);
    INFO(html);
    for (const auto& url : urls_in(html)) {
      INFO(url);
      CHECK(is_harmless(url));
    }
    CHECK(html.find("Read the plan") != std::string::npos);  // the link text stays, as text
  }
}

TEST_CASE("remote images are left out of article.html unless asked for", "[security]") {
  const std::string input = page(R"(<link rel="canonical" href="https://harbour.example/news/quay">)" +
                                 std::string(R"(<meta property="og:image" content="/lead.jpg">)"));
  const auto off = analyse(input);
  REQUIRE(off.ok());
  CHECK(off.article.html.find("<img") == std::string::npos);
  CHECK(off.article.lead_image == "https://harbour.example/lead.jpg");  // a field, never loaded by the core
  Options options;
  options.remote_images = true;
  const auto on = analyse(input, options);
  CHECK(on.article.html.find("<img src=\"https://harbour.example/news/pier.jpg\" alt=\"The pier\">") !=
        std::string::npos);
  CHECK(on.article.html.find("<img src=\"https://harbour.example/lazy/quay.jpg\"") != std::string::npos);
  check_links(on.article.html);
  // The text is the same either way.
  CHECK(on.article.text == off.article.text);
}
