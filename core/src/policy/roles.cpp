#include "policy/roles.hpp"

#include <limits>

namespace articlescope::policy {

void role_emissions(const SentenceView& s, const Candidate& c, const learn::Model& model,
                    std::vector<float>& out) {
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

namespace {

// The bit a tag sets in the mask of single roles begun (action, subject, actor); 0 for O, I- tags and scopes.
int single_role_bit(int t) { return t == kBAction ? 1 : t == kBSubject ? 2 : t == kBActor ? 4 : 0; }

}  // namespace

void role_viterbi(const float* emissions, std::size_t n, const float* transitions, std::vector<int>& tags,
                  bool single_roles) {
  tags.assign(n, kO);
  if (n == 0) return;
  // With single_roles the states are (tag, which single roles have begun): a second action, subject or actor
  // span is not allowed, and a sequence with an action is preferred to any without.
  const int masks = single_roles ? 8 : 1;
  const int states = masks * kNumRoleTags;
  const auto mask_after = [&](int mask, int t) { return single_roles ? (mask | single_role_bit(t)) : 0; };
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  std::vector<float> score(n * states, kNone);
  std::vector<int> back(n * states, 0);
  for (int t = 0; t < kNumRoleTags; ++t) {
    if (role_transition_allowed(-1, t))
      score[mask_after(0, t) * kNumRoleTags + t] = transitions[t] + emissions[t];
  }
  for (std::size_t i = 1; i < n; ++i) {
    for (int from = 0; from < states; ++from) {
      const float prev = score[(i - 1) * states + from];
      if (prev == kNone) continue;
      const int mask = from / kNumRoleTags, p = from % kNumRoleTags;
      for (int t = 0; t < kNumRoleTags; ++t) {
        if (!role_transition_allowed(p, t) || (mask & single_role_bit(t))) continue;
        const int to = mask_after(mask, t) * kNumRoleTags + t;
        const float v = prev + transitions[(p + 1) * kNumRoleTags + t] + emissions[i * kNumRoleTags + t];
        if (v > score[i * states + to]) {
          score[i * states + to] = v;
          back[i * states + to] = from;
        }
      }
    }
  }
  int best = -1;
  for (const bool with_action : {true, false}) {
    for (int st = 0; st < states; ++st) {
      const bool has_action = !single_roles || (st / kNumRoleTags) & 1;
      if (has_action != with_action || score[(n - 1) * states + st] == kNone) continue;
      if (best < 0 || score[(n - 1) * states + st] > score[(n - 1) * states + best]) best = st;
    }
    if (best >= 0) break;
  }
  if (best < 0) return;
  for (std::size_t i = n; i-- > 0;) {
    tags[i] = best % kNumRoleTags;
    best = back[i * states + best];
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
  role_viterbi(emissions.data(), s.words.size(), models.role_transitions(), tags, /*single_roles=*/true);
  return roles_from_tags(tags);
}

}  // namespace articlescope::policy
