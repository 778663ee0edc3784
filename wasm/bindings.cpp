// The embind surface of the core: one call per analysis, options in as a JS object, the report out as one
// JSON string (a single crossing; web/lib/articlescope.js parses it). Nothing here throws into JavaScript.
#include <articlescope/articlescope.hpp>
#include <emscripten/bind.h>
#include <malloc.h>

#include <cstdint>
#include <exception>
#include <string>

namespace {

/// The JS view of articlescope::Options (camelCase names are mapped below; defaults come from Options{}).
struct JsOptions {
  std::string format;
  bool clean, entities, policy, include_html, include_removed;
  double max_input_bytes;
  std::string url;
};

JsOptions default_options() {
  const articlescope::Options o;
  return {"auto", o.clean, o.entities, o.policy, o.include_html, o.include_removed,
          static_cast<double>(o.max_input_bytes), o.url};
}

std::string refused(articlescope::Code code, std::string message) {
  articlescope::Report report;
  report.errors.push_back({code, std::move(message)});
  return articlescope::to_json(report);
}

std::string analyse(const std::string& input, const JsOptions& js) {
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
    options.max_input_bytes = js.max_input_bytes >= 4294967295.0 ? SIZE_MAX : static_cast<std::size_t>(js.max_input_bytes);
    options.url = js.url;
    return articlescope::to_json(articlescope::analyse(input, options));
  } catch (const std::exception& e) {  // analyse() never throws; serialisation or allocation still might
    return refused(articlescope::Code::Internal, std::string("internal error: ") + e.what());
  } catch (...) {
    return refused(articlescope::Code::Internal, "internal error");
  }
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
      .field("maxInputBytes", &JsOptions::max_input_bytes)
      .field("url", &JsOptions::url);
  function("analyse", &analyse);
  function("defaultOptions", &default_options);
  function("heapBytesInUse", &heap_bytes_in_use);
  function("version", &version);
  emscripten::constant("reportVersion", articlescope::kReportVersion);
}
