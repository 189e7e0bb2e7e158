#define _XOPEN_SOURCE 700   // realpath
#include "dataset.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "cleanup.h"
#include "stepsize.h"

/* ---- reading ------------------------------------------------------------ */

/* A cell as a message shows it, in single quotes: at most SHOWN bytes,
 * control characters as \xNN (so that a message stays one line), and when
 * cut, "..." and the full length: 'xxxx...' (1048576 bytes). */
#define SHOWN 40
typedef struct {
    char text[SHOWN * 4 + 48];
} Shown;

/* What the reader has so far: the features in row-major order and the
 * labels (the last column) apart, as X and y will hold them; grown by
 * doubling. */
typedef struct {
    const char *path;   // file name for messages
    size_t line;        // current line number, 1-based
    size_t cols;        // columns per row, from the header
    double *values;     // (rows * (cols - 1)) parsed features
    double *labels;     // (rows) parsed last column
    size_t *lines;      // (rows) the line each row came from
    size_t rows;
    size_t capacity;   // rows that fit in values, labels and lines
    int table;         // 1: a table of numbers, the last column need not be a whole-number label
    Shown header;      // line 1 as a message shows it, for a first row that is not numbers
} Reader;

static Shown show(const char *s) {
    Shown out;
    size_t n = strlen(s), k = 0;
    out.text[k++] = '\'';
    for (size_t i = 0; i < n && i < SHOWN; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f) k += (size_t)sprintf(out.text + k, "\\x%02x", c);
        else out.text[k++] = (char)c;
    }
    if (n > SHOWN) sprintf(out.text + k, "...' (%zu bytes)", n);
    else sprintf(out.text + k, "'");
    return out;
}

static void strip_line_end(char *line, size_t *len) {
    while (*len > 0 && (line[*len - 1] == '\n' || line[*len - 1] == '\r')) line[--*len] = '\0';
}

static size_t count_cells(const char *line) {
    size_t cells = 1;
    for (const char *c = line; *c != '\0'; c++) cells += *c == ',';
    return cells;
}

/* Cuts the next comma-separated cell off *rest and returns it; *rest moves
 * past the comma (or to the end of the line after the last cell). */
static char *next_cell(char **rest) {
    char *cell = *rest, *comma = strchr(cell, ',');
    if (comma != NULL) {
        *comma = '\0';
        *rest = comma + 1;
    } else {
        *rest = cell + strlen(cell);
    }
    return cell;
}

static int is_blank(char c) {
    return c == ' ' || c == '\t';
}

/* Skips blanks at both ends; returns the start, cuts the end. */
static char *trim(char *s) {
    while (is_blank(*s)) s++;
    size_t len = strlen(s);
    while (len > 0 && is_blank(s[len - 1])) s[--len] = '\0';
    return s;
}

/* The UTF-8 byte-order mark, which some editors put at the start of a file. */
#define BOM "\xEF\xBB\xBF"

/* Bytes that have no place in a text CSV line: NUL, a lone carriage return,
 * other control characters (tab is a blank). Returns -1 with the place. */
static int check_bytes(const Reader *r, const char *line, size_t len, LrError *err) {
    if (strlen(line) != len) {
        return lr_fail(err, "%s:%zu:%zu: a NUL byte: this does not look like a text CSV file",
                       r->path, r->line, strlen(line) + 1);
    }
    const char *bom = strstr(line, BOM);
    if (bom != NULL) {
        return lr_fail(err, "%s:%zu:%zu: a byte-order mark (U+FEFF) inside the file; it may only open the file",
                       r->path, r->line, (size_t)(bom - line) + 1);
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)line[i];
        if (c == '\r') {
            return lr_fail(err, "%s:%zu:%zu: a carriage return (\\r) inside a line: "
                                "lines must end in \\n or \\r\\n",
                           r->path, r->line, i + 1);
        }
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            return lr_fail(err, "%s:%zu:%zu: control character \\x%02x: this does not look like a text CSV file",
                           r->path, r->line, i + 1, c);
        }
    }
    return 0;
}

/* What each byte is to scan_line: COMMA, SPECIAL (a control character other
 * than tab, NUL and \r among them, DEL, or 0xEF, which starts a byte-order
 * mark), or 0. */
enum { COMMA = 1,
       SPECIAL = 2 };
static unsigned char byte_kind[256];

static void fill_byte_kinds(void) {
    for (int c = 0; c < 256; c++) {
        int special = (c < 0x20 && c != '\t') || c == 0x7f || c == 0xef;
        byte_kind[c] = (unsigned char)(c == ',' ? COMMA : special ? SPECIAL
                                                                  : 0);
    }
}

/* One pass over a line of len bytes: returns how many cells it has (commas
 * + 1) and sets *suspect when a byte needs check_bytes' closer look. */
static size_t scan_line(const char *line, size_t len, int *suspect) {
    if (byte_kind[','] == 0) fill_byte_kinds();
    size_t commas = 0;
    unsigned kinds = 0;
    for (size_t i = 0; i < len; i++) {   // commas += (c == ','), kinds |= what c is
        unsigned k = byte_kind[(unsigned char)line[i]];
        commas += k & COMMA;
        kinds |= k;
    }
    *suspect = (kinds & SPECIAL) != 0;
    return commas + 1;
}

#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128 Wide;   // GCC's and Clang's 128-bit integers

/* The number of significant bits of w (0 for 0). */
static int bit_length(Wide w) {
    uint64_t high = (uint64_t)(w >> 64), low = (uint64_t)w;
    if (high != 0) return 128 - __builtin_clzll(high);
    return low != 0 ? 64 - __builtin_clzll(low) : 0;
}

/* m 2^e as a double, for 2^52 <= m <= 2^53 and a normal result: its bits
 * made directly (the exponent field, then the 52 bits after the leading 1). */
static double make_double(uint64_t m, int e) {
    if (m >> 53 != 0) {   // rounding carried into a new bit: 2^53 = 2^52 * 2
        m >>= 1;
        e++;
    }
    uint64_t bits = ((uint64_t)(e + 52 + 1023) << 52) | (m & ((UINT64_C(1) << 52) - 1));
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

/* q, a whole number of at least 54 bits, rounded to 53 bits, the nearest
 * (a tie to the even one; sticky says that something nonzero was cut off
 * below q, so q is above a tie), times 2^e, as a double. Every step exact. */
static double round_to_double(Wide q, int sticky, int e) {
    int shift = bit_length(q) - 53;
    Wide half = (Wide)1 << (shift - 1), rest = q & ((half << 1) - 1);
    uint64_t m = (uint64_t)(q >> shift);
    if (rest > half || (rest == half && (sticky || (m & 1)))) m++;
    return make_double(m, e + shift);
}

/* 10^-q for q = 1 .. 27 to 128 bits, computed once, when the first number
 * is read: tenth[q] = floor(2^(127 + b) / 5^q),
 * where b is the bit length of 5^q, so that 2^127 < tenth[q] < 2^128 and
 *   10^-q = 5^-q 2^-q = (tenth[q] + f) 2^-(127 + b + q),  0 <= f < 1.
 * Long division in 64-bit digits (5^q < 2^63): the first digit is
 * 2^(b - 1 + 64) / 5^q, the second the remainder times 2^64 / 5^q. Every
 * step exact. tenth_exp[q] is 127 + b + q. */
static Wide tenth[28];
static int tenth_exp[28];

static void fill_tenths(const uint64_t *five_to) {
    for (int q = 1; q <= 27; q++) {
        int b = bit_length(five_to[q]);
        Wide top = (Wide)1 << (b - 1 + 64), five = five_to[q];
        Wide rest = top % five;
        tenth[q] = (top / five) << 64 | ((rest << 64) / five);
        tenth_exp[q] = 127 + b + q;
    }
}

/* m 10^-q, from tenth[q]: the top 128 bits of the 192-bit product m tenth[q],
 *   Q = m hi + (m lo) / 2^64   (hi, lo: tenth[q]'s two 64-bit halves),
 * and since tenth[q] is short of 10^-q's digits by less than 1, the exact
 * m 10^-q lies in [Q, Q + 2) times 2^(64 - tenth_exp[q]). Rounding Q to
 * 53 bits cuts off its last bits, rest: when rest + 2 <= half (the whole
 * interval is below the halfway point) or rest > half (above it), every
 * number in the interval rounds to the same double, which is returned.
 * Otherwise (rarely: within 2^-62 of a halfway point between two doubles)
 * returns 0 and the exact division decides. */
static int multiply_by_tenth(uint64_t m, int q, double *v) {
    uint64_t hi = (uint64_t)(tenth[q] >> 64), lo = (uint64_t)tenth[q];
    Wide Q = (Wide)m * hi + (((Wide)m * lo) >> 64);
    int shift = bit_length(Q) - 53;
    Wide half = (Wide)1 << (shift - 1), rest = Q & ((half << 1) - 1);
    if (rest + 2 > half && rest <= half) return 0;
    *v = round_to_double(Q, 1, 64 - tenth_exp[q]);
    return 1;
}

/* The number the 8 characters at s make when all are digits, else -1: the
 * 8 bytes read as one 64-bit word w (s[0] its lowest byte, as on x86-64),
 * each byte turned into its digit (minus '0'), then neighbours combined
 * three times over, by multiplications: pairs (10 a + b), fours, eights. */
static int64_t eight_digits(const char *s) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t w;
    memcpy(&w, s, sizeof w);
    // a byte is a digit when neither c - '0' nor c + 0x46 passes 0x7f
    if (((w + 0x4646464646464646u) | (w - 0x3030303030303030u)) & 0x8080808080808080u) return -1;
    w -= 0x3030303030303030u;
    w = w * 10 + (w >> 8);   // bytes 0, 2, 4, 6: two digits each, 10 a + b
    w = ((w & 0x000000FF000000FFu) * (100 + (1000000ull << 32)) +
         ((w >> 16) & 0x000000FF000000FFu) * (1 + (10000ull << 32))) >>
        32;   // the four pairs into one number
    return (int64_t)(uint32_t)w;
#else
    (void)s;
    return -1;
#endif
}

/* The common case, fast: a plain decimal number with blanks around it, like
 * "-0.53657291800043494" or "1.5e-07", of at most 19 significant digits and
 * a power of ten within 10^+-27: x = M * 10^e with M < 10^19 < 2^64. Its
 * double is computed exactly, in 128-bit integers: for e >= 0 it is
 * M * 5^e (below 2^127) times 2^e; for e < 0, M times 10^e to 128 bits
 * (multiply_by_tenth) when that settles the rounding, as it does but for
 * numbers within 2^-62 of a tie, and else the quotient of M * 2^s by 5^-e
 * (5^27 < 2^63; s makes the quotient at least 2^54) and its remainder, times
 * 2^-(s - e). Rounded once, so the same bits as strtod. The digits are read
 * eight at a time where limit (the end of the text) leaves room. Returns where the
 * number ended (at the comma after it, or the end of the line) with the
 * number in *out, or NULL when strtod must decide (any other form,
 * including every malformed cell). */
static char *parse_plain(char *s, const char *limit, double *out) {
    static const uint64_t FIVE_TO[28] = {
        // clang-format off
        1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125, 9765625, 48828125, 244140625,
        1220703125, 6103515625, 30517578125, 152587890625, 762939453125, 3814697265625,
        19073486328125, 95367431640625, 476837158203125, 2384185791015625, 11920928955078125,
        59604644775390625, 298023223876953125, 1490116119384765625, 7450580596923828125};
    // clang-format on
    if (tenth_exp[1] == 0) fill_tenths(FIVE_TO);
    while (is_blank(*s)) s++;
    int negative = *s == '-';
    if (*s == '-' || *s == '+') s++;
    uint64_t m = 0;   // the significant digits, as a whole number
    int exp10 = 0, digits = 0, zeros = 0;
    for (; *s == '0'; s++) zeros = 1;   // leading zeros are not significant
    // m = 10 m + digit, for the digits before the point ...
    for (int64_t eight; limit - s >= 8 && (eight = eight_digits(s)) >= 0; s += 8, digits += 8) {
        m = m * 100000000 + (uint64_t)eight;   // ... eight at a time where there are eight
    }
    for (; (unsigned)(*s - '0') < 10; s++, digits++) m = m * 10 + (uint64_t)(*s - '0');
    if (*s == '.') {
        s++;
        if (digits == 0) {   // 0.000123: the zeros after the point only move it
            for (; *s == '0'; s++, exp10--) zeros = 1;
        }
        // ... and after it, each one a power of ten less
        for (int64_t eight; limit - s >= 8 && (eight = eight_digits(s)) >= 0; s += 8, digits += 8, exp10 -= 8) {
            m = m * 100000000 + (uint64_t)eight;
        }
        for (; (unsigned)(*s - '0') < 10; s++, digits++, exp10--) m = m * 10 + (uint64_t)(*s - '0');
    }
    if ((!zeros && digits == 0) || digits > 19) return NULL;   // no digits, or m may have wrapped
    if (*s == 'e' || *s == 'E') {
        int e_negative = s[1] == '-', e = 0, e_digits = 0;
        s += s[1] == '-' || s[1] == '+' ? 2 : 1;
        for (; (unsigned)(*s - '0') < 10 && e < 10000; s++, e_digits++) e = e * 10 + (*s - '0');
        if (e_digits == 0) return NULL;
        exp10 += e_negative ? -e : e;
    }
    while (is_blank(*s)) s++;
    if ((*s != '\0' && *s != ',') || exp10 < -27 || exp10 > 27) return NULL;
    double v;
    if (m == 0) {
        v = 0.0;
    } else if (exp10 >= 0) {
        Wide x = (Wide)m * FIVE_TO[exp10];   // m 5^e, then rounded and times 2^e
        v = bit_length(x) <= 53 ? ldexp((double)(uint64_t)x, exp10) : round_to_double(x, 0, exp10);
    } else if (!multiply_by_tenth(m, -exp10, &v)) {
        int shift = 118 - bit_length(m);   // (m 2^s) / 5^-e, then rounded and times 2^(e - s)
        Wide x = (Wide)m << shift, five = FIVE_TO[-exp10];
        v = round_to_double(x / five, x % five != 0, exp10 - shift);
    }
    *out = negative ? -v : v;
    return s;
}
#else
static char *parse_plain(char *s, const char *limit, double *out) {   // no 128-bit integers: strtod reads every cell
    (void)s;
    (void)limit;
    (void)out;
    return NULL;
}
#endif

/* 1 when text is a usual mark of a missing value (R's NA, a spreadsheet's
 * #N/A, a database's NULL, Python's None, "?"); "nan" is read as a number. */
static int missing_mark(const char *text) {
    static const char *const MARKS[] = {"NA", "N/A", "#N/A", "null", "None", "?"};
    for (size_t k = 0; k < sizeof MARKS / sizeof MARKS[0]; k++) {
        if (strcasecmp(text, MARKS[k]) == 0) return 1;
    }
    return 0;
}

/* Parses one cell that must be a finite decimal number; label: the cell is
 * a sample's label (a class number). col is 1-based. */
static int parse_cell(const Reader *r, char *cell, size_t col, int label, double *out, LrError *err) {
    char *plain_end = parse_plain(cell, cell + strlen(cell), out);
    if (plain_end != NULL && *plain_end == '\0') return 0;
    char *text = trim(cell);
    size_t len = strlen(text);
    if (len >= 2 && text[0] == '"' && text[len - 1] == '"') {   // "1.5", as spreadsheets write it
        text[len - 1] = '\0';
        text++;
    }
    if (*text == '\0') {
        return lr_fail(err, "%s:%zu:%zu: empty cell, expected a number; fill it in or drop the row", r->path, r->line,
                       col);
    }
    col += (size_t)(text - cell);
    if (missing_mark(text)) {
        return lr_fail(err, "%s:%zu:%zu: %s marks a missing value, expected a number; fill it in or drop the row",
                       r->path, r->line, col, show(text).text);
    }
    errno = 0;
    char *end;
    double v = strtod(text, &end);
    if (end == text || *end != '\0' || strpbrk(text, "xX") != NULL) {
        if (label) {
            return lr_fail(err, "%s:%zu:%zu: the label (last column) must be a class number 0, 1, ..., got %s",
                           r->path, r->line, col, show(text).text);
        }
        return lr_fail(err, "%s:%zu:%zu: expected a number, got %s", r->path, r->line, col, show(text).text);
    }
    if (errno == ERANGE && fabs(v) > 1.0) {   // strtod overflowed to +-HUGE_VAL
        return lr_fail(err, "%s:%zu:%zu: %s is too large for a double (at most about 1.8e308)",
                       r->path, r->line, col, show(text).text);
    }
    if (isnan(v)) {   // how pandas and NumPy write a missing value
        return lr_fail(err, "%s:%zu:%zu: %s is not a number (a missing value?); fill it in or drop the row",
                       r->path, r->line, col, show(text).text);
    }
    if (isinf(v)) {
        return lr_fail(err, "%s:%zu:%zu: %s is not a finite number", r->path, r->line, col, show(text).text);
    }
    *out = v;   // a number too small for a double (1e-400) reads as 0, like NumPy
    return 0;
}

/* One column name: blanks trimmed, one pair of double quotes removed. */
static int read_name(const Reader *r, char *cell, size_t col, int last, char **name, LrError *err) {
    char *text = trim(cell);
    size_t len = strlen(text);
    if (len >= 2 && text[0] == '"' && text[len - 1] == '"') {
        text[len - 1] = '\0';
        text = trim(text + 1);
    }
    if (*text == '\0') {
        return lr_fail(err, "%s:1:%zu: a column without a name%s", r->path, col,
                       last ? " (a trailing comma?)" : "");
    }
    char *end;
    strtod(text, &end);
    if (*end == '\0') {
        return lr_fail(err, "%s:1: the first row must be a header of column names, got the number %s",
                       r->path, show(text).text);
    }
    if (strchr(text, '\'') != NULL) {
        return lr_fail(err, "%s:1:%zu: column name %s contains a single quote ('), which the plots cannot show",
                       r->path, col + (size_t)(strchr(text, '\'') - cell), show(text).text);
    }
    *name = lr_strdup(text);
    return 0;
}

/* Splits the header into column names. */
static int read_header(Reader *r, char *line, Dataset *ds, LrError *err) {
    if (*trim(line) == '\0') {
        return lr_fail(err, "%s:1: empty first line, expected a header like x1,x2,y", r->path);
    }
    size_t cols = count_cells(line);
    if (cols < 2 && strpbrk(line, ";\t") != NULL) {
        return lr_fail(err, "%s:1: need at least 2 columns (features, then the label), got 1; "
                            "is it separated by ';' or tabs? use commas",
                       r->path);
    }
    if (cols < 2) {
        return lr_fail(err, "%s:1: need at least 2 columns (features, then the label), got 1: %s; "
                            "a data file starts with a header row of column names, like x1,x2,y",
                       r->path, show(line).text);
    }
    r->header = show(line);
    r->cols = cols;
    ds->names = lr_calloc(cols, sizeof(char *));
    ds->d = cols - 1;
    char *rest = line;
    for (size_t j = 0; j < cols; j++) {
        char *cell = next_cell(&rest);
        if (read_name(r, cell, (size_t)(cell - line) + 1, j == cols - 1, &ds->names[j], err) != 0) return -1;
    }
    return 0;
}

/* Makes room for one more row. */
static void grow(Reader *r) {
    if (r->rows < r->capacity) return;
    r->capacity = r->capacity == 0 ? 64 : 2 * r->capacity;
    r->values = lr_realloc(r->values, r->capacity * (r->cols - 1) * sizeof(double));
    r->labels = lr_realloc(r->labels, r->capacity * sizeof(double));
    r->lines = lr_realloc(r->lines, r->capacity * sizeof(size_t));
}

/* The first data row, when not one of its cells is a number: the file is
 * no CSV file of numbers (a README, notes), or line 1 is a title above the
 * header. Returns -1 with a message that shows line 1, else 0. */
static int text_row(const Reader *r, const char *line, LrError *err) {
    char *copy = lr_strdup(line), *rest = copy, *end;
    size_t cells = count_cells(line), names = 0, numbers = 0;
    for (size_t j = 0; j < cells; j++) {
        char *text = trim(next_cell(&rest));
        size_t len = strlen(text);
        if (len >= 2 && text[0] == '"' && text[len - 1] == '"') {   // "x1" or "1.5", as spreadsheets write them
            text[len - 1] = '\0';
            text = trim(text + 1);
        }
        if (*text == '\0') continue;
        strtod(text, &end);
        if (*end == '\0') numbers++;
        else names++;
    }
    free(copy);
    if (numbers > 0 || names == 0) return 0;
    if (names == cells && cells >= 2) {
        return lr_fail(err, "%s:%zu: expected a row of numbers, got %s, which looks like a header; "
                            "the header must be the first line (line 1 is %s): delete any title above it",
                       r->path, r->line, show(line).text, r->header.text);
    }
    return lr_fail(err, "%s:%zu: expected a row of numbers, got %s; this does not look like a CSV file "
                        "with a header row of column names (line 1 is %s)",
                   r->path, r->line, show(line).text, r->header.text);
}

/* Parses one data row of the given number of cells and appends it: the
 * features to values, the last cell to labels. */
static int read_row(Reader *r, char *line, size_t cells, LrError *err) {
    if (r->rows == 0 && text_row(r, line, err) != 0) return -1;
    if (cells != r->cols) {
        const char *hint = line[strlen(line) - 1] == ',' ? " (a trailing comma?)" : "";
        return lr_fail(err, "%s:%zu: expected %zu columns like the header, got %zu%s",
                       r->path, r->line, r->cols, cells, hint);
    }
    grow(r);
    double *row = &r->values[r->rows * (r->cols - 1)], *label = &r->labels[r->rows];
    char *rest = line;
    size_t label_col = 1;
    for (size_t j = 0; j < r->cols; j++) {
        char *cell = next_cell(&rest);
        label_col = (size_t)(cell - line) + 1;
        int is_label = !r->table && j + 1 == r->cols;
        if (parse_cell(r, cell, label_col, is_label, j + 1 < r->cols ? &row[j] : label, err) != 0) return -1;
    }
    if (!r->table && *label != floor(*label)) {
        return lr_fail(err, "%s:%zu:%zu: the label (last column) must be a whole number, got %g",
                       r->path, r->line, label_col, *label);
    }
    r->lines[r->rows++] = r->line;
    return 0;
}

/* The common row, fast: plain numbers only (parse_plain), as many as the
 * header's columns, read in one pass; a line that passes holds no byte that
 * check_bytes would refuse, since parse_plain takes none. Returns 1 when the
 * row was appended, else 0, and the line is read again the careful way
 * (read_row), which finds its first problem and names it. */
static int read_plain_row(Reader *r, char *line, size_t len) {
    grow(r);
    double *row = &r->values[r->rows * (r->cols - 1)], *label = &r->labels[r->rows];
    char *s = line, *end = line + len;
    for (size_t j = 0; j < r->cols; j++) {   // cell j ends at a comma, the last at the line's end
        int last = j + 1 == r->cols;
        s = parse_plain(s, end, last ? label : &row[j]);
        if (s == NULL || (last ? s != end : *s != ',')) return 0;
        s++;
    }
    if (!r->table && *label != floor(*label)) return 0;
    r->lines[r->rows++] = r->line;
    return 1;
}

/* Moves the parsed rows into ds: the features become X and the labels y,
 * without a copy. */
static void fill_dataset(Reader *r, Dataset *ds) {
    ds->n = r->rows;
    ds->d = r->cols - 1;
    ds->X = (Matrix){ds->n, ds->d, lr_realloc(r->values, ds->n * ds->d * sizeof(double))};
    ds->y = lr_realloc(r->labels, ds->n * sizeof(double));
    r->values = r->labels = NULL;
    ds->line = r->lines;
    r->lines = NULL;
}

/* How read_line ended when it returned no line. */
enum { LINE_END_OF_FILE = -1,
       LINE_TOO_LONG = -2,
       LINE_NO_MEMORY = -3 };

/* The file, read in blocks: read_line finds each line end with memchr and
 * returns the line where it lies in buf, without copying it. */
#define SOURCE_SIZE (1 << 16)
typedef struct {
    FILE *f;
    size_t start, end;           // the bytes of buf not yet returned
    char buf[SOURCE_SIZE + 1];   // + 1: room for the '\0' after a last line without '\n'
    char *long_line;             // a line longer than buf, gathered here
    size_t long_size;            // bytes allocated for long_line
} Source;

/* Moves the bytes of buf not yet returned to its start and reads more
 * after them; returns how many bytes it read (0 at the end of the file). */
static size_t refill(Source *src) {
    size_t kept = src->end - src->start;
    memmove(src->buf, src->buf + src->start, kept);
    src->start = 0;
    src->end = kept + fread(src->buf + kept, 1, SOURCE_SIZE - kept, src->f);
    return src->end - kept;
}

/* A line longer than buf, gathered in src->long_line, as getline would, but
 * a line of more than DATASET_MAX_LINE bytes is refused (LINE_TOO_LONG:
 * /dev/zero has no line ends, and getline would fill the memory with it)
 * and a failed allocation is reported (LINE_NO_MEMORY). */
static long read_long_line(char **line, Source *src) {
    size_t len = 0;
    for (;;) {
        if (src->start == src->end && refill(src) == 0) break;
        const char *from = src->buf + src->start;
        const char *newline = memchr(from, '\n', src->end - src->start);
        size_t take = newline != NULL ? (size_t)(newline - from) + 1 : src->end - src->start;
        if (len + take > DATASET_MAX_LINE) return LINE_TOO_LONG;
        while (len + take + 1 > src->long_size) {   // room for the line so far, these bytes and a '\0'
            size_t bigger = 2 * src->long_size + SOURCE_SIZE;
            char *grown = realloc(src->long_line, bigger);
            if (grown == NULL) return LINE_NO_MEMORY;
            src->long_line = grown;
            src->long_size = bigger;
        }
        memcpy(src->long_line + len, from, take);
        len += take;
        src->start += take;
        if (newline != NULL) break;
    }
    if (src->long_line[len - 1] == '\n') len--;
    src->long_line[len] = '\0';
    *line = src->long_line;
    return (long)len;
}

/* The next line, its '\n' replaced by '\0', in *line (in place in buf, or
 * in long_line when longer than buf). Returns its length without the '\n',
 * LINE_END_OF_FILE at the end of the file or on a read error (ferror), or
 * LINE_TOO_LONG or LINE_NO_MEMORY from read_long_line. */
static long read_line(char **line, Source *src) {
    char *newline;
    while ((newline = memchr(src->buf + src->start, '\n', src->end - src->start)) == NULL) {
        if (src->end - src->start == SOURCE_SIZE) return read_long_line(line, src);   // buf holds no line end
        if (refill(src) == 0) break;
    }
    if (newline == NULL && src->start == src->end) return LINE_END_OF_FILE;
    if (newline == NULL) newline = src->buf + src->end;   // the last line, without '\n'
    *newline = '\0';
    *line = src->buf + src->start;
    src->start = newline == src->buf + src->end ? src->end : (size_t)(newline - src->buf) + 1;
    return (long)(newline - *line);
}

/* The message for a line read_line could not return. */
static int line_failed(const Reader *r, long got, size_t size, LrError *err) {
    if (got == LINE_TOO_LONG) {
        return lr_fail(err, "%s:%zu: a line longer than %d MB, the most this reader takes: "
                            "this does not look like a text CSV file",
                       r->path, r->line, DATASET_MAX_LINE >> 20);
    }
    return lr_fail(err, "%s:%zu: out of memory reading this line (%zu bytes so far)", r->path, r->line, size);
}

static int read_lines(Reader *r, FILE *f, Dataset *ds, LrError *err) {
    char *line = NULL;
    long got;
    int status = 0;
    Source *src = lr_malloc(sizeof *src);
    src->f = f;
    src->start = src->end = 0;
    src->long_line = NULL;
    src->long_size = 0;
    while (status == 0 && (got = read_line(&line, src)) != LINE_END_OF_FILE) {
        r->line++;
        if (got < 0) {
            status = line_failed(r, got, src->long_size, err);
            break;
        }
        size_t len = (size_t)got;
        strip_line_end(line, &len);
        if (r->line == 1 && strncmp(line, BOM, 3) == 0) {
            memmove(line, line + 3, len - 2);   // the rest and its '\0'
            len -= 3;
        }
        if (r->line > 1 && read_plain_row(r, line, len)) continue;
        int suspect;
        size_t cells = scan_line(line, len, &suspect);
        if (suspect) status = check_bytes(r, line, len, err);
        if (status != 0) break;
        if (r->line == 1) {
            status = read_header(r, line, ds, err);
        } else if (*trim(line) != '\0') {
            status = read_row(r, line, cells, err);
        }
    }
    if (status == 0 && ferror(f)) status = lr_fail(err, "%s: read error: %s", r->path, strerror(errno));
    if (status == 0 && r->line == 0) status = lr_fail(err, "%s: empty file, expected a header like x1,x2,y", r->path);
    if (status == 0 && r->rows == 0) status = lr_fail(err, "%s: no data rows after the header", r->path);
    free(src->long_line);
    free(src);
    return status;
}

/* dataset_read_stream, for a data set (table = 0) or a table of numbers. */
static int read_stream(Dataset *ds, FILE *f, const char *name, int table, LrError *err) {
    *ds = (Dataset){0};
    char shown[LR_SHOWN_SIZE];
    Reader r = {.path = lr_shown(name, shown, sizeof shown), .table = table};
    int status = read_lines(&r, f, ds, err);
    if (status == 0) {
        fill_dataset(&r, ds);
    } else {
        dataset_free(ds);
    }
    free(r.values);
    free(r.labels);
    free(r.lines);
    return status;
}

int dataset_read_stream(Dataset *ds, FILE *f, const char *name, LrError *err) {
    return read_stream(ds, f, name, 0, err);
}

/* dataset_read_csv, for a data set (table = 0) or a table of numbers. */
static int read_file(Dataset *ds, const char *path, int table, LrError *err) {
    *ds = (Dataset){0};
    char shown[LR_SHOWN_SIZE];
    lr_shown(path, shown, sizeof shown);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        return lr_fail(err, "%s: is a directory, expected a CSV file", shown);
    }
    FILE *f = fopen(path, "r");
    if (f == NULL) return lr_fail(err, "%s: cannot open: %s", shown, strerror(errno));
    int status = read_stream(ds, f, path, table, err);
    fclose(f);
    return status;
}

int dataset_read_csv(Dataset *ds, const char *path, LrError *err) {
    return read_file(ds, path, 0, err);
}

int dataset_read_table(Matrix *M, const char *path, LrError *err) {
    *M = (Matrix){0, 0, NULL};
    Dataset ds;
    if (read_file(&ds, path, 1, err) != 0) return -1;
    *M = mat_new(ds.n, ds.d + 1);
    for (size_t i = 0; i < ds.n; i++) {   // row i: x_i, then y_i
        for (size_t j = 0; j < ds.d; j++) *mat_at(M, i, j) = *mat_at(&ds.X, i, j);
        *mat_at(M, i, ds.d) = ds.y[i];
    }
    dataset_free(&ds);
    return 0;
}

/* ---- writing ------------------------------------------------------------ */

/* A name that starts or ends with a double quote is written inside another
 * pair, since the reader takes one pair off. */
static void write_name(FILE *f, size_t j, const char *name) {
    size_t len = strlen(name);
    const char *quote = len > 0 && (name[0] == '"' || name[len - 1] == '"') ? "\"" : "";
    fprintf(f, "%s%s%s%s", j > 0 ? "," : "", quote, name, quote);
}

int dataset_write_stream(const Dataset *ds, FILE *f) {
    for (size_t j = 0; j <= ds->d; j++) {
        const char *name = ds->names != NULL ? ds->names[j] : NULL;
        if (name != NULL) write_name(f, j, name);
        else if (j < ds->d) fprintf(f, "%sx%zu", j > 0 ? "," : "", j + 1);
        else fprintf(f, ",y");
    }
    fputc('\n', f);
    for (size_t i = 0; i < ds->n; i++) {
        for (size_t j = 0; j < ds->d; j++) fprintf(f, "%.17g,", *mat_at(&ds->X, i, j));
        fprintf(f, "%.0f\n", ds->y[i]);
    }
    return ferror(f) ? -1 : 0;
}

/* Writes ds to an open file and closes it; the message names path. */
static int write_and_close(const Dataset *ds, FILE *f, const char *path, LrError *err) {
    int bad = dataset_write_stream(ds, f);
    int saved = errno;
    if (fclose(f) != 0 || bad) return lr_fail(err, "%s: write failed: %s", path, strerror(bad ? saved : errno));
    return 0;
}

/* Writes ds to the regular file target (the file itself, symbolic links
 * already followed) through a temporary file beside it with a name no one
 * else uses, renamed over target once complete; keeps target's mode. */
static int write_replacing(const Dataset *ds, const char *target, const char *path, LrError *err) {
    size_t len = strlen(target) + 16;
    char *tmp = lr_malloc(len);
    snprintf(tmp, len, "%s.tmp-XXXXXX", target);
    int status = 0, fd = mkstemp(tmp), slot = fd == -1 ? -1 : cleanup_add_file(tmp);
    if (fd == -1) {
        status = lr_fail(err, "%s: cannot write: %s", path, strerror(errno));
    } else {
        struct stat st;
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, stat(target, &st) == 0 ? st.st_mode & 07777 : 0666 & ~mask);
        FILE *f = fdopen(fd, "w");
        if (f == NULL) close(fd);
        status = f == NULL ? lr_fail(err, "%s: cannot write: %s", path, strerror(errno))
                           : write_and_close(ds, f, path, err);
        if (status == 0 && rename(tmp, target) != 0) status = lr_fail(err, "%s: cannot write: %s", path, strerror(errno));
        if (status != 0) remove(tmp);
        cleanup_forget_file(slot);
    }
    free(tmp);
    return status;
}

/* stdout or stderr when st is the file one of them writes to (/dev/stdout,
 * or the file the shell sent stdout to): that stream must write it, since
 * opening the file again would write over what the stream writes. */
static FILE *standard_stream(const struct stat *st) {
    struct stat s;
    if (fstat(STDOUT_FILENO, &s) == 0 && s.st_dev == st->st_dev && s.st_ino == st->st_ino) return stdout;
    if (fstat(STDERR_FILENO, &s) == 0 && s.st_dev == st->st_dev && s.st_ino == st->st_ino) return stderr;
    return NULL;
}

int dataset_write_csv(const Dataset *ds, const char *file, LrError *err) {
    char path[LR_SHOWN_SIZE];   // the file's name as messages show it
    lr_shown(file, path, sizeof path);
    struct stat st;
    if (stat(file, &st) == 0 && S_ISDIR(st.st_mode)) return lr_fail(err, "%s: is a directory", path);
    FILE *stream = stat(file, &st) == 0 ? standard_stream(&st) : NULL;
    if (stream != NULL) {
        if (dataset_write_stream(ds, stream) != 0 || fflush(stream) != 0) {
            return lr_fail(err, "%s: write failed: %s", path, strerror(errno));
        }
        return 0;
    }
    if (stat(file, &st) == 0 && !S_ISREG(st.st_mode)) {   // a pipe, /dev/stdout: written as it is
        FILE *f = fopen(file, "w");
        if (f == NULL) return lr_fail(err, "%s: cannot write: %s", path, strerror(errno));
        return write_and_close(ds, f, path, err);
    }
    char *real = realpath(file, NULL);   // a symbolic link: replace the file it points to
    int status = write_replacing(ds, real != NULL ? real : file, path, err);
    free(real);
    return status;
}

/* ---- checking and freeing ----------------------------------------------- */

/* "data.csv:14" when the sample's line is known, else "data.csv: sample 13". */
static void sample_place(const Dataset *ds, size_t i, const char *path, char *buf, size_t size) {
    if (ds->line != NULL) snprintf(buf, size, "%s:%zu", path, ds->line[i]);
    else snprintf(buf, size, "%s: sample %zu", path, i + 1);
}

static int check_one_label(const Dataset *ds, size_t i, int n_classes, const char *path, LrError *err) {
    double label = ds->y[i];
    if (label >= 0 && label < n_classes) return 0;
    char place[480];
    sample_place(ds, i, path, place, sizeof place);
    const char *hint = "";   // what to do, when the label says what was meant
    if (n_classes == 2 && label == -1) hint = " (labels -1 and 1? write 0 for -1)";
    else if (n_classes == 2 && label > 1) hint = " (more than 2 classes? chapters 7 and 8 take them)";
    else if (label >= n_classes) hint = " (more classes? --classes sets their number)";
    return lr_fail(err, "%s: label %g is out of range; this chapter needs labels 0..%d%s",
                   place, label, n_classes - 1, hint);
}

int dataset_check_label_range(const Dataset *ds, int n_classes, const char *file, LrError *err) {
    char path[LR_SHOWN_SIZE];
    lr_shown(file, path, sizeof path);
    for (size_t i = 0; i < ds->n; i++) {
        if (check_one_label(ds, i, n_classes, path, err) != 0) return -1;
    }
    return 0;
}

int dataset_check_labels(const Dataset *ds, int n_classes, const char *file, LrError *err) {
    char path[LR_SHOWN_SIZE];   // the file's name as messages show it
    lr_shown(file, path, sizeof path);
    size_t *count = lr_calloc((size_t)n_classes, sizeof(size_t));
    int status = 0;
    for (size_t i = 0; i < ds->n && status == 0; i++) {
        status = check_one_label(ds, i, n_classes, path, err);
        if (status == 0) count[(int)ds->y[i]]++;
    }
    for (int k = 0; k < n_classes && status == 0; k++) {
        if (count[k] == 0) {
            status = lr_fail(err, "%s: no sample has label %d; this chapter needs every label 0..%d to occur",
                             path, k, n_classes - 1);
        }
    }
    if (status == 0 && ds->n <= ds->d) {
        status = lr_fail(err, "%s: %zu rows but %zu features: need more rows than features", path, ds->n, ds->d);
    }
    free(count);
    return status;
}

/* Appends ", 'name'" (or the column's number) to list, unless that would
 * pass room bytes; returns 1 when it fitted. */
static int add_name(const Dataset *ds, size_t j, char *list, size_t room) {
    char one[sizeof(Shown) + 32];
    const char *sep = list[0] != '\0' ? ", " : "";
    if (ds->names != NULL) snprintf(one, sizeof one, "%s%s", sep, show(ds->names[j]).text);
    else snprintf(one, sizeof one, "%s%zu", sep, j + 1);
    if (strlen(list) + strlen(one) >= room) return 0;
    strcat(list, one);
    return 1;
}

int dataset_check_scale(const Dataset *ds, const char *file, double lr, LrError *warning) {
    char path[LR_SHOWN_SIZE];   // the file's name as messages show it
    lr_shown(file, path, sizeof path);
    char list[DATASET_SCALE_NAMES + 1] = "";
    size_t unsafe = 0, listed = 0;
    double tightest = INFINITY;
    // column j alone caps the learning rate at 8 / mean_i(x_ij^2)
    for (size_t j = 0; j < ds->d; j++) {
        double allowed = stepsize_column_max_lr(&ds->X, j);
        if (allowed >= lr) continue;
        unsafe++;
        listed += (size_t)add_name(ds, j, list, sizeof list);
        tightest = fmin(tightest, allowed);
    }
    if (unsafe == 0) return 0;
    char more[48] = "", allows[80];
    snprintf(allows, sizeof allows, "%s overflow: no learning rate is safe",
             unsafe == 1 ? "its squares" : "the largest one's squares");
    if (listed < unsafe) snprintf(more, sizeof more, " and %zu more", unsafe - listed);
    if (tightest > 0) {
        snprintf(allows, sizeof allows, "%s allows --lr up to %.2g", unsafe == 1 ? "it" : "the largest alone",
                 tightest);
    }
    if (unsafe == 1) {
        return lr_fail(warning, "%s: at --lr %g, column %s is too large for gradient descent (%s); "
                                "standardise the features: (x - mean) / standard deviation",
                       path, lr, list, allows);
    }
    return lr_fail(warning, "%s: at --lr %g, %zu of %zu columns are too large for gradient descent: %s%s (%s); "
                            "standardise the features: (x - mean) / standard deviation",
                   path, lr, unsafe, ds->d, list, more, allows);
}

void dataset_free(Dataset *ds) {
    if (ds->names != NULL) {
        for (size_t j = 0; j <= ds->d; j++) free(ds->names[j]);
    }
    free(ds->names);
    mat_free(&ds->X);
    free(ds->y);
    free(ds->line);
    *ds = (Dataset){0};
}
