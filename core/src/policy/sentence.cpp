#include "policy/sentence.hpp"

#include <algorithm>

#include "syntax/syntax.hpp"
#include "text/utf8.hpp"

namespace articlescope::policy {

namespace {

bool is_quote_mark(std::string_view t) {
  return t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D" || t == "\xC2\xAB" || t == "\xC2\xBB";
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string normalise_word(std::string_view raw) {
  std::string out = text::lower(raw);
  // Curly apostrophe (U+2019) -> '
  for (std::size_t p; (p = out.find("\xE2\x80\x99")) != std::string::npos;) out.replace(p, 3, "'");
  return out;
}

bool is_degree_adverb(std::string_view lower) {
  static constexpr std::string_view kDegree[] = {"deep", "far", "right", "well", "further", "farther"};
  return std::find(std::begin(kDegree), std::end(kDegree), lower) != std::end(kDegree);
}

bool is_clause_punct(const Word& w) {
  if (!w.punct) return false;
  const std::string_view t = w.text;
  return t == "," || t == ";" || t == ":" || t == "(" || t == ")" || t == "\xE2\x80\x94" ||
         t == "\xE2\x80\x93" || t == "-" || t == "--" || t == "[" || t == "]";
}

bool says_not_affected(const std::vector<Word>& words, std::size_t k) {
  if (k + 1 >= words.size() || words[k].lower != "not") return false;
  const std::string_view w = words[k + 1].lower;
  return w == "affected" || w == "covered" || w == "touched";
}

SentenceView view_sentence(std::string_view text, const text::TextIndex& index,
                           const text::Sentence& sentence, const std::vector<Entity>& entities,
                           bool heading) {
  SentenceView view;
  view.start = sentence.start;
  view.end = sentence.end;
  const Lexicon& lexicon = Lexicon::embedded();
  auto entity = std::lower_bound(entities.begin(), entities.end(), sentence.start,
                                 [](const Entity& e, std::size_t at) { return e.end <= at; });
  bool in_quote = false;
  for (std::size_t t = sentence.first_token; t < sentence.last_token && t < index.tokens.size(); ++t) {
    const text::Token& token = index.tokens[t];
    Word w;
    w.start = token.start;
    w.end = token.end;
    w.text = text.substr(token.start, token.end - token.start);
    w.lower = normalise_word(w.text);
    w.punct = token.kind == text::TokenKind::Punct || token.kind == text::TokenKind::Symbol;
    std::size_t len = 1;
    w.capitalised = !w.text.empty() && text::is_upper(text::decode(w.text, 0, len));
    w.negative = ends_with(w.lower, "n't") || w.lower == "cannot";
    if (is_quote_mark(w.text)) {
      in_quote = w.text == "\xE2\x80\x9C" ? true : w.text == "\xE2\x80\x9D" ? false : !in_quote;
    } else {
      w.quoted = in_quote;
    }
    while (entity != entities.end() && entity->end <= w.start) ++entity;
    if (entity != entities.end() && entity->start <= w.start && w.end <= entity->end) {
      w.entity = static_cast<std::int8_t>(entity->type);
      w.entity_start = entity->start == w.start;
    }
    view.lowers.push_back(w.lower);
    view.words.push_back(std::move(w));
  }
  view.matches.resize(view.words.size());
  for (std::size_t i = 0; i < view.words.size(); ++i) {
    lexicon.matches_at(view.lowers, i, view.matches[i]);
    for (const LexiconMatch& m : view.matches[i]) {
      view.words[i].starts |= bit(m.section);
      for (std::size_t k = i; k < i + m.length && k < view.words.size(); ++k)
        view.words[k].covered |= bit(m.section);
    }
    if (view.words[i].starts & bit(Section::Negator)) view.words[i].negative = true;
  }
  // Part-of-speech tags, only where a candidate can arise: most sentences of an article hold no trigger word.
  bool trigger = false;
  for (const Word& w : view.words) trigger = trigger || (w.starts & kTriggerSections);
  // (Or where a decision named by a word for it leaves something out: "not affected by the measures", "the
  // measures do not affect X".)
  for (std::size_t i = 0; i < view.words.size() && !trigger; ++i) {
    trigger = says_not_affected(view.words, i) ||
              (view.words[i].negative && i + 1 < view.words.size() && view.words[i + 1].lower == "affect");
  }
  if (trigger) {
    const syntax::Analysis analysis =
        syntax::tag_and_lemmatise(text, index, sentence.first_token, sentence.last_token);
    if (analysis.size() == view.words.size()) {
      for (std::size_t i = 0; i < view.words.size(); ++i) {
        view.words[i].pos = analysis.pos[i];
        view.words[i].lemma = analysis.lemma[i];
      }
      view.tagged = true;
    }
  }
  for (Word& w : view.words) {
    if (w.lemma.empty()) w.lemma = w.lower;
  }
  if (!view.words.empty()) {
    const std::string_view last = view.words.back().text;
    view.question = last == "?" ||
                    (view.words.size() > 1 && last != "." && view.words[view.words.size() - 2].text == "?");
    view.headline = heading || !(view.words.back().punct);
  }
  return view;
}

namespace {

// A word in "s" (not "ss") that the tagger read as a plural noun: a verb's third person, where the rules below
// find one.
bool plural_in_s(const Word& w) {
  return w.pos == syntax::Pos::NNS && ends_with(w.lower, "s") && !ends_with(w.lower, "ss");
}

// A verb's third person that the tagger read as a plural noun, as it often does in a headline ("Japan lifts
// curbs on X", "City bans cars from Y"): in a headline, a verb of the lexicon in "s" read NNS, right after a
// singular noun or a name and before the start of a noun phrase, when no word is read as a finite verb, is
// its verb (any word in "s" after the names that open it, before a determiner, an adjective, a number or a
// possessive: "EU agrees new sanctions"); and so is any word in "s" so read after "and" or "but" once the
// headline has that verb ("... lifts X but keeps Y").
void retag_headline_verbs(std::vector<Word>& words) {
  using syntax::Pos;
  if (std::any_of(words.begin(), words.end(),
                  [](const Word& w) { return syntax::is_finite_verb(w.pos) || w.pos == Pos::MD; }))
    return;
  const auto opens_noun_phrase = [](Pos p) {
    return p == Pos::DT || syntax::is_adjective(p) || syntax::is_noun(p) || p == Pos::CD || p == Pos::PRP ||
           p == Pos::PRPS || p == Pos::VBG;
  };
  bool verb = false;
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    Word& w = words[i];
    if (!plural_in_s(w) || !opens_noun_phrase(words[i + 1].pos))
      continue;
    const Word& before = words[i - 1];
    // (Any word in "s" right after the names that open the headline, before a determiner, an adjective, a
    // number or a possessive: "EU agrees new sanctions".)
    bool after_names = !verb;
    for (std::size_t j = 0; j < i && after_names; ++j) after_names = words[j].pos == Pos::NNP;
    const Pos next = words[i + 1].pos;
    after_names = after_names &&
                  (next == Pos::DT || syntax::is_adjective(next) || next == Pos::CD || next == Pos::PRPS);
    const bool after_subject = after_names || (!verb && (w.starts & kVerbFrameSections) &&
                                               (before.pos == Pos::NN || before.pos == Pos::NNP));
    const bool joined = verb && (before.lower == "and" || before.lower == "but");
    if (!after_subject && !joined) continue;
    w.pos = Pos::VBZ;
    verb = true;
  }
}

// A noun in "ly" that the tagger read as an adverb ("the ally may V", "allowed its ally to V"): a word read
// RB right after an article or a possessive and right before a finite verb, a modal or "to" is a noun (no
// adverb stands there).
void retag_nouns_read_as_adverbs(std::vector<Word>& words) {
  using syntax::Pos;
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    const Pos before = words[i - 1].pos, after = words[i + 1].pos;
    // (An article, not a demonstrative that stands alone: "This theoretically allows X".)
    const std::string_view det = words[i - 1].lower;
    const bool article = before == Pos::DT && (det == "the" || det == "a" || det == "an");
    // (So is a noun of the lexicon read as an adjective there: "The curfew remains in place".)
    const bool misread =
        words[i].pos == Pos::RB || (words[i].pos == Pos::JJ && (words[i].starts & kNounFrameSections));
    if (misread && (article || before == Pos::PRPS || before == Pos::POS) &&
        (syntax::is_finite_verb(after) || after == Pos::MD || after == Pos::TO))
      words[i].pos = Pos::NN;
  }
}

// A verb of prohibiting that the tagger read as a noun ("... and bar European firms from providing X"): a
// word of that frame read NN or NNS, not opened by a determiner, a possessive or a modifier (a noun "ban"
// takes "on", not a party and "from"), followed by a short noun phrase, "from" and a gerund, is the verb.
void retag_verbs_before_from(std::vector<Word>& words) {
  using syntax::Pos;
  for (std::size_t i = 1; i + 3 < words.size(); ++i) {
    Word& w = words[i];
    const Pos before = words[i - 1].pos;
    if (!(w.pos == Pos::NN || w.pos == Pos::NNS) || !(w.starts & bit(Section::Prohibit)) ||
        before == Pos::DT || before == Pos::PRPS || before == Pos::POS || syntax::is_adjective(before) ||
        syntax::is_noun(before))
      continue;
    std::size_t k = i + 1;
    while (k < words.size() && k <= i + 4 &&
           (words[k].pos == Pos::DT || words[k].pos == Pos::PRPS || words[k].pos == Pos::CD ||
            words[k].pos == Pos::PRP || syntax::is_adjective(words[k].pos) || syntax::is_noun(words[k].pos)))
      ++k;
    if (k == i + 1 || k + 1 >= words.size() || words[k].lower != "from" ||
        !ends_with(words[k + 1].lower, "ing"))
      continue;
    w.pos = ends_with(w.lower, "ed") ? Pos::VBD : ends_with(w.lower, "s") ? Pos::VBZ : Pos::VBP;
  }
}

// "The curfew remains in place": "remains" or "stays" before "in place", "in force" or "in effect" is the
// verb (the tagger may read "curfew remains" as a compound noun). So is it after "and" or "but" and before a
// participle or an adjective ("... but remains banned").
void retag_continuing_verbs(std::vector<Word>& words) {
  using syntax::Pos;
  for (std::size_t i = 1; i + 2 < words.size(); ++i) {
    if (words[i].lower != "remains" && words[i].lower != "stays") continue;
    const Pos next = words[i + 1].pos;
    if ((words[i + 1].lower == "in" && (words[i + 2].lower == "place" || words[i + 2].lower == "force" ||
                                        words[i + 2].lower == "effect")) ||
        (words[i - 1].pos == Pos::CC && (next == Pos::VBN || next == Pos::VBD || next == Pos::JJ)))
      words[i].pos = Pos::VBZ;
  }
}

// "may again gather": an adverb right after a modal that the tagger read as the modal's verb (its decoding
// puts a base verb there) is the adverb, and the word after it, read as no verb, is the verb.
void retag_adverbs_after_modals(std::vector<Word>& words) {
  using syntax::Pos;
  static constexpr std::string_view kAdverbs[] = {"again", "now",   "still", "also", "only",
                                                  "soon",  "never", "even",  "once"};
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    if (words[i - 1].pos != Pos::MD || words[i].pos != Pos::VB ||
        std::find(std::begin(kAdverbs), std::end(kAdverbs), words[i].lower) == std::end(kAdverbs))
      continue;
    words[i].pos = Pos::RB;
    if (!syntax::is_verb(words[i + 1].pos) && !words[i + 1].punct) words[i + 1].pos = Pos::VB;
  }
}

// "The ministry still forbids X": a verb of the lexicon in "s" that the tagger read as a plural noun right
// after an adverb that follows the clause's subject (a noun, a name or a pronoun) and before the start of a
// noun phrase is the verb ("still", "also", "now" stand before verbs, not inside a noun phrase).
void retag_verbs_after_adverbs(std::vector<Word>& words) {
  using syntax::Pos;
  for (std::size_t i = 2; i + 1 < words.size(); ++i) {
    Word& w = words[i];
    const Pos subject = words[i - 2].pos, next = words[i + 1].pos;
    if (!plural_in_s(w) || !(w.starts & kVerbFrameSections) || words[i - 1].pos != Pos::RB ||
        !(syntax::is_noun(subject) || subject == Pos::PRP) ||
        !(next == Pos::DT || next == Pos::PRPS || next == Pos::PRP || next == Pos::CD ||
          syntax::is_adjective(next) || syntax::is_noun(next)))
      continue;
    w.pos = Pos::VBZ;
  }
}

// "The permission applies only to X", "the rule covers all firms": a verb of covering in "s" that the tagger
// read as a plural noun after a determiner and a singular noun, before an adverb, "to", a determiner or a
// number, is the verb.
void retag_covering_verbs(std::vector<Word>& words) {
  using syntax::Pos;
  for (std::size_t i = 2; i + 1 < words.size(); ++i) {
    Word& w = words[i];
    const Pos next = words[i + 1].pos;
    if (!plural_in_s(w) || !(w.starts & bit(Section::Cover)) ||
        !(words[i - 1].pos == Pos::NN || words[i - 1].pos == Pos::NNP) ||
        !(words[i - 2].pos == Pos::DT || words[i - 2].pos == Pos::PRPS ||
          syntax::is_adjective(words[i - 2].pos)) ||
        !(next == Pos::RB || next == Pos::TO || next == Pos::DT || next == Pos::CD))
      continue;
    w.pos = Pos::VBZ;
  }
}

// "The city let residents use the pool": a word the tagger read as a preposition that is none (prepositions
// and subordinators are a closed class), right after a noun, a name or a pronoun and before the start of a
// noun phrase, is a base verb.
void retag_false_prepositions(std::vector<Word>& words) {
  using syntax::Pos;
  static constexpr std::string_view kPrepositions[] = {
      "about",   "above",   "across", "after",   "against", "along",   "although",   "amid",    "among",
      "around",  "as",      "at",     "because", "before",  "behind",  "below",      "beneath", "beside",
      "besides", "between", "beyond", "but",     "by",      "despite", "down",       "during",  "except",
      "for",     "from",    "if",     "in",      "inside",  "into",    "like",       "near",    "of",
      "off",     "on",      "once",   "onto",    "out",     "outside", "over",       "past",    "per",
      "since",   "so",      "than",   "that",    "though",  "through", "throughout", "till",    "to",
      "toward",  "towards", "under",  "unless",  "unlike",  "until",   "up",         "upon",    "via",
      "whereas", "whether", "while",  "with",    "within",  "without", "amongst",    "atop",    "opposite",
      "next",    "plus",    "minus",  "versus",  "vs",      "vs.",     "worth",      "because"};
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    Word& w = words[i];
    const Pos before = words[i - 1].pos, next = words[i + 1].pos;
    if (w.pos != Pos::IN || w.punct ||
        std::find(std::begin(kPrepositions), std::end(kPrepositions), w.lower) != std::end(kPrepositions) ||
        !(before == Pos::NNS || before == Pos::NNP || before == Pos::NNPS || before == Pos::PRP) ||
        !(next == Pos::DT || next == Pos::PRPS || syntax::is_noun(next) || syntax::is_adjective(next)))
      continue;
    w.pos = Pos::VB;
  }
}

// "strikes deep inside X", "fire right across the border": an adverb of degree before a preposition that the
// tagger read as a verb (none of these words is one there) is the adverb.
void retag_degree_adverbs(std::vector<Word>& words) {
  using syntax::Pos;
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    if ((words[i].pos == Pos::VB || words[i].pos == Pos::VBP) && words[i + 1].pos == Pos::IN &&
        is_degree_adverb(words[i].lower))
      words[i].pos = Pos::RB;
  }
}

}  // namespace

void retag_misread_words(SentenceView& view) {
  if (!view.tagged) return;
  if (view.headline) retag_headline_verbs(view.words);
  retag_continuing_verbs(view.words);
  retag_nouns_read_as_adverbs(view.words);
  retag_verbs_before_from(view.words);
  retag_adverbs_after_modals(view.words);
  retag_verbs_after_adverbs(view.words);
  retag_covering_verbs(view.words);
  retag_degree_adverbs(view.words);
  retag_false_prepositions(view.words);
}

}  // namespace articlescope::policy
