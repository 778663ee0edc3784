#include "clean/boilerplate.hpp"

#include "clean/util.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <vector>

namespace articlescope::clean {
namespace {

struct Pattern {
  std::string_view text;
  std::string_view reason;
  bool whole_token;  // short words must match a whole class token ("ad" must not match "header")
};

// Class/id fragments of boilerplate, grouped by the reason reported in Article::removed.
constexpr Pattern kNegative[] = {
    {"comment", "comments", false},
    {"disqus", "comments", false},
    {"respond", "comments", false},
    {"replies", "comments", false},
    {"reply", "comments", true},
    {"discussion", "comments", false},
    {"share", "share", false},
    {"sharing", "share", false},
    {"social", "share", false},
    {"addthis", "share", false},
    {"sociable", "share", false},
    {"shariff", "share", false},
    {"follow-us", "share", false},
    {"related", "related", false},
    {"recommend", "related", false},
    {"more-stories", "related", false},
    {"morestories", "related", false},
    {"outbrain", "related", false},
    {"taboola", "related", false},
    {"popular", "related", false},
    {"trending", "related", false},
    {"most-read", "related", false},
    {"mostread", "related", false},
    {"also-like", "related", false},
    {"yarpp", "related", false},
    {"read-next", "related", false},
    {"readnext", "related", false},
    {"more-from", "related", false},
    {"newsletter", "newsletter", false},
    {"subscribe", "newsletter", false},
    {"subscription", "newsletter", false},
    {"signup", "newsletter", false},
    {"sign-up", "newsletter", false},
    {"mailing", "newsletter", false},
    {"mc4wp", "newsletter", false},
    {"optin", "newsletter", false},
    {"paywall", "newsletter", false},
    {"cookie", "cookie", false},
    {"consent", "cookie", false},
    {"gdpr", "cookie", false},
    {"cmp", "cookie", true},
    {"ad", "ad", true},
    {"ads", "ad", true},
    {"adv", "ad", true},
    {"advert", "ad", false},
    {"-ad-", "ad", false},
    {"ad-slot", "ad", false},
    {"adslot", "ad", false},
    {"dfp", "ad", true},
    {"sponsor", "ad", false},
    {"promo", "ad", false},
    {"banner", "ad", false},
    {"adsense", "ad", false},
    {"billboard", "ad", false},
    {"skyscraper", "ad", false},
    {"commercial", "ad", false},
    {"affiliate", "ad", false},
    {"nav", "navigation", true},
    {"navbar", "navigation", false},
    {"navigation", "navigation", false},
    {"menu", "navigation", false},
    {"breadcrumb", "navigation", false},
    {"pagination", "navigation", false},
    {"pager", "navigation", false},
    {"skip-link", "navigation", false},
    {"masthead", "navigation", false},
    {"topbar", "navigation", false},
    {"footer", "navigation", false},
    {"sidebar", "navigation", false},
    {"widget", "navigation", false},
    {"toolbar", "navigation", false},
    {"tags", "navigation", true},
    {"tag-list", "navigation", false},
    {"tagcloud", "navigation", false},
    {"header", "navigation", false},
    {"combx", "navigation", false},
    {"shoutbox", "navigation", false},
    {"supplemental", "navigation", false},
    {"rss", "navigation", true},
    {"login", "navigation", false},
    {"search", "navigation", true},
    {"hidden", "hidden", true},
    {"sr-only", "hidden", false},
    {"visually-hidden", "hidden", false},
    {"screen-reader", "hidden", false},
    {"modal", "hidden", false},
    {"popup", "hidden", false},
    {"overlay", "hidden", true},
    {"print-only", "hidden", false},
    {"noprint", "hidden", false},
    {"author-bio", "byline", false},
    {"author_bio", "byline", false},
    {"authorbio", "byline", false},
    {"author-info", "byline", false},
    {"author-desc", "byline", false},
    {"author_desc", "byline", false},
    {"author-note", "byline", false},
    {"author_note", "byline", false},
    {"author-description", "byline", false},
    {"kommentar", "comments", false},
    {"comentario", "comments", false},
    {"commentaire", "comments", false},
    {"rating", "rating", false},
    {"news-rate", "rating", false},
    {"review-form", "rating", false},
    {"disclaimer", "legal", false},
    {"disclosure", "legal", false},
    {"pop-up", "hidden", false},
    {"toc", "navigation", true},
    {"toc_container", "navigation", false},
    {"table-of-contents", "navigation", false},
    {"tag-links", "navigation", false},
    {"taglist", "navigation", false},
    {"post-tags", "navigation", false},
    {"werbung", "ad", false},
    {"anzeige", "ad", false},
    {"publicidad", "ad", false},
    {"embed", "embed", false},
    {"weitere", "related", false},
    {"teilen", "share", false},
    {"compartir", "share", false},
    {"partager", "share", false},
    {"condividi", "share", false},
    {"about-author", "byline", false},
    {"about_author", "byline", false},
    {"author-box", "byline", false},
    {"author_box", "byline", false},
    {"authorbox", "byline", false},
    {"cta", "newsletter", true},  // "call to action": sign-up, donation and letters-to-the-editor boxes
};

constexpr std::string_view kPositive[] = {"article", "body",  "content", "entry", "main",
                                          "post",    "story", "text",    "blog",  "hentry",
                                          "h-entry", "prose", "column",  "news",  "page"};

constexpr std::string_view kStrongContent[] = {
    "article-body", "articlebody",  "article_body",  "article-content", "article__body",  "article__content",
    "articletext",  "article-text", "story-body",    "storybody",       "story-content",  "post-content",
    "post-body",    "postbody",     "entry-content", "entry-body",      "content-body",   "td-post-content",
    "field-body",   "rich-text",    "article-main",  "main-content",    "single-content", "news-content",
    "news-text",    "text-content"};

// Word lists for short boilerplate blocks: lower-case ASCII/UTF-8 prefixes, many languages.
struct Phrase {
  std::string_view text;
  std::string_view reason;
};

constexpr Phrase kStartPhrases[] = {
    {"share this", "share"},
    {"share on", "share"},
    {"share:", "share"},
    {"share article", "share"},
    {"share the article", "share"},
    {"tweet", "share"},
    {"teilen", "share"},
    {"compartir", "share"},
    {"partager", "share"},
    {"condividi", "share"},
    {"compartilhe", "share"},
    {"compartilhar", "share"},
    {"email this", "share"},
    {"print this", "share"},
    {"sign up", "newsletter"},
    {"subscribe", "newsletter"},
    {"newsletter", "newsletter"},
    {"join our", "newsletter"},
    {"join us on", "newsletter"},
    {"join the", "newsletter"},
    {"follow us", "newsletter"},
    {"get our", "newsletter"},
    {"click here to", "newsletter"},
    {"download our app", "newsletter"},
    {"inscrivez", "newsletter"},
    {"abonnez", "newsletter"},
    {"suscr", "newsletter"},
    {"abonnieren", "newsletter"},
    {"iscriviti", "newsletter"},
    {"síguenos", "newsletter"},
    {"siga-nos", "newsletter"},
    {"folgen sie uns", "newsletter"},
    {"related", "related"},
    {"read more", "related"},
    {"read also", "related"},
    {"also read", "related"},
    {"read next", "related"},
    {"you may also like", "related"},
    {"you might also like", "related"},
    {"you may like", "related"},
    {"more from", "related"},
    {"more stories", "related"},
    {"recommended", "related"},
    {"most read", "related"},
    {"most popular", "related"},
    {"trending", "related"},
    {"lesen sie auch", "related"},
    {"auch interessant", "related"},
    {"mehr zum thema", "related"},
    {"weitere artikel", "related"},
    {"das könnte sie auch", "related"},
    {"lire aussi", "related"},
    {"à lire aussi", "related"},
    {"a lire aussi", "related"},
    {"voir aussi", "related"},
    {"leer más", "related"},
    {"lee también", "related"},
    {"te puede interesar", "related"},
    {"noticias relacionadas", "related"},
    {"artículos relacionados", "related"},
    {"leggi anche", "related"},
    {"leia também", "related"},
    {"leia mais", "related"},
    {"veja também", "related"},
    {"lees ook", "related"},
    {"lea también", "related"},
    {"lea más", "related"},
    {"vea también", "related"},
    {"le puede interesar", "related"},
    {"puedes ver", "related"},
    {"mira también", "related"},
    {"zobacz także", "related"},
    {"zobacz też", "related"},
    {"zum weiterlesen", "related"},
    {"weiterlesen", "related"},
    {"continue reading", "related"},
    {"lire la suite", "related"},
    {"seguir leyendo", "related"},
    {"das könnte dich", "related"},
    {"das könnte sie", "related"},
    {"ähnliche beiträge", "related"},
    {"ähnliche artikel", "related"},
    {"lust auf mehr", "related"},
    {"dowiedz się więcej", "related"},
    {"inhaltsverzeichnis", "navigation"},
    {"table of contents", "navigation"},
    {"über den autor", "byline"},
    {"about the author", "byline"},
    {"war der artikel", "rating"},
    {"wie bewerten sie", "rating"},
    {"was this article helpful", "rating"},
    {"rate this article", "rating"},
    {"bewerten sie", "rating"},
    {"become a member", "newsletter"},
    {"become a subscriber", "newsletter"},
    {"support our journalism", "newsletter"},
    {"support us", "newsletter"},
    {"hazte miembro", "newsletter"},
    {"hazte socio", "newsletter"},
    {"unterstützen sie", "newsletter"},
    {"werden sie mitglied", "newsletter"},
    {"apoya nuestro", "newsletter"},
    {"apoya el periodismo", "newsletter"},
    {"apóyanos", "newsletter"},
    {"support independent journalism", "newsletter"},
    {"support quality journalism", "newsletter"},
    {"unterstütze uns", "newsletter"},
    {"unterstützt uns", "newsletter"},
    {"soutenez", "newsletter"},
    {"sostienici", "newsletter"},
    {"we want to hear what you think", "newsletter"},
    {"valora esta", "rating"},
    {"rate this", "rating"},
    {"(noch keine bewertungen", "rating"},
    {"noch keine bewertungen", "rating"},
    {"(no ratings yet", "rating"},
    {"no ratings yet", "rating"},
    {"print recipe", "share"},
    {"rezept drucken", "share"},
    {"artikel drucken", "share"},
    {"imprimir receta", "share"},
    {"imprimer la recette", "share"},
    {"if you enjoyed", "newsletter"},
    {"did you enjoy", "newsletter"},
    {"gefällt dir", "newsletter"},
    {"zapraszamy", "newsletter"},
    {"you are not logged in", "comments"},
    {"sie sind nicht eingeloggt", "comments"},
    {"sie sind aktuell nicht eingeloggt", "comments"},
    {"foto:", "credit"},
    {"fotos:", "credit"},
    {"photo:", "credit"},
    {"photos:", "credit"},
    {"photograph by", "credit"},
    {"credit:", "credit"},
    {"credits:", "credit"},
    {"crédits photo", "credit"},
    {"crédits photos", "credit"},
    {"titelbild:", "credit"},
    {"(credit:", "credit"},
    {"(photo:", "credit"},
    {"crédito:", "credit"},
    {"(crédito", "credit"},
    {"(foto", "credit"},
    {"bild:", "credit"},
    {"image:", "credit"},
    {"(quelle", "credit"},
    {"quelle:", "credit"},
    {"abbildung:", "credit"},
    {"imagen:", "credit"},
    {"fotografía:", "credit"},
    {"czytaj także", "related"},
    {"czytaj też", "related"},
    {"читайте также", "related"},
    {"相关新闻", "related"},
    {"相关阅读", "related"},
    {"相关文章", "related"},
    {"推荐阅读", "related"},
    {"延伸阅读", "related"},
    {"热门推荐", "related"},
    {"关注我们", "newsletter"},
    {"advertisement", "ad"},
    {"advertising", "ad"},
    {"sponsored", "ad"},
    {"anzeige", "ad"},
    {"werbung", "ad"},
    {"publicidad", "ad"},
    {"publicité", "ad"},
    {"pubblicità", "ad"},
    {"publicidade", "ad"},
    {"reklama", "ad"},
    {"реклама", "ad"},
    {"ad:", "ad"},
    {"we use cookies", "cookie"},
    {"this website uses cookies", "cookie"},
    {"this site uses cookies", "cookie"},
    {"cookie", "cookie"},
    {"accept cookies", "cookie"},
    {"leave a comment", "comments"},
    {"leave a reply", "comments"},
    {"comments", "comments"},
    {"add a comment", "comments"},
    {"post a comment", "comments"},
    {"comentarios", "comments"},
    {"kommentare", "comments"},
    {"commentaires", "comments"},
    {"commenti", "comments"},
    {"all rights reserved", "legal"},
    {"unless otherwise noted", "legal"},
    {"unless otherwise stated", "legal"},
    {"except where otherwise noted", "legal"},
    {"this work is licensed under", "legal"},
    {"this article is licensed under", "legal"},
    {"sofern nicht anders", "legal"},
    {"soweit nicht anders", "legal"},
    {"dieser text wurde veröffentlicht unter", "legal"},
    {"©", "legal"},
    {"copyright", "legal"},
    {"todos los derechos", "legal"},
    {"alle rechte", "legal"},
    {"tous droits", "legal"},
    {"tutti i diritti", "legal"},
};

// Words that make a longer block opening with a start phrase a call to action ("Lust auf mehr? ... unseren
// Newsletter", "Gefällt dir unser Magazin? ... keine Paywall"): together with the opening they are one.
constexpr std::string_view kCallWords[] = {
    "newsletter", "subscri",        "abonn",      "suscr", "subskryp", "posteingang", "inbox",
    "paywall",    "bezahlschranke", "unterstütz", "donat", "spende",   "membership",  "membresía"};

// Phrases that mark boilerplate anywhere in a block of moderate length.
constexpr Phrase kAnywherePhrases[] = {
    {"all rights reserved", "legal"},
    {"sign up for our newsletter", "newsletter"},
    {"subscribe to our newsletter", "newsletter"},
    {"join our whatsapp", "newsletter"},
    {"join our telegram", "newsletter"},
    {"whatsapp group", "newsletter"},
    {"telegram channel", "newsletter"},
    {"join our facebook group", "newsletter"},
    // The publisher pointing to its own channel ("Watch our YouTube channel!").
    {"our youtube channel", "newsletter"},
    {"nuestro canal de youtube", "newsletter"},
    {"unseren youtube-kanal", "newsletter"},
    {"unserem youtube-kanal", "newsletter"},
    {"notre chaîne youtube", "newsletter"},
    {"nostro canale youtube", "newsletter"},
    {"nosso canal do youtube", "newsletter"},
    {"nasz kanał na youtube", "newsletter"},
    {"we use cookies", "cookie"},
    {"uses cookies", "cookie"},
    {"follow us on", "newsletter"},
    {"like us on facebook", "share"},
    {"share this article", "share"},
    {"click here to subscribe", "newsletter"},
    {"enable javascript", "hidden"},
    {"logged in to post a comment", "comments"},
    {"um kommentare zu schreiben", "comments"},
    {"um einen kommentar zu schreiben", "comments"},
    // Affiliate disclosures (a legal formula, worded alike on most sites that earn from product links).
    {"we may earn a commission", "ad"},
    {"we may receive compensation", "ad"},
    {"we may earn an affiliate commission", "ad"},
    {"advertisers do not influence", "ad"},
    {"todos los derechos reservados", "legal"},
    {"alle rechte vorbehalten", "legal"},
};

std::vector<std::string_view> class_tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const bool sep = i == s.size() || !((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9'));
    if (sep) {
      if (i > start) out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

}  // namespace

bool is_hidden_element(const html::Node& node) {
  if (node.has_attr("hidden")) return true;
  if (node.attr("aria-hidden") == "true" && node.tag != html::Tag::Img && node.tag != html::Tag::Figure) {
    return lower_ascii(node.attr("class")).find("fallback-image") == std::string::npos;
  }
  const std::string_view style = node.attr("style");
  if (style.empty()) return false;
  std::string compact;
  for (char c : style) {
    if (c != ' ') compact += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

namespace {

// The patterns of kPositive, kStrongContent and the substring kNegative ones in one PatternSet: one pass
// over the hints finds them all (finding each pattern on its own was a tenth of the analysis time).
struct HintPatternIndex {
  enum Group : std::uint8_t { kPositiveGroup, kStrongGroup, kNegativeGroup };
  struct Entry {
    std::string_view text;
    Group group;
    std::uint16_t negative_index;  // position in kNegative: the first pattern in that order wins
  };
  std::vector<Entry> entries = make_entries();  // the set's patterns, in its order
  PatternSet set{texts_of(entries)};

  static std::vector<Entry> make_entries() {
    std::vector<Entry> out;
    const auto add = [&](std::string_view text, Group group, std::size_t index) {
      out.push_back({text, group, static_cast<std::uint16_t>(index)});
    };
    for (std::string_view word : kPositive) add(word, kPositiveGroup, 0);
    for (std::string_view word : kStrongContent) add(word, kStrongGroup, 0);
    for (std::size_t i = 0; i < std::size(kNegative); ++i) {
      if (!kNegative[i].whole_token) add(kNegative[i].text, kNegativeGroup, i);
    }
    return out;
  }
  static std::vector<std::string_view> texts_of(const std::vector<Entry>& entries) {
    std::vector<std::string_view> out;
    for (const Entry& entry : entries) out.push_back(entry.text);
    return out;
  }
};

struct HintMatches {
  bool positive = false;
  bool strong_content = false;
  std::string_view negative;  // the reason of the first kNegative pattern that matches
};

HintMatches match_hints(std::string_view hints, const std::vector<std::string_view>& tokens) {
  static const HintPatternIndex index;
  HintMatches matches;
  std::size_t best = std::size(kNegative);
  bool comment_seen = false;
  // A live ticker's entries ("live-match-comment", "liveticker-kommentar") are the reporter's commentary,
  // the story itself, not readers' comments.
  const bool live = std::any_of(tokens.begin(), tokens.end(), [](std::string_view token) {
    return token == "live" || token == "liveblog" || token == "liveticker" || token == "ticker";
  });
  index.set.for_each_match(hints, [&](std::size_t k, std::size_t pos) {
    const HintPatternIndex::Entry& entry = index.entries[k];
    if (entry.group == HintPatternIndex::kPositiveGroup) {
      matches.positive = true;
    } else if (entry.group == HintPatternIndex::kStrongGroup) {
      matches.strong_content = true;
    } else if (live && (entry.text == "comment" || entry.text == "kommentar" || entry.text == "commentaire" ||
                        entry.text == "comentario")) {
      comment_seen = true;
    } else if (entry.text == "comment") {
      // "commentary" is an opinion piece, not comments (judged at the first "comment" only).
      if (!comment_seen && hints.compare(pos, 10, "commentary") != 0)
        best = std::min<std::size_t>(best, entry.negative_index);
      comment_seen = true;
    } else {
      best = std::min<std::size_t>(best, entry.negative_index);
    }
  });
  // Short words must match a whole class token ("ad" must not match "header"); "shadow" etc. are covered so.
  for (std::size_t i = 0; i < best; ++i) {
    if (!kNegative[i].whole_token) continue;
    if (std::find(tokens.begin(), tokens.end(), kNegative[i].text) != tokens.end()) best = i;
  }
  if (best < std::size(kNegative)) matches.negative = kNegative[best].reason;
  return matches;
}

// The attributes hints are read from, in one pass over an element's attributes (the first of a name wins,
// as in Node::attr()).
struct HintAttributes {
  enum : unsigned { kRole, kItemprop, kClass, kId, kCount };
  std::string_view values[kCount];
  bool any = false;  // one of them is non-empty

  explicit HintAttributes(const html::Node& node) {
    unsigned seen = 0;
    for (const html::Attribute& attribute : node.attributes) {
      const std::string_view name = attribute.name;
      const unsigned k = name == "class"      ? kClass
                         : name == "id"       ? kId
                         : name == "role"     ? kRole
                         : name == "itemprop" ? kItemprop
                                              : kCount;
      if (k == kCount || (seen & (1u << k)) != 0) continue;
      seen |= 1u << k;
      values[k] = attribute.value;
      any = any || !attribute.value.empty();
    }
  }
};

HintVerdict judge_attributes(const HintAttributes& attributes) {
  HintVerdict verdict;
  if (!attributes.any) return verdict;
  const std::string role = lower_ascii(attributes.values[HintAttributes::kRole]);
  if (role == "navigation" || role == "menu" || role == "menubar" || role == "banner" || role == "search" ||
      role == "contentinfo") {
    verdict.reason = "navigation";
  } else if (role == "complementary") {
    verdict.reason = "aside";
  } else if (role == "alert" || role == "alertdialog" || role == "dialog") {
    verdict.reason = "hidden";
  }
  const std::string itemprop = lower_ascii(attributes.values[HintAttributes::kItemprop]);
  if (itemprop.find("articlebody") != std::string::npos || itemprop == "text") verdict.strong_content = true;

  // Taxonomy classes (WordPress "category-no-newsletter", "tag-social-media") name topics, not page parts.
  std::string hints;
  const std::string classes = lower_ascii(attributes.values[HintAttributes::kClass]);
  std::size_t start = 0;
  while (start < classes.size()) {
    auto end = classes.find_first_of(" \t\n", start);
    if (end == std::string::npos) end = classes.size();
    const std::string_view token = std::string_view(classes).substr(start, end - start);
    bool taxonomy = false;
    for (std::string_view prefix : {"category-", "tag-", "post-", "postid-", "format-", "status-", "type-"}) {
      if (token.rfind(prefix, 0) == 0 && token.size() > prefix.size()) taxonomy = true;
    }
    if (!taxonomy && !token.empty()) {
      hints.append(token);
      hints += ' ';
    }
    start = end + 1;
  }
  hints += ' ';
  hints += lower_ascii(attributes.values[HintAttributes::kId]);
  if (hints.size() <= 1) return verdict;
  const auto tokens = class_tokens(hints);

  for (const std::string_view token : tokens) {
    for (const std::string_view word : {"ticker", "newsticker", "breaking", "newsflash", "eilmeldung",
                                        "ultimahora", "flashinfo", "marquee"}) {
      verdict.ticker = verdict.ticker || token.rfind(word, 0) == 0;
    }
    verdict.live = verdict.live || token.rfind("live", 0) == 0;
  }
  const HintMatches matches = match_hints(hints, tokens);
  const bool positive = matches.positive;
  if (matches.strong_content) verdict.strong_content = true;
  const std::string_view negative = matches.negative;
  if (positive) verdict.weight += 25;
  if (!negative.empty()) verdict.weight -= 25;
  if (verdict.strong_content) verdict.weight += 25;
  if (verdict.reason.empty() && !negative.empty() && !positive && !verdict.strong_content)
    verdict.reason = negative;
  // Page builders (and sidebars) call every element a "widget": a text widget is text. With no other cue
  // beside it the name alone says nothing; the element's links decide (extract.cpp).
  if (negative == "navigation" && verdict.reason == "navigation" && role.empty() &&
      hints.find("widget") != std::string::npos) {
    std::string without = hints;
    for (std::size_t at = without.find("widget"); at != std::string::npos; at = without.find("widget", at))
      without.replace(at, 6, "      ");
    verdict.layout_only = match_hints(without, class_tokens(without)).negative.empty();
  }
  // Comments, share bars and related lists are boilerplate even inside an "article-..." wrapper.
  if (verdict.reason.empty() && !verdict.strong_content &&
      (negative == "comments" || negative == "share" || negative == "related" || negative == "newsletter" ||
       negative == "cookie")) {
    verdict.reason = negative;
  }
  return verdict;
}

}  // namespace

HintVerdict judge_hints(const html::Node& node) { return judge_attributes(HintAttributes(node)); }

HintVerdict judge_hints_without_id(const html::Node& node) {
  HintAttributes attributes(node);
  attributes.values[HintAttributes::kId] = {};
  attributes.any = std::any_of(std::begin(attributes.values), std::end(attributes.values),
                               [](std::string_view value) { return !value.empty(); });
  return judge_attributes(attributes);
}

HintVerdict HintJudge::judge(const html::Node& node) {
  const HintAttributes attributes(node);
  if (!attributes.any) return {};
  key_.clear();
  for (const std::string_view value : attributes.values) {  // length-prefixed: no collisions
    const auto size = static_cast<std::uint32_t>(value.size());
    key_.append(reinterpret_cast<const char*>(&size), sizeof size).append(value);
  }
  const auto found = verdicts_.find(key_);
  if (found != verdicts_.end()) return found->second;
  const HintVerdict verdict = judge_attributes(attributes);
  verdicts_.emplace(key_, verdict);
  return verdict;
}

std::string_view boilerplate_text_kind(std::string_view text) {
  const std::string lower = count_words(text) == 0 ? std::string() : text::lower(collapse(text));
  if (lower.empty()) return {};
  const std::size_t chars = count_chars(lower);
  if (chars <= 100) {
    for (const Phrase& phrase : kStartPhrases) {
      if (lower.rfind(phrase.text, 0) == 0) {
        const std::size_t end = phrase.text.size();
        const bool boundary = end >= lower.size() || !((lower[end] >= 'a' && lower[end] <= 'z'));
        if (boundary) return phrase.reason;
      }
    }
  }
  if (chars > 100 && chars <= 300) {
    for (const Phrase& phrase : kStartPhrases) {
      if ((phrase.reason != "newsletter" && phrase.reason != "related") || lower.rfind(phrase.text, 0) != 0)
        continue;
      for (std::string_view word : kCallWords) {
        if (lower.find(word) != std::string::npos) return "newsletter";
      }
    }
  }
  if (chars <= 300) {
    static const PatternSet anywhere = [] {
      std::vector<std::string_view> texts;
      for (const Phrase& phrase : kAnywherePhrases) texts.push_back(phrase.text);
      return PatternSet(std::move(texts));
    }();
    const std::size_t found = anywhere.first_listed_in(lower);
    if (found != PatternSet::npos) return kAnywherePhrases[found].reason;
  }
  return {};
}

std::string_view boilerplate_heading_kind(std::string_view text) {
  const std::string lower = text::lower(collapse(text));
  if (lower.empty() || count_chars(lower) > 60) return {};
  const std::string_view kind = boilerplate_text_kind(lower);
  if (kind == "related" || kind == "comments" || kind == "newsletter" || kind == "share" || kind == "byline")
    return kind;
  for (std::string_view word :
       {"see also",     "more news",      "latest news",      "latest stories",
        "top stories",  "editor's picks", "editors' picks",   "you might be interested",
        "tags",         "topics",         "about the author", "more in",
        "also on",      "popular now",    "más noticias",     "weitere nachrichten",
        "à voir aussi", "ultime notizie", "mais lidas",       "más leídas",
        "meistgelesen", "mehr zu ",       "mehr zur ",        "keep reading"}) {
    if (lower.rfind(word, 0) == 0) return word == "about the author" ? "byline" : "related";
  }
  // The press contact under a release: the whole heading is the label ("Kontakt", "Contact:"), as a longer
  // one may name a topic ("Contact with the rebels"); "Ansprechpartner ..." and "Pressekontakt ..." label a
  // contact however they go on ("Ansprechpartnerin zum Thema:").
  std::string_view label = trim(lower);
  while (!label.empty() && (label.back() == ':' || label.back() == ' ')) label.remove_suffix(1);
  for (std::string_view word : {"kontakt", "pressekontakt", "medienkontakt", "kontakt für medien", "contact",
                                "contacts", "press contact", "media contact", "media contacts",
                                "contact presse", "contacto", "contacto de prensa", "contatti", "kontakty"}) {
    if (label == word) return "contact";
  }
  for (std::string_view word : {"ansprechpartner", "pressekontakt", "press contact", "media contact"}) {
    if (label.rfind(word, 0) == 0) return "contact";
  }
  // The author's box under the article ("Autor", "The author", "Zur Autorin"): the whole label names it.
  for (std::string_view word :
       {"author",    "the author",     "the authors",     "authors",     "autor",     "autorin",   "autoren",
        "der autor", "die autorin",    "zum autor",       "zur autorin", "l'auteur",  "l'autrice", "el autor",
        "la autora", "sobre el autor", "sobre la autora", "l'autore",    "o autorze", "autorka"}) {
    if (label == word) return "byline";
  }
  return {};
}

namespace {

// What starts a photo credit, lower-case: labels ("Foto:", "Photo by"), and agencies written as credits,
// which may follow the photographer's name ("Jane Doe / Getty Images", "Jane Doe via Unsplash").
constexpr std::string_view kCreditLabels[] = {
    "\u00a9",       "(c) ",        "copyright",     "photo:",        "photos:",     "photo by",
    "photo credit", "photograph:", "photograph by", "photography:",  "image:",      "image credit",
    "image via",    "image by",    "credit:",       "credits:",      "picture:",    "foto:",
    "fotos:",       "foto via",    "foto di",       "fotografía:",   "fotografia:", "imagen:",
    "crédito:",     "créditos:",   "crédit photo",  "crédits photo", "photo :",     "bild:",
    "bild via",     "bildquelle",  "bildnachweis",  "quelle:",       "(quelle",     "fuente:",
    "source:",      "zdjęcie:",    "fot.",          "(reuters",      "(afp",        "(ap photo",
    "(epa",         "(dpa"};
constexpr std::string_view kCreditAgencies[] = {
    "reuters/", "afp/",         "ap photo/",        "epa/",
    "dpa/",     "getty images", "istock",           "shutterstock",
    "unsplash", "imago images", "picture alliance", "picture-alliance",
    "keystone/"};

constexpr std::size_t kMaxCreditBytes = 120;  // a credit is a name or two, not a sentence

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80;
}

// Where the photographer's name before an agency starts: after the description's last sentence mark or
// parenthesis, a few words back. npos when no such mark is near (the agency is then part of the sentence).
std::size_t credit_name_start(std::string_view text, std::size_t agency) {
  int spaces = 0;
  for (std::size_t p = agency; p > 0; --p) {
    const char c = text[p - 1];
    if (c == '.' || c == '!' || c == '?' || c == '(' || c == ')' || c == '|' || c == ':' || c == ';' ||
        c == '\n')
      return p;
    if (c == ' ' && ++spaces > 6) return std::string::npos;
  }
  return 0;
}

}  // namespace

std::size_t caption_credit_start(std::string_view text) {
  const std::string lower = lower_ascii(text);
  std::size_t best = std::string::npos;
  const auto find = [&](std::string_view marker, bool agency) {
    // The earliest marker that starts a short tail: "Foto: X / Reuters" is cut at "Foto:".
    for (std::size_t at = lower.find(marker); at != std::string::npos; at = lower.find(marker, at + 1)) {
      if (at > 0 && is_word_byte(lower[at - 1]) && is_word_byte(marker.front())) continue;
      const std::size_t start = agency ? credit_name_start(text, at) : at;
      if (start == std::string::npos || text.size() - start > kMaxCreditBytes) continue;
      best = std::min(best, start);
      return;
    }
  };
  for (std::string_view marker : kCreditLabels) find(marker, false);
  for (std::string_view marker : kCreditAgencies) find(marker, true);
  if (best == std::string::npos) return best;
  // An opening parenthesis not closed before the marker encloses the credit: "(mlharing / iStock.com)".
  const std::size_t open = text.rfind('(', best);
  if (open != std::string::npos && best - open < 60 && text.find(')', open) >= best) best = open;
  // Separators between the description and the credit go with the credit.
  while (best > 0) {
    const char c = text[best - 1];
    if (c == ' ' || c == ',' || c == '|' || c == '/' || c == '-' || c == ':' || c == '\n' || c == '\t') {
      --best;
    } else if (best >= 3 &&
               (text.compare(best - 3, 3, "\u2013") == 0 || text.compare(best - 3, 3, "\u2014") == 0)) {
      best -= 3;  // en and em dashes
    } else {
      break;
    }
  }
  return best;
}

bool names_any(const html::Node& node, std::initializer_list<std::string_view> words) {
  const std::string hints = lower_ascii(node.attr("class")) + ' ' + lower_ascii(node.attr("id"));
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view word) { return hints.find(word) != std::string::npos; });
}

bool is_credit_element(const html::Node& node) {
  const std::string itemprop = lower_ascii(node.attr("itemprop"));
  if (itemprop == "creator" || itemprop == "copyrightholder") return true;
  const std::string hints = lower_ascii(node.attr("class")) + ' ' + lower_ascii(node.attr("id"));
  if (hints.size() <= 1 || hints.find("caption") != std::string::npos) return false;
  for (std::string_view word :
       {"credit", "copyright", "attribution", "photographer", "fotograf", "bildnachweis", "urheber"}) {
    if (hints.find(word) != std::string::npos) return true;
  }
  const auto tokens = class_tokens(hints);
  return std::find(tokens.begin(), tokens.end(), "source") != tokens.end();
}

// The endpoints social networks offer for sharing a page, as found in share-button links (matched as
// written: hrefs are lower-case in practice, and links are many).
constexpr std::string_view kShareEndpoints[] = {"facebook.com/sharer",
                                                "facebook.com/share.php",
                                                "facebook.com/dialog/share",
                                                "facebook.com/dialog/feed",
                                                "twitter.com/intent/",
                                                "twitter.com/share",
                                                "/x.com/intent/",
                                                "linkedin.com/shar",
                                                "linkedin.com/cws/share",
                                                "pinterest.com/pin/create",
                                                "api.whatsapp.com/send",
                                                "/wa.me/?",
                                                "whatsapp://send",
                                                "/t.me/share",
                                                "telegram.me/share",
                                                "reddit.com/submit",
                                                "xing.com/spi/shares",
                                                "xing.com/social/share",
                                                "tumblr.com/share",
                                                "tumblr.com/widgets/share",
                                                "vk.com/share",
                                                "getpocket.com/save",
                                                "flipboard.com/bookmarklet",
                                                "bsky.app/intent/"};

bool is_share_url(std::string_view href) {
  if (href.rfind("mailto:?", 0) == 0) return true;  // no recipient: "send this page to someone"
  static const PatternSet endpoints(
      std::vector<std::string_view>(std::begin(kShareEndpoints), std::end(kShareEndpoints)));
  return endpoints.first_listed_in(href) != PatternSet::npos;
}

bool is_read_more_label(std::string_view text) {
  const std::string key = normalise_key(text);  // drops the "...", "»" and arrows around the words
  if (key.empty() || key.size() > 40) return false;
  for (std::string_view label :
       {"read more",     "more",           "continue reading", "keep reading",  "read the full story",
        "weiterlesen",   "mehr",           "mehr lesen",       "mehr erfahren", "zum artikel",
        "lire la suite", "en savoir plus", "lire plus",        "leer más",      "seguir leyendo",
        "leer mas",      "ver más",        "leggi tutto",      "leggi di più",  "continua a leggere",
        "leia mais",     "ler mais",       "lees meer",        "verder lezen",  "czytaj dalej",
        "czytaj więcej", "подробнее",      "читать далее"}) {
    if (key == label) return true;
  }
  return false;
}

}  // namespace articlescope::clean
