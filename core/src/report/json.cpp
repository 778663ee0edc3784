#include "report/json.hpp"

#include "text/utf8.hpp"

namespace articlescope {

namespace report {

namespace {

using json = nlohmann::ordered_json;

json string_or_null(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

// Serialises spans with offsets converted from UTF-8 bytes to UTF-16 code units of article.text.
class Writer {
 public:
  explicit Writer(const std::string& text) : utf16_(text) {}

  std::size_t offset(std::size_t byte) const { return utf16_.at(byte); }

  json span(const Span& span) const {
    return {{"start", offset(span.start)}, {"end", offset(span.end)}, {"text", span.text}};
  }
  json span(const std::optional<Span>& span) const { return span ? this->span(*span) : json(nullptr); }

  json article(const Article& a) const {
    json blocks = json::array();
    for (const auto& b : a.blocks) {
      blocks.push_back({{"kind", to_string(b.kind)}, {"start", offset(b.start)}, {"end", offset(b.end)},
                        {"level", b.level}});
    }
    json removed = json::array();
    for (const auto& r : a.removed) removed.push_back({{"reason", r.reason}, {"text", r.text}});
    return {{"title", string_or_null(a.title)},
            {"byline", string_or_null(a.byline)},
            {"published", a.published ? json(*a.published) : json(nullptr)},
            {"site", string_or_null(a.site)},
            {"lang", string_or_null(a.lang)},
            {"canonical_url", string_or_null(a.canonical_url)},
            {"lead_image", string_or_null(a.lead_image)},
            {"excerpt", string_or_null(a.excerpt)},
            {"readerable", a.readerable},
            {"text", a.text},
            {"blocks", std::move(blocks)},
            {"html", a.html},
            {"removed", std::move(removed)}};
  }

  json entities(const std::vector<Entity>& mentions) const {
    json out = json::array();
    for (const auto& e : mentions) {
      out.push_back({{"type", to_string(e.type)},
                     {"text", e.text},
                     {"start", offset(e.start)},
                     {"end", offset(e.end)},
                     {"id", e.id}});
    }
    return out;
  }

  json provisions(const std::vector<Provision>& provisions) const {
    json out = json::array();
    for (const auto& p : provisions) {
      json scopes = json::array();
      for (const auto& s : p.scopes) {
        json scope = span(s.span);
        scope["kind"] = to_string(s.kind);
        scopes.push_back(std::move(scope));
      }
      json flags = json::array();
      for (auto name : flag_names(p.flags)) flags.push_back(name);
      out.push_back({{"status", to_string(p.status)},
                     {"sentence", span(p.sentence)},
                     {"trigger", span(p.trigger)},
                     {"actor", span(p.actor)},
                     {"subject", span(p.subject)},
                     {"action", span(p.action)},
                     {"scopes", std::move(scopes)},
                     {"flags", std::move(flags)}});
    }
    return out;
  }

 private:
  text::Utf16Index utf16_;
};

json summary_items(const std::vector<SummaryItem>& items) {
  json out = json::array();
  for (const auto& item : items) {
    out.push_back({{"provision", item.provision}, {"status", to_string(item.status)}, {"text", item.text}});
  }
  return out;
}

json diagnostics(const std::vector<Diagnostic>& list) {
  json out = json::array();
  for (const auto& d : list) out.push_back({{"code", to_string(d.code)}, {"message", d.message}});
  return out;
}

}  // namespace

nlohmann::ordered_json to_json_value(const Report& r, bool with_timings) {
  const Writer writer(r.article.text);
  json out = {
      {"version", kReportVersion},
      {"format", r.format == InputFormat::Html ? "html" : "text"},
      {"input_bytes", r.input_bytes},
      {"article", writer.article(r.article)},
      {"entities", writer.entities(r.entities)},
      {"entity_groups", json::array()},
      {"policy",
       {{"provisions", writer.provisions(r.provisions)},
        {"summary",
         {{"allowed", summary_items(r.summary.allowed)},
          {"prohibited", summary_items(r.summary.prohibited)},
          {"proposed", summary_items(r.summary.proposed)}}}}},
      {"errors", diagnostics(r.errors)},
      {"warnings", diagnostics(r.warnings)},
  };
  for (const auto& g : r.entity_groups) {
    out["entity_groups"].push_back({{"id", g.id},
                                    {"type", to_string(g.type)},
                                    {"canonical", g.canonical},
                                    {"count", g.count},
                                    {"aliases", g.aliases}});
  }
  if (with_timings) {
    const auto& t = r.timings;
    out["timings"] = {{"clean_ms", t.clean_ms},
                      {"segment_ms", t.segment_ms},
                      {"entities_ms", t.entities_ms},
                      {"policy_ms", t.policy_ms},
                      {"total_ms", t.total_ms}};
  }
  return out;
}

}  // namespace report

std::string to_json(const Report& report, bool with_timings, int indent) {
  return report::to_json_value(report, with_timings)
      .dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace articlescope
