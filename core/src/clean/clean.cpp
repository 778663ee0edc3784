// Plain-text cleaning (pasted articles), verbatim text, and the HTML-or-text guess. HTML pages: extract.cpp.
//  1. Split into paragraphs (blank lines; single lines when the text has no blank line at all).
//  2. Title line: a short first line without final punctuation; the title repeated after it is dropped.
//  3. Byline ("By ...") and date lines at the top become metadata.
//  4. Markdown-style and short stand-alone lines become headings; bullet lines become list items.
//  5. Boilerplate: short calls to share/subscribe/join, ads, and everything after a "Related" heading when it
//     is a list of short lines or links.
#include "clean/clean.hpp"

#include "clean/boilerplate.hpp"
#include "clean/metadata.hpp"
#include "clean/util.hpp"
#include "text/utf8.hpp"

#include <algorithm>

namespace articlescope::clean {
namespace {

struct TextBlock {
  BlockKind kind = BlockKind::Paragraph;
  int level = 0;
  std::string text;
  bool single_line = true;
};

bool ends_sentence(std::string_view text) {
  text = trim(text);
  if (text.empty()) return false;
  const char last = text.back();
  if (last == '.' || last == '!' || last == '?' || last == ';' || last == ':' || last == ',' || last == '"') {
    return true;
  }
  return text.ends_with("\xE3\x80\x82") || text.ends_with("\xE2\x80\x9D") || text.ends_with("\xC2\xBB");
}

bool looks_like_url_line(std::string_view text) {
  text = trim(text);
  return (text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0 || text.rfind("www.", 0) == 0) &&
         text.find(' ') == std::string_view::npos;
}

// Bullet markers at the start of a line: "- ", "* ", "• ", "1. ", "2) ".
std::size_t bullet_length(std::string_view line) {
  if (line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0 || line.rfind("+ ", 0) == 0) return 2;
  if (line.rfind("\xE2\x80\xA2 ", 0) == 0) return 4;  // "• "
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] >= '0' && line[i] <= '9') ++i;
  if (i > 0 && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' ') return i + 2;
  return 0;
}

// Words a title-case heading leaves in lower case.
bool is_minor_title_word(std::string_view word) {
  for (std::string_view minor :
       {"a",    "an",   "the", "and", "or",  "nor", "but",  "of",  "in",  "on",  "at",  "to",  "for", "by",
        "with", "from", "as",  "vs",  "vs.", "via", "into", "per", "is",  "are", "its", "der", "die", "das",
        "und",  "de",   "la",  "le",  "el",  "y",   "et",   "del", "des", "du",  "von", "zu"}) {
    if (word == minor) return true;
  }
  return false;
}

// A section heading pasted in Title Case ("How the Pilot Will Work"): every word capitalised (or a number)
// but the small words of a title, at least two capitalised words, no closing punctuation.
bool is_title_case_heading(std::string_view line) {
  line = trim(line);
  if (line.empty() || count_chars(line) > 90 || count_words(line) > 12 || ends_sentence(line) ||
      line.back() == ',' || line.back() == ';')
    return false;
  int capitalised = 0;
  std::size_t start = 0;
  bool first = true;
  while (start < line.size()) {
    std::size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    std::string_view word = line.substr(start, end - start);
    start = end + 1;
    while (!word.empty() &&
           std::string_view("\"'(\u2018\u201c-").find(word.front()) != std::string_view::npos)
      word.remove_prefix(1);
    if (word.empty()) continue;
    std::size_t length = 0;
    const char32_t cp = text::decode(word, 0, length);
    if (text::is_upper(cp)) {
      ++capitalised;
    } else if (!(cp >= '0' && cp <= '9') && (first || !is_minor_title_word(word))) {
      return false;
    }
    first = false;
  }
  return capitalised >= 2;
}

// The first letter of a line is a capital (a new sentence, not a wrapped line's continuation).
bool starts_with_capital(std::string_view line) {
  line = trim(line);
  while (!line.empty() && std::string_view("\"'(\u2018\u201c").find(line.front()) != std::string_view::npos)
    line.remove_prefix(1);
  if (line.empty()) return false;
  std::size_t length = 0;
  return text::is_upper(text::decode(line, 0, length));
}

std::vector<TextBlock> split_blocks(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  bool has_blank = false;
  for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
    if (trim(lines[i]).empty()) has_blank = true;
  }
  std::vector<TextBlock> blocks;
  TextBlock current;
  auto flush = [&]() {
    current.text = std::string(trim(current.text));
    if (!current.text.empty()) blocks.push_back(std::move(current));
    current = TextBlock{};
  };
  std::string previous_line;
  for (std::string_view raw : lines) {
    const std::string line = collapse(raw);
    if (line.empty()) {
      flush();
      previous_line.clear();
      continue;
    }
    // A line that repeats the line just before it (a title and its copy, pasted without a blank line
    // between) is a block of its own, and so is a Title Case heading over the first line of a paragraph.
    const bool repeats = !current.text.empty() && has_blank && !normalise_key(line).empty() &&
                         normalise_key(line) == normalise_key(previous_line);
    if (repeats ||
        (!current.text.empty() && has_blank && current.single_line && is_title_case_heading(current.text) &&
         starts_with_capital(line))) {
      flush();
    }
    previous_line = line;
    if (repeats) {  // the copy is a block of its own too: the next line starts the text
      current.text = line;
      flush();
      continue;
    }
    const std::size_t bullet = bullet_length(line);
    if (bullet > 0 || line.rfind('#', 0) == 0 || !has_blank) {
      flush();
      if (bullet > 0) {
        current.kind = BlockKind::ListItem;
        current.text = line.substr(bullet);
      } else if (line.rfind('#', 0) == 0) {
        std::size_t level = 0;
        while (level < line.size() && line[level] == '#') ++level;
        if (level <= 6 && level < line.size() && line[level] == ' ') {
          current.kind = BlockKind::Heading;
          current.level = static_cast<int>(level);
          current.text = line.substr(level + 1);
        } else {
          current.text = line;
        }
      } else {
        current.text = line;
      }
      flush();
      continue;
    }
    if (!current.text.empty()) {
      // The line break stays: a headline, a dateline or a table row on its own line is its own sentence
      // to the entity tagger (HTML's <br> keeps one too).
      current.text += '\n';
      current.single_line = false;
    }
    current.text += line;
  }
  flush();
  return blocks;
}

void record(Article& article, std::string_view reason, std::string_view text, const Options& options) {
  if (options.include_removed && article.removed.size() < 80) {
    article.removed.push_back({std::string(reason), shorten(text, 240)});
  }
}

}  // namespace

Article clean_text(std::string_view text, const Options& options, std::vector<Diagnostic>& warnings) {
  Article article;
  std::vector<TextBlock> blocks = split_blocks(text);
  std::vector<bool> keep(blocks.size(), true);

  // 2. Title line and its repetition.
  std::size_t first = 0;
  if (blocks.size() >= 2 && blocks[0].single_line && blocks[0].kind != BlockKind::ListItem &&
      count_chars(blocks[0].text) <= 200 && count_words(blocks[0].text) <= 30 &&
      (!ends_sentence(blocks[0].text) || blocks[0].text.back() == '?' || blocks[0].text.back() == '!')) {
    article.title = blocks[0].text;
    keep[0] = false;
    first = 1;
    while (first < blocks.size() && normalise_key(blocks[first].text) == normalise_key(article.title)) {
      record(article, "repeated_title", blocks[first].text, options);
      keep[first] = false;
      ++first;
    }
  }
  // 3. Byline and date lines right after the title.
  for (std::size_t i = first; i < blocks.size() && i < first + 3; ++i) {
    const std::string& line = blocks[i].text;
    if (count_chars(line) > 120) break;
    const std::string lower = lower_ascii(line);
    const bool by = lower.rfind("by ", 0) == 0 || lower.rfind("von ", 0) == 0 ||
                    lower.rfind("por ", 0) == 0 || lower.rfind("par ", 0) == 0;
    if (by && count_words(line) <= 14) {
      article.byline = clean_byline(line);
      const std::string date = normalise_date(line);
      if (!date.empty() && !article.published) article.published = date;
      record(article, "byline", line, options);
      keep[i] = false;
    } else if (count_words(line) <= 8 && !normalise_date(line).empty()) {
      if (!article.published) article.published = normalise_date(line);
      record(article, "date", line, options);
      keep[i] = false;
    }
  }
  // The title repeated after the byline and date lines ("Title / By X, date / Title / text").
  for (std::size_t i = first; !article.title.empty() && i < blocks.size() && i < first + 4; ++i) {
    if (!keep[i]) continue;
    if (normalise_key(blocks[i].text) != normalise_key(article.title)) break;
    record(article, "repeated_title", blocks[i].text, options);
    keep[i] = false;
  }
  // 4. Headings: short stand-alone lines followed by a paragraph.
  for (std::size_t i = first; i + 1 < blocks.size(); ++i) {
    TextBlock& block = blocks[i];
    if (!keep[i] || block.kind != BlockKind::Paragraph || !block.single_line) continue;
    if (count_chars(block.text) <= 90 && count_words(block.text) <= 12 && !ends_sentence(block.text) &&
        count_chars(blocks[i + 1].text) > count_chars(block.text)) {
      block.kind = BlockKind::Heading;
      block.level = 2;
    }
  }
  // 5. Boilerplate, and everything after a boilerplate heading that is only short lines or links.
  for (std::size_t i = first; i < blocks.size(); ++i) {
    if (!keep[i]) continue;
    const TextBlock& block = blocks[i];
    const std::string_view heading_kind = block.kind == BlockKind::Heading || count_chars(block.text) <= 40
                                              ? boilerplate_heading_kind(block.text)
                                              : "";
    if (!heading_kind.empty()) {
      std::size_t j = i + 1;
      while (j < blocks.size() &&
             (count_chars(blocks[j].text) <= 120 || looks_like_url_line(blocks[j].text) ||
              blocks[j].kind == BlockKind::ListItem)) {
        ++j;
      }
      if (j == blocks.size() || j > i + 1) {
        for (std::size_t k = i; k < j; ++k) {
          if (keep[k]) record(article, heading_kind, blocks[k].text, options);
          keep[k] = false;
        }
        i = j - 1;
        continue;
      }
    }
    const std::string_view kind = boilerplate_text_kind(block.text);
    if (!kind.empty()) {
      record(article, kind, block.text, options);
      keep[i] = false;
    } else if (looks_like_url_line(block.text)) {
      record(article, "links", block.text, options);
      keep[i] = false;
    }
  }
  // A heading left at the very end has nothing under it.
  for (std::size_t i = blocks.size(); i-- > first;) {
    if (!keep[i]) continue;
    if (blocks[i].kind != BlockKind::Heading) break;
    record(article, "trailing_heading", blocks[i].text, options);
    keep[i] = false;
  }

  bool in_list = false;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!keep[i]) continue;
    const TextBlock& block = blocks[i];
    append_block(article, block.kind, block.level, block.text);
    if (!options.include_html) continue;
    const bool item = block.kind == BlockKind::ListItem;
    if (item && !in_list) article.html += "<ul>";
    if (!item && in_list) article.html += "</ul>";
    in_list = item;
    const std::string escaped = escape_html(block.text, /*quotes=*/false);
    if (item) {
      article.html += "<li>" + escaped + "</li>";
    } else if (block.kind == BlockKind::Heading) {
      const std::string h = "h" + std::to_string(std::clamp(block.level, 1, 6));
      article.html += "<" + h + ">" + escaped + "</" + h + ">";
    } else {
      article.html += "<p>" + escaped + "</p>";
    }
  }
  if (in_list) article.html += "</ul>";
  for (const Block& block : article.blocks) {
    if (block.kind == BlockKind::Paragraph) {
      article.excerpt =
          shorten(std::string_view(article.text).substr(block.start, block.end - block.start), 300);
      break;
    }
  }
  article.site = url_host(options.url);
  article.canonical_url = resolve_url({}, options.url);  // "" for a javascript: or data: URL
  article.readerable = count_chars(article.text) >= 100;
  if (!article.readerable) warnings.push_back({Code::NotReaderable, "too little text for an article"});
  return article;
}

Article verbatim_text(std::string_view text) {
  Article article;
  article.text = std::string(text);
  // One paragraph block per run of non-blank lines, offsets into the input itself.
  std::size_t i = 0;
  while (i < text.size()) {
    // Blank is what trim() calls blank (any byte <= ' '): a line of \f alone must not start a block.
    while (i < text.size() && static_cast<unsigned char>(text[i]) <= ' ') ++i;
    if (i >= text.size()) break;
    std::size_t end = i;
    std::size_t last_content = i;
    while (end < text.size()) {
      const auto next = text.find('\n', end);
      const std::size_t line_end = next == std::string_view::npos ? text.size() : next;
      if (trim(text.substr(end, line_end - end)).empty()) break;
      last_content = line_end;
      end = next == std::string_view::npos ? text.size() : next + 1;
    }
    std::size_t stop = last_content;
    while (stop > i && static_cast<unsigned char>(text[stop - 1]) <= ' ') --stop;
    article.blocks.push_back({BlockKind::Paragraph, i, stop, 0});
    i = std::max(end, last_content);
  }
  article.readerable = !article.blocks.empty();
  return article;
}

bool looks_like_html(std::string_view input) {
  std::string_view head = input.substr(0, std::min<std::size_t>(input.size(), 65536));
  if (head.rfind("\xEF\xBB\xBF", 0) == 0) head.remove_prefix(3);
  head = trim(head);
  const std::string start = lower_ascii(head.substr(0, 9));  // the common case, before lower-casing 64 KB
  if (start.rfind("<!doctype", 0) == 0 || start.rfind("<html", 0) == 0) return true;
  const std::string lower = lower_ascii(head);
  if (lower.rfind("<!doctype", 0) == 0 || lower.rfind("<html", 0) == 0 || lower.rfind("<?xml", 0) == 0 ||
      lower.rfind("<!--", 0) == 0) {
    return true;
  }
  int tags = 0;
  for (const char* tag :
       {"<p>",      "<p ",   "</p>",   "<div", "</div>",  "<br",  "<a href",  "<span",  "</span>",
        "<body",    "<head", "<h1",    "<h2",  "<h3",     "<li>", "<ul",      "<table", "<article",
        "<section", "<meta", "<title", "<img", "<script", "<em>", "<strong>", "<b>",    "<i>"}) {
    if (lower.find(tag) != std::string::npos) ++tags;
  }
  const bool starts_with_tag = !lower.empty() && lower[0] == '<';
  return tags >= 2 || (starts_with_tag && tags >= 1);
}

}  // namespace articlescope::clean
