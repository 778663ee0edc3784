// libFuzzer target: any bytes as a --jsonl batch through the CLI's reader (core/cli/batch.cpp): line cap,
// blank lines, invalid UTF-8, the line's JSON and its analysis. The contract checked: one output line per
// input line, always. Run: build/fuzz/fuzz/fuzz_jsonl -max_total_time=60 fuzz/seeds/jsonl
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "batch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::istringstream in(bytes);
  std::ostringstream out, log;
  articlescope::cli::BatchSettings settings;
  settings.options.max_input_bytes = 4096;  // small, so that over-cap lines come up often
  settings.timings = false;
  articlescope::cli::run_batch(in, out, log, settings);
  std::size_t lines = 0;
  for (char c : bytes) lines += c == '\n';
  if (!bytes.empty() && bytes.back() != '\n') ++lines;
  std::size_t written = 0;
  for (char c : out.str()) written += c == '\n';
  if (written != lines) __builtin_trap();
  return 0;
}
