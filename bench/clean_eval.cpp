// Article-cleaning quality over a corpus folder (pages/<id>.html.gz + truth.json):
//  - writes {id: {articleBody, title, byline, published, site}} predictions as JSON,
//  - body: 4-word shingle P/R/F1 averaged per page (when the truth has articleBody),
//  - snippets: must-have / must-not-have snippet P/R/F1 (when the truth has with/without),
//  - metadata: title, byline, date, site agreement where the truth has them,
//  - all of it for two halves of the corpus: ids whose last hex digit is even (the development half, whose
//    pages are listed one by one) and odd (the check half, read only in aggregate), and for all pages,
//  - per-page worst cases and metadata misses of the listed half ("title+": the truth only adds a site
//    suffix), and per-page parse+clean times (for bench/clean_speed.mjs).
//  - body shingles both without and with figure captions (article.figures): some truths keep captions.
// Usage: clean_eval CORPUS_DIR [--half even|odd|both] [--out PRED.json] [--worst N] [--times TIMES.json]
// [--quiet] Exits 0 with a skip message when the corpus folder is absent.
#include "clean/clean.hpp"
#include "clean/util.hpp"
#include "text/utf8.hpp"

#include <sys/resource.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using articlescope::Article;
using articlescope::Diagnostic;
using articlescope::Options;

namespace {

std::string read_gzip(const fs::path& path) {
  const std::string command = "gzip -dc '" + path.string() + "'";
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[65536];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, got);
  pclose(pipe);
  return out;
}

// Python's re \w+ on str, approximately: ASCII letters/digits/underscore, and every non-ASCII code point that
// is not white space or punctuation.
std::vector<std::string> word_tokens(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    const char32_t cp = articlescope::text::decode(text, i, len);
    bool word;
    if (cp < 0x80) {
      word = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
    } else {
      word =
          articlescope::text::is_letter(cp) || (cp >= 0x660 && cp <= 0x669) || (cp >= 0x300 && cp <= 0x36F);
    }
    if (word) {
      current.append(text, i, len);
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
    i += len;
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::map<std::string, int> shingles(const std::string& text) {
  const auto tokens = word_tokens(text);
  std::map<std::string, int> out;
  const std::size_t count = tokens.size() >= 4 ? tokens.size() - 3 : 1;
  for (std::size_t i = 0; i < count; ++i) {
    std::string key;
    for (std::size_t k = i; k < std::min(tokens.size(), i + 4); ++k) {
      key += tokens[k];
      key += '\x1f';
    }
    if (!key.empty()) ++out[key];
  }
  return out;
}

struct Shingle {
  double tp = 0, fp = 0, fn = 0;
};

Shingle shingle_counts(const std::string& truth, const std::string& pred) {
  const auto a = shingles(truth), b = shingles(pred);
  Shingle s;
  for (const auto& [key, x] : a) {
    const auto it = b.find(key);
    const int y = it == b.end() ? 0 : it->second;
    s.tp += std::min(x, y);
    s.fn += std::max(0, x - y);
  }
  for (const auto& [key, y] : b) {
    const auto it = a.find(key);
    const int x = it == a.end() ? 0 : it->second;
    s.fp += std::max(0, y - x);
  }
  const double sum = s.tp + s.fp + s.fn;
  if (sum > 0) {
    s.tp /= sum;
    s.fp /= sum;
    s.fn /= sum;
  }
  return s;
}

double precision_of(const Shingle& s) {
  if (s.fp == 0 && s.fn == 0) return 1.0;
  if (s.tp == 0 && s.fp == 0) return 0.0;
  return s.tp / (s.tp + s.fp);
}

double recall_of(const Shingle& s) {
  if (s.fp == 0 && s.fn == 0) return 1.0;
  if (s.tp == 0 && s.fn == 0) return 0.0;
  return s.tp / (s.tp + s.fn);
}

std::string squeeze(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

std::string truth_string(const nlohmann::json& item, const char* key) {
  const auto it = item.find(key);
  if (it == item.end() || !it->is_string()) return {};
  std::string value = it->get<std::string>();
  if (value == "None") return {};
  return value;
}

// Metadata comparison keys: white space squeezed, typographic quotes and dashes unified.
std::string title_key(const std::string& title) {
  std::string s = squeeze(title);
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{{"\xE2\x80\x99", "'"},
                                                                                 {"\xE2\x80\x98", "'"},
                                                                                 {"\xE2\x80\x9C", "\""},
                                                                                 {"\xE2\x80\x9D", "\""},
                                                                                 {"\xE2\x80\x93", "-"},
                                                                                 {"\xE2\x80\x94", "-"},
                                                                                 {"\xC2\xA0", " "}}) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
      s.replace(pos, from.size(), to);
    }
  }
  return squeeze(s);
}

bool title_matches_with_site(const std::string& ours, const std::string& truth) {
  // The truth (Readability) keeps " | Site" suffixes of og:title that we remove on purpose.
  const std::string o = title_key(ours), t = title_key(truth);
  if (o.empty() || o == t) return !o.empty();
  if (t.rfind(o, 0) == 0 && t.size() > o.size() + 2) {
    const std::string rest = t.substr(o.size());
    for (const char* sep : {" | ", " - ", " : ", " :: ", " » ", " · ", " / ", " _ "}) {
      if (rest.rfind(sep, 0) == 0) return true;
    }
  }
  if (t.size() > o.size() + 2 && t.ends_with(o)) {
    const std::string head = t.substr(0, t.size() - o.size());
    for (const char* sep : {" | ", " - ", " : ", " » ", " · "}) {
      if (head.ends_with(sep)) return true;
    }
  }
  return false;
}

bool byline_matches(const std::string& ours, const std::string& truth) {
  std::string o = articlescope::clean::normalise_key(ours), t = articlescope::clean::normalise_key(truth);
  for (std::string* s : {&o, &t}) {
    if (s->rfind("by ", 0) == 0) s->erase(0, 3);
  }
  if (o.empty() || t.empty()) return false;
  return o == t || o.find(t) != std::string::npos || t.find(o) != std::string::npos;
}

bool date_matches(const std::string& ours, const std::string& truth) {
  const std::string t = articlescope::clean::normalise_date(truth);
  return !ours.empty() && !t.empty() && ours.substr(0, 10) == t.substr(0, 10);
}

bool site_matches(const std::string& ours, const std::string& truth) {
  const std::string o = articlescope::clean::normalise_key(ours),
                    t = articlescope::clean::normalise_key(truth);
  return !o.empty() && o == t;
}

// Agreement on one metadata field. For titles `loose` is the figure that counts: the truth, or the truth with
// its site-name suffix or prefix removed (we strip site names on purpose); `match` is the exact figure.
struct Tally {
  int have = 0;
  int match = 0;
  int loose = 0;
  int identical = -1;  // byte for byte, when counted (titles): "exact" above unifies white space and quotes
  void print(const char* name) const {
    if (have == 0) return;
    if (identical >= 0) {
      std::printf(
          "  %-8s %5.1f%% right (%d/%d: the truth, or the truth less its site name)  [%.1f%% exact, %d "
          "byte-identical]\n",
          name, 100.0 * loose / have, loose, have, 100.0 * match / have, identical);
      return;
    }
    std::printf("  %-8s %5.1f%% exact  (%d/%d)\n", name, 100.0 * match / have, match, have);
  }
};

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// Everything scored over a set of pages (one half of the corpus, or all of it).
struct Scores {
  std::vector<double> precisions, recalls;        // body shingle, captions out (article.text)
  std::vector<double> precisions_in, recalls_in;  // body shingle, captions in (text + figure captions)
  long snippet_tp = 0, snippet_fp = 0, snippet_fn = 0, snippet_tn = 0;
  Tally title, byline, date, site;
  int readerable_have = 0, readerable_match = 0;
  int pages = 0;
  Scores() { title.identical = 0; }

  void add(const Scores& other) {
    precisions.insert(precisions.end(), other.precisions.begin(), other.precisions.end());
    recalls.insert(recalls.end(), other.recalls.begin(), other.recalls.end());
    precisions_in.insert(precisions_in.end(), other.precisions_in.begin(), other.precisions_in.end());
    recalls_in.insert(recalls_in.end(), other.recalls_in.begin(), other.recalls_in.end());
    snippet_tp += other.snippet_tp;
    snippet_fp += other.snippet_fp;
    snippet_fn += other.snippet_fn;
    snippet_tn += other.snippet_tn;
    for (auto [to, from] : {std::pair{&title, &other.title}, std::pair{&byline, &other.byline},
                            std::pair{&date, &other.date}, std::pair{&site, &other.site}}) {
      to->have += from->have;
      to->match += from->match;
      to->loose += from->loose;
      if (to->identical >= 0) to->identical += from->identical;
    }
    readerable_have += other.readerable_have;
    readerable_match += other.readerable_match;
    pages += other.pages;
  }

  static double mean(const std::vector<double>& values) {
    double sum = 0;
    for (double v : values) sum += v;
    return values.empty() ? 0 : sum / values.size();
  }

  void print(const char* name) const {
    std::printf("[%s] %d pages\n", name, pages);
    if (!precisions.empty() || !recalls.empty()) {
      const double p = mean(precisions), r = mean(recalls);
      const double pi = mean(precisions_in), ri = mean(recalls_in);
      std::printf(
          "  body shingle (4-word, per-page mean): F1 %.3f  P %.3f  R %.3f   captions in: F1 %.3f  P %.3f  R "
          "%.3f\n",
          p + r > 0 ? 2 * p * r / (p + r) : 0, p, r, pi + ri > 0 ? 2 * pi * ri / (pi + ri) : 0, pi, ri);
    }
    if (snippet_tp + snippet_fn + snippet_fp > 0) {
      const double p =
          snippet_tp + snippet_fp ? static_cast<double>(snippet_tp) / (snippet_tp + snippet_fp) : 0;
      const double r =
          snippet_tp + snippet_fn ? static_cast<double>(snippet_tp) / (snippet_tp + snippet_fn) : 0;
      std::printf("  snippets: F1 %.3f  P %.3f  R %.3f  (tp %ld fp %ld fn %ld tn %ld)\n",
                  p + r > 0 ? 2 * p * r / (p + r) : 0, p, r, snippet_tp, snippet_fp, snippet_fn, snippet_tn);
    }
    if (title.have + byline.have + date.have + site.have > 0) {
      title.print("title");
      byline.print("byline");
      date.print("date");
      site.print("site");
      if (readerable_have > 0) {
        std::printf("  %-8s %5.1f%% agree  (%d/%d)\n", "readable", 100.0 * readerable_match / readerable_have,
                    readerable_match, readerable_have);
      }
    }
  }
};

// Pages split in two by the parity of the last hex digit of their id: the even half is developed against
// (looked at page by page), the odd half only checked in aggregate. Ids that are not hex numbers (another
// corpus's names) all count as even.
int half_of(const std::string& id) {
  if (id.empty() ||
      !std::all_of(id.begin(), id.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }))
    return 0;
  const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(id.back())));
  return (c >= '0' && c <= '9' ? c - '0' : c - 'a' + 10) % 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: clean_eval CORPUS_DIR [--half even|odd|both] [--out PRED.json] [--worst N] "
                 "[--times TIMES.json] [--quiet]\n");
    return 2;
  }
  const fs::path corpus = argv[1];
  std::string out_path, times_path, half = "even";
  int worst = 10;
  bool quiet = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--out" && i + 1 < argc)
      out_path = argv[++i];
    else if (arg == "--worst" && i + 1 < argc)
      worst = std::atoi(argv[++i]);
    else if (arg == "--times" && i + 1 < argc)
      times_path = argv[++i];
    else if (arg == "--half" && i + 1 < argc)
      half = argv[++i];
    else if (arg == "--quiet")
      quiet = true;
  }
  if (half != "even" && half != "odd" && half != "both") {
    std::fprintf(stderr, "clean_eval: --half takes even, odd or both\n");
    return 2;
  }
  // Pages listed one by one (misses, worst pages): the development half unless asked otherwise.
  const auto listed = [&](const std::string& id) {
    return half == "both" || (half == "even") == (half_of(id) == 0);
  };
  if (!fs::exists(corpus / "truth.json") || !fs::is_directory(corpus / "pages")) {
    std::printf("clean_eval: corpus %s not found (needs truth.json and pages/): skipped\n", corpus.c_str());
    return 0;
  }
  nlohmann::json truth;
  {
    std::ifstream in(corpus / "truth.json");
    truth = nlohmann::json::parse(in, nullptr, false);
  }
  if (truth.is_discarded() || !truth.is_object()) {
    std::printf("clean_eval: %s/truth.json is not a JSON object: skipped\n", corpus.c_str());
    return 0;
  }

  nlohmann::json predictions = nlohmann::json::object();
  nlohmann::json times = nlohmann::json::object();
  struct PageScore {
    std::string id;
    double precision, recall, f1;
  };
  std::vector<PageScore> page_scores;
  std::vector<double> page_ms;
  struct SnippetMiss {
    std::string id;
    int missed, leaked;
  };
  std::vector<SnippetMiss> snippet_misses;
  Scores halves[2];
  double total_bytes = 0, total_ms = 0;
  int pages = 0;

  for (const auto& [id, item] : truth.items()) {
    const fs::path page = corpus / "pages" / (id + ".html.gz");
    if (!fs::exists(page)) continue;
    const std::string raw = read_gzip(page);
    bool repaired = false;
    const auto start = std::chrono::steady_clock::now();
    std::string input = articlescope::text::repair_utf8(raw, repaired);
    Options options;
    std::vector<Diagnostic> warnings;
    Article article;
    try {
      article = articlescope::clean::clean_html(input, options, warnings);
    } catch (const std::exception& e) {
      std::printf("  %s: exception %s\n", id.c_str(), e.what());
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    ++pages;
    total_bytes += static_cast<double>(raw.size());
    total_ms += ms;
    page_ms.push_back(ms);
    times[id] = {{"ms", ms}, {"bytes", raw.size()}};
    predictions[id] = {{"articleBody", article.text}, {"title", article.title},
                       {"byline", article.byline},    {"published", article.published.value_or("")},
                       {"site", article.site},        {"readerable", article.readerable}};
    const bool list = !quiet && listed(id);
    Scores& scores = halves[half_of(id)];
    ++scores.pages;

    const std::string truth_body = truth_string(item, "articleBody");
    if (item.contains("articleBody")) {
      const Shingle s = shingle_counts(truth_body, article.text);
      const double p = precision_of(s), r = recall_of(s);
      if (s.tp + s.fp > 0) scores.precisions.push_back(p);
      if (s.tp + s.fn > 0) scores.recalls.push_back(r);
      if (listed(id)) page_scores.push_back({id, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0});
      // Captions in: the truth of some corpora keeps figure captions in the body.
      std::string with_captions = article.text;
      for (const auto& figure : article.figures) {
        if (!figure.caption.empty()) with_captions += "\n\n" + figure.caption;
        if (!figure.credit.empty()) with_captions += "\n" + figure.credit;
      }
      const Shingle c = shingle_counts(truth_body, with_captions);
      if (c.tp + c.fp > 0) scores.precisions_in.push_back(precision_of(c));
      if (c.tp + c.fn > 0) scores.recalls_in.push_back(recall_of(c));
    }
    if (item.contains("with")) {
      const std::string body = squeeze(article.text);
      int missed = 0, leaked = 0;
      for (const auto& snippet : item["with"]) {
        if (!snippet.is_string()) continue;
        const bool found =
            !body.empty() && body.find(squeeze(snippet.get<std::string>())) != std::string::npos;
        found ? ++scores.snippet_tp : (++scores.snippet_fn, ++missed);
      }
      for (const auto& snippet : item["without"]) {
        if (!snippet.is_string()) continue;
        const bool found =
            !body.empty() && body.find(squeeze(snippet.get<std::string>())) != std::string::npos;
        found ? (++scores.snippet_fp, ++leaked) : ++scores.snippet_tn;
      }
      if (missed + leaked > 0 && listed(id)) snippet_misses.push_back({id, missed, leaked});
    }
    if (const std::string t = truth_string(item, "title"); !t.empty()) {
      ++scores.title.have;
      scores.title.match += title_key(article.title) == title_key(t);
      scores.title.loose += title_matches_with_site(article.title, t);
      scores.title.identical += article.title == t;
    }
    if (const std::string t = truth_string(item, "byline"); !t.empty()) {
      ++scores.byline.have;
      scores.byline.match += byline_matches(article.byline, t);
    }
    if (const std::string t = truth_string(item, "publishedTime"); !t.empty()) {
      ++scores.date.have;
      scores.date.match += date_matches(article.published.value_or(""), t);
    }
    if (const std::string t = truth_string(item, "siteName"); !t.empty()) {
      ++scores.site.have;
      scores.site.match += site_matches(article.site, t);
    }
    if (item.contains("readerable") && item["readerable"].is_boolean()) {
      ++scores.readerable_have;
      scores.readerable_match += item["readerable"].get<bool>() == article.readerable;
    }
    // Every title that misses the exact figure, marked "+" when it is right all the same (the truth only adds
    // the site name).
    if (const std::string t = truth_string(item, "title");
        list && !t.empty() && title_key(article.title) != title_key(t)) {
      std::printf("  title%s %-34s ours=\"%s\" truth=\"%s\"\n",
                  title_matches_with_site(article.title, t) ? "+" : " ", id.c_str(), article.title.c_str(),
                  t.c_str());
    }
    if (list && !truth_string(item, "byline").empty() &&
        !byline_matches(article.byline, truth_string(item, "byline"))) {
      std::printf("  byline %-34s ours=\"%s\" truth=\"%s\"\n", id.c_str(), article.byline.c_str(),
                  truth_string(item, "byline").c_str());
    }
    if (list && !truth_string(item, "publishedTime").empty() &&
        !date_matches(article.published.value_or(""), truth_string(item, "publishedTime"))) {
      std::printf("  date   %-34s ours=\"%s\" truth=\"%s\"\n", id.c_str(),
                  article.published.value_or("").c_str(), truth_string(item, "publishedTime").c_str());
    }
    if (list && !truth_string(item, "siteName").empty() &&
        !site_matches(article.site, truth_string(item, "siteName"))) {
      std::printf("  site   %-34s ours=\"%s\" truth=\"%s\"\n", id.c_str(), article.site.c_str(),
                  truth_string(item, "siteName").c_str());
    }
  }
  if (pages == 0) {
    std::printf("clean_eval: no pages found under %s/pages: skipped\n", corpus.c_str());
    return 0;
  }

  std::printf("clean_eval: %s, %d pages (listed one by one: %s half)\n", corpus.c_str(), pages, half.c_str());
  if (!page_scores.empty()) {
    std::sort(page_scores.begin(), page_scores.end(),
              [](const auto& a, const auto& b) { return a.f1 < b.f1; });
    std::printf("worst pages (shingle F1):\n");
    for (int k = 0; k < worst && k < static_cast<int>(page_scores.size()); ++k) {
      const auto& s = page_scores[k];
      std::printf("  %-40s F1 %.3f  P %.3f  R %.3f\n", s.id.c_str(), s.f1, s.precision, s.recall);
    }
  }
  if (!snippet_misses.empty()) {
    std::sort(snippet_misses.begin(), snippet_misses.end(),
              [](const auto& x, const auto& y) { return x.missed + x.leaked > y.missed + y.leaked; });
    std::printf("worst pages (snippets missed / boilerplate leaked):\n");
    for (int k = 0; k < worst && k < static_cast<int>(snippet_misses.size()); ++k) {
      const auto& m = snippet_misses[k];
      std::printf("  %-20s missed %d  leaked %d  (%s)\n", m.id.c_str(), m.missed, m.leaked,
                  truth[m.id].value("file", std::string()).c_str());
    }
  }
  Scores all;
  all.add(halves[0]);
  all.add(halves[1]);
  halves[0].print("even half (development)");
  halves[1].print("odd half (check)");
  all.print("all");
  if (all.snippet_tp + all.snippet_fn + all.snippet_fp > 0) {
    std::printf("  anchors on the full snippet set: trafilatura 0.919, Mozilla Readability 0.888\n");
  }
  std::printf("speed: median %.2f ms/page (parse + clean), %.1f MB/s over %.1f MB\n", median(page_ms),
              total_ms > 0 ? total_bytes / 1e6 / (total_ms / 1000) : 0.0, total_bytes / 1e6);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak memory: %.1f MB (max RSS of this process)\n", usage.ru_maxrss / 1024.0);
  if (!out_path.empty()) {
    std::ofstream(out_path) << predictions.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::printf("predictions written to %s\n", out_path.c_str());
  }
  if (!times_path.empty()) std::ofstream(times_path) << times.dump();
  return 0;
}
