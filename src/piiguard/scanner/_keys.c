/* English field keys in C (issue 18, fifth pass on speed): the field_key and field_camel
 * rules (detectors/context.py, `_fields_en`): the key and its meaning, the separator, the
 * value's region, written out here; the value's check is fields.classify, called from here
 * (a date of birth's is _dates.c's),
 * except for the keys that name a part number, a version, a model … (fields.NOT_PERSONAL),
 * the most frequent meaning by far (19,007 of 39,403 keys read on corpus 2), whose check is
 * here too.
 *
 * field_key_at answers as engine._run does with `_fields_en`: False when FIELD_EN does not
 * match at pos, else the list of hits (empty, or the value). It hands back to Python
 * (NotImplemented) whatever it does not model: a key not yet in vocabulary._KNOWN (Python
 * classifies it once and remembers it), a bare account (a carrier's document decides), a
 * JSON array value, a MongoDB date ({"$date": …}), a name or a password after a space.
 *
 * The expressions are written out here beside the Python they stand for;
 * tests/scanner/test_native_many.py compares both at every position of random texts.
 */
#include "_native.h"

static PyObject *known = NULL;        /* vocabulary._KNOWN: key -> meaning or None */
static PyObject *not_personal = NULL; /* fields.NOT_PERSONAL, the meaning and the hit's type */
static PyObject *key_validator = NULL; /* Validator.FORMAT */
static PyObject *context_validator = NULL; /* Validator.CONTEXT */
static PyObject *classify = NULL;      /* fields.classify */
static PyObject *names = NULL;         /* context._NAMES, as a frozenset */
static PyObject *handed_back = NULL;   /* meanings left to Python (ACCOUNT_OR_CARD) */
static PyObject *after_space = NULL;   /* meanings whose value may follow a space: Python's */
static PyObject *comma_inside = NULL;  /* context._COMMA_INSIDE */
static PyObject *name_may_follow = NULL; /* context._NAME_MAY_FOLLOW.match */
static PyObject *dob = NULL;           /* fields.DOB: its values are checked in C (_dates.c) */

static inline int blank(Py_UCS4 c) { return c == ' ' || c == '\t'; }

static Py_ssize_t run_of_blanks(const Text *t, Py_ssize_t p)
{
    Py_ssize_t q = p;
    while (q < t->len && blank(at(t, q)))
        q++;
    return q - p;
}

static int starts_with(const Text *t, Py_ssize_t p, const char *ascii)
{
    for (Py_ssize_t k = 0; ascii[k]; k++)
        if (p + k >= t->len || at(t, p + k) != (Py_UCS4)(unsigned char)ascii[k])
            return 0;
    return 1;
}

typedef struct {
    Py_ssize_t end;  /* the whole match's */
    int sep;         /* (?P<sep>…) took part, else (?P<space>…) */
    Py_UCS4 quote;   /* (?P<q>…), 0 when empty */
    int maybe_date;  /* "{" follows: (?P<date>…) may match (not modelled) */
} Sep;

/* </t[dh]>[ \t]*<t[dh][^<>\n]{0,40}> at p: the end, or -1. */
static Py_ssize_t cell_break(const Text *t, Py_ssize_t p)
{
    if (!starts_with(t, p, "</t") || (at(t, p + 3) != 'd' && at(t, p + 3) != 'h')
        || at(t, p + 4) != '>')
        return -1;
    Py_ssize_t q = p + 5;
    q += run_of_blanks(t, q);
    if (!starts_with(t, q, "<t") || (at(t, q + 2) != 'd' && at(t, q + 2) != 'h'))
        return -1;
    q += 3;
    for (int k = 0; k < 40 && q < t->len; k++, q++) {
        Py_UCS4 c = at(t, q);
        if (c == '<' || c == '>' || c == '\n')
            break;
    }
    return q < t->len && at(t, q) == '>' ? q + 1 : -1;
}

/* (?P<sep>[:=：]|=>|->|\.{3,}|…+|</t[dh]>…)(?:\*\*|__)?[ \t]* at p: the end, or -1 ("=>"
 * is never reached: "=" matches first and nothing after it can fail). */
static Py_ssize_t sep_core(const Text *t, Py_ssize_t p)
{
    Py_UCS4 c = at(t, p);
    Py_ssize_t q = -1;
    if (p >= t->len)
        return -1;
    if (c == ':' || c == '=' || c == 0xFF1A)
        q = p + 1;
    else if (c == '-' && at(t, p + 1) == '>')
        q = p + 2;
    else if (c == '.' || c == 0x2026) {
        q = p;
        while (q < t->len && at(t, q) == c)
            q++;
        if (c == '.' && q - p < 3)
            q = -1;
    }
    else if (c == '<')
        q = cell_break(t, p);
    if (q < 0)
        return -1;
    if (starts_with(t, q, "**") || starts_with(t, q, "__"))
        q += 2;
    return q + run_of_blanks(t, q);
}

/* context._SEP.match at p, trying the optional parts before the separator as re does (each
 * taken first, then left out):
 *   (?:\(s\))?\.?["'”]?(?:\*\*|__|[】\]])?[ \t]*(?:SEP|(?P<space>[ \t]+))
 *   (?P<q>["'“<]?)(?P<date>…)?
 * 1 and *out set, or 0. */
static int sep_from(const Text *t, Py_ssize_t p, int part, Sep *out)
{
    if (part < 4) {
        Py_ssize_t taken = -1;
        Py_UCS4 c = at(t, p);
        if (part == 0 && starts_with(t, p, "(s)"))
            taken = p + 3;
        else if (part == 1 && c == '.' && p < t->len)
            taken = p + 1;
        else if (part == 2 && (c == '"' || c == '\'' || c == 0x201D))
            taken = p + 1;
        else if (part == 3 && (starts_with(t, p, "**") || starts_with(t, p, "__")))
            taken = p + 2;
        else if (part == 3 && (c == 0x3011 || c == ']'))
            taken = p + 1;
        if (taken >= 0 && sep_from(t, taken, part + 1, out))
            return 1;
        return sep_from(t, p, part + 1, out);
    }
    Py_ssize_t blanks = run_of_blanks(t, p), q = sep_core(t, p + blanks);
    out->sep = q >= 0;
    if (q < 0 && blanks == 0)
        return 0;
    if (q < 0)
        q = p + blanks; /* [ \t]* gives one back to (?P<space>[ \t]+), which takes it again */
    Py_UCS4 c = at(t, q);
    out->quote = 0;
    if (q < t->len && (c == '"' || c == '\'' || c == 0x201C || c == '<')) {
        out->quote = c;
        q++;
    }
    out->maybe_date = at(t, q) == '{' && q < t->len;
    out->end = q;
    return 1;
}

/* _REGION_END matches at p, the string ending at hi:
 *   [\t\r\n,;&|，；。<>\[\]{}]| {2}| (?=[^\s=:：]{1,30}[=:：])|\.(?=\s|$) */
static int region_end_at(const Text *t, Py_ssize_t p, Py_ssize_t hi)
{
    Py_UCS4 c = at(t, p);
    switch (c) {
    case '\t': case '\r': case '\n': case ',': case ';': case '&': case '|': case '<':
    case '>': case '[': case ']': case '{': case '}': case 0xFF0C: case 0xFF1B: case 0x3002:
        return 1;
    case ' ': {
        if (p + 1 < hi && at(t, p + 1) == ' ')
            return 1;
        Py_ssize_t r = 0;
        while (r < 31 && p + 1 + r < hi) {
            Py_UCS4 d = at(t, p + 1 + r);
            if (Py_UNICODE_ISSPACE(d) || d == '=' || d == ':' || d == 0xFF1A)
                break;
            r++;
        }
        Py_ssize_t q = p + 1 + r;
        Py_UCS4 d = at(t, q);
        return r >= 1 && r <= 30 && q < hi && (d == '=' || d == ':' || d == 0xFF1A);
    }
    case '.':
        return p + 1 >= hi || Py_UNICODE_ISSPACE(at(t, p + 1));
    default:
        return 0;
    }
}

/* fields._NOT_PERSONAL_VALUE ([^\s"',;，；。|&<]{1,128}) at p, the value ending at hi. */
static Py_ssize_t not_personal_value(const Text *t, Py_ssize_t p, Py_ssize_t hi)
{
    Py_ssize_t q = p;
    while (q < hi && q - p < 128) {
        Py_UCS4 c = at(t, q);
        if (Py_UNICODE_ISSPACE(c) || c == '"' || c == '\'' || c == ',' || c == ';' || c == 0xFF0C
            || c == 0xFF1B || c == 0x3002 || c == '|' || c == '&' || c == '<')
            break;
        q++;
    }
    return q;
}

/* Where the value at pos ends (_value_hit): its closing quote, or _REGION_END searched up to
 * 256 characters on; -1 when a quote does not close. */
static Py_ssize_t region_end(const Text *t, Py_ssize_t pos, Py_UCS4 quote)
{
    Py_ssize_t limit = pos + 256 < t->len ? pos + 256 : t->len;
    if (quote) {
        Py_UCS4 close = quote == 0x201C ? 0x201D : quote == '<' ? '>' : quote;
        for (Py_ssize_t i = pos; i < limit; i++)
            if (at(t, i) == close)
                return i;
        return -1;
    }
    for (Py_ssize_t i = pos; i < limit; i++)
        if (region_end_at(t, i, limit))
            return i;
    return limit;
}

/* A list of one hit, or NULL. */
static PyObject *one(PyObject *hit)
{
    if (hit == NULL)
        return NULL;
    PyObject *out = PyList_New(1);
    if (out == NULL) {
        Py_DECREF(hit);
        return NULL;
    }
    PyList_SET_ITEM(out, 0, hit);
    return out;
}

/* A double-quoted value holding "\\u" (_value_hit: JSON's \\uXXXX escapes, _escaped_hit):
 * Python's. */
static int escaped(const Text *t, Py_ssize_t pos, Py_ssize_t end, Py_UCS4 quote)
{
    if (quote != '"')
        return 0;
    for (Py_ssize_t i = pos; i + 1 < end; i++)
        if (at(t, i) == '\\' && at(t, i + 1) == 'u')
            return 1;
    return 0;
}

/* _value_hit(NOT_PERSONAL, text, pos, quote) as a list of none or one hit. */
static PyObject *not_personal_hit(PyObject *text, const Text *t, Py_ssize_t pos, Py_UCS4 quote)
{
    Py_ssize_t end = region_end(t, pos, quote);
    if (end < 0)
        return PyList_New(0);
    if (escaped(t, pos, end, quote))
        return DEFERRED;
    Py_ssize_t stop = not_personal_value(t, pos, end);
    if (stop == pos)
        return PyList_New(0);
    return one(make_hit(not_personal, text, pos, stop, 2.0, key_validator));
}

/* _value_hit(meaning, text, pos, quote) with fields.classify as a list of none or one hit. */
static PyObject *value_hit(PyObject *text, const Text *t, Py_ssize_t pos, Py_UCS4 quote,
                           PyObject *meaning)
{
    Py_ssize_t end = region_end(t, pos, quote);
    if (end < 0)
        return PyList_New(0);
    if (escaped(t, pos, end, quote))
        return DEFERRED;
    if (!quote) { /* "July 27, 1963", "22.9779,112.7666" */
        PyObject *reach = PyDict_GetItemWithError(comma_inside, meaning); /* borrowed */
        if (reach == NULL && PyErr_Occurred())
            return NULL;
        Py_ssize_t more = reach == NULL ? 0 : PyLong_AsSsize_t(reach);
        if (more == -1 && PyErr_Occurred())
            return NULL;
        Py_ssize_t wider = pos + more < t->len ? pos + more : t->len;
        if (wider > end)
            end = wider;
    }
    if (meaning == dob || PyUnicode_Compare(meaning, dob) == 0) { /* fields._dob */
        Py_ssize_t stop = birth_date_end(t, pos, end);
        if (stop == 0)
            return PyList_New(0);
        if (stop > 0)
            return one(make_hit(meaning, text, pos, stop, 0.92, context_validator));
    }
    else if (PyErr_Occurred())
        return NULL;
    PyObject *region = PyUnicode_Substring(text, pos, end);
    if (region == NULL)
        return NULL;
    PyObject *call[2] = {meaning, region};
    PyObject *found = PyObject_Vectorcall(classify, call, 2, NULL);
    PyObject *out = NULL, *kind, *conf, *follows = NULL;
    Py_ssize_t start, stop;
    double confidence;
    if (found == NULL)
        goto done;
    if (found == Py_None) {
        out = PyList_New(0);
        goto done;
    }
    if (!PyArg_ParseTuple(found, "UnnO", &kind, &start, &stop, &conf))
        goto done;
    confidence = PyFloat_AsDouble(conf);
    if (confidence == -1.0 && PyErr_Occurred())
        goto done;
    if (start < 0 || stop < start || stop > end - pos) {
        PyErr_SetString(PyExc_ValueError, "classify gave a span outside the value");
        goto done;
    }
    int name = PySet_Contains(names, meaning);
    if (name < 0)
        goto done;
    if (name) { /* a name field's value is the name, whole (or a name and a number) */
        PyObject *at_stop = PyLong_FromSsize_t(stop);
        PyObject *args[2] = {region, at_stop};
        follows = at_stop ? PyObject_Vectorcall(name_may_follow, args, 2, NULL) : NULL;
        Py_XDECREF(at_stop);
        if (follows == NULL)
            goto done;
        if (follows == Py_None) {
            out = PyList_New(0);
            goto done;
        }
    }
    int suppressing = PyUnicode_Compare(kind, not_personal);
    if (suppressing == -1 && PyErr_Occurred())
        goto done;
    out = one(make_hit(kind, text, pos + start, pos + stop, confidence,
                       suppressing == 0 ? key_validator : context_validator));
done:
    Py_DECREF(region);
    Py_XDECREF(found);
    Py_XDECREF(follows);
    return out;
}

/* text[start:end] with the digits 1-9 written 0 (vocabulary._ZEROS; a key is ASCII: the key
 * characters and spaces), or None when it has none of them. */
static PyObject *zeroed(const Text *t, Py_ssize_t start, Py_ssize_t end)
{
    int digits = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 c = at(t, i);
        if (c > 127)
            Py_RETURN_NONE; /* (not a key key_start_of reads; left to Python) */
        digits |= c >= '1' && c <= '9';
    }
    if (!digits)
        Py_RETURN_NONE;
    PyObject *out = PyUnicode_New(end - start, 127);
    if (out == NULL)
        return NULL;
    Py_UCS1 *chars = PyUnicode_1BYTE_DATA(out);
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 c = at(t, i);
        chars[i - start] = (Py_UCS1)(c >= '1' && c <= '9' ? '0' : c);
    }
    return out;
}

PyObject *field_key_at(PyObject *text, Text *t, Py_ssize_t pos)
{
    if (known == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "_native.configure_keys() has not been called");
        return NULL;
    }
    /* FIELD_EN = [A-Za-z][A-Za-z/]* at pos, then _key_meaning */
    if (pos < 0 || pos >= t->len || !ascii_alpha(at(t, pos)))
        return NO_MATCH;
    Py_ssize_t end = pos + 1;
    while (end < t->len && (ascii_alpha(at(t, end)) || at(t, end) == '/'))
        end++;
    while (end < t->len && (ascii_alnum(at(t, end)) || at(t, end) == '_' || at(t, end) == '-'))
        end++; /* _KEY_AFTER */
    Py_ssize_t start = key_start_of(t, pos);
    PyObject *key = PyUnicode_Substring(text, start, end);
    if (key == NULL)
        return NULL;
    PyObject *meaning = PyDict_GetItemWithError(known, key); /* borrowed */
    Py_DECREF(key);
    if (meaning == NULL && !PyErr_Occurred()) { /* vocabulary.meaning_of: digits as 0 */
        key = zeroed(t, start, end);
        if (key == NULL)
            return NULL;
        meaning = key == Py_None ? NULL : PyDict_GetItemWithError(known, key);
        Py_DECREF(key);
    }
    if (meaning == NULL)
        return PyErr_Occurred() ? NULL : DEFERRED; /* not classified yet */
    if (meaning == Py_None)
        return PyList_New(0);
    if (!PyUnicode_Check(meaning))
        return DEFERRED;
    return after_key_hits(text, t, end, meaning, 1);
}

/* context._after_key(meaning, text, end) as a list of none or one hit, or NotImplemented;
 * `array`: as _fields_en, a JSON array value is Python's (_array_hits). */
PyObject *after_key_hits(PyObject *text, Text *t, Py_ssize_t end, PyObject *meaning, int array)
{
    int same = PyUnicode_Compare(meaning, not_personal);
    if (same == -1 && PyErr_Occurred())
        return NULL;
    int own = PySet_Contains(handed_back, meaning);
    if (own < 0)
        return NULL;
    if (own)
        return DEFERRED;
    Sep sep;
    if (!sep_from(t, end, 0, &sep))
        return PyList_New(0);
    if (array && sep.sep && at(t, sep.end) == '[' && sep.end < t->len)
        return DEFERRED; /* a JSON array: _array_hits */
    if (sep.end >= t->len)
        return PyList_New(0);
    if (sep.maybe_date)
        return DEFERRED;
    if (!sep.sep && !sep.quote && !Py_UNICODE_ISDIGIT(at(t, sep.end))) {
        /* after a space only a number, or a name, or a password: Python's */
        int later = PySet_Contains(after_space, meaning);
        return later < 0 ? NULL : later ? DEFERRED : PyList_New(0);
    }
    if (same == 0)
        return not_personal_hit(text, t, sep.end, sep.quote);
    return value_hit(text, t, sep.end, sep.quote, meaning);
}

/* context._SEP matches at p with a separator (not only blanks) and no opening quote. */
int sep_unquoted(const Text *t, Py_ssize_t p)
{
    Sep sep;
    return sep_from(t, p, 0, &sep) && sep.sep && !sep.quote;
}

PyObject *native_configure_keys(PyObject *self, PyObject *args, PyObject *kwargs)
{
    (void)self;
    static char *keywords[] = {"known",       "not_personal", "format",      "context",
                               "classify",    "names",        "handed_back", "after_space",
                               "comma_inside", "name_may_follow", "dob", NULL};
    PyObject *cache, *meaning, *format, *context, *check, *name_set, *back, *space, *commas;
    PyObject *follow, *birth;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!UOOOO!O!O!O!OU", keywords, &PyDict_Type,
                                     &cache, &meaning, &format, &context, &check,
                                     &PyFrozenSet_Type, &name_set, &PyFrozenSet_Type, &back,
                                     &PyFrozenSet_Type, &space, &PyDict_Type, &commas, &follow,
                                     &birth))
        return NULL;
    if (!PyCallable_Check(check) || !PyCallable_Check(follow)) {
        PyErr_SetString(PyExc_TypeError, "classify and name_may_follow must be callable");
        return NULL;
    }
    Py_XSETREF(known, Py_NewRef(cache));
    Py_XSETREF(not_personal, Py_NewRef(meaning));
    Py_XSETREF(key_validator, Py_NewRef(format));
    Py_XSETREF(context_validator, Py_NewRef(context));
    Py_XSETREF(classify, Py_NewRef(check));
    Py_XSETREF(names, Py_NewRef(name_set));
    Py_XSETREF(handed_back, Py_NewRef(back));
    Py_XSETREF(after_space, Py_NewRef(space));
    Py_XSETREF(comma_inside, Py_NewRef(commas));
    Py_XSETREF(name_may_follow, Py_NewRef(follow));
    Py_XSETREF(dob, Py_NewRef(birth));
    Py_RETURN_NONE;
}
