/* lib-tests: every lib test in one program, so that make links one program,
 * not one per test (a link costs about as much as compiling a small file).
 *
 * build/MODE/tests/test-NAME is a link to this program: run under that name,
 * it runs the test of tests/lib/test-NAME.c. The Makefile compiles that file
 * with its main renamed lib_test_NAME (a hyphen in NAME becomes _) and gives
 * this file the list of names as LIB_TESTS: X(chapter, chapter) X(course,
 * course) ..., the C name then the file's. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#ifndef LIB_TESTS
#define LIB_TESTS   // (an editor's view of this file, without the Makefile's list)
#endif

#define X(cname, file) int lib_test_##cname(void);
LIB_TESTS
#undef X

typedef struct {
    const char *name;   // "test-chapter": the name the program is run under
    int (*run)(void);   // that test's main
} LibTest;

static const LibTest tests[] = {
#define X(cname, file) {"test-" #file, lib_test_##cname},
    LIB_TESTS
#undef X
    {NULL, NULL},
};

int main(int argc, char **argv) {
    const char *name = argc > 0 ? argv[0] : "";
    const char *slash = strrchr(name, '/');
    if (slash != NULL) name = slash + 1;
    for (const LibTest *t = tests; t->name != NULL; t++)
        if (strcmp(name, t->name) == 0) return t->run();
    fprintf(stderr, "%s: no lib test has this name: run it as build/MODE/tests/test-NAME\n", name);
    return 2;
}
