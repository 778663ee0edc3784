// Main-content extraction from an HTML page. The algorithm, top to bottom:
//  1. Parse into our DOM (html/dom.hpp) and read the metadata (clean/metadata.hpp).
//  2. Drop what is never content: scripts, styles, forms controls, navigation, asides, hidden elements.
//  3. Drop elements whose class/id/role says boilerplate (comments, share bars, related lists, ads, cookie
//     notices, newsletter calls), unless the element holds most of the page's text (a mislabelled wrapper).
//  4. Measure every node bottom-up: text length, link text, commas, paragraphs (one backward pass).
//  5. Score text blocks (paragraphs, divs with their own text) and give the score to their ancestors, plus
//     tag, class/id and schema.org (itemprop, JSON-LD articleBody) hints.
//  6. Pick the best container, move up when the content is split over siblings, and merge good siblings.
//  7. Walk the chosen containers and emit blocks (headings, paragraphs, list items, quotes, captions, rows),
//     dropping nested boilerplate conditionally while keeping lists, tables, quotes and link-rich paragraphs.
//  8. Drop the title repeated at the start, bylines and dates repeated in the body, boilerplate sentences.
//  9. When too little text survives, run again without class/id hints (the page's names lied), and finally
//     fall back to JSON-LD articleBody.
// 10. Assemble text, blocks and sanitised HTML; decide whether the page is readerable.
#include "clean/boilerplate.hpp"
#include "clean/clean.hpp"
#include "clean/metadata.hpp"
#include "clean/util.hpp"
#include "html/dom.hpp"
#include "html/nesting.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>
#ifdef ARTICLESCOPE_DEBUG_CLEAN
#include <cstdio>
#endif

namespace articlescope::clean {
namespace {

using html::Document;
using html::kNoNode;
using html::Node;
using html::Tag;

constexpr std::size_t kMaxRemoved = 80;
constexpr std::size_t kMinArticleChars = 250;
// Words of prose that make a box named for cookies, navigation or sharing a wrapper of the article (a cookie
// notice, a menu or a share bar holds a sentence or two of its own).
constexpr std::uint32_t kWrapperProseWords = 50;

struct NodeStats {
  std::uint32_t text = 0;  // code points of collapsed text (approximately)
  std::uint32_t link_text = 0;
  std::uint32_t commas = 0;
  std::uint32_t paragraphs = 0;  // <p> and other text blocks
  std::uint32_t images = 0;
  std::uint32_t list_items = 0;
  std::uint32_t inputs = 0;
  std::uint32_t headings = 0;
  std::uint32_t own_text = 0;  // text not inside a nested block element
  std::uint32_t own_link_text = 0;
  std::uint32_t own_commas = 0;
  bool has_block_child = false;
};

bool is_never_content(Tag tag) {
  switch (tag) {
    case Tag::Script:
    case Tag::Style:
    case Tag::Template:
    case Tag::Svg:
    case Tag::Math:
    case Tag::Iframe:
    case Tag::Object:
    case Tag::Embed:
    case Tag::Canvas:
    case Tag::Input:
    case Tag::Button:
    case Tag::Select:
    case Tag::Textarea:
    case Tag::Option:
    case Tag::Nav:
    case Tag::Dialog:
    case Tag::Head:
    case Tag::Title:
    case Tag::Meta:
    case Tag::Link:
    case Tag::Base:
    case Tag::Map:
    case Tag::Area:
    case Tag::Frame:
    case Tag::Frameset:
    case Tag::Applet:
    case Tag::Audio:
    case Tag::Video:
    case Tag::Source:
    case Tag::Track:
    case Tag::Param:
    case Tag::Menu:
    case Tag::Progress:
    case Tag::Meter:
    case Tag::Rp:
    case Tag::Rt:
      return true;
    default:
      return false;
  }
}

std::string_view never_content_reason(Tag tag) {
  switch (tag) {
    case Tag::Nav:
    case Tag::Menu:
      return "navigation";
    case Tag::Iframe:
    case Tag::Object:
    case Tag::Embed:
      return "embed";
    case Tag::Input:
    case Tag::Button:
    case Tag::Select:
    case Tag::Textarea:
      return "form";
    default:
      return "";
  }
}

bool is_heading(Tag tag) {
  return tag == Tag::H1 || tag == Tag::H2 || tag == Tag::H3 || tag == Tag::H4 || tag == Tag::H5 ||
         tag == Tag::H6;
}

int heading_level(Tag tag) {
  switch (tag) {
    case Tag::H1:
      return 1;
    case Tag::H2:
      return 2;
    case Tag::H3:
      return 3;
    case Tag::H4:
      return 4;
    case Tag::H5:
      return 5;
    case Tag::H6:
      return 6;
    default:
      return 0;
  }
}

// The inline elements article.html keeps, and the allow-listed tag each becomes; others keep only their text.
std::string_view kept_inline_tag(Tag tag) {
  struct Kept {
    Tag tag;
    std::string_view name;
  };
  static constexpr Kept kKept[] = {
      {Tag::Em, "em"},     {Tag::Strong, "strong"}, {Tag::B, "b"},      {Tag::I, "i"},
      {Tag::U, "u"},       {Tag::S, "s"},           {Tag::Del, "s"},    {Tag::Sub, "sub"},
      {Tag::Sup, "sup"},   {Tag::Code, "code"},     {Tag::Kbd, "code"}, {Tag::Samp, "code"},
      {Tag::Mark, "mark"}, {Tag::Small, "small"},   {Tag::Q, "q"},      {Tag::Cite, "cite"},
  };
  for (const Kept& kept : kKept) {
    if (kept.tag == tag) return kept.name;
  }
  return {};
}

// One block as emitted, before the post-processing that may drop it.
struct PendingBlock {
  BlockKind kind = BlockKind::Paragraph;
  int level = 0;
  std::string text;
  std::string html;               // inner HTML (inline markup only)
  std::uint32_t group = kNoNode;  // the ul/ol/blockquote/table it belongs to, for HTML grouping
  Tag group_tag = Tag::Other;
  std::size_t link_chars = 0;
  bool media_only = false;  // a picture without text
  bool caption = false;     // a figure's caption (or its credit alone): in the HTML, not in the text
  int figure = -1;          // the figure a picture or caption belongs to (blocks of one figure share it)
  std::string image;        // the first picture's URL
  std::string credit;       // the photo credit cut from the caption
};

// A credit cut from a caption, without the separator before it or the parentheses around it.
std::string trim_credit_separators(std::string_view credit) {
  credit = trim(credit);
  while (!credit.empty() && std::string_view(" ,|/-:\t\n").find(credit.front()) != std::string_view::npos)
    credit.remove_prefix(1);
  for (std::string_view dash : {"\u2013", "\u2014"}) {
    if (credit.rfind(dash, 0) == 0) credit = trim(credit.substr(dash.size()));
  }
  if (credit.size() >= 2 && credit.front() == '(' && credit.back() == ')' &&
      credit.find(')') == credit.size() - 1)
    credit = trim(credit.substr(1, credit.size() - 2));
  return std::string(credit);
}

// Whether a block's text is article text (figure captions are kept out of it).
bool is_text_block(const PendingBlock& block) { return !block.text.empty() && !block.caption; }

struct Extraction {
  std::vector<PendingBlock> blocks;
  std::string body_byline;  // a "By ..." line found at the top of the body
  std::vector<Removed> removed;
  std::size_t chars = 0;
};

// Sentence-final punctuation (including a colon: a label that introduces nothing is still a label, so
// only the marks that close a statement count).
bool ends_with_sentence_mark(std::string_view text) {
  text = trim(text);
  if (text.empty()) return false;
  const char last = text.back();
  if (last == '.' || last == '!' || last == '?' || last == '"' || last == ')') return true;
  return text.ends_with("\xE3\x80\x82") || text.ends_with("\xE2\x80\x9D") || text.ends_with("\xC2\xBB");
}

class Extractor {
 public:
  Extractor(const Document& document, const PageMetadata& meta, const Options& options, bool use_hints)
      : doc_(document), meta_(meta), options_(options), use_hints_(use_hints) {}

  Extraction run(double& readerable_score) {
    const std::size_t n = doc_.nodes.size();
    drop_.assign(n, {});
    stats_.assign(n, {});
    score_.assign(n, 0.0);
    hints_.resize(n);
    hinted_.assign(n, 0);
    section_header_.assign(n, 0);
    mark_drops();  // steps 2 and 3
    mark_galleries();
    measure();  // step 4
    readerable_score = readerable_score_;
    score_blocks();                           // step 5
    const auto chosen = choose_containers();  // step 6
    Extraction out;
    out_ = &out;
    recorded_.assign(n, 0);
    // The standfirst often sits in the article header, outside the body container: bring it along.
    if (const std::uint32_t lead = find_lead(chosen); lead != kNoNode) {
      emitting_lead_ = true;
      emit_root(lead);
      flush();
      emitting_lead_ = false;
    }
    for (std::uint32_t index : chosen) emit_root(index);  // step 7
    flush();
    // Boilerplate outside the article, for the "removed" view (after what was removed inside it).
    for (std::uint32_t i = 1; i < n && out.removed.size() < kMaxRemoved; ++i) {
      if (drop_[i].empty() || recorded_[i] || (doc_[i].parent != kNoNode && !drop_[doc_[i].parent].empty()))
        continue;
      remove(i, drop_[i]);
    }
    for (const auto& block : out.blocks) {
      if (is_text_block(block)) out.chars += count_chars(block.text);
    }
    return out;
  }

 private:
  // ---- step 2 and 3: drops --------------------------------------------------------------------------------
  void mark_drops() {
    const std::size_t n = doc_.nodes.size();
    // Raw text per node (before any drop) to protect wrappers that hold most of the page.
    // Paragraph words count separately: a wrapper with most of the <p> text is the article whatever it is
    // called.
    std::vector<std::uint32_t> raw_text(n, 0), raw_para(n, 0), raw_link(n, 0), raw_heading(n, 0);
    // Links that share the page (facebook.com/sharer.php, mailto:?subject=): a bar of such links under a
    // label in no known language is a share bar whatever its class says.
    std::vector<std::uint32_t> share_links(n, 0);
    for (std::size_t i = n; i-- > 1;) {
      const Node& node = doc_.nodes[i];
      if (node.is_text()) {
        raw_text[i] = static_cast<std::uint32_t>(count_words(node.text));
      } else if (node.tag == Tag::Script || node.tag == Tag::Style || node.tag == Tag::Template ||
                 node.tag == Tag::Head) {
        raw_text[i] = 0;
        raw_para[i] = 0;
      } else if (node.tag == Tag::P) {
        raw_para[i] = raw_text[i];
      } else if (node.tag == Tag::A) {
        raw_link[i] = raw_text[i];
        if (is_share_url(node.attr("href"))) ++share_links[i];
      } else if (is_heading(node.tag)) {
        raw_heading[i] = raw_text[i];
      }
      if (node.parent != kNoNode) {
        raw_text[node.parent] += raw_text[i];
        raw_para[node.parent] += raw_para[i];
        raw_link[node.parent] += raw_link[i];
        share_links[node.parent] += share_links[i];
        raw_heading[node.parent] += raw_heading[i];
      }
    }
    const std::uint32_t body = doc_.find_first(Tag::Body);
    const double total = std::max<std::uint32_t>(1, raw_text[body == kNoNode ? 0 : body]);
    const double total_para = std::max<std::uint32_t>(1, raw_para[body == kNoNode ? 0 : body]);
    for (std::uint32_t i = 1; i < n; ++i) {
      const Node& node = doc_.nodes[i];
      if (node.parent != kNoNode && !drop_[node.parent].empty()) {
        drop_[i] = "inherited";
        continue;
      }
      if (!node.is_element()) continue;
      // The button that opens a FAQ's answer holds the question.
      if (node.tag == Tag::Button && use_hints_ && opens_collapsed_panel(node, raw_text, raw_link)) continue;
      if (is_never_content(node.tag)) {
        drop_[i] = never_content_reason(node.tag);
        if (drop_[i].empty()) drop_[i] = "script";
        continue;
      }
      const bool hidden = is_hidden_element(node);
      const bool hidden_by_class = use_hints_ && hint(i).reason == "hidden";
      const bool shown_in_turn =
          ((hidden || hidden_by_class) && raw_para[i] > 0 && shown_twin(i, raw_para)) ||
          ((hidden || hidden_by_class) && is_collapsed_panel(i, raw_text[i], raw_link[i]));
      if (hidden && !shown_in_turn) {
        drop_[i] = "hidden";
        continue;
      }
      if (node.tag == Tag::Body || node.tag == Tag::Html) continue;
      const double share = std::max(raw_text[i] / total, raw_para[i] >= 100 ? raw_para[i] / total_para : 0.0);
      // gumbo parses <noscript> as markup; a page that forgot to close one would vanish with it.
      if (node.tag == Tag::Noscript) {
        if (share < 0.3) drop_[i] = "script";
        continue;
      }
      if (node.tag == Tag::Aside && share < 0.5) {
        drop_[i] = "aside";
        continue;
      }
      if (node.tag == Tag::Footer && share < 0.4) {
        drop_[i] = "footer";
        continue;
      }
      if (node.tag == Tag::Header && share < 0.25 && !contains_paragraphs(i, 3)) {
        // A header that is only a section's heading ("<header><h3>Advantages of a loan</h3></header>" in an
        // accordion or a section) is part of the text; the headline's header (an <h1>) still goes.
        if (raw_text[i] > 0 && raw_heading[i] == raw_text[i] && raw_link[i] == 0 &&
            !holds(i, [](Tag tag) { return tag == Tag::H1; })) {
          section_header_[i] = 1;
        } else {
          drop_[i] = "header";
          continue;
        }
      }
      // The innermost element that holds the bar: a label beside it ("Teilen:") stays to be read as a
      // heading that ends the article part.
      if (share_links[i] >= 2 && raw_text[i] - raw_link[i] <= 12 && node.tag != Tag::A &&
          std::none_of(node.children.begin(), node.children.end(),
                       [&](std::uint32_t child) { return share_links[child] >= 2; })) {
        drop_[i] = "share";
        continue;
      }
      // A news ticker or breaking-news bar (named so, a <marquee>, role=marquee): a row of headlines or a
      // line or two, never the article's lead. A live ticker of the story itself (a "live" name on it or
      // above it) is the story.
      if (use_hints_ && share < 0.3 && (raw_link[i] * 2 >= raw_text[i] || raw_para[i] < 60) &&
          names_ticker(i) && !under_live_name(i)) {
        drop_[i] = "ticker";
        continue;
      }
      if (use_hints_ && is_tooltip_text(i)) {
        drop_[i] = "tooltip";
        continue;
      }
      if (!use_hints_ || hint(i).reason.empty() || node.tag == Tag::A || shown_in_turn) continue;
      if (inside(i, Tag::Pre) || inside(i, Tag::Code) || inside(i, Tag::Table)) continue;
      if (id_is_heading_anchor(i) && judge_hints_without_id(node).reason.empty()) continue;
      // A mislabelled wrapper holds most of the page; comments never get this benefit of the doubt.
      // Navigation is links. A "header"/"nav"/"widget" name on a heading, a data table or linkless prose
      // ("section-header", "table-header", an anchor id "nav_...") names a part of the text. Prose means
      // nearly all of it in <p>: a post header with a standfirst also holds the byline's odds and ends.
      const bool not_navigation =
          hint(i).reason == "navigation" && raw_text[i] > 0 &&
          ((raw_link[i] == 0 &&
            (raw_heading[i] == raw_text[i] || (raw_para[i] >= 30 && raw_para[i] * 10 >= raw_text[i] * 9))) ||
           (node.tag == Tag::Table && raw_link[i] * 3 < raw_text[i]));
      bool protect = (share > 0.5 && hint(i).reason != "comments") || not_navigation;
      // A page builder calls every element a widget: a text widget (the widget or the box around it says
      // text or editor) is text when few of its words are links. Other widgets (posts, buttons, a sidebar's
      // boxes) go by their name as before.
      if (!protect && hint(i).layout_only &&
          (names_text_widget(node) || (node.parent != kNoNode && names_text_widget(doc_[node.parent]))))
        protect = raw_text[i] > 0 && raw_link[i] * 3 < raw_text[i];
      // The smallest element that carries a cookie, navigation or share cue is the box. A wrapper that
      // carries it as well (a state class of the page, a layout name) and holds the article, prose of its own
      // outside every box with a cue and a good part of the page's, passes the cue down to them.
      if (!protect &&
          (hint(i).reason == "cookie" || hint(i).reason == "navigation" || hint(i).reason == "share") &&
          raw_para[i] >= kWrapperProseWords) {
        const std::uint32_t prose = prose_outside_cues(i, raw_text, raw_link);
        protect = prose >= kWrapperProseWords && prose * 10 >= total_para * 3;
      }
      if (!protect) drop_[i] = hint(i).reason;
    }
  }

  bool names_ticker(std::uint32_t index) const {
    const Node& node = doc_[index];
    return hint(index).ticker || html::tag_name(node) == "marquee" || node.attr("role") == "marquee";
  }

  bool under_live_name(std::uint32_t index) const {
    for (std::uint32_t p = index; p != kNoNode; p = doc_[p].parent) {
      if (doc_[p].is_element() && hint(p).live) return true;
    }
    return false;
  }

  static bool names_text_widget(const Node& node) {
    const std::string classes = lower_ascii(node.attr("class"));
    return classes.find("text") != std::string::npos || classes.find("editor") != std::string::npos;
  }

  // Words of prose a wrapper holds for itself: paragraphs of a sentence or more, few links, that lie outside
  // every element with a cue of its own (a class hint, a hidden box) and do not read as a notice themselves
  // ("We use cookies ..."). Two such paragraphs at least, else 0.
  std::uint32_t prose_outside_cues(std::uint32_t index, const std::vector<std::uint32_t>& raw_text,
                                   const std::vector<std::uint32_t>& raw_link) {
    std::uint32_t words = 0;
    int paragraphs = 0;
    for (std::uint32_t j = index + 1, end = subtree_end(index); j < end; ++j) {
      const Node& node = doc_[j];
      if (!node.is_element()) continue;
      if (is_never_content(node.tag) || is_hidden_element(node) ||
          (!hint(j).reason.empty() && !hint(j).layout_only)) {
        j = subtree_end(j) - 1;  // the loop's ++j steps past the subtree
        continue;
      }
      if (node.tag != Tag::P || raw_text[j] < 12 || raw_link[j] * 4 >= raw_text[j]) continue;
      const std::string text = text::lower(collapse(html::text_content(doc_, j, 2000)));
      if (!ends_with_sentence_mark(text) || !boilerplate_text_kind(text).empty() ||
          text.find("cookie") != std::string::npos)
        continue;
      words += raw_text[j];
      ++paragraphs;
    }
    return paragraphs >= 2 ? words : 0;
  }

  // A gallery or slideshow inside the page: an element named so ("gallery", "slideshow") that numbers three
  // slides or more ("4/50"), or shows three pictures or more under one title at most (a wrapper so named
  // around an article with its section headings is not one). Its text is the pictures' captions, not the
  // article's (a page that is nothing but a gallery gets it back from the run without hints).
  void mark_galleries() {
    const std::size_t n = doc_.nodes.size();
    in_gallery_.assign(n, 0);
    if (!use_hints_) return;
    std::vector<std::uint32_t> pictures(n, 0), counters(n, 0), text(n, 0), heading_text(n, 0), headings(n, 0);
    for (std::size_t i = n; i-- > 1;) {
      const Node& node = doc_.nodes[i];
      if (!drop_[i].empty() && drop_[i] != "inherited" && drop_[i] != "hidden") continue;
      if (node.tag == Tag::Img) ++pictures[i];
      if (node.is_text() && starts_with_slide_counter(node.text)) ++counters[i];
      if (node.is_text()) text[i] = static_cast<std::uint32_t>(count_words(node.text));
      if (is_heading(node.tag)) {
        heading_text[i] = text[i];
        ++headings[i];
      }
      if (node.parent == kNoNode) continue;
      headings[node.parent] += headings[i];
      pictures[node.parent] += pictures[i];
      counters[node.parent] += counters[i];
      text[node.parent] += text[i];
      heading_text[node.parent] += heading_text[i];
    }
    for (std::uint32_t i = 1; i < n; ++i) {
      const Node& node = doc_.nodes[i];
      if (node.parent != kNoNode && in_gallery_[node.parent]) {
        in_gallery_[i] = 1;
      } else if (node.is_element() && drop_[i].empty() && names_gallery(node) &&
                 (counters[i] >= 3 ||
                  (headings[i] <= 1 && (pictures[i] >= 3 || (text[i] > 0 && heading_text[i] == text[i]))))) {
        in_gallery_[i] = 1;  // (a box of thumbnails under the gallery's title shows the title alone)
      }
    }
  }

  static bool names_gallery(const Node& node) { return names_any(node, {"gallery", "slideshow"}); }

  // "4/50", "4 / 50", "4 of 50" at the start of a text: a slide's number in a slideshow.
  static bool starts_with_slide_counter(std::string_view text) {
    text = trim(text);
    std::size_t at = 0;
    const auto digits = [&]() {
      const std::size_t start = at;
      while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
      return at > start && at - start <= 3;
    };
    if (!digits()) return false;
    while (at < text.size() && text[at] == ' ') ++at;
    if (at < text.size() && text[at] == '/') {
      ++at;
    } else if (text.substr(at, 3) == "of ") {
      at += 3;
    } else {
      return false;
    }
    while (at < text.size() && text[at] == ' ') ++at;
    return digits() && (at == text.size() || text[at] == ' ');
  }

  // A hidden element whose visible sibling has the same tag and class (but for state words: "hidden",
  // "active") and holds prose: the next page of a gallery or a step of a listicle, which script shows in
  // turn. It is the article as much as the page on show.
  bool shown_twin(std::uint32_t index, const std::vector<std::uint32_t>& raw_para) {
    const std::string key = class_key(doc_[index]);
    if (key.empty()) return false;
    // The keys of the parent's visible prose children, once per parent (a gallery has many hidden steps).
    const std::uint32_t parent = doc_[index].parent;
    auto [entry, fresh] = shown_keys_.try_emplace(parent);
    if (fresh) {
      for (std::uint32_t sibling : doc_[parent].children) {
        const Node& node = doc_[sibling];
        if (node.is_element() && raw_para[sibling] >= 30 && !is_hidden_element(node) &&
            !(use_hints_ && hint(sibling).reason == "hidden")) {
          entry->second.insert(std::string(html::tag_name(node)) + ' ' + class_key(node));
        }
      }
    }
    const std::string tagged = std::string(html::tag_name(doc_[index])) + ' ' + key;
    return entry->second.count(tagged) != 0;
  }

  // The collapsed panel of an accordion or a FAQ, whose answer is article text however it is hidden (the
  // hidden attribute, display:none, a "hidden" class): a panel a toggle names (aria-controls, href or
  // data-target on an element with aria-expanded or a collapse toggle), one that says aria-expanded itself,
  // or one named for an accordion, a FAQ or a collapsible (or inside such a box). It holds words of its own,
  // few links and no form control; a hidden menu, log-in box or pop-up is none.
  bool is_collapsed_panel(std::uint32_t index, std::uint32_t words, std::uint32_t link_words) {
    const Node& node = doc_[index];
    if (words < 8 || link_words * 3 >= words) return false;
    if (names_any(node, {"modal", "popup", "pop-up", "dialog", "overlay", "menu", "nav", "login", "search",
                         "cart", "cookie", "consent", "newsletter", "subscribe", "tooltip", "dropdown"}))
      return false;
    const std::initializer_list<std::string_view> collapsible = {"accordion", "faq",    "collaps",  "expand",
                                                                 "toggle",    "answer", "akkordeon"};
    const bool panel = node.attr("aria-expanded") == "false" ||
                       toggled_ids().count(std::string(node.attr("id"))) || names_any(node, collapsible) ||
                       (node.parent != kNoNode && names_any(doc_[node.parent], collapsible));
    return panel && !holds(index, [](Tag tag) {
             return tag == Tag::Input || tag == Tag::Select || tag == Tag::Textarea || tag == Tag::Form;
           });
  }

  // A toggle (aria-expanded) whose aria-controls names a collapsed panel (is_collapsed_panel) and that has
  // words of its own.
  bool opens_collapsed_panel(const Node& toggle, const std::vector<std::uint32_t>& raw_text,
                             const std::vector<std::uint32_t>& raw_link) {
    const std::string_view controls = toggle.attr("aria-controls");
    if (controls.empty() || controls.find(' ') != std::string_view::npos || !toggle.has_attr("aria-expanded"))
      return false;
    if (ids_.empty()) {
      for (std::uint32_t i = 1; i < doc_.nodes.size(); ++i) {
        if (doc_[i].is_element() && doc_[i].has_attr("id")) ids_.emplace(std::string(doc_[i].attr("id")), i);
      }
      ids_.emplace("", kNoNode);  // read once even on a page without ids
    }
    const auto found = ids_.find(std::string(controls));
    if (found == ids_.end() || found->second == kNoNode) return false;
    const std::uint32_t panel = found->second;
    return (is_hidden_element(doc_[panel]) || hint(panel).reason == "hidden") &&
           is_collapsed_panel(panel, raw_text[panel], raw_link[panel]);
  }

  // The ids that toggles name (read once per page, when a hidden panel first asks).
  const std::unordered_set<std::string>& toggled_ids() {
    if (toggled_ids_read_) return toggled_ids_;
    toggled_ids_read_ = true;
    for (const Node& node : doc_.nodes) {
      if (!node.is_element() || node.attributes.empty()) continue;
      const bool toggle = node.has_attr("aria-expanded") || node.attr("data-toggle") == "collapse" ||
                          node.attr("data-bs-toggle") == "collapse";
      if (!toggle) continue;
      const std::string_view controls = node.attr("aria-controls");
      for (std::size_t start = 0; start < controls.size();) {
        std::size_t end = controls.find(' ', start);
        if (end == std::string_view::npos) end = controls.size();
        if (end > start) toggled_ids_.emplace(controls.substr(start, end - start));
        start = end + 1;
      }
      for (const std::string_view name : {"href", "data-target", "data-bs-target"}) {
        const std::string_view target = node.attr(name);
        if (target.size() > 1 && target.front() == '#') toggled_ids_.emplace(target.substr(1));
      }
    }
    toggled_ids_.erase("");
    return toggled_ids_;
  }

  // The pop-up text of a tooltip inside a sentence: an inline element named like a tooltip or popover
  // ("tooltip-content", "popover-body") in an inline wrapper that holds the term it explains before it
  // ("<span class=term>GDP<span class=tooltip-text>Gross domestic product ...</span></span>"). The term
  // stays.
  bool is_tooltip_text(std::uint32_t index) const {
    const Node& node = doc_[index];
    const std::uint32_t parent = node.parent;
    if (parent == kNoNode || html::is_block(node.tag) || html::is_block(doc_[parent].tag)) return false;
    if (!names_any(node, {"tooltip", "popover", "tippy"})) return false;
    const auto& siblings = doc_[parent].children;
    for (auto it = siblings.begin(); it != siblings.end() && *it != index; ++it) {
      const Node& before = doc_[*it];
      if ((before.is_text() && !trim(before.text).empty()) ||
          (before.is_element() && !holds_tooltip_only(*it)))
        return true;
    }
    return false;
  }

  // An element with no text but a tooltip's (an icon that opens it).
  bool holds_tooltip_only(std::uint32_t index) const {
    return html::text_content(doc_, index, 200).find_first_not_of(" \t\n\r") == std::string::npos;
  }

  static std::string class_key(const Node& node) {
    std::string key;
    const std::string classes = lower_ascii(node.attr("class"));
    std::size_t start = 0;
    while (start < classes.size()) {
      std::size_t end = classes.find_first_of(" \t\n", start);
      if (end == std::string::npos) end = classes.size();
      const std::string_view token = std::string_view(classes).substr(start, end - start);
      static constexpr std::string_view kStates[] = {
          "hidden", "is-hidden", "hide", "d-none",   "active", "is-active", "current",
          "show",   "visible",   "open", "selected", "in",     "collapse",  "collapsed"};
      if (!token.empty() && std::find(std::begin(kStates), std::end(kStates), token) == std::end(kStates)) {
        key.append(token).push_back(' ');
      }
      start = end + 1;
    }
    return key;
  }

  // An anchor id made from the section's own heading ("sharing-with-a-single-developer" on the section that
  // opens with "Sharing with a single developer", or on that heading): it names a topic, not a page part.
  bool id_is_heading_anchor(std::uint32_t index) const {
    const std::string_view id = doc_[index].attr("id");
    if (id.size() < 6) return false;
    std::uint32_t heading = is_heading(doc_[index].tag) ? index : kNoNode;
    for (std::uint32_t j = index + 1; heading == kNoNode && j < doc_.nodes.size() && j < index + 40; ++j) {
      if (!is_ancestor(index, j)) break;
      if (is_heading(doc_[j].tag)) heading = j;
    }
    if (heading == kNoNode) return false;
    const std::string text = html::text_content(doc_, heading, 300);
    return boilerplate_heading_kind(text).empty() && same_key(text, id);
  }

  bool inside(std::uint32_t index, Tag tag) const {
    for (std::uint32_t p = doc_[index].parent; p != kNoNode; p = doc_[p].parent) {
      if (doc_[p].tag == tag) return true;
    }
    return false;
  }

  // Whether `index` or a node below it has a tag `wanted` accepts, from the DOM (dropped subtrees too: an
  // image may sit in a dropped <noscript>).
  template <typename Wanted>
  bool holds(std::uint32_t index, Wanted wanted) const {
    std::vector<std::uint32_t> stack{index};
    while (!stack.empty()) {
      const Node& node = doc_[stack.back()];
      stack.pop_back();
      if (wanted(node.tag)) return true;
      for (std::uint32_t child : node.children) stack.push_back(child);
    }
    return false;
  }

  bool holds_picture(std::uint32_t index) const {
    return holds(index, [](Tag tag) {
      return tag == Tag::Img || tag == Tag::Picture || tag == Tag::Figure || tag == Tag::Figcaption;
    });
  }

  bool contains_paragraphs(std::uint32_t index, int minimum) const {
    int count = 0;
    std::vector<std::uint32_t> stack{index};
    while (!stack.empty() && count < minimum) {
      const Node& node = doc_[stack.back()];
      stack.pop_back();
      if (node.tag == Tag::P) ++count;
      for (std::uint32_t child : node.children) stack.push_back(child);
    }
    return count >= minimum;
  }

  // ---- step 4: measure
  // --------------------------------------------------------------------------------------
  void measure() {
    const std::size_t n = doc_.nodes.size();
    for (std::size_t i = n; i-- > 1;) {
      const Node& node = doc_.nodes[i];
      NodeStats& s = stats_[i];
      if (!drop_[i].empty()) {
        // Form controls are dropped, but a container full of them is a form, not article text.
        if ((node.tag == Tag::Input || node.tag == Tag::Select || node.tag == Tag::Textarea ||
             node.tag == Tag::Button) &&
            node.parent != kNoNode) {
          ++stats_[node.parent].inputs;
        }
        continue;
      }
      if (node.is_text()) {
        const std::string text = collapse(node.text);
        s.text = s.own_text = static_cast<std::uint32_t>(count_chars(text));
        s.commas = s.own_commas = static_cast<std::uint32_t>(count_commas(text));
      } else {
        if (node.tag == Tag::A) {
          s.link_text = s.text;
          s.own_link_text = s.own_text;
        }
        if (node.tag == Tag::Img) ++s.images;
        if (node.tag == Tag::Li) ++s.list_items;
        if (is_heading(node.tag)) ++s.headings;
        if (node.tag == Tag::P || ((html::is_block(node.tag) || node.tag == Tag::Td) && s.own_text >= 25)) {
          ++s.paragraphs;
        }
        // Text blocks: the readerable probe (Readability's isProbablyReaderable, on our own text blocks).
        if ((node.tag == Tag::P || node.tag == Tag::Pre || (html::is_block(node.tag) && s.own_text > 0)) &&
            s.own_text >= 140 && hint(i).reason.empty()) {
          readerable_score_ += std::sqrt(static_cast<double>(s.own_text - 140));
        }
      }
      if (node.parent == kNoNode) continue;
      NodeStats& p = stats_[node.parent];
      p.text += s.text;
      p.link_text += s.link_text;
      p.commas += s.commas;
      p.paragraphs += s.paragraphs;
      p.images += s.images;
      p.list_items += s.list_items;
      p.inputs += s.inputs;
      p.headings += s.headings;
      const bool block = node.is_element() && (html::is_block(node.tag) || node.tag == Tag::Br);
      if (block) {
        if (node.tag != Tag::Br) p.has_block_child = true;
      } else {
        p.own_text += s.own_text;
        p.own_link_text += s.own_link_text;
        p.own_commas += s.own_commas;
      }
    }
  }

  double link_density(std::uint32_t index) const {
    const NodeStats& s = stats_[index];
    return s.text == 0 ? 0.0 : static_cast<double>(s.link_text) / s.text;
  }

  // ---- step 5: score
  // ----------------------------------------------------------------------------------------
  double initial_score(std::uint32_t index) const {
    double score = 0;
    switch (doc_[index].tag) {
      case Tag::Article:
        score += 8;
        break;
      case Tag::Main:
      case Tag::Div:
      case Tag::Section:
        score += 5;
        break;
      case Tag::Pre:
      case Tag::Td:
      case Tag::Blockquote:
        score += 3;
        break;
      case Tag::Address:
      case Tag::Ol:
      case Tag::Ul:
      case Tag::Dl:
      case Tag::Dd:
      case Tag::Dt:
      case Tag::Li:
      case Tag::Form:
        score -= 3;
        break;
      case Tag::H1:
      case Tag::H2:
      case Tag::H3:
      case Tag::H4:
      case Tag::H5:
      case Tag::H6:
      case Tag::Th:
        score -= 5;
        break;
      default:
        break;
    }
    // Class hints count fully only for containers with an article's worth of text: a sidebar box called
    // "content-body" must not outscore the story on its name alone.
    const double text_factor = std::min(1.0, stats_[index].text / 1000.0);
    if (use_hints_) score += hint(index).weight * (hint(index).weight > 0 ? text_factor : 1.0);
    if (hint(index).strong_content) score += 25 * text_factor;
    return score;
  }

  void score_blocks() {
    const std::string body_key = meta_.json_ld_body.size() >= 200 ? normalise_key(meta_.json_ld_body) : "";
    std::vector<char> initialised(doc_.nodes.size(), 0);
    const std::size_t n = doc_.nodes.size();
    for (std::uint32_t i = 1; i < n; ++i) {
      const Node& node = doc_[i];
      if (!node.is_element() || !drop_[i].empty()) continue;
      const NodeStats& s = stats_[i];
      const bool text_block = s.own_text >= 25 && (node.tag == Tag::P || node.tag == Tag::Pre ||
                                                   node.tag == Tag::Td || html::is_block(node.tag));
      if (!text_block || is_heading(node.tag) || in_gallery_[i]) continue;
      const double own_link_density = static_cast<double>(s.own_link_text) / s.own_text;
      double score = 1.0 + s.own_commas + std::min(s.own_text / 100.0, 3.0);
      score *= 1.0 - own_link_density;
      if (!body_key.empty() && s.own_text >= 40) {
        const std::string key = normalise_key(html::text_content(doc_, i, 4000));
        if (key.size() >= 30 && body_key.find(key) != std::string::npos) score *= 2.0;
      }
      // Readability's propagation: parent gets it all, grandparent half, then a third per level.
      std::uint32_t ancestor = node.parent;
      for (int level = 0; level < 5 && ancestor != kNoNode && doc_[ancestor].tag != Tag::Document; ++level) {
        if (!initialised[ancestor]) {
          initialised[ancestor] = 1;
          score_[ancestor] = initial_score(ancestor);
          candidates_.push_back(ancestor);
        }
        const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
        score_[ancestor] += score / divider;
        ancestor = doc_[ancestor].parent;
      }
    }
    for (std::uint32_t c : candidates_) score_[c] *= 1.0 - link_density(c);
  }

  // ---- step 6: choose -----------------------------------------------------------------------------------
  std::vector<std::uint32_t> choose_containers() {
    const std::uint32_t body = doc_.find_first(Tag::Body);
    std::vector<std::uint32_t> ranked = candidates_;
    std::sort(ranked.begin(), ranked.end(),
              [&](std::uint32_t a, std::uint32_t b) { return score_[a] > score_[b]; });
    if (ranked.empty()) return {body == kNoNode ? 0u : body};
#ifdef ARTICLESCOPE_DEBUG_CLEAN
    for (std::size_t k = 0; k < ranked.size() && k < 8; ++k) {
      const Node& c = doc_[ranked[k]];
      std::fprintf(stderr, "cand %u %s class=%s id=%s score=%.1f text=%u ld=%.2f drop=%s\n", ranked[k],
                   std::string(html::tag_name(c)).c_str(), std::string(c.attr("class")).c_str(),
                   std::string(c.attr("id")).c_str(), score_[ranked[k]], stats_[ranked[k]].text,
                   link_density(ranked[k]), std::string(drop_[ranked[k]]).c_str());
    }
#endif
    std::uint32_t top = ranked.front();
    // An element marked as the article body outright wins when it carries real text.
    for (std::uint32_t c : ranked) {
      if (hint(c).strong_content && stats_[c].text >= 0.5 * stats_[top].text && stats_[c].text >= 200) {
        top = c;
        break;
      }
    }
    // Several strong candidates under one ancestor: the article is split into parts; take the ancestor. Two
    // more besides the top are enough (also top's own ancestors, scoring a little less at each level: the
    // text goes on around the densest box), unless the ancestor is mostly links (a page wrapper).
    std::vector<std::uint32_t> alternatives;
    for (std::size_t k = 1; k < ranked.size() && k < 5; ++k) {
      if (ranked[k] != top && score_[ranked[k]] >= 0.75 * score_[top]) alternatives.push_back(ranked[k]);
    }
    if (alternatives.size() >= 2) {
      for (std::uint32_t p = doc_[top].parent; p != kNoNode && p != body && doc_[p].tag != Tag::Document;
           p = doc_[p].parent) {
        int containing = 0;
        for (std::uint32_t alt : alternatives) containing += is_ancestor(p, alt);
        if (containing >= 2 && link_density(p) < 0.35) {
          top = p;
          break;
        }
      }
    }
    // Climb while the parent scores higher (the content continues in the parent).
    double last = score_[top];
    for (std::uint32_t p = doc_[top].parent; p != kNoNode && p != body && doc_[p].tag != Tag::Document;
         p = doc_[p].parent) {
      if (score_[p] == 0) continue;
      if (score_[p] < last / 3) break;
      if (score_[p] > last) {
        top = p;
        break;
      }
      last = score_[p];
    }
    // An only child says nothing more than its parent.
    while (doc_[top].parent != kNoNode && doc_[top].parent != body &&
           doc_[doc_[top].parent].tag != Tag::Document && element_children(doc_[top].parent) == 1) {
      top = doc_[top].parent;
    }
    top_ = top;
    // Siblings that read like more of the same article.
    std::vector<std::uint32_t> chosen;
    const std::uint32_t parent = doc_[top].parent;
    if (parent == kNoNode || doc_[parent].tag == Tag::Document) return {top};
    const double threshold = std::max(10.0, score_[top] * 0.2);
    const std::string top_class(doc_[top].attr("class"));
    for (std::uint32_t sibling : doc_[parent].children) {
      if (sibling == top) {
        chosen.push_back(sibling);
        continue;
      }
      const Node& node = doc_[sibling];
      if (!node.is_element() || !drop_[sibling].empty()) continue;
      double bonus = 0;
      if (!top_class.empty() && node.attr("class") == top_class) bonus += score_[top] * 0.2;
      bool append = score_[sibling] > 0 && score_[sibling] + bonus >= threshold;
      if (!append &&
          (node.tag == Tag::P || (stats_[sibling].own_text > 0 && !stats_[sibling].has_block_child))) {
        const double density = link_density(sibling);
        const std::uint32_t length = stats_[sibling].text;
        const std::string text = collapse(html::text_content(doc_, sibling, 4000));
        if (length > 80 && density < 0.25) {
          append = true;
        } else if (length < 80 && length > 0 && density == 0 && text.find(". ") != std::string::npos) {
          append = true;
        } else if (length > 0 && density == 0 && (text.ends_with(".") || text.ends_with("!")) &&
                   length > 40) {
          append = true;
        }
      }
      // A section of the same page: a heading and prose under it, few links (a landing page's "How to get
      // there" after its description, an appendix after the story).
      if (!append && node.tag == Tag::Section && doc_[top].tag == Tag::Section && is_prose_section(sibling))
        append = true;
      // An appendix after the story (notes, the method, an appendix): a box that opens with a heading that
      // names one, mostly not links, shorter than the story.
      if (!append && sibling > top && stats_[sibling].text <= stats_[top].text &&
          link_density(sibling) < 0.3 && opens_with_appendix_heading(sibling) && !is_teaser_grid(sibling))
        append = true;
      if (append) chosen.push_back(sibling);
    }
    // What lies between two parts of the article is article too (a table or a heading between paragraphs
    // scores nothing by itself), unless it is mostly links: a short link line (the date and author links)
    // is skipped, a longer one ends the run.
    if (chosen.size() >= 2) {
      std::vector<std::uint32_t> filled;
      bool inside_run = false;
      std::vector<std::uint32_t> gap;
      for (std::uint32_t sibling : doc_[parent].children) {
        if (std::find(chosen.begin(), chosen.end(), sibling) != chosen.end()) {
          if (inside_run) filled.insert(filled.end(), gap.begin(), gap.end());
          gap.clear();
          inside_run = true;
          continue;
        }
        const Node& node = doc_[sibling];
        // Pictures stay where the scoring put them: a photo box's caption and credit are not the text.
        if (!node.is_element() || !drop_[sibling].empty() || stats_[sibling].text == 0 ||
            holds_picture(sibling))
          continue;
        if (link_density(sibling) < 0.2) {
          gap.push_back(sibling);
        } else if (stats_[sibling].text >= 100) {
          gap.clear();
          inside_run = false;
        }
      }
      chosen.insert(chosen.end(), filled.begin(), filled.end());
      std::sort(chosen.begin(), chosen.end());
    }
    // Cousins wearing the top container's class: one story split by ads or teasers into parts (which may be
    // numbered: "story-body story-body-2").
    if (!top_class.empty()) {
      const std::string top_parts = class_without_part_numbers(top_class);
      for (std::uint32_t i = 1; i < doc_.nodes.size(); ++i) {
        const Node& node = doc_[i];
        if (!node.is_element() || !drop_[i].empty() || node.tag != doc_[top].tag || stats_[i].text < 100 ||
            link_density(i) > 0.3 ||
            (node.attr("class") != top_class &&
             class_without_part_numbers(node.attr("class")) != top_parts)) {
          continue;
        }
        bool overlaps = false;
        for (std::uint32_t c : chosen) overlaps |= c == i || is_ancestor(c, i) || is_ancestor(i, c);
        if (!overlaps) chosen.push_back(i);
      }
      std::sort(chosen.begin(), chosen.end());
    }
    return chosen;
  }

  // A class list without the tokens that number a part: a token that is another token of the list plus a
  // number ("story-body story-body-2", "section section--1034") names the same kind of box.
  static std::string class_without_part_numbers(std::string_view classes) {
    std::vector<std::string_view> tokens;
    for (std::size_t start = 0; start < classes.size();) {
      std::size_t end = classes.find_first_of(" \t\n", start);
      if (end == std::string_view::npos) end = classes.size();
      if (end > start) tokens.push_back(classes.substr(start, end - start));
      start = end + 1;
    }
    std::string out;
    for (const std::string_view token : tokens) {
      std::size_t base = token.size();
      while (base > 0 && token[base - 1] >= '0' && token[base - 1] <= '9') --base;
      const std::size_t digits = token.size() - base;
      while (base > 0 && (token[base - 1] == '-' || token[base - 1] == '_')) --base;
      const bool numbered = digits > 0 && base < token.size() - digits &&
                            std::find(tokens.begin(), tokens.end(), token.substr(0, base)) != tokens.end();
      if (numbered) continue;
      out.append(token).push_back(' ');
    }
    return out;
  }

  // A box whose first words are a heading that names an appendix, with text after it.
  bool opens_with_appendix_heading(std::uint32_t index) const {
    for (std::uint32_t i = index + 1, end = subtree_end(index); i < end; ++i) {
      if (!drop_[i].empty() || !doc_[i].is_element() || stats_[i].text == 0) continue;
      if (!is_heading(doc_[i].tag) && !section_header_[i]) {
        if (stats_[i].own_text > 0) return false;  // text before any heading
        continue;
      }
      if (stats_[index].text < stats_[i].text + 40) return false;
      std::string label = text::lower(collapse(html::text_content(doc_, i, 200)));
      while (!label.empty() && (label.back() == ':' || label.back() == '.')) label.pop_back();
      for (const std::string_view word : {"notes",
                                          "note",
                                          "footnotes",
                                          "endnotes",
                                          "appendix",
                                          "appendices",
                                          "methodology",
                                          "methods",
                                          "method",
                                          "about the data",
                                          "about this data",
                                          "data and methods",
                                          "sources and methods",
                                          "anmerkungen",
                                          "fußnoten",
                                          "anhang",
                                          "methodik",
                                          "methode",
                                          "notas",
                                          "apéndice",
                                          "anexo",
                                          "metodología",
                                          "metodologia",
                                          "annexe",
                                          "méthodologie",
                                          "note méthodologique",
                                          "appendice",
                                          "nota metodologica",
                                          "przypisy",
                                          "aneks"}) {
        if (label == word || (label.rfind(word, 0) == 0 && label.size() > word.size() &&
                              (label[word.size()] == ' ' || label[word.size()] == ':')))
          return true;
      }
      return false;
    }
    return false;
  }

  // A box that reads as a section of prose: a heading first, then paragraphs that end sentences and hold
  // most of its text, hardly any links, no form, not a grid of teaser cards.
  bool is_prose_section(std::uint32_t index) const {
    const NodeStats& s = stats_[index];
    if (s.text < 150 || s.headings == 0 || s.headings > 2 || s.inputs > 0 || link_density(index) >= 0.2)
      return false;
    std::uint32_t first_text = kNoNode;
    std::size_t prose = 0, longest = 0;
    for (std::uint32_t i = index + 1, end = subtree_end(index); i < end; ++i) {
      if (!drop_[i].empty()) continue;
      const Node& node = doc_[i];
      if (first_text == kNoNode && node.is_text() && !trim(node.text).empty()) first_text = i;
      if (node.tag != Tag::P && !(html::is_block(node.tag) && !stats_[i].has_block_child)) continue;
      if (is_heading(node.tag) || stats_[i].text < 60) continue;
      if (ends_with_sentence_mark(html::text_content(doc_, i, 4000))) {
        prose += stats_[i].text;
        longest = std::max<std::size_t>(longest, stats_[i].text);
      }
    }
    if (first_text == kNoNode || prose * 2 < s.text || longest < 120) return false;
    bool opens_with_heading = false;
    for (std::uint32_t p = doc_[first_text].parent; p != index && p != kNoNode; p = doc_[p].parent)
      opens_with_heading |= is_heading(doc_[p].tag);
    return opens_with_heading && !is_teaser_grid(index);
  }

  // A lead paragraph ("lead", "intro", "excerpt", "standfirst", "subtitle"...) just before the chosen
  // containers and close to them in the tree.
  std::uint32_t find_lead(const std::vector<std::uint32_t>& chosen) const {
    if (chosen.empty() || top_ == kNoNode) return kNoNode;
    const std::uint32_t first = chosen.front();
    // The region to search: up to four levels above the top candidate.
    std::uint32_t region = top_;
    for (int level = 0; level < 5 && doc_[region].parent != kNoNode; ++level) {
      if (doc_[region].tag == Tag::Body) break;
      region = doc_[region].parent;
    }
    // ... and up to the article's headline when that sits higher (a hero band above the body's columns):
    // the standfirst lies between the headline and the body.
    if (const std::uint32_t headline = title_heading_before(first); headline != kNoNode) {
      while (!is_ancestor(region, headline) && doc_[region].tag != Tag::Body &&
             doc_[region].parent != kNoNode)
        region = doc_[region].parent;
    }
    // Before the first container, or inside it in a dropped <header> before its text begins (when the
    // container is the whole <article>): the nodes searched, in document order.
    std::vector<std::uint32_t> searched;
    for (std::uint32_t i = region + 1; i < first; ++i) searched.push_back(i);
    const std::uint32_t end = subtree_end(first);
    for (std::uint32_t i = first + 1; i < end;) {
      if (doc_[i].tag == Tag::P && stats_[i].text > 0) break;  // the body began (dropped ones measure 0)
      if (drop_[i] != "header") {
        ++i;
        continue;
      }
      for (const std::uint32_t header_end = subtree_end(i); i < header_end; ++i) searched.push_back(i);
    }
    for (const std::uint32_t i : searched) {
      const Node& node = doc_[i];
      // Inside a link it is a teaser card's title ("<a><div class=teaser-headline>"), never a standfirst.
      if (!node.is_element() || node.tag == Tag::H1 || !is_ancestor(region, i) || is_ancestor(i, first) ||
          dropped_beyond_header(i) || inside(i, Tag::A))
        continue;
      std::string hints = lower_ascii(node.attr("class"));
      hints += ' ';
      hints += lower_ascii(node.attr("id"));
      bool lead_like = false;
      for (std::string_view word :
           {"lead", "intro", "excerpt", "standfirst", "subtitle", "subheadline", "sub-headline", "summary",
            "chapo", "sommario", "teaser", "dek", "deck", "abstract", "leader"}) {
        if (hints.find(word) != std::string::npos) lead_like = true;
      }
      // A wrapper named "intro" around the headline is the article's header: the standfirst is inside it.
      if (!lead_like || hints.find("leader-board") != std::string::npos ||
          hints.find("leaderboard") != std::string::npos ||
          holds(i, [](Tag tag) { return tag == Tag::H1; })) {
        continue;
      }
      // Measured here: stats skip dropped subtrees, and a header is dropped.
      const std::string text = collapse(html::text_content(doc_, i, 4000));
      const std::size_t chars = count_chars(text);
      if (chars < 40 || chars > 1500 || same_key(text, meta_.title)) continue;
      if (link_chars_in(i, true) * 5 > chars) continue;
      return i;
    }
    // No class names it: the first paragraph of prose between the headline and the body is the standfirst.
    std::uint32_t headline = kNoNode;
    for (const std::uint32_t i : searched) {
      const Node& node = doc_[i];
      if (!node.is_element() || !is_ancestor(region, i) || dropped_beyond_header(i)) continue;
      if (node.tag == Tag::H1) {
        headline = i;
      } else if (headline != kNoNode && node.tag == Tag::P && !is_ancestor(headline, i) &&
                 !inside(i, Tag::Figure) && !inside(i, Tag::Figcaption)) {
        const std::string text = collapse(html::text_content(doc_, i, 4000));
        const std::size_t chars = count_chars(text);
        if (chars < 80 || chars > 1200 || same_key(text, meta_.title) || !ends_with_sentence_mark(text) ||
            text.find("://") != std::string::npos) {
          continue;
        }
        if (link_chars_in(i) * 5 > chars) continue;
        return i;
      }
    }
    return kNoNode;
  }

  // The <h1> before `end` in document order that reads as the page's title, or kNoNode.
  std::uint32_t title_heading_before(std::uint32_t end) const {
    const std::string title = normalise_key(meta_.title);
    if (title.size() < 8) return kNoNode;
    for (std::uint32_t i = 1; i < end; ++i) {
      if (doc_[i].tag != Tag::H1) continue;
      const std::string key = normalise_key(html::text_content(doc_, i, 600));
      if (key.size() >= 8 && (key.find(title) != std::string::npos || title.find(key) != std::string::npos))
        return i;
    }
    return kNoNode;
  }

  // Link text under an element, from the DOM (stats skip dropped subtrees, and a lead's header is dropped).
  // Links in a list (a lead's jump links to the sections below) are left out when `outside_lists`: the list
  // goes by itself when the lead is emitted.
  std::size_t link_chars_in(std::uint32_t index, bool outside_lists = false) const {
    std::size_t link_chars = 0;
    for (std::uint32_t j = index + 1, end = subtree_end(index); j < end; ++j) {
      if (outside_lists && (doc_[j].tag == Tag::Ul || doc_[j].tag == Tag::Ol)) {
        j = subtree_end(j) - 1;
        continue;
      }
      if (doc_[j].tag == Tag::A) link_chars += count_chars(collapse(html::text_content(doc_, j, 4000)));
    }
    return link_chars;
  }

  // The first node after `index`'s subtree (nodes are in document order: the subtree follows it and ends
  // where the next sibling of it or of an ancestor begins).
  std::uint32_t subtree_end(std::uint32_t index) const {
    for (std::uint32_t p = index; doc_[p].parent != kNoNode; p = doc_[p].parent) {
      // Children are in document order, so ascending: a binary search keeps wide pages linear.
      const auto& siblings = doc_[doc_[p].parent].children;
      const auto next = std::upper_bound(siblings.begin(), siblings.end(), p);
      if (next != siblings.end()) return *next;
    }
    return static_cast<std::uint32_t>(doc_.nodes.size());
  }

  // Dropped for a reason other than sitting in the article's <header> (where leads live).
  bool dropped_beyond_header(std::uint32_t index) const {
    for (std::uint32_t p = index; p != kNoNode; p = doc_[p].parent) {
      if (drop_[p].empty() || drop_[p] == "inherited") continue;
      return drop_[p] != "header";
    }
    return false;
  }

  static bool same_key(std::string_view a, std::string_view b) {
    const std::string ka = normalise_key(a);
    return !ka.empty() && ka == normalise_key(b);
  }

  bool is_ancestor(std::uint32_t ancestor, std::uint32_t index) const {
    for (std::uint32_t p = doc_[index].parent; p != kNoNode; p = doc_[p].parent) {
      if (p == ancestor) return true;
    }
    return false;
  }

  int element_children(std::uint32_t index) const {
    int count = 0;
    for (std::uint32_t child : doc_[index].children) {
      const Node& node = doc_[child];
      if (node.is_element()) {
        ++count;
      } else if (node.is_text() && !trim(node.text).empty()) {
        return 2;  // loose text next to the child counts as content of the parent
      }
    }
    return count;
  }

  // ---- step 7: emit ---------------------------------------------------------------------------------------
  struct Context {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;
    bool pre = false;
    bool row = false;
    std::uint32_t group = kNoNode;
    Tag group_tag = Tag::Other;
    int link_depth = 0;
    bool caption = false;         // inside a figure or a caption: photo credits are not article text
    bool figure_caption = false;  // inside a picture's figure or caption: the text is the caption
  };

  // Media a figure shows: a picture, or a video or embed in its place.
  static bool is_media(Tag tag) {
    return tag == Tag::Img || tag == Tag::Picture || tag == Tag::Video || tag == Tag::Iframe ||
           tag == Tag::Object || tag == Tag::Embed || tag == Tag::Svg || tag == Tag::Canvas;
  }

  // Captions are a few sentences at most: an element holding more is a mislabelled wrapper of prose.
  static constexpr std::uint32_t kMaxCaptionChars = 700;

  // A figure whose text is its content, not a caption: a quote, a table or code set as a figure, or a figure
  // around prose with no picture at all.
  bool is_content_figure(std::uint32_t index) const {
    return !holds(index, is_media) || holds(index, [](Tag tag) {
      return tag == Tag::Blockquote || tag == Tag::Table || tag == Tag::Pre || is_heading(tag);
    });
  }

  // An element that frames a picture with its caption: <figure>, or a box named like a caption
  // ("wp-caption") around an image.
  bool opens_figure(std::uint32_t index) const {
    const Node& node = doc_[index];
    if (is_picture_box(index) || is_gallery_slide(index)) return true;
    if (node.tag != Tag::Figure && !(names_caption(node) && !is_heading(node.tag))) return false;
    return stats_[index].text <= kMaxCaptionChars && !is_content_figure(index);
  }

  // A slide of a gallery: an item of its list, or the gallery itself when its slides are not a list.
  bool is_gallery_slide(std::uint32_t index) const {
    if (!in_gallery_[index] || stats_[index].text == 0 || stats_[index].text > kMaxCaptionChars) return false;
    const std::uint32_t parent = doc_[index].parent;
    return doc_[index].tag == Tag::Li || (parent != kNoNode && !in_gallery_[parent]);
  }

  // A class that names a caption only to say there is none ("no_caption").
  bool says_no_caption(const Node& node) const {
    return !names_caption(node) && lower_ascii(node.attr("class")).find("caption") != std::string::npos;
  }

  // A box of a picture and one short line beside it, and nothing else ("<div><img><span>A view of the
  // harbour.</span></div>"): the line is the picture's caption whatever the box is called.
  bool is_picture_box(std::uint32_t index) const {
    const Node& node = doc_[index];
    if (node.tag != Tag::Div && node.tag != Tag::P && node.tag != Tag::Span) return false;
    if (says_no_caption(node)) return false;
    if (stats_[index].text == 0 || stats_[index].text > 300 || stats_[index].images != 1) return false;
    int pictures = 0, lines = 0;
    for (const std::uint32_t child : node.children) {
      const Node& c = doc_[child];
      if (c.is_text()) {
        if (!trim(c.text).empty()) return false;  // loose text: the picture sits in a paragraph
        continue;
      }
      if (!c.is_element() || !drop_[child].empty()) continue;
      if (stats_[child].images > 0) {
        if (stats_[child].text > 0) return false;
        ++pictures;
      } else if (stats_[child].text > 0) {
        if (html::is_block(c.tag) && c.tag != Tag::P && c.tag != Tag::Div) return false;
        if (stats_[child].headings > 0 || stats_[child].paragraphs > 1 || link_density(child) > 0.5)
          return false;
        ++lines;
      }
    }
    return pictures == 1 && lines == 1;
  }

  // A caption without its picture around it: a <figcaption> (not of a quote or table figure), or an element
  // named like a caption ("image-caption", itemprop=caption) that holds a caption's worth of text.
  bool is_caption_element(std::uint32_t index) const {
    const Node& node = doc_[index];
    if (stats_[index].text > kMaxCaptionChars || is_heading(node.tag)) return false;
    if (node.tag == Tag::Figcaption) {
      for (std::uint32_t p = node.parent; p != kNoNode; p = doc_[p].parent) {
        if (doc_[p].tag == Tag::Figure) return !is_content_figure(p);
      }
      return true;
    }
    return names_caption(node);
  }

  // A caption named by its class ("wp-caption-text", "image-caption", "bildunterschrift") or itemprop.
  // A state class that says there is none ("no_caption", "nocaption", "without-caption") does not count.
  bool names_caption(const Node& node) const {
    if (node.attr("itemprop") == "caption") return true;
    const std::string classes = lower_ascii(node.attr("class"));
    if (classes.find("bildunterschrift") != std::string::npos) return true;
    for (std::size_t at = classes.find("caption"); at != std::string::npos;
         at = classes.find("caption", at + 1)) {
      const std::size_t token = classes.find_last_of(" \t\n", at) + 1;  // npos + 1 == 0
      const std::string_view before = std::string_view(classes).substr(token, at - token);
      if (before != "no" && before != "no_" && before != "no-" && before != "without-" &&
          before != "without_")
        return true;
    }
    return false;
  }

  // A wrapper named like a credit that holds the caption as well ("lead-image__credit" around both).
  bool holds_caption(const Node& node) const {
    return std::any_of(node.children.begin(), node.children.end(), [this](std::uint32_t child) {
      return doc_[child].is_element() && names_caption(doc_[child]);
    });
  }

  void remove(std::uint32_t index, std::string_view reason) {
    recorded_[index] = 1;
    if (out_->removed.size() >= kMaxRemoved || reason == "inherited" || reason == "script") return;
    // Text nodes joined with spaces: "You may also like" + "Bridge works" must not run together.
    std::string raw;
    std::vector<std::uint32_t> stack{index};
    while (!stack.empty() && raw.size() < 2000) {
      const Node& node = doc_[stack.back()];
      stack.pop_back();
      if (node.is_text()) {
        raw += node.text;
        raw += ' ';
      } else if (node.tag != Tag::Script && node.tag != Tag::Style && node.tag != Tag::Template) {
        for (auto it = node.children.rbegin(); it != node.children.rend(); ++it) stack.push_back(*it);
      }
    }
    std::string text = collapse(raw);
    if (text.empty()) return;
    out_->removed.push_back({std::string(reason), shorten(text, 240)});
  }

  // Conditional cleaning of a container inside the article (Readability's _cleanConditionally, but lists,
  // tables, quotes and figures with real text are kept).
  std::string_view conditional_drop(std::uint32_t index) const {
    const Node& node = doc_[index];
    const NodeStats& s = stats_[index];
    switch (node.tag) {
      case Tag::Div:
      case Tag::Section:
      case Tag::Ul:
      case Tag::Ol:
      case Tag::Table:
      case Tag::Form:
      case Tag::Dl:
      case Tag::Fieldset:
      case Tag::Aside:
      case Tag::Header:
      case Tag::Footer:
      case Tag::Figure:
      case Tag::Other:
        break;
      default:
        return {};
    }
    if (inside(index, Tag::Pre) || inside(index, Tag::Code)) return {};
    const double weight = use_hints_ ? hint(index).weight : 0;
    const bool list_tag = node.tag == Tag::Ul || node.tag == Tag::Ol || node.tag == Tag::Dl;
    if (!list_tag && weight + score_[index] < 0 && link_density(index) > 0.2) return "low_score";
    if (s.commas >= 10) return {};
    const double density = link_density(index);
    const bool is_list = node.tag == Tag::Ul || node.tag == Tag::Ol ||
                         (s.list_items > 0 && s.list_items * 2 >= s.paragraphs && s.text > 0 &&
                          s.own_text == 0 && !contains_paragraphs(index, 1));
    if (is_list) {
      const double per_item = s.list_items == 0 ? s.text : static_cast<double>(s.text) / s.list_items;
      // The links may all sit in a nested list under an item of prose: that list is judged on its own.
      if (density > 0.6 && per_item < 90 && !has_prose_item(index)) return "related";
      if (density > 0.85) return "links";
      return {};
    }
    if (node.tag == Tag::Table) return density > 0.6 ? "links" : std::string_view{};
    // Forms: sign-up boxes and polls inside the article (a page-wide ASP.NET <form> holds far more text).
    // A product's table of specifications in the form that orders it is a table of the article: the
    // controls go with the smallest boxes that hold them, the table stays.
    if (s.inputs > 0 && s.text < 500 &&
        (s.inputs > s.paragraphs / 3 + 1 || node.tag == Tag::Form || node.tag == Tag::Fieldset) &&
        !holds_data_table(index)) {
      return "form";
    }
    if (s.text == 0) return {};
    if (is_teaser_card(index)) return "related";
    if (s.text < 25 && s.link_text > 0 && s.images == 0) return "links";
    // A paragraph of prose beside a list that holds the links: the list is judged on its own.
    if (links_in_lists_beside_prose(index)) return {};
    // A box that is all links (teaser cards whose blurb sits inside the link) is no text, whatever its name.
    if (density > 0.5 && (weight < 25 || density > 0.9)) return "links";
    if (density > 0.3 && weight < 25 && s.text < 300 && s.paragraphs <= 1) return "links";
    return {};
  }

  // A card that points to another story, set between two paragraphs of the article: one heading, a link
  // to another page, and at most a paragraph of blurb beside it ("<div><a><img></a><h4><a>Other
  // story</a></h4><p>Its first lines.</p></div>"). Its blurb's plain text hides it from link density.
  bool is_teaser_card(std::uint32_t index) const {
    const Node& node = doc_[index];
    const NodeStats& s = stats_[index];
    if ((node.tag != Tag::Div && node.tag != Tag::Section && node.tag != Tag::Aside &&
         node.tag != Tag::Other) ||
        s.headings != 1 || s.text > 600 || s.link_text == 0 || index == root_)
      return false;
    // The nearest sibling with text on that side (a few empty or dropped ones between are passed over).
    const auto prose_sibling = [&](int step) {
      const auto& siblings = doc_[node.parent].children;
      auto at = std::lower_bound(siblings.begin(), siblings.end(), index);  // ascending: document order
      for (int passed = 0; passed < 8; ++passed) {
        if (step < 0 ? at == siblings.begin() : at + 1 == siblings.end()) return false;
        at += step;
        const Node& sibling = doc_[*at];
        if (sibling.is_text() && trim(sibling.text).empty()) continue;
        if (!sibling.is_element() || !drop_[*at].empty() || stats_[*at].text == 0) {
          if (sibling.is_text()) return false;
          continue;
        }
        return sibling.tag == Tag::P && stats_[*at].text >= 60 && link_density(*at) < 0.3;
      }
      return false;
    };
    if (node.parent == kNoNode || !prose_sibling(-1) || !prose_sibling(1)) return false;
    int paragraphs = 0;
    bool linked_heading = false;
    for (std::uint32_t i = index + 1, end = subtree_end(index); i < end; ++i) {
      if (!drop_[i].empty()) continue;
      if (doc_[i].tag == Tag::P) ++paragraphs;
      if (!is_heading(doc_[i].tag) || stats_[i].text == 0) continue;
      const bool in_link = inside_link(i, index);
      std::uint32_t link = in_link ? doc_[i].parent : kNoNode;
      while (link != kNoNode && doc_[link].tag != Tag::A) link = doc_[link].parent;
      if (!in_link) {
        for (std::uint32_t j = i + 1, heading_end = subtree_end(i); j < heading_end && link == kNoNode; ++j) {
          if (doc_[j].tag == Tag::A) link = j;
        }
      }
      const std::string_view href = link == kNoNode ? std::string_view() : doc_[link].attr("href");
      linked_heading =
          (in_link || stats_[i].link_text * 5 >= stats_[i].text * 4) && !href.empty() && href.front() != '#';
    }
    return linked_heading && paragraphs <= 1;
  }

  // A table of data under `index`: two rows or more of two cells with text, no form control in it.
  bool holds_data_table(std::uint32_t index) const {
    for (std::uint32_t t = index + 1, end = subtree_end(index); t < end; ++t) {
      if (doc_[t].tag != Tag::Table || !drop_[t].empty() || stats_[t].inputs > 0) continue;
      int rows = 0;
      for (std::uint32_t r = t + 1, table_end = subtree_end(t); r < table_end; ++r) {
        if (doc_[r].tag != Tag::Tr) continue;
        int cells = 0;
        for (const std::uint32_t cell : doc_[r].children) {
          cells += (doc_[cell].tag == Tag::Td || doc_[cell].tag == Tag::Th) && stats_[cell].text > 0;
        }
        rows += cells >= 2;
      }
      if (rows >= 2) return true;
    }
    return false;
  }

  // A box whose links all sit in its lists and headings, and that has a paragraph of prose of its own (an
  // intro under a linked heading over a list of program links): the smallest element that carries the
  // links is the list, judged on its own.
  bool links_in_lists_beside_prose(std::uint32_t index) const {
    bool prose = false;
    std::vector<std::uint32_t> stack(doc_[index].children.begin(), doc_[index].children.end());
    while (!stack.empty()) {
      const std::uint32_t i = stack.back();
      stack.pop_back();
      const Node& node = doc_[i];
      if (!node.is_element() || !drop_[i].empty() || stats_[i].text == 0) continue;
      if (node.tag == Tag::Ul || node.tag == Tag::Ol || is_heading(node.tag)) continue;
      if (node.tag == Tag::A) return false;
      if (node.tag == Tag::P && stats_[i].text >= 80 && stats_[i].link_text == 0) {
        prose = prose || ends_with_sentence_mark(html::text_content(doc_, i, 4000));
        continue;
      }
      for (const std::uint32_t child : node.children) stack.push_back(child);
    }
    return prose;
  }

  // A list item of its own prose (nested lists aside): a sentence of 80 characters or more, few links.
  bool has_prose_item(std::uint32_t list) const {
    for (const std::uint32_t item : doc_[list].children) {
      if (doc_[item].tag != Tag::Li || !drop_[item].empty()) continue;
      std::uint32_t text = stats_[item].text, links = stats_[item].link_text;
      for (const std::uint32_t child : doc_[item].children) {
        if (doc_[child].tag == Tag::Ul || doc_[child].tag == Tag::Ol) {
          text -= stats_[child].text;
          links -= stats_[child].link_text;
        }
      }
      if (text >= 80 && links * 4 < text) return true;
    }
    return false;
  }

  // Elements a site styles into a heading ("<p><strong>Related</strong></p>", "<div class=box-title>").
  static bool is_heading_like(Tag tag) {
    return is_heading(tag) || tag == Tag::P || tag == Tag::Div || tag == Tag::Strong || tag == Tag::B ||
           tag == Tag::Span;
  }

  // Cards that each point elsewhere: a linked headline per item, or a "read more" link per item. Their
  // blurbs are plain text, so link density alone takes such a grid for prose.
  bool is_teaser_grid(std::uint32_t index) const {
    int headings = 0, linked_headings = 0, read_more = 0;
    std::vector<std::uint32_t> stack(doc_[index].children.begin(), doc_[index].children.end());
    while (!stack.empty()) {
      const std::uint32_t i = stack.back();
      stack.pop_back();
      const Node& node = doc_[i];
      if (!node.is_element() || !drop_[i].empty()) continue;
      for (std::uint32_t child : node.children) stack.push_back(child);
      if (is_heading(node.tag)) {
        ++headings;
        const NodeStats& s = stats_[i];
        if (inside_link(i, index) || (s.text > 0 && s.link_text * 2 >= s.text)) ++linked_headings;
      } else if (node.tag == Tag::A && stats_[i].text > 0 && stats_[i].text < 40 &&
                 is_read_more_label(html::text_content(doc_, i, 200))) {
        ++read_more;
      }
    }
    return (linked_headings >= 2 && linked_headings * 3 >= headings * 2) || read_more >= 2;
  }

  // An <a> between `index` and `root`.
  bool inside_link(std::uint32_t index, std::uint32_t root) const {
    for (std::uint32_t p = doc_[index].parent; p != kNoNode && p != root; p = doc_[p].parent) {
      if (doc_[p].tag == Tag::A) return true;
    }
    return false;
  }

  void emit_root(std::uint32_t index) {
    root_ = index;
    Context context;
    const Node& node = doc_[index];
    if (node.is_text()) {
      append_text(node.text, context);
      return;
    }
    emit_element(index, context, true);
  }

  void emit_children(std::uint32_t index, Context& context) {
    const auto& children = doc_[index].children;
    bool dropping_section = false;  // after a "Related" / "Comments" heading
    std::string_view section_reason;
    for (std::uint32_t child : children) {
      const Node& node = doc_[child];
      if (node.is_text()) {
        if (!dropping_section) append_text(node.text, context);
        continue;
      }
      if (!drop_[child].empty() && !(emitting_lead_ && drop_[child] == "inherited")) {
        remove(child, drop_[child]);
        // A heading dropped for its wrapper's class ("factbox-header": "Sign up for our newsletter") still
        // announces what follows it, and so does a label that names the author's box ("Author"). (A dropped
        // share bar does not: it often sits above the article.)
        if (!dropping_section && is_heading_like(node.tag) && drop_[child] != "inherited") {
          const std::string text = html::text_content(doc_, child, 200);
          const std::string_view kind = count_chars(text) < 60 ? boilerplate_heading_kind(text) : "";
          if (holds(child, is_heading) || kind == "byline") {
            if (!kind.empty() && kind != "share") {
              flush();
              dropping_section = true;
              section_reason = kind;
            }
          }
        }
        continue;
      }
      if (context.caption && stats_[child].text <= 150 && is_credit_element(node) && !holds_caption(node)) {
        recorded_[child] = 1;
        if (credit_.empty()) credit_ = collapse(html::text_content(doc_, child, 300));
        continue;
      }
      // A gallery's title outside its slides names the pictures, not a part of the article.
      if (in_gallery_[child] && !context.figure_caption && is_heading(node.tag)) {
        remove(child, "gallery");
        continue;
      }
      // A section's header heads nothing when all that follows it goes (a promo box whose body is links).
      if (section_header_[child] && !dropping_section && !section_follows(index, child)) {
        remove(child, "header");
        continue;
      }
      // A heading that announces boilerplate ends the article part of this container.
      if (is_heading(node.tag) || section_header_[child] ||
          (is_heading_like(node.tag) && stats_[child].text < 40 && alone_on_its_line(child))) {
        const std::string_view kind =
            stats_[child].text < 60 ? boilerplate_heading_kind(html::text_content(doc_, child, 400)) : "";
        if (!kind.empty()) {
          flush();
          remove(child, kind);
          // A line that is all link ("Comments (5 posted)" under each story of a digest) points to the
          // comments elsewhere: it goes alone, and the next story follows.
          const bool link_line = kind == "comments" && !is_heading(node.tag) && !section_header_[child] &&
                                 stats_[child].text > 0 && stats_[child].link_text == stats_[child].text;
          dropping_section = !link_line;
          section_reason = kind;
          continue;
        }
      }
      if (dropping_section) {
        const double density = link_density(child);
        const NodeStats& s = stats_[child];
        // In a small box (a newsletter or author box: heading and a few lines) all of it goes with the
        // heading.
        const bool small_box = index != root_ && stats_[index].text < 500;
        const bool substantial = s.text > 150 && density < 0.2 && s.paragraphs >= 1 &&
                                 section_reason != "comments" && !small_box && !is_teaser_grid(child);
        if (!substantial) {
          remove(child, section_reason);
          continue;
        }
        dropping_section = false;
      }
      emit_element(child, context, false);
    }
  }

  // Whether an element has its line to itself: no text of its own line beside it ("<b>Comments</b><br>" or
  // a block, but not the "author" in "Jane Doe, <span>author</span>").
  bool alone_on_its_line(std::uint32_t index) const {
    if (html::is_block(doc_[index].tag) || doc_[index].parent == kNoNode) return true;
    const auto& siblings = doc_[doc_[index].parent].children;
    const auto at = std::find(siblings.begin(), siblings.end(), index);
    const auto ends_line = [&](std::uint32_t sibling) {
      const Node& node = doc_[sibling];
      return node.tag == Tag::Br || (node.is_element() && html::is_block(node.tag));
    };
    const auto has_text = [&](std::uint32_t sibling) {
      const Node& node = doc_[sibling];
      return node.is_text() ? !trim(node.text).empty() : drop_[sibling].empty() && stats_[sibling].text > 0;
    };
    for (auto it = at; it != siblings.begin();) {
      if (ends_line(*--it)) break;
      if (has_text(*it)) return false;
    }
    for (auto it = at + 1; it != siblings.end(); ++it) {
      if (ends_line(*it)) break;
      if (has_text(*it)) return false;
    }
    return true;
  }

  // Whether a section's worth of text follows `child` in `parent` (a "show more" button is not one).
  bool section_follows(std::uint32_t parent, const std::uint32_t child) const {
    const auto& siblings = doc_[parent].children;
    std::size_t chars = 0;
    for (auto it = std::find(siblings.begin(), siblings.end(), child) + 1; it != siblings.end(); ++it) {
      chars += emitted_chars(*it);
      if (chars >= 30) return true;
    }
    return false;
  }

  // The text the emit walk would keep under `index`, roughly (conditional drops, not post-processing).
  std::size_t emitted_chars(std::uint32_t index) const {
    const Node& node = doc_[index];
    if (!drop_[index].empty()) return 0;
    if (node.is_text()) return stats_[index].text;
    if (stats_[index].text == 0 || !conditional_drop(index).empty()) return 0;
    std::size_t chars = 0;
    for (std::uint32_t child : node.children) chars += emitted_chars(child);
    return chars;
  }

  void emit_element(std::uint32_t index, Context& context, bool root) {
    const Node& node = doc_[index];
    if (!root) {
      const std::string_view reason = conditional_drop(index);
      if (!reason.empty()) {
        remove(index, reason);
        return;
      }
    }
    const Tag tag = node.tag;
    if (tag == Tag::Br) {
      if (context.pre) {
        text_ += '\n';
      } else if (!text_.empty() && text_.back() == '\n') {
        flush();
      } else if (!text_.empty()) {
        text_ += '\n';
        html_ += "<br>";
        pending_space_ = false;
      }
      return;
    }
    if (tag == Tag::Hr) {
      flush();
      return;
    }
    if (tag == Tag::Img) {
      emit_image(node);
      return;
    }
    if (!html::is_block(tag) && tag != Tag::Td && tag != Tag::Th && tag != Tag::Li) {
      emit_inline(index, context);
      return;
    }
    if ((tag == Tag::Td || tag == Tag::Th) && context.row) {
      // A cell of a simple row: cells join into one TableRow block.
      if (!text_.empty()) {
        text_ += " | ";
        pending_space_ = false;
      }
      html_ += tag == Tag::Th ? "<th>" : "<td>";
      emit_children(index, context);
      html_ += tag == Tag::Th ? "</th>" : "</td>";
      return;
    }
    Context inner = context;
    flush();
    if (tag == Tag::Figure || tag == Tag::Figcaption || tag == Tag::Caption || names_caption(node))
      inner.caption = true;
    // A picture's figure or caption: its text leaves the article text for the figure (article.figures).
    const int outer_figure = figure_;
    if (!root && !context.figure_caption) {
      if (opens_figure(index)) {
        figure_ = figures_++;
        inner.figure_caption = true;
      } else if (is_caption_element(index)) {
        inner.figure_caption = true;
      }
    }
    switch (tag) {
      case Tag::H1:
      case Tag::H2:
      case Tag::H3:
      case Tag::H4:
      case Tag::H5:
      case Tag::H6:
        inner.kind = BlockKind::Heading;
        inner.level = heading_level(tag);
        break;
      case Tag::Li:
      case Tag::Dd:
      case Tag::Dt:
        if (context.kind != BlockKind::Quote) inner.kind = BlockKind::ListItem;
        if (tag == Tag::Li) {
          inner.group = node.parent;
          inner.group_tag = node.parent != kNoNode && doc_[node.parent].tag == Tag::Ol ? Tag::Ol : Tag::Ul;
        }
        break;
      case Tag::Blockquote:
        inner.kind = BlockKind::Quote;
        inner.group = index;
        inner.group_tag = Tag::Blockquote;
        break;
      case Tag::Figcaption:
      case Tag::Caption:
        inner.kind = BlockKind::Caption;
        break;
      case Tag::Pre:
        inner.kind = BlockKind::Preformatted;
        inner.pre = true;
        break;
      case Tag::Tr:
        if (is_simple_row(index)) {
          inner.kind = BlockKind::TableRow;
          inner.row = true;
          inner.group = table_of(index);
          inner.group_tag = Tag::Table;
        }
        break;
      default:
        break;
    }
    current_ = inner;
    emit_children(index, inner);
    current_ = inner;
    flush();
    current_ = context;
    figure_ = outer_figure;
  }

  void emit_inline(std::uint32_t index, Context& context) {
    const Node& node = doc_[index];
    if (!context.figure_caption && is_caption_element(index)) {
      // An inline caption ("<span class=caption>") is a block of its own: the figure's caption.
      flush();
      Context inner = context;
      inner.caption = true;
      inner.figure_caption = true;
      emit_inline(index, inner);
      flush();
      return;
    }
    if (!context.caption && names_caption(node)) {
      Context inner = context;
      inner.caption = true;
      emit_inline(index, inner);
      return;
    }
    if (node.tag == Tag::A) {
      const std::string href = resolve_url(meta_.base_url, node.attr("href"));
      if (!href.empty()) {
        html_ += "<a href=\"" + escape_html(href) + "\">";
      }
      ++context.link_depth;
      const std::size_t before = text_.size();
      emit_children(index, context);
      link_chars_ += text_.size() >= before ? text_.size() - before : 0;
      --context.link_depth;
      if (!href.empty()) html_ += "</a>";
      return;
    }
    const std::string_view open = kept_inline_tag(node.tag);
    if (!open.empty()) html_.append("<").append(open).append(">");
    emit_children(index, context);
    if (!open.empty()) html_.append("</").append(open).append(">");
  }

  // The picture is found whether or not HTML is wanted: the blocks (and so the text) must not depend on it.
  void emit_image(const Node& node) {
    std::string_view source = node.attr("src");
    for (const char* lazy : {"data-src", "data-original", "data-lazy-src", "data-url"}) {
      if (source.empty() || source.rfind("data:", 0) == 0) source = node.attr(lazy);
    }
    const std::string url = resolve_url(meta_.base_url, source);
    if (url.empty() || (url.rfind("http", 0) != 0 && url.rfind("/", 0) != 0)) return;
    has_image_ =
        true;  // whether or not it is shown: the blocks must not depend on include_html or remote_images
    if (image_.empty()) image_ = url;
    if (!options_.include_html || !options_.remote_images)
      return;  // a shown image is a request to its server
    html_ += "<img src=\"" + escape_html(url) + "\"";
    const std::string alt = collapse(node.attr("alt"));
    if (!alt.empty()) html_ += " alt=\"" + escape_html(alt) + "\"";
    html_ += ">";
  }

  bool is_simple_row(std::uint32_t index) const {
    for (std::uint32_t cell : doc_[index].children) {
      if (doc_[cell].tag != Tag::Td && doc_[cell].tag != Tag::Th) continue;
      if (stats_[cell].has_block_child || stats_[cell].text > 400) return false;
    }
    return true;
  }

  std::uint32_t table_of(std::uint32_t index) const {
    for (std::uint32_t p = doc_[index].parent; p != kNoNode; p = doc_[p].parent) {
      if (doc_[p].tag == Tag::Table) return p;
    }
    return kNoNode;
  }

  void append_text(std::string_view text, const Context& context) {
    if (context.pre) {
      text_.append(text);
      html_ += escape_html(text);
      return;
    }
    if (context.caption) caption_text_ = true;
    if (context.figure_caption) figure_text_ = true;
    const std::size_t before = text_.size();
    append_collapsed(text_, text, pending_space_);
    if (pending_space_ && !html_.empty() && html_.back() != ' ') {
      // The space is emitted lazily in text_; HTML gets it now (harmless in HTML).
    }
    if (text_.size() > before) {
      // Mirror what was appended (including a leading joining space) into the HTML.
      html_ += escape_html(std::string_view(text_).substr(before));
    }
  }

  // A photo credit at the end of a caption ("… in Berlin. Foto: dpa"), cut from the text and the HTML.
  void cut_caption_credit() {
    const std::size_t cut = caption_credit_start(text_);
    if (cut == std::string::npos) return;
    // A figure's credit goes with the figure; any other (a table's caption) is dropped.
    if (figure_text_) {
      if (credit_.empty()) credit_ = collapse(trim_credit_separators(text_.substr(cut)));
    } else if (out_->removed.size() < kMaxRemoved) {
      out_->removed.push_back({"credit", shorten(collapse(text_.substr(cut)), 240)});
    }
    // The HTML holds the same text, escaped, between inline tags: find where the cut falls in it.
    std::size_t t = 0;
    std::size_t h = 0;
    std::vector<std::string_view> open;
    while (h < html_.size() && t < cut) {
      if (html_[h] == '<') {
        const std::size_t end = html_.find('>', h);
        if (end == std::string::npos) break;
        const std::string_view tag = std::string_view(html_).substr(h + 1, end - h - 1);
        const std::string_view name = tag.substr(0, tag.find(' '));
        if (name == "br") {
          if (text_[t] == '\n') ++t;
        } else if (!name.empty() && name.front() == '/') {
          if (!open.empty()) open.pop_back();
        } else if (name != "img") {
          open.push_back(name);
        }
        h = end + 1;
        continue;
      }
      if (html_[h] == '&') {  // an entity is one character of the text
        const std::size_t end = html_.find(';', h);
        if (end == std::string::npos) break;
        h = end + 1;
      } else {
        ++h;
      }
      ++t;
    }
    std::string html =
        t == cut ? html_.substr(0, h) : escape_html(std::string_view(text_).substr(0, cut), false);
    if (t == cut) {
      for (auto it = open.rbegin(); it != open.rend(); ++it) html.append("</").append(*it).append(">");
    }
    html_ = std::move(html);
    text_.resize(cut);
  }

  void flush() {
    if (caption_text_) cut_caption_credit();
    caption_text_ = false;
    std::string text(trim(text_));
    while (!text.empty() && text.back() == '\n') text.pop_back();
    // Trailing "\n" from a <br> inside a trimmed block.
    const bool caption = figure_text_ || !credit_.empty();
    if (!text.empty() || has_image_ || caption) {
      PendingBlock block;
      block.kind = caption ? BlockKind::Caption : current_.kind;
      block.level = current_.level;
      block.group = current_.group;
      block.group_tag = current_.group_tag;
      block.link_chars = link_chars_;
      block.media_only = text.empty() && !caption;
      block.caption = caption;
      if (caption || block.media_only) block.figure = figure_ >= 0 ? figure_ : loose_figure(caption);
      block.image = std::move(image_);
      block.credit = std::move(credit_);
      block.text = std::move(text);
      block.html = std::move(html_);
      out_->blocks.push_back(std::move(block));
    }
    text_.clear();
    html_.clear();
    image_.clear();
    credit_.clear();
    pending_space_ = false;
    figure_text_ = false;
    has_image_ = false;
    link_chars_ = 0;
  }

  // The figure of a picture or caption outside any figure element: a caption goes with the picture just
  // before it (an image and its caption side by side in a box without a name), otherwise it is a new one.
  int loose_figure(bool caption) {
    if (caption && !out_->blocks.empty()) {
      const PendingBlock& last = out_->blocks.back();
      if (last.media_only && last.figure >= 0) return last.figure;
    }
    return figures_++;
  }

  const Document& doc_;
  const PageMetadata& meta_;
  const Options& options_;
  bool use_hints_;
  std::vector<std::string_view> drop_;
  std::vector<NodeStats> stats_;
  std::vector<double> score_;
  // Class/id hints, judged when first asked (most elements inside dropped ones never are).
  const HintVerdict& hint(std::uint32_t index) const {
    if (!hinted_[index]) {
      hinted_[index] = 1;
      const Node& node = doc_[index];
      if (node.is_element()) hints_[index] = judge_.judge(node);
    }
    return hints_[index];
  }
  mutable HintJudge judge_;
  mutable std::vector<HintVerdict> hints_;
  mutable std::vector<char> hinted_;
  std::vector<std::uint32_t> candidates_;
  std::vector<char> section_header_;  // a <header> kept because it holds only a section's heading
  std::vector<char> in_gallery_;      // inside a gallery or slideshow: its text is the pictures' captions
  std::unordered_map<std::uint32_t, std::unordered_set<std::string>> shown_keys_;  // see shown_twin()
  std::unordered_set<std::string> toggled_ids_;                                    // see toggled_ids()
  std::unordered_map<std::string, std::uint32_t> ids_;  // elements by id, see opens_collapsed_panel()
  bool toggled_ids_read_ = false;
  std::vector<char> recorded_;
  bool emitting_lead_ = false;
  std::uint32_t top_ = kNoNode;
  std::uint32_t root_ = kNoNode;  // the chosen container being emitted
  double readerable_score_ = 0;

  Extraction* out_ = nullptr;
  Context current_;
  std::string text_;
  std::string html_;
  bool pending_space_ = false;
  bool caption_text_ = false;  // the pending block holds caption text
  bool figure_text_ = false;   // ... the caption of a picture
  bool has_image_ = false;     // the pending block shows a picture
  std::string image_;          // its URL
  std::string credit_;         // the photo credit of the pending caption
  int figure_ = -1;            // the figure being emitted, or -1
  int figures_ = 0;            // figures numbered so far
  std::size_t link_chars_ = 0;
};

// ---- step 8: post-processing
// --------------------------------------------------------------------------------
bool same_text(std::string_view a, std::string_view b) {
  const std::string ka = normalise_key(a);
  return !ka.empty() && ka == normalise_key(b);
}

void drop_block(Extraction& extraction, std::size_t index, std::string_view reason) {
  PendingBlock& block = extraction.blocks[index];
  if (extraction.removed.size() < kMaxRemoved && !block.text.empty()) {
    extraction.removed.push_back({std::string(reason), shorten(block.text, 240)});
  }
  block.text.clear();
  block.html.clear();
  block.media_only = false;
  block.caption = false;
  block.credit.clear();
  block.image.clear();
}

// The author's closing line ("Yours, Anna", "Die Redaktion") or contact details (a phone number): short
// and unpunctuated like a label, but part of the article.
bool looks_like_sign_off(std::string_view text) {
  if (text.find(',') != std::string_view::npos) return true;
  if (std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
  const std::string lower = lower_ascii(trim(text));
  for (std::string_view word :
       {"yours",    "your ",    "cheers",  "best ",        "love",   "regards",   "thanks",
        "euer ",    "eure ",    "dein ",   "deine ",       "ihr ",   "ihre ",     "viele gr",
        "liebe gr", "herzlich", "saludos", "cordialement", "bisous", "un abrazo", "pozdrawiam"}) {
    if (lower.rfind(word, 0) == 0) return true;
  }
  return false;
}

bool starts_like_post_footer(std::string_view text) {
  const std::string lower = lower_ascii(trim(text));
  for (std::string_view words : {"posted by ", "eingestellt von ", "publié par ", "publicado por "}) {
    if (lower.rfind(words, 0) == 0) return true;
  }
  return false;
}

// A reading-time line ("5 min read", "Lesezeit: 3 Minuten", "Reading time: 4 minutes"): a number and a
// minute unit in a short line that speaks of reading.
bool is_read_time_line(std::string_view text) {
  if (count_chars(text) > 40 || count_words(text) > 6) return false;
  const std::string lower = text::lower(collapse(text));
  if (std::none_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  const bool minutes = lower.find("min") != std::string::npos;
  bool reading = false;
  for (std::string_view word :
       {"read", "lesezeit", "lesedauer", "lecture", "lectura", "leitura", "lettura"}) {
    reading = reading || lower.find(word) != std::string::npos;
  }
  return minutes && reading;
}

// The name an "About <name>" heading introduces ("About Harbour Tech Ltd", "Über die Beispiel AG"), or "".
std::string about_heading_name(std::string_view text) {
  const std::string collapsed = collapse(text);
  if (count_words(collapsed) > 7) return {};
  const std::string lower = text::lower(collapsed);
  for (std::string_view label : {"about ", "über ", "à propos de ", "a propos de ", "acerca de ", "sobre ",
                                 "informazioni su ", "over "}) {
    if (lower.rfind(label, 0) != 0) continue;
    std::string name = collapsed.substr(label.size());
    while (!name.empty() && (name.back() == ':' || name.back() == ' ')) name.pop_back();
    for (std::string_view article : {"the ", "die ", "der ", "das ", "la ", "le ", "l'", "el "}) {
      if (text::lower(name).rfind(article, 0) == 0) name.erase(0, article.size());
    }
    return name;
  }
  return {};
}

// A press release's closing "About <company>" section: a heading "About X" in the second half of the text
// whose next paragraph opens with X ("X is a leading maker of ..."). It and everything after it go: the
// publisher's boilerplate and the media contact.
void drop_about_tail(Extraction& extraction) {
  auto& blocks = extraction.blocks;
  std::size_t total = 0;
  for (const auto& block : blocks) {
    if (is_text_block(block)) total += count_chars(block.text);
  }
  std::size_t seen = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!is_text_block(blocks[i])) continue;
    const std::size_t chars = count_chars(blocks[i].text);
    if (seen * 2 >= total && chars <= 80 && blocks[i].link_chars * 2 < blocks[i].text.size()) {
      const std::string name = about_heading_name(blocks[i].text);
      std::size_t next = i + 1;
      while (next < blocks.size() && !is_text_block(blocks[next])) ++next;
      if (count_chars(name) >= 2 && next < blocks.size() &&
          normalise_key(blocks[next].text).rfind(normalise_key(name), 0) == 0 &&
          !normalise_key(name).empty()) {
        for (std::size_t k = i; k < blocks.size(); ++k) {
          if (is_text_block(blocks[k])) drop_block(extraction, k, "about");
        }
        return;
      }
    }
    seen += chars;
  }
}

// Whether a block's whole HTML is one emphasis (<em>, <i>): set apart from the text by the page itself.
bool all_emphasised(std::string_view html) {
  html = trim(html);
  for (std::string_view tag : {"em", "i"}) {
    const std::string open = "<" + std::string(tag) + ">", close = "</" + std::string(tag) + ">";
    if (html.starts_with(open) && html.ends_with(close) && html.find(close) == html.size() - close.size())
      return true;
  }
  return false;
}

// A note about the author in the closing lines: a name of two to four capitalised words, then "is"
// ("Jane Doe is a reporter ...", "Max Muster ist Journalist ...").
bool opens_with_name_and_is(std::string_view text) {
  std::size_t at = 0;
  int words = 0;
  while (words < 5) {
    const std::size_t end = text.find(' ', at);
    if (end == std::string_view::npos) return false;
    const std::string_view word = text.substr(at, end - at);
    if (words >= 2) {
      for (std::string_view verb : {"is", "ist", "es", "est", "è", "jest", "was", "war"}) {
        if (word == verb) return true;
      }
    }
    std::size_t length = 0;
    if (word.empty() || !text::is_upper(text::decode(word, 0, length))) return false;
    ++words;
    at = end + 1;
  }
  return false;
}

// The author's note closing an article: its last block, set apart in italics, that tells who the author is.
void drop_closing_author_note(Extraction& extraction) {
  for (std::size_t i = extraction.blocks.size(); i-- > 0;) {
    const PendingBlock& block = extraction.blocks[i];
    if (!is_text_block(block)) continue;
    if (block.kind == BlockKind::Paragraph && count_chars(block.text) <= 700 && all_emphasised(block.html) &&
        opens_with_name_and_is(block.text)) {
      drop_block(extraction, i, "byline");
    }
    return;
  }
}

void post_process(Extraction& extraction, const PageMetadata& meta) {
  auto& blocks = extraction.blocks;
  std::size_t seen_text = 0;
  const std::string byline_key = normalise_key(meta.byline);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    PendingBlock& block = blocks[i];
    if (!is_text_block(block)) continue;
    const std::size_t chars = count_chars(block.text);
    const bool early = seen_text < 400;
    // The title repeated at the start of the body.
    if (early && (block.kind == BlockKind::Heading || chars < 300) &&
        (same_text(block.text, meta.title) || same_text(block.text, meta.raw_title))) {
      drop_block(extraction, i, "repeated_title");
      continue;
    }
    // Separators alone ("/" and "|" between the byline's links, "***") are not text; smileys are.
    if (normalise_key(block.text).empty() && block.text.find_first_of("()") == std::string::npos) {
      drop_block(extraction, i, "separator");
      continue;
    }
    if (early && chars < 120) {
      const std::string key = normalise_key(block.text);
      const std::string lower = lower_ascii(block.text);
      const bool by = lower.rfind("by ", 0) == 0 || lower.rfind("von ", 0) == 0 ||
                      lower.rfind("por ", 0) == 0 || lower.rfind("par ", 0) == 0;
      const bool has_byline = !byline_key.empty() && key.find(byline_key) != std::string::npos &&
                              key.size() < byline_key.size() + 60;
      if ((by && count_words(block.text) <= 12) || has_byline) {
        if (by && extraction.body_byline.empty()) extraction.body_byline = clean_byline(block.text);
        drop_block(extraction, i, "byline");
        continue;
      }
      if (count_words(block.text) <= 8 && !normalise_date(block.text).empty() &&
          block.kind != BlockKind::ListItem) {
        drop_block(extraction, i, "date");
        continue;
      }
    }
    // "Read also: <link>" in any language: a short label, a colon, then mostly a link.
    if (chars <= 300 && block.link_chars * 2 >= block.text.size()) {
      const auto colon = block.text.find(':');
      if (colon != std::string::npos && colon > 0 && count_words(block.text.substr(0, colon)) <= 4 &&
          block.link_chars + colon + 2 >= block.text.size() * 7 / 10) {
        drop_block(extraction, i, "related");
        continue;
      }
    }
    if (is_read_time_line(block.text)) {
      drop_block(extraction, i, "read_time");
      continue;
    }
    if (chars <= 300 && block.kind != BlockKind::Heading) {
      const std::string_view kind = boilerplate_text_kind(block.text);
      if (!kind.empty()) {
        drop_block(extraction, i, kind);
        continue;
      }
    }
    seen_text += chars;
  }
  drop_about_tail(extraction);
  // Trailing short, link-only blocks (tag lists, "next/previous" links).
  std::size_t chars_before = 0;
  for (const auto& block : blocks) {
    if (is_text_block(block)) chars_before += count_chars(block.text);
  }
  for (std::size_t i = blocks.size(); i-- > 0;) {
    PendingBlock& block = blocks[i];
    if (block.media_only || block.caption) break;
    if (block.text.empty()) continue;
    const std::size_t chars = count_chars(block.text);
    chars_before -= chars;
    const bool link_only = block.link_chars * 10 >= block.text.size() * 9;
    // A short label with nothing after it ("Topics:", "More on this", a section name): the article ended
    // before it, so it belonged to whatever widget followed.
    // Only after a real article (a tiny page may be nothing but such a line), and only in scripts that
    // separate words with spaces (a CJK closing line is one "word").
    const bool spaced_script = std::any_of(block.text.begin(), block.text.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
    const bool dangling_label = chars_before >= 200 && spaced_script && block.kind != BlockKind::ListItem &&
                                chars < 40 && count_words(block.text) <= 4 &&
                                !ends_with_sentence_mark(block.text) && !looks_like_sign_off(block.text);
    // "Last updated 14.02.2019" under the article: page metadata, not text.
    const bool dangling_date = chars_before >= 200 && block.kind != BlockKind::ListItem && chars < 60 &&
                               count_words(block.text) <= 6 && !normalise_date(block.text).empty();
    // A blog's "Posted by X at 21:11" footer (at the top, the same words introduce the byline: kept there).
    const bool dangling_post_footer =
        chars_before >= 200 && chars < 100 && starts_like_post_footer(block.text);
    // A heading that is a whole sentence (a pull quote or a closing line set as a heading) is text.
    const bool sentence = trim(block.text).ends_with(".") && count_words(block.text) >= 6;
    const bool dangling_heading = (block.kind == BlockKind::Heading && !sentence) || dangling_label ||
                                  dangling_date || dangling_post_footer;
    if ((link_only && chars < 120) || dangling_heading) {
      drop_block(extraction, i, dangling_heading ? "trailing_heading" : "links");
      continue;
    }
    break;
  }
  drop_closing_author_note(extraction);
  extraction.chars = 0;
  for (const auto& block : blocks) {
    if (is_text_block(block)) extraction.chars += count_chars(block.text);
  }
}

// ---- step 10: assemble
// --------------------------------------------------------------------------------------
std::string trimmed_inner_html(std::string inner) {
  while (!inner.empty() && (inner.back() == ' ' || inner.back() == '\n')) inner.pop_back();
  std::size_t lead = 0;
  while (lead < inner.size() && inner[lead] == ' ') ++lead;
  inner.erase(0, lead);
  return inner;
}

// One figure from its run of blocks (pictures, caption, credit): into article.figures and, as
// <figure><img><figcaption>, into the HTML. A caption already shown by an earlier figure is left out of both.
void assemble_figure(Article& article, const PendingBlock* first, const PendingBlock* last,
                     std::unordered_set<std::string>& captions_seen, const Options& options, bool in_list) {
  Figure figure;
  std::string images_html, caption_html;
  for (const PendingBlock* block = first; block != last; ++block) {
    if (!block->media_only && !block->caption) continue;
    if (figure.image.empty()) figure.image = block->image;
    if (figure.credit.empty()) figure.credit = block->credit;
    if (block->media_only) {
      images_html += trimmed_inner_html(block->html);
    } else if (!block->text.empty()) {
      if (!figure.caption.empty()) figure.caption += '\n';
      figure.caption += block->text;
      if (!caption_html.empty()) caption_html += "<br>";
      caption_html += trimmed_inner_html(block->html);
    }
  }
  if (!figure.caption.empty() && !captions_seen.insert(normalise_key(figure.caption)).second) {
    figure.caption.clear();
    caption_html.clear();
  }
  if (figure.caption.empty() && figure.credit.empty() && figure.image.empty()) return;
  if (options.include_html && !(images_html.empty() && caption_html.empty() && figure.credit.empty())) {
    if (!figure.credit.empty()) {
      if (!caption_html.empty()) caption_html += ' ';
      caption_html += "<small>" + escape_html(figure.credit, false) + "</small>";
    }
    std::string html = "<figure>" + images_html;
    if (!caption_html.empty()) html += "<figcaption>" + caption_html + "</figcaption>";
    html += "</figure>";
    article.html += in_list ? "<li>" + html + "</li>" : html;
  }
  article.figures.push_back(std::move(figure));
}

void assemble(Article& article, const Extraction& extraction, const Options& options) {
  std::uint32_t open_group = kNoNode;
  Tag open_tag = Tag::Other;
  auto close_group = [&]() {
    if (open_group == kNoNode) return;
    if (open_tag == Tag::Ol) article.html += "</ol>";
    if (open_tag == Tag::Ul) article.html += "</ul>";
    if (open_tag == Tag::Blockquote) article.html += "</blockquote>";
    if (open_tag == Tag::Table) article.html += "</table>";
    open_group = kNoNode;
  };
  std::unordered_set<std::string> captions_seen;
  const auto& blocks = extraction.blocks;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const PendingBlock& block = blocks[i];
    const bool figure = block.media_only || block.caption;
    if (block.text.empty() && !figure) continue;
    if (is_text_block(block)) append_block(article, block.kind, block.level, block.text);
    if (options.include_html && block.group != open_group) {
      close_group();
      if (block.group != kNoNode) {
        open_group = block.group;
        open_tag = block.group_tag;
        if (open_tag == Tag::Ol) article.html += "<ol>";
        if (open_tag == Tag::Ul) article.html += "<ul>";
        if (open_tag == Tag::Blockquote) article.html += "<blockquote>";
        if (open_tag == Tag::Table) article.html += "<table>";
      }
    }
    if (figure) {
      // The figure's blocks follow one another (dropped blocks between them aside).
      std::size_t end = i + 1;
      while (end < blocks.size() &&
             (blocks[end].figure == block.figure ||
              (blocks[end].text.empty() && !blocks[end].media_only && !blocks[end].caption))) {
        ++end;
      }
      assemble_figure(article, &blocks[i], blocks.data() + end, captions_seen, options,
                      open_tag == Tag::Ol || open_tag == Tag::Ul);
      i = end - 1;
      continue;
    }
    if (!options.include_html) continue;
    const std::string inner = trimmed_inner_html(block.html);
    switch (block.kind) {
      case BlockKind::Heading: {
        const std::string h = "h" + std::to_string(std::clamp(block.level, 1, 6));
        article.html += "<" + h + ">" + inner + "</" + h + ">";
        break;
      }
      case BlockKind::ListItem:
        article.html +=
            open_tag == Tag::Ol || open_tag == Tag::Ul ? "<li>" + inner + "</li>" : "<p>" + inner + "</p>";
        break;
      case BlockKind::Caption:
        article.html += "<figcaption>" + inner + "</figcaption>";
        break;
      case BlockKind::Preformatted:
        article.html += "<pre>" + inner + "</pre>";
        break;
      case BlockKind::TableRow:
        article.html += "<tr>" + inner + "</tr>";
        break;
      default:
        article.html += "<p>" + inner + "</p>";
        break;
    }
  }
  close_group();
}

Extraction from_json_ld_body(const std::string& body) {
  Extraction out;
  std::size_t start = 0;
  while (start < body.size()) {
    auto end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    std::string paragraph = collapse(std::string_view(body).substr(start, end - start));
    if (!paragraph.empty()) {
      PendingBlock block;
      block.html = escape_html(paragraph);
      block.text = std::move(paragraph);
      out.chars += count_chars(block.text);
      out.blocks.push_back(std::move(block));
    }
    start = end + 1;
  }
  return out;
}

// A recipe's ingredients and a how-to's steps that the page gives only in its JSON-LD (the markup shows them
// with script, or in a box the article does not reach): ingredients as a list before the text, steps as a
// numbered list after it. A list goes in only when most of its items are missing from the text.
void add_json_ld_lists(Extraction& extraction, const PageMetadata& meta) {
  std::string text_key;
  for (const auto& block : extraction.blocks) {
    if (is_text_block(block)) text_key += normalise_key(block.text) + ' ';
  }
  const auto missing = [&](const std::vector<std::string>& items) {
    std::size_t found = 0;
    for (const std::string& item : items) {
      const std::string key = normalise_key(item);
      found += !key.empty() && text_key.find(key) != std::string::npos;
    }
    return !items.empty() && found * 2 < items.size();
  };
  const auto list = [&](const std::vector<std::string>& items, std::uint32_t group, Tag tag) {
    std::vector<PendingBlock> blocks;
    for (const std::string& item : items) {
      PendingBlock block;
      block.kind = BlockKind::ListItem;
      block.group = group;
      block.group_tag = tag;
      block.html = escape_html(item);
      block.text = item;
      extraction.chars += count_chars(item);
      blocks.push_back(std::move(block));
    }
    return blocks;
  };
  // Group ids no node has (the lists are not in the DOM).
  constexpr std::uint32_t kIngredientsGroup = kNoNode - 1, kStepsGroup = kNoNode - 2;
  if (missing(meta.json_ld_ingredients)) {
    auto blocks = list(meta.json_ld_ingredients, kIngredientsGroup, Tag::Ul);
    extraction.blocks.insert(extraction.blocks.begin(), std::make_move_iterator(blocks.begin()),
                             std::make_move_iterator(blocks.end()));
  }
  if (missing(meta.json_ld_steps)) {
    auto blocks = list(meta.json_ld_steps, kStepsGroup, Tag::Ol);
    extraction.blocks.insert(extraction.blocks.end(), std::make_move_iterator(blocks.begin()),
                             std::make_move_iterator(blocks.end()));
  }
}

// Readable text: a paragraph of 60 characters or more, mostly not links, that ends a sentence.
constexpr std::size_t kMinProseChars = 60;
bool holds_prose(const Extraction& extraction) {
  return std::any_of(extraction.blocks.begin(), extraction.blocks.end(), [](const PendingBlock& block) {
    return is_text_block(block) && block.kind == BlockKind::Paragraph &&
           block.link_chars * 2 < block.text.size() && count_chars(block.text) >= kMinProseChars &&
           ends_with_sentence_mark(block.text);
  });
}

// The longest paragraph of text on the page (a block's own text, inline elements included), read from the
// whole DOM whatever hid or dropped it: the last resort of a page whose article went with its wrapper. One
// backward pass sums the text each block holds outside nested blocks.
std::string longest_text_block(const Document& document) {
  const std::size_t n = document.nodes.size();
  std::vector<std::size_t> own(n, 0);
  std::uint32_t best = kNoNode;
  for (std::size_t i = n; i-- > 1;) {
    const Node& node = document[i];
    if (node.is_element() && (is_never_content(node.tag) || node.tag == Tag::Noscript)) {
      own[i] = 0;  // script, styles, controls: no text of an article
      continue;
    }
    if (node.is_text()) own[i] = node.text.size();
    const bool block = node.is_element() && (html::is_block(node.tag) || node.tag == Tag::Td ||
                                             node.tag == Tag::Li || node.tag == Tag::Body);
    if (block) {
      if (own[i] > 0 && (best == kNoNode || own[i] > own[best])) best = static_cast<std::uint32_t>(i);
    } else if (node.parent != kNoNode) {
      own[node.parent] += own[i];
    }
  }
  if (best == kNoNode) return {};
  // The block's own lines, without its nested blocks (they lost to it).
  std::string text;
  bool pending_space = false;
  std::vector<std::uint32_t> stack(document[best].children.rbegin(), document[best].children.rend());
  while (!stack.empty()) {
    const std::uint32_t i = stack.back();
    stack.pop_back();
    const Node& node = document[i];
    if (node.is_text()) {
      append_collapsed(text, node.text, pending_space);
    } else if (node.is_element() && !is_never_content(node.tag) && node.tag != Tag::Noscript &&
               !html::is_block(node.tag) && node.tag != Tag::Li && node.tag != Tag::Td) {
      stack.insert(stack.end(), node.children.rbegin(), node.children.rend());
    }
  }
  text = std::string(trim(text));
  return count_chars(text) >= kMinProseChars && ends_with_sentence_mark(text) ? text : std::string();
}

}  // namespace

Article clean_html(std::string_view input, const Options& options, std::vector<Diagnostic>& warnings) {
  Article article;
  // 1. Parse and read metadata.
  const Document document = html::parse(input);
  if (document.truncated) {
    warnings.push_back({Code::Truncated, "nesting deeper than the limit was flattened"});
  }
  if (document.attributes_capped) {
    warnings.push_back({Code::Truncated, "a tag had more than " + std::to_string(html::kMaxAttributes) +
                                             " attributes; the rest were dropped"});
  }
  PageMetadata meta = read_metadata(document, options.url);

  // 2-8. Extract with class/id hints; without them when the page's names hid the article.
  double readerable_score = 0;
  Extraction extraction = Extractor(document, meta, options, true).run(readerable_score);
  post_process(extraction, meta);
  if (extraction.chars < kMinArticleChars) {
    double ignored = 0;
    Extraction retry = Extractor(document, meta, options, false).run(ignored);
    post_process(retry, meta);
    // A page with readable text never yields an empty article: a short text found without hints beats none
    // when it holds a sentence of prose (an index page's teaser blurbs do not make an article).
    if ((retry.chars > extraction.chars * 2 && retry.chars >= kMinArticleChars) ||
        (extraction.chars == 0 && holds_prose(retry)))
      extraction = std::move(retry);
  }
  // 9. The publisher's own articleBody when the page's markup gave almost nothing.
  // (Also when it is much longer than what the markup gave: the page renders the rest with script.)
  const std::size_t json_ld_chars = count_chars(meta.json_ld_body);
  if ((json_ld_chars > extraction.chars * 2 && json_ld_chars >= kMinArticleChars) ||
      (extraction.chars == 0 && json_ld_chars > 0)) {
    extraction = from_json_ld_body(meta.json_ld_body);
  }
  // Still nothing: the longest block of text on the page, wherever it sits, or else the page's description.
  if (extraction.chars == 0) {
    std::string fallback = longest_text_block(document);
    if (fallback.empty()) fallback = meta.description;
    if (!fallback.empty()) {
      Extraction found = from_json_ld_body(fallback);
      found.removed = std::move(extraction.removed);
      extraction = std::move(found);
    }
  }

  add_json_ld_lists(extraction, meta);

  // 10. Assemble.
  assemble(article, extraction, options);
  article.title = meta.title;
  article.byline = meta.byline.empty() ? extraction.body_byline : meta.byline;
  if (!meta.published.empty()) article.published = meta.published;
  article.site = meta.site;
  if (article.site.empty()) article.site = url_host(options.url.empty() ? meta.canonical_url : options.url);
  article.lang = meta.lang;
  article.canonical_url = meta.canonical_url;
  article.lead_image = meta.lead_image;
  article.excerpt = meta.description;
  if (article.excerpt.empty() && !article.blocks.empty()) {
    for (const Block& block : article.blocks) {
      if (block.kind == BlockKind::Paragraph && block.end - block.start >= 80) {
        article.excerpt =
            shorten(std::string_view(article.text).substr(block.start, block.end - block.start), 300);
        break;
      }
    }
  }
  if (options.include_removed) article.removed = std::move(extraction.removed);
  // Readability's probe, or a shorter article that is still several real paragraphs of prose.
  // Prose also counts line by line: a short article written as bare text with <br> is one block of lines.
  int prose_blocks = 0, prose_lines = 0;
  for (const auto& block : extraction.blocks) {
    if (block.kind != BlockKind::Paragraph || block.link_chars * 4 >= block.text.size()) continue;
    prose_blocks += count_chars(block.text) >= 80;
    for (std::size_t start = 0; start < block.text.size();) {
      std::size_t end = block.text.find('\n', start);
      if (end == std::string::npos) end = block.text.size();
      const std::string_view line = std::string_view(block.text).substr(start, end - start);
      prose_lines += count_chars(line) >= 40 && ends_with_sentence_mark(line);
      start = end + 1;
    }
  }
  article.readerable = extraction.chars >= kMinArticleChars &&
                       (readerable_score > 20 || prose_blocks >= 2 || prose_lines >= 3);
  if (!article.readerable) {
    warnings.push_back({Code::NotReaderable, "the page does not look like an article"});
  }
  return article;
}

}  // namespace articlescope::clean
