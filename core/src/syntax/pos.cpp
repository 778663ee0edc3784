#include "syntax/pos.hpp"

#include "data.hpp"

ARTICLESCOPE_EMBEDDED(pos_model)

namespace articlescope::syntax {
bool PosTagger::load(std::string_view bytes, bool copy) {
  *this = PosTagger();
  return model_.load(bytes, kPosModelShape, copy);
}

void PosTagger::tag(const WordInfo* words, std::size_t n, Pos* out) const {
  if (!loaded()) {
    for (std::size_t i = 0; i < n; ++i) out[i] = Pos::NN;
    return;
  }
  std::uint64_t prev = kStartTag, prev2 = kStartTag;
  float scores[kNumPos];
  for (std::size_t i = 0; i < n; ++i) {
    learn::RowCollector<kMaxPosFeatures> sink(model_);
    pos_word_features(words, n, i, sink);
    pos_history_features(words[i], prev, prev2, sink);
    sink.score(scores);
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
