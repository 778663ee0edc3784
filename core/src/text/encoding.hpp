// Legacy encodings: pages saved in windows-1252, ISO-8859-x, windows-125x, KOI8-R or UTF-16 become UTF-8
// before analysis (browsers decode them; the CLI reads raw bytes).
#pragma once

#include <string>
#include <string_view>

namespace articlescope::text {

/// The charset a document declares in its first bytes (an XML declaration's encoding, or a <meta> charset /
/// http-equiv content type), lower-cased; "" when it declares none.
std::string declared_charset(std::string_view input);

/// The canonical name of a single-byte encoding this build decodes, for a WHATWG label ("latin1",
/// "iso-8859-1" and "us-ascii" are windows-1252), or "" when the label names another encoding.
std::string_view single_byte_encoding(std::string_view label);

/// `input` decoded from the single-byte encoding `name` (as returned by single_byte_encoding()) to UTF-8.
std::string decode_single_byte(std::string_view input, std::string_view name);

/// True when `input` holds at least one valid multi-byte UTF-8 sequence (text that is mostly UTF-8 and
/// damaged in places, rather than text in a single-byte encoding).
bool has_multibyte_utf8(std::string_view input);

/// Byte order of UTF-16 text without a byte order mark.
enum class Utf16Guess { None, LittleEndian, BigEndian };

/// Recognises UTF-16 without a byte order mark by its zero bytes: text and markup are mostly ASCII, whose
/// code units have a zero high byte, so zeros fill one byte position of each pair and almost never the other.
Utf16Guess guess_utf16(std::string_view input);

/// UTF-16 (after its byte order mark) decoded to UTF-8; unpaired surrogates become U+FFFD.
std::string decode_utf16(std::string_view input, bool big_endian);

}  // namespace articlescope::text
