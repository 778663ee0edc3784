// Our own small DOM: gumbo's tree converted into a flat vector of nodes. Nodes are stored in document
// (pre-)order, so a parent's index is always smaller than its children's; bottom-up passes can walk the vector
// backwards instead of recursing. Text, names and attribute values are views into the memory gumbo parsed into,
// which the Document keeps (nothing is copied out of gumbo's tree).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace articlescope::html {

/// The tags the cleaner reasons about; everything else is Tag::Other (its name is kept in Node::name).
enum class Tag : std::uint8_t {
  Document,
  Text,
  Other,
  Html,
  Head,
  Body,
  Title,
  Meta,
  Link,
  Base,
  Script,
  Style,
  Noscript,
  Template,
  Svg,
  Math,
  Iframe,
  Object,
  Embed,
  Canvas,
  Form,
  Input,
  Button,
  Select,
  Textarea,
  Label,
  Option,
  Nav,
  Header,
  Footer,
  Aside,
  Main,
  Article,
  Section,
  Div,
  Span,
  P,
  Br,
  Hr,
  A,
  Img,
  Picture,
  Source,
  Video,
  Audio,
  Figure,
  Figcaption,
  H1,
  H2,
  H3,
  H4,
  H5,
  H6,
  Ul,
  Ol,
  Li,
  Dl,
  Dt,
  Dd,
  Table,
  Thead,
  Tbody,
  Tfoot,
  Tr,
  Td,
  Th,
  Caption,
  Blockquote,
  Pre,
  Code,
  Em,
  Strong,
  B,
  I,
  U,
  S,
  Sub,
  Sup,
  Small,
  Mark,
  Time,
  Abbr,
  Cite,
  Q,
  Address,
  Font,
  Center,
  Details,
  Summary,
  Dialog,
  Menu,
  Ins,
  Del,
  Kbd,
  Var,
  Samp,
  Wbr,
  Col,
  Colgroup,
  Area,
  Map,
  Track,
  Param,
  Frame,
  Frameset,
  Applet,
  Fieldset,
  Legend,
  Output,
  Progress,
  Meter,
  Data,
  Bdi,
  Bdo,
  Rp,
  Rt,
  Ruby,
  Hgroup,
};

/// One attribute, name lower-cased by the parser. Views into the Document's storage.
struct Attribute {
  std::string_view name;
  std::string_view value;
};

inline constexpr std::uint32_t kNoNode = 0xffffffffu;

/// An element, a text node or the document root. Comments and processing instructions are not kept.
struct Node {
  Tag tag = Tag::Other;
  std::uint32_t parent = kNoNode;
  std::uint32_t depth = 0;
  std::vector<std::uint32_t> children;
  std::string_view text;              ///< text nodes: their text (character references decoded)
  std::string_view name;              ///< elements of Tag::Other: the lower-case tag name
  std::vector<Attribute> attributes;  ///< elements only

  bool is_text() const { return tag == Tag::Text; }
  bool is_element() const { return tag != Tag::Text && tag != Tag::Document; }
  /// The value of attribute `attr_name`, or an empty view when absent.
  std::string_view attr(std::string_view attr_name) const;
  /// True when the attribute is present (even with an empty value).
  bool has_attr(std::string_view attr_name) const;
};

class DocumentStorage;

/// A parsed page. nodes[0] is the document root. Copies share the storage the nodes' views point into.
struct Document {
  std::vector<Node> nodes;
  bool truncated = false;  ///< nesting deeper than the limit was flattened
  bool attributes_capped =
      false;  ///< a tag had more than html::kMaxAttributes attributes; the rest were dropped
  std::shared_ptr<DocumentStorage> storage;  ///< the memory of the nodes' text, names and attributes

  const Node& operator[](std::uint32_t index) const { return nodes[index]; }
  /// The first element with `tag` in document order, or kNoNode.
  std::uint32_t find_first(Tag tag) const;
};

/// Parses HTML (valid UTF-8) with gumbo and converts it. Elements nested deeper than `max_depth` are
/// attached to their ancestor at that depth instead (their text is kept, the structure flattened), so that no
/// later pass can recurse deeper than `max_depth`. Never throws on any input except std::bad_alloc.
Document parse(std::string_view html, std::uint32_t max_depth = 256);

/// The text of a subtree (text nodes concatenated; script, style and template contents skipped), white space
/// left as is. Stops after `max_bytes`.
std::string text_content(const Document& document, std::uint32_t index, std::size_t max_bytes = 1u << 20);

/// The lower-case name of a tag ("p", "div"); for Tag::Other the caller uses Node::name.
std::string_view tag_name(const Node& node);

/// True for tags that start a new block of text (p, div, li, h1, ...), false for inline tags (a, em, span).
bool is_block(Tag tag);

}  // namespace articlescope::html
