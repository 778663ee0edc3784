// The golden corpus: every tests/corpus/<case>/ holds input.html or input.txt (and optionally `url`) and the
// expected report (timings dropped) in expected.json, written by scripts/update-golden.sh only.
#include <articlescope/articlescope.hpp>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

TEST_CASE("golden corpus: every case matches its expected report", "[corpus]") {
  const fs::path root = ARTICLESCOPE_CORPUS_DIR;
  REQUIRE(fs::is_directory(root));
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory()) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(!cases.empty());
  for (const auto& dir : cases) {
    fs::path input = dir / "input.html";
    if (!fs::exists(input)) input = dir / "input.txt";
    INFO("case " << dir.filename().string());
    REQUIRE(fs::exists(input));
    REQUIRE(fs::exists(dir / "expected.json"));  // scripts/update-golden.sh writes it
    articlescope::Options options;
    if (fs::exists(dir / "url")) options.url = trimmed(read_file(dir / "url"));
    const auto report = articlescope::analyse(read_file(input), options);
    const auto actual = nlohmann::json::parse(articlescope::to_json(report, false));
    const auto expected = nlohmann::json::parse(read_file(dir / "expected.json"));
    if (actual != expected) {
      // Name the first differing top-level fields so a failure is readable.
      std::string fields;
      for (auto it = expected.begin(); it != expected.end(); ++it) {
        if (!actual.contains(it.key()) || actual[it.key()] != it.value()) fields += it.key() + " ";
      }
      FAIL("report differs from expected.json in: " << fields
                                                    << "(scripts/update-golden.sh, then read the diff)");
    }
  }
}
