#include "entities/tagger.hpp"

#include "data.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

ARTICLESCOPE_EMBEDDED(ner_model)
ARTICLESCOPE_EMBEDDED(ner_stage2_model)
ARTICLESCOPE_EMBEDDED(gazetteer_txt)

namespace articlescope::entities {
namespace {

constexpr float kForbidden = -1e30f;

// BILOU: a tag that closes an entity (O, L-x, U-x) may precede any tag that does not continue one (O, B-x,
// U-x); I-x and L-x follow only B-x or I-x of their type.
constexpr int kNumOpening = 1 + 2 * kNumTypes;
constexpr int kClosing[kNumOpening] = {0, 3, 4, 7, 8, 11, 12, 15, 16};  // O, L-x, U-x (ascending)
constexpr int kOpening[kNumOpening] = {0, 1, 4, 5, 8, 9, 12, 13, 16};   // O, B-x, U-x

bool is_article(std::uint64_t lower_hash) {
  static const std::uint64_t kArticles[] = {hash_bytes("the"), hash_bytes("a"), hash_bytes("an")};
  return std::find(std::begin(kArticles), std::end(kArticles), lower_hash) != std::end(kArticles);
}

}  // namespace

namespace {

// Viterbi's lattice keeps each token's scores in lanes, not in tag order: the opening tags (O, B-x, U-x in
// kOpening order) padded to 12 lanes, then I-x and L-x of each type (8 lanes), so that every step is a few
// 4-lane operations natively. A padding lane is never reachable.
constexpr int kOpeningLanes = 12;
constexpr int kLanes = kOpeningLanes + 2 * kNumTypes;
constexpr int kLaneTag[kLanes] = {0, 1, 4, 5, 8, 9, 12, 13, 16, -1, -1, -1, 2, 3, 6, 7, 10, 11, 14, 15};
constexpr std::array<int, kNumTags> kTagLane = [] {
  std::array<int, kNumTags> lanes{};
  for (int lane = 0; lane < kLanes; ++lane) {
    if (kLaneTag[lane] >= 0) lanes[static_cast<std::size_t>(kLaneTag[lane])] = lane;
  }
  return lanes;
}();

// x <= kForbidden ? kForbidden : x + e, the decoder's step for a tag reached from `x`.
inline float reach(float x, float e) { return x <= kForbidden ? kForbidden : x + e; }

}  // namespace

// The forward pass keeps only the best score of each tag at each token (a max-plus product, no argmax to
// track); the backtrace then finds the predecessor of the one chosen tag per token by scoring its candidates
// again, in ascending order with a strict '>', exactly as a plain loop over the allowed predecessors would:
// the same sums, the same first maximum, so the same path (the trainer's model depends on the tie-breaking).
void viterbi(const float* emissions, std::size_t n, const float* transitions, std::vector<int>& tags,
             std::vector<float>& lattice) {
  tags.assign(n, 0);
  if (n == 0) return;
  lattice.resize(n * kLanes);
  // The transitions from closing tags into opening ones, gathered once: [closing][opening lane].
  alignas(16) float closed_to_open[kNumOpening][kOpeningLanes];
  for (int c = 0; c < kNumOpening; ++c) {
    for (int o = 0; o < kOpeningLanes; ++o)
      closed_to_open[c][o] =
          o < kNumOpening ? transitions[(kClosing[c] + 1) * kNumTags + kOpening[o]] : kForbidden;
  }
  // Into I-x and L-x (lanes 12..19): from B-x, and from I-x.
  alignas(16) float from_begin[2 * kNumTypes], from_inside[2 * kNumTypes];
  for (int k = 0; k < 2 * kNumTypes; ++k) {
    const int t = kLaneTag[kOpeningLanes + k], b = 1 + 4 * (k / 2);
    from_begin[k] = transitions[(b + 1) * kNumTags + t];
    from_inside[k] = transitions[(b + 2) * kNumTags + t];
  }
  constexpr int kClosingLane[kNumOpening] = {kTagLane[0],  kTagLane[3],  kTagLane[4],
                                             kTagLane[7],  kTagLane[8],  kTagLane[11],
                                             kTagLane[12], kTagLane[15], kTagLane[16]};
  float* prev = lattice.data();
  for (int lane = 0; lane < kLanes; ++lane) prev[lane] = kForbidden;
  for (int o = 0; o < kNumOpening; ++o) prev[o] = transitions[kOpening[o]] + emissions[kOpening[o]];
#if defined(__SSE2__)
  // The previous token's lanes stay in registers: each step's critical path is an add, a max tree and the
  // reach, not a store and reload. max_ps(a, b) is a > b ? a : b lane by lane; the best score of a lane is
  // the same whatever order its candidates are compared in (the backtrace, not this, picks the first one).
  const __m128 forbidden = _mm_set1_ps(kForbidden);
  const auto reach4 = [&](__m128 x, __m128 lane_e) {
    const __m128 closed = _mm_cmple_ps(x, forbidden);
    return _mm_or_ps(_mm_and_ps(closed, forbidden), _mm_andnot_ps(closed, _mm_add_ps(x, lane_e)));
  };
  const auto spread = [](__m128 v, int k) {  // every lane = lane k of v
    switch (k) {
      case 0:
        return _mm_shuffle_ps(v, v, _MM_SHUFFLE(0, 0, 0, 0));
      case 1:
        return _mm_shuffle_ps(v, v, _MM_SHUFFLE(1, 1, 1, 1));
      case 2:
        return _mm_shuffle_ps(v, v, _MM_SHUFFLE(2, 2, 2, 2));
      default:
        return _mm_shuffle_ps(v, v, _MM_SHUFFLE(3, 3, 3, 3));
    }
  };
  __m128 p0 = _mm_load_ps(prev), p1 = _mm_load_ps(prev + 4), p2 = _mm_load_ps(prev + 8);
  __m128 p3 = _mm_load_ps(prev + 12), p4 = _mm_load_ps(prev + 16);
  for (std::size_t i = 1; i < n; ++i) {
    const float* e = emissions + i * kNumTags;
    float* cur = prev + kLanes;
    // The emission scores in lane order (see kLaneTag).
    const __m128 e0 = _mm_loadu_ps(e), e4 = _mm_loadu_ps(e + 4), e8 = _mm_loadu_ps(e + 8);
    const __m128 e12 = _mm_loadu_ps(e + 12);
    const __m128 opening0 = _mm_shuffle_ps(e0, e4, _MM_SHUFFLE(1, 0, 1, 0));   // e0 e1 e4 e5
    const __m128 opening1 = _mm_shuffle_ps(e8, e12, _MM_SHUFFLE(1, 0, 1, 0));  // e8 e9 e12 e13
    const __m128 opening2 = _mm_load_ss(e + 16);
    const __m128 continuing0 = _mm_shuffle_ps(e0, e4, _MM_SHUFFLE(3, 2, 3, 2));   // e2 e3 e6 e7
    const __m128 continuing1 = _mm_shuffle_ps(e8, e12, _MM_SHUFFLE(3, 2, 3, 2));  // e10 e11 e14 e15
    // The closing lanes (kClosingLane: 0, 13, 2, 15, 4, 17, 6, 19, 8), each across a vector.
    const __m128 closing[kNumOpening] = {spread(p0, 0), spread(p3, 1), spread(p0, 2),
                                         spread(p3, 3), spread(p1, 0), spread(p4, 1),
                                         spread(p1, 2), spread(p4, 3), spread(p2, 0)};
    __m128 best[3];
    for (int v = 0; v < 3; ++v) {
      __m128 s[kNumOpening];
      for (int c = 0; c < kNumOpening; ++c)
        s[c] = _mm_add_ps(closing[c], _mm_load_ps(closed_to_open[c] + 4 * v));
      best[v] = _mm_max_ps(_mm_max_ps(_mm_max_ps(_mm_max_ps(s[0], s[1]), _mm_max_ps(s[2], s[3])),
                                      _mm_max_ps(_mm_max_ps(s[4], s[5]), _mm_max_ps(s[6], s[7]))),
                           s[8]);
    }
    // I-x and L-x: from B-x of each type twice (lanes 1, 3 and 5, 7 hold B-PER, B-ORG and B-LOC, B-MISC), or
    // from I-x twice; max_ps(from_i, from_b) is from_i > from_b ? from_i : from_b.
    const __m128 begin0 = _mm_shuffle_ps(p0, p0, _MM_SHUFFLE(3, 3, 1, 1));
    const __m128 begin1 = _mm_shuffle_ps(p1, p1, _MM_SHUFFLE(3, 3, 1, 1));
    const __m128 inside0 = _mm_shuffle_ps(p3, p3, _MM_SHUFFLE(2, 2, 0, 0));
    const __m128 inside1 = _mm_shuffle_ps(p4, p4, _MM_SHUFFLE(2, 2, 0, 0));
    const __m128 s0 = _mm_max_ps(_mm_add_ps(inside0, _mm_load_ps(from_inside)),
                                 _mm_add_ps(begin0, _mm_load_ps(from_begin)));
    const __m128 s1 = _mm_max_ps(_mm_add_ps(inside1, _mm_load_ps(from_inside + 4)),
                                 _mm_add_ps(begin1, _mm_load_ps(from_begin + 4)));
    p0 = reach4(best[0], opening0);
    p1 = reach4(best[1], opening1);
    p2 = reach4(best[2], opening2);
    p3 = reach4(s0, continuing0);
    p4 = reach4(s1, continuing1);
    _mm_store_ps(cur, p0);
    _mm_store_ps(cur + 4, p1);
    _mm_store_ps(cur + 8, p2);
    _mm_store_ps(cur + 12, p3);
    _mm_store_ps(cur + 16, p4);
    prev = cur;
  }
#else
  for (std::size_t i = 1; i < n; ++i) {
    const float* e = emissions + i * kNumTags;
    float* cur = prev + kLanes;
    const float lane_e[kLanes] = {e[0], e[1], e[4], e[5], e[8], e[9], e[12], e[13], e[16], 0,
                                  0,    0,    e[2], e[3], e[6], e[7], e[10], e[11], e[14], e[15]};
    float best[kOpeningLanes];
    for (int o = 0; o < kOpeningLanes; ++o) best[o] = prev[kClosingLane[0]] + closed_to_open[0][o];
    for (int c = 1; c < kNumOpening; ++c) {
      const float p = prev[kClosingLane[c]];
      for (int o = 0; o < kOpeningLanes; ++o) {
        const float s = p + closed_to_open[c][o];
        best[o] = s > best[o] ? s : best[o];
      }
    }
    for (int o = 0; o < kOpeningLanes; ++o) cur[o] = reach(best[o], lane_e[o]);
    for (int k = 0; k < 2 * kNumTypes; ++k) {
      const int b = 1 + 2 * (k / 2);  // the lanes of B-x and I-x
      const float from_b = prev[b] + from_begin[k];
      const float from_i = prev[kOpeningLanes + 2 * (k / 2)] + from_inside[k];
      cur[kOpeningLanes + k] = reach(from_i > from_b ? from_i : from_b, lane_e[kOpeningLanes + k]);
    }
    prev = cur;
  }
#endif
  int best_t = 0;
  float best = kForbidden * 2;
  for (int t = 0; t < kNumTags; ++t) {
    if (final_allowed(t) && prev[kTagLane[static_cast<std::size_t>(t)]] > best) {
      best = prev[kTagLane[static_cast<std::size_t>(t)]];
      best_t = t;
    }
  }
  for (std::size_t i = n; i-- > 0;) {
    tags[i] = best_t;
    if (i == 0) break;
    const float* before = lattice.data() + (i - 1) * kLanes;
    const int lane = kTagLane[static_cast<std::size_t>(best_t)];
    if (lane >= kOpeningLanes) {  // I-x or L-x: from B-x or I-x of its type
      const int k = lane - kOpeningLanes, b = 1 + 4 * (k / 2);
      const float from_b = before[kTagLane[static_cast<std::size_t>(b)]] + from_begin[k];
      const float from_i = before[kTagLane[static_cast<std::size_t>(b + 1)]] + from_inside[k];
      best_t = from_i > from_b ? b + 1 : b;
    } else {  // an opening tag (its lane is its place in kOpening): from a closing one
      int from = kClosing[0];
      float top = before[kClosingLane[0]] + closed_to_open[0][lane];
      for (int c = 1; c < kNumOpening; ++c) {  // without branches: which one wins is unpredictable
        const float s = before[kClosingLane[c]] + closed_to_open[c][lane];
        const bool better = s > top;
        from = better ? kClosing[c] : from;
        top = better ? s : top;
      }
      best_t = from;
    }
  }
}

bool Tagger::load(std::string_view bytes, bool copy) {
  *this = Tagger();
  if (!model_.load(bytes, kModelShape, copy)) return false;
  resolve_constant_rows();
  return true;
}

bool Tagger::load_second_stage(std::string_view bytes, bool copy) {
  second_ = learn::Model();
  second_transitions_.clear();
  if (!loaded() || !second_.load(bytes, kSecondStageShape, copy)) {
    second_ = learn::Model();
    return false;
  }
  const std::vector<float>& extras = second_.extras();
  const std::size_t transitions = kSecondStageShape.extras - 1;
  // Decoding is unchanged by a common scale: the second stage's scores are divided by the first stage's
  // weight, so that the first stage's emission scores are used as they are.
  const float first_weight = extras[transitions];
  if (!(first_weight > 0)) {
    second_ = learn::Model();
    return false;
  }
  second_scale_ = 1.0f / first_weight;
  second_transitions_.resize(transitions);
  for (std::size_t k = 0; k < transitions; ++k)
    second_transitions_[k] = model_.extras()[k] + second_scale_ * extras[k];
  return true;
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
    return model_.row_of_feature(mix(value, t));
  };
  bias_row_ = row(kBias, 0);
  edge_rows_.assign(kNumWordSlots, -1);
  for (const WordSlot slot :
       {WordSlot::LowerPrev, WordSlot::LowerNext, WordSlot::LowerPrev2, WordSlot::LowerNext2,
        WordSlot::ShapePrev, WordSlot::ShapeNext, WordSlot::SuffixPrev, WordSlot::SuffixNext}) {
    edge_rows_[static_cast<std::size_t>(slot)] = model_.row_of_feature(word_slot_hash(slot, nullptr));
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

namespace {

// The summed rows of the word-alone features (WordSlot) of one word at one position (the current token, the
// one before it, the one after it) in one casing mode (ordinary or Title Case), made once per document for
// every word seen more than once and for the sentence edge: such a token then adds three vectors instead of
// some twenty rows. A word seen once has its rows summed with the token's others.
class WordVectors {
 public:
  static constexpr int kPositions = 3;  // SlotPosition Current, Previous, Next
  /// `words`: the number of distinct words; word number `words` is the sentence edge.
  void reset(const std::vector<std::uint32_t>& word_of_token, std::size_t words) {
    std::vector<std::uint8_t> seen(words, 0);
    for (const std::uint32_t w : word_of_token) seen[w] = static_cast<std::uint8_t>(std::min(seen[w] + 1, 2));
    index_.assign(words + 1, kNone);
    std::uint32_t repeated = 0;
    for (std::size_t w = 0; w < words; ++w) {
      if (seen[w] == 2) index_[w] = repeated++;
    }
    index_[words] = repeated++;
    repeated_ = repeated;
    values_.reset(new float[std::size_t{repeated} * 2 * kPositions * kNumTags]);  // filled before use
    ready_.assign(repeated, 0);
  }
  /// The vector of word `w` at `position` in `mode` (1 for Title Case), null for a word seen once.
  float* at(std::uint32_t w, int position, int mode) const {
    const std::uint32_t index = index_[w];
    if (index == kNone) return nullptr;
    return values_.get() + ((static_cast<std::size_t>(mode) * repeated_ + index) * kPositions +
                            static_cast<std::size_t>(position)) *
                               kNumTags;
  }
  bool ready(std::uint32_t w, int position, int mode) const {
    return (ready_[index_[w]] >> (mode * kPositions + position) & 1) != 0;
  }
  void set_ready(std::uint32_t w, int position, int mode) {
    ready_[index_[w]] |= static_cast<std::uint8_t>(1u << (mode * kPositions + position));
  }

 private:
  static constexpr std::uint32_t kNone = 0xffffffffu;
  std::vector<std::uint32_t> index_;  // per word: its number among the repeated ones, kNone when seen once
  std::uint32_t repeated_ = 0;
  std::unique_ptr<float[]> values_;  // [mode][repeated word][position][tag]
  std::vector<std::uint8_t> ready_;  // per repeated word: bit mode * kPositions + position
};

}  // namespace

// Collects the weight rows of one token's features. The word-alone features at the current token and its
// neighbours go where `route` says (see WordVectors); those two words away are resolved once per distinct
// word (`far_rows`); the ones that take few values come from tables made at load.
struct Tagger::RowSink {
  static constexpr std::int32_t kUnresolved = -2;
  enum Route : std::uint8_t { kToRows, kCached, kToFill };
  const Tagger& tagger;
  const WordInfo* distinct;
  const std::uint32_t* word_of_token;
  std::int32_t* far_rows;  // distinct words x 2: the rows of LowerPrev2 and LowerNext2
  std::uint32_t rows[kMaxFeaturesPerToken] = {};
  int count = 0;
  Route route[WordVectors::kPositions] = {};
  std::uint32_t fill[WordVectors::kPositions][kMaxSlotsAtPosition] = {};
  int fill_count[WordVectors::kPositions] = {};

  void push(std::int32_t row) {
    if (row >= 0) rows[count++] = static_cast<std::uint32_t>(row);
  }
  [[gnu::always_inline]] void word(WordSlot slot, std::size_t j) {
    const SlotPosition position = slot_position(slot);
    if (position == SlotPosition::Previous2 || position == SlotPosition::Next2) {
      if (j == kSentenceEdge) return push(tagger.edge_rows_[static_cast<std::size_t>(slot)]);
      const std::uint32_t w = word_of_token[j];
      std::int32_t& row = far_rows[std::size_t{w} * 2 + (position == SlotPosition::Next2 ? 1 : 0)];
      if (row == kUnresolved) row = tagger.model_.row_of_feature(word_slot_hash(slot, &distinct[w]));
      return push(row);
    }
    const auto p = static_cast<std::size_t>(position);
    if (route[p] == kCached) return;
    const std::int32_t row = tagger.model_.row_of_feature(
        word_slot_hash(slot, j == kSentenceEdge ? nullptr : &distinct[word_of_token[j]]));
    if (row < 0) return;
    if (route[p] == kToRows) {
      rows[count++] = static_cast<std::uint32_t>(row);
    } else {
      fill[p][fill_count[p]++] = static_cast<std::uint32_t>(row);
    }
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
    push(tagger.model_.row_of_feature(mix(value, t)));
  }
};

namespace {

// The document's tokens as WordInfo, each an index into the distinct words.
struct TokenWords {
  const WordInfo* distinct;
  const std::uint32_t* word_of_token;
  const WordInfo& operator[](std::size_t i) const { return distinct[word_of_token[i]]; }
};

}  // namespace

void Tagger::distinct_words(const std::vector<std::string_view>& words, std::vector<WordInfo>& distinct,
                            std::vector<std::uint32_t>& word_of_token) {
  // Each distinct word is described once, and its one-word features resolved once (news repeats names).
  distinct.clear();
  std::vector<std::string_view> distinct_text;
  word_of_token.assign(words.size(), 0);
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
}

void Tagger::number_lower_case(const std::vector<WordInfo>& distinct, std::vector<std::uint32_t>& number) {
  number.assign(distinct.size(), 0);
  std::size_t capacity = 64;
  while (capacity < distinct.size() * 2) capacity *= 2;
  std::vector<std::uint64_t> keys(capacity, 0);  // open addressing; 0 = empty
  std::vector<std::uint32_t> numbers(capacity, 0);
  std::uint32_t next = 0;
  for (std::size_t w = 0; w < distinct.size(); ++w) {
    const std::uint64_t key = distinct[w].lower == 0 ? 1 : distinct[w].lower;
    std::size_t slot = key & (capacity - 1);
    while (keys[slot] != 0 && keys[slot] != key) slot = (slot + 1) & (capacity - 1);
    if (keys[slot] == 0) {
      keys[slot] = key;
      numbers[slot] = next++;
    }
    number[w] = numbers[slot];
  }
}

void Tagger::tag(const std::vector<std::string_view>& words,
                 const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                 const Gazetteer& gazetteer, std::vector<TaggedSpan>& out) const {
  if (!loaded()) return;
  std::vector<WordInfo> distinct;
  std::vector<std::uint32_t> word_of_token;
  distinct_words(words, distinct, word_of_token);
  FirstStage first;
  tag_words(distinct, word_of_token, sentences, gazetteer, first, has_second_stage(), &out);
}

void Tagger::first_stage(const std::vector<std::string_view>& words,
                         const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                         const Gazetteer& gazetteer, FirstStage& out) const {
  out = FirstStage();
  if (!loaded()) return;
  std::vector<WordInfo> distinct;
  std::vector<std::uint32_t> word_of_token;
  distinct_words(words, distinct, word_of_token);
  tag_words(distinct, word_of_token, sentences, gazetteer, out, true, nullptr);
}

void Tagger::tag_described(const std::vector<WordInfo>& input,
                           const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                           const Gazetteer& gazetteer, std::vector<TaggedSpan>& out) const {
  if (!loaded()) return;
  std::vector<WordInfo> words = input;
  std::vector<std::uint32_t> word_of_token(words.size());
  for (std::size_t k = 0; k < words.size(); ++k) word_of_token[k] = static_cast<std::uint32_t>(k);
  FirstStage first;
  tag_words(words, word_of_token, sentences, gazetteer, first, has_second_stage(), &out);
}

void Tagger::tag_words(std::vector<WordInfo>& distinct, const std::vector<std::uint32_t>& word_of_token,
                       const std::vector<std::pair<std::size_t, std::size_t>>& all_sentences,
                       const Gazetteer& gazetteer, FirstStage& first, bool with_second_stage,
                       std::vector<TaggedSpan>* out) const {
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

  // 1. The first stage: every token's emission scores, then the best tags of each sentence.
  std::vector<std::int32_t> far_rows(distinct.size() * 2, RowSink::kUnresolved);
  WordVectors vectors;
  vectors.reset(word_of_token, distinct.size());
  const auto edge = static_cast<std::uint32_t>(distinct.size());
  std::vector<std::uint32_t> gaz;
  std::vector<float> lattice;
  std::vector<int> tags;
  first.emissions.assign(n * kNumTags, 0.0f);
  first.tags.assign(n, 0);
  RowSink sink{*this, distinct.data(), word_of_token.data(), far_rows.data()};
  std::vector<SecondStageToken> tokens(with_second_stage ? n : 0);
  std::vector<std::uint32_t> lower_word;  // per distinct word: its lower-cased form's number
  if (with_second_stage) number_lower_case(distinct, lower_word);
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const auto [begin, end] = sentences[s];
    gazetteer_features(words, begin, end, gazetteer, gaz);
    if (with_second_stage) {
      for (std::size_t i = begin; i < end; ++i) {
        const WordInfo& w = words[i];
        tokens[i] = {
            w.lower, lower_word[word_of_token[i]],  w.shape_class, static_cast<std::uint8_t>(casings[s]),
            true,    static_cast<std::uint32_t>(s), gaz[i - begin]};
      }
    }
    const int mode = casings[s] == SentenceCase::Title ? 1 : 0;
    for (std::size_t i = begin; i < end; ++i) {
      const std::uint32_t at[WordVectors::kPositions] = {word_of_token[i],
                                                         i > begin ? word_of_token[i - 1] : edge,
                                                         i + 1 < end ? word_of_token[i + 1] : edge};
      float* vector[WordVectors::kPositions];
      for (int p = 0; p < WordVectors::kPositions; ++p) {
        vector[p] = vectors.at(at[p], p, mode);
        sink.route[p] = !vector[p]                      ? RowSink::kToRows
                        : vectors.ready(at[p], p, mode) ? RowSink::kCached
                                                        : RowSink::kToFill;
        sink.fill_count[p] = 0;
      }
      sink.count = 0;
      for_each_token_feature(words, begin, end, i, casings[s], gaz.data(), sink);
      float* e = first.emissions.data() + i * kNumTags;
      model_.score(sink.rows, static_cast<std::size_t>(sink.count), e);
      for (int p = 0; p < WordVectors::kPositions; ++p) {
        if (!vector[p]) continue;
        if (sink.route[p] == RowSink::kToFill) {
          model_.score(sink.fill[p], static_cast<std::size_t>(sink.fill_count[p]), vector[p]);
          vectors.set_ready(at[p], p, mode);
        }
        for (int t = 0; t < kNumTags; ++t) e[t] += vector[p][t];
      }
    }
    viterbi(first.emissions.data() + begin * kNumTags, end - begin, model_.extras().data(), tags, lattice);
    std::copy(tags.begin(), tags.end(), first.tags.begin() + static_cast<std::ptrdiff_t>(begin));
  }
  if (!with_second_stage) {
    if (out) {
      for (const auto& [begin, end] : sentences) {
        tags.assign(first.tags.begin() + static_cast<std::ptrdiff_t>(begin),
                    first.tags.begin() + static_cast<std::ptrdiff_t>(end));
        spans_from_tags(tags, begin, *out);
      }
    }
    return;
  }

  // 2. The second stage: the first stage's scores plus what its tags say about the same words elsewhere.
  second_stage_features(tokens, first.tags, first.features, first.offsets);
  if (!out) return;
  std::vector<std::uint32_t> rows;
  float added[kNumTags];
  for (const auto& [begin, end] : sentences) {
    for (std::size_t i = begin; i < end; ++i) {
      if (first.offsets[i] == first.offsets[i + 1]) continue;  // most words: no second-stage feature
      rows.clear();
      for (std::uint32_t f = first.offsets[i]; f < first.offsets[i + 1]; ++f) {
        const std::int32_t row = second_.row_of_feature(first.features[f]);
        if (row >= 0) rows.push_back(static_cast<std::uint32_t>(row));
      }
      if (rows.empty()) continue;
      second_.score(rows.data(), rows.size(), added);
      float* e = first.emissions.data() + i * kNumTags;
      for (int t = 0; t < kNumTags; ++t) e[t] += second_scale_ * added[t];
    }
    // The second stage settles types and consistency; whether an article belongs to a name stays the first
    // stage's call (its transition scores favour a name at a sentence start and pulled a sentence-initial
    // "The" into the organisation's name after it).
    for (std::size_t i = begin; i < end; ++i) {
      if (first.tags[i] != 0 || !is_article(words[i].lower)) continue;
      float* e = first.emissions.data() + i * kNumTags;
      std::fill(e + 1, e + kNumTags, kForbidden);
    }
    viterbi(first.emissions.data() + begin * kNumTags, end - begin, second_transitions_.data(), tags,
            lattice);
    spans_from_tags(tags, begin, *out);
  }
}

const Tagger& embedded_tagger() {
  static const Tagger tagger = [] {
    Tagger t;
    if (t.load(data::ner_model_view(), /*copy=*/false))
      t.load_second_stage(data::ner_stage2_model_view(), /*copy=*/false);
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
