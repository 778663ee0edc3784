// The entity stage: typed mentions with exact offsets, linked within the article.
#pragma once

#include <articlescope/articlescope.hpp>

#include "text/segment.hpp"

#include <vector>

namespace articlescope::entities {

class Tagger;

struct Result {
  std::vector<Entity> mentions;     ///< sorted by start, non-overlapping
  std::vector<EntityGroup> groups;  ///< Entity::id indexes this
};

/// Tags PERSON/ORG/LOCATION/NORP with the statistical model, adds DATE/MONEY/QUANTITY/WEAPON from rules,
/// and links mentions of one entity. Without `english` (an article in another language) only what does not
/// read English words is kept: dates, money and quantities by their form, and gazetteer NORP.
Result extract(const Article& article, const text::TextIndex& index, bool english = true);
/// The same with another tagger than the embedded one (benchmarks compare taggers on the whole stage).
Result extract(const Article& article, const text::TextIndex& index, const Tagger& tagger,
               bool english = true);

}  // namespace articlescope::entities
