// The only file that includes gumbo.h. gumbo allocates from an arena that the Document keeps (its nodes' text,
// names and attributes are views into gumbo's strings) and its output is never walked by gumbo's own
// (recursive) destroy function: the arena is dropped as a whole, so deeply nested input cannot overflow the
// stack during destruction either.
#include "html/dom.hpp"
#include "html/nesting.hpp"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <utility>

namespace articlescope::html {

// A bump allocator for gumbo: frees are no-ops, everything goes when the arena goes. It outlives gumbo's
// parse as the storage of the Document's views.
class DocumentStorage {
 public:
  DocumentStorage() = default;
  DocumentStorage(const DocumentStorage&) = delete;
  DocumentStorage& operator=(const DocumentStorage&) = delete;
  ~DocumentStorage() {
    for (void* chunk : chunks_) std::free(chunk);
  }

  /// A copy of `a` followed by `b`, kept as long as the storage; lower-cased (ASCII) when asked.
  std::string_view concat(std::string_view a, std::string_view b, bool lower_case = false) {
    char* out = static_cast<char*>(allocate(a.size() + b.size()));
    if (!a.empty()) std::memcpy(out, a.data(), a.size());  // an empty view's data() may be null
    if (!b.empty()) std::memcpy(out + a.size(), b.data(), b.size());
    for (std::size_t i = 0; lower_case && i < a.size() + b.size(); ++i) {
      if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
    }
    return {out, a.size() + b.size()};
  }

  void* allocate(std::size_t size) {
    size = (size + 15) & ~std::size_t{15};
    if (size > kChunkSize / 4) return new_chunk(size);
    if (used_ + size > capacity_) {
      current_ = static_cast<char*>(new_chunk(kChunkSize));
      used_ = 0;
      capacity_ = kChunkSize;
    }
    void* out = current_ + used_;
    used_ += size;
    return out;
  }

  static void* allocate_for_gumbo(void* self, std::size_t size) {
    return static_cast<DocumentStorage*>(self)->allocate(size);
  }
  static void free_for_gumbo(void*, void*) {}

 private:
  static constexpr std::size_t kChunkSize = 256 * 1024;

  void* new_chunk(std::size_t size) {
    void* chunk = std::malloc(size);
    if (chunk == nullptr) throw std::bad_alloc();
    chunks_.push_back(chunk);
    return chunk;
  }

  std::vector<void*> chunks_;
  char* current_ = nullptr;
  std::size_t used_ = 0;
  std::size_t capacity_ = 0;
};

namespace {

struct TagName {
  std::string_view name;
  Tag tag;
};

constexpr TagName kTagNames[] = {
    {"html", Tag::Html},
    {"head", Tag::Head},
    {"body", Tag::Body},
    {"title", Tag::Title},
    {"meta", Tag::Meta},
    {"link", Tag::Link},
    {"base", Tag::Base},
    {"script", Tag::Script},
    {"style", Tag::Style},
    {"noscript", Tag::Noscript},
    {"template", Tag::Template},
    {"svg", Tag::Svg},
    {"math", Tag::Math},
    {"iframe", Tag::Iframe},
    {"object", Tag::Object},
    {"embed", Tag::Embed},
    {"canvas", Tag::Canvas},
    {"form", Tag::Form},
    {"input", Tag::Input},
    {"button", Tag::Button},
    {"select", Tag::Select},
    {"textarea", Tag::Textarea},
    {"label", Tag::Label},
    {"option", Tag::Option},
    {"nav", Tag::Nav},
    {"header", Tag::Header},
    {"footer", Tag::Footer},
    {"aside", Tag::Aside},
    {"main", Tag::Main},
    {"article", Tag::Article},
    {"section", Tag::Section},
    {"div", Tag::Div},
    {"span", Tag::Span},
    {"p", Tag::P},
    {"br", Tag::Br},
    {"hr", Tag::Hr},
    {"a", Tag::A},
    {"img", Tag::Img},
    {"picture", Tag::Picture},
    {"source", Tag::Source},
    {"video", Tag::Video},
    {"audio", Tag::Audio},
    {"figure", Tag::Figure},
    {"figcaption", Tag::Figcaption},
    {"h1", Tag::H1},
    {"h2", Tag::H2},
    {"h3", Tag::H3},
    {"h4", Tag::H4},
    {"h5", Tag::H5},
    {"h6", Tag::H6},
    {"ul", Tag::Ul},
    {"ol", Tag::Ol},
    {"li", Tag::Li},
    {"dl", Tag::Dl},
    {"dt", Tag::Dt},
    {"dd", Tag::Dd},
    {"table", Tag::Table},
    {"thead", Tag::Thead},
    {"tbody", Tag::Tbody},
    {"tfoot", Tag::Tfoot},
    {"tr", Tag::Tr},
    {"td", Tag::Td},
    {"th", Tag::Th},
    {"caption", Tag::Caption},
    {"blockquote", Tag::Blockquote},
    {"pre", Tag::Pre},
    {"code", Tag::Code},
    {"em", Tag::Em},
    {"strong", Tag::Strong},
    {"b", Tag::B},
    {"i", Tag::I},
    {"u", Tag::U},
    {"s", Tag::S},
    {"sub", Tag::Sub},
    {"sup", Tag::Sup},
    {"small", Tag::Small},
    {"mark", Tag::Mark},
    {"time", Tag::Time},
    {"abbr", Tag::Abbr},
    {"cite", Tag::Cite},
    {"q", Tag::Q},
    {"address", Tag::Address},
    {"font", Tag::Font},
    {"center", Tag::Center},
    {"details", Tag::Details},
    {"summary", Tag::Summary},
    {"dialog", Tag::Dialog},
    {"menu", Tag::Menu},
    {"ins", Tag::Ins},
    {"del", Tag::Del},
    {"kbd", Tag::Kbd},
    {"var", Tag::Var},
    {"samp", Tag::Samp},
    {"wbr", Tag::Wbr},
    {"col", Tag::Col},
    {"colgroup", Tag::Colgroup},
    {"area", Tag::Area},
    {"map", Tag::Map},
    {"track", Tag::Track},
    {"param", Tag::Param},
    {"frame", Tag::Frame},
    {"frameset", Tag::Frameset},
    {"applet", Tag::Applet},
    {"fieldset", Tag::Fieldset},
    {"legend", Tag::Legend},
    {"output", Tag::Output},
    {"progress", Tag::Progress},
    {"meter", Tag::Meter},
    {"data", Tag::Data},
    {"bdi", Tag::Bdi},
    {"bdo", Tag::Bdo},
    {"rp", Tag::Rp},
    {"rt", Tag::Rt},
    {"ruby", Tag::Ruby},
    {"hgroup", Tag::Hgroup},
};

Tag tag_from_name(std::string_view name) {
  for (const TagName& entry : kTagNames) {
    if (entry.name == name) return entry.tag;
  }
  return Tag::Other;
}

// GumboTag -> Tag, computed once (gumbo's enum order is its own business).
const std::array<Tag, GUMBO_TAG_LAST + 1>& gumbo_tag_table() {
  static const std::array<Tag, GUMBO_TAG_LAST + 1> table = [] {
    std::array<Tag, GUMBO_TAG_LAST + 1> out{};
    for (int i = 0; i <= GUMBO_TAG_LAST; ++i) {
      out[i] = i < GUMBO_TAG_UNKNOWN ? tag_from_name(gumbo_normalized_tagname(static_cast<GumboTag>(i)))
                                     : Tag::Other;
    }
    return out;
  }();
  return table;
}

// The lower-case name of an element that is not one of ours: gumbo's static name for its known tags, else a
// lower-cased copy of the source's name in `storage`.
std::string_view other_tag_name(const GumboElement& element, DocumentStorage& storage) {
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece piece = element.original_tag;
  gumbo_tag_from_original_text(&piece);
  if (piece.data == nullptr || piece.length == 0) return "unknown";
  return storage.concat(std::string_view(piece.data, std::min<std::size_t>(piece.length, 64)), {},
                        /*lower_case=*/true);
}

std::string_view view_of(const char* text) { return text ? std::string_view(text) : std::string_view(); }

}  // namespace

std::string_view Node::attr(std::string_view attr_name) const {
  for (const Attribute& attribute : attributes) {
    if (attribute.name == attr_name) return attribute.value;
  }
  return {};
}

bool Node::has_attr(std::string_view attr_name) const {
  for (const Attribute& attribute : attributes) {
    if (attribute.name == attr_name) return true;
  }
  return false;
}

std::uint32_t Document::find_first(Tag tag) const {
  for (std::uint32_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].tag == tag) return i;
  }
  return kNoNode;
}

std::string text_content(const Document& document, std::uint32_t index, std::size_t max_bytes) {
  std::string out;
  std::vector<std::uint32_t> stack{index};
  while (!stack.empty() && out.size() < max_bytes) {
    const Node& node = document.nodes[stack.back()];
    stack.pop_back();
    if (node.is_text()) {
      out += node.text;
      continue;
    }
    if (node.tag == Tag::Script || node.tag == Tag::Style || node.tag == Tag::Template) continue;
    for (auto it = node.children.rbegin(); it != node.children.rend(); ++it) stack.push_back(*it);
  }
  return out;
}

std::string_view tag_name(const Node& node) {
  if (node.tag == Tag::Other) return node.name;
  if (node.tag == Tag::Text) return "#text";
  if (node.tag == Tag::Document) return "#document";
  for (const TagName& entry : kTagNames) {
    if (entry.tag == node.tag) return entry.name;
  }
  return "unknown";
}

bool is_block(Tag tag) {
  switch (tag) {
    case Tag::Html:
    case Tag::Body:
    case Tag::Nav:
    case Tag::Header:
    case Tag::Footer:
    case Tag::Aside:
    case Tag::Main:
    case Tag::Article:
    case Tag::Section:
    case Tag::Div:
    case Tag::P:
    case Tag::Hr:
    case Tag::Figure:
    case Tag::Figcaption:
    case Tag::H1:
    case Tag::H2:
    case Tag::H3:
    case Tag::H4:
    case Tag::H5:
    case Tag::H6:
    case Tag::Ul:
    case Tag::Ol:
    case Tag::Li:
    case Tag::Dl:
    case Tag::Dt:
    case Tag::Dd:
    case Tag::Table:
    case Tag::Thead:
    case Tag::Tbody:
    case Tag::Tfoot:
    case Tag::Tr:
    case Tag::Td:
    case Tag::Th:
    case Tag::Caption:
    case Tag::Blockquote:
    case Tag::Pre:
    case Tag::Address:
    case Tag::Center:
    case Tag::Details:
    case Tag::Summary:
    case Tag::Dialog:
    case Tag::Menu:
    case Tag::Form:
    case Tag::Fieldset:
    case Tag::Legend:
    case Tag::Hgroup:
    case Tag::Document:
    case Tag::Video:
    case Tag::Audio:
    case Tag::Iframe:
    case Tag::Frameset:
    case Tag::Frame:
    case Tag::Noscript:
    case Tag::Canvas:
    case Tag::Object:
      return true;
    default:
      return false;
  }
}

namespace {
constexpr std::size_t kMaxTagDepth = 512;  // open elements gumbo sees at most; real pages stay under ~80
}  // namespace

Document parse(std::string_view html, std::uint32_t max_depth) {
  Document document;
  document.storage = std::make_shared<DocumentStorage>();
  DocumentStorage& storage = *document.storage;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &DocumentStorage::allocate_for_gumbo;
  options.deallocator = &DocumentStorage::free_for_gumbo;
  options.userdata = &storage;
  options.max_errors = 0;  // we never read parse errors; recording them costs memory
  // Gumbo's scope checks are quadratic in nesting depth: cap the depth in a linear pre-pass first.
  const Prepared prepared = prepare_markup(html, kMaxTagDepth);
  if (prepared.changed) html = prepared.html;
  document.truncated = prepared.flattened;
  document.attributes_capped = prepared.attributes_capped;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  // No gumbo_destroy_output(): it recurses over the tree; the storage frees everything at once.
  if (output == nullptr || output->document == nullptr) {
    document.nodes.emplace_back().tag = Tag::Document;
    return document;
  }

  const auto& table = gumbo_tag_table();
  document.nodes.reserve(html.size() / 24 + 16);
  document.nodes.emplace_back().tag = Tag::Document;

  struct Pending {
    const GumboNode* node;
    std::uint32_t parent;
  };
  std::vector<Pending> stack;
  const GumboVector& top = output->document->v.document.children;
  for (unsigned i = top.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(top.data[i]), 0});

  while (!stack.empty()) {
    const Pending pending = stack.back();
    stack.pop_back();
    const GumboNode* source = pending.node;
    const std::uint32_t parent = pending.parent;
    const std::uint32_t depth = document.nodes[parent].depth + 1;

    if (source->type == GUMBO_NODE_TEXT || source->type == GUMBO_NODE_WHITESPACE ||
        source->type == GUMBO_NODE_CDATA) {
      const std::string_view text = view_of(source->v.text.text);
      if (text.empty()) continue;
      // Adjacent text pieces (gumbo splits around flattened elements) are merged.
      Node& parent_node = document.nodes[parent];
      if (!parent_node.children.empty() && document.nodes[parent_node.children.back()].is_text()) {
        Node& previous = document.nodes[parent_node.children.back()];
        previous.text = storage.concat(previous.text, text);
        continue;
      }
      const auto index = static_cast<std::uint32_t>(document.nodes.size());
      Node& node = document.nodes.emplace_back();
      node.tag = Tag::Text;
      node.parent = parent;
      node.depth = depth;
      node.text = text;
      document.nodes[parent].children.push_back(index);
      continue;
    }
    if (source->type != GUMBO_NODE_ELEMENT && source->type != GUMBO_NODE_TEMPLATE) continue;

    const GumboElement& element = source->v.element;
    std::uint32_t children_parent = parent;
    if (depth <= max_depth) {
      const auto index = static_cast<std::uint32_t>(document.nodes.size());
      Node& node = document.nodes.emplace_back();
      node.tag = table[std::min<int>(element.tag, GUMBO_TAG_LAST)];
      if (element.tag_namespace == GUMBO_NAMESPACE_SVG)
        node.tag = node.tag == Tag::Other ? Tag::Svg : node.tag;
      if (node.tag == Tag::Other) node.name = other_tag_name(element, storage);
      node.parent = parent;
      node.depth = depth;
      node.attributes.reserve(element.attributes.length);
      node.children.reserve(element.children.length);  // at most: empty text and comments are dropped
      for (unsigned i = 0; i < element.attributes.length; ++i) {
        const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
        node.attributes.push_back({view_of(attribute->name), view_of(attribute->value)});
      }
      document.nodes[parent].children.push_back(index);
      children_parent = index;
    } else {
      document.truncated = true;  // flattened: children go to the deepest kept ancestor
    }
    for (unsigned i = element.children.length; i-- > 0;) {
      stack.push_back({static_cast<const GumboNode*>(element.children.data[i]), children_parent});
    }
  }
  return document;
}

}  // namespace articlescope::html
