// The dependency parser: a greedy transition parser (arc-hybrid, Honnibal's "parsing English in 500 lines")
// whose moves an averaged perceptron chooses from the words and POS tags on the stack, in the buffer and
// among their children, then a second perceptron that names each arc's relation. Trained by `train parse`
// (tools/train/parse.cpp) on UD English EWT. Not shipped: cross-validated UAS 74.7 (see SYNTAX_MODEL.md).
#pragma once

#include "learn/model.hpp"
#include "syntax/features.hpp"
#include "syntax/tags.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace articlescope::syntax {

/// A parser move (arc-hybrid). The buffer ends with a root position after the last word.
enum class Move : std::uint8_t {
  Shift,  ///< the next word goes onto the stack
  Left,   ///< the next word (or the root) becomes the head of the stack's top, which is popped
  Right,  ///< the word below the stack's top becomes its head, and the top is popped
};
/// Number of moves (the move model's class count).
inline constexpr int kNumMoves = 3;

/// The move model file: kind "DEP1", one class per move.
inline constexpr learn::ModelShape kMoveModelShape{learn::model_kind("DEP1"), kNumMoves, 0};
/// The relation model file: kind "REL1", one class per relation.
inline constexpr learn::ModelShape kRelationModelShape{learn::model_kind("REL1"), kNumRelations, 0};

/// Upper bound of the features of one parser decision.
inline constexpr int kMaxMoveFeatures = 64;
/// Upper bound of the features of one relation decision.
inline constexpr int kMaxRelationFeatures = 32;

/// A parse in progress over words 0 .. n - 1 and the root position n.
struct ParseState {
  int n = 0;
  int next = 0;                     ///< the buffer's front (n: only the root is left)
  std::vector<int> stack;           ///< words, top last
  std::vector<int> heads;           ///< per position: head position (n = the root), -1 while unattached
  std::vector<int> left1, left2;    ///< per position: leftmost and second leftmost child (-1: none)
  std::vector<int> right1, right2;  ///< per position: rightmost and second rightmost child (-1: none)
  std::vector<std::uint8_t> lefts, rights;  ///< per position: number of left / right children (capped)

  /// Starts a parse of n words.
  void start(int words);
  /// True when every word has a head.
  bool done() const { return stack.empty() && next >= n; }
  /// True when `m` may be applied now.
  bool valid(Move m) const;
  /// Applies a valid move.
  void apply(Move m);
};

/// The move features of a parse state (words and tags of stack, buffer and children; valencies; distance).
template <class Sink>
void move_features(const ParseState& st, const WordInfo* words, const Pos* tags, Sink& sink);

/// What the relation features need of a finished tree: each word's head and outermost children.
struct TreeView {
  const int* heads = nullptr;  ///< per word: head word, -1 for the root
  std::vector<int> leftmost, rightmost;
  std::vector<std::uint8_t> children;
  /// Computes the children of `n` words from their heads.
  void build(const int* word_heads, int words);
};

/// The relation features of the arc from word `d` to its head.
template <class Sink>
void relation_features(const TreeView& tree, const WordInfo* words, const Pos* tags, int n, int d,
                       Sink& sink);

class Parser {
 public:
  /// Reads the move and relation model files; false (and unloaded) when either is malformed. With `copy`
  /// false the bytes must outlive the parser.
  bool load(std::string_view moves, std::string_view relations, bool copy = true);
  /// True once both models were loaded.
  bool loaded() const { return moves_.loaded() && relations_.loaded(); }
  /// Number of weight rows of the move and relation models together.
  std::size_t rows() const { return moves_.rows() + relations_.rows(); }
  /// Parses one sentence of described words with their POS tags: heads[i] is the head of word i (-1: the
  /// root), relations[i] its relation. Without a model every word hangs from the root as Dep.
  void parse(const WordInfo* words, const Pos* tags, std::size_t n, int* heads, Relation* relations) const;
  /// The moves alone (tools): heads[i] as parse() gives them.
  void parse_heads(const WordInfo* words, const Pos* tags, std::size_t n, int* heads) const;
  /// The relations alone, for given heads (tools).
  void label(const WordInfo* words, const Pos* tags, std::size_t n, const int* heads,
             Relation* relations) const;

 private:
  learn::Model moves_;
  learn::Model relations_;
};

// ---- Feature templates (shared by the parser and its trainer) ----

/// Feature template ids of the parser; never renumber: trained models depend on them.
enum ParseFeature : std::uint64_t {
  kMoveBias = 301,
  kMoveWord,      // + slot
  kMoveTag,       // + slot
  kMoveWordTag,   // + slot
  kMovePair,      // + pair id
  kMoveTriple,    // + triple id
  kMoveValency,   // + valency id
  kMoveDistance,  // + distance id
  kRelBias = 401,
  kRelDepWord,
  kRelDepTag,
  kRelHeadWord,
  kRelHeadTag,
  kRelTags,
  kRelDepWordHeadTag,
  kRelDepTagHeadWord,
  kRelDirection,
  kRelChildTags,
  kRelNeighbours,
  kRelHeadHead,
  kRelWords,
};

namespace parse_detail {

constexpr std::uint64_t kNoWord = 0x51ed270b27a3c5d1ull;
constexpr std::uint64_t kRootWord = 0x2545f4914f6cdd1dull;
constexpr std::uint64_t kNoTag = 255, kRootTag = 254;

inline std::uint64_t word_at(const WordInfo* words, int n, int k) {
  return k < 0 ? kNoWord : k >= n ? kRootWord : words[k].form;
}
inline std::uint64_t tag_at(const Pos* tags, int n, int k) {
  return k < 0 ? kNoTag : k >= n ? kRootTag : static_cast<std::uint64_t>(tags[k]);
}
inline std::uint64_t feature(std::uint64_t value, std::uint64_t templ, std::uint64_t id) {
  return learn::mix(value, templ * 256 + id);
}

}  // namespace parse_detail

template <class Sink>
void move_features(const ParseState& st, const WordInfo* words, const Pos* tags, Sink& sink) {
  using namespace parse_detail;
  const int n = st.n;
  const std::size_t depth = st.stack.size();
  const int s0 = depth > 0 ? st.stack[depth - 1] : -1;
  const int s1 = depth > 1 ? st.stack[depth - 2] : -1;
  const int s2 = depth > 2 ? st.stack[depth - 3] : -1;
  const int n0 = st.next <= n ? st.next : -1;
  const int n1 = n0 >= 0 && n0 + 1 <= n ? n0 + 1 : -1;
  const int n2 = n0 >= 0 && n0 + 2 <= n ? n0 + 2 : -1;
  const auto child = [](const std::vector<int>& of, int k) {
    return k >= 0 ? of[static_cast<std::size_t>(k)] : -1;
  };
  const int s0l1 = child(st.left1, s0), s0l2 = child(st.left2, s0);
  const int s0r1 = child(st.right1, s0), s0r2 = child(st.right2, s0);
  const int n0l1 = child(st.left1, n0), n0l2 = child(st.left2, n0);
  // Slots: the positions whose word and tag are features on their own.
  const int slots[] = {n0, n1, n2, s0, s1, s2, n0l1, n0l2, s0l1, s0l2, s0r1, s0r2};
  std::uint64_t w[12], t[12];
  for (int k = 0; k < 12; ++k) {
    w[k] = word_at(words, n, slots[k]);
    t[k] = tag_at(tags, n, slots[k]);
  }
  enum { N0, N1, N2, S0, S1, S2, N0L1, N0L2, S0L1, S0L2, S0R1, S0R2 };
  sink.feature(feature(0, kMoveBias, 0));
  for (const int k : {N0, N1, N2, S0, S1, S2, N0L1, S0L1, S0R1}) sink.feature(feature(w[k], kMoveWord, k));
  for (int k = 0; k < 12; ++k) sink.feature(feature(t[k], kMoveTag, k));
  for (const int k : {N0, N1, S0, S1}) sink.feature(feature(learn::mix(w[k], t[k]), kMoveWordTag, k));
  sink.feature(feature(learn::mix(w[S0], w[N0]), kMovePair, 0));
  sink.feature(feature(t[S0] * 256 + t[N0], kMovePair, 1));
  sink.feature(feature(learn::mix(w[S0], t[N0]), kMovePair, 2));
  sink.feature(feature(learn::mix(t[S0], w[N0]), kMovePair, 3));
  sink.feature(feature(learn::mix(learn::mix(w[S0], t[S0]), t[N0]), kMovePair, 4));
  sink.feature(feature(learn::mix(learn::mix(w[N0], t[N0]), t[S0]), kMovePair, 5));
  const auto tri = [&](int a, int b, int c) { return (t[a] * 256 + t[b]) * 256 + t[c]; };
  const int triples[][3] = {{N0, N1, N2},     {S0, N0, N1},   {S1, S0, N0},     {S0, S0L1, N0},
                            {S0, S0R1, N0},   {S0, N0, N0L1}, {S0, S0L1, S0L2}, {S0, S0R1, S0R2},
                            {N0, N0L1, N0L2}, {S2, S1, S0}};
  for (std::uint64_t k = 0; k < 10; ++k)
    sink.feature(feature(tri(triples[k][0], triples[k][1], triples[k][2]), kMoveTriple, k));
  const auto count = [](const std::vector<std::uint8_t>& of, int k) -> std::uint64_t {
    return k >= 0 ? of[static_cast<std::size_t>(k)] : 7;
  };
  const std::uint64_t s0_right = count(st.rights, s0), s0_left = count(st.lefts, s0),
                      n0_left = count(st.lefts, n0);
  sink.feature(feature(learn::mix(w[S0], s0_right), kMoveValency, 0));
  sink.feature(feature(learn::mix(w[S0], s0_left), kMoveValency, 1));
  sink.feature(feature(learn::mix(w[N0], n0_left), kMoveValency, 2));
  sink.feature(feature(t[S0] * 16 + s0_right, kMoveValency, 3));
  sink.feature(feature(t[S0] * 16 + s0_left, kMoveValency, 4));
  sink.feature(feature(t[N0] * 16 + n0_left, kMoveValency, 5));
  const std::uint64_t distance = s0 >= 0 && n0 >= 0 ? static_cast<std::uint64_t>(std::min(n0 - s0, 5)) : 0;
  sink.feature(feature(learn::mix(w[S0], distance), kMoveDistance, 0));
  sink.feature(feature(learn::mix(w[N0], distance), kMoveDistance, 1));
  sink.feature(feature(t[S0] * 8 + distance, kMoveDistance, 2));
  sink.feature(feature(t[N0] * 8 + distance, kMoveDistance, 3));
  sink.feature(feature((t[S0] * 256 + t[N0]) * 8 + distance, kMoveDistance, 4));
}

template <class Sink>
void relation_features(const TreeView& tree, const WordInfo* words, const Pos* tags, int n, int d,
                       Sink& sink) {
  using namespace parse_detail;
  using learn::mix;
  const int h = tree.heads[d];
  const std::uint64_t dw = word_at(words, n, d), dt = tag_at(tags, n, d);
  const std::uint64_t hw = h < 0 ? kRootWord : word_at(words, n, h),
                      ht = h < 0 ? kRootTag : tag_at(tags, n, h);
  const std::uint64_t direction = h < 0 ? 2 : h > d ? 1 : 0;
  const std::uint64_t distance = h < 0 ? 7 : static_cast<std::uint64_t>(std::min(h > d ? h - d : d - h, 6));
  sink.feature(mix(0, kRelBias));
  sink.feature(mix(dw, kRelDepWord));
  sink.feature(mix(dt, kRelDepTag));
  sink.feature(mix(hw, kRelHeadWord));
  sink.feature(mix(ht, kRelHeadTag));
  sink.feature(mix(dt * 256 + ht, kRelTags));
  sink.feature(mix(mix(dw, ht), kRelDepWordHeadTag));
  sink.feature(mix(mix(hw, dt), kRelDepTagHeadWord));
  sink.feature(mix((dt * 256 + ht) * 16 + direction * 8 + distance, kRelDirection));
  sink.feature(mix(mix(dw, hw), kRelWords));
  const int leftmost = tree.leftmost[static_cast<std::size_t>(d)];
  const int rightmost = tree.rightmost[static_cast<std::size_t>(d)];
  sink.feature(mix((dt * 256 + tag_at(tags, n, leftmost)) * 256 + tag_at(tags, n, rightmost), kRelChildTags));
  sink.feature(mix(mix(dw, tag_at(tags, n, leftmost)), kRelChildTags + 1000));
  sink.feature(mix(dt * 16 + tree.children[static_cast<std::size_t>(d)], kRelChildTags + 2000));
  sink.feature(mix((tag_at(tags, n, d - 1) * 256 + dt) * 256 + tag_at(tags, n, d + 1 < n ? d + 1 : -1),
                   kRelNeighbours));
  const int hh = h >= 0 ? tree.heads[h] : -1;
  sink.feature(mix((dt * 256 + ht) * 256 + (h < 0    ? kNoTag
                                            : hh < 0 ? kRootTag
                                                     : tag_at(tags, n, hh)),
                   kRelHeadHead));
}

}  // namespace articlescope::syntax
