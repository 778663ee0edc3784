// `train COMMAND [--option value ...]`: dispatches to the subcommands registered in tools/train/*.cpp.
#include "train.hpp"

#include <algorithm>
#include <cstdarg>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

namespace train {
namespace {

std::vector<Command>& registry() {
  static std::vector<Command> all;
  return all;
}

}  // namespace

Registration::Registration(Command command) { registry().push_back(command); }

std::vector<Command> commands() {
  std::vector<Command> all = registry();
  std::sort(all.begin(), all.end(),
            [](const Command& a, const Command& b) { return std::strcmp(a.name, b.name) < 0; });
  return all;
}

Args::Args(std::string command, int argc, char** argv) : command_(std::move(command)) {
  for (int k = 0; k < argc; ++k) {
    const std::string a = argv[k];
    if (a == "--help") {
      help_ = true;
      continue;
    }
    if (a.size() < 3 || a.compare(0, 2, "--") != 0) {
      errors_.push_back("unexpected argument " + a);
      continue;
    }
    if (k + 1 >= argc) {
      errors_.push_back("option " + a + " needs a value");
      continue;
    }
    given_.emplace_back(a.substr(2), argv[++k]);
  }
  used_.assign(given_.size(), false);
}

const std::string* Args::given(const char* name) {
  const std::string* found = nullptr;
  for (std::size_t k = 0; k < given_.size(); ++k) {
    if (given_[k].first != name) continue;
    if (found) errors_.push_back(std::string("option --") + name + " given twice");
    found = &given_[k].second;
    used_[k] = true;
  }
  return found;
}

std::string Args::text(const char* name, const std::string& fallback, const char* help) {
  const std::string* v = given(name);
  const std::string value = v ? *v : fallback;
  declared_.push_back({name, value, help});
  return value;
}

long Args::integer(const char* name, long fallback, const char* help) {
  const std::string value = text(name, std::to_string(fallback), help);
  char* end = nullptr;
  const long parsed = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0') errors_.push_back(std::string("option --") + name + " needs an integer");
  declared_.back().value = std::to_string(parsed);
  return parsed;
}

double Args::real(const char* name, double fallback, const char* help) {
  const std::string value = text(name, format("%g", fallback), help);
  char* end = nullptr;
  const double parsed = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0') errors_.push_back(std::string("option --") + name + " needs a number");
  declared_.back().value = format("%g", parsed);
  return parsed;
}

bool Args::finish(const std::string& problem) {
  for (std::size_t k = 0; k < given_.size(); ++k) {
    if (!used_[k]) errors_.push_back("unknown option --" + given_[k].first);
  }
  if (!problem.empty() && !help_) errors_.push_back(problem);
  if (errors_.empty() && !help_) {
    std::fprintf(stderr, "%s\n", command_line().c_str());
    return true;
  }
  for (const std::string& e : errors_) std::fprintf(stderr, "train %s: %s\n", command_.c_str(), e.c_str());
  std::fprintf(stderr, "usage: train %s [options]\n", command_.c_str());
  for (const Option& o : declared_)
    std::fprintf(stderr, "  --%-12s %s (default: %s)\n", o.name.c_str(), o.help.c_str(), o.value.c_str());
  return false;
}

std::string Args::command_line() const {
  std::string line = "train " + command_;
  for (const Option& o : declared_) {
    if (o.value.empty()) continue;
    line += " --" + o.name + " " + o.value;
  }
  return line;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

bool write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) std::fprintf(stderr, "cannot write %s\n", path.c_str());
  return static_cast<bool>(out);
}

bool write_card_block(const std::string& path, const std::string& name, const std::string& block) {
  std::string card;
  if (!read_file(path, card)) {
    std::fprintf(stderr, "cannot read the model card %s\n", path.c_str());
    return false;
  }
  const std::string begin = "<!-- train " + name + ": begin -->\n";
  const std::string end = "<!-- train " + name + ": end -->";
  const std::size_t b = card.find(begin);
  const std::size_t e = b == std::string::npos ? b : card.find(end, b);
  if (e == std::string::npos) {
    std::fprintf(stderr, "%s has no block '%s' ... '%s'\n", path.c_str(), begin.c_str(), end.c_str());
    return false;
  }
  card.replace(b + begin.size(), e - b - begin.size(),
               block.empty() || block.back() == '\n' ? block : block + "\n");
  return write_file(path, card);
}

std::string format(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  va_list copy;
  va_copy(copy, args);
  const int n = std::vsnprintf(nullptr, 0, fmt, copy);
  va_end(copy);
  std::string out(n > 0 ? static_cast<std::size_t>(n) : 0, '\0');
  if (n > 0) std::vsnprintf(out.data(), out.size() + 1, fmt, args);
  va_end(args);
  return out;
}

}  // namespace train

int main(int argc, char** argv) {
  const std::vector<train::Command> all = train::commands();
  if (argc >= 2) {
    for (const train::Command& c : all) {
      if (std::strcmp(argv[1], c.name) == 0) return c.run(argc - 2, argv + 2);
    }
    std::fprintf(stderr, "train: unknown command %s\n", argv[1]);
  }
  std::fprintf(stderr,
               "usage: train COMMAND [--option value ...]   (train COMMAND --help lists the options)\n");
  for (const train::Command& c : all) std::fprintf(stderr, "  %-8s %s\n", c.name, c.summary);
  return 2;
}
