#include "syntax/chunk.hpp"

#include "data.hpp"

ARTICLESCOPE_EMBEDDED(chunk_model)

namespace articlescope::syntax {
namespace {

std::size_t history_index(std::uint64_t c) {
  return c == kStartTag ? kNumChunkClasses : static_cast<std::size_t>(c);
}
std::uint64_t history_value(std::size_t index) { return index == kNumChunkClasses ? kStartTag : index; }

}  // namespace

bool chunk_transition_allowed(std::uint64_t prev, int next) {
  const Chunk c = chunk_of_class(next);
  if (c.phrase == Phrase::None || c.begin) return true;
  if (prev == kStartTag || prev >= static_cast<std::uint64_t>(kNumChunkClasses)) return false;
  return chunk_of_class(static_cast<int>(prev)).phrase == c.phrase;
}

bool Chunker::load(std::string_view bytes, bool copy) {
  *this = Chunker();
  if (!model_.load(bytes, kChunkModelShape, copy)) return false;
  constexpr std::size_t kValues = kNumChunkClasses + 1;
  pair_rows_.resize(kValues * kValues);
  for (std::size_t prev2 = 0; prev2 < kValues; ++prev2) {
    for (std::size_t prev = 0; prev < kValues; ++prev)
      pair_rows_[prev2 * kValues + prev] =
          model_.row_of_feature(chunk_prev_pair_feature(history_value(prev2), history_value(prev)));
  }
  return true;
}

void Chunker::chunk(const WordInfo* words, const Pos* tags, std::size_t n, Chunk* out) const {
  if (!loaded()) {
    for (std::size_t i = 0; i < n; ++i) out[i] = Chunk{};
    return;
  }
  constexpr std::size_t kValues = kNumChunkClasses + 1;
  std::uint64_t prev = kStartTag, prev2 = kStartTag;
  float scores[kNumChunkClasses];
  for (std::size_t i = 0; i < n; ++i) {
    learn::RowCollector<kMaxChunkFeatures> sink(model_);
    chunk_word_features(words, tags, n, i, sink);
    sink.feature(chunk_prev_feature(prev, tags[i]));
    sink.push(pair_rows_[history_index(prev2) * kValues + history_index(prev)]);
    sink.feature(chunk_prev_form_feature(prev, words[i], tags[i]));
    sink.score(scores);
    int best = 0;  // O is always allowed
    for (int c = 1; c < kNumChunkClasses; ++c) {
      if (chunk_transition_allowed(prev, c) && scores[c] > scores[best]) best = c;
    }
    out[i] = chunk_of_class(best);
    prev2 = prev;
    prev = static_cast<std::uint64_t>(best);
  }
}

const Chunker& embedded_chunker() {
  static const Chunker chunker = [] {
    Chunker c;
    c.load(data::chunk_model_view(), /*copy=*/false);
    return c;
  }();
  return chunker;
}

}  // namespace articlescope::syntax
