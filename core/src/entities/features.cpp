#include "entities/features.hpp"

#include "text/segment.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <array>

namespace articlescope::entities {

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

std::uint8_t Gazetteer::probe(std::uint64_t key) const {
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
  for (std::size_t k = 0; k < old_keys.size(); ++k) {
    if (old_keys[k] == 0) continue;
    std::size_t slot = old_keys[k] & (capacity - 1);
    while (keys_[slot] != 0) slot = (slot + 1) & (capacity - 1);
    keys_[slot] = old_keys[k];
    masks_[slot] = old_masks[k];
  }
}

void Gazetteer::insert(std::uint64_t key, std::uint8_t mask) {
  if ((used_ + 1) * 2 > keys_.size()) grow();
  if (key == 0) key = 1;
  std::size_t slot = key & (keys_.size() - 1);
  while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & (keys_.size() - 1);
  if (keys_[slot] == 0) ++used_;
  if ((mask & kClassBits) != 0 && (masks_[slot] & kClassBits) == 0) ++count_;
  keys_[slot] = key;
  masks_[slot] |= mask;
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
  mask &= kClassBits;
  if (n == 0 || mask == 0) return;
  // Every proper prefix of the phrase is marked, so that a scan over text stops as soon as no phrase can
  // continue.
  std::uint64_t key = start_key();
  for (int k = 0; k + 1 < n; ++k) {
    key = extend(key, hashes[k]);
    insert(key, kLongerPhrases);
  }
  insert(extend(key, hashes[n - 1]), mask);
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

namespace {

// describe() over a lower-casing buffer: a stack array for ordinary words, a std::string for very long ones.
template <class Buffer>
WordInfo describe_into(std::string_view word, Buffer& lowered) {
  WordInfo info;
  info.exact = hash_bytes(word);
  char shape[32];
  int shape_len = 0;
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
      lowered.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    } else {
      lowered.append_code_point(text::to_lower(cp));
    }
    i += len;
  }
  const std::string_view low = lowered.view();
  info.length = static_cast<std::uint8_t>(std::min(count, 255));
  info.lower = hash_bytes(low);
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
      const std::size_t prefix_end = k < known ? starts[k] : low.size();
      info.prefix[k - 1] = hash_bytes(low.substr(0, prefix_end), 0x100000001b3ull * k);
    }
    if (k <= count && count <= 64) {
      const std::size_t suffix_start = starts[count - k];
      info.suffix[k - 1] = hash_bytes(low.substr(suffix_start), 0x84222325cbf29ce4ull * k);
    } else if (k <= count) {
      // Very long word: approximate the suffix by bytes, which is fine for a hash feature.
      info.suffix[k - 1] = hash_bytes(low.substr(low.size() - std::min<std::size_t>(k, low.size())),
                                      0x84222325cbf29ce4ull * k);
    }
  }
  return info;
}

// Lower-casing buffer on the stack. Every input byte yields at most 4 output bytes (an invalid byte becomes
// U+FFFD, 3 bytes), so a word of up to kMaxInput bytes always fits.
class StackBuffer {
 public:
  static constexpr std::size_t kMaxInput = 64;
  void push_back(char c) { data_[size_++] = c; }
  void append_code_point(char32_t cp) {
    if (cp < 0x80) {
      data_[size_++] = static_cast<char>(cp);
      return;
    }
    if (cp < 0x800) {
      data_[size_++] = static_cast<char>(0xC0 | (cp >> 6));
    } else if (cp < 0x10000) {
      data_[size_++] = static_cast<char>(0xE0 | (cp >> 12));
      data_[size_++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    } else {
      data_[size_++] = static_cast<char>(0xF0 | (cp >> 18));
      data_[size_++] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      data_[size_++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    data_[size_++] = static_cast<char>(0x80 | (cp & 0x3F));
  }
  std::size_t size() const { return size_; }
  std::string_view view() const { return {data_, size_}; }

 private:
  char data_[kMaxInput * 4];
  std::size_t size_ = 0;
};

class StringBuffer {
 public:
  void push_back(char c) { data_ += c; }
  void append_code_point(char32_t cp) { text::append_utf8(data_, cp); }
  std::size_t size() const { return data_.size(); }
  std::string_view view() const { return data_; }

 private:
  std::string data_;
};

}  // namespace

WordInfo describe(std::string_view word) {
  if (word.size() <= StackBuffer::kMaxInput) {
    StackBuffer buffer;
    return describe_into(word, buffer);
  }
  StringBuffer buffer;
  return describe_into(word, buffer);
}

// ---- Document statistics ----

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

std::uint64_t word_slot_hash(WordSlot slot, const WordInfo* w) {
  constexpr std::uint64_t kBos = 0x9e3779b97f4a7c15ull;
  constexpr std::uint64_t kEos = 0xc2b2ae3d27d4eb4full;
  switch (slot) {
    case WordSlot::Lower:
      return mix(w->lower, kLower);
    case WordSlot::LowerPrev:
      return mix(w ? w->lower : kBos + 1, kLowerPrev);
    case WordSlot::LowerNext:
      return mix(w ? w->lower : kEos + 1, kLowerNext);
    case WordSlot::LowerPrev2:
      return mix(w ? w->lower : kBos + 2, kLowerPrev2);
    case WordSlot::LowerNext2:
      return mix(w ? w->lower : kEos + 2, kLowerNext2);
    case WordSlot::Exact:
      return mix(w->exact, kExact);
    case WordSlot::Shape:
      return mix(w->shape, kShape);
    case WordSlot::ShapePrev:
      return mix(w ? w->shape : kBos, kShapePrev);
    case WordSlot::ShapeNext:
      return mix(w ? w->shape : kEos, kShapeNext);
    case WordSlot::Prefix1:
    case WordSlot::Prefix2:
    case WordSlot::Prefix3:
    case WordSlot::Prefix4:
      return mix(w->prefix[(static_cast<int>(slot) - static_cast<int>(WordSlot::Prefix1)) / 2], kPrefix);
    case WordSlot::Suffix1:
    case WordSlot::Suffix2:
    case WordSlot::Suffix3:
    case WordSlot::Suffix4:
      return mix(w->suffix[(static_cast<int>(slot) - static_cast<int>(WordSlot::Suffix1)) / 2], kSuffix);
    case WordSlot::Length:
      return mix(std::min<std::uint64_t>(w->length, 12) * 8 + w->shape_class, kLength);
    case WordSlot::SuffixPrev:
      return mix(w ? w->suffix[2] : kBos, kSuffixPrev);
    case WordSlot::SuffixNext:
      return mix(w ? w->suffix[2] : kEos, kSuffixNext);
  }
  return 0;
}

namespace {

// token_features' sink: every feature straight to its bucket.
struct BucketSink {
  const std::vector<WordInfo>& words;
  int bits;
  std::vector<std::uint32_t>& out;
  void word(WordSlot slot, std::size_t j) {
    out.push_back(feature_bucket(word_slot_hash(slot, j == kSentenceEdge ? nullptr : &words[j]), bits));
  }
  void feature(FeatureTemplate t, std::uint64_t value) { out.push_back(feature_bucket(mix(value, t), bits)); }
};

}  // namespace

void token_features(const std::vector<WordInfo>& words, std::size_t begin, std::size_t end, std::size_t i,
                    SentenceCase casing, const std::vector<std::uint32_t>& gaz, int bits,
                    std::vector<std::uint32_t>& out) {
  BucketSink sink{words, bits, out};
  for_each_token_feature(words, begin, end, i, casing, gaz.data(), sink);
}

bool is_title_case_small_word(std::uint64_t lower_hash) {
  // Articles, coordinating conjunctions and short prepositions: what headline styles keep in lower case.
  static const std::array<std::uint64_t, 24> kSmall = [] {
    constexpr std::array<std::string_view, 24> words{"a",  "an",  "the", "and", "but",  "or",   "nor",  "for",
                                                     "so", "yet", "at",  "by",  "in",   "of",   "on",   "to",
                                                     "up", "as",  "via", "per", "from", "with", "into", "vs"};
    std::array<std::uint64_t, 24> hashes{};
    for (std::size_t k = 0; k < words.size(); ++k) hashes[k] = hash_bytes(words[k]);
    return hashes;
  }();
  return std::find(kSmall.begin(), kSmall.end(), lower_hash) != kSmall.end();
}

}  // namespace articlescope::entities
