// Step 5 of the policy stage: the two columns a reader sees.
#include "policy/policy.hpp"

namespace articlescope::policy {

namespace {

std::string summary_text(const Provision& p) {
  std::string line;
  if (p.action) line = p.action->text;
  if (p.subject && p.status != Status::Excluded) line = p.subject->text + ": " + line;
  // What a carve-out leaves out is its subject ("except cargo flights", "does not cover drone strikes").
  if (p.status == Status::Excluded && p.subject) line = p.subject->text;
  for (const auto& s : p.scopes) {
    if (s.kind == ScopeKind::Exception && p.status != Status::Excluded) {
      line += " (" + s.span.text + ")";
    } else if (s.kind != ScopeKind::Exception) {
      line += " " + s.span.text;
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

PolicySummary summarise(const std::vector<Provision>& provisions) {
  PolicySummary summary;
  try {
    for (std::size_t i = 0; i < provisions.size(); ++i) {
      const Provision& p = provisions[i];
      if (p.flags & kHistorical) continue;
      SummaryItem item;
      item.provision = i;
      item.status = p.status;
      item.text = summary_text(p);
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
