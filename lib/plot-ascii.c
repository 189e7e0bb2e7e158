#include "plot-ascii.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "plot.h"
#include "util.h"

/* The number of characters (UTF-8 code points) in text[0..n). */
size_t plot_chars_in(const char *text, size_t n) {
    size_t count = 0;
    for (size_t i = 0; i < n; i++) count += ((unsigned char)text[i] & 0xC0) != 0x80;
    return count;
}

/* The start of the script's last line that begins with "plot " or "splot ",
 * or NULL. */
static const char *last_plot_line(const char *script) {
    const char *last = NULL;
    for (const char *line = script; line != NULL && *line != '\0';) {
        if (strncmp(line, "plot ", 5) == 0 || strncmp(line, "splot ", 6) == 0) last = line;
        line = strchr(line, '\n');
        if (line != NULL) line++;
    }
    return last;
}

/* The start of the last line in [from, to) that begins with prefix, or NULL. */
static const char *last_line_with(const char *from, const char *to, const char *prefix) {
    const char *last = NULL;
    for (const char *line = from; line != NULL && line < to;) {
        if (strncmp(line, prefix, strlen(prefix)) == 0) last = line;
        line = strchr(line, '\n');
        if (line != NULL) line++;
    }
    return last;
}

/* The length of the gnuplot string ('...' with '' inside, or "..." with \
 * escapes) that s starts with, quotes included, or 0. */
static size_t quoted_length(const char *s) {
    if (*s != '\'' && *s != '"') return 0;
    for (size_t i = 1; s[i] != '\0' && s[i] != '\n'; i++) {
        if (*s == '"' && s[i] == '\\' && s[i + 1] != '\0') i++;
        else if (*s == '\'' && s[i] == '\'' && s[i + 1] == '\'') i++;
        else if (s[i] == *s) return i + 1;
    }
    return 0;
}

/* The end of the {group} that starts at text[open]: the index of its '}',
 * or n when it is not closed. */
static size_t group_end(const char *text, size_t open, size_t n) {
    int depth = 0;
    for (size_t i = open; i < n; i++) {
        if (text[i] == '{') depth++;
        else if (text[i] == '}' && --depth == 0) return i;
    }
    return n;
}

/* 1 when text[0..n) is one word that needs no parentheses after ^ or _:
 * "-z", "2", "%L" (a sign, then letters, digits, '.' or '%'), or nothing. */
static int one_word(const char *text, size_t n) {
    size_t i = n > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
    for (; i < n; i++) {
        if (!isalnum((unsigned char)text[i]) && text[i] != '.' && text[i] != '%') return 0;
    }
    return 1;
}

size_t plot_plain_text(const char *text, size_t n, char *out) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = text[i];
        if ((c == '^' || c == '_') && i + 1 < n && text[i + 1] == '{') {   // e^{-z}: e^-z, x_{i j}: x_(i j)
            size_t close = group_end(text, i + 1, n);
            int bare = close == n || one_word(text + i + 2, close - (i + 2));   // unclosed: no room for ')'
            out[k++] = c;
            if (!bare) out[k++] = '(';
            k += plot_plain_text(text + i + 2, close - (i + 2), out + k);
            if (!bare) out[k++] = ')';
            i = close;
        } else if (c == '{' && i + 1 < n && text[i + 1] == '/') {   // {/Symbol a}: the font's name goes
            while (i + 1 < n && text[i + 1] != ' ' && text[i + 1] != '}') i++;
            if (i + 1 < n && text[i + 1] == ' ') i++;
        } else if (c != '{' && c != '}' && c != '@') {
            out[k++] = c;
        }
    }
    out[k] = '\0';
    return k;
}

/* 1 when line[0..len) holds word. */
static int line_has(const char *line, size_t len, const char *word) {
    size_t w = strlen(word);
    for (size_t i = 0; i + w <= len; i++) {
        if (memcmp(line + i, word, w) == 0) return 1;
    }
    return 0;
}

/* The character the dumb terminal draws for point type n, the shape's
 * nearest in ASCII (its own would be a letter: pt 7 is 'G'), filled shapes
 * apart from open ones; 0 for a type left as it is. */
static char dumb_point(long n) {
    static const char marks[] = " +x*#@oO^^vv<<";   // 1 +, 2 x, 3 *, 4 # (5 filled @), 6 o (7 filled O), ...
    return n >= 1 && n < (long)sizeof marks - 1 ? marks[n] : 0;
}

/* At line + i, outside quotes: "pt N" for a point type N that dumb_point
 * spells, whose length goes into *skip, else 0. */
static char point_type_at(const char *line, size_t i, size_t len, size_t *skip) {
    if (i + 4 > len || strncmp(line + i, "pt ", 3) != 0 || (i > 0 && line[i - 1] != ' ')) return 0;
    char *end;
    long n = strtol(line + i + 3, &end, 10);
    if (end == line + i + 3 || (size_t)(end - line) > len) return 0;
    *skip = (size_t)(end - (line + i));
    return dumb_point(n);
}

/* Writes line (len bytes, its newline included) for the dumb terminal: the
 * text of its strings plain (plot_plain_text), unless the line says
 * noenhanced (a column's name, shown as it is everywhere), and a point type
 * asked for by number drawn as the nearest ASCII mark (dumb_point). */
static void write_plain_line(FILE *g, const char *line, size_t len) {
    char *out = lr_malloc(2 * len + 1);   // "pt 1" -> "pt '+'" at most doubles a piece
    size_t k = 0, skip = 0;
    int raw = line_has(line, len, "noenhanced");
    for (size_t i = 0; i < len; i++) {
        size_t quoted = quoted_length(line + i);
        char mark = quoted >= 2 ? 0 : point_type_at(line, i, len, &skip);
        if (mark != 0) {
            k += (size_t)sprintf(out + k, "pt '%c'", mark);
            i += skip - 1;
        } else if (quoted < 2 || i + quoted > len) {
            out[k++] = line[i];
        } else if (raw) {   // a string as it is
            memcpy(out + k, line + i, quoted);
            k += quoted;
            i += quoted - 1;
        } else {
            out[k++] = line[i];   // the quotes stay, the text between them goes plain
            k += plot_plain_text(line + i + 1, quoted - 2, out + k);
            out[k++] = line[i + quoted - 1];
            i += quoted - 1;
        }
    }
    fwrite(out, 1, k, g);
    free(out);
}

/* Writes script[from, to) for the dumb terminal: data blocks as they are,
 * every other line through write_plain_line. */
static void write_plain(FILE *g, const char *from, const char *to) {
    int in_data = 0;
    for (const char *line = from; line < to;) {
        const char *nl = memchr(line, '\n', (size_t)(to - line));
        size_t len = nl != NULL ? (size_t)(nl - line) + 1 : (size_t)(to - line);
        if (in_data || (line[0] == '$' && line_has(line, len, "<< EOD"))) {
            fwrite(line, 1, len, g);
            in_data = !(strncmp(line, "EOD", 3) == 0 && (len == 3 || line[3] == '\n'));
        } else {
            write_plain_line(g, line, len);
        }
        line += len;
    }
}

/* The dumb terminal cannot turn the y label on its side: centred in the left
 * margin, a label longer than the tick labels falls off the left edge (and
 * the right axis's y2 label runs into the frame). In ASCII each goes above
 * its axis instead, on a row of its own under the title (one row for each
 * line of the title, and one more). Not for multiplots, whose panels each
 * have their own. move_ylabel moves one, and says whether there was one. */
static int move_ylabel(FILE *g, const char *body, const char *plot, int right) {
    const char *set = right ? "set y2label " : "set ylabel ";
    const char *ylabel = last_line_with(body, plot, set);
    if (ylabel == NULL) return 0;
    const char *text = ylabel + strlen(set);
    size_t len = quoted_length(text);
    if (len <= 2) return 0;   // none, or ''
    // its text plain, unless the y label was noenhanced (a column's name)
    const char *ylabel_end = strchr(ylabel, '\n');
    int raw = line_has(ylabel, ylabel_end != NULL ? (size_t)(ylabel_end - ylabel) : strlen(ylabel), "noenhanced");
    char *label = lr_malloc(len + 64);
    int n = right ? sprintf(label, "set label 1001 %.*s at screen 1, graph 1 right offset -1, 1\n", (int)len, text)
                  : sprintf(label, "set label 1000 %.*s at screen 0, graph 1 left offset 1, 1\n", (int)len, text);
    fputs(right ? "unset y2label\n" : "unset ylabel\n", g);
    if (raw) fputs(label, g);
    else write_plain_line(g, label, (size_t)n);
    free(label);
    return 1;
}

static void write_dumb_ylabel(FILE *g, const char *body, const char *plot) {
    if (strstr(body, "set multiplot") != NULL) return;
    int left = move_ylabel(g, body, plot, 0), right = move_ylabel(g, body, plot, 1);
    if (!left && !right) return;
    int rows = 0;
    const char *title = last_line_with(body, plot, "set title ");
    if (title != NULL) {
        rows = 1;
        for (const char *c = title; *c != '\n' && *c != '\0'; c++) rows += c[0] == '\\' && c[1] == 'n';
    }
    fprintf(g, "set title offset 0, 1\nset tmargin %d\n", rows + 3);
}

/* The widest title of the plot command at plot (in characters, as the dumb
 * terminal shows it: a sprintf title by its format), and how many curves
 * have one into *entries. */
static size_t widest_title(const char *plot, size_t *entries) {
    const char *eol = strchr(plot, '\n');
    size_t len = eol != NULL ? (size_t)(eol - plot) : strlen(plot), widest = 0;
    int raw = line_has(plot, len, "noenhanced");
    char *text = lr_malloc(len + 1);
    *entries = 0;
    for (size_t i = 1; i < len; i++) {
        size_t word = strncmp(plot + i, " title ", 7) == 0 ? 7 : strncmp(plot + i, " t ", 3) == 0 ? 3
                                                                                                  : 0;
        if (word == 0) continue;
        size_t at = i + word;
        if (strncmp(plot + at, "sprintf(", 8) == 0) at += 8;
        size_t quoted = at < len ? quoted_length(plot + at) : 0;
        if (quoted < 2 || at + quoted > len) continue;
        size_t n = raw ? quoted - 2 : plot_plain_text(plot + at + 1, quoted - 2, text);
        size_t chars = raw ? plot_chars_in(plot + at + 1, n) : plot_chars_in(text, n);
        if (chars > widest) widest = chars;
        (*entries)++;
        i = at + quoted - 1;
    }
    free(text);
    return widest;
}

/* The key goes to the right of the plot, unless it would leave the plot
 * less than half the terminal's width: then below it, one entry a row, the
 * terminal taller by as many rows (not in a multiplot, whose size is set).
 * Gnuplot draws a key entry as 7 characters of sample, a gap and the title;
 * the y axis takes some 12 columns, the right one (y2tics) 8 more. */
static void write_dumb_key(FILE *g, const char *terminal, const char *body, const char *plot) {
    int cols, rows;
    size_t entries, widest = widest_title(plot, &entries);
    int y2 = strstr(body, "set y2tics") != NULL || strstr(body, "set y2label") != NULL;
    int right = (int)widest + 10 + 12 + (y2 ? 8 : 0);
    if (entries == 0 || strstr(body, "set multiplot") != NULL ||
        sscanf(terminal, "set terminal dumb size %d,%d", &cols, &rows) != 2 || 2 * (cols - right) >= cols) {
        fputs("set key outside right top maxrows auto nobox noopaque\n", g);
        return;
    }
    fprintf(g, "set terminal dumb size %d,%d\n", cols, rows + (int)entries + 1);
    fputs("set key outside below left Left reverse vertical maxrows auto nobox noopaque\n", g);
}

/* The script for the dumb terminal: the chapter's commands, last and the
 * key (write_dumb_key), the y label moved above the axis, and equal axes at
 * half the height (ASCII cells are about twice as tall as wide: at ratio -1 a
 * square plot is a third of the width), before the plot command. */
void plot_ascii_script(FILE *g, const char *terminal, const char *body, const char *end, const char *last) {
    const char *plot = last_plot_line(body);
    if (plot == NULL) plot = end;
    write_plain(g, body, plot);
    fputs(last, g);
    write_dumb_key(g, terminal, body, plot);
    write_dumb_ylabel(g, body, plot);
    if (strstr(body, "set size ratio -1") != NULL) fputs("set size ratio -0.5\n", g);
    write_plain(g, plot, end);
}
