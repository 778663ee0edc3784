// The policy stage: statuses, roles, scopes and flags on minimal pairs and hard cases (sentences written
// for these tests), the lexicon format, and the two-column summary.
#include <articlescope/articlescope.hpp>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "policy/lexicon.hpp"
#include "policy/policy.hpp"
#include "text/segment.hpp"

using articlescope::Provision;
using articlescope::ScopeKind;
using articlescope::Status;

namespace {

// The policy stage alone, with no entity mentions (the stage must work without them).
std::vector<Provision> provisions_of(const std::string& text) {
  articlescope::Article article;
  article.text = text;
  const auto index = articlescope::text::segment(article.text, article.blocks);
  return articlescope::policy::extract(article, index, {});
}

// The whole pipeline on plain text (entities on), offsets into the input.
std::vector<Provision> analysed(const std::string& text) {
  articlescope::Options options;
  options.clean = false;
  options.format = articlescope::InputFormat::Text;
  return articlescope::analyse(text, options).provisions;
}

const Provision* find(const std::vector<Provision>& ps, Status status) {
  for (const auto& p : ps) {
    if (p.status == status) return &p;
  }
  return nullptr;
}

std::string text_of(const std::optional<articlescope::Span>& span) {
  return span ? span->text : std::string();
}

std::string scope_of(const Provision& p, ScopeKind kind) {
  for (const auto& s : p.scopes) {
    if (s.kind == kind) return s.span.text;
  }
  return {};
}

// Every span is an exact slice of the text it points into.
void check_offsets(const std::string& text, const std::vector<Provision>& ps) {
  const auto check = [&](const std::optional<articlescope::Span>& s) {
    if (!s) return;
    REQUIRE(s->end <= text.size());
    CHECK(text.substr(s->start, s->end - s->start) == s->text);
  };
  for (const auto& p : ps) {
    check(p.trigger);
    check(p.actor);
    check(p.subject);
    check(p.action);
    for (const auto& s : p.scopes) check(s.span);
  }
}

}  // namespace

TEST_CASE("minimal pairs: one sentence, five statuses", "[policy]") {
  SECTION("authorised: allowed, with actor, subject and action") {
    const std::string t = "The ministry authorised exporters to ship drones to Ruritania.";
    const auto ps = provisions_of(t);
    check_offsets(t, ps);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].status == Status::Allowed);
    CHECK(text_of(ps[0].trigger) == "authorised");
    CHECK(text_of(ps[0].actor) == "The ministry");
    CHECK(text_of(ps[0].subject) == "exporters");
    CHECK(text_of(ps[0].action) == "ship drones to Ruritania");
  }
  SECTION("still prohibits: a continuing ban, not a new one") {
    const std::string t = "The ministry still prohibits exporters from shipping drones to Ruritania.";
    const auto ps = provisions_of(t);
    check_offsets(t, ps);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].status == Status::Prohibited);
    CHECK(text_of(ps[0].actor) == "The ministry");
    CHECK(text_of(ps[0].subject) == "exporters");
    CHECK(text_of(ps[0].action) == "shipping drones to Ruritania");
  }
  SECTION("does not extend to: excluded") {
    const std::string t = "The ministry's licence does not extend to drone shipments to Ruritania.";
    const auto ps = provisions_of(t);
    check_offsets(t, ps);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].status == Status::Excluded);
    CHECK(text_of(ps[0].actor) == "The ministry's licence");
    CHECK(text_of(ps[0].action) == "drone shipments to Ruritania");
  }
  SECTION("lifted the ban on: lifted, the action is what the ban covered") {
    const std::string t = "The ministry lifted the ban on drone shipments to Ruritania.";
    const auto ps = provisions_of(t);
    check_offsets(t, ps);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].status == Status::Lifted);
    CHECK(text_of(ps[0].actor) == "The ministry");
    CHECK(text_of(ps[0].action) == "drone shipments to Ruritania");
  }
  SECTION("is weighing whether to allow: proposed") {
    const std::string t = "The ministry is weighing whether to allow exporters to ship drones to Ruritania.";
    const auto ps = provisions_of(t);
    check_offsets(t, ps);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].status == Status::Proposed);
    CHECK(text_of(ps[0].actor) == "The ministry");
    CHECK(text_of(ps[0].subject) == "exporters");
    CHECK(text_of(ps[0].action) == "ship drones to Ruritania");
  }
}

TEST_CASE("the mission example: allowed artillery, prohibited missiles, excluded drone strikes", "[policy]") {
  const std::string t =
      "The Dutch government has allowed Ukraine to use donated artillery against Russian positions just "
      "across "
      "the border near Kharkiv, still forbids long-range missiles for deep strikes, and says the decision "
      "does "
      "not cover drone strikes on refineries.";
  for (const auto& ps : {provisions_of(t), analysed(t)}) {
    check_offsets(t, ps);
    REQUIRE(ps.size() == 3);
    const Provision* allowed = find(ps, Status::Allowed);
    REQUIRE(allowed);
    CHECK(text_of(allowed->actor) == "The Dutch government");
    CHECK(text_of(allowed->subject) == "Ukraine");
    CHECK(text_of(allowed->action) == "use donated artillery");
    CHECK(scope_of(*allowed, ScopeKind::Target) == "against Russian positions");
    CHECK(scope_of(*allowed, ScopeKind::Location).find("across the border") != std::string::npos);
    const Provision* prohibited = find(ps, Status::Prohibited);
    REQUIRE(prohibited);
    CHECK(text_of(prohibited->trigger) == "forbids");
    CHECK(text_of(prohibited->actor) == "The Dutch government");
    CHECK(text_of(prohibited->action) == "long-range missiles");
    CHECK(scope_of(*prohibited, ScopeKind::Target) == "for deep strikes");
    const Provision* excluded = find(ps, Status::Excluded);
    REQUIRE(excluded);
    CHECK(text_of(excluded->action) == "drone strikes on refineries");
    // "the decision" is the government's decision
    CHECK(text_of(excluded->actor) == "The Dutch government");
  }
  const auto summary = articlescope::policy::summarise(provisions_of(t));
  REQUIRE(summary.allowed.size() == 1);
  REQUIRE(summary.prohibited.size() == 2);
  CHECK(summary.proposed.empty());
  CHECK(summary.allowed[0].text.find("use donated artillery") != std::string::npos);
  CHECK(summary.allowed[0].text.find("near Kharkiv") != std::string::npos);
  CHECK(summary.prohibited[0].text.find("long-range missiles for deep strikes") != std::string::npos);
  CHECK(summary.prohibited[1].status == Status::Excluded);
  CHECK(summary.prohibited[1].provision == 2);
}

TEST_CASE("typed scopes: restriction, location, condition, time, exception, instance", "[policy]") {
  auto ps = provisions_of("Residents may park on the street only on weekends.");
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].status == Status::Allowed);
  CHECK(text_of(ps[0].subject) == "Residents");
  CHECK(text_of(ps[0].action) == "park");
  CHECK(scope_of(ps[0], ScopeKind::Location) == "on the street");
  CHECK(scope_of(ps[0], ScopeKind::Restriction) == "only on weekends");

  ps = provisions_of("Visitors may bring cameras if they register at the desk.");
  REQUIRE(ps.size() == 1);
  CHECK(scope_of(ps[0], ScopeKind::Condition) == "if they register at the desk");

  ps = provisions_of("The regulator suspended the airline's licence for 90 days.");
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].status == Status::Imposed);
  CHECK(text_of(ps[0].actor) == "The regulator");
  CHECK(scope_of(ps[0], ScopeKind::Time) == "for 90 days");

  ps = provisions_of("The order bans all flights except medical evacuations.");
  REQUIRE(ps.size() == 2);
  CHECK(ps[0].status == Status::Prohibited);  // a rule states a standing ban
  CHECK(text_of(ps[0].action) == "all flights");
  CHECK(scope_of(ps[0], ScopeKind::Exception) == "except medical evacuations");
  CHECK(ps[1].status == Status::Excluded);  // the carve-out is a provision of its own
  CHECK(text_of(ps[1].subject) == "medical evacuations");

  ps =
      provisions_of("The government approved the delivery of air-defence systems such as Patriot batteries.");
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].status == Status::Allowed);
  CHECK(scope_of(ps[0], ScopeKind::Instance) == "such as Patriot batteries");
}

TEST_CASE("hard cases: negation, modality, two actions, coreference", "[policy]") {
  SECTION("double negation: not prohibited from") {
    const auto ps = provisions_of("Journalists are not prohibited from filming the hearing.");
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].status == Status::Allowed);
    CHECK(text_of(ps[0].subject) == "Journalists");
    CHECK(text_of(ps[0].action) == "filming the hearing");
    CHECK((ps[0].flags & articlescope::kNegated) != 0);
  }
  SECTION("negation stops at the clause boundary") {
    const auto ps =
        provisions_of("The court did not rule on the merits, but it allowed the clinic to reopen.");
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].status == Status::Allowed);
    CHECK(text_of(ps[0].subject) == "the clinic");
    CHECK((ps[0].flags & articlescope::kNegated) == 0);
  }
  SECTION("may: permission versus possibility") {
    CHECK(provisions_of("Prices may rise next year.").empty());
    const auto ps = provisions_of("Visitors may not bring cameras into the chamber.");
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].status == Status::Prohibited);
    const auto still = provisions_of("Visitors still cannot bring cameras into the chamber.");
    REQUIRE(still.size() == 1);
    CHECK(still[0].status == Status::Prohibited);
  }
  SECTION("one trigger, two actions") {
    const auto ps = provisions_of("The agency allowed farmers to sell raw milk and to export cheese.");
    REQUIRE(ps.size() == 2);
    CHECK(text_of(ps[0].action) == "sell raw milk");
    CHECK(text_of(ps[1].action) == "export cheese");
    CHECK(text_of(ps[1].trigger) == "allowed");
    CHECK(text_of(ps[1].subject) == "farmers");
  }
  SECTION("'the decision' points to the earlier sentence's actor") {
    const std::string t =
        "The defence ministry approved the sale of ten patrol boats to Norland. The decision does not cover "
        "the "
        "sale of attack helicopters.";
    const auto ps = provisions_of(t);
    check_offsets(t, ps);
    REQUIRE(ps.size() == 2);
    CHECK(ps[1].status == Status::Excluded);
    CHECK(text_of(ps[1].action) == "the sale of attack helicopters");
    REQUIRE(ps[1].actor);
    CHECK(ps[1].actor->start == 0);
    CHECK(ps[1].actor->text == "The defence ministry");
  }
  SECTION("a bill would bar: proposed") {
    const auto ps = provisions_of("A bill would bar lobbyists from serving on the board.");
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].status == Status::Proposed);
    CHECK(text_of(ps[0].actor) == "A bill");
    CHECK(text_of(ps[0].subject) == "lobbyists");
  }
  SECTION("new bans are imposed, lifted ones lifted, legal rules prohibit") {
    CHECK(provisions_of("Brussels froze the assets of five officials.").at(0).status == Status::Imposed);
    CHECK(provisions_of("The city ended its overnight curfew.").at(0).status == Status::Lifted);
    const auto law = provisions_of("State law forbids schools from selling soda.");
    REQUIRE(law.size() == 1);
    CHECK(law[0].status == Status::Prohibited);
    CHECK(text_of(law[0].actor) == "State law");
    CHECK(text_of(law[0].subject) == "schools");
  }
  SECTION("the old state is historical; the change is the provision") {
    const auto ps = provisions_of(
        "The city had previously restricted overnight parking, but the council lifted the restriction on "
        "Monday.");
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].status == Status::Lifted);
    CHECK(text_of(ps[0].actor) == "the council");
    CHECK(scope_of(ps[0], ScopeKind::Time) == "on Monday");
  }
}

TEST_CASE("permission words about other things are no provisions", "[policy]") {
  for (const std::string t :
       {"The governor's approval rating fell to 40 percent.", "They met at a bar near the station.",
        "The goalkeeper blocked a shot in the final minute.", "The stimulus will lift the economy.",
        "Ban Ki-moon visited the camp on Monday.", "The minister was cleared of wrongdoing by the inquiry.",
        "A weak currency allowed foreign rivals to undercut its prices."}) {
    INFO(t);
    CHECK(provisions_of(t).empty());
    CHECK(analysed(t).empty());
  }
}

TEST_CASE("bad input never crashes the policy stage", "[policy]") {
  CHECK(provisions_of("").empty());
  CHECK(provisions_of("ban ban ban ban ban").size() <= 5);
  std::string long_text;
  for (int i = 0; i < 3000; ++i) long_text += "not allowed, except ";
  CHECK_NOTHROW(provisions_of(long_text));
  CHECK_NOTHROW(provisions_of("\xff\xfe allowed \xe2\x80 to \xc3"));
}

TEST_CASE("the lexicon format: versions, verb forms, phrases", "[policy]") {
  using articlescope::policy::Lexicon;
  const Lexicon lex = Lexicon::parse(
      "# comment\nversion 7\n[verbs]\nforbid|forbids|forbade|forbidding|forbidden\nstrike down|strikes "
      "down|struck "
      "down|striking down\n[cues]\nwants to\n");
  CHECK(lex.version() == 7);
  const std::vector<std::string> words = {"they", "struck", "down", "the", "ban"};
  const auto m = lex.match_verb("verbs", words, 1);
  CHECK(m.length == 2);
  CHECK(m.lemma == "strike down");
  CHECK((m.forms & articlescope::policy::kPast) != 0);
  CHECK((m.forms & articlescope::policy::kParticiple) != 0);  // defaults to the past
  CHECK(lex.match_verb("verbs", {"forbidden"}, 0).forms == articlescope::policy::kParticiple);
  CHECK(lex.match("cues", {"she", "wants", "to", "go"}, 1) == 2);
  CHECK_FALSE(lex.has("cues", "wants"));  // a phrase, not a single word
  CHECK(Lexicon::embedded().version() > 0);
  CHECK(Lexicon::embedded().has("restriction_noun", "embargo"));
}

TEST_CASE("continuing passives, time carve-outs, times before infinitives", "[policy]") {
  auto ps = provisions_of("Heavy trucks remain barred from the old bridge.");
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].status == Status::Prohibited);
  CHECK(text_of(ps[0].action) == "Heavy trucks");
  CHECK(scope_of(ps[0], ScopeKind::Location) == "from the old bridge");

  ps = provisions_of("Cats are permitted in the lounge, except during the morning service.");
  REQUIRE(ps.size() == 1);  // a time exception leaves no party out
  CHECK(ps[0].status == Status::Allowed);
  CHECK(scope_of(ps[0], ScopeKind::Exception) == "except during the morning service");

  ps = provisions_of("The parish council voted on Monday to allow street traders to open on Sundays.");
  REQUIRE(ps.size() == 1);
  CHECK(text_of(ps[0].actor) == "The parish council");
  CHECK(text_of(ps[0].subject) == "street traders");

  ps = provisions_of("The regulator is considering whether to allow night flights from next year.");
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].status == Status::Proposed);
  CHECK(scope_of(ps[0], ScopeKind::Time) == "from next year");
}

TEST_CASE("the English lexicon is not applied to articles in other languages", "[policy]") {
  articlescope::Article article;
  article.text = "The ministry banned exports of grain to Ruritania.";
  const auto index = articlescope::text::segment(article.text, article.blocks);
  CHECK(articlescope::policy::extract(article, index, {}).size() == 1);
  article.lang = "en-GB";
  CHECK(articlescope::policy::extract(article, index, {}).size() == 1);
  article.lang = "es";
  CHECK(articlescope::policy::extract(article, index, {}).empty());
  CHECK(provisions_of("The festival takes place in May in the old town.").empty());
}

TEST_CASE("a decision as the clause subject resolves to the earlier decision-maker", "[policy]") {
  const std::string text =
      "The harbour authority will allow ferries to dock at the north pier, its director said on Friday. "
      "The decision lifts a ban on night crossings.";
  const auto ps = analysed(text);
  check_offsets(text, ps);
  const Provision* lifted = find(ps, Status::Lifted);
  REQUIRE(lifted != nullptr);
  CHECK(text_of(lifted->actor) == "The harbour authority");
}

TEST_CASE("a reduced relative clause's pronoun stays out of a restriction's complement", "[policy]") {
  const auto ps = provisions_of("Norland is the second state to ease limits on tractors it has exported.");
  const Provision* lifted = find(ps, Status::Lifted);
  REQUIRE(lifted != nullptr);
  CHECK(text_of(lifted->action) == "tractors");
}

TEST_CASE("a plural noun after 'and' is a coordinated subject, not a prohibition verb", "[policy]") {
  const auto ps = provisions_of(
      "The board agreed to allow bakeries and bars in the market square to stay open until 2 am from June "
      "3.");
  const Provision* allowed = find(ps, Status::Allowed);
  REQUIRE(allowed != nullptr);
  CHECK(text_of(allowed->subject) == "bakeries and bars in the market square");
  CHECK(text_of(allowed->action) == "stay open");
  CHECK(scope_of(*allowed, ScopeKind::Time) == "until 2 am");
  CHECK(find(ps, Status::Prohibited) == nullptr);
}

TEST_CASE("'the change would not apply to X' is an exclusion by the earlier decision-maker", "[policy]") {
  const std::string text =
      "The district board voted to allow kiosks to sell hot food after 10 pm, the chair said. "
      "She said the change would not apply to kiosks near the station.";
  const auto ps = analysed(text);
  check_offsets(text, ps);
  const Provision* excluded = find(ps, Status::Excluded);
  REQUIRE(excluded != nullptr);
  CHECK(text_of(excluded->actor) == "The district board");
  CHECK(text_of(excluded->action) == "kiosks");
  CHECK(scope_of(*excluded, ScopeKind::Location) == "near the station");
}

TEST_CASE("sentences cut off right after 'to' or 'from' are read safely", "[policy]") {
  // Found by fuzz/fuzz_analyse: the word after "to" (or after "let") was read past the end of the sentence.
  for (const std::string text :
       {"Residents are allowed to", "The council allowed vendors to", "Vendors are barred from",
        "Kiosks were permitted to\n\nNext", "The council will let", "The ministry let"}) {
    const auto found = provisions_of(text);
    for (const Provision& p : found) {
      CHECK(p.sentence.start <= p.sentence.end);
      CHECK(p.sentence.end <= text.size());
      if (p.action) CHECK(p.action->end <= text.size());
    }
  }
  // The complete sentence still reads as a permission.
  const auto complete = provisions_of("Residents are allowed to park on Main Street.");
  REQUIRE_FALSE(complete.empty());
  CHECK(complete.front().status == articlescope::Status::Allowed);
}

TEST_CASE("'X is the third country to ease limits': the actor is X, not 'the third'", "[policy]") {
  const std::string text =
      "Estmark is the third country to ease limits on weapons it has supplied, officials said.";
  const auto ps = analysed(text);
  check_offsets(text, ps);
  const Provision* lifted = find(ps, Status::Lifted);
  REQUIRE(lifted != nullptr);
  CHECK(text_of(lifted->actor) == "Estmark");
  const std::string first = "Germany became the first EU country to allow the use of its tanks.";
  const auto ps2 = analysed(first);
  const Provision* allowed = find(ps2, Status::Allowed);
  REQUIRE(allowed != nullptr);
  CHECK(text_of(allowed->actor) == "Germany");
}

TEST_CASE("'lifts a restriction that had kept X from Y-ing': X is the subject and Y the action", "[policy]") {
  const std::string text =
      "The decision lifts a restriction that had kept the howitzers, delivered since last spring, from being "
      "fired at targets on Rusovian soil.";
  const auto ps = analysed(text);
  check_offsets(text, ps);
  const Provision* lifted = find(ps, Status::Lifted);
  REQUIRE(lifted != nullptr);
  CHECK(text_of(lifted->subject) == "the howitzers");
  CHECK(text_of(lifted->action) == "fired");
  const auto taxis = analysed("The city lifted a ban that prevented taxis from using bus lanes.");
  const Provision* lane = find(taxis, Status::Lifted);
  REQUIRE(lane != nullptr);
  CHECK(text_of(lane->subject) == "taxis");
  CHECK(text_of(lane->action) == "using bus lanes");
}

TEST_CASE("striking down a rule that banned X lifts X; ', ruling that' ends a scope", "[policy]") {
  const std::string text =
      "The Supreme Court on Wednesday struck down a city ordinance that banned all street protests in the "
      "old "
      "town, ruling that the blanket prohibition violated the right of assembly.";
  const auto ps = analysed(text);
  check_offsets(text, ps);
  REQUIRE(ps.size() == 1);  // the ordinance's ban is what is lifted, not a prohibition of its own
  CHECK(ps[0].status == Status::Lifted);
  CHECK(text_of(ps[0].actor) == "The Supreme Court");
  CHECK(text_of(ps[0].action) == "all street protests");
  REQUIRE(ps[0].scopes.size() == 1);
  CHECK(ps[0].scopes[0].span.text == "in the old town");
}

TEST_CASE("'the ruling does not apply to X' goes to the last named decision-maker, not to a pronoun",
          "[policy]") {
  const std::string text =
      "In a 5-2 decision, the court said the city may still require organisers to register marches at least "
      "48 "
      "hours in advance, and may restrict amplified sound after 10 p.m.\n\nWriting for the majority, Chief "
      "Justice Elin Marsh said a city \u201cmay regulate the time, place and manner of a protest, but it may "
      "not "
      "forbid protest itself.\u201d\n\nThe ruling does not apply to the area around the parliament building.";
  const auto ps = analysed(text);
  check_offsets(text, ps);
  const Provision* excluded = find(ps, Status::Excluded);
  REQUIRE(excluded != nullptr);
  CHECK(text_of(excluded->actor) == "the court");
}

TEST_CASE("'freeze X and ban Y from Z' is two provisions; a long attribution ends the action", "[policy]") {
  const std::string text =
      "The measures freeze the companies' assets in the bloc and ban the tankers from entering Union ports, "
      "the Council of the Northern Union said in a statement.";
  const auto ps = analysed(text);
  check_offsets(text, ps);
  const Provision* imposed = find(ps, Status::Imposed);
  REQUIRE(imposed != nullptr);
  CHECK(text_of(imposed->action) == "the companies' assets in the bloc");
  CHECK_FALSE(imposed->subject.has_value());
  const Provision* banned = find(ps, Status::Prohibited);
  REQUIRE(banned != nullptr);
  CHECK(text_of(banned->subject) == "the tankers");
  CHECK(text_of(banned->action) == "entering Union ports");
}

TEST_CASE("'X proposed that the agency extend approval to Y' is a proposal; ', for whom' ends a subject",
          "[policy]") {
  const auto ps =
      analysed("Patient groups proposed that the agency extend approval to adults with severe asthma.");
  const Provision* proposed = find(ps, Status::Proposed);
  REQUIRE(proposed != nullptr);
  CHECK(text_of(proposed->action) == "adults with severe asthma");
  CHECK(find(ps, Status::Allowed) == nullptr);
  const auto excluded = analysed(
      "The approval does not cover children under six, for whom the company has not yet submitted trial "
      "data.");
  const Provision* not_covered = find(excluded, Status::Excluded);
  REQUIRE(not_covered != nullptr);
  CHECK(text_of(not_covered->subject) == "children under six");
}

TEST_CASE("'X, Y and Z are exempt from the ban': the whole list is not covered, and no prohibition",
          "[policy]") {
  const std::string text = "Shipments of food, medicine and fertiliser are exempt from the port ban.";
  const auto ps = analysed(text);
  check_offsets(text, ps);
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].status == Status::Excluded);
  CHECK(text_of(ps[0].subject) == "Shipments of food, medicine and fertiliser");
  CHECK(text_of(ps[0].action) == "the port ban");
}
