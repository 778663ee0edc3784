// A small streaming JSON writer: the report's only serialiser (no JSON library in the WebAssembly code path).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace articlescope::report {

/// Writes one JSON value into a string; commas and (with indent >= 0) line breaks are placed automatically.
/// Strings are escaped, and invalid UTF-8 inside them becomes U+FFFD, so the output is always valid JSON.
class JsonWriter {
 public:
  explicit JsonWriter(int indent = -1) : indent_(indent) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);  ///< the next value belongs to this key
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(std::size_t n);
  JsonWriter& value(int n);
  JsonWriter& value(double d);
  JsonWriter& value(bool b);
  JsonWriter& null();
  /// A string, or null when it is empty.
  JsonWriter& string_or_null(std::string_view s) { return s.empty() ? null() : value(s); }

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void before_value();
  void close(char bracket);
  void newline();

  std::string out_;
  std::vector<bool> has_items_;  // one entry per open object or array
  bool after_key_ = false;
  int indent_;
};

}  // namespace articlescope::report
