// Step 2 of the policy stage: the status classifier. For every candidate, "no provision" or one of the six
// statuses, in one decision, from the candidate's features (features.hpp) and the learned weights
// (model.hpp).
#pragma once

#include <vector>

#include "policy/candidates.hpp"
#include "policy/model.hpp"
#include "policy/sentence.hpp"

namespace articlescope::policy {

/// The class of each candidate: kNoProvision, or the index of its articlescope::Status.
std::vector<int> classify(const SentenceView& s, const std::vector<Candidate>& candidates,
                          const Models& models);

/// The class of one candidate from its features.
int classify(const Features& features, const Models& models);

/// The best status in force (allowed, prohibited, excluded, lifted or imposed) of a candidate, whatever the
/// detector's best class is.
int in_force_status(const Features& features, const Models& models);

}  // namespace articlescope::policy
