// Deterministic recognisers: DATE, MONEY, QUANTITY, WEAPON (gazetteer + designations) and NORP (gazetteer).
#pragma once

#include <articlescope/articlescope.hpp>

#include "text/segment.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace articlescope::entities {

/// One token as the rules see it.
struct RuleToken {
  std::string_view text;
  std::string_view lower;        ///< lower-cased text: `text` itself when that is already lower case
  std::uint64_t lower_hash = 0;  ///< hash_bytes(lower), as the gazetteer keys words
  bool space_before = false;
  bool sentence_start = false;
  bool lower_case_sentence = false;  ///< its sentence has no capital letters at all
  bool number_like = false;          ///< a number ("4,000", "3.5") or a number word ("two", "dozens")
};

/// A candidate mention over tokens [first, last] (inclusive). Higher priority wins an overlap.
struct Candidate {
  std::size_t first = 0;
  std::size_t last = 0;
  EntityType type = EntityType::Date;
  int priority = 0;
};

/// Builds RuleTokens for `index` over `text`; the lower-cased words that differ from the text are kept in
/// `lowered`, which must outlive the tokens (and not be modified while they are used).
std::vector<RuleToken> rule_tokens(std::string_view text, const text::TextIndex& index, std::string& lowered);

void find_dates(const std::vector<RuleToken>& tokens, std::vector<Candidate>& out);
void find_money(const std::vector<RuleToken>& tokens, std::vector<Candidate>& out);
void find_quantities(const std::vector<RuleToken>& tokens, std::vector<Candidate>& out);
void find_weapons(const std::vector<RuleToken>& tokens, std::vector<Candidate>& out);
/// Weapon classes named by common words and named warships (see weapons.txt: HEAD, CONTEXT, CLASS, CUE).
void find_weapon_classes(const std::vector<RuleToken>& tokens, std::vector<Candidate>& out);
/// Nationalities and groups from the gazetteer ("Ukrainian", "Palestinians"), capitalised or in lower-case
/// text.
void find_norp(const std::vector<RuleToken>& tokens, std::vector<Candidate>& out);

/// True when a lower-cased word or phrase names a nationality or group in the gazetteer.
bool is_norp_phrase(std::string_view lower_phrase);

/// Priorities used when mentions overlap.
/// A weapon wins over a quantity that counts it ("two T-72 tanks") or holds its number ("Leopard 2 tanks").
inline constexpr int kPriorityMoney = 6, kPriorityDate = 5, kPriorityWeapon = 5, kPriorityQuantity = 4,
                     kPriorityTagger = 3, kPriorityNorp = 1;

}  // namespace articlescope::entities
