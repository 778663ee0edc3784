#include "policy/model.hpp"

#include <vector>

#include "data.hpp"

ARTICLESCOPE_EMBEDDED(policy_detect_model)
ARTICLESCOPE_EMBEDDED(policy_roles_model)

namespace articlescope::policy {

bool role_transition_allowed(int prev, int next) {
  if (next == kIAction) return prev == kBAction || prev == kIAction;
  if (next == kISubject) return prev == kBSubject || prev == kISubject;
  if (next == kIActor) return prev == kBActor || prev == kIActor;
  if (next == kIScope) return prev == kBScope || prev == kIScope;
  return true;
}

bool Models::load(std::string_view detect_bytes, std::string_view roles_bytes, bool copy) {
  Models m;
  if (!m.detect.load(detect_bytes, kDetectShape, copy) || !m.roles.load(roles_bytes, kRolesShape, copy))
    return false;
  *this = std::move(m);
  return true;
}

void score(const learn::Model& model, const Features& features, float* out) {
  std::vector<std::uint32_t> rows;
  rows.reserve(features.size());
  for (const std::uint64_t f : features) {
    const std::int32_t row = model.row_of_feature(f);
    if (row >= 0) rows.push_back(static_cast<std::uint32_t>(row));
  }
  model.score(rows.data(), rows.size(), out);
}

const Models& embedded_models() {
  static const Models models = [] {
    Models m;
    m.load(data::policy_detect_model_view(), data::policy_roles_model_view(), false);
    return m;
  }();
  return models;
}

}  // namespace articlescope::policy
