// Metadata, read in this order of trust: JSON-LD, meta tags, <link>/<time>, then visible text.
#include "clean/metadata.hpp"

#include "clean/util.hpp"

#include "report/json_reader.hpp"

#include <algorithm>
#include <map>

namespace articlescope::clean {
namespace {

using html::Document;
using html::Node;
using html::Tag;
using report::JsonValue;

constexpr int kMaxJsonDepth = 24;

struct JsonLdArticle {
  std::string headline, name, author, published, publisher, body, image, lang, description, url;
  bool found = false;
};

bool is_article_type(JsonValue type) {
  auto check = [](std::string_view t) {
    return t.find("Article") != std::string::npos || t == "BlogPosting" || t == "Report" ||
           t == "LiveBlogPosting" || t == "OpinionNewsArticle" || t == "Posting" || t == "SocialMediaPosting";
  };
  if (type.is_string()) return check(type.text());
  if (type.is_array()) {
    for (const JsonValue t : type) {
      if (t.is_string() && check(t.text())) return true;
    }
  }
  return false;
}

std::string json_string(JsonValue object, const char* key) {
  const JsonValue value = object.find(key);
  return value.is_string() ? collapse(value.text()) : std::string();
}

std::string json_names(JsonValue value, int depth) {
  if (depth > 4) return {};
  if (value.is_string()) return collapse(value.text());
  if (value.is_object()) {
    std::string name = json_string(value, "name");
    if (name.empty()) {
      const auto given = json_string(value, "givenName"), family = json_string(value, "familyName");
      name = collapse(given + " " + family);
    }
    return name;
  }
  if (value.is_array()) {
    std::string out;
    for (const JsonValue item : value) {
      std::string name = json_names(item, depth + 1);
      if (name.empty() || out.find(name) != std::string::npos) continue;
      if (!out.empty()) out += ", ";
      out += name;
      if (out.size() > 300) break;
    }
    return out;
  }
  return {};
}

std::string json_url(JsonValue value, int depth) {
  if (depth > 4) return {};
  if (value.is_string()) return std::string(value.text());
  if (value.is_object()) {
    for (const char* key : {"url", "contentUrl", "@id"}) {
      if (const JsonValue url = value.find(key); url.is_string()) return std::string(url.text());
    }
  }
  if (value.is_array() && value.size() > 0) return json_url(*value.begin(), depth + 1);
  return {};
}

void visit_json_ld(JsonValue value, int depth, JsonLdArticle& out) {
  if (depth > kMaxJsonDepth || out.found) return;
  if (value.is_array()) {
    for (const JsonValue item : value) visit_json_ld(item, depth + 1, out);
    return;
  }
  if (!value.is_object()) return;
  if (is_article_type(value.find("@type"))) {
    out.found = true;
    out.headline = json_string(value, "headline");
    out.name = json_string(value, "name");
    out.author = json_names(value.find("author"), 0);
    out.published = json_string(value, "datePublished");
    if (out.published.empty()) out.published = json_string(value, "dateCreated");
    out.publisher = json_names(value.find("publisher"), 0);
    if (const JsonValue body = value.find("articleBody"); body.is_string())
      out.body = std::string(body.text());
    out.image = json_url(value.find("image"), 0);
    out.lang = json_string(value, "inLanguage");
    out.description = json_string(value, "description");
    out.url = json_string(value, "url");
    return;
  }
  visit_json_ld(value.find("@graph"), depth + 1, out);
  visit_json_ld(value.find("mainEntity"), depth + 1, out);
}

// JSON-LD as pages ship it: wrapped in CDATA or comments (the reader's lenient mode takes trailing commas and
// raw line breaks in strings).
std::string_view unwrap_json_ld(std::string_view text) {
  text = trim(text);
  for (std::string_view open : {"<![CDATA[", "<!--", "//<![CDATA["}) {
    if (text.rfind(open, 0) == 0) text = trim(text.substr(open.size()));
  }
  for (std::string_view close : {"]]>", "-->", "//]]>"}) {
    if (text.ends_with(close)) text = trim(text.substr(0, text.size() - close.size()));
  }
  return text;
}

bool is_hidden(const Node& node) {
  if (node.has_attr("hidden")) return true;
  const std::string style = lower_ascii(node.attr("style"));
  return style.find("display:none") != std::string::npos || style.find("display: none") != std::string::npos;
}

std::string class_and_id(const Node& node) {
  std::string s = lower_ascii(node.attr("class"));
  s += ' ';
  s += lower_ascii(node.attr("id"));
  return s;
}

bool looks_like_url(std::string_view s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("//", 0) == 0 ||
         s.rfind("/", 0) == 0;
}

// Visible byline and date elements, found in document order within the body (not in comments).
struct VisibleHints {
  std::string byline;
  std::string published;
  std::string first_h1;
};

bool inside_comments(const Document& document, std::uint32_t index) {
  for (std::uint32_t p = document[index].parent; p != html::kNoNode; p = document[p].parent) {
    if (document[p].tag == Tag::Body || document[p].tag == Tag::Html) break;  // page-wide classes say nothing
    const std::string ci = class_and_id(document[p]);
    if (ci.find("comment") != std::string::npos || ci.find("sidebar") != std::string::npos ||
        document[p].tag == Tag::Aside || document[p].tag == Tag::Footer || document[p].tag == Tag::Nav) {
      return true;
    }
  }
  return false;
}

VisibleHints find_visible_hints(const Document& document) {
  VisibleHints hints;
  std::string time_fallback;
  for (std::uint32_t i = 0; i < document.nodes.size(); ++i) {
    const Node& node = document[i];
    if (!node.is_element() || is_hidden(node)) continue;
    if (node.tag == Tag::H1 && hints.first_h1.empty())
      hints.first_h1 = collapse(html::text_content(document, i, 2000));
    const std::string ci = class_and_id(node);
    const std::string itemprop = lower_ascii(node.attr("itemprop"));
    if (hints.published.empty()) {
      const bool date_like = itemprop.find("datepublished") != std::string::npos ||
                             node.has_attr("pubdate") || ci.find("publish") != std::string::npos ||
                             ci.find("dateline") != std::string::npos ||
                             ci.find("posted") != std::string::npos || ci.find("date") != std::string::npos ||
                             ci.find("time") != std::string::npos || ci.find("fecha") != std::string::npos ||
                             ci.find("datum") != std::string::npos || contains_phrase(ci, "data");
      if (node.tag == Tag::Time || date_like) {
        std::string date = normalise_date(node.attr("datetime"));
        if (date.empty() && node.tag == Tag::Meta) date = normalise_date(node.attr("content"));
        if (date.empty() && node.tag != Tag::Meta) {
          const std::string text = collapse(html::text_content(document, i, 400));
          if (text.size() < 120) date = normalise_date(text);
        }
        if (!date.empty() && !inside_comments(document, i)) {
          if (date_like) {
            hints.published = date;
          } else if (time_fallback.empty()) {
            time_fallback = date;
          }
        }
      }
    }
    if (hints.byline.empty() && node.tag != Tag::Meta && node.tag != Tag::Link && node.tag != Tag::Body &&
        node.tag != Tag::Html) {
      const bool author_like = node.attr("rel") == "author" || itemprop.find("author") != std::string::npos ||
                               ci.find("byline") != std::string::npos ||
                               ci.find("author") != std::string::npos ||
                               ci.find("writtenby") != std::string::npos || contains_phrase(ci, "autor") ||
                               contains_phrase(ci, "auteur") || contains_phrase(ci, "autore") ||
                               ci.find("p-author") != std::string::npos;
      const bool strong = node.attr("rel") == "author" || itemprop.find("author") != std::string::npos;
      if (author_like && (strong || !inside_comments(document, i))) {
        const std::string text = collapse(html::text_content(document, i, 400));
        const std::string cleaned = clean_byline(text);
        if (!cleaned.empty() && cleaned.size() < 100 && count_words(cleaned) <= 12) hints.byline = cleaned;
      }
    }
  }
  if (hints.published.empty()) hints.published = time_fallback;
  return hints;
}

bool equal_keys(std::string_view a, std::string_view b) {
  return !a.empty() && normalise_key(a) == normalise_key(b);
}

}  // namespace

std::string clean_byline(std::string_view text) {
  std::string s = collapse(text);
  // A trailing date or role after a separator: "Jane Doe | March 3, 2024", "Jane Doe, Staff Writer".
  for (const char* sep : {" | ", " - ", " – ", " — ", " · ", " • ", "\n"}) {
    const auto pos = s.find(sep);
    if (pos != std::string::npos && pos > 0) {
      const std::string tail = s.substr(pos);
      if (!normalise_date(tail).empty() || count_words(tail) <= 4) s = s.substr(0, pos);
    }
  }
  const std::string lower = lower_ascii(s);
  for (const char* prefix : {"by ", "by: ", "written by ", "posted by ", "words by ", "por ", "von ", "par ",
                             "di ", "door ", "av ", "autor: ", "author: ", "text: ", "texto: ", "de "}) {
    const std::string_view p(prefix);
    if (lower.rfind(p, 0) == 0 && s.size() > p.size()) {
      s = s.substr(p.size());
      break;
    }
  }
  // A date glued to the end ("Jane Doe March 3, 2024"): cut at the first digit or month-date start.
  if (!normalise_date(s).empty()) {
    const auto digit = s.find_first_of("0123456789");
    if (digit != std::string::npos && digit > 2) s = s.substr(0, digit);
  }
  s = std::string(trim(s));
  while (!s.empty() && (s.back() == ',' || s.back() == '|' || s.back() == '-' || s.back() == ':')) {
    s.pop_back();
    s = std::string(trim(s));
  }
  if (lower_ascii(s) == "by" || count_words(s) == 0) return {};
  return s;
}

std::string strip_site_from_title(const std::string& title, const std::string& site,
                                  const std::string& heading) {
  static const std::string_view kSeparators[] = {" | ", " - ",  " – ", " — ", " :: ", " » ", " · ",
                                                 " • ", " // ", " / ", " : ", " ~ ",  " _ "};
  if (!heading.empty() && equal_keys(title, heading)) return title;
  // Split on the first kind of separator that occurs (mixing kinds would cut inside headlines).
  std::vector<std::string> parts;
  for (std::string_view sep : kSeparators) {
    if (title.find(sep) == std::string::npos) continue;
    std::size_t start = 0;
    for (std::size_t pos = title.find(sep); pos != std::string::npos; pos = title.find(sep, start)) {
      parts.emplace_back(trim(std::string_view(title).substr(start, pos - start)));
      start = pos + sep.size();
    }
    parts.emplace_back(trim(std::string_view(title).substr(start)));
    break;
  }
  if (parts.size() < 2) return title;
  for (const auto& part : parts) {
    if (!heading.empty() && equal_keys(part, heading)) return part;
  }
  const std::string site_key = normalise_key(site);
  auto is_site = [&](const std::string& part) {
    const std::string key = normalise_key(part);
    if (key.empty()) return true;
    if (site_key.empty()) return false;
    return key == site_key || (count_words(part) <= 6 && (site_key.find(key) != std::string::npos ||
                                                          key.find(site_key) != std::string::npos));
  };
  std::size_t first = 0, last = parts.size();
  while (last - first > 1 && is_site(parts[last - 1])) --last;
  while (last - first > 1 && is_site(parts[first]) && parts[first].size() < parts[first + 1].size()) ++first;
  if (first == 0 && last == parts.size()) {
    // No site name known: the short last part of a longer title is the site by convention.
    std::size_t head_words = 0;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) head_words += count_words(parts[i]);
    if (count_words(parts.back()) <= 4 && head_words >= 3) last = parts.size() - 1;
  }
  if (first == 0 && last == parts.size()) return title;
  // Rejoin the kept parts with the separator that was used.
  std::string sep_used;
  for (std::string_view sep : kSeparators) {
    if (title.find(sep) != std::string::npos) {
      sep_used = std::string(sep);
      break;
    }
  }
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    if (!out.empty()) out += sep_used;
    out += parts[i];
  }
  return out;
}

PageMetadata read_metadata(const Document& document, const std::string& page_url) {
  PageMetadata meta;
  std::map<std::string, std::string> values;           // first value per key: "og:title", "author", ...
  std::map<std::string, std::string> property_values;  // property= wins over name= for the same key
  JsonLdArticle json_ld;
  std::string base_href;
  for (std::uint32_t i = 0; i < document.nodes.size(); ++i) {
    const Node& node = document[i];
    switch (node.tag) {
      case Tag::Html:
        if (meta.lang.empty()) meta.lang = std::string(trim(node.attr("lang")));
        if (meta.lang.empty()) meta.lang = std::string(trim(node.attr("xml:lang")));
        break;
      case Tag::Title:
        if (meta.raw_title.empty() && document[node.parent].tag != Tag::Svg) {
          meta.raw_title = collapse(html::text_content(document, i, 4000));
        }
        break;
      case Tag::Base:
        if (base_href.empty()) base_href = std::string(node.attr("href"));
        break;
      case Tag::Link: {
        const std::string rel = lower_ascii(node.attr("rel"));
        if (contains_phrase(rel, "canonical") && meta.canonical_url.empty()) {
          meta.canonical_url = std::string(trim(node.attr("href")));
        }
        break;
      }
      case Tag::Meta: {
        const std::string content = collapse(node.attr("content"));
        if (content.empty()) break;
        for (const char* attr : {"property", "name", "itemprop", "http-equiv"}) {
          const std::string keys = lower_ascii(node.attr(attr));
          std::size_t start = 0;
          while (start < keys.size()) {
            auto end = keys.find(' ', start);
            if (end == std::string::npos) end = keys.size();
            const std::string key = keys.substr(start, end - start);
            if (!key.empty()) (attr[0] == 'p' ? property_values : values).emplace(key, content);
            start = end + 1;
          }
        }
        break;
      }
      case Tag::Script: {
        if (json_ld.found || lower_ascii(trim(node.attr("type"))) != "application/ld+json") break;
        std::string script;
        for (std::uint32_t child : node.children) script += document[child].text;
        if (script.size() > (4u << 20)) break;
        report::JsonReadOptions options;
        options.max_depth = 64;
        options.lenient = true;
        const auto parsed = report::JsonDocument::parse(unwrap_json_ld(script), options);
        visit_json_ld(parsed.root(), 0, json_ld);
        break;
      }
      default:
        break;
    }
  }
  // property= values win over name= values for any of the keys asked (Open Graph and RDFa use property=).
  auto value = [&](std::initializer_list<const char*> keys) -> std::string {
    for (const auto* map : {&property_values, &values}) {
      for (const char* key : keys) {
        const auto it = map->find(key);
        if (it != map->end() && !it->second.empty()) return it->second;
      }
    }
    return {};
  };
  const VisibleHints visible = find_visible_hints(document);

  // Base URL for relative links: the caller's URL wins, then <base href>, then the canonical URL.
  meta.base_url = page_url;
  if (!base_href.empty()) meta.base_url = resolve_url(meta.base_url, base_href);
  if (meta.base_url.empty())
    meta.base_url = meta.canonical_url.empty() ? value({"og:url"}) : meta.canonical_url;
  if (meta.canonical_url.empty()) meta.canonical_url = value({"og:url"});
  if (!meta.canonical_url.empty()) meta.canonical_url = resolve_url(meta.base_url, meta.canonical_url);
  if (meta.canonical_url.empty() && !page_url.empty()) meta.canonical_url = page_url;

  meta.site = json_ld.publisher;
  if (meta.site.empty())
    meta.site = value({"og:site_name", "og:sitename", "application-name", "al:ios:app_name"});

  if (meta.lang.empty()) meta.lang = value({"content-language", "language", "dc.language"});
  if (meta.lang.empty()) meta.lang = json_ld.lang;
  if (meta.lang.empty()) {
    std::string locale = value({"og:locale"});
    std::replace(locale.begin(), locale.end(), '_', '-');
    meta.lang = locale;
  }

  // JSON-LD name and headline can differ; the one the page's <title> agrees with is the title.
  std::string title = json_ld.headline.empty() ? json_ld.name : json_ld.headline;
  if (!json_ld.name.empty() && !json_ld.headline.empty() && json_ld.name != json_ld.headline) {
    const std::string page_key = normalise_key(meta.raw_title);
    const bool name_in_title = page_key.find(normalise_key(json_ld.name)) != std::string::npos;
    const bool headline_in_title = page_key.find(normalise_key(json_ld.headline)) != std::string::npos;
    if (name_in_title && !headline_in_title) title = json_ld.name;
  }
  if (title.empty()) {
    title = value({"dc.title", "dc:title", "dcterm:title", "dcterms.title", "og:title", "title",
                   "twitter:title", "parsely-title", "sailthru.title"});
  }
  if (title.empty()) title = meta.raw_title;
  if (title.empty()) title = visible.first_h1;
  meta.title = strip_site_from_title(title, meta.site, visible.first_h1);
  // A site name taken from the page's own <title> when no meta tag says it: "Headline | Site".
  if (meta.site.empty() && !meta.raw_title.empty() && meta.raw_title != meta.title) {
    const std::string stripped = strip_site_from_title(meta.raw_title, "", visible.first_h1);
    if (stripped != meta.raw_title && meta.raw_title.size() > stripped.size() + 3) {
      const auto pos = meta.raw_title.find(stripped);
      std::string rest = pos == 0 ? meta.raw_title.substr(stripped.size()) : std::string();
      while (!rest.empty() && (static_cast<unsigned char>(rest.front()) < 0x30 || rest.front() == '|')) {
        rest.erase(0, 1);
      }
      if (!rest.empty() && count_words(rest) <= 5 && (rest.front() & 0x80) == 0)
        meta.site = std::string(trim(rest));
    }
  }

  std::string byline = json_ld.author;
  if (byline.empty())
    byline = value({"dc.creator", "dc:creator", "dcterm:creator", "dcterms.creator", "author",
                    "parsely-author", "sailthru.author", "byl", "article:author_name"});
  if (byline.empty()) {
    const std::string article_author = value({"article:author"});
    if (!looks_like_url(article_author)) byline = article_author;
  }
  if (byline.empty()) byline = visible.byline;
  meta.byline = clean_byline(byline);
  if (meta.byline.size() > 300) meta.byline = shorten(meta.byline, 300);

  for (const std::string& candidate :
       {json_ld.published,
        value({"article:published_time", "og:published_time", "datepublished", "parsely-pub-date",
               "dcterms.issued", "dcterms.date", "dc.date.issued", "dc.date", "dc:date", "sailthru.date",
               "publish-date", "publishdate", "pubdate", "date", "article.published", "published_time",
               "publication_date", "cxenseparse:recs:publishtime"}),
        visible.published}) {
    meta.published = normalise_date(candidate);
    if (!meta.published.empty()) break;
  }

  meta.description = json_ld.description;
  if (meta.description.empty())
    meta.description =
        value({"og:description", "description", "twitter:description", "dc.description", "dc:description"});
  std::string image =
      value({"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"});
  if (image.empty()) image = json_ld.image;
  if (!image.empty()) meta.lead_image = resolve_url(meta.base_url, image);
  meta.json_ld_body = std::move(json_ld.body);
  return meta;
}

}  // namespace articlescope::clean
