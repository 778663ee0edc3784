// CoNLL-2003 reading and entity-level scoring, shared by tools/train/ner.cpp and tools/eval_ner.cpp.
// Header-only: tools/*.cpp are one executable each.
#pragma once

#include "entities/features.hpp"
#include "entities/tagger.hpp"

#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace conll {

using articlescope::entities::NerType;

/// One gold entity: tokens [first, last] of the document, with its type.
struct GoldSpan {
  std::size_t first, last;
  NerType type;
  bool operator<(const GoldSpan& o) const {
    return std::tie(first, last, type) < std::tie(o.first, o.last, o.type);
  }
};

struct Document {
  std::vector<std::string> words;
  std::vector<std::pair<std::size_t, std::size_t>> sentences;
  std::vector<GoldSpan> gold;
};

inline bool parse_type(const std::string& s, NerType& t) {
  if (s == "PER")
    t = NerType::Per;
  else if (s == "ORG")
    t = NerType::Org;
  else if (s == "LOC")
    t = NerType::Loc;
  else if (s == "MISC")
    t = NerType::Misc;
  else
    return false;
  return true;
}

/// Reads a CoNLL-2003 file (word ... tag per line, IOB1 or IOB2 tags, -DOCSTART- separates documents).
inline bool read(const std::string& path, std::vector<Document>& docs) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  Document doc;
  std::size_t sentence_start = 0;
  std::string prev_type;  // type of the open entity ("" when none)
  auto close_sentence = [&] {
    if (doc.words.size() > sentence_start) doc.sentences.emplace_back(sentence_start, doc.words.size());
    sentence_start = doc.words.size();
    prev_type.clear();
  };
  auto close_doc = [&] {
    close_sentence();
    if (!doc.words.empty()) docs.push_back(std::move(doc));
    doc = Document();
    sentence_start = 0;
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      close_sentence();
      continue;
    }
    std::istringstream fields(line);
    std::vector<std::string> cols;
    for (std::string c; fields >> c;) cols.push_back(c);
    if (cols.empty()) continue;
    if (cols[0] == "-DOCSTART-") {
      close_doc();
      continue;
    }
    const std::string& tag = cols.back();
    const std::size_t index = doc.words.size();
    doc.words.push_back(cols[0]);
    if (tag == "O" || tag.size() < 3) {
      prev_type.clear();
      continue;
    }
    const std::string type = tag.substr(2);
    NerType t;
    if (!parse_type(type, t)) {
      prev_type.clear();
      continue;
    }
    if (tag[0] == 'B' || type != prev_type) {
      doc.gold.push_back({index, index, t});
    } else {
      doc.gold.back().last = index;
    }
    prev_type = type;
  }
  close_doc();
  return true;
}

/// Exact-match counts per type (PER, ORG, LOC; MISC is ignored like the project's scorer does).
struct Score {
  long tp[4] = {}, fp[4] = {}, fn[4] = {};
  void add(const std::vector<GoldSpan>& gold, const std::vector<GoldSpan>& pred) {
    std::set<GoldSpan> g, p;
    for (const auto& s : gold)
      if (s.type != NerType::Misc) g.insert(s);
    for (const auto& s : pred)
      if (s.type != NerType::Misc) p.insert(s);
    for (const auto& s : p) (g.count(s) ? tp : fp)[static_cast<int>(s.type)]++;
    for (const auto& s : g)
      if (!p.count(s)) fn[static_cast<int>(s.type)]++;
  }
  static double f1(long t, long p, long n) {
    const double prec = t + p ? double(t) / double(t + p) : 0, rec = t + n ? double(t) / double(t + n) : 0;
    return prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0;
  }
  double overall_f1() const {
    long t = 0, p = 0, n = 0;
    for (int k = 0; k < 3; ++k) t += tp[k], p += fp[k], n += fn[k];
    return 100 * f1(t, p, n);
  }
  /// The per-type table: precision, recall, F1 and counts.
  std::string table() const {
    static const char* names[3] = {"PER", "ORG", "LOC"};
    char line[160];
    std::string out;
    long T = 0, P = 0, N = 0;
    std::snprintf(line, sizeof line, "%-8s %9s %9s %9s %7s %7s %7s\n", "type", "precision", "recall", "F1",
                  "tp", "fp", "fn");
    out += line;
    for (int k = 0; k < 3; ++k) {
      T += tp[k], P += fp[k], N += fn[k];
      const double prec = tp[k] + fp[k] ? 100.0 * tp[k] / (tp[k] + fp[k]) : 0;
      const double rec = tp[k] + fn[k] ? 100.0 * tp[k] / (tp[k] + fn[k]) : 0;
      std::snprintf(line, sizeof line, "%-8s %9.2f %9.2f %9.2f %7ld %7ld %7ld\n", names[k], prec, rec,
                    100 * f1(tp[k], fp[k], fn[k]), tp[k], fp[k], fn[k]);
      out += line;
    }
    const double prec = T + P ? 100.0 * T / (T + P) : 0, rec = T + N ? 100.0 * T / (T + N) : 0;
    std::snprintf(line, sizeof line, "%-8s %9.2f %9.2f %9.2f %7ld %7ld %7ld\n", "overall", prec, rec,
                  100 * f1(T, P, N), T, P, N);
    return out + line;
  }
  void print(std::FILE* out) const { std::fputs(table().c_str(), out); }
};

/// Lower-cases or upper-cases ASCII letters of every word (for robustness evaluation and augmentation).
inline std::string recase(const std::string& w, int mode) {
  std::string out = w;
  for (char& c : out) {
    if (mode == 1 && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (mode == 2 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

/// Casing modes of recase_document(): as written, lower, upper, headline Title Case, and the document's
/// first sentence (its headline) alone in Title Case from whatever casing it had ("JAPAN GET LUCKY WIN" ->
/// "Japan Get Lucky Win"), the body as written: what a pasted article with a Title Case headline looks like.
enum Recase { kOriginal = 0, kLower = 1, kUpper = 2, kTitle = 3, kTitleHeadline = 4 };

/// Re-cases every word of a document. Title Case capitalises the first letter of every word that starts in
/// lower case, except the small words headline styles keep in lower case ("of", "the", "and") inside a
/// sentence; capitals already there stay ("NATO", "McDonald").
inline void recase_document(Document& doc, int mode) {
  if (mode == kOriginal) return;
  if (mode == kTitleHeadline) {
    if (doc.sentences.empty()) return;
    const auto [begin, end] = doc.sentences.front();
    for (std::size_t k = begin; k < end; ++k) {
      std::string& w = doc.words[k];
      if (w.empty() || !std::isalpha(static_cast<unsigned char>(w[0]))) continue;
      w = recase(w, kLower);
      if (k > begin && articlescope::entities::is_title_case_small_word(articlescope::entities::hash_bytes(w)))
        continue;
      w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    }
    return;
  }
  if (mode != kTitle) {
    for (auto& w : doc.words) w = recase(w, mode);
    return;
  }
  for (const auto& [begin, end] : doc.sentences) {
    for (std::size_t k = begin; k < end; ++k) {
      std::string& w = doc.words[k];
      if (w.empty() || w[0] < 'a' || w[0] > 'z') continue;
      if (k > begin &&
          articlescope::entities::is_title_case_small_word(articlescope::entities::hash_bytes(w)))
        continue;
      w[0] = static_cast<char>(w[0] - 32);
    }
  }
}

/// Index of the first document of the last (1 - fraction) of `count` documents: the held-out part.
inline std::size_t split_point(std::size_t count, double fraction) {
  return static_cast<std::size_t>(static_cast<double>(count) * fraction + 0.5);
}

/// Parses a --case value; -1 when unknown.
inline int parse_recase(const std::string& name) {
  return name == "original" ? kOriginal
         : name == "lower"  ? kLower
         : name == "upper"  ? kUpper
         : name == "title"  ? kTitle
         : name == "headline" ? kTitleHeadline
                            : -1;
}

}  // namespace conll
