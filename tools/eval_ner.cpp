// Evaluates the NER tagger on CoNLL-format files: entity-level exact-match precision/recall/F1 per type
// (PER, ORG, LOC; MISC ignored), conlleval-style.
//
// Usage: eval_ner FILE... [--model ner.model] [--case original|lower|upper|title|headline] [--pipeline]
//                 [--from F] [--gold-json GOLD.json --pred-json PRED.json]
//   --model      a model file instead of the one compiled into the binary
//   --case       re-case the text first (robustness: lower-cased text, all-caps and Title Case text;
//                headline: each document's first sentence alone in Title Case)
//   --from F     score only the documents from fraction F of the file on (0.85: the last 15%, the part of
//                eng.train that scripts/train-ner.sh holds out)
//   --pipeline   run the whole entity stage (our tokeniser, sentences, rules, linking) on the detokenised
//                text instead of the tagger on the gold tokens; mentions must align with gold tokens
//   --gold-json/--pred-json  write the files /work/shared/scripts/entity_score.py reads, for cross-checking
// Exits 0 with a message when a file is missing (the corpus is not part of the project).
#include "conll.hpp"
#include "entities/entities.hpp"
#include "entities/tagger.hpp"
#include "text/segment.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

using namespace articlescope;
using namespace articlescope::entities;

namespace {

const char* type_name(NerType t) {
  switch (t) {
    case NerType::Per:
      return "PER";
    case NerType::Org:
      return "ORG";
    case NerType::Loc:
      return "LOC";
    case NerType::Misc:
      return "MISC";
  }
  return "MISC";
}

// The whole entity stage over the document's text (tokens joined by spaces, one sentence per line).
std::vector<conll::GoldSpan> run_pipeline(const std::vector<std::string>& words,
                                          const std::vector<std::pair<std::size_t, std::size_t>>& sentences) {
  Article article;
  std::vector<std::size_t> starts(words.size()), ends(words.size());
  for (const auto& [begin, end] : sentences) {
    for (std::size_t k = begin; k < end; ++k) {
      if (k > begin) article.text += ' ';
      starts[k] = article.text.size();
      article.text += words[k];
      ends[k] = article.text.size();
    }
    article.text += '\n';
  }
  const text::TextIndex index = text::segment(article.text, {});
  const Result result = extract(article, index);
  std::map<std::size_t, std::size_t> by_start, by_end;
  for (std::size_t k = 0; k < words.size(); ++k) {
    by_start[starts[k]] = k;
    by_end[ends[k]] = k;
  }
  std::vector<conll::GoldSpan> out;
  for (const Entity& e : result.mentions) {
    NerType t;
    if (e.type == EntityType::Person)
      t = NerType::Per;
    else if (e.type == EntityType::Org)
      t = NerType::Org;
    else if (e.type == EntityType::Location)
      t = NerType::Loc;
    else
      continue;
    const auto s = by_start.find(e.start), f = by_end.find(e.end);
    // A mention that does not align with gold tokens can never match: keep it as a certain false positive.
    out.push_back({s != by_start.end() ? s->second : words.size() + 1,
                   f != by_end.end() ? f->second : words.size() + 1, t});
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  std::string model_path, casing = "original", gold_json, pred_json;
  bool pipeline = false;
  double from = 0;
  for (int k = 1; k < argc; ++k) {
    const std::string a = argv[k];
    if (a == "--model" && k + 1 < argc)
      model_path = argv[++k];
    else if (a == "--case" && k + 1 < argc)
      casing = argv[++k];
    else if (a == "--gold-json" && k + 1 < argc)
      gold_json = argv[++k];
    else if (a == "--pred-json" && k + 1 < argc)
      pred_json = argv[++k];
    else if (a == "--pipeline")
      pipeline = true;
    else if (a == "--from" && k + 1 < argc)
      from = std::atof(argv[++k]);
    else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    } else
      files.push_back(a);
  }
  if (files.empty() || conll::parse_recase(casing) < 0 || from < 0 || from >= 1) {
    std::fprintf(stderr,
                 "usage: eval_ner FILE... [--model FILE] [--case original|lower|upper|title|headline] [--pipeline] "
                 "[--from F] [--gold-json FILE --pred-json FILE]\n");
    return 2;
  }
  Tagger own;
  const Tagger* tagger = &embedded_tagger();
  if (!model_path.empty()) {
    std::ifstream in(model_path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!own.load(bytes)) {
      std::fprintf(stderr, "cannot load model %s\n", model_path.c_str());
      return 1;
    }
    tagger = &own;
  }
  if (pipeline && !model_path.empty()) {
    std::fprintf(stderr, "--pipeline always uses the compiled-in model\n");
    return 2;
  }
  const int mode = conll::parse_recase(casing);
  int status = 0;
  for (const std::string& file : files) {
    std::vector<conll::Document> docs;
    if (!conll::read(file, docs)) {
      std::printf("skipped: %s not found (the CoNLL corpus is not part of the project)\n", file.c_str());
      continue;
    }
    if (from > 0)
      docs.erase(docs.begin(),
                 docs.begin() + static_cast<std::ptrdiff_t>(conll::split_point(docs.size(), from)));
    conll::Score score;
    nlohmann::json gold_out = nlohmann::json::array(), pred_out = nlohmann::json::array();
    std::size_t tokens = 0;
    double seconds = 0;
    for (std::size_t d = 0; d < docs.size(); ++d) {
      conll::Document& doc = docs[d];
      conll::recase_document(doc, mode);
      tokens += doc.words.size();
      const auto t0 = std::chrono::steady_clock::now();
      std::vector<conll::GoldSpan> pred;
      if (pipeline) {
        pred = run_pipeline(doc.words, doc.sentences);
      } else {
        std::vector<std::string_view> words(doc.words.begin(), doc.words.end());
        std::vector<TaggedSpan> spans;
        tagger->tag(words, doc.sentences, embedded_gazetteer(), spans);
        for (const auto& s : spans) pred.push_back({s.first, s.last, s.type});
      }
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      score.add(doc.gold, pred);
      if (!gold_json.empty()) {
        nlohmann::json sents = nlohmann::json::array(), preds = nlohmann::json::array();
        for (const auto& [begin, end] : doc.sentences) {
          nlohmann::json toks = nlohmann::json::array(), g = nlohmann::json::array(),
                         p = nlohmann::json::array();
          for (std::size_t k = begin; k < end; ++k) toks.push_back(doc.words[k]);
          for (const auto& s : doc.gold) {
            if (s.first >= begin && s.last < end)
              g.push_back({s.first - begin, s.last - begin, type_name(s.type)});
          }
          for (const auto& s : pred) {
            if (s.first >= begin && s.last < end && s.first <= s.last)
              p.push_back({s.first - begin, s.last - begin, type_name(s.type)});
          }
          sents.push_back({{"toks", toks}, {"gold", g}});
          preds.push_back(p);
        }
        gold_out.push_back({{"doc", d}, {"sents", sents}});
        pred_out.push_back({{"doc", d}, {"pred", preds}});
      }
    }
    std::printf("%s (%zu documents, %zu tokens, case %s, %s, %.0f tokens/s)\n", file.c_str(), docs.size(),
                tokens, casing.c_str(),
                pipeline ? "whole entity stage on detokenised text" : "tagger on gold tokens",
                seconds > 0 ? static_cast<double>(tokens) / seconds : 0.0);
    score.print(stdout);
    if (!gold_json.empty() && !pred_json.empty()) {
      std::ofstream(gold_json) << gold_out.dump();
      std::ofstream(pred_json) << pred_out.dump();
    }
    if (score.overall_f1() <= 0) status = 1;
  }
  return status;
}
