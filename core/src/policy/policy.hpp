// The policy stage: clause-level provisions (allowed / prohibited / ...) with roles, scopes and flags.
// Steps, one file each: candidates (candidates.cpp) -> status (status.cpp) -> roles (roles.cpp) ->
// structure (structure.cpp) -> summary (summary.cpp). The learned parts are in model.cpp, their features in
// features.cpp.
#pragma once

#include <articlescope/articlescope.hpp>

#include "policy/model.hpp"
#include "text/segment.hpp"

#include <vector>

namespace articlescope::policy {

/// Every provision in the article, in text order. `entities` may be empty (the stage was switched off).
std::vector<Provision> extract(const Article& article, const text::TextIndex& index,
                               const std::vector<Entity>& entities);
/// The same with the given models (training and cross-validation).
std::vector<Provision> extract(const Article& article, const text::TextIndex& index,
                               const std::vector<Entity>& entities, const Models& models);

/// The two-column view of the provisions of article text `text`.
PolicySummary summarise(const std::string& text, const std::vector<Provision>& provisions);

}  // namespace articlescope::policy
