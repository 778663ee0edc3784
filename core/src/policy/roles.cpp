#include "policy/roles.hpp"

#include <limits>

namespace articlescope::policy {

void role_emissions(const SentenceView& s, const Candidate& c, const learn::Model& model, std::vector<float>& out) {
  const std::size_t n = s.words.size();
  out.assign(n * kNumRoleTags, 0.0f);
  const RoleContext context = role_context(s, c);
  Features features;
  for (std::size_t j = 0; j < n; ++j) {
    features.clear();
    role_features(s, context, j, features);
    score(model, features, out.data() + j * kNumRoleTags);
  }
}

void role_viterbi(const float* emissions, std::size_t n, const float* transitions, std::vector<int>& tags) {
  tags.assign(n, kO);
  if (n == 0) return;
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  std::vector<float> score(n * kNumRoleTags, kNone);
  std::vector<int> back(n * kNumRoleTags, 0);
  for (int t = 0; t < kNumRoleTags; ++t) {
    if (role_transition_allowed(-1, t)) score[t] = transitions[t] + emissions[t];
  }
  for (std::size_t i = 1; i < n; ++i) {
    for (int t = 0; t < kNumRoleTags; ++t) {
      float best = kNone;
      int arg = 0;
      for (int p = 0; p < kNumRoleTags; ++p) {
        const float prev = score[(i - 1) * kNumRoleTags + p];
        if (prev == kNone || !role_transition_allowed(p, t)) continue;
        const float v = prev + transitions[(p + 1) * kNumRoleTags + t];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      if (best == kNone) continue;
      score[i * kNumRoleTags + t] = best + emissions[i * kNumRoleTags + t];
      back[i * kNumRoleTags + t] = arg;
    }
  }
  int best = 0;
  for (int t = 1; t < kNumRoleTags; ++t) {
    if (score[(n - 1) * kNumRoleTags + t] > score[(n - 1) * kNumRoleTags + best]) best = t;
  }
  for (std::size_t i = n; i-- > 0;) {
    tags[i] = best;
    best = back[i * kNumRoleTags + best];
  }
}

Roles roles_from_tags(const std::vector<int>& tags) {
  Roles roles;
  const std::size_t n = tags.size();
  for (std::size_t i = 0; i < n;) {
    const int t = tags[i];
    if (t == kO || (t % 2) == 0) {  // O, or an I- tag without its B- (cannot happen after Viterbi)
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < n && tags[j] == t + 1) ++j;
    const WordRange range{i, j};
    if (t == kBAction && roles.action.empty()) roles.action = range;
    if (t == kBSubject && roles.subject.empty()) roles.subject = range;
    if (t == kBActor && roles.actor.empty()) roles.actor = range;
    if (t == kBScope) roles.scopes.push_back(range);
    i = j;
  }
  return roles;
}

Roles label_roles(const SentenceView& s, const Candidate& c, const Models& models) {
  std::vector<float> emissions;
  role_emissions(s, c, models.roles, emissions);
  std::vector<int> tags;
  role_viterbi(emissions.data(), s.words.size(), models.role_transitions(), tags);
  return roles_from_tags(tags);
}

}  // namespace articlescope::policy
