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

/// Best tag sequence for `n` tokens given emission scores (n x kNumTags, row-major) and transition scores
/// (kNumTags + 1 rows: row 0 is the start, row p + 1 follows tag p). Invalid BILOU moves are never chosen.
/// `lattice` is scratch space (n x kNumTags scores), reused between calls.
void viterbi(const float* emissions, std::size_t n, const float* transitions, std::vector<int>& tags,
             std::vector<float>& lattice);

/// The second stage's model file (document-level consistency): kind "NER2", kNumTags classes; its extras are
/// (kNumTags + 1) x kNumTags transition scores added to the first stage's, then the weight of the first
/// stage's scores (emissions and transitions) in the second stage's units.
inline constexpr learn::ModelShape kSecondStageShape{learn::model_kind("NER2"), kNumTags,
                                                     (kNumTags + 1) * kNumTags + 1};

/// What the first stage found in one document.
struct FirstStage {
  std::vector<float> emissions;         ///< tokens x kNumTags
  std::vector<int> tags;                ///< its best tags (0 for a token outside every sentence)
  std::vector<std::uint64_t> features;  ///< the second stage's feature hashes, token after token
  std::vector<std::uint32_t> offsets;   ///< token k's are features[offsets[k], offsets[k + 1])
};

class Tagger {
 public:
  /// Reads a model file; returns false (and stays unloaded) when it is malformed. Never throws on bad bytes.
  /// With `copy` false the bytes must outlive the tagger (the embedded model: no copy, fast cold start).
  bool load(std::string_view bytes, bool copy = true);
  bool loaded() const { return model_.loaded(); }
  /// Adds the second stage (call after load()); returns false (and tags with the first stage alone) when
  /// the bytes are malformed.
  bool load_second_stage(std::string_view bytes, bool copy = true);
  bool has_second_stage() const { return second_.loaded(); }
  int bucket_bits() const { return model_.bucket_bits(); }
  std::size_t rows() const { return model_.rows(); }
  /// The first stage's transition scores ((kNumTags + 1) x kNumTags, row 0 the start).
  const std::vector<float>& transitions() const { return model_.extras(); }

  /// Tags one document: `words` are its tokens, `sentences` [begin, end) ranges over them.
  void tag(const std::vector<std::string_view>& words,
           const std::vector<std::pair<std::size_t, std::size_t>>& sentences, const Gazetteer& gazetteer,
           std::vector<TaggedSpan>& out) const;

  /// The first stage alone over one document, with the second stage's features (to train the second stage).
  void first_stage(const std::vector<std::string_view>& words,
                   const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                   const Gazetteer& gazetteer, FirstStage& out) const;

  /// Same as tag(), from words already described (for tools that build WordInfo themselves).
  void tag_described(const std::vector<WordInfo>& words,
                     const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                     const Gazetteer& gazetteer, std::vector<TaggedSpan>& out) const;

 private:
  /// Tags tokens given as indexes into `distinct` (each distinct word described once): the first stage
  /// into `first`, then the second stage when loaded; spans into `out` (when not null).
  void tag_words(std::vector<WordInfo>& distinct, const std::vector<std::uint32_t>& word_of_token,
                 const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                 const Gazetteer& gazetteer, FirstStage& first, bool with_second_stage,
                 std::vector<TaggedSpan>* out) const;
  /// Distinct words of a document and each token's index among them.
  static void distinct_words(const std::vector<std::string_view>& words, std::vector<WordInfo>& distinct,
                             std::vector<std::uint32_t>& word_of_token);
  /// Numbers the lower-cased forms of the distinct words: equal forms, equal numbers, from 0 up.
  static void number_lower_case(const std::vector<WordInfo>& distinct, std::vector<std::uint32_t>& number);
  /// Rows of the features that take few values, resolved once at load (see RowSink in tagger.cpp).
  void resolve_constant_rows();

  learn::Model model_;
  learn::Model second_;
  float second_scale_ = 1;                 // 1 / the weight of the first stage's scores in the second stage
  std::vector<float> second_transitions_;  // the first stage's + second_scale_ x the second's
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
