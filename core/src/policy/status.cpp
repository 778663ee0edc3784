#include "policy/status.hpp"

#include <algorithm>

namespace articlescope::policy {

int classify(const Features& features, const Models& models) {
  float scores[kNumDetectClasses] = {};
  score(models.detect, features, scores);
  // One decision over "none" and the six statuses: a cascade (provision or not, then proposed or in force,
  // then which status in force) made its steps apart and lost the status's evidence in the first one.
  const float* best = std::max_element(scores + 1, scores + kNumDetectClasses);
  if (*best - scores[kDetectNone] <= models.threshold()) return kNoProvision;
  return static_cast<int>(best - scores) - 1;
}

int in_force_status(const Features& features, const Models& models) {
  float scores[kNumDetectClasses] = {};
  score(models.detect, features, scores);
  int best = detect_class(Status::Allowed);
  for (int k = best + 1; k < kNumDetectClasses; ++k)
    if (k != detect_class(Status::Proposed) && scores[k] > scores[best]) best = k;
  return best - 1;
}

std::vector<int> classify(const SentenceView& s, const std::vector<Candidate>& candidates,
                          const Models& models) {
  std::vector<int> classes(candidates.size(), kNoProvision);
  Features features;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    features.clear();
    status_features(s, candidates, k, features);
    classes[k] = classify(features, models);
  }
  return classes;
}

}  // namespace articlescope::policy
