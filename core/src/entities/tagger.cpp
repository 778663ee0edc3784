#include "entities/tagger.hpp"

#include "data.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

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

// Portable popcount (the baseline x86-64 and WebAssembly targets both compile this to a few instructions).
inline std::uint32_t count_bits(std::uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555ull);
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return static_cast<std::uint32_t>((x * 0x0101010101010101ull) >> 56);
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

// Allowed predecessors of each tag under BILOU (I and L follow only B or I of their type), computed once.
struct Predecessors {
  int count[kNumTags] = {};
  int list[kNumTags][kNumTags] = {};
  bool start[kNumTags] = {};
  bool final[kNumTags] = {};
  Predecessors() {
    for (int t = 0; t < kNumTags; ++t) {
      start[t] = transition_allowed(-1, t);
      final[t] = final_allowed(t);
      for (int p = 0; p < kNumTags; ++p) {
        if (transition_allowed(p, t)) list[t][count[t]++] = p;
      }
    }
  }
};
const Predecessors kPredecessors;

}  // namespace

void viterbi(const float* emissions, std::size_t n, const float* transitions, std::vector<int>& tags,
             std::vector<float>& scratch, std::vector<int>& backpointers) {
  tags.assign(n, 0);
  if (n == 0) return;
  const Predecessors& pred = kPredecessors;
  scratch.resize(2 * kNumTags);
  backpointers.resize(n * kNumTags);
  float* prev = scratch.data();
  float* cur = scratch.data() + kNumTags;
  for (int t = 0; t < kNumTags; ++t) prev[t] = pred.start[t] ? transitions[t] + emissions[t] : kForbidden;
  for (std::size_t i = 1; i < n; ++i) {
    const float* e = emissions + i * kNumTags;
    int* back = backpointers.data() + i * kNumTags;
    for (int t = 0; t < kNumTags; ++t) {
      const int* list = pred.list[t];
      int best_p = list[0];
      float best = prev[best_p] + transitions[(best_p + 1) * kNumTags + t];
      for (int k = 1; k < pred.count[t]; ++k) {
        const int p = list[k];
        const float s = prev[p] + transitions[(p + 1) * kNumTags + t];
        if (s > best) {
          best = s;
          best_p = p;
        }
      }
      cur[t] = best <= kForbidden ? kForbidden : best + e[t];
      back[t] = best_p;
    }
    std::swap(prev, cur);
  }
  int best_t = 0;
  float best = kForbidden * 2;
  for (int t = 0; t < kNumTags; ++t) {
    if (pred.final[t] && prev[t] > best) {
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
  return true;
}

void Tagger::tag(const std::vector<std::string_view>& words,
                 const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                 const Gazetteer& gazetteer, std::vector<TaggedSpan>& out) const {
  std::vector<WordInfo> described;
  described.reserve(words.size());
  for (std::string_view w : words) described.push_back(describe(w));
  tag_in_place(described, sentences, gazetteer, out);
}

void Tagger::tag_described(const std::vector<WordInfo>& input,
                           const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                           const Gazetteer& gazetteer, std::vector<TaggedSpan>& out) const {
  std::vector<WordInfo> words = input;
  tag_in_place(words, sentences, gazetteer, out);
}

void Tagger::tag_in_place(std::vector<WordInfo>& words,
                          const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                          const Gazetteer& gazetteer, std::vector<TaggedSpan>& out) const {
  if (!loaded()) return;
  const ScaleTable& scales = kScaleTable;
  DocumentStats doc;
  doc.build(words, sentences);
  doc.annotate(words);
  std::vector<std::uint32_t> gaz, features;
  std::vector<std::uint32_t> rows;
  std::vector<float> emissions, scratch;
  std::vector<int> tags, back;
  features.reserve(kMaxFeaturesPerToken);
  rows.reserve(kMaxFeaturesPerToken);
  for (const auto& [begin, end] : sentences) {
    if (begin >= end || end > words.size()) continue;
    const SentenceCase casing = sentence_case(words, begin, end);
    gazetteer_features(words, begin, end, gazetteer, gaz);
    emissions.resize((end - begin) * kNumTags);
    for (std::size_t i = begin; i < end; ++i) {
      features.clear();
      token_features(words, begin, end, i, casing, gaz, bits_, features);
      // Find the rows first, then add them up in registers: the row loads are independent, so their cache
      // misses overlap.
      rows.clear();
      for (std::uint32_t b : features) {
        const std::uint64_t word = present_[b >> 6];
        const std::uint64_t bit = std::uint64_t{1} << (b & 63);
        if ((word & bit) == 0) continue;
        const std::uint32_t row = rank_[b >> 6] + count_bits(word & (bit - 1));
        rows.push_back(row);
      }
      float acc[kNumTags] = {};
      for (const std::uint32_t row : rows) {
        const float scale = scales.value[exponents_[row]];
        const std::int8_t* w = weights_ + std::size_t{row} * kNumTags;
        // 16 + 1 so that the compiler vectorises the first sixteen.
        for (int t = 0; t < 16; ++t) acc[t] += scale * static_cast<float>(w[t]);
        for (int t = 16; t < kNumTags; ++t) acc[t] += scale * static_cast<float>(w[t]);
      }
      std::memcpy(emissions.data() + (i - begin) * kNumTags, acc, sizeof acc);
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
