// libFuzzer target: any bytes through the two JSON readers: the core's own (JSON-LD in pages, strict and
// lenient, every value visited) and a batch line's reader (read_job: a string, or {"id", "html" | "text",
// "url"}, with its options). Run: build/fuzz/fuzz/fuzz_json_reader -max_total_time=60 fuzz/seeds/json
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "batch.hpp"
#include "report/json_reader.hpp"

namespace {

std::size_t visit(articlescope::report::JsonValue value, int depth) {
  if (!value || depth > 100) return 0;
  std::size_t seen = value.text().size() + value.boolean();
  if (value.is_array() || value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) seen += it.key().size() + visit(*it, depth + 1);
  }
  return seen;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool lenient : {false, true}) {
    articlescope::report::JsonReadOptions options;
    options.lenient = lenient;
    const auto document = articlescope::report::JsonDocument::parse(text, options);
    (void)visit(document.root(), 0);
  }
  articlescope::Options defaults;
  defaults.entities = defaults.policy = false;  // the reader, not the analysis
  const auto job = articlescope::cli::read_job(text, 1, false, defaults);
  if (job.problem.empty() && job.input.empty() && !text.empty() && text.find('"') == std::string_view::npos)
    __builtin_trap();  // a line without a string cannot yield an input
  return 0;
}
