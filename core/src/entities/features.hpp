// Feature extraction for the NER tagger, shared by inference (tagger.cpp) and training (tools/train_ner.cpp).
// Every feature is a 64-bit hash folded into one of 2^bucket_bits weight rows; the same code runs natively
// and in WebAssembly, so the hashes are fixed-width integers only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace articlescope::entities {

/// Tag set: O, then B/I/L/U for each of PER, ORG, LOC, MISC (BILOU).
inline constexpr int kNumTypes = 4;
inline constexpr int kNumTags = 1 + 4 * kNumTypes;
enum class NerType : std::uint8_t { Per = 0, Org = 1, Loc = 2, Misc = 3 };
enum class Bilou : std::uint8_t { B = 0, I = 1, L = 2, U = 3 };
/// Tag index of (position, type); tag 0 is O.
constexpr int tag_of(Bilou pos, NerType type) {
  return 1 + 4 * static_cast<int>(type) + static_cast<int>(pos);
}
constexpr NerType type_of_tag(int tag) { return static_cast<NerType>((tag - 1) / 4); }
constexpr Bilou pos_of_tag(int tag) { return static_cast<Bilou>((tag - 1) % 4); }
/// True when `next` may follow `prev` under BILOU (prev = -1 for the sentence start).
bool transition_allowed(int prev, int next);
/// True when a sentence may end with `tag`.
bool final_allowed(int tag);

/// Gazetteer classes used as tagger features (bits of a mask).
enum GazClass : std::uint8_t {
  kGazLoc = 1u << 0,
  kGazNorp = 1u << 1,
  kGazFirstName = 1u << 2,
  kGazOrg = 1u << 3,
  kGazTitle = 1u << 4,
  kGazOrgWord = 1u << 5,
};
inline constexpr int kNumGazClasses = 6;

/// 64-bit FNV-1a; stable on every platform.
std::uint64_t hash_bytes(std::string_view s, std::uint64_t seed = 1469598103934665603ull);
/// Mixes two hashes (a murmur3 finaliser over their combination).
std::uint64_t mix(std::uint64_t a, std::uint64_t b);

/// A multi-word phrase list: lower-cased phrases of up to kMaxPhraseWords words, each with a GazClass mask.
class Gazetteer {
 public:
  static constexpr int kMaxPhraseWords = 5;
  /// Adds the phrases of a "CLASS<TAB>phrase" text (CLASS in LOC, NORP, FIRST, ORG, TITLE, ORGWORD; '#'
  /// comments).
  void add_text(std::string_view text);
  void add(std::string_view lower_phrase, std::uint8_t mask);
  /// Mask of the lower-cased phrase whose word hashes are `words[0..n)` (0 when absent).
  std::uint8_t lookup(const std::uint64_t* word_hashes, int n) const;
  std::size_t size() const { return count_; }
  /// Key of a phrase built word by word: key = extend(extend(start_key(), w1), w2) ...
  static std::uint64_t start_key() { return 0x51ed270b27a3c5d1ull; }
  static std::uint64_t extend(std::uint64_t key, std::uint64_t word_hash) { return mix(key, word_hash); }
  /// Mask of the phrase with key `key` (from extend()).
  std::uint8_t lookup_key(std::uint64_t key) const;

 private:
  static std::uint64_t phrase_key(const std::uint64_t* word_hashes, int n);
  std::vector<std::uint64_t> keys_;  // open addressing; 0 = empty
  std::vector<std::uint8_t> masks_;
  std::size_t count_ = 0;
  void grow();
};

/// What the features need to know about one word, computed once per token.
struct WordInfo {
  std::uint64_t lower = 0;  ///< hash of the lower-cased word
  std::uint64_t exact = 0;  ///< hash of the word as written
  std::uint64_t shape = 0;  ///< hash of the collapsed shape ("Xx", "X.X.", "d,d")
  std::uint64_t prefix[4] = {};
  std::uint64_t suffix[4] = {};
  std::uint8_t shape_class = 0;  ///< 0 other, 1 lower, 2 Capitalised, 3 UPPER, 4 digits, 5 mixed, 6 punct
  std::uint8_t length = 0;       ///< length in code points, capped at 255
  std::uint8_t doc = 0;          ///< DocumentStats flags of the word in its document (set by annotate())
};

/// Describes one word (UTF-8).
WordInfo describe(std::string_view word);

/// Sentence casing: headlines in capitals and all-lower-case text change what capitals mean.
enum class SentenceCase : std::uint8_t { Normal = 0, Upper = 1, Lower = 2 };
SentenceCase sentence_case(const std::vector<WordInfo>& words, std::size_t begin, std::size_t end);

/// Per-document facts about each lower-cased word: seen capitalised mid-sentence, seen in lower case.
class DocumentStats {
 public:
  /// `sentences` are [begin, end) ranges into `words`.
  void build(const std::vector<WordInfo>& words,
             const std::vector<std::pair<std::size_t, std::size_t>>& sentences);
  /// 2 bits: 1 = seen capitalised inside a normally cased sentence, 2 = seen all lower-case.
  std::uint8_t flags(std::uint64_t lower_hash) const;
  /// Copies flags() into every WordInfo::doc (token_features reads them from there).
  void annotate(std::vector<WordInfo>& words) const;

 private:
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint8_t> values_;
  std::size_t mask_ = 0;
};

/// Appends the feature rows (bucket indexes) of token `i` of the sentence words[begin, end); the words must
/// have been annotated by their document's DocumentStats.
/// `gaz` holds the gazetteer features of each token of the sentence (see gazetteer_features()).
void token_features(const std::vector<WordInfo>& words, std::size_t begin, std::size_t end, std::size_t i,
                    SentenceCase casing, const std::vector<std::uint32_t>& gaz, int bucket_bits,
                    std::vector<std::uint32_t>& out);

/// For each token of words[begin, end): bit (class * 4 + BILU position) of every gazetteer match covering it.
void gazetteer_features(const std::vector<WordInfo>& words, std::size_t begin, std::size_t end,
                        const Gazetteer& gazetteer, std::vector<std::uint32_t>& out);

/// Upper bound of features per token (token_features never appends more).
inline constexpr int kMaxFeaturesPerToken = 64;

}  // namespace articlescope::entities
