// Step 3 of the policy stage: the role labeller. For a candidate that states a provision, every word of the
// sentence gets a BIO tag (action, subject, actor, scope) from a structured perceptron, decoded with Viterbi.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "policy/candidates.hpp"
#include "policy/model.hpp"
#include "policy/sentence.hpp"

namespace articlescope::policy {

/// Words [first, last) of a sentence.
struct WordRange {
  std::size_t first = 0;
  std::size_t last = 0;
  bool empty() const { return last <= first; }
};

/// Whether `a` and `b` share a word: a.first < b.last and b.first < a.last (an empty range inside the other
/// counts; callers that must not count it check empty() first).
inline bool spans_overlap(WordRange a, WordRange b) { return a.first < b.last && b.first < a.last; }

struct Roles {
  WordRange action, subject, actor;
  std::vector<WordRange> scopes;
};

/// Emission scores (words x kNumRoleTags) of every word of `s` for candidate `c`.
void role_emissions(const SentenceView& s, const Candidate& c, const learn::Model& model,
                    std::vector<float>& out);

/// The best tag sequence under role_transition_allowed(), given emissions and transitions
/// ((kNumRoleTags + 1) x kNumRoleTags, row 0 = start); with `single_roles`, one span at most of the action,
/// the subject and the actor each (scopes may be several), and one action whenever any sequence has one.
void role_viterbi(const float* emissions, std::size_t n, const float* transitions, std::vector<int>& tags,
                  bool single_roles = false);

/// Spans from a tag sequence: the first span of each single role, every scope.
Roles roles_from_tags(const std::vector<int>& tags);

/// The roles of candidate `c`: the decoded tags, one action, subject and actor at most (the labeller is
/// trained without that constraint; reading with it is what cross-validation scored best).
Roles label_roles(const SentenceView& s, const Candidate& c, const Models& models);

}  // namespace articlescope::policy
