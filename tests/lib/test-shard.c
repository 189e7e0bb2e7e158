/* Tests for lib/shard, lib/comm and lib/checkpoint: the pieces of chapter 12
 * that need no MPI.
 *
 * Sums over shards, added up, must give lib/logreg's gradient, loss and
 * Hessian over all the rows (an independent implementation: two passes,
 * mat_t_vec); a checkpoint must read back to the same bits, refuse another
 * run's file, and never leave a half-written file under its name. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checkpoint.h"
#include "comm.h"
#include "harness.h"
#include "logreg.h"
#include "shard.h"

#define TOL 1e-12

static void make_model(LogReg *m, size_t d) {
    logreg_init(m, d);
    for (size_t j = 0; j < d; j++) m->w[j] = 0.4 - 0.3 * (double)j;
    m->b = -0.2;
}

static void test_range(void) {
    static const size_t NS[] = {0, 1, 5, 10, 300, 1001}, PS[] = {1, 2, 3, 7, 16};
    for (size_t a = 0; a < 6; a++) {
        for (size_t k = 0; k < 5; k++) {
            size_t next = 0, n = NS[a], P = PS[k];
            for (size_t r = 0; r < P; r++) {
                size_t lo, hi;
                shard_range(n, P, r, &lo, &hi);
                EXPECT_TRUE(lo == next && hi >= lo && hi - lo >= n / P && hi - lo <= n / P + 1,
                            harness_fmt("shard_range(%zu, %zu, %zu) = %zu .. %zu after a shard ending at %zu",
                                        n, P, r, lo, hi, next));
                next = hi;
            }
            EXPECT_TRUE(next == n, harness_fmt("the shards of %zu rows on %zu processes end at %zu", n, P, next));
        }
    }
}

/* Sums over P shards, added as the all-reduce adds them, against lib/logreg over all the rows. */
static void check_sums(size_t n, size_t d, size_t P) {
    Matrix X;
    double *y = vec_new(n);
    X = mat_new(n, d);
    shard_make_rows(&X, y, 0, n, 7);
    LogReg m;
    make_model(&m, d);
    double *total = vec_new(SHARD_GRAD_LEN(d)), *part = vec_new(SHARD_GRAD_LEN(d));
    double *htotal = vec_new(SHARD_HESS_LEN(d)), *hpart = vec_new(SHARD_HESS_LEN(d));
    for (size_t r = 0; r < P; r++) {
        size_t lo, hi;
        shard_range(n, P, r, &lo, &hi);
        shard_grad_sums(&m, &X, y, lo, hi, part);
        shard_hess_sums(&m, &X, lo, hi, hpart);
        for (size_t j = 0; j < SHARD_GRAD_LEN(d); j++) total[j] += part[j];
        for (size_t j = 0; j < SHARD_HESS_LEN(d); j++) htotal[j] += hpart[j];
    }
    double *dw = vec_new(d), *want = vec_new(d), *H = vec_new((d + 1) * (d + 1)), *want_H = vec_new((d + 1) * (d + 1));
    double lambda = 0.5;
    double db = shard_gradient(total, d, lambda, m.w, dw), want_db = logreg_gradient(&m, &X, y, lambda, want);
    for (size_t j = 0; j < d; j++) EXPECT_NEAR(dw[j], want[j], TOL, harness_fmt("dw[%zu], n = %zu on %zu", j, n, P), "the shards' sums, added, must equal lib/logreg's over all the rows");
    EXPECT_NEAR(db, want_db, TOL, harness_fmt("db, n = %zu on %zu", n, P), "the shards' sums, added, must equal lib/logreg's over all the rows");
    EXPECT_NEAR(shard_loss(total, d, lambda, m.w), logreg_loss(&m, &X, y, lambda), TOL,
                harness_fmt("the loss, n = %zu on %zu", n, P), "the shards' sums, added, must equal lib/logreg's over all the rows");
    shard_hessian(htotal, d, n, lambda, H);
    logreg_hessian(&m, &X, lambda, want_H);
    for (size_t a = 0; a < (d + 1) * (d + 1); a++) {
        EXPECT_NEAR(H[a], want_H[a], TOL, harness_fmt("H[%zu][%zu], n = %zu on %zu", a / (d + 1), a % (d + 1), n, P), "the shards' sums, added, must equal lib/logreg's over all the rows");
    }
    free(want_H);
    free(H);
    free(want);
    free(dw);
    free(hpart);
    free(htotal);
    free(part);
    free(total);
    logreg_free(&m);
    free(y);
    mat_free(&X);
}

static void test_sums(void) {
    check_sums(10, 3, 3);
    check_sums(257, 5, 7);
    check_sums(3, 2, 5);   // empty shards
}

static void test_rows_alone(void) {
    // Rows 40 .. 59 made alone are rows 40 .. 59 of the whole set, to the bit.
    Matrix all = mat_new(100, 4), part = mat_new(20, 4);
    double y_all[100], y_part[20];
    shard_make_rows(&all, y_all, 0, 100, 3);
    shard_make_rows(&part, y_part, 40, 60, 3);
    EXPECT_TRUE(memcmp(part.data, mat_row(&all, 40), 20 * 4 * sizeof(double)) == 0 &&
                    memcmp(y_part, y_all + 40, sizeof y_part) == 0,
                "shard_make_rows(40 .. 59) must equal rows 40 .. 59 of the whole set");
    double mean = 0.0, ones = 0.0;
    for (size_t a = 0; a < 400; a++) mean += all.data[a] / 400.0;
    for (size_t i = 0; i < 100; i++) ones += y_all[i];
    EXPECT_NEAR(mean, 0.0, 0.15, "the mean of 400 N(0, 1) features", "Box-Muller from the hashed uniforms");
    EXPECT_TRUE(ones > 20 && ones < 80, harness_fmt("%g of 100 labels are 1: both classes must be there", ones));
    mat_free(&part);
    mat_free(&all);
}

static void test_comm_single(void) {
    Comm c = comm_single();
    double v[3] = {1.5, -2.0, 3.25};
    comm_sum(&c, v, 3);
    comm_sum(&c, v, 2);
    EXPECT_TRUE(v[0] == 1.5 && v[1] == -2.0 && v[2] == 3.25, "one process: the all-reduce leaves the vector as it is");
    EXPECT_TRUE(c.calls == 2 && c.bytes == 40 && c.rank == 0 && c.size == 1,
                harness_fmt("2 calls of 3 and 2 doubles count 2 calls and 40 bytes; got %zu and %zu", c.calls, c.bytes));
    comm_reset_counts(&c);
    EXPECT_TRUE(c.calls == 0 && c.bytes == 0 && c.seconds == 0.0, "comm_reset_counts sets the counters to 0");
}

static void test_checkpoint(void) {
    char path[] = "/tmp/lr-test-ckpt-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    remove(path);
    LogReg m, back;
    make_model(&m, 3);
    m.w[1] = 1.0 / 3.0;   // not a short decimal: the bits must survive
    logreg_init(&back, 3);
    LrError err;
    size_t epoch = 99;
    EXPECT_TRUE(checkpoint_read(path, "run A", &epoch, &back, &err) == 1 && epoch == 99,
                "no file: checkpoint_read returns 1 and changes nothing");
    EXPECT_TRUE(checkpoint_write(path, "run A", 120, &m, &err) == 0, "checkpoint_write to /tmp");
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    EXPECT_TRUE(access(tmp, F_OK) != 0, "the temporary file is renamed, not left behind");
    int rc = checkpoint_read(path, "run A", &epoch, &back, &err); /* before the message shows epoch */
    EXPECT_TRUE(rc == 0 && epoch == 120,
                harness_fmt("reading it back gives epoch 120; got %zu", epoch));
    EXPECT_TRUE(memcmp(back.w, m.w, 3 * sizeof(double)) == 0 && back.b == m.b, "w and b read back to the same bits");
    rc = checkpoint_read(path, "run B", &epoch, &back, &err);
    EXPECT_TRUE(rc == -1 && strstr(err.msg, ":2: written by a run "
                                            "with other options (run A), not (run B)") != NULL,
                harness_fmt("another run's file: %s", err.msg));
    FILE *f = fopen(path, "w");
    fputs("logreg-checkpoint 1\noptions run A\nepoch 3\nw 1 2\n", f);
    fclose(f);
    EXPECT_TRUE(checkpoint_read(path, "run A", &epoch, &back, &err) == -1 && strstr(err.msg, ":4: a damaged") != NULL,
                harness_fmt("w with 2 of 3 numbers: %s", err.msg));
    remove(path);
    logreg_free(&back);
    logreg_free(&m);
}

int main(void) {
    static const HarnessTest tests[] = {
        {"shard_range: consecutive shards, every row once, sizes within one", test_range},
        {"shard sums added over the shards equal lib/logreg's gradient, loss and Hessian", test_sums},
        {"shard_make_rows: a shard made alone equals those rows of the whole set", test_rows_alone},
        {"comm_single: the sum of one process, counted", test_comm_single},
        {"checkpoint: written atomically, read back to the bit, another run's refused", test_checkpoint},
    };
    return harness_run("lib/shard, lib/comm, lib/checkpoint", tests, sizeof tests / sizeof tests[0]);
}
