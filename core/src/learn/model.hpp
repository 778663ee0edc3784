// The quantised model format shared by every learned model (entity tagger, POS tagger, chunker, parser,
// policy classifiers), its loader and its scorer. A model is a linear classifier over hashed features: for
// each stored hash bucket a row of `classes` int8 weights with one per-row scale, plus a few float "extras"
// in the same units (a tagger's transition scores). Scores are sums of rows; decoding is the caller's.
// The file layout is documented in core/data/NER_MODEL.md; encode_model() writes it.
#pragma once

#include "learn/hash.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace articlescope::learn {

/// Magic bytes at the start of every model file.
inline constexpr std::string_view kModelMagic = "ASMODEL\n";
/// Newest layout version. Version 3 stores the int8 weights sparse, class by class: a bitmap of the zero
/// weights, then the other weights as plain int8 bytes; the loader expands them to rows once. Versions 1 and
/// 2 stored the rows, used in place: version 2 each int8 weight w as the byte w ^ 0x80 (offset binary: a
/// zero weight is 0x80), version 1 w as is. encode_model() writes version 3 when at least a third of the
/// weights are zero (~70% in the taggers: gzip-compressed, 7-30% smaller than their rows), version 2
/// otherwise (a model of few zero weights compresses better as rows). No version written stores runs of zero
/// bytes: the WebAssembly optimiser cuts the data section at each such run, and the thousands of small
/// segments that leaves compress far worse than the model itself.
inline constexpr std::uint32_t kModelVersion = 3;
/// Largest bucket table a model may address (2^24 rows).
inline constexpr int kMaxBucketBits = 24;
/// Largest class count a model may have.
inline constexpr int kMaxClasses = 1024;

/// A model's kind as stored in its header: four ASCII letters ("NER1"), so that one model is never read as
/// another.
constexpr std::uint32_t model_kind(std::string_view four) {
  std::uint32_t v = 0;
  for (std::size_t k = 0; k < 4 && k < four.size(); ++k)
    v |= static_cast<std::uint32_t>(static_cast<unsigned char>(four[k])) << (8 * k);
  return v;
}

/// What a caller expects of a model file: its kind, class count and number of extras.
struct ModelShape {
  std::uint32_t kind = 0;
  int classes = 0;
  std::size_t extras = 0;
};

/// A loaded model: rows found through a rank bitmap over the buckets, int8 weights used in place (version 3:
/// expanded to rows once).
class Model {
 public:
  /// Reads a model file; returns false (and stays unloaded) when the bytes are malformed or the file is not
  /// of the expected shape. Never throws on bad bytes. With `copy` false the bytes must outlive the model
  /// (an embedded model: no copy, fast cold start).
  bool load(std::string_view bytes, const ModelShape& expected, bool copy = true);
  /// True once a model was loaded.
  bool loaded() const { return bits_ > 0; }
  /// Bits of the bucket table (2^bits buckets).
  int bucket_bits() const { return bits_; }
  /// Number of classes (weights per row).
  int classes() const { return classes_; }
  /// Number of stored rows.
  std::size_t rows() const { return rows_; }
  /// The extra float parameters (e.g. transition scores), in the units of the row weights.
  const std::vector<float>& extras() const { return extras_; }

  /// Weight row of a bucket, -1 when the model stores none (pruned, or never seen in training).
  std::int32_t row_of(std::uint32_t bucket) const {
    const std::uint64_t word = present_[bucket >> 6];
    const std::uint64_t bit = std::uint64_t{1} << (bucket & 63);
    if ((word & bit) == 0) return -1;
    return static_cast<std::int32_t>(rank_[bucket >> 6] + count_bits(word & (bit - 1)));
  }
  /// Weight row of a feature hash, -1 when the model stores none.
  std::int32_t row_of_feature(std::uint64_t feature_hash) const {
    return row_of(feature_bucket(feature_hash, bits_));
  }
  /// out[c] = the sum of class c's weights over `rows` (row indexes from row_of()), added in the order
  /// given: the order of the float additions is part of a model's results, and every build (SSE2, WASM
  /// SIMD, scalar) does the same multiply and add per class, so native and WebAssembly agree bit for bit.
  void score(const std::uint32_t* rows, std::size_t count, float* out) const;
  /// The dequantised weight of class `cls` in row `row` (for tools and tests).
  float weight(std::size_t row, int cls) const;

  /// Popcount: WebAssembly has an instruction; baseline x86-64 has none, and this is a few instructions.
  static std::uint32_t count_bits(std::uint64_t x) {
#if defined(__wasm__)
    return static_cast<std::uint32_t>(__builtin_popcountll(x));  // i64.popcnt
#else
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return static_cast<std::uint32_t>((x * 0x0101010101010101ull) >> 56);
#endif
  }

 private:
  friend std::string recode_model(std::string_view bytes, std::uint32_t version);
  int bits_ = 0;
  int classes_ = 0;
  std::size_t rows_ = 0;
  std::vector<float> extras_;
  std::vector<std::uint64_t> present_;           // bitmap over buckets
  std::vector<std::uint32_t> rank_;              // rows before each bitmap word
  std::shared_ptr<const std::string> owned_;     // the model bytes when copied (stable across moves)
  std::shared_ptr<const std::string> expanded_;  // version 3: the weights expanded to rows
  const std::uint8_t* exponents_ = nullptr;      // per row: scale = scale_of(exponent)
  const std::uint8_t* weights_ = nullptr;        // rows x classes, each weight w stored as w ^ flip_
  std::uint8_t flip_ = 0;                        // 0x80 (version 2) or 0 (versions 1 and 3)
};

/// Collects the rows of up to N features of one decision (features the model has no row for are dropped):
/// the sink that a model's feature function fills before Model::score().
template <int N>
struct RowCollector {
  const Model& model;
  std::uint32_t rows[N];
  int count = 0;
  explicit RowCollector(const Model& m) : model(m) {}
  /// Adds a row (from Model::row_of()); -1 and rows beyond N are ignored.
  void push(std::int32_t row) {
    if (row >= 0 && count < N) rows[count++] = static_cast<std::uint32_t>(row);
  }
  /// Adds the row of a feature hash.
  void feature(std::uint64_t hash) { push(model.row_of_feature(hash)); }
  /// out[c] = the summed weights of class c over the collected rows.
  void score(float* out) const { model.score(rows, static_cast<std::size_t>(count), out); }
};

/// The per-row scale of a stored exponent byte: 2^((exponent - 255) / 8), exact on every platform.
float scale_of(std::uint8_t exponent);

/// How encode_model() rounds the weights of a row to int8 with the row's scale.
enum class Quantisation : std::uint8_t {
  /// Every row gets `levels` steps either side of zero: fine relative precision in every row.
  PerRow,
  /// Every row gets the step of the median row (its largest weight / `levels`), so a row of large weights
  /// gets more steps (at most 127) and a row of small ones fewer: the same absolute precision everywhere.
  /// Scores are sums of rows, so it is the absolute error that moves decisions: models with a few rows of
  /// very large weights (a chunker's history features) need this.
  UniformStep,
};

/// Encodes a model file. `row_buckets` are ascending bucket indexes and `row_weights` their `classes`
/// weights each; weights are rounded to int8 steps of a per-row scale as `quantisation` says, with `levels`
/// (1..127) steps either side of zero. All weights and `extras` are first divided by the largest absolute
/// weight (decisions do not change under a global scale), so that every row scale fits the exponent range.
std::string encode_model(const ModelShape& shape, int bucket_bits, const std::vector<float>& extras,
                         const std::vector<std::uint32_t>& row_buckets, const std::vector<float>& row_weights,
                         int levels = 127, Quantisation quantisation = Quantisation::PerRow);

/// The same model in another layout version (1, 2 or 3; 0: the one encode_model() chooses): every header
/// field, bucket, scale and int8 weight kept, so the loaded weights are identical. Empty when `bytes` is no
/// model or `version` is unknown.
std::string recode_model(std::string_view bytes, std::uint32_t version = 0);

}  // namespace articlescope::learn
