// The WEAPON test set (tests/data/weapons.txt, invented sentences): the whole entity stage on each line,
// scored on exact spans. Prints precision, recall and F1; fails below a floor set from the measured score,
// and on any weapon found in a line that names none (events, sport, civil machines, figurative uses).
#include "entities/entities.hpp"
#include "text/segment.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
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

}  // namespace

TEST_CASE("weapon test set: precision and recall on invented conflict sentences", "[entities][weapon]") {
  std::ifstream in(std::string(ARTICLESCOPE_CORPUS_DIR) + "/../data/weapons.txt");
  REQUIRE(in.good());
  std::size_t tp = 0, fp = 0, fn = 0, lines = 0;
  std::string marked;
  while (std::getline(in, marked)) {
    if (marked.empty() || marked[0] == '#') continue;
    const Line line = parse_line(marked);
    ++lines;
    Article article;
    article.text = line.text;
    const auto result = entities::extract(article, text::segment(article.text, {}));
    std::set<std::pair<std::size_t, std::size_t>> found;
    for (const Entity& e : result.mentions) {
      if (e.type == EntityType::Weapon) found.insert({e.start, e.end});
    }
    for (const auto& span : found) {
      if (line.weapons.count(span)) {
        ++tp;
      } else {
        ++fp;
        INFO(line.text << "\n  not a weapon here: "
                       << line.text.substr(span.first, span.second - span.first));
        CHECK_FALSE(line.weapons.empty());  // a line without weapons must stay without
      }
    }
    for (const auto& span : line.weapons) fn += found.count(span) ? 0 : 1;
  }
  const double precision = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
  const double recall = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0;
  const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
  std::printf("weapon test set: %zu lines, exact spans P %.3f R %.3f F1 %.3f (tp %zu fp %zu fn %zu)\n", lines,
              precision, recall, f1, tp, fp, fn);
  CHECK(lines >= 70);
  CHECK(f1 >= 0.80);
}
