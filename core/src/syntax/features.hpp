// Word description and feature templates of the syntax models (POS tagger, chunker), shared by inference
// (pos.cpp, chunk.cpp) and training (tools/train/pos.cpp, chunk.cpp), so a model is trained on exactly the
// features it will see. Every feature is a 64-bit hash (core/src/learn/hash.hpp).
#pragma once

#include "learn/hash.hpp"
#include "syntax/tags.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace articlescope::syntax {

/// The coarse look of a word.
enum class WordKind : std::uint8_t {
  Lower,        ///< all letters lower-case: ban
  Capitalised,  ///< first letter upper-case, the rest lower-case: Council
  Upper,        ///< all letters upper-case, more than one: NATO
  Mixed,        ///< other mixes of cases: iPhone, McDonald
  Number,       ///< digits, maybe with separators: 4,000 or 1996-08-22
  Punct,        ///< no letter and no digit: , . " $
  Other,        ///< letters without case (scripts without capitals), or digits with letters: F-16, 3D
};

/// What the features need to know about one word, computed once per token.
struct WordInfo {
  std::uint64_t form = 0;        ///< hash of the normalised, lower-cased word (see normalise_word())
  std::uint64_t shape = 0;       ///< hash of the collapsed shape ("Xx", "X.X.", "d,d", "x-x")
  std::uint64_t suffix[4] = {};  ///< hashes of the last 1..4 code points of the form (0 when shorter)
  std::uint64_t prefix = 0;      ///< hash of the first code point of the form
  WordKind kind = WordKind::Other;
  bool hyphen = false;  ///< the word has an inner hyphen
};

/// The form the models see: lower-cased, curly and doubled quotes as ASCII quotes (U+201C, ``, '' -> ",
/// U+2019 -> '), dashes as "--" and an ellipsis as "...", so that web text and the treebanks agree.
void normalise_word(std::string_view word, std::string& out);

/// Describes one word (UTF-8; any length: only the first 128 bytes of the form are hashed).
WordInfo describe(std::string_view word);

/// The hash of a form (for a word list: the same as describe(word).form).
std::uint64_t form_hash(std::string_view normalised_form);

/// Feature templates: the template id is mixed into the hash so that equal values of different templates
/// land in different rows. Never renumber: trained models depend on these ids.
enum SyntaxFeature : std::uint64_t {
  kPosBias = 101,
  kPosForm,
  kPosSuffix,  // + length 1..4
  kPosPrefix,
  kPosShape,
  kPosKind,
  kPosFormPrev,
  kPosFormNext,
  kPosFormPrev2,
  kPosFormNext2,
  kPosSuffixPrev,
  kPosSuffixNext,
  kPosTagPrev,
  kPosTagPair,
  kPosTagPrevForm,
  kPosFormBigramNext,
  kPosShapeNext,
  kPosHyphenSuffix,
  kPosPrevFormSuffix,
  kPosPrev2FormSuffix,
  kPosTagPrevSuffix,
  kChunkBias = 201,
  kChunkPos,  // + offset -2..+2
  kChunkPosPair,
  kChunkPosTriple,
  kChunkForm,
  kChunkFormPos,
  kChunkPrev,
  kChunkPrevPos,
  kChunkPrevPair,
  kChunkFormNext,
  kChunkPrevFormPos,
};

/// The history value before the first token of a sentence (tags are 0 .. classes - 1).
inline constexpr std::uint64_t kStartTag = 255;

/// Marks a neighbour beyond the sentence edge.
inline constexpr std::uint64_t kEdgeForm = 0x9e3779b97f4a7c15ull;

/// The POS features of token `i` of the sentence words[0, n) that do not depend on earlier decisions,
/// in a fixed order; the sink receives sink.feature(hash).
template <class Sink>
void pos_word_features(const WordInfo* words, std::size_t n, std::size_t i, Sink& sink) {
  using learn::mix;
  const WordInfo& w = words[i];
  const WordInfo* prev = i > 0 ? &words[i - 1] : nullptr;
  const WordInfo* next = i + 1 < n ? &words[i + 1] : nullptr;
  const std::uint64_t form_next = next ? next->form : kEdgeForm + 1;
  sink.feature(mix(0, kPosBias));
  sink.feature(mix(w.form, kPosForm));
  for (int k = 0; k < 4; ++k) {
    if (w.suffix[k] != 0) sink.feature(mix(w.suffix[k], kPosSuffix + 1000 * static_cast<std::uint64_t>(k)));
  }
  sink.feature(mix(w.prefix, kPosPrefix));
  sink.feature(mix(w.shape, kPosShape));
  sink.feature(mix(static_cast<std::uint64_t>(w.kind) * 2 + (i == 0 ? 1 : 0), kPosKind));
  sink.feature(mix(prev ? prev->form : kEdgeForm, kPosFormPrev));
  sink.feature(mix(form_next, kPosFormNext));
  sink.feature(mix(i > 1 ? words[i - 2].form : kEdgeForm + 2, kPosFormPrev2));
  sink.feature(mix(i + 2 < n ? words[i + 2].form : kEdgeForm + 3, kPosFormNext2));
  sink.feature(mix(prev ? prev->suffix[2] : kEdgeForm, kPosSuffixPrev));
  sink.feature(mix(next ? next->suffix[2] : kEdgeForm + 1, kPosSuffixNext));
  sink.feature(mix(learn::mix(w.form, form_next), kPosFormBigramNext));
  sink.feature(mix(next ? next->shape : kEdgeForm + 1, kPosShapeNext));
  if (w.hyphen) sink.feature(mix(w.suffix[2], kPosHyphenSuffix));
  // The word before (and the one before it) with this word's ending: an auxiliary before "-ed" ("was lifted",
  // "was quickly lifted", "has been lifted") against a noun before it ("the council banned").
  sink.feature(mix(learn::mix(prev ? prev->form : kEdgeForm, w.suffix[1]), kPosPrevFormSuffix));
  sink.feature(mix(learn::mix(i > 1 ? words[i - 2].form : kEdgeForm + 2, w.suffix[1]), kPosPrev2FormSuffix));
}

/// The POS features of the tags chosen before word `w`: the previous tag (kStartTag at the sentence start),
/// the two previous tags, the previous tag with the word, and with its two-letter ending ("-ed" after a noun
/// is a past tense, after "was" a participle).
template <class Sink>
void pos_history_features(const WordInfo& w, std::uint64_t prev, std::uint64_t prev2, Sink& sink) {
  using learn::mix;
  sink.feature(mix(prev, kPosTagPrev));
  sink.feature(mix(prev2 * 256 + prev, kPosTagPair));
  sink.feature(mix(learn::mix(w.form, prev), kPosTagPrevForm));
  sink.feature(mix(learn::mix(w.suffix[1], prev), kPosTagPrevSuffix));
}

/// The chunker's features of token `i` that do not depend on earlier chunk decisions: words and their POS
/// tags (`tags` are Pos values) around it.
template <class Sink>
void chunk_word_features(const WordInfo* words, const Pos* tags, std::size_t n, std::size_t i, Sink& sink) {
  using learn::mix;
  const auto tag = [&](std::ptrdiff_t offset) -> std::uint64_t {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + offset;
    if (j < 0) return kStartTag;
    if (j >= static_cast<std::ptrdiff_t>(n)) return kStartTag - 1;
    return static_cast<std::uint64_t>(tags[j]);
  };
  const std::uint64_t t[5] = {tag(-2), tag(-1), tag(0), tag(1), tag(2)};
  sink.feature(mix(0, kChunkBias));
  for (std::uint64_t k = 0; k < 5; ++k) sink.feature(mix(k * 256 + t[k], kChunkPos));
  for (std::uint64_t k = 0; k < 4; ++k) sink.feature(mix((k * 256 + t[k]) * 256 + t[k + 1], kChunkPosPair));
  for (std::uint64_t k = 0; k < 3; ++k)
    sink.feature(mix(((k * 256 + t[k]) * 256 + t[k + 1]) * 256 + t[k + 2], kChunkPosTriple));
  const WordInfo& w = words[i];
  sink.feature(mix(w.form, kChunkForm));
  sink.feature(mix(learn::mix(w.form, t[2]), kChunkFormPos));
  sink.feature(mix(learn::mix(i + 1 < n ? words[i + 1].form : kEdgeForm, t[2]), kChunkFormNext));
}

/// The chunker's feature of the previous chunk class (kStartTag at the sentence start) with the current tag.
inline std::uint64_t chunk_prev_feature(std::uint64_t prev_class, Pos tag) {
  return learn::mix(prev_class * 256 + static_cast<std::uint64_t>(tag), kChunkPrevPos);
}
/// The chunker's feature of the two previous chunk classes.
inline std::uint64_t chunk_prev_pair_feature(std::uint64_t prev2_class, std::uint64_t prev_class) {
  return learn::mix(prev2_class * 256 + prev_class, kChunkPrevPair);
}
/// The chunker's feature of the previous chunk class with the current word and tag.
inline std::uint64_t chunk_prev_form_feature(std::uint64_t prev_class, const WordInfo& w, Pos tag) {
  return learn::mix(learn::mix(w.form, prev_class * 256 + static_cast<std::uint64_t>(tag)),
                    kChunkPrevFormPos);
}

}  // namespace articlescope::syntax
