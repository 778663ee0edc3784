// The JSON report: the one place that knows the report's field names (documented in the README).
#include <articlescope/articlescope.hpp>

#include "report/json_writer.hpp"
#include "text/utf8.hpp"

namespace articlescope {

namespace {

// Serialises the report, converting offsets from UTF-8 bytes to UTF-16 code units of article.text.
class ReportWriter {
 public:
  ReportWriter(const Report& report, int indent) : r_(report), utf16_(report.article.text), w_(indent) {}

  std::string write(bool with_timings) {
    w_.begin_object();
    w_.key("version").value(kReportVersion);
    w_.key("format").value(r_.format == InputFormat::Html ? "html" : "text");
    w_.key("input_bytes").value(r_.input_bytes);
    w_.key("article");
    article();
    w_.key("entities");
    entities();
    w_.key("entity_groups");
    entity_groups();
    w_.key("policy").begin_object();
    w_.key("provisions");
    provisions();
    w_.key("summary").begin_object();
    w_.key("allowed");
    summary_items(r_.summary.allowed);
    w_.key("prohibited");
    summary_items(r_.summary.prohibited);
    w_.key("proposed");
    summary_items(r_.summary.proposed);
    w_.end_object().end_object();
    w_.key("errors");
    diagnostics(r_.errors);
    w_.key("warnings");
    diagnostics(r_.warnings);
    if (with_timings) {
      const auto& t = r_.timings;
      w_.key("timings").begin_object();
      w_.key("clean_ms").value(t.clean_ms);
      w_.key("segment_ms").value(t.segment_ms);
      w_.key("entities_ms").value(t.entities_ms);
      w_.key("policy_ms").value(t.policy_ms);
      w_.key("total_ms").value(t.total_ms);
      w_.end_object();
    }
    w_.end_object();
    return w_.take();
  }

 private:
  void offsets(std::size_t start, std::size_t end) {
    w_.key("start").value(utf16_.at(start));
    w_.key("end").value(utf16_.at(end));
  }

  void span(const Span& s) {
    w_.begin_object();
    offsets(s.start, s.end);
    w_.key("text").value(s.text);
    w_.end_object();
  }

  void span(const std::optional<Span>& s) {
    if (s) {
      span(*s);
    } else {
      w_.null();
    }
  }

  void article() {
    const Article& a = r_.article;
    w_.begin_object();
    w_.key("title").string_or_null(a.title);
    w_.key("byline").string_or_null(a.byline);
    w_.key("published");
    if (a.published) {
      w_.value(*a.published);
    } else {
      w_.null();
    }
    w_.key("site").string_or_null(a.site);
    w_.key("lang").string_or_null(a.lang);
    w_.key("canonical_url").string_or_null(a.canonical_url);
    w_.key("lead_image").string_or_null(a.lead_image);
    w_.key("excerpt").string_or_null(a.excerpt);
    w_.key("readerable").value(a.readerable);
    w_.key("text").value(a.text);
    w_.key("blocks").begin_array();
    for (const auto& b : a.blocks) {
      w_.begin_object();
      w_.key("kind").value(to_string(b.kind));
      offsets(b.start, b.end);
      w_.key("level").value(b.level);
      w_.end_object();
    }
    w_.end_array();
    w_.key("html").value(a.html);
    w_.key("figures").begin_array();
    for (const auto& figure : a.figures) {
      w_.begin_object();
      w_.key("caption").string_or_null(figure.caption);
      w_.key("credit").string_or_null(figure.credit);
      w_.key("image").string_or_null(figure.image);
      w_.end_object();
    }
    w_.end_array();
    w_.key("removed").begin_array();
    for (const auto& removed : a.removed) {
      w_.begin_object().key("reason").value(removed.reason).key("text").value(removed.text).end_object();
    }
    w_.end_array();
    w_.end_object();
  }

  void entities() {
    w_.begin_array();
    for (const auto& e : r_.entities) {
      w_.begin_object();
      w_.key("type").value(to_string(e.type));
      w_.key("text").value(e.text);
      offsets(e.start, e.end);
      w_.key("id").value(e.id);
      w_.end_object();
    }
    w_.end_array();
  }

  void entity_groups() {
    w_.begin_array();
    for (const auto& g : r_.entity_groups) {
      w_.begin_object();
      w_.key("id").value(g.id);
      w_.key("type").value(to_string(g.type));
      w_.key("canonical").value(g.canonical);
      w_.key("count").value(g.count);
      w_.key("aliases").begin_array();
      for (const auto& alias : g.aliases) w_.value(alias);
      w_.end_array();
      w_.end_object();
    }
    w_.end_array();
  }

  void provisions() {
    w_.begin_array();
    for (const auto& p : r_.provisions) {
      w_.begin_object();
      w_.key("status").value(to_string(p.status));
      w_.key("sentence");
      span(p.sentence);
      w_.key("trigger");
      span(p.trigger);
      w_.key("actor");
      span(p.actor);
      w_.key("subject");
      span(p.subject);
      w_.key("action");
      span(p.action);
      w_.key("scopes").begin_array();
      for (const auto& s : p.scopes) {
        w_.begin_object();
        w_.key("kind").value(to_string(s.kind));
        offsets(s.span.start, s.span.end);
        w_.key("text").value(s.span.text);
        w_.end_object();
      }
      w_.end_array();
      w_.key("flags").begin_array();
      for (auto name : flag_names(p.flags)) w_.value(name);
      w_.end_array();
      w_.end_object();
    }
    w_.end_array();
  }

  void summary_items(const std::vector<SummaryItem>& items) {
    w_.begin_array();
    for (const auto& item : items) {
      w_.begin_object();
      w_.key("provision").value(item.provision);
      w_.key("status").value(to_string(item.status));
      w_.key("text").value(item.text);
      w_.end_object();
    }
    w_.end_array();
  }

  void diagnostics(const std::vector<Diagnostic>& list) {
    w_.begin_array();
    for (const auto& d : list) {
      w_.begin_object().key("code").value(to_string(d.code)).key("message").value(d.message).end_object();
    }
    w_.end_array();
  }

  const Report& r_;
  text::Utf16Index utf16_;
  report::JsonWriter w_;
};

}  // namespace

std::string to_json(const Report& report, bool with_timings, int indent) {
  return ReportWriter(report, indent).write(with_timings);
}

}  // namespace articlescope
