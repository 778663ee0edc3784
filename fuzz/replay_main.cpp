// Runs a libFuzzer target without libFuzzer, for the CI smoke run (CTest, native and ASan builds): every seed
// file (or every file of a seed folder) given, then --mutations N inputs made from the seeds by flipping,
// inserting, deleting, repeating and splicing bytes, with a fixed random seed so a failure replays.
//   fuzz_jsonl_smoke [--mutations N] SEED_PATH...
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void run(const std::string& input) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

std::string mutate(std::string s, const std::vector<std::string>& seeds, std::mt19937& random) {
  const auto pick = [&](std::size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
  };
  static const char* const kTokens[] = {
      "\n",  "\r\n",    "\"",      "{",    "}",         "[",    "]",       ",", ":",
      "\\",  "\\u0000", "\xff",    "\xc3", "<",         ">",    "/>",      "=", " a=1",
      "<b>", "</p>",    "\"id\":", "&#x",  "__proto__", "<!--", "<script>"};
  for (std::size_t edits = 1 + pick(4); edits-- > 0;) {
    const std::size_t at = pick(s.size() + 1);
    switch (pick(6)) {
      case 0:
        if (!s.empty()) s[pick(s.size())] = static_cast<char>(pick(256));
        break;
      case 1:
        s.insert(at, kTokens[pick(std::size(kTokens))]);
        break;
      case 2:
        if (at < s.size()) s.erase(at, 1 + pick(std::min<std::size_t>(s.size() - at, 64)));
        break;
      case 3:  // repeat a piece: long lines, many attributes
        if (at < s.size()) {
          const std::string piece = s.substr(at, 1 + pick(std::min<std::size_t>(s.size() - at, 16)));
          for (std::size_t k = 1 + pick(200); k-- > 0;) s.insert(at, piece);
        }
        break;
      case 4: {  // splice with another seed
        const std::string& other = seeds[pick(seeds.size())];
        s.insert(at, other.substr(pick(other.size() + 1), 1 + pick(256)));
        break;
      }
      default:
        s.resize(at);
    }
  }
  return s.size() > (1u << 20) ? s.substr(0, 1u << 20) : s;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t mutations = 0;
  std::vector<std::string> seeds;
  const auto add = [&](const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    seeds.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--mutations") == 0 && i + 1 < argc) {
      mutations = std::stoul(argv[++i]);
    } else if (std::filesystem::is_directory(argv[i])) {
      for (const auto& entry : std::filesystem::directory_iterator(argv[i])) add(entry.path());
    } else {
      add(argv[i]);
    }
  }
  if (seeds.empty()) {
    std::fprintf(stderr, "no seeds\n");
    return 2;
  }
  for (const auto& seed : seeds) run(seed);
  std::mt19937 random(20261205);
  for (std::size_t m = 0; m < mutations; ++m) run(mutate(seeds[m % seeds.size()], seeds, random));
  std::printf("%zu seeds and %zu mutations ran\n", seeds.size(), mutations);
  return 0;
}
