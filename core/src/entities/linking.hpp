// Within-article linking: mentions of one entity share a group ("Biden" -> "Joe Biden", "NSC" ->
// "National Security Council").
#pragma once

#include <articlescope/articlescope.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace articlescope::entities {

/// Sets Entity::id of every mention (sorted by start) and returns the groups, numbered by first mention.
/// May retype a single-word ORG/LOCATION mention that is the surname of a PERSON in the same article.
std::vector<EntityGroup> link(std::vector<Entity>& mentions);

/// Initials of a multi-word name ("National Security Council" -> "NSC"; "of", "the", "and" skipped).
std::string initials(std::string_view name);

/// The name without leading titles ("President Joe Biden" -> "Joe Biden", "Lt. Col. Jane Smith" -> "Jane
/// Smith").
std::string_view strip_titles(std::string_view name);

}  // namespace articlescope::entities
