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
// gone: SVG path data, responsive-image lists, event handlers, data-* (but the lazy-image sources and the
// collapse toggles' targets the cleaner reads), ARIA (but aria-hidden and what ties a toggle to its panel).
bool is_unread_attribute(std::string_view name) {
  if (starts_with_ci(name, "data-")) {
    for (std::string_view kept : {"data-src", "data-original", "data-lazy-src", "data-url", "data-toggle",
                                  "data-bs-toggle", "data-target", "data-bs-target"}) {
      if (equals_ci(name, kept)) return false;
    }
    return true;
  }
  if (starts_with_ci(name, "aria-")) {
    return !equals_ci(name, "aria-hidden") && !equals_ci(name, "aria-expanded") &&
           !equals_ci(name, "aria-controls");
  }
  if (name.size() > 2 && starts_with_ci(name, "on")) return true;
  if (starts_with_ci(name, "xmlns") || starts_with_ci(name, "stroke") || starts_with_ci(name, "fill"))
    return true;
  for (std::string_view unread :
       {"d", "srcset", "sizes", "xlink:href", "viewbox", "transform", "points", "tabindex", "target"}) {
    if (equals_ci(name, unread)) return true;
  }
  return false;
}

// One attribute of a tag as the HTML tokenizer splits it: s[start, end) with the white space before it,
// its name s[name_start, name_end).
struct Attribute {
  std::size_t start, name_start, name_end, end;
  bool odd;  ///< its name holds a quote or '<', or nothing separates it from the one before
};

// Walks the tag whose name starts at `name_start` (after "<" or "</") the way the HTML tokenizer does (quotes
// count only around a value) and calls visit(attribute) for each attribute until it returns false. Returns
// the end of the tag, past its '>' (s.size() when the page ends inside it).
template <class Visit>
std::size_t scan_tag(std::string_view s, std::size_t name_start, Visit&& visit) {
  const std::size_t n = s.size();
  std::size_t k = name_start;
  while (k < n && !is_space(s[k]) && s[k] != '/' && s[k] != '>') ++k;
  bool separated = true;
  bool visiting = true;
  while (true) {
    const std::size_t start = k;
    while (k < n && (is_space(s[k]) || s[k] == '/')) ++k;
    if (k >= n) return n;
    if (s[k] == '>') return k + 1;
    const std::size_t name = k++;  // the first character belongs to the name even when it is '='
    while (k < n && !is_space(s[k]) && s[k] != '/' && s[k] != '>' && s[k] != '=') ++k;
    const std::size_t name_end = k;
    bool odd = !separated;
    for (std::size_t c = name; c < name_end && !odd; ++c) odd = s[c] == '"' || s[c] == '\'' || s[c] == '<';
    std::size_t end = name_end;
    while (k < n && is_space(s[k])) ++k;
    separated = true;
    if (k < n && s[k] == '=') {
      ++k;
      while (k < n && is_space(s[k])) ++k;
      if (k < n && (s[k] == '"' || s[k] == '\'')) {
        const std::size_t close = s.find(s[k], k + 1);
        if (close == std::string_view::npos) return n;
        k = close + 1;
        separated = k < n && (is_space(s[k]) || s[k] == '/' || s[k] == '>');
      } else {
        while (k < n && !is_space(s[k]) && s[k] != '>') ++k;
      }
      end = k;
    } else {
      k = name_end;  // the white space after a bare name belongs to the next attribute
    }
    if (visiting) visiting = visit(Attribute{start, name, name_end, end, odd});
  }
}

}  // namespace

Prepared prepare_markup(std::string_view s, std::size_t max_depth) {
  Prepared result;
  std::string& out = result.html;
  std::vector<Open> stack;
  std::size_t foreign = 0;  // open svg and math elements
  std::size_t copied = 0;   // s[copied, i) is still to be appended to out once anything is cut
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
    // First walk: where the tag ends, whether its attributes tokenise cleanly, and whether any must go.
    bool odd = false;
    bool any_unread = false;
    std::size_t count = 0;
    const std::size_t end = scan_tag(s, name_start, [&](const Attribute& a) {
      odd = odd || a.odd;
      any_unread = any_unread || is_unread_attribute(s.substr(a.name_start, a.name_end - a.name_start));
      ++count;
      return true;
    });
    const bool terminated = s[end - 1] == '>';
    // Second walk, when needed: drops unread attributes (only from a tag that tokenises cleanly, leaving odd
    // markup to gumbo) and every attribute past the cap (from any tag: gumbo's duplicate check is quadratic).
    const auto edit_attributes = [&](bool drop_unread) {
      drop_unread = drop_unread && any_unread && terminated && !odd;
      if (!drop_unread && count <= kMaxAttributes) return;
      std::size_t kept = 0;
      std::size_t cut = std::string_view::npos;
      scan_tag(s, name_start, [&](const Attribute& a) {
        if (drop_unread && is_unread_attribute(s.substr(a.name_start, a.name_end - a.name_start))) {
          drop(a.start, a.end);
          return true;
        }
        if (++kept <= kMaxAttributes) return true;
        cut = a.start;
        return false;
      });
      if (cut == std::string_view::npos) return;
      std::size_t close = terminated ? end - 1 : end;
      if (terminated && close > cut && s[close - 1] == '/') --close;  // keeps a self-closing slash
      drop(cut, close);
      result.attributes_capped = true;
    };
    if (closing) {
      const std::size_t floor = stack.size() > kEndTagSearch ? stack.size() - kEndTagSearch : 0;
      bool dropped = false;
      for (std::size_t k = stack.size(); k > floor; --k) {
        if (stack[k - 1].name != name) continue;
        if (stack[k - 1].dropped) {
          drop(i, end);
          result.flattened = dropped = true;
        }
        for (std::size_t popped = k - 1; popped < stack.size(); ++popped) {
          if (stack[popped].name == "svg" || stack[popped].name == "math") --foreign;
        }
        stack.resize(k - 1);
        break;
      }
      if (!dropped) edit_attributes(false);
      i = end;
      continue;
    }
    // "/>" closes an element only in SVG and MathML; in HTML, <div/> opens a div like <div>.
    const bool self_closed =
        end >= 2 && s[end - 2] == '/' && (foreign > 0 || name == "svg" || name == "math");
    if (in(kRawText, name)) {  // skip the raw text so markup inside a script is not counted
      edit_attributes(false);
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
    if (in(kVoid, name) || self_closed) {
      edit_attributes(true);
      i = end;
      continue;
    }
    if (in(kSelfClosing, name) && !stack.empty() && stack.back().name == name) stack.pop_back();
    const bool too_deep = stack.size() >= max_depth;
    if (too_deep) {
      drop(i, end);
      result.flattened = true;
    } else {
      edit_attributes(true);
    }
    stack.push_back({name, too_deep});
    if (name == "svg" || name == "math") ++foreign;
    i = end;
  }
  if (result.changed) out.append(s.substr(copied));
  return result;
}

}  // namespace articlescope::html
