// The JSON report (nlohmann-json): the one place that knows the report's field names.
#pragma once

#include <articlescope/articlescope.hpp>

#include <nlohmann/json.hpp>

namespace articlescope::report {

/// The report as a JSON value; offsets are converted to UTF-16 code units of article.text.
nlohmann::ordered_json to_json_value(const Report& report, bool with_timings);

}  // namespace articlescope::report
