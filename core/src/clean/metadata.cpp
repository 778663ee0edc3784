// Metadata, read in this order of trust: JSON-LD, meta tags, <link>/<time>, then visible text.
#include "clean/metadata.hpp"

#include "clean/util.hpp"
#include "text/utf8.hpp"

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
constexpr std::size_t kMaxHeadings = 8;

// White space in a title as a browser shows it: runs of HTML white space become one space, but no-break and
// ideographic spaces are characters the author chose ("Screenshot\u00A0:", Japanese U+3000) and stay.
std::string collapse_title(std::string_view text) {
  std::string out;
  bool pending_space = false;
  std::size_t kept_space_bytes = 0;  // a kept space just written: white space after it absorbs it
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      out.resize(out.size() - kept_space_bytes);
      kept_space_bytes = 0;
      pending_space = true;
      ++i;
      continue;
    }
    std::size_t len = 1;
    const char32_t cp = c < 0x80 ? c : text::decode(text, i, len);
    const bool kept_space = cp == 0xA0 || cp == 0x202F || cp == 0x3000;
    const bool zero_width = cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp == 0xAD;
    if (kept_space && !pending_space) {
      out.append(text.substr(i, len));
      kept_space_bytes = len;
    } else if (!kept_space && !zero_width && cp >= 0x80 && text::is_space(cp)) {
      out.resize(out.size() - kept_space_bytes);
      kept_space_bytes = 0;
      pending_space = true;
    } else if (!kept_space && !zero_width) {
      if (pending_space && !out.empty() && out.back() != ' ') out += ' ';
      pending_space = false;
      kept_space_bytes = 0;
      out.append(text.substr(i, len));
    }
    i += len;
  }
  // The kept spaces show nothing at either end: trim them too.
  for (bool changed = true; changed && !out.empty();) {
    changed = false;
    for (std::string_view space : {"\xC2\xA0", "\xE2\x80\xAF", "\xE3\x80\x80", " "}) {
      if (out.starts_with(space)) {
        out.erase(0, space.size());
        changed = true;
      }
      if (out.ends_with(space)) {
        out.erase(out.size() - space.size());
        changed = true;
      }
    }
  }
  return out;
}

struct JsonLdArticle {
  std::string headline, name, author, published, publisher, body, image, lang, description, url;
  bool found = false;
  std::vector<std::string> ingredients, steps;  // of a Recipe or HowTo, wherever it sits in the graph
};

// Markup in the text: a tag that opens a paragraph or a line, or any closing tag ("</p>", "</strong>").
bool holds_markup(std::string_view text) {
  for (std::size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    const std::string_view rest = text.substr(at + 1, 4);
    if (rest.starts_with("p>") || rest.starts_with("p ") || rest.starts_with("br") ||
        (rest.size() >= 2 && rest[0] == '/' && rest[1] >= 'a' && rest[1] <= 'z')) {
      return true;
    }
  }
  return false;
}

// The text of an HTML fragment, one line per block (paragraph, heading, list item, <br>).
std::string block_text(std::string_view markup) {
  const Document fragment = html::parse(markup);
  std::string out;
  // Document order with a marker after each element's subtree: blocks start and end a line.
  std::vector<std::pair<std::uint32_t, bool>> stack{{0, false}};
  while (!stack.empty()) {
    const auto [index, closing] = stack.back();
    stack.pop_back();
    const Node& node = fragment[index];
    if (node.is_text()) {
      out += node.text;
      continue;
    }
    const bool block = node.is_element() && (html::is_block(node.tag) || node.tag == Tag::Br);
    if (block) out += '\n';
    if (closing || node.tag == Tag::Script || node.tag == Tag::Style) continue;
    stack.push_back({index, true});
    for (auto it = node.children.rbegin(); it != node.children.rend(); ++it) stack.push_back({*it, false});
  }
  std::string lines;
  for (std::size_t start = 0; start <= out.size();) {
    std::size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    const std::string line = collapse(std::string_view(out).substr(start, end - start));
    if (!line.empty()) lines += (lines.empty() ? "" : "\n") + line;
    start = end + 1;
  }
  return lines;
}

// A JSON-LD articleBody as plain text, one paragraph a line. Some publishers put the article's HTML there,
// and some escape it once more ("&lt;p&gt;uma solu&amp;ccedil;&amp;atilde;o"): decoded, then read.
std::string article_body_text(std::string body) {
  for (int pass = 0; pass < 2; ++pass) {
    if (holds_markup(body)) return block_text(body);
    if (body.find("&lt;") == std::string::npos) break;
    // Escaped markup: the text of the fragment is the markup itself (entities decoded by the parser).
    std::string decoded = html::text_content(html::parse(body), 0);
    if (!holds_markup(decoded)) break;
    body = std::move(decoded);
  }
  return body;
}

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
    if (const JsonValue headline = value.find("headline"); headline.is_string())
      out.headline = collapse_title(headline.text());
    if (const JsonValue name = value.find("name"); name.is_string()) out.name = collapse_title(name.text());
    out.author = json_names(value.find("author"), 0);
    out.published = json_string(value, "datePublished");
    if (out.published.empty()) out.published = json_string(value, "dateCreated");
    out.publisher = json_names(value.find("publisher"), 0);
    if (const JsonValue body = value.find("articleBody"); body.is_string())
      out.body = article_body_text(std::string(body.text()));
    out.image = json_url(value.find("image"), 0);
    out.lang = json_string(value, "inLanguage");
    out.description = json_string(value, "description");
    out.url = json_string(value, "url");
    return;
  }
  visit_json_ld(value.find("@graph"), depth + 1, out);
  visit_json_ld(value.find("mainEntity"), depth + 1, out);
}

bool is_type(JsonValue type, std::string_view wanted) {
  if (type.is_string()) return type.text() == wanted;
  if (type.is_array()) {
    for (const JsonValue t : type) {
      if (t.is_string() && t.text() == wanted) return true;
    }
  }
  return false;
}

// Steps as schema.org writes them: one text (a line a step), a list of texts, HowToStep objects ({"text"} or
// {"name"}), or HowToSection objects whose itemListElement holds the steps.
void collect_steps(JsonValue value, int depth, std::vector<std::string>& steps) {
  if (depth > 4 || steps.size() >= 200) return;
  if (value.is_string()) {
    const std::string text = article_body_text(std::string(value.text()));
    for (std::size_t start = 0; start < text.size();) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = collapse(std::string_view(text).substr(start, end - start));
      if (!line.empty()) steps.push_back(std::move(line));
      start = end + 1;
    }
  } else if (value.is_array()) {
    for (const JsonValue item : value) collect_steps(item, depth + 1, steps);
  } else if (value.is_object()) {
    if (const JsonValue items = value.find("itemListElement")) {
      collect_steps(items, depth + 1, steps);
    } else if (const JsonValue text = value.find("text"); text.is_string()) {
      collect_steps(text, depth + 1, steps);
    } else if (const JsonValue name = value.find("name"); name.is_string()) {
      collect_steps(name, depth + 1, steps);
    }
  }
}

// A Recipe's ingredients and a Recipe's or HowTo's steps, the first found in the graph.
void visit_json_ld_lists(JsonValue value, int depth, JsonLdArticle& out) {
  if (depth > kMaxJsonDepth || !out.ingredients.empty() || !out.steps.empty()) return;
  if (value.is_array()) {
    for (const JsonValue item : value) visit_json_ld_lists(item, depth + 1, out);
    return;
  }
  if (!value.is_object()) return;
  const JsonValue type = value.find("@type");
  if (is_type(type, "Recipe") || is_type(type, "HowTo")) {
    for (const JsonValue item : value.find("recipeIngredient")) {
      if (item.is_string() && out.ingredients.size() < 200) out.ingredients.push_back(collapse(item.text()));
    }
    collect_steps(value.find("recipeInstructions"), 0, out.steps);
    collect_steps(value.find("step"), 0, out.steps);
    return;
  }
  visit_json_ld_lists(value.find("@graph"), depth + 1, out);
  visit_json_ld_lists(value.find("mainEntity"), depth + 1, out);
}

// JSON-LD as pages ship it: wrapped in CDATA or comments (the reader's lenient mode takes trailing commas and
// raw line breaks in strings).
std::string_view unwrap_json_ld(std::string_view text) {
  text = trim(text);
  for (std::string_view open : {"<![CDATA[", "<!--", "//<![CDATA["}) {
    if (text.rfind(open, 0) == 0) text = trim(text.substr(open.size()));
  }
  for (std::string_view close : {"//]]>", "]]>", "-->"}) {  // the longer "//]]>" first
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
  std::vector<std::string> headings;  // the first few <h1>, permalink marks removed
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
    if (node.tag == Tag::H1 && hints.headings.size() < kMaxHeadings) {
      std::string heading = collapse_title(html::text_content(document, i, 2000));
      // Documentation generators end headings with a permalink mark: "Installation¶".
      for (std::string_view mark : {"\xC2\xB6", "\xC2\xA7", "#"}) {
        if (heading.ends_with(mark))
          heading = std::string(trim(heading.substr(0, heading.size() - mark.size())));
      }
      if (hints.first_h1.empty()) hints.first_h1 = heading;
      if (!heading.empty()) hints.headings.push_back(std::move(heading));
    }
    // Past both finds, or on an element without attributes that is not <time>, nothing below can match.
    if (!hints.published.empty() && !hints.byline.empty()) continue;
    if (node.attributes.empty() && node.tag != Tag::Time) continue;
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

namespace {

// The spaces a separator may have on either side: ASCII, or no-break ones ("Headline\u00A0- Site").
std::size_t space_before(std::string_view s, std::size_t pos) {
  if (pos >= 1 && s[pos - 1] == ' ') return 1;
  if (pos >= 2 && s.substr(pos - 2, 2) == "\xC2\xA0") return 2;
  if (pos >= 3 && s.substr(pos - 3, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

std::size_t space_after(std::string_view s, std::size_t pos) {
  if (pos < s.size() && s[pos] == ' ') return 1;
  if (s.substr(pos, 2) == "\xC2\xA0") return 2;
  if (s.substr(pos, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

// Splits a title on the first kind of separator that occurs (mixing kinds would cut inside headlines).
std::vector<std::string> split_title(std::string_view title, std::string_view& separator) {
  static const std::string_view kSeparators[] = {"|", "-",  "–", "—", "::", "»", "·",
                                                 "•", "//", "/", ":", "~",  "_"};
  std::vector<std::string> parts;
  for (std::string_view sep : kSeparators) {
    std::size_t start = 0;
    for (std::size_t pos = title.find(sep); pos != std::string_view::npos; pos = title.find(sep, pos + 1)) {
      const std::size_t before = space_before(title, pos), after = space_after(title, pos + sep.size());
      if (before == 0 || after == 0 || pos - before < start) continue;
      parts.emplace_back(trim(title.substr(start, pos - before - start)));
      start = pos + sep.size() + after;
    }
    if (parts.empty()) continue;
    parts.emplace_back(trim(title.substr(start)));
    separator = sep;
    return parts;
  }
  return parts;
}

// Whole words of `needle` inside `haystack` (both normalise_key'd).
bool contains_words(const std::string& haystack, const std::string& needle) {
  return !needle.empty() && (" " + haystack + " ").find(" " + needle + " ") != std::string::npos;
}

}  // namespace

std::string strip_site_from_title(const std::string& title, const TitleHints& hints) {
  const auto& headings = hints.headings;
  auto heading_index = [&](std::string_view text) -> int {
    for (std::size_t i = 0; i < headings.size(); ++i) {
      if (equal_keys(text, headings[i])) return static_cast<int>(i);
    }
    return -1;
  };
  if (heading_index(title) >= 0) return title;
  // Past these, a "title" is some other text: it is not split (and the part matching below stays small).
  constexpr std::size_t kMaxSplitBytes = 2000, kMaxParts = 16;
  if (title.size() > kMaxSplitBytes) return title;
  std::string_view separator;
  const std::vector<std::string> parts = split_title(title, separator);
  if (parts.size() < 2 || parts.size() > kMaxParts) return title;
  const std::size_t count = parts.size();
  const std::string glue = " " + std::string(separator) + " ";
  auto join = [&](std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) {
      if (!out.empty()) out += glue;
      out += parts[i];
    }
    return out;
  };

  // A site's logo or header shown as a heading: the title's last part(s) repeated by a heading that comes
  // before the headline's own, or that is much shorter than the headline part.
  std::size_t logo_from = count;
  std::size_t longest_before_last = 0;
  for (std::size_t i = 0; i + 1 < count; ++i)
    longest_before_last = std::max(longest_before_last, parts[i].size());
  if (const int last_heading = heading_index(parts.back());
      last_heading >= 0 && parts.back().size() < longest_before_last &&
      (last_heading + 1 < static_cast<int>(headings.size()) || count_words(parts.back()) <= 3)) {
    logo_from = count - 1;
  }
  for (std::size_t from = 1; from + 1 < count && logo_from == count; ++from) {
    if (heading_index(join(from, count)) >= 0) logo_from = from;
  }

  // Site names also compared without spaces: "La Stampa" is the site "lastampa.it".
  auto compact = [](std::string key) {
    std::erase(key, ' ');
    return key;
  };
  std::vector<std::string> site_keys;
  for (const auto& site : hints.sites) {
    if (std::string key = normalise_key(site); !key.empty()) {
      site_keys.push_back(key);
      site_keys.push_back(compact(std::move(key)));
    }
  }
  auto is_site = [&](std::size_t i) {
    const std::string key = normalise_key(parts[i]);
    if (key.empty() || i >= logo_from) return true;
    const bool short_part = count_words(parts[i]) <= 6;
    for (const std::string& part_key : {key, compact(key)}) {
      if (part_key.size() < 3 && part_key != key) continue;
      for (const auto& site_key : site_keys) {
        if (part_key == site_key || (short_part && (site_key.find(part_key) != std::string::npos ||
                                                    part_key.find(site_key) != std::string::npos))) {
          return true;
        }
      }
    }
    // "Headline | Jane Doe": the author's name is no more the headline than the site's is.
    return !hints.author.empty() && equal_keys(clean_byline(parts[i]), hints.author);
  };

  if (!hints.confirmed) {
    // The part (or leading parts) the page's heading repeats is the headline, unless it names the site (a
    // logo heading); when several parts are headings ("Section - Headline"), the one with most words.
    std::size_t best = count;
    for (std::size_t i = 0; i < std::min(count, logo_from); ++i) {
      if (heading_index(parts[i]) < 0 || is_site(i)) continue;
      if (best == count || count_words(parts[i]) > count_words(parts[best])) best = i;
    }
    if (best < count) return parts[best];
    for (std::size_t to = std::min(count, logo_from); to >= 2; --to) {
      if (heading_index(join(0, to)) >= 0) return join(0, to);
    }
  }
  std::size_t first = 0, last = count;
  while (last - first > 1 && is_site(last - 1)) --last;
  while (last - first > 1 && is_site(first) && parts[first].size() < parts[first + 1].size()) ++first;
  if (first == 0 && last == count && !hints.confirmed) {
    // No part names the site: by convention a short last part of a longer title is the site, unless the
    // page's heading reads as the headline with it ("How we built X: a task framework").
    std::size_t head_words = 0;
    for (std::size_t i = 0; i + 1 < count; ++i) head_words += count_words(parts[i]);
    const std::string first_key = normalise_key(parts.front()), last_key = normalise_key(parts.back());
    const std::string first_word = first_key.substr(0, first_key.find(' '));
    bool heading_has_it = false;
    for (const auto& heading : headings) {
      const std::string key = normalise_key(heading);
      heading_has_it =
          heading_has_it || (contains_words(key, last_key) && key.rfind(first_word + " ", 0) == 0);
    }
    if (count_words(parts.back()) <= 4 && head_words >= 3 && !heading_has_it) last = count - 1;
  }
  if (first == 0 && last == count) return title;
  return join(first, last);
}

std::string strip_site_from_title(const std::string& title, const std::string& site,
                                  const std::string& heading) {
  TitleHints hints;
  if (!site.empty()) hints.sites.push_back(site);
  if (!heading.empty()) hints.headings.push_back(heading);
  return strip_site_from_title(title, hints);
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
          meta.raw_title = collapse_title(html::text_content(document, i, 4000));
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
        const std::string content(node.attr("content"));  // collapsed when read: titles keep their spaces
        if (collapse(content).empty()) break;
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
        const bool lists_found = !json_ld.ingredients.empty() || !json_ld.steps.empty();
        if ((json_ld.found && lists_found) || lower_ascii(trim(node.attr("type"))) != "application/ld+json")
          break;
        std::string script;
        for (std::uint32_t child : node.children) script += document[child].text;
        if (script.size() > (4u << 20)) break;
        report::JsonReadOptions options;
        options.max_depth = 64;
        options.lenient = true;
        const auto parsed = report::JsonDocument::parse(unwrap_json_ld(script), options);
        visit_json_ld(parsed.root(), 0, json_ld);
        visit_json_ld_lists(parsed.root(), 0, json_ld);
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
        if (it != map->end() && !it->second.empty()) return collapse(it->second);
      }
    }
    return {};
  };
  const VisibleHints visible = find_visible_hints(document);

  // Base URL for relative links: <base href> (resolved against the caller's URL), else the caller's URL, else
  // the canonical URL or og:url. Only an absolute http(s) URL is a base: a javascript: or data: one would
  // turn every relative link of the article into a script, so such a candidate is skipped, not used.
  meta.base_url = is_web_url(page_url) ? page_url : std::string();
  if (!base_href.empty()) {
    std::string declared = resolve_url(meta.base_url, base_href);
    if (is_web_url(declared)) meta.base_url = std::move(declared);
  }
  if (meta.base_url.empty()) {
    const std::string declared = meta.canonical_url.empty() ? value({"og:url"}) : meta.canonical_url;
    if (is_web_url(declared)) meta.base_url = declared;
  }
  if (meta.canonical_url.empty()) meta.canonical_url = value({"og:url"});
  if (!meta.canonical_url.empty()) meta.canonical_url = resolve_url(meta.base_url, meta.canonical_url);
  if (meta.canonical_url.empty()) meta.canonical_url = resolve_url({}, page_url);  // "" when unsafe

  // A site name declared as an address ("http://www.example.com") is not a name: the first declaration that
  // is one, else the first address's host ("example.com").
  std::string first_address;
  for (const std::string& declared : {json_ld.publisher, value({"og:site_name"}), value({"og:sitename"}),
                                      value({"application-name"}), value({"al:ios:app_name"})}) {
    if (declared.empty()) continue;
    if (!looks_like_url(declared)) {
      meta.site = declared;
      break;
    }
    if (first_address.empty()) first_address = declared;
  }
  if (meta.site.empty()) meta.site = url_host(first_address);

  if (meta.lang.empty()) meta.lang = value({"content-language", "language", "dc.language"});
  if (meta.lang.empty()) meta.lang = json_ld.lang;
  if (meta.lang.empty()) {
    std::string locale = value({"og:locale"});
    std::replace(locale.begin(), locale.end(), '_', '-');
    meta.lang = locale;
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

  TitleHints title_hints;
  title_hints.headings = visible.headings;
  title_hints.author = meta.byline;
  for (const std::string& site : {meta.site, value({"og:site_name"}), value({"application-name"})}) {
    if (!site.empty()) title_hints.sites.push_back(site);
  }
  auto is_site_name = [&](const std::string& text) {
    for (const auto& site : title_hints.sites) {
      if (equal_keys(text, site)) return true;
    }
    return false;
  };
  // JSON-LD name and headline can differ; the one the page's <title> agrees with is the title (unless that
  // one is the site's name: the name of a page's publisher is in its <title> too).
  std::string title = json_ld.headline.empty() ? json_ld.name : json_ld.headline;
  if (!json_ld.name.empty() && !json_ld.headline.empty() && json_ld.name != json_ld.headline) {
    const std::string page_key = normalise_key(meta.raw_title);
    const bool name_in_title = page_key.find(normalise_key(json_ld.name)) != std::string::npos;
    const bool headline_in_title = page_key.find(normalise_key(json_ld.headline)) != std::string::npos;
    if (name_in_title && !headline_in_title && !is_site_name(json_ld.name)) title = json_ld.name;
  }
  if (is_site_name(title)) title.clear();
  if (title.empty()) {
    // The first title meta tag that is not the site's own name ("og:title" = "Example News - Latest").
    auto meta_title = [&]() -> std::string {
      for (const auto* map : {&property_values, &values}) {
        for (const char* key : {"dc.title", "dc:title", "dcterm:title", "dcterms.title", "og:title", "title",
                                "twitter:title", "parsely-title", "sailthru.title"}) {
          const auto it = map->find(key);
          if (it == map->end()) continue;
          std::string candidate = collapse_title(it->second);
          if (!candidate.empty() && !is_site_name(candidate)) return candidate;
        }
      }
      return {};
    };
    title = meta_title();
  }
  // A <title> that the page's heading repeats word for word is the headline, whatever the metadata says.
  const std::size_t title_words = count_words(meta.raw_title);
  if (!title.empty() && title_words >= 3 && !is_site_name(meta.raw_title)) {
    bool raw_is_heading = false, title_is_heading = false;
    for (const auto& heading : visible.headings) {
      raw_is_heading = raw_is_heading || equal_keys(meta.raw_title, heading);
      title_is_heading = title_is_heading || equal_keys(title, heading);
    }
    const bool title_in_raw = normalise_key(meta.raw_title).find(normalise_key(title)) != std::string::npos;
    if (raw_is_heading && !title_is_heading && !title_in_raw) title = meta.raw_title;
  }
  if (title.empty()) title = meta.raw_title;
  if (title.empty()) title = visible.first_h1;
  int share_titles = 0;
  for (const std::string& share : {json_ld.headline, value({"og:title"}), value({"twitter:title"})})
    share_titles += equal_keys(share, title);
  // Agreeing share titles were written without the site when they differ from the <title>, or when the site
  // has a name the page gives and they do not contain it.
  title_hints.confirmed =
      share_titles >= 2 && (!equal_keys(title, meta.raw_title) || !title_hints.sites.empty());
  meta.title = strip_site_from_title(title, title_hints);
  // A site name taken from the page's own <title> when no meta tag says it: "Headline | Site".
  if (meta.site.empty() && !meta.raw_title.empty() && meta.raw_title != meta.title) {
    const std::string stripped = strip_site_from_title(meta.raw_title, "", visible.first_h1);
    if (stripped != meta.raw_title && meta.raw_title.size() > stripped.size() + 3) {
      const auto pos = meta.raw_title.find(stripped);
      std::string rest = pos == 0 ? meta.raw_title.substr(stripped.size()) : std::string();
      // Drop the separator and its spaces (ASCII or no-break) before the site name.
      while (!rest.empty()) {
        if (rest.starts_with("\xC2\xA0")) {
          rest.erase(0, 2);
        } else if (rest.starts_with("\xE2\x80\xAF") || rest.starts_with("\xE3\x80\x80")) {
          rest.erase(0, 3);
        } else if (static_cast<unsigned char>(rest.front()) < 0x30 || rest.front() == '|') {
          rest.erase(0, 1);
        } else {
          break;
        }
      }
      if (!rest.empty() && count_words(rest) <= 5 && (rest.front() & 0x80) == 0)
        meta.site = std::string(trim(rest));
    }
  }

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
  meta.json_ld_ingredients = std::move(json_ld.ingredients);
  meta.json_ld_steps = std::move(json_ld.steps);
  return meta;
}

}  // namespace articlescope::clean
