/* ArticleScope addition, appended to gumbo's tokenizer.c by cmake/GumboPatches.cmake.
 *
 * gumbo reads its input one character at a time through a UTF-8 decoder and a state machine, and turns every
 * character of text into a token for the tree builder; on news pages that is most of the parse. The functions
 * below take runs of plain ASCII bytes in one piece instead, in exactly the situations where gumbo would
 * append each of them unchanged (or lower-cased, for names) to the same buffer. Input positions and the start
 * of the next token's original text are kept as the character path keeps them, so the tree is unchanged. */

enum PlainRunKind { kTextRun, kDoubleQuotedRun, kSingleQuotedRun, kNameRun };

/* Bytes that stand for themselves: printable ASCII and '\n', less the characters with a meaning of their own
 * in the state ('<' and '&' in text, the closing quote and '&' in attribute values). Names take letters,
 * digits, '-', '_', ':' and '.'. (Tabs move the column to a tab stop; '\r', '\f', NUL and the control
 * characters are rewritten or flagged by the UTF-8 iterator: all of these go through it one at a time.) */
static bool is_plain_byte(unsigned char b, enum PlainRunKind kind) {
  switch (kind) {
    case kTextRun:
      return (b >= 0x20 && b < 0x7f && b != '<' && b != '&') || b == '\n';
    case kDoubleQuotedRun:
      return (b >= 0x20 && b < 0x7f && b != '"' && b != '&') || b == '\n';
    case kSingleQuotedRun:
      return (b >= 0x20 && b < 0x7f && b != '\'' && b != '&') || b == '\n';
    case kNameRun:
    default:
      return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' ||
             b == '_' || b == ':' || b == '.';
  }
}

/* True when the 8 bytes at `p` are all plain ASCII bytes of the run `kind` (not a name run) other than '\n';
 * sets *non_space when one of them is not a space. Word-at-a-time tests: a byte below 0x20 (which covers
 * '\n', '\t', '\r', NUL), 0x7F, a byte with the high bit, '&' or the run's stop byte fails the word. */
static bool plain_ascii_word(const unsigned char* p, enum PlainRunKind kind, bool* non_space) {
  static const uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  uint64_t x;
  memcpy(&x, p, sizeof x);
#define ASCOPE_HAS_LESS(v, n) (((v) - kOnes * (n)) & ~(v) & kHighs)
#define ASCOPE_HAS_BYTE(v, b) ASCOPE_HAS_LESS((v) ^ (kOnes * (b)), 1)
  const uint64_t stop = kind == kTextRun ? '<' : kind == kDoubleQuotedRun ? '"' : '\'';
  if ((x & kHighs) || ASCOPE_HAS_LESS(x, 0x20) || ASCOPE_HAS_BYTE(x, 0x7F) || ASCOPE_HAS_BYTE(x, '&') ||
      ASCOPE_HAS_BYTE(x, stop)) {
    return false;
  }
#undef ASCOPE_HAS_BYTE
#undef ASCOPE_HAS_LESS
  if (x != kOnes * ' ') *non_space = true;
  return true;
}

/* Length of the well-formed multi-byte UTF-8 sequence at `p` when gumbo's decoder passes its code point through
 * unchanged (not a C1 control character, a surrogate or a noncharacter; *code_point is set), 0 otherwise. */
static int plain_multibyte_length(const unsigned char* p, const unsigned char* end, int* code_point) {
  const ptrdiff_t left = end - p;
  if (p[0] >= 0xC2 && p[0] <= 0xDF) {
    if (left < 2 || (p[1] & 0xC0) != 0x80) return 0;
    const uint32_t cp = ((uint32_t) (p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    *code_point = (int) cp;
    return cp >= 0xA0 ? 2 : 0;
  }
  if (p[0] >= 0xE0 && p[0] <= 0xEF) {
    if (left < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    const uint32_t cp = ((uint32_t) (p[0] & 0x0F) << 12) | ((uint32_t) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
        (cp & 0xFFFE) == 0xFFFE) {
      return 0;
    }
    *code_point = (int) cp;
    return 3;
  }
  if (p[0] >= 0xF0 && p[0] <= 0xF4) {
    if (left < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return 0;
    const uint32_t cp = ((uint32_t) (p[0] & 0x07) << 18) | ((uint32_t) (p[1] & 0x3F) << 12) |
                        ((uint32_t) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF || (cp & 0xFFFE) == 0xFFFE) return 0;
    *code_point = (int) cp;
    return 4;
  }
  return 0;
}

/* Appends the plain characters at the iterator's position to `output` (names lower-cased) and moves the
 * iterator past them, with the line, column and offset that utf8iterator_next() would have given it. Text and
 * attribute values also take well-formed multi-byte characters (see plain_multibyte_length). Sets
 * *any_character (when not NULL) when one of them is not white space. Returns false, having done nothing,
 * when the current character is not plain. */
static bool append_plain_bytes(GumboParser* parser, Utf8Iterator* input, GumboStringBuffer* output,
    enum PlainRunKind kind, int* any_character) {
  const unsigned char* begin = (const unsigned char*) input->_start;
  const unsigned char* end = (const unsigned char*) input->_end;
  const unsigned char* p = begin;
  GumboSourcePosition position = input->_pos;
  GumboSourcePosition last_position = position;
  const unsigned char* last_start = p;
  int last_width = 0;
  int last_code_point = 0;
  bool non_space = false;
  const unsigned char* try_words_from = p;
  while (p < end) {
    if (kind != kNameRun && p >= try_words_from) {
      /* Eight plain ASCII bytes at a time (no '\n' among them, so only the column moves). */
      const unsigned char* q = p;
      while (end - q >= 8 && plain_ascii_word(q, kind, &non_space)) q += 8;
      if (q > p) {
        const size_t n = (size_t) (q - p);
        position.offset += (unsigned int) n;
        position.column += (unsigned int) n;
        last_position = position;
        --last_position.offset;
        --last_position.column;
        last_start = q - 1;
        last_width = 1;
        last_code_point = q[-1];
        p = q;
        continue;
      }
      try_words_from = p + 8; /* the next few characters one at a time before trying again */
    }
    int width = 1;
    int code_point = *p;
    if (*p >= 0x80) {
      width = kind == kNameRun ? 0 : plain_multibyte_length(p, end, &code_point);
      if (width == 0) break;
    } else if (!is_plain_byte(*p, kind)) {
      break;
    }
    last_position = position;
    last_start = p;
    last_width = width;
    last_code_point = code_point;
    position.offset += width;
    if (*p == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
      non_space = non_space || *p != ' ';
    }
    p += width;
  }
  if (p == begin) return false;
  const size_t length = (size_t) (p - begin);
  gumbo_string_buffer_reserve(parser, output->length + length, output);
  char* out = output->data + output->length;
  if (kind == kNameRun) {
    for (size_t i = 0; i < length; ++i) out[i] = (char) ensure_lowercase(begin[i]);
  } else {
    memcpy(out, begin, length);
  }
  output->length += length;
  if (any_character && non_space) *any_character = 1;
  /* Stand on the last character as if it had been read one at a time, then step past it. */
  input->_start = (const char*) last_start;
  input->_width = last_width;
  input->_current = last_code_point;
  input->_pos = last_position;
  utf8iterator_next(input);
  return true;
}

/* Called by gumbo_lex() before each character's state handler: in the attribute value, attribute name and
 * tag name states, a run of plain bytes goes into the tag buffer at once (names only after their first
 * character, which sets the buffer's start position). Returns true when it consumed input. */
static bool lex_plain_run(GumboParser* parser, GumboTokenizerState* tokenizer) {
  GumboStringBuffer* tag = &tokenizer->_tag_state._buffer;
  switch (tokenizer->_state) {
    case GUMBO_LEX_ATTR_VALUE_DOUBLE_QUOTED:
      return append_plain_bytes(parser, &tokenizer->_input, tag, kDoubleQuotedRun, NULL);
    case GUMBO_LEX_ATTR_VALUE_SINGLE_QUOTED:
      return append_plain_bytes(parser, &tokenizer->_input, tag, kSingleQuotedRun, NULL);
    case GUMBO_LEX_TAG_NAME:
    case GUMBO_LEX_ATTR_NAME:
      return tag->length > 0 && append_plain_bytes(parser, &tokenizer->_input, tag, kNameRun, NULL);
    default:
      return false;
  }
}

/* Consumes the run of text at the current input position of the data state (or the script data state) and
 * appends it to `output`, exactly as the "in body" (or "text") insertion mode appends the character and
 * white-space tokens it would have become (the parser calls it only in those situations: see
 * text_run_parser.c). Stops before '<', '&', NUL and the end of the input ('&' means nothing in script data,
 * but stopping there is only slower). Returns 1 when the run held a character that is not white space, 0
 * otherwise (also when it consumed nothing). */
int gumbo_lex_text_run(GumboParser* parser, GumboStringBuffer* output) {
  GumboTokenizerState* tokenizer = parser->_tokenizer_state;
  if ((tokenizer->_state != GUMBO_LEX_DATA && tokenizer->_state != GUMBO_LEX_SCRIPT) ||
      tokenizer->_reconsume_current_input ||
      tokenizer->_buffered_emit_char != kGumboNoChar || tokenizer->_temporary_buffer_emit != NULL ||
      tokenizer->_is_in_cdata) {
    return 0;
  }
  Utf8Iterator* input = &tokenizer->_input;
  int any_character = 0;
  bool moved = false;
  for (int c = utf8iterator_current(input); c > 0 && c != '<' && c != '&';
       c = utf8iterator_current(input)) {
    moved = true;
    if (append_plain_bytes(parser, input, output, kTextRun, &any_character)) continue;
    if (get_char_token_type(false, c) == GUMBO_TOKEN_CHARACTER) any_character = 1;
    gumbo_string_buffer_append_codepoint(parser, c, output);
    utf8iterator_next(input);
  }
  if (moved) reset_token_start_point(tokenizer);
  return any_character;
}
