// analyse(): the one entry point. Validates the input, then runs the stages in order:
// clean -> segment -> entities -> policy. Each stage reads only the previous stages' output.
#include <articlescope/articlescope.hpp>

#include <chrono>
#include <exception>

#include "clean/clean.hpp"
#include "entities/entities.hpp"
#include "policy/policy.hpp"
#include "text/encoding.hpp"
#include "text/language.hpp"
#include "text/segment.hpp"
#include "text/utf8.hpp"

namespace articlescope {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool only_white_space(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    if (!text::is_space(text::decode(s, i, len))) return false;
    i += len;
  }
  return true;
}

// Step 1: refuse what is not text; repair what is almost text. Returns false when the input is refused;
// otherwise `source` is the text to analyse: the input itself, or `repaired` when it was decoded from
// another charset or had invalid UTF-8.
bool validate(std::string_view input, const Options& options, Report& report, std::string& repaired,
              std::string_view& source) {
  report.input_bytes = input.size();
  if (input.size() > options.max_input_bytes) {
    report.errors.push_back(input_too_large(options.max_input_bytes));
    return false;
  }
  // UTF-16 with a byte order mark (Windows "Unicode" text files), decoded first: its NUL bytes read as
  // binary.
  if (input.size() >= 2 && (input.substr(0, 2) == "\xFF\xFE" || input.substr(0, 2) == "\xFE\xFF")) {
    const bool big_endian = input[0] == '\xFE';
    repaired = text::decode_utf16(input.substr(2), big_endian);
    input = repaired;
    report.warnings.push_back({Code::Transcoded, std::string("the input was UTF-16") +
                                                     (big_endian ? "BE" : "LE") + ", decoded to UTF-8"});
  } else if (const auto guess = text::guess_utf16(input); guess != text::Utf16Guess::None) {
    const bool big_endian = guess == text::Utf16Guess::BigEndian;
    repaired = text::decode_utf16(input.substr(0, input.size() & ~std::size_t{1}), big_endian);
    input = repaired;
    report.warnings.push_back({Code::Transcoded, std::string("the input was UTF-16") +
                                                     (big_endian ? "BE" : "LE") +
                                                     " without a byte order mark, decoded to UTF-8"});
  }
  if (text::looks_binary(input)) {
    report.errors.push_back(
        {Code::BinaryInput,
         "input is binary data (NUL or control bytes), not text or HTML in UTF-8, UTF-16 or a "
         "legacy charset"});
    return false;
  }
  if (input.substr(0, 3) == "\xEF\xBB\xBF") input.remove_prefix(3);
  source = input;
  if (text::find_invalid_utf8(input) != std::string_view::npos) {
    // Not UTF-8: a page in the single-byte charset it declares, or, when it declares none (or UTF-8, wrongly)
    // and holds no UTF-8 sequence at all, in windows-1252, the Encoding Standard's default for such pages.
    const std::string label = text::declared_charset(input);
    std::string_view encoding = text::single_byte_encoding(label);
    const bool utf8_label = label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8";
    if (encoding.empty() && (label.empty() || utf8_label) && !text::has_multibyte_utf8(input))
      encoding = "windows-1252";
    if (!encoding.empty()) {
      repaired = text::decode_single_byte(input, encoding);
      report.warnings.push_back(
          {Code::Transcoded, "the input was not UTF-8; decoded as " + std::string(encoding) +
                                 (label.empty() ? std::string(" (no charset declared)")
                                                : " (declared charset: " + label + ")")});
    } else {
      bool was_invalid = false;
      repaired = text::repair_utf8(input, was_invalid);
      report.warnings.push_back(
          {Code::InvalidUtf8,
           "invalid UTF-8 sequences were replaced with U+FFFD" +
               (label.empty() || utf8_label ? std::string()
                                            : " (declared charset " + label + " is not decoded)")});
    }
    source = repaired;
  }
  if (only_white_space(source)) {
    report.errors.push_back({Code::EmptyInput, "input is empty"});
    return false;
  }
  return true;
}

void run(std::string_view input, const Options& options, Report& report) {
  const auto start = Clock::now();
  std::string repaired;
  std::string_view source;
  if (!validate(input, options, report, repaired, source)) return;

  // Step 2: the article.
  auto stage = Clock::now();
  report.format = options.format != InputFormat::Auto ? options.format
                  : clean::looks_like_html(source)    ? InputFormat::Html
                                                      : InputFormat::Text;
  if (!options.clean) {
    report.format = InputFormat::Text;
    report.article = clean::verbatim_text(source);
  } else if (report.format == InputFormat::Html) {
    report.article = clean::clean_html(source, options, report.warnings);
  } else {
    report.article = clean::clean_text(source, options, report.warnings);
  }
  if (!options.include_html) report.article.html.clear();
  if (!options.include_removed) report.article.removed.clear();
  report.timings.clean_ms = ms_since(stage);

  // Step 3: tokens and sentences, shared by the later stages.
  stage = Clock::now();
  const text::TextIndex index = text::segment(report.article.text, report.article.blocks);
  report.timings.segment_ms = ms_since(stage);

  // The entity and policy models read English: an article in another language gets no guesses from them.
  const text::Language language = text::article_language(report.article.lang, report.article.text);
  const bool english = language.tag.empty() || language.tag == "en";
  if (!english && (options.entities || options.policy)) {
    report.warnings.push_back(
        {Code::LanguageUnsupported,
         "the article is in " + language.name + " (" + language.tag +
             "); names, places, organisations and policy provisions are found in English text only, so "
             "only dates, amounts and quantities are marked"});
  }

  // Step 4: entities.
  if (options.entities) {
    stage = Clock::now();
    auto found = entities::extract(report.article, index, english);
    report.entities = std::move(found.mentions);
    report.entity_groups = std::move(found.groups);
    report.timings.entities_ms = ms_since(stage);
  }

  // Step 5: policy provisions and their summary.
  if (options.policy && english) {
    stage = Clock::now();
    report.provisions = policy::extract(report.article, index, report.entities);
    report.summary = policy::summarise(report.article.text, report.provisions);
    report.timings.policy_ms = ms_since(stage);
  }
  report.timings.total_ms = ms_since(start);
}

}  // namespace

Diagnostic input_too_large(std::size_t max_input_bytes) {
  // "more than": a reader that stops at the limit (the CLI, the JS wrapper) does not know the whole size.
  return {Code::InputTooLarge,
          "input is more than " + std::to_string(max_input_bytes) + " bytes (max_input_bytes)"};
}

Report analyse(std::string_view input, const Options& options) {
  Report report;
  try {
    run(input, options, report);
  } catch (const std::exception& e) {
    const auto input_bytes = report.input_bytes;
    report = Report{};
    report.input_bytes = input_bytes;
    report.errors.push_back({Code::Internal, std::string("internal error: ") + e.what()});
  } catch (...) {
    report = Report{};
    report.errors.push_back({Code::Internal, "internal error"});
  }
  return report;
}

}  // namespace articlescope
