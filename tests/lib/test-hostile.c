/* Tests for what a hostile file or name does to lib/dataset and lib/util:
 * a line with no end, memory running out in the middle of a line, and
 * names full of control characters in messages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "dataset.h"
#include "harness.h"

/* Reads text (len bytes) as a CSV stream; returns the reader's status. */
static int read_bytes(const char *text, size_t len, LrError *err) {
    FILE *f = fmemopen((void *)text, len, "r");
    Dataset ds;
    int rc = dataset_read_stream(&ds, f, "big.csv", err);
    if (rc == 0) dataset_free(&ds);
    fclose(f);
    return rc;
}

static void test_line_cap(void) {
    size_t len = DATASET_MAX_LINE + 100;
    char *text = malloc(len);
    memset(text, 'x', len);
    LrError err = {""};
    int rc = read_bytes(text, len, &err);
    EXPECT_TRUE(rc != 0 && strcmp(err.msg, "big.csv:1: a line longer than 16 MB, the most this reader takes: "
                                           "this does not look like a text CSV file") == 0,
                harness_fmt("a line of 16 MB and more is refused, got '%s'", err.msg));
    free(text);
}

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* With the address space limited, a 12 MB line cannot be held: the reader
 * must say so, not take it for the end of the file ("empty file"). */
static void test_out_of_memory(void) {
#ifdef UNDER_ASAN
    printf("        (skipped under AddressSanitizer, which needs the address space it reserves)\n");
#else
    size_t len = 12u << 20;
    char *text = malloc(len);
    memset(text, '1', len);
    FILE *statm = fopen("/proc/self/statm", "r");
    unsigned long pages = 0;
    if (statm == NULL || fscanf(statm, "%lu", &pages) != 1) {
        EXPECT_TRUE(0, "cannot read /proc/self/statm to limit the address space");
        free(text);
        if (statm != NULL) fclose(statm);
        return;
    }
    fclose(statm);
    struct rlimit old, small;
    getrlimit(RLIMIT_AS, &old);
    small = old;
    small.rlim_cur = pages * 4096 + (6u << 20);   // 6 MB more than in use: not enough for the line
    setrlimit(RLIMIT_AS, &small);
    LrError err = {""};
    int rc = read_bytes(text, len, &err);
    setrlimit(RLIMIT_AS, &old);
    EXPECT_TRUE(rc != 0 && strncmp(err.msg, "big.csv:1: out of memory reading this line (", 44) == 0,
                harness_fmt("out of memory in the middle of a line is reported as such, got '%s'", err.msg));
    free(text);
#endif
}

static void test_shown(void) {
    char buf[LR_SHOWN_SIZE], big[300];
    lr_shown("a\nb\x1b[31m", buf, sizeof buf); /* before the message shows buf */
    EXPECT_TRUE(strcmp(buf, "a\\x0ab\\x1b[31m") == 0,
                harness_fmt("control characters become \\xNN, got '%s'", buf));
    memset(big, 'y', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    lr_shown(big, buf, sizeof buf);
    EXPECT_TRUE(strlen(buf) == LR_SHOWN + strlen("... (299 bytes)") && strstr(buf, "... (299 bytes)") != NULL,
                harness_fmt("a 299-byte name is cut to %d bytes and its length, got %zu bytes", LR_SHOWN, strlen(buf)));
    EXPECT_TRUE(lr_has_control("x\ty") && !lr_has_control("plain/folder"), "lr_has_control finds a tab, not a slash");
    LrError err = {""};
    Dataset ds;
    int rc = dataset_read_csv(&ds, "no\nsuch\x1b.csv", &err); /* before the message shows err */
    EXPECT_TRUE(rc != 0 && strcmp(err.msg, "no\\x0asuch\\x1b.csv: cannot open: No such file or directory") == 0,
                harness_fmt("a file name is shown escaped in the reader's messages, got '%s'", err.msg));
}

int main(void) {
    static const HarnessTest tests[] = {
        {"a line longer than DATASET_MAX_LINE is refused", test_line_cap},
        {"out of memory inside a line is reported, not taken for the end", test_out_of_memory},
        {"lr_shown escapes and shortens what a message shows", test_shown},
    };
    return harness_run("lib: hostile input", tests, sizeof tests / sizeof tests[0]);
}
