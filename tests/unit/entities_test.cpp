// Entity stage: each recogniser (DATE, MONEY, QUANTITY, WEAPON, NORP), the tagger (PERSON/ORG/LOCATION,
// also in lower case and capitals), overlap rules, and each linking rule. Sentences written for these tests.
#include "entities/entities.hpp"
#include "data.hpp"
#include "entities/linking.hpp"
#include "entities/tagger.hpp"
#include "text/segment.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

ARTICLESCOPE_EMBEDDED(word_clusters_bin)

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

// CHECKs that none of the texts has a WEAPON mention.
void check_no_weapons(std::initializer_list<const char*> texts) {
  for (const char* text : texts) {
    const Result r = run(text);
    for (const Entity& e : r.mentions) {
      INFO(text << "\n  " << e.text);
      CHECK(e.type != EntityType::Weapon);
    }
  }
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
  std::vector<int> tags;
  std::vector<float> scratch;
  viterbi(emissions.data(), 3, transitions.data(), tags, scratch);
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
    std::vector<int> tags;
    std::vector<float> scratch;
    viterbi(emissions.data(), n, transitions.data(), tags, scratch);
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

TEST_CASE("viterbi breaks ties as a plain loop over the allowed predecessors in ascending order does") {
  // Small whole-number scores make ties common; the trained models depend on which path a tie picks.
  using namespace entities;
  std::uint64_t state = 11;
  const auto next_score = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<float>(static_cast<int>((state >> 33) % 5) - 2);
  };
  std::vector<int> tags;
  std::vector<float> lattice;
  for (std::size_t n : {1u, 2u, 5u, 17u, 40u}) {
    for (int trial = 0; trial < 20; ++trial) {
      std::vector<float> transitions((kNumTags + 1) * kNumTags), emissions(n * kNumTags);
      for (float& t : transitions) t = next_score();
      for (float& e : emissions) e = next_score();
      // The reference: every allowed predecessor in ascending order, the first maximum kept.
      std::vector<float> score(n * kNumTags, -1e38f);
      std::vector<int> from(n * kNumTags, 0);
      for (int t = 0; t < kNumTags; ++t) {
        if (transition_allowed(-1, t))
          score[static_cast<std::size_t>(t)] =
              transitions[static_cast<std::size_t>(t)] + emissions[static_cast<std::size_t>(t)];
      }
      for (std::size_t i = 1; i < n; ++i) {
        for (int t = 0; t < kNumTags; ++t) {
          float top = -1e38f;
          for (int p = 0; p < kNumTags; ++p) {
            if (!transition_allowed(p, t)) continue;
            const float s = score[(i - 1) * kNumTags + static_cast<std::size_t>(p)] +
                            transitions[static_cast<std::size_t>((p + 1) * kNumTags + t)];
            if (s > top) {
              top = s;
              from[i * kNumTags + static_cast<std::size_t>(t)] = p;
            }
          }
          score[i * kNumTags + static_cast<std::size_t>(t)] =
              top + emissions[i * kNumTags + static_cast<std::size_t>(t)];
        }
      }
      int last = 0;
      float top = -1e38f;
      for (int t = 0; t < kNumTags; ++t) {
        if (final_allowed(t) && score[(n - 1) * kNumTags + static_cast<std::size_t>(t)] > top) {
          top = score[(n - 1) * kNumTags + static_cast<std::size_t>(t)];
          last = t;
        }
      }
      std::vector<int> expected(n);
      for (std::size_t i = n; i-- > 0;) {
        expected[i] = last;
        last = from[i * kNumTags + static_cast<std::size_t>(last)];
      }
      viterbi(emissions.data(), n, transitions.data(), tags, lattice);
      CHECK(tags == expected);
    }
  }
}

namespace {

// Records where each word-slot feature of one token stands.
struct SlotRecorder {
  std::size_t token = 0;
  int at_position[5] = {};
  bool misplaced = false;
  void word(entities::WordSlot slot, std::size_t j) {
    using entities::SlotPosition;
    const SlotPosition p = entities::slot_position(slot);
    ++at_position[static_cast<int>(p)];
    if (j == entities::kSentenceEdge) return;
    const long offset = static_cast<long>(j) - static_cast<long>(token);
    const long expected = p == SlotPosition::Current     ? 0
                          : p == SlotPosition::Previous  ? -1
                          : p == SlotPosition::Next      ? 1
                          : p == SlotPosition::Previous2 ? -2
                                                         : 2;
    if (offset != expected) misplaced = true;
  }
  void feature(entities::FeatureTemplate, std::uint64_t) {}
};

}  // namespace

TEST_CASE("every word-slot feature stands where slot_position() says, within the tagger's bounds") {
  // The tagger sums the word-alone features of a word per position once per document: a slot read at
  // another position, or more of them than it has room for, would give wrong scores.
  using namespace entities;
  std::vector<WordInfo> words;
  for (const char* w : {"Quillon", "Dairies", "hired", "extraordinarily", "many", "people", "."})
    words.push_back(describe(w));
  const std::vector<std::pair<std::size_t, std::size_t>> sentences = {{0, words.size()}};
  DocumentStats stats;
  stats.build(words, sentences);
  stats.annotate(words);
  const std::vector<std::uint32_t> gaz(words.size(), 0);
  for (const SentenceCase casing : {SentenceCase::Normal, SentenceCase::Title, SentenceCase::Lower}) {
    for (std::size_t i = 0; i < words.size(); ++i) {
      SlotRecorder recorder;
      recorder.token = i;
      for_each_token_feature(words, 0, words.size(), i, casing, gaz.data(), recorder);
      CHECK_FALSE(recorder.misplaced);
      for (int p = 0; p < 3; ++p) CHECK(recorder.at_position[p] <= kMaxSlotsAtPosition);
      CHECK(recorder.at_position[0] >= 3);  // the word itself, its written form and its shape at least
    }
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

TEST_CASE("a company word after an unknown name makes it an organisation") {
  const Result r = run("Morlin Pharma said on Monday it would cut the price of its inhaler.");
  CHECK(type_of(r, "Morlin Pharma") == "ORG");
}

TEST_CASE("a name set beside a noun for a product or a work is no person, organisation or place") {
  const Result r =
      run("Ada Smith, a fan of the film, praised Velora, a new smartphone made by a firm in Lyon. "
          "Critics preferred the novel, Dark Harbour. Velora sold well.");
  CHECK(type_of(r, "Ada Smith") == "PERSON");  // "a fan of ...": the appositive's head is "fan"
  CHECK(type_of(r, "Velora") == "");           // in both sentences
  CHECK(type_of(r, "Dark Harbour") == "");
}

TEST_CASE("a name right before a lower-case word for a kind of place is that place") {
  // Every mention of the name ("Varnholm's ban" too), not the organisation named after it.
  const Result r =
      run("The Supreme Court struck down Varnholm's ban on kites. "
          "The court struck down a Varnholm city ordinance. "
          "The Varnholm Civil Liberties Union, which brought the case, called it a victory.");
  int places = 0;
  for (const Entity& e : r.mentions) {
    if (e.text == "Varnholm") {
      CHECK(to_string(e.type) == std::string("LOCATION"));
      ++places;
    }
  }
  CHECK(places == 2);
  CHECK(type_of(r, "Varnholm Civil Liberties Union") == "ORG");
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

TEST_CASE("DATE: a day before a month, with no year") {
  const Result r =
      run("The ferry was suspended on 3 March and sails again from 25 Sept. Fans bought 3 march tickets.");
  CHECK(type_of(r, "3 March") == "DATE");
  CHECK(type_of(r, "25 Sept.") == "DATE");
  CHECK(type_of(r, "3 march") == "");  // a lower-case month in cased text is a word
}

TEST_CASE("DATE recogniser: times of day and recurring weekdays") {
  const Result r =
      run("Kiosks may open from 7 a.m. until 11:30 p.m., after midnight on Fridays, and close at 2am. "
          "I am told 4 am is quiet; the team won 3 - 1 and the file has 12 pages.");
  CHECK(type_of(r, "7 a.m.") == "DATE");
  CHECK(type_of(r, "11:30 p.m.") == "DATE");
  CHECK(type_of(r, "midnight") == "DATE");
  CHECK(type_of(r, "Fridays") == "DATE");
  CHECK(type_of(r, "2am") == "DATE");
  CHECK(type_of(r, "4 am") == "DATE");
  CHECK(type_of(r, "am") == "");  // the verb
  CHECK(type_of(r, "12") == "");  // a bare number is no time
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
  check_no_weapons({"An air strike and a series of attacks closed the airport.",
                    "The fighter from Ostrava defended her title in the fifth round.",
                    "The think tank said the shell company paid for the bomb squad's van.",
                    "Fishermen carried a tank of fuel and used drones to find the shoals.",
                    "The Riverside Jets signed a new goalkeeper."});
}

TEST_CASE("WEAPON classes: a hyphenated modifier with a weapon word in it forms the class") {
  const Result r =
      run("Insurgents fired rocket-propelled grenades at the outpost, police found a truck-borne explosive "
          "device, and the navy lost a Ka-27 anti-submarine helicopter.");
  CHECK(type_of(r, "rocket-propelled grenades") == "WEAPON");
  CHECK(type_of(r, "truck-borne explosive device") == "WEAPON");
  CHECK(type_of(r, "Ka-27 anti-submarine helicopter") == "WEAPON");
  // A hyphenated word without a weapon word does not join ("well-known").
  const Result plain = run("The well-known missiles were paraded through the square.");
  CHECK(type_of(plain, "missiles") == "WEAPON");
}

TEST_CASE("WEAPON classes: a model designation no list knows names the class after it") {
  const Result r = run("Border guards spotted a Skylark-7 surveillance drone over the river.");
  CHECK(type_of(r, "Skylark-7 surveillance drone") == "WEAPON");
}

TEST_CASE("WEAPON classes: a fighter or a bomber is an aircraft only with an aircraft word") {
  check_no_weapons({"The fighters, who had held the hill for a week, surrendered to the army.",
                    "A suicide bomber killed four people at the checkpoint, the army said.",
                    "Volunteer fighters from abroad joined the brigade in the spring.",
                    "Fighter pilots trained over the sea for a month."});
  CHECK(type_of(run("The air force moved its bombers to a base in the south."), "bombers") == "WEAPON");
  CHECK(type_of(run("Two stealth bombers crossed the ocean overnight."), "stealth bombers") == "WEAPON");
  CHECK(type_of(run("Radar tracked the fighters as they entered the airspace."), "fighters") == "WEAPON");
}

TEST_CASE("WEAPON classes: a named weapon, a coup or combatants make an ambiguous head military") {
  CHECK(type_of(run("Two Abrams tanks were stopped by mines near the canal."), "mines") == "WEAPON");
  CHECK(type_of(run("Tanks surrounded the parliament during the coup."), "Tanks") == "WEAPON");
  const Result fighters = run("The fighters said they had captured four tanks.");
  CHECK(type_of(fighters, "tanks") == "WEAPON");
  CHECK(type_of(fighters, "fighters") == "");
  // Without such words the civil reading stays.
  check_no_weapons({"Gold mines near the canal reopened on Monday."});
}

TEST_CASE("WEAPON classes: pistols, sniper rifles and weapon systems") {
  const Result r = run("Officers recovered a pistol and two sniper rifles from the car.");
  CHECK(type_of(r, "pistol") == "WEAPON");
  CHECK(type_of(r, "sniper rifles") == "WEAPON");
  CHECK(type_of(run("The brigade fields truck-mounted rocket systems near the coast."),
                "truck-mounted rocket systems") == "WEAPON");
  check_no_weapons({"The operating systems of the ministry were updated last week."});
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

TEST_CASE("linking: two people with one surname stay apart - a surname joins the nearest") {
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

namespace {

// The second stage's tokens of an invented document, every sentence in ordinary casing.
std::vector<entities::SecondStageToken> second_stage_tokens(
    const std::vector<std::vector<const char*>>& sentences) {
  std::vector<entities::SecondStageToken> tokens;
  std::map<std::uint64_t, std::uint32_t> numbers;  // lower-cased word -> its number
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    for (const char* word : sentences[s]) {
      const entities::WordInfo w = entities::describe(word);
      const auto number = static_cast<std::uint32_t>(numbers.size());
      tokens.push_back({w.lower, numbers.emplace(w.lower, number).first->second, w.shape_class, 0, true,
                        static_cast<std::uint32_t>(s), 0});
    }
  }
  return tokens;
}

bool has_feature(const std::vector<std::uint64_t>& features, const std::vector<std::uint32_t>& offsets,
                 std::size_t token, entities::SecondStageTemplate tpl, std::uint64_t value) {
  const std::uint64_t wanted = entities::mix(value, tpl);
  for (std::uint32_t f = offsets[token]; f < offsets[token + 1]; ++f) {
    if (features[f] == wanted) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("second-stage features count the first stage's tags of the same word elsewhere, never its own") {
  using namespace entities;
  // "Quillon Dairies" three times as an organisation, then "Quillon" alone, tagged a person by the first
  // stage.
  const auto tokens = second_stage_tokens({{"Quillon", "Dairies", "grew"},
                                           {"Quillon", "Dairies", "hired"},
                                           {"Quillon", "Dairies", "paid"},
                                           {"Quillon", "said", "so"}});
  const int b_org = tag_of(Bilou::B, NerType::Org), l_org = tag_of(Bilou::L, NerType::Org);
  const int u_per = tag_of(Bilou::U, NerType::Per);
  const std::vector<int> tags = {b_org, l_org, 0, b_org, l_org, 0, b_org, l_org, 0, u_per, 0, 0};
  std::vector<std::uint64_t> features;
  std::vector<std::uint32_t> offsets;
  second_stage_features(tokens, tags, features, offsets);
  REQUIRE(offsets.size() == tokens.size() + 1);
  // Lower-case words in ordinary text get no features.
  for (const std::size_t lower : {2, 5, 8, 10, 11}) CHECK(offsets[lower] == offsets[lower + 1]);
  // The lone "Quillon" (its own tag U-PER): elsewhere it is three times inside an organisation (type 1),
  // purely, never outside a name; and three times the first word of a longer organisation name.
  const std::uint64_t own_u_per = static_cast<std::uint64_t>(u_per);
  const std::uint64_t org = 1, thrice = 3, pure = 1, never_outside = 0, first_word = 0;
  CHECK(has_feature(features, offsets, 9, kWordLabels,
                    (((org * 4 + thrice) * 2 + pure) * 3 + never_outside) * 17 + own_u_per));
  CHECK(has_feature(features, offsets, 9, kWordInLongerName, (org * 3 + first_word) * 17 + own_u_per));
  // The first "Quillon" (its own tag B-ORG) sees two other ORG tags and one PER (its own is not counted):
  // the majority is ORG, twice, not pure.
  const std::uint64_t own_b_org = static_cast<std::uint64_t>(b_org), twice = 2, mixed = 0;
  CHECK(has_feature(features, offsets, 0, kWordLabels,
                    (((org * 4 + twice) * 2 + mixed) * 3 + never_outside) * 17 + own_b_org));
  // Its name "Quillon Dairies" occurs twice more as an organisation; it is the B word of an ORG span.
  const std::uint64_t own_type_org = 1, b_position = 0;
  CHECK(has_feature(features, offsets, 0, kNameLabels,
                    (((org * 4 + twice) * 2 + pure) * 4 + own_type_org) * 4 + b_position));
}

TEST_CASE("second-stage features carry context cues from the word's other occurrences") {
  using namespace entities;
  // "Mr Vantrell" once, then "Vantrell" alone: the lone one learns that it follows a title elsewhere.
  auto tokens = second_stage_tokens({{"Mr", "Vantrell", "left"}, {"Vantrell", "returned"}});
  tokens[0].gaz = 1u << (4 * 4 + 3);  // TITLE, a phrase of one word (U)
  const std::vector<int> tags(tokens.size(), 0);
  std::vector<std::uint64_t> features;
  std::vector<std::uint32_t> offsets;
  second_stage_features(tokens, tags, features, offsets);
  const std::uint64_t after_title = 1, own_outside = 0;
  CHECK(has_feature(features, offsets, 3, kCuesElsewhere, after_title * 17 + own_outside));
  // The first occurrence's own cue is not "elsewhere".
  CHECK_FALSE(has_feature(features, offsets, 1, kCuesElsewhere, after_title * 17 + own_outside));
}

TEST_CASE("a second stage is refused when malformed, of another kind or without a first stage") {
  using namespace entities;
  std::vector<float> transitions(kModelShape.extras, 0.0f);
  const std::vector<std::uint32_t> rows = {3, 70};
  std::vector<float> weights(rows.size() * kNumTags, 0.5f);
  const std::string first = learn::encode_model(kModelShape, 12, transitions, rows, weights);
  std::vector<float> extras(kSecondStageShape.extras, 0.0f);
  extras.back() = 1.0f;
  const std::string second = learn::encode_model(kSecondStageShape, 10, extras, rows, weights);
  Tagger alone;
  CHECK_FALSE(alone.load_second_stage(second));
  Tagger t;
  REQUIRE(t.load(first));
  CHECK_FALSE(t.load_second_stage(first));  // a first-stage file
  CHECK_FALSE(t.load_second_stage(second.substr(0, second.size() - 1)));
  CHECK_FALSE(t.has_second_stage());
  REQUIRE(t.load_second_stage(second));
  CHECK(t.has_second_stage());
  // Loading a first stage again drops the second.
  REQUIRE(t.load(first));
  CHECK_FALSE(t.has_second_stage());
}

TEST_CASE("the embedded tagger has both stages, and the second changes nothing outside sentences") {
  const auto& tagger = entities::embedded_tagger();
  CHECK(tagger.has_second_stage());
  std::vector<std::string_view> words = {"Quillon", "Dairies", "hired", "Ann", "Voss", "."};
  std::vector<entities::TaggedSpan> spans;
  tagger.tag(words, {{0, 6}, {4, 99}}, entities::embedded_gazetteer(), spans);  // the second range is invalid
  for (const auto& s : spans) CHECK(s.last < 6);
}

TEST_CASE("a heading's words are never entities - the same names in the text still are") {
  Article article;
  article.text = "Lena Marsh Opens Port Elwin Bridge\nLena Marsh opened the bridge in Port Elwin on Friday.";
  const std::size_t heading_end = article.text.find('\n');
  article.blocks.push_back({BlockKind::Heading, 0, heading_end, 2});
  article.blocks.push_back({BlockKind::Paragraph, heading_end + 1, article.text.size(), 0});
  const Result r = entities::extract(article, text::segment(article.text, article.blocks));
  for (const Entity& e : r.mentions) CHECK(e.start > heading_end);
  CHECK(type_of(r, "Lena Marsh") == "PERSON");
  CHECK(type_of(r, "Friday") == "DATE");
  // Without the heading block the same first line is read as text.
  Article plain;
  plain.text = article.text;
  const Result all = entities::extract(plain, text::segment(plain.text, {}));
  CHECK(all.mentions.size() > r.mentions.size());
}

TEST_CASE("word classes: a word's class path is found by its lower-cased form, unknown words have none") {
  using namespace entities;
  const auto fp = [](const char* lower_word) { return WordClusters::fingerprint(hash_bytes(lower_word)); };
  // Invented words: two in one class (path 1.0110), one elsewhere (1.1), one without a class.
  std::vector<std::pair<std::uint32_t, std::uint16_t>> entries = {
      {fp("glorpfen"), 0b10110}, {fp("snibbleton"), 0b10110}, {fp("quaxley"), 0b11}};
  std::sort(entries.begin(), entries.end());
  WordClusters clusters;
  REQUIRE(clusters.load(WordClusters::encode(entries, 4)));
  CHECK(clusters.size() == 3);
  CHECK(clusters.path(hash_bytes("glorpfen")) == 0b10110);
  CHECK(clusters.path(hash_bytes("snibbleton")) == 0b10110);
  CHECK(clusters.path(hash_bytes("quaxley")) == 0b11);
  CHECK(clusters.path(hash_bytes("wumbridge")) == 0);
  CHECK(clusters.path(hash_bytes("Glorpfen")) == 0);  // the key is the lower-cased form
  // describe() looks the lower-cased word up, whatever its casing.
  CHECK(describe("GLORPFEN").lower == hash_bytes("glorpfen"));
  // Prefixes are coarser classes: 1.0110 cut to 2 bits is 1.01; a path shorter than the cut stays whole.
  CHECK(cluster_prefix(0b10110, 2) == 0b101);
  CHECK(cluster_prefix(0b11, 4) == 0b11);
  CHECK(cluster_prefix(0, 4) == 0);
  // A damaged file is refused whole: wrong magic, a path deeper than the depth, a byte too many or missing.
  std::string bytes = WordClusters::encode(entries, 4);
  CHECK_FALSE(clusters.load("ASCLUS9\n" + bytes.substr(8)));
  CHECK(clusters.size() == 0);
  CHECK_FALSE(clusters.load(WordClusters::encode(entries, 3)));
  CHECK_FALSE(clusters.load(bytes + '\0'));
  CHECK_FALSE(clusters.load(bytes.substr(0, bytes.size() - 1)));
  CHECK_FALSE(clusters.load(""));
  // Paths all of the full depth (at most 8 bits) are written one byte each, and read back the same.
  std::vector<std::pair<std::uint32_t, std::uint16_t>> full;
  std::copy_if(entries.begin(), entries.end(), std::back_inserter(full),
               [](const auto& e) { return e.second >> 4 == 1; });
  const std::string compact = WordClusters::encode(full, 4);
  CHECK(compact.substr(0, 8) == "ASCLUS2\n");
  CHECK(compact.size() < WordClusters::encode(entries, 4).size());
  REQUIRE(clusters.load(compact));
  CHECK(clusters.entries() == full);
  CHECK(clusters.depth() == 4);
  CHECK(clusters.path(hash_bytes("glorpfen")) == 0b10110);
  CHECK_FALSE(clusters.load(compact.substr(0, compact.size() - 1)));
  CHECK(bytes.substr(0, 8) == "ASCLUS1\n");  // a shorter path keeps two bytes a path
  // The shipped table is well formed: 20,000 words of 8-bit paths (core/data/NER_MODEL.md).
  WordClusters shipped;
  REQUIRE(shipped.load(data::word_clusters_bin_view()));
  CHECK(shipped.size() == 20000);
  CHECK(shipped.depth() == 8);
  CHECK(describe("the").cluster == embedded_word_clusters().path(hash_bytes("the")));
}
