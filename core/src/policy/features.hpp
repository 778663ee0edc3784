// Features of the policy models, shared by inference (status.cpp, roles.cpp) and training
// (tools/train_policy.cpp): each feature is a 64-bit hash of a template id and its values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <vector>

#include "learn/hash.hpp"
#include "policy/candidates.hpp"
#include "policy/sentence.hpp"

namespace articlescope::policy {

using Features = std::vector<std::uint64_t>;

/// Hashes a feature: a template id and any number of string or integer values (learn/hash.hpp).
class FeatureHasher {
 public:
  explicit FeatureHasher(Features& out) : out_(out) {}
  template <class... Values>
  void operator()(std::uint32_t id, const Values&... values) {
    std::uint64_t h = learn::mix(0x9ae16a3b2f90404full, id);
    ((h = learn::mix(h, value_hash(values))), ...);
    out_.push_back(h);
  }

 private:
  static std::uint64_t value_hash(std::string_view s) { return learn::hash_bytes(s) ^ 0x5bd1e995ull; }
  template <class T, class = std::enable_if_t<std::is_integral_v<T> || std::is_enum_v<T>>>
  static std::uint64_t value_hash(T v) {
    return static_cast<std::uint64_t>(v) * 0xc2b2ae3d27d4eb4full + 0x27d4eb2f165667c5ull;
  }
  Features& out_;
};

/// The verb group before words[first]: auxiliaries, modals, negation, adverbs ("would not have been").
struct VerbGroup {
  std::size_t begin = 0;  ///< first word of the group (== first when empty)
  std::string_view modal;  ///< the modal, empty when none
  bool negated = false;
  bool be = false;    ///< a form of "be" (passive or progressive)
  bool have = false;  ///< a form of "have" (perfect)
  bool to = false;    ///< an infinitive "to"
  bool get = false;   ///< "get"/"got" passive
};
VerbGroup verb_group(const SentenceView& s, std::size_t first);

/// First word of the clause holding words[i] (after the nearest clause punctuation on the left).
std::size_t clause_begin(const SentenceView& s, std::size_t i);
/// One past the last word of the clause holding words[i].
std::size_t clause_end(const SentenceView& s, std::size_t i);

/// The compositional reading of a candidate from its frame, its governing verb and negation, before any
/// learning: "lifted the ban" lifts a restriction, "did not allow" restricts, "deny permission" restricts,
/// "grant approval" permits. A feature of the status classifier (it learns when to trust it), never a gate.
enum class Reading : std::uint8_t { None, Permit, Restrict, Lift, Impose, Exclude };
Reading reading_of(const SentenceView& s, const Candidate& c, const VerbGroup& group);

/// Features of candidate `k` for the status classifier.
void status_features(const SentenceView& s, const std::vector<Candidate>& candidates, std::size_t k,
                     Features& out);

/// The argument frame's spans as word ranges (arguments.hpp fills it; kept here as plain ranges).
struct FrameSpans {
  std::uint8_t pattern = 0;
  std::size_t action_first = 0, action_last = 0, subject_first = 0, subject_last = 0, actor_first = 0,
              actor_last = 0;
};

/// Context of one candidate shared by the role features of every word (computed once per candidate).
struct RoleContext {
  FrameSpans frame;
  const Candidate* candidate = nullptr;
  VerbGroup group;
  std::size_t clause_begin = 0, clause_end = 0;
  std::uint32_t primary = 0;  ///< the candidate's primary trigger section
  std::size_t to_after = SIZE_MAX;    ///< first "to" after the trigger in its clause
  std::size_t from_after = SIZE_MAX;  ///< first "from" after the trigger in its clause
  std::size_t by_after = SIZE_MAX;    ///< first "by" after the trigger in its clause
};
RoleContext role_context(const SentenceView& s, const Candidate& c);

/// Features of word `j` for the role labeller, given the candidate's context.
void role_features(const SentenceView& s, const RoleContext& context, std::size_t j, Features& out);

/// The primary section of a set of trigger sections (the lowest).
std::uint32_t primary_section(Sections sections);

}  // namespace articlescope::policy
