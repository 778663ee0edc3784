#include "learn/model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace articlescope::learn {
namespace {

constexpr int kScaleOffset = 255;  // scale = 2^((exponent - kScaleOffset) / 8)

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
  std::size_t position() const { return pos_; }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

void put_u32(std::string& out, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) out += static_cast<char>((v >> (8 * k)) & 0xff);
}

// Appends the int8 weights (rows x classes, row by row) in a layout version's form: rows of w ^ 0x80
// (version 2) or of w (version 1); version 3: the bitmap of the zero weights, class by class (bit
// c * rows + r for row r's class c, least significant bit first), then the other weights in the same order.
void append_weights(std::string& out, std::uint32_t version, const std::int8_t* weights, std::size_t rows,
                    std::size_t classes) {
  if (version < 3) {
    const std::uint8_t flip = version == 1 ? 0x00 : 0x80;
    for (std::size_t k = 0; k < rows * classes; ++k)
      out += static_cast<char>(static_cast<std::uint8_t>(weights[k]) ^ flip);
    return;
  }
  std::string zero_bitmap((rows * classes + 7) / 8, '\0');
  std::string others;
  std::size_t bit = 0;
  for (std::size_t c = 0; c < classes; ++c) {
    for (std::size_t r = 0; r < rows; ++r, ++bit) {
      const std::int8_t w = weights[r * classes + c];
      if (w == 0)
        zero_bitmap[bit >> 3] = static_cast<char>(zero_bitmap[bit >> 3] | (1 << (bit & 7)));
      else
        others += static_cast<char>(w);
    }
  }
  out += zero_bitmap;
  out += others;
}

// Version 3's weights (the zero bitmap and the other weights, `stored`) expanded to rows x classes int8
// weights, row by row; empty when the bytes do not match the bitmap (a byte too many or too few, a bit set
// past the last weight, a zero among the non-zero weights). The bitmap is read 64 bits at a time.
std::string expand_weights(std::string_view stored, std::size_t rows, std::size_t classes) {
  const std::size_t cells = rows * classes;
  const std::size_t bitmap_bytes = (cells + 7) / 8;
  if (stored.size() < bitmap_bytes) return {};
  // Bits [64 * w, 64 * w + 64) of the bitmap, and which of them are weights (the last word's may not be).
  const auto word = [&](std::size_t w) {
    std::uint64_t v = 0;
    std::memcpy(&v, stored.data() + 8 * w, std::min<std::size_t>(8, bitmap_bytes - 8 * w));
    return v;
  };
  const auto weight_bits = [&](std::size_t w) {
    const std::size_t valid = std::min<std::size_t>(64, cells - 64 * w);
    return valid == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << valid) - 1;
  };
  const std::size_t words = (cells + 63) / 64;
  std::size_t zeros = 0;
  for (std::size_t w = 0; w < words; ++w) {
    const std::uint64_t v = word(w);
    if ((v & ~weight_bits(w)) != 0) return {};
    zeros += Model::count_bits(v);
  }
  if (stored.size() - bitmap_bytes != cells - zeros) return {};
  std::string expanded(cells, '\0');
  const char* next = stored.data() + bitmap_bytes;
  std::size_t cls = 0, class_start = 0;  // the class of bit index i, and the index of its row 0
  for (std::size_t w = 0; w < words; ++w) {
    for (std::uint64_t nonzero = ~word(w) & weight_bits(w); nonzero != 0; nonzero &= nonzero - 1) {
      const std::size_t i = 64 * w + static_cast<std::size_t>(__builtin_ctzll(nonzero));
      while (i >= class_start + rows) {
        ++cls;
        class_start += rows;
      }
      if (*next == 0) return {};
      expanded[(i - class_start) * classes + cls] = *next++;
    }
  }
  return expanded;
}

// The layout encode_model() writes: the sparse one (version 3) when at least a third of the weights are 0.
std::uint32_t chosen_version(const std::int8_t* weights, std::size_t cells) {
  const auto zeros = static_cast<std::size_t>(std::count(weights, weights + cells, std::int8_t{0}));
  return zeros * 3 >= cells ? 3 : 2;
}

void append_header(std::string& out, std::uint32_t version, std::uint32_t kind, std::uint32_t bits,
                   std::uint32_t classes, std::uint32_t rows, std::uint32_t extras) {
  out += kModelMagic;
  for (std::uint32_t v : {version, kind, bits, classes, rows, extras}) put_u32(out, v);
}

// Sums `W` consecutive classes from `first` over the rows, in row order. The accumulators stay in registers.
template <int W>
void sum_lanes(const std::uint32_t* rows, std::size_t count, const std::uint8_t* exponents,
               const std::uint8_t* weights, std::uint8_t flip, int stride, int first, float* out) {
  float acc[W] = {};
  for (std::size_t k = 0; k < count; ++k) {
    const std::uint32_t row = rows[k];
    const float scale = kScaleTable.value[exponents[row]];
    const std::uint8_t* w = weights + std::size_t{row} * static_cast<std::size_t>(stride) + first;
#if defined(__clang__)
#pragma clang loop unroll(full)
#endif
    for (int t = 0; t < W; ++t)
      acc[t] += scale * static_cast<float>(static_cast<std::int8_t>(static_cast<std::uint8_t>(w[t] ^ flip)));
  }
  for (int t = 0; t < W; ++t) out[first + t] = acc[t];
}

#if defined(__SSE2__)
// `Tail` (0 or 1) more class after the 16, summed in the same pass over the rows (a tagger's 17th tag).
template <int Tail>
void sum_16_lanes(const std::uint32_t* rows, std::size_t count, const std::uint8_t* exponents,
                  const std::uint8_t* weights, std::uint8_t flip, int stride, int first, float* out) {
  __m128 acc0 = _mm_setzero_ps(), acc1 = _mm_setzero_ps(), acc2 = _mm_setzero_ps(), acc3 = _mm_setzero_ps();
  float tail = 0;
  const __m128i flips = _mm_set1_epi8(static_cast<char>(flip));
  for (std::size_t k = 0; k < count; ++k) {
    const std::uint32_t row = rows[k];
    const float scale = kScaleTable.value[exponents[row]];
    const __m128 s = _mm_set1_ps(scale);
    const std::uint8_t* w = weights + std::size_t{row} * static_cast<std::size_t>(stride) + first;
    if constexpr (Tail == 1)
      tail += scale * static_cast<float>(static_cast<std::int8_t>(static_cast<std::uint8_t>(w[16] ^ flip)));
    const __m128i bytes = _mm_xor_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(w)), flips);
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
  }
  _mm_storeu_ps(out + first, acc0);
  _mm_storeu_ps(out + first + 4, acc1);
  _mm_storeu_ps(out + first + 8, acc2);
  _mm_storeu_ps(out + first + 12, acc3);
  if constexpr (Tail == 1) out[first + 16] = tail;
}
#elif defined(__wasm_simd128__)
template <int Tail>
void sum_16_lanes(const std::uint32_t* rows, std::size_t count, const std::uint8_t* exponents,
                  const std::uint8_t* weights, std::uint8_t flip, int stride, int first, float* out) {
  v128_t acc0 = wasm_f32x4_splat(0.0f), acc1 = acc0, acc2 = acc0, acc3 = acc0;
  const v128_t flips = wasm_i8x16_splat(static_cast<std::int8_t>(flip));
  for (std::size_t k = 0; k < count; ++k) {
    const std::uint32_t row = rows[k];
    const v128_t s = wasm_f32x4_splat(kScaleTable.value[exponents[row]]);
    const std::uint8_t* w = weights + std::size_t{row} * static_cast<std::size_t>(stride) + first;
    const v128_t bytes = wasm_v128_xor(wasm_v128_load(w), flips);
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
  }
  wasm_v128_store(out + first, acc0);
  wasm_v128_store(out + first + 4, acc1);
  wasm_v128_store(out + first + 8, acc2);
  wasm_v128_store(out + first + 12, acc3);
  if constexpr (Tail == 1) sum_lanes<1>(rows, count, exponents, weights, flip, stride, first + 16, out);
}
#else
template <int Tail>
void sum_16_lanes(const std::uint32_t* rows, std::size_t count, const std::uint8_t* exponents,
                  const std::uint8_t* weights, std::uint8_t flip, int stride, int first, float* out) {
  sum_lanes<16 + Tail>(rows, count, exponents, weights, flip, stride, first, out);
}
#endif

}  // namespace

float scale_of(std::uint8_t exponent) {
  // Exact powers of two times 2^(r/8), so that native and WebAssembly builds agree bit for bit.
  static constexpr float kEighths[8] = {1.0f,          1.0905077327f, 1.1892071150f, 1.2968395547f,
                                        1.4142135624f, 1.5422108254f, 1.6817928305f, 1.8340080864f};
  const int k = static_cast<int>(exponent) - kScaleOffset;
  const int whole = k >= 0 ? k / 8 : -((-k + 7) / 8);
  return std::ldexp(kEighths[k - 8 * whole], whole);
}

bool Model::load(std::string_view input, const ModelShape& expected, bool copy) {
  *this = Model();
  std::shared_ptr<const std::string> owned = copy ? std::make_shared<const std::string>(input) : nullptr;
  const std::string_view bytes = copy ? std::string_view(*owned) : input;
  if (bytes.size() < kModelMagic.size() || bytes.substr(0, kModelMagic.size()) != kModelMagic) return false;
  Reader in(bytes.substr(kModelMagic.size()));
  std::uint32_t version = 0, kind = 0, bits = 0, classes = 0, num_rows = 0, num_extras = 0;
  if (!in.u32(version) || !in.u32(kind) || !in.u32(bits) || !in.u32(classes) || !in.u32(num_rows) ||
      !in.u32(num_extras))
    return false;
  if (version < 1 || version > kModelVersion || kind != expected.kind ||
      static_cast<int>(classes) != expected.classes || num_extras != expected.extras)
    return false;
  if (bits < 8 || bits > kMaxBucketBits || classes == 0 || classes > kMaxClasses || num_rows > (1u << bits))
    return false;
  if (std::uint64_t{num_extras} * 4 > in.remaining()) return false;
  std::vector<float> extras(num_extras);
  for (float& x : extras) {
    if (!in.f32(x)) return false;
  }
  const std::size_t words = (std::size_t{1} << bits) / 64 + 1;
  std::vector<std::uint64_t> present(words, 0);
  std::uint32_t bucket = 0;
  for (std::uint32_t r = 0; r < num_rows; ++r) {
    std::uint32_t delta = 0;
    if (!in.varint(delta)) return false;
    if (r > 0 && delta == 0) return false;
    if (delta >= (1u << bits) - bucket) return false;
    bucket += delta;
    present[bucket >> 6] |= std::uint64_t{1} << (bucket & 63);
  }
  // 64-bit arithmetic: rows x classes may not fit a 32-bit size_t (WebAssembly).
  const std::uint64_t cells = std::uint64_t{num_rows} * classes;
  if (version < 3 ? std::uint64_t{in.remaining()} != num_rows + cells
                  : std::uint64_t{in.remaining()} < num_rows + (cells + 7) / 8 ||
                        cells > std::numeric_limits<std::size_t>::max() / 2)
    return false;
  const char* rows_at = bytes.data() + kModelMagic.size() + in.position();
  std::shared_ptr<const std::string> expanded;
  if (version >= 3) {
    std::string weights =
        expand_weights(std::string_view(rows_at + num_rows, in.remaining() - num_rows), num_rows, classes);
    if (weights.empty() && cells > 0) return false;
    expanded = std::make_shared<const std::string>(std::move(weights));
  }
  std::vector<std::uint32_t> rank(words, 0);
  std::uint32_t running = 0;
  for (std::size_t w = 0; w < words; ++w) {
    rank[w] = running;
    running += count_bits(present[w]);
  }
  bits_ = static_cast<int>(bits);
  classes_ = static_cast<int>(classes);
  rows_ = num_rows;
  extras_ = std::move(extras);
  present_ = std::move(present);
  rank_ = std::move(rank);
  // The scales (and the rows of versions 1 and 2) are used in place: no copy and no dequantisation.
  owned_ = std::move(owned);
  expanded_ = std::move(expanded);
  exponents_ = reinterpret_cast<const std::uint8_t*>(rows_at);
  weights_ = reinterpret_cast<const std::uint8_t*>(expanded_ ? expanded_->data() : rows_at + num_rows);
  flip_ = version == 2 ? 0x80 : 0x00;
  return true;
}

void Model::score(const std::uint32_t* rows, std::size_t count, float* out) const {
  int first = 0;
  for (; first + 16 <= classes_; first += 16) {
    if (classes_ - first == 17) {
      sum_16_lanes<1>(rows, count, exponents_, weights_, flip_, classes_, first, out);
      return;
    }
    sum_16_lanes<0>(rows, count, exponents_, weights_, flip_, classes_, first, out);
  }
  for (; first + 8 <= classes_; first += 8)
    sum_lanes<8>(rows, count, exponents_, weights_, flip_, classes_, first, out);
  for (; first + 4 <= classes_; first += 4)
    sum_lanes<4>(rows, count, exponents_, weights_, flip_, classes_, first, out);
  for (; first < classes_; ++first)
    sum_lanes<1>(rows, count, exponents_, weights_, flip_, classes_, first, out);
}

float Model::weight(std::size_t row, int cls) const {
  if (row >= rows_ || cls < 0 || cls >= classes_) return 0.0f;
  return scale_of(exponents_[row]) * static_cast<float>(static_cast<std::int8_t>(static_cast<std::uint8_t>(
                                         weights_[row * static_cast<std::size_t>(classes_) + cls] ^ flip_)));
}

std::string encode_model(const ModelShape& shape, int bucket_bits, const std::vector<float>& extras,
                         const std::vector<std::uint32_t>& row_buckets, const std::vector<float>& row_weights,
                         int levels, Quantisation quantisation) {
  const int classes = shape.classes;
  const auto width = static_cast<std::size_t>(classes);
  const float top = static_cast<float>(std::clamp(levels, 1, 127));
  std::string body;  // what follows the header: extras, bucket deltas, scales
  float max_abs = 1e-12f;
  for (float w : row_weights) max_abs = std::max(max_abs, std::fabs(w));
  for (float x : extras) {
    const float scaled = x / max_abs;
    std::uint32_t bits;
    std::memcpy(&bits, &scaled, sizeof bits);
    put_u32(body, bits);
  }
  std::uint32_t prev = 0;
  for (std::uint32_t b : row_buckets) {
    std::uint32_t delta = b - prev;
    prev = b;
    while (delta >= 0x80) {
      body += static_cast<char>((delta & 0x7f) | 0x80);
      delta >>= 7;
    }
    body += static_cast<char>(delta);
  }
  std::vector<float> row_max(row_buckets.size(), 0.0f);
  for (std::size_t r = 0; r < row_buckets.size(); ++r) {
    for (std::size_t t = 0; t < width; ++t)
      row_max[r] = std::max(row_max[r], std::fabs(row_weights[r * width + t] / max_abs));
  }
  // UniformStep: one scale for every row, the step of the median row (a row whose weights need more than
  // 127 of those steps gets a larger scale).
  int uniform_exponent = -1;
  if (quantisation == Quantisation::UniformStep && !row_max.empty()) {
    std::vector<float> sorted = row_max;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2),
                     sorted.end());
    const float step = sorted[sorted.size() / 2] / top;
    uniform_exponent = 0;
    while (uniform_exponent < 255 && scale_of(static_cast<std::uint8_t>(uniform_exponent)) < step)
      ++uniform_exponent;
  }
  std::vector<std::int8_t> quantised;
  quantised.reserve(row_buckets.size() * width);
  for (std::size_t r = 0; r < row_buckets.size(); ++r) {
    const float* row = row_weights.data() + r * width;
    const float row_top = uniform_exponent >= 0 ? 127.0f : top;
    // Smallest exponent (from the uniform one) whose scale * row_top covers the row maximum.
    int exponent = std::max(uniform_exponent, 0);
    while (exponent < 255 && scale_of(static_cast<std::uint8_t>(exponent)) * row_top < row_max[r]) ++exponent;
    const float scale = scale_of(static_cast<std::uint8_t>(exponent));
    body += static_cast<char>(exponent);
    for (std::size_t t = 0; t < width; ++t) {
      const float q = std::round(row[t] / max_abs / scale);
      quantised.push_back(static_cast<std::int8_t>(std::clamp(q, -row_top, row_top)));
    }
  }
  const std::uint32_t version = chosen_version(quantised.data(), quantised.size());
  std::string out;
  append_header(out, version, shape.kind, static_cast<std::uint32_t>(bucket_bits),
                static_cast<std::uint32_t>(classes), static_cast<std::uint32_t>(row_buckets.size()),
                static_cast<std::uint32_t>(extras.size()));
  out += body;
  append_weights(out, version, quantised.data(), row_buckets.size(), width);
  return out;
}

std::string recode_model(std::string_view bytes, std::uint32_t version) {
  if (version > kModelVersion) return {};
  if (bytes.size() < kModelMagic.size() || bytes.substr(0, kModelMagic.size()) != kModelMagic) return {};
  Reader in(bytes.substr(kModelMagic.size()));
  std::uint32_t old_version = 0, kind = 0, bits = 0, classes = 0, num_rows = 0, num_extras = 0;
  if (!in.u32(old_version) || !in.u32(kind) || !in.u32(bits) || !in.u32(classes) || !in.u32(num_rows) ||
      !in.u32(num_extras))
    return {};
  Model model;  // checks every field and expands the weights
  if (!model.load(bytes, ModelShape{kind, static_cast<int>(classes), num_extras}, /*copy=*/false)) return {};
  // The extras and the bucket deltas are copied as stored; the scales and weights from the loaded model.
  const std::size_t header = kModelMagic.size() + 24;
  const auto scales_at =
      static_cast<std::size_t>(model.exponents_ - reinterpret_cast<const std::uint8_t*>(bytes.data()));
  std::vector<std::int8_t> weights(std::size_t{num_rows} * classes);
  for (std::size_t k = 0; k < weights.size(); ++k)
    weights[k] = static_cast<std::int8_t>(static_cast<std::uint8_t>(model.weights_[k] ^ model.flip_));
  if (version == 0) version = chosen_version(weights.data(), weights.size());
  std::string out;
  append_header(out, version, kind, bits, classes, num_rows, num_extras);
  out.append(bytes.substr(header, scales_at - header));
  out.append(reinterpret_cast<const char*>(model.exponents_), num_rows);
  append_weights(out, version, weights.data(), num_rows, classes);
  return out;
}

}  // namespace articlescope::learn
