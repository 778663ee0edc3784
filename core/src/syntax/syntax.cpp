#include "syntax/syntax.hpp"

#include "syntax/chunk.hpp"
#include "syntax/features.hpp"
#include "syntax/lemma.hpp"
#include "syntax/pos.hpp"

#include <algorithm>

namespace articlescope::syntax {

namespace {

// Tags and lemmas of a sentence; `described` receives the words' descriptions (for the chunker).
Analysis tags_and_lemmas(const std::vector<std::string_view>& words, std::vector<WordInfo>& described) {
  Analysis a;
  const std::size_t n = words.size();
  described.clear();
  described.reserve(n);
  for (const std::string_view w : words) described.push_back(describe(w));
  a.pos.resize(n);
  embedded_pos_tagger().tag(described.data(), n, a.pos.data());
  const Lemmatiser& lemmatiser = embedded_lemmatiser();
  a.lemma.reserve(n);
  for (std::size_t i = 0; i < n; ++i) a.lemma.push_back(lemmatiser.lemma(words[i], a.pos[i]));
  return a;
}

// The words of tokens [first_token, last_token) (clipped); false when the range is empty.
bool words_of(std::string_view text, const text::TextIndex& index, std::size_t& first_token,
              std::size_t last_token, std::vector<std::string_view>& words) {
  last_token = std::min(last_token, index.tokens.size());
  first_token = std::min(first_token, index.tokens.size());
  if (first_token >= last_token) return false;
  words.reserve(last_token - first_token);
  for (std::size_t k = first_token; k < last_token; ++k) {
    const text::Token& t = index.tokens[k];
    const std::size_t start = std::min(t.start, text.size());
    words.push_back(text.substr(start, std::min(t.end, text.size()) - start));
  }
  return true;
}

}  // namespace

Analysis analyse_words(const std::vector<std::string_view>& words) {
  std::vector<WordInfo> described;
  Analysis a = tags_and_lemmas(words, described);
  a.chunk.resize(words.size());
  embedded_chunker().chunk(described.data(), a.pos.data(), words.size(), a.chunk.data());
  return a;
}

Analysis analyse(std::string_view text, const text::TextIndex& index, std::size_t first_token,
                 std::size_t last_token) {
  std::vector<std::string_view> words;
  if (!words_of(text, index, first_token, last_token, words)) {
    Analysis empty;
    empty.first_token = first_token;
    return empty;
  }
  Analysis a = analyse_words(words);
  a.first_token = first_token;
  return a;
}

Analysis tag_and_lemmatise(std::string_view text, const text::TextIndex& index, std::size_t first_token,
                           std::size_t last_token) {
  std::vector<std::string_view> words;
  std::vector<WordInfo> described;
  Analysis a;
  if (words_of(text, index, first_token, last_token, words)) a = tags_and_lemmas(words, described);
  a.first_token = first_token;
  return a;
}

Analysis analyse_sentence(std::string_view text, const text::TextIndex& index, std::size_t sentence) {
  if (sentence >= index.sentences.size()) return {};
  const text::Sentence& s = index.sentences[sentence];
  return analyse(text, index, s.first_token, s.last_token);
}

}  // namespace articlescope::syntax
