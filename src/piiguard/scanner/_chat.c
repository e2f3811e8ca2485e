/* The chat-export line (detectors/conversation.py, chat_line) decided in C where it cannot
 * match (issue 18, fifth pass on speed).
 *
 * Hyperscan reports every line that begins with a stamp (`2024-06-14 11:12:11 …`), so log
 * lines too, and re's CHAT_LINE then backtracks through every length of the stamp and of the
 * speaker before it fails: six in seven tries on corpus 1 fail, at some 10 µs each. CHAT_LINE
 * (re.MULTILINE), with STAMP = [\[(【]?\d[\d:/\-. 年月日T]{3,24}(?:[ \t]?[AaPp]\.?[Mm]\.?)?
 * [\])】]? and WHO = [^\s:：（(\[\]【】<>@0-9][^:：（(\[\]【】<>@\r\n\t]{0,40}?:
 *
 *   [ \t]*(?:[-*•][ \t]+)?(?:STAMP[ \t]+(?P<v>WHO)ROLE[ \t]*(?:[:：][^\r\n]*)?
 *                          |(?P<w>WHO)(?:@[^\s@:：]{1,16})?ROLE(?:,[ \t]*|[ \t]+)STAMP
 *                           (?:[ \t]+\d[\d:.]{3,11})?[ \t]*)\r?$
 *
 * chat_line_at answers False only where no match exists: nothing in the expression crosses
 * a line's end, so a match ends where the line does (before its CR); the first form needs a
 * stamp, blanks and a speaker of at most 41 characters ending at the line's end, a colon or
 * a bracket; the second needs its speaker's first character and a line ending in a stamp's
 * characters after a blank or a comma. The checks below are those conditions or looser ones. Where a
 * match may exist it answers NotImplemented: Python matches and reads the names, as before.
 * tests/scanner/test_native_many.py compares the two on generated lines.
 */
#include "_native.h"

static inline int blank(Py_UCS4 c) { return c == ' ' || c == '\t'; }

static Py_ssize_t blanks_from(const Text *t, Py_ssize_t p, Py_ssize_t hi)
{
    Py_ssize_t q = p;
    while (q < hi && blank(at(t, q)))
        q++;
    return q;
}

static inline int decimal(Py_UCS4 c) { return Py_UNICODE_ISDECIMAL(c); } /* re's \d on str */

/* [\d:/\-. 年月日T] */
static inline int stamp_char(Py_UCS4 c)
{
    return decimal(c) || c == ':' || c == '/' || c == '-' || c == '.' || c == ' ' || c == 0x5E74
           || c == 0x6708 || c == 0x65E5 || c == 'T';
}

static inline int opener(Py_UCS4 c) { return c == '[' || c == '(' || c == 0x3010; }
static inline int closer(Py_UCS4 c) { return c == ']' || c == ')' || c == 0x3011; }

/* What a WHO may not hold after its first character: [:：（(\[\]【】<>@\r\n\t] */
static inline int not_who(Py_UCS4 c)
{
    return c == ':' || c == 0xFF1A || c == 0xFF08 || c == '(' || c == '[' || c == ']'
           || c == 0x3010 || c == 0x3011 || c == '<' || c == '>' || c == '@' || c == '\r'
           || c == '\n' || c == '\t';
}

/* WHO's first character: [^\s:：（(\[\]【】<>@0-9] */
static inline int who_first(Py_UCS4 c)
{
    return !Py_UNICODE_ISSPACE(c) && !not_who(c) && !(c >= '0' && c <= '9');
}

/* Any of every character a stamp, a time after it and the blanks around them hold. */
static inline int stamp_tail_char(Py_UCS4 c)
{
    return stamp_char(c) || blank(c) || opener(c) || closer(c) || c == 'A' || c == 'a'
           || c == 'P' || c == 'p' || c == 'M' || c == 'm';
}

/* The first form from the speaker at w: a WHO of 1 to 41 characters, then blanks and the
 * line's end (b), a colon or a bracket (ROLE; its content and the colon's tail unchecked). */
static int speaker_may_end(const Text *t, Py_ssize_t w, Py_ssize_t b)
{
    if (w >= b || !who_first(at(t, w)))
        return 0;
    Py_ssize_t x = w + 1;
    for (int k = 0; k <= 40; k++) {
        Py_ssize_t y = blanks_from(t, x, b);
        Py_UCS4 c = at(t, y);
        if (y == b || c == ':' || c == 0xFF1A || c == '(' || c == 0xFF08)
            return 1;
        if (x >= b || not_who(at(t, x)))
            return 0;
        x++;
    }
    return 0;
}

/* The ends of (?:[ \t]?[AaPp]\.?[Mm]\.?)? at m, each also with a closing bracket after it:
 * whether the first form may go on from one of them (blanks, then the speaker). */
static int stamp_end_may_go_on(const Text *t, Py_ssize_t m, Py_ssize_t b)
{
    Py_ssize_t ends[20]; /* at most 9 ends before the brackets, each once more after one */
    int n = 0;
    ends[n++] = m;
    for (int space = 0; space <= 1; space++) {
        Py_ssize_t a = m + space;
        if (space && !blank(at(t, m)))
            continue;
        Py_UCS4 c = at(t, a);
        if (c != 'A' && c != 'a' && c != 'P' && c != 'p')
            continue;
        for (int dot = 0; dot <= 1; dot++) {
            Py_ssize_t k = a + 1 + dot;
            if (dot && at(t, a + 1) != '.')
                continue;
            if (at(t, k) != 'M' && at(t, k) != 'm')
                continue;
            ends[n++] = k + 1;
            if (at(t, k + 1) == '.')
                ends[n++] = k + 2;
        }
    }
    for (int i = 0, count = n; i < count; i++)
        if (closer(at(t, ends[i])))
            ends[n++] = ends[i] + 1;
    for (int i = 0; i < n; i++) {
        Py_ssize_t e = ends[i];
        if (e < b && blank(at(t, e)) && speaker_may_end(t, blanks_from(t, e, b), b))
            return 1;
    }
    return 0;
}

/* STAMP[ \t]+WHO… from q, the line's body ending at b. */
static int stamp_first(const Text *t, Py_ssize_t q, Py_ssize_t b)
{
    Py_ssize_t d = q + (opener(at(t, q)) ? 1 : 0);
    if (d >= b || !decimal(at(t, d)))
        return 0;
    Py_ssize_t run = 0;
    while (run < 24 && d + 1 + run < b && stamp_char(at(t, d + 1 + run)))
        run++;
    for (Py_ssize_t n = 3; n <= run; n++)
        if (stamp_end_may_go_on(t, d + 1 + n, b))
            return 1;
    return 0;
}

/* WHO…(?:,[ \t]*|[ \t]+)STAMP… from q: a speaker's first character, and the line ending in
 * a stamp's characters that begin after a blank or a comma, with [\[(【]?\d. */
static int stamp_last(const Text *t, Py_ssize_t q, Py_ssize_t b)
{
    if (q >= b || !who_first(at(t, q)))
        return 0;
    Py_ssize_t low = b;
    while (low > q + 1 && stamp_tail_char(at(t, low - 1)))
        low--;
    for (Py_ssize_t z = low > q + 2 ? low : q + 2; z < b; z++) {
        if (!blank(at(t, z - 1)) && at(t, z - 1) != ',') /* (?:,[ \t]*|[ \t]+) */
            continue;
        Py_ssize_t d = z + (opener(at(t, z)) ? 1 : 0);
        if (d < b && decimal(at(t, d)))
            return 1;
    }
    return 0;
}

PyObject *chat_line_at(PyObject *text, Text *t, Py_ssize_t pos)
{
    (void)text;
    if (pos < 0 || pos >= t->len)
        return NO_MATCH;
    Py_ssize_t end = pos; /* the line's end: its LF, or the text's */
    while (end < t->len && at(t, end) != '\n')
        end++;
    Py_ssize_t b = end > pos && at(t, end - 1) == '\r' ? end - 1 : end;
    Py_ssize_t q = blanks_from(t, pos, b);
    if (stamp_first(t, q, b) || stamp_last(t, q, b))
        return DEFERRED;
    Py_UCS4 c = at(t, q); /* (?:[-*•][ \t]+) */
    if ((c == '-' || c == '*' || c == 0x2022) && q + 1 < b && blank(at(t, q + 1))) {
        Py_ssize_t r = blanks_from(t, q + 1, b);
        if (stamp_first(t, r, b) || stamp_last(t, r, b))
            return DEFERRED;
    }
    return NO_MATCH;
}
