// Placeholder entity stage (replaced by the tagger): no mentions.
#include "entities/entities.hpp"

namespace articlescope::entities {

Result extract(const Article&, const text::TextIndex&) { return {}; }

}  // namespace articlescope::entities
