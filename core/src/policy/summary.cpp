// Step 5 of the policy stage: the two columns a reader sees.
#include "policy/policy.hpp"

namespace articlescope::policy {

namespace {

// What joins a scope to the line: the article's own short joint when it follows the previous scope ("only to
// X and only until Y"), else a space.
std::string scope_joint(const std::string& text, const Span* previous, const Span& scope) {
  constexpr std::size_t kShortJoint = 6;
  if (previous == nullptr || scope.start <= previous->end || scope.start - previous->end > kShortJoint ||
      scope.start > text.size())
    return " ";
  const std::string joint = text.substr(previous->end, scope.start - previous->end);
  const std::size_t first = joint.find_first_not_of(" ,;"), last = joint.find_last_not_of(" ");
  const std::string word = first == std::string::npos ? "" : joint.substr(first, last + 1 - first);
  return word.empty() || word == "and" || word == "or" ? joint : " ";
}

std::string summary_text(const std::string& text, const Provision& p) {
  std::string line;
  if (p.action) line = p.action->text;
  if (p.subject && p.status != Status::Excluded) line = p.subject->text + ": " + line;
  // What a carve-out leaves out is its subject ("except cargo flights", "does not cover drone strikes").
  if (p.status == Status::Excluded && p.subject) line = p.subject->text;
  const Span* previous = nullptr;
  for (const auto& s : p.scopes) {
    if (s.kind == ScopeKind::Exception && p.status != Status::Excluded) {
      line += " (" + s.span.text + ")";
    } else if (s.kind != ScopeKind::Exception) {
      line += scope_joint(text, previous, s.span) + s.span.text;
      previous = &s.span;
    }
  }
  if (line.size() > 240) {
    std::size_t cut = 237;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut) + "...";
  }
  return line;
}

}  // namespace

PolicySummary summarise(const std::string& text, const std::vector<Provision>& provisions) {
  PolicySummary summary;
  try {
    for (std::size_t i = 0; i < provisions.size(); ++i) {
      const Provision& p = provisions[i];
      if (p.flags & kHistorical) continue;
      SummaryItem item;
      item.provision = i;
      item.status = p.status;
      item.text = summary_text(text, p);
      switch (p.status) {
        case Status::Allowed:
        case Status::Lifted:
          summary.allowed.push_back(std::move(item));
          break;
        case Status::Prohibited:
        case Status::Imposed:
        case Status::Excluded:
          summary.prohibited.push_back(std::move(item));
          break;
        case Status::Proposed:
          summary.proposed.push_back(std::move(item));
          break;
      }
    }
  } catch (...) {
  }
  return summary;
}

}  // namespace articlescope::policy
