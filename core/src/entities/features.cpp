#include "entities/features.hpp"

#include "data.hpp"

#include "text/lines.hpp"
#include "text/segment.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <array>

ARTICLESCOPE_EMBEDDED(word_clusters_bin)

namespace articlescope::entities {

bool transition_allowed(int prev, int next) {
  const bool prev_open = prev > 0 && (pos_of_tag(prev) == Bilou::B || pos_of_tag(prev) == Bilou::I);
  const bool next_continues = next > 0 && (pos_of_tag(next) == Bilou::I || pos_of_tag(next) == Bilou::L);
  if (prev_open) return next_continues && type_of_tag(prev) == type_of_tag(next);
  return !next_continues;
}

bool final_allowed(int tag) { return tag == 0 || pos_of_tag(tag) == Bilou::L || pos_of_tag(tag) == Bilou::U; }

void spans_from_tags(const std::vector<int>& tags, std::size_t offset, std::vector<TaggedSpan>& out) {
  std::size_t i = 0;
  while (i < tags.size()) {
    if (tags[i] == 0) {
      ++i;
      continue;
    }
    const NerType type = type_of_tag(tags[i]);
    std::size_t j = i;
    if (pos_of_tag(tags[i]) == Bilou::B || pos_of_tag(tags[i]) == Bilou::I) {
      while (j + 1 < tags.size() && tags[j + 1] != 0 && type_of_tag(tags[j + 1]) == type &&
             (pos_of_tag(tags[j + 1]) == Bilou::I || pos_of_tag(tags[j + 1]) == Bilou::L)) {
        ++j;
        if (pos_of_tag(tags[j]) == Bilou::L) break;
      }
    }
    out.push_back({offset + i, offset + j, type});
    i = j + 1;
  }
}

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
  text::LineReader lines(text);
  for (std::string_view line; lines.next(line);) {
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
  WordInfo info;
  if (word.size() <= StackBuffer::kMaxInput) {
    StackBuffer buffer;
    info = describe_into(word, buffer);
  } else {
    StringBuffer buffer;
    info = describe_into(word, buffer);
  }
  info.cluster = embedded_word_clusters().path(info.lower);
  return info;
}

// ---- Word classes ----

namespace {
// Version 1 stores each path as a little-endian u16; version 2, when every path is `depth` <= 8 bits long
// (its marker bit at `depth`), as the one byte under the marker (6 KB less once gzipped for 20,000 words).
constexpr std::string_view kClustersMagic = "ASCLUS1\n";
constexpr std::string_view kClustersMagic2 = "ASCLUS2\n";
}  // namespace

std::string WordClusters::encode(const std::vector<std::pair<std::uint32_t, std::uint16_t>>& entries,
                                 int depth) {
  const bool bytes = depth <= 8 && std::all_of(entries.begin(), entries.end(),
                                               [&](const auto& e) { return e.second >> depth == 1; });
  std::string out(bytes ? kClustersMagic2 : kClustersMagic);
  const auto put_u32 = [&](std::uint32_t v) {
    for (int b = 0; b < 4; ++b) out += static_cast<char>(v >> (8 * b) & 0xff);
  };
  put_u32(static_cast<std::uint32_t>(entries.size()));
  put_u32(static_cast<std::uint32_t>(depth));
  std::uint32_t previous = 0;
  for (const auto& [fp, path] : entries) {
    std::uint32_t delta = fp - previous;
    for (; delta >= 0x80; delta >>= 7) out += static_cast<char>(0x80 | (delta & 0x7f));
    out += static_cast<char>(delta);
    previous = fp;
  }
  for (const auto& [fp, path] : entries) {
    out += static_cast<char>(path & 0xff);
    if (!bytes) out += static_cast<char>(path >> 8);
  }
  return out;
}

bool WordClusters::load(std::string_view bytes) {
  fingerprints_.clear();
  paths_.clear();
  depth_ = 0;
  const auto u32_at = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (int b = 0; b < 4; ++b) v |= std::uint32_t{static_cast<unsigned char>(bytes[at + b])} << (8 * b);
    return v;
  };
  const std::size_t header = kClustersMagic.size();
  if (bytes.size() < header + 8) return false;
  const bool one_byte = bytes.substr(0, header) == kClustersMagic2;
  if (!one_byte && bytes.substr(0, header) != kClustersMagic) return false;
  const std::uint32_t count = u32_at(header);
  const std::uint32_t depth = u32_at(header + 4);
  if (depth == 0 || depth > (one_byte ? 8 : 15) || count > bytes.size()) return false;
  std::vector<std::uint32_t> fingerprints;
  std::vector<std::uint16_t> paths;
  fingerprints.reserve(count);
  paths.reserve(count);
  std::size_t at = header + 8;
  std::uint64_t value = 0;
  for (std::uint32_t k = 0; k < count; ++k) {
    std::uint64_t delta = 0;
    for (int shift = 0;; shift += 7) {
      if (at >= bytes.size() || shift > 28) return false;
      const auto byte = static_cast<unsigned char>(bytes[at++]);
      delta |= std::uint64_t{byte & 0x7fu} << shift;
      if ((byte & 0x80) == 0) break;
    }
    if (k > 0 && delta == 0) return false;  // ascending, no repeats
    value += delta;
    if (value >= (std::uint64_t{1} << kFingerprintBits)) return false;
    fingerprints.push_back(static_cast<std::uint32_t>(value));
  }
  const std::size_t width = one_byte ? 1 : 2;
  if (bytes.size() - at != std::size_t{count} * width) return false;
  for (std::uint32_t k = 0; k < count; ++k, at += width) {
    const auto low = static_cast<unsigned char>(bytes[at]);
    const auto path = static_cast<std::uint16_t>(
        one_byte ? (1u << depth) | low : low | static_cast<unsigned char>(bytes[at + 1]) << 8);
    // The marker bit, at most `depth` bits under it.
    if (path == 0 || path >> depth > 1) return false;
    paths.push_back(path);
  }
  fingerprints_ = std::move(fingerprints);
  paths_ = std::move(paths);
  depth_ = static_cast<int>(depth);
  return true;
}

std::vector<std::pair<std::uint32_t, std::uint16_t>> WordClusters::entries() const {
  std::vector<std::pair<std::uint32_t, std::uint16_t>> out;
  out.reserve(fingerprints_.size());
  for (std::size_t k = 0; k < fingerprints_.size(); ++k) out.emplace_back(fingerprints_[k], paths_[k]);
  return out;
}

std::uint16_t WordClusters::path(std::uint64_t lower_hash) const {
  const std::uint32_t fp = fingerprint(lower_hash);
  const auto it = std::lower_bound(fingerprints_.begin(), fingerprints_.end(), fp);
  if (it == fingerprints_.end() || *it != fp) return 0;
  return paths_[static_cast<std::size_t>(it - fingerprints_.begin())];
}

const WordClusters& embedded_word_clusters() {
  static const WordClusters clusters = [] {
    WordClusters c;
    c.load(data::word_clusters_bin_view());
    return c;
  }();
  return clusters;
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
    case WordSlot::TitleExact:
      return mix(w->exact, kTitleExact);
    case WordSlot::TitleShape:
      return mix(w->shape, kTitleShape);
    case WordSlot::TitleShapePrev:
      return mix(w ? w->shape : kBos, kTitleShapePrev);
    case WordSlot::TitleShapeNext:
      return mix(w ? w->shape : kEos, kTitleShapeNext);
    case WordSlot::ClusterShort:
      return mix(cluster_prefix(w->cluster, 4), kCluster);
    case WordSlot::ClusterMiddle:
      return mix(cluster_prefix(w->cluster, 8), kCluster);
    case WordSlot::ClusterFull:
      return mix(w->cluster, kCluster);
    case WordSlot::ClusterPrev:
      return mix(w ? w->cluster : 0, kClusterPrev);
    case WordSlot::ClusterNext:
      return mix(w ? w->cluster : 0, kClusterNext);
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

// ---- Second stage ----

namespace {

// Counts per key (open addressing, grown at half full): N small counters per key.
template <int N>
class CountTable {
 public:
  std::uint16_t* at(std::uint64_t key) {
    if (key == 0) key = 1;
    if ((used_ + 1) * 2 > keys_.size()) grow();
    std::size_t slot = find(key);
    if (keys_[slot] == 0) {
      keys_[slot] = key;
      ++used_;
    }
    return counts_.data() + slot * N;
  }
  const std::uint16_t* find_counts(std::uint64_t key) const {
    if (keys_.empty()) return nullptr;
    if (key == 0) key = 1;
    const std::size_t slot = find(key);
    return keys_[slot] == 0 ? nullptr : counts_.data() + slot * N;
  }

 private:
  std::size_t find(std::uint64_t key) const {
    const std::size_t mask = keys_.size() - 1;
    std::size_t slot = key & mask;
    while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & mask;
    return slot;
  }
  void grow() {
    std::vector<std::uint64_t> old_keys = std::move(keys_);
    std::vector<std::uint16_t> old_counts = std::move(counts_);
    keys_.assign(old_keys.empty() ? 256 : old_keys.size() * 2, 0);
    counts_.assign(keys_.size() * N, 0);
    for (std::size_t o = 0; o < old_keys.size(); ++o) {
      if (old_keys[o] == 0) continue;
      const std::size_t slot = find(old_keys[o]);
      keys_[slot] = old_keys[o];
      std::copy_n(old_counts.data() + o * N, N, counts_.data() + slot * N);
    }
  }
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint16_t> counts_;
  std::size_t used_ = 0;
};

void bump(std::uint16_t& count) {
  if (count < 0xffff) ++count;
}

// The type most counted (the first on a tie) and its count; -1 when none.
int majority(const int* counts, int n, int& best) {
  int type = -1;
  best = 0;
  for (int t = 0; t < n; ++t) {
    if (counts[t] > best) {
      best = counts[t];
      type = t;
    }
  }
  return type;
}

}  // namespace

void second_stage_features(const std::vector<SecondStageToken>& tokens, const std::vector<int>& first_tags,
                           std::vector<std::uint64_t>& features, std::vector<std::uint32_t>& offsets) {
  const std::size_t n = tokens.size();
  features.clear();
  features.reserve(n);
  offsets.assign(n + 1, 0);
  // A word counts when it is written with a capital, or anywhere in lower-case text (where names are
  // written in lower case too): a lower-case word in ordinary text is no name, whatever it shares.
  const auto counted = [&](std::size_t k) {
    const SecondStageToken& t = tokens[k];
    if (!t.in_sentence) return false;
    const int c = t.shape_class;
    return c == 2 || c == 3 || c == 5 ||
           (c == 1 && t.casing == static_cast<std::uint8_t>(SentenceCase::Lower));
  };
  const auto own_label = [&](std::size_t k) {
    return first_tags[k] == 0 ? 0 : 1 + static_cast<int>(type_of_tag(first_tags[k]));
  };
  // Context cues of each occurrence: after a title ("Mr", "President"), after a first name, before an
  // organisation word ("Corp", "club") one or two words on.
  const auto same_sentence = [&](std::size_t a, std::size_t b) {
    return tokens[a].in_sentence && tokens[b].in_sentence && tokens[a].sentence == tokens[b].sentence;
  };
  const auto gaz_at = [&](std::size_t k, int cls, std::uint32_t positions) {
    return (tokens[k].gaz >> (cls * 4) & positions) != 0;
  };
  constexpr int kTitleClass = 4, kFirstClass = 2, kOrgWordClass = 5;  // bits of GazClass
  constexpr std::uint32_t kEnds = 0b1100, kAny = 0b1111;              // L or U; any of B, I, L, U
  std::vector<std::uint8_t> cues;
  cues.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    if (!counted(k)) continue;
    std::uint8_t c = 0;
    if (k > 0 && same_sentence(k - 1, k)) {
      if (gaz_at(k - 1, kTitleClass, kEnds)) c |= 1;
      if (gaz_at(k - 1, kFirstClass, kEnds) && tokens[k - 1].shape_class == 2) c |= 2;
    }
    for (std::size_t j = k + 1; j <= k + 2 && j < n && same_sentence(k, j); ++j) {
      if (gaz_at(j, kOrgWordClass, kAny)) c |= 4;
    }
    cues[k] = c;
  }
  // Counts per word number (the tokens' `word`): dense arrays, no hashing per token.
  std::uint32_t words = 0;
  for (const SecondStageToken& t : tokens) words = std::max(words, t.word + 1);
  std::vector<std::uint16_t> word_cues(std::size_t{words} * 3, 0);     // after a title, after a first name,
                                                                       // before an organisation word
  std::vector<std::uint16_t> word_labels(std::size_t{words} * 5, 0);   // O, PER, ORG, LOC, MISC
  std::vector<std::uint16_t> longer_names(std::size_t{words} * 7, 0);  // PER, ORG, LOC, MISC; then B, I, L
  CountTable<4> name_labels;                                           // PER, ORG, LOC, MISC
  for (std::size_t k = 0; k < n; ++k) {
    if (!counted(k)) continue;
    bump(word_labels[std::size_t{tokens[k].word} * 5 + static_cast<std::size_t>(own_label(k))]);
    if (cues[k] != 0) {
      std::uint16_t* c = word_cues.data() + std::size_t{tokens[k].word} * 3;
      for (int b = 0; b < 3; ++b) {
        if (cues[k] & (1u << b)) bump(c[b]);
      }
    }
  }
  // The majority type of each token's word elsewhere (0 none, 1 + type), for its neighbours' features.
  std::vector<std::uint8_t> word_majority;
  word_majority.resize(n);
  std::vector<TaggedSpan> spans;
  spans_from_tags(first_tags, 0, spans);
  std::vector<std::uint32_t> span_of(n, 0);  // 1 + index of the span covering a token, 0 when none
  std::vector<std::uint64_t> span_keys(spans.size());
  for (std::size_t s = 0; s < spans.size(); ++s) {
    const TaggedSpan& span = spans[s];
    const int type = static_cast<int>(span.type);
    std::uint64_t key = Gazetteer::start_key();
    for (std::size_t k = span.first; k <= span.last; ++k) {
      key = Gazetteer::extend(key, tokens[k].lower);
      span_of[k] = static_cast<std::uint32_t>(s + 1);
      if (span.first == span.last) continue;
      std::uint16_t* c = longer_names.data() + std::size_t{tokens[k].word} * 7;
      bump(c[type]);
      bump(c[4 + (k == span.first ? 0 : k == span.last ? 2 : 1)]);
    }
    span_keys[s] = key;
    bump(name_labels.at(key)[type]);
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (!counted(k)) continue;
    const std::uint16_t* w = word_labels.data() + std::size_t{tokens[k].word} * 5;
    int others[4];
    for (int c = 0; c < 4; ++c) others[c] = w[1 + c];
    if (own_label(k) > 0) --others[own_label(k) - 1];
    int best = 0;
    word_majority[k] = static_cast<std::uint8_t>(majority(others, 4, best) + 1);
  }
  for (std::size_t k = 0; k < n; ++k) {
    offsets[k] = static_cast<std::uint32_t>(features.size());
    if (!counted(k)) continue;
    const SecondStageToken& t = tokens[k];
    const int own = own_label(k);
    // The first stage's own tag, position and all: the second stage corrects it ("The" before a name that
    // the first stage began one word later is not the same case as a name's first word).
    const auto tag = static_cast<std::uint64_t>(first_tags[k]);
    const std::uint64_t shape = std::uint64_t{t.shape_class} * 4 + t.casing;  // < 32
    const auto add = [&](SecondStageTemplate tpl, std::uint64_t value) {
      features.push_back(mix(value, tpl));
    };
    // The same word elsewhere.
    int others[5];
    const std::uint16_t* w = word_labels.data() + std::size_t{t.word} * 5;
    for (int c = 0; c < 5; ++c) others[c] = w[c];
    --others[own];
    const int inside = others[1] + others[2] + others[3] + others[4];
    if (inside + others[0] == 0) {
      add(kWordAlone, tag * 32 + shape);
    } else if (inside == 0) {
      add(kWordOnlyOutside, std::uint64_t(std::min(others[0], 3)) * 1024 + tag * 32 + shape);
    } else {
      int best = 0;
      const int type = majority(others + 1, 4, best);
      const int strength = std::min(best, 3);
      const int pure = best == inside ? 1 : 0;
      const int outside = others[0] == 0 ? 0 : others[0] < inside ? 1 : 2;
      add(kWordLabels,
          static_cast<std::uint64_t>((((type * 4 + strength) * 2 + pure) * 3 + outside) * 17) + tag);
      add(kWordLabelsShape, (std::uint64_t(type) * 17 + tag) * 32 + shape);
    }
    // The word as part of a longer name elsewhere (its own name not counted).
    {
      const std::uint16_t* l = longer_names.data() + std::size_t{t.word} * 7;
      int types[4], positions[3];
      for (int c = 0; c < 4; ++c) types[c] = l[c];
      for (int c = 0; c < 3; ++c) positions[c] = l[4 + c];
      const std::uint32_t s = span_of[k];
      if (s != 0 && spans[s - 1].first != spans[s - 1].last) {
        --types[static_cast<int>(spans[s - 1].type)];
        --positions[k == spans[s - 1].first ? 0 : k == spans[s - 1].last ? 2 : 1];
      }
      int best = 0, best_position = 0;
      const int type = majority(types, 4, best);
      const int position = majority(positions, 3, best_position);
      if (type >= 0 && position >= 0) {
        add(kWordInLongerName, static_cast<std::uint64_t>((type * 3 + position) * 17) + tag);
        add(kWordInLongerNameShape, (std::uint64_t(type) * 17 + tag) * 32 + shape);
      }
    }
    // What the same words elsewhere say about the neighbours (a name of two words, one of them seen alone).
    const std::uint64_t before = k > 0 && same_sentence(k - 1, k) ? word_majority[k - 1] : 5;
    const std::uint64_t after = k + 1 < n && same_sentence(k, k + 1) ? word_majority[k + 1] : 5;
    if (before != 0 || after != 0) add(kNeighbourLabels, (before * 6 + after) * 17 + tag);
    // Context cues of the word's other occurrences.
    {
      const std::uint16_t* c = word_cues.data() + std::size_t{t.word} * 3;
      std::uint64_t elsewhere = 0;
      for (int b = 0; b < 3; ++b) {
        if (c[b] > ((cues[k] >> b) & 1u)) elsewhere |= 1u << b;
      }
      if (elsewhere != 0) {
        add(kCuesElsewhere, elsewhere * 17 + tag);
        add(kCuesElsewhereShape, (elsewhere * 17 + tag) * 32 + shape);
      }
    }
    // The first stage's name around this token, elsewhere.
    if (const std::uint32_t s = span_of[k]; s != 0) {
      const TaggedSpan& span = spans[s - 1];
      const std::uint16_t* c = name_labels.find_counts(span_keys[s - 1]);
      int types[4];
      for (int x = 0; x < 4; ++x) types[x] = c ? c[x] : 0;
      const int own_type = static_cast<int>(span.type);
      --types[own_type];
      int best = 0;
      const int type = majority(types, 4, best);
      if (type >= 0) {
        const int total = types[0] + types[1] + types[2] + types[3];
        const int position = span.first == span.last ? 3 : k == span.first ? 0 : k == span.last ? 2 : 1;
        add(kNameLabels,
            static_cast<std::uint64_t>(
                (((type * 4 + std::min(best, 3)) * 2 + (best == total ? 1 : 0)) * 4 + own_type) * 4 +
                position));
        add(kNameLabelsShape, (std::uint64_t(type) * 17 + tag) * 32 + shape);
      }
    }
  }
  offsets[n] = static_cast<std::uint32_t>(features.size());
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
