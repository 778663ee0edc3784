// Placeholder policy stage (replaced by the provision extractor): no provisions.
#include "policy/policy.hpp"

namespace articlescope::policy {

std::vector<Provision> extract(const Article&, const text::TextIndex&, const std::vector<Entity>&) { return {}; }

PolicySummary summarise(const std::vector<Provision>&) { return {}; }

}  // namespace articlescope::policy
