// Training side: multinomial logistic regression with L2 regularisation, full-batch AdaGrad over the rows
// the examples use. A regularised alternative to the averaged perceptron for small, noisy training sets (the
// policy classifiers); the result is a dense weight table like Perceptron::averaged(), written with
// encode_model(). Deterministic: no randomness, examples in the order given.
#pragma once

#include <cstdint>
#include <vector>

namespace articlescope::learn {

struct LogisticOptions {
  float l2 = 1.0f;       ///< L2 penalty on every weight
  float rate = 0.1f;     ///< AdaGrad step size
  int iterations = 200;  ///< full passes (gradient steps)
};

/// Turns class scores into probabilities, in place (softmax, stable for large scores).
void softmax(std::vector<float>& scores);

/// Weights (2^bucket_bits x classes) fitted to `features[k]` (bucket indexes) with class `labels[k]`, each
/// example counted `example_weights[k]` times (once each when empty).
std::vector<float> train_logistic(int bucket_bits, int classes,
                                  const std::vector<std::vector<std::uint32_t>>& features,
                                  const std::vector<int>& labels, const LogisticOptions& options,
                                  const std::vector<float>& example_weights = {});

}  // namespace articlescope::learn
