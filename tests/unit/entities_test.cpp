// Entity stage: each recogniser (DATE, MONEY, QUANTITY, WEAPON, NORP), the tagger (PERSON/ORG/LOCATION,
// also in lower case and capitals), overlap rules, and each linking rule. Sentences written for these tests.
#include "entities/entities.hpp"
#include "entities/linking.hpp"
#include "entities/tagger.hpp"
#include "text/segment.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace articlescope;
using articlescope::entities::Result;

namespace {

Result run(const std::string& text) {
  Article article;
  article.text = text;
  return entities::extract(article, text::segment(article.text, {}));
}

// The type of the mention with exactly this text, or "" when there is none.
std::string type_of(const Result& r, const std::string& mention) {
  for (const Entity& e : r.mentions) {
    if (e.text == mention) return std::string(to_string(e.type));
  }
  return "";
}

const EntityGroup* group_of(const Result& r, const std::string& mention) {
  for (const Entity& e : r.mentions) {
    if (e.text == mention) return &r.groups.at(static_cast<std::size_t>(e.id));
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the embedded model and gazetteer load") {
  CHECK(entities::embedded_tagger().loaded());
  CHECK(entities::embedded_tagger().rows() > 1000);
  CHECK(entities::embedded_gazetteer().size() > 1000);
}

TEST_CASE("a malformed model is refused, never crashes") {
  entities::Tagger t;
  CHECK_FALSE(t.load(""));
  CHECK_FALSE(t.load(learn::kModelMagic));
  CHECK_FALSE(t.load("not a model at all"));
  std::string truncated(learn::kModelMagic);
  truncated += std::string("\x01\0\0\0NER1\x14\0\0\0\x11\0\0\0", 16);
  CHECK_FALSE(t.load(truncated));
  CHECK_FALSE(t.loaded());
}

TEST_CASE("a model written by encode_model loads and scores") {
  std::vector<float> transitions(entities::kModelShape.extras, 0.0f);
  const std::vector<std::uint32_t> rows = {3, 70, 4095};
  std::vector<float> weights(rows.size() * entities::kNumTags, 0.0f);
  weights[1] = 2.0f;
  weights[entities::kNumTags + 5] = -1.0f;
  const std::string bytes = learn::encode_model(entities::kModelShape, 12, transitions, rows, weights);
  entities::Tagger t;
  REQUIRE(t.load(bytes));
  CHECK(t.rows() == 3);
  CHECK(t.bucket_bits() == 12);
  // One byte more or less is malformed.
  CHECK_FALSE(entities::Tagger().load(bytes + "x"));
  CHECK_FALSE(entities::Tagger().load(bytes.substr(0, bytes.size() - 1)));
  // A model of another kind is refused.
  learn::ModelShape other = entities::kModelShape;
  other.kind = learn::model_kind("POS1");
  CHECK_FALSE(entities::Tagger().load(learn::encode_model(other, 12, transitions, rows, weights)));
}

TEST_CASE("viterbi never produces an ill-formed BILOU sequence") {
  using namespace entities;
  std::vector<float> transitions((kNumTags + 1) * kNumTags, 0.0f);
  // Emissions that favour I-PER everywhere: the decoder must still open and close the entity.
  std::vector<float> emissions(3 * kNumTags, 0.0f);
  for (int i = 0; i < 3; ++i)
    emissions[static_cast<std::size_t>(i * kNumTags + tag_of(Bilou::I, NerType::Per))] = 5.0f;
  std::vector<int> tags, back;
  std::vector<float> scratch;
  viterbi(emissions.data(), 3, transitions.data(), tags, scratch, back);
  REQUIRE(tags.size() == 3);
  int prev = -1;
  for (int t : tags) {
    CHECK(transition_allowed(prev, t));
    prev = t;
  }
  CHECK(final_allowed(prev));
}

TEST_CASE("viterbi returns the best-scoring well-formed sequence, scored as it adds up") {
  using namespace entities;
  std::uint64_t state = 7;
  const auto next_float = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<float>(static_cast<int>((state >> 33) % 2001) - 1000) / 97.0f;
  };
  for (std::size_t n = 1; n <= 3; ++n) {
    std::vector<float> transitions((kNumTags + 1) * kNumTags), emissions(n * kNumTags);
    for (float& t : transitions) t = next_float();
    for (float& e : emissions) e = next_float();
    std::vector<int> tags, back;
    std::vector<float> scratch;
    viterbi(emissions.data(), n, transitions.data(), tags, scratch, back);
    // Exhaustive search over every well-formed sequence, summed in the decoder's order.
    float best = -1e38f;
    std::vector<int> best_tags, path(n, 0);
    std::size_t combinations = 1;
    for (std::size_t i = 0; i < n; ++i) combinations *= kNumTags;
    for (std::size_t code = 0; code < combinations; ++code) {
      std::size_t c = code;
      for (std::size_t i = 0; i < n; ++i, c /= kNumTags) path[i] = static_cast<int>(c % kNumTags);
      bool ok = final_allowed(path.back());
      float score = 0.0f;
      for (std::size_t i = 0; i < n && ok; ++i) {
        const int prev = i == 0 ? -1 : path[i - 1];
        ok = transition_allowed(prev, path[i]);
        score = (i == 0 ? transitions[static_cast<std::size_t>(path[0])]
                        : score + transitions[static_cast<std::size_t>((prev + 1) * kNumTags + path[i])]) +
                emissions[i * kNumTags + static_cast<std::size_t>(path[i])];
      }
      if (ok && score > best) {
        best = score;
        best_tags = path;
      }
    }
    CHECK(tags == best_tags);
  }
}

TEST_CASE("tagging distinct words once gives the same spans as describing every token") {
  const std::string text =
      "Chancellor Olaf Scholz met Olaf Scholz's ministers in Berlin. Berlin said Scholz would visit Paris, "
      "and Paris said Macron and Scholz would meet in Berlin on Monday. scholz OLAF SCHOLZ berlin.";
  const text::TextIndex index = text::segment(text, {});
  std::vector<std::string_view> words;
  std::vector<entities::WordInfo> described;
  for (const text::Token& t : index.tokens) {
    words.push_back(std::string_view(text).substr(t.start, t.end - t.start));
    described.push_back(entities::describe(words.back()));
  }
  std::vector<std::pair<std::size_t, std::size_t>> sentences;
  for (const text::Sentence& s : index.sentences) sentences.emplace_back(s.first_token, s.last_token);
  std::vector<entities::TaggedSpan> shared, separate;
  const auto& tagger = entities::embedded_tagger();
  tagger.tag(words, sentences, entities::embedded_gazetteer(), shared);
  tagger.tag_described(described, sentences, entities::embedded_gazetteer(), separate);
  REQUIRE(shared.size() >= 6);
  REQUIRE(shared.size() == separate.size());
  for (std::size_t k = 0; k < shared.size(); ++k) {
    CHECK(shared[k].first == separate[k].first);
    CHECK(shared[k].last == separate[k].last);
    CHECK(shared[k].type == separate[k].type);
  }
}

TEST_CASE("gazetteer features find a long phrase whose beginning is no phrase") {
  using namespace entities;
  Gazetteer g;
  g.add_text("LOC\tPort Moresby Harbour Road\nORG\tHarbour Road\n");
  CHECK(g.size() == 2);
  CHECK(g.lookup_key(Gazetteer::extend(Gazetteer::start_key(), hash_bytes("port"))) == 0);
  std::vector<WordInfo> words;
  for (const char* w : {"near", "Port", "Moresby", "Harbour", "Road", "today"}) words.push_back(describe(w));
  std::vector<std::uint32_t> gaz;
  gazetteer_features(words, 0, words.size(), g, gaz);
  const auto loc = [](int pos) { return 1u << (0 * 4 + pos); };  // kGazLoc is class 0; B=0 I=1 L=2 U=3
  const auto org = [](int pos) { return 1u << (3 * 4 + pos); };  // kGazOrg is class 3
  CHECK(gaz == std::vector<std::uint32_t>{0, loc(0), loc(1), loc(1) | org(0), loc(2) | org(2), 0});
}

TEST_CASE("tagger finds people, organisations and places") {
  const Result r =
      run("Chancellor Olaf Scholz met executives of Siemens and Volkswagen in Berlin on Monday, "
          "a spokeswoman for the German government said.");
  CHECK(type_of(r, "Olaf Scholz") == "PERSON");
  CHECK(type_of(r, "Siemens") == "ORG");
  CHECK(type_of(r, "Volkswagen") == "ORG");
  CHECK(type_of(r, "Berlin") == "LOCATION");
  CHECK(type_of(r, "German") == "NORP");
}

TEST_CASE("tagger survives lower-cased text and all-caps headlines") {
  const Result lower =
      run("yesterday angela merkel told reporters in paris that the european union would act.");
  CHECK(type_of(lower, "angela merkel") == "PERSON");
  CHECK(type_of(lower, "paris") == "LOCATION");
  const Result caps =
      run("PUTIN WARNS NATO OVER MISSILES IN POLAND\n\nVladimir Putin said on Friday that NATO "
          "was provoking Russia.");
  CHECK(type_of(caps, "POLAND") == "LOCATION");
  CHECK(type_of(caps, "Vladimir Putin") == "PERSON");
  CHECK(type_of(caps, "Russia") == "LOCATION");
}

TEST_CASE("sentence-initial capitals are not names by themselves") {
  const Result r = run("Officials in Warsaw declined to comment. Prices rose again in March.");
  CHECK(type_of(r, "Officials") == "");
  CHECK(type_of(r, "Prices") == "");
  CHECK(type_of(r, "Warsaw") == "LOCATION");
}

TEST_CASE("DATE recogniser") {
  const Result r =
      run("The deal was signed on May 30, after talks last Tuesday and a draft dated 2024-05-30. "
          "It takes effect on 1 June 2025 and expires in 2027. The rules date from the 1990s; "
          "three weeks ago nobody expected this, and this week the mood changed. Theresa May may "
          "comment tomorrow.");
  CHECK(type_of(r, "May 30") == "DATE");
  CHECK(type_of(r, "last Tuesday") == "DATE");
  CHECK(type_of(r, "2024-05-30") == "DATE");
  CHECK(type_of(r, "1 June 2025") == "DATE");
  CHECK(type_of(r, "2027") == "DATE");
  CHECK(type_of(r, "1990s") == "DATE");
  CHECK(type_of(r, "three weeks ago") == "DATE");
  CHECK(type_of(r, "this week") == "DATE");
  CHECK(type_of(r, "tomorrow") == "DATE");
  CHECK(type_of(r, "may") == "");  // the verb
}

TEST_CASE("MONEY recogniser") {
  const Result r =
      run("Washington pledged $275 million, Brussels \xE2\x82\xAC"
          "3bn and London \xC2\xA3"
          "500m, "
          "while Tokyo offered 2 billion yen and a donor gave US$40,000.");
  CHECK(type_of(r, "$275 million") == "MONEY");
  CHECK(type_of(r,
                "\xE2\x82\xAC"
                "3bn") == "MONEY");
  CHECK(type_of(r,
                "\xC2\xA3"
                "500m") == "MONEY");
  CHECK(type_of(r, "2 billion yen") == "MONEY");
  CHECK(type_of(r, "US$40,000") == "MONEY");
}

TEST_CASE("QUANTITY recogniser") {
  const Result r =
      run("The column advanced 19 miles, about 30 km, and 4,000 troops crossed a 300km stretch; "
          "turnout was 61 percent and two hundred civilians left.");
  CHECK(type_of(r, "19 miles") == "QUANTITY");
  CHECK(type_of(r, "30 km") == "QUANTITY");
  CHECK(type_of(r, "4,000 troops") == "QUANTITY");
  CHECK(type_of(r, "300km") == "QUANTITY");
  CHECK(type_of(r, "61 percent") == "QUANTITY");
  CHECK(type_of(r, "two hundred civilians") == "QUANTITY");
}

TEST_CASE("WEAPON recogniser: gazetteer names, headed names and designations") {
  const Result r =
      run("Kyiv asked for ATACMS missiles, more HIMARS, F-16 fighter jets and Patriot air-defence "
          "systems; Russia used Su-34 bombers and an M142 was seen near the line.");
  CHECK(type_of(r, "ATACMS missiles") == "WEAPON");
  CHECK(type_of(r, "HIMARS") == "WEAPON");
  CHECK(type_of(r, "F-16 fighter jets") == "WEAPON");
  CHECK(type_of(r, "Patriot air-defence systems") == "WEAPON");
  CHECK(type_of(r, "Su-34 bombers") == "WEAPON");
  CHECK(type_of(r, "M142") == "WEAPON");
}

TEST_CASE("WEAPON names that need a weapon noun stay quiet without one") {
  const Result r = run("The Patriot Act was debated while Abrams spoke to the Apache tribe council.");
  for (const Entity& e : r.mentions) CHECK(e.type != EntityType::Weapon);
  const Result with_noun = run("The army received 31 Abrams tanks.");
  CHECK(type_of(with_noun, "Abrams tanks") == "WEAPON");
}

TEST_CASE("WEAPON: common military nouns, and unknown names before a military noun") {
  const Result r =
      run("The government lets Kordavia fire donated artillery and howitzers, but not the long-range Strix "
          "missiles; drone strikes are not covered, and Russian missiles hit the port.");
  CHECK(type_of(r, "artillery") == "WEAPON");
  CHECK(type_of(r, "howitzers") == "WEAPON");
  CHECK(type_of(r, "Strix missiles") == "WEAPON");
  CHECK(type_of(r, "drone") == "WEAPON");
  CHECK(type_of(r, "Russian") == "NORP");  // a known nationality stays one
  CHECK(type_of(r, "missiles") == "WEAPON");
  // Names before nouns that are not only military stay what the tagger says.
  const Result civil =
      run("The delivery of Volvo vehicles, Airbus aircraft and Gulfstream jets was delayed, and a delivery "
          "drone filmed the drone footage, officials said.");
  for (const Entity& e : civil.mentions) CHECK(e.type != EntityType::Weapon);
}

TEST_CASE("WEAPON classes: improvised weapons, platforms and warships by their head noun") {
  const Result r =
      run("A car bomb and two IEDs hit the convoy; the militia fired mortars and a heavy machine gun, and "
          "the frigate HMS Dunmere shelled unmanned aerial vehicles.");
  CHECK(type_of(r, "car bomb") == "WEAPON");
  CHECK(type_of(r, "IEDs") == "WEAPON");
  CHECK(type_of(r, "mortars") == "WEAPON");  // an ambiguous head, with military words in its sentence
  CHECK(type_of(r, "heavy machine gun") == "WEAPON");
  CHECK(type_of(r, "HMS Dunmere") == "WEAPON");
  CHECK(type_of(r, "unmanned aerial vehicles") == "WEAPON");
  CHECK(type_of(r, "frigate") == "");  // the ship's class before its name is not a second mention
}

TEST_CASE("WEAPON classes: events, sport and civil uses of weapon words are not weapons") {
  for (const char* text : {"An air strike and a series of attacks closed the airport.",
                           "The fighter from Ostrava defended her title in the fifth round.",
                           "The think tank said the shell company paid for the bomb squad's van.",
                           "Fishermen carried a tank of fuel and used drones to find the shoals.",
                           "The Riverside Jets signed a new goalkeeper."}) {
    const Result r = run(text);
    for (const Entity& e : r.mentions) {
      INFO(text);
      CHECK(e.type != EntityType::Weapon);
    }
  }
}

TEST_CASE("Title Case headlines are their own casing mode") {
  using entities::SentenceCase;
  const auto casing = [](std::initializer_list<const char*> words) {
    std::vector<entities::WordInfo> described;
    for (const char* w : words) described.push_back(entities::describe(w));
    return entities::sentence_case(described, 0, described.size());
  };
  CHECK(casing({"Central", "Bank", "Holds", "Rates", "Steady", "as", "Prices", "Cool"}) ==
        SentenceCase::Title);
  CHECK(casing({"Talks", "on", "the", "Border", "Resume"}) == SentenceCase::Title);
  CHECK(casing({"The", "bank", "held", "rates", "steady", "in", "Oslo"}) == SentenceCase::Normal);
  CHECK(casing({"BANK", "HOLDS", "RATES"}) == SentenceCase::Upper);
  CHECK(casing({"bank", "holds", "rates"}) == SentenceCase::Lower);
}

TEST_CASE("a line break ends the tagger's sentence: rows and headlines do not merge into one name") {
  const Result r = run("Weather in Lisbon\nMadrid\nRome\nAthens 31 degrees");
  for (const Entity& e : r.mentions) {
    INFO(e.text);
    CHECK(e.text.find('\n') == std::string::npos);
  }
}

TEST_CASE("NORP: nationalities and groups") {
  const Result r = run("Ukrainian and Russian officials met Palestinians and Israelis in Cairo.");
  CHECK(type_of(r, "Ukrainian") == "NORP");
  CHECK(type_of(r, "Russian") == "NORP");
  CHECK(type_of(r, "Palestinians") == "NORP");
  CHECK(type_of(r, "Israelis") == "NORP");
}

TEST_CASE("mentions are sorted, non-overlapping and carry exact offsets") {
  const std::string text =
      "On May 30 President Joe Biden approved $275 million for HIMARS launchers in Poland.";
  const Result r = run(text);
  REQUIRE_FALSE(r.mentions.empty());
  std::size_t prev_end = 0;
  for (const Entity& e : r.mentions) {
    CHECK(e.start >= prev_end);
    CHECK(e.end > e.start);
    CHECK(text.substr(e.start, e.end - e.start) == e.text);
    CHECK(e.id >= 0);
    CHECK(static_cast<std::size_t>(e.id) < r.groups.size());
    prev_end = e.end;
  }
}

TEST_CASE("linking: a surname joins the full name, titles are not part of the canonical name") {
  const Result r =
      run("President Joe Biden spoke on Monday. Later, Biden said the plan would work, and "
          "Mr. Biden repeated it.");
  const EntityGroup* g = group_of(r, "Biden");
  REQUIRE(g != nullptr);
  CHECK(g->type == EntityType::Person);
  CHECK(g->canonical == "Joe Biden");
  CHECK(g->count == 3);
  CHECK(g == group_of(r, "Joe Biden"));
}

TEST_CASE("linking: an acronym joins its long form") {
  const Result r =
      run("The National Security Council met on Friday. The NSC said it would publish a report, "
          "and an NSC official confirmed it.");
  const EntityGroup* g = group_of(r, "NSC");
  REQUIRE(g != nullptr);
  CHECK(g->canonical == "National Security Council");
  CHECK(g->count == 3);
  CHECK(std::find(g->aliases.begin(), g->aliases.end(), "NSC") != g->aliases.end());
}

TEST_CASE("linking: two people with one surname stay apart; a surname joins the nearest") {
  const Result r =
      run("Hunter Smith and Laura Smith both spoke. Laura Smith said she would resign, and Smith "
          "later confirmed it.");
  const EntityGroup* hunter = group_of(r, "Hunter Smith");
  const EntityGroup* laura = group_of(r, "Laura Smith");
  REQUIRE(hunter != nullptr);
  REQUIRE(laura != nullptr);
  CHECK(hunter != laura);
  CHECK(group_of(r, "Smith") == laura);
}

TEST_CASE("linking helpers") {
  CHECK(entities::initials("National Security Council") == "NSC");
  CHECK(entities::initials("Organization of the Petroleum Exporting Countries") == "OPEC");
  CHECK(entities::strip_titles("President Joe Biden") == "Joe Biden");
  CHECK(entities::strip_titles("Lt. Col. Jane Smith") == "Jane Smith");
  CHECK(entities::strip_titles("Smith") == "Smith");
}

TEST_CASE("linking: groups count mentions and keep distinct aliases") {
  std::vector<Entity> mentions = {
      {EntityType::Location, 0, 13, "United States", 0},
      {EntityType::Location, 20, 24, "U.S.", 0},
      {EntityType::Location, 30, 32, "US", 0},
      {EntityType::Date, 40, 46, "May 30", 0},
  };
  const auto groups = entities::link(mentions);
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].canonical == "United States");
  CHECK(groups[0].count == 3);
  CHECK(groups[0].aliases.size() == 2);
  CHECK(mentions[1].id == 0);
  CHECK(mentions[3].id == 1);
}

TEST_CASE("entity stage survives empty, binary and huge input") {
  CHECK(run("").mentions.empty());
  std::string junk;
  for (int i = 0; i < 20000; ++i) junk += static_cast<char>((i * 131) % 256);
  const Result r = run(junk);
  for (const Entity& e : r.mentions) CHECK(e.end <= junk.size());
  std::string big;
  for (int i = 0; i < 3000; ++i) big += "Smith met Jones in Paris. ";
  const Result b = run(big);
  CHECK(b.mentions.size() >= 3000);
}
