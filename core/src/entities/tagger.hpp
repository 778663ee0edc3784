// The statistical NER tagger: a quantised averaged-perceptron model over hashed features, BILOU tags,
// Viterbi decoding. The model is trained by `train ner` (tools/train/ner.cpp) and stored in the shared
// model format (core/src/learn/model.hpp), documented in core/data/NER_MODEL.md.
#pragma once

#include "entities/features.hpp"
#include "learn/model.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace articlescope::entities {

/// The NER model file: kind "NER1", kNumTags classes, and (kNumTags + 1) x kNumTags transition scores as its
/// extras (row 0 is the start, row p + 1 follows tag p).
inline constexpr learn::ModelShape kModelShape{learn::model_kind("NER1"), kNumTags,
                                               (kNumTags + 1) * kNumTags};

/// A typed token span [first, last] (inclusive token indexes) found by the tagger.
struct TaggedSpan {
  std::size_t first = 0;
  std::size_t last = 0;
  NerType type = NerType::Per;
};

/// Best tag sequence for `n` tokens given emission scores (n x kNumTags, row-major) and transition scores
/// (kNumTags + 1 rows: row 0 is the start, row p + 1 follows tag p). Invalid BILOU moves are never chosen.
void viterbi(const float* emissions, std::size_t n, const float* transitions, std::vector<int>& tags,
             std::vector<float>& scratch, std::vector<int>& backpointers);

/// Turns a BILOU tag sequence into spans (tolerates ill-formed sequences).
void spans_from_tags(const std::vector<int>& tags, std::size_t offset, std::vector<TaggedSpan>& out);

class Tagger {
 public:
  /// Reads a model file; returns false (and stays unloaded) when it is malformed. Never throws on bad bytes.
  /// With `copy` false the bytes must outlive the tagger (the embedded model: no copy, fast cold start).
  bool load(std::string_view bytes, bool copy = true);
  bool loaded() const { return model_.loaded(); }
  int bucket_bits() const { return model_.bucket_bits(); }
  std::size_t rows() const { return model_.rows(); }

  /// Tags one document: `words` are its tokens, `sentences` [begin, end) ranges over them.
  void tag(const std::vector<std::string_view>& words,
           const std::vector<std::pair<std::size_t, std::size_t>>& sentences, const Gazetteer& gazetteer,
           std::vector<TaggedSpan>& out) const;

  /// Same, from words already described (for tools that build WordInfo themselves).
  void tag_described(const std::vector<WordInfo>& words,
                     const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                     const Gazetteer& gazetteer, std::vector<TaggedSpan>& out) const;

 private:
  /// Tags tokens given as indexes into `distinct` (each distinct word described once).
  void tag_words(std::vector<WordInfo>& distinct, const std::vector<std::uint32_t>& word_of_token,
                 const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                 const Gazetteer& gazetteer, std::vector<TaggedSpan>& out) const;
  /// Rows of the features that take few values, resolved once at load (see RowSink in tagger.cpp).
  void resolve_constant_rows();

  learn::Model model_;
  std::int32_t bias_row_ = -1;
  std::vector<std::int32_t> edge_rows_;       // per WordSlot, beyond the sentence edge
  std::vector<std::int32_t> doc_flags_rows_;  // per kDocFlags value
  std::vector<std::int32_t> casing_rows_;     // per kCasing value
  std::vector<std::int32_t> doc_pair_rows_;   // per kDocFlagsPrevNext value, compacted
  std::vector<std::int32_t> gaz_rows_;        // per kGaz value, compacted
  struct RowSink;
};

/// The model compiled into the binary (core/data/ner.model), loaded on first use.
const Tagger& embedded_tagger();
/// The gazetteer compiled into the binary (core/data/gazetteer.txt), loaded on first use.
const Gazetteer& embedded_gazetteer();

}  // namespace articlescope::entities
