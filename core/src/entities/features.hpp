// Feature extraction for the NER tagger, shared by inference (tagger.cpp) and training (tools/train/ner.cpp).
// Every feature is a 64-bit hash (core/src/learn/hash.hpp) folded into one of 2^bucket_bits weight rows.
#pragma once

#include "learn/hash.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
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

/// A typed token span [first, last] (inclusive token indexes) found by the tagger.
struct TaggedSpan {
  std::size_t first = 0;
  std::size_t last = 0;
  NerType type = NerType::Per;
};

/// Turns a BILOU tag sequence into spans (tolerates ill-formed sequences).
void spans_from_tags(const std::vector<int>& tags, std::size_t offset, std::vector<TaggedSpan>& out);

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

// The feature hashing every learned model shares (core/src/learn/hash.hpp).
using learn::feature_bucket;
using learn::hash_bytes;
using learn::mix;

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
  /// Number of phrases.
  std::size_t size() const { return count_; }
  /// Key of a phrase built word by word: key = extend(extend(start_key(), w1), w2) ...
  static std::uint64_t start_key() { return 0x51ed270b27a3c5d1ull; }
  static std::uint64_t extend(std::uint64_t key, std::uint64_t word_hash) { return mix(key, word_hash); }
  /// Mask of the phrase with key `key` (from extend()).
  std::uint8_t lookup_key(std::uint64_t key) const { return probe(key) & kClassBits; }
  /// Mask of the phrase with key `key`, plus kLongerPhrases when some longer phrase starts with it (a scan
  /// that finds neither can stop extending the key).
  std::uint8_t lookup_key_and_prefix(std::uint64_t key) const { return probe(key); }
  static constexpr std::uint8_t kLongerPhrases = 0x80;

 private:
  static constexpr std::uint8_t kClassBits = 0x7f;
  static std::uint64_t phrase_key(const std::uint64_t* word_hashes, int n);
  std::uint8_t probe(std::uint64_t key) const;
  void insert(std::uint64_t key, std::uint8_t mask);
  std::vector<std::uint64_t> keys_;  // open addressing; 0 = empty
  std::vector<std::uint8_t> masks_;
  std::size_t count_ = 0;  // phrases
  std::size_t used_ = 0;   // slots (phrases and phrase prefixes)
  void grow();
};

/// Word classes induced from unlabelled text by `train clusters` (tools/train/clusters.cpp): each word's path
/// in a binary tree of classes, so that a prefix of the path is a coarser class. Words are kept as 20-bit
/// fingerprints of their lower-cased form's hash, never as text.
class WordClusters {
 public:
  static constexpr int kFingerprintBits = 20;
  /// The fingerprint of a word, from hash_bytes() of its lower-cased form.
  static std::uint32_t fingerprint(std::uint64_t lower_hash) {
    return static_cast<std::uint32_t>(lower_hash >> (64 - kFingerprintBits));
  }
  /// The file: "ASCLUS1\n", u32 words, u32 depth, the fingerprints ascending as delta varints, then one
  /// little-endian u16 path per word; or "ASCLUS2\n" and one byte per path, the bits under its marker, when
  /// every path is `depth` <= 8 bits long (what encode() writes then). `entries` are (fingerprint, path)
  /// pairs, fingerprints ascending.
  static std::string encode(const std::vector<std::pair<std::uint32_t, std::uint16_t>>& entries, int depth);
  /// Reads what encode() writes; false (and no classes) when any byte is wrong.
  bool load(std::string_view bytes);
  /// The class path of the word whose lower-cased hash is `lower_hash`, with a 1 bit above the path's bits
  /// (so its length is known); 0 for a word without a class.
  std::uint16_t path(std::uint64_t lower_hash) const;
  /// Number of words with a class.
  std::size_t size() const { return fingerprints_.size(); }
  /// The (fingerprint, path) pairs loaded, fingerprints ascending, and the paths' depth: what encode() takes.
  std::vector<std::pair<std::uint32_t, std::uint16_t>> entries() const;
  int depth() const { return depth_; }

 private:
  std::vector<std::uint32_t> fingerprints_;  // ascending
  std::vector<std::uint16_t> paths_;
  int depth_ = 0;
};

/// The class path `path` cut to its first `bits` bits (the whole path when shorter); 0 stays 0.
constexpr std::uint32_t cluster_prefix(std::uint32_t path, int bits) {
  int length = 0;
  for (std::uint32_t p = path; p > 1; p >>= 1) ++length;
  return length > bits ? path >> (length - bits) : path;
}

/// The classes compiled into the binary (core/data/word_clusters.bin).
const WordClusters& embedded_word_clusters();

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
  std::uint16_t cluster = 0;     ///< WordClusters::path() of the lower-cased word (0: none)
};

/// Describes one word (UTF-8).
WordInfo describe(std::string_view word);

/// Sentence casing: headlines in capitals or in Title Case and all-lower-case text change what capitals mean.
enum class SentenceCase : std::uint8_t { Normal = 0, Upper = 1, Lower = 2, Title = 3 };

/// True for the short words that headline Title Case leaves in lower case ("of", "the", "in", "and"),
/// given the hash_bytes() of the lower-cased word.
bool is_title_case_small_word(std::uint64_t lower_hash);

/// `Words` is any sequence indexable by token (std::vector<WordInfo>, or the tagger's view of shared words).
template <class Words>
SentenceCase sentence_case(const Words& words, std::size_t begin, std::size_t end) {
  static const std::uint64_t kComma = hash_bytes(",");
  int upper = 0, lower = 0, capitalised = 0, numbers = 0, commas = 0;
  for (std::size_t i = begin; i < end; ++i) {
    const WordInfo& w = words[i];
    const int c = w.shape_class;
    if (c == 3 && w.length > 1) {
      ++upper;
    } else if (c == 1) {
      ++lower;
    } else if (c == 2 || c == 5) {
      ++capitalised;
    } else if (c == 4) {
      ++numbers;
    } else if (w.lower == kComma) {
      ++commas;
    }
  }
  const int alphabetic = upper + lower + capitalised;
  if (alphabetic >= 2 && upper * 10 >= alphabetic * 6) return SentenceCase::Upper;
  if (alphabetic >= 3 && upper == 0 && capitalised == 0) return SentenceCase::Lower;
  // Every word but the small ones capitalised: a headline or heading in Title Case, where a capital is no
  // evidence of a name. Not a table row or a list of names, where every capital is one ("Ann Lee, Bo
  // Park, Cy Moss", "Leeds United 2 Hull City 1"): those have several numbers or commas.
  if (capitalised < 3 || numbers > 1 || commas > 1) return SentenceCase::Normal;
  for (std::size_t i = begin; i < end; ++i) {
    const WordInfo& w = words[i];
    // No small word is longer than four letters.
    if (w.shape_class == 1 && (w.length > 4 || !is_title_case_small_word(w.lower)))
      return SentenceCase::Normal;
  }
  return SentenceCase::Title;
}

/// Per-document facts about each lower-cased word: seen capitalised mid-sentence, seen in lower case.
class DocumentStats {
 public:
  /// `sentences` are [begin, end) ranges into `words`; `casings` (when not null) their sentence_case().
  template <class Words>
  void build(const Words& words, std::size_t count,
             const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
             const SentenceCase* casings = nullptr);
  void build(const std::vector<WordInfo>& words,
             const std::vector<std::pair<std::size_t, std::size_t>>& sentences) {
    build(words, words.size(), sentences);
  }
  /// 2 bits: 1 = seen capitalised inside a normally cased sentence, 2 = seen all lower-case.
  std::uint8_t flags(std::uint64_t lower_hash) const;
  /// Copies flags() into every WordInfo::doc (token_features reads them from there).
  void annotate(std::vector<WordInfo>& words) const;

 private:
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint8_t> values_;
  std::size_t mask_ = 0;
};

template <class Words>
void DocumentStats::build(const Words& words, std::size_t count,
                          const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                          const SentenceCase* casings) {
  std::size_t capacity = 64;
  while (capacity < count * 2) capacity *= 2;
  keys_.assign(capacity, 0);
  values_.assign(capacity, 0);
  mask_ = capacity - 1;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const auto [begin, end] = sentences[s];
    const SentenceCase casing = casings ? casings[s] : sentence_case(words, begin, end);
    for (std::size_t i = begin; i < end; ++i) {
      const WordInfo& w = words[i];
      std::uint8_t flag = 0;
      const int c = w.shape_class;
      if (casing == SentenceCase::Normal && i > begin && c == 2) flag = 1;
      if (c == 1) flag = 2;
      if (flag == 0) continue;
      const std::uint64_t key = w.lower == 0 ? 1 : w.lower;
      std::size_t slot = key & mask_;
      while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & mask_;
      keys_[slot] = key;
      values_[slot] |= flag;
    }
  }
}

/// Feature templates: the template id is mixed into the feature hash so that equal values of different
/// templates land in different rows. Never renumber: a trained model depends on these ids.
enum FeatureTemplate : std::uint64_t {
  kBias = 1,
  kLower,
  kLowerPrev,
  kLowerNext,
  kLowerPrev2,
  kLowerNext2,
  kExact,
  kShape,
  kShapePrev,
  kShapeNext,
  kShapePrevCur,
  kShapeCurNext,
  kShapeTri,
  kPrefix,  // + length (1..4) via the value
  kSuffix,
  kLowerBigramPrev,
  kLowerBigramNext,
  kDocFlags,
  kCasing,
  kGaz,
  kLowerPrevShape,
  kShapeNextLower,
  kLength,
  kSuffixPrev,
  kSuffixNext,
  kDocFlagsPrevNext,
  kGazNeighbour,
  kTitleExact,  // the word-shape features again, apart, in a Title Case sentence (see for_each_token_feature)
  kTitleShape,
  kTitleShapePrev,
  kTitleShapeNext,
  kCluster,  // + the prefix's length, carried by the path's top bit
  kClusterPrev,
  kClusterNext,
};

/// Mixed into the shape n-grams of a Title Case sentence.
inline constexpr std::uint64_t kTitleCaseSalt = 0x7f4a7c159e3779b9ull;

/// The features that depend on one word alone, as the current token or as a neighbour of it. Their hashes
/// are the same wherever the word occurs, so the tagger resolves them once per distinct word.
enum class WordSlot : std::uint8_t {
  Lower,
  LowerPrev,   // the word just before the current token
  LowerNext,   // just after
  LowerPrev2,  // two before
  LowerNext2,  // two after
  Exact,
  Shape,
  ShapePrev,
  ShapeNext,
  Prefix1,  // affixes of 1..4 code points (only when the word has them)
  Suffix1,
  Prefix2,
  Suffix2,
  Prefix3,
  Suffix3,
  Prefix4,
  Suffix4,
  Length,
  SuffixPrev,
  SuffixNext,
  TitleExact,  // Exact, Shape, ShapePrev and ShapeNext in a Title Case sentence (templates kTitle*)
  TitleShape,
  TitleShapePrev,
  TitleShapeNext,
  ClusterShort,  // the word's class path cut to 4 and 8 bits, and whole (only when the word has a class)
  ClusterMiddle,
  ClusterFull,
  ClusterPrev,  // the neighbours' whole paths
  ClusterNext,
};
inline constexpr int kNumWordSlots = 29;

/// Where the word of a WordSlot feature stands, relative to the current token.
enum class SlotPosition : std::uint8_t { Current, Previous, Next, Previous2, Next2 };
constexpr SlotPosition slot_position(WordSlot slot) {
  switch (slot) {
    case WordSlot::LowerPrev:
    case WordSlot::ShapePrev:
    case WordSlot::SuffixPrev:
    case WordSlot::TitleShapePrev:
    case WordSlot::ClusterPrev:
      return SlotPosition::Previous;
    case WordSlot::LowerNext:
    case WordSlot::ShapeNext:
    case WordSlot::SuffixNext:
    case WordSlot::TitleShapeNext:
    case WordSlot::ClusterNext:
      return SlotPosition::Next;
    case WordSlot::LowerPrev2:
      return SlotPosition::Previous2;
    case WordSlot::LowerNext2:
      return SlotPosition::Next2;
    default:
      return SlotPosition::Current;
  }
}
/// Most word-slot features of one word at one position in one token's feature set (the current word's).
inline constexpr int kMaxSlotsAtPosition = 15;

/// Hash of the feature `slot` of `word`; `word` null means the neighbour is beyond the sentence edge.
std::uint64_t word_slot_hash(WordSlot slot, const WordInfo* word);

/// Marks a neighbour beyond the sentence edge in for_each_token_feature().
inline constexpr std::size_t kSentenceEdge = static_cast<std::size_t>(-1);

/// THE feature set of token `i` of the sentence [begin, end) of `words`, in its fixed order (the tagger
/// adds weight rows in this order, so the order is part of the model's results). The sink receives
///   sink.word(WordSlot, j): the slot feature of token j (kSentenceEdge beyond the sentence), and
///   sink.feature(FeatureTemplate, value): the feature hash mix(value, template).
/// `gaz` holds the gazetteer features of the sentence's tokens (see gazetteer_features()); the words must
/// have been annotated by their document's DocumentStats.
template <class Words, class Sink>
void for_each_token_feature(const Words& words, std::size_t begin, std::size_t end, std::size_t i,
                            SentenceCase casing, const std::uint32_t* gaz, Sink& sink) {
  constexpr std::uint64_t kBos = 0x9e3779b97f4a7c15ull;
  constexpr std::uint64_t kEos = 0xc2b2ae3d27d4eb4full;
  const std::size_t prev = i > begin ? i - 1 : kSentenceEdge;
  const std::size_t next = i + 1 < end ? i + 1 : kSentenceEdge;
  const std::size_t prev2 = i > begin + 1 ? i - 2 : kSentenceEdge;
  const std::size_t next2 = i + 2 < end ? i + 2 : kSentenceEdge;
  const WordInfo& w = words[i];
  const WordInfo* before = prev != kSentenceEdge ? &words[prev] : nullptr;
  const WordInfo* after = next != kSentenceEdge ? &words[next] : nullptr;
  const std::uint64_t lower_prev = before ? before->lower : kBos + 1;
  const std::uint64_t lower_next = after ? after->lower : kEos + 1;
  const std::uint64_t shape_prev = before ? before->shape : kBos;
  const std::uint64_t shape_next = after ? after->shape : kEos;
  const std::uint64_t doc_prev = before ? before->doc * 8u + before->shape_class : 7;
  const std::uint64_t doc_next = after ? after->doc * 8u + after->shape_class : 7;
  const bool first = i == begin;
  const std::uint64_t cls = w.shape_class;
  sink.feature(kBias, 0);
  sink.word(WordSlot::Lower, i);
  sink.word(WordSlot::LowerPrev, prev);
  sink.word(WordSlot::LowerNext, next);
  sink.word(WordSlot::LowerPrev2, prev2);
  sink.word(WordSlot::LowerNext2, next2);
  // In a Title Case headline a capital says little: the features of written forms and shapes are learnt
  // apart there, so that headlines neither teach the body's capitals to mean less nor borrow their weight.
  const bool title = casing == SentenceCase::Title;
  if (!title) {
    sink.word(WordSlot::Exact, i);
    sink.word(WordSlot::Shape, i);
    sink.word(WordSlot::ShapePrev, prev);
    sink.word(WordSlot::ShapeNext, next);
  } else {
    sink.word(WordSlot::TitleExact, i);
    sink.word(WordSlot::TitleShape, i);
    sink.word(WordSlot::TitleShapePrev, prev);
    sink.word(WordSlot::TitleShapeNext, next);
  }
  const std::uint64_t shape_salt = title ? kTitleCaseSalt : 0;
  const std::uint64_t shape_prev_cur = mix(shape_prev, w.shape);
  sink.feature(kShapePrevCur, shape_prev_cur ^ shape_salt);
  sink.feature(kShapeCurNext, mix(w.shape, shape_next) ^ shape_salt);
  sink.feature(kShapeTri, mix(shape_prev_cur, shape_next) ^ shape_salt);
  for (int k = 0; k < 4; ++k) {
    if (w.prefix[k] != 0) sink.word(static_cast<WordSlot>(static_cast<int>(WordSlot::Prefix1) + 2 * k), i);
    if (w.suffix[k] != 0) sink.word(static_cast<WordSlot>(static_cast<int>(WordSlot::Suffix1) + 2 * k), i);
  }
  sink.feature(kLowerBigramPrev, mix(lower_prev, w.lower));
  sink.feature(kLowerBigramNext, mix(w.lower, lower_next));
  sink.feature(kDocFlags, (w.doc * 8u + cls) * 4 + static_cast<std::uint64_t>(casing) + (first ? 64 : 0));
  sink.feature(kCasing, static_cast<std::uint64_t>(casing) * 16 + cls * 2 + (first ? 1 : 0));
  sink.feature(kLowerPrevShape, mix(lower_prev, w.shape) ^ shape_salt);
  sink.feature(kShapeNextLower, mix(w.shape, lower_next) ^ shape_salt);
  sink.word(WordSlot::Length, i);
  sink.word(WordSlot::SuffixPrev, prev);
  sink.word(WordSlot::SuffixNext, next);
  sink.feature(kDocFlagsPrevNext, doc_prev * 1024 + doc_next * 16 + w.doc);
  const std::uint32_t g = gaz[i - begin];
  for (std::uint32_t bits = g; bits != 0; bits &= bits - 1) {
    int bit = 0;
    while ((bits & (1u << bit)) == 0) ++bit;
    sink.feature(kGaz, static_cast<std::uint64_t>(bit));
    sink.feature(kGaz, static_cast<std::uint64_t>(bit) * 64 + cls + 1000);
  }
  const std::uint32_t gaz_prev = i > begin ? gaz[i - begin - 1] : 0;
  const std::uint32_t gaz_next = i + 1 < end ? gaz[i - begin + 1] : 0;
  if (gaz_prev != 0) sink.feature(kGazNeighbour, gaz_prev);
  if (gaz_next != 0) sink.feature(kGazNeighbour, static_cast<std::uint64_t>(gaz_next) << 32);
  // Word classes from unlabelled text: what a rare word shares with the words used like it.
  if (w.cluster != 0) {
    sink.word(WordSlot::ClusterShort, i);
    sink.word(WordSlot::ClusterMiddle, i);
    sink.word(WordSlot::ClusterFull, i);
  }
  if (before && before->cluster != 0) sink.word(WordSlot::ClusterPrev, prev);
  if (after && after->cluster != 0) sink.word(WordSlot::ClusterNext, next);
}

/// Appends the feature rows (bucket indexes) of token `i` of the sentence words[begin, end); the words must
/// have been annotated by their document's DocumentStats.
/// `gaz` holds the gazetteer features of each token of the sentence (see gazetteer_features()).
void token_features(const std::vector<WordInfo>& words, std::size_t begin, std::size_t end, std::size_t i,
                    SentenceCase casing, const std::vector<std::uint32_t>& gaz, int bucket_bits,
                    std::vector<std::uint32_t>& out);

/// For each token of words[begin, end): bit (class * 4 + BILU position) of every gazetteer match covering it.
template <class Words>
void gazetteer_features(const Words& words, std::size_t begin, std::size_t end, const Gazetteer& gazetteer,
                        std::vector<std::uint32_t>& out) {
  out.assign(end - begin, 0);
  if (gazetteer.size() == 0) return;
  for (std::size_t i = begin; i < end; ++i) {
    const int max_n = static_cast<int>(std::min<std::size_t>(Gazetteer::kMaxPhraseWords, end - i));
    std::uint64_t key = Gazetteer::start_key();
    for (int n = 1; n <= max_n; ++n) {
      key = Gazetteer::extend(key, words[i + n - 1].lower);
      const std::uint8_t found = gazetteer.lookup_key_and_prefix(key);
      const auto mask = static_cast<std::uint8_t>(found & ~Gazetteer::kLongerPhrases);
      if (mask != 0) {
        for (int cls = 0; cls < kNumGazClasses; ++cls) {
          if ((mask & (1u << cls)) == 0) continue;
          for (int k = 0; k < n; ++k) {
            const int pos = n == 1 ? 3 : (k == 0 ? 0 : (k == n - 1 ? 2 : 1));
            out[i - begin + k] |= 1u << (cls * 4 + pos);
          }
        }
      }
      if ((found & Gazetteer::kLongerPhrases) == 0) break;
    }
  }
}

/// The second stage's feature templates (document-level consistency): features of a token made from the
/// first stage's tags of the same word, or the same name, elsewhere in the document. Never renumber.
enum SecondStageTemplate : std::uint64_t {
  kWordAlone = 101,   // the word occurs nowhere else in the document
  kWordOnlyOutside,   // elsewhere it is never inside a name
  kWordLabels,        // elsewhere it is inside names, mostly of one type
  kWordLabelsShape,   // the same, with the token's shape and sentence casing
  kWordInLongerName,  // elsewhere it is part of a longer name (the surname of a full name)
  kWordInLongerNameShape,
  kNameLabels,  // the first stage's name around this token occurs elsewhere as a name
  kNameLabelsShape,
  kNeighbourLabels,  // what the same words say about the previous and the next token
  kCuesElsewhere,    // the word elsewhere after a title ("Mr"), after a first name, or before "Corp"/"club"
  kCuesElsewhereShape,
};

/// What the second stage needs to know about one token.
struct SecondStageToken {
  std::uint64_t lower = 0;  ///< hash of the lower-cased word
  std::uint32_t word = 0;   ///< the lower-cased word's number in the document (equal words, equal numbers)
  std::uint8_t shape_class = 0;  ///< WordInfo::shape_class
  std::uint8_t casing = 0;       ///< SentenceCase of its sentence
  bool in_sentence = false;      ///< false for a token outside every sentence (never tagged)
  std::uint32_t sentence = 0;    ///< index of its sentence
  std::uint32_t gaz = 0;         ///< its gazetteer features (see gazetteer_features())
};

/// The second stage's feature hashes of every token, from the first stage's tags (`first_tags`, one per
/// token, BILOU): token k's are features[offsets[k], offsets[k + 1]). A token's own tag is never counted
/// as "elsewhere". Tokens' `word` numbers should be small (counts are kept per number).
void second_stage_features(const std::vector<SecondStageToken>& tokens, const std::vector<int>& first_tags,
                           std::vector<std::uint64_t>& features, std::vector<std::uint32_t>& offsets);

/// Upper bound of features per token: 31 fixed ones, 2 per gazetteer bit (24 bits), 2 gazetteer neighbour
/// ones, 5 word classes.
inline constexpr int kMaxFeaturesPerToken = 31 + 2 * kNumGazClasses * 4 + 2 + 5;

}  // namespace articlescope::entities
