#include "syntax/pos.hpp"

#include "data.hpp"

ARTICLESCOPE_EMBEDDED(pos_model)

namespace articlescope::syntax {
namespace {

// A history value as a table index: tags 0 .. kNumPos - 1, then the sentence start.
std::size_t history_index(std::uint64_t tag) { return tag == kStartTag ? kNumPos : static_cast<std::size_t>(tag); }
std::uint64_t history_value(std::size_t index) { return index == kNumPos ? kStartTag : index; }

struct RowSink {
  const learn::Model& model;
  std::uint32_t rows[kMaxPosFeatures];
  int count = 0;
  void push(std::int32_t row) {
    if (row >= 0 && count < kMaxPosFeatures) rows[count++] = static_cast<std::uint32_t>(row);
  }
  void feature(std::uint64_t hash) { push(model.row_of_feature(hash)); }
};

}  // namespace

bool PosTagger::load(std::string_view bytes, bool copy) {
  *this = PosTagger();
  if (!model_.load(bytes, kPosModelShape, copy)) return false;
  // The history features take few values: their rows are resolved once here.
  prev_rows_.resize(kNumPos + 1);
  pair_rows_.resize((kNumPos + 1) * (kNumPos + 1));
  for (std::size_t prev = 0; prev <= kNumPos; ++prev) {
    prev_rows_[prev] = model_.row_of_feature(pos_prev_tag_feature(history_value(prev)));
    for (std::size_t prev2 = 0; prev2 <= kNumPos; ++prev2)
      pair_rows_[prev2 * (kNumPos + 1) + prev] =
          model_.row_of_feature(pos_tag_pair_feature(history_value(prev2), history_value(prev)));
  }
  return true;
}

void PosTagger::tag(const WordInfo* words, std::size_t n, Pos* out) const {
  if (!loaded()) {
    for (std::size_t i = 0; i < n; ++i) out[i] = Pos::NN;
    return;
  }
  std::uint64_t prev = kStartTag, prev2 = kStartTag;
  float scores[kNumPos];
  for (std::size_t i = 0; i < n; ++i) {
    RowSink sink{model_, {}, 0};
    pos_word_features(words, n, i, sink);
    sink.push(prev_rows_[history_index(prev)]);
    sink.push(pair_rows_[history_index(prev2) * (kNumPos + 1) + history_index(prev)]);
    sink.feature(pos_prev_tag_form_feature(prev, words[i].form));
    model_.score(sink.rows, static_cast<std::size_t>(sink.count), scores);
    int best = 0;
    for (int c = 1; c < kNumPos; ++c) {
      if (scores[c] > scores[best]) best = c;
    }
    out[i] = static_cast<Pos>(best);
    prev2 = prev;
    prev = static_cast<std::uint64_t>(best);
  }
}

std::vector<Pos> PosTagger::tag(const std::vector<std::string_view>& words) const {
  std::vector<WordInfo> described;
  described.reserve(words.size());
  for (const std::string_view w : words) described.push_back(describe(w));
  std::vector<Pos> out(words.size());
  tag(described.data(), described.size(), out.data());
  return out;
}

const PosTagger& embedded_pos_tagger() {
  static const PosTagger tagger = [] {
    PosTagger t;
    t.load(data::pos_model_view(), /*copy=*/false);
    return t;
  }();
  return tagger;
}

}  // namespace articlescope::syntax
