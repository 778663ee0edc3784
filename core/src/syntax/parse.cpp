#include "syntax/parse.hpp"

namespace articlescope::syntax {

void ParseState::start(int words) {
  n = words;
  next = 0;
  stack.clear();
  const auto positions = static_cast<std::size_t>(words) + 1;
  heads.assign(positions, -1);
  left1.assign(positions, -1);
  left2.assign(positions, -1);
  right1.assign(positions, -1);
  right2.assign(positions, -1);
  lefts.assign(positions, 0);
  rights.assign(positions, 0);
}

bool ParseState::valid(Move m) const {
  switch (m) {
    case Move::Shift:
      return next < n;
    case Move::Left:
      return !stack.empty();
    case Move::Right:
      return stack.size() >= 2;
  }
  return false;
}

void ParseState::apply(Move m) {
  if (m == Move::Shift) {
    stack.push_back(next++);
    return;
  }
  const int child = stack.back();
  stack.pop_back();
  const int head = m == Move::Left ? next : stack.back();
  const auto h = static_cast<std::size_t>(head);
  heads[static_cast<std::size_t>(child)] = head;
  if (child < head) {
    // Left children arrive right to left: the newest is the leftmost.
    left2[h] = left1[h];
    left1[h] = child;
    if (lefts[h] < 7) ++lefts[h];
  } else {
    right2[h] = right1[h];
    right1[h] = child;
    if (rights[h] < 7) ++rights[h];
  }
}

void TreeView::build(const int* word_heads, int words) {
  heads = word_heads;
  const auto n = static_cast<std::size_t>(words);
  leftmost.assign(n, -1);
  rightmost.assign(n, -1);
  children.assign(n, 0);
  for (int d = 0; d < words; ++d) {
    const int h = word_heads[d];
    if (h < 0 || h >= words) continue;
    const auto k = static_cast<std::size_t>(h);
    if (leftmost[k] < 0 || d < leftmost[k]) leftmost[k] = d;
    if (rightmost[k] < 0 || d > rightmost[k]) rightmost[k] = d;
    if (children[k] < 15) ++children[k];
  }
}

bool Parser::load(std::string_view moves, std::string_view relations, bool copy) {
  *this = Parser();
  if (moves_.load(moves, kMoveModelShape, copy) && relations_.load(relations, kRelationModelShape, copy))
    return true;
  *this = Parser();
  return false;
}

void Parser::parse_heads(const WordInfo* words, const Pos* tags, std::size_t n, int* heads) const {
  if (!moves_.loaded()) {
    for (std::size_t i = 0; i < n; ++i) heads[i] = -1;
    return;
  }
  ParseState st;
  st.start(static_cast<int>(n));
  float scores[kNumMoves];
  while (!st.done()) {
    learn::RowCollector<kMaxMoveFeatures> sink(moves_);
    move_features(st, words, tags, sink);
    sink.score(scores);
    int best = -1;
    for (int m = 0; m < kNumMoves; ++m) {
      if (st.valid(static_cast<Move>(m)) && (best < 0 || scores[m] > scores[best])) best = m;
    }
    st.apply(static_cast<Move>(best));
  }
  for (std::size_t i = 0; i < n; ++i) heads[i] = st.heads[i] >= static_cast<int>(n) ? -1 : st.heads[i];
}

void Parser::label(const WordInfo* words, const Pos* tags, std::size_t n, const int* heads,
                   Relation* relations) const {
  TreeView tree;
  tree.build(heads, static_cast<int>(n));
  float scores[kNumRelations];
  for (std::size_t d = 0; d < n; ++d) {
    if (heads[d] < 0) {
      relations[d] = Relation::Root;
      continue;
    }
    if (!relations_.loaded()) {
      relations[d] = Relation::Dep;
      continue;
    }
    learn::RowCollector<kMaxRelationFeatures> sink(relations_);
    relation_features(tree, words, tags, static_cast<int>(n), static_cast<int>(d), sink);
    sink.score(scores);
    int best = 1;  // any relation but Root: the word has a head
    for (int r = 2; r < kNumRelations; ++r) {
      if (scores[r] > scores[best]) best = r;
    }
    relations[d] = static_cast<Relation>(best);
  }
}

void Parser::parse(const WordInfo* words, const Pos* tags, std::size_t n, int* heads,
                   Relation* relations) const {
  parse_heads(words, tags, n, heads);
  if (!moves_.loaded()) {
    for (std::size_t i = 0; i < n; ++i) relations[i] = Relation::Dep;
    return;
  }
  label(words, tags, n, heads, relations);
}

}  // namespace articlescope::syntax
