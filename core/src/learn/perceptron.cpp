#include "learn/perceptron.hpp"

#include <algorithm>
#include <cmath>

namespace articlescope::learn {

Perceptron::Perceptron(int bucket_bits, int classes, std::size_t extras)
    : bits_(bucket_bits),
      classes_(classes),
      weights_((std::size_t{1} << bucket_bits) * static_cast<std::size_t>(classes), 0.0f),
      totals_(weights_.size(), 0.0f),
      extras_(extras, 0.0f),
      extra_totals_(extras, 0.0f) {}

void Perceptron::add_scores(const std::uint32_t* features, std::size_t count, float* scores) const {
  const auto n = static_cast<std::size_t>(classes_);
  for (std::size_t f = 0; f < count; ++f) {
    const float* w = weights_.data() + std::size_t{features[f]} * n;
    for (std::size_t c = 0; c < n; ++c) scores[c] += w[c];
  }
}

void Perceptron::update(const std::uint32_t* features, std::size_t count, int truth, int guess,
                        float amount) {
  const auto n = static_cast<std::size_t>(classes_);
  // The running total of each weight is updated with step x change, so that the average is
  // weights - totals / steps without touching every weight at every step.
  const float timed = amount * static_cast<float>(step_);
  for (std::size_t f = 0; f < count; ++f) {
    const std::size_t row = std::size_t{features[f]} * n;
    weights_[row + static_cast<std::size_t>(truth)] += amount;
    totals_[row + static_cast<std::size_t>(truth)] += timed;
    weights_[row + static_cast<std::size_t>(guess)] -= amount;
    totals_[row + static_cast<std::size_t>(guess)] -= timed;
  }
}

void Perceptron::update_extra(std::size_t k, float delta) {
  extras_[k] += delta;
  extra_totals_[k] += delta * static_cast<float>(step_);
}

void Perceptron::averaged(std::vector<float>& weights, std::vector<float>& extras) const {
  const float inv = 1.0f / static_cast<float>(step_ + 1);
  weights.resize(weights_.size());
  for (std::size_t k = 0; k < weights_.size(); ++k) weights[k] = weights_[k] - totals_[k] * inv;
  extras.resize(extras_.size());
  for (std::size_t k = 0; k < extras_.size(); ++k) extras[k] = extras_[k] - extra_totals_[k] * inv;
}

std::vector<std::uint32_t> strongest_rows(const std::vector<float>& weights, int classes,
                                          std::size_t max_rows, std::size_t* nonzero) {
  const auto n = static_cast<std::size_t>(classes);
  std::vector<std::pair<float, std::uint32_t>> strength;
  for (std::size_t b = 0; b * n < weights.size(); ++b) {
    float m = 0;
    for (std::size_t c = 0; c < n; ++c) m = std::max(m, std::fabs(weights[b * n + c]));
    if (m > 0) strength.emplace_back(m, static_cast<std::uint32_t>(b));
  }
  if (nonzero) *nonzero = strength.size();
  if (strength.size() > max_rows) {
    std::nth_element(strength.begin(), strength.begin() + static_cast<std::ptrdiff_t>(max_rows),
                     strength.end(), [](const auto& a, const auto& b) {
                       return a.first > b.first || (a.first == b.first && a.second < b.second);
                     });
    strength.resize(max_rows);
  }
  std::vector<std::uint32_t> kept;
  kept.reserve(strength.size());
  for (const auto& [m, b] : strength) kept.push_back(b);
  std::sort(kept.begin(), kept.end());
  return kept;
}

std::vector<float> gather_rows(const std::vector<float>& weights, int classes,
                               const std::vector<std::uint32_t>& buckets) {
  const auto n = static_cast<std::size_t>(classes);
  std::vector<float> out;
  out.reserve(buckets.size() * n);
  for (std::uint32_t b : buckets) {
    const auto first = weights.begin() + static_cast<std::ptrdiff_t>(std::size_t{b} * n);
    out.insert(out.end(), first, first + static_cast<std::ptrdiff_t>(n));
  }
  return out;
}

}  // namespace articlescope::learn
