// articlescope: the native command-line tool. One input (file or stdin) -> one JSON report, or
// JSON Lines in -> JSON Lines out (--jsonl), order kept.
#include <articlescope/articlescope.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>

#include "batch.hpp"

namespace {

using articlescope::Options;

enum Exit { kOk = 0, kInputError = 1, kUsage = 2, kUnreadable = 3 };

constexpr const char* kUsageText = R"(usage: articlescope COMMAND [options] [FILE|-]

Commands:
  analyse    clean the page or text, then entities and policy provisions (the full report)
  clean      the article only: metadata, clean text, blocks, sanitised HTML
  entities   entities of raw text, offsets into the input (add --clean to clean first)
  policy     policy provisions of raw text, offsets into the input (add --clean to clean first)

Options:
  --jsonl            batch: each input line is a JSON string or {"id", "html"|"text", "url"}; one output line per
                     input line, in order (a blank, invalid or too long line gets an error line)
  --jobs N           batch: analyse N lines at once (default: every core)
  --format F         auto (default), html or text
  --clean            entities/policy: clean the input first (offsets then point into article.text)
  --raw              analyse/clean: take the input verbatim as the article text
  --url URL          the page's URL (site name, relative links)
  --max-bytes N      refuse inputs (and batch lines) of more than N bytes (default 16 MiB)
  --remote-images    keep images in article.html (showing them contacts their servers)
  --no-html          leave article.html empty
  --no-removed       leave article.removed empty
  --no-timings       drop timings (reproducible output)
  --pretty           indent the JSON
  -h, --help         this text

Exit status: 0 ok; 1 the input (or a batch line) was refused (empty, binary, too large; see "errors"); 2 usage;
3 unreadable file.
Offsets are UTF-16 code units into article.text.)";

struct Cli {
  std::string command;
  std::string file = "-";
  bool jsonl = false;
  bool timings = true;
  bool force_clean = false;
  bool raw = false;
  unsigned jobs = 0;  // 0: every core
  int indent = -1;
  Options options;
};

bool parse_format(const std::string& value, articlescope::InputFormat& format) {
  if (value == "auto") format = articlescope::InputFormat::Auto;
  else if (value == "html") format = articlescope::InputFormat::Html;
  else if (value == "text") format = articlescope::InputFormat::Text;
  else return false;
  return true;
}

// A positive whole number written in digits only ("-1", "1e6", "0x10", "" and overflows are refused).
bool parse_count(const std::string& value, std::size_t& out) {
  if (value.empty() || value.size() > 19 || value.find_first_not_of("0123456789") != std::string::npos)
    return false;
  out = static_cast<std::size_t>(std::stoull(value));
  return out > 0;
}

// Returns an exit code when the arguments are wrong or help was asked for, -1 otherwise.
int parse_args(int argc, char** argv, Cli& cli) {
  if (argc < 2) {
    std::cerr << kUsageText << "\n";
    return kUsage;
  }
  cli.command = argv[1];
  if (cli.command == "-h" || cli.command == "--help" || cli.command == "help") {
    std::cout << kUsageText << "\n";
    return kOk;
  }
  if (cli.command == "analyze") cli.command = "analyse";
  if (cli.command != "analyse" && cli.command != "clean" && cli.command != "entities" && cli.command != "policy") {
    std::cerr << "articlescope: unknown command '" << cli.command << "'\n" << kUsageText << "\n";
    return kUsage;
  }
  bool have_file = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&](std::string& out) {
      if (i + 1 >= argc) return false;
      out = argv[++i];
      return true;
    };
    std::string v;
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsageText << "\n";
      return kOk;
    } else if (arg == "--jsonl") {
      cli.jsonl = true;
    } else if (arg == "--no-timings") {
      cli.timings = false;
    } else if (arg == "--pretty") {
      cli.indent = 2;
    } else if (arg == "--clean") {
      cli.force_clean = true;
    } else if (arg == "--raw") {
      cli.raw = true;
    } else if (arg == "--no-html") {
      cli.options.include_html = false;
    } else if (arg == "--no-removed") {
      cli.options.include_removed = false;
    } else if (arg == "--format" && value(v)) {
      if (!parse_format(v, cli.options.format)) {
        std::cerr << "articlescope: --format takes auto, html or text, not '" << v << "'\n";
        return kUsage;
      }
    } else if (arg == "--url" && value(v)) {
      cli.options.url = v;
    } else if (arg == "--max-bytes" && value(v)) {
      std::size_t n = 0;
      if (!parse_count(v, n)) {
        std::cerr << "articlescope: --max-bytes takes a positive whole number, not '" << v << "'\n";
        return kUsage;
      }
      cli.options.max_input_bytes = n;
    } else if (arg == "--jobs" && value(v)) {
      std::size_t n = 0;
      if (!parse_count(v, n) || n > 1024) {
        std::cerr << "articlescope: --jobs takes a whole number from 1 to 1024, not '" << v << "'\n";
        return kUsage;
      }
      cli.jobs = static_cast<unsigned>(n);
    } else if (arg == "--remote-images") {
      cli.options.remote_images = true;
    } else if ((arg.empty() || arg[0] != '-' || arg == "-") && !have_file) {
      cli.file = arg;
      have_file = true;
    } else {
      std::cerr << "articlescope: unexpected argument '" << arg << "'\n" << kUsageText << "\n";
      return kUsage;
    }
  }
  // What each command runs.
  auto& o = cli.options;
  if (cli.command == "clean") o.entities = o.policy = false;
  if (cli.command == "entities") o.policy = false;
  if (cli.command == "policy") o.entities = true;  // actors benefit from entity mentions
  if (cli.command == "entities" || cli.command == "policy") o.clean = cli.force_clean;
  if (cli.raw) o.clean = false;
  if (cli.jobs == 0) cli.jobs = std::max(1u, std::thread::hardware_concurrency());
  return -1;
}

// Reads the whole file or stdin, refusing (without reading it all) inputs over `limit` bytes.
bool read_input(const std::string& path, std::size_t limit, std::string& out, std::string& error) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    error = "cannot open '" + path + "': " + std::strerror(errno);
    return false;
  }
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
    out.append(buffer, n);
    if (out.size() > limit) break;  // analyse() reports input_too_large; no need to read the rest
  }
  const bool failed = std::ferror(f);
  if (f != stdin) std::fclose(f);
  if (failed) {
    error = "cannot read '" + path + "'";
    return false;
  }
  return true;
}

void print_errors(const articlescope::Report& report, const std::string& where) {
  for (const auto& e : report.errors) {
    std::cerr << "articlescope: " << where << articlescope::to_string(e.code) << ": " << e.message << "\n";
  }
}

int run_single(const Cli& cli) {
  std::string input;
  std::string error;
  if (!read_input(cli.file, cli.options.max_input_bytes, input, error)) {
    std::cerr << "articlescope: " << error << "\n";
    return kUnreadable;
  }
  const auto report = articlescope::analyse(input, cli.options);
  std::cout << articlescope::to_json(report, cli.timings, cli.indent) << "\n";
  print_errors(report, "");
  return report.ok() ? kOk : kInputError;
}

int run_batch(const Cli& cli) {
  std::ifstream file;
  if (cli.file != "-") {
    file.open(cli.file, std::ios::binary);
    if (!file) {
      std::cerr << "articlescope: cannot open '" << cli.file << "': " << std::strerror(errno) << "\n";
      return kUnreadable;
    }
  }
  articlescope::cli::BatchSettings settings;
  settings.options = cli.options;
  settings.timings = cli.timings;
  settings.jobs = cli.jobs;
  const bool ok =
      articlescope::cli::run_batch(cli.file == "-" ? std::cin : file, std::cout, std::cerr, settings);
  return ok ? kOk : kInputError;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  Cli cli;
  if (const int code = parse_args(argc, argv, cli); code >= 0) return code;
  return cli.jsonl ? run_batch(cli) : run_single(cli);
}
