/* Chinese field labels in C (issue 18, sixth pass on speed): the field_label rule
 * (detectors/context.py, `_field_zh`), the most frequent Python rule left on corpus 1 (22,275
 * labels read, about 7 µs each) and among the first on corpus 2: the label a run of Chinese
 * characters begins with (vocabulary.zh_label), its meaning (vocabulary._KNOWN), the words
 * before it that exclude it (vocabulary.zh_excluded), a gloss after it (`_GLOSS`: 姓名 Name：,
 * 出生日期（公历）：), a name written straight after it (`_zh_name_at`, `_FOLLOW`), and then
 * the separator and the value as _keys.c reads them after an English key (`_after_key`).
 *
 * field_label_at answers as the compiled loop's pair (FIELD_ZH.match, _field_zh) does: False
 * when FIELD_ZH does not match at pos, None, or the hit. It hands back to
 * Python (NotImplemented) what it does not model: a label not yet in vocabulary._KNOWN, what
 * _after_key hands back (_keys.c), and a name field whose value is not the whole region (the
 * sentence after 回访：孙桂英已致电, a role before the name).
 *
 * tests/scanner/test_native_labels.py compares it with the Python at every position of
 * random texts.
 */
#include "_native.h"

static PyObject *by_start = NULL;    /* vocabulary._ZH_BY_START: two characters -> labels */
static PyObject *known = NULL;       /* vocabulary._KNOWN: label -> meaning or None */
static PyObject *excluding = NULL;   /* vocabulary.ZH_EXCLUDING: meaning -> words before */
static PyObject *names = NULL;       /* context._NAMES, as a frozenset */
static PyObject *person = NULL;      /* "person_name", the hit's type */
static PyObject *validator = NULL;   /* Validator.CONTEXT */
static Context follow = {NULL, 0};   /* context._FOLLOW's words */
static unsigned char follow_chars[0x10000 / 8]; /* and its single characters */

static inline int cjk(Py_UCS4 c) { return c >= 0x4E00 && c <= 0x9FFF; }
static inline int blank(Py_UCS4 c) { return c == ' ' || c == '\t'; }

/* (?=[ \t]*[:：=]) at p */
static int sep_ahead(const Text *t, Py_ssize_t p)
{
    while (p < t->len && blank(at(t, p)))
        p++;
    Py_UCS4 c = at(t, p);
    return p < t->len && (c == ':' || c == 0xFF1A || c == '=');
}

/* context._GLOSS.match at p: its end, or p when it does not match.
 *   [ \t]*(?:[A-Za-z][A-Za-z .'/]{0,30}?(?=[ \t]*[:：=])
 *          |[（(][^）)\r\n]{1,8}[）)](?=[ \t]*[:：=\t]))
 * (giving blanks back never helps: a blank begins neither alternative, nor ends the first's
 * look-ahead; a tab anywhere in the second's blanks is its [:：=\t].) */
static Py_ssize_t gloss_end(const Text *t, Py_ssize_t p)
{
    Py_ssize_t q = p;
    while (q < t->len && blank(at(t, q)))
        q++;
    if (q >= t->len)
        return p;
    Py_UCS4 c = at(t, q);
    if (ascii_alpha(c)) {
        q++;
        for (int k = 0;; k++) {
            if (sep_ahead(t, q))
                return q;
            Py_UCS4 d = at(t, q);
            if (k == 30 || q >= t->len
                || !(ascii_alpha(d) || d == ' ' || d == '.' || d == '\'' || d == '/'))
                return p;
            q++;
        }
    }
    if (c != 0xFF08 && c != '(')
        return p;
    Py_ssize_t n = 0;
    q++;
    while (q < t->len && n < 9) {
        Py_UCS4 d = at(t, q);
        if (d == 0xFF09 || d == ')' || d == '\r' || d == '\n')
            break;
        q++;
        n++;
    }
    if (n < 1 || n > 8 || q >= t->len || (at(t, q) != 0xFF09 && at(t, q) != ')'))
        return p;
    Py_ssize_t end = ++q;
    int tab = 0;
    while (q < t->len && blank(at(t, q)))
        tab |= at(t, q++) == '\t';
    Py_UCS4 d = at(t, q);
    return tab || (q < t->len && (d == ':' || d == 0xFF1A || d == '=')) ? end : p;
}

/* context._FOLLOW.match at p (a word that follows names, or one of its characters) */
static int follows(const Text *t, Py_ssize_t p)
{
    if (p >= t->len)
        return 0;
    Py_UCS4 c = at(t, p);
    if (c < 0x10000 && (follow_chars[c >> 3] >> (c & 7)) & 1)
        return 1;
    for (Py_ssize_t j = 0; j < follow.n; j++) {
        const Word *w = &follow.words[j];
        Py_ssize_t k = 0;
        while (k < w->len && p + k < t->len && at(t, p + k) == w->chars[k])
            k++;
        if (k == w->len)
            return 1;
    }
    return 0;
}

/* fields.zh_name(text[start:stop], strict=True) == (0, stop - start): 1, 0, or -1 */
static int whole_name(PyObject *text, Py_ssize_t start, Py_ssize_t stop)
{
    PyObject *part = PyUnicode_Substring(text, start, stop);
    if (part == NULL)
        return -1;
    Text p = {PyUnicode_KIND(part), PyUnicode_DATA(part), PyUnicode_GET_LENGTH(part), 0};
    Py_ssize_t end = 0;
    int found = p.len ? zh_name_span(part, &p, 0, 0, 0, 1, &end) : 0;
    Py_DECREF(part);
    return found < 0 ? -1 : found && end == stop - start;
}

/* context._zh_name_at(text, pos): 1 and the span, 0 none, -1 error (pos < len). */
static int zh_name_at(PyObject *text, const Text *t, Py_ssize_t pos, Py_ssize_t *s,
                      Py_ssize_t *e)
{
    Py_ssize_t start = pos, end = pos + 4 < t->len ? pos + 4 : t->len, stop = 0;
    int found = zh_name_span(text, t, pos, 1, pos + 5 < t->len ? pos + 5 : t->len, 1, &stop);
    if (found < 0)
        return -1;
    if (found)
        end = stop;
    for (stop = end; stop > start + 1; stop--) {
        if (stop < t->len && cjk(at(t, stop)) && !follows(t, stop))
            continue;
        int whole = whole_name(text, start, stop);
        if (whole < 0)
            return -1;
        if (whole) {
            *s = start;
            *e = stop;
            return 1;
        }
    }
    return 0;
}

/* vocabulary.zh_excluded(text[lo:pos], meaning) for the up to four Chinese characters before
 * pos: 1, 0, or -1 */
static int excluded(PyObject *text, const Text *t, Py_ssize_t pos, PyObject *meaning)
{
    PyObject *words = PyDict_GetItemWithError(excluding, meaning); /* borrowed */
    if (words == NULL)
        return PyErr_Occurred() ? -1 : 0;
    Py_ssize_t lo = pos;
    while (lo > pos - 4 && lo > 0 && cjk(at(t, lo - 1)))
        lo--;
    if (lo == pos)
        return 0;
    PyObject *prefix = PyUnicode_Substring(text, lo, pos);
    if (prefix == NULL)
        return -1;
    int found = 0;
    for (Py_ssize_t i = 0; !found && i < PyTuple_GET_SIZE(words); i++)
        found = PyUnicode_Contains(prefix, PyTuple_GET_ITEM(words, i));
    Py_DECREF(prefix);
    return found;
}

PyObject *field_label_at(PyObject *text, Text *t, Py_ssize_t pos)
{
    if (known == NULL || !zh_name_ready()) {
        PyErr_SetString(PyExc_RuntimeError, "_native.configure_labels() has not been called");
        return NULL;
    }
    /* FIELD_ZH = [\u4e00-\u9fff]{2,12} at pos, then vocabulary.zh_label */
    Py_ssize_t run = 0;
    while (run < 12 && pos + run < t->len && cjk(at(t, pos + run)))
        run++;
    if (pos < 0 || run < 2)
        return NO_MATCH;
    PyObject *two = PyUnicode_Substring(text, pos, pos + 2);
    if (two == NULL)
        return NULL;
    PyObject *labels = PyDict_GetItemWithError(by_start, two); /* borrowed */
    Py_DECREF(two);
    if (labels == NULL)
        return PyErr_Occurred() ? NULL : REJECTED;
    if (!PyTuple_Check(labels))
        return DEFERRED;
    PyObject *label = NULL;
    for (Py_ssize_t i = 0; label == NULL && i < PyTuple_GET_SIZE(labels); i++) {
        PyObject *l = PyTuple_GET_ITEM(labels, i);
        if (!PyUnicode_Check(l))
            return DEFERRED;
        Py_ssize_t n = PyUnicode_GET_LENGTH(l), k = 0;
        if (n > run)
            continue;
        while (k < n && PyUnicode_READ_CHAR(l, k) == at(t, pos + k))
            k++;
        if (k == n)
            label = l;
    }
    if (label == NULL)
        return REJECTED;
    PyObject *meaning = PyDict_GetItemWithError(known, label); /* borrowed */
    if (meaning == NULL)
        return PyErr_Occurred() ? NULL : DEFERRED; /* not classified yet */
    if (meaning == Py_None)
        return REJECTED;
    if (!PyUnicode_Check(meaning))
        return DEFERRED;
    int out = excluded(text, t, pos, meaning); /* 登录账号, 身份证编号 */
    if (out)
        return out < 0 ? NULL : REJECTED;
    Py_ssize_t end = gloss_end(t, pos + PyUnicode_GET_LENGTH(label));
    int name = PySet_Contains(names, meaning);
    if (name < 0)
        return NULL;
    if (end < t->len && cjk(at(t, end))) { /* no separator (姓名张伟): a name, or nothing */
        Py_ssize_t s, e;
        int found = name ? zh_name_at(text, t, end, &s, &e) : 0;
        if (found <= 0)
            return found < 0 ? NULL : REJECTED;
        return make_hit(person, text, s, e, 0.85, validator);
    }
    PyObject *hits = after_key_hits(text, t, end, meaning, 0);
    if (hits != NULL && name && PyList_CheckExact(hits) && PyList_GET_SIZE(hits) == 0
        && sep_unquoted(t, end)) {
        Py_DECREF(hits); /* 回访：孙桂英已致电, 跟进人：顾问钱美玲: Python's */
        return DEFERRED;
    }
    if (hits == NULL || !PyList_CheckExact(hits))
        return hits;
    /* the check's answer: the hit, or None */
    PyObject *hit = PyList_GET_SIZE(hits) ? Py_NewRef(PyList_GET_ITEM(hits, 0)) : REJECTED;
    Py_DECREF(hits);
    return hit;
}

PyObject *native_configure_labels(PyObject *self, PyObject *args, PyObject *kwargs)
{
    (void)self;
    static char *keywords[] = {"by_start", "known", "excluding", "names", "person", "context",
                               "follow_words", "follow_chars", NULL};
    PyObject *starts, *cache, *exclude, *name_set, *kind, *context, *words, *chars;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!O!O!O!UOOU", keywords, &PyDict_Type,
                                     &starts, &PyDict_Type, &cache, &PyDict_Type, &exclude,
                                     &PyFrozenSet_Type, &name_set, &kind, &context, &words,
                                     &chars))
        return NULL;
    PyObject *key, *value;
    Py_ssize_t i = 0;
    while (PyDict_Next(exclude, &i, &key, &value))
        if (!PyTuple_Check(value)) {
            PyErr_SetString(PyExc_TypeError, "excluding maps meanings to tuples of words");
            return NULL;
        }
    for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(chars); k++)
        if (PyUnicode_READ_CHAR(chars, k) >= 0x10000) {
            PyErr_SetString(PyExc_ValueError, "follow_chars must be in the BMP");
            return NULL;
        }
    if (load_context(&follow, words) < 0)
        return NULL;
    memset(follow_chars, 0, sizeof follow_chars);
    for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(chars); k++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(chars, k);
        follow_chars[c >> 3] |= (unsigned char)(1 << (c & 7));
    }
    Py_XSETREF(by_start, Py_NewRef(starts));
    Py_XSETREF(known, Py_NewRef(cache));
    Py_XSETREF(excluding, Py_NewRef(exclude));
    Py_XSETREF(names, Py_NewRef(name_set));
    Py_XSETREF(person, Py_NewRef(kind));
    Py_XSETREF(validator, Py_NewRef(context));
    Py_RETURN_NONE;
}
