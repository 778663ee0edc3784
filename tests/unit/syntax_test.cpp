// The syntax layer: POS tags, lemmas and chunks of invented sentences through the compiled-in models, the
// lemma rules one construction at a time, the API over a TextIndex, refusal of malformed model bytes and
// odd input (empty, huge and strange tokens).
#include "syntax/syntax.hpp"
#include "syntax/chunk.hpp"
#include "syntax/lemma.hpp"
#include "syntax/pos.hpp"
#include "text/segment.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace articlescope;
using syntax::Phrase;
using syntax::Pos;

namespace {

// The analysis of the first sentence of `text`, and the text of each of its tokens.
struct Sentence {
  std::string text;
  text::TextIndex index;
  syntax::Analysis a;
  std::vector<std::string> words;
  explicit Sentence(std::string t) : text(std::move(t)), index(text::segment(text, {})) {
    a = syntax::analyse_sentence(text, index, 0);
    for (std::size_t i = 0; i < a.size(); ++i) {
      const text::Token& tok = index.tokens[a.first_token + i];
      words.push_back(text.substr(tok.start, tok.end - tok.start));
    }
  }
  std::size_t at(const std::string& word) const {
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (words[i] == word) return i;
    }
    FAIL("no token " << word);
    return 0;
  }
  Pos pos(const std::string& word) const { return a.pos[at(word)]; }
  std::string lemma(const std::string& word) const { return a.lemma[at(word)]; }
  syntax::Chunk chunk(const std::string& word) const { return a.chunk[at(word)]; }
};

std::string lemma(std::string_view word, Pos pos) { return syntax::embedded_lemmatiser().lemma(word, pos); }

}  // namespace

TEST_CASE("the embedded syntax models load") {
  CHECK(syntax::embedded_pos_tagger().loaded());
  CHECK(syntax::embedded_pos_tagger().rows() > 1000);
  CHECK(syntax::embedded_chunker().loaded());
  CHECK(syntax::embedded_chunker().rows() > 1000);
  CHECK(syntax::embedded_lemmatiser().size() > 100);
}

TEST_CASE("a past tense after its subject is VBD, a participle after 'was' is VBN") {
  const Sentence s("Officials said the ban was lifted.");
  CHECK(s.pos("Officials") == Pos::NNS);
  CHECK(s.pos("said") == Pos::VBD);
  CHECK(s.pos("ban") == Pos::NN);
  CHECK(s.pos("was") == Pos::VBD);
  CHECK(s.pos("lifted") == Pos::VBN);
  CHECK(s.lemma("lifted") == "lift");
  CHECK(s.lemma("was") == "be");
  const Sentence active("The regulator approved the merger on Tuesday.");
  CHECK(active.pos("approved") == Pos::VBD);
  CHECK(active.lemma("approved") == "approve");
}

TEST_CASE("a verb with a plural object: the verb, its lemma and the plural noun") {
  const Sentence s("The council banned trucks from the bridge.");
  CHECK(syntax::is_verb(s.pos("banned")));
  CHECK(s.lemma("banned") == "ban");
  CHECK(s.pos("trucks") == Pos::NNS);
  CHECK(s.lemma("trucks") == "truck");
  CHECK(s.pos("from") == Pos::IN);
}

TEST_CASE("a modal with its negation: MD, RB, then the base form") {
  const Sentence s("Drivers may not use the bridge.");
  CHECK(s.pos("may") == Pos::MD);
  CHECK(s.pos("not") == Pos::RB);
  CHECK(s.pos("use") == Pos::VB);
  // The whole verb group is one VP chunk.
  CHECK(s.chunk("may") == syntax::Chunk{Phrase::VP, true});
  CHECK(s.chunk("not") == syntax::Chunk{Phrase::VP, false});
  CHECK(s.chunk("use") == syntax::Chunk{Phrase::VP, false});
}

TEST_CASE("'cannot' is a modal, and a rare verb after a modal is its base form") {
  // The treebanks split "cannot"; the model alone read it as a noun after a plural subject.
  const Sentence s("Shops cannot ban pets.");
  CHECK(s.pos("cannot") == Pos::MD);
  CHECK(s.pos("ban") == Pos::VB);
  const Sentence rare("Landlords cannot evict tenants during winter.");
  CHECK(rare.pos("cannot") == Pos::MD);
  CHECK(rare.pos("evict") == Pos::VB);
  // Through the adverbs after the modal.
  CHECK(Sentence("Visitors may no longer photograph the murals.").pos("photograph") == Pos::VB);
}

TEST_CASE("'to' is TO both before a verb and before a noun phrase (the Penn convention)") {
  const Sentence s("They agreed to sell the company to investors.");
  CHECK(s.a.pos[s.at("to")] == Pos::TO);
  CHECK(s.pos("sell") == Pos::VB);
  CHECK(s.a.pos[s.words.size() - 3] == Pos::TO);
}

TEST_CASE("a relative 'which' is WDT") {
  const Sentence s("The rules, which take effect next week, cover imports.");
  CHECK(s.pos("which") == Pos::WDT);
  CHECK(s.pos("rules") == Pos::NNS);
}

TEST_CASE("contractions are one token with the tag and lemma of their first part") {
  const Sentence s("We don't know whether children can't attend.");
  CHECK(s.pos("can't") == Pos::MD);
  CHECK(s.lemma("can't") == "can");
  CHECK(s.lemma("don't") == "do");
  CHECK(s.lemma("children") == "child");
  // Curly apostrophes read like straight ones.
  const Sentence curly("We don\xE2\x80\x99t know whether children can\xE2\x80\x99t attend.");
  CHECK(curly.pos("can\xE2\x80\x99t") == Pos::MD);
  CHECK(curly.lemma("don\xE2\x80\x99t") == "do");
}

TEST_CASE("chunks: noun phrases, verb groups and prepositions") {
  const Sentence s("Officials said the ban was lifted.");
  CHECK(s.chunk("Officials") == syntax::Chunk{Phrase::NP, true});
  CHECK(s.chunk("said") == syntax::Chunk{Phrase::VP, true});
  CHECK(s.chunk("the") == syntax::Chunk{Phrase::NP, true});
  CHECK(s.chunk("ban") == syntax::Chunk{Phrase::NP, false});
  CHECK(s.chunk("was") == syntax::Chunk{Phrase::VP, true});
  CHECK(s.chunk("lifted") == syntax::Chunk{Phrase::VP, false});
  CHECK(s.chunk(".") == syntax::Chunk{});
  const Sentence pp("Sanctions barred the bank from trading.");
  CHECK(pp.chunk("from") == syntax::Chunk{Phrase::PP, true});
  // A chunk never continues a phrase it is not in.
  for (const Sentence* t : {&s, &pp}) {
    for (std::size_t i = 0; i < t->a.size(); ++i) {
      const syntax::Chunk c = t->a.chunk[i];
      if (c.phrase == Phrase::None || c.begin) continue;
      REQUIRE(i > 0);
      CHECK(t->a.chunk[i - 1].phrase == c.phrase);
    }
  }
}

TEST_CASE("lemmas of inflected verbs and nouns, one construction each") {
  CHECK(lemma("banned", Pos::VBD) == "ban");  // doubled consonant
  CHECK(lemma("barred", Pos::VBN) == "bar");
  CHECK(lemma("banning", Pos::VBG) == "ban");
  CHECK(lemma("forbade", Pos::VBD) == "forbid");  // irregular
  CHECK(lemma("forbidden", Pos::VBN) == "forbid");
  CHECK(lemma("sped", Pos::VBD) == "speed");
  CHECK(lemma("lets", Pos::VBZ) == "let");  // third person -s
  CHECK(lemma("sanctions", Pos::NNS) == "sanction");
  CHECK(lemma("sanctions", Pos::VBZ) == "sanction");
  CHECK(lemma("policies", Pos::NNS) == "policy");  // -ies
  CHECK(lemma("taxes", Pos::NNS) == "tax");        // -xes
  CHECK(lemma("imposed", Pos::VBN) == "impose");   // silent e
  CHECK(lemma("regulated", Pos::VBD) == "regulate");
  CHECK(lemma("prohibited", Pos::VBN) == "prohibit");
  CHECK(lemma("lifted", Pos::VBN) == "lift");
  CHECK(lemma("applied", Pos::VBD) == "apply");
  CHECK(lemma("agreed", Pos::VBD) == "agree");
  CHECK(lemma("cancelled", Pos::VBD) == "cancel");
  CHECK(lemma("called", Pos::VBD) == "call");
  CHECK(lemma("spokesmen", Pos::NNS) == "spokesman");
  CHECK(lemma("larger", Pos::JJR) == "large");
  CHECK(lemma("easiest", Pos::JJS) == "easy");
  CHECK(lemma("Banned", Pos::VBD) == "ban");  // any case in, lower case out
  CHECK(lemma("is", Pos::VBZ) == "be");
  CHECK(lemma("cannot", Pos::MD) == "can");
  // A word outside the inflected tags is its own (lower-cased) lemma.
  CHECK(lemma("Council", Pos::NNP) == "council");
  CHECK(lemma("bridge", Pos::NN) == "bridge");
}

TEST_CASE("the lemma rules alone, without the table") {
  CHECK(syntax::rule_lemma("voted", Pos::VBD) == "vote");  // one syllable drops its e
  CHECK(syntax::rule_lemma("revoked", Pos::VBN) == "revoke");
  CHECK(syntax::rule_lemma("developed", Pos::VBD) == "develop");
  CHECK(syntax::rule_lemma("negotiated", Pos::VBD) == "negotiate");
  CHECK(syntax::rule_lemma("required", Pos::VBN) == "require");
  CHECK(syntax::rule_lemma("challenging", Pos::VBG) == "challenge");
  CHECK(syntax::rule_lemma("passes", Pos::VBZ) == "pass");
  CHECK(syntax::rule_lemma("embargoes", Pos::NNS) == "embargo");
  CHECK(syntax::rule_lemma("status", Pos::NNS) == "status");
}

TEST_CASE("a lemma table with malformed lines keeps the good ones") {
  syntax::Lemmatiser l;
  l.load(
      "# comment\nV\tstrode\tstride\nbad line\nX\tfoo\tbar\nV\t\tnothing\nN\tgeese\tgoose\r\nV\tonly-two\n");
  CHECK(l.size() == 2);
  CHECK(l.lemma("strode", Pos::VBD) == "stride");
  CHECK(l.lemma("geese", Pos::NNS) == "goose");
  CHECK(l.exception("geese", syntax::LemmaClass::Verb).empty());
  syntax::Lemmatiser empty;
  empty.load("");
  CHECK(empty.lemma("trucks", Pos::NNS) == "truck");
}

TEST_CASE("malformed syntax models are refused, and an unloaded model gives safe tags") {
  syntax::PosTagger pos;
  CHECK_FALSE(pos.load(""));
  CHECK_FALSE(pos.load("garbage that is not a model"));
  CHECK_FALSE(pos.load(learn::kModelMagic));
  // A model of another kind is refused: a well-formed POS model is not a chunk model.
  const std::vector<float> weights(syntax::kNumPos, 1.0f);
  const std::string pos_bytes = learn::encode_model(syntax::kPosModelShape, 12, {}, {7}, weights);
  syntax::Chunker chunker;
  CHECK_FALSE(chunker.load(pos_bytes));
  CHECK(syntax::PosTagger().load(pos_bytes));
  CHECK_FALSE(chunker.load(pos_bytes.substr(0, pos_bytes.size() - 1)));
  CHECK_FALSE(pos.loaded());
  CHECK_FALSE(chunker.loaded());
  const std::vector<std::string_view> words = {"The", "ban", "ends", "."};
  const std::vector<Pos> tags = pos.tag(words);
  REQUIRE(tags.size() == 4);
  for (const Pos p : tags) CHECK(p == Pos::NN);
  std::vector<syntax::WordInfo> described;
  for (const auto w : words) described.push_back(syntax::describe(w));
  std::vector<syntax::Chunk> chunks(words.size(), syntax::Chunk{Phrase::NP, true});
  chunker.chunk(described.data(), tags.data(), words.size(), chunks.data());
  for (const auto& c : chunks) CHECK(c == syntax::Chunk{});
}

TEST_CASE("the analysis of a token range of a text") {
  const std::string text = "The ban ends today. Trucks may use the bridge again.";
  const text::TextIndex index = text::segment(text, {});
  REQUIRE(index.sentences.size() == 2);
  const syntax::Analysis second = syntax::analyse_sentence(text, index, 1);
  CHECK(second.first_token == index.sentences[1].first_token);
  CHECK(second.size() == index.sentences[1].last_token - index.sentences[1].first_token);
  CHECK(second.pos[1] == Pos::MD);
  CHECK(second.lemma.size() == second.size());
  CHECK(second.chunk.size() == second.size());
  // Ranges beyond the tokens are clipped; empty or reversed ranges and unknown sentences give nothing.
  CHECK(syntax::analyse(text, index, 0, 10000).size() == index.tokens.size());
  CHECK(syntax::analyse(text, index, 5, 5).size() == 0);
  CHECK(syntax::analyse(text, index, 7, 3).size() == 0);
  CHECK(syntax::analyse(text, index, 9999, 10000).size() == 0);
  CHECK(syntax::analyse_sentence(text, index, 2).size() == 0);
  CHECK(syntax::analyse_words({}).size() == 0);
}

TEST_CASE("odd tokens: empty, huge, invalid UTF-8, symbols, other scripts") {
  const std::string huge(1 << 20, 'a');
  const std::string invalid = "\xff\xfe\xc3";
  const std::vector<std::string_view> words = {"",
                                               huge,
                                               invalid,
                                               "\xF0\x9F\x98\x80",
                                               "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
                                               "\x01",
                                               "''",
                                               "``",
                                               "...",
                                               "--",
                                               "$",
                                               "3.5",
                                               "U.S.",
                                               "F-16",
                                               "'s"};
  const syntax::Analysis a = syntax::analyse_words(words);
  REQUIRE(a.size() == words.size());
  CHECK(a.lemma[1].size() == huge.size());
  CHECK(a.pos[10] == Pos::Dollar);
  CHECK(a.pos[11] == Pos::CD);
  // A sentence of many thousand tokens.
  std::vector<std::string_view> many;
  for (int k = 0; k < 20000; ++k) many.push_back(k % 10 == 9 ? "," : "ban");
  const syntax::Analysis long_run = syntax::analyse_words(many);
  CHECK(long_run.size() == many.size());
  // describe() is the same for a word however long the run around it.
  CHECK(syntax::describe(huge).form == syntax::describe(huge).form);
  CHECK(syntax::describe("Ban").form == syntax::describe("ban").form);
  CHECK(syntax::describe("\xE2\x80\x9C").form == syntax::describe("\"").form);
  CHECK(syntax::describe("don\xE2\x80\x99t").form == syntax::describe("don't").form);
}
