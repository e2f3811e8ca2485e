/* piiguard.scanner._jsonl: `piiguard scan --format jsonl` lines built in C.
 *
 * Renderer(key, kinds, categories, show_values, fallback).render(located) turns a list of
 * sources.model.Located into the UTF-8 of the JSON Lines that
 *     json.JSONEncoder(ensure_ascii=False).encode(Reporter(key).finding(l).to_dict()) + "\n"
 * gives for each, byte for byte (tests/scanner/test_jsonl_native.py compares
 * them): the masked preview (report.mask), the HMAC-SHA256 of the normalized value
 * (report.normalize; SHA-256 per FIPS 180-4, HMAC per RFC 2104, written out here) and the
 * JSON escaping of json's encoder. What it does not model it hands to `fallback(located)`,
 * which returns the Python line: a located with `extra`, a location value that is not an int
 * or a str, a confidence that is not a finite float or an int, a type without a category, and
 * values whose case mapping or encoding Python must do (non-ASCII e-mail addresses, compact
 * identifiers with letters outside ASCII and CJK, lone surrogates, which UTF-8 cannot carry:
 * Python's encoder then raises as it would have).
 *
 * Kept apart from _native.c (the detectors' fast paths); built by setup.py, optional: without
 * it, output.py renders in Python with the same result.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* ---- SHA-256 ---------------------------------------------------------------------- */

typedef struct {
    uint32_t h[8];
    uint64_t bytes;
    uint8_t buf[64];
    size_t n;
} Sha256;

static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_block_portable(uint32_t h[8], const uint8_t *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = k + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) +
                      K256[i] + w[i];
        uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        k = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

/* With the x86 SHA extensions (SHA-NI: most x86-64 processors since 2017), one block in
 * about a fifth of the time: a finding's keyed hash is two blocks. Chosen at import by
 * CPUID; the same digests either way (tests/scanner/test_jsonl_native.py compares both with
 * hashlib). */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define SHA_NI_BUILT 1

__attribute__((target("sha,sse4.1,ssse3"))) static void sha256_block_ni(uint32_t h[8],
                                                                        const uint8_t *p)
{
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[0]), 0xB1); /* badc */
    __m128i cdgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[4]), 0x1B); /* hgfe */
    __m128i abef = _mm_alignr_epi8(tmp, cdgh, 8);                                    /* feba */
    cdgh = _mm_blend_epi16(cdgh, tmp, 0xF0);                                         /* hgdc */
    const __m128i abef_in = abef, cdgh_in = cdgh;
    __m128i w[16];
    for (int i = 0; i < 16; i++) {
        if (i < 4)
            w[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * i)), swap);
        else
            w[i] = _mm_sha256msg2_epu32(
                _mm_add_epi32(_mm_sha256msg1_epu32(w[i - 4], w[i - 3]),
                              _mm_alignr_epi8(w[i - 1], w[i - 2], 4)),
                w[i - 1]);
        __m128i msg = _mm_add_epi32(w[i], _mm_loadu_si128((const __m128i *)&K256[4 * i]));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
    }
    abef = _mm_add_epi32(abef, abef_in);
    cdgh = _mm_add_epi32(cdgh, cdgh_in);
    tmp = _mm_shuffle_epi32(abef, 0x1B);                       /* abef */
    cdgh = _mm_shuffle_epi32(cdgh, 0xB1);                      /* ghcd */
    _mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(tmp, cdgh, 0xF0)); /* abcd */
    _mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(cdgh, tmp, 8));    /* efgh */
}

static int sha_ni_usable(void)
{
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 19)) || !(c & (1u << 9)))
        return 0; /* SSE4.1, SSSE3 */
    if (__get_cpuid_max(0, NULL) < 7)
        return 0;
    __cpuid_count(7, 0, a, b, c, d);
    return (b >> 29) & 1; /* SHA */
}
#endif

static void (*sha256_block)(uint32_t h[8], const uint8_t *p) = sha256_block_portable;

static void sha256_init(Sha256 *s)
{
    static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(s->h, iv, sizeof iv);
    s->bytes = 0;
    s->n = 0;
}

static void sha256_update(Sha256 *s, const uint8_t *data, size_t len)
{
    s->bytes += len;
    while (len) {
        size_t take = 64 - s->n < len ? 64 - s->n : len;
        memcpy(s->buf + s->n, data, take);
        s->n += take;
        data += take;
        len -= take;
        if (s->n == 64) {
            sha256_block(s->h, s->buf);
            s->n = 0;
        }
    }
}

static void sha256_final(Sha256 *s, uint8_t out[32])
{
    uint64_t bits = s->bytes * 8;
    s->buf[s->n++] = 0x80; /* n < 64 between updates */
    if (s->n > 56) {
        memset(s->buf + s->n, 0, 64 - s->n);
        sha256_block(s->h, s->buf);
        s->n = 0;
    }
    memset(s->buf + s->n, 0, 56 - s->n);
    for (int i = 0; i < 8; i++)
        s->buf[56 + i] = (uint8_t)(bits >> (56 - 8 * i));
    sha256_block(s->h, s->buf);
    s->n = 0;
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (uint8_t)(s->h[i] >> 24);
        out[4 * i + 1] = (uint8_t)(s->h[i] >> 16);
        out[4 * i + 2] = (uint8_t)(s->h[i] >> 8);
        out[4 * i + 3] = (uint8_t)s->h[i];
    }
}

/* ---- growing buffers: code points (previews, normalized values) and UTF-8 (lines) ---- */

typedef struct {
    Py_UCS4 *p;
    Py_ssize_t n, cap;
} Buf;

static int buf_grow(Buf *b, Py_ssize_t more)
{
    if (b->n + more <= b->cap)
        return 0;
    Py_ssize_t cap = b->cap ? b->cap : 64;
    while (cap < b->n + more)
        cap *= 2;
    Py_UCS4 *p = PyMem_Realloc(b->p, (size_t)cap * sizeof(Py_UCS4));
    if (p == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

static int put(Buf *b, Py_UCS4 c)
{
    if (b->n == b->cap && buf_grow(b, 1) < 0)
        return -1;
    b->p[b->n++] = c;
    return 0;
}

static int put_ascii(Buf *b, const char *s)
{
    Py_ssize_t len = (Py_ssize_t)strlen(s);
    if (buf_grow(b, len) < 0)
        return -1;
    for (Py_ssize_t i = 0; i < len; i++)
        b->p[b->n++] = (Py_UCS4)(unsigned char)s[i];
    return 0;
}

typedef struct {
    char *p;
    Py_ssize_t n, cap;
} Out;

static int out_grow(Out *o, Py_ssize_t more)
{
    if (o->n + more <= o->cap)
        return 0;
    Py_ssize_t cap = o->cap ? o->cap : 4096;
    while (cap < o->n + more)
        cap *= 2;
    char *p = PyMem_Realloc(o->p, (size_t)cap);
    if (p == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    o->p = p;
    o->cap = cap;
    return 0;
}

static int out_ascii(Out *o, const char *s, Py_ssize_t len)
{
    if (out_grow(o, len) < 0)
        return -1;
    memcpy(o->p + o->n, s, (size_t)len);
    o->n += len;
    return 0;
}

#define OUT_LIT(o, lit) out_ascii((o), (lit), (Py_ssize_t)(sizeof(lit) - 1))

/* One code point as UTF-8 (room for 4 bytes reserved by the caller); 1 on a surrogate,
   which UTF-8 cannot carry (Python's encoder would raise). */
static int out_code(Out *o, Py_UCS4 c)
{
    char *p = o->p + o->n;
    if (c < 0x80) {
        p[0] = (char)c;
        o->n += 1;
    } else if (c < 0x800) {
        p[0] = (char)(0xC0 | c >> 6);
        p[1] = (char)(0x80 | (c & 0x3F));
        o->n += 2;
    } else if (c < 0x10000) {
        if (c >= 0xD800 && c <= 0xDFFF)
            return 1;
        p[0] = (char)(0xE0 | c >> 12);
        p[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        p[2] = (char)(0x80 | (c & 0x3F));
        o->n += 3;
    } else {
        p[0] = (char)(0xF0 | c >> 18);
        p[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        p[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        p[3] = (char)(0x80 | (c & 0x3F));
        o->n += 4;
    }
    return 0;
}

/* A JSON string as json's encoder writes it with ensure_ascii=False, in UTF-8: 0, 1 on a
   surrogate, -1 on error. */
static int out_json_read(Out *o, int kind, const void *data, Py_ssize_t len)
{
    static const char hex[] = "0123456789abcdef";
    if (out_grow(o, 6 * len + 2) < 0)
        return -1;
    o->p[o->n++] = '"';
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c >= 0x20 && c != '"' && c != '\\') {
            if (out_code(o, c))
                return 1;
            continue;
        }
        char *p = o->p + o->n;
        p[0] = '\\';
        o->n += 2;
        switch (c) {
        case '"': p[1] = '"'; break;
        case '\\': p[1] = '\\'; break;
        case '\n': p[1] = 'n'; break;
        case '\r': p[1] = 'r'; break;
        case '\t': p[1] = 't'; break;
        case '\b': p[1] = 'b'; break;
        case '\f': p[1] = 'f'; break;
        default:
            p[1] = 'u';
            p[2] = '0';
            p[3] = '0';
            p[4] = hex[(c >> 4) & 0xf];
            p[5] = hex[c & 0xf];
            o->n += 4;
        }
    }
    o->p[o->n++] = '"';
    return 0;
}

static int out_json_str(Out *o, PyObject *str)
{
    return out_json_read(o, PyUnicode_KIND(str), PyUnicode_DATA(str), PyUnicode_GET_LENGTH(str));
}

static int out_json_chars(Out *o, const Py_UCS4 *s, Py_ssize_t len)
{
    return out_json_read(o, PyUnicode_4BYTE_KIND, s, len);
}

/* A str's code points (a copy the caller frees with PyMem_Free). */
static Py_UCS4 *chars_of(PyObject *str, Py_ssize_t *len)
{
    *len = PyUnicode_GET_LENGTH(str);
    Py_UCS4 *out = PyMem_Malloc((size_t)(*len + 1) * sizeof(Py_UCS4));
    if (out == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    for (Py_ssize_t i = 0; i < *len; i++)
        out[i] = PyUnicode_READ(kind, data, i);
    return out;
}

/* ---- mask and normalize, as report.py ----------------------------------------------- */

enum { K_OTHER, K_EMAIL, K_PHONE, K_COMPACT, K_SECRET, K_IP, K_NAME, K_ADDRESS, K_DOB, K_COORD };

#define IS_DIGIT_RE(c) Py_UNICODE_ISDECIMAL(c) /* re's \d in a str pattern */

/* _stars(text, keep_start, keep_end) */
static int stars(Buf *b, const Py_UCS4 *s, Py_ssize_t len, Py_ssize_t keep_start,
                 Py_ssize_t keep_end)
{
    if (len <= keep_start + keep_end) {
        keep_start = len ? 1 : 0;
        keep_end = 0;
    }
    for (Py_ssize_t i = 0; i < len; i++)
        if (put(b, i < keep_start || i >= len - keep_end ? s[i] : '*') < 0)
            return -1;
    return 0;
}

static int mask(Buf *b, int kind, const Py_UCS4 *s, Py_ssize_t len)
{
    Py_ssize_t i, j;
    switch (kind) {
    case K_EMAIL: /* local[:1] + "***@" + domain */
        for (i = 0; i < len && s[i] != '@'; i++)
            ;
        if (i > 0 && put(b, s[0]) < 0)
            return -1;
        if (put_ascii(b, "***@") < 0)
            return -1;
        for (j = i + 1; j < len; j++)
            if (put(b, s[j]) < 0)
                return -1;
        return 0;
    case K_SECRET: { /* the first line if it names a private key, else value[:2] + 8 stars */
        Py_ssize_t head = 0;
        while (head < len && s[head] != '\n')
            head++;
        static const char needle[] = "PRIVATE KEY";
        Py_ssize_t nl = (Py_ssize_t)strlen(needle);
        for (i = 0; i + nl <= head; i++) {
            for (j = 0; j < nl && s[i + j] == (Py_UCS4)needle[j]; j++)
                ;
            if (j == nl) {
                for (j = 0; j < head; j++)
                    if (put(b, s[j]) < 0)
                        return -1;
                return 0;
            }
        }
        for (i = 0; i < len && i < 2; i++)
            if (put(b, s[i]) < 0)
                return -1;
        return put_ascii(b, "********");
    }
    case K_IP: { /* the first group, the separator, a star */
        Py_UCS4 sep = ':';
        for (i = 0; i < len; i++)
            if (s[i] == '.') {
                sep = '.';
                break;
            }
        for (i = 0; i < len && s[i] != sep; i++)
            if (put(b, s[i]) < 0)
                return -1;
        return put(b, sep) < 0 || put(b, '*') < 0 ? -1 : 0;
    }
    case K_NAME: { /* each whitespace-separated part: its first character, then stars */
        int first = 1;
        if (len == 1) /* a surname alone (王 of 王先生) shows nothing */
            return put(b, '*');
        for (i = 0; i < len;) {
            while (i < len && Py_UNICODE_ISSPACE(s[i]))
                i++;
            if (i == len)
                break;
            for (j = i; j < len && !Py_UNICODE_ISSPACE(s[j]); j++)
                ;
            if ((!first && put(b, ' ') < 0) || stars(b, s + i, j - i, 1, 0) < 0)
                return -1;
            first = 0;
            i = j;
        }
        return 0;
    }
    case K_ADDRESS:
        return stars(b, s, len, 6, 0);
    case K_DOB:
        for (i = 0; i < len; i++)
            if (put(b, IS_DIGIT_RE(s[i]) ? '*' : s[i]) < 0)
                return -1;
        return 0;
    case K_COORD: /* re.sub(r"(\d+\.\d)\d+", r"\1***", value) */
        for (i = 0; i < len;) {
            if (IS_DIGIT_RE(s[i])) {
                for (j = i; j < len && IS_DIGIT_RE(s[j]); j++)
                    ;
                if (j + 2 < len && s[j] == '.' && IS_DIGIT_RE(s[j + 1]) && IS_DIGIT_RE(s[j + 2])) {
                    Py_ssize_t k = j + 2;
                    while (k < len && IS_DIGIT_RE(s[k]))
                        k++;
                    for (Py_ssize_t m = i; m < j + 2; m++)
                        if (put(b, s[m]) < 0)
                            return -1;
                    if (put_ascii(b, "***") < 0)
                        return -1;
                    i = k;
                    continue;
                }
                for (; i < j; i++)
                    if (put(b, s[i]) < 0)
                        return -1;
                continue;
            }
            if (put(b, s[i++]) < 0)
                return -1;
        }
        return 0;
    default: { /* letters, digits and + kept; 3 and 4 shown when 11 or more, else 2 and 2 */
        Buf c = {NULL, 0, 0};
        for (i = 0; i < len; i++)
            if ((Py_UNICODE_ISALNUM(s[i]) || s[i] == '+') && put(&c, s[i]) < 0) {
                PyMem_Free(c.p);
                return -1;
            }
        int rc = c.n >= 11 ? stars(b, c.p, c.n, 3, 4) : stars(b, c.p, c.n, 2, 2);
        PyMem_Free(c.p);
        return rc;
    }
    }
}

static int is_separator(Py_UCS4 c) /* report._SEPARATORS: [\s\-().·・•] */
{
    return Py_UNICODE_ISSPACE(c) || c == '-' || c == '(' || c == ')' || c == '.' ||
           c == 0x00B7 || c == 0x30FB || c == 0x2022;
}

/* normalize(kind, value) into b; 1 when Python must do it (case mapping beyond ASCII). */
static int normalize(Buf *b, int kind, const Py_UCS4 *s, Py_ssize_t len)
{
    Py_ssize_t i, lo, hi;
    switch (kind) {
    case K_EMAIL: /* strip().lower() */
        for (lo = 0; lo < len && Py_UNICODE_ISSPACE(s[lo]); lo++)
            ;
        for (hi = len; hi > lo && Py_UNICODE_ISSPACE(s[hi - 1]); hi--)
            ;
        for (i = lo; i < hi; i++) {
            if (s[i] >= 0x80)
                return 1;
            if (put(b, s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]) < 0)
                return -1;
        }
        return 0;
    case K_PHONE: /* "+" if it starts with one after spaces, then every digit */
        for (lo = 0; lo < len && Py_UNICODE_ISSPACE(s[lo]); lo++)
            ;
        if (lo < len && s[lo] == '+' && put(b, '+') < 0)
            return -1;
        for (i = 0; i < len; i++)
            if (Py_UNICODE_ISDIGIT(s[i]) && put(b, s[i]) < 0)
                return -1;
        return 0;
    case K_COMPACT: /* separators out, upper() (CJK and ASCII only: others to Python) */
        for (i = 0; i < len; i++) {
            Py_UCS4 c = s[i];
            if (is_separator(c))
                continue;
            if (c >= 0x80 && !(c >= 0x4E00 && c <= 0x9FFF))
                return 1;
            if (put(b, c >= 'a' && c <= 'z' ? c - 32 : c) < 0)
                return -1;
        }
        return 0;
    default: { /* " ".join(value.split()) */
        int first = 1;
        for (i = 0; i < len;) {
            while (i < len && Py_UNICODE_ISSPACE(s[i]))
                i++;
            if (i == len)
                break;
            if (!first && put(b, ' ') < 0)
                return -1;
            while (i < len && !Py_UNICODE_ISSPACE(s[i]))
                if (put(b, s[i++]) < 0)
                    return -1;
            first = 0;
        }
        return 0;
    }
    }
}

/* ---- the renderer ------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Sha256 inner, outer; /* the keyed states after the padded key block */
    PyObject *kinds;     /* type -> K_* */
    PyObject *categories;
    PyObject *fallback;
    int show_values;
} Renderer;

static int Renderer_init(Renderer *self, PyObject *args, PyObject *kwds)
{
    static char *names[] = {"key", "kinds", "categories", "show_values", "fallback", NULL};
    Py_buffer key;
    PyObject *kinds, *categories, *fallback;
    int show_values;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*O!O!pO", names, &key, &PyDict_Type, &kinds,
                                     &PyDict_Type, &categories, &show_values, &fallback))
        return -1;
    uint8_t block[64] = {0}, pad[64];
    if (key.len > 64) {
        Sha256 s;
        sha256_init(&s);
        sha256_update(&s, key.buf, (size_t)key.len);
        sha256_final(&s, block);
    } else {
        memcpy(block, key.buf, (size_t)key.len);
    }
    PyBuffer_Release(&key);
    for (int i = 0; i < 64; i++)
        pad[i] = block[i] ^ 0x36;
    sha256_init(&self->inner);
    sha256_update(&self->inner, pad, 64);
    for (int i = 0; i < 64; i++)
        pad[i] = block[i] ^ 0x5C;
    sha256_init(&self->outer);
    sha256_update(&self->outer, pad, 64);
    Py_INCREF(kinds);
    Py_XSETREF(self->kinds, kinds);
    Py_INCREF(categories);
    Py_XSETREF(self->categories, categories);
    Py_INCREF(fallback);
    Py_XSETREF(self->fallback, fallback);
    self->show_values = show_values;
    return 0;
}

static void Renderer_dealloc(Renderer *self)
{
    Py_XDECREF(self->kinds);
    Py_XDECREF(self->categories);
    Py_XDECREF(self->fallback);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int out_int(Out *o, PyObject *v) /* 0, 1 beyond long long, -1 */
{
    int overflow;
    long long x = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (overflow)
        return 1;
    if (x == -1 && PyErr_Occurred())
        return -1;
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%lld", x);
    return out_ascii(o, digits, len);
}

static int out_repr(Out *o, PyObject *v) /* what json writes for a float or an int */
{
    PyObject *r = PyObject_Repr(v);
    if (r == NULL)
        return -1;
    Py_ssize_t len;
    const char *text = PyUnicode_AsUTF8AndSize(r, &len);
    int rc = text == NULL ? -1 : out_ascii(o, text, len);
    Py_DECREF(r);
    return rc;
}

/* `{"source": "...", "location": ` for a source (kept while the source stays the same) */
typedef struct {
    PyObject *source; /* borrowed from the list being rendered */
    Out text;
} Head;

/* Where a finding is: a location dict, or (where NULL) a text file's line and offsets. */
typedef struct {
    PyObject *where;
    long long line, start, end;
} Where;

static int render_hit(Renderer *self, Out *o, Head *head, PyObject *source, const Where *at,
                      PyObject *type, PyObject *value, PyObject *confidence,
                      PyObject *validator);

/* One located as its JSON line into o: 0 done, 1 for Python, -1 error (o may then hold a
   part of the line: the caller cuts it back). */
static int render_one(Renderer *self, Out *o, Head *head, PyObject *loc)
{
    if (!PyTuple_Check(loc) || PyTuple_GET_SIZE(loc) != 4 || PyTuple_GET_ITEM(loc, 3) != Py_None)
        return 1;
    PyObject *source = PyTuple_GET_ITEM(loc, 0), *where = PyTuple_GET_ITEM(loc, 1),
             *hit = PyTuple_GET_ITEM(loc, 2);
    if (!PyUnicode_Check(source) || !PyDict_CheckExact(where) || !PyTuple_Check(hit) ||
        PyTuple_GET_SIZE(hit) != 6)
        return 1;
    Where at = {where, 0, 0, 0};
    return render_hit(self, o, head, source, &at, PyTuple_GET_ITEM(hit, 0),
                      PyTuple_GET_ITEM(hit, 3), PyTuple_GET_ITEM(hit, 4), PyTuple_GET_ITEM(hit, 5));
}

static int render_hit(Renderer *self, Out *o, Head *head, PyObject *source, const Where *at,
                      PyObject *type, PyObject *value, PyObject *confidence, PyObject *validator)
{
    if (!PyUnicode_Check(type) || !PyUnicode_Check(value) || !PyUnicode_Check(validator))
        return 1;
    if (!(PyFloat_CheckExact(confidence) && isfinite(PyFloat_AS_DOUBLE(confidence))) &&
        !PyLong_CheckExact(confidence))
        return 1;
    PyObject *category = PyDict_GetItemWithError(self->categories, type);
    if (category == NULL || !PyUnicode_Check(category))
        return PyErr_Occurred() ? -1 : 1;
    PyObject *code = PyDict_GetItemWithError(self->kinds, type);
    if (code == NULL && PyErr_Occurred())
        return -1;
    int kind = code == NULL ? K_OTHER : (int)PyLong_AsLong(code);
    int rc;

    if (head->source != source) {
        head->text.n = 0;
        head->source = NULL;
        rc = OUT_LIT(&head->text, "{\"source\": ");
        if (rc == 0)
            rc = out_json_str(&head->text, source);
        if (rc == 0)
            rc = OUT_LIT(&head->text, ", \"location\": {");
        if (rc != 0)
            return rc;
        head->source = source;
    }
    if (out_ascii(o, head->text.p, head->text.n) < 0)
        return -1;
    if (at->where == NULL) { /* {"line": L, "start": S, "end": E}, as _located builds it */
        char numbers[96];
        int len = snprintf(numbers, sizeof numbers, "\"line\": %lld, \"start\": %lld, \"end\": %lld",
                           at->line, at->start, at->end);
        if (out_ascii(o, numbers, len) < 0)
            return -1;
    }
    Py_ssize_t key_pos = 0;
    PyObject *k, *v, *where = at->where;
    int first = 1;
    while (where != NULL && PyDict_Next(where, &key_pos, &k, &v)) {
        if (!PyUnicode_Check(k) || PyBool_Check(v))
            return 1;
        if (!first && OUT_LIT(o, ", ") < 0)
            return -1;
        if ((rc = out_json_str(o, k)) != 0)
            return rc;
        if (OUT_LIT(o, ": ") < 0)
            return -1;
        first = 0;
        if (PyLong_CheckExact(v))
            rc = out_int(o, v);
        else if (PyUnicode_CheckExact(v))
            rc = out_json_str(o, v);
        else
            rc = 1;
        if (rc != 0)
            return rc;
    }
    if (OUT_LIT(o, "}, \"type\": ") < 0 || (rc = out_json_str(o, type)) != 0 ||
        OUT_LIT(o, ", \"category\": ") < 0 || (rc = out_json_str(o, category)) != 0 ||
        OUT_LIT(o, ", \"confidence\": ") < 0 || out_repr(o, confidence) < 0 ||
        OUT_LIT(o, ", \"validator\": ") < 0 || (rc = out_json_str(o, validator)) != 0 ||
        OUT_LIT(o, ", \"preview\": ") < 0)
        return rc > 0 ? rc : -1;

    Py_ssize_t len;
    Py_UCS4 *s = chars_of(value, &len);
    if (s == NULL)
        return -1;
    Buf norm = {NULL, 0, 0}, preview = {NULL, 0, 0};
    Out raw = {NULL, 0, 0};
    rc = normalize(&norm, kind, s, len);
    if (rc == 0)
        rc = out_grow(&raw, 4 * norm.n + 1);
    for (Py_ssize_t i = 0; rc == 0 && i < norm.n; i++)
        rc = out_code(&raw, norm.p[i]);
    if (rc == 0)
        rc = mask(&preview, kind, s, len);
    if (rc == 0)
        rc = out_json_chars(o, preview.p, preview.n);
    if (rc == 0) {
        uint8_t digest[32];
        Sha256 h = self->inner;
        sha256_update(&h, (const uint8_t *)raw.p, (size_t)raw.n);
        sha256_final(&h, digest);
        h = self->outer;
        sha256_update(&h, digest, 32);
        sha256_final(&h, digest);
        rc = OUT_LIT(o, ", \"hash\": \"hmac-sha256:");
        if (rc == 0)
            rc = out_grow(o, 64 + 1);
        if (rc == 0) {
            for (int i = 0; i < 32; i++) {
                o->p[o->n++] = "0123456789abcdef"[digest[i] >> 4];
                o->p[o->n++] = "0123456789abcdef"[digest[i] & 0xf];
            }
            o->p[o->n++] = '"';
        }
    }
    if (rc == 0 && self->show_values) {
        rc = OUT_LIT(o, ", \"value\": ");
        if (rc == 0)
            rc = out_json_chars(o, s, len);
    }
    if (rc == 0)
        rc = OUT_LIT(o, "}\n");
    PyMem_Free(s);
    PyMem_Free(norm.p);
    PyMem_Free(preview.p);
    PyMem_Free(raw.p);
    return rc;
}

static PyObject *Renderer_render(Renderer *self, PyObject *located)
{
    PyObject *seq = PySequence_Fast(located, "render() takes a sequence of Located");
    if (seq == NULL)
        return NULL;
    Out o = {NULL, 0, 0};
    Head head = {NULL, {NULL, 0, 0}};
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < count; i++) {
        Py_ssize_t mark = o.n;
        int rc = render_one(self, &o, &head, items[i]);
        if (rc < 0)
            goto done;
        if (rc == 1) { /* Python's own line */
            o.n = mark;
            PyObject *line = PyObject_CallOneArg(self->fallback, items[i]);
            if (line == NULL)
                goto done;
            Py_ssize_t len;
            const char *text = PyUnicode_Check(line) ? PyUnicode_AsUTF8AndSize(line, &len) : NULL;
            if (text == NULL) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_TypeError, "fallback must return str");
                Py_DECREF(line);
                goto done;
            }
            int failed = out_ascii(&o, text, len) < 0;
            Py_DECREF(line);
            if (failed)
                goto done;
        }
    }
    result = PyBytes_FromStringAndSize(o.p ? o.p : "", o.n);
done:
    PyMem_Free(o.p);
    PyMem_Free(head.text.p);
    Py_DECREF(seq);
    return result;
}

/* render_part(source, hits, chars, lines): a part of a text file read in parts, its hits
   (type, start, end, value, confidence, validator, line) relative to the part, shifted by the
   code points and line feeds before it — what scan._located + render give, without building
   the Located. None when a hit needs Python's writer (the caller then takes that path). */
static PyObject *Renderer_render_part(Renderer *self, PyObject *args)
{
    PyObject *source, *hits;
    long long chars, lines;
    if (!PyArg_ParseTuple(args, "UOLL", &source, &hits, &chars, &lines))
        return NULL;
    PyObject *seq = PySequence_Fast(hits, "render_part() takes a sequence of hits");
    if (seq == NULL)
        return NULL;
    Out o = {NULL, 0, 0};
    Head head = {NULL, {NULL, 0, 0}};
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *h = items[i];
        if (!PyTuple_Check(h) || PyTuple_GET_SIZE(h) != 7) {
            result = Py_NewRef(Py_None);
            goto done;
        }
        long long start = PyLong_AsLongLong(PyTuple_GET_ITEM(h, 1));
        long long end = PyLong_AsLongLong(PyTuple_GET_ITEM(h, 2));
        long long line = PyLong_AsLongLong(PyTuple_GET_ITEM(h, 6));
        if (PyErr_Occurred()) {
            PyErr_Clear();
            result = Py_NewRef(Py_None);
            goto done;
        }
        Where at = {NULL, lines + line + 1, chars + start, chars + end};
        int rc = render_hit(self, &o, &head, source, &at, PyTuple_GET_ITEM(h, 0),
                            PyTuple_GET_ITEM(h, 3), PyTuple_GET_ITEM(h, 4), PyTuple_GET_ITEM(h, 5));
        if (rc < 0)
            goto done;
        if (rc == 1) {
            result = Py_NewRef(Py_None);
            goto done;
        }
    }
    result = PyBytes_FromStringAndSize(o.p ? o.p : "", o.n);
done:
    PyMem_Free(o.p);
    PyMem_Free(head.text.p);
    Py_DECREF(seq);
    return result;
}

static PyMethodDef Renderer_methods[] = {
    {"render", (PyCFunction)Renderer_render, METH_O,
     "render(located) -> bytes: the JSON Lines (UTF-8) of a list of Located."},
    {"render_part", (PyCFunction)Renderer_render_part, METH_VARARGS,
     "render_part(source, hits, chars, lines) -> bytes | None: a part's hits as JSON Lines, "
     "offsets and lines made whole-file; None: Python's writer is needed."},
    {NULL, NULL, 0, NULL}};

static PyTypeObject RendererType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "piiguard.scanner._jsonl.Renderer",
    .tp_basicsize = sizeof(Renderer),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Renderer(key, kinds, categories, show_values, fallback): JSON Lines of findings.",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Renderer_init,
    .tp_dealloc = (destructor)Renderer_dealloc,
    .tp_methods = Renderer_methods,
};

static PyObject *hmac_sha256(PyObject *self, PyObject *args)
{
    Py_buffer key, msg;
    int portable = 0;
    if (!PyArg_ParseTuple(args, "y*y*|p", &key, &msg, &portable))
        return NULL;
    void (*chosen)(uint32_t h[8], const uint8_t *p) = sha256_block;
    if (portable)
        sha256_block = sha256_block_portable;
    uint8_t block[64] = {0}, pad[64], digest[32];
    Sha256 s;
    if (key.len > 64) {
        sha256_init(&s);
        sha256_update(&s, key.buf, (size_t)key.len);
        sha256_final(&s, block);
    } else {
        memcpy(block, key.buf, (size_t)key.len);
    }
    for (int i = 0; i < 64; i++)
        pad[i] = block[i] ^ 0x36;
    sha256_init(&s);
    sha256_update(&s, pad, 64);
    sha256_update(&s, msg.buf, (size_t)msg.len);
    sha256_final(&s, digest);
    for (int i = 0; i < 64; i++)
        pad[i] = block[i] ^ 0x5C;
    sha256_init(&s);
    sha256_update(&s, pad, 64);
    sha256_update(&s, digest, 32);
    sha256_final(&s, digest);
    sha256_block = chosen;
    PyBuffer_Release(&key);
    PyBuffer_Release(&msg);
    return PyBytes_FromStringAndSize((const char *)digest, 32);
}

/* sources/text.scan_text_part's loop: of the hits found in pre + main + post, those that
 * begin inside main (shift <= start < shift + size), as (kind, start, end, value, confidence,
 * validator, line) with offsets relative to main and `line` the line feeds of main before the
 * hit's start (counted from the previous kept hit's start, as str.count does: nothing when
 * the hits go back). About a microsecond a hit in Python. */
static Py_ssize_t count_lf(PyObject *s, Py_ssize_t a, Py_ssize_t b)
{
    Py_ssize_t n = 0, len = PyUnicode_GET_LENGTH(s);
    if (a < 0)
        a = 0;
    if (b > len)
        b = len;
    if (a >= b)
        return 0;
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    if (kind == PyUnicode_1BYTE_KIND) {
        const char *p = (const char *)data + a, *end = (const char *)data + b;
        while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
            n++;
            p++;
        }
        return n;
    }
    for (Py_ssize_t i = a; i < b; i++)
        n += PyUnicode_READ(kind, data, i) == '\n';
    return n;
}

static PyObject *part_hits(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 4 || !PyList_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "expected (found: list, main: str, shift, size)");
        return NULL;
    }
    PyObject *found = args[0], *main = args[1];
    Py_ssize_t shift = PyLong_AsSsize_t(args[2]), size = PyLong_AsSsize_t(args[3]);
    if (PyErr_Occurred())
        return NULL;
    PyObject *out = PyList_New(0);
    Py_ssize_t counted = 0, lines = 0;
    for (Py_ssize_t i = 0; out && i < PyList_GET_SIZE(found); i++) {
        PyObject *h = PyList_GET_ITEM(found, i);
        if (!PyTuple_Check(h) || PyTuple_GET_SIZE(h) != 6) {
            PyErr_SetString(PyExc_TypeError, "a hit is a 6-tuple");
            Py_CLEAR(out);
            break;
        }
        Py_ssize_t start = PyLong_AsSsize_t(PyTuple_GET_ITEM(h, 1));
        Py_ssize_t end = PyLong_AsSsize_t(PyTuple_GET_ITEM(h, 2));
        if (PyErr_Occurred()) {
            Py_CLEAR(out);
            break;
        }
        Py_ssize_t local = start - shift;
        if (local < 0 || local >= size)
            continue;
        lines += count_lf(main, counted, local);
        counted = local;
        PyObject *a = PyLong_FromSsize_t(local), *b = PyLong_FromSsize_t(end - shift);
        PyObject *c = PyLong_FromSsize_t(lines);
        PyObject *row = (a && b && c) ? PyTuple_Pack(7, PyTuple_GET_ITEM(h, 0), a, b,
                                                     PyTuple_GET_ITEM(h, 3), PyTuple_GET_ITEM(h, 4),
                                                     PyTuple_GET_ITEM(h, 5), c)
                                      : NULL;
        Py_XDECREF(a);
        Py_XDECREF(b);
        Py_XDECREF(c);
        if (row == NULL || PyList_Append(out, row) < 0) {
            Py_XDECREF(row);
            Py_CLEAR(out);
            break;
        }
        Py_DECREF(row);
    }
    return out;
}

static PyMethodDef module_methods[] = {
    {"hmac_sha256", hmac_sha256, METH_VARARGS,
     "hmac_sha256(key, message, portable=False) -> bytes: this module's HMAC-SHA256 (for its "
     "tests; `portable`: without the SHA extensions)."},
    {"part_hits", (PyCFunction)(void (*)(void))part_hits, METH_FASTCALL,
     "part_hits(found, main, shift, size) -> list: sources.text.scan_text_part's loop."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_jsonl",
                                    "JSON Lines of findings, built in C.", -1, module_methods};

PyMODINIT_FUNC PyInit__jsonl(void)
{
    if (PyType_Ready(&RendererType) < 0)
        return NULL;
    int sha_ni = 0;
#ifdef SHA_NI_BUILT
    if (sha_ni_usable()) {
        sha256_block = sha256_block_ni;
        sha_ni = 1;
    }
#endif
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&RendererType);
    if (PyModule_AddObject(m, "Renderer", (PyObject *)&RendererType) < 0 ||
        PyModule_AddIntConstant(m, "K_OTHER", K_OTHER) < 0 ||
        PyModule_AddIntConstant(m, "K_EMAIL", K_EMAIL) < 0 ||
        PyModule_AddIntConstant(m, "K_PHONE", K_PHONE) < 0 ||
        PyModule_AddIntConstant(m, "K_COMPACT", K_COMPACT) < 0 ||
        PyModule_AddIntConstant(m, "K_SECRET", K_SECRET) < 0 ||
        PyModule_AddIntConstant(m, "K_IP", K_IP) < 0 ||
        PyModule_AddIntConstant(m, "K_NAME", K_NAME) < 0 ||
        PyModule_AddIntConstant(m, "K_ADDRESS", K_ADDRESS) < 0 ||
        PyModule_AddIntConstant(m, "K_DOB", K_DOB) < 0 ||
        PyModule_AddIntConstant(m, "K_COORD", K_COORD) < 0 ||
        PyModule_AddObjectRef(m, "SHA_NI", sha_ni ? Py_True : Py_False) < 0) {
        Py_DECREF(&RendererType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
