// Syntax layer speed, natively: tokens per second of the POS tagger, the chunker, the lemmatiser and the
// whole analysis of each sentence (syntax::analyse_sentence, what the policy stage calls), beside the NER
// tagger on the same text in the same run (the anchor: its speed is known, 3-5 M tokens/s), with ratios.
//
// Usage: syntax_bench [--text FILE] [--rounds N]
//   default text: invented news sentences generated here (deterministic), about 50,000 words
#include "entities/tagger.hpp"
#include "syntax/chunk.hpp"
#include "syntax/lemma.hpp"
#include "syntax/pos.hpp"
#include "syntax/syntax.hpp"
#include "text/segment.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace articlescope;

namespace {

// Sentences of policy news, assembled from invented parts with a fixed-seed generator.
std::string invented_text(std::size_t words_wanted) {
  static const char* actors[] = {"The council",     "Regulators", "The ministry",
                                 "A federal judge", "The agency", "Lawmakers in the state",
                                 "The city",        "Officials"};
  static const char* actions[] = {
      "banned",         "approved",          "suspended",          "will allow",
      "may not permit", "lifted the ban on", "imposed tariffs on", "has exempted"};
  static const char* objects[] = {"imports of steel",   "heavy trucks",          "the sale of the drug",
                                  "new licences",       "exports to the region", "the merger",
                                  "short-term rentals", "the pipeline"};
  static const char* tails[] = {"on Tuesday",          "from next month",  "until the review ends",
                                "after a long debate", "despite protests", "under the new law"};
  static const char* reports[] = {"", ", officials said", ", according to a statement", ", the court ruled"};
  std::string out;
  std::uint64_t state = 7;
  const auto pick = [&](std::size_t n) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>((state >> 33) % n);
  };
  std::size_t words = 0;
  while (words < words_wanted) {
    const std::string sentence = std::string(actors[pick(8)]) + " " + actions[pick(8)] + " " +
                                 objects[pick(8)] + " " + tails[pick(6)] + reports[pick(4)] + ". ";
    words += static_cast<std::size_t>(std::count(sentence.begin(), sentence.end(), ' '));
    out += sentence;
  }
  return out;
}

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

int main(int argc, char** argv) {
  std::string text;
  int rounds = 5;
  for (int k = 1; k < argc; ++k) {
    const std::string a = argv[k];
    if (a == "--text" && k + 1 < argc) {
      std::ifstream in(argv[++k], std::ios::binary);
      if (!in) {
        std::printf("skipped: cannot read %s\n", argv[k]);
        return 0;
      }
      text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    } else if (a == "--rounds" && k + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++k]));
    } else {
      std::fprintf(stderr, "usage: syntax_bench [--text FILE] [--rounds N]\n");
      return 2;
    }
  }
  if (text.empty()) text = invented_text(50000);
  const text::TextIndex index = text::segment(text, {});
  std::vector<std::string_view> words;
  for (const auto& t : index.tokens) words.emplace_back(text.data() + t.start, t.end - t.start);
  std::vector<std::pair<std::size_t, std::size_t>> sentences;
  for (const auto& s : index.sentences) sentences.emplace_back(s.first_token, s.last_token);
  const auto tokens = static_cast<double>(words.size());

  // Cold start: the embedded models, loaded on first use.
  double t0 = cpu_seconds();
  const syntax::PosTagger& tagger = syntax::embedded_pos_tagger();
  const syntax::Chunker& chunker = syntax::embedded_chunker();
  const syntax::Lemmatiser& lemmatiser = syntax::embedded_lemmatiser();
  const double load_ms = (cpu_seconds() - t0) * 1000;
  const entities::Tagger& ner = entities::embedded_tagger();
  const entities::Gazetteer& gazetteer = entities::embedded_gazetteer();

  // Best of N rounds of each: the machine is shared, the minimum is the least disturbed measurement.
  double ner_s = 1e9, pos_s = 1e9, chunk_s = 1e9, lemma_s = 1e9, whole_s = 1e9;
  std::vector<syntax::WordInfo> described;
  std::vector<syntax::Pos> tags(words.size());
  std::vector<syntax::Chunk> chunks(words.size());
  std::size_t checksum = 0;
  for (int r = 0; r < rounds; ++r) {
    t0 = cpu_seconds();
    std::vector<entities::TaggedSpan> spans;
    ner.tag(words, sentences, gazetteer, spans);
    ner_s = std::min(ner_s, cpu_seconds() - t0);
    checksum += spans.size();

    // The POS tagger as the API runs it: every sentence on its own, its words described first.
    t0 = cpu_seconds();
    for (const auto& [first, last] : sentences) {
      described.clear();
      for (std::size_t k = first; k < last; ++k) described.push_back(syntax::describe(words[k]));
      tagger.tag(described.data(), described.size(), tags.data() + first);
    }
    pos_s = std::min(pos_s, cpu_seconds() - t0);

    t0 = cpu_seconds();
    for (const auto& [first, last] : sentences) {
      described.clear();
      for (std::size_t k = first; k < last; ++k) described.push_back(syntax::describe(words[k]));
      chunker.chunk(described.data(), tags.data() + first, described.size(), chunks.data() + first);
    }
    chunk_s = std::min(chunk_s, cpu_seconds() - t0);

    t0 = cpu_seconds();
    for (std::size_t k = 0; k < words.size(); ++k) checksum += lemmatiser.lemma(words[k], tags[k]).size();
    lemma_s = std::min(lemma_s, cpu_seconds() - t0);

    t0 = cpu_seconds();
    for (std::size_t s = 0; s < index.sentences.size(); ++s)
      checksum += syntax::analyse_sentence(text, index, s).size();
    whole_s = std::min(whole_s, cpu_seconds() - t0);
  }
  const double ner_rate = tokens / ner_s, pos_rate = tokens / pos_s;
  std::printf("text: %zu bytes, %zu tokens, %zu sentences; syntax models loaded in %.2f ms (checksum %zu)\n",
              text.size(), words.size(), sentences.size(), load_ms, checksum % 1000);
  std::printf("NER tagger (anchor):         %10.0f tokens/s\n", ner_rate);
  std::printf("POS tagger (with describe):  %10.0f tokens/s  ratio to NER %.2f\n", pos_rate,
              pos_rate / ner_rate);
  std::printf("chunker (with describe):     %10.0f tokens/s  ratio to NER %.2f\n", tokens / chunk_s,
              ner_s / chunk_s);
  std::printf("lemmatiser:                  %10.0f tokens/s  ratio to NER %.2f\n", tokens / lemma_s,
              ner_s / lemma_s);
  std::printf("analyse_sentence (all):      %10.0f tokens/s  ratio to NER %.2f\n", tokens / whole_s,
              ner_s / whole_s);
  std::printf("goal POS tagger >= 1,000,000 tokens/s: %s\n", pos_rate >= 1e6 ? "met" : "NOT met");
  return 0;
}
