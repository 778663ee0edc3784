// A small JSON reader: the core's only parser (JSON-LD in pages), so no JSON library in the WebAssembly
// build. The document is one flat array of entries (no recursion to parse, read or destroy it); it never
// throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace articlescope::report {

/// The kind of a JSON value.
enum class JsonKind : std::uint8_t { Null, Bool, Number, String, Array, Object };

/// What the reader tolerates beyond strict JSON (RFC 8259).
struct JsonReadOptions {
  /// Deeper nesting of arrays and objects makes the whole text "not parsed".
  int max_depth = 64;
  /// Tolerate what pages ship: a comma before '}' or ']', raw line breaks and tabs inside strings (read as
  /// spaces).
  bool lenient = false;
};

class JsonDocument;

/// A read-only handle to one value of a JsonDocument; a default (empty) handle stands for "absent".
class JsonValue {
 public:
  JsonValue() = default;

  /// False for the absent value (a missing key, or the root of a text that did not parse).
  explicit operator bool() const { return document_ != nullptr; }
  JsonKind kind() const;
  bool is_null() const { return *this && kind() == JsonKind::Null; }
  bool is_bool() const { return *this && kind() == JsonKind::Bool; }
  bool is_number() const { return *this && kind() == JsonKind::Number; }
  bool is_string() const { return *this && kind() == JsonKind::String; }
  bool is_array() const { return *this && kind() == JsonKind::Array; }
  bool is_object() const { return *this && kind() == JsonKind::Object; }

  /// A string's decoded UTF-8 text; a number's text as written; "" for any other value.
  std::string_view text() const;
  /// A bool's value; false for any other value.
  bool boolean() const;
  /// Elements of an array, members of an object, 0 for any other value.
  std::size_t size() const;
  /// The value of `key` in an object (the last one when a key repeats, as most readers do), else absent.
  JsonValue find(std::string_view key) const;

  /// Iterates the elements of an array, or the member values of an object (with their keys).
  class Iterator {
   public:
    JsonValue operator*() const { return {document_, index_ + (object_ ? 1 : 0)}; }
    /// The key of the current member when iterating an object.
    std::string_view key() const;
    Iterator& operator++();
    bool operator!=(const Iterator& other) const { return index_ != other.index_; }

   private:
    friend class JsonValue;
    Iterator(const JsonDocument* document, std::uint32_t index, bool object)
        : document_(document), index_(index), object_(object) {}
    const JsonDocument* document_;
    std::uint32_t index_;
    bool object_;
  };
  Iterator begin() const;
  Iterator end() const;

 private:
  friend class JsonDocument;
  JsonValue(const JsonDocument* document, std::uint32_t index) : document_(document), index_(index) {}
  const JsonDocument* document_ = nullptr;
  std::uint32_t index_ = 0;
};

/// A parsed JSON text. parse() reads the whole text as one value; anything invalid leaves it unparsed.
class JsonDocument {
 public:
  /// Parses `text` (UTF-8; a leading byte order mark is skipped). Never throws: check parsed().
  static JsonDocument parse(std::string_view text, const JsonReadOptions& options = {});

  /// Whether the text was one valid JSON value (with the tolerances asked for).
  bool parsed() const { return parsed_; }
  /// The top value, absent when the text did not parse.
  JsonValue root() const { return parsed_ ? JsonValue(this, 0) : JsonValue(); }

 private:
  friend class JsonValue;
  friend class JsonParser;
  struct Entry {
    JsonKind kind;
    bool boolean;
    std::uint32_t begin;   // String/Number: offset of the text in chars_
    std::uint32_t length;  // String/Number: text length; Array/Object: elements or members
    std::uint32_t end;     // index of the entry after this value's subtree
  };
  // Objects store each member as a String entry (the key) followed by the value's entries.
  std::vector<Entry> entries_;
  std::string chars_;
  bool parsed_ = false;
};

}  // namespace articlescope::report
