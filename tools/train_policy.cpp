// Trains the policy models (core/data/policy.model): the status classifier (an averaged perceptron over the
// candidates of core/src/policy/candidates.cpp) and the role labeller (a structured averaged perceptron over
// BIO role tags), both on the features of core/src/policy/features.cpp, the same code the library runs.
//
// Usage: train_policy --train policy-train/sentences.jsonl [--out core/data/policy.model]
//                     [--cv 5] [--pred OUT.jsonl] [--eval policy-dev/sentences.jsonl]
//                     [--epochs 12] [--role-epochs 10] [--bits 18] [--seed 1] [--threshold 0]
//   --cv K    K-fold cross-validation over the training file, documents (the `source` field) kept whole
//             within a fold; prints the micro F1 of the held-out folds, --pred writes their predictions.
//   --eval F  scores the model trained on the whole training file on F (never trained on).
// Deterministic: one thread, fixed seeds, no clocks in the model. The trained model is quantised exactly as
// shipped before it is scored.
#include "entities/entities.hpp"
#include "policy/candidates.hpp"
#include "policy/features.hpp"
#include "policy/model.hpp"
#include "policy/policy.hpp"
#include "policy/roles.hpp"
#include "policy/sentence.hpp"
#include "policy/status.hpp"
#include "text/segment.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <numeric>
#include <regex>
#include <string>
#include <vector>

using namespace articlescope;
using namespace articlescope::policy;
using json = nlohmann::json;

namespace {

struct Settings {
  std::string train, out, pred, eval;
  int cv = 0;
  int epochs = 12;
  int role_epochs = 10;
  int bits = 18;
  std::uint64_t seed = 1;
  float threshold = 0;
  bool logistic = false;
  float l2 = 1.0f, rate = 0.1f;
  int iterations = 200;
  std::size_t rows = 0;
  int min_count = 1;
};

const char* const kStatusNames[] = {"allowed", "prohibited", "excluded", "lifted", "imposed", "proposed"};

int status_index(const std::string& s) {
  for (int k = 0; k < 6; ++k) {
    if (s == kStatusNames[k]) return k;
  }
  return -1;
}

struct GoldProvision {
  int status = 0;
  std::string action, actor, subject;
  std::vector<std::string> scopes;
};

struct Record {
  std::string id, source, text;
  std::vector<GoldProvision> gold;
  int fold = 0;
};

std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

std::uint64_t fnv(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

std::vector<Record> read_records(const std::string& path, int folds) {
  std::vector<Record> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const json j = json::parse(line);
    Record r;
    r.id = j.value("id", "");
    r.source = j.value("source", r.id);
    r.text = j.value("text", "");
    for (const auto& p : j.value("provisions", json::array())) {
      GoldProvision g;
      g.status = status_index(p.value("status", ""));
      if (g.status < 0) continue;
      const auto str = [&](const char* key) {
        return p.contains(key) && p[key].is_string() ? p[key].get<std::string>() : std::string();
      };
      g.action = str("action");
      g.actor = str("actor");
      g.subject = str("subject");
      for (const auto& s : p.value("scopes", json::array())) {
        if (s.is_string()) g.scopes.push_back(s.get<std::string>());
      }
      r.gold.push_back(std::move(g));
    }
    r.fold = folds > 0 ? static_cast<int>(fnv(r.source) % static_cast<std::uint64_t>(folds)) : 0;
    out.push_back(std::move(r));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Examples: every candidate of every sentence, with its gold class; aligned candidates also carry gold role
// tags for the words of their sentence.

struct StatusExample {
  std::string debug;  // record id and trigger, for --dump
  Features features;
  int label = kNoProvision;
  int fold = 0;
};

struct RoleExample {
  std::vector<Features> words;  // per word of the sentence
  std::vector<int> tags;
  int fold = 0;
};

struct Analysed {
  Article article;
  text::TextIndex index;
  std::vector<Entity> entities;
};

Analysed analyse_text(const std::string& text) {
  Analysed a;
  a.article.text = text;
  a.index = text::segment(a.article.text, a.article.blocks);
  a.entities = entities::extract(a.article, a.index).mentions;
  return a;
}

// Word range of the occurrence of `needle` in the sentence nearest to word `anchor`; empty when absent.
WordRange find_words(const SentenceView& s, const std::string& text, const std::string& needle, std::size_t anchor) {
  WordRange best;
  if (needle.empty() || s.words.empty()) return best;
  std::size_t best_distance = SIZE_MAX;
  for (std::size_t at = text.find(needle, s.start); at != std::string::npos && at + needle.size() <= s.end;
       at = text.find(needle, at + 1)) {
    const std::size_t end = at + needle.size();
    WordRange r{SIZE_MAX, 0};
    for (std::size_t k = 0; k < s.words.size(); ++k) {
      if (s.words[k].end > at && s.words[k].start < end) {
        r.first = std::min(r.first, k);
        r.last = k + 1;
      }
    }
    if (r.first == SIZE_MAX) continue;
    const std::size_t distance = anchor < r.first ? r.first - anchor : anchor >= r.last ? anchor - r.last + 1 : 0;
    if (distance < best_distance) {
      best_distance = distance;
      best = r;
    }
  }
  return best;
}

bool inside(std::size_t k, WordRange r) { return k >= r.first && k < r.last; }

// How well a candidate explains a gold provision whose action is `action` (lower is better): the number of
// words between the trigger and the action that belong to no other role of the provision, with penalties for
// a trigger after the action, inside it (unless it is the action's head or the whole action), for a bare modal
// and for a trigger inside the subject or actor; a trigger whose frame fits the status is preferred.
double alignment_cost(const SentenceView& s, const Candidate& c, WordRange action, WordRange subject,
                      WordRange actor, const std::vector<WordRange>& scopes, int status) {
  const auto in_roles = [&](std::size_t k) {
    if (inside(k, subject) || inside(k, actor)) return true;
    for (const WordRange& r : scopes) {
      if (inside(k, r)) return true;
    }
    const std::string_view w = s.words[k].lower;
    return w == "to" || w == "from" || w == "on" || w == "of" || w == "the" || w == "a" || w == "an" ||
           w == "for" || w == "by" || s.words[k].punct;
  };
  const auto gap = [&](std::size_t from, std::size_t to) {
    double g = 0;
    for (std::size_t k = from; k < to; ++k) g += in_roles(k) ? 0.1 : 1.0;
    return g;
  };
  double cost;
  if (c.last < action.first) {
    cost = gap(c.last + 1, action.first);
  } else if (c.first >= action.last) {
    cost = gap(action.last, c.first) + 0.5;
  } else if (c.head + 1 == action.last || c.first == action.first ||
             (c.first <= action.first && c.last + 1 >= action.last)) {
    cost = 0.5;  // the action's head noun ("the weapons ban"), its first word ("end the quotas") or all of it
  } else {
    cost = 3;
  }
  if (c.sections == bit(Section::Modal)) cost += 1.5;
  if (inside(c.head, subject) || inside(c.head, actor)) cost += 6;
  const Sections all = c.sections | c.governor_sections;
  const auto has = [&](Sections wanted) { return (all & wanted) != 0; };
  switch (status) {
    case 0:  // allowed
      if (has(bit(Section::Permit) | bit(Section::PermitNoun) | bit(Section::Legality) | bit(Section::Modal)))
        cost -= 0.5;
      break;
    case 2:  // excluded
      if (has(bit(Section::Except) | bit(Section::Exempt) | bit(Section::ExemptNoun) | bit(Section::Cover)))
        cost -= 1.0;
      break;
    case 3:  // lifted
      if (has(bit(Section::Lift) | bit(Section::LiftNoun) | bit(Section::Legalise) | bit(Section::LegaliseNoun)))
        cost -= 1.0;
      break;
    case 1:
    case 4:  // prohibited, imposed
      if (has(bit(Section::Prohibit) | bit(Section::ProhibitNoun) | bit(Section::Restrict) |
              bit(Section::RestrictNoun) | bit(Section::Sanction) | bit(Section::SanctionNoun)))
        cost -= 0.5;
      break;
    default:
      break;
  }
  return cost;
}

struct AlignStats {
  std::size_t gold = 0, aligned = 0, no_action = 0;
};

void build_examples(const Record& r, std::vector<StatusExample>& status, std::vector<RoleExample>& roles,
                    AlignStats& stats) {
  const Analysed a = analyse_text(r.text);
  struct Slot {
    std::size_t sentence, candidate;
  };
  std::vector<SentenceView> views;
  std::vector<std::vector<Candidate>> candidates;
  for (const auto& sentence : a.index.sentences) {
    views.push_back(view_sentence(a.article.text, a.index, sentence, a.entities, false));
    candidates.push_back(find_candidates(views.back()));
  }
  // Align: for every gold provision and candidate, the cost; then greedily, cheapest first, one to one.
  struct Pair {
    double cost;
    std::size_t gold, sentence, candidate;
    WordRange action;
  };
  std::vector<Pair> pairs;
  for (std::size_t g = 0; g < r.gold.size(); ++g) {
    ++stats.gold;
    const GoldProvision& p = r.gold[g];
    bool found = false;
    for (std::size_t si = 0; si < views.size(); ++si) {
      for (std::size_t k = 0; k < candidates[si].size(); ++k) {
        const Candidate& c = candidates[si][k];
        const WordRange action = find_words(views[si], a.article.text, p.action, c.head);
        if (action.empty()) continue;
        found = true;
        const WordRange subject = find_words(views[si], a.article.text, p.subject, c.head);
        const WordRange actor = find_words(views[si], a.article.text, p.actor, c.head);
        std::vector<WordRange> scopes;
        for (const auto& scope : p.scopes) scopes.push_back(find_words(views[si], a.article.text, scope, c.head));
        const double cost = alignment_cost(views[si], c, action, subject, actor, scopes, p.status);
        if (cost <= 10) pairs.push_back({cost, g, si, k, action});
      }
    }
    if (!found) ++stats.no_action;
    if (std::getenv("POLICY_ALIGN") && !found) std::fprintf(stderr, "NOACTION\t%s\t%s\n", r.id.c_str(), p.action.c_str());
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    return std::tie(x.cost, x.gold, x.sentence, x.candidate) < std::tie(y.cost, y.gold, y.sentence, y.candidate);
  });
  std::vector<bool> gold_used(r.gold.size(), false);
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> assigned;  // (sentence, candidate) -> gold
  for (const Pair& p : pairs) {
    const auto key = std::make_pair(p.sentence, p.candidate);
    if (gold_used[p.gold] || assigned.count(key)) continue;
    gold_used[p.gold] = true;
    assigned[key] = p.gold;
    ++stats.aligned;
    if (std::getenv("POLICY_ALIGN")) {
      const Candidate& c = candidates[p.sentence][p.candidate];
      const SentenceView& v = views[p.sentence];
      std::fprintf(stderr, "ALIGN\t%.2f\t%s\t%s\t%s\t%s\n", p.cost, r.id.c_str(),
                   std::string(a.article.text.substr(v.words[c.first].start, v.words[c.last].end - v.words[c.first].start)).c_str(),
                   kStatusNames[r.gold[p.gold].status], r.gold[p.gold].action.c_str());
    }
  }

  for (std::size_t si = 0; si < views.size(); ++si) {
    const SentenceView& s = views[si];
    for (std::size_t k = 0; k < candidates[si].size(); ++k) {
      StatusExample e;
      e.fold = r.fold;
      {
        const Candidate& c = candidates[si][k];
        e.debug = r.id + "\t" + std::string(a.article.text.substr(s.words[c.first].start, s.words[c.last].end - s.words[c.first].start));
      }
      status_features(s, candidates[si], k, e.features);
      const auto it = assigned.find({si, k});
      if (it != assigned.end()) {
        const GoldProvision& g = r.gold[it->second];
        const Candidate& c = candidates[si][k];
        e.label = g.status;
        RoleExample re;
        re.fold = r.fold;
        re.tags.assign(s.words.size(), kO);
        const auto mark = [&](const std::string& needle, int begin_tag) {
          const WordRange w = find_words(s, a.article.text, needle, c.head);
          if (w.empty()) return;
          for (std::size_t q = w.first; q < w.last; ++q) {
            if (re.tags[q] != kO) return;
          }
          re.tags[w.first] = begin_tag;
          for (std::size_t q = w.first + 1; q < w.last; ++q) re.tags[q] = begin_tag + 1;
        };
        mark(g.action, kBAction);
        mark(g.subject, kBSubject);
        mark(g.actor, kBActor);
        for (const auto& scope : g.scopes) mark(scope, kBScope);
        const RoleContext context = role_context(s, c);
        re.words.resize(s.words.size());
        for (std::size_t q = 0; q < s.words.size(); ++q) role_features(s, context, q, re.words[q]);
        roles.push_back(std::move(re));
      }
      status.push_back(std::move(e));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Averaged perceptrons.

class Weights {
 public:
  Weights(int bits, int classes)
      : bits_(bits), classes_(classes), w_((std::size_t{1} << bits) * classes, 0.f), u_(w_.size(), 0.f) {}
  std::size_t row(std::uint64_t feature) const { return static_cast<std::size_t>(feature >> (64 - bits_)) * classes_; }
  void score(const Features& features, float* out) const {
    for (const std::uint64_t f : features) {
      const float* w = w_.data() + row(f);
      for (int c = 0; c < classes_; ++c) out[c] += w[c];
    }
  }
  void update(const Features& features, int cls, float delta, double step) {
    for (const std::uint64_t f : features) {
      const std::size_t r = row(f) + cls;
      w_[r] += delta;
      u_[r] += static_cast<float>(delta * step);
    }
  }
  // The averaged model as a LinearModel (rows that are all zero dropped), quantised as shipped.
  LinearModel averaged(double steps) const {
    std::vector<std::uint32_t> buckets;
    std::vector<float> weights;
    const std::size_t rows = std::size_t{1} << bits_;
    for (std::size_t b = 0; b < rows; ++b) {
      bool any = false;
      float row[64];
      for (int c = 0; c < classes_; ++c) {
        const std::size_t k = b * classes_ + c;
        row[c] = static_cast<float>(w_[k] - u_[k] / steps);
        any = any || std::fabs(row[c]) > 1e-6f;
      }
      if (!any) continue;
      buckets.push_back(static_cast<std::uint32_t>(b));
      weights.insert(weights.end(), row, row + classes_);
    }
    LinearModel m(bits_, classes_);
    m.assign(std::move(buckets), std::move(weights));
    m.quantise();
    return m;
  }
  int classes() const { return classes_; }

 private:
  int bits_, classes_;
  std::vector<float> w_, u_;
};

template <class T>
std::vector<std::size_t> shuffled(const std::vector<T>& items, std::uint64_t& rng, int fold_out) {
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (items[k].fold != fold_out || fold_out < 0) order.push_back(k);
  }
  for (std::size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[splitmix(rng) % k]);
  return order;
}

// A multi-class averaged perceptron over the examples for which `label_of` gives a class (>= 0).
template <class LabelOf>
LinearModel train_classifier(const std::vector<StatusExample>& examples, const Settings& st, int fold_out,
                             int classes, LabelOf label_of) {
  Weights w(st.bits, classes);
  std::uint64_t rng = st.seed;
  double step = 1;
  std::vector<float> scores(classes);
  for (int epoch = 0; epoch < st.epochs; ++epoch) {
    for (const std::size_t k : shuffled(examples, rng, fold_out)) {
      const StatusExample& e = examples[k];
      const int label = label_of(e);
      if (label < 0) continue;
      std::fill(scores.begin(), scores.end(), 0.f);
      w.score(e.features, scores.data());
      const int predicted = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
      if (predicted != label) {
        w.update(e.features, label, 1.f, step);
        w.update(e.features, predicted, -1.f, step);
      }
      ++step;
    }
  }
  return w.averaged(step);
}

// Multinomial logistic regression with L2 regularisation, full-batch AdaGrad over the rows the training
// examples use. Deterministic.
template <class LabelOf>
LinearModel train_logistic(const std::vector<StatusExample>& examples, const Settings& st, int fold_out,
                           int classes, LabelOf label_of) {
  const int bits = st.bits;
  const auto row_of = [&](std::uint64_t f) { return static_cast<std::uint32_t>(f >> (64 - bits)); };
  std::vector<std::size_t> used;
  std::vector<std::uint32_t> rows;
  std::map<std::uint32_t, std::uint32_t> index;  // bucket -> compact row
  std::vector<std::vector<std::uint32_t>> feats;
  std::vector<int> labels;
  for (std::size_t k = 0; k < examples.size(); ++k) {
    const StatusExample& e = examples[k];
    if ((e.fold == fold_out && fold_out >= 0)) continue;
    const int label = label_of(e);
    if (label < 0) continue;
    std::vector<std::uint32_t> f;
    for (const std::uint64_t h : e.features) {
      const std::uint32_t b = row_of(h);
      auto it = index.find(b);
      if (it == index.end()) {
        it = index.emplace(b, static_cast<std::uint32_t>(rows.size())).first;
        rows.push_back(b);
      }
      f.push_back(it->second);
    }
    feats.push_back(std::move(f));
    labels.push_back(label);
  }
  const std::size_t R = rows.size();
  std::vector<float> w(R * classes, 0.f), g(R * classes), h(R * classes, 1e-6f);
  std::vector<float> p(classes);
  const float lambda = st.l2, rate = st.rate;
  for (int it = 0; it < st.iterations; ++it) {
    std::fill(g.begin(), g.end(), 0.f);
    for (std::size_t e = 0; e < feats.size(); ++e) {
      std::fill(p.begin(), p.end(), 0.f);
      for (const std::uint32_t r : feats[e])
        for (int c = 0; c < classes; ++c) p[c] += w[r * classes + c];
      const float top = *std::max_element(p.begin(), p.end());
      float z = 0;
      for (float& v : p) z += (v = std::exp(v - top));
      for (float& v : p) v /= z;
      p[labels[e]] -= 1.f;
      for (const std::uint32_t r : feats[e])
        for (int c = 0; c < classes; ++c) g[r * classes + c] += p[c];
    }
    for (std::size_t q = 0; q < w.size(); ++q) {
      const float grad = g[q] + lambda * w[q];
      h[q] += grad * grad;
      w[q] -= rate * grad / std::sqrt(h[q]);
    }
  }
  std::vector<std::size_t> order(R);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rows[a] < rows[b]; });
  std::vector<std::uint32_t> buckets;
  std::vector<float> weights;
  for (const std::size_t r : order) {
    bool any = false;
    for (int c = 0; c < classes; ++c) any = any || std::fabs(w[r * classes + c]) > 1e-4f;
    if (!any) continue;
    buckets.push_back(rows[r]);
    weights.insert(weights.end(), w.begin() + r * classes, w.begin() + (r + 1) * classes);
  }
  LinearModel m(bits, classes);
  m.assign(std::move(buckets), std::move(weights));
  m.quantise();
  (void)used;
  return m;
}

void train_roles(const std::vector<RoleExample>& examples, const Settings& st, int fold_out, Models& models) {
  Weights w(st.bits, kNumRoleTags);
  std::vector<double> t((kNumRoleTags + 1) * kNumRoleTags, 0), tu(t.size(), 0);
  std::uint64_t rng = st.seed + 7;
  double step = 1;
  std::vector<float> emissions, transitions(t.size());
  std::vector<int> tags;
  for (int epoch = 0; epoch < st.role_epochs; ++epoch) {
    for (const std::size_t k : shuffled(examples, rng, fold_out)) {
      const RoleExample& e = examples[k];
      const std::size_t n = e.words.size();
      emissions.assign(n * kNumRoleTags, 0.f);
      for (std::size_t q = 0; q < n; ++q) w.score(e.words[q], emissions.data() + q * kNumRoleTags);
      for (std::size_t q = 0; q < t.size(); ++q) transitions[q] = static_cast<float>(t[q]);
      role_viterbi(emissions.data(), n, transitions.data(), tags);
      int prev_gold = -1, prev_pred = -1;
      for (std::size_t q = 0; q < n; ++q) {
        const int g = e.tags[q], p = tags[q];
        if (g != p || prev_gold != prev_pred) {
          const std::size_t tg = static_cast<std::size_t>(prev_gold + 1) * kNumRoleTags + g;
          const std::size_t tp = static_cast<std::size_t>(prev_pred + 1) * kNumRoleTags + p;
          t[tg] += 1;
          tu[tg] += step;
          t[tp] -= 1;
          tu[tp] -= step;
        }
        if (g != p) {
          w.update(e.words[q], g, 1.f, step);
          w.update(e.words[q], p, -1.f, step);
        }
        prev_gold = g;
        prev_pred = p;
      }
      ++step;
    }
  }
  models.roles = w.averaged(step);
  models.role_transitions.resize(t.size());
  for (std::size_t q = 0; q < t.size(); ++q) models.role_transitions[q] = static_cast<float>(t[q] - tu[q] / step);
}

Models train(const std::vector<StatusExample>& status, const std::vector<RoleExample>& roles, const Settings& st,
             int fold_out) {
  Models m;
  const auto detect_label = [](const StatusExample& e) { return e.label == kNoProvision ? 0 : 1; };
  const auto status_label = [](const StatusExample& e) { return e.label; };
  if (st.logistic) {
    m.detect = train_logistic(status, st, fold_out, 2, detect_label);
    m.status = train_logistic(status, st, fold_out, kNumStatusClasses, status_label);
  } else {
    m.detect = train_classifier(status, st, fold_out, 2, detect_label);
    m.status = train_classifier(status, st, fold_out, kNumStatusClasses, status_label);
  }
  train_roles(roles, st, fold_out, m);
  m.threshold = st.threshold;
  if (st.rows > 0) {
    m.detect.prune(st.rows);
    m.status.prune(st.rows);
    m.roles.prune(st.rows);
  }
  // Round trip through the file format, so that what is scored is what ships.
  Models shipped;
  if (!decode_models(encode_models(m), shipped)) {
    std::fprintf(stderr, "train_policy: the encoded model does not decode\n");
    std::exit(1);
  }
  return shipped;
}

// ---------------------------------------------------------------------------------------------------------
// Prediction and scoring (the metric of bench/policy_eval.py: same status, action word overlap >= 50% of the
// shorter, one to one).

struct Predicted {
  int status;
  std::string action, actor, subject;
  std::vector<std::string> scopes;
};

std::vector<Predicted> predict(const Record& r, const Models& models) {
  const Analysed a = analyse_text(r.text);
  std::vector<Predicted> out;
  for (const Provision& p : extract(a.article, a.index, a.entities, models)) {
    Predicted q;
    q.status = static_cast<int>(p.status);
    q.action = p.action ? p.action->text : "";
    q.actor = p.actor ? p.actor->text : "";
    q.subject = p.subject ? p.subject->text : "";
    for (const auto& s : p.scopes) q.scopes.push_back(s.span.text);
    out.push_back(std::move(q));
  }
  return out;
}

std::vector<std::string> word_tokens(const std::string& s) {
  static const std::regex word(R"(\w+)");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), word); it != std::sregex_iterator(); ++it) {
    std::string w = it->str();
    for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    out.push_back(std::move(w));
  }
  return out;
}

double overlap(const std::string& a, const std::string& b) {
  std::map<std::string, int> ca, cb;
  for (auto& w : word_tokens(a)) ++ca[w];
  for (auto& w : word_tokens(b)) ++cb[w];
  int na = 0, nb = 0, common = 0;
  for (auto& [w, c] : ca) na += c;
  for (auto& [w, c] : cb) {
    nb += c;
    const auto it = ca.find(w);
    if (it != ca.end()) common += std::min(c, it->second);
  }
  const int shorter = std::min(na, nb);
  return shorter ? static_cast<double>(common) / shorter : 0.0;
}

struct Score {
  std::size_t tp = 0, fp = 0, fn = 0, ctp = 0, cfp = 0, cfn = 0;
  std::size_t agree = 0, sentences = 0;
  std::size_t per_tp[6] = {}, per_fp[6] = {}, per_fn[6] = {};
  double f1(std::size_t t, std::size_t p, std::size_t n) const {
    const double prec = t + p ? static_cast<double>(t) / (t + p) : 0, rec = t + n ? static_cast<double>(t) / (t + n) : 0;
    return prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0;
  }
};

int coarse(int status) { return status == 0 || status == 3 ? 0 : status == 5 ? 2 : 1; }

std::size_t matches(const std::vector<GoldProvision>& gold, const std::vector<Predicted>& pred, bool coarse_view,
                    std::vector<bool>* gold_hit, std::vector<bool>* pred_hit) {
  struct P {
    double o;
    std::size_t g, p;
  };
  std::vector<P> pairs;
  for (std::size_t g = 0; g < gold.size(); ++g) {
    for (std::size_t p = 0; p < pred.size(); ++p) {
      const bool same = coarse_view ? coarse(gold[g].status) == coarse(pred[p].status) : gold[g].status == pred[p].status;
      if (!same) continue;
      const double o = overlap(gold[g].action, pred[p].action);
      if (o >= 0.5) pairs.push_back({-o, g, p});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const P& x, const P& y) { return std::tie(x.o, x.g, x.p) < std::tie(y.o, y.g, y.p); });
  std::vector<bool> gu(gold.size()), pu(pred.size());
  std::size_t n = 0;
  for (const P& q : pairs) {
    if (gu[q.g] || pu[q.p]) continue;
    gu[q.g] = pu[q.p] = true;
    ++n;
  }
  if (gold_hit) *gold_hit = gu;
  if (pred_hit) *pred_hit = pu;
  return n;
}

void add_score(Score& s, const Record& r, const std::vector<Predicted>& pred) {
  std::vector<bool> gh, ph;
  const std::size_t m = matches(r.gold, pred, false, &gh, &ph);
  s.tp += m;
  s.fp += pred.size() - m;
  s.fn += r.gold.size() - m;
  for (std::size_t g = 0; g < r.gold.size(); ++g) (gh[g] ? s.per_tp : s.per_fn)[r.gold[g].status]++;
  for (std::size_t p = 0; p < pred.size(); ++p) {
    if (!ph[p]) s.per_fp[pred[p].status]++;
  }
  const std::size_t cm = matches(r.gold, pred, true, nullptr, nullptr);
  s.ctp += cm;
  s.cfp += pred.size() - cm;
  s.cfn += r.gold.size() - cm;
  s.agree += r.gold.empty() == pred.empty();
  ++s.sentences;
}

void print_score(const char* name, const Score& s) {
  std::printf("%s: micro F1 %.3f (tp %zu fp %zu fn %zu)  coarse F1 %.3f  has-provision accuracy %.3f\n", name,
              s.f1(s.tp, s.fp, s.fn), s.tp, s.fp, s.fn, s.f1(s.ctp, s.cfp, s.cfn),
              s.sentences ? static_cast<double>(s.agree) / s.sentences : 0.0);
  for (int k = 0; k < 6; ++k)
    std::printf("  %-10s F1 %.3f (tp %zu fp %zu fn %zu)\n", kStatusNames[k], s.f1(s.per_tp[k], s.per_fp[k], s.per_fn[k]),
                s.per_tp[k], s.per_fp[k], s.per_fn[k]);
}

json prediction_json(const Record& r, const std::vector<Predicted>& pred) {
  json provisions = json::array();
  for (const auto& p : pred) {
    const auto opt = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    provisions.push_back({{"status", kStatusNames[p.status]}, {"action", p.action}, {"actor", opt(p.actor)},
                          {"subject", opt(p.subject)}, {"scopes", p.scopes}});
  }
  return {{"id", r.id}, {"provisions", provisions}};
}

bool parse_args(int argc, char** argv, Settings& st) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (a == "--train" && (v = next())) st.train = v;
    else if (a == "--out" && (v = next())) st.out = v;
    else if (a == "--pred" && (v = next())) st.pred = v;
    else if (a == "--eval" && (v = next())) st.eval = v;
    else if (a == "--cv" && (v = next())) st.cv = std::atoi(v);
    else if (a == "--epochs" && (v = next())) st.epochs = std::atoi(v);
    else if (a == "--role-epochs" && (v = next())) st.role_epochs = std::atoi(v);
    else if (a == "--bits" && (v = next())) st.bits = std::atoi(v);
    else if (a == "--seed" && (v = next())) st.seed = std::strtoull(v, nullptr, 10);
    else if (a == "--logistic") st.logistic = true;
    else if (a == "--rows" && (v = next())) st.rows = std::strtoul(v, nullptr, 10);
    else if (a == "--min-count" && (v = next())) st.min_count = std::atoi(v);
    else if (a == "--l2" && (v = next())) st.l2 = std::strtof(v, nullptr);
    else if (a == "--rate" && (v = next())) st.rate = std::strtof(v, nullptr);
    else if (a == "--iterations" && (v = next())) st.iterations = std::atoi(v);
    else if (a == "--threshold" && (v = next())) st.threshold = std::strtof(v, nullptr);
    else return false;
  }
  return !st.train.empty() && st.bits >= 10 && st.bits <= 24 && st.epochs > 0;
}

}  // namespace

int main(int argc, char** argv) {
  Settings st;
  if (!parse_args(argc, argv, st)) {
    std::fprintf(stderr,
                 "usage: train_policy --train FILE.jsonl [--out MODEL] [--cv K] [--pred OUT.jsonl] [--eval FILE.jsonl]\n"
                 "                    [--epochs N] [--role-epochs N] [--bits B] [--seed S] [--threshold X]\n");
    return 2;
  }
  const std::vector<Record> records = read_records(st.train, st.cv);
  if (records.empty()) {
    std::fprintf(stderr, "train_policy: no records in %s\n", st.train.c_str());
    return 1;
  }
  std::vector<StatusExample> status;
  std::vector<RoleExample> roles;
  AlignStats align;
  for (const Record& r : records) build_examples(r, status, roles, align);
  // Features seen fewer than --min-count times in the training file are dropped: they cannot generalise, and
  // a model keeps a row for every feature it trained on.
  if (st.min_count > 1) {
    std::map<std::uint32_t, int> seen;
    const auto bucket = [&](std::uint64_t f) { return static_cast<std::uint32_t>(f >> (64 - st.bits)); };
    for (const auto& e : status)
      for (const auto f : e.features) ++seen[bucket(f)];
    for (const auto& e : roles)
      for (const auto& w : e.words)
        for (const auto f : w) ++seen[bucket(f)];
    const auto keep = [&](Features& fs) {
      fs.erase(std::remove_if(fs.begin(), fs.end(), [&](std::uint64_t f) { return seen[bucket(f)] < st.min_count; }),
               fs.end());
    };
    for (auto& e : status) keep(e.features);
    for (auto& e : roles)
      for (auto& w : e.words) keep(w);
  }
  std::size_t positives = 0;
  for (const auto& e : status) positives += e.label != kNoProvision;
  std::printf("train_policy: %zu sentences, %zu candidates (%zu aligned to %zu gold provisions; %zu actions not "
              "found in a sentence), %zu role examples\n",
              records.size(), status.size(), positives, align.gold, align.no_action, roles.size());

  if (st.cv > 1) {
    Score total;
    std::vector<json> lines(records.size());
    FILE* dump = std::getenv("POLICY_DUMP") ? std::fopen(std::getenv("POLICY_DUMP"), "w") : nullptr;
    double role_f1[3] = {};
    std::size_t cand_conf[2][2] = {}, status_right = 0, status_pos = 0, action_ok = 0, action_n = 0;
    const bool fit = std::getenv("POLICY_FIT") != nullptr;
    for (int fold = 0; fold < st.cv; ++fold) {
      const Models m = train(status, roles, st, fit ? -2 : fold);
      for (const auto& e : status) {
        if (e.fold != fold) continue;
        const int c = classify(e.features, m);
        cand_conf[e.label != kNoProvision][c != kNoProvision]++;
        if (dump) std::fprintf(dump, "%s\t%d\t%d\n", e.debug.c_str(), e.label, c);
        if (e.label != kNoProvision && c != kNoProvision) {
          ++status_pos;
          status_right += c == e.label;
        }
      }
      std::vector<float> em;
      std::vector<int> tags;
      for (const auto& e : roles) {
        if (e.fold != fold) continue;
        em.assign(e.words.size() * kNumRoleTags, 0.f);
        for (std::size_t q = 0; q < e.words.size(); ++q) m.roles.score(e.words[q], em.data() + q * kNumRoleTags);
        role_viterbi(em.data(), e.words.size(), m.role_transitions.data(), tags);
        const Roles got = roles_from_tags(tags), want = roles_from_tags(e.tags);
        const auto range_f1 = [](WordRange g, WordRange p) {
          if (g.empty() && p.empty()) return 1.0;
          std::size_t common = 0;
          for (std::size_t q = g.first; q < g.last; ++q) common += q >= p.first && q < p.last;
          if (!common) return 0.0;
          const double pr = double(common) / (p.last - p.first), rc = double(common) / (g.last - g.first);
          return 2 * pr * rc / (pr + rc);
        };
        role_f1[0] += range_f1(want.action, got.action);
        role_f1[1] += range_f1(want.subject, got.subject);
        role_f1[2] += range_f1(want.actor, got.actor);
        ++action_n;
        std::size_t common = 0;
        for (std::size_t q = want.action.first; q < want.action.last; ++q) common += q >= got.action.first && q < got.action.last;
        const std::size_t shorter = std::min(want.action.last - want.action.first, got.action.last - got.action.first);
        action_ok += shorter > 0 && common * 2 >= shorter;
      }
    }
    if (dump) std::fclose(dump);
    std::printf("held-out candidates: gold+ pred+ %zu, gold+ pred- %zu, gold- pred+ %zu, gold- pred- %zu; status right "
                "on detected positives %.3f; role labeller action overlap >= 0.5: %.3f\n",
                cand_conf[1][1], cand_conf[1][0], cand_conf[0][1], cand_conf[0][0],
                status_pos ? double(status_right) / status_pos : 0.0, action_n ? double(action_ok) / action_n : 0.0);
    std::printf("held-out role token F1 (aligned candidates): action %.3f subject %.3f actor %.3f\n",
                role_f1[0] / std::max<std::size_t>(1, action_n), role_f1[1] / std::max<std::size_t>(1, action_n),
                role_f1[2] / std::max<std::size_t>(1, action_n));
    for (int fold = 0; fold < st.cv; ++fold) {
      const Models m = train(status, roles, st, fold);
      for (std::size_t k = 0; k < records.size(); ++k) {
        if (records[k].fold != fold) continue;
        const auto pred = predict(records[k], m);
        add_score(total, records[k], pred);
        lines[k] = prediction_json(records[k], pred);
      }
    }
    print_score("cross-validated", total);
    if (!st.pred.empty()) {
      std::ofstream out(st.pred);
      for (const auto& l : lines) out << l.dump() << '\n';
    }
  }
  if (!st.out.empty() || !st.eval.empty()) {
    const Models m = train(status, roles, st, -1);
    if (!st.out.empty()) {
      std::ofstream out(st.out, std::ios::binary);
      const std::string bytes = encode_models(m);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      std::printf("train_policy: wrote %s (%zu bytes; detect %zu, status %zu, role %zu rows)\n", st.out.c_str(),
                  bytes.size(), m.detect.rows(), m.status.rows(), m.roles.rows());
    }
    if (!st.eval.empty()) {
      Score s;
      for (const Record& r : read_records(st.eval, 0)) add_score(s, r, predict(r, m));
      print_score("eval", s);
    }
  }
  return 0;
}
