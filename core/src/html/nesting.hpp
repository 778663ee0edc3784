// A linear pre-pass over the markup before gumbo sees it. It caps the nesting depth, because gumbo's scope
// checks walk the stack of open elements and a page of 100,000 nested tags would take quadratic time. It also
// removes script and style bodies and comments, which are a third of a typical page that gumbo would otherwise
// tokenise character by character.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace articlescope::html {

/// The markup gumbo should parse instead of the page's, when it differs.
struct Prepared {
  std::string html;        ///< the rewritten markup; empty when `changed` is false (no copy)
  bool changed = false;    ///< anything was removed
  bool flattened = false;  ///< start tags beyond the depth limit were removed
  bool attributes_capped = false;  ///< attributes beyond kMaxAttributes on one tag were removed
};

/// Attributes one tag keeps at most (real pages stay under ~130): gumbo's duplicate-attribute check is
/// quadratic in their number.
inline constexpr std::size_t kMaxAttributes = 256;

/// Removes start tags (and their end tags) beyond `max_depth` open elements, and what nothing downstream
/// reads: comments, the bodies of styles and scripts (JSON-LD scripts are kept) and attributes that nothing
/// reads (SVG path data, srcset, event handlers, most data-* and aria-*), and attributes past kMaxAttributes.
Prepared prepare_markup(std::string_view html, std::size_t max_depth);

}  // namespace articlescope::html
