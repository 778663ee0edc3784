#include "syntax/features.hpp"

#include "text/utf8.hpp"

namespace articlescope::syntax {
namespace {

// The ASCII text a punctuation code point is read as, or null when it is kept.
const char* ascii_reading(char32_t cp) {
  switch (cp) {
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
      return "\"";
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
      return "'";
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
      return "--";
    case 0x2026:
      return "...";
    default:
      return nullptr;
  }
}

// The normalised form in a fixed buffer: words longer than the buffer are cut (only hashes are made of it).
struct FormBuffer {
  static constexpr std::size_t kCapacity = 128;
  char data[kCapacity + 8];
  std::size_t size = 0;
  std::size_t starts[4] = {};  // byte offsets of the last four code points (a ring)
  std::size_t count = 0;       // code points appended
  bool full = false;

  void append(std::string_view bytes) {
    if (full || size + bytes.size() > kCapacity) {
      full = true;
      return;
    }
    starts[count % 4] = size;
    ++count;
    for (const char c : bytes) data[size++] = c;
  }
  std::string_view view() const { return {data, size}; }
  // The last k code points (k <= 4, k <= count).
  std::string_view last(std::size_t k) const {
    const std::size_t start = starts[(count - k) % 4];
    return {data + start, size - start};
  }
};

// Appends the normalised reading of `word` to `out` (any byte container with append(string_view)), and
// calls `seen(cp)` with every original code point (after the quote and dash readings).
template <class Out, class Seen>
void normalise_into(std::string_view word, Out& out, Seen&& seen) {
  if (word == "``" || word == "''") {
    out.append("\"");
    seen(U'"');
    return;
  }
  for (std::size_t i = 0; i < word.size();) {
    std::size_t len = 1;
    const auto byte = static_cast<unsigned char>(word[i]);
    const char32_t cp = byte < 0x80 ? char32_t{byte} : text::decode(word, i, len);
    i += len;
    if (const char* ascii = ascii_reading(cp)) {
      out.append(ascii);
      seen(static_cast<char32_t>(ascii[0]));
      continue;
    }
    seen(cp);
    if (cp < 0x80) {
      const char c = static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
      out.append(std::string_view(&c, 1));
      continue;
    }
    std::string encoded;
    text::append_utf8(encoded, text::to_lower(cp));
    out.append(encoded);
  }
}

struct StringOut {
  std::string& s;
  void append(std::string_view bytes) { s.append(bytes); }
};

}  // namespace

void normalise_word(std::string_view word, std::string& out) {
  out.clear();
  StringOut sink{out};
  normalise_into(word, sink, [](char32_t) {});
}

std::uint64_t form_hash(std::string_view normalised_form) {
  return learn::hash_bytes(normalised_form.substr(0, FormBuffer::kCapacity));
}

WordInfo describe(std::string_view word) {
  WordInfo info;
  FormBuffer form;
  char shape[12];
  int shape_len = 0;
  int uppers = 0, lowers = 0, uncased = 0, digits = 0;
  bool first_upper = false;
  std::size_t code_points = 0;
  normalise_into(word, form, [&](char32_t cp) {
    char cls;
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0x80 && text::is_upper(cp))) {
      cls = 'X';
      ++uppers;
      if (code_points == 0) first_upper = true;
    } else if ((cp >= 'a' && cp <= 'z') || (cp >= 0x80 && text::is_lower(cp))) {
      cls = 'x';
      ++lowers;
    } else if (cp >= '0' && cp <= '9') {
      cls = 'd';
      ++digits;
    } else if (cp >= 0x80 && text::is_letter(cp)) {
      cls = 'L';
      ++uncased;
    } else {
      cls = cp < 0x80 ? static_cast<char>(cp) : 'p';
      if (cp == '-' && code_points > 0) info.hyphen = true;
    }
    if (shape_len < static_cast<int>(sizeof shape) && (shape_len == 0 || shape[shape_len - 1] != cls))
      shape[shape_len++] = cls;
    ++code_points;
  });
  if (info.hyphen && !word.empty() && word.back() == '-') info.hyphen = false;
  info.form = learn::hash_bytes(form.view());
  info.shape = learn::hash_bytes(std::string_view(shape, static_cast<std::size_t>(shape_len)));
  for (std::size_t k = 1; k <= 4 && k <= form.count; ++k)
    info.suffix[k - 1] = learn::hash_bytes(form.last(k), 0x84222325cbf29ce4ull * k);
  if (form.size > 0) {
    std::size_t len = 1;
    text::decode(form.view(), 0, len);
    info.prefix = learn::hash_bytes(form.view().substr(0, len), 0x100000001b3ull);
  }
  const int letters = uppers + lowers + uncased;
  if (letters == 0)
    info.kind = digits > 0 ? WordKind::Number : WordKind::Punct;
  else if (digits > 0 || uncased > 0)
    info.kind = WordKind::Other;
  else if (uppers == 0)
    info.kind = WordKind::Lower;
  else if (lowers == 0)
    info.kind = uppers > 1 ? WordKind::Upper : WordKind::Capitalised;
  else if (first_upper && uppers == 1)
    info.kind = WordKind::Capitalised;
  else
    info.kind = WordKind::Mixed;
  return info;
}

}  // namespace articlescope::syntax
