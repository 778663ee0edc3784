// Entity-stage speed, natively: the tagger alone (tokens/s) and the whole stage (tokeniser, sentences,
// tagger, rules, linking: ms per 1,000 words), each against an anchor tagger run in the same process on the
// same text, round by round in alternation (the machine is shared: the ratio is what to read).
// bench/entities_compromise.mjs runs this binary and npm `compromise` (and the WASM module when it is built)
// on the same text in the same run and prints ratios.
//
// Usage: entities_bench [--text FILE | --conll FILE] [--write-text FILE] [--json] [--rounds N]
//                       [--anchor-model FILE]
//   default text: synthetic news sentences generated here (deterministic), about 50,000 words
//   --anchor-model  a one-stage model file to compare with (the tagger before the second stage:
//                   `git show 354f4fa:core/data/ner.model > anchor.model`); default: the shipped first stage
//                   alone
#include "data.hpp"
#include "entities/entities.hpp"
#include "entities/tagger.hpp"
#include "text/segment.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

ARTICLESCOPE_EMBEDDED(ner_model)

using namespace articlescope;

namespace {

std::string synthetic_text(std::size_t words_wanted) {
  static const char* people[] = {"President Joe Biden",  "Olaf Scholz",     "Volodymyr Zelensky",
                                 "Jane Smith",           "Mr. Lee",         "Gen. Mark Milley",
                                 "Ursula von der Leyen", "Emmanuel Macron", "Dr. Maria Lopez"};
  static const char* orgs[] = {"the Pentagon",
                               "NATO",
                               "the European Commission",
                               "Reuters",
                               "the State Department",
                               "Lockheed Martin",
                               "the United Nations",
                               "the Kremlin",
                               "Goldman Sachs"};
  static const char* places[] = {"Kyiv",     "Washington", "Berlin", "the Black Sea", "Kharkiv",
                                 "New York", "Paris",      "Gaza",   "Tokyo",         "southern Ukraine"};
  static const char* things[] = {
      "ATACMS missiles",   "HIMARS launchers",        "F-16 fighter jets",           "$275 million in aid",
      "4,000 troops",      "a new sanctions package", "Patriot air-defence systems", "300 km of front line",
      "the export licence"};
  static const char* verbs[] = {"said",      "announced", "approved",  "rejected",
                                "discussed", "confirmed", "questioned"};
  static const char* times[] = {"on Tuesday", "last week",          "on May 30",
                                "in 2024",    "earlier this month", "yesterday"};
  std::string out;
  std::uint64_t state = 42;
  auto pick = [&](std::size_t n) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>((state >> 33) % n);
  };
  std::size_t words = 0;
  while (words < words_wanted) {
    std::string s = std::string(people[pick(9)]) + " " + verbs[pick(7)] + " " + times[pick(6)] + " that " +
                    orgs[pick(9)] + " in " + places[pick(10)] + " had " + verbs[pick(7)] + " " +
                    things[pick(9)] + ", according to officials familiar with the talks. ";
    if (pick(4) == 0) s += "\n\n";
    words += static_cast<std::size_t>(std::count(s.begin(), s.end(), ' '));
    out += s;
  }
  return out;
}

std::string conll_text(const std::string& path) {
  std::ifstream in(path);
  std::string line, out, sentence;
  while (std::getline(in, line)) {
    if (line.rfind("-DOCSTART-", 0) == 0) continue;
    if (line.empty()) {
      if (!sentence.empty()) out += sentence + "\n";
      sentence.clear();
      continue;
    }
    const std::string word = line.substr(0, line.find(' '));
    if (!sentence.empty()) sentence += ' ';
    sentence += word;
  }
  if (!sentence.empty()) out += sentence + "\n";
  return out;
}

// CPU time of this thread: the machine is shared, and wall time would measure the neighbours too.
struct CpuClock {
  using time_point = double;
  static double now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
};
double seconds_since(double t0) { return CpuClock::now() - t0; }

}  // namespace

int main(int argc, char** argv) {
  std::string text, write_path, anchor_path;
  bool json = false;
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
    } else if (a == "--conll" && k + 1 < argc) {
      text = conll_text(argv[++k]);
      if (text.empty()) {
        std::printf("skipped: %s not found or empty (the corpus is not part of the project)\n", argv[k]);
        return 0;
      }
    } else if (a == "--write-text" && k + 1 < argc) {
      write_path = argv[++k];
    } else if (a == "--json") {
      json = true;
    } else if (a == "--rounds" && k + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++k]));
    } else if (a == "--anchor-model" && k + 1 < argc) {
      anchor_path = argv[++k];
    } else {
      std::fprintf(
          stderr,
          "usage: entities_bench [--text FILE | --conll FILE] [--write-text FILE] [--json] [--rounds N] "
          "[--anchor-model FILE]\n");
      return 2;
    }
  }
#if defined(__GLIBC__)
  // Keep freed memory in the process between rounds, as a long-running process (and the WebAssembly heap,
  // which never shrinks) does: otherwise glibc returns the megabytes of one 50,000-word document to the
  // kernel after every round and the next round measures page faults, not the entity stage.
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
#endif
  if (text.empty()) text = synthetic_text(50000);
  if (!write_path.empty()) std::ofstream(write_path, std::ios::binary) << text;

  // Cold start: loading the embedded model and gazetteer.
  auto t0 = CpuClock::now();
  const entities::Tagger& tagger = entities::embedded_tagger();
  const double model_ms = seconds_since(t0) * 1000;
  t0 = CpuClock::now();
  const entities::Gazetteer& gazetteer = entities::embedded_gazetteer();
  const double gazetteer_ms = seconds_since(t0) * 1000;
  t0 = CpuClock::now();
  {
    Article warm;
    warm.text = "Warm-up: President Joe Biden sent 19 HIMARS to Kyiv on May 30.";
    entities::extract(warm, text::segment(warm.text, {}));  // the weapons and other rule tables
  }
  const double rules_ms = seconds_since(t0) * 1000;
  const double load_ms = model_ms + gazetteer_ms + rules_ms;

  Article article;
  article.text = text;
  const text::TextIndex index = text::segment(article.text, {});
  std::size_t words = 0;
  for (const auto& t : index.tokens)
    words += t.kind == text::TokenKind::Word || t.kind == text::TokenKind::Number;
  std::vector<std::string_view> token_text;
  for (const auto& t : index.tokens) token_text.emplace_back(article.text.data() + t.start, t.end - t.start);
  std::vector<std::pair<std::size_t, std::size_t>> sentences;
  for (const auto& s : index.sentences) sentences.emplace_back(s.first_token, s.last_token);

  // The anchor: a one-stage tagger (a model file given, or the shipped first stage alone).
  entities::Tagger anchor;
  if (anchor_path.empty()) {
    anchor.load(data::ner_model_view(), /*copy=*/false);
  } else {
    std::ifstream in(anchor_path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!anchor.load(bytes)) {
      std::fprintf(stderr, "entities_bench: %s is not a first-stage NER model\n", anchor_path.c_str());
      return 2;
    }
  }
  const std::string anchor_name = anchor_path.empty() ? "the shipped first stage alone" : anchor_path;

  // Best of N rounds: the machine is shared, the minimum is the least disturbed measurement. Ours and the
  // anchor alternate, in turn first, so that a busy spell of the machine falls on both.
  double tagger_s = 1e9, anchor_tagger_s = 1e9, stage_s = 1e9, anchor_stage_s = 1e9;
  std::size_t mentions = 0, spans_found = 0;
  const auto time_tagger = [&](const entities::Tagger& t, double& best) {
    const double start = CpuClock::now();
    std::vector<entities::TaggedSpan> spans;
    t.tag(token_text, sentences, gazetteer, spans);
    best = std::min(best, seconds_since(start));
    return spans.size();
  };
  const auto time_stage = [&](const entities::Tagger& t, double& best) {
    const double start = CpuClock::now();
    const text::TextIndex idx = text::segment(article.text, {});
    const entities::Result result = entities::extract(article, idx, t);
    best = std::min(best, seconds_since(start));
    return result.mentions.size();
  };
  for (int r = 0; r < rounds; ++r) {
    if (r % 2 == 1) time_tagger(anchor, anchor_tagger_s);
    spans_found = time_tagger(tagger, tagger_s);
    if (r % 2 == 0) time_tagger(anchor, anchor_tagger_s);
    if (r % 2 == 1) time_stage(anchor, anchor_stage_s);
    mentions = time_stage(tagger, stage_s);
    if (r % 2 == 0) time_stage(anchor, anchor_stage_s);
  }
  const double tokens_per_s = static_cast<double>(index.tokens.size()) / tagger_s;
  const double anchor_tokens_per_s = static_cast<double>(index.tokens.size()) / anchor_tagger_s;
  const double ms_per_1000_words = stage_s * 1000 / (static_cast<double>(words) / 1000);
  const double anchor_ms_per_1000_words = anchor_stage_s * 1000 / (static_cast<double>(words) / 1000);
  if (json) {
    std::printf(
        "{\"bytes\":%zu,\"tokens\":%zu,\"words\":%zu,\"load_ms\":%.3f,\"tagger_tokens_per_s\":%.0f,"
        "\"anchor_tokens_per_s\":%.0f,\"stage_ms\":%.3f,\"stage_ms_per_1000_words\":%.4f,"
        "\"anchor_stage_ms\":%.3f,\"stage_ratio\":%.4f,\"mentions\":%zu,\"tagger_spans\":%zu}\n",
        text.size(), index.tokens.size(), words, load_ms, tokens_per_s, anchor_tokens_per_s, stage_s * 1000,
        ms_per_1000_words, anchor_stage_s * 1000, stage_s / anchor_stage_s, mentions, spans_found);
  } else {
    std::printf("text: %zu bytes, %zu tokens, %zu words, %zu sentences\n", text.size(), index.tokens.size(),
                words, index.sentences.size());
    std::printf(
        "cold start: %.2f ms (model %.2f ms, %zu rows; gazetteer %.2f ms; rules + first call %.2f ms)\n",
        load_ms, model_ms, tagger.rows(), gazetteer_ms, rules_ms);
    std::printf("anchor: %s\n", anchor_name.c_str());
    std::printf("tagger alone: %.0f tokens/s (%.1f ms), %zu spans; the anchor: %.0f tokens/s (%.1f ms)\n",
                tokens_per_s, tagger_s * 1000, spans_found, anchor_tokens_per_s, anchor_tagger_s * 1000);
    std::printf("whole entity stage (segment + extract): %.1f ms, %.3f ms per 1,000 words, %zu mentions\n",
                stage_s * 1000, ms_per_1000_words, mentions);
    std::printf("the same with the anchor: %.1f ms, %.3f ms per 1,000 words\n", anchor_stage_s * 1000,
                anchor_ms_per_1000_words);
    std::printf("ratio (ours / anchor, whole entity stage): %.3f; tagger alone: %.3f\n",
                stage_s / anchor_stage_s, tagger_s / anchor_tagger_s);
    std::printf("goal >= 1,000,000 tokens/s: %s\n", tokens_per_s >= 1e6 ? "met" : "NOT met");
  }
  return 0;
}
