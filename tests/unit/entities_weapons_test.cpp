// The WEAPON test sets (invented sentences): the whole entity stage on each line, scored on exact spans.
// tests/data/weapons.txt was used while the weapon rules were written (a development set);
// tests/data/weapons_heldout.txt was written blind, before the rules were read, and its odd-numbered
// sentences are never looked at while tuning (the even half is). Each set prints precision, recall and F1
// and fails below a floor set a little under the measured score; the development set also fails on any
// weapon found in a line that names none (events, sport, civil machines, figurative uses), the held-out set
// counts those as false positives. WEAPON_ERRORS=even prints the errors of the held-out set's even half
// (the half that may be read).
#include "entities/entities.hpp"
#include "text/segment.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace articlescope;

namespace {

struct Line {
  std::string text;
  std::set<std::pair<std::size_t, std::size_t>> weapons;  // [start, end) byte offsets
};

// "[[mention]]" marks a weapon; the marks are removed from the text.
Line parse_line(const std::string& marked) {
  Line line;
  std::size_t pos = 0;
  while (true) {
    const std::size_t open = marked.find("[[", pos);
    if (open == std::string::npos) break;
    const std::size_t close = marked.find("]]", open);
    REQUIRE(close != std::string::npos);
    line.text += marked.substr(pos, open - pos);
    const std::size_t start = line.text.size();
    line.text += marked.substr(open + 2, close - open - 2);
    line.weapons.insert({start, line.text.size()});
    pos = close + 2;
  }
  line.text += marked.substr(pos);
  return line;
}

/// Which sentences of a file to score: all, or the odd or even ones (1-based, comments not counted).
enum class Half { All, Odd, Even };

struct Score {
  std::size_t lines = 0, tp = 0, fp = 0, fn = 0;
  // Lenient counts: a found span that overlaps a marked one, a marked span that some found span overlaps.
  std::size_t found_overlapping = 0, marked_overlapped = 0;
  double precision() const { return tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0; }
  double recall() const { return tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// Scores the entity stage on one half of a marked file. With `check_negatives`, CHECKs that weapon-free lines
// stay weapon-free (the development set); the held-out set only counts them, so that its failures name no
// line of the half that must not be read.
Score score_file(const std::string& name, Half half, bool check_negatives, bool print_errors) {
  std::ifstream in(std::string(ARTICLESCOPE_CORPUS_DIR) + "/../data/" + name);
  REQUIRE(in.good());
  Score score;
  std::size_t sentence = 0;
  std::string marked;
  while (std::getline(in, marked)) {
    if (marked.empty() || marked[0] == '#') continue;
    ++sentence;
    if ((half == Half::Odd && sentence % 2 == 0) || (half == Half::Even && sentence % 2 == 1)) continue;
    const Line line = parse_line(marked);
    ++score.lines;
    Article article;
    article.text = line.text;
    const auto result = entities::extract(article, text::segment(article.text, {}));
    std::set<std::pair<std::size_t, std::size_t>> found;
    for (const Entity& e : result.mentions) {
      if (e.type == EntityType::Weapon) found.insert({e.start, e.end});
    }
    const auto overlaps_any = [](const auto& span, const auto& spans) {
      for (const auto& other : spans) {
        if (span.first < other.second && other.first < span.second) return true;
      }
      return false;
    };
    for (const auto& span : found) score.found_overlapping += overlaps_any(span, line.weapons) ? 1 : 0;
    for (const auto& span : line.weapons) score.marked_overlapped += overlaps_any(span, found) ? 1 : 0;
    for (const auto& span : found) {
      if (line.weapons.count(span)) {
        ++score.tp;
        continue;
      }
      ++score.fp;
      if (print_errors) {
        std::printf("  fp [%s] in: %s\n", line.text.substr(span.first, span.second - span.first).c_str(),
                    line.text.c_str());
      }
      if (check_negatives) {
        INFO(line.text << "\n  not a weapon here: "
                       << line.text.substr(span.first, span.second - span.first));
        CHECK_FALSE(line.weapons.empty());  // a line without weapons must stay without
      }
    }
    for (const auto& span : line.weapons) {
      if (found.count(span)) continue;
      ++score.fn;
      if (print_errors) {
        std::printf("  fn [%s] in: %s\n", line.text.substr(span.first, span.second - span.first).c_str(),
                    line.text.c_str());
      }
    }
  }
  return score;
}

void print_score(const char* label, const Score& s) {
  std::printf("%s: %zu lines, exact spans P %.3f R %.3f F1 %.3f (tp %zu fp %zu fn %zu)", label, s.lines,
              s.precision(), s.recall(), s.f1(), s.tp, s.fp, s.fn);
  const std::size_t found = s.tp + s.fp, marked = s.tp + s.fn;
  const double p = found ? static_cast<double>(s.found_overlapping) / static_cast<double>(found) : 0;
  const double r = marked ? static_cast<double>(s.marked_overlapped) / static_cast<double>(marked) : 0;
  std::printf("; overlapping spans P %.3f R %.3f F1 %.3f\n", p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
}

}  // namespace

TEST_CASE("weapon test set: precision and recall on invented conflict sentences", "[entities][weapon]") {
  const Score score = score_file("weapons.txt", Half::All, true, false);
  print_score("weapon test set (development)", score);
  CHECK(score.lines >= 70);
  CHECK(score.f1() >= 0.80);
}

TEST_CASE("weapon held-out set: precision and recall on sentences written before the rules were read",
          "[entities][weapon]") {
  const char* errors = std::getenv("WEAPON_ERRORS");
  const bool print_even_errors = errors != nullptr && std::string(errors) == "even";
  const Score odd = score_file("weapons_heldout.txt", Half::Odd, false, false);
  const Score even = score_file("weapons_heldout.txt", Half::Even, false, print_even_errors);
  Score all;
  all.lines = odd.lines + even.lines;
  all.tp = odd.tp + even.tp;
  all.fp = odd.fp + even.fp;
  all.fn = odd.fn + even.fn;
  all.found_overlapping = odd.found_overlapping + even.found_overlapping;
  all.marked_overlapped = odd.marked_overlapped + even.marked_overlapped;
  print_score("weapon held-out set, odd half (never read)", odd);
  print_score("weapon held-out set, even half (tuned on)", even);
  print_score("weapon held-out set", all);
  CHECK(all.lines >= 80);
  CHECK(all.f1() >= 0.82);
  CHECK(odd.f1() >= 0.72);
}
