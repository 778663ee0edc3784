// A linear pre-pass that caps the nesting depth of markup before gumbo sees it: gumbo's scope checks walk the
// stack of open elements, so a page of 100,000 nested tags would take quadratic time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace articlescope::html {

/// Returns `html` with start tags (and their end tags) beyond `max_depth` open elements removed, or an empty
/// string with `cut` false when nothing had to be removed (the common case: no copy).
std::string limit_nesting(std::string_view html, std::size_t max_depth, bool& cut);

}  // namespace articlescope::html
