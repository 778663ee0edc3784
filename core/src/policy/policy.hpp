// The policy stage: clause-level provisions (allowed / prohibited / ...) with roles, scopes and flags.
#pragma once

#include <articlescope/articlescope.hpp>

#include "text/segment.hpp"

#include <vector>

namespace articlescope::policy {

/// Every provision in the article, in text order. `entities` may be empty (the stage was switched off).
std::vector<Provision> extract(const Article& article, const text::TextIndex& index,
                               const std::vector<Entity>& entities);

/// The two-column view of the provisions.
PolicySummary summarise(const std::vector<Provision>& provisions);

}  // namespace articlescope::policy
