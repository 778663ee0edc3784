// `train clusters`: word classes induced from unlabelled text, for the NER tagger's features
// (core/data/word_clusters.bin, read by core/src/entities/features.cpp).
//
// Each word seen at least --min-count times is described by the words around it (one and two to the left
// and to the right, among the --contexts most frequent words), weighted by positive pointwise mutual
// information and normalised; the words are then split in two again and again (the principal direction of
// the group, refined by two-means on cosine) down to --depth levels. A word's class is its path in that
// tree, so a prefix of the path is a coarser class (the prefix features of Brown clusters). Deterministic:
// no random numbers, no clock, one thread.
//
// The file stores the --max-words most frequent words as 20-bit fingerprints of their lower-cased form's
// hash, never as text (the CoNLL text is under a research agreement); its format is
// WordClusters::encode()'s (core/src/entities/features.hpp).
//
//   train clusters --out core/data/word_clusters.bin [--conll eng.train --conll-share 0.85]
//                  [--conllu a.conllu,b.conllu] [--jsonl sentences.jsonl] [--brown DIR] [--text DIR,...]
#include "conll.hpp"
#include "entities/features.hpp"
#include "syntax_corpus.hpp"
#include "text/segment.hpp"
#include "text/utf8.hpp"
#include "train.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace train {
namespace {

using articlescope::entities::WordClusters;

// The text as sentences of lower-cased words, numbered.
class Text {
 public:
  void add_sentence(const std::vector<std::string>& words) {
    std::vector<std::uint32_t> ids;
    ids.reserve(words.size());
    for (const std::string& w : words) {
      const std::string low = articlescope::text::lower(w);
      auto [it, fresh] = ids_.try_emplace(low, static_cast<std::uint32_t>(words_.size()));
      if (fresh) {
        words_.push_back(low);
        counts_.push_back(0);
      }
      ++counts_[it->second];
      ids.push_back(it->second);
    }
    tokens_ += ids.size();
    sentences_.push_back(std::move(ids));
  }
  // Our tokeniser's words of a text (the tagger sees these).
  void add_text(std::string_view text) {
    std::vector<std::string> words;
    for (const auto& t : articlescope::text::tokenize(text))
      words.emplace_back(text.substr(t.start, t.end - t.start));
    if (!words.empty()) add_sentence(words);
  }
  const std::vector<std::vector<std::uint32_t>>& sentences() const { return sentences_; }
  const std::vector<std::string>& words() const { return words_; }
  const std::vector<std::uint64_t>& counts() const { return counts_; }
  std::size_t tokens() const { return tokens_; }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> words_;
  std::vector<std::uint64_t> counts_;
  std::vector<std::vector<std::uint32_t>> sentences_;
  std::size_t tokens_ = 0;
};

bool read_brown(const std::string& dir, Text& text) {
  // The Brown Corpus as NLTK ships it: files ca01 .. cr09, one sentence a line, "word/tag" tokens.
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (name.size() == 4 && name[0] == 'c' && std::isalpha(static_cast<unsigned char>(name[1])) &&
        std::isdigit(static_cast<unsigned char>(name[2])) &&
        std::isdigit(static_cast<unsigned char>(name[3])))
      files.push_back(entry.path());
  }
  if (error || files.empty()) return false;
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
      std::string joined;
      std::istringstream tokens(line);
      for (std::string token; tokens >> token;) {
        const std::size_t slash = token.rfind('/');
        if (slash == 0 || slash == std::string::npos) continue;
        std::string word = token.substr(0, slash);
        if (word == "``" || word == "''") word = "\"";
        if (!joined.empty()) joined += ' ';
        joined += word;
      }
      text.add_text(joined);
    }
  }
  return true;
}

// Plain text files (*.txt) of a folder, in name order, a line at a time.
bool read_text_folder(const std::string& dir, Text& text) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  if (error || files.empty()) return false;
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) text.add_text(line);
  }
  return true;
}

bool read_jsonl(const std::string& path, Text& text) {
  std::ifstream in(path);
  if (!in) return false;
  for (std::string line; std::getline(in, line);) {
    const auto record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (record.is_object() && record.contains("text") && record["text"].is_string())
      text.add_text(record["text"].get<std::string>());
  }
  return true;
}

// A word's context vector: (dimension, weight) pairs, sorted by dimension, unit length.
using Sparse = std::vector<std::pair<std::uint32_t, float>>;

std::vector<Sparse> context_vectors(const Text& text, const std::vector<std::uint32_t>& vocab, int contexts) {
  const std::size_t n_words = text.words().size();
  // The context words: the most frequent ones (ties by first appearance), plus the sentence edges.
  std::vector<std::uint32_t> by_count(n_words);
  std::iota(by_count.begin(), by_count.end(), 0u);
  std::stable_sort(by_count.begin(), by_count.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return text.counts()[a] > text.counts()[b]; });
  const auto k = static_cast<std::uint32_t>(std::min<std::size_t>(contexts, n_words));
  std::vector<std::uint32_t> context_of(n_words, k);  // k: not a context word
  for (std::uint32_t r = 0; r < k; ++r) context_of[by_count[r]] = r;
  const std::uint32_t edge = k + 1, width = k + 2;  // k + 1: beyond the sentence; k: another word
  constexpr int kOffsets[4] = {-2, -1, 1, 2};
  std::vector<std::int32_t> row_of(n_words, -1);
  for (std::size_t r = 0; r < vocab.size(); ++r) row_of[vocab[r]] = static_cast<std::int32_t>(r);
  std::vector<std::unordered_map<std::uint32_t, float>> counts(vocab.size());
  std::vector<double> context_total(4 * width, 0.0);
  for (const auto& sentence : text.sentences()) {
    const auto len = static_cast<std::ptrdiff_t>(sentence.size());
    for (std::ptrdiff_t i = 0; i < len; ++i) {
      const std::int32_t row = row_of[sentence[static_cast<std::size_t>(i)]];
      if (row < 0) continue;
      for (int o = 0; o < 4; ++o) {
        const std::ptrdiff_t j = i + kOffsets[o];
        const std::uint32_t c = j < 0 || j >= len ? edge : context_of[sentence[static_cast<std::size_t>(j)]];
        const std::uint32_t dim = static_cast<std::uint32_t>(o) * width + c;
        counts[static_cast<std::size_t>(row)][dim] += 1.0f;
        context_total[dim] += 1.0;
      }
    }
  }
  // Positive PMI with the context distribution smoothed (power 0.75), per offset.
  std::vector<double> smoothed(4 * width), smoothed_total(4, 0.0);
  for (std::uint32_t d = 0; d < 4 * width; ++d) {
    smoothed[d] = std::pow(context_total[d], 0.75);
    smoothed_total[d / width] += smoothed[d];
  }
  std::vector<Sparse> vectors(vocab.size());
  for (std::size_t r = 0; r < vocab.size(); ++r) {
    const double word_total = static_cast<double>(text.counts()[vocab[r]]);
    Sparse& v = vectors[r];
    for (const auto& [dim, count] : counts[r]) {
      const double p_context = smoothed[dim] / smoothed_total[dim / width];
      const double pmi = std::log(count / word_total / p_context);
      // The nearer neighbours count double.
      const double weight = (dim / width == 1 || dim / width == 2) ? 1.0 : 0.5;
      if (pmi > 0) v.emplace_back(dim, static_cast<float>(pmi * weight));
    }
    std::sort(v.begin(), v.end());
    double norm = 0;
    for (const auto& [dim, x] : v) norm += double{x} * x;
    norm = std::sqrt(norm);
    if (norm > 0)
      for (auto& [dim, x] : v) x = static_cast<float>(x / norm);
  }
  return vectors;
}

double dot(const Sparse& a, const std::vector<double>& dense) {
  double s = 0;
  for (const auto& [dim, x] : a) s += x * dense[dim];
  return s;
}

// Splits `members` in two: the sign of the projection on the principal direction of the centred vectors
// (power iteration from a fixed start), then two-means on cosine to the two groups' centroids.
void bisect(const std::vector<Sparse>& vectors, std::size_t dims, const std::vector<std::uint32_t>& members,
            std::vector<std::uint32_t>& left, std::vector<std::uint32_t>& right) {
  std::vector<double> mean(dims, 0.0);
  for (std::uint32_t m : members)
    for (const auto& [dim, x] : vectors[m]) mean[dim] += x;
  for (double& x : mean) x /= static_cast<double>(members.size());
  // Start: the first member (the most frequent word) minus the mean.
  std::vector<double> direction(dims, 0.0), next(dims);
  for (const auto& [dim, x] : vectors[members[0]]) direction[dim] = x;
  for (std::size_t d = 0; d < dims; ++d) direction[d] -= mean[d];
  for (int iteration = 0; iteration < 25; ++iteration) {
    std::fill(next.begin(), next.end(), 0.0);
    const double mean_projection = std::inner_product(mean.begin(), mean.end(), direction.begin(), 0.0);
    double total = 0;
    for (std::uint32_t m : members) {
      const double p = dot(vectors[m], direction) - mean_projection;
      for (const auto& [dim, x] : vectors[m]) next[dim] += p * x;
      total += p;
    }
    for (std::size_t d = 0; d < dims; ++d) next[d] -= total * mean[d];
    double norm = std::sqrt(std::inner_product(next.begin(), next.end(), next.begin(), 0.0));
    if (norm == 0) break;
    for (std::size_t d = 0; d < dims; ++d) direction[d] = next[d] / norm;
  }
  const double mean_projection = std::inner_product(mean.begin(), mean.end(), direction.begin(), 0.0);
  std::vector<std::uint8_t> side(members.size());
  for (std::size_t k = 0; k < members.size(); ++k)
    side[k] = dot(vectors[members[k]], direction) - mean_projection >= 0 ? 1 : 0;
  std::vector<double> centroid[2] = {std::vector<double>(dims), std::vector<double>(dims)};
  for (int iteration = 0; iteration < 6; ++iteration) {
    for (auto& c : centroid) std::fill(c.begin(), c.end(), 0.0);
    std::size_t sizes[2] = {0, 0};
    for (std::size_t k = 0; k < members.size(); ++k) {
      ++sizes[side[k]];
      for (const auto& [dim, x] : vectors[members[k]]) centroid[side[k]][dim] += x;
    }
    if (sizes[0] == 0 || sizes[1] == 0) break;
    for (auto& c : centroid) {
      const double norm = std::sqrt(std::inner_product(c.begin(), c.end(), c.begin(), 0.0));
      if (norm > 0)
        for (double& x : c) x /= norm;
    }
    bool moved = false;
    for (std::size_t k = 0; k < members.size(); ++k) {
      const std::uint8_t s =
          dot(vectors[members[k]], centroid[1]) > dot(vectors[members[k]], centroid[0]) ? 1 : 0;
      moved |= s != side[k];
      side[k] = s;
    }
    if (!moved) break;
  }
  left.clear();
  right.clear();
  for (std::size_t k = 0; k < members.size(); ++k) (side[k] ? right : left).push_back(members[k]);
}

// Each vocabulary word's path (a 1 bit above the path's bits).
std::vector<std::uint32_t> split_tree(const std::vector<Sparse>& vectors, std::size_t dims, int depth,
                                      std::size_t min_group) {
  std::vector<std::uint32_t> path(vectors.size(), 1);
  std::vector<std::vector<std::uint32_t>> level(1);
  level[0].resize(vectors.size());
  std::iota(level[0].begin(), level[0].end(), 0u);
  for (int d = 0; d < depth; ++d) {
    std::vector<std::vector<std::uint32_t>> deeper;
    for (const auto& group : level) {
      if (group.size() < 2 * min_group) continue;
      std::vector<std::uint32_t> left, right;
      bisect(vectors, dims, group, left, right);
      if (left.empty() || right.empty()) continue;
      for (std::uint32_t m : left) path[m] = path[m] << 1;
      for (std::uint32_t m : right) path[m] = path[m] << 1 | 1;
      deeper.push_back(std::move(left));
      deeper.push_back(std::move(right));
    }
    level = std::move(deeper);
  }
  return path;
}

int run(int argc, char** argv) {
  Args args("clusters", argc, argv);
  const std::string out_path = args.text("out", "", "the clusters file to write");
  const std::string conll_path = args.text("conll", "", "CoNLL-2003 file whose words (not labels) are read");
  const double conll_share = args.real(
      "conll-share", 0.85, "share of the CoNLL documents read, from the start (the rest is held out)");
  const std::string conllu = args.text("conllu", "", "CoNLL-U files, comma-separated");
  const std::string jsonl =
      args.text("jsonl", "", "JSON Lines files whose \"text\" is read, comma-separated");
  const std::string brown = args.text("brown", "", "folder of the Brown Corpus (NLTK's files ca01 .. cr09)");
  const std::string text_folders =
      args.text("text", "", "folders of plain text files (*.txt, a paragraph a line), comma-separated");
  const long min_count = args.integer("min-count", 3, "occurrences a word needs to get a class");
  const long contexts = args.integer("contexts", 1000, "most frequent words used as contexts");
  const long depth = args.integer("depth", 12, "levels of splits (at most 15)");
  const long min_group = args.integer("min-group", 4, "a group smaller than twice this is not split");
  const long max_words = args.integer("max-words", 10000, "most frequent words written to the file");
  const long show = args.integer(
      "show", 0, "prints the classes of this many most frequent words (a look; never commit it)");
  if (!args.finish(out_path.empty()                      ? "--out is required"
                   : depth < 1 || depth > 15             ? "--depth must be 1..15"
                   : conll_share <= 0 || conll_share > 1 ? "--conll-share must be in (0, 1]"
                                                         : ""))
    return 2;
  Text text;
  std::string report;
  if (!conll_path.empty()) {
    std::vector<conll::Document> docs;
    if (!conll::read(conll_path, docs)) {
      std::fprintf(stderr, "cannot read %s\n", conll_path.c_str());
      return 1;
    }
    docs.resize(conll::split_point(docs.size(), conll_share));
    for (const auto& doc : docs)
      for (const auto& [begin, end] : doc.sentences)
        text.add_sentence({doc.words.begin() + static_cast<std::ptrdiff_t>(begin),
                           doc.words.begin() + static_cast<std::ptrdiff_t>(end)});
    report += format("%s: the first %zu documents\n", conll_path.c_str(), docs.size());
  }
  for (const std::string& path : split_list(conllu)) {
    std::vector<corpus::Sentence> sentences;
    corpus::Stats stats;
    if (!corpus::read_conllu(path, sentences, stats)) {
      std::fprintf(stderr, "cannot read %s\n", path.c_str());
      return 1;
    }
    for (const auto& s : sentences) text.add_sentence(s.tokens);
    report += format("%s: %zu sentences\n", path.c_str(), sentences.size());
  }
  for (const std::string& path : split_list(jsonl)) {
    if (!read_jsonl(path, text)) {
      std::fprintf(stderr, "cannot read %s\n", path.c_str());
      return 1;
    }
    report += format("%s\n", path.c_str());
  }
  if (!brown.empty()) {
    if (!read_brown(brown, text)) {
      std::fprintf(stderr, "cannot read the Brown Corpus in %s\n", brown.c_str());
      return 1;
    }
    report += format("%s (Brown Corpus)\n", brown.c_str());
  }
  for (const std::string& dir : split_list(text_folders)) {
    if (!read_text_folder(dir, text)) {
      std::fprintf(stderr, "cannot read the text files in %s\n", dir.c_str());
      return 1;
    }
    report += format("%s (plain text)\n", dir.c_str());
  }
  // The vocabulary, most frequent first (ties by first appearance: deterministic).
  std::vector<std::uint32_t> vocab;
  for (std::uint32_t w = 0; w < text.words().size(); ++w) {
    if (text.counts()[w] >= static_cast<std::uint64_t>(min_count)) vocab.push_back(w);
  }
  std::stable_sort(vocab.begin(), vocab.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return text.counts()[a] > text.counts()[b]; });
  const auto vectors = context_vectors(text, vocab, static_cast<int>(contexts));
  const std::size_t dims = 4 * (static_cast<std::size_t>(contexts) + 2);
  const auto paths = split_tree(vectors, dims, static_cast<int>(depth), static_cast<std::size_t>(min_group));
  // The most frequent words, by fingerprint; on a fingerprint shared by two words the more frequent keeps it.
  std::vector<std::pair<std::uint32_t, std::uint16_t>> entries;
  std::vector<bool> taken(std::size_t{1} << WordClusters::kFingerprintBits, false);
  for (std::size_t r = 0; r < vocab.size() && entries.size() < static_cast<std::size_t>(max_words); ++r) {
    const std::uint32_t fp =
        WordClusters::fingerprint(articlescope::entities::describe(text.words()[vocab[r]]).lower);
    if (taken[fp]) continue;
    taken[fp] = true;
    entries.emplace_back(fp, static_cast<std::uint16_t>(paths[r]));
  }
  std::sort(entries.begin(), entries.end());
  const std::string bytes = WordClusters::encode(entries, static_cast<int>(depth));
  if (!write_file(out_path, bytes)) return 1;
  std::size_t leaves = 0;
  {
    std::vector<std::uint32_t> distinct(paths.begin(), paths.end());
    std::sort(distinct.begin(), distinct.end());
    leaves = static_cast<std::size_t>(std::unique(distinct.begin(), distinct.end()) - distinct.begin());
  }
  report += format(
      "%zu tokens, %zu words, %zu with %ld or more occurrences in %zu classes; %zu written, %zu bytes\n",
      text.tokens(), text.words().size(), vocab.size(), min_count, leaves, entries.size(), bytes.size());
  std::fputs(report.c_str(), stderr);
  if (show > 0) {
    // For the developer's eyes only (never commit the output: it holds words of the CoNLL text).
    std::map<std::uint32_t, std::vector<std::string>> members;
    for (std::size_t r = 0; r < vocab.size() && r < static_cast<std::size_t>(show); ++r)
      members[paths[r]].push_back(text.words()[vocab[r]]);
    for (const auto& [path, words] : members) {
      std::fprintf(stderr, "%x:", path);
      for (std::size_t k = 0; k < words.size() && k < 12; ++k) std::fprintf(stderr, " %s", words[k].c_str());
      std::fputc('\n', stderr);
    }
  }
  return 0;
}

const Registration kClusters({"clusters", "word classes from unlabelled text (NER features)", run});

}  // namespace
}  // namespace train
