// The policy stage's learned models, in the shared quantised format (learn/model.hpp): the detector (does a
// candidate state a provision, and with which status: one decision over "none" and the six statuses) and the
// role labeller (action, subject, actor and scope as BIO tags, with transition scores). Trained by `train
// policy` (tools/train/policy.cpp) on policy-train; the model card is core/data/POLICY_MODEL.md.
#pragma once

#include <cstddef>
#include <string_view>

#include "learn/model.hpp"
#include "policy/features.hpp"

namespace articlescope::policy {

/// The detector's classes: 0 no provision, then 1 + each articlescope::Status in its order (allowed,
/// prohibited, excluded, lifted, imposed, proposed).
inline constexpr int kDetectNone = 0;
inline constexpr int kNumDetectClasses = 7;
/// The detector's class of status `status`.
constexpr int detect_class(Status status) { return 1 + static_cast<int>(status); }
/// The class of a candidate that states no provision.
inline constexpr int kNoProvision = -1;

/// Role tags: O, then B/I for action, subject, actor and scope.
enum RoleTag : int { kO = 0, kBAction, kIAction, kBSubject, kISubject, kBActor, kIActor, kBScope, kIScope };
inline constexpr int kNumRoleTags = 9;
/// True when tag `next` may follow `prev` (prev = -1 at the sentence start): I-x only after B-x or I-x.
bool role_transition_allowed(int prev, int next);

/// The shapes of the two model files. The detector's one extra is its threshold (the margin of the best
/// status over "none" a provision needs); the labeller's extras are its transition scores, (kNumRoleTags + 1)
/// x kNumRoleTags with row 0 the start.
inline constexpr learn::ModelShape kDetectShape{learn::model_kind("PDT7"), kNumDetectClasses, 1};
inline constexpr learn::ModelShape kRolesShape{learn::model_kind("PROL"), kNumRoleTags,
                                               (kNumRoleTags + 1) * kNumRoleTags};

struct Models {
  learn::Model detect;
  learn::Model roles;
  bool loaded() const { return detect.loaded() && roles.loaded(); }
  float threshold() const { return detect.extras()[0]; }
  const float* role_transitions() const { return roles.extras().data(); }
  /// Loads the two files' bytes (not copied when `copy` is false); false when either is malformed.
  bool load(std::string_view detect_bytes, std::string_view roles_bytes, bool copy = true);
};

/// out[0, model.classes()) = the summed weights of `features` under `model`.
void score(const learn::Model& model, const Features& features, float* out);

/// The models compiled into the binary (core/data/policy_*.model); unloaded when any is missing or bad.
const Models& embedded_models();

}  // namespace articlescope::policy
