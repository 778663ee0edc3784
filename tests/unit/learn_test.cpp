// The shared learning module: hashing, the quantised model format (round trip, refusal of malformed bytes),
// the scorer, and the averaged perceptron and logistic regression trainers on small invented problems.
#include "data.hpp"
#include "learn/hash.hpp"
#include "learn/logistic.hpp"
#include "learn/model.hpp"
#include "learn/perceptron.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

ARTICLESCOPE_EMBEDDED(ner_model)
ARTICLESCOPE_EMBEDDED(ner_stage2_model)
ARTICLESCOPE_EMBEDDED(pos_model)
ARTICLESCOPE_EMBEDDED(chunk_model)
ARTICLESCOPE_EMBEDDED(policy_detect_model)
ARTICLESCOPE_EMBEDDED(policy_roles_model)

using namespace articlescope::learn;

namespace {

constexpr ModelShape kShape{model_kind("TST1"), 5, 3};

// A model of 4 rows over 2^10 buckets with known weights.
std::string small_model(std::vector<float>& weights, std::vector<std::uint32_t>& buckets) {
  buckets = {0, 17, 512, 1023};
  weights.assign(buckets.size() * kShape.classes, 0.0f);
  for (std::size_t k = 0; k < weights.size(); ++k)
    weights[k] = static_cast<float>(static_cast<int>(k % 7) - 3);
  return encode_model(kShape, 10, {0.5f, -1.0f, 3.0f}, buckets, weights);
}

}  // namespace

TEST_CASE("hashing is stable: FNV-1a and the mixer give fixed values") {
  CHECK(hash_bytes("") == kFnvOffset);
  // With the standard offset basis it is the published FNV-1a 64 test vector; the project's seed gives
  // another fixed value that every trained model depends on.
  CHECK(hash_bytes("a", 14695981039346656037ull) == 0xaf63dc4c8601ec8cull);
  CHECK(hash_bytes("a") == 0x44bd8ad473cd9906ull);
  CHECK(mix(1, 2) != mix(2, 1));
  CHECK(feature_bucket(~std::uint64_t{0}, 10) == 1023);
  CHECK(feature_bucket(0, 10) == 0);
}

TEST_CASE("a model round-trips through encode_model and load") {
  std::vector<float> weights;
  std::vector<std::uint32_t> buckets;
  const std::string bytes = small_model(weights, buckets);
  Model m;
  REQUIRE(m.load(bytes, kShape));
  CHECK(m.bucket_bits() == 10);
  CHECK(m.classes() == 5);
  CHECK(m.rows() == 4);
  REQUIRE(m.extras().size() == 3);
  CHECK(m.row_of(0) == 0);
  CHECK(m.row_of(17) == 1);
  CHECK(m.row_of(512) == 2);
  CHECK(m.row_of(1023) == 3);
  CHECK(m.row_of(18) == -1);
  // Weights are stored relative to the largest one (3): exact here, since every weight is a small integer.
  for (std::size_t r = 0; r < 4; ++r) {
    for (int c = 0; c < 5; ++c) CHECK(m.weight(r, c) * 3.0f == Approx(weights[r * 5 + c]).margin(0.03));
  }
  CHECK(m.extras()[2] * 3.0f == Approx(3.0f));
  // score() sums rows for every class.
  const std::uint32_t rows[] = {0, 2, 3, 0};
  float out[5];
  m.score(rows, 4, out);
  for (int c = 0; c < 5; ++c) {
    const float expected = m.weight(0, c) * 2 + m.weight(2, c) + m.weight(3, c);
    CHECK(out[c] == Approx(expected));
  }
}

TEST_CASE("every layout version reads the same weights, and recoding between them is lossless") {
  std::vector<float> weights;
  std::vector<std::uint32_t> buckets;
  const std::string v3 = recode_model(small_model(weights, buckets), 3);  // a seventh of the weights are 0
  REQUIRE(static_cast<unsigned char>(v3[kModelMagic.size()]) == 3);
  const std::string v1 = recode_model(v3, 1), v2 = recode_model(v3, 2);
  REQUIRE(v1.size() == v3.size() - 3 + buckets.size() * kShape.classes - 17);  // 3 bitmap bytes, 17 non-zero
  REQUIRE(v2.size() == v1.size());
  Model m1, m2, m3;
  REQUIRE(m1.load(v1, kShape));
  REQUIRE(m2.load(v2, kShape));
  REQUIRE(m3.load(v3, kShape, /*copy=*/false));
  for (std::size_t r = 0; r < buckets.size(); ++r) {
    for (int c = 0; c < kShape.classes; ++c) {
      CHECK(m1.weight(r, c) == m3.weight(r, c));
      CHECK(m2.weight(r, c) == m3.weight(r, c));
    }
  }
  CHECK(recode_model(v1, 3) == v3);
  CHECK(recode_model(v2, 3) == v3);
  CHECK(recode_model(v3, 2) == v2);
  // Unasked, the layout encode_model() chooses: rows (version 2) for a seventh of zero weights.
  CHECK(recode_model(v3) == v2);
  CHECK(small_model(weights, buckets) == v2);
  // Version 1 stored the rows of int8 weights as they are, version 2 each as w ^ 0x80: a zero weight is never
  // a zero byte.
  const std::size_t rows_at = v2.size() - buckets.size() * kShape.classes;
  for (std::size_t k = rows_at; k < v2.size(); ++k) {
    CHECK(v2[k] != '\0');
    CHECK(v1[k] == static_cast<char>(v2[k] ^ 0x80));
  }
  std::string v4 = v3;
  v4[kModelMagic.size()] = '\x04';
  CHECK_FALSE(m1.load(v4, kShape));
  CHECK(recode_model(v3, 4).empty());
  CHECK(recode_model("not a model").empty());
}

TEST_CASE("a model of mostly zero weights is encoded sparse (version 3) and reads the same") {
  std::vector<float> weights(6 * kShape.classes, 0.0f);
  for (std::size_t k = 0; k < weights.size(); k += 4) weights[k] = static_cast<float>(k % 5) - 2.5f;
  const std::vector<std::uint32_t> buckets = {1, 2, 40, 41, 700, 1000};
  const std::string sparse = encode_model(kShape, 10, {0.5f, -1.0f, 3.0f}, buckets, weights);
  REQUIRE(static_cast<unsigned char>(sparse[kModelMagic.size()]) == 3);
  const std::string rows = recode_model(sparse, 2);
  CHECK(sparse.size() < rows.size());
  Model a, b;
  REQUIRE(a.load(sparse, kShape));
  REQUIRE(b.load(rows, kShape));
  for (std::size_t r = 0; r < buckets.size(); ++r) {
    for (int c = 0; c < kShape.classes; ++c) {
      CHECK(a.weight(r, c) == b.weight(r, c));
      CHECK(a.weight(r, c) * 2.5f == Approx(weights[r * kShape.classes + c]).margin(0.03));
    }
  }
}

TEST_CASE("version 3 refuses weights that do not match its bitmap of zero weights") {
  std::vector<float> weights;
  std::vector<std::uint32_t> buckets;
  const std::string bytes = recode_model(small_model(weights, buckets), 3);
  const std::size_t others = 17;  // the non-zero weights, the file's last bytes, after the 3-byte bitmap
  const std::size_t bitmap_at = bytes.size() - others - 3;
  Model m;
  REQUIRE(m.load(bytes, kShape));
  std::string zero_weight = bytes;
  zero_weight[bytes.size() - 1] = '\0';  // a zero stored among the non-zero weights
  CHECK_FALSE(m.load(zero_weight, kShape));
  std::string past_end = bytes;
  past_end[bitmap_at + 2] = static_cast<char>(past_end[bitmap_at + 2] | 0x80);  // bit 23 of 20 cells
  CHECK_FALSE(m.load(past_end, kShape));
  std::string one_more_zero = bytes;
  for (int bit = 0; bit < 20; ++bit) {  // the first non-zero weight marked zero: a byte too many
    if ((one_more_zero[bitmap_at + bit / 8] >> (bit % 8) & 1) == 0) {
      one_more_zero[bitmap_at + bit / 8] =
          static_cast<char>(one_more_zero[bitmap_at + bit / 8] | (1 << (bit % 8)));
      break;
    }
  }
  CHECK_FALSE(m.load(one_more_zero, kShape));
}

TEST_CASE("every embedded model is stored in the layout encode_model chooses") {
  // A version 1 model's zero weights are zero bytes (the WebAssembly optimiser cuts the data section at each
  // run of them: the NER models so stored made the module 27 KB gzip larger), and a sparse model stored as
  // rows is 7-30% larger in the module: `train recode` rewrites a model trained before a layout change.
  namespace data = articlescope::data;
  for (const std::string_view bytes :
       {data::ner_model_view(), data::ner_stage2_model_view(), data::pos_model_view(),
        data::chunk_model_view(), data::policy_detect_model_view(), data::policy_roles_model_view()}) {
    REQUIRE(bytes.size() > kModelMagic.size() + 4);
    CHECK(static_cast<unsigned char>(bytes[kModelMagic.size()]) >= 2);
    CHECK(recode_model(bytes) == bytes);
  }
}

TEST_CASE("the scorer handles every class count (SIMD blocks of 16, 8, 4 and single classes)") {
  for (const int classes : {1, 3, 4, 8, 15, 16, 17, 29, 33, 48}) {
    const ModelShape shape{model_kind("TST2"), classes, 0};
    const std::vector<std::uint32_t> buckets = {5, 6, 200};
    std::vector<float> weights(buckets.size() * static_cast<std::size_t>(classes));
    for (std::size_t k = 0; k < weights.size(); ++k) weights[k] = static_cast<float>((k * 37) % 11) - 5.0f;
    Model m;
    REQUIRE(m.load(encode_model(shape, 8, {}, buckets, weights), shape));
    const std::uint32_t rows[] = {2, 0, 1};
    std::vector<float> out(static_cast<std::size_t>(classes), -99.0f);
    m.score(rows, 3, out.data());
    for (int c = 0; c < classes; ++c)
      CHECK(out[static_cast<std::size_t>(c)] == Approx(m.weight(0, c) + m.weight(1, c) + m.weight(2, c)));
  }
}

TEST_CASE("malformed model bytes are refused, never crash") {
  std::vector<float> weights;
  std::vector<std::uint32_t> buckets;
  Model m;
  CHECK_FALSE(m.load("", kShape));
  CHECK_FALSE(m.load(kModelMagic, kShape));
  CHECK_FALSE(m.load(std::string(4096, '\xff'), kShape));
  const std::string dense = small_model(weights, buckets);
  for (const std::string& bytes : {dense, recode_model(dense, 3)}) {  // both layouts encode_model writes
    // Every truncation, and one byte more.
    for (std::size_t n = 0; n < bytes.size(); ++n) CHECK_FALSE(m.load(bytes.substr(0, n), kShape));
    CHECK_FALSE(m.load(bytes + '\0', kShape));
    // Another kind, class count or extras count.
    CHECK_FALSE(m.load(bytes, {model_kind("TST9"), 5, 3}));
    CHECK_FALSE(m.load(bytes, {kShape.kind, 6, 3}));
    CHECK_FALSE(m.load(bytes, {kShape.kind, 5, 2}));
    // Any single corrupted byte either loads (a weight changed) or is refused; it never crashes.
    for (std::size_t k = 0; k < bytes.size(); ++k) {
      for (const char flip : {'\x01', '\x80', '\xff'}) {
        std::string bad = bytes;
        bad[k] = static_cast<char>(bad[k] ^ flip);
        if (m.load(bad, kShape)) {
          float out[5];
          const std::uint32_t rows[] = {0, 1, 2, 3};
          m.score(rows, 4, out);
        }
      }
    }
    CHECK(m.load(bytes, kShape));
  }
}

TEST_CASE("a loaded model survives copies and moves of itself") {
  std::vector<float> weights;
  std::vector<std::uint32_t> buckets;
  Model original;
  {
    const std::string bytes = small_model(weights, buckets);
    REQUIRE(original.load(bytes, kShape, /*copy=*/true));
  }
  const Model copy = original;
  Model moved = std::move(original);
  CHECK(copy.weight(1, 2) == moved.weight(1, 2));
  CHECK(copy.weight(3, 4) * 3.0f == Approx(weights[3 * 5 + 4]).margin(0.03));
}

TEST_CASE("the averaged perceptron learns a separable problem and its averages") {
  // Three classes, each signalled by its own feature; feature 3 is noise present everywhere.
  Perceptron p(4, 3);
  Rng rng(7);
  std::vector<int> order = {0, 1, 2, 0, 1, 2, 0, 1, 2};
  for (int epoch = 0; epoch < 5; ++epoch) {
    rng.shuffle(order);
    for (const int truth : order) {
      const std::uint32_t features[] = {static_cast<std::uint32_t>(truth), 3};
      float scores[3] = {};
      p.add_scores(features, 2, scores);
      int guess = 0;
      for (int c = 1; c < 3; ++c)
        if (scores[c] > scores[guess]) guess = c;
      p.tick();
      if (guess != truth) p.update(features, 2, truth, guess);
    }
  }
  std::vector<float> weights, extras;
  p.averaged(weights, extras);
  for (int truth = 0; truth < 3; ++truth) {
    const float* row = weights.data() + truth * 3;
    for (int c = 0; c < 3; ++c) {
      if (c != truth) CHECK(row[truth] > row[c]);
    }
  }
  // Pruning keeps the strongest rows, ascending; the empty rows are not counted.
  std::size_t nonzero = 0;
  const std::vector<std::uint32_t> kept = strongest_rows(weights, 3, 2, &nonzero);
  CHECK(nonzero >= 3);
  CHECK(kept.size() == 2);
  CHECK(kept[0] < kept[1]);
  CHECK(gather_rows(weights, 3, kept).size() == 6);
}

TEST_CASE("the logistic regression counts each example as often as its weight says") {
  // Two examples share feature 5 with opposite classes; feature 9 marks the second one alone.
  const std::vector<std::vector<std::uint32_t>> features{{5}, {5, 9}};
  const std::vector<int> labels{0, 1};
  const LogisticOptions options{0.1f, 0.1f, 300};
  const auto margin = [](const std::vector<float>& w, std::uint32_t bucket) {
    return w[bucket * 2 + 1] - w[bucket * 2];
  };
  const auto plain = train_logistic(4, 2, features, labels, options);
  CHECK(train_logistic(4, 2, features, labels, options, {1.0f, 1.0f}) == plain);
  // The first example weighed three times pulls the shared feature towards its class; weighed zero, the
  // shared feature is left to the second example.
  CHECK(margin(train_logistic(4, 2, features, labels, options, {3.0f, 1.0f}), 5) < margin(plain, 5));
  CHECK(margin(train_logistic(4, 2, features, labels, options, {0.0f, 1.0f}), 5) > 0.0f);
  CHECK(margin(plain, 5) < 0.0f);
  CHECK(margin(plain, 9) > 0.0f);
}

TEST_CASE("the random source is deterministic") {
  Rng a(42), b(42), c(43);
  const std::uint64_t first = a.next();
  CHECK(first == b.next());
  CHECK(first != c.next());
  for (int k = 0; k < 100; ++k) {
    const double u = a.uniform();
    CHECK(u >= 0.0);
    CHECK(u < 1.0);
  }
}
