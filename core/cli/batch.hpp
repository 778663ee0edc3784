// The CLI's batch mode (--jsonl): JSON Lines in, one report line out per input line, in input order, on as
// many threads as asked. Kept apart from main.cpp so that the fuzz targets drive the same reader.
#pragma once

#include <articlescope/articlescope.hpp>

#include <cstddef>
#include <istream>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace articlescope::cli {

/// Reads lines of at most `cap` bytes from a stream buffer, never holding more than that of one line.
class LineReader {
 public:
  LineReader(std::streambuf& source, std::size_t cap);
  /// The next line without its "\n" or "\r\n"; false at the end of the input. A line longer than the cap is
  /// read to its end and dropped: `too_long` is set and `line` keeps only its first bytes (at most the cap).
  bool next(std::string& line, bool& too_long);

 private:
  bool fill();
  std::streambuf& source_;
  std::size_t cap_;
  std::vector<char> buffer_;
  std::size_t position_ = 0;
  std::size_t size_ = 0;
};

/// One input line turned into an analysis, or into the error line it gets instead.
struct Job {
  std::size_t line_number = 0;
  std::string input;
  Options options;
  std::string id_json;  ///< the line's "id" as JSON text, copied first into its output line; "" for none
  Code problem_code = Code::InvalidOptions;
  std::string problem;    ///< non-empty: the line is answered with this error instead of an analysis
  bool repaired = false;  ///< the line had invalid UTF-8, replaced with U+FFFD before it was read
};

/// Reads one batch line: a JSON string (the input) or an object {"id", "html" | "text", "url"}. `too_long`:
/// the line was over the cap and `line` is only its start (its id is still read when it comes first).
Job read_job(std::string_view line, std::size_t line_number, bool too_long, const Options& defaults);

/// The output line of a job (no "\n"); `ok` is false when it carries an error, `log` gets the stderr lines.
std::string run_job(const Job& job, bool timings, bool& ok, std::string& log);

/// Settings of one batch run.
struct BatchSettings {
  Options options;      ///< defaults for every line; max_input_bytes is also the line cap
  bool timings = true;  ///< keep "timings" in the reports
  unsigned jobs = 1;    ///< analyses running at once (1: on the calling thread)
};

/// Runs a batch: one line on `out` per line of `in`, in order, each written (and flushed) as soon as it and
/// every line before it are done; at most 2 * jobs lines are held at once. Returns true when no line failed.
bool run_batch(std::istream& in, std::ostream& out, std::ostream& log, const BatchSettings& settings);

}  // namespace articlescope::cli
