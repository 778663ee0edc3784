// The cleaning stage: the real article out of a web page or pasted text.
#pragma once

#include <articlescope/articlescope.hpp>

#include <string_view>
#include <vector>

namespace articlescope::clean {

/// Finds the article in an HTML page: metadata, blocks, clean text and sanitised HTML.
/// Adds NotReaderable / Truncated warnings when they apply. Input is valid UTF-8.
Article clean_html(std::string_view html, const Options& options, std::vector<Diagnostic>& warnings);

/// Cleans pasted plain text: title line, repeated title, headings, trailing boilerplate. Input is valid
/// UTF-8.
Article clean_text(std::string_view text, const Options& options, std::vector<Diagnostic>& warnings);

/// The input verbatim as the article text (Options::clean == false): offsets point into the input.
Article verbatim_text(std::string_view text);

/// True when the input looks like HTML markup rather than plain text.
bool looks_like_html(std::string_view input);

}  // namespace articlescope::clean
