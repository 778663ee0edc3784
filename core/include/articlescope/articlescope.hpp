// ArticleScope: the one public header of the core.
//
// html or text -> Article (clean text + metadata) -> entities -> provisions -> Report -> JSON.
// All offsets inside the core are UTF-8 byte offsets into Article::text; the JSON report converts them
// to UTF-16 code units so that JavaScript can slice report.article.text directly.
// The library never prints, never aborts and never lets an exception escape analyse().
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace articlescope {

/// Version of the JSON report contract; bumped when a field changes meaning or disappears.
inline constexpr int kReportVersion = 1;

/// How the input is to be read.
enum class InputFormat { Auto, Html, Text };

/// Every option of the core, with its default. Documented once, in the README.
struct Options {
  InputFormat format = InputFormat::Auto;         ///< auto: HTML when the input looks like markup
  bool clean = true;                              ///< false: take text input verbatim (offsets into the input)
  bool entities = true;                           ///< run the entity stage
  bool policy = true;                             ///< run the policy stage (needs sentences, not entities)
  bool include_html = true;                       ///< fill article.html (sanitised article HTML)
  bool include_removed = true;                    ///< fill article.removed (what the cleaner dropped)
  bool remote_images = false;                     ///< keep <img> in article.html (a request to its server)
  std::size_t max_input_bytes = 16u * 1024 * 1024;  ///< larger inputs are refused with input_too_large
  std::string url;                                ///< the page's URL, when known (site name, relative links)
};

/// Stable error and warning codes. Their names (to_string) are part of the report contract.
enum class Code {
  EmptyInput,      ///< error: the input is empty or only white space
  BinaryInput,     ///< error: the input is not text (NUL bytes or mostly control bytes)
  InputTooLarge,   ///< error: the input is more than Options::max_input_bytes bytes
  InvalidOptions,  ///< error: an option has a value the core does not accept
  Internal,        ///< error: a bug; the report is empty rather than wrong
  InvalidUtf8,     ///< warning: invalid UTF-8 sequences were replaced with U+FFFD
  Transcoded,      ///< warning: the input was not UTF-8 and was decoded from its charset (windows-1252, UTF-16, ...)
  NotReaderable,   ///< warning: the page does not look like an article (home or index page)
  Truncated,       ///< warning: a limit was reached (nesting, attributes, sentence length); output is partial
  LanguageUnsupported,  ///< warning: the article is not in English; no names or provisions were looked for
};

/// The stable string of a code, e.g. "empty_input".
std::string_view to_string(Code code);

/// One error or warning.
struct Diagnostic {
  Code code;
  std::string message;
};

/// A span of Article::text (UTF-8 byte offsets, end exclusive) with its text.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;
};

enum class BlockKind { Heading, Paragraph, ListItem, Quote, Caption, Preformatted, TableRow };
std::string_view to_string(BlockKind kind);

/// One block of the clean article text.
struct Block {
  BlockKind kind = BlockKind::Paragraph;
  std::size_t start = 0;
  std::size_t end = 0;
  int level = 0;  ///< heading level (1-6), 0 for other kinds
};

/// Something the cleaner dropped, for the "removed boilerplate" view.
struct Removed {
  std::string reason;  ///< e.g. "navigation", "related", "share", "newsletter", "comments", "ad", "repeated_title"
  std::string text;    ///< its text, shortened to a few hundred bytes
};

/// A picture of the article with its caption and photo credit (kept out of Article::text).
struct Figure {
  std::string caption;  ///< the caption without its credit; empty when none or when it repeats an earlier one
  std::string credit;   ///< the photo credit ("Photo: Jane Doe / Agency"), empty when none
  std::string image;    ///< the image URL (resolved against the page), empty when none
};

/// The cleaned article and its metadata.
struct Article {
  std::string title;
  std::string byline;
  std::optional<std::string> published;  ///< ISO 8601 date or date-time
  std::string site;
  std::string lang;
  std::string canonical_url;
  std::string lead_image;
  std::string excerpt;
  bool readerable = true;
  std::string text;  ///< paragraphs separated by one blank line
  std::vector<Block> blocks;
  std::string html;  ///< allow-listed, sanitised article HTML (figures keep their captions here)
  std::vector<Figure> figures;  ///< pictures with their captions and credits, in order; each caption once
  std::vector<Removed> removed;
};

enum class EntityType { Person, Org, Location, Norp, Date, Money, Quantity, Weapon };
std::string_view to_string(EntityType type);  ///< "PERSON", "ORG", ...

/// One mention of an entity in Article::text.
struct Entity {
  EntityType type = EntityType::Person;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;
  int id = 0;  ///< index into Report::entity_groups: mentions of one real-world entity share it
};

/// All mentions of one entity, linked within the article.
struct EntityGroup {
  int id = 0;
  EntityType type = EntityType::Person;
  std::string canonical;              ///< the fullest name, e.g. "Jane Smith" for "Smith"
  int count = 0;                      ///< number of mentions
  std::vector<std::string> aliases;   ///< distinct other surface forms
};

enum class Status { Allowed, Prohibited, Excluded, Lifted, Imposed, Proposed };
std::string_view to_string(Status status);

enum class ScopeKind { Location, Restriction, Instance, Exception, Condition, Time, Target };
std::string_view to_string(ScopeKind kind);

struct Scope {
  ScopeKind kind = ScopeKind::Location;
  Span span;
};

/// Bit flags that qualify a provision.
enum Flag : std::uint32_t {
  kAttributed = 1u << 0,   ///< "officials said"
  kHedged = 1u << 1,       ///< "reportedly", "appears to"
  kConditional = 1u << 2,  ///< "if", "unless", "provided that"
  kFuture = 1u << 3,       ///< "will allow"
  kQuestion = 1u << 4,
  kQuoted = 1u << 5,
  kHistorical = 1u << 6,   ///< "had previously restricted": the old state, not the change
  kNegated = 1u << 7,
};
/// Names of the set flags, in bit order ("attributed", "hedged", ...).
std::vector<std::string_view> flag_names(std::uint32_t flags);

/// One clause-level provision: what is allowed or prohibited, by whom, for whom, within which limits.
struct Provision {
  Status status = Status::Allowed;
  Span sentence;
  std::optional<Span> trigger;
  std::optional<Span> actor;
  std::optional<Span> subject;
  std::optional<Span> action;
  std::vector<Scope> scopes;
  std::uint32_t flags = 0;
};

/// One line of the two-column summary; `provision` indexes Report::provisions.
struct SummaryItem {
  std::size_t provision = 0;
  Status status = Status::Allowed;
  std::string text;  ///< a short human line: action and its scopes
};

/// The two columns a reader sees: now allowed vs still prohibited / not covered, plus what is only proposed.
struct PolicySummary {
  std::vector<SummaryItem> allowed;     ///< allowed, lifted
  std::vector<SummaryItem> prohibited;  ///< prohibited, imposed, excluded
  std::vector<SummaryItem> proposed;    ///< proposed
};

/// Milliseconds per stage: clean includes HTML parsing; segment is tokens and sentences.
struct Timings {
  double clean_ms = 0, segment_ms = 0, entities_ms = 0, policy_ms = 0, total_ms = 0;
};

/// Everything analyse() returns.
struct Report {
  InputFormat format = InputFormat::Text;  ///< the format actually used (never Auto)
  std::size_t input_bytes = 0;
  Article article;
  std::vector<Entity> entities;
  std::vector<EntityGroup> entity_groups;
  std::vector<Provision> provisions;
  PolicySummary summary;
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> warnings;
  Timings timings;

  bool ok() const { return errors.empty(); }
};

/// The error analyse() gives an input of more than `max_input_bytes` bytes (for callers that refuse it
/// before handing it over, such as the WebAssembly wrapper).
Diagnostic input_too_large(std::size_t max_input_bytes);

/// Analyse one input (HTML page or plain text). Never throws; failures are in Report::errors.
Report analyse(std::string_view input, const Options& options = {});

/// The report as JSON (offsets in UTF-16 code units). `with_timings=false` drops timings (for golden files).
std::string to_json(const Report& report, bool with_timings = true, int indent = -1);

}  // namespace articlescope
