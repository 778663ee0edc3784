// The policy stage's learned models: the status classifier (is a candidate a provision, and which status)
// and the role labeller (action, subject, actor, scopes as BIO tags). Trained by tools/train_policy.cpp on
// policy-train; the model card is core/data/POLICY_MODEL.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "policy/features.hpp"

namespace articlescope::policy {

/// Classes of the status classifier: the six statuses in articlescope::Status order. The detector has two
/// classes: no provision (0) and provision (1).
inline constexpr int kNumStatusClasses = 6;
inline constexpr int kNoProvision = -1;

/// Role tags: O, then B/I for action, subject, actor and scope.
enum RoleTag : int { kO = 0, kBAction, kIAction, kBSubject, kISubject, kBActor, kIActor, kBScope, kIScope };
inline constexpr int kNumRoleTags = 9;
/// True when tag `next` may follow `prev` (prev = -1 at the sentence start): I-x only after B-x or I-x.
bool role_transition_allowed(int prev, int next);

/// A linear model over hashed features: 2^bits buckets, a weight row of `classes` per stored bucket.
class LinearModel {
 public:
  LinearModel() = default;
  LinearModel(int bits, int classes) : bits_(bits), classes_(classes) {}
  int bits() const { return bits_; }
  int classes() const { return classes_; }
  bool empty() const { return buckets_.empty(); }
  /// Adds the weights of `features` to scores[0, classes).
  void score(const Features& features, float* scores) const;
  /// Full-precision rows (training): bucket -> weights, replaced wholesale.
  void assign(std::vector<std::uint32_t> buckets, std::vector<float> weights);
  /// The stored bucket of a feature hash.
  std::uint32_t bucket(std::uint64_t feature) const {
    return static_cast<std::uint32_t>(feature >> (64 - bits_));
  }
  /// Quantises the weights to int8 per row (as the shipped model is) in place.
  void quantise();
  /// Keeps the `rows` rows with the largest absolute weight.
  void prune(std::size_t rows);
  std::size_t rows() const { return buckets_.size(); }
  void encode(std::string& out) const;
  /// Reads what encode() wrote at bytes[pos]; advances pos. False on malformed bytes.
  bool decode(std::string_view bytes, std::size_t& pos);

 private:
  int bits_ = 0;
  int classes_ = 0;
  std::vector<std::uint32_t> buckets_;  // sorted
  std::vector<float> weights_;          // buckets_.size() x classes_
};

struct Models {
  LinearModel detect;  ///< does the candidate state a provision (2 classes)
  LinearModel status;  ///< which status, given that it does
  LinearModel roles;
  std::vector<float> role_transitions;  ///< (kNumRoleTags + 1) x kNumRoleTags; row 0 = start
  float threshold = 0;  ///< the detector's margin (provision - none) a provision needs (precision/recall)
  bool loaded() const { return !detect.empty() && !status.empty() && !roles.empty(); }
};

/// Model file bytes: magic, version, then the three parts.
std::string encode_models(const Models& models);
/// False (and `models` unchanged) on malformed bytes; never throws on bad input.
bool decode_models(std::string_view bytes, Models& models);
/// The models compiled into the binary (core/data/policy.model); empty models when it is missing or bad.
const Models& embedded_models();

}  // namespace articlescope::policy
