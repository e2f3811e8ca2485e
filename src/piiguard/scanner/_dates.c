/* A date of birth in any common writing, in C (issue 18, sixth pass on speed):
 * fields.birth_date, the check of a value in a birth-date field (出生日期：1994.02.25,
 * "birthDate": "27/07/1963", DOB: July 27, 1963), called from _keys.c for the keys and labels
 * whose meaning is a date of birth (about 6,000 values a corpus-2 scan, each a call of
 * fields.classify before).
 *
 * fields._DATE's eight alternatives are tried in its order at pos, each as re backtracks
 * through it (each quantifier's choices are written out below where more than one could
 * succeed), and the first that matches decides, with birth_date's checks after it. The value
 * ends at `limit` (the field's region). A decimal digit outside ASCII near pos (re's \d
 * matches it) hands the value back to Python.
 */
#include "_native.h"

#define WINDOW 32 /* longer than any match of _DATE, and the character after it */

static inline Py_UCS4 ch(const Text *t, Py_ssize_t p, Py_ssize_t limit)
{
    return p < limit ? at(t, p) : 0;
}

/* ASCII digits at p, at most `most` */
static Py_ssize_t digits(const Text *t, Py_ssize_t p, Py_ssize_t limit, Py_ssize_t most)
{
    Py_ssize_t n = 0;
    while (n < most && ascii_digit(ch(t, p + n, limit)))
        n++;
    return n;
}

/* ASCII letters at p, at most `most` */
static Py_ssize_t letters(const Text *t, Py_ssize_t p, Py_ssize_t limit, Py_ssize_t most)
{
    Py_ssize_t n = 0;
    while (n < most && ascii_alpha(ch(t, p + n, limit)))
        n++;
    return n;
}

static long number(const Text *t, Py_ssize_t p, Py_ssize_t n)
{
    long v = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        v = v * 10 + (long)(at(t, p + i) - '0');
    return v;
}

/* (?:19|20)\d\d at p */
static int year_at(const Text *t, Py_ssize_t p, Py_ssize_t limit)
{
    Py_UCS4 a = ch(t, p, limit), b = ch(t, p + 1, limit);
    return ((a == '1' && b == '9') || (a == '2' && b == '0')) && digits(t, p + 2, limit, 2) == 2;
}

static int separator(Py_UCS4 c) { return c == '-' || c == '/' || c == '.'; }

/* (?:st|nd|rd|th) at p: its length, or 0 */
static Py_ssize_t ordinal(const Text *t, Py_ssize_t p, Py_ssize_t limit)
{
    Py_UCS4 a = ch(t, p, limit), b = ch(t, p + 1, limit);
    return ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd')
            || (a == 't' && b == 'h'))
               ? 2
               : 0;
}

/* fields._MONTHS.get(name[:3].lower(), 0) */
static long month_named(const Text *t, Py_ssize_t p)
{
    static const char *names = "janfebmaraprmayjunjulaugsepoctnovdec";
    for (int m = 0; m < 12; m++)
        if (lower(at(t, p)) == (Py_UCS4)names[3 * m] && lower(at(t, p + 1)) == (Py_UCS4)names[3 * m + 1]
            && lower(at(t, p + 2)) == (Py_UCS4)names[3 * m + 2])
            return m + 1;
    return 0;
}

/* fields.birth_date(value, pos) with value = text[:limit]: the end of the date (> pos), 0
 * when none, -1 when Python must decide (a decimal digit outside ASCII). */
Py_ssize_t birth_date_end(const Text *t, Py_ssize_t pos, Py_ssize_t limit)
{
    for (Py_ssize_t i = pos; i < pos + WINDOW && i < limit; i++) {
        Py_UCS4 c = at(t, i);
        if (c > 127 && Py_UNICODE_ISDECIMAL(c))
            return -1;
    }
    Py_ssize_t end = -1;
    int ok = 0;
    /* 1: (?P<y1>(?:19|20)\d\d)(?P<s1>[-/.]?)(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2}) */
    if (year_at(t, pos, limit)) {
        Py_ssize_t q = pos + 4;
        Py_UCS4 s = ch(t, q, limit);
        if (separator(s)) { /* s1 taken (left out, m1 would begin at the separator) */
            for (Py_ssize_t m = digits(t, q + 1, limit, 2); m >= 1 && end < 0; m--) {
                Py_ssize_t r = q + 1 + m, d = ch(t, r, limit) == s ? digits(t, r + 1, limit, 2) : 0;
                if (d >= 1) {
                    end = r + 1 + d;
                    ok = valid_date(number(t, pos, 4), number(t, q + 1, m), number(t, r + 1, d));
                }
            }
        }
        else { /* s1 empty: m1 two digits when a digit follows them, else one */
            Py_ssize_t run = digits(t, q, limit, 3);
            Py_ssize_t m = run >= 3 ? 2 : 1;
            Py_ssize_t d = run >= 2 ? digits(t, q + m, limit, 2) : 0;
            if (d >= 1) {
                end = q + m + d;
                ok = end - pos == 8 /* undelimited only as YYYYMMDD */
                     && valid_date(number(t, pos, 4), number(t, q, m), number(t, q + m, d));
            }
        }
    }
    /* 5: (?P<y5>(?:19|20)\d\d)年(?P<m5>\d{1,2})月(?P<d5>\d{1,2})日? */
    if (end < 0 && year_at(t, pos, limit) && ch(t, pos + 4, limit) == 0x5E74) {
        Py_ssize_t m = digits(t, pos + 5, limit, 3);
        if (m >= 1 && m <= 2 && ch(t, pos + 5 + m, limit) == 0x6708) {
            Py_ssize_t q = pos + 6 + m, d = digits(t, q, limit, 2);
            if (d >= 1) {
                end = q + d + (ch(t, q + d, limit) == 0x65E5);
                ok = valid_date(number(t, pos, 4), number(t, pos + 5, m), number(t, q, d));
            }
        }
    }
    /* 2: (?P<a2>\d{1,2})(?P<s2>[/.-])(?P<b2>\d{1,2})(?P=s2)(?P<y2>(?:19|20)\d\d) */
    if (end < 0) {
        Py_ssize_t a = digits(t, pos, limit, 3);
        Py_UCS4 s = ch(t, pos + a, limit);
        if (a >= 1 && a <= 2 && separator(s)) {
            Py_ssize_t b = digits(t, pos + a + 1, limit, 3), r = pos + a + 1 + b;
            if (b >= 1 && b <= 2 && ch(t, r, limit) == s && year_at(t, r + 1, limit)) {
                long x = number(t, pos, a), y = number(t, pos + a + 1, b), year = number(t, r + 1, 4);
                end = r + 5;
                ok = valid_date(year, x, y) || valid_date(year, y, x);
            }
        }
    }
    /* 3: (?P<m3>[A-Za-z]{3,9})\.? (?P<d3>\d{1,2})(?:st|nd|rd|th)?,? (?P<y3>(?:19|20)\d\d) */
    if (end < 0) {
        Py_ssize_t n = letters(t, pos, limit, 10), q = pos + n;
        q += ch(t, q, limit) == '.';
        if (n >= 3 && n <= 9 && ch(t, q, limit) == ' ') {
            Py_ssize_t d = digits(t, q + 1, limit, 3), r = q + 1 + d;
            r += d >= 1 && d <= 2 ? ordinal(t, r, limit) : 0;
            r += ch(t, r, limit) == ',';
            if (d >= 1 && d <= 2 && ch(t, r, limit) == ' ' && year_at(t, r + 1, limit)) {
                end = r + 5;
                ok = valid_date(number(t, r + 1, 4), month_named(t, pos), number(t, q + 1, d));
            }
        }
    }
    /* 4: (?P<d4>\d{1,2})(?:st|nd|rd|th)?[ -](?P<m4>[A-Za-z]{3,9})\.?,?[ -](?P<y4>(?:19|20)\d\d) */
    if (end < 0) {
        Py_ssize_t d = digits(t, pos, limit, 3), q = pos + d;
        q += d >= 1 && d <= 2 ? ordinal(t, q, limit) : 0;
        Py_UCS4 c = ch(t, q, limit);
        if (d >= 1 && d <= 2 && (c == ' ' || c == '-')) {
            Py_ssize_t n = letters(t, q + 1, limit, 10), r = q + 1 + n;
            r += ch(t, r, limit) == '.';
            r += ch(t, r, limit) == ',';
            c = ch(t, r, limit);
            if (n >= 3 && n <= 9 && (c == ' ' || c == '-') && year_at(t, r + 1, limit)) {
                end = r + 5;
                ok = valid_date(number(t, r + 1, 4), month_named(t, q + 1), number(t, pos, d));
            }
        }
    }
    /* 6: (?P<y6>(?:19|20)\d\d)(?:年(?P<m6>\d{1,2})月?|[-/.](?P<m7>\d{1,2})) */
    if (end < 0 && year_at(t, pos, limit)) {
        Py_UCS4 c = ch(t, pos + 4, limit);
        Py_ssize_t m = digits(t, pos + 5, limit, 2);
        if ((c == 0x5E74 || separator(c)) && m >= 1) {
            end = pos + 5 + m;
            end += c == 0x5E74 && ch(t, end, limit) == 0x6708;
            long month = number(t, pos + 5, m);
            ok = month >= 1 && month <= 12;
        }
    }
    /* 7: (?P<a8>\d{1,2})(?P<s8>[/.-])(?P<b8>\d{1,2})(?P=s8)(?P<y8>\d\d): 03/04/88 (a two-digit
     * year, read as 20yy for the check: the same leap years as 19yy but 1900) */
    if (end < 0) {
        Py_ssize_t a = digits(t, pos, limit, 3);
        Py_UCS4 s = ch(t, pos + a, limit);
        if (a >= 1 && a <= 2 && separator(s)) {
            Py_ssize_t b = digits(t, pos + a + 1, limit, 3), r = pos + a + 1 + b;
            if (b >= 1 && b <= 2 && ch(t, r, limit) == s && digits(t, r + 1, limit, 2) == 2) {
                long x = number(t, pos, a), y = number(t, pos + a + 1, b), year = 2000 + number(t, r + 1, 2);
                end = r + 3;
                ok = valid_date(year, x, y) || valid_date(year, y, x);
            }
        }
    }
    /* 8: (?P<y9>\d\d)年(?P<m9>\d{1,2})月(?P<d9>\d{1,2})日?: 88年3月4日 */
    if (end < 0 && digits(t, pos, limit, 3) == 2 && ch(t, pos + 2, limit) == 0x5E74) {
        Py_ssize_t m = digits(t, pos + 3, limit, 3);
        if (m >= 1 && m <= 2 && ch(t, pos + 3 + m, limit) == 0x6708) {
            Py_ssize_t q = pos + 4 + m, d = digits(t, q, limit, 2);
            if (d >= 1) {
                end = q + d + (ch(t, q + d, limit) == 0x65E5);
                ok = valid_date(2000 + number(t, pos, 2), number(t, pos + 3, m), number(t, q, d));
            }
        }
    }
    if (end < 0 || (end < limit && Py_UNICODE_ISDIGIT(at(t, end))))
        return 0;
    return ok ? end : 0;
}

/* birth_date(value, pos=0): fields.birth_date's answer, or NotImplemented (Python's). */
PyObject *native_birth_date(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs < 1 || nargs > 2 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "birth_date(value: str, pos: int = 0)");
        return NULL;
    }
    Py_ssize_t pos = nargs > 1 ? PyLong_AsSsize_t(args[1]) : 0;
    if (pos == -1 && PyErr_Occurred())
        return NULL;
    PyObject *value = args[0];
    Text t = {PyUnicode_KIND(value), PyUnicode_DATA(value), PyUnicode_GET_LENGTH(value), 0};
    if (pos < 0 || pos > t.len) {
        PyErr_SetString(PyExc_ValueError, "birth_date: pos outside the value");
        return NULL;
    }
    Py_ssize_t end = birth_date_end(&t, pos, t.len);
    if (end < 0)
        return DEFERRED;
    if (end == 0)
        Py_RETURN_NONE;
    return Py_BuildValue("(nn)", pos, end);
}
