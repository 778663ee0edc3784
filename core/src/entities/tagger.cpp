#include "entities/tagger.hpp"

#include "data.hpp"

#include <algorithm>

ARTICLESCOPE_EMBEDDED(ner_model)
ARTICLESCOPE_EMBEDDED(gazetteer_txt)

namespace articlescope::entities {
namespace {

constexpr float kForbidden = -1e30f;

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

bool Tagger::load(std::string_view bytes, bool copy) {
  *this = Tagger();
  if (!model_.load(bytes, kModelShape, copy)) return false;
  resolve_constant_rows();
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
    if (row == kUnresolved) row = tagger.model_.row_of_feature(word_slot_hash(slot, &distinct[w]));
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
      model_.score(sink.rows, static_cast<std::size_t>(sink.count),
                   emissions.data() + (i - begin) * kNumTags);
    }
    viterbi(emissions.data(), end - begin, model_.extras().data(), tags, scratch, back);
    spans_from_tags(tags, begin, out);
  }
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
