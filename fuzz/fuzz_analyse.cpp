// libFuzzer target: any bytes into analyse(), as HTML, as text and verbatim; the JSON must always serialise.
// Build: cmake --preset fuzz && cmake --build --preset fuzz; run: build/fuzz/fuzz/fuzz_analyse -max_total_time=60
#include <articlescope/articlescope.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  articlescope::Options options;
  for (auto format : {articlescope::InputFormat::Html, articlescope::InputFormat::Text}) {
    options.format = format;
    const auto report = articlescope::analyse(input, options);
    (void)articlescope::to_json(report);
  }
  options.clean = false;
  (void)articlescope::to_json(articlescope::analyse(input, options));
  return 0;
}
