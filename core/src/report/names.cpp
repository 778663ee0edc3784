// The stable names of the report's enumerations: part of the JSON contract.
#include <articlescope/articlescope.hpp>

namespace articlescope {

std::string_view to_string(Code code) {
  switch (code) {
    case Code::EmptyInput: return "empty_input";
    case Code::BinaryInput: return "binary_input";
    case Code::InputTooLarge: return "input_too_large";
    case Code::InvalidOptions: return "invalid_options";
    case Code::Internal: return "internal_error";
    case Code::InvalidUtf8: return "invalid_utf8";
    case Code::Transcoded: return "transcoded";
    case Code::NotReaderable: return "not_readerable";
    case Code::Truncated: return "truncated";
    case Code::LanguageUnsupported: return "language_unsupported";
  }
  return "unknown";
}

std::string_view to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::Heading: return "heading";
    case BlockKind::Paragraph: return "paragraph";
    case BlockKind::ListItem: return "list_item";
    case BlockKind::Quote: return "quote";
    case BlockKind::Caption: return "caption";
    case BlockKind::Preformatted: return "preformatted";
    case BlockKind::TableRow: return "table_row";
  }
  return "paragraph";
}

std::string_view to_string(EntityType type) {
  switch (type) {
    case EntityType::Person: return "PERSON";
    case EntityType::Org: return "ORG";
    case EntityType::Location: return "LOCATION";
    case EntityType::Norp: return "NORP";
    case EntityType::Date: return "DATE";
    case EntityType::Money: return "MONEY";
    case EntityType::Quantity: return "QUANTITY";
    case EntityType::Weapon: return "WEAPON";
  }
  return "PERSON";
}

std::string_view to_string(Status status) {
  switch (status) {
    case Status::Allowed: return "allowed";
    case Status::Prohibited: return "prohibited";
    case Status::Excluded: return "excluded";
    case Status::Lifted: return "lifted";
    case Status::Imposed: return "imposed";
    case Status::Proposed: return "proposed";
  }
  return "allowed";
}

std::string_view to_string(ScopeKind kind) {
  switch (kind) {
    case ScopeKind::Location: return "location";
    case ScopeKind::Restriction: return "restriction";
    case ScopeKind::Instance: return "instance";
    case ScopeKind::Exception: return "exception";
    case ScopeKind::Condition: return "condition";
    case ScopeKind::Time: return "time";
    case ScopeKind::Target: return "target";
  }
  return "location";
}

std::vector<std::string_view> flag_names(std::uint32_t flags) {
  static constexpr std::string_view kNames[] = {"attributed", "hedged", "conditional", "future",
                                                "question",   "quoted", "historical",  "negated"};
  std::vector<std::string_view> names;
  for (std::uint32_t bit = 0; bit < std::size(kNames); ++bit) {
    if (flags & (1u << bit)) names.push_back(kNames[bit]);
  }
  return names;
}

}  // namespace articlescope
