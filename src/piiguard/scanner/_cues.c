/* The look-alike cues of detectors/negative/lookalikes.py in C (issue 18, fifth pass on
 * speed): a part, serial or order word (part_cue, part_cue_zh) or a version word
 * (version_cue, version_cue_zh) matched where Hyperscan reports it, then the mobile- and
 * resident-ID-shaped numbers (or the dotted quads) it claims on the rest of its stretch.
 *
 * part_cue_at / version_cue_at answer as the Python rule run by engine._run does: the cue
 * pattern matched at pos (False when it does not match), then `claims`, a list of
 * NOT_PERSONAL hits (perhaps empty). They hand the text back to Python (NotImplemented)
 * where the hand-written matching could differ from re's: a character that IGNORECASE
 * folds to an ASCII letter (K, ſ, İ, ı) near the cue, or a decimal digit outside ASCII
 * where the value patterns have \d.
 *
 * The words are configure_cues()'s, from lookalikes.py; the expressions are written out
 * here, each beside the Python one it stands for; tests/scanner/test_native_cues.py
 * compares both at every position of random texts and on the corpora.
 */
#include "_native.h"

enum { PART_EN, PART_ZH, VERSION_EN, VERSION_ZH, PHONE_EN, PHONE_ZH, LITS_COUNT };
static Context lits[LITS_COUNT];
static PyObject *claim_kind = NULL, *claim_validator = NULL;
static Py_ssize_t reach = 64;
static Py_ssize_t window = 0; /* the longest word, reach and the boundaries */

/* ---- the cue: \b(?:EN words)\b|ZH words, re.IGNORECASE, matched at pos ---- */

static int lit_at(const Text *t, Py_ssize_t p, Py_ssize_t hi, const Word *w)
{
    if (p < 0 || p + w->len > hi)
        return 0;
    for (Py_ssize_t k = 0; k < w->len; k++)
        if (lower(at(t, p + k)) != w->chars[k])
            return 0;
    return 1;
}

/* re's \b at p with the string ending at hi (the search's endpos); it sees before p. */
static int boundary(const Text *t, Py_ssize_t p, Py_ssize_t hi)
{
    if (t->len == 0 || hi == 0)
        return 0;
    int before = p > 0 ? word_char(at(t, p - 1)) : 0;
    int here = p < hi ? word_char(at(t, p)) : 0;
    return before != here;
}

/* \b(?:w1|w2|...)\b at p (alternatives in order, the first whose \b after holds): the end,
 * or -1. Every word begins and ends with a letter (native.py checks). */
static Py_ssize_t bounded_word(const Text *t, Py_ssize_t p, Py_ssize_t hi, const Context *l)
{
    if (!boundary(t, p, hi))
        return -1;
    for (Py_ssize_t j = 0; j < l->n; j++)
        if (lit_at(t, p, hi, &l->words[j]) && boundary(t, p + l->words[j].len, hi))
            return p + l->words[j].len;
    return -1;
}

/* ZH words at p, in order: the end, or -1. */
static Py_ssize_t plain_word(const Text *t, Py_ssize_t p, Py_ssize_t hi, const Context *l)
{
    for (Py_ssize_t j = 0; j < l->n; j++)
        if (lit_at(t, p, hi, &l->words[j]))
            return p + l->words[j].len;
    return -1;
}

static int folds_within(const Text *t, Py_ssize_t lo, Py_ssize_t hi)
{
    if (t->kind == PyUnicode_1BYTE_KIND)
        return 0; /* all four are above U+00FF */
    for (Py_ssize_t i = lo < 0 ? 0 : lo; i < hi && i < t->len; i++)
        if (folds_to_ascii(at(t, i)))
            return 1;
    return 0;
}

/* A decimal digit outside ASCII in [lo, hi): re's \d matches it, the code below does not. */
static int wide_digit_within(const Text *t, Py_ssize_t lo, Py_ssize_t hi)
{
    if (t->kind == PyUnicode_1BYTE_KIND)
        return 0; /* no decimal digit in U+0080-U+00FF */
    for (Py_ssize_t i = lo < 0 ? 0 : lo; i < hi && i < t->len; i++) {
        Py_UCS4 c = at(t, i);
        if (c > 127 && Py_UNICODE_ISDECIMAL(c))
            return 1;
    }
    return 0;
}

/* ---- _stretch: where the cue stops speaking ---- */

static inline int is_space(Py_UCS4 c) { return Py_UNICODE_ISSPACE(c); }
static inline int field_char(Py_UCS4 c) { return word_char(c) || c == '.' || c == '-'; }
static inline int field_first(Py_UCS4 c) { return ascii_alpha(c) || c == '_'; }

/* _STOP matched at p (string end hi): the end, or -1.
 *   PHONE_ZH | \b(?:PHONE_EN)\b | 。
 *   | [\s,;{]"?[A-Za-z_][\w.\-]*"?[ \t]*[=:](?![:/])
 *   | &[A-Za-z_][\w.\-]*=
 * (At most one alternative can begin with a given character, and the runs are greedy with
 * what follows them never in them: no backtracking changes the outcome.) */
static Py_ssize_t stop_at(const Text *t, Py_ssize_t p, Py_ssize_t hi)
{
    Py_UCS4 c = at(t, p);
    if (c == 0x3002) /* 。 */
        return p + 1;
    if (c == '&') {
        Py_ssize_t q = p + 1;
        if (q >= hi || !field_first(at(t, q)))
            return -1;
        q++;
        while (q < hi && field_char(at(t, q)))
            q++;
        return q < hi && at(t, q) == '=' ? q + 1 : -1;
    }
    if (is_space(c) || c == ',' || c == ';' || c == '{') {
        Py_ssize_t q = p + 1;
        if (q < hi && at(t, q) == '"')
            q++;
        if (q >= hi || !field_first(at(t, q)))
            return -1;
        q++;
        while (q < hi && field_char(at(t, q)))
            q++;
        if (q < hi && at(t, q) == '"')
            q++;
        while (q < hi && (at(t, q) == ' ' || at(t, q) == '\t'))
            q++;
        if (q >= hi || (at(t, q) != '=' && at(t, q) != ':'))
            return -1;
        if (q + 1 < hi && (at(t, q + 1) == ':' || at(t, q + 1) == '/'))
            return -1;
        return q + 1;
    }
    if (ascii_alpha(c))
        return bounded_word(t, p, hi, &lits[PHONE_EN]);
    return plain_word(t, p, hi, &lits[PHONE_ZH]);
}

/* _PHONE.search(text[lo:hi]) is not None: a phone word in the piece, whose ends are the
 * string's (its \b sees nothing beyond them). */
static int phone_within(const Text *t, Py_ssize_t lo, Py_ssize_t hi)
{
    for (Py_ssize_t p = lo; p < hi; p++) {
        if (plain_word(t, p, hi, &lits[PHONE_ZH]) >= 0)
            return 1;
        if (!(p == lo || !word_char(at(t, p - 1))))
            continue;
        for (Py_ssize_t j = 0; j < lits[PHONE_EN].n; j++) {
            const Word *w = &lits[PHONE_EN].words[j];
            Py_ssize_t e = p + w->len;
            if (lit_at(t, p, hi, w) && (e == hi || !word_char(at(t, e))))
                return 1;
        }
    }
    return 0;
}

static Py_ssize_t find_char(const Text *t, Py_UCS4 c, Py_ssize_t lo, Py_ssize_t hi)
{
    for (Py_ssize_t i = lo; i < hi && i < t->len; i++)
        if (at(t, i) == c)
            return i;
    return -1;
}

/* lookalikes._stretch(text, pos) */
static Py_ssize_t stretch(const Text *t, Py_ssize_t pos)
{
    Py_ssize_t end = find_char(t, '\n', pos, pos + reach);
    if (end < 0)
        end = pos + reach < t->len ? pos + reach : t->len;
    /* the last bracket between the line's start and pos is an opening one: the cue is in
     * brackets and speaks until they close */
    for (Py_ssize_t i = pos - 1; i >= 0; i--) {
        Py_UCS4 c = at(t, i);
        if (c == '\n' || c == ')' || c == 0xFF09)
            break;
        if (c == '(' || c == 0xFF08) {
            Py_ssize_t a = find_char(t, ')', pos, end), b = find_char(t, 0xFF09, pos, end);
            if (a >= 0 && (b < 0 || a < b))
                end = a;
            else if (b >= 0)
                end = b;
            break;
        }
    }
    for (Py_ssize_t p = pos; p < end; p++) {
        Py_ssize_t q = stop_at(t, p, end);
        if (q < 0)
            continue;
        if (p > pos || phone_within(t, p, q))
            return p;
        /* the cue's own key (`Parts replaced: …`): the stop is the next one */
        for (p = q; p < end; p++)
            if (stop_at(t, p, end) >= 0)
                return p;
        return end;
    }
    return end;
}

/* ---- the values a cue claims ---- */

static inline int not_before_mobile(Py_UCS4 c) { return ascii_alnum(c) || c == '_' || c == '-'; }

static inline int mobile_end_ok(const Text *t, Py_ssize_t q, Py_ssize_t hi)
{
    Py_UCS4 c = at(t, q);
    return q >= hi || !(ascii_alnum(c) || c == '@' || c == '_' || c == '-');
}

static int digits_within(const Text *t, Py_ssize_t p, Py_ssize_t n, Py_ssize_t hi)
{
    for (Py_ssize_t k = 0; k < n; k++)
        if (p + k >= hi || !ascii_digit(at(t, p + k)))
            return 0;
    return 1;
}

/* _MOBILE at p, the string ending at hi: (?<![0-9A-Za-z_\-])(?:1[3-9]\d(?:([ \-]?)\d{4}\1
 * \d{4})|\d{17}[0-9X])(?![0-9A-Za-z@_\-]); the end, or -1. (The separator is taken where it
 * stands: without it the next \d would meet it.) */
static Py_ssize_t mobile_shape(const Text *t, Py_ssize_t p, Py_ssize_t hi)
{
    if (p > 0 && not_before_mobile(at(t, p - 1)))
        return -1;
    if (at(t, p) == '1' && at(t, p + 1) >= '3' && at(t, p + 1) <= '9' && digits_within(t, p, 3, hi)) {
        Py_ssize_t q = p + 3;
        Py_UCS4 sep = at(t, q) == ' ' || at(t, q) == '-' ? at(t, q) : 0;
        q += sep ? 1 : 0;
        if (digits_within(t, q, 4, hi)) {
            q += 4;
            if (!sep || (q < hi && at(t, q) == sep)) {
                q += sep ? 1 : 0;
                if (digits_within(t, q, 4, hi) && mobile_end_ok(t, q + 4, hi))
                    return q + 4;
            }
        }
    }
    if (digits_within(t, p, 17, hi) && p + 17 < hi
        && (ascii_digit(at(t, p + 17)) || at(t, p + 17) == 'X') && mobile_end_ok(t, p + 18, hi))
        return p + 18;
    return -1;
}

/* _QUAD at p, the string ending at hi: (?<![0-9A-Za-z.])\d{1,3}(?:\.\d{1,3}){3}
 * (?![0-9A-Za-z@]|\.\d); the end, or -1. A group of more than three digits never matches
 * (fewer leave a digit where a dot or the look-ahead must not see one). */
static Py_ssize_t quad_shape(const Text *t, Py_ssize_t p, Py_ssize_t hi)
{
    if (p > 0 && (ascii_alnum(at(t, p - 1)) || at(t, p - 1) == '.'))
        return -1;
    Py_ssize_t q = p;
    for (int group = 0; group < 4; group++) {
        if (group > 0) {
            if (q >= hi || at(t, q) != '.')
                return -1;
            q++;
        }
        Py_ssize_t run = 0;
        while (q + run < hi && ascii_digit(at(t, q + run)))
            run++;
        if (run < 1 || run > 3)
            return -1;
        q += run;
    }
    if (q < hi) {
        Py_UCS4 c = at(t, q);
        if (ascii_alnum(c) || c == '@')
            return -1;
        if (c == '.' && q + 1 < hi && ascii_digit(at(t, q + 1)))
            return -1;
    }
    return q;
}

/* _KEY_VALUE.match at pos (=["']?[^\s&,;"'<>]*): the end, or -1. */
static Py_ssize_t key_value(const Text *t, Py_ssize_t pos)
{
    if (at(t, pos) != '=' || pos >= t->len)
        return -1;
    Py_ssize_t q = pos + 1;
    if (q < t->len && (at(t, q) == '"' || at(t, q) == '\''))
        q++;
    while (q < t->len) {
        Py_UCS4 c = at(t, q);
        if (is_space(c) || c == '&' || c == ',' || c == ';' || c == '"' || c == '\'' || c == '<'
            || c == '>')
            break;
        q++;
    }
    return q;
}

/* The cue at pos (its words: en, then zh), then its claims. */
static PyObject *cue_at(PyObject *text, Text *t, Py_ssize_t pos, const Context *en, const Context *zh,
                        Py_ssize_t (*shape)(const Text *, Py_ssize_t, Py_ssize_t))
{
    if (claim_kind == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "_native.configure_cues() has not been called");
        return NULL;
    }
    if (pos < 0 || pos > t->len)
        return NO_MATCH;
    /* the cue, its \b, the stretch and the key words in it, with room to spare */
    if (folds_within(t, pos - 1, pos + window))
        return DEFERRED;
    Py_ssize_t e = bounded_word(t, pos, t->len, en);
    if (e < 0)
        e = plain_word(t, pos, t->len, zh);
    if (e < 0)
        return NO_MATCH;
    if ((at(t, e) == '-' || at(t, e) == '_') && e < t->len && ascii_alnum(at(t, e + 1)))
        return PyList_New(0); /* _CODE_TAIL: the cue begins a code of its own (SKU-2186…) */
    Py_ssize_t stop = key_value(t, e);
    if (stop < 0)
        stop = stretch(t, e);
    if (wide_digit_within(t, e, stop))
        return DEFERRED;
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t p = e;
    while (p < stop) {
        Py_ssize_t end = shape(t, p, stop);
        if (end < 0) {
            p++;
            continue;
        }
        PyObject *h = make_hit(claim_kind, text, p, end, 2.0, claim_validator);
        if (h == NULL || PyList_Append(out, h) < 0) {
            Py_XDECREF(h);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(h);
        p = end;
    }
    return out;
}

PyObject *part_cue_at(PyObject *text, Text *t, Py_ssize_t pos)
{
    return cue_at(text, t, pos, &lits[PART_EN], &lits[PART_ZH], mobile_shape);
}

PyObject *version_cue_at(PyObject *text, Text *t, Py_ssize_t pos)
{
    return cue_at(text, t, pos, &lits[VERSION_EN], &lits[VERSION_ZH], quad_shape);
}

/* ---- configuration ---- */

static Py_ssize_t longest_word(const Context *c)
{
    Py_ssize_t longest = 0;
    for (Py_ssize_t i = 0; i < c->n; i++)
        if (c->words[i].len > longest)
            longest = c->words[i].len;
    return longest;
}

PyObject *native_configure_cues(PyObject *self, PyObject *args, PyObject *kwargs)
{
    (void)self;
    static char *names[] = {"kind",    "validator", "reach",    "part_en", "part_zh",
                            "version_en", "version_zh", "phone_en", "phone_zh", NULL};
    PyObject *kind, *validator, *words[LITS_COUNT];
    Py_ssize_t span;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "UOnOOOOOO", names, &kind, &validator, &span,
                                     &words[PART_EN], &words[PART_ZH], &words[VERSION_EN],
                                     &words[VERSION_ZH], &words[PHONE_EN], &words[PHONE_ZH]))
        return NULL;
    if (span < 1) {
        PyErr_SetString(PyExc_ValueError, "reach must be positive");
        return NULL;
    }
    Context loaded[LITS_COUNT] = {{0}}; /* all or nothing: a refusal leaves the last words */
    for (int i = 0; i < LITS_COUNT; i++)
        if (load_context(&loaded[i], words[i]) < 0) {
            for (int j = 0; j <= i; j++)
                free_context(&loaded[j]);
            return NULL;
        }
    for (int i = 0; i < LITS_COUNT; i++) {
        free_context(&lits[i]);
        lits[i] = loaded[i];
    }
    reach = span;
    window = 0;
    for (int i = 0; i < LITS_COUNT; i++)
        if (longest_word(&lits[i]) + reach + 2 > window)
            window = longest_word(&lits[i]) + reach + 2;
    Py_XSETREF(claim_kind, Py_NewRef(kind));
    Py_XSETREF(claim_validator, Py_NewRef(validator));
    Py_RETURN_NONE;
}
