#include "report/json_reader.hpp"

#include <limits>

#include "text/utf8.hpp"

namespace articlescope::report {

JsonKind JsonValue::kind() const { return document_->entries_[index_].kind; }

std::string_view JsonValue::text() const {
  if (!*this) return {};
  const auto& entry = document_->entries_[index_];
  if (entry.kind != JsonKind::String && entry.kind != JsonKind::Number) return {};
  return std::string_view(document_->chars_).substr(entry.begin, entry.length);
}

bool JsonValue::boolean() const { return *this && document_->entries_[index_].boolean; }

std::size_t JsonValue::size() const {
  if (!is_array() && !is_object()) return 0;
  return document_->entries_[index_].length;
}

JsonValue JsonValue::find(std::string_view key) const {
  if (!is_object()) return {};
  JsonValue found;
  for (auto it = begin(), stop = end(); it != stop; ++it) {
    if (it.key() == key) found = *it;
  }
  return found;
}

JsonValue::Iterator JsonValue::begin() const {
  if (!is_array() && !is_object()) return end();
  return Iterator(document_, index_ + 1, kind() == JsonKind::Object);
}

JsonValue::Iterator JsonValue::end() const {
  if (!is_array() && !is_object()) return Iterator(document_, index_, false);
  return Iterator(document_, document_->entries_[index_].end, false);
}

std::string_view JsonValue::Iterator::key() const {
  if (!object_) return {};
  return JsonValue(document_, index_).text();
}

JsonValue::Iterator& JsonValue::Iterator::operator++() {
  // An object member is its key entry, then the value's subtree.
  const std::uint32_t value = index_ + (object_ ? 1 : 0);
  index_ = document_->entries_[value].end;
  return *this;
}

namespace {

bool is_json_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Length of the valid UTF-8 sequence at s[i] (no overlongs, surrogates or code points past U+10FFFF), else 0.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > s.size() || byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

// One pass over the text with an explicit stack of open containers: no recursion, linear time.
class JsonParser {
 public:
  JsonParser(std::string_view text, const JsonReadOptions& options, JsonDocument& document)
      : text_(text), options_(options), document_(document) {}

  bool run() {
    if (text_.size() >= std::numeric_limits<std::uint32_t>::max() / 2) return false;
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    if (!value()) return false;
    while (!open_.empty()) {
      const bool object = document_.entries_[open_.back()].kind == JsonKind::Object;
      const char closing = object ? '}' : ']';
      skip_space();
      if (at_end()) return false;
      if (text_[pos_] == closing) {
        ++pos_;
        close();
        just_opened_ = false;
        continue;
      }
      if (!just_opened_) {
        if (text_[pos_] != ',') return false;
        ++pos_;
        skip_space();
        if (options_.lenient && !at_end() && text_[pos_] == closing) continue;  // a trailing comma
      }
      just_opened_ = false;
      if (object ? !member() : !value()) return false;
    }
    skip_space();
    return at_end();
  }

 private:
  using Entry = JsonDocument::Entry;

  bool at_end() const { return pos_ >= text_.size(); }
  void skip_space() {
    while (!at_end() && is_json_space(text_[pos_])) ++pos_;
  }

  std::uint32_t add(JsonKind kind) {
    const auto index = static_cast<std::uint32_t>(document_.entries_.size());
    document_.entries_.push_back(Entry{kind, false, 0, 0, index + 1});
    if (!open_.empty()) ++document_.entries_[open_.back()].length;
    return index;
  }

  void close() {
    document_.entries_[open_.back()].end = static_cast<std::uint32_t>(document_.entries_.size());
    open_.pop_back();
  }

  // A key, ':' and its value (or the opening of it, when it is a container).
  bool member() {
    skip_space();
    if (at_end() || text_[pos_] != '"') return false;
    const auto index = static_cast<std::uint32_t>(document_.entries_.size());
    // Pushed without add(): the member counts once, when value() adds its value.
    document_.entries_.push_back(Entry{JsonKind::String, false, 0, 0, index + 1});
    if (!string(document_.entries_[index])) return false;
    skip_space();
    if (at_end() || text_[pos_] != ':') return false;
    ++pos_;
    return value();
  }

  // Reads a scalar whole, or opens a container (run() reads its contents).
  bool value() {
    skip_space();
    if (at_end()) return false;
    const char c = text_[pos_];
    if (c == '{' || c == '[') {
      const bool object = c == '{';
      if (static_cast<int>(open_.size()) >= options_.max_depth) return false;
      ++pos_;
      open_.push_back(add(object ? JsonKind::Object : JsonKind::Array));
      just_opened_ = true;
      return true;
    }
    if (c == '"') {
      const std::uint32_t index = add(JsonKind::String);
      return string(document_.entries_[index]);
    }
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    struct Literal {
      std::string_view word;
      JsonKind kind;
      bool truth;
    };
    for (const Literal& literal :
         {Literal{"true", JsonKind::Bool, true}, Literal{"false", JsonKind::Bool, false},
          Literal{"null", JsonKind::Null, false}}) {
      if (text_.substr(pos_, literal.word.size()) == literal.word) {
        pos_ += literal.word.size();
        document_.entries_[add(literal.kind)].boolean = literal.truth;
        return true;
      }
    }
    return false;
  }

  bool number() {
    const std::size_t start = pos_;
    auto digits = [&] {
      const std::size_t first = pos_;
      while (!at_end() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
      return pos_ > first;
    };
    if (text_[pos_] == '-') ++pos_;
    if (!at_end() && text_[pos_] == '0') {
      ++pos_;
    } else if (!digits()) {
      return false;
    }
    if (!at_end() && text_[pos_] == '.') {
      ++pos_;
      if (!digits()) return false;
    }
    if (!at_end() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (!at_end() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!digits()) return false;
    }
    Entry& entry = document_.entries_[add(JsonKind::Number)];
    entry.begin = static_cast<std::uint32_t>(document_.chars_.size());
    entry.length = static_cast<std::uint32_t>(pos_ - start);
    document_.chars_.append(text_.substr(start, pos_ - start));
    return true;
  }

  bool hex4(char32_t& out) {
    if (pos_ + 4 > text_.size()) return false;
    out = 0;
    for (int k = 0; k < 4; ++k) {
      const int digit = hex_value(text_[pos_++]);
      if (digit < 0) return false;
      out = out * 16 + static_cast<char32_t>(digit);
    }
    return true;
  }

  // Decodes the string at pos_ (on its opening quote) into chars_.
  bool string(Entry& entry) {
    std::string& chars = document_.chars_;
    entry.begin = static_cast<std::uint32_t>(chars.size());
    ++pos_;
    while (true) {
      // Copy the run of plain ASCII at once: most of any JSON-LD text.
      std::size_t run = pos_;
      while (run < text_.size()) {
        const auto c = static_cast<unsigned char>(text_[run]);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++run;
      }
      chars.append(text_.substr(pos_, run - pos_));
      pos_ = run;
      if (at_end()) return false;
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        break;
      }
      if (c >= 0x80) {
        const std::size_t length = utf8_sequence_length(text_, pos_);
        if (length == 0) return false;
        chars.append(text_.substr(pos_, length));
        pos_ += length;
      } else if (c < 0x20) {
        if (!options_.lenient || (c != '\n' && c != '\r' && c != '\t')) return false;
        chars += ' ';
        ++pos_;
      } else if (!escape(chars)) {
        return false;
      }
    }
    entry.length = static_cast<std::uint32_t>(chars.size() - entry.begin);
    return true;
  }

  // A backslash escape at pos_; \uXXXX pairs of surrogates make one code point, a lone surrogate is invalid.
  bool escape(std::string& chars) {
    if (++pos_ >= text_.size()) return false;
    const char c = text_[pos_++];
    switch (c) {
      case '"':
        chars += '"';
        return true;
      case '\\':
        chars += '\\';
        return true;
      case '/':
        chars += '/';
        return true;
      case 'b':
        chars += '\b';
        return true;
      case 'f':
        chars += '\f';
        return true;
      case 'n':
        chars += '\n';
        return true;
      case 'r':
        chars += '\r';
        return true;
      case 't':
        chars += '\t';
        return true;
      case 'u':
        break;
      default:
        return false;
    }
    char32_t cp = 0;
    if (!hex4(cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      char32_t low = 0;
      if (text_.substr(pos_, 2) != "\\u") return false;
      pos_ += 2;
      if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    text::append_utf8(chars, cp);
    return true;
  }

  std::string_view text_;
  const JsonReadOptions& options_;
  JsonDocument& document_;
  std::vector<std::uint32_t> open_;  // entries of the arrays and objects not yet closed
  std::size_t pos_ = 0;
  bool just_opened_ = false;  // the innermost container has no element yet
};

JsonDocument JsonDocument::parse(std::string_view text, const JsonReadOptions& options) {
  JsonDocument document;
  document.parsed_ = JsonParser(text, options, document).run();
  if (!document.parsed_) {
    document.entries_.clear();
    document.chars_.clear();
  }
  return document;
}

}  // namespace articlescope::report
