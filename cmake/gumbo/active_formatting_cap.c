// ArticleScope: caps on reconstructing active formatting elements (inserted into gumbo's parser.c by
// cmake/GumboPatches.cmake). Every text run and many start tags reconstruct the entries that are not open, so a
// page that leaves thousands of distinct ones open across paragraphs builds a quadratic number of nodes.
// 1. Like the Noah's Ark clause, which removes the earliest of three identical entries, the earliest entry
//    after the last marker goes once there are kMaxActiveFormatting (real pages stay far below): each
//    reconstruction walks and clones at most that many.
// 2. A page reconstructs at most reconstruction_budget(its bytes) elements in all; past that, text goes where
//    it is without the formatting: the nodes a page yields stay proportional to its bytes.
enum { kMaxActiveFormatting = 12 };

static void cap_active_formatting(GumboParser* parser, GumboVector* elements) {
  unsigned int first = elements->length;
  while (first > 0 && elements->data[first - 1] != &kActiveFormattingScopeMarker) --first;
  if (elements->length - first >= kMaxActiveFormatting) gumbo_vector_remove_at(parser, first, elements);
}

static size_t reconstruction_budget(size_t input_bytes) { return 10000 + input_bytes / 32; }
