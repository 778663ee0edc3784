// Training of the POS model as a function, for `train pos` and for the jackknifed tags that `train chunk`
// and `train parse` learn from.
#pragma once

#include "syntax_corpus.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace train {

/// The POS trainer's hyper-parameters (the defaults are the shipped model's).
struct PosOptions {
  int epochs = 8;
  int bits = 18;
  std::size_t rows = 4000;
  int levels = 3;
  std::uint64_t seed = 1;
};

/// Trains on `sentences` and returns the model file; with `development`, prints its accuracy per pass.
std::string train_pos_model(const std::vector<const corpus::Sentence*>& sentences, const PosOptions& options,
                            const std::vector<const corpus::Sentence*>* development = nullptr);

}  // namespace train
