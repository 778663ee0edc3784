#include "html/nesting.hpp"

#include <algorithm>
#include <array>
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

// A start tag that may declare JSON-LD, which the metadata reader parses: any mention of "json", since the
// type may be written with character references (type="application&#x2F;ld&#x2B;json").
bool may_be_json_ld(std::string_view start_tag) {
  constexpr std::string_view kMarker = "json";
  for (std::size_t k = 0; k + kMarker.size() <= start_tag.size(); ++k) {
    std::size_t m = 0;
    while (m < kMarker.size() && (start_tag[k + m] | 0x20) == (kMarker[m] | 0x20)) ++m;
    if (m == kMarker.size()) return true;
  }
  return false;
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
      if (close != std::string_view::npos && (name == "style" || (name == "script" && !may_be_json_ld(s.substr(i, end - i))))) {
        drop(end, close);
      }
      i = close == std::string_view::npos ? s.size() : close;
      continue;
    }
    if (in(kVoid, name) || self_closed) {
      i = end;
      continue;
    }
    if (in(kSelfClosing, name) && !stack.empty() && stack.back().name == name) stack.pop_back();
    const bool too_deep = stack.size() >= max_depth;
    if (too_deep) {
      drop(i, end);
      result.flattened = true;
    }
    stack.push_back({name, too_deep});
    i = end;
  }
  if (result.changed) out.append(s.substr(copied));
  return result;
}

}  // namespace articlescope::html
