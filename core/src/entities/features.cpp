#include "entities/features.hpp"

#include "text/segment.hpp"
#include "text/utf8.hpp"

#include <algorithm>

namespace articlescope::entities {
namespace {

// Feature templates: the template id is mixed into the feature hash so that equal values of different
// templates land in different rows. Never renumber: a trained model depends on these ids.
enum Template : std::uint64_t {
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
};

constexpr std::uint64_t kBosHash = 0x9e3779b97f4a7c15ull;
constexpr std::uint64_t kEosHash = 0xc2b2ae3d27d4eb4full;

std::uint32_t bucket(std::uint64_t feature_hash, int bits) {
  return static_cast<std::uint32_t>(feature_hash >> (64 - bits));
}

}  // namespace

std::uint64_t hash_bytes(std::string_view s, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t h = a ^ (b * 0x9e3779b97f4a7c15ull + 0x632be59bd9b4e019ull);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

bool transition_allowed(int prev, int next) {
  const bool prev_open = prev > 0 && (pos_of_tag(prev) == Bilou::B || pos_of_tag(prev) == Bilou::I);
  const bool next_continues = next > 0 && (pos_of_tag(next) == Bilou::I || pos_of_tag(next) == Bilou::L);
  if (prev_open) return next_continues && type_of_tag(prev) == type_of_tag(next);
  return !next_continues;
}

bool final_allowed(int tag) { return tag == 0 || pos_of_tag(tag) == Bilou::L || pos_of_tag(tag) == Bilou::U; }

// ---- Gazetteer ----

std::uint64_t Gazetteer::phrase_key(const std::uint64_t* word_hashes, int n) {
  std::uint64_t key = start_key();
  for (int k = 0; k < n; ++k) key = extend(key, word_hashes[k]);
  return key;
}

std::uint8_t Gazetteer::lookup_key(std::uint64_t key) const {
  if (keys_.empty()) return 0;
  if (key == 0) key = 1;
  std::size_t slot = key & (keys_.size() - 1);
  while (keys_[slot] != 0) {
    if (keys_[slot] == key) return masks_[slot];
    slot = (slot + 1) & (keys_.size() - 1);
  }
  return 0;
}

void Gazetteer::grow() {
  std::vector<std::uint64_t> old_keys = std::move(keys_);
  std::vector<std::uint8_t> old_masks = std::move(masks_);
  const std::size_t capacity = old_keys.empty() ? 1024 : old_keys.size() * 2;
  keys_.assign(capacity, 0);
  masks_.assign(capacity, 0);
  count_ = 0;
  for (std::size_t k = 0; k < old_keys.size(); ++k) {
    if (old_keys[k] == 0) continue;
    std::size_t slot = old_keys[k] & (capacity - 1);
    while (keys_[slot] != 0) slot = (slot + 1) & (capacity - 1);
    keys_[slot] = old_keys[k];
    masks_[slot] = old_masks[k];
    ++count_;
  }
}

void Gazetteer::add(std::string_view lower_phrase, std::uint8_t mask) {
  std::uint64_t hashes[kMaxPhraseWords];
  int n = 0;
  std::size_t i = 0;
  while (i < lower_phrase.size()) {
    while (i < lower_phrase.size() && lower_phrase[i] == ' ') ++i;
    std::size_t j = i;
    while (j < lower_phrase.size() && lower_phrase[j] != ' ') ++j;
    if (j > i) {
      if (n == kMaxPhraseWords) return;
      hashes[n++] = hash_bytes(lower_phrase.substr(i, j - i));
    }
    i = j;
  }
  if (n == 0) return;
  if ((count_ + 1) * 2 > keys_.size()) grow();
  std::uint64_t key = phrase_key(hashes, n);
  if (key == 0) key = 1;
  std::size_t slot = key & (keys_.size() - 1);
  while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & (keys_.size() - 1);
  if (keys_[slot] == 0) ++count_;
  keys_[slot] = key;
  masks_[slot] |= mask;
}

void Gazetteer::add_text(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    const std::string_view cls = line.substr(0, tab);
    std::uint8_t mask = 0;
    if (cls == "LOC")
      mask = kGazLoc;
    else if (cls == "NORP")
      mask = kGazNorp;
    else if (cls == "FIRST")
      mask = kGazFirstName;
    else if (cls == "ORG")
      mask = kGazOrg;
    else if (cls == "TITLE")
      mask = kGazTitle;
    else if (cls == "ORGWORD")
      mask = kGazOrgWord;
    if (mask == 0) continue;
    // Split the phrase the way the tokeniser splits text ("David's" -> "David" "'s").
    const std::string_view phrase = line.substr(tab + 1);
    std::string joined;
    for (const text::Token& t : text::tokenize(phrase)) {
      if (!joined.empty()) joined += ' ';
      joined += text::lower(phrase.substr(t.start, t.end - t.start));
    }
    add(joined, mask);
  }
}

std::uint8_t Gazetteer::lookup(const std::uint64_t* word_hashes, int n) const {
  if (keys_.empty() || n <= 0 || n > kMaxPhraseWords) return 0;
  return lookup_key(phrase_key(word_hashes, n));
}

// ---- Words ----

WordInfo describe(std::string_view word) {
  WordInfo info;
  info.exact = hash_bytes(word);
  char shape[32];
  int shape_len = 0;
  std::string lowered;
  lowered.reserve(word.size());
  // Code point start offsets in `lowered`, for affixes (at most the first and last four are needed).
  std::size_t starts[64];
  int count = 0;
  int uppers = 0, lowers = 0, digits = 0, others = 0;
  for (std::size_t i = 0; i < word.size();) {
    std::size_t len = 1;
    // ASCII inline; only other bytes go through the UTF-8 decoder.
    const auto byte = static_cast<unsigned char>(word[i]);
    const char32_t cp = byte < 0x80 ? char32_t{byte} : text::decode(word, i, len);
    char cls;
    if (cp < 0x80 && cp >= 'A' && cp <= 'Z') {
      cls = 'X';
      ++uppers;
    } else if (cp < 0x80 && cp >= 'a' && cp <= 'z') {
      cls = 'x';
      ++lowers;
    } else if (cp >= '0' && cp <= '9') {
      cls = 'd';
      ++digits;
    } else if (cp < 0x80) {
      cls = static_cast<char>(cp);
      ++others;
    } else if (text::is_upper(cp)) {
      cls = 'X';
      ++uppers;
    } else if (text::is_lower(cp)) {
      cls = 'x';
      ++lowers;
    } else if (text::is_letter(cp)) {
      cls = 'L';
      ++lowers;
    } else {
      cls = 'p';
      ++others;
    }
    if (shape_len < 31 && (shape_len == 0 || shape[shape_len - 1] != cls)) shape[shape_len++] = cls;
    if (count < 64) starts[count] = lowered.size();
    ++count;
    if (cp < 0x80) {
      lowered += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    } else {
      text::append_utf8(lowered, text::to_lower(cp));
    }
    i += len;
  }
  info.length = static_cast<std::uint8_t>(std::min(count, 255));
  info.lower = hash_bytes(lowered);
  info.shape = hash_bytes(std::string_view(shape, static_cast<std::size_t>(shape_len)));
  const int letters = uppers + lowers;
  if (count == 0)
    info.shape_class = 0;
  else if (digits == count || (digits > 0 && letters == 0))
    info.shape_class = 4;
  else if (letters == 0)
    info.shape_class = 6;
  else if (uppers == 0)
    info.shape_class = 1;
  else if (lowers == 0)
    info.shape_class = 3;
  else if (shape[0] == 'X' && uppers == 1)
    info.shape_class = 2;
  else
    info.shape_class = 5;
  const int known = std::min(count, 64);
  for (int k = 1; k <= 4; ++k) {
    if (k <= known) {
      const std::size_t prefix_end = k < known ? starts[k] : lowered.size();
      info.prefix[k - 1] = hash_bytes(std::string_view(lowered).substr(0, prefix_end), 0x100000001b3ull * k);
    }
    if (k <= count && count <= 64) {
      const std::size_t suffix_start = starts[count - k];
      info.suffix[k - 1] =
          hash_bytes(std::string_view(lowered).substr(suffix_start), 0x84222325cbf29ce4ull * k);
    } else if (k <= count) {
      // Very long word: approximate the suffix by bytes, which is fine for a hash feature.
      info.suffix[k - 1] = hash_bytes(
          std::string_view(lowered).substr(lowered.size() - std::min<std::size_t>(k, lowered.size())),
          0x84222325cbf29ce4ull * k);
    }
  }
  return info;
}

SentenceCase sentence_case(const std::vector<WordInfo>& words, std::size_t begin, std::size_t end) {
  int upper = 0, lower = 0, capitalised = 0;
  for (std::size_t i = begin; i < end; ++i) {
    const int c = words[i].shape_class;
    if (c == 3 && words[i].length > 1)
      ++upper;
    else if (c == 1)
      ++lower;
    else if (c == 2 || c == 5)
      ++capitalised;
  }
  const int alphabetic = upper + lower + capitalised;
  if (alphabetic >= 2 && upper * 10 >= alphabetic * 6) return SentenceCase::Upper;
  if (alphabetic >= 3 && upper == 0 && capitalised == 0) return SentenceCase::Lower;
  return SentenceCase::Normal;
}

// ---- Document statistics ----

void DocumentStats::build(const std::vector<WordInfo>& words,
                          const std::vector<std::pair<std::size_t, std::size_t>>& sentences) {
  std::size_t capacity = 64;
  while (capacity < words.size() * 2) capacity *= 2;
  keys_.assign(capacity, 0);
  values_.assign(capacity, 0);
  mask_ = capacity - 1;
  for (const auto& [begin, end] : sentences) {
    const SentenceCase casing = sentence_case(words, begin, end);
    for (std::size_t i = begin; i < end; ++i) {
      std::uint8_t flag = 0;
      const int c = words[i].shape_class;
      if (casing == SentenceCase::Normal && i > begin && c == 2) flag = 1;
      if (c == 1) flag = 2;
      if (flag == 0) continue;
      const std::uint64_t key = words[i].lower == 0 ? 1 : words[i].lower;
      std::size_t slot = key & mask_;
      while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & mask_;
      keys_[slot] = key;
      values_[slot] |= flag;
    }
  }
}

std::uint8_t DocumentStats::flags(std::uint64_t lower_hash) const {
  if (keys_.empty()) return 0;
  const std::uint64_t key = lower_hash == 0 ? 1 : lower_hash;
  std::size_t slot = key & mask_;
  while (keys_[slot] != 0) {
    if (keys_[slot] == key) return values_[slot];
    slot = (slot + 1) & mask_;
  }
  return 0;
}

void DocumentStats::annotate(std::vector<WordInfo>& words) const {
  for (WordInfo& w : words) w.doc = flags(w.lower);
}

// ---- Features ----

void gazetteer_features(const std::vector<WordInfo>& words, std::size_t begin, std::size_t end,
                        const Gazetteer& gazetteer, std::vector<std::uint32_t>& out) {
  out.assign(end - begin, 0);
  if (gazetteer.size() == 0) return;
  for (std::size_t i = begin; i < end; ++i) {
    const int max_n = static_cast<int>(std::min<std::size_t>(Gazetteer::kMaxPhraseWords, end - i));
    std::uint64_t key = Gazetteer::start_key();
    for (int n = 1; n <= max_n; ++n) {
      key = Gazetteer::extend(key, words[i + n - 1].lower);
      const std::uint8_t mask = gazetteer.lookup_key(key);
      if (mask == 0) continue;
      for (int cls = 0; cls < kNumGazClasses; ++cls) {
        if ((mask & (1u << cls)) == 0) continue;
        for (int k = 0; k < n; ++k) {
          const int pos = n == 1 ? 3 : (k == 0 ? 0 : (k == n - 1 ? 2 : 1));
          out[i - begin + k] |= 1u << (cls * 4 + pos);
        }
      }
    }
  }
}

void token_features(const std::vector<WordInfo>& words, std::size_t begin, std::size_t end, std::size_t i,
                    SentenceCase casing, const std::vector<std::uint32_t>& gaz, int bits,
                    std::vector<std::uint32_t>& out) {
  auto lower_at = [&](std::ptrdiff_t k) -> std::uint64_t {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
    if (j < static_cast<std::ptrdiff_t>(begin)) return kBosHash + static_cast<std::uint64_t>(-k);
    if (j >= static_cast<std::ptrdiff_t>(end)) return kEosHash + static_cast<std::uint64_t>(k);
    return words[static_cast<std::size_t>(j)].lower;
  };
  auto shape_at = [&](std::ptrdiff_t k) -> std::uint64_t {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
    if (j < static_cast<std::ptrdiff_t>(begin)) return kBosHash;
    if (j >= static_cast<std::ptrdiff_t>(end)) return kEosHash;
    return words[static_cast<std::size_t>(j)].shape;
  };
  auto suffix3_at = [&](std::ptrdiff_t k) -> std::uint64_t {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
    if (j < static_cast<std::ptrdiff_t>(begin)) return kBosHash;
    if (j >= static_cast<std::ptrdiff_t>(end)) return kEosHash;
    return words[static_cast<std::size_t>(j)].suffix[2];
  };
  auto doc_at = [&](std::ptrdiff_t k) -> std::uint64_t {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
    if (j < static_cast<std::ptrdiff_t>(begin) || j >= static_cast<std::ptrdiff_t>(end)) return 7;
    const WordInfo& w = words[static_cast<std::size_t>(j)];
    return w.doc * 8u + w.shape_class;
  };
  auto add = [&](Template t, std::uint64_t value) { out.push_back(bucket(mix(value, t), bits)); };

  const WordInfo& w = words[i];
  const bool first = i == begin;
  const std::uint64_t cls = w.shape_class;
  add(kBias, 0);
  add(kLower, w.lower);
  add(kLowerPrev, lower_at(-1));
  add(kLowerNext, lower_at(1));
  add(kLowerPrev2, lower_at(-2));
  add(kLowerNext2, lower_at(2));
  add(kExact, w.exact);
  add(kShape, w.shape);
  add(kShapePrev, shape_at(-1));
  add(kShapeNext, shape_at(1));
  add(kShapePrevCur, mix(shape_at(-1), w.shape));
  add(kShapeCurNext, mix(w.shape, shape_at(1)));
  add(kShapeTri, mix(mix(shape_at(-1), w.shape), shape_at(1)));
  for (int k = 0; k < 4; ++k) {
    if (w.prefix[k] != 0) add(kPrefix, w.prefix[k]);
    if (w.suffix[k] != 0) add(kSuffix, w.suffix[k]);
  }
  add(kLowerBigramPrev, mix(lower_at(-1), w.lower));
  add(kLowerBigramNext, mix(w.lower, lower_at(1)));
  add(kDocFlags, doc_at(0) * 4 + static_cast<std::uint64_t>(casing) + (first ? 64 : 0));
  add(kCasing, static_cast<std::uint64_t>(casing) * 16 + cls * 2 + (first ? 1 : 0));
  add(kLowerPrevShape, mix(lower_at(-1), w.shape));
  add(kShapeNextLower, mix(w.shape, lower_at(1)));
  add(kLength, std::min<std::uint64_t>(w.length, 12) * 8 + cls);
  add(kSuffixPrev, suffix3_at(-1));
  add(kSuffixNext, suffix3_at(1));
  add(kDocFlagsPrevNext, doc_at(-1) * 1024 + doc_at(1) * 16 + w.doc);
  const std::uint32_t g = gaz[i - begin];
  for (int bit = 0; bit < kNumGazClasses * 4; ++bit) {
    if (g & (1u << bit)) {
      add(kGaz, static_cast<std::uint64_t>(bit));
      add(kGaz, static_cast<std::uint64_t>(bit) * 64 + cls + 1000);
    }
  }
  const std::uint32_t gaz_prev = i > begin ? gaz[i - begin - 1] : 0;
  const std::uint32_t gaz_next = i + 1 < end ? gaz[i - begin + 1] : 0;
  if (gaz_prev != 0) add(kGazNeighbour, gaz_prev);
  if (gaz_next != 0) add(kGazNeighbour, static_cast<std::uint64_t>(gaz_next) << 32);
}

}  // namespace articlescope::entities
