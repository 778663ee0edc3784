// Times analyse() (CPU time) on every pathological input family (bench/pathological_pages.hpp) at 1x, 10x and
// 100x its base size and checks that the cost grows linearly: the anchor is the same family at 10x in the
// same run, and time(100x) / time(10x) must stay under 20 (10 is linear; 100 would be quadratic) or, when it
// does not, time(300x) / time(100x) under 4.5 (3 is linear: the family only left the caches on the way).
//
//   build/native/bench/pathological [--only SUBSTRING] [--write DIR]
//
// --write DIR saves the inputs (name-1x.html, ...) instead of timing them, to time another build's CLI.
// Exit status 1 when a family grows super-linearly.
#include <articlescope/articlescope.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "pathological_pages.hpp"

namespace {

// CPU time of this process: on a shared machine wall time measures the neighbours as much as the code.
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double time_ms(const std::string& input, bool html, std::size_t repeats) {
  articlescope::Options options;
  options.format = html ? articlescope::InputFormat::Html : articlescope::InputFormat::Text;
  options.max_input_bytes = std::size_t{1} << 30;
  std::vector<double> times;
  for (std::size_t r = 0; r < repeats; ++r) {
    const double start = cpu_ms();
    const auto report = articlescope::analyse(input, options);
    times.push_back(cpu_ms() - start);
    if (!report.ok()) std::fprintf(stderr, "  refused: %s\n", report.errors[0].message.c_str());
  }
  return *std::min_element(times.begin(), times.end());  // the least disturbed run of a shared machine
}

std::string file_name(const char* name, std::size_t scale, bool html) {
  std::string out;
  for (const char* c = name; *c; ++c) out += (*c == ' ') ? '-' : *c;
  return out + "-" + std::to_string(scale) + "x" + (html ? ".html" : ".txt");
}

}  // namespace

int main(int argc, char** argv) {
  std::string only;
  std::string write_dir;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--only") == 0) only = argv[i + 1];
    if (std::strcmp(argv[i], "--write") == 0) write_dir = argv[i + 1];
  }
  constexpr double kLimit = 20;  // time(100x) / time(10x); linear is 10
  std::printf("%-36s %10s %10s %10s %10s %9s %s\n", "family", "100x KB", "1x ms", "10x ms", "100x ms",
              "100x/10x", "verdict");
  int super_linear = 0;
  for (const auto& family : articlescope::bench::pathological_pages()) {
    if (!only.empty() && std::string(family.name).find(only) == std::string::npos) continue;
    const std::string small = family.make(1), medium = family.make(10), large = family.make(100);
    if (!write_dir.empty()) {
      for (const auto& [scale, input] :
           {std::pair{1, &small}, std::pair{10, &medium}, std::pair{100, &large}}) {
        std::ofstream(write_dir + "/" + file_name(family.name, scale, family.html), std::ios::binary)
            << *input;
      }
      continue;
    }
    const double t1 = time_ms(small, family.html, 7);
    const double t10 = time_ms(medium, family.html, 5);
    // Quadratic already at 10x: 100x could exhaust memory.
    if (t10 / std::max(t1, 0.01) > 4 * kLimit && t10 > 1000) {
      ++super_linear;
      std::printf("%-36s %10.0f %10.2f %10.2f %10s %9s SUPER-LINEAR (10x/1x %.0f)\n", family.name,
                  large.size() / 1024.0, t1, t10, "skipped", "-", t10 / t1);
      continue;
    }
    const double t100 = time_ms(large, family.html, 3);
    const double growth = t100 / std::max(t10, 0.01);
    bool linear = growth < kLimit;
    // Between 10x and 100x a family may leave the caches; a third point tells that from a quadratic path.
    if (!linear && t100 < 5000) {
      const double t300 = time_ms(family.make(300), family.html, 1);
      std::printf("%-36s 300x: %.1f ms, 300x/100x %.1f (3 is linear)\n", family.name, t300, t300 / t100);
      linear = t300 / t100 < 4.5;
    }
    if (!linear) ++super_linear;
    std::printf("%-36s %10.0f %10.2f %10.2f %10.1f %9.1f %s\n", family.name, large.size() / 1024.0, t1, t10,
                t100, growth, linear ? "linear" : "SUPER-LINEAR");
    std::fflush(stdout);
  }
  if (write_dir.empty()) std::printf("super-linear families: %d\n", super_linear);
  return super_linear == 0 ? 0 : 1;
}
