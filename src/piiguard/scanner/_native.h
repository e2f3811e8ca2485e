/* What the C files of piiguard.scanner._native share: _native.c (the fast paths, the
 * engine's loop, the configuration) and _cues.c (the look-alike cues of
 * detectors/negative/lookalikes.py), _keys.c (the English field keys of
 * detectors/context.py), _labels.c (its Chinese field labels), _dates.c (fields.birth_date)
 * and _chat.c (the chat-export lines of detectors/conversation.py). */
#ifndef PIIGUARD_NATIVE_H
#define PIIGUARD_NATIVE_H
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t len;
    int defer;
} Text;

static inline Py_UCS4 at(const Text *t, Py_ssize_t i)
{
    return (i >= 0 && i < t->len) ? PyUnicode_READ(t->kind, t->data, i) : 0;
}

static inline int ascii_digit(Py_UCS4 c) { return c >= '0' && c <= '9'; }
static inline int ascii_alpha(Py_UCS4 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static inline int ascii_alnum(Py_UCS4 c) { return ascii_digit(c) || ascii_alpha(c); }
static inline int upper_alpha(Py_UCS4 c) { return c >= 'A' && c <= 'Z'; }
/* re's \w on str: alphanumeric (str.isalnum) or "_" */
static inline int word_char(Py_UCS4 c) { return c == '_' || Py_UNICODE_ISALNUM(c); }
static inline Py_UCS4 lower(Py_UCS4 c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
/* Characters that re.IGNORECASE matches against an ASCII letter. */
static inline int folds_to_ascii(Py_UCS4 c)
{
    return c == 0x130 || c == 0x131 || c == 0x17F || c == 0x212A;
}

/* A literal word (lower-cased) of an alternation, and the alternation. */
typedef struct {
    Py_UCS4 *chars;
    Py_ssize_t len;
    int lead;  /* \b before: no word character before the word */
    int trail; /* \b after */
} Word;

typedef struct {
    Word *words;
    Py_ssize_t n;
} Context;

/* _native.c: a sequence of (word, lead, trail) into c (emptied first), or -1 and c part
 * loaded; free_context empties c. */
int load_context(Context *c, PyObject *spec);
void free_context(Context *c);

/* A fast path's answers (see _native.c). */
#define NO_MATCH Py_NewRef(Py_False)
#define REJECTED Py_NewRef(Py_None)
#define DEFERRED Py_NewRef(Py_NotImplemented)

typedef PyObject *(*RuleAt)(PyObject *text, Text *t, Py_ssize_t pos);

/* _native.c: a Hit (the type configure() was given) of text[s:e]. */
PyObject *make_hit(PyObject *kind, PyObject *text, Py_ssize_t s, Py_ssize_t e,
                   double confidence, PyObject *validator);

/* _cues.c: lookalikes.PART_CUE / VERSION_CUE matched at pos, then their claims (a list of
 * NOT_PERSONAL hits), False, or NotImplemented. */
PyObject *part_cue_at(PyObject *text, Text *t, Py_ssize_t pos);
PyObject *version_cue_at(PyObject *text, Text *t, Py_ssize_t pos);
PyObject *native_configure_cues(PyObject *self, PyObject *args, PyObject *kwargs);

/* _native.c: context.key_start_python(text, start), start >= 0. */
Py_ssize_t key_start_of(const Text *t, Py_ssize_t start);

/* _keys.c: context.FIELD_EN matched at pos, then _fields_en (a list of hits), False, or
 * NotImplemented. */
PyObject *field_key_at(PyObject *text, Text *t, Py_ssize_t pos);
PyObject *native_configure_keys(PyObject *self, PyObject *args, PyObject *kwargs);

/* _keys.c: context._after_key(meaning, text, end) (a list of hits, or NotImplemented);
 * `array`: a JSON array value is Python's, as in _fields_en. sep_unquoted: context._SEP
 * matches at p with a separator and no opening quote. */
PyObject *after_key_hits(PyObject *text, Text *t, Py_ssize_t end, PyObject *meaning, int array);
int sep_unquoted(const Text *t, Py_ssize_t p);

/* _native.c: fields.zh_name(value, pos, end if has_end else None, strict): 1 and *out_end, 0
 * none, -1 error (0 <= pos < len); only once zh_name_ready() (configure_fields). */
int zh_name_span(PyObject *value, const Text *t, Py_ssize_t pos, int has_end, Py_ssize_t end,
                 int strict, Py_ssize_t *out_end);
int zh_name_ready(void);

/* _native.c: checks.valid_date (a year 1900-2100). _dates.c: fields.birth_date(value, pos)
 * with value = text[:limit]: the date's end, 0 none, -1 Python's (a non-ASCII digit). */
int valid_date(long y, long m, long d);
Py_ssize_t birth_date_end(const Text *t, Py_ssize_t pos, Py_ssize_t limit);
PyObject *native_birth_date(PyObject *self, PyObject *const *args, Py_ssize_t nargs);

/* _labels.c: context.FIELD_ZH matched at pos, then _field_zh (a hit or None),
 * False, or NotImplemented. */
PyObject *field_label_at(PyObject *text, Text *t, Py_ssize_t pos);
PyObject *native_configure_labels(PyObject *self, PyObject *args, PyObject *kwargs);

/* _chat.c: False where conversation.CHAT_LINE cannot match at pos, else NotImplemented. */
PyObject *chat_line_at(PyObject *text, Text *t, Py_ssize_t pos);

/* _starts.c: where a match of an expression compiled without SOM tracking starts. */
extern PyTypeObject StartsType;
int starts_kept(PyObject *starts, Py_ssize_t expr); /* 1: the expression keeps SOM */
Py_ssize_t starts_rule(PyObject *starts, Py_ssize_t expr); /* its rule's index, -1: none */
Py_ssize_t starts_leftmost(PyObject *starts, Py_ssize_t rule, const Text *t, Py_ssize_t end,
                           int shadow);

#endif
