// clean::judge_hints and its per-document memory HintJudge: class/id/role/itemprop hints of boilerplate.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "clean/boilerplate.hpp"
#include "html/dom.hpp"

using articlescope::clean::HintJudge;
using articlescope::clean::HintVerdict;
using articlescope::clean::judge_hints;
using articlescope::html::Node;
using articlescope::html::Tag;

namespace {
// Attribute values are views (into a Document's storage when parsed): here, into the callers' string
// literals.
Node element(std::string_view cls, std::string_view id = "", std::string_view role = "") {
  Node node;
  node.tag = Tag::Div;
  if (!cls.empty()) node.attributes.push_back({"class", cls});
  if (!id.empty()) node.attributes.push_back({"id", id});
  if (!role.empty()) node.attributes.push_back({"role", role});
  return node;
}
std::string reason(const Node& node) { return std::string(judge_hints(node).reason); }
}  // namespace

TEST_CASE("hint patterns: the first matching kind wins, short words match whole tokens only", "[clean]") {
  CHECK(reason(element("comment-list")) == "comments");
  CHECK(reason(element("Share-Bar")) == "share");
  CHECK(reason(element("ad")) == "ad");
  CHECK(reason(element("header-ad-slot")).empty() == false);  // "ad-slot" is a substring pattern
  CHECK(reason(element("shadow")) == "");                     // "ad" is a whole-token pattern
  CHECK(reason(element("masthead")) == "navigation");
  CHECK(reason(element("", "", "navigation")) == "navigation");
  // Order: "comment" comes before "share" in the pattern list, whatever the order in the class attribute.
  CHECK(reason(element("share-tools comment-count")) == "comments");
  // A whole-token pattern earlier in the list beats a later substring pattern.
  CHECK(reason(element("reply sponsor")) == "comments");
}

TEST_CASE("hint patterns: commentary, taxonomy classes and content classes", "[clean]") {
  CHECK(reason(element("commentary")) == "");               // an opinion piece
  CHECK(reason(element("commentary comment-list")) == "");  // judged at the first "comment" only
  CHECK(reason(element("comment-list commentary")) == "comments");
  CHECK(reason(element("category-newsletter")) == "");  // a WordPress topic class, not a page part
  const HintVerdict body = judge_hints(element("article-body"));
  CHECK(body.strong_content);
  CHECK(body.weight == 50);  // "article" is positive and "article-body" strong
  CHECK(judge_hints(element("related-content")).weight == 0);  // positive and negative cancel
  CHECK(reason(element("related-content")) == "related");
}

TEST_CASE("hint patterns: the author's box however its name is joined", "[clean]") {
  for (const char* name : {"author-box", "author_box", "authorbox", "about-author", "about_author"})
    CHECK(reason(element(name)) == "byline");
  CHECK(reason(element("author")) == "");  // the byline itself is not a box to drop
}

TEST_CASE("HintJudge gives judge_hints' verdict, also for repeated and empty hints", "[clean]") {
  HintJudge judge;
  // Elements that share class names (in another order, with another id) are still judged one by one.
  for (int round = 0; round < 2; ++round) {
    for (const Node& node : {element("comment-list"), element("story-body"), element(""), element("x", "nav"),
                             element("x", "", "nav"), element("ad"), element("a d"),
                             element("commentary comment-list"), element("comment-list commentary"),
                             element("commentary", "comments-42"), element("story-body ad", "sidebar"),
                             element("ad story-body"), element("Related  News\tcategory-ads", "post-1")}) {
      const HintVerdict expected = judge_hints(node);
      const HintVerdict got = judge.judge(node);
      CHECK(got.reason == expected.reason);
      CHECK(got.weight == expected.weight);
      CHECK(got.strong_content == expected.strong_content);
    }
  }
}

TEST_CASE("share links and boilerplate phrases are found anywhere in the text", "[clean][hints]") {
  using articlescope::clean::boilerplate_text_kind;
  using articlescope::clean::is_share_url;
  CHECK(is_share_url("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.org%2Fa"));
  CHECK(is_share_url("https://twitter.com/intent/tweet?text=Ferries"));
  CHECK(is_share_url("mailto:?subject=Ferries%20at%20night"));
  CHECK(is_share_url("https://wa.me/?text=ferries"));
  CHECK_FALSE(is_share_url("mailto:desk@example.org"));
  CHECK_FALSE(is_share_url("https://example.org/news/harbour-board-lets-ferries-dock-at-night"));
  CHECK_FALSE(is_share_url("https://www.facebook.com/ExampleGazette"));
  CHECK_FALSE(is_share_url(""));
  // A phrase in the middle of a short block; the first one in the table's order decides.
  CHECK(boilerplate_text_kind("Photos and text: all rights reserved by the Example Gazette.") == "legal");
  CHECK(boilerplate_text_kind("Tips? Join our WhatsApp group for the latest ferry times.") == "newsletter");
  CHECK(boilerplate_text_kind("The harbour board met on Tuesday and allowed night ferries.").empty());
  CHECK(boilerplate_text_kind("").empty());
}
