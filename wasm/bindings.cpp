// The embind surface of the core: one call per analysis, options in as a JS object, the report out as one
// JSON string (a single crossing; web/lib/articlescope.js parses it). Nothing here throws into JavaScript.
//
// The text crosses through two module-owned buffers rather than embind's std::string conversion, which walks
// every character in JavaScript (twice on the way in, twice on the way out): web/lib/articlescope.js encodes
// the input straight into inputBuffer() with TextEncoder.encodeInto and decodes the report from
// outputBuffer() with TextDecoder. Nothing else carries input: an input over maxInputBytes is refused by the
// wrapper before it touches the module (tooLargeReport), and one the memory cannot hold gets
// outOfMemoryReport, never embind's string conversion (which wrote past a failed allocation for inputs of 2
// GiB and more).
#include <articlescope/articlescope.hpp>
#include <emscripten/bind.h>
#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>

namespace {

/// The JS view of articlescope::Options (camelCase names are mapped below; defaults come from Options{}).
struct JsOptions {
  std::string format;
  bool clean, entities, policy, include_html, include_removed, remote_images;
  double max_input_bytes;
  std::string url;
};

JsOptions default_options() {
  const articlescope::Options o;
  return {"auto",         o.clean,           o.entities,      o.policy,
          o.include_html, o.include_removed, o.remote_images, static_cast<double>(o.max_input_bytes),
          o.url};
}

std::string refused(articlescope::Code code, std::string message) {
  articlescope::Report report;
  report.errors.push_back({code, std::move(message)});
  return articlescope::to_json(report);
}

std::size_t to_size(double bytes) {
  return bytes >= 4294967295.0 ? SIZE_MAX : static_cast<std::size_t>(bytes);
}

std::string analyse_view(std::string_view input, const JsOptions& js) {
  try {
    articlescope::Options options;
    if (js.format == "html") options.format = articlescope::InputFormat::Html;
    else if (js.format == "text") options.format = articlescope::InputFormat::Text;
    else if (js.format != "auto") return refused(articlescope::Code::InvalidOptions, "format must be auto, html or text");
    if (!(js.max_input_bytes >= 1)) return refused(articlescope::Code::InvalidOptions, "maxInputBytes must be >= 1");
    options.clean = js.clean;
    options.entities = js.entities;
    options.policy = js.policy;
    options.include_html = js.include_html;
    options.include_removed = js.include_removed;
    options.remote_images = js.remote_images;
    options.max_input_bytes = to_size(js.max_input_bytes);
    options.url = js.url;
    return articlescope::to_json(articlescope::analyse(input, options));
  } catch (const std::exception& e) {  // analyse() never throws; serialisation or allocation still might
    return refused(articlescope::Code::Internal, std::string("internal error: ") + e.what());
  } catch (...) {
    return refused(articlescope::Code::Internal, "internal error");
  }
}

/// The report of an input of `input_bytes` (at least) refused for being over `limit` bytes.
std::string too_large_report(double input_bytes, double limit) {
  articlescope::Report report;
  report.input_bytes = to_size(input_bytes);
  report.errors.push_back(articlescope::input_too_large(to_size(limit)));
  return articlescope::to_json(report);
}

/// The report of an input of `bytes` bytes that the module's memory (at most 2 GiB) could not take.
std::string out_of_memory_report(double bytes) {
  return refused(articlescope::Code::Internal,
                 "out of memory: the WebAssembly memory (at most 2 GiB) cannot hold the " +
                     std::to_string(to_size(bytes)) + "-byte input; lower maxInputBytes");
}

// The buffers: kept between calls (no allocation per analysis); a buffer above kKeepBytes is released after
// use so that one huge page does not pin its memory.
constexpr std::size_t kKeepBytes = std::size_t{4} << 20;
std::unique_ptr<char[]> g_input;
std::size_t g_input_capacity = 0;
std::string g_output;

/// Address of a buffer of at least `bytes` bytes for the next input, or 0 when memory runs out.
std::uintptr_t input_buffer(std::size_t bytes) {
  if (bytes > g_input_capacity) {
    g_input.reset();
    g_input_capacity = 0;
    g_input.reset(new (std::nothrow) char[bytes]);
    if (!g_input) return 0;
    g_input_capacity = bytes;
  }
  return reinterpret_cast<std::uintptr_t>(g_input.get());
}

/// Analyses the first `length` bytes of the input buffer; returns the length of the report (JSON, UTF-8) now
/// in the output buffer.
std::size_t analyse_input(std::size_t length, const JsOptions& js) {
  const std::string_view input(g_input.get(), std::min(length, g_input_capacity));
  g_output = analyse_view(input, js);
  if (g_input_capacity > kKeepBytes) {
    g_input.reset();
    g_input_capacity = 0;
  }
  return g_output.size();
}

/// Address of the last report; valid until releaseOutput() or the next analysis.
std::uintptr_t output_buffer() { return reinterpret_cast<std::uintptr_t>(g_output.data()); }

/// Frees the last report once JavaScript has decoded it, when it is large.
void release_output() {
  if (g_output.capacity() > kKeepBytes) std::string().swap(g_output);
}

/// Bytes currently allocated on the C++ heap: lets tests prove that analyses do not leak.
double heap_bytes_in_use() { return static_cast<double>(mallinfo().uordblks); }

std::string version() { return ARTICLESCOPE_VERSION; }

}  // namespace

EMSCRIPTEN_BINDINGS(articlescope) {
  using emscripten::function;
  emscripten::value_object<JsOptions>("Options")
      .field("format", &JsOptions::format)
      .field("clean", &JsOptions::clean)
      .field("entities", &JsOptions::entities)
      .field("policy", &JsOptions::policy)
      .field("includeHtml", &JsOptions::include_html)
      .field("includeRemoved", &JsOptions::include_removed)
      .field("remoteImages", &JsOptions::remote_images)
      .field("maxInputBytes", &JsOptions::max_input_bytes)
      .field("url", &JsOptions::url);
  function("tooLargeReport", &too_large_report);
  function("outOfMemoryReport", &out_of_memory_report);
  function("inputBuffer", &input_buffer);
  function("analyseInput", &analyse_input);
  function("outputBuffer", &output_buffer);
  function("releaseOutput", &release_output);
  function("defaultOptions", &default_options);
  function("heapBytesInUse", &heap_bytes_in_use);
  function("version", &version);
  emscripten::constant("reportVersion", articlescope::kReportVersion);
}
