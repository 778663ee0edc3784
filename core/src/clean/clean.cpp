// Placeholder cleaning (replaced by the real extractor): text paragraphs, HTML tag stripping.
#include "clean/clean.hpp"

#include <string>

namespace articlescope::clean {

namespace {

Article from_paragraphs(const std::vector<std::string>& paragraphs) {
  Article article;
  for (const auto& paragraph : paragraphs) {
    if (paragraph.empty()) continue;
    if (!article.text.empty()) article.text += "\n\n";
    Block block;
    block.start = article.text.size();
    article.text += paragraph;
    block.end = article.text.size();
    article.blocks.push_back(block);
  }
  return article;
}

std::vector<std::string> split_paragraphs(std::string_view text) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '\n') {
      out.emplace_back();
      while (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (text[i] != '\r') {
      out.back() += text[i] == '\n' ? ' ' : text[i];
    }
  }
  return out;
}

}  // namespace

Article clean_html(std::string_view html, const Options&, std::vector<Diagnostic>&) {
  std::string stripped;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) stripped += c;
    if (c == '>') in_tag = false;
  }
  return from_paragraphs(split_paragraphs(stripped));
}

Article clean_text(std::string_view text, const Options&, std::vector<Diagnostic>&) {
  auto paragraphs = split_paragraphs(text);
  Article article = from_paragraphs(paragraphs);
  if (!paragraphs.empty()) article.title = paragraphs.front();
  return article;
}

Article verbatim_text(std::string_view text) {
  Article article;
  article.text = std::string(text);
  return article;
}

bool looks_like_html(std::string_view input) {
  const auto pos = input.find('<');
  return pos != std::string_view::npos && input.find('>', pos) != std::string_view::npos;
}

}  // namespace articlescope::clean
