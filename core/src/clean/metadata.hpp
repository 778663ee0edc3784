// Page metadata: meta tags, JSON-LD, <time>, <link rel=canonical>, visible bylines and dates.
#pragma once

#include "html/dom.hpp"

#include <string>
#include <vector>

namespace articlescope::clean {

/// Everything the page says about itself, before the body is chosen. Empty strings mean "not found".
struct PageMetadata {
  std::string title;      ///< best title, with the " | Site" suffix removed
  std::string raw_title;  ///< the <title> element's text
  std::string byline;     ///< authors, without "By" and without a date
  std::string published;  ///< ISO 8601
  std::string site;
  std::string lang;
  std::string canonical_url;
  std::string lead_image;
  std::string description;
  std::string base_url;      ///< for relative links: Options::url, <base href> or the canonical URL
  std::string json_ld_body;  ///< schema.org articleBody, when the page ships one (a content hint)
  std::vector<std::string> json_ld_ingredients;  ///< a schema.org Recipe's recipeIngredient, in order
  std::vector<std::string> json_ld_steps;        ///< the steps of a schema.org Recipe or HowTo, in order
};

/// Reads the metadata of a parsed page. `page_url` is Options::url (may be empty).
PageMetadata read_metadata(const html::Document& document, const std::string& page_url);

/// What a page offers to tell the headline from the site name (or author) in a title.
struct TitleHints {
  std::vector<std::string> sites;  ///< names the page gives itself: og:site_name, publisher, application-name
  std::vector<std::string>
      headings;        ///< visible <h1> texts in document order (a site logo is often the first)
  std::string author;  ///< the byline: a title part naming it is not the headline
  /// Two of the page's share titles (JSON-LD headline, og:title, twitter:title) give this title, and either
  /// the <title> element differs or the page names its site: the publisher wrote it without the site, so only
  /// a part naming the site or the author goes ("Chapter 2 - Story Name" stays whole).
  bool confirmed = false;
};

/// Removes a site name suffix or prefix (" | Site", "Site - ") from a title when it can tell which part is
/// the site, and keeps the title whole when it cannot (a subtitle or chapter after a dash stays).
std::string strip_site_from_title(const std::string& title, const TitleHints& hints);

/// The same with one site name and one heading (either may be empty), for a <title> element's text.
std::string strip_site_from_title(const std::string& title, const std::string& site,
                                  const std::string& heading);

/// Strips a leading "By"/"Por"/"Von"/"Par"... and a trailing date or "|"-separated tail from a byline text.
std::string clean_byline(std::string_view text);

}  // namespace articlescope::clean
