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
  // After a modal and the adverbs that follow it ("cannot", "may not", "will soon") a verb comes in its base
  // form. A rare verb there is often read as a noun, an adjective or another form of the verb ("cannot
  // evict" as a noun): the modal decides. (A question's subject after its modal, "Why would someone ...", the
  // model reads as a verb anyway.)
  bool after_modal = false;
  // "cannot" is always a modal. The treebanks write it as two words ("can" "not"), so the model has seen it
  // whole a dozen times and may read it as a noun.
  static const std::uint64_t cannot = form_hash("cannot");
  static const std::uint64_t no = form_hash("no");
  static const std::uint64_t longer = form_hash("longer");
  for (std::size_t i = 0; i < n; ++i) {
    learn::RowCollector<kMaxPosFeatures> sink(model_);
    pos_word_features(words, n, i, sink);
    pos_history_features(words[i], prev, prev2, sink);
    sink.score(scores);
    int best = 0;
    for (int c = 1; c < kNumPos; ++c) {
      if (scores[c] > scores[best]) best = c;
    }
    Pos tag = words[i].form == cannot ? Pos::MD : static_cast<Pos>(best);
    // ("may no longer": "no" keeps the modal's hold, and "longer" after it is the adverb.)
    const bool no_longer = after_modal && i > 0 && words[i - 1].form == no && words[i].form == longer;
    if (no_longer) tag = Pos::RBR;
    if (after_modal &&
        (tag == Pos::NN || tag == Pos::JJ || tag == Pos::VBP || tag == Pos::VBD || tag == Pos::VBZ))
      tag = Pos::VB;
    if (tag == Pos::MD) {
      after_modal = true;
    } else if (tag != Pos::RB && tag != Pos::RBR && !(after_modal && words[i].form == no)) {
      after_modal = false;
    }
    out[i] = tag;
    prev2 = prev;
    prev = static_cast<std::uint64_t>(tag);
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
