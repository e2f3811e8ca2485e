/* Compiled fast paths of the scanner's hottest rules (piiguard.scanner.detectors.native).
 *
 * Each function takes (text, pos) and does what the rule's exact pattern, matched at pos
 * with re.Pattern.match, and then its Python check do (numbers.py, formats.py), with the
 * same backtracking outcome, written out by hand for these patterns:
 *
 *   a Hit           the value is found and confirmed
 *   a list of Hits  for a rule with `many` hits (the look-alike cues, _cues.c; the English
 *                   field keys, _keys.c)
 *   None            the pattern matches at pos but the check rejects the value
 *   False           the pattern does not match at pos
 *   NotImplemented  the text holds something the hand-written matcher does not model (a
 *                   non-ASCII decimal digit where the pattern has \d, a character that
 *                   IGNORECASE folds to an ASCII letter in a context window, an unknown
 *                   mobile range): the caller runs the Python rule instead
 *
 * Optional: when the compiler or headers are missing the build skips this module and the
 * engine runs the Python rules (tests/scanner/test_native.py compares both).
 */
/* native.py uses the module only when this matches its own NATIVE_VERSION: bump both when
 * a function's contract changes, so that a stale build is never used. */
#define NATIVE_VERSION 14
#include "_native.h"
#include <math.h>

enum {
    CTX_PHONE,
    CTX_BANK,
    CTX_CREDIT,
    CTX_IP,
    CTX_VERSION,
    CTX_COORD,
    CTX_ZH_SUFFIX,
    CTX_ZH_LABEL,
    CTX_ZH_FOLLOW,
    CTX_CARD,
    CTX_COUNT
};
static Context contexts[CTX_COUNT];

static PyTypeObject *hit_type = NULL;
static PyObject *v_checksum = NULL, *v_format = NULL, *v_context = NULL;
static PyObject *mobile_table = NULL;   /* bytearray, 100000: 0 unknown, 1 allocated, 2 not */
static PyObject *file_suffixes = NULL;  /* frozenset of lower-case e-mail suffixes to drop */
static unsigned char provinces[100];    /* resident ID province codes */
static PyObject *s_phone, *s_email, *s_ip, *s_rid, *s_bank, *s_credit;


/* \d: ASCII digits here; any other decimal digit defers to Python. */
static inline int dig(Text *t, Py_ssize_t i)
{
    Py_UCS4 c = at(t, i);
    if (c >= '0' && c <= '9')
        return 1;
    if (c > 127 && Py_UNICODE_ISDECIMAL(c))
        t->defer = 1;
    return 0;
}


static void scan_folds(Text *t, Py_ssize_t lo, Py_ssize_t hi)
{
    if (t->kind == PyUnicode_1BYTE_KIND)
        return; /* all four are above U+00FF */
    for (Py_ssize_t i = lo > 0 ? lo - 1 : 0; i < hi + 1 && i < t->len; i++)
        if (folds_to_ascii(at(t, i))) {
            t->defer = 1;
            return;
        }
}

static inline int word_at(const Text *t, Py_ssize_t p, const Word *w)
{
    for (Py_ssize_t k = 0; k < w->len; k++)
        if (lower(at(t, p + k)) != w->chars[k])
            return 0;
    return 1;
}

/* context.search(text, lo, hi) is not None, for an alternation of literal words compiled with
 * rule.words(): a match lies in [lo, hi); look-behinds see before lo; hi ends the string. */
static int near(Text *t, const Context *c, Py_ssize_t lo, Py_ssize_t hi)
{
    if (lo < 0)
        lo = 0;
    if (hi > t->len)
        hi = t->len;
    scan_folds(t, lo, hi);
    for (Py_ssize_t p = lo; p < hi; p++) {
        Py_UCS4 first = lower(at(t, p));
        for (Py_ssize_t j = 0; j < c->n; j++) {
            const Word *w = &c->words[j];
            if (w->chars[0] != first || p + w->len > hi || !word_at(t, p, w))
                continue;
            if (w->lead && p > 0 && word_char(at(t, p - 1)))
                continue;
            if (w->trail && p + w->len < hi && word_char(at(t, p + w->len)))
                continue;
            return 1;
        }
    }
    return 0;
}

/* A version word (formats.VERSION_CONTEXT) ending exactly at q, starting at lo or later. */
static int version_word_ends(Text *t, Py_ssize_t lo, Py_ssize_t q)
{
    const Context *c = &contexts[CTX_VERSION];
    for (Py_ssize_t j = 0; j < c->n; j++) {
        const Word *w = &c->words[j];
        Py_ssize_t p = q - w->len;
        if (p < lo || !word_at(t, p, w))
            continue;
        if (w->lead && p > 0 && word_char(at(t, p - 1)))
            continue;
        return 1;
    }
    /* [A-Za-z]/ */
    if (q - 2 >= lo && at(t, q - 1) == '/' && ascii_alpha(at(t, q - 2)))
        return 1;
    return 0;
}

/* VERSION_CONTEXT.search(text, lo, hi): a version word, then \s*[:：]?\s* up to hi. */
static int version_before(Text *t, Py_ssize_t lo, Py_ssize_t hi)
{
    if (lo < 0)
        lo = 0;
    scan_folds(t, lo, hi);
    Py_ssize_t q = hi;
    while (q > lo && Py_UNICODE_ISSPACE(at(t, q - 1)))
        q--;
    if (version_word_ends(t, lo, q))
        return 1;
    if (q > lo && (at(t, q - 1) == ':' || at(t, q - 1) == 0xFF1A)) {
        q--;
        while (q > lo && Py_UNICODE_ISSPACE(at(t, q - 1)))
            q--;
        return version_word_ends(t, lo, q);
    }
    return 0;
}

PyObject *make_hit(PyObject *kind, PyObject *text, Py_ssize_t s, Py_ssize_t e,
                   double confidence, PyObject *validator)
{
    PyObject *start = PyLong_FromSsize_t(s);
    PyObject *end = PyLong_FromSsize_t(e);
    PyObject *value = PyUnicode_Substring(text, s, e);
    PyObject *conf = PyFloat_FromDouble(confidence);
    PyObject *hit = NULL;
    if (start && end && value && conf)
        hit = hit_type->tp_alloc(hit_type, 6);
    if (hit == NULL) {
        Py_XDECREF(start);
        Py_XDECREF(end);
        Py_XDECREF(value);
        Py_XDECREF(conf);
        return NULL;
    }
    PyTuple_SET_ITEM(hit, 0, Py_NewRef(kind));
    PyTuple_SET_ITEM(hit, 1, start);
    PyTuple_SET_ITEM(hit, 2, end);
    PyTuple_SET_ITEM(hit, 3, value);
    PyTuple_SET_ITEM(hit, 4, conf);
    PyTuple_SET_ITEM(hit, 5, Py_NewRef(validator));
    return hit;
}


/* fast(text, pos) runs the rule with its value starting at pos; fast(text, start, True) takes
 * a Hyperscan start of a `lead` rule (the character before the value, or the value itself at
 * the start of the text) as the engine's Python path does: the value at start + 1, and at
 * start 0 the value at 0, else at 1. */
static PyObject *call_rule(RuleAt rule, PyObject *const *args, Py_ssize_t nargs)
{
    if (hit_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "_native.configure() has not been called");
        return NULL;
    }
    if (nargs < 2 || nargs > 3 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "expected (text: str, pos: int, lead: bool = False)");
        return NULL;
    }
    PyObject *text = args[0];
    Py_ssize_t pos = PyLong_AsSsize_t(args[1]);
    if (pos == -1 && PyErr_Occurred())
        return NULL;
    int lead = nargs == 3 ? PyObject_IsTrue(args[2]) : 0;
    if (lead < 0)
        return NULL;
    Text t;
    t.kind = PyUnicode_KIND(text);
    t.data = PyUnicode_DATA(text);
    t.len = PyUnicode_GET_LENGTH(text);
    t.defer = 0;
    if (!lead)
        return rule(text, &t, pos);
    if (pos > 0)
        return rule(text, &t, pos + 1);
    PyObject *first = rule(text, &t, 0);
    if (first != Py_False)
        return first;
    Py_DECREF(first);
    return rule(text, &t, 1);
}

/* ---- dates and checksums (checks.py) ---- */

int valid_date(long y, long m, long d)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1)
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

static inline long num(const Text *t, Py_ssize_t p, int n)
{
    long v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (long)(at(t, p + i) - '0');
    return v;
}

/* RESIDENT_ID_18.fullmatch / match at p (without the boundaries): 18 characters. */
static int rid18_shape(const Py_UCS4 *c)
{
    for (int i = 0; i < 17; i++)
        if (!ascii_digit(c[i]))
            return 0;
    if (!(ascii_digit(c[17]) || c[17] == 'X' || c[17] == 'x') || c[0] == '0')
        return 0;
    int century = (c[6] - '0') * 10 + (c[7] - '0');
    int month = (c[10] - '0') * 10 + (c[11] - '0');
    int day = (c[12] - '0') * 10 + (c[13] - '0');
    return (century >= 18 && century <= 20) && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/* checks.resident_id_18 on an 18-character shape. */
static int rid18_valid(const Py_UCS4 *c)
{
    static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char check[] = "10X98765432";
    if (!provinces[(c[0] - '0') * 10 + (c[1] - '0')])
        return 0;
    long year = 0, month, day;
    for (int i = 6; i < 10; i++)
        year = year * 10 + (c[i] - '0');
    month = (c[10] - '0') * 10 + (c[11] - '0');
    day = (c[12] - '0') * 10 + (c[13] - '0');
    if (!valid_date(year, month, day))
        return 0;
    int total = 0;
    for (int i = 0; i < 17; i++)
        total += (int)(c[i] - '0') * weights[i];
    Py_UCS4 last = c[17] == 'x' ? 'X' : c[17];
    return (Py_UCS4)check[total % 11] == last;
}

static int luhn(const Py_UCS4 *d, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++) {
        int v = (int)(d[n - 1 - i] - '0');
        if (i % 2) {
            v *= 2;
            if (v > 9)
                v -= 9;
        }
        total += v;
    }
    return total % 10 == 0;
}

enum { ISSUER_NONE, ISSUER_OTHER, ISSUER_UNIONPAY };

static int card_issuer(const Py_UCS4 *d, int n)
{
    long p2 = (d[0] - '0') * 10 + (d[1] - '0');
    long p3 = p2 * 10 + (d[2] - '0');
    long p4 = p3 * 10 + (d[3] - '0');
    if (d[0] == '4' && (n == 13 || n == 16 || n == 19))
        return ISSUER_OTHER; /* visa */
    if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n == 16)
        return ISSUER_OTHER; /* mastercard */
    if ((p2 == 34 || p2 == 37) && n == 15)
        return ISSUER_OTHER; /* amex */
    if (p2 == 62 && n >= 16 && n <= 19)
        return ISSUER_UNIONPAY;
    if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19)
        return ISSUER_OTHER; /* jcb */
    if ((p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649)) && n >= 16 && n <= 19)
        return ISSUER_OTHER; /* discover */
    if ((p2 == 36 || p2 == 38 || (p3 >= 300 && p3 <= 305)) && (n == 14 || n == 16))
        return ISSUER_OTHER; /* diners */
    return ISSUER_NONE;
}

/* ---- rules ---- */

static Py_ssize_t digit_run(Text *t, Py_ssize_t p, Py_ssize_t limit)
{
    Py_ssize_t n = 0;
    while (n < limit && dig(t, p + n))
        n++;
    return n;
}

/* CARD's (?![0-9A-Za-z]|[.-]\d) at p. */
static int card_after(Text *t, Py_ssize_t p)
{
    Py_UCS4 c = at(t, p);
    if (ascii_alnum(c))
        return 0;
    return !((c == '.' || c == '-') && dig(t, p + 1));
}

/* numbers.CARD matched at pos: the end, or -1. */
static Py_ssize_t card_match(Text *t, Py_ssize_t pos)
{
    Py_UCS4 b = at(t, pos - 1);
    if (pos > 0 && (ascii_alnum(b) || b == '.' || b == '-'))
        return -1;
    Py_ssize_t n = digit_run(t, pos, 20);
    /* \d{13,19} */
    if (n >= 13 && n <= 19 && card_after(t, pos + n))
        return pos + n;
    /* \d{4}(?P<s>[ -])\d{4}(?P=s)\d{4}(?P=s)\d{4}(?:(?P=s)\d{1,3})? */
    if (n == 4) {
        Py_UCS4 s = at(t, pos + 4);
        if ((s == ' ' || s == '-') && digit_run(t, pos + 5, 5) == 4 && at(t, pos + 9) == s
            && digit_run(t, pos + 10, 5) == 4 && at(t, pos + 14) == s
            && digit_run(t, pos + 15, 4) == 4) {
            Py_ssize_t p = pos + 19;
            if (at(t, p) == s) {
                Py_ssize_t r = digit_run(t, p + 1, 4);
                if (r >= 1 && r <= 3 && card_after(t, p + 1 + r))
                    return p + 1 + r;
            }
            if (card_after(t, p))
                return p;
        }
    }
    /* 3[47]\d{2}(?P<a>[ -])(?:\d{6}(?P=a)\d{5}|\d{4}(?P=a)\d{4}(?P=a)\d{3}) */
    if (n == 4 && at(t, pos) == '3' && (at(t, pos + 1) == '4' || at(t, pos + 1) == '7')) {
        Py_UCS4 s = at(t, pos + 4);
        if ((s == ' ' || s == '-') && digit_run(t, pos + 5, 7) == 6 && at(t, pos + 11) == s
            && digit_run(t, pos + 12, 6) == 5 && card_after(t, pos + 17))
            return pos + 17;
        if ((s == ' ' || s == '-') && digit_run(t, pos + 5, 5) == 4 && at(t, pos + 9) == s
            && digit_run(t, pos + 10, 5) == 4 && at(t, pos + 14) == s
            && digit_run(t, pos + 15, 4) == 3 && card_after(t, pos + 18))
            return pos + 18;
    }
    return -1;
}

static PyObject *card_at(PyObject *text, Text *tp, Py_ssize_t pos)
{
    Text t = *tp;
    Py_ssize_t end = card_match(&t, pos);
    if (t.defer)
        return DEFERRED;
    if (end < 0)
        return NO_MATCH;
    Py_UCS4 d[20];
    int n = 0;
    for (Py_ssize_t i = pos; i < end; i++) {
        Py_UCS4 c = at(&t, i);
        if (c != ' ' && c != '-')
            d[n++] = c;
    }
    if (!luhn(d, n))
        return REJECTED;
    int issuer = card_issuer(d, n);
    if (issuer == ISSUER_NONE)
        return REJECTED;
    Py_ssize_t lo = pos > 24 ? pos - 24 : 0;
    int bank = near(&t, &contexts[CTX_BANK], lo, pos);
    int credit = near(&t, &contexts[CTX_CREDIT], lo, pos);
    if (t.defer)
        return DEFERRED;
    if (n == 18 && !(bank || credit) && rid18_shape(d))
        return REJECTED;
    /* a card number's label naming no kind (numbers.CARD_WORDS): a bank card, unless credit */
    int labelled = !credit && near(&t, &contexts[CTX_CARD], lo, pos);
    if (t.defer)
        return DEFERRED;
    int is_bank = bank || labelled || (!credit && issuer == ISSUER_UNIONPAY && n >= 17);
    return make_hit(is_bank ? s_bank : s_credit, text, pos, end, 0.95, v_checksum);
}

static PyObject *resident_id_18_at(PyObject *text, Text *tp, Py_ssize_t pos)
{
    Text t = *tp;
    if (pos > 0 && ascii_alnum(at(&t, pos - 1)))
        return NO_MATCH;
    Py_UCS4 c[18];
    for (int i = 0; i < 17; i++) {
        if (!dig(&t, pos + i))
            return t.defer ? DEFERRED : NO_MATCH;
        c[i] = at(&t, pos + i);
    }
    c[17] = at(&t, pos + 17);
    if (!(ascii_digit(c[17]) || c[17] == 'X' || c[17] == 'x'))
        return NO_MATCH;
    if (!rid18_shape(c) || ascii_alnum(at(&t, pos + 18)))
        return NO_MATCH;
    if (!rid18_valid(c))
        return REJECTED;
    return make_hit(s_rid, text, pos, pos + 18, 0.99, v_checksum);
}

static PyObject *mobile_at(PyObject *text, Text *tp, Py_ssize_t pos)
{
    Text t = *tp;
    Py_UCS4 b = at(&t, pos - 1);
    if (pos > 0 && (ascii_alnum(b) || b == '+'))
        return NO_MATCH;
    Py_ssize_t q = pos;
    int prefixed = 0;
    if (at(&t, q) == '+' && at(&t, q + 1) == '8' && at(&t, q + 2) == '6') {
        q += 3;
        prefixed = 1;
    } else if (at(&t, q) == '0' && at(&t, q + 1) == '0' && at(&t, q + 2) == '8'
               && at(&t, q + 3) == '6') {
        q += 4;
        prefixed = 1;
    } else if (at(&t, q) == '(') {
        Py_ssize_t r = q + 1;
        if (at(&t, r) == '+')
            r++;
        if (at(&t, r) == '8' && at(&t, r + 1) == '6' && at(&t, r + 2) == ')') {
            q = r + 3;
            prefixed = 1;
        }
    }
    if (prefixed && (at(&t, q) == ' ' || at(&t, q) == '-'))
        q++;
    if (!(at(&t, q) == '1' && at(&t, q + 1) >= '3' && at(&t, q + 1) <= '9' && dig(&t, q + 2)))
        return t.defer ? DEFERRED : NO_MATCH;
    Py_UCS4 sep = at(&t, q + 3);
    Py_ssize_t r = q + 3;
    if (sep == ' ' || sep == '-')
        r++;
    else
        sep = 0;
    if (digit_run(&t, r, 4) != 4)
        return t.defer ? DEFERRED : NO_MATCH;
    /* 3-4-4 with the same separator, or 3-8 with a space (139 12345678; 139-12345678 is an
     * air waybill's prefix and serial) */
    Py_ssize_t r2 = (sep && at(&t, r + 4) == sep) ? r + 5 : r + 4;
    if (sep == '-' && r2 == r + 4)
        return t.defer ? DEFERRED : NO_MATCH;
    if (digit_run(&t, r2, 4) != 4)
        return t.defer ? DEFERRED : NO_MATCH;
    Py_ssize_t end = r2 + 4;
    if (ascii_alnum(at(&t, end)))
        return NO_MATCH;
    long prefix = num(&t, q, 3) * 100 + num(&t, r, 2);
    const char *table = PyByteArray_AS_STRING(mobile_table);
    if (table[prefix] == 0)
        return DEFERRED;
    if (table[prefix] != 1)
        return REJECTED;
    int context = near(&t, &contexts[CTX_PHONE], pos > 16 ? pos - 16 : 0, pos);
    if (t.defer)
        return DEFERRED;
    return make_hit(s_phone, text, pos, end, context ? 0.97 : 0.9, v_format);
}

/* formats.agent_line_before: AGENT_KEY (x-mailer|user[-_]?agent)["']?[ \t]*[:=][^=,\n]*$ on
 * the line before pos (at most 200 characters back). */
static int agent_line_before(Text *t, Py_ssize_t pos)
{
    static const char *const keys[] = {"x-mailer", "user-agent", "user_agent", "useragent", NULL};
    Py_ssize_t lo = pos > 200 ? pos - 200 : 0, a = pos;
    while (a > lo && at(t, a - 1) != '\n')
        a--;
    scan_folds(t, a, pos);
    for (Py_ssize_t p = a; p < pos; p++)
        for (int k = 0; keys[k]; k++) {
            Py_ssize_t n = 0;
            while (keys[k][n] && p + n < pos
                   && lower(at(t, p + n)) == (Py_UCS4)(unsigned char)keys[k][n])
                n++;
            if (keys[k][n])
                continue;
            Py_ssize_t q = p + n;
            if (q < pos && (at(t, q) == '"' || at(t, q) == '\''))
                q++;
            while (q < pos && (at(t, q) == ' ' || at(t, q) == '\t'))
                q++;
            if (!(q < pos && (at(t, q) == ':' || at(t, q) == '=')))
                continue;
            while (++q < pos && at(t, q) != '=' && at(t, q) != ',')
                ;
            if (q == pos)
                return 1;
        }
    return 0;
}

static PyObject *ipv4_at(PyObject *text, Text *tp, Py_ssize_t pos)
{
    Text t = *tp;
    Py_UCS4 b = at(&t, pos - 1);
    if (pos > 0 && (ascii_alnum(b) || b == '.'))
        return NO_MATCH;
    Py_ssize_t p = pos;
    long octets[4];
    int valid = 1;
    for (int g = 0; g < 4; g++) {
        Py_ssize_t n = digit_run(&t, p, 4);
        if (n < 1 || n > 3)
            return t.defer ? DEFERRED : NO_MATCH;
        octets[g] = num(&t, p, (int)n);
        if (octets[g] > 255 || (n > 1 && at(&t, p) == '0'))
            valid = 0;
        p += n;
        if (g < 3) {
            if (at(&t, p) != '.')
                return t.defer ? DEFERRED : NO_MATCH;
            p++;
        }
    }
    Py_UCS4 c = at(&t, p);
    if (ascii_alnum(c))
        return t.defer ? DEFERRED : NO_MATCH;
    if (c == '.' && dig(&t, p + 1))
        return NO_MATCH;
    if (t.defer)
        return DEFERRED;
    int zeros = 1, full = 1;
    for (int g = 0; g < 4; g++) {
        zeros &= octets[g] == 0;
        full &= octets[g] == 255;
    }
    if (!valid || zeros || full)
        return REJECTED;
    if (version_before(&t, pos > 16 ? pos - 16 : 0, pos)) {
        if (t.defer)
            return DEFERRED;
        return REJECTED;
    }
    if (agent_line_before(&t, pos))
        return t.defer ? DEFERRED : REJECTED;
    int context = near(&t, &contexts[CTX_IP], pos > 20 ? pos - 20 : 0, pos);
    if (t.defer)
        return DEFERRED;
    return make_hit(s_ip, text, pos, p, context ? 0.97 : 0.9, v_format);
}

static inline int email_local(Py_UCS4 c)
{
    return ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

static inline int label_char(Py_UCS4 c) { return ascii_alnum(c) || c == '-'; }

/* [A-Za-z]{2,24}(?![A-Za-z0-9-]) at p: the end, or -1. */
static Py_ssize_t email_tld(const Text *t, Py_ssize_t p)
{
    Py_ssize_t n = 0;
    while (n < 25 && ascii_alpha(at(t, p + n)))
        n++;
    if (n < 2 || n > 24 || label_char(at(t, p + n)))
        return -1;
    return p + n;
}

static PyObject *email_at(PyObject *text, Text *tp, Py_ssize_t pos)
{
    Text t = *tp;
    if (pos > 0 && email_local(at(&t, pos - 1)))
        return NO_MATCH;
    Py_ssize_t n = 0;
    while (n < 65 && email_local(at(&t, pos + n)))
        n++;
    if (n < 1 || n > 64 || at(&t, pos + n) != '@')
        return NO_MATCH;
    Py_ssize_t at_sign = pos + n;
    /* (?:label\.)+ greedy, then the TLD, backing off one label at a time. */
    Py_ssize_t starts[64];
    int labels = 0;
    Py_ssize_t p = at_sign + 1;
    while (labels < 63) {
        Py_ssize_t k = 0;
        while (k < 64 && label_char(at(&t, p + k)))
            k++;
        if (k < 1 || k > 63 || at(&t, p + k) != '.' || at(&t, p) == '-'
            || at(&t, p + k - 1) == '-')
            break;
        p += k + 1;
        starts[labels++] = p; /* where the next part (label or TLD) begins */
    }
    if (labels == 63)
        return DEFERRED; /* more labels than this matcher follows */
    Py_ssize_t end = -1;
    for (int j = labels - 1; j >= 0 && end < 0; j--)
        end = email_tld(&t, starts[j]);
    if (end < 0)
        return NO_MATCH;
    /* formats._email */
    Py_UCS4 first = at(&t, pos), before_at = at(&t, at_sign - 1);
    if (first == '.' || before_at == '.')
        return REJECTED;
    for (Py_ssize_t i = pos; i + 1 < at_sign; i++)
        if (at(&t, i) == '.' && at(&t, i + 1) == '.')
            return REJECTED;
    Py_ssize_t dot = end - 1;
    while (at(&t, dot) != '.')
        dot--;
    char suffix[32];
    Py_ssize_t len = end - dot - 1;
    for (Py_ssize_t i = 0; i < len; i++)
        suffix[i] = (char)lower(at(&t, dot + 1 + i));
    PyObject *key = PyUnicode_FromStringAndSize(suffix, len);
    if (key == NULL)
        return NULL;
    int dropped = PySet_Contains(file_suffixes, key);
    Py_DECREF(key);
    if (dropped < 0)
        return NULL;
    if (dropped)
        return REJECTED;
    return make_hit(s_email, text, pos, end, 0.95, v_format);
}


/* ---- IBAN (numbers.IBAN + _iban, checks.iban) ---- */

static PyObject *iban_classes = NULL; /* dict: country -> BBAN classes ("n", "a", "c") or None */
static PyObject *s_iban;

static inline int iban_char(Py_UCS4 c) { return upper_alpha(c) || ascii_digit(c); }

/* checks.iban of the compact upper-case number: 1 valid, 0 not, -1 defer, -2 error. */
static int iban_valid(const Py_UCS4 *c, int n)
{
    int mod = 0;
    for (int k = 0; k < n; k++) {
        Py_UCS4 ch = c[(k + 4) % n];
        if (ascii_digit(ch))
            mod = (mod * 10 + (int)(ch - '0')) % 97;
        else
            mod = (mod * 100 + (int)(ch - 'A' + 10)) % 97;
    }
    if (mod != 1)
        return 0;
    char cc[2] = {(char)c[0], (char)c[1]};
    PyObject *key = PyUnicode_FromStringAndSize(cc, 2);
    if (key == NULL)
        return -2;
    PyObject *classes = PyDict_GetItemWithError(iban_classes, key);
    Py_DECREF(key);
    if (classes == NULL)
        return PyErr_Occurred() ? -2 : -1;
    if (classes == Py_None || !PyUnicode_Check(classes))
        return -1; /* python-stdnum checks more for this country */
    Py_ssize_t len = PyUnicode_GET_LENGTH(classes);
    if (len != n - 4)
        return 0;
    for (Py_ssize_t k = 0; k < len; k++) {
        Py_UCS4 kind = PyUnicode_READ_CHAR(classes, k), ch = c[4 + k];
        if ((kind == 'n' && !ascii_digit(ch)) || (kind == 'a' && !upper_alpha(ch)))
            return 0;
    }
    return 1;
}

static PyObject *iban_at(PyObject *text, Text *tp, Py_ssize_t pos)
{
    Text t = *tp;
    if (pos > 0 && ascii_alnum(at(&t, pos - 1)))
        return NO_MATCH;
    if (!(upper_alpha(at(&t, pos)) && upper_alpha(at(&t, pos + 1)) && dig(&t, pos + 2)
          && dig(&t, pos + 3)))
        return t.defer ? DEFERRED : NO_MATCH;
    /* (?:[ ]?[A-Z0-9]{4}){2,7}: each group takes the space before it when there is one */
    Py_ssize_t ends[8];
    int groups = 0;
    ends[0] = pos + 4;
    while (groups < 7) {
        Py_ssize_t q = ends[groups] + (at(&t, ends[groups]) == ' ');
        if (!(iban_char(at(&t, q)) && iban_char(at(&t, q + 1)) && iban_char(at(&t, q + 2))
              && iban_char(at(&t, q + 3))))
            break;
        ends[++groups] = q + 4;
    }
    Py_ssize_t end = -1;
    for (int g = groups; g >= 2 && end < 0; g--) {
        Py_ssize_t e = ends[g], ts = e + (at(&t, e) == ' ');
        int r = 0;
        while (r < 4 && iban_char(at(&t, ts + r)))
            r++;
        if (r >= 1 && r <= 3 && !ascii_alnum(at(&t, ts + r)))
            end = ts + r;
        else if (!ascii_alnum(at(&t, e)))
            end = e;
    }
    if (end < 0)
        return NO_MATCH;
    /* _iban: the whole match, then shorter at each space from the end */
    Py_ssize_t len = end - pos;
    for (Py_ssize_t cut = len; cut > 0; cut--) {
        if (cut != len && (cut <= 14 || at(&t, pos + cut) != ' '))
            continue;
        Py_UCS4 c[64];
        int n = 0;
        for (Py_ssize_t i = pos; i < pos + cut; i++)
            if (at(&t, i) != ' ')
                c[n++] = at(&t, i);
        int valid = iban_valid(c, n);
        if (valid == -2)
            return NULL;
        if (valid == -1)
            return DEFERRED;
        if (valid)
            return make_hit(s_iban, text, pos, pos + cut, 0.97, v_checksum);
    }
    return REJECTED;
}

/* ---- IPv6 (formats.IPV6 + _ipv6, ipaddress.IPv6Address) ---- */

static inline int hex_char(Py_UCS4 c)
{
    return ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* \d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![0-9A-Za-z:]) at p: the end, or -1. */
static Py_ssize_t ipv4_tail(Text *t, Py_ssize_t p)
{
    for (int g = 0; g < 4; g++) {
        Py_ssize_t n = digit_run(t, p, 4);
        if (n < 1 || n > 3)
            return -1;
        p += n;
        if (g < 3) {
            if (at(t, p) != '.')
                return -1;
            p++;
        }
    }
    Py_UCS4 c = at(t, p);
    return (ascii_alnum(c) || c == ':') ? -1 : p;
}

/* ipaddress.IPv4Address(s) does not raise. */
static int ipv4_strict(const Py_UCS4 *s, Py_ssize_t n)
{
    int octets = 0;
    Py_ssize_t i = 0;
    while (1) {
        Py_ssize_t j = i;
        while (j < n && s[j] != '.')
            j++;
        Py_ssize_t len = j - i;
        if (len < 1 || len > 3)
            return 0;
        long v = 0;
        for (Py_ssize_t k = i; k < j; k++) {
            if (!ascii_digit(s[k]))
                return 0;
            v = v * 10 + (long)(s[k] - '0');
        }
        if ((len > 1 && s[i] == '0') || v > 255)
            return 0;
        octets++;
        if (j == n)
            break;
        i = j + 1;
    }
    return octets == 4;
}

/* ipaddress.IPv6Address(s) does not raise, for s of hex digits, colons and dots. */
static int ipv6_valid(const Py_UCS4 *s, Py_ssize_t n)
{
    Py_ssize_t starts[48], lens[48];
    int parts = 0;
    Py_ssize_t i = 0;
    while (1) {
        Py_ssize_t j = i;
        while (j < n && s[j] != ':')
            j++;
        if (parts == 46)
            return 0;
        starts[parts] = i;
        lens[parts++] = j - i;
        if (j == n)
            break;
        i = j + 1;
    }
    if (parts < 3)
        return 0;
    int hextets = parts;
    int tail = 0;
    for (Py_ssize_t k = 0; k < lens[parts - 1]; k++)
        if (s[starts[parts - 1] + k] == '.')
            tail = 1;
    if (tail) {
        if (!ipv4_strict(s + starts[parts - 1], lens[parts - 1]))
            return 0;
        hextets = parts + 1; /* the IPv4 part becomes two valid hextets */
    }
    if (hextets > 9)
        return 0;
    /* lens of the hextet list: the IPv4 part stands for two non-empty ones */
#define HLEN(k) ((tail && (k) >= parts - 1) ? 1 : lens[(k)])
    int skip = -1;
    for (int k = 1; k < hextets - 1; k++)
        if (HLEN(k) == 0) {
            if (skip >= 0)
                return 0;
            skip = k;
        }
    int hi, lo;
    if (skip >= 0) {
        hi = skip;
        lo = hextets - skip - 1;
        if (HLEN(0) == 0 && --hi)
            return 0;
        if (HLEN(hextets - 1) == 0 && --lo)
            return 0;
        if (8 - (hi + lo) < 1)
            return 0;
    } else {
        if (hextets != 8 || HLEN(0) == 0 || HLEN(hextets - 1) == 0)
            return 0;
        hi = hextets;
        lo = 0;
    }
    for (int k = 0; k < hextets; k++) {
        if (!(k < hi || k >= hextets - lo))
            continue;
        if (tail && k >= parts - 1)
            continue;
        if (lens[k] < 1 || lens[k] > 4)
            return 0;
        for (Py_ssize_t m = 0; m < lens[k]; m++)
            if (!hex_char(s[starts[k] + m]))
                return 0;
    }
#undef HLEN
    return 1;
}

static PyObject *ipv6_at(PyObject *text, Text *tp, Py_ssize_t pos)
{
    Text t = *tp;
    Py_UCS4 b = at(&t, pos - 1);
    if (pos > 0 && (ascii_alnum(b) || b == ':' || b == '.'))
        return NO_MATCH;
    /* (?=[0-9A-Fa-f]*:[0-9A-Fa-f]*:) */
    Py_ssize_t i = pos;
    while (hex_char(at(&t, i)))
        i++;
    if (at(&t, i++) != ':')
        return NO_MATCH;
    while (hex_char(at(&t, i)))
        i++;
    if (at(&t, i) != ':')
        return NO_MATCH;
    Py_ssize_t run = 0;
    while (run < 40 && (hex_char(at(&t, pos + run)) || at(&t, pos + run) == ':'))
        run++;
    Py_ssize_t end = -1;
    for (Py_ssize_t k = run < 39 ? run : 39; k >= 2 && end < 0; k--) {
        Py_ssize_t e = pos + k;
        end = ipv4_tail(&t, e);
        if (end < 0 && !(ascii_alnum(at(&t, e)) || at(&t, e) == ':'))
            end = e;
    }
    if (t.defer)
        return DEFERRED;
    if (end < 0)
        return NO_MATCH;
    Py_UCS4 s[64];
    Py_ssize_t n = end - pos, colons = 0, dots = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        s[k] = at(&t, pos + k);
        colons += s[k] == ':';
        dots += s[k] == '.';
    }
    if (colons < 2 || n - colons - dots < 3 || !ipv6_valid(s, n))
        return REJECTED;
    return make_hit(s_ip, text, pos, end, 0.95, v_format);
}


/* ---- coordinates (formats.COORDINATES + _coordinates) ---- */

static PyObject *s_coordinates;

/* [-+]?\d{lo,hi}\.\d{4,8} at p, where what may follow the fraction cannot be a digit (the
 * pattern's later elements): the end, or -1; the number into *value. */
static Py_ssize_t decimal(Text *t, Py_ssize_t p, int int_max, double *value)
{
    char buf[32];
    int n = 0;
    Py_ssize_t q = p;
    if (at(t, q) == '-' || at(t, q) == '+')
        buf[n++] = (char)at(t, q++);
    Py_ssize_t r = digit_run(t, q, int_max + 1);
    if (r < 1 || r > int_max || at(t, q + r) != '.')
        return -1;
    Py_ssize_t f = digit_run(t, q + r + 1, 9);
    if (f < 4 || f > 8)
        return -1;
    for (Py_ssize_t i = q; i < q + r + 1 + f; i++)
        buf[n++] = (char)at(t, i);
    buf[n] = 0;
    *value = PyOS_string_to_double(buf, NULL, NULL);
    return q + r + 1 + f;
}

/* (?:[XY] ?)? at p: where it may end, in the order the pattern tries them. */
static int letter_then_space(const Text *t, Py_ssize_t p, Py_UCS4 x, Py_UCS4 y, Py_ssize_t *out)
{
    int n = 0;
    if (at(t, p) == x || at(t, p) == y) {
        if (at(t, p + 1) == ' ')
            out[n++] = p + 2;
        out[n++] = p + 1;
    }
    out[n++] = p;
    return n;
}

/* (?: ?[XY])? at p: where it may end, in the order the pattern tries them. */
static int space_then_letter(const Text *t, Py_ssize_t p, Py_UCS4 x, Py_UCS4 y, Py_ssize_t *out)
{
    int n = 0;
    if (at(t, p) == ' ' && (at(t, p + 1) == x || at(t, p + 1) == y))
        out[n++] = p + 2;
    if (at(t, p) == x || at(t, p) == y)
        out[n++] = p + 1;
    out[n++] = p;
    return n;
}

static PyObject *coordinates_at(PyObject *text, Text *tp, Py_ssize_t pos)
{
    Text t = *tp;
    if (pos > 0 && ascii_alnum(at(&t, pos - 1)))
        return NO_MATCH;
    if (pos > 1 && at(&t, pos - 1) == '.' && dig(&t, pos - 2))
        return NO_MATCH;
    if (t.defer)
        return DEFERRED;
    /* (?P<ns1>[NS] ?)? */
    Py_ssize_t ns1[3];
    int n_ns1 = letter_then_space(&t, pos, 'N', 'S', ns1);
    for (int a = 0; a < n_ns1; a++) {
        double lat, lon;
        Py_ssize_t p = decimal(&t, ns1[a], 2, &lat);
        if (p < 0)
            continue;
        if (at(&t, p) == 0xB0) /* °? (taking it is the only way on) */
            p++;
        /* (?P<ns2> ?[NS])? */
        Py_ssize_t ns2[3];
        int n_ns2 = space_then_letter(&t, p, 'N', 'S', ns2);
        for (int b = 0; b < n_ns2; b++) {
            Py_ssize_t w1 = 0;
            while (Py_UNICODE_ISSPACE(at(&t, ns2[b] + w1)))
                w1++;
            for (Py_ssize_t i = ns2[b] + w1; i >= ns2[b]; i--) { /* \s* */
                Py_UCS4 sep = at(&t, i);
                if (!(sep == ',' || sep == 0xFF0C || sep == '/' || sep == ';' || sep == ' '))
                    continue;
                Py_ssize_t w2 = 0;
                while (Py_UNICODE_ISSPACE(at(&t, i + 1 + w2)))
                    w2++;
                for (Py_ssize_t j = i + 1 + w2; j >= i + 1; j--) { /* \s* */
                    Py_ssize_t ew1[3];
                    int n_ew1 = letter_then_space(&t, j, 'E', 'W', ew1);
                    for (int c = 0; c < n_ew1; c++) {
                        Py_ssize_t q = decimal(&t, ew1[c], 3, &lon);
                        if (q < 0)
                            continue;
                        Py_ssize_t degs[2];
                        int n_deg = 0;
                        if (at(&t, q) == 0xB0)
                            degs[n_deg++] = q + 1;
                        degs[n_deg++] = q;
                        for (int d = 0; d < n_deg; d++) {
                            Py_ssize_t r = degs[d], ew2[3];
                            int n_ew2 = space_then_letter(&t, r, 'E', 'W', ew2);
                            for (int e = 0; e < n_ew2; e++) {
                                Py_ssize_t end = ew2[e];
                                Py_UCS4 next = at(&t, end);
                                if (ascii_alnum(next) || (next == '.' && dig(&t, end + 1)))
                                    continue;
                                if (t.defer)
                                    return DEFERRED;
                                /* _coordinates */
                                if (fabs(lat) > 90 || fabs(lon) > 180 || (lat == 0 && lon == 0))
                                    return REJECTED;
                                int marked = (ns1[a] != pos || ns2[b] != p)
                                             && (ew1[c] != j || ew2[e] != r);
                                int degree = 0;
                                for (Py_ssize_t k = pos; k < end; k++)
                                    degree |= at(&t, k) == 0xB0;
                                if (marked || degree)
                                    return make_hit(s_coordinates, text, pos, end, 0.9, v_format);
                                Py_ssize_t lo = pos > 24 ? pos - 24 : 0;
                                int context = near(&t, &contexts[CTX_COORD], lo, pos);
                                if (t.defer)
                                    return DEFERRED;
                                if (context)
                                    return make_hit(s_coordinates, text, pos, end, 0.9, v_context);
                                return REJECTED;
                            }
                        }
                    }
                }
            }
        }
    }
    return t.defer ? DEFERRED : NO_MATCH;
}


/* ---- Chinese landlines (numbers.LANDLINE + _landline; validity from phones.cn_trunk) ---- */

static PyObject *cn_trunk = NULL; /* phones.cn_trunk: phonenumbers' metadata, in Python */

static inline int dash_or_space(Py_UCS4 c) { return c == ' ' || c == '-'; }

static inline int digits_at(Text *t, Py_ssize_t p, int n)
{
    for (int i = 0; i < n; i++)
        if (!dig(t, p + i))
            return 0;
    return 1;
}

/* [ -]?(\d{3,4})[ -]?(\d{4})(?![0-9A-Za-z]) after the area code at p: the end, or -1. */
static Py_ssize_t landline_rest(Text *t, Py_ssize_t p, Py_ssize_t *sub)
{
    Py_ssize_t seps[2] = {p + 1, p};
    for (int a = dash_or_space(at(t, p)) ? 0 : 1; a < 2; a++) {
        for (int len = 4; len >= 3; len--) {
            Py_ssize_t q = seps[a];
            if (!digits_at(t, q, len))
                continue;
            Py_ssize_t r = q + len;
            Py_ssize_t seps2[2] = {r + 1, r};
            for (int b = dash_or_space(at(t, r)) ? 0 : 1; b < 2; b++) {
                if (digits_at(t, seps2[b], 4) && !ascii_alnum(at(t, seps2[b] + 4))) {
                    sub[0] = q;
                    sub[1] = len;
                    sub[2] = seps2[b];
                    return seps2[b] + 4;
                }
            }
        }
    }
    return -1;
}

static PyObject *landline_at(PyObject *text, Text *tp, Py_ssize_t pos)
{
    Text t = *tp;
    Py_UCS4 b = at(&t, pos - 1);
    if (pos > 0 && (ascii_alnum(b) || b == '+'))
        return NO_MATCH;
    /* the area code choices in the pattern's order: (start, length) of its digits */
    Py_ssize_t area[12][2];
    int n_area = 0;
    Py_ssize_t q = -1;
    int bare = 0; /* 86- : the dash is the separator, never left out */
    if (at(&t, pos) == '+' && at(&t, pos + 1) == '8' && at(&t, pos + 2) == '6')
        q = pos + 3;
    else if (at(&t, pos) == '0' && at(&t, pos + 1) == '0' && at(&t, pos + 2) == '8'
             && at(&t, pos + 3) == '6')
        q = pos + 4;
    else if (at(&t, pos) == '8' && at(&t, pos + 1) == '6' && at(&t, pos + 2) == '-')
        q = pos + 2, bare = 1;
    if (q >= 0) { /* (?:(?:\+86|0086)[ -]?|86-)(?:\(0\))?(\d{2,3}) */
        Py_ssize_t s1[2] = {q + 1, q};
        for (int a = dash_or_space(at(&t, q)) ? 0 : 1; a < 2 - bare; a++) {
            Py_ssize_t z = s1[a];
            int paren = at(&t, z) == '(' && at(&t, z + 1) == '0' && at(&t, z + 2) == ')';
            Py_ssize_t s2[2] = {z + 3, z};
            for (int c = paren ? 0 : 1; c < 2; c++)
                for (int len = 3; len >= 2; len--)
                    if (digits_at(&t, s2[c], len)) {
                        area[n_area][0] = s2[c];
                        area[n_area++][1] = len;
                    }
        }
    }
    Py_ssize_t area_end[12];
    for (int i = 0; i < n_area; i++)
        area_end[i] = area[i][0] + area[i][1];
    if (at(&t, pos) == '(' && at(&t, pos + 1) == '0') /* \((0\d{2,3})\) */
        for (int len = 3; len >= 2; len--)
            if (digits_at(&t, pos + 2, len) && at(&t, pos + 2 + len) == ')') {
                area[n_area][0] = pos + 1;
                area[n_area][1] = len + 1;
                area_end[n_area++] = pos + 3 + len;
            }
    if (at(&t, pos) == '0') /* (0\d{2,3}) */
        for (int len = 3; len >= 2; len--)
            if (digits_at(&t, pos + 1, len)) {
                area[n_area][0] = pos;
                area[n_area][1] = len + 1;
                area_end[n_area++] = pos + 1 + len;
            }
    Py_ssize_t end = -1, sub[3];
    int chosen = 0;
    for (; chosen < n_area && end < 0; chosen++)
        end = landline_rest(&t, area_end[chosen], sub);
    if (t.defer)
        return DEFERRED;
    if (end < 0)
        return NO_MATCH;
    chosen--;
    /* "0" + area without its leading zeros + subscriber */
    char number[32];
    int n = 0;
    number[n++] = '0';
    Py_ssize_t a0 = area[chosen][0], a1 = a0 + area[chosen][1];
    while (a0 < a1 && at(&t, a0) == '0')
        a0++;
    for (Py_ssize_t i = a0; i < a1; i++)
        number[n++] = (char)at(&t, i);
    for (Py_ssize_t i = sub[0]; i < sub[0] + sub[1]; i++)
        number[n++] = (char)at(&t, i);
    for (Py_ssize_t i = sub[2]; i < sub[2] + 4; i++)
        number[n++] = (char)at(&t, i);
    PyObject *arg = PyUnicode_FromStringAndSize(number, n);
    if (arg == NULL)
        return NULL;
    PyObject *valid = PyObject_CallOneArg(cn_trunk, arg);
    Py_DECREF(arg);
    if (valid == NULL)
        return NULL;
    int truth = PyObject_IsTrue(valid);
    Py_DECREF(valid);
    if (truth < 0)
        return NULL;
    if (!truth)
        return REJECTED;
    int context = near(&t, &contexts[CTX_PHONE], pos > 16 ? pos - 16 : 0, pos);
    if (t.defer)
        return DEFERRED;
    return make_hit(s_phone, text, pos, end, context ? 0.97 : 0.85, v_format);
}


/* ---- Chinese names (words._zh_name_suffix, words._zh_name_label) ---- */

static PyObject *s_person;
static unsigned char surnames[0x10000 / 8], function_chars[0x10000 / 8], unit_chars[0x10000 / 8];
static PyObject *compound_surnames = NULL, *common_words = NULL; /* frozensets of str */
static PyObject *word_ends = NULL; /* words.WORD_ENDS: role and family words (老公, 主管) */

static inline int in_bits(const unsigned char *bits, Py_UCS4 c)
{
    return c < 0x10000 && (bits[c >> 3] >> (c & 7)) & 1;
}

static inline int cjk(Py_UCS4 c) { return c >= 0x4E00 && c <= 0x9FFF; }

static int all_cjk(const Text *t, Py_ssize_t a, Py_ssize_t b)
{
    for (Py_ssize_t i = a; i < b; i++)
        if (!cjk(at(t, i)))
            return 0;
    return 1;
}

/* text[a:b] in the frozenset (b - a characters, a >= 0): 1, 0, or -1 on error */
static int slice_in(PyObject *text, const Text *t, Py_ssize_t a, Py_ssize_t b, PyObject *set)
{
    if (b > t->len)
        b = t->len;
    PyObject *key = PyUnicode_Substring(text, a, b);
    if (key == NULL)
        return -1;
    int found = PySet_Contains(set, key);
    Py_DECREF(key);
    return found;
}

/* A word of the context at p (exact, as an alternation of literals matched there). */
static const Word *word_here(const Text *t, const Context *c, Py_ssize_t p)
{
    for (Py_ssize_t j = 0; j < c->n; j++)
        if (p + c->words[j].len <= t->len && word_at(t, p, &c->words[j]))
            return &c->words[j];
    return NULL;
}

/* words._given_ok: no character of text[a:b] names a unit of an organisation (部, 司, 服 …) */
static int given_ok(const Text *t, Py_ssize_t a, Py_ssize_t b)
{
    for (Py_ssize_t i = a; i < b; i++)
        if (in_bits(unit_chars, at(t, i)))
            return 0;
    return 1;
}

/* words.ends_word: text[pos] is the last character of a role or family word (老公梁: 公).
 * 1, 0, or -1 on error. */
static int ends_word(PyObject *text, const Text *t, Py_ssize_t pos)
{
    for (Py_ssize_t k = 1; k <= 3; k++) {
        if (pos < k)
            break;
        int found = slice_in(text, t, pos - k, pos + 1, word_ends);
        if (found != 0)
            return found;
    }
    return 0;
}

/* words._name_before: the start of the name ending at end, -1 if none, -2 on error. */
static Py_ssize_t name_before(PyObject *text, const Text *t, Py_ssize_t end)
{
    int ends;
    for (int length = 4; length >= 3; length--) {
        Py_ssize_t start = end - length;
        if (start >= 0) {
            int found = slice_in(text, t, start, start + 2, compound_surnames);
            if (found < 0)
                return -2;
            if (found && given_ok(t, start + 2, end)) {
                if ((ends = ends_word(text, t, start)) < 0)
                    return -2;
                if (!ends)
                    return start;
            }
        }
    }
    Py_ssize_t s3 = end - 3, s2 = end - 2;
    if (s3 >= 0 && in_bits(surnames, at(t, s3)) && !in_bits(function_chars, at(t, s3))
        && all_cjk(t, s3, end) && given_ok(t, s3 + 1, end)) {
        int common = slice_in(text, t, s3, s3 + 2, common_words);
        if (common < 0)
            return -2;
        if (!common) {
            if ((ends = ends_word(text, t, s3)) < 0)
                return -2;
            if (!ends)
                return s3;
        }
    }
    if (s2 >= 0 && in_bits(surnames, at(t, s2)) && all_cjk(t, s2, end) && given_ok(t, s2 + 1, end)) {
        if ((ends = ends_word(text, t, s2)) < 0)
            return -2;
        if (!ends)
            return s2;
    }
    return -1;
}

static PyObject *zh_name_suffix_at(PyObject *text, Text *tp, Py_ssize_t pos)
{
    Text t = *tp;
    if (word_here(&t, &contexts[CTX_ZH_SUFFIX], pos) == NULL)
        return NO_MATCH;
    Py_ssize_t start = name_before(text, &t, pos);
    if (start == -2)
        return NULL;
    if (start < 0)
        return REJECTED;
    int common = slice_in(text, &t, start, pos, common_words);
    if (common < 0)
        return NULL;
    if (common)
        return REJECTED;
    return make_hit(s_person, text, start, pos, 0.85, v_context);
}

static PyObject *zh_name_label_at(PyObject *text, Text *tp, Py_ssize_t pos)
{
    Text t = *tp;
    const Word *label = word_here(&t, &contexts[CTX_ZH_LABEL], pos);
    if (label == NULL)
        return NO_MATCH;
    Py_ssize_t start = pos + label->len;
    if (at(&t, start) == ':' || at(&t, start) == 0xFF1A)
        start++;
    while (at(&t, start) == ' ' || at(&t, start) == '\t')
        start++;
    if (!cjk(at(&t, start)))
        return NO_MATCH;
    int compound = slice_in(text, &t, start, start + 2, compound_surnames);
    if (compound < 0)
        return NULL;
    int surname = compound ? 2 : 1;
    if (surname == 1 && !in_bits(surnames, at(&t, start)))
        return REJECTED;
    for (int given = 2; given >= 1; given--) {
        Py_ssize_t end = start + surname + given;
        if (end > t.len || !all_cjk(&t, start, end))
            continue;
        if (end == t.len || !cjk(at(&t, end)) || word_here(&t, &contexts[CTX_ZH_FOLLOW], end)) {
            int common = slice_in(text, &t, start, end, common_words);
            if (common < 0)
                return NULL;
            if (common)
                return REJECTED;
            return make_hit(s_person, text, start, end, 0.85, v_context);
        }
    }
    return REJECTED;
}

static int load_bits(unsigned char *bits, PyObject *chars)
{
    memset(bits, 0, 0x10000 / 8);
    if (!PyUnicode_Check(chars)) {
        PyErr_SetString(PyExc_TypeError, "a str of characters expected");
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(chars); i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(chars, i);
        if (c >= 0x10000) {
            PyErr_SetString(PyExc_ValueError, "characters of the BMP expected");
            return -1;
        }
        bits[c >> 3] |= (unsigned char)(1 << (c & 7));
    }
    return 0;
}


/* ---- plates and secrets (formats.PLATE + _plate, TOKEN, PRIVATE_KEY + _format_secret) ---- */

static PyObject *s_plate, *s_secret;
static unsigned char plate_provinces[0x10000 / 8];

static inline int plate_letter(Py_UCS4 c) { return upper_alpha(c) && c != 'I' && c != 'O'; }

static PyObject *plate_at(PyObject *text, Text *tp, Py_ssize_t pos)
{
    Text t = *tp;
    if (!in_bits(plate_provinces, at(&t, pos)) || !plate_letter(at(&t, pos + 1)))
        return NO_MATCH;
    Py_ssize_t q = pos + 2;
    Py_UCS4 sep = at(&t, q);
    if (sep == 0xB7 || sep == 0x30FB || sep == 0x2022 || sep == '.' || sep == '-' || sep == ' ')
        q++;
    Py_ssize_t end = -1;
    Py_UCS4 c0 = at(&t, q), c1 = at(&t, q + 1);
    /* [DF][A-HJ-NP-Z0-9]\d{4} */
    if ((c0 == 'D' || c0 == 'F') && (plate_letter(c1) || ascii_digit(c1)) && digits_at(&t, q + 2, 4)
        && !ascii_alnum(at(&t, q + 6)))
        end = q + 6;
    /* \d{5}[DF] */
    if (end < 0 && digits_at(&t, q, 5) && (at(&t, q + 5) == 'D' || at(&t, q + 5) == 'F')
        && !ascii_alnum(at(&t, q + 6)))
        end = q + 6;
    /* [A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳] */
    if (end < 0) {
        int ok = 1;
        for (int i = 0; i < 4 && ok; i++)
            ok = plate_letter(at(&t, q + i)) || ascii_digit(at(&t, q + i));
        Py_UCS4 c4 = at(&t, q + 4);
        if (ok
            && (plate_letter(c4) || ascii_digit(c4) || c4 == 0x6302 || c4 == 0x5B66
                || c4 == 0x8B66 || c4 == 0x6E2F || c4 == 0x6FB3)
            && !ascii_alnum(at(&t, q + 5)))
            end = q + 5;
    }
    if (t.defer)
        return DEFERRED;
    if (end < 0)
        return NO_MATCH;
    int letters = 0;
    for (Py_ssize_t i = end - 5; i < end; i++)
        letters += ascii_alpha(at(&t, i));
    if (letters > 4)
        return REJECTED; /* a word in capitals after a province name */
    return make_hit(s_plate, text, pos, end, 0.9, v_format);
}

static inline int token_char(Py_UCS4 c) { return ascii_alnum(c) || c == '_' || c == '-'; }

static int starts(const Text *t, Py_ssize_t p, const char *literal)
{
    for (Py_ssize_t i = 0; literal[i]; i++)
        if (at(t, p + i) != (Py_UCS4)(unsigned char)literal[i])
            return 0;
    return 1;
}

/* The length of the run of characters passing `test` at p, at most limit. */
static Py_ssize_t run_of(const Text *t, Py_ssize_t p, Py_ssize_t limit, int (*test)(Py_UCS4))
{
    Py_ssize_t n = 0;
    while (n < limit && test(at(t, p + n)))
        n++;
    return n;
}

static inline int one_of(Py_UCS4 c, const char *set)
{
    return c > 0 && c < 128 && strchr(set, (int)c) != NULL;
}

static inline int one_of_wide(Py_UCS4 c, const char *set, Py_UCS4 wide)
{
    return c == wide || one_of(c, set);
}

static inline int upper_digit(Py_UCS4 c) { return upper_alpha(c) || ascii_digit(c); }
static inline int alnum_dash(Py_UCS4 c) { return ascii_alnum(c) || c == '-'; }

/* formats.TOKEN at pos: the end, or -1. */
static Py_ssize_t token_match(const Text *t, Py_ssize_t pos)
{
    Py_ssize_t q, n;
    if (pos > 0 && token_char(at(t, pos - 1)))
        return -1;
    if (starts(t, pos, "AKIA")) {
        q = pos + 4;
        n = run_of(t, q, 16, upper_digit);
        return n == 16 && !token_char(at(t, q + 16)) ? q + 16 : -1;
    }
    if (starts(t, pos, "gh") && one_of(at(t, pos + 2), "pousr") && at(t, pos + 3) == '_') {
        q = pos + 4;
        n = run_of(t, q, 36, ascii_alnum);
        return n == 36 && !token_char(at(t, q + 36)) ? q + 36 : -1;
    }
    if (starts(t, pos, "glpat-")) {
        q = pos + 6;
        n = run_of(t, q, 20, token_char);
        return n == 20 && !token_char(at(t, q + 20)) ? q + 20 : -1;
    }
    if (starts(t, pos, "xox") && one_of(at(t, pos + 3), "baprs") && at(t, pos + 4) == '-') {
        q = pos + 5;
        n = run_of(t, q, 73, alnum_dash);
        return n >= 10 && n <= 72 && !token_char(at(t, q + n)) ? q + n : -1;
    }
    if (starts(t, pos, "sk_live_")) {
        q = pos + 8;
        n = run_of(t, q, 100, ascii_alnum);
        return n >= 24 && n <= 99 && !token_char(at(t, q + n)) ? q + n : -1;
    }
    if (starts(t, pos, "AIza")) {
        q = pos + 4;
        n = run_of(t, q, 35, token_char);
        return n == 35 && !token_char(at(t, q + 35)) ? q + 35 : -1;
    }
    if (starts(t, pos, "eyJ")) {
        q = pos + 3;
        n = run_of(t, q, PY_SSIZE_T_MAX, token_char);
        if (n < 8 || !starts(t, q + n, ".eyJ"))
            return -1;
        q += n + 4;
        n = run_of(t, q, PY_SSIZE_T_MAX, token_char);
        if (n < 8 || at(t, q + n) != '.')
            return -1;
        q += n + 1;
        n = run_of(t, q, PY_SSIZE_T_MAX, token_char);
        return n >= 16 ? q + n : -1;
    }
    return -1;
}

static PyObject *token_at(PyObject *text, Text *tp, Py_ssize_t pos)
{
    Py_ssize_t end = token_match(tp, pos);
    if (end < 0)
        return NO_MATCH;
    return make_hit(s_secret, text, pos, end, 0.97, v_format);
}

static inline int key_word_char(Py_UCS4 c) { return upper_digit(c) || c == ' '; }

static PyObject *private_key_at(PyObject *text, Text *tp, Py_ssize_t pos)
{
    const Text *t = tp;
    if (!starts(t, pos, "-----BEGIN "))
        return NO_MATCH;
    /* (?:[A-Z0-9]+ )* greedy, then PRIVATE KEY-----, backing off a word at a time */
    Py_ssize_t marks[64];
    int words = 0;
    Py_ssize_t p = pos + 11;
    marks[words++] = p;
    while (words < 64) {
        Py_ssize_t n = run_of(t, p, PY_SSIZE_T_MAX, upper_digit);
        if (n < 1 || at(t, p + n) != ' ')
            break;
        p += n + 1;
        marks[words++] = p;
    }
    if (words == 64)
        return DEFERRED;
    Py_ssize_t end = -1;
    for (int k = words - 1; k >= 0 && end < 0; k--)
        if (starts(t, marks[k], "PRIVATE KEY-----"))
            end = marks[k] + 16;
    if (end < 0)
        return NO_MATCH;
    /* (?:[\s\S]{0,6000}?-----END [A-Z0-9 ]*PRIVATE KEY-----)? lazily */
    for (Py_ssize_t n = 0; n <= 6000 && end + n < t->len; n++) {
        Py_ssize_t e = end + n;
        if (!starts(t, e, "-----END "))
            continue;
        Py_ssize_t r = run_of(t, e + 9, PY_SSIZE_T_MAX, key_word_char);
        if (r >= 11 && starts(t, e + 9 + r - 11, "PRIVATE KEY-----")) {
            end = e + 9 + r + 5;
            break;
        }
    }
    return make_hit(s_secret, text, pos, end, 0.97, v_format);
}


/* ---- Latin names after a greeting, title or label (words.LATIN_NAME + _latin_name) ---- */

static PyObject *not_last = NULL, *not_names = NULL; /* frozensets of lower-case words */
static const char *const titles[] = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", NULL};
static const char *const greetings[] = {"Dear", "Hi", "Hello", NULL};
static const char *const name_labels[] = {
    "name",      "full name", "customer name", "customer",   "contact",        "contact person",
    "attn",      "attention", "recipient",     "cardholder", "account holder", "signed",
    "sincerely", "regards",   "best regards",  "kind regards", "yours",        NULL};

static inline int lower_az(Py_UCS4 c) { return c >= 'a' && c <= 'z'; }

static Py_ssize_t literal_len(const Text *t, Py_ssize_t p, const char *word, int caseless)
{
    Py_ssize_t i = 0;
    for (; word[i]; i++) {
        Py_UCS4 c = at(t, p + i);
        if ((caseless ? lower(c) : c) != (Py_UCS4)(unsigned char)word[i])
            return -1;
    }
    return i;
}

/* WORD = [A-Z][a-z]*(?:['’-]?[A-Z][a-z]+)+|[A-Z][a-z]+ at p: the end, or -1. */
static Py_ssize_t latin_word(const Text *t, Py_ssize_t p)
{
    if (!upper_alpha(at(t, p)))
        return -1;
    Py_ssize_t q = p + 1 + run_of(t, p + 1, PY_SSIZE_T_MAX, lower_az);
    int parts = 0;
    while (1) {
        Py_UCS4 c = at(t, q);
        Py_ssize_t r = (c == '\'' || c == 0x2019 || c == '-') ? q + 1 : q;
        if (!upper_alpha(at(t, r)) || !lower_az(at(t, r + 1)))
            break;
        q = r + 1 + run_of(t, r + 1, PY_SSIZE_T_MAX, lower_az);
        parts++;
    }
    if (parts)
        return q;
    Py_ssize_t n = run_of(t, p + 1, PY_SSIZE_T_MAX, lower_az);
    return n ? p + 1 + n : -1;
}

/* [ \t]*\n?[ \t]*(?P<v>WORD(?:[ ]WORD){0,2}) at p: v's end, its start in *v. */
static Py_ssize_t latin_tail(const Text *t, Py_ssize_t p, Py_ssize_t *v)
{
    while (at(t, p) == ' ' || at(t, p) == '\t')
        p++;
    if (at(t, p) == '\n')
        p++;
    while (at(t, p) == ' ' || at(t, p) == '\t')
        p++;
    Py_ssize_t end = latin_word(t, p);
    if (end < 0)
        return -1;
    *v = p;
    for (int k = 0; k < 2 && at(t, end) == ' '; k++) {
        Py_ssize_t next = latin_word(t, end + 1);
        if (next < 0)
            break;
        end = next;
    }
    return end;
}

/* A title then \.? at p, in the pattern's order, followed by the tail. */
static Py_ssize_t after_title(const Text *t, Py_ssize_t p, Py_ssize_t *v)
{
    for (int i = 0; titles[i]; i++) {
        Py_ssize_t n = literal_len(t, p, titles[i], 0);
        if (n < 0)
            continue;
        Py_ssize_t end;
        if (at(t, p + n) == '.' && (end = latin_tail(t, p + n + 1, v)) >= 0)
            return end;
        if ((end = latin_tail(t, p + n, v)) >= 0)
            return end;
    }
    return -1;
}

static Py_ssize_t latin_match(Text *t, Py_ssize_t pos, Py_ssize_t *v)
{
    if (pos > 0 && word_char(at(t, pos - 1)))
        return -1;
    Py_ssize_t end;
    for (int i = 0; greetings[i]; i++) {
        Py_ssize_t n = literal_len(t, pos, greetings[i], 0);
        if (n < 0)
            continue;
        Py_ssize_t spaces = 0;
        while (at(t, pos + n + spaces) == ' ')
            spaces++;
        if (spaces && (end = after_title(t, pos + n + spaces, v)) >= 0)
            return end;
        if ((end = latin_tail(t, pos + n, v)) >= 0)
            return end;
    }
    if ((end = after_title(t, pos, v)) >= 0)
        return end;
    scan_folds(t, pos, pos + 16);
    for (int i = 0; name_labels[i]; i++) {
        Py_ssize_t n = literal_len(t, pos, name_labels[i], 1);
        if (n < 0)
            continue;
        Py_ssize_t p = pos + n;
        while (at(t, p) == ' ' || at(t, p) == '\t')
            p++;
        if (at(t, p) == ':' || at(t, p) == ',')
            p++;
        if ((end = latin_tail(t, p, v)) >= 0)
            return end;
    }
    return -1;
}

/* _TITLE.search(text, lo, hi): a title, \.?, \s* up to hi. */
static int title_before(const Text *t, Py_ssize_t lo, Py_ssize_t hi)
{
    Py_ssize_t q = hi;
    while (q > lo && Py_UNICODE_ISSPACE(at(t, q - 1)))
        q--;
    for (int dot = 0; dot < 2; dot++) {
        if (dot) {
            if (!(q > lo && at(t, q - 1) == '.'))
                break;
            q--;
        }
        for (int i = 0; titles[i]; i++) {
            Py_ssize_t len = (Py_ssize_t)strlen(titles[i]), w = q - len;
            if (w >= lo && literal_len(t, w, titles[i], 0) == len
                && !(w > 0 && word_char(at(t, w - 1))))
                return 1;
        }
    }
    return 0;
}

/* lower-case token text[a:b] in the set: 1, 0, -1 on error */
static int token_in(const Text *t, Py_ssize_t a, Py_ssize_t b, PyObject *set)
{
    Py_UCS4 buf[64];
    if (b - a > 64)
        return 0; /* longer than any word of the lists */
    for (Py_ssize_t i = a; i < b; i++)
        buf[i - a] = lower(at(t, i));
    PyObject *word = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, b - a);
    if (word == NULL)
        return -1;
    int found = PySet_Contains(set, word);
    Py_DECREF(word);
    return found;
}

/* words.COMPANY_FORM matched at p: a company's legal form after the words. */
static int company_form(const Text *t, Py_ssize_t p)
{
    static const char *const forms[] = {"GmbH", "AG",  "KG",    "Ltd", "Co",   "Inc", "LLC",
                                        "S.A",  "S.p.A", "SpA", "B.V", "BV",   "N.V", "Pte",
                                        "Pty",  "PLC", "Corp",  "SARL", "SAS", "Oy",  NULL};
    static const Py_UCS4 zh_forms[][3] = {{0x6709, 0x9650, 0}, /* 有限 */
                                          {0x96C6, 0x56E2, 0}, /* 集团 */
                                          {0x516C, 0x53F8, 0}, /* 公司 */
                                          {0x5382, 0, 0}};     /* 厂 */
    while (at(t, p) == ' ' || at(t, p) == '\t')
        p++;
    if (at(t, p) == ',') {
        p++;
        while (at(t, p) == ' ' || at(t, p) == '\t')
            p++;
    }
    for (int i = 0; forms[i]; i++) {
        Py_ssize_t n = literal_len(t, p, forms[i], 0);
        if (n > 0 && !ascii_alnum(at(t, p + n)) && at(t, p + n) != '-')
            return 1;
    }
    for (int i = 0; i < 4; i++) {
        Py_ssize_t n = 0;
        while (n < 2 && zh_forms[i][n] && at(t, p + n) == zh_forms[i][n])
            n++;
        if ((n == 2 || !zh_forms[i][n]) && !ascii_alnum(at(t, p + n)) && at(t, p + n) != '-')
            return 1;
    }
    return 0;
}

static PyObject *latin_name_at(PyObject *text, Text *tp, Py_ssize_t pos)
{
    Text t = *tp;
    Py_ssize_t start, end = latin_match(&t, pos, &start);
    if (t.defer)
        return DEFERRED;
    if (end < 0)
        return NO_MATCH;
    Py_ssize_t bounds[4][2];
    int tokens = 0;
    for (Py_ssize_t a = start, i = start; i <= end; i++)
        if (i == end || at(&t, i) == ' ') {
            bounds[tokens][0] = a;
            bounds[tokens++][1] = i;
            a = i + 1;
        }
    if (ascii_alnum(at(&t, end)))
        tokens--; /* the pattern stopped inside a word (Gmb|H): that word is no name's */
    while (tokens) {
        int found = token_in(&t, bounds[tokens - 1][0], bounds[tokens - 1][1], not_last);
        if (found < 0)
            return NULL;
        if (!found)
            break;
        tokens--;
    }
    if (!tokens)
        return REJECTED;
    int first = token_in(&t, bounds[0][0], bounds[0][1], not_names);
    if (first < 0)
        return NULL;
    if (first)
        return REJECTED;
    Py_ssize_t value_end = bounds[tokens - 1][1];
    if (company_form(&t, value_end) || company_form(&t, bounds[tokens - 1][0]))
        return REJECTED; /* (its last word a legal form: Account Name: Foshan Ever Co., Ltd.) */
    if (tokens == 1 && !title_before(&t, start > 8 ? start - 8 : 0, start))
        return REJECTED; /* a lone capitalised word after "Dear" is as often a role */
    return make_hit(s_person, text, start, value_end, tokens > 1 ? 0.85 : 0.7, v_context);
}


/* ---- dates of birth after a birth word (words.DOB + _dob) ---- */

static PyObject *s_dob;
/* DOB's words in the order its alternation tries them, optional parts expanded (greedy:
 * with, then without), lower case. */
static const char *const dob_words[] = {
    "\xe5\x87\xba\xe7\x94\x9f\xe6\x97\xa5\xe6\x9c\x9f",             /* 出生日期 */
    "\xe5\x87\xba\xe7\x94\x9f\xe5\xb9\xb4\xe6\x9c\x88\xe6\x97\xa5", /* 出生年月日 */
    "\xe5\x87\xba\xe7\x94\x9f\xe5\xb9\xb4\xe6\x9c\x88",             /* 出生年月 */
    "\xe5\x87\xba\xe7\x94\x9f\xe4\xba\x8e",                         /* 出生于 */
    "\xe5\x87\xba\xe7\x94\x9f",                                     /* 出生 */
    "\xe7\x94\x9f\xe6\x97\xa5",                                     /* 生日 */
    "\xe8\xaf\x9e\xe8\xbe\xb0",                                     /* 诞辰 */
    "dob", "d.o.b.", "d.o.b", "date of birth", "birth date", "birthdate", "birthday",
    "born on", "born", NULL};
static Word dob_compiled[32];
static int dob_count = 0;
static const char *const month_names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec", NULL};

static int load_dob_words(void)
{
    for (int i = 0; dob_words[i]; i++) {
        PyObject *w = PyUnicode_FromString(dob_words[i]);
        if (w == NULL)
            return -1;
        Py_UCS4 *chars = PyUnicode_AsUCS4Copy(w);
        Py_ssize_t len = PyUnicode_GET_LENGTH(w);
        Py_DECREF(w);
        if (chars == NULL)
            return -1;
        dob_compiled[dob_count++] = (Word){chars, len, 0, 0};
    }
    return 0;
}

static inline int dob_separator(Py_UCS4 c)
{
    return c == ' ' || c == '\t' || c == ':' || c == 0xFF1A || c == 0x662F /* 是 */
           || c == 0x4E3A /* 为 */ || c == ',' || c == 0xFF0C;
}

static inline int ascii_letter(Py_UCS4 c) { return ascii_alpha(c); }

/* The character at i lower-cased for a re.IGNORECASE comparison; one of the four that fold
 * to an ASCII letter defers to Python. */
static inline Py_UCS4 fold(Text *t, Py_ssize_t i)
{
    Py_UCS4 c = at(t, i);
    if (folds_to_ascii(c))
        t->defer = 1;
    return lower(c);
}

static int word_at_folded(Text *t, Py_ssize_t p, const Word *w)
{
    for (Py_ssize_t k = 0; k < w->len; k++)
        if (fold(t, p + k) != w->chars[k])
            return 0;
    return 1;
}

/* MONTHS = (?:Jan|...|Dec)[a-z]* case-insensitively at p: the end, the month in *month
 * (0 when the three letters are no month's, as _MONTH_NUMBER.get gives). */
static Py_ssize_t month_at(Text *t, Py_ssize_t p, int *month)
{
    Py_ssize_t n = run_of(t, p, PY_SSIZE_T_MAX, ascii_letter);
    fold(t, p + n); /* [a-z]* would go on over a folding character */
    if (n < 3) {
        fold(t, p);
        fold(t, p + 1);
        fold(t, p + 2);
        return -1;
    }
    *month = 0;
    for (int i = 0; month_names[i]; i++)
        if (lower(at(t, p)) == (Py_UCS4)month_names[i][0]
            && lower(at(t, p + 1)) == (Py_UCS4)month_names[i][1]
            && lower(at(t, p + 2)) == (Py_UCS4)month_names[i][2])
            *month = i + 1;
    return *month ? p + n : -1;
}

static inline int ordinal_at(Text *t, Py_ssize_t p)
{
    Py_UCS4 a = fold(t, p), b = fold(t, p + 1);
    return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd')
           || (a == 't' && b == 'h');
}

/* DOB's DATE at q then (?![\d]): the end, or -1; *valid from _date_ok. */
static Py_ssize_t dob_date(Text *t, Py_ssize_t q, int *valid)
{
    Py_ssize_t r;
    /* (?P<y1>\d{4})[-/.年](?P<m1>\d{1,2})[-/.月](?P<d1>\d{1,2})日? */
    if (digits_at(t, q, 4) && one_of_wide(at(t, q + 4), "-/.", 0x5E74)) {
        Py_ssize_t m = digit_run(t, q + 5, 3);
        if (m >= 1 && m <= 2 && one_of_wide(at(t, q + 5 + m), "-/.", 0x6708)) {
            Py_ssize_t s = q + 6 + m, d = digit_run(t, s, 3);
            if (d >= 1 && d <= 2) {
                int ok = valid_date(num(t, q, 4), num(t, q + 5, (int)m), num(t, s, (int)d));
                if (at(t, s + d) == 0x65E5 && !dig(t, s + d + 1)) {
                    *valid = ok;
                    return s + d + 1;
                }
                if (!dig(t, s + d)) {
                    *valid = ok;
                    return s + d;
                }
            }
        }
    }
    /* (?P<a2>\d{1,2})[/.-](?P<b2>\d{1,2})[/.-](?P<y2>\d{4}) */
    Py_ssize_t a = digit_run(t, q, 3);
    if (a >= 1 && a <= 2 && one_of(at(t, q + a), "/.-")) {
        Py_ssize_t s = q + a + 1, b = digit_run(t, s, 3);
        if (b >= 1 && b <= 2 && one_of(at(t, s + b), "/.-")
            && digit_run(t, s + b + 1, 5) == 4) {
            long x = num(t, q, (int)a), y = num(t, s, (int)b), year = num(t, s + b + 1, 4);
            *valid = valid_date(year, x, y) || valid_date(year, y, x);
            return s + b + 5;
        }
    }
    /* (?P<m3>MONTHS)\.? (?P<d3>\d{1,2})(?:st|nd|rd|th)?,? (?P<y3>\d{4}) */
    int month;
    Py_ssize_t p = month_at(t, q, &month);
    if (p >= 0) {
        p += at(t, p) == '.';
        if (at(t, p) == ' ' && (r = digit_run(t, p + 1, 3)) >= 1 && r <= 2) {
            long day = num(t, p + 1, (int)r);
            p += 1 + r;
            p += ordinal_at(t, p) ? 2 : 0;
            p += at(t, p) == ',';
            if (at(t, p) == ' ' && digit_run(t, p + 1, 5) == 4) {
                *valid = valid_date(num(t, p + 1, 4), month, day);
                return p + 5;
            }
        }
    }
    /* (?P<d4>\d{1,2})(?:st|nd|rd|th)? (?P<m4>MONTHS)\.?,? (?P<y4>\d{4}) */
    if (a >= 1 && a <= 2) {
        long day = num(t, q, (int)a);
        p = q + a;
        p += ordinal_at(t, p) ? 2 : 0;
        if (at(t, p) == ' ' && (p = month_at(t, p + 1, &month)) >= 0) {
            p += at(t, p) == '.';
            p += at(t, p) == ',';
            if (at(t, p) == ' ' && digit_run(t, p + 1, 5) == 4) {
                *valid = valid_date(num(t, p + 1, 4), month, day);
                return p + 5;
            }
        }
    }
    return -1;
}

static PyObject *dob_at(PyObject *text, Text *tp, Py_ssize_t pos)
{
    Text t = *tp;
    for (int i = 0; i < dob_count; i++) {
        const Word *w = &dob_compiled[i];
        if (pos + w->len > t.len || !word_at_folded(&t, pos, w))
            continue;
        Py_ssize_t p = pos + w->len, r = 0;
        while (r < 5 && dob_separator(at(&t, p + r)))
            r++;
        if (r > 4)
            continue;
        int valid = 0;
        Py_ssize_t end = dob_date(&t, p + r, &valid);
        if (end < 0)
            continue;
        if (t.defer)
            return DEFERRED;
        if (!valid)
            return REJECTED;
        return make_hit(s_dob, text, p + r, end, 0.9, v_context);
    }
    return t.defer ? DEFERRED : NO_MATCH;
}

/* ---- entry points ---- */

#define ENTRY(name)                                                                           \
    static PyObject *native_##name(PyObject *self, PyObject *const *args, Py_ssize_t nargs)  \
    {                                                                                         \
        (void)self;                                                                           \
        return call_rule(name##_at, args, nargs);                                             \
    }
ENTRY(card)
ENTRY(resident_id_18)
ENTRY(mobile)
ENTRY(ipv4)
ENTRY(email)
ENTRY(iban)
ENTRY(ipv6)
ENTRY(coordinates)
ENTRY(landline)
ENTRY(zh_name_suffix)
ENTRY(zh_name_label)
ENTRY(plate)
ENTRY(token)
ENTRY(private_key)
ENTRY(latin_name)
ENTRY(dob)
ENTRY(part_cue)
ENTRY(version_cue)
ENTRY(field_key)
ENTRY(field_label)
ENTRY(chat_line)


/* ---- the engine's loop (engine.py): Hyperscan reports, fast paths, Python for the rest ---- */

/* Collector: Hyperscan's match handler. Keeps (rule, start) -> end in first-report order, the
 * end of the last report winning, as engine.py's dict of candidates does. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t n, cap, mask;
    Py_ssize_t *rule, *start, *end;
    Py_ssize_t *slots; /* open addressing: index + 1, 0 empty */
    int raw;           /* every report kept, in report order (settled later: settle) */
} Collector;

static void Collector_dealloc(Collector *self)
{
    PyMem_Free(self->rule);
    PyMem_Free(self->start);
    PyMem_Free(self->end);
    PyMem_Free(self->slots);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static inline Py_ssize_t slot_of(Py_ssize_t rule, Py_ssize_t start, Py_ssize_t mask)
{
    size_t h = (size_t)start * 0x9E3779B97F4A7C15ull + (size_t)rule * 0xC2B2AE3D27D4EB4Full;
    return (Py_ssize_t)((h >> 17) & (size_t)mask);
}

static int collector_grow(Collector *self)
{
    Py_ssize_t cap = self->cap ? self->cap * 2 : 64;
    Py_ssize_t *rule = PyMem_Realloc(self->rule, cap * sizeof(Py_ssize_t));
    if (rule)
        self->rule = rule;
    Py_ssize_t *start = PyMem_Realloc(self->start, cap * sizeof(Py_ssize_t));
    if (start)
        self->start = start;
    Py_ssize_t *end = PyMem_Realloc(self->end, cap * sizeof(Py_ssize_t));
    if (end)
        self->end = end;
    if (self->raw) { /* reports kept as they come: no table of keys */
        if (!rule || !start || !end) {
            PyErr_NoMemory();
            return -1;
        }
        self->cap = cap;
        return 0;
    }
    Py_ssize_t mask = cap * 2 - 1;
    Py_ssize_t *slots = PyMem_Calloc(cap * 2, sizeof(Py_ssize_t));
    if (!rule || !start || !end || !slots) {
        PyMem_Free(slots);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < self->n; i++) {
        Py_ssize_t k = slot_of(self->rule[i], self->start[i], mask);
        while (slots[k])
            k = (k + 1) & mask;
        slots[k] = i + 1;
    }
    PyMem_Free(self->slots);
    self->slots = slots;
    self->mask = mask;
    self->cap = cap;
    return 0;
}

static int collector_add(Collector *self, Py_ssize_t rule, Py_ssize_t start, Py_ssize_t end)
{
    if (self->n >= self->cap && collector_grow(self) < 0)
        return -1;
    if (self->raw) {
        self->rule[self->n] = rule;
        self->start[self->n] = start;
        self->end[self->n++] = end;
        return 0;
    }
    Py_ssize_t k = slot_of(rule, start, self->mask);
    while (self->slots[k]) {
        Py_ssize_t i = self->slots[k] - 1;
        if (self->rule[i] == rule && self->start[i] == start) {
            self->end[i] = end;
            return 0;
        }
        k = (k + 1) & self->mask;
    }
    self->slots[k] = self->n + 1;
    self->rule[self->n] = rule;
    self->start[self->n] = start;
    self->end[self->n++] = end;
    return 0;
}

/* handler(id, from, to, flags, context) */
static PyObject *Collector_call(Collector *self, PyObject *args, PyObject *kwargs)
{
    if (!PyTuple_Check(args) || PyTuple_GET_SIZE(args) < 3 || kwargs) {
        PyErr_SetString(PyExc_TypeError, "expected (id, from, to, flags, context)");
        return NULL;
    }
    Py_ssize_t rule = PyLong_AsSsize_t(PyTuple_GET_ITEM(args, 0));
    Py_ssize_t start = PyLong_AsSsize_t(PyTuple_GET_ITEM(args, 1));
    Py_ssize_t end = PyLong_AsSsize_t(PyTuple_GET_ITEM(args, 2));
    if (PyErr_Occurred() || collector_add(self, rule, start, end) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *Collector_items(Collector *self, PyObject *unused)
{
    PyObject *out = PyList_New(self->n);
    for (Py_ssize_t i = 0; out && i < self->n; i++) {
        PyObject *item = Py_BuildValue("(nnn)", self->rule[i], self->start[i], self->end[i]);
        if (item == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, i, item);
    }
    return out;
}

static Py_ssize_t Collector_len(Collector *self) { return self->n; }

static PyMethodDef Collector_methods[] = {
    {"items", (PyCFunction)Collector_items, METH_NOARGS,
     "[(rule, start, end)] in first-report order"},
    {NULL, NULL, 0, NULL}};

static PySequenceMethods Collector_sequence = {.sq_length = (lenfunc)Collector_len};

static PyTypeObject CollectorType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "piiguard.scanner._native.Collector",
    .tp_basicsize = sizeof(Collector),
    .tp_dealloc = (destructor)Collector_dealloc,
    .tp_call = (ternaryfunc)Collector_call,
    .tp_as_sequence = &Collector_sequence,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Hyperscan match handler keeping (rule, start) -> last end, in report order.",
    .tp_methods = Collector_methods,
    .tp_new = PyType_GenericNew,
};

/* Plan: per rule index, its fast path (or none) and whether it is a `lead` rule. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t n;
    RuleAt *rules;
    char *leads;
    PyObject *pairs; /* list: per rule (pattern.match, check) to call directly, or None */
} Plan;

static void Plan_dealloc(Plan *self)
{
    Py_XDECREF(self->pairs);
    PyMem_Free(self->rules);
    PyMem_Free(self->leads);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

typedef struct {
    const char *name;
    RuleAt rule;
} NamedRule;

static const NamedRule named_rules[] = {
    {"card", card_at},   {"resident_id_18", resident_id_18_at},
    {"mobile", mobile_at}, {"ipv4", ipv4_at},
    {"email", email_at}, {"iban", iban_at},
    {"ipv6", ipv6_at},   {"coordinates", coordinates_at},
    {"landline", landline_at},
    {"zh_name_suffix", zh_name_suffix_at},
    {"zh_name_label", zh_name_label_at},
    {"plate", plate_at},
    {"token", token_at},
    {"private_key", private_key_at},
    {"latin_name", latin_name_at},
    {"dob", dob_at},
    {"part_cue", part_cue_at},
    {"part_cue_zh", part_cue_at},
    {"version_cue", version_cue_at},
    {"version_cue_zh", version_cue_at},
    {"field_key", field_key_at},
    {"field_camel", field_key_at},
    {"field_label", field_label_at},
    {"chat_line", chat_line_at},
    {NULL, NULL}};

static int Plan_init(Plan *self, PyObject *args, PyObject *kwargs)
{
    PyObject *names, *leads, *pairs;
    if (!PyArg_ParseTuple(args, "OOO!", &names, &leads, &PyList_Type, &pairs))
        return -1;
    Py_ssize_t n = PySequence_Size(names);
    if (n < 0 || PySequence_Size(leads) != n || PyList_GET_SIZE(pairs) != n) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "names, leads and pairs differ in length");
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *pair = PyList_GET_ITEM(pairs, i);
        if (pair != Py_None && !(PyTuple_Check(pair) && PyTuple_GET_SIZE(pair) == 2)) {
            PyErr_SetString(PyExc_TypeError, "pairs are (match, check) or None");
            return -1;
        }
    }
    Py_XSETREF(self->pairs, Py_NewRef(pairs));
    PyMem_Free(self->rules);
    PyMem_Free(self->leads);
    self->rules = PyMem_Calloc(n ? n : 1, sizeof(RuleAt));
    self->leads = PyMem_Calloc(n ? n : 1, 1);
    self->n = 0;
    if (!self->rules || !self->leads) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *name = PySequence_GetItem(names, i), *lead = PySequence_GetItem(leads, i);
        int ok = name && lead;
        if (ok && name != Py_None) {
            const char *s = PyUnicode_AsUTF8(name);
            ok = s != NULL;
            const NamedRule *r = named_rules;
            while (ok && r->name && strcmp(r->name, s))
                r++;
            if (ok && r->name == NULL) {
                PyErr_Format(PyExc_ValueError, "no fast path named %s", s);
                ok = 0;
            }
            if (ok)
                self->rules[i] = r->rule;
        }
        int truth = ok ? PyObject_IsTrue(lead) : -1;
        Py_XDECREF(name);
        Py_XDECREF(lead);
        if (truth < 0)
            return -1;
        self->leads[i] = (char)truth;
    }
    self->n = n;
    return 0;
}

/* Code-point offsets of UTF-8 byte offsets of `text` (all on character boundaries): the
 * offsets sorted, then one walk over the text. */
typedef struct {
    Py_ssize_t offset, index;
} Offset;

static int offset_compare(const void *pa, const void *pb)
{
    const Offset *a = pa, *b = pb;
    return a->offset < b->offset ? -1 : (a->offset > b->offset);
}

static int utf8_to_chars(const Text *t, Py_ssize_t *offsets, Py_ssize_t count)
{
    if (count == 0)
        return 0;
    Offset *sorted = PyMem_Malloc(count * sizeof(Offset));
    if (sorted == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < count; i++)
        sorted[i] = (Offset){offsets[i], i};
    qsort(sorted, (size_t)count, sizeof(Offset), offset_compare);
    Py_ssize_t byte = 0, c = 0, k = 0;
    while (k < count) {
        if (sorted[k].offset == byte) {
            offsets[sorted[k++].index] = c;
            continue;
        }
        if (sorted[k].offset < byte || c >= t->len)
            break; /* inside a character, or past the end */
        Py_UCS4 ch = PyUnicode_READ(t->kind, t->data, c++);
        byte += ch < 0x80 ? 1 : ch < 0x800 ? 2 : ch < 0x10000 ? 3 : 4;
    }
    PyMem_Free(sorted);
    if (k < count) {
        PyErr_SetString(PyExc_ValueError, "UTF-8 offset inside a character");
        return -1;
    }
    return 0;
}

typedef struct {
    Py_ssize_t start, end, index;
    double confidence;
} Span;

static int span_compare(const void *pa, const void *pb)
{
    const Span *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end > b->end ? -1 : 1;
    return a->index < b->index ? -1 : (a->index > b->index);
}

/* engine._resolve: by start, longest first (stable); where spans overlap keep the most
 * confident, then the longest. */
static PyObject *resolve(PyObject *hits)
{
    Py_ssize_t n = PyList_GET_SIZE(hits);
    if (n < 2)
        return Py_NewRef(hits);
    Span *spans = PyMem_Malloc(n * sizeof(Span));
    if (spans == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *h = PyList_GET_ITEM(hits, i);
        spans[i].start = PyLong_AsSsize_t(PyTuple_GET_ITEM(h, 1));
        spans[i].end = PyLong_AsSsize_t(PyTuple_GET_ITEM(h, 2));
        spans[i].confidence = PyFloat_AsDouble(PyTuple_GET_ITEM(h, 4));
        spans[i].index = i;
    }
    if (PyErr_Occurred()) {
        PyMem_Free(spans);
        return NULL;
    }
    /* by start, longest first, then report order: a total order, so qsort sorts stably */
    qsort(spans, (size_t)n, sizeof(Span), span_compare);
    Py_ssize_t kept = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (kept && spans[i].start < spans[kept - 1].end) {
            Span *last = &spans[kept - 1];
            Py_ssize_t len = spans[i].end - spans[i].start, last_len = last->end - last->start;
            if (spans[i].confidence > last->confidence
                || (spans[i].confidence == last->confidence && len > last_len))
                *last = spans[i];
            continue;
        }
        spans[kept++] = spans[i];
    }
    PyObject *out = PyList_New(kept);
    for (Py_ssize_t i = 0; out && i < kept; i++)
        PyList_SET_ITEM(out, i, Py_NewRef(PyList_GET_ITEM(hits, spans[i].index)));
    PyMem_Free(spans);
    return out;
}

/* plan.run(text, ascii, utf8, fallback): the candidates of both passes in report order, each
 * through its fast path or fallback(rule, text, start, end, append), then resolved. */
/* engine._run for a rule without `search`: its pattern's match at the reported start (for a
 * `lead` rule one later, or at 0 then 1), then its check; a Hit is appended. */
static PyObject *call_match(PyObject *match, PyObject *text, Py_ssize_t pos)
{
    PyObject *at_pos = PyLong_FromSsize_t(pos);
    if (at_pos == NULL)
        return NULL;
    PyObject *call[2] = {text, at_pos};
    PyObject *m = PyObject_Vectorcall(match, call, 2, NULL);
    Py_DECREF(at_pos);
    return m;
}

static int match_and_check(PyObject *pair, PyObject *text, Py_ssize_t start, int lead,
                           PyObject *hits)
{
    PyObject *match = PyTuple_GET_ITEM(pair, 0), *check = PyTuple_GET_ITEM(pair, 1);
    PyObject *m = call_match(match, text, lead && start ? start + 1 : start);
    if (m == Py_None && lead && start == 0) {
        Py_DECREF(m);
        m = call_match(match, text, 1);
    }
    if (m == NULL)
        return -1;
    if (m == Py_None) {
        Py_DECREF(m);
        return 0;
    }
    PyObject *call[2] = {m, text};
    PyObject *h = PyObject_Vectorcall(check, call, 2, NULL);
    Py_DECREF(m);
    if (h == NULL)
        return -1;
    int err = h == Py_None ? 0 : PyList_Append(hits, h);
    Py_DECREF(h);
    return err;
}

static PyObject *plan_run(Plan *self, PyObject *text, Collector *found, Collector *utf8,
                          PyObject *fallback)
{
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text), 0};
    if (utf8 != NULL) {
        Py_ssize_t m = utf8->n;
        Py_ssize_t *offsets = PyMem_Malloc((2 * m + 1) * sizeof(Py_ssize_t));
        if (offsets == NULL)
            return PyErr_NoMemory();
        for (Py_ssize_t i = 0; i < m; i++) {
            offsets[2 * i] = utf8->start[i];
            offsets[2 * i + 1] = utf8->end[i];
        }
        int failed = utf8_to_chars(&t, offsets, 2 * m);
        for (Py_ssize_t i = 0; !failed && i < m; i++)
            failed = collector_add(found, utf8->rule[i], offsets[2 * i], offsets[2 * i + 1]);
        PyMem_Free(offsets);
        if (failed)
            return NULL;
    }
    PyObject *hits = PyList_New(0);
    PyObject *append = hits ? PyObject_GetAttrString(hits, "append") : NULL;
    if (append == NULL) {
        Py_XDECREF(hits);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < found->n; i++) {
        Py_ssize_t rule = found->rule[i], start = found->start[i];
        if (rule < 0 || rule >= self->n) {
            PyErr_SetString(PyExc_IndexError, "rule index out of range");
            goto fail;
        }
        RuleAt fast = self->rules[rule];
        if (fast != NULL) {
            t.defer = 0;
            PyObject *r;
            if (!self->leads[rule])
                r = fast(text, &t, start);
            else if (start > 0)
                r = fast(text, &t, start + 1);
            else {
                r = fast(text, &t, 0);
                if (r == Py_False) {
                    Py_DECREF(r);
                    r = fast(text, &t, 1);
                }
            }
            if (r == NULL)
                goto fail;
            if (r != Py_NotImplemented) {
                int err = 0;
                if (PyList_CheckExact(r)) /* a `many` rule's hits (_cues.c) */
                    err = PyList_SetSlice(hits, PY_SSIZE_T_MAX, PY_SSIZE_T_MAX, r);
                else if (r != Py_None && r != Py_False)
                    err = PyList_Append(hits, r);
                Py_DECREF(r);
                if (err < 0)
                    goto fail;
                continue;
            }
            Py_DECREF(r);
        }
        PyObject *pair = PyList_GET_ITEM(self->pairs, rule);
        if (pair != Py_None) {
            int err = match_and_check(pair, text, start, self->leads[rule], hits);
            if (err < 0)
                goto fail;
            continue;
        }
        PyObject *call[5] = {PyLong_FromSsize_t(rule), text, PyLong_FromSsize_t(start),
                             PyLong_FromSsize_t(found->end[i]), append};
        PyObject *r = (call[0] && call[2] && call[3])
                          ? PyObject_Vectorcall(fallback, call, 5, NULL)
                          : NULL;
        Py_XDECREF(call[0]);
        Py_XDECREF(call[2]);
        Py_XDECREF(call[3]);
        if (r == NULL)
            goto fail;
        Py_DECREF(r);
    }
    Py_DECREF(append);
    PyObject *out = resolve(hits);
    Py_DECREF(hits);
    return out;
fail:
    Py_DECREF(append);
    Py_DECREF(hits);
    return NULL;
}

static PyObject *Plan_run(Plan *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (hit_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "_native.configure() has not been called");
        return NULL;
    }
    if (nargs != 4 || !PyUnicode_Check(args[0]) || !PyObject_TypeCheck(args[1], &CollectorType)
        || (args[2] != Py_None && !PyObject_TypeCheck(args[2], &CollectorType))) {
        PyErr_SetString(PyExc_TypeError, "expected (text, Collector, Collector | None, fallback)");
        return NULL;
    }
    return plan_run(self, args[0], (Collector *)args[1],
                    args[2] == Py_None ? NULL : (Collector *)args[2], args[3]);
}

/* The text's ASCII shadow: every code point above U+007F as "?" (engine.py). */
static PyObject *ascii_shadow(PyObject *text)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (PyUnicode_IS_ASCII(text))
        return PyBytes_FromStringAndSize(PyUnicode_DATA(text), n);
    PyObject *out = PyBytes_FromStringAndSize(NULL, n);
    if (out == NULL)
        return NULL;
    char *bytes = PyBytes_AS_STRING(out);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        bytes[i] = c < 128 ? (char)c : '?';
    }
    return out;
}

static PyObject *s_scan_method;

/* db.scan(data, collector) */
static int hs_scan(PyObject *db, PyObject *data, PyObject *collector)
{
    PyObject *r = PyObject_CallMethodObjArgs(db, s_scan_method, data, collector, NULL);
    Py_DECREF(data);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

typedef struct {
    Py_ssize_t end, rule, index;
} Report;

static int report_compare(const void *pa, const void *pb)
{
    const Report *a = pa, *b = pb;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    if (a->rule != b->rule)
        return a->rule < b->rule ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* A raw collector's reports (Hyperscan ids: expression indices) into `into` as (rule, start,
 * end), by end then rule index, each with its start: the reported one where the expression
 * keeps SOM tracking, else found backwards from the end (starts.py); `shadow`: the ASCII
 * pass. */
static int settle_into(Collector *into, Collector *raw, PyObject *starts, const Text *t,
                       int shadow)
{
    Report *order = PyMem_Malloc((raw->n ? raw->n : 1) * sizeof(Report));
    if (order == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < raw->n; i++) {
        order[i] = (Report){raw->end[i], starts_rule(starts, raw->rule[i]), i};
        if (order[i].rule < 0) {
            PyMem_Free(order);
            PyErr_SetString(PyExc_IndexError, "expression index out of range");
            return -1;
        }
    }
    /* Hyperscan reports by end, nearly always: an insertion sort is one pass (qsort if not) */
    Py_ssize_t moves = 0;
    for (Py_ssize_t k = 1; k < raw->n && moves <= 16 * raw->n; k++) {
        Report r = order[k];
        Py_ssize_t j = k;
        while (j > 0 && report_compare(&order[j - 1], &r) > 0) {
            order[j] = order[j - 1];
            j--;
            moves++;
        }
        order[j] = r;
    }
    if (moves > 16 * raw->n)
        qsort(order, (size_t)raw->n, sizeof(Report), report_compare);
    int err = 0;
    for (Py_ssize_t k = 0; !err && k < raw->n; k++) {
        Py_ssize_t i = order[k].index, expr = raw->rule[i], rule = order[k].rule;
        Py_ssize_t start = raw->start[i];
        if (!starts_kept(starts, expr)) {
            start = starts_leftmost(starts, expr, t, raw->end[i], shadow);
            if (start < 0) {
                PyErr_SetString(PyExc_RuntimeError, "no start for a reported match");
                err = -1;
                break;
            }
        }
        err = collector_add(into, rule, start, raw->end[i]);
    }
    PyMem_Free(order);
    return err;
}

/* The candidates as plan_run takes them, from an ASCII collector (raw if ascii_starts) and a
 * UTF-8 one (raw if utf8_starts; byte offsets), the UTF-8 pass's after the ASCII pass's. */
static Collector *settle(PyObject *text, Collector *found, PyObject *ascii_starts,
                         Collector *utf8, PyObject *utf8_starts)
{
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text), 0};
    Collector *out = PyObject_New(Collector, &CollectorType);
    if (out == NULL)
        return NULL;
    out->n = out->cap = out->mask = 0;
    out->rule = out->start = out->end = out->slots = NULL;
    out->raw = 0;
    int err = 0;
    if (ascii_starts != NULL)
        err = settle_into(out, found, ascii_starts, &t, 1);
    else
        for (Py_ssize_t i = 0; !err && i < found->n; i++)
            err = collector_add(out, found->rule[i], found->start[i], found->end[i]);
    if (!err && utf8 != NULL && utf8->n) {
        /* byte offsets to code points: every end, and the starts SOM tracking reported */
        Py_ssize_t m = utf8->n;
        Py_ssize_t *offsets = PyMem_Malloc(2 * m * sizeof(Py_ssize_t));
        if (offsets == NULL) {
            PyErr_NoMemory();
            err = -1;
        }
        for (Py_ssize_t i = 0; !err && i < m; i++) {
            int kept = utf8_starts == NULL || starts_kept(utf8_starts, utf8->rule[i]);
            /* (no SOM: Hyperscan reported 0 as the start; it is found after conversion) */
            offsets[2 * i] = kept ? utf8->start[i] : utf8->end[i];
            offsets[2 * i + 1] = utf8->end[i];
        }
        if (!err)
            err = utf8_to_chars(&t, offsets, 2 * m);
        for (Py_ssize_t i = 0; !err && i < m; i++) {
            utf8->start[i] = offsets[2 * i];
            utf8->end[i] = offsets[2 * i + 1];
        }
        PyMem_Free(offsets);
        if (!err && utf8_starts != NULL)
            err = settle_into(out, utf8, utf8_starts, &t, 0);
        else
            for (Py_ssize_t i = 0; !err && i < m; i++)
                err = collector_add(out, utf8->rule[i], utf8->start[i], utf8->end[i]);
    }
    if (err) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

/* plan.scan(text, ascii_db, utf8_db, fallback[, ascii_starts, utf8_starts]):
 * engine._scan_native in one call — both Hyperscan passes into collectors, the starts of
 * the expressions compiled without SOM tracking found (settle), then run. */
static PyObject *Plan_scan(Plan *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (hit_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "_native.configure() has not been called");
        return NULL;
    }
    if ((nargs != 4 && nargs != 6) || !PyUnicode_Check(args[0])
        || (nargs == 6 && ((args[4] != Py_None && !PyObject_TypeCheck(args[4], &StartsType))
                           || (args[5] != Py_None && !PyObject_TypeCheck(args[5], &StartsType))))) {
        PyErr_SetString(PyExc_TypeError,
                        "expected (text, ascii_db, utf8_db, fallback[, ascii_starts, utf8_starts])");
        return NULL;
    }
    PyObject *text = args[0], *ascii_db = args[1], *utf8_db = args[2];
    PyObject *ascii_starts = nargs == 6 && args[4] != Py_None ? args[4] : NULL;
    PyObject *utf8_starts = nargs == 6 && args[5] != Py_None ? args[5] : NULL;
    if (PyUnicode_GET_LENGTH(text) == 0)
        return PyList_New(0);
    Collector *found = PyObject_New(Collector, &CollectorType), *utf8 = NULL;
    PyObject *out = NULL;
    if (found == NULL)
        return NULL;
    found->n = found->cap = found->mask = 0;
    found->rule = found->start = found->end = found->slots = NULL;
    found->raw = ascii_starts != NULL;
    if (ascii_db != Py_None) {
        PyObject *shadow = ascii_shadow(text);
        if (shadow == NULL || hs_scan(ascii_db, shadow, (PyObject *)found) < 0)
            goto done;
    }
    if (!PyUnicode_IS_ASCII(text) && utf8_db != Py_None) {
        utf8 = PyObject_New(Collector, &CollectorType);
        if (utf8 == NULL)
            goto done;
        utf8->n = utf8->cap = utf8->mask = 0;
        utf8->rule = utf8->start = utf8->end = utf8->slots = NULL;
        utf8->raw = utf8_starts != NULL;
        PyObject *data = PyUnicode_AsUTF8String(text);
        if (data == NULL || hs_scan(utf8_db, data, (PyObject *)utf8) < 0)
            goto done;
    }
    if (ascii_starts != NULL || utf8_starts != NULL) {
        Collector *settled = settle(text, found, ascii_starts, utf8, utf8_starts);
        if (settled == NULL)
            goto done;
        Py_DECREF(found);
        found = settled;
        Py_CLEAR(utf8);
    }
    out = plan_run(self, text, found, utf8, args[3]);
done:
    Py_DECREF(found);
    Py_XDECREF(utf8);
    return out;
}

static PyMethodDef Plan_methods[] = {
    {"run", (PyCFunction)(void (*)(void))Plan_run, METH_FASTCALL,
     "run(text, ascii, utf8, fallback) -> resolved hits"},
    {"scan", (PyCFunction)(void (*)(void))Plan_scan, METH_FASTCALL,
     "scan(text, ascii_db, utf8_db, fallback) -> resolved hits"},
    {NULL, NULL, 0, NULL}};

static PyTypeObject PlanType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "piiguard.scanner._native.Plan",
    .tp_basicsize = sizeof(Plan),
    .tp_dealloc = (destructor)Plan_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Plan(names, leads): each rule index's fast path (a name or None) and lead flag.",
    .tp_methods = Plan_methods,
    .tp_init = (initproc)Plan_init,
    .tp_new = PyType_GenericNew,
};

/* ---- configuration ---- */

void free_context(Context *c)
{
    for (Py_ssize_t i = 0; i < c->n; i++)
        PyMem_Free(c->words[i].chars);
    PyMem_Free(c->words);
    c->words = NULL;
    c->n = 0;
}

/* A list of (word, lead, trail): the word lower-cased. */
int load_context(Context *c, PyObject *spec)
{
    free_context(c);
    PyObject *seq = PySequence_Fast(spec, "a context is a sequence of (word, lead, trail)");
    if (seq == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    c->words = PyMem_Calloc(n ? n : 1, sizeof(Word));
    if (c->words == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *word;
        int lead, trail;
        if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(seq, i), "Upp", &word, &lead, &trail)
            || PyUnicode_GET_LENGTH(word) == 0) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "empty context word");
            Py_DECREF(seq);
            return -1;
        }
        Py_UCS4 *chars = PyUnicode_AsUCS4Copy(word);
        if (chars == NULL) {
            Py_DECREF(seq);
            return -1;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(word);
        for (Py_ssize_t k = 0; k < len; k++)
            chars[k] = lower(chars[k]);
        c->words[c->n++] = (Word){chars, len, lead, trail};
    }
    Py_DECREF(seq);
    return 0;
}

static PyObject *native_configure(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *names[] = {"hit", "checksum", "format", "context", "contexts", "mobile_table",
                            "file_suffixes", "provinces", "iban_classes", "cn_trunk",
                            "surnames", "function_chars", "compound_surnames", "common_words",
                            "plate_provinces", "not_last", "not_names", "unit_chars",
                            "word_ends", NULL};
    PyObject *hit, *checksum, *format, *context, *ctx, *table, *suffixes, *codes, *ibans, *trunk;
    PyObject *single, *function, *compound, *common, *plates, *last, *nonames, *units, *ends;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!OOOO!O!O!OO!OUUO!O!UO!O!UO!", names, &PyType_Type,
                                     &hit, &checksum, &format, &context, &PyDict_Type, &ctx,
                                     &PyByteArray_Type, &table, &PyFrozenSet_Type, &suffixes,
                                     &codes, &PyDict_Type, &ibans, &trunk, &single, &function,
                                     &PyFrozenSet_Type, &compound, &PyFrozenSet_Type, &common,
                                     &plates, &PyFrozenSet_Type, &last, &PyFrozenSet_Type,
                                     &nonames, &units, &PyFrozenSet_Type, &ends))
        return NULL;
    Py_XSETREF(word_ends, Py_NewRef(ends));
    Py_XSETREF(not_last, Py_NewRef(last));
    Py_XSETREF(not_names, Py_NewRef(nonames));
    if (load_bits(surnames, single) < 0 || load_bits(function_chars, function) < 0
        || load_bits(plate_provinces, plates) < 0 || load_bits(unit_chars, units) < 0)
        return NULL;
    Py_XSETREF(compound_surnames, Py_NewRef(compound));
    Py_XSETREF(common_words, Py_NewRef(common));
    if (!PyType_IsSubtype((PyTypeObject *)hit, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "hit must be a tuple type");
        return NULL;
    }
    if (PyByteArray_GET_SIZE(table) != 100000) {
        PyErr_SetString(PyExc_ValueError, "mobile_table must have 100000 entries");
        return NULL;
    }
    static const char *keys[CTX_COUNT] = {"phone",     "bank",     "credit",    "ip",
                                           "version",   "coordinates", "zh_suffix", "zh_label",
                                           "zh_follow", "card"};
    for (int i = 0; i < CTX_COUNT; i++) {
        PyObject *spec = PyDict_GetItemString(ctx, keys[i]);
        if (spec == NULL) {
            PyErr_Format(PyExc_KeyError, "context %s missing", keys[i]);
            return NULL;
        }
        if (load_context(&contexts[i], spec) < 0)
            return NULL;
    }
    memset(provinces, 0, sizeof(provinces));
    PyObject *it = PyObject_GetIter(codes);
    if (it == NULL)
        return NULL;
    PyObject *code;
    while ((code = PyIter_Next(it)) != NULL) {
        long v = PyLong_AsLong(code);
        Py_DECREF(code);
        if (v < 0 || v > 99) {
            Py_DECREF(it);
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "province codes are 00-99");
            return NULL;
        }
        provinces[v] = 1;
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_XSETREF(hit_type, (PyTypeObject *)Py_NewRef(hit));
    Py_XSETREF(v_checksum, Py_NewRef(checksum));
    Py_XSETREF(v_format, Py_NewRef(format));
    Py_XSETREF(v_context, Py_NewRef(context));
    Py_XSETREF(mobile_table, Py_NewRef(table));
    Py_XSETREF(file_suffixes, Py_NewRef(suffixes));
    Py_XSETREF(iban_classes, Py_NewRef(ibans));
    Py_XSETREF(cn_trunk, Py_NewRef(trunk));
    Py_RETURN_NONE;
}

/* ---- field values (fields.zh_name, context._key_start; issue 18, third pass) ----
 *
 * fields.zh_name runs for every value of a name field, every sample value of an unlabelled
 * CSV column and every name read after a Chinese label: a surname and one or two given
 * characters, or a dotted name (买买提·艾力). Its own tables (configure_fields), not the
 * fast paths': the character model of fields.py. */

static unsigned char f_surnames[0x10000 / 8], f_given[0x10000 / 8], f_not_given[0x10000 / 8];
static PyObject *f_compounds = NULL, *f_not_names = NULL; /* frozensets of str */

static inline int dot_sep(Py_UCS4 c)
{
    return c == 0x00B7 || c == 0x2022 || c == 0x30FB || c == 0x2027; /* · • ・ ‧ */
}

/* The end of fields._DOTTED matched at pos ([CJK]{1,8}(?:[·•・‧][CJK]{1,8}){1,3}), or -1. */
static Py_ssize_t dotted_end(const Text *t, Py_ssize_t pos)
{
    Py_ssize_t i = pos;
    while (i < t->len && i - pos < 8 && cjk(at(t, i)))
        i++;
    if (i == pos || !dot_sep(at(t, i)) || i >= t->len)
        return -1; /* a run of more than 8 stops before a CJK character, not a dot */
    int groups = 0;
    while (groups < 3 && i < t->len && dot_sep(at(t, i))) {
        Py_ssize_t j = i + 1, k = j;
        while (k < t->len && k - j < 8 && cjk(at(t, k)))
            k++;
        if (k == j)
            break;
        i = k;
        groups++;
    }
    return groups ? i : -1;
}

/* fields.zh_name(value, pos, end, strict): 1 and *out_end set; 0 none; -1 error.
 * has_end 0 stands for end=None. pos >= 0. */
int zh_name_ready(void) { return f_compounds != NULL; }

int zh_name_span(PyObject *value, const Text *t, Py_ssize_t pos, int has_end, Py_ssize_t end,
                 int strict, Py_ssize_t *out_end)
{
    Py_ssize_t dotted = dotted_end(t, pos);
    if (dotted >= 0 && (!has_end || dotted <= end || end - pos >= 4)) {
        if (dotted == t->len || !cjk(at(t, dotted))) {
            *out_end = dotted;
            return 1;
        }
    }
    Py_ssize_t limit = !has_end || end > t->len ? t->len : end; /* re's endpos */
    Py_ssize_t stop = pos;
    while (stop < limit && stop - pos < 4 && cjk(at(t, stop)))
        stop++;
    Py_ssize_t run = stop - pos;
    if (run < 2)
        return 0;
    int found = slice_in(value, t, pos, pos + 2, f_compounds);
    if (found < 0)
        return -1;
    Py_ssize_t surname = found ? 2 : in_bits(f_surnames, at(t, pos)) ? 1 : 0;
    if (!surname || run <= surname)
        return 0;
    int whole = stop == t->len || !cjk(at(t, stop));
    Py_ssize_t given = run - surname; /* the given characters: from pos + surname */
    if (!(whole && run <= surname + 2)) {
        if (given > 2)
            given = 2;
        while (given > 0 && in_bits(f_not_given, at(t, pos + surname + given - 1)))
            given--;
    }
    if (given == 0)
        return 0;
    for (Py_ssize_t i = pos + surname; i < pos + surname + given; i++)
        if (in_bits(f_not_given, at(t, i)) || (strict && !in_bits(f_given, at(t, i))))
            return 0;
    found = slice_in(value, t, pos, pos + surname + given, f_not_names);
    if (found < 0)
        return -1;
    if (found)
        return 0;
    *out_end = pos + surname + given;
    return 1;
}

/* zh_name(value, pos=0, end=None, strict=False) -> (start, end) | None, as fields.zh_name
 * (pos must not be negative). */
static PyObject *native_zh_name(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                PyObject *kwnames)
{
    static const char *keys[] = {"value", "pos", "end", "strict"};
    PyObject *given[4] = {NULL, NULL, Py_None, Py_False};
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs > 4) {
        PyErr_SetString(PyExc_TypeError, "zh_name takes at most 4 arguments");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++)
        given[i] = args[i];
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, k);
        int slot = -1;
        for (int j = 1; j < 4; j++)
            if (PyUnicode_CompareWithASCIIString(name, keys[j]) == 0)
                slot = j;
        if (slot < 0 || slot < nargs) {
            PyErr_Format(PyExc_TypeError, "zh_name: unexpected or repeated argument %R", name);
            return NULL;
        }
        given[slot] = args[nargs + k];
    }
    PyObject *value = given[0];
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "zh_name: value must be a str");
        return NULL;
    }
    if (f_compounds == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "configure_fields() first");
        return NULL;
    }
    Py_ssize_t pos = given[1] == NULL ? 0 : PyLong_AsSsize_t(given[1]);
    if (pos == -1 && PyErr_Occurred())
        return NULL;
    if (pos < 0) {
        PyErr_SetString(PyExc_ValueError, "zh_name: pos must not be negative");
        return NULL;
    }
    int has_end = given[2] != Py_None;
    Py_ssize_t end = has_end ? PyLong_AsSsize_t(given[2]) : 0;
    if (end == -1 && PyErr_Occurred())
        return NULL;
    int strict = PyObject_IsTrue(given[3]);
    if (strict < 0)
        return NULL;
    Text t = {PyUnicode_KIND(value), PyUnicode_DATA(value), PyUnicode_GET_LENGTH(value), 0};
    if (pos >= t.len)
        Py_RETURN_NONE; /* neither pattern matches at the end (or past it) */
    Py_ssize_t stop = 0;
    int found = zh_name_span(value, &t, pos, has_end, end, strict, &stop);
    if (found < 0)
        return NULL;
    if (!found)
        Py_RETURN_NONE;
    return Py_BuildValue("(nn)", pos, stop);
}

static inline int key_char(Py_UCS4 c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
           || c == '-' || c == '.' || c == '/';
}

/* context._key_start(text, start): back over key characters and up to three single spaces
 * between words (chunk: text[lo:start], as the Python slices it). */
/* context.key_start_python(text, start), start >= 0 */
Py_ssize_t key_start_of(const Text *t, Py_ssize_t start)
{
    Py_ssize_t lo = start > 40 ? start - 40 : 0;
    Py_ssize_t hi = start < t->len ? start : t->len;
    Py_ssize_t n = hi > lo ? hi - lo : 0; /* len(chunk) */
#define CH(k) at(t, lo + (k))
    Py_ssize_t i = n;
    while (i > 0 && key_char(CH(i - 1)))
        i--;
    for (int round = 0; round < 3; round++) {
        if (i < 2 || CH(i - 1) != ' ' || !Py_UNICODE_ISALNUM(CH(i - 2)))
            break;
        i = i - 1;
        while (i > 0 && key_char(CH(i - 1)))
            i--;
    }
    while (i < n && !Py_UNICODE_ISALNUM(CH(i)))
        i++;
#undef CH
    return lo + i;
}

static PyObject *native_key_start(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "key_start(text: str, start: int)");
        return NULL;
    }
    Py_ssize_t start = PyLong_AsSsize_t(args[1]);
    if (start == -1 && PyErr_Occurred())
        return NULL;
    PyObject *text = args[0];
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text), 0};
    if (start < 0) {
        PyErr_SetString(PyExc_ValueError, "start must not be negative");
        return NULL;
    }
    return PyLong_FromSsize_t(key_start_of(&t, start));
}

static PyObject *native_configure_fields(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *names[] = {"surnames", "given", "not_given", "compounds", "not_names", NULL};
    PyObject *single, *given, *not_given, *compounds, *nonames;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "UUUO!O!", names, &single, &given, &not_given,
                                     &PyFrozenSet_Type, &compounds, &PyFrozenSet_Type, &nonames))
        return NULL;
    if (load_bits(f_surnames, single) < 0 || load_bits(f_given, given) < 0
        || load_bits(f_not_given, not_given) < 0)
        return NULL;
    Py_XSETREF(f_compounds, Py_NewRef(compounds));
    Py_XSETREF(f_not_names, Py_NewRef(nonames));
    Py_RETURN_NONE;
}


static PyMethodDef methods[] = {
    {"configure", (PyCFunction)(void (*)(void))native_configure, METH_VARARGS | METH_KEYWORDS,
     "Give the fast paths the Hit type, validators, context words and tables."},
    {"card", (PyCFunction)(void (*)(void))native_card, METH_FASTCALL, "numbers.CARD + _card"},
    {"resident_id_18", (PyCFunction)(void (*)(void))native_resident_id_18, METH_FASTCALL,
     "numbers.RESIDENT_ID_18 + _resident_id_18"},
    {"mobile", (PyCFunction)(void (*)(void))native_mobile, METH_FASTCALL,
     "numbers.MOBILE + _mobile"},
    {"ipv4", (PyCFunction)(void (*)(void))native_ipv4, METH_FASTCALL, "formats.IPV4 + _ipv4"},
    {"email", (PyCFunction)(void (*)(void))native_email, METH_FASTCALL,
     "formats.EMAIL + _email"},
    {"iban", (PyCFunction)(void (*)(void))native_iban, METH_FASTCALL, "numbers.IBAN + _iban"},
    {"ipv6", (PyCFunction)(void (*)(void))native_ipv6, METH_FASTCALL, "formats.IPV6 + _ipv6"},
    {"coordinates", (PyCFunction)(void (*)(void))native_coordinates, METH_FASTCALL,
     "formats.COORDINATES + _coordinates"},
    {"landline", (PyCFunction)(void (*)(void))native_landline, METH_FASTCALL,
     "numbers.LANDLINE + _landline"},
    {"zh_name_suffix", (PyCFunction)(void (*)(void))native_zh_name_suffix, METH_FASTCALL,
     "words.SUFFIX + _zh_name_suffix"},
    {"zh_name_label", (PyCFunction)(void (*)(void))native_zh_name_label, METH_FASTCALL,
     "words.LABEL + _zh_name_label"},
    {"plate", (PyCFunction)(void (*)(void))native_plate, METH_FASTCALL, "formats.PLATE + _plate"},
    {"token", (PyCFunction)(void (*)(void))native_token, METH_FASTCALL, "formats.TOKEN"},
    {"private_key", (PyCFunction)(void (*)(void))native_private_key, METH_FASTCALL,
     "formats.PRIVATE_KEY"},
    {"latin_name", (PyCFunction)(void (*)(void))native_latin_name, METH_FASTCALL,
     "words.LATIN_NAME + _latin_name"},
    {"dob", (PyCFunction)(void (*)(void))native_dob, METH_FASTCALL, "words.DOB + _dob"},
    {"part_cue", (PyCFunction)(void (*)(void))native_part_cue, METH_FASTCALL,
     "lookalikes.PART_CUE + its claims (a list)"},
    {"version_cue", (PyCFunction)(void (*)(void))native_version_cue, METH_FASTCALL,
     "lookalikes.VERSION_CUE + its claims (a list)"},
    {"configure_cues", (PyCFunction)(void (*)(void))native_configure_cues,
     METH_VARARGS | METH_KEYWORDS, "Give the look-alike cues their words (lookalikes.py)."},
    {"field_key", (PyCFunction)(void (*)(void))native_field_key, METH_FASTCALL,
     "context.FIELD_EN + _fields_en (a list); other values by fields.classify"},
    {"field_label", (PyCFunction)(void (*)(void))native_field_label, METH_FASTCALL,
     "context.FIELD_ZH + _field_zh; values by fields.classify"},
    {"birth_date", (PyCFunction)(void (*)(void))native_birth_date, METH_FASTCALL,
     "fields.birth_date, or NotImplemented"},
    {"configure_labels", (PyCFunction)(void (*)(void))native_configure_labels,
     METH_VARARGS | METH_KEYWORDS, "Give the Chinese field labels their vocabulary."},
    {"chat_line", (PyCFunction)(void (*)(void))native_chat_line, METH_FASTCALL,
     "False where conversation.CHAT_LINE cannot match, else NotImplemented"},
    {"configure_keys", (PyCFunction)(void (*)(void))native_configure_keys,
     METH_VARARGS | METH_KEYWORDS, "Give the field keys the vocabulary's remembered keys."},
    {"configure_fields", (PyCFunction)(void (*)(void))native_configure_fields,
     METH_VARARGS | METH_KEYWORDS, "Give zh_name the character model of fields.py."},
    {"zh_name", (PyCFunction)(void (*)(void))native_zh_name, METH_FASTCALL | METH_KEYWORDS,
     "fields.zh_name"},
    {"key_start", (PyCFunction)(void (*)(void))native_key_start, METH_FASTCALL,
     "context._key_start"},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_native",
                                    "Compiled fast paths of the scanner's hottest rules.", -1,
                                    methods};

PyMODINIT_FUNC PyInit__native(void)
{
    s_phone = PyUnicode_InternFromString("phone");
    s_email = PyUnicode_InternFromString("email");
    s_ip = PyUnicode_InternFromString("ip_address");
    s_rid = PyUnicode_InternFromString("resident_id");
    s_bank = PyUnicode_InternFromString("bank_card");
    s_credit = PyUnicode_InternFromString("credit_card");
    s_iban = PyUnicode_InternFromString("iban");
    s_coordinates = PyUnicode_InternFromString("coordinates");
    s_scan_method = PyUnicode_InternFromString("scan");
    if (s_scan_method == NULL)
        return NULL;
    s_person = PyUnicode_InternFromString("person_name");
    s_plate = PyUnicode_InternFromString("licence_plate");
    s_dob = PyUnicode_InternFromString("date_of_birth");
    if (s_dob == NULL || load_dob_words() < 0)
        return NULL;
    s_secret = PyUnicode_InternFromString("secret");
    if (s_person == NULL || s_plate == NULL || s_secret == NULL)
        return NULL;
    if (!s_coordinates || !s_phone || !s_email || !s_ip || !s_rid || !s_bank || !s_credit || !s_iban)
        return NULL;
    if (PyType_Ready(&CollectorType) < 0 || PyType_Ready(&PlanType) < 0
        || PyType_Ready(&StartsType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "VERSION", NATIVE_VERSION) < 0
        || PyModule_AddObjectRef(m, "Collector", (PyObject *)&CollectorType) < 0
        || PyModule_AddObjectRef(m, "Plan", (PyObject *)&PlanType) < 0
        || PyModule_AddObjectRef(m, "Starts", (PyObject *)&StartsType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
