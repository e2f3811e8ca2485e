/* Where a Hyperscan match starts, found without HS_FLAG_SOM_LEFTMOST: the walk of
 * detectors/automaton/starts.py (its reference) over the tables it builds.
 * Starts(programs, rules): for
 * each expression of a database (its Hyperscan id), None where it keeps SOM tracking, else
 * (classes, position_class, last, pred, first) as starts.program returns it; and the index
 * of the rule it belongs to. */
#include "_native.h"

typedef struct {
    uint64_t ascii[2];
    Py_ssize_t nranges;
    Py_UCS4 *ranges; /* lo, hi pairs above 0x7F */
} Class;

/* A set of alive positions met before (a lazily built DFA over ASCII characters: the walk
 * of digit runs and bounded repeats keeps hundreds of positions alive, step after step). */
#define MAX_STATES 1024
#define UNKNOWN (-1)
#define DEAD (-2)
#define WIDE 16
typedef struct {
    int *pos;
    int n;
    int first0;   /* a position that may begin a match whatever the boundary */
    int firstc;   /* a position that may begin one under a condition */
    int simple;   /* every predecessor edge is unconditional or \b / \B */
    int trans[256]; /* by (ASCII character, whether the character after it is a word one) */
    Py_UCS4 wide[WIDE]; /* the last transitions on other characters, by character */
    int wide_next[WIDE]; /* (next state; UNKNOWN: none kept; key: character * 2 + word after) */
} DState;

typedef struct {
    Py_ssize_t npos, nclasses, nlast;
    Class *classes;
    int *pos_class;
    int *last_pos, *last_cond;
    Py_ssize_t *pred_start; /* npos + 1 */
    int *pred_pos, *pred_cond;
    Py_ssize_t *first_start; /* npos + 1: the conditions under which a position may begin */
    int *first_cond;
    unsigned *stamp;
    unsigned gen;
    int *cur, *next;
    DState *states;
    int nstates, cap_states;
    int *table; /* open addressing: state index + 1, 0 empty; 2 * MAX_STATES slots */
} Prog;

typedef struct {
    PyObject_HEAD
    Py_ssize_t n;
    Prog **progs;
    Py_ssize_t *rules;
} Starts;

enum { BEGIN = 1, END = 2, WORD = 4, NOT_WORD = 8 };

static void prog_free(Prog *p)
{
    if (p == NULL)
        return;
    for (Py_ssize_t i = 0; p->classes && i < p->nclasses; i++)
        PyMem_Free(p->classes[i].ranges);
    PyMem_Free(p->classes);
    PyMem_Free(p->pos_class);
    PyMem_Free(p->last_pos);
    PyMem_Free(p->last_cond);
    PyMem_Free(p->pred_start);
    PyMem_Free(p->pred_pos);
    PyMem_Free(p->pred_cond);
    PyMem_Free(p->first_start);
    PyMem_Free(p->first_cond);
    PyMem_Free(p->stamp);
    PyMem_Free(p->cur);
    PyMem_Free(p->next);
    for (int i = 0; i < p->nstates; i++)
        PyMem_Free(p->states[i].pos);
    PyMem_Free(p->states);
    PyMem_Free(p->table);
    PyMem_Free(p);
}

static int pair_of(PyObject *item, long *a, long *b)
{
    if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2) {
        PyErr_SetString(PyExc_TypeError, "expected a pair");
        return -1;
    }
    *a = PyLong_AsLong(PyTuple_GET_ITEM(item, 0));
    *b = PyLong_AsLong(PyTuple_GET_ITEM(item, 1));
    return PyErr_Occurred() ? -1 : 0;
}

/* A sequence of (position, condition) pairs per position into CSR arrays. */
static int edges_of(PyObject *lists, Py_ssize_t npos, Py_ssize_t **start, int **pos, int **cond,
                    int with_pos)
{
    Py_ssize_t total = 0;
    for (Py_ssize_t i = 0; i < npos; i++)
        total += PyTuple_GET_SIZE(PyTuple_GET_ITEM(lists, i));
    *start = PyMem_Calloc(npos + 1, sizeof(Py_ssize_t));
    *cond = PyMem_Calloc(total ? total : 1, sizeof(int));
    if (with_pos)
        *pos = PyMem_Calloc(total ? total : 1, sizeof(int));
    if (*start == NULL || *cond == NULL || (with_pos && *pos == NULL)) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < npos; i++) {
        (*start)[i] = k;
        PyObject *list = PyTuple_GET_ITEM(lists, i);
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(list); j++, k++) {
            long a, b;
            if (pair_of(PyTuple_GET_ITEM(list, j), &a, &b) < 0)
                return -1;
            if (a < 0 || a >= npos) {
                PyErr_SetString(PyExc_ValueError, "position out of range");
                return -1;
            }
            if (with_pos)
                (*pos)[k] = (int)a;
            (*cond)[k] = (int)b;
        }
    }
    (*start)[npos] = k;
    return 0;
}

static Prog *prog_new(PyObject *spec)
{
    PyObject *classes, *pos_class, *last, *pred, *first;
    if (!PyTuple_Check(spec)
        || !PyArg_ParseTuple(spec, "O!O!O!O!O!", &PyTuple_Type, &classes, &PyTuple_Type,
                             &pos_class, &PyTuple_Type, &last, &PyTuple_Type, &pred,
                             &PyTuple_Type, &first)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "a program is a tuple of five tuples");
        return NULL;
    }
    Prog *p = PyMem_Calloc(1, sizeof(Prog));
    if (p == NULL)
        return (Prog *)PyErr_NoMemory();
    p->npos = PyTuple_GET_SIZE(pos_class);
    p->nclasses = PyTuple_GET_SIZE(classes);
    p->nlast = PyTuple_GET_SIZE(last);
    Py_ssize_t npos = p->npos ? p->npos : 1;
    p->classes = PyMem_Calloc(p->nclasses ? p->nclasses : 1, sizeof(Class));
    p->pos_class = PyMem_Calloc(npos, sizeof(int));
    p->last_pos = PyMem_Calloc(p->nlast ? p->nlast : 1, sizeof(int));
    p->last_cond = PyMem_Calloc(p->nlast ? p->nlast : 1, sizeof(int));
    p->stamp = PyMem_Calloc(npos, sizeof(unsigned));
    p->cur = PyMem_Calloc(npos, sizeof(int));
    p->next = PyMem_Calloc(npos, sizeof(int));
    if (!p->classes || !p->pos_class || !p->last_pos || !p->last_cond || !p->stamp || !p->cur
        || !p->next) {
        PyErr_NoMemory();
        goto fail;
    }
    for (Py_ssize_t c = 0; c < p->nclasses; c++) {
        PyObject *ranges = PyTuple_GET_ITEM(classes, c);
        if (!PyTuple_Check(ranges)) {
            PyErr_SetString(PyExc_TypeError, "a class is a tuple of ranges");
            goto fail;
        }
        Class *k = &p->classes[c];
        k->ranges = PyMem_Calloc(2 * PyTuple_GET_SIZE(ranges) + 2, sizeof(Py_UCS4));
        if (k->ranges == NULL) {
            PyErr_NoMemory();
            goto fail;
        }
        for (Py_ssize_t r = 0; r < PyTuple_GET_SIZE(ranges); r++) {
            long lo, hi;
            if (pair_of(PyTuple_GET_ITEM(ranges, r), &lo, &hi) < 0)
                goto fail;
            for (long ch = lo; ch <= hi && ch < 128; ch++)
                k->ascii[ch >> 6] |= (uint64_t)1 << (ch & 63);
            if (hi >= 128) {
                k->ranges[2 * k->nranges] = (Py_UCS4)(lo < 128 ? 128 : lo);
                k->ranges[2 * k->nranges++ + 1] = (Py_UCS4)hi;
            }
        }
    }
    for (Py_ssize_t i = 0; i < p->npos; i++) {
        long c = PyLong_AsLong(PyTuple_GET_ITEM(pos_class, i));
        if (c < 0 || c >= p->nclasses) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "class out of range");
            goto fail;
        }
        p->pos_class[i] = (int)c;
    }
    for (Py_ssize_t i = 0; i < p->nlast; i++) {
        long a, b;
        if (pair_of(PyTuple_GET_ITEM(last, i), &a, &b) < 0)
            goto fail;
        if (a < 0 || a >= p->npos) {
            PyErr_SetString(PyExc_ValueError, "position out of range");
            goto fail;
        }
        p->last_pos[i] = (int)a;
        p->last_cond[i] = (int)b;
    }
    if (PyTuple_GET_SIZE(pred) != p->npos) {
        PyErr_SetString(PyExc_ValueError, "one predecessor list a position");
        goto fail;
    }
    if (edges_of(pred, p->npos, &p->pred_start, &p->pred_pos, &p->pred_cond, 1) < 0)
        goto fail;
    /* first: (position, condition) pairs, grouped by position */
    PyObject *grouped = PyTuple_New(p->npos);
    if (grouped == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < p->npos; i++)
        PyTuple_SET_ITEM(grouped, i, PyTuple_New(0));
    for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(first); j++) {
        long a, b;
        if (pair_of(PyTuple_GET_ITEM(first, j), &a, &b) < 0 || a < 0 || a >= p->npos) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "position out of range");
            Py_DECREF(grouped);
            goto fail;
        }
        PyObject *old = PyTuple_GET_ITEM(grouped, a);
        PyObject *pair = Py_BuildValue("((ll))", a, b);
        PyObject *joined = pair ? PySequence_Concat(old, pair) : NULL;
        Py_XDECREF(pair);
        if (joined == NULL) {
            Py_DECREF(grouped);
            goto fail;
        }
        PyTuple_SET_ITEM(grouped, a, joined);
        Py_DECREF(old);
    }
    int *unused = NULL;
    int err = edges_of(grouped, p->npos, &p->first_start, &unused, &p->first_cond, 0);
    Py_DECREF(grouped);
    if (err < 0)
        goto fail;
    return p;
fail:
    prog_free(p);
    return NULL;
}

static inline int in_class(const Class *k, Py_UCS4 c)
{
    if (c < 128)
        return (int)((k->ascii[c >> 6] >> (c & 63)) & 1);
    Py_ssize_t lo = 0, hi = k->nranges - 1;
    while (lo <= hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (c < k->ranges[2 * mid])
            hi = mid - 1;
        else if (c > k->ranges[2 * mid + 1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

static inline int hs_word(Py_UCS4 c) { return c < 128 && (ascii_alnum(c) || c == '_'); }

/* Whether the boundary before position `i` of the text meets `cond`. */
static inline int holds(int cond, const Text *t, Py_ssize_t i)
{
    if (cond == 0)
        return 1;
    if ((cond & BEGIN) && i != 0)
        return 0;
    if ((cond & END) && !(i == t->len || (i == t->len - 1 && at(t, i) == '\n')))
        return 0;
    if (cond & (WORD | NOT_WORD)) {
        int before = i > 0 && hs_word(at(t, i - 1)), after = i < t->len && hs_word(at(t, i));
        if ((before != after) != ((cond & WORD) != 0))
            return 0;
    }
    return 1;
}

static inline Py_UCS4 char_at(const Text *t, Py_ssize_t i, int shadow)
{
    Py_UCS4 c = PyUnicode_READ(t->kind, t->data, i);
    return shadow && c >= 128 ? '?' : c;
}

static inline int fresh(Prog *p, int pos)
{
    if (p->stamp[pos] == p->gen)
        return 0;
    p->stamp[pos] = p->gen;
    return 1;
}

static void next_generation(Prog *p)
{
    if (++p->gen == 0) {
        memset(p->stamp, 0, p->npos * sizeof(unsigned));
        p->gen = 1;
    }
}

static int int_compare(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The state of a set of alive positions (sorted here), or -1: no room for more. */
static int intern(Prog *p, int *pos, int n)
{
    qsort(pos, (size_t)n, sizeof(int), int_compare);
    uint64_t h = 1469598103934665603ull;
    for (int k = 0; k < n; k++)
        h = (h ^ (uint64_t)pos[k]) * 1099511628211ull;
    if (p->table == NULL) {
        p->table = PyMem_Calloc(2 * MAX_STATES, sizeof(int));
        if (p->table == NULL)
            return -1;
    }
    int mask = 2 * MAX_STATES - 1, slot = (int)(h & (uint64_t)mask);
    while (p->table[slot]) {
        DState *d = &p->states[p->table[slot] - 1];
        if (d->n == n && memcmp(d->pos, pos, (size_t)n * sizeof(int)) == 0)
            return p->table[slot] - 1;
        slot = (slot + 1) & mask;
    }
    if (p->nstates >= MAX_STATES)
        return -1;
    if (p->nstates == p->cap_states) {
        int cap = p->cap_states ? 2 * p->cap_states : 16;
        DState *grown = PyMem_Realloc(p->states, (size_t)cap * sizeof(DState));
        if (grown == NULL)
            return -1;
        p->states = grown;
        p->cap_states = cap;
    }
    DState *d = &p->states[p->nstates];
    d->pos = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(int));
    if (d->pos == NULL)
        return -1;
    memcpy(d->pos, pos, (size_t)n * sizeof(int));
    d->n = n;
    d->first0 = d->firstc = 0;
    d->simple = 1;
    for (int k = 0; k < n; k++) {
        int q = pos[k];
        for (Py_ssize_t e = p->first_start[q]; e < p->first_start[q + 1]; e++) {
            if (p->first_cond[e] == 0)
                d->first0 = 1;
            else
                d->firstc = 1;
        }
        for (Py_ssize_t e = p->pred_start[q]; e < p->pred_start[q + 1]; e++)
            if (p->pred_cond[e] & (BEGIN | END))
                d->simple = 0;
    }
    for (int k = 0; k < 256; k++)
        d->trans[k] = UNKNOWN;
    for (int k = 0; k < WIDE; k++) {
        d->wide[k] = 0; /* (no key: a key is at least 256) */
        d->wide_next[k] = UNKNOWN;
    }
    p->table[slot] = ++p->nstates;
    return p->nstates - 1;
}

/* The positions alive before boundary i (reading c = text[i - 1]) from those in `cur`. */
static int step(Prog *p, const int *cur, int ncur, const Text *t, Py_ssize_t i, Py_UCS4 c,
                int *out)
{
    next_generation(p);
    int n = 0;
    for (int j = 0; j < ncur; j++) {
        int q = cur[j];
        for (Py_ssize_t k = p->pred_start[q]; k < p->pred_start[q + 1]; k++) {
            int h = p->pred_pos[k];
            if (p->stamp[h] != p->gen && in_class(&p->classes[p->pos_class[h]], c)
                && holds(p->pred_cond[k], t, i)) {
                p->stamp[h] = p->gen;
                out[n++] = h;
            }
        }
    }
    return n;
}

static int may_begin(const Prog *p, const int *cur, int ncur, const Text *t, Py_ssize_t i)
{
    for (int j = 0; j < ncur; j++) {
        int q = cur[j];
        for (Py_ssize_t k = p->first_start[q]; k < p->first_start[q + 1]; k++)
            if (holds(p->first_cond[k], t, i))
                return 1;
    }
    return 0;
}

/* The smallest start of a match of p ending at `end`, or -1: the positions that may take
 * the last character, then their predecessors character by character backwards, the last
 * boundary where a first position was alive remembered. The sets met are kept as states
 * with their transitions on ASCII characters (and the last few on others), so a walk seen
 * before costs a look-up a step. */
static Py_ssize_t leftmost(Prog *p, const Text *t, Py_ssize_t end, int shadow)
{
    if (end <= 0 || end > t->len)
        return -1;
    Py_ssize_t i = end - 1, best = -1;
    Py_UCS4 c = char_at(t, i, shadow);
    int ncur = 0;
    next_generation(p);
    for (Py_ssize_t k = 0; k < p->nlast; k++) {
        int q = p->last_pos[k];
        if (holds(p->last_cond[k], t, end) && in_class(&p->classes[p->pos_class[q]], c)
            && fresh(p, q))
            p->cur[ncur++] = q;
    }
    int s = ncur ? intern(p, p->cur, ncur) : -1;
    while (ncur || s >= 0) {
        if (s >= 0) {
            DState *d = &p->states[s];
            if (d->first0 || (d->firstc && may_begin(p, d->pos, d->n, t, i)))
                best = i;
            if (i == 0)
                break;
            c = char_at(t, i - 1, shadow);
            int key = -1, known = UNKNOWN;
            Py_UCS4 wide = 0;
            if (d->simple) {
                int after = i < t->len && hs_word(char_at(t, i, shadow));
                if (c < 128) {
                    key = (int)c * 2 + after;
                    known = d->trans[key];
                }
                else {
                    wide = c * 2 + (Py_UCS4)after;
                    key = (int)(wide % WIDE);
                    known = d->wide[key] == wide ? d->wide_next[key] : UNKNOWN;
                }
                if (known == DEAD)
                    break;
                if (known >= 0) {
                    s = known;
                    i--;
                    continue;
                }
            }
            ncur = step(p, d->pos, d->n, t, i, c, p->next);
            int next = ncur ? intern(p, p->next, ncur) : DEAD;
            if (key >= 0 && next != -1) { /* (d may have moved: intern grows the array) */
                if (c < 128)
                    p->states[s].trans[key] = next;
                else {
                    p->states[s].wide[key] = wide;
                    p->states[s].wide_next[key] = next;
                }
            }
            if (next == DEAD)
                break;
            i--;
            if (next >= 0) {
                s = next;
                continue;
            }
            memcpy(p->cur, p->next, (size_t)ncur * sizeof(int)); /* no room: walk the sets */
            s = -1;
            continue;
        }
        if (may_begin(p, p->cur, ncur, t, i))
            best = i;
        if (i == 0)
            break;
        c = char_at(t, i - 1, shadow);
        ncur = step(p, p->cur, ncur, t, i, c, p->next);
        int *swap = p->cur;
        p->cur = p->next;
        p->next = swap;
        i--;
    }
    return best;
}

static void Starts_dealloc(Starts *self)
{
    for (Py_ssize_t i = 0; self->progs && i < self->n; i++)
        prog_free(self->progs[i]);
    PyMem_Free(self->progs);
    PyMem_Free(self->rules);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int Starts_init(Starts *self, PyObject *args, PyObject *kwargs)
{
    PyObject *programs, *rules;
    if (self->progs != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Starts is initialised once");
        return -1;
    }
    if (kwargs != NULL || !PyArg_ParseTuple(args, "OO", &programs, &rules))
        return -1;
    PyObject *seq = PySequence_Fast(programs, "programs: a sequence");
    if (seq == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    self->progs = PyMem_Calloc(n ? n : 1, sizeof(Prog *));
    self->rules = PyMem_Calloc(n ? n : 1, sizeof(Py_ssize_t));
    if (self->progs == NULL || self->rules == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    self->n = n;
    if (PySequence_Size(rules) != n) {
        Py_DECREF(seq);
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "one rule index an expression");
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *r = PySequence_GetItem(rules, i);
        self->rules[i] = r ? PyLong_AsSsize_t(r) : -1;
        Py_XDECREF(r);
        if (self->rules[i] < 0) {
            Py_DECREF(seq);
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "a rule index is >= 0");
            return -1;
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *spec = PySequence_Fast_GET_ITEM(seq, i);
        if (spec == Py_None)
            continue;
        self->progs[i] = prog_new(spec);
        if (self->progs[i] == NULL) {
            Py_DECREF(seq);
            return -1;
        }
    }
    Py_DECREF(seq);
    return 0;
}

int starts_kept(PyObject *starts, Py_ssize_t expr)
{
    Starts *s = (Starts *)starts;
    return expr < 0 || expr >= s->n || s->progs[expr] == NULL;
}

Py_ssize_t starts_rule(PyObject *starts, Py_ssize_t expr)
{
    Starts *s = (Starts *)starts;
    return expr < 0 || expr >= s->n ? -1 : s->rules[expr];
}

Py_ssize_t starts_leftmost(PyObject *starts, Py_ssize_t rule, const Text *t, Py_ssize_t end,
                           int shadow)
{
    return leftmost(((Starts *)starts)->progs[rule], t, end, shadow);
}

/* start(rule, text, end, shadow) -> the leftmost start (tests compare it with starts.py) */
static PyObject *Starts_start(Starts *self, PyObject *args)
{
    Py_ssize_t rule, end;
    PyObject *text;
    int shadow;
    if (!PyArg_ParseTuple(args, "nUnp", &rule, &text, &end, &shadow))
        return NULL;
    if (starts_kept((PyObject *)self, rule)) {
        PyErr_SetString(PyExc_ValueError, "no program for this rule");
        return NULL;
    }
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text), 0};
    return PyLong_FromSsize_t(leftmost(self->progs[rule], &t, end, shadow));
}

static PyMethodDef Starts_methods[] = {
    {"start", (PyCFunction)Starts_start, METH_VARARGS,
     "start(rule, text, end, shadow) -> leftmost start or -1"},
    {NULL, NULL, 0, NULL}};

PyTypeObject StartsType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "piiguard.scanner._native.Starts",
    .tp_basicsize = sizeof(Starts),
    .tp_dealloc = (destructor)Starts_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Starts(programs): where matches start, for the expressions without SOM.",
    .tp_methods = Starts_methods,
    .tp_init = (initproc)Starts_init,
    .tp_new = PyType_GenericNew,
};
