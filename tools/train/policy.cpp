// `train policy`: the policy models (core/data/policy_detect.model, policy_roles.model).
// Every candidate of core/src/policy/candidates.cpp in the training sentences is an example: gold provisions
// are aligned to the candidate that best explains them (alignment_cost), the others state none. The detector
// (none or one of the six statuses) is a logistic regression or an averaged perceptron over the
// features of core/src/policy/features.cpp; the role labeller is a structured averaged perceptron over BIO
// role tags. The same feature code runs at inference; the models are quantised exactly as shipped before any
// score is printed.
//
//   train policy --train policy-train/sentences.jsonl [--out-dir core/data] [--card
//   core/data/POLICY_MODEL.md]
//                [--cv 5] [--pred OUT.jsonl] [--eval policy-dev/sentences.jsonl] [--dump CANDIDATES.tsv] ...
//   --cv K    K-fold cross-validation, documents (the `source` field) kept whole within a fold: the held-out
//             folds' micro F1 is the honest estimate; --pred writes their predictions, --dump their
//             candidates.
//   --eval F  scores the model trained on the whole training file on F (never trained on).
//   --unlabelled F  self-training: unannotated texts (tools/train/policy_unlabelled.py); a first detector
//             labels their candidates, and the detector is trained again with the labels it is sure of.
#include "policy/policy.hpp"
#include "entities/entities.hpp"
#include "learn/logistic.hpp"
#include "learn/model.hpp"
#include "learn/perceptron.hpp"
#include "policy/arguments.hpp"
#include "policy/candidates.hpp"
#include "policy/features.hpp"
#include "policy/model.hpp"
#include "policy/roles.hpp"
#include "policy/sentence.hpp"
#include "policy/status.hpp"
#include "text/segment.hpp"
#include "train.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <numeric>
#include <regex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

using namespace articlescope;
using namespace articlescope::policy;
using json = nlohmann::json;

namespace {

struct Settings {
  std::string train, extra, out_dir, card, pred, eval, dump;
  int cv = 0;
  bool logistic = true;
  int epochs = 12;
  int role_epochs = 10;
  int role_seeds = 1;  // --role-seeds: role labellers fitted in other orders, their weights averaged
  int bits = 18;
  std::uint64_t seed = 1;
  std::uint64_t fold_seed = 0;
  float threshold = 0;
  float l2 = 1.0f;
  int iterations = 200;
  int min_count = 1;
  std::size_t rows = 0;
  std::size_t role_rows = 0;
  int levels = 127;
  bool skip_ambiguous = false;  // --ambiguous skip
  std::string unlabelled;       // --unlabelled: texts without annotation, for self-training
  float self_min = 0.95f;       // --self-min: the probability a pseudo-label needs
  float self_weight = 1.0f;     // --self-weight: what a pseudo-labelled example counts for
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

// The fold of --extra sentences: never equal to a held-out fold (0..cv-1) or to -1 (train on all).
constexpr int kAlwaysTrained = -2;
// The fold of --unlabelled sentences: trained on only with the label a first model gives them
// (self-training).
constexpr int kUnlabelled = -3;
// The label of an unlabelled candidate no pseudo-label was given to: not trained on.
constexpr int kNoLabel = -100;

struct Record {
  std::string id, source, text;
  std::vector<GoldProvision> gold;
  int fold = 0;
};

std::uint64_t fnv(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

// `fold_seed` 0 keeps the folds of every earlier run; another value draws another split of the same documents
// (to see how much a difference between two settings is the split's noise).
std::vector<Record> read_records(const std::string& path, int folds, std::uint64_t fold_seed = 0) {
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
    const std::uint64_t h = fold_seed == 0 ? fnv(r.source) : fnv(r.source + "#" + std::to_string(fold_seed));
    r.fold = folds > 0 ? static_cast<int>(h % static_cast<std::uint64_t>(folds)) : 0;
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
  std::vector<std::uint32_t> buckets;  // the features' buckets (after --min-count)
  int label = kNoProvision;
  int fold = 0;
  // A candidate that could explain a gold provision another candidate explains better ("would be allowed":
  // the modal and the verb): neither a provision of its own nor clear evidence against one. With --ambiguous
  // skip the detector is not trained on it (inference keeps one provision of such a pair: one statement, one
  // provision); by default it is a negative. A candidate inside the provision's action, subject or actor is
  // part of it, a negative either way.
  bool ambiguous = false;
};

struct RoleExample {
  std::vector<Features> words;  // per word of the sentence
  std::vector<std::vector<std::uint32_t>> buckets;
  std::vector<int> tags;
  int fold = 0;
  ArgumentFrame frame;  // the candidate's argument frame (diagnostics: how the rules alone fare)
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
WordRange find_words(const SentenceView& s, const std::string& text, const std::string& needle,
                     std::size_t anchor) {
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
    const std::size_t distance = anchor < r.first   ? r.first - anchor
                                 : anchor >= r.last ? anchor - r.last + 1
                                                    : 0;
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
// a trigger after the action, inside it (unless it is the action's head or the whole action), for a bare
// modal and for a trigger inside the subject or actor; a trigger whose frame fits the status is preferred.
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
      if (has(bit(Section::Lift) | bit(Section::LiftNoun) | bit(Section::Legalise) |
              bit(Section::LegaliseNoun)))
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
    bool in_roles;  // the candidate's head lies in the provision's action, subject or actor
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
        for (const auto& scope : p.scopes)
          scopes.push_back(find_words(views[si], a.article.text, scope, c.head));
        const double cost = alignment_cost(views[si], c, action, subject, actor, scopes, p.status);
        const std::size_t h = c.head;
        const bool in_roles = inside(h, action) || inside(h, subject) || inside(h, actor);
        if (cost <= 10) pairs.push_back({cost, g, si, k, action, in_roles});
      }
    }
    if (!found) ++stats.no_action;
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    return std::tie(x.cost, x.gold, x.sentence, x.candidate) <
           std::tie(y.cost, y.gold, y.sentence, y.candidate);
  });
  std::vector<bool> gold_used(r.gold.size(), false);
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> assigned;  // (sentence, candidate) -> gold
  for (const Pair& p : pairs) {
    const auto key = std::make_pair(p.sentence, p.candidate);
    if (gold_used[p.gold] || assigned.count(key)) continue;
    gold_used[p.gold] = true;
    assigned[key] = p.gold;
    ++stats.aligned;
  }
  std::set<std::pair<std::size_t, std::size_t>> ambiguous;  // (sentence, candidate), not aligned
  for (const Pair& p : pairs) {
    const auto key = std::make_pair(p.sentence, p.candidate);
    if (gold_used[p.gold] && !assigned.count(key) && !p.in_roles) ambiguous.insert(key);
  }

  for (std::size_t si = 0; si < views.size(); ++si) {
    const SentenceView& s = views[si];
    for (std::size_t k = 0; k < candidates[si].size(); ++k) {
      StatusExample e;
      e.fold = r.fold;
      {
        const Candidate& c = candidates[si][k];
        e.debug = r.id + "\t" +
                  std::string(a.article.text.substr(s.words[c.first].start,
                                                    s.words[c.last].end - s.words[c.first].start));
      }
      status_features(s, candidates[si], k, e.features);
      e.ambiguous = ambiguous.count({si, k}) > 0;
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
        re.frame = argument_frame(s, c);
        roles.push_back(std::move(re));
      }
      status.push_back(std::move(e));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Training.

std::vector<std::size_t> training_order(std::size_t n, const std::vector<int>& folds, int fold_out,
                                        articlescope::learn::Rng& rng) {
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < n; ++k) {
    if (folds[k] != fold_out) order.push_back(k);
  }
  rng.shuffle(order);
  return order;
}

// Keeps the features whose bucket is in `kept` (sorted), or all of them when `kept` is null.
std::vector<std::uint32_t> restricted(const std::vector<std::uint32_t>& buckets,
                                      const std::vector<std::uint32_t>* kept) {
  if (kept == nullptr) return buckets;
  std::vector<std::uint32_t> out;
  for (const std::uint32_t b : buckets) {
    if (std::binary_search(kept->begin(), kept->end(), b)) out.push_back(b);
  }
  return out;
}

// A classifier's weights (2^bits x classes) over the status examples that `label_of` gives a class (>= 0),
// using only the features in `kept` (all when null).
template <class LabelOf>
std::vector<float> fit_classifier(const std::vector<StatusExample>& examples, const Settings& st,
                                  int fold_out, int classes, LabelOf label_of,
                                  const std::vector<std::uint32_t>* kept) {
  std::vector<float> weights;
  if (st.logistic) {
    std::vector<std::vector<std::uint32_t>> features;
    std::vector<int> labels;
    std::vector<float> weights_of_examples;
    for (const auto& e : examples) {
      if (e.fold == fold_out || (st.skip_ambiguous && e.ambiguous) || label_of(e) < 0) continue;
      features.push_back(restricted(e.buckets, kept));
      labels.push_back(label_of(e));
      weights_of_examples.push_back(e.fold == kUnlabelled ? st.self_weight : 1.0f);
    }
    return learn::train_logistic(st.bits, classes, features, labels, {st.l2, 0.1f, st.iterations},
                                 weights_of_examples);
  }
  learn::Perceptron model(st.bits, classes);
  learn::Rng rng(st.seed);
  std::vector<int> folds;
  for (const auto& e : examples) folds.push_back(e.fold);
  std::vector<float> scores(static_cast<std::size_t>(classes));
  for (int epoch = 0; epoch < st.epochs; ++epoch) {
    for (const std::size_t k : training_order(examples.size(), folds, fold_out, rng)) {
      const StatusExample& e = examples[k];
      const int label = label_of(e);
      if (label < 0 || (st.skip_ambiguous && e.ambiguous)) continue;
      const std::vector<std::uint32_t> f = restricted(e.buckets, kept);
      model.tick();
      std::fill(scores.begin(), scores.end(), 0.f);
      model.add_scores(f.data(), f.size(), scores.data());
      const int guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
      if (guess != label) model.update(f.data(), f.size(), label, guess);
    }
  }
  std::vector<float> unused;
  model.averaged(weights, unused);
  return weights;
}

// A classifier as a model file. With --rows, the strongest rows of a first fit are kept and the model is
// fitted again on those features alone (pruning a fitted model would shift every score the dropped rows
// leaned on).
template <class LabelOf>
std::string train_classifier(const std::vector<StatusExample>& examples, const Settings& st, int fold_out,
                             const learn::ModelShape& shape, const std::vector<float>& extras,
                             LabelOf label_of) {
  std::vector<float> weights = fit_classifier(examples, st, fold_out, shape.classes, label_of, nullptr);
  if (st.rows > 0) {
    const auto kept = learn::strongest_rows(weights, shape.classes, st.rows);
    weights = fit_classifier(examples, st, fold_out, shape.classes, label_of, &kept);
  }
  const auto rows = learn::strongest_rows(weights, shape.classes, SIZE_MAX);
  return learn::encode_model(shape, st.bits, extras, rows, learn::gather_rows(weights, shape.classes, rows),
                             st.levels);
}

// The role labeller's weights and transitions, using only the features in `kept` (all when null).
void fit_roles(const std::vector<RoleExample>& examples, const Settings& st, int fold_out,
               const std::vector<std::uint32_t>* kept, std::vector<float>& weights,
               std::vector<float>& transitions) {
  learn::Perceptron model(st.bits, kNumRoleTags, kRolesShape.extras);
  learn::Rng rng(st.seed + 7);
  std::vector<int> folds;
  for (const auto& e : examples) folds.push_back(e.fold);
  std::vector<float> emissions;
  std::vector<int> tags;
  std::vector<std::vector<std::uint32_t>> words;
  for (int epoch = 0; epoch < st.role_epochs; ++epoch) {
    for (const std::size_t k : training_order(examples.size(), folds, fold_out, rng)) {
      const RoleExample& e = examples[k];
      const std::size_t n = e.buckets.size();
      words.clear();
      for (const auto& w : e.buckets) words.push_back(restricted(w, kept));
      emissions.assign(n * kNumRoleTags, 0.f);
      for (std::size_t q = 0; q < n; ++q)
        model.add_scores(words[q].data(), words[q].size(), emissions.data() + q * kNumRoleTags);
      role_viterbi(emissions.data(), n, model.extras(), tags);
      model.tick();
      int prev_gold = -1, prev_pred = -1;
      for (std::size_t q = 0; q < n; ++q) {
        const int g = e.tags[q], p = tags[q];
        if (g != p || prev_gold != prev_pred) {
          model.update_extra(static_cast<std::size_t>((prev_gold + 1) * kNumRoleTags + g), 1.0f);
          model.update_extra(static_cast<std::size_t>((prev_pred + 1) * kNumRoleTags + p), -1.0f);
        }
        if (g != p) model.update(words[q].data(), words[q].size(), g, p);
        prev_gold = g;
        prev_pred = p;
      }
    }
  }
  model.averaged(weights, transitions);
}

// The mean of --role-seeds role labellers, each fitted (fit_roles) with the examples in another order (the
// first in --seed's): an averaged perceptron's weights depend on the order it meets the examples in, and
// the mean of several orders leans less on any one of them.
void fit_roles_averaged(const std::vector<RoleExample>& examples, const Settings& st, int fold_out,
                        const std::vector<std::uint32_t>* kept, std::vector<float>& weights,
                        std::vector<float>& transitions) {
  fit_roles(examples, st, fold_out, kept, weights, transitions);
  std::vector<float> w, t;
  for (int k = 1; k < st.role_seeds; ++k) {
    Settings other = st;
    other.seed = st.seed + 1000 * static_cast<std::uint64_t>(k);
    fit_roles(examples, other, fold_out, kept, w, t);
    for (std::size_t i = 0; i < weights.size(); ++i) weights[i] += w[i];
    for (std::size_t i = 0; i < transitions.size(); ++i) transitions[i] += t[i];
  }
  const float n = static_cast<float>(st.role_seeds);
  for (float& x : weights) x /= n;
  for (float& x : transitions) x /= n;
}

std::string train_roles(const std::vector<RoleExample>& examples, const Settings& st, int fold_out) {
  std::vector<float> weights, transitions;
  fit_roles_averaged(examples, st, fold_out, nullptr, weights, transitions);
  if (st.role_rows > 0) {
    const auto kept = learn::strongest_rows(weights, kNumRoleTags, st.role_rows);
    fit_roles_averaged(examples, st, fold_out, &kept, weights, transitions);
  }
  const auto rows = learn::strongest_rows(weights, kNumRoleTags, SIZE_MAX);
  return learn::encode_model(kRolesShape, st.bits, transitions, rows,
                             learn::gather_rows(weights, kNumRoleTags, rows), st.levels);
}

int detect_label(const StatusExample& e) {
  if (e.label == kNoLabel) return -1;
  return e.label == kNoProvision ? kDetectNone : detect_class(static_cast<Status>(e.label));
}

// Self-training: a first detector, fitted without the unlabelled candidates (and without the held-out fold),
// labels them; those it is sure of (probability >= --self-min) are trained on with that label, the others
// are not. Nearly all such labels are "none": the unlabelled news supplies the everyday uses of the trigger
// words ("allowed him to", "a ban" in a sports report) that a detector trained on 2,605 sentences has seen
// too few of. Returns the counts (labels given, provisions among them).
std::pair<std::size_t, std::size_t> pseudo_label(std::vector<StatusExample>& status, const Settings& st,
                                                 int fold_out) {
  for (auto& e : status)
    if (e.fold == kUnlabelled) e.label = kNoLabel;
  const int classes = kDetectShape.classes;
  const std::vector<float> w = fit_classifier(status, st, fold_out, classes, detect_label, nullptr);
  std::size_t given = 0, positive = 0;
  std::vector<float> p(static_cast<std::size_t>(classes));
  for (auto& e : status) {
    if (e.fold != kUnlabelled) continue;
    std::fill(p.begin(), p.end(), 0.0f);
    for (const std::uint32_t b : e.buckets)
      for (int c = 0; c < classes; ++c)
        p[static_cast<std::size_t>(c)] += w[static_cast<std::size_t>(b) * classes + c];
    learn::softmax(p);
    const int best = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
    if (p[static_cast<std::size_t>(best)] < st.self_min) continue;
    e.label = best == kDetectNone ? kNoProvision : best - 1;
    ++given;
    positive += best != kDetectNone;
  }
  return {given, positive};
}

struct Trained {
  std::string detect, roles;                   // model files
  std::pair<std::size_t, std::size_t> pseudo;  // self-training: labels given, provisions among them
  Models models;                               // loaded from them (what ships is what is scored)
};

Trained train(std::vector<StatusExample>& status, const std::vector<RoleExample>& roles, const Settings& st,
              int fold_out) {
  Trained t;
  if (!st.unlabelled.empty()) t.pseudo = pseudo_label(status, st, fold_out);
  t.detect = train_classifier(status, st, fold_out, kDetectShape, {st.threshold}, detect_label);
  t.roles = train_roles(roles, st, fold_out);
  if (!t.models.load(t.detect, t.roles, true)) {
    std::fprintf(stderr, "train policy: the written models do not load\n");
    std::exit(1);
  }
  return t;
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
    const double prec = t + p ? static_cast<double>(t) / (t + p) : 0,
                 rec = t + n ? static_cast<double>(t) / (t + n) : 0;
    return prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0;
  }
};

int coarse(int status) { return status == 0 || status == 3 ? 0 : status == 5 ? 2 : 1; }

std::size_t matches(const std::vector<GoldProvision>& gold, const std::vector<Predicted>& pred,
                    bool coarse_view, std::vector<bool>* gold_hit, std::vector<bool>* pred_hit) {
  struct P {
    double o;
    std::size_t g, p;
  };
  std::vector<P> pairs;
  for (std::size_t g = 0; g < gold.size(); ++g) {
    for (std::size_t p = 0; p < pred.size(); ++p) {
      const bool same =
          coarse_view ? coarse(gold[g].status) == coarse(pred[p].status) : gold[g].status == pred[p].status;
      if (!same) continue;
      const double o = overlap(gold[g].action, pred[p].action);
      if (o >= 0.5) pairs.push_back({-o, g, p});
    }
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const P& x, const P& y) { return std::tie(x.o, x.g, x.p) < std::tie(y.o, y.g, y.p); });
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

std::string score_text(const char* name, const Score& s) {
  std::string out =
      train::format("%s: micro F1 %.3f (tp %zu fp %zu fn %zu), coarse F1 %.3f, has-provision accuracy %.3f\n",
                    name, s.f1(s.tp, s.fp, s.fn), s.tp, s.fp, s.fn, s.f1(s.ctp, s.cfp, s.cfn),
                    s.sentences ? static_cast<double>(s.agree) / s.sentences : 0.0);
  for (int k = 0; k < 6; ++k)
    out += train::format("  %-10s F1 %.3f (tp %zu fp %zu fn %zu)\n", kStatusNames[k],
                         s.f1(s.per_tp[k], s.per_fp[k], s.per_fn[k]), s.per_tp[k], s.per_fp[k], s.per_fn[k]);
  return out;
}

json prediction_json(const Record& r, const std::vector<Predicted>& pred) {
  json provisions = json::array();
  for (const auto& p : pred) {
    const auto opt = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    provisions.push_back({{"status", kStatusNames[p.status]},
                          {"action", p.action},
                          {"actor", opt(p.actor)},
                          {"subject", opt(p.subject)},
                          {"scopes", p.scopes}});
  }
  return {{"id", r.id}, {"provisions", provisions}};
}

// The held-out diagnostics of one cross-validation run: how the candidates and roles fare.
struct Diagnostics {
  std::size_t confusion[2][2] = {};  // [gold provision][predicted provision]
  std::size_t status_right = 0, status_seen = 0, roles_seen = 0;
  double role_f1[3] = {};  // action, subject, actor token F1 over aligned candidates
  std::size_t framed = 0;
  double frame_f1[6] = {};
  std::size_t pattern_n[16] = {};
  double pattern_frame[16] = {},
         pattern_labeller[16] =
             {};  // where a frame pattern applies: action by frame / labeller, subject, actor
  std::string text() const {
    const double n = roles_seen ? static_cast<double>(roles_seen) : 1.0;
    return train::format(
               "held-out candidates: provision found %zu, missed %zu, false %zu, correct none %zu; status "
               "right on found "
               "provisions %.3f; role token F1 on aligned candidates: action %.3f subject %.3f actor %.3f\n",
               confusion[1][1], confusion[1][0], confusion[0][1], confusion[0][0],
               status_seen ? static_cast<double>(status_right) / status_seen : 0.0, role_f1[0] / n,
               role_f1[1] / n, role_f1[2] / n) +
           train::format(
               "where an argument frame applies (%zu): action frame %.3f labeller %.3f; subject frame %.3f "
               "labeller %.3f; actor frame %.3f labeller %.3f\n",
               framed, frame_f1[0] / std::max<std::size_t>(1, framed),
               frame_f1[1] / std::max<std::size_t>(1, framed), frame_f1[2] / std::max<std::size_t>(1, framed),
               frame_f1[3] / std::max<std::size_t>(1, framed), frame_f1[4] / std::max<std::size_t>(1, framed),
               frame_f1[5] / std::max<std::size_t>(1, framed)) +
           [&] {
             std::string out = "action F1 by pattern (frame / labeller):";
             for (int k = 1; k < 12; ++k)
               if (pattern_n[k])
                 out += train::format(" %d:%zu %.2f/%.2f", k, pattern_n[k], pattern_frame[k] / pattern_n[k],
                                      pattern_labeller[k] / pattern_n[k]);
             return out + "\n";
           }();
  }
};

double range_f1(WordRange gold, WordRange got) {
  if (gold.empty() && got.empty()) return 1.0;
  std::size_t common = 0;
  for (std::size_t q = gold.first; q < gold.last; ++q) common += q >= got.first && q < got.last;
  if (!common) return 0.0;
  const double p = static_cast<double>(common) / (got.last - got.first);
  const double r = static_cast<double>(common) / (gold.last - gold.first);
  return 2 * p * r / (p + r);
}

void diagnose(const std::vector<StatusExample>& status, const std::vector<RoleExample>& roles,
              const Models& m, int fold, Diagnostics& d, FILE* dump) {
  for (const auto& e : status) {
    if (e.fold != fold) continue;
    const int c = classify(e.features, m);
    d.confusion[e.label != kNoProvision][c != kNoProvision]++;
    if (dump) std::fprintf(dump, "%s\t%d\t%d\n", e.debug.c_str(), e.label, c);
    if (e.label != kNoProvision && c != kNoProvision) {
      ++d.status_seen;
      d.status_right += c == e.label;
    }
  }
  std::vector<float> emissions;
  std::vector<int> tags;
  for (const auto& e : roles) {
    if (e.fold != fold) continue;
    emissions.assign(e.words.size() * kNumRoleTags, 0.f);
    for (std::size_t q = 0; q < e.words.size(); ++q)
      score(m.roles, e.words[q], emissions.data() + q * kNumRoleTags);
    role_viterbi(emissions.data(), e.words.size(), m.role_transitions(), tags, /*single_roles=*/true);
    const Roles got = roles_from_tags(tags), want = roles_from_tags(e.tags);
    d.role_f1[0] += range_f1(want.action, got.action);
    d.role_f1[1] += range_f1(want.subject, got.subject);
    d.role_f1[2] += range_f1(want.actor, got.actor);
    ++d.roles_seen;
    if (e.frame.pattern != Pattern::None) {
      const auto pi = static_cast<std::size_t>(e.frame.pattern);
      d.pattern_n[pi]++;
      d.pattern_frame[pi] += range_f1(want.action, e.frame.action);
      d.pattern_labeller[pi] += range_f1(want.action, got.action);
      ++d.framed;
      d.frame_f1[0] += range_f1(want.action, e.frame.action);
      d.frame_f1[1] += range_f1(want.action, got.action);
      d.frame_f1[2] += range_f1(want.subject, e.frame.subject);
      d.frame_f1[3] += range_f1(want.subject, got.subject);
      d.frame_f1[4] += range_f1(want.actor, e.frame.actor);
      d.frame_f1[5] += range_f1(want.actor, got.actor);
    }
  }
}

int run(int argc, char** argv) {
  train::Args args("policy", argc, argv);
  Settings st;
  st.train = args.text("train", "", "annotated training sentences (policy-train/sentences.jsonl)");
  st.extra = args.text("extra", "",
                       "more training sentences, on the training side of every fold and never scored "
                       "(tools/train/policy_constructions.py)");
  st.out_dir = args.text("out-dir", "", "folder to write policy_{detect,roles}.model into");
  st.card = args.text("card", "", "model card whose 'train policy' block gets this run's command and scores");
  st.cv =
      static_cast<int>(args.integer("cv", 0, "folds of cross-validation over the training file (0: none)"));
  st.pred = args.text("pred", "", "with --cv: write the held-out predictions (policy_score.py format)");
  st.dump = args.text("dump", "", "with --cv: write every held-out candidate's gold and predicted class");
  st.eval = args.text("eval", "", "score the final model on this file (never trained on)");
  st.logistic = args.text("classifier", "logistic", "detector: logistic or perceptron") == "logistic";
  st.epochs = static_cast<int>(args.integer("epochs", 12, "perceptron classifier passes"));
  st.role_epochs = static_cast<int>(args.integer("role-epochs", 10, "role labeller passes"));
  st.role_seeds = static_cast<int>(
      args.integer("role-seeds", 1, "role labellers fitted in as many orders, their weights averaged"));
  st.bits = static_cast<int>(args.integer("bits", 18, "hash bits (2^bits weight rows before pruning)"));
  st.l2 = static_cast<float>(args.real("l2", 1.0, "logistic L2 penalty"));
  st.iterations = static_cast<int>(args.integer("iterations", 200, "logistic gradient steps"));
  st.threshold = static_cast<float>(args.real("threshold", 0.0, "detector margin a provision needs"));
  st.min_count = static_cast<int>(args.integer("min-count", 1, "drop features seen fewer times in training"));
  st.rows = static_cast<std::size_t>(args.integer("rows", 0, "rows kept by the detector, refitted (0: all)"));
  st.role_rows = static_cast<std::size_t>(
      args.integer("role-rows", 0, "rows kept by the role labeller, refitted (0: all)"));
  st.levels = static_cast<int>(args.integer("levels", 127, "quantisation steps either side of zero"));
  st.skip_ambiguous = args.text("ambiguous", "negative",
                                "a candidate that explains an aligned provision less well: 'negative' "
                                "(trained as none) or 'skip'") == "skip";
  st.seed = static_cast<std::uint64_t>(args.integer("seed", 1, "random seed"));
  st.unlabelled =
      args.text("unlabelled", "",
                "texts without annotation (JSON lines with 'text'; tools/train/policy_unlabelled.py): "
                "the detector is trained again on those of its own labels it is sure of");
  st.self_min = static_cast<float>(
      args.real("self-min", 0.95, "with --unlabelled: the probability a label of the first detector needs"));
  st.self_weight = static_cast<float>(
      args.real("self-weight", 1.0,
                "with --unlabelled: what a self-labelled example counts for (1: as much as "
                "an annotated one)"));
  st.fold_seed = static_cast<std::uint64_t>(args.integer(
      "fold-seed", 0, "with --cv: another split of the documents into folds (0: the usual one)"));
  if (!args.finish(st.train.empty()               ? "--train is required"
                   : st.bits < 12 || st.bits > 24 ? "--bits must be 12..24"
                   : st.cv == 1 || st.cv < 0      ? "--cv must be 0 or at least 2"
                   : st.role_seeds < 1            ? "--role-seeds must be at least 1"
                                                  : ""))
    return 2;
  const std::vector<Record> records = read_records(st.train, st.cv, st.fold_seed);
  if (records.empty()) {
    std::fprintf(stderr, "train policy: no records in %s\n", st.train.c_str());
    return 1;
  }
  std::vector<StatusExample> status;
  std::vector<RoleExample> roles;
  AlignStats align;
  for (const Record& r : records) build_examples(r, status, roles, align);
  // More examples from the records of `path`, all in `fold`; their role examples go to `role_examples`.
  // Returns the number of records, 0 when the file holds none.
  const auto add_records = [&](const std::string& path, int fold, std::vector<RoleExample>& role_examples) {
    std::vector<Record> more = read_records(path, 0);
    if (more.empty()) std::fprintf(stderr, "train policy: no records in %s\n", path.c_str());
    AlignStats ignored;
    for (Record& r : more) {
      r.fold = fold;
      build_examples(r, status, role_examples, ignored);
    }
    return more.size();
  };
  // The extra sentences get a fold no held-out fold has (kAlwaysTrained), so they train every model and are
  // never scored.
  std::size_t extra_records = 0;
  if (!st.extra.empty() && (extra_records = add_records(st.extra, kAlwaysTrained, roles)) == 0) return 1;
  // The unannotated texts (kUnlabelled) have no gold provision, so no candidate is aligned and no role
  // example is made; the detector trains on them only with the labels self-training gives them.
  std::size_t unlabelled_records = 0, unlabelled_candidates = status.size();
  if (!st.unlabelled.empty()) {
    std::vector<RoleExample> no_roles;
    if ((unlabelled_records = add_records(st.unlabelled, kUnlabelled, no_roles)) == 0) return 1;
  }
  unlabelled_candidates = status.size() - unlabelled_candidates;

  // Feature buckets; those seen fewer than --min-count times in the training examples are dropped: they
  // cannot generalise, and a model keeps a row for every feature it trained on. In cross-validation the
  // counts leave the held-out fold out (held_out = -1: count everything), so the fold tells the filter
  // nothing. The detector's counts include the unannotated candidates of the self-training (a feature seen
  // only there can still learn from the labels it gets); the role labeller's are its own, so self-training
  // leaves it as it is.
  const auto bucket = [&](std::uint64_t f) { return learn::feature_bucket(f, st.bits); };
  const auto keep_features_seen_enough = [&](int held_out) {
    std::unordered_map<std::uint32_t, int> seen, seen_by_roles;
    for (const auto& e : status) {
      if (e.fold == held_out) continue;
      for (const auto f : e.features) {
        ++seen[bucket(f)];
        if (e.fold != kUnlabelled) ++seen_by_roles[bucket(f)];
      }
    }
    for (const auto& e : roles)
      if (e.fold != held_out)
        for (const auto& w : e.words)
          for (const auto f : w) {
            ++seen[bucket(f)];
            ++seen_by_roles[bucket(f)];
          }
    const auto buckets_of = [&](const Features& fs, const std::unordered_map<std::uint32_t, int>& counts) {
      std::vector<std::uint32_t> out;
      for (const auto f : fs) {
        const auto it = counts.find(bucket(f));
        if (it != counts.end() && it->second >= st.min_count) out.push_back(bucket(f));
      }
      return out;
    };
    for (auto& e : status) e.buckets = buckets_of(e.features, seen);
    for (auto& e : roles) {
      e.buckets.clear();
      for (const auto& w : e.words) e.buckets.push_back(buckets_of(w, seen_by_roles));
    }
  };
  std::size_t positives = 0;
  std::size_t candidates = 0, ambiguous = 0;
  for (const auto& e : status) {
    if (e.fold == kAlwaysTrained || e.fold == kUnlabelled) continue;
    ++candidates;
    positives += e.label != kNoProvision;
    ambiguous += e.ambiguous;
  }
  std::string report = train::format(
      "%zu sentences, %zu candidates (%zu aligned to %zu gold provisions, %zu explaining an aligned "
      "provision "
      "less well%s; %zu actions not found in a sentence)%s\n",
      records.size(), candidates, positives, align.gold, ambiguous, st.skip_ambiguous ? ", left out" : "",
      align.no_action,
      extra_records ? train::format("; %zu extra sentences trained on, never scored", extra_records).c_str()
                    : "");
  if (unlabelled_records > 0)
    report += train::format(
        "%zu unannotated texts, %zu candidates, for self-training (--self-min %.2f, --self-weight %.2f)\n",
        unlabelled_records, unlabelled_candidates, st.self_min, st.self_weight);
  std::fputs(report.c_str(), stdout);

  if (st.cv > 1) {
    std::string pseudo;
    Score total;
    Diagnostics diagnostics;
    FILE* dump = st.dump.empty() ? nullptr : std::fopen(st.dump.c_str(), "w");
    std::vector<json> lines(records.size());
    for (int fold = 0; fold < st.cv; ++fold) {
      keep_features_seen_enough(fold);
      const Trained t = train(status, roles, st, fold);
      if (!st.unlabelled.empty())
        pseudo += train::format("%s%zu (%zu)", fold ? ", " : "", t.pseudo.first, t.pseudo.second);
      diagnose(status, roles, t.models, fold, diagnostics, dump);
      for (std::size_t k = 0; k < records.size(); ++k) {
        if (records[k].fold != fold) continue;
        const auto pred = predict(records[k], t.models);
        add_score(total, records[k], pred);
        lines[k] = prediction_json(records[k], pred);
      }
    }
    if (dump) std::fclose(dump);
    if (!pseudo.empty()) pseudo = "self-training labels per fold (provisions among them): " + pseudo + "\n";
    const std::string cv =
        pseudo + diagnostics.text() +
        score_text(train::format("%d-fold cross-validation (held-out folds)", st.cv).c_str(), total);
    std::fputs(cv.c_str(), stdout);
    report += cv;
    if (!st.pred.empty()) {
      std::ofstream out(st.pred);
      for (const auto& l : lines) out << l.dump() << '\n';
    }
  }
  if (!st.out_dir.empty() || !st.eval.empty()) {
    keep_features_seen_enough(-1);
    const Trained t = train(status, roles, st, -1);
    if (!st.unlabelled.empty()) {
      const std::string pseudo = train::format("self-training labels, final model: %zu (%zu provisions)\n",
                                               t.pseudo.first, t.pseudo.second);
      std::fputs(pseudo.c_str(), stdout);
      report += pseudo;
    }
    if (!st.out_dir.empty()) {
      if (!train::write_file(st.out_dir + "/policy_detect.model", t.detect) ||
          !train::write_file(st.out_dir + "/policy_roles.model", t.roles))
        return 1;
      const std::string sizes =
          train::format("models: detect %zu rows, roles %zu rows; %zu bytes in all\n", t.models.detect.rows(),
                        t.models.roles.rows(), t.detect.size() + t.roles.size());
      std::fputs(sizes.c_str(), stdout);
      report += sizes;
    }
    if (!st.eval.empty()) {
      Score s;
      for (const Record& r : read_records(st.eval, 0)) add_score(s, r, predict(r, t.models));
      const std::string text = score_text(("trained on all, scored on " + st.eval).c_str(), s);
      std::fputs(text.c_str(), stdout);
      report += text;
    }
  }
  if (!st.card.empty() &&
      !train::write_card_block(st.card, "policy", "```\n" + args.command_line() + "\n\n" + report + "```\n"))
    return 1;
  return 0;
}

const train::Registration kPolicy({"policy",
                                   "the policy models (provision and status detector, role labeller)", run});

}  // namespace
