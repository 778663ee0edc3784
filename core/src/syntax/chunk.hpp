// The chunker: flat phrases (NP, VP, PP, ...) as BIO tags, from words and their POS tags. A greedy
// left-to-right averaged perceptron over the POS tags and words around each token and the chunk tags
// chosen before it; trained by `train chunk` (tools/train/chunk.cpp) on CoNLL-2003's chunk column with
// jackknifed (predicted) POS tags, so it expects the tagger's errors. Model card core/data/SYNTAX_MODEL.md.
#pragma once

#include "learn/model.hpp"
#include "syntax/features.hpp"
#include "syntax/tags.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace articlescope::syntax {

/// The chunk model file: kind "CHK1", one class per chunk class (chunk_class()), no extras.
inline constexpr learn::ModelShape kChunkModelShape{learn::model_kind("CHK1"), kNumChunkClasses, 0};

/// Upper bound of the features of one token.
inline constexpr int kMaxChunkFeatures = 24;

/// True when chunk class `next` may follow class `prev` (kStartTag at the sentence start): a phrase is
/// continued (I-X) only right after its own B-X or I-X.
bool chunk_transition_allowed(std::uint64_t prev, int next);

class Chunker {
 public:
  /// Reads a model file; false (and unloaded) when it is malformed. With `copy` false the bytes must
  /// outlive the chunker.
  bool load(std::string_view bytes, bool copy = true);
  /// True once a model was loaded.
  bool loaded() const { return model_.loaded(); }
  /// Number of weight rows of the model.
  std::size_t rows() const { return model_.rows(); }
  /// Chunks one sentence: out[i] is the chunk tag of words[i] (with tags[i] its POS tag). Without a model
  /// every token is outside (O).
  void chunk(const WordInfo* words, const Pos* tags, std::size_t n, Chunk* out) const;

 private:
  learn::Model model_;
  std::vector<std::int32_t> pair_rows_;  // per (class before the previous one, previous class)
};

/// The model compiled into the binary (core/data/chunk.model), loaded on first use.
const Chunker& embedded_chunker();

}  // namespace articlescope::syntax
