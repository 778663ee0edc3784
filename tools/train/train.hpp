// The one trainer tool (`train COMMAND --option value ...`): each model's training is a subcommand in its
// own source file under tools/train/, registered by a static Registration, so that a new model is one more
// file. Every subcommand is deterministic (fixed seeds, one thread, no clock in its output) and prints its
// full command line, every option with its effective value, so that the model card can quote it exactly.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace train {

/// A subcommand: `run` gets the arguments after the subcommand's name and returns the exit status.
struct Command {
  const char* name;
  const char* summary;
  int (*run)(int argc, char** argv);
};

/// Registers a subcommand; define one static instance per subcommand source file.
struct Registration {
  explicit Registration(Command command);
};

/// Every registered subcommand, sorted by name.
std::vector<Command> commands();

/// The options of one subcommand, `--name value` pairs. Each option is declared once, in a fixed order,
/// with its default; the declaration returns the value given on the command line or the default.
class Args {
 public:
  /// Parses argv (the arguments after the subcommand's name).
  Args(std::string command, int argc, char** argv);
  /// A text option (a path, a list).
  std::string text(const char* name, const std::string& fallback, const char* help);
  /// An integer option.
  long integer(const char* name, long fallback, const char* help);
  /// A real-valued option.
  double real(const char* name, double fallback, const char* help);
  /// Call after every declaration: false (and a usage message on stderr) when an option was unknown,
  /// malformed or given without a value, or when `problem` is not empty (a check of the values).
  bool finish(const std::string& problem = "");
  /// "train COMMAND --a 1 --b x ...": every declared option with its effective value, in declaration order.
  std::string command_line() const;

 private:
  struct Option {
    std::string name, value, help;
  };
  const std::string* given(const char* name);
  std::string command_;
  std::vector<std::pair<std::string, std::string>> given_;
  std::vector<bool> used_;
  std::vector<Option> declared_;
  std::vector<std::string> errors_;
  bool help_ = false;
};

/// The whole file, or false when it cannot be read.
bool read_file(const std::string& path, std::string& out);
/// Writes `bytes` to `path`; false (with a message on stderr) when it cannot.
bool write_file(const std::string& path, const std::string& bytes);

/// Replaces the text between the lines "<!-- train NAME: begin -->" and "<!-- train NAME: end -->" of the
/// model card at `path` with `block` (the trainer's command line and scores). False (with a message) when
/// the card or its markers are missing: a card is written by hand, the trainer only fills its marked block.
bool write_card_block(const std::string& path, const std::string& name, const std::string& block);

/// printf into a std::string.
std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

}  // namespace train
