#include "html/nesting.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace articlescope::html {

namespace {

constexpr std::array<std::string_view, 16> kVoid = {"area",  "base",  "br",     "col",     "embed", "hr",
                                                    "img",   "input", "link",   "meta",    "param", "source",
                                                    "track", "wbr",   "keygen", "basefont"};
constexpr std::array<std::string_view, 8> kRawText = {"script", "style",   "textarea", "title",
                                                      "xmp",    "noembed", "noframes", "plaintext"};
// Elements that an open sibling of the same kind closes implicitly (<p>a<p>b, <li>a<li>b).
constexpr std::array<std::string_view, 11> kSelfClosing = {"p",  "li", "dt",    "dd",    "option", "tr",
                                                           "td", "th", "thead", "tbody", "tfoot"};
constexpr std::size_t kEndTagSearch = 64;  // how far down the stack an end tag looks for its start tag

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool is_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

struct Open {
  std::string name;
  bool dropped;
};

// The end of the tag starting at `i` ('<'), past its '>', honouring quoted attribute values.
std::size_t tag_end(std::string_view s, std::size_t i) {
  char quote = 0;
  for (std::size_t k = i + 1; k < s.size(); ++k) {
    const char c = s[k];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return k + 1;
    }
  }
  return s.size();
}

std::string read_name(std::string_view s, std::size_t i) {
  std::string name;
  while (i < s.size() && (is_alpha(s[i]) || (s[i] >= '0' && s[i] <= '9') || s[i] == '-')) {
    name += static_cast<char>(s[i] | 0x20);
    ++i;
  }
  return name;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if ((s[k] | 0x20) != prefix[k]) return false;
  }
  return true;
}

bool equals_ci(std::string_view s, std::string_view word) {
  return s.size() == word.size() && starts_with_ci(s, word);
}

// A start tag that may declare JSON-LD, which the metadata reader parses: any mention of "json", since the
// type may be written with character references (type="application&#x2F;ld&#x2B;json").
bool may_be_json_ld(std::string_view start_tag) {
  for (std::size_t k = 0; k < start_tag.size(); ++k) {
    if (starts_with_ci(start_tag.substr(k), "json")) return true;
  }
  return false;
}

// Attributes that nothing downstream reads and that are a sixth of a typical page's markup once scripts are
// gone: SVG path data, responsive-image lists, event handlers, data-* (but the lazy-image sources the cleaner
// reads), ARIA (but aria-hidden).
bool is_unread_attribute(std::string_view name) {
  if (starts_with_ci(name, "data-")) {
    for (std::string_view kept : {"data-src", "data-original", "data-lazy-src", "data-url"}) {
      if (equals_ci(name, kept)) return false;
    }
    return true;
  }
  if (starts_with_ci(name, "aria-")) return !equals_ci(name, "aria-hidden");
  if (name.size() > 2 && starts_with_ci(name, "on")) return true;
  if (starts_with_ci(name, "xmlns") || starts_with_ci(name, "stroke") || starts_with_ci(name, "fill"))
    return true;
  for (std::string_view unread :
       {"d", "srcset", "sizes", "xlink:href", "viewbox", "transform", "points", "tabindex", "target"}) {
    if (equals_ci(name, unread)) return true;
  }
  return false;
}

// The byte ranges of unread attributes (with the white space before each) in the start tag s[from, end),
// where `from` follows the tag name and s[end - 1] is its '>'. Nothing when the tag does not tokenise
// cleanly.
std::vector<std::pair<std::size_t, std::size_t>> unread_attributes(std::string_view s, std::size_t from,
                                                                   std::size_t end) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  std::size_t k = from;
  while (true) {
    const std::size_t attribute_start = k;
    while (k < end && (is_space(s[k]) || s[k] == '/')) ++k;
    if (k >= end || s[k] == '>') return k == end - 1 ? ranges : decltype(ranges){};
    const std::size_t name_start = k;
    while (k < end && !is_space(s[k]) && s[k] != '/' && s[k] != '>' && s[k] != '=') ++k;
    const std::string_view name = s.substr(name_start, k - name_start);
    if (name.find_first_of("\"'<") != std::string_view::npos) return {};  // leave odd markup to gumbo
    std::size_t after_name = k;
    while (k < end && is_space(s[k])) ++k;
    if (k < end && s[k] == '=') {
      ++k;
      while (k < end && is_space(s[k])) ++k;
      if (k < end && (s[k] == '"' || s[k] == '\'')) {
        const std::size_t close = s.find(s[k], k + 1);
        if (close == std::string_view::npos || close >= end) return {};
        k = close + 1;
      } else {
        while (k < end && !is_space(s[k]) && s[k] != '>') ++k;
      }
      after_name = k;
    }
    k = after_name;
    if (attribute_start == name_start && attribute_start != from) return {};  // attributes must be separated
    if (is_unread_attribute(name)) ranges.emplace_back(attribute_start, k);
  }
}

}  // namespace

Prepared prepare_markup(std::string_view s, std::size_t max_depth) {
  Prepared result;
  std::string& out = result.html;
  std::vector<Open> stack;
  std::size_t copied = 0;  // s[copied, i) is still to be appended to out once anything is cut
  const auto drop = [&](std::size_t from, std::size_t to) {
    if (from >= to) return;
    if (!result.changed) out.reserve(s.size());
    result.changed = true;
    out.append(s.substr(copied, from - copied));
    copied = to;
  };
  std::size_t i = 0;
  while (i < s.size()) {
    i = s.find('<', i);
    if (i == std::string_view::npos) break;
    if (s.compare(i, 4, "<!--") == 0) {
      const std::size_t end = s.find("-->", i + 4);
      const std::size_t after = end == std::string_view::npos ? s.size() : end + 3;
      drop(i, after);  // gumbo keeps comments as nodes that nothing reads
      i = after;
      continue;
    }
    if (i + 1 < s.size() && (s[i + 1] == '!' || s[i + 1] == '?')) {
      i = tag_end(s, i);
      continue;
    }
    const bool closing = i + 1 < s.size() && s[i + 1] == '/';
    const std::size_t name_start = i + (closing ? 2 : 1);
    if (name_start >= s.size() || !is_alpha(s[name_start])) {
      ++i;
      continue;
    }
    const std::string name = read_name(s, name_start);
    const std::size_t end = tag_end(s, i);
    if (closing) {
      const std::size_t floor = stack.size() > kEndTagSearch ? stack.size() - kEndTagSearch : 0;
      for (std::size_t k = stack.size(); k > floor; --k) {
        if (stack[k - 1].name != name) continue;
        if (stack[k - 1].dropped) {
          drop(i, end);
          result.flattened = true;
        }
        stack.resize(k - 1);
        break;
      }
      i = end;
      continue;
    }
    const bool self_closed = end >= 2 && s[end - 2] == '/';
    if (in(kRawText, name)) {  // skip the raw text so markup inside a script is not counted
      std::size_t close = end;
      while (true) {
        close = s.find("</", close);
        if (close == std::string_view::npos || read_name(s, close + 2) == name) break;
        close += 2;
      }
      // Script and style bodies are a third of a typical page and nothing reads them but JSON-LD; gumbo
      // would copy them character by character.
      if (close != std::string_view::npos &&
          (name == "style" || (name == "script" && !may_be_json_ld(s.substr(i, end - i))))) {
        drop(end, close);
      }
      i = close == std::string_view::npos ? s.size() : close;
      continue;
    }
    const auto drop_unread_attributes = [&] {
      for (const auto& [from, to] : unread_attributes(s, name_start + name.size(), end)) drop(from, to);
    };
    if (in(kVoid, name) || self_closed) {
      drop_unread_attributes();
      i = end;
      continue;
    }
    if (in(kSelfClosing, name) && !stack.empty() && stack.back().name == name) stack.pop_back();
    const bool too_deep = stack.size() >= max_depth;
    if (too_deep) {
      drop(i, end);
      result.flattened = true;
    } else {
      drop_unread_attributes();
    }
    stack.push_back({name, too_deep});
    i = end;
  }
  if (result.changed) out.append(s.substr(copied));
  return result;
}

}  // namespace articlescope::html
