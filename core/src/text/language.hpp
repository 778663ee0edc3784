// Which language an article is in: its declaration, or a small built-in identifier over the text.
// The entity and policy models are English; this decides whether they may run.
#pragma once

#include <string>
#include <string_view>

namespace articlescope::text {

/// What the identifier found. `tag` is a BCP 47 primary subtag ("en", "de") or, for a script the
/// identifier does not split into languages, "und-" plus the ISO 15924 script ("und-Cyrl"); empty when
/// the text is too short or too mixed to tell.
struct Language {
  std::string tag;
  std::string name;  ///< in English, for messages ("German", "a language in Cyrillic script")
};

/// Identifies the language of `text` from its script and its most frequent function words. Conservative:
/// an empty tag unless the evidence is clear (at least a few dozen words, one language well ahead).
Language identify_language(std::string_view text);

/// The language of an article: the text's identified language when the identifier is sure, else the
/// declared one (`declared` is an HTML lang value such as "en-GB", possibly empty), else English.
Language article_language(std::string_view declared, std::string_view text);

/// English name of a primary language subtag ("de" -> "German"); the tag itself when unknown.
std::string language_name(std::string_view tag);

}  // namespace articlescope::text
