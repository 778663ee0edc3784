# ArticleScope's changes to gumbo's own source files, applied at configure time to copies in the build tree
# (node_modules stays as npm installed it, pinned by package-lock.json). Each change is anchored on a line of
# gumbo 0.10.1 that must occur exactly once, so a different gumbo fails the configure step instead of being
# patched wrongly. The added code lives in cmake/gumbo/.
#
# The changes (the tree gumbo builds is unchanged, but for the first one on hostile pages):
# - formatting elements left open across paragraphs (<p><b id=1>x</p><p><b id=2>x</p>...) made every later
#   paragraph reconstruct all of them, quadratic in nodes and time (a 200 KB page built 15 GB of nodes in
#   160 s): the list of active formatting elements holds at most 12 entries after its last marker, the
#   earliest going first as the Noah's Ark clause already does for three identical ones, and a page
#   reconstructs at most 10,000 + (its bytes / 32) elements in all (active_formatting_cap.c);
# - runs of plain text, attribute values and names skip gumbo's one-character-at-a-time path
#   (text_run_tokenizer.c, text_run_parser.c);
# - the tag sets the tree builder tests tokens and nodes against (`(gumbo_tagset){TAG(P), TAG(DIV), ...}`, 78
#   of them) become static constants: as compound literals, each test first copied a 151-byte array onto the
#   stack (the compilers cannot drop the copy, since the array's address goes to a function), ~17% of the
#   whole analysis in WebAssembly.

# Inserts `text` before (MODE BEFORE) or after (MODE AFTER) the unique line `anchor` of `content_var`.
function(_gumbo_insert content_var file mode anchor text)
  set(content "${${content_var}}")
  string(FIND "${content}" "${anchor}" at)
  string(FIND "${content}" "${anchor}" last REVERSE)
  if(at EQUAL -1 OR NOT at EQUAL last)
    message(FATAL_ERROR "${file}: the line '${anchor}' is not there exactly once; this is not gumbo 0.10.1, "
                        "update cmake/GumboPatches.cmake")
  endif()
  if(mode STREQUAL "AFTER")
    string(LENGTH "${anchor}" length)
    math(EXPR at "${at} + ${length}")
  endif()
  string(SUBSTRING "${content}" 0 ${at} head)
  string(SUBSTRING "${content}" ${at} -1 tail)
  set(${content_var} "${head}${text}${tail}" PARENT_SCOPE)
endfunction()

# Writes `content` to `path` unless it already holds it, so that a re-configure does not rebuild gumbo.
function(_gumbo_write_if_changed path content)
  if(EXISTS "${path}")
    file(READ "${path}" old)
    if(old STREQUAL content)
      return()
    endif()
  endif()
  file(WRITE "${path}" "${content}")
endfunction()

# Writes the patched parser.c and tokenizer.c into OUT_DIR and sets OUT_VAR to their paths.
function(gumbo_patch_sources SRC_DIR OUT_DIR OUT_VAR)
  set(here "${PROJECT_SOURCE_DIR}/cmake/gumbo")
  file(READ "${here}/text_run_parser.c" parser_addition)
  file(READ "${here}/text_run_tokenizer.c" tokenizer_addition)

  file(READ "${SRC_DIR}/parser.c" parser)
  _gumbo_insert(parser parser.c BEFORE "GumboOutput* gumbo_parse_with_options(" "${parser_addition}\n")
  _gumbo_insert(parser parser.c BEFORE "    has_error = !handle_token(&parser, &token) || has_error;"
                "    const size_t text_before = state->_text_node._buffer.length;\n")
  _gumbo_insert(parser parser.c AFTER "    has_error = !handle_token(&parser, &token) || has_error;"
                "\n    if (state->_text_node._buffer.length > text_before) append_text_run(&parser, &token);")

  # Tag sets: every `(gumbo_tagset){...}` (no braces inside) becomes a static constant of its own.
  string(REGEX MATCHALL "\\(gumbo_tagset\\){" literals "${parser}")
  list(LENGTH literals literal_count)
  string(REGEX REPLACE "\\(gumbo_tagset\\){([^}]*)}" "GUMBO_STATIC_TAGSET(\\1)" parser "${parser}")
  string(REGEX MATCHALL "GUMBO_STATIC_TAGSET\\(" replaced "${parser}")
  list(LENGTH replaced replaced_count)
  if(literal_count LESS 50 OR NOT literal_count EQUAL replaced_count)
    message(FATAL_ERROR "parser.c: ${literal_count} tag set literals, ${replaced_count} replaced; this is not "
                        "gumbo 0.10.1, update cmake/GumboPatches.cmake")
  endif()
  file(READ "${here}/active_formatting_cap.c" cap_addition)
  _gumbo_insert(parser parser.c BEFORE "static void add_formatting_element(GumboParser* parser, const GumboNode* node) {"
                "${cap_addition}\n")
  _gumbo_insert(parser parser.c BEFORE "  // Noah's Ark clause: if there're at least 3, remove the earliest."
                "  if (node != &kActiveFormattingScopeMarker) cap_active_formatting(parser, elements);\n")
  _gumbo_insert(parser parser.c AFTER "typedef struct GumboInternalParserState {"
                "\n  size_t _reconstructions_left;  // ArticleScope: active_formatting_cap.c")
  _gumbo_insert(parser parser.c AFTER "\n  parser_state_init(&parser);"
                "\n  parser._parser_state->_reconstructions_left = reconstruction_budget(length);")
  _gumbo_insert(parser parser.c BEFORE "    GumboNode* clone = clone_node(\n"
                "    if (parser->_parser_state->_reconstructions_left == 0) return;\n    --parser->_parser_state->_reconstructions_left;\n")
  _gumbo_insert(parser parser.c AFTER "typedef char gumbo_tagset[GUMBO_TAG_LAST];" [=[

// ArticleScope (cmake/GumboPatches.cmake): a tag set as a static constant, not a stack copy per test.
#define GUMBO_STATIC_TAGSET(...) \
  (__extension__({ static const gumbo_tagset static_tagset_ = {__VA_ARGS__}; static_tagset_; }))]=])

  file(READ "${SRC_DIR}/tokenizer.c" tokenizer)
  _gumbo_insert(tokenizer tokenizer.c BEFORE "bool gumbo_lex(GumboParser* parser, GumboToken* output) {"
                "static bool lex_plain_run(GumboParser* parser, GumboTokenizerState* tokenizer);\n\n")
  _gumbo_insert(tokenizer tokenizer.c BEFORE "    StateResult result ="
                "    if (lex_plain_run(parser, tokenizer)) continue;\n")
  string(APPEND tokenizer "\n${tokenizer_addition}")

  _gumbo_write_if_changed("${OUT_DIR}/parser.c" "${parser}")
  _gumbo_write_if_changed("${OUT_DIR}/tokenizer.c" "${tokenizer}")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
               "${SRC_DIR}/parser.c" "${SRC_DIR}/tokenizer.c" "${here}/text_run_parser.c" "${here}/active_formatting_cap.c"
               "${here}/text_run_tokenizer.c" "${CMAKE_CURRENT_FUNCTION_LIST_FILE}")
  set(${OUT_VAR} "${OUT_DIR}/parser.c" "${OUT_DIR}/tokenizer.c" PARENT_SCOPE)
endfunction()
