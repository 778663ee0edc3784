// The part-of-speech tagger: a greedy left-to-right averaged perceptron over hashed word, affix, shape and
// neighbour features plus the two previous tags (Honnibal's tagger, "A good POS tagger in 200 lines"),
// Penn Treebank tags. Trained by `train pos` (tools/train/pos.cpp); model card core/data/SYNTAX_MODEL.md.
#pragma once

#include "learn/model.hpp"
#include "syntax/features.hpp"
#include "syntax/tags.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace articlescope::syntax {

/// The POS model file: kind "POS1", one class per Pos value, no extras.
inline constexpr learn::ModelShape kPosModelShape{learn::model_kind("POS1"), kNumPos, 0};

/// Upper bound of the features of one token (word features and history features).
inline constexpr int kMaxPosFeatures = 28;

class PosTagger {
 public:
  /// Reads a model file; false (and unloaded) when it is malformed. With `copy` false the bytes must
  /// outlive the tagger.
  bool load(std::string_view bytes, bool copy = true);
  /// True once a model was loaded.
  bool loaded() const { return model_.loaded(); }
  /// Number of weight rows of the model.
  std::size_t rows() const { return model_.rows(); }
  /// Tags one sentence of described words: out[i] is the tag of words[i]. Without a model every tag is NN.
  void tag(const WordInfo* words, std::size_t n, Pos* out) const;
  /// Tags one sentence of words (tools and tests).
  std::vector<Pos> tag(const std::vector<std::string_view>& words) const;

 private:
  learn::Model model_;
};

/// The model compiled into the binary (core/data/pos.model), loaded on first use.
const PosTagger& embedded_pos_tagger();

}  // namespace articlescope::syntax
