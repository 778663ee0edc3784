// The language identifier and the language_unsupported gate: invented sentences in several languages.
#include "text/language.hpp"

#include <articlescope/articlescope.hpp>

#include <catch2/catch.hpp>
#include <string>

using articlescope::text::article_language;
using articlescope::text::identify_language;

namespace {

const std::string kEnglish =
    "The regional council said on Monday that it would reopen the northern ferry route after the storm, "
    "but the harbour master warned that boats were still not allowed to sail at night. Officials from the "
    "port authority will meet the fishermen's union on Friday to agree on the new timetable.";

const std::string kGerman =
    "Der Stadtrat hat am Montag beschlossen, dass die Fähre nach dem Sturm wieder fahren darf. Die "
    "Hafenmeisterin sagte aber, dass die Boote in der Nacht noch nicht auslaufen dürfen. Vertreter der "
    "Hafenbehörde wollen sich am Freitag mit den Fischern treffen, um einen neuen Fahrplan zu besprechen.";

const std::string kFrench =
    "Le conseil régional a annoncé lundi que la ligne de ferry du nord sera rouverte après la tempête, mais "
    "le capitaine du port a prévenu que les bateaux ne sont pas encore autorisés à sortir la nuit. Les "
    "responsables de la capitainerie rencontreront les pêcheurs vendredi pour fixer un nouvel horaire.";

const std::string kSpanish =
    "El consejo regional anunció el lunes que la ruta del ferri del norte se reabrirá después de la "
    "tormenta, pero el capitán del puerto advirtió que los barcos todavía no pueden salir por la noche. Los "
    "responsables del puerto se reunirán con los pescadores el viernes para acordar un nuevo horario.";

const std::string kRussian =
    "Региональный совет в понедельник объявил, что северная паромная линия снова откроется после шторма, "
    "но капитан порта предупредил, что лодкам пока нельзя выходить в море ночью.";

}  // namespace

TEST_CASE("language: function words tell English from other Latin-script languages", "[text][language]") {
  CHECK(identify_language(kEnglish).tag == "en");
  CHECK(identify_language(kGerman).tag == "de");
  CHECK(identify_language(kGerman).name == "German");
  CHECK(identify_language(kFrench).tag == "fr");
  CHECK(identify_language(kSpanish).tag == "es");
}

TEST_CASE("language: other scripts are told by their letters", "[text][language]") {
  CHECK(identify_language(kRussian).tag == "und-Cyrl");
  CHECK(identify_language("東京の港では、嵐のあとでフェリーが再び運航を始めました。漁師たちは金曜日に新しい時"
                          "刻表について話し合います。"
                          "市の担当者はこれを歓迎しました。")
            .tag == "ja");
}

TEST_CASE("language: too little text is not identified", "[text][language]") {
  CHECK(identify_language("").tag.empty());
  CHECK(identify_language("Ferry route reopens").tag.empty());
  CHECK(identify_language("Die Fähre fährt wieder").tag.empty());
}

TEST_CASE("language: the text wins over a declaration, the declaration decides short text",
          "[text][language]") {
  CHECK(article_language("de-DE", kEnglish).tag == "en");  // a site template's default language
  CHECK(article_language("en", kGerman).tag == "de");
  CHECK(article_language("fr-CA", "Courte phrase").tag == "fr");
  CHECK(article_language("fr-CA", "Courte phrase").name == "French");
  CHECK(article_language("EN_gb", "Short").tag == "en");
  CHECK(article_language("", "Short").tag.empty());
  CHECK(article_language("und", "Short").tag.empty());
  CHECK(article_language("x<y", "Short").tag.empty());
}

TEST_CASE("language: an article not in English gets no names and no provisions, and a warning",
          "[text][language][pipeline]") {
  using articlescope::Code;
  using articlescope::EntityType;
  const std::string german =
      "Der Stadtrat von Neustadt hat am 3. März 2025 beschlossen, dass Angela Berger die Fähre wieder "
      "betreiben darf. Christian Vogt und die Europäer sind dafür. Das Nachtfahrverbot gilt weiter. " +
      kGerman;
  const auto report = articlescope::analyse(german);
  bool warned = false;
  for (const auto& w : report.warnings) {
    if (w.code == Code::LanguageUnsupported) {
      warned = true;
      CHECK(w.message.find("German") != std::string::npos);
    }
  }
  CHECK(warned);
  for (const auto& e : report.entities) {
    CHECK(e.type != EntityType::Person);
    CHECK(e.type != EntityType::Org);
    CHECK(e.type != EntityType::Location);
    CHECK(e.type != EntityType::Weapon);
    CHECK(e.type != EntityType::Norp);  // only dates, amounts and quantities, as the warning says
  }
  CHECK(report.provisions.empty());

  const auto english = articlescope::analyse(kEnglish + " Mayor Jane Holloway banned night sailing.");
  for (const auto& w : english.warnings) CHECK(w.code != Code::LanguageUnsupported);
  bool person = false;
  for (const auto& e : english.entities) person = person || e.type == EntityType::Person;
  CHECK(person);
}
