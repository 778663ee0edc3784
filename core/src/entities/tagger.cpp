#include "entities/tagger.hpp"

#include "data.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

ARTICLESCOPE_EMBEDDED(ner_model)
ARTICLESCOPE_EMBEDDED(gazetteer_txt)

namespace articlescope::entities {
namespace {

constexpr float kForbidden = -1e30f;
constexpr int kMaxBucketBits = 24;
constexpr int kScaleOffset = 255;  // scale = 2^((exponent - kScaleOffset) / 8)

// Exact powers of two times 2^(r/8), so that native and WebAssembly builds agree bit for bit.
float scale_of(std::uint8_t exponent) {
  static constexpr float kEighths[8] = {1.0f,          1.0905077327f, 1.1892071150f, 1.2968395547f,
                                        1.4142135624f, 1.5422108254f, 1.6817928305f, 1.8340080864f};
  const int k = static_cast<int>(exponent) - kScaleOffset;
  const int whole = k >= 0 ? k / 8 : -((-k + 7) / 8);
  return std::ldexp(kEighths[k - 8 * whole], whole);
}

// Popcount: WebAssembly has an instruction; baseline x86-64 has none, and this is a few instructions there.
inline std::uint32_t count_bits(std::uint64_t x) {
#if defined(__wasm__)
  return static_cast<std::uint32_t>(__builtin_popcountll(x));  // i64.popcnt
#else
  x = x - ((x >> 1) & 0x5555555555555555ull);
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return static_cast<std::uint32_t>((x * 0x0101010101010101ull) >> 56);
#endif
}

struct ScaleTable {
  float value[256];
  ScaleTable() {
    for (int e = 0; e < 256; ++e) value[e] = scale_of(static_cast<std::uint8_t>(e));
  }
};
const ScaleTable kScaleTable;

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool take(void* out, std::size_t n) {
    if (n > bytes_.size() - pos_) return false;
    std::memcpy(out, bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool u32(std::uint32_t& v) {
    unsigned char b[4];
    if (!take(b, 4)) return false;
    v = b[0] | (b[1] << 8) | (b[2] << 16) | (static_cast<std::uint32_t>(b[3]) << 24);
    return true;
  }
  bool f32(float& v) {
    std::uint32_t bits;
    if (!u32(bits)) return false;
    std::memcpy(&v, &bits, sizeof v);  // std::bit_cast is missing from Emscripten 3.1.6's libc++ 13
    return std::isfinite(v);
  }
  bool varint(std::uint32_t& v) {
    v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (pos_ >= bytes_.size()) return false;
      const auto b = static_cast<unsigned char>(bytes_[pos_++]);
      v |= static_cast<std::uint32_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return true;
    }
    return false;
  }
  std::size_t remaining() const { return bytes_.size() - pos_; }
  const char* here() const { return bytes_.data() + pos_; }
  void skip(std::size_t n) { pos_ += n; }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

void put_u32(std::string& out, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) out += static_cast<char>((v >> (8 * k)) & 0xff);
}

}  // namespace

namespace {

// BILOU: a tag that closes an entity (O, L-x, U-x) may precede any tag that does not continue one (O, B-x,
// U-x); I-x and L-x follow only B-x or I-x of their type.
constexpr int kNumOpening = 1 + 2 * kNumTypes;
constexpr int kClosing[kNumOpening] = {0, 3, 4, 7, 8, 11, 12, 15, 16};  // O, L-x, U-x (ascending)
constexpr int kOpening[kNumOpening] = {0, 1, 4, 5, 8, 9, 12, 13, 16};   // O, B-x, U-x

}  // namespace

// Every candidate predecessor is scored in ascending order with a strict '>', exactly as a plain loop over
// the allowed predecessors would: the trainer's model depends on the tie-breaking.
void viterbi(const float* emissions, std::size_t n, const float* transitions, std::vector<int>& tags,
             std::vector<float>& scratch, std::vector<int>& backpointers) {
  tags.assign(n, 0);
  if (n == 0) return;
  scratch.resize(2 * kNumTags);
  backpointers.resize(n * kNumTags);
  float* prev = scratch.data();
  float* cur = scratch.data() + kNumTags;
  // The transitions from closing tags into opening ones, gathered once: [closing][opening].
  float closed_to_open[kNumOpening][kNumOpening];
  for (int c = 0; c < kNumOpening; ++c) {
    for (int o = 0; o < kNumOpening; ++o)
      closed_to_open[c][o] = transitions[(kClosing[c] + 1) * kNumTags + kOpening[o]];
  }
  for (int t = 0; t < kNumTags; ++t) prev[t] = kForbidden;
  for (const int t : kOpening) prev[t] = transitions[t] + emissions[t];
  for (std::size_t i = 1; i < n; ++i) {
    const float* e = emissions + i * kNumTags;
    int* back = backpointers.data() + i * kNumTags;
    float best[kNumOpening];
    int from[kNumOpening];
    for (int o = 0; o < kNumOpening; ++o) {
      best[o] = prev[kClosing[0]] + closed_to_open[0][o];
      from[o] = kClosing[0];
    }
    for (int c = 1; c < kNumOpening; ++c) {
      const float p = prev[kClosing[c]];
      for (int o = 0; o < kNumOpening; ++o) {
        const float s = p + closed_to_open[c][o];
        const bool better = s > best[o];
        best[o] = better ? s : best[o];
        from[o] = better ? kClosing[c] : from[o];
      }
    }
    for (int o = 0; o < kNumOpening; ++o) {
      const int t = kOpening[o];
      cur[t] = best[o] <= kForbidden ? kForbidden : best[o] + e[t];
      back[t] = from[o];
    }
    for (int type = 0; type < kNumTypes; ++type) {
      const int b = 1 + 4 * type, in = b + 1, last = b + 2;
      for (const int t : {in, last}) {
        const float from_b = prev[b] + transitions[(b + 1) * kNumTags + t];
        const float from_i = prev[in] + transitions[(in + 1) * kNumTags + t];
        const bool better = from_i > from_b;
        const float s = better ? from_i : from_b;
        cur[t] = s <= kForbidden ? kForbidden : s + e[t];
        back[t] = better ? in : b;
      }
    }
    std::swap(prev, cur);
  }
  int best_t = 0;
  float best = kForbidden * 2;
  for (int t = 0; t < kNumTags; ++t) {
    if (final_allowed(t) && prev[t] > best) {
      best = prev[t];
      best_t = t;
    }
  }
  for (std::size_t i = n; i-- > 0;) {
    tags[i] = best_t;
    if (i > 0) best_t = backpointers[i * kNumTags + best_t];
  }
}

void spans_from_tags(const std::vector<int>& tags, std::size_t offset, std::vector<TaggedSpan>& out) {
  std::size_t i = 0;
  while (i < tags.size()) {
    if (tags[i] == 0) {
      ++i;
      continue;
    }
    const NerType type = type_of_tag(tags[i]);
    std::size_t j = i;
    if (pos_of_tag(tags[i]) == Bilou::B || pos_of_tag(tags[i]) == Bilou::I) {
      while (j + 1 < tags.size() && tags[j + 1] != 0 && type_of_tag(tags[j + 1]) == type &&
             (pos_of_tag(tags[j + 1]) == Bilou::I || pos_of_tag(tags[j + 1]) == Bilou::L)) {
        ++j;
        if (pos_of_tag(tags[j]) == Bilou::L) break;
      }
    }
    out.push_back({offset + i, offset + j, type});
    i = j + 1;
  }
}

bool Tagger::load(std::string_view input, bool copy) {
  *this = Tagger();
  std::string owned = copy ? std::string(input) : std::string();
  const std::string_view bytes = copy ? std::string_view(owned) : input;
  if (bytes.size() < kModelMagic.size() || bytes.substr(0, kModelMagic.size()) != kModelMagic) return false;
  Reader in(bytes.substr(kModelMagic.size()));
  std::uint32_t bits = 0, num_tags = 0, num_rows = 0;
  if (!in.u32(bits) || !in.u32(num_tags) || !in.u32(num_rows)) return false;
  if (bits < 8 || bits > kMaxBucketBits || num_tags != kNumTags || num_rows > (1u << bits)) return false;
  std::vector<float> transitions((kNumTags + 1) * kNumTags);
  for (float& t : transitions) {
    if (!in.f32(t)) return false;
  }
  const std::size_t words = (std::size_t{1} << bits) / 64 + 1;
  std::vector<std::uint64_t> present(words, 0);
  std::uint32_t bucket = 0;
  for (std::uint32_t r = 0; r < num_rows; ++r) {
    std::uint32_t delta = 0;
    if (!in.varint(delta)) return false;
    if (r > 0 && delta == 0) return false;
    bucket += delta;
    if (bucket >= (1u << bits)) return false;
    present[bucket >> 6] |= std::uint64_t{1} << (bucket & 63);
  }
  if (in.remaining() != std::size_t{num_rows} * (1 + kNumTags)) return false;
  std::vector<std::uint32_t> rank(words, 0);
  std::uint32_t running = 0;
  for (std::size_t w = 0; w < words; ++w) {
    rank[w] = running;
    running += count_bits(present[w]);
  }
  bits_ = static_cast<int>(bits);
  transitions_ = std::move(transitions);
  present_ = std::move(present);
  rank_ = std::move(rank);
  rows_ = num_rows;
  // The rows are used in place: no copy and no dequantisation at load.
  const std::size_t rows_at = static_cast<std::size_t>(in.here() - bytes.data());
  owned_ = std::move(owned);
  const char* base = copy ? owned_.data() : input.data();
  exponents_ = reinterpret_cast<const std::uint8_t*>(base + rows_at);
  weights_ = reinterpret_cast<const std::int8_t*>(base + rows_at + num_rows);
  resolve_constant_rows();
  return true;
}

std::int32_t Tagger::row_of(std::uint32_t bucket) const {
  const std::uint64_t word = present_[bucket >> 6];
  const std::uint64_t bit = std::uint64_t{1} << (bucket & 63);
  if ((word & bit) == 0) return -1;
  return static_cast<std::int32_t>(rank_[bucket >> 6] + count_bits(word & (bit - 1)));
}

namespace {

// Value ranges of the features that take few values (see for_each_token_feature()).
constexpr int kDocValues = 32;  // doc flags * 8 + shape class, or 7 beyond the sentence edge
constexpr std::uint64_t kDocFlagsValues = kDocValues * 4 + 64;
constexpr std::uint64_t kCasingValues = 4 * 16;  // SentenceCase values x shape class x first
constexpr std::uint64_t kGazBits = kNumGazClasses * 4;
constexpr std::uint64_t kShapeClasses = 8;

}  // namespace

void Tagger::resolve_constant_rows() {
  const auto row = [&](FeatureTemplate t, std::uint64_t value) {
    return row_of(feature_bucket(mix(value, t), bits_));
  };
  bias_row_ = row(kBias, 0);
  edge_rows_.assign(kNumWordSlots, -1);
  for (const WordSlot slot :
       {WordSlot::LowerPrev, WordSlot::LowerNext, WordSlot::LowerPrev2, WordSlot::LowerNext2,
        WordSlot::ShapePrev, WordSlot::ShapeNext, WordSlot::SuffixPrev, WordSlot::SuffixNext}) {
    edge_rows_[static_cast<std::size_t>(slot)] = row_of(feature_bucket(word_slot_hash(slot, nullptr), bits_));
  }
  doc_flags_rows_.resize(kDocFlagsValues);
  for (std::uint64_t v = 0; v < kDocFlagsValues; ++v) doc_flags_rows_[v] = row(kDocFlags, v);
  casing_rows_.resize(kCasingValues);
  for (std::uint64_t v = 0; v < kCasingValues; ++v) casing_rows_[v] = row(kCasing, v);
  doc_pair_rows_.resize(kDocValues * kDocValues * 4);
  for (std::uint64_t prev = 0; prev < kDocValues; ++prev) {
    for (std::uint64_t next = 0; next < kDocValues; ++next) {
      for (std::uint64_t flags = 0; flags < 4; ++flags)
        doc_pair_rows_[(prev * kDocValues + next) * 4 + flags] =
            row(kDocFlagsPrevNext, prev * 1024 + next * 16 + flags);
    }
  }
  gaz_rows_.resize(kGazBits * (1 + kShapeClasses));
  for (std::uint64_t bit = 0; bit < kGazBits; ++bit) {
    gaz_rows_[bit * (1 + kShapeClasses)] = row(kGaz, bit);
    for (std::uint64_t cls = 0; cls < kShapeClasses; ++cls)
      gaz_rows_[bit * (1 + kShapeClasses) + 1 + cls] = row(kGaz, bit * 64 + cls + 1000);
  }
}

// Collects the weight rows of one token's features. Features of one word alone are resolved once per
// distinct word of the document (`cache`); the ones that take few values come from tables made at load.
struct Tagger::RowSink {
  static constexpr std::int32_t kUnresolved = -2;
  const Tagger& tagger;
  const WordInfo* distinct;
  const std::uint32_t* word_of_token;
  std::int32_t* cache;  // distinct words x kNumWordSlots
  std::uint32_t rows[kMaxFeaturesPerToken];
  int count = 0;

  void push(std::int32_t row) {
    if (row >= 0) rows[count++] = static_cast<std::uint32_t>(row);
  }
  [[gnu::always_inline]] void word(WordSlot slot, std::size_t j) {
    if (j == kSentenceEdge) {
      push(tagger.edge_rows_[static_cast<std::size_t>(slot)]);
      return;
    }
    const std::uint32_t w = word_of_token[j];
    std::int32_t& row = cache[std::size_t{w} * kNumWordSlots + static_cast<std::size_t>(slot)];
    if (row == kUnresolved)
      row = tagger.row_of(feature_bucket(word_slot_hash(slot, &distinct[w]), tagger.bits_));
    push(row);
  }
  void feature(FeatureTemplate t, std::uint64_t value) {
    switch (t) {
      case kBias:
        push(tagger.bias_row_);
        return;
      case kDocFlags:
        if (value < kDocFlagsValues) return push(tagger.doc_flags_rows_[value]);
        break;
      case kCasing:
        if (value < kCasingValues) return push(tagger.casing_rows_[value]);
        break;
      case kDocFlagsPrevNext: {
        const std::uint64_t prev = value / 1024, next = (value / 16) % 64, flags = value % 16;
        if (prev < kDocValues && next < kDocValues && flags < 4)
          return push(tagger.doc_pair_rows_[(prev * kDocValues + next) * 4 + flags]);
        break;
      }
      case kGaz:
        if (value < kGazBits) return push(tagger.gaz_rows_[value * (1 + kShapeClasses)]);
        if (value >= 1000 && (value - 1000) / 64 < kGazBits && (value - 1000) % 64 < kShapeClasses)
          return push(tagger.gaz_rows_[(value - 1000) / 64 * (1 + kShapeClasses) + 1 + (value - 1000) % 64]);
        break;
      default:
        break;
    }
    push(tagger.row_of(feature_bucket(mix(value, t), tagger.bits_)));
  }
};

namespace {

// The document's tokens as WordInfo, each an index into the distinct words.
struct TokenWords {
  const WordInfo* distinct;
  const std::uint32_t* word_of_token;
  const WordInfo& operator[](std::size_t i) const { return distinct[word_of_token[i]]; }
};

// Adds the weight rows up, in row order (the order of the float additions is part of the model's results).
// Each lane is the same multiply and add in every variant, so native and WebAssembly agree bit for bit.
void add_rows(const std::uint32_t* rows, int count, const std::uint8_t* exponents, const std::int8_t* weights,
              const float* scales, float* out) {
#if defined(__SSE2__)
  __m128 acc0 = _mm_setzero_ps(), acc1 = _mm_setzero_ps(), acc2 = _mm_setzero_ps(), acc3 = _mm_setzero_ps();
  float acc16 = 0.0f;
  for (int k = 0; k < count; ++k) {
    const std::uint32_t row = rows[k];
    const float scale = scales[exponents[row]];
    const __m128 s = _mm_set1_ps(scale);
    const std::int8_t* w = weights + std::size_t{row} * kNumTags;
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(w));
    // Sign-extend the 16 bytes to four vectors of int32.
    const __m128i lo16 = _mm_srai_epi16(_mm_unpacklo_epi8(bytes, bytes), 8);
    const __m128i hi16 = _mm_srai_epi16(_mm_unpackhi_epi8(bytes, bytes), 8);
    const __m128i w0 = _mm_srai_epi32(_mm_unpacklo_epi16(lo16, lo16), 16);
    const __m128i w1 = _mm_srai_epi32(_mm_unpackhi_epi16(lo16, lo16), 16);
    const __m128i w2 = _mm_srai_epi32(_mm_unpacklo_epi16(hi16, hi16), 16);
    const __m128i w3 = _mm_srai_epi32(_mm_unpackhi_epi16(hi16, hi16), 16);
    acc0 = _mm_add_ps(acc0, _mm_mul_ps(s, _mm_cvtepi32_ps(w0)));
    acc1 = _mm_add_ps(acc1, _mm_mul_ps(s, _mm_cvtepi32_ps(w1)));
    acc2 = _mm_add_ps(acc2, _mm_mul_ps(s, _mm_cvtepi32_ps(w2)));
    acc3 = _mm_add_ps(acc3, _mm_mul_ps(s, _mm_cvtepi32_ps(w3)));
    acc16 += scale * static_cast<float>(w[16]);
  }
  _mm_storeu_ps(out, acc0);
  _mm_storeu_ps(out + 4, acc1);
  _mm_storeu_ps(out + 8, acc2);
  _mm_storeu_ps(out + 12, acc3);
  out[16] = acc16;
#elif defined(__wasm_simd128__)
  v128_t acc0 = wasm_f32x4_splat(0.0f), acc1 = acc0, acc2 = acc0, acc3 = acc0;
  float acc16 = 0.0f;
  for (int k = 0; k < count; ++k) {
    const std::uint32_t row = rows[k];
    const float scale = scales[exponents[row]];
    const v128_t s = wasm_f32x4_splat(scale);
    const std::int8_t* w = weights + std::size_t{row} * kNumTags;
    const v128_t bytes = wasm_v128_load(w);
    const v128_t lo16 = wasm_i16x8_extend_low_i8x16(bytes);
    const v128_t hi16 = wasm_i16x8_extend_high_i8x16(bytes);
    acc0 =
        wasm_f32x4_add(acc0, wasm_f32x4_mul(s, wasm_f32x4_convert_i32x4(wasm_i32x4_extend_low_i16x8(lo16))));
    acc1 =
        wasm_f32x4_add(acc1, wasm_f32x4_mul(s, wasm_f32x4_convert_i32x4(wasm_i32x4_extend_high_i16x8(lo16))));
    acc2 =
        wasm_f32x4_add(acc2, wasm_f32x4_mul(s, wasm_f32x4_convert_i32x4(wasm_i32x4_extend_low_i16x8(hi16))));
    acc3 =
        wasm_f32x4_add(acc3, wasm_f32x4_mul(s, wasm_f32x4_convert_i32x4(wasm_i32x4_extend_high_i16x8(hi16))));
    acc16 += scale * static_cast<float>(w[16]);
  }
  wasm_v128_store(out, acc0);
  wasm_v128_store(out + 4, acc1);
  wasm_v128_store(out + 8, acc2);
  wasm_v128_store(out + 12, acc3);
  out[16] = acc16;
#else
  // Fully unrolled so that the sums stay in registers (WebAssembly without SIMD).
  float acc[kNumTags] = {};
  for (int k = 0; k < count; ++k) {
    const std::uint32_t row = rows[k];
    const float scale = scales[exponents[row]];
    const std::int8_t* w = weights + std::size_t{row} * kNumTags;
#if defined(__clang__)
#pragma clang loop unroll(full)
#endif
    for (int t = 0; t < kNumTags; ++t) acc[t] += scale * static_cast<float>(w[t]);
  }
#if defined(__clang__)
#pragma clang loop unroll(full)
#endif
  for (int t = 0; t < kNumTags; ++t) out[t] = acc[t];
#endif
}

}  // namespace

void Tagger::tag(const std::vector<std::string_view>& words,
                 const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                 const Gazetteer& gazetteer, std::vector<TaggedSpan>& out) const {
  if (!loaded()) return;
  // Distinct words: each is described once, and its one-word features resolved once (news repeats names).
  std::vector<WordInfo> distinct;
  std::vector<std::string_view> distinct_text;
  std::vector<std::uint32_t> word_of_token(words.size());
  std::vector<std::uint64_t> keys(256, 0);  // open addressing, grown at half full; 0 = empty
  std::vector<std::uint32_t> ids(keys.size(), 0);
  const auto find_slot = [&](std::uint64_t h, std::string_view w) {
    const std::size_t mask = keys.size() - 1;
    std::size_t slot = h & mask;
    while (keys[slot] != 0 && !(keys[slot] == h && distinct_text[ids[slot]] == w)) slot = (slot + 1) & mask;
    return slot;
  };
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string_view w = words[k];
    const std::uint64_t h = hash_bytes(w) | 1;
    std::size_t slot = find_slot(h, w);
    if (keys[slot] == 0) {
      if ((distinct.size() + 1) * 2 > keys.size()) {
        std::vector<std::uint64_t> old_keys(keys.size() * 2, 0);
        std::vector<std::uint32_t> old_ids(ids.size() * 2, 0);
        old_keys.swap(keys);
        old_ids.swap(ids);
        for (std::size_t o = 0; o < old_keys.size(); ++o) {
          if (old_keys[o] == 0) continue;
          const std::size_t fresh = find_slot(old_keys[o], distinct_text[old_ids[o]]);
          keys[fresh] = old_keys[o];
          ids[fresh] = old_ids[o];
        }
        slot = find_slot(h, w);
      }
      keys[slot] = h;
      ids[slot] = static_cast<std::uint32_t>(distinct.size());
      distinct.push_back(describe(w));
      distinct_text.push_back(w);
    }
    word_of_token[k] = ids[slot];
  }
  tag_words(distinct, word_of_token, sentences, gazetteer, out);
}

void Tagger::tag_described(const std::vector<WordInfo>& input,
                           const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                           const Gazetteer& gazetteer, std::vector<TaggedSpan>& out) const {
  std::vector<WordInfo> words = input;
  std::vector<std::uint32_t> word_of_token(words.size());
  for (std::size_t k = 0; k < words.size(); ++k) word_of_token[k] = static_cast<std::uint32_t>(k);
  tag_words(words, word_of_token, sentences, gazetteer, out);
}

void Tagger::tag_words(std::vector<WordInfo>& distinct, const std::vector<std::uint32_t>& word_of_token,
                       const std::vector<std::pair<std::size_t, std::size_t>>& all_sentences,
                       const Gazetteer& gazetteer, std::vector<TaggedSpan>& out) const {
  if (!loaded()) return;
  const std::size_t n = word_of_token.size();
  std::vector<std::pair<std::size_t, std::size_t>> sentences;
  sentences.reserve(all_sentences.size());
  for (const auto& s : all_sentences) {
    if (s.first < s.second && s.second <= n) sentences.push_back(s);
  }
  const TokenWords words{distinct.data(), word_of_token.data()};
  std::vector<SentenceCase> casings(sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s)
    casings[s] = sentence_case(words, sentences[s].first, sentences[s].second);
  DocumentStats doc;
  doc.build(words, n, sentences, casings.data());
  for (WordInfo& w : distinct) w.doc = doc.flags(w.lower);

  std::vector<std::int32_t> cache(distinct.size() * kNumWordSlots, RowSink::kUnresolved);
  std::vector<std::uint32_t> gaz;
  std::vector<float> emissions, scratch;
  std::vector<int> tags, back;
  RowSink sink{*this, distinct.data(), word_of_token.data(), cache.data(), {}, 0};
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const auto [begin, end] = sentences[s];
    gazetteer_features(words, begin, end, gazetteer, gaz);
    emissions.resize((end - begin) * kNumTags);
    for (std::size_t i = begin; i < end; ++i) {
      sink.count = 0;
      for_each_token_feature(words, begin, end, i, casings[s], gaz.data(), sink);
      add_rows(sink.rows, sink.count, exponents_, weights_, kScaleTable.value,
               emissions.data() + (i - begin) * kNumTags);
    }
    viterbi(emissions.data(), end - begin, transitions_.data(), tags, scratch, back);
    spans_from_tags(tags, begin, out);
  }
}

std::string encode_model(int bucket_bits, const std::vector<float>& transitions,
                         const std::vector<std::uint32_t>& row_buckets, const std::vector<float>& row_weights,
                         int levels) {
  const float top = static_cast<float>(std::clamp(levels, 1, 127));
  std::string out(kModelMagic);
  put_u32(out, static_cast<std::uint32_t>(bucket_bits));
  put_u32(out, kNumTags);
  put_u32(out, static_cast<std::uint32_t>(row_buckets.size()));
  // Perceptron decisions do not change under a global scale: normalise so that every row scale fits the
  // exponent range.
  float max_abs = 1e-12f;
  for (float w : row_weights) max_abs = std::max(max_abs, std::fabs(w));
  for (float t : transitions) {
    const float scaled = t / max_abs;
    std::uint32_t bits;
    std::memcpy(&bits, &scaled, sizeof bits);  // no std::bit_cast in Emscripten 3.1.6's libc++
    put_u32(out, bits);
  }
  std::uint32_t prev = 0;
  for (std::uint32_t b : row_buckets) {
    std::uint32_t delta = b - prev;
    prev = b;
    while (delta >= 0x80) {
      out += static_cast<char>((delta & 0x7f) | 0x80);
      delta >>= 7;
    }
    out += static_cast<char>(delta);
  }
  std::string quantised;
  quantised.reserve(row_buckets.size() * kNumTags);
  for (std::size_t r = 0; r < row_buckets.size(); ++r) {
    float row_max = 0.0f;
    for (int t = 0; t < kNumTags; ++t)
      row_max = std::max(row_max, std::fabs(row_weights[r * kNumTags + t] / max_abs));
    // Smallest exponent whose scale * 127 covers the row maximum.
    int exponent = 0;
    while (exponent < 255 && scale_of(static_cast<std::uint8_t>(exponent)) * top < row_max) ++exponent;
    const float scale = scale_of(static_cast<std::uint8_t>(exponent));
    out += static_cast<char>(exponent);
    for (int t = 0; t < kNumTags; ++t) {
      const float q = std::round(row_weights[r * kNumTags + t] / max_abs / scale);
      quantised += static_cast<char>(static_cast<std::int8_t>(std::clamp(q, -top, top)));
    }
  }
  out += quantised;
  return out;
}

const Tagger& embedded_tagger() {
  static const Tagger tagger = [] {
    Tagger t;
    t.load(data::ner_model_view(), /*copy=*/false);
    return t;
  }();
  return tagger;
}

const Gazetteer& embedded_gazetteer() {
  static const Gazetteer gazetteer = [] {
    Gazetteer g;
    g.add_text(data::gazetteer_txt_view());
    return g;
  }();
  return gazetteer;
}

}  // namespace articlescope::entities
