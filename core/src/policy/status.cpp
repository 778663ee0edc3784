#include "policy/status.hpp"

#include <algorithm>

namespace articlescope::policy {

int classify(const Features& features, const Models& models) {
  float detect[kNumDetectClasses] = {};
  score(models.detect, features, detect);
  const float provision = std::max(detect[kDetectInForce], detect[kDetectProposed]);
  if (provision - detect[kDetectNone] <= models.threshold()) return kNoProvision;
  if (detect[kDetectProposed] > detect[kDetectInForce]) return static_cast<int>(Status::Proposed);
  return in_force_status(features, models);
}

int in_force_status(const Features& features, const Models& models) {
  float scores[kNumStatusClasses] = {};
  score(models.status, features, scores);
  return static_cast<int>(std::max_element(scores, scores + kNumStatusClasses) - scores);
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
