#include "policy/status.hpp"

#include <algorithm>

namespace articlescope::policy {

int classify(const Features& features, const Models& models) {
  float detect[2] = {};
  score(models.detect, features, detect);
  if (detect[1] - detect[0] <= models.threshold()) return kNoProvision;
  float scores[kNumStatusClasses] = {};
  score(models.status, features, scores);
  return static_cast<int>(std::max_element(scores, scores + kNumStatusClasses) - scores);
}

std::vector<int> classify(const SentenceView& s, const std::vector<Candidate>& candidates, const Models& models) {
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
