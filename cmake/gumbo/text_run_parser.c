/* ArticleScope addition, inserted into gumbo's parser.c (before gumbo_parse_with_options) by
 * cmake/GumboPatches.cmake. */
int gumbo_lex_text_run(GumboParser* parser, GumboStringBuffer* output);

/* Called after each token that the tree builder appended to the pending text node. When that happened in the
 * "in body" insertion mode under an HTML element, every following plain character would be handled the same
 * way (reconstructing the active formatting elements again is a no-op, the text node stays the same), so the
 * rest of the run goes straight into the buffer. A run with a non-white-space character marks the text node
 * as text and clears frameset-ok, as a character token does. The same holds in the "text" insertion mode of a
 * script element (its characters are appended as they come; frameset-ok is left alone there): the pages'
 * JSON-LD is read from there. */
static void append_text_run(GumboParser* parser, const GumboToken* token) {
  GumboParserState* state = parser->_parser_state;
  if ((token->type != GUMBO_TOKEN_CHARACTER && token->type != GUMBO_TOKEN_WHITESPACE) ||
      state->_reprocess_current_token) {
    return;
  }
  const bool in_body = state->_insertion_mode == GUMBO_INSERTION_MODE_IN_BODY;
  if (!in_body && state->_insertion_mode != GUMBO_INSERTION_MODE_TEXT) return;
  const GumboNode* current = get_adjusted_current_node(parser);
  if (current == NULL || current->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return;
  if (!in_body && current->v.element.tag != GUMBO_TAG_SCRIPT) return;
  if (gumbo_lex_text_run(parser, &state->_text_node._buffer)) {
    state->_text_node._type = GUMBO_NODE_TEXT;
    if (in_body) set_frameset_not_ok(parser);
  }
}
