// `train lemma`: the lemma exceptions table (core/data/lemmas.txt). For every word of the UD files its
// lemma by the rules (core/src/syntax/lemma.cpp) is compared with the treebank's lemma; a form whose most
// frequent treebank lemma the rules miss becomes an exception of its word class. Then the lemmatiser
// (table + rules) is scored on a held-out UD file, with gold tags and with the tagger's.
//
//   train lemma --from en_ewt-ud-dev.conllu[,...] --out core/data/lemmas.txt [--test en_ewt-ud-test.conllu]
//               [--pos-model core/data/pos.model] [--card core/data/SYNTAX_MODEL.md] [--min-count 2]
#include "syntax/lemma.hpp"
#include "syntax/features.hpp"
#include "syntax/pos.hpp"
#include "syntax_corpus.hpp"
#include "train.hpp"

#include <map>
#include <set>
#include <sstream>

namespace train {
namespace {

using articlescope::syntax::Lemmatiser;
using articlescope::syntax::Pos;

struct Word {
  std::string form, lower, lemma;
  Pos pos;
};

// The words of UD files with a tag in the Pos set and a usable lemma (numbers and typos' corrections aside).
std::vector<std::vector<Word>> read_words(const std::vector<std::string>& paths, bool& ok) {
  std::vector<std::vector<Word>> sentences;
  ok = true;
  for (const std::string& path : paths) {
    std::vector<corpus::Sentence> read;
    corpus::Stats stats;
    if (!corpus::read_conllu(path, read, stats)) {
      std::fprintf(stderr, "cannot read %s\n", path.c_str());
      ok = false;
      continue;
    }
    for (const corpus::Sentence& s : read) {
      std::vector<Word>& words = sentences.emplace_back();
      for (std::size_t i = 0; i < s.gold_forms.size(); ++i) {
        Word w;
        w.form = s.gold_forms[i];
        if (!articlescope::syntax::parse_pos(s.gold_xpos[i], w.pos)) w.pos = Pos::SYM;
        articlescope::syntax::normalise_word(w.form, w.lower);
        articlescope::syntax::normalise_word(s.gold_lemmas[i], w.lemma);
        words.push_back(std::move(w));
      }
    }
  }
  return sentences;
}

bool usable(const Word& w) {
  if (w.lemma.empty() || w.lemma == "_" || w.pos == Pos::CD || w.pos == Pos::SYM) return false;
  for (const char c : w.lemma) {
    if (c == ' ' || (c >= '0' && c <= '9')) return false;
  }
  return true;
}

// Base forms: the rules leave them as they are, so a differing treebank lemma is mostly a spelling fix.
bool base_form(Pos p) {
  return p != Pos::NNS && p != Pos::NNPS && !(p >= Pos::VBD && p <= Pos::VBZ) && p != Pos::JJR &&
         p != Pos::JJS && p != Pos::RBR && p != Pos::RBS;
}

// Reads the irregular verbs list: "base past participle" per line, '/' between variants.
bool read_irregular_verbs(const std::string& path, std::vector<Word>& out) {
  std::string text;
  if (!read_file(path, text)) return false;
  std::stringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream fields(line);
    std::string base, past, participle;
    if (!(fields >> base >> past >> participle)) continue;
    for (const auto& [forms, tag] : {std::pair{past, Pos::VBD}, std::pair{participle, Pos::VBN}}) {
      std::stringstream variants(forms);
      for (std::string form; std::getline(variants, form, '/');) out.push_back({form, form, base, tag});
    }
  }
  return true;
}

std::string derive_table(const std::vector<std::vector<Word>>& sentences, const std::vector<Word>& irregular,
                         long min_count, std::size_t& entries) {
  // (class letter + form) -> counts of its lemmas and of its tags.
  struct Counts {
    std::map<std::string, long> lemmas;
    std::map<Pos, long> tags;
  };
  std::map<std::string, Counts> seen;
  for (const auto& words : sentences) {
    for (const Word& w : words) {
      if (!usable(w)) continue;
      const char letter = articlescope::syntax::lemma_class_letter(articlescope::syntax::lemma_class(w.pos));
      Counts& c = seen[std::string(1, letter) + '\t' + w.lower];
      ++c.lemmas[w.lemma];
      ++c.tags[w.pos];
    }
  }
  // The irregular verbs fill in the past forms the treebank does not have (its own lemmas come first).
  std::set<std::string> in_treebank;
  for (const auto& [key, c] : seen) in_treebank.insert(key);
  for (const Word& w : irregular) {
    const std::string key = "V\t" + w.lower;
    if (in_treebank.count(key)) continue;
    ++seen[key].lemmas[w.lemma];
    ++seen[key].tags[w.pos];
  }
  const Lemmatiser rules_only;
  std::string table;
  entries = 0;
  for (const auto& [key, c] : seen) {
    const auto most = [](const auto& counts) {
      auto best = counts.begin();
      for (auto it = counts.begin(); it != counts.end(); ++it) {
        if (it->second > best->second) best = it;
      }
      return best;
    };
    const std::string& lemma = most(c.lemmas)->first;
    const Pos tag = most(c.tags)->first;
    long total = 0;
    for (const auto& [l, n] : c.lemmas) total += n;
    if (base_form(tag) && total < min_count) continue;
    if (rules_only.lemma(key.substr(2), tag) == lemma) continue;
    table += key + '\t' + lemma + '\n';
    ++entries;
  }
  return table;
}

struct LemmaScore {
  std::size_t right = 0, total = 0, verbs_right = 0, verbs = 0;
  void add(const Word& w, const std::string& lemma) {
    ++total;
    right += lemma == w.lemma;
    if (articlescope::syntax::is_verb(w.pos)) {
      ++verbs;
      verbs_right += lemma == w.lemma;
    }
  }
  std::string text() const {
    const auto pct = [](std::size_t a, std::size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
    return format("%.2f%% of %zu words (verbs %.2f%% of %zu)", pct(right, total), total,
                  pct(verbs_right, verbs), verbs);
  }
};

std::string score(const Lemmatiser& table, const std::vector<std::vector<Word>>& sentences,
                  const articlescope::syntax::PosTagger* tagger) {
  const Lemmatiser rules_only;
  LemmaScore with_table, rules, predicted;
  for (const auto& words : sentences) {
    std::vector<Pos> tags;
    if (tagger) {
      std::vector<std::string_view> forms;
      for (const Word& w : words) forms.push_back(w.form);
      tags = tagger->tag(forms);
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
      const Word& w = words[i];
      if (!usable(w)) continue;
      with_table.add(w, table.lemma(w.form, w.pos));
      rules.add(w, rules_only.lemma(w.form, w.pos));
      if (tagger) predicted.add(w, table.lemma(w.form, tags[i]));
    }
  }
  std::string out = "  table + rules, gold tags:      " + with_table.text() + "\n" +
                    "  rules alone, gold tags:        " + rules.text() + "\n";
  if (tagger) out += "  table + rules, predicted tags: " + predicted.text() + "\n";
  return out;
}

int run(int argc, char** argv) {
  Args args("lemma", argc, argv);
  const std::string from =
      args.text("from", "", "UD files (CoNLL-U) to derive the table from, comma-separated");
  const std::string test = args.text("test", "", "a UD file to score on, with a table derived without it");
  const std::string out_path = args.text("out", "", "the table to write");
  const std::string pos_model = args.text("pos-model", "", "a POS model: also score with predicted tags");
  const std::string card =
      args.text("card", "", "model card whose 'train lemma' block gets this run's command");
  const std::string irregular_path =
      args.text("irregular", "", "list of English irregular verbs (base past participle) to add");
  const long min_count = args.integer("min-count", 2, "occurrences an exception of a base form needs");
  if (!args.finish(from.empty() || out_path.empty() ? "--from and --out are required" : "")) return 2;
  bool ok = true;
  const auto sentences = read_words(split_list(from), ok);
  if (!ok) return 1;
  std::vector<Word> irregular;
  if (!irregular_path.empty() && !read_irregular_verbs(irregular_path, irregular)) {
    std::fprintf(stderr, "cannot read %s\n", irregular_path.c_str());
    return 1;
  }
  std::size_t entries = 0;
  const std::string header =
      "# Lemmas the rules of core/src/syntax/lemma.cpp get wrong: CLASS<TAB>form<TAB>lemma. Derived by "
      "`train\n"
      "# lemma` from the lemma column of UD English EWT (CC BY-SA 4.0; see core/data/SYNTAX_MODEL.md) and "
      "from\n"
      "# tools/train/irregular_verbs.txt.\n";
  const std::string table = header + derive_table(sentences, irregular, min_count, entries);
  if (!write_file(out_path, table)) return 1;
  std::string report = format("%zu exceptions, %zu bytes (from %s)\n", entries, table.size(), from.c_str());
  if (!test.empty()) {
    // The estimate: a table derived without the test file, scored on it.
    std::vector<std::string> others;
    for (const std::string& path : split_list(from)) {
      if (path != test) others.push_back(path);
    }
    const auto held_out = read_words({test}, ok);
    const auto rest = read_words(others, ok);
    if (!ok) return 1;
    std::size_t rest_entries = 0;
    Lemmatiser lemmatiser;
    lemmatiser.load(derive_table(rest, irregular, min_count, rest_entries));
    articlescope::syntax::PosTagger tagger;
    std::string model;
    const bool tagged = !pos_model.empty() && read_file(pos_model, model) && tagger.load(model);
    report +=
        format("%s scored with a table of %zu exceptions derived without it:\n", test.c_str(), rest_entries) +
        score(lemmatiser, held_out, tagged ? &tagger : nullptr);
  }
  std::fputs(report.c_str(), stderr);
  if (!card.empty() &&
      !write_card_block(card, "lemma", "```\n" + args.command_line() + "\n\n" + report + "```\n"))
    return 1;
  return 0;
}

const Registration kLemma({"lemma", "the lemma exceptions table (from UD EWT's lemma column)", run});

}  // namespace
}  // namespace train
