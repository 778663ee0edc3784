// Training side of the learned models: an averaged perceptron over hashed features (Collins 2002; the
// averaging is lazy, Daume's trick), a seeded random source, and the pruning that chooses which rows a
// model file keeps (learn/model.hpp writes and reads them). Used only by tools/train; the same feature code
// runs at training and at inference, so a model is trained on exactly what it will see.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace articlescope::learn {

/// splitmix64: the trainers' one source of randomness (fixed seeds, the same sequence on every platform).
class Rng {
 public:
  /// A generator started from `seed`.
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  /// The next 64 random bits.
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  /// A uniform double in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
  /// Shuffles `items` in place (Fisher-Yates from the back).
  template <class T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t k = items.size(); k > 1; --k) std::swap(items[k - 1], items[next() % k]);
  }

 private:
  std::uint64_t state_;
};

/// A multi-class averaged perceptron: a dense table of 2^bits rows x `classes` weights (a row per feature
/// bucket), plus `extras` free parameters in the same units (a tagger's transition scores), all averaged
/// over every training step.
class Perceptron {
 public:
  /// An all-zero model of 2^bucket_bits rows.
  Perceptron(int bucket_bits, int classes, std::size_t extras = 0);
  /// Bits of the bucket table.
  int bucket_bits() const { return bits_; }
  /// Number of classes.
  int classes() const { return classes_; }
  /// Adds the current weights of the feature rows to scores[0, classes).
  void add_scores(const std::uint32_t* features, std::size_t count, float* scores) const;
  /// Advances the averaging clock: call once per training instance, before its updates.
  void tick() { ++step_; }
  /// Moves every feature's weight for `truth` up by `amount` and for `guess` down by `amount`.
  void update(const std::uint32_t* features, std::size_t count, int truth, int guess, float amount = 1.0f);
  /// The current extra parameters.
  const float* extras() const { return extras_.data(); }
  /// Adds `delta` to extra parameter `k`.
  void update_extra(std::size_t k, float delta);
  /// The averaged weights (2^bits x classes) and extras: what a model file is made from.
  void averaged(std::vector<float>& weights, std::vector<float>& extras) const;

 private:
  int bits_;
  int classes_;
  std::vector<float> weights_, totals_, extras_, extra_totals_;
  long step_ = 0;
};

/// The buckets of the (at most) `max_rows` rows with the largest absolute weight, ascending; equal strengths
/// keep the lower bucket, so the choice is deterministic. `nonzero` (when given) receives the number of
/// rows with any weight.
std::vector<std::uint32_t> strongest_rows(const std::vector<float>& weights, int classes,
                                          std::size_t max_rows, std::size_t* nonzero = nullptr);

/// The weights of `buckets`, row after row (what encode_model() takes).
std::vector<float> gather_rows(const std::vector<float>& weights, int classes,
                               const std::vector<std::uint32_t>& buckets);

}  // namespace articlescope::learn
