// A small language identifier: the script of the letters, then, for Latin script, which language's most
// frequent function words cover the text. Function words are a few percent of a language's vocabulary but
// a third to a half of its running text, so a few dozen words of any article tell its language; a word
// shared by several languages counts for each of them.
#include "text/language.hpp"

#include "text/utf8.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace articlescope::text {
namespace {

struct LanguageWords {
  std::string_view tag;
  std::string_view name;
  std::string_view words;  // space-separated, lower case
};

// The most frequent function words (articles, pronouns, prepositions, conjunctions, auxiliaries) of each
// language, from general knowledge of the languages. English leaves out words that are as frequent in
// other languages ("a", "in", "de"), so that borrowing them is no evidence for English.
constexpr std::array<LanguageWords, 18> kLanguages{{
    {"en", "English",
     "the of and to is was that for with on are it this by from have has be not but they which were their "
     "been would will said an at or he she his her who its had after about than also"},
    {"de", "German",
     "der die das und ist nicht mit den von zu ein eine sich auf dem für auch es im des wird sind dass wie "
     "bei nach aus oder noch werden einen hat wurde über einer vor zum zur sie ich war"},
    {"fr", "French",
     "le la les et des est un une du que qui dans pour pas sur au avec ce il elle sont par plus ont été aux "
     "ne cette mais nous leur ses son sa se"},
    {"es", "Spanish",
     "el la los las y que de en del un una por con para es se no su al lo más como pero sus fue ha este "
     "esta está son entre sobre"},
    {"it", "Italian",
     "il la di che e è un una per non del della con sono si gli le da nel alla anche come più ma dei delle "
     "ha questo nella degli stato"},
    {"pt", "Portuguese",
     "o a os as de que e do da em um uma para com não por mais dos das no na se ao foi é são como mas pelo "
     "pela também"},
    {"nl", "Dutch",
     "de het een en van is dat niet op met zijn voor te er maar ook aan bij om dan wordt naar door hij ze "
     "werd nog heeft"},
    {"pl", "Polish",
     "i w nie na się z że do jest to jak o ale po co tak za od przez dla jego są czy już oraz który"},
    {"cs", "Czech",
     "a se na je že v to s z do o jako by ale jsou pro za jeho který která které bylo byl podle také"},
    {"sv", "Swedish",
     "och att det som en på är av för med till den har inte om ett var jag men de vid från också"},
    {"da", "Danish", "og at det som en på er af for med til den har ikke om et var jeg men de fra også blev"},
    {"no", "Norwegian",
     "og at det som en på er av for med til den har ikke om et var jeg men de fra også ble"},
    {"fi", "Finnish", "ja on ei se että oli kun mutta hän ovat myös tai joka sekä tämä niin kuin"},
    {"tr", "Turkish", "ve bir bu da de için ile olarak daha çok gibi olan ama en kadar sonra değil"},
    {"ro", "Romanian", "și în de la cu pe din care a nu o un mai este sunt să fost pentru că"},
    {"hu", "Hungarian", "a az és hogy nem is egy meg volt van de már csak még mint ez azt"},
    {"id", "Indonesian",
     "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke ada karena oleh sudah"},
    {"ca", "Catalan", "el la els les i que de en del un una per amb és no es als al més com però"},
}};

// Word -> bit set of the languages that list it.
const std::unordered_map<std::string_view, std::uint32_t>& word_languages() {
  static const auto* table = [] {
    auto* map = new std::unordered_map<std::string_view, std::uint32_t>();
    for (std::size_t l = 0; l < kLanguages.size(); ++l) {
      std::string_view words = kLanguages[l].words;
      while (!words.empty()) {
        const std::size_t space = words.find(' ');
        const std::string_view word = words.substr(0, space);
        if (!word.empty()) (*map)[word] |= 1u << l;
        if (space == std::string_view::npos) break;
        words.remove_prefix(space + 1);
      }
    }
    return map;
  }();
  return *table;
}

enum Script {
  Latin,
  Greek,
  Cyrillic,
  Armenian,
  Hebrew,
  Arabic,
  Devanagari,
  Bengali,
  Thai,
  Georgian,
  Hangul,
  Kana,
  Han,
  Other,
  kScripts
};

Script script_of(char32_t cp) {
  if (cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF)) return Latin;
  if (cp >= 0x370 && cp <= 0x3FF) return Greek;
  if (cp >= 0x400 && cp <= 0x52F) return Cyrillic;
  if (cp >= 0x530 && cp <= 0x58F) return Armenian;
  if (cp >= 0x590 && cp <= 0x5FF) return Hebrew;
  if ((cp >= 0x600 && cp <= 0x6FF) || (cp >= 0x750 && cp <= 0x77F) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
      (cp >= 0xFE70 && cp <= 0xFEFF))
    return Arabic;
  if (cp >= 0x900 && cp <= 0x97F) return Devanagari;
  if (cp >= 0x980 && cp <= 0x9FF) return Bengali;
  if (cp >= 0xE00 && cp <= 0xE7F) return Thai;
  if (cp >= 0x10A0 && cp <= 0x10FF) return Georgian;
  if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF)) return Hangul;
  if (cp >= 0x3040 && cp <= 0x30FF) return Kana;
  if (cp >= 0x4E00 && cp <= 0x9FFF) return Han;
  return Other;
}

// The language of text written mostly in a script other than Latin.
Language by_script(Script script, std::size_t kana) {
  switch (script) {
    case Greek:
      return {"el", "Greek"};
    case Hebrew:
      return {"he", "Hebrew"};
    case Armenian:
      return {"hy", "Armenian"};
    case Georgian:
      return {"ka", "Georgian"};
    case Thai:
      return {"th", "Thai"};
    case Hangul:
      return {"ko", "Korean"};
    case Kana:
      return {"ja", "Japanese"};
    case Han:
      return kana > 0 ? Language{"ja", "Japanese"} : Language{"zh", "Chinese"};
    case Cyrillic:
      return {"und-Cyrl", "a language in Cyrillic script"};
    case Arabic:
      return {"und-Arab", "a language in Arabic script"};
    case Devanagari:
      return {"und-Deva", "a language in Devanagari script"};
    case Bengali:
      return {"und-Beng", "a language in Bengali script"};
    default:
      return {"und", "a language other than English"};
  }
}

constexpr std::size_t kMinWords = 25;    // fewer words than this: too little to tell
constexpr std::size_t kMaxWords = 3000;  // enough for any article; bounds the work on huge inputs
constexpr double kMinCoverage = 0.15;    // the winner's function words cover this share of the words
constexpr double kMinLead = 2.0;         // and at least this many times its rival's

}  // namespace

Language identify_language(std::string_view text) {
  std::array<std::size_t, kScripts> letters{};
  std::array<std::size_t, kLanguages.size()> hits{};
  const auto& table = word_languages();
  std::size_t words = 0;
  std::string word;
  const auto end_word = [&] {
    if (word.empty()) return;
    ++words;
    const auto found = table.find(word);
    if (found != table.end()) {
      for (std::size_t l = 0; l < kLanguages.size(); ++l) hits[l] += (found->second >> l) & 1u;
    }
    word.clear();
  };
  for (std::size_t i = 0; i < text.size() && words < kMaxWords;) {
    std::size_t len = 1;
    const char32_t cp = decode(text, i, len);
    i += len;
    if (is_letter(cp)) {
      ++letters[script_of(cp)];
      append_utf8(word, to_lower(cp));
    } else {
      end_word();
    }
  }
  end_word();

  std::size_t all_letters = 0;
  Script main_script = Latin;
  for (int s = 0; s < kScripts; ++s) {
    all_letters += letters[s];
    if (letters[s] > letters[main_script]) main_script = static_cast<Script>(s);
  }
  if (all_letters < 40) return {};
  if (main_script != Latin) {
    // Japanese mixes kana into Han; any kana at all tells it from Chinese.
    return letters[main_script] * 2 > all_letters ? by_script(main_script, letters[Kana]) : Language{};
  }
  if (words < kMinWords) return {};
  // What matters is English or not: a winner other than English needs a clear lead over English only
  // (Spanish and Catalan may stay close), English a clear lead over every other language.
  constexpr std::size_t kEnglish = 0;
  std::size_t best = kEnglish;
  for (std::size_t l = 0; l < kLanguages.size(); ++l) {
    if (hits[l] > hits[best]) best = l;
  }
  std::size_t rival = best == kEnglish ? 1 : kEnglish;
  if (best == kEnglish) {
    for (std::size_t l = 1; l < kLanguages.size(); ++l) {
      if (hits[l] > hits[rival]) rival = l;
    }
  }
  if (static_cast<double>(hits[best]) < kMinCoverage * static_cast<double>(words)) return {};
  if (static_cast<double>(hits[best]) < kMinLead * static_cast<double>(hits[rival])) return {};
  return {std::string(kLanguages[best].tag), std::string(kLanguages[best].name)};
}

std::string language_name(std::string_view tag) {
  for (const LanguageWords& l : kLanguages) {
    if (l.tag == tag) return std::string(l.name);
  }
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kOthers{{
      {"ru", "Russian"},
      {"uk", "Ukrainian"},
      {"ar", "Arabic"},
      {"fa", "Persian"},
      {"he", "Hebrew"},
      {"el", "Greek"},
      {"zh", "Chinese"},
      {"ja", "Japanese"},
      {"ko", "Korean"},
      {"hi", "Hindi"},
      {"bg", "Bulgarian"},
      {"sr", "Serbian"},
  }};
  for (const auto& [t, name] : kOthers) {
    if (t == tag) return std::string(name);
  }
  return std::string(tag);
}

Language article_language(std::string_view declared, std::string_view text) {
  // The text first: a page template's lang attribute is often the site's default, not the article's.
  Language found = identify_language(text);
  if (!found.tag.empty()) return found;
  std::string primary;
  for (char c : declared) {
    if (c == '-' || c == '_') break;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return {};
    primary += static_cast<char>(c | 0x20);
  }
  // "und", "mul" and "zxx" declare no language.
  if (primary.size() < 2 || primary.size() > 3 || primary == "und" || primary == "mul" || primary == "zxx")
    return {};
  return {primary, language_name(primary)};
}

}  // namespace articlescope::text
