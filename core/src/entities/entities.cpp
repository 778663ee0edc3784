// The entity stage, top to bottom:
//  1. the statistical tagger finds PERSON / ORG / LOCATION (and MISC, kept only as NORP) sentence by
//     sentence, where a line break also ends a sentence,
//  2. rules find DATE, MONEY, QUANTITY, WEAPON and gazetteer NORP,
//  3. overlaps are resolved by priority, then length, then position,
//  4. mentions are linked into groups.
#include "entities/entities.hpp"

#include "entities/linking.hpp"
#include "entities/rules.hpp"
#include "entities/tagger.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace articlescope::entities {
namespace {

// A MISC span is a NORP when it names a nationality or group: a gazetteer entry, or one capitalised word
// with a demonym ending ("Ukrainian", "Congolese", "Israelis").
bool misc_is_norp(const std::vector<RuleToken>& tokens, std::size_t first, std::size_t last) {
  std::string phrase;
  for (std::size_t k = first; k <= last; ++k) {
    if (k > first) phrase += ' ';
    phrase += tokens[k].lower;
  }
  if (is_norp_phrase(phrase)) return true;
  if (first != last) return false;
  const std::string_view w = tokens[first].lower;
  const auto ends = [&](std::string_view s) {
    return w.size() > s.size() + 2 && w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  return ends("ian") || ends("ians") || ends("ese") || ends("ean") || ends("eans") || ends("ish") ||
         ends("ans") || ends("an") || ends("is");
}

// A line break inside a block ends the tagger's sentence (a headline, a dateline, a table row, an address
// line), unless it is a hard wrap of running text: a long line followed by a line that starts in lower case.
bool line_break_ends_sentence(std::string_view text, const std::vector<text::Token>& tokens, std::size_t k) {
  if (!tokens[k].newline_before) return false;
  constexpr std::size_t kWrappedLineBytes = 40;
  const std::size_t line_end = text.rfind('\n', tokens[k].start);
  const std::size_t before = line_end == std::string_view::npos || line_end == 0
                                 ? std::string_view::npos
                                 : text.rfind('\n', line_end - 1);
  const std::size_t line_start = before == std::string_view::npos ? 0 : before + 1;
  const bool long_line = line_end != std::string_view::npos && line_end - line_start >= kWrappedLineBytes;
  std::size_t len = 1;
  const bool lower_next = text::is_lower(text::decode(text, tokens[k].start, len));
  return !(long_line && lower_next);
}

// Nouns for a product or a work: a name set beside one by a comma names a thing.
bool is_product_noun(std::string_view w) {
  static constexpr std::string_view kNouns[] = {
      "tablet",    "tablets",   "pill",    "drug",        "medicine",   "medication", "vaccine",  "inhaler",
      "injection", "treatment", "therapy", "app",         "smartphone", "handset",    "laptop",   "console",
      "game",      "film",      "movie",   "documentary", "song",       "single",     "album",    "novel",
      "book",      "memoir",    "series",  "sitcom",      "musical",    "painting",   "software", "browser",
      "chatbot",   "device",    "gadget",  "car",         "sedan",      "beer",       "brand"};
  return std::find(std::begin(kNouns), std::end(kNouns), w) != std::end(kNouns);
}

// A word after which a noun phrase has ended: a preposition, a participle of making, a relative pronoun.
bool is_phrase_end(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "of", "made", "by", "that", "which",    "who",       "with", "for",      "in",       "from",    "and",
      "or", "to",   "on", "at",   "produced", "developed", "sold", "launched", "released", "approved"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// Whether a token is written with an ASCII lower-case letter first ("tablet", not "Tablet" or ",").
bool lower_initial(const RuleToken& t) { return !t.text.empty() && t.text[0] >= 'a' && t.text[0] <= 'z'; }

// The lower-case text of tokens [first, last], words joined by one space.
std::string lower_text(const std::vector<RuleToken>& tokens, std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t k = first; k <= last; ++k) {
    if (k > first) out += ' ';
    out += tokens[k].lower;
  }
  return out;
}

// The tagger reads any capitalised word as a person, organisation or place, and a product or a work is none
// of them. A name set off by a comma beside a noun for one ("Respira, a once-weekly asthma tablet", "its
// older inhaler, Breatho") names a thing: that name is left untagged everywhere in the article.
void drop_product_names(const std::vector<RuleToken>& tokens, std::vector<TaggedSpan>& spans) {
  const std::size_t n = tokens.size();
  std::vector<std::string> products;
  for (const TaggedSpan& s : spans) {
    bool product = false;
    // "NAME, a/an/the/its ... NOUN": the appositive's last word before a preposition, a participle of making,
    // a relative pronoun or a punctuation mark (within five words) is its head.
    if (s.last + 3 < n && tokens[s.last + 1].lower == "," &&
        (tokens[s.last + 2].lower == "a" || tokens[s.last + 2].lower == "an" ||
         tokens[s.last + 2].lower == "the" || tokens[s.last + 2].lower == "its")) {
      std::size_t k = s.last + 3;
      while (k < n && k <= s.last + 8 && lower_initial(tokens[k]) && !is_phrase_end(tokens[k].lower)) ++k;
      product = k > s.last + 3 && is_product_noun(tokens[k - 1].lower) &&
                (k >= n || is_phrase_end(tokens[k].lower) || !lower_initial(tokens[k]));
    }
    // "... NOUN, NAME".
    if (s.first >= 2 && tokens[s.first - 1].lower == "," && is_product_noun(tokens[s.first - 2].text))
      product = true;
    if (product) products.push_back(lower_text(tokens, s.first, s.last));
  }
  if (products.empty()) return;
  spans.erase(std::remove_if(spans.begin(), spans.end(),
                             [&](const TaggedSpan& s) {
                               return std::find(products.begin(), products.end(),
                                                lower_text(tokens, s.first, s.last)) != products.end();
                             }),
              spans.end());
}

// "Lindholm city ordinance", "the Kessel county council": a name right before a lower-case word for a kind of
// place is that place, whatever the tagger made of it (a capital "City" or "County" may name a club or a
// body: "Manchester City" stays).
void retype_places(const std::vector<RuleToken>& tokens, std::vector<TaggedSpan>& spans) {
  static constexpr std::string_view kPlaceWords[] = {
      "city", "town", "village", "county", "district", "province", "region", "borough", "municipality"};
  std::vector<std::string> places;
  for (const TaggedSpan& s : spans) {
    if (s.type == NerType::Loc || s.type == NerType::Misc || s.last + 1 >= tokens.size()) continue;
    const RuleToken& next = tokens[s.last + 1];
    if (lower_initial(next) &&
        std::find(std::begin(kPlaceWords), std::end(kPlaceWords), next.lower) != std::end(kPlaceWords))
      places.push_back(lower_text(tokens, s.first, s.last));
  }
  // The same name elsewhere in the article is the same place ("Lindholm's ban").
  for (TaggedSpan& s : spans) {
    if (s.type != NerType::Misc &&
        std::find(places.begin(), places.end(), lower_text(tokens, s.first, s.last)) != places.end())
      s.type = NerType::Loc;
  }
}

EntityType type_of(NerType t) {
  switch (t) {
    case NerType::Per:
      return EntityType::Person;
    case NerType::Org:
      return EntityType::Org;
    case NerType::Loc:
      return EntityType::Location;
    case NerType::Misc:
      break;
  }
  return EntityType::Norp;
}

}  // namespace

Result extract(const Article& article, const text::TextIndex& index, bool english) {
  return extract(article, index, embedded_tagger(), english);
}

Result extract(const Article& article, const text::TextIndex& index, const Tagger& tagger, bool english) {
  Result result;
  try {
    const std::string& text = article.text;
    std::string lowered;
    const std::vector<RuleToken> tokens = rule_tokens(text, index, lowered);
    if (tokens.empty()) return result;

    // 1. The tagger, over the whole article as one document.
    std::vector<std::string_view> words;
    words.reserve(tokens.size());
    for (const RuleToken& t : tokens) words.push_back(t.text);
    std::vector<std::pair<std::size_t, std::size_t>> sentences;
    for (const text::Sentence& s : index.sentences) {
      if (s.first_token >= s.last_token || s.last_token > tokens.size()) continue;
      std::size_t begin = s.first_token;
      for (std::size_t k = begin + 1; k < s.last_token; ++k) {
        if (line_break_ends_sentence(text, index.tokens, k)) {
          sentences.emplace_back(begin, k);
          begin = k;
        }
      }
      sentences.emplace_back(begin, s.last_token);
    }
    std::vector<TaggedSpan> spans;
    if (english) tagger.tag(words, sentences, embedded_gazetteer(), spans);
    drop_product_names(tokens, spans);
    retype_places(tokens, spans);
    std::vector<Candidate> candidates;
    for (const TaggedSpan& s : spans) {
      if (s.type == NerType::Misc && !misc_is_norp(tokens, s.first, s.last)) continue;
      candidates.push_back({s.first, s.last, type_of(s.type), kPriorityTagger});
    }

    // 2. Rules.
    find_money(tokens, candidates);
    find_dates(tokens, candidates);
    find_quantities(tokens, candidates);
    // Nationality and group words are English words too ("Christian" is a first name in German and French):
    // in another language only the rules for dates, amounts and quantities run, as its warning says.
    if (english) {
      find_weapons(tokens, candidates);
      find_weapon_classes(tokens, candidates);
      find_norp(tokens, candidates);
    }

    // 3. Overlaps: higher priority, then longer, then earlier wins.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      if (a.priority != b.priority) return a.priority > b.priority;
      if (a.last - a.first != b.last - b.first) return a.last - a.first > b.last - b.first;
      return a.first < b.first;
    });
    std::vector<char> used(tokens.size(), 0);
    std::vector<Candidate> kept;
    for (const Candidate& c : candidates) {
      if (c.last >= tokens.size() || c.first > c.last) continue;
      if (std::any_of(used.begin() + static_cast<std::ptrdiff_t>(c.first),
                      used.begin() + static_cast<std::ptrdiff_t>(c.last) + 1,
                      [](char u) { return u != 0; })) {
        continue;
      }
      std::fill(used.begin() + static_cast<std::ptrdiff_t>(c.first),
                used.begin() + static_cast<std::ptrdiff_t>(c.last) + 1, 1);
      kept.push_back(c);
    }
    std::sort(kept.begin(), kept.end(),
              [](const Candidate& a, const Candidate& b) { return a.first < b.first; });

    // A heading announces what the text says, in Title Case more often than not, where any capitalised word
    // looks like a name: its names are marked where the text itself says them.
    // Blocks and kept mentions are both in text order: one walk over the two.
    auto block = article.blocks.begin();
    result.mentions.reserve(kept.size());
    for (const Candidate& c : kept) {
      const std::size_t start = index.tokens[c.first].start;
      while (block != article.blocks.end() && block->end <= start) ++block;
      if (block != article.blocks.end() && block->kind == BlockKind::Heading && block->start <= start)
        continue;
      Entity e;
      e.type = c.type;
      e.start = start;
      e.end = index.tokens[c.last].end;
      e.text = text.substr(e.start, e.end - e.start);
      result.mentions.push_back(std::move(e));
    }

    // 4. Linking.
    result.groups = link(result.mentions);
  } catch (...) {
    // Out of memory on a huge input: no entities rather than an exception across the WASM boundary.
    return Result{};
  }
  return result;
}

}  // namespace articlescope::entities
