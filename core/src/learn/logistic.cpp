#include "learn/logistic.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace articlescope::learn {

void softmax(std::vector<float>& scores) {
  const float top = *std::max_element(scores.begin(), scores.end());
  float z = 0;
  for (float& v : scores) z += (v = std::exp(v - top));
  for (float& v : scores) v /= z;
}

std::vector<float> train_logistic(int bucket_bits, int classes,
                                  const std::vector<std::vector<std::uint32_t>>& features,
                                  const std::vector<int>& labels, const LogisticOptions& options,
                                  const std::vector<float>& example_weights) {
  const auto n = static_cast<std::size_t>(classes);
  // Compact the used buckets so that each step touches only their rows.
  std::unordered_map<std::uint32_t, std::uint32_t> compact;
  std::vector<std::uint32_t> buckets;
  std::vector<std::vector<std::uint32_t>> rows(features.size());
  for (std::size_t e = 0; e < features.size(); ++e) {
    for (const std::uint32_t b : features[e]) {
      const auto [it, added] = compact.emplace(b, static_cast<std::uint32_t>(buckets.size()));
      if (added) buckets.push_back(b);
      rows[e].push_back(it->second);
    }
  }
  const std::size_t size = buckets.size() * n;
  std::vector<float> w(size, 0.0f), gradient(size), history(size, 1e-6f), p(n);
  for (int it = 0; it < options.iterations; ++it) {
    std::fill(gradient.begin(), gradient.end(), 0.0f);
    for (std::size_t e = 0; e < rows.size(); ++e) {
      std::fill(p.begin(), p.end(), 0.0f);
      for (const std::uint32_t r : rows[e])
        for (std::size_t c = 0; c < n; ++c) p[c] += w[r * n + c];
      softmax(p);
      p[static_cast<std::size_t>(labels[e])] -= 1.0f;
      if (!example_weights.empty())
        for (float& v : p) v *= example_weights[e];
      for (const std::uint32_t r : rows[e])
        for (std::size_t c = 0; c < n; ++c) gradient[r * n + c] += p[c];
    }
    for (std::size_t q = 0; q < size; ++q) {
      const float g = gradient[q] + options.l2 * w[q];
      history[q] += g * g;
      w[q] -= options.rate * g / std::sqrt(history[q]);
    }
  }
  std::vector<float> dense((std::size_t{1} << bucket_bits) * n, 0.0f);
  for (std::size_t r = 0; r < buckets.size(); ++r)
    std::copy(w.begin() + static_cast<std::ptrdiff_t>(r * n),
              w.begin() + static_cast<std::ptrdiff_t>((r + 1) * n),
              dense.begin() + static_cast<std::ptrdiff_t>(std::size_t{buckets[r]} * n));
  return dense;
}

}  // namespace articlescope::learn
