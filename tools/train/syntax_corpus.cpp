#include "syntax_corpus.hpp"

#include "syntax/tags.hpp"
#include "text/segment.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace corpus {
namespace {

using articlescope::syntax::Chunk;
using articlescope::syntax::Phrase;

/// A gold word before projection: its text span in Sentence::text (parts of one multi-word token share it).
struct GoldWord {
  std::string form, lemma, xpos, rel;
  std::size_t start = 0, end = 0;
  int head = -1;  // gold word index, -1 root
  int chunk = -1;
  bool multiword = false;  // a part of a UD multi-word token
};

// The tag a treebank word is learned and scored with. UD EWT writes "to" before a noun phrase as IN; Penn
// Treebank (and CoNLL-2003, most of the training data) always writes TO: one convention, Penn's, for both.
bool gold_pos(const GoldWord& g, articlescope::syntax::Pos& tag) {
  if (!articlescope::syntax::parse_pos(g.xpos, tag)) return false;
  if (tag == articlescope::syntax::Pos::IN && (g.form == "to" || g.form == "To" || g.form == "TO"))
    tag = articlescope::syntax::Pos::TO;
  return true;
}

bool starts_with_apostrophe(const std::string& s) {
  return !s.empty() && (s[0] == '\'' || s.compare(0, 3, "\xE2\x80\x99") == 0);
}

// True when `s` is a clitic that our tokeniser writes attached to the word before ("n't", "'s", "'ll").
bool is_clitic(const std::string& s) {
  std::string lower;
  for (char c : s) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return lower == "n't" || (starts_with_apostrophe(s) && s.size() > 1);
}

// Projects the gold words onto our tokens of `s.text` and appends the sentence (or counts it as skipped).
void project(const std::string& doc, std::string text, std::vector<GoldWord>& gold, bool has_tree,
             std::vector<Sentence>& out, Stats& stats) {
  namespace text_ns = articlescope::text;
  ++stats.sentences;
  for (const GoldWord& g : gold) {
    if (g.end <= g.start || g.end > text.size()) {
      ++stats.skipped_sentences;
      return;
    }
  }
  Sentence s;
  s.doc = doc;
  s.text = std::move(text);
  const std::vector<text_ns::Token> tokens = text_ns::tokenize(s.text);
  for (const auto& t : tokens) s.tokens.push_back(s.text.substr(t.start, t.end - t.start));
  const std::size_t n = tokens.size();
  s.pos.assign(n, -1);
  s.chunk.assign(n, -1);
  s.head.assign(n, -1);
  s.rel.assign(n, "");
  for (const GoldWord& g : gold) {
    s.gold_forms.push_back(g.form);
    s.gold_lemmas.push_back(g.lemma);
    s.gold_chunks.push_back(g.chunk);
    articlescope::syntax::Pos tag;
    s.gold_xpos.push_back(gold_pos(g, tag) ? std::string(articlescope::syntax::to_string(tag)) : g.xpos);
  }
  stats.gold_words += gold.size();
  stats.tokens += n;
  // Clusters of overlapping spans (gold words and our tokens, both in text order).
  std::vector<int> token_of_gold(gold.size(), -1);
  bool tree = has_tree;
  std::size_t gi = 0, ti = 0;
  while (gi < gold.size() || ti < n) {
    const std::size_t g0 = gi, t0 = ti;
    std::size_t end = 0;
    if (gi < gold.size() && (ti >= n || gold[gi].start <= tokens[ti].start)) {
      end = gold[gi++].end;
    } else {
      end = tokens[ti++].end;
    }
    for (bool grew = true; grew;) {
      grew = false;
      while (gi < gold.size() && gold[gi].start < end) end = std::max(end, gold[gi++].end), grew = true;
      while (ti < n && tokens[ti].start < end) end = std::max(end, tokens[ti++].end), grew = true;
    }
    const std::size_t k = gi - g0, m = ti - t0;
    bool pairwise = k == m && k > 0;
    for (std::size_t j = 0; pairwise && j < k; ++j) pairwise = gold[g0 + j].form == s.tokens[t0 + j];
    bool contraction = m == 1 && k > 1;
    for (std::size_t j = 1; contraction && j < k; ++j)
      contraction = gold[g0 + j].multiword || is_clitic(gold[g0 + j].form);
    articlescope::syntax::Pos tag;
    if (pairwise) {
      for (std::size_t j = 0; j < k; ++j) {
        const GoldWord& g = gold[g0 + j];
        token_of_gold[g0 + j] = static_cast<int>(t0 + j);
        if (gold_pos(g, tag)) s.pos[t0 + j] = static_cast<int>(tag);
        s.chunk[t0 + j] = g.chunk;
        ++stats.one_to_one;
      }
    } else if (contraction) {
      for (std::size_t j = 0; j < k; ++j) token_of_gold[g0 + j] = static_cast<int>(t0);
      if (gold_pos(gold[g0], tag)) s.pos[t0] = static_cast<int>(tag);
      s.chunk[t0] = gold[g0].chunk;
      ++stats.contractions;
    } else {
      stats.unreliable += m;
      tree = false;
    }
  }
  // Heads: a merged token's head is that of its one word whose head lies outside the token.
  if (tree) {
    for (std::size_t t = 0; t < n && tree; ++t) {
      int outside = 0;
      for (std::size_t g = 0; g < gold.size(); ++g) {
        if (token_of_gold[g] != static_cast<int>(t)) continue;
        const int h = gold[g].head;
        const int head_token = h < 0 ? -1 : token_of_gold[static_cast<std::size_t>(h)];
        if (head_token == static_cast<int>(t)) continue;
        if (++outside > 1) break;
        s.head[t] = head_token;
        s.rel[t] = gold[g].rel;
      }
      if (outside != 1) tree = false;
    }
  }
  s.tree = tree;
  if (tree) ++stats.trees;
  out.push_back(std::move(s));
}

std::vector<std::string> split_fields(const std::string& line, char sep) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  if (sep == ' ') {
    while (in >> field) fields.push_back(field);
  } else {
    while (std::getline(in, field, sep)) fields.push_back(field);
  }
  return fields;
}

}  // namespace

void Stats::print(const char* name) const {
  std::fprintf(stderr,
               "%s: %zu sentences (%zu skipped), %zu gold words -> %zu tokens: %zu one-to-one, %zu "
               "contractions, %zu without a reliable tag (%.2f%%); %zu whole trees\n",
               name, sentences, skipped_sentences, gold_words, tokens, one_to_one, contractions, unreliable,
               tokens ? 100.0 * static_cast<double>(unreliable) / static_cast<double>(tokens) : 0.0, trees);
}

bool read_conll2003(const std::string& path, std::vector<Sentence>& out, Stats& stats) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line, doc = "0";
  int docs = 0;
  std::vector<GoldWord> words;
  std::string text;
  Phrase prev_phrase = Phrase::None;
  const auto flush = [&] {
    if (!words.empty()) project(doc, text, words, false, out, stats);
    words.clear();
    text.clear();
    prev_phrase = Phrase::None;
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::vector<std::string> cols = split_fields(line, ' ');
    if (cols.empty()) {
      flush();
      continue;
    }
    if (cols[0] == "-DOCSTART-") {
      flush();
      doc = std::to_string(++docs);
      continue;
    }
    if (cols.size() < 3) continue;
    GoldWord g;
    g.form = cols[0];
    g.xpos = cols[1];
    // The chunk column is IOB1 (B- only between two chunks of one type): read as BIO.
    const std::string& c = cols[2];
    Phrase phrase = Phrase::None;
    if (c.size() > 2 && articlescope::syntax::parse_phrase(c.substr(2), phrase)) {
      const bool begin = c[0] == 'B' || phrase != prev_phrase;
      g.chunk = articlescope::syntax::chunk_class(Chunk{phrase, begin});
    } else {
      g.chunk = c == "O" ? 0 : -1;
    }
    prev_phrase = phrase;
    const std::string written = g.form == "--" ? "\xE2\x80\x94" : g.form;
    if (!text.empty() && !is_clitic(g.form)) text += ' ';
    g.start = text.size();
    text += written;
    g.end = text.size();
    if (written != g.form) g.form = written;
    words.push_back(std::move(g));
  }
  flush();
  return true;
}

bool read_conllu(const std::string& path, std::vector<Sentence>& out, Stats& stats) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line, doc, text;
  std::vector<GoldWord> words;
  std::size_t pos = 0;         // search position in `text`
  std::size_t range_last = 0;  // last word id of the open multi-word token (0 when none)
  std::size_t range_start = 0, range_end = 0;
  bool bad = false;
  const auto place = [&](const std::string& form, std::size_t& start, std::size_t& end) {
    const std::size_t at = text.find(form, pos);
    if (at == std::string::npos) {
      bad = true;
      return;
    }
    start = at;
    end = pos = at + form.size();
  };
  const auto flush = [&] {
    if (!words.empty()) {
      if (bad)
        ++stats.sentences, ++stats.skipped_sentences;
      else
        project(doc, text, words, true, out, stats);
    }
    words.clear();
    text.clear();
    pos = range_last = 0;
    bad = false;
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# newdoc id = ", 0) == 0) doc = line.substr(14);
      if (line.rfind("# text = ", 0) == 0) text = line.substr(9);
      continue;
    }
    const std::vector<std::string> f = split_fields(line, '\t');
    if (f.size() < 8) continue;
    const std::string& id = f[0];
    if (id.find('.') != std::string::npos) continue;  // empty nodes
    const std::size_t dash = id.find('-');
    if (dash != std::string::npos) {
      range_last = static_cast<std::size_t>(std::stoul(id.substr(dash + 1)));
      place(f[1], range_start, range_end);
      continue;
    }
    const std::size_t index = static_cast<std::size_t>(std::stoul(id));
    GoldWord g;
    g.form = f[1];
    g.lemma = f[2];
    g.xpos = f[4];
    g.head = std::stoi(f[6]) - 1;
    g.rel = f[7].substr(0, f[7].find(':'));
    if (index <= range_last) {
      g.start = range_start;
      g.end = range_end;
      g.multiword = true;
    } else {
      place(g.form, g.start, g.end);
    }
    words.push_back(std::move(g));
  }
  flush();
  return true;
}

bool read_treebank(const std::string& path, std::vector<Sentence>& out, Stats& stats) {
  const bool conllu = path.size() > 7 && path.compare(path.size() - 7, 7, ".conllu") == 0;
  return conllu ? read_conllu(path, out, stats) : read_conll2003(path, out, stats);
}

}  // namespace corpus
