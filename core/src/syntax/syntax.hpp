// The syntax layer's entry point for the later stages: part-of-speech tags, lemmas and chunks of the tokens
// of one sentence (or any run of tokens) of an article. It is cheap enough to run on single sentences: the
// policy stage analyses only the sentences that hold a candidate trigger word. The models are compiled in
// (core/data/pos.model, chunk.model, lemmas.txt) and described in core/data/SYNTAX_MODEL.md.
#pragma once

#include "syntax/tags.hpp"
#include "text/segment.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace articlescope::syntax {

/// The syntax of a run of tokens: entry k is about token first_token + k of the article's TextIndex.
struct Analysis {
  std::size_t first_token = 0;     ///< index of the first analysed token in TextIndex::tokens
  std::vector<Pos> pos;            ///< part-of-speech tag per token
  std::vector<std::string> lemma;  ///< lower-cased lemma per token ("banned" -> "ban")
  std::vector<Chunk> chunk;        ///< chunk tag per token (BIO over NP, VP, PP, ...)
  /// Number of analysed tokens.
  std::size_t size() const { return pos.size(); }
};

/// Analyses the tokens [first_token, last_token) of `index`, the tokens of `text` (ranges beyond the tokens
/// are clipped; an empty range gives an empty analysis). The run is treated as one sentence.
Analysis analyse(std::string_view text, const text::TextIndex& index, std::size_t first_token,
                 std::size_t last_token);

/// Analyses sentence `sentence` of `index` (an empty analysis when there is no such sentence).
Analysis analyse_sentence(std::string_view text, const text::TextIndex& index, std::size_t sentence);

/// Analyses words given as strings, as one sentence (tools, tests, the benchmark).
Analysis analyse_words(const std::vector<std::string_view>& words);

/// Part-of-speech tags and lemmas only (Analysis::chunk stays empty) of the tokens [first_token, last_token)
/// of `index`. What the policy stage uses: a build that never asks for chunks does not link the chunker and
/// its model (22 KB gzip of WebAssembly).
Analysis tag_and_lemmatise(std::string_view text, const text::TextIndex& index, std::size_t first_token,
                           std::size_t last_token);

}  // namespace articlescope::syntax
