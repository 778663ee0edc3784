// Boilerplate recognition by class/id/role hints and by the words of short blocks, in many languages.
#pragma once

#include "html/dom.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>

namespace articlescope::clean {

/// What a hint says about an element. `reason` is "" when the hint is neutral.
struct HintVerdict {
  int weight = 0;               ///< Readability-style class weight: +25 article-like, -25 boilerplate-like
  std::string_view reason;      ///< boilerplate kind when the element is unlikely to be content
  bool strong_content = false;  ///< itemprop=articleBody or an unmistakable article-body class
  bool layout_only = false;  ///< the only boilerplate cue is "widget", which page builders give every element
  bool ticker = false;  ///< named for a news ticker or a breaking-news bar ("newsticker", "breaking-news")
  bool live = false;    ///< named for a live ticker or a live blog ("liveticker", "live-updates")
};

/// Judges an element by its class, id, role, itemprop and aria attributes.
HintVerdict judge_hints(const html::Node& node);

/// judge_hints() as if the element had no id (for ids that only name a section's heading).
HintVerdict judge_hints_without_id(const html::Node& node);

/// judge_hints() with a memory per document: pages repeat the same class lists on hundreds of elements, and
/// matching them against every hint pattern was a tenth of the analysis time.
class HintJudge {
 public:
  /// The same verdict as judge_hints(node).
  HintVerdict judge(const html::Node& node);

 private:
  std::unordered_map<std::string, HintVerdict> verdicts_;
  std::string key_;
};

/// True when the element is hidden (hidden attribute, aria-hidden, display:none, visibility:hidden).
bool is_hidden_element(const html::Node& node);

/// The boilerplate kind of a short block of text ("share", "newsletter", "related", "ad", "cookie",
/// "comments", "legal"), or "" when it reads like content.
std::string_view boilerplate_text_kind(std::string_view text);

/// True when a heading or short label announces a boilerplate section ("Related articles", "Comments").
std::string_view boilerplate_heading_kind(std::string_view text);

/// Where a photo credit starts in the text of a caption ("… in Berlin. Foto: dpa", "… (REUTERS/Jane Doe)",
/// "© Agency"), or npos. Only a credit that runs to the end of the text counts: a marker in the middle of a
/// long caption is part of what the caption says.
std::size_t caption_credit_start(std::string_view text);

/// True when the element's class or id, lower-cased, contains one of `words` ("gallery" in "photo-gallery").
bool names_any(const html::Node& node, std::initializer_list<std::string_view> words);

/// True when the class, id or itemprop of an element inside a caption names a credit ("credit", "copyright",
/// "photographer", "source", itemprop "creator"), and not also the caption ("caption-credit" holds both).
bool is_credit_element(const html::Node& node);

/// True when `href` asks a social network or mail program to share the page (facebook.com/sharer.php,
/// twitter.com/intent/tweet, wa.me/?text=, mailto:?subject=...).
bool is_share_url(std::string_view href);

/// True when a link's text is a "read more" label ("Weiterlesen...", "Lire la suite »"), in many languages.
bool is_read_more_label(std::string_view text);

}  // namespace articlescope::clean
