#include "policy/model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "data.hpp"

ARTICLESCOPE_EMBEDDED(policy_model)

namespace articlescope::policy {

namespace {

constexpr std::string_view kMagic = "ASPOL01\n";

void put_u32(std::string& out, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) out.push_back(static_cast<char>((v >> (8 * k)) & 0xff));
}
void put_f32(std::string& out, float f) {
  std::uint32_t v;
  std::memcpy(&v, &f, 4);
  put_u32(out, v);
}
void put_varint(std::string& out, std::uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}
bool get_u32(std::string_view in, std::size_t& pos, std::uint32_t& v) {
  if (pos + 4 > in.size()) return false;
  v = 0;
  for (int k = 0; k < 4; ++k) v |= std::uint32_t{static_cast<unsigned char>(in[pos + k])} << (8 * k);
  pos += 4;
  return true;
}
bool get_f32(std::string_view in, std::size_t& pos, float& f) {
  std::uint32_t v;
  if (!get_u32(in, pos, v)) return false;
  std::memcpy(&f, &v, 4);
  return std::isfinite(f);
}
bool get_varint(std::string_view in, std::size_t& pos, std::uint32_t& v) {
  v = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (pos >= in.size()) return false;
    const auto byte = static_cast<unsigned char>(in[pos++]);
    v |= std::uint32_t{byte & 0x7fu} << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

}  // namespace

bool role_transition_allowed(int prev, int next) {
  if (next == kIAction) return prev == kBAction || prev == kIAction;
  if (next == kISubject) return prev == kBSubject || prev == kISubject;
  if (next == kIActor) return prev == kBActor || prev == kIActor;
  if (next == kIScope) return prev == kBScope || prev == kIScope;
  return true;
}

void LinearModel::score(const Features& features, float* scores) const {
  for (const std::uint64_t feature : features) {
    const std::uint32_t b = bucket(feature);
    const auto it = std::lower_bound(buckets_.begin(), buckets_.end(), b);
    if (it == buckets_.end() || *it != b) continue;
    const float* w = weights_.data() + static_cast<std::size_t>(it - buckets_.begin()) * classes_;
    for (int c = 0; c < classes_; ++c) scores[c] += w[c];
  }
}

void LinearModel::assign(std::vector<std::uint32_t> buckets, std::vector<float> weights) {
  buckets_ = std::move(buckets);
  weights_ = std::move(weights);
}

void LinearModel::quantise() {
  for (std::size_t r = 0; r < buckets_.size(); ++r) {
    float* w = weights_.data() + r * classes_;
    float top = 0;
    for (int c = 0; c < classes_; ++c) top = std::max(top, std::fabs(w[c]));
    const float scale = top > 0 ? top / 127.0f : 1.0f;
    for (int c = 0; c < classes_; ++c) w[c] = std::round(w[c] / scale) * scale;
  }
}

void LinearModel::prune(std::size_t rows) {
  if (buckets_.size() <= rows) return;
  std::vector<std::pair<float, std::size_t>> strength;
  for (std::size_t r = 0; r < buckets_.size(); ++r) {
    float top = 0;
    for (int c = 0; c < classes_; ++c) top = std::max(top, std::fabs(weights_[r * classes_ + c]));
    strength.push_back({-top, r});
  }
  std::sort(strength.begin(), strength.end());
  std::vector<std::size_t> keep;
  for (std::size_t k = 0; k < rows; ++k) keep.push_back(strength[k].second);
  std::sort(keep.begin(), keep.end());
  std::vector<std::uint32_t> buckets;
  std::vector<float> weights;
  for (const std::size_t r : keep) {
    buckets.push_back(buckets_[r]);
    weights.insert(weights.end(), weights_.begin() + r * classes_, weights_.begin() + (r + 1) * classes_);
  }
  buckets_ = std::move(buckets);
  weights_ = std::move(weights);
}

void LinearModel::encode(std::string& out) const {
  put_u32(out, static_cast<std::uint32_t>(bits_));
  put_u32(out, static_cast<std::uint32_t>(classes_));
  put_u32(out, static_cast<std::uint32_t>(buckets_.size()));
  std::uint32_t previous = 0;
  for (const std::uint32_t b : buckets_) {
    put_varint(out, b - previous);
    previous = b;
  }
  for (std::size_t r = 0; r < buckets_.size(); ++r) {
    const float* w = weights_.data() + r * classes_;
    float top = 0;
    for (int c = 0; c < classes_; ++c) top = std::max(top, std::fabs(w[c]));
    const float scale = top > 0 ? top / 127.0f : 1.0f;
    put_f32(out, scale);
    for (int c = 0; c < classes_; ++c)
      out.push_back(static_cast<char>(static_cast<std::int8_t>(std::lround(w[c] / scale))));
  }
}

bool LinearModel::decode(std::string_view in, std::size_t& pos) {
  std::uint32_t bits, classes, rows;
  if (!get_u32(in, pos, bits) || !get_u32(in, pos, classes) || !get_u32(in, pos, rows)) return false;
  if (bits < 8 || bits > 28 || classes == 0 || classes > 64 || rows > (1u << bits)) return false;
  if (rows > in.size()) return false;  // every row takes at least one byte
  LinearModel m(static_cast<int>(bits), static_cast<int>(classes));
  m.buckets_.resize(rows);
  std::uint32_t previous = 0;
  for (std::uint32_t r = 0; r < rows; ++r) {
    std::uint32_t delta;
    if (!get_varint(in, pos, delta)) return false;
    if ((r > 0 && delta == 0) || delta >= (1u << bits) - previous) return false;
    previous += delta;
    m.buckets_[r] = previous;
  }
  m.weights_.resize(std::size_t{rows} * classes);
  for (std::uint32_t r = 0; r < rows; ++r) {
    float scale;
    if (!get_f32(in, pos, scale) || pos + classes > in.size()) return false;
    for (std::uint32_t c = 0; c < classes; ++c)
      m.weights_[std::size_t{r} * classes + c] = static_cast<float>(static_cast<std::int8_t>(in[pos++])) * scale;
  }
  *this = std::move(m);
  return true;
}

std::string encode_models(const Models& models) {
  std::string out(kMagic);
  put_f32(out, models.threshold);
  models.detect.encode(out);
  models.status.encode(out);
  models.roles.encode(out);
  put_u32(out, static_cast<std::uint32_t>(models.role_transitions.size()));
  for (const float t : models.role_transitions) put_f32(out, t);
  return out;
}

bool decode_models(std::string_view bytes, Models& models) {
  if (bytes.substr(0, kMagic.size()) != kMagic) return false;
  std::size_t pos = kMagic.size();
  Models m;
  std::uint32_t count;
  if (!get_f32(bytes, pos, m.threshold) || !m.detect.decode(bytes, pos) || !m.status.decode(bytes, pos) ||
      !m.roles.decode(bytes, pos) ||
      !get_u32(bytes, pos, count))
    return false;
  if (m.detect.classes() != 2 || m.status.classes() != kNumStatusClasses || m.roles.classes() != kNumRoleTags ||
      count != (kNumRoleTags + 1) * kNumRoleTags)
    return false;
  m.role_transitions.resize(count);
  for (float& t : m.role_transitions) {
    if (!get_f32(bytes, pos, t)) return false;
  }
  if (pos != bytes.size()) return false;
  models = std::move(m);
  return true;
}

const Models& embedded_models() {
  static const Models models = [] {
    Models m;
    decode_models(data::policy_model_view(), m);
    return m;
  }();
  return models;
}

}  // namespace articlescope::policy
