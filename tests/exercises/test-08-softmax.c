/* Tests for exercise 08: softmax, cce_loss, cce_gradient and train_softmax
 * (checked against the lesson's loop written out below).
 *
 * The softmax is compared with the formula in long double; the gradient with
 * central finite differences of the loss, (L(W + h E) - L(W - h E)) / 2h, on
 * several shapes (n, d, k), so hard-coded sizes fail. The test computes its
 * own loss, so a wrong cce_loss does not hide a wrong gradient. */
#include <math.h>
#include <stdio.h>

#include "exercises.h"
#include "harness.h"

#define TOL 1e-9         // finite differences with h = 1e-5 are good to ~1e-10 here
#define CANARY 12345.0   // written one past the end of an output; must survive
#define MAX_N 30
#define MAX_D 4
#define MAX_K 5

/* ---- softmax ------------------------------------------------------------- */

static void check_softmax(const double *z, size_t k) {
    double p[MAX_K + 1];
    for (size_t c = 0; c < k; c++) p[c] = HARNESS_UNSET;   // every entry must be written
    p[k] = CANARY;
    softmax(z, p, k);
    if (!EXPECT_NEAR(p[k], CANARY, 0.0, harness_fmt("p[%zu], one past the end", k), "write only k probabilities")) {
        return;
    }
    long double sum = 0;
    for (size_t c = 0; c < k; c++) sum += expl((long double)z[c]);
    for (size_t c = 0; c < k; c++) {
        double want = (double)(expl((long double)z[c]) / sum);
        EXPECT_NEAR(p[c], want, 1e-15, harness_fmt("softmax of %zu scores: p[%zu]", k, c),
                    "p_c = e^(z_c) / sum_j e^(z_j). Does the sum run over all k scores?");
    }
}

static void test_softmax_values(void) {
    const double three[3] = {1.0, 2.0, 3.0}, five[5] = {0.5, -1.0, 2.5, 0.0, 1.5};
    const double two[2] = {-0.3, 0.4}, one[1] = {2.0};
    check_softmax(three, 3);
    check_softmax(five, 5);
    check_softmax(two, 2);
    check_softmax(one, 1);
}

static void test_softmax_sigmoid(void) {
    // With two classes the softmax is the sigmoid of the difference.
    for (double t = -8; t <= 8; t += 2) {
        double z[2] = {0.25, 0.25 + t}, p[2];
        softmax(z, p, 2);
        double want = 1.0 / (1.0 + exp(-t));
        EXPECT_NEAR(p[1], want, 1e-15, harness_fmt("softmax(0.25, %g)[1]", 0.25 + t),
                    "with k = 2, p_1 = 1 / (1 + e^-(z_1 - z_0)): the sigmoid of chapter 1 at z_1 - z_0");
    }
}

static void test_softmax_extremes(void) {
    double p[3];
    const double far[2] = {1e4, -1e4};
    softmax(far, p, 2);
    EXPECT_NEAR(p[0], 1.0, 0.0, "softmax(1e4, -1e4)[0]",
                "e^10000 is infinity and inf/inf is NaN: subtract the largest score before exp");
    EXPECT_NEAR(p[1], 0.0, 0.0, "softmax(1e4, -1e4)[1]", "e^-20000 underflows to 0, which is right");
    const double low[3] = {-1e4, -1e4, -1e4};
    softmax(low, p, 3);
    EXPECT_NEAR(p[1], 1.0 / 3.0, 1e-16, "softmax(-1e4, -1e4, -1e4)[1]",
                "every e^z underflows to 0 and 0/0 is NaN: subtract the largest score (then each is e^0 = 1)");
    const double big[2] = {1000.0, 999.0};
    softmax(big, p, 2);
    EXPECT_NEAR(p[0], 1.0 / (1.0 + exp(-1.0)), 1e-15, "softmax(1000, 999)[0]",
                "e^1000 overflows; after subtracting m = 1000 it is softmax(0, -1)");
    const double negative[3] = {-5.0, -7.0, -6.0};
    softmax(negative, p, 3);
    EXPECT_NEAR(p[0], 1.0 / (1.0 + exp(-2.0) + exp(-1.0)), 1e-15, "softmax(-5, -7, -6)[0]",
                "with all scores below 0 the max is -5: start the max from z[0], not from 0");
}

/* ---- a small softmax-regression problem ---------------------------------- */

typedef struct {
    size_t n, d, k;
    double X[MAX_N * MAX_D];   // (n, d)
    double y[MAX_N];           // (n) classes 0..k-1
    double W[MAX_K * MAX_D];   // (k, d)
    double b[MAX_K];           // (k)
} Problem;

static Problem make_problem(size_t n, size_t d, size_t k) {
    Problem pr = {.n = n, .d = d, .k = k};
    for (size_t i = 0; i < n; i++) {
        pr.y[i] = (double)((i * 7 + 2) % k);
        for (size_t j = 0; j < d; j++) pr.X[i * d + j] = 2.0 * sin(1.3 * (double)i + 0.7 * (double)j) + 0.5 * pr.y[i];
    }
    for (size_t c = 0; c < k; c++) {
        for (size_t j = 0; j < d; j++) pr.W[c * d + j] = 0.4 * cos((double)(2 * c + j)) - 0.1;
        pr.b[c] = 0.3 - 0.2 * (double)c;
    }
    return pr;
}

/* The loss of the model (W, b), computed here in long double. */
static double loss(const Problem *pr, const double *W, const double *b) {
    long double sum = 0;
    for (size_t i = 0; i < pr->n; i++) {
        long double z[MAX_K], norm = 0;
        for (size_t c = 0; c < pr->k; c++) {
            z[c] = b[c];
            for (size_t j = 0; j < pr->d; j++) z[c] += (long double)W[c * pr->d + j] * pr->X[i * pr->d + j];
            norm += expl(z[c]);
        }
        sum += -(z[(size_t)pr->y[i]] - logl(norm));
    }
    return (double)(sum / pr->n);
}

/* 1 if the learner's softmax is right on a few rows, far scores included. */
static int softmax_works(void) {
    const double z[3] = {1.0, 2.0, 3.0}, far[2] = {1e4, -1e4}, neg[3] = {-5.0, -7.0, -6.0};
    double p[3];
    softmax(z, p, 3);
    double sum = exp(1.0) + exp(2.0) + exp(3.0);
    int ok = fabs(p[0] - exp(1.0) / sum) < 1e-15 && fabs(p[2] - exp(3.0) / sum) < 1e-15;
    softmax(far, p, 2);
    ok = ok && p[0] == 1.0 && p[1] == 0.0;
    softmax(neg, p, 3);
    return ok && fabs(p[0] - 1.0 / (1.0 + exp(-2.0) + exp(-1.0))) < 1e-15;
}

/* cce_gradient is built on softmax: when both are wrong, this is said once. */
#define SOFTMAX_FIRST "cce_gradient's probabilities come from softmax, and your softmax fails the tests above: " \
                      "fix softmax first, then this test says what is left."

/* Two mistakes that scale the whole gradient, named when every entry shows one. */
#define TWICE_BY_N "That is exactly 1/n of the right value: the sum was divided by n twice. Divide it by n " \
                   "once, at the end."
#define NEGATED "That is exactly the negative of the right value: the error is P_ic - Y_ic (the probability " \
                "minus the label), not Y_ic - P_ic."

/* TWICE_BY_N or NEGATED when every got[t] is want[t] / n or -want[t] (and
 * want is not all 0), otherwise NULL. */
static const char *scaled(const double *got, const double *want, size_t count, size_t n, double tol) {
    int over_n = n > 1, negated = 1, zero = 1;
    for (size_t t = 0; t < count; t++) {
        over_n = over_n && fabs(got[t] * (double)n - want[t]) <= tol;
        negated = negated && fabs(got[t] + want[t]) <= tol;
        zero = zero && fabs(want[t]) <= tol;
    }
    return zero ? NULL : over_n ? TWICE_BY_N
                     : negated  ? NEGATED
                                : NULL;
}

/* ---- cce_loss ------------------------------------------------------------ */

static void test_loss(void) {
    const double P[3 * 3] = {0.7, 0.2, 0.1,
                             0.1, 0.1, 0.8,
                             0.3, 0.3, 0.4};
    const double y[3] = {0, 2, 1};
    double want = -(log(0.7) + log(0.8) + log(0.3)) / 3, got = cce_loss(P, y, 3, 3);
    EXPECT_NEAR(got, want, 1e-15, "cce_loss of 3 samples",
                fabs(got - want) < 1e-12
                    ? "Right to about 14 digits, but not to the last: did you add 1e-15 to p? Clip with a max, "
                      "max(p, 1e-15), which leaves every p above 1e-15 exactly as it is."
                : fabs(3 * got - want) <= 1e-15
                    ? "That is exactly 1/n of the loss (n = 3): the sum was divided by n twice. Divide it once, "
                      "at the end."
                    : harness_why_zero(got, want, "-(1/n) sum_i log P[i][y_i]: only the true class's probability "
                                                  "counts; row i starts at P[i * k]"));
    const double P4[2 * 4] = {0.1, 0.2, 0.3, 0.4,
                              0.25, 0.25, 0.25, 0.25};
    const double y4[2] = {3, 1};
    EXPECT_NEAR(cce_loss(P4, y4, 2, 4), -(log(0.4) + log(0.25)) / 2, 1e-15, "cce_loss with k = 4",
                "rows are k = 4 long here: P[i][c] is P[i * k + c]");
    // 4 samples of 2 classes (n != k): P read as P[c * n + i], one column per
    // class, takes other entries and gives another loss (3x3 and 2x4 above do not)
    const double P42[4 * 2] = {0.9, 0.1,
                               0.2, 0.8,
                               0.6, 0.4,
                               0.3, 0.7};
    const double y42[4] = {0, 1, 0, 1};
    double across = -(log(0.9) + log(0.4) + log(0.2) + log(0.7)) / 4;   // P[c * n + i]
    want = -(log(0.9) + log(0.8) + log(0.6) + log(0.7)) / 4;
    got = cce_loss(P42, y42, 4, 2);
    EXPECT_NEAR(got, want, 1e-15, "cce_loss of 4 samples of 2 classes",
                fabs(got - across) <= 1e-15
                    ? "That is the loss of P[c * n + i], P read one column per class. P is n rows of k, one row "
                      "per sample: the probability of class c for sample i is P[i * k + c]: row i, class c."
                    : "P is n = 4 rows of k = 2, one row per sample: P[i * k + c]: row i, class c.");
    const double sure[1 * 2] = {1.0, 0.0};
    const double y_one = 0, y_zero = 1;
    EXPECT_NEAR(cce_loss(sure, &y_one, 1, 2), 0.0, 0.0, "cce_loss with p = 1 for the true class",
                "a certain right answer costs -log 1 = 0");
    EXPECT_NEAR(cce_loss(sure, &y_zero, 1, 2), -log(1e-15), 1e-12, "cce_loss with p = 0 for the true class",
                "log 0 is -infinity: clip the probability to at least 1e-15 first");
}

/* ---- cce_gradient -------------------------------------------------------- */

static void check_gradient(size_t n, size_t d, size_t k) {
    Problem pr = make_problem(n, d, k);
    double dW[MAX_K * MAX_D + 1], db[MAX_K + 1], numeric[MAX_K * MAX_D];
    for (size_t t = 0; t < k * d; t++) dW[t] = HARNESS_UNSET;   // every entry must be written
    for (size_t c = 0; c < k; c++) db[c] = HARNESS_UNSET;
    dW[k * d] = db[k] = CANARY;
    cce_gradient(pr.X, pr.y, n, d, k, pr.W, pr.b, dW, db);
    if (!EXPECT_NEAR(dW[k * d], CANARY, 0.0, harness_fmt("dW[%zu], one past the end", k * d), "dW has k * d entries") ||
        !EXPECT_NEAR(db[k], CANARY, 0.0, harness_fmt("db[%zu], one past the end", k), "db has k entries")) {
        return;
    }
    const double h = 1e-5;
    int right = 1, transposed = d > 1 && k > 1;
    for (size_t t = 0; t < k * d; t++) {
        double W_plus[MAX_K * MAX_D], W_minus[MAX_K * MAX_D];
        for (size_t s = 0; s < k * d; s++) W_plus[s] = W_minus[s] = pr.W[s];
        W_plus[t] += h;
        W_minus[t] -= h;
        numeric[t] = (loss(&pr, W_plus, pr.b) - loss(&pr, W_minus, pr.b)) / (2 * h);
        right = right && fabs(dW[t] - numeric[t]) <= TOL;
    }
    double numeric_b[MAX_K];
    for (size_t c = 0; c < k; c++) {
        double b_plus[MAX_K], b_minus[MAX_K];
        for (size_t s = 0; s < k; s++) b_plus[s] = b_minus[s] = pr.b[s];
        b_plus[c] += h;
        b_minus[c] -= h;
        numeric_b[c] = (loss(&pr, pr.W, b_plus) - loss(&pr, pr.W, b_minus)) / (2 * h);
        right = right && fabs(db[c] - numeric_b[c]) <= TOL;
    }
    // dW[c][j] written at dW[j * k + c] (d rows of k) instead of dW[c * d + j]?
    for (size_t t = 0; t < k * d && transposed; t++) transposed = fabs(dW[(t % d) * k + t / d] - numeric[t]) <= TOL;
    if (!right && transposed) {
        EXPECT_TRUE(0, harness_fmt("dW with n = %zu, d = %zu, k = %zu: your values are right, in the wrong places. "
                                   "dW has the layout of W, k rows of d: dW[c][j] is written at dW[c * d + j], "
                                   "and you wrote it at dW[j * k + c].",
                                   n, d, k));
        return;
    }
    if (!right && !softmax_works()) {
        EXPECT_TRUE(0, SOFTMAX_FIRST);
        return;
    }
    const char *why_W = scaled(dW, numeric, k * d, n, TOL), *why_b = scaled(db, numeric_b, k, n, TOL);
    for (size_t t = 0; t < k * d; t++) {
        EXPECT_NEAR(dW[t], numeric[t], TOL,
                    harness_fmt("dW[%zu][%zu] with n = %zu, d = %zu, k = %zu", t / d, t % d, n, d, k),
                    why_W != NULL ? why_W
                                  : harness_why_zero(dW[t], numeric[t],
                                                     "dW[c][j] = (1/n) sum_i (P_ic - Y_ic) x_ij. Is P - Y (not Y - P)? "
                                                     "Divided by n? Scores z_c = W[c*d + j] x_ij + b_c? Y_ic is 1 only "
                                                     "when y_i == c."));
    }
    for (size_t c = 0; c < k; c++) {
        EXPECT_NEAR(db[c], numeric_b[c], TOL, harness_fmt("db[%zu] with n = %zu, d = %zu, k = %zu", c, n, d, k),
                    why_b != NULL ? why_b
                                  : harness_why_zero(db[c], numeric_b[c], "db[c] = (1/n) sum_i (P_ic - Y_ic): the mean "
                                                                          "error of class c. Did the scores include b?"));
    }
}

static void test_gradient_course_shape(void) { check_gradient(30, 2, 3); }

static void test_gradient_other_shapes(void) {
    check_gradient(7, 3, 4);
    check_gradient(12, 4, 5);
    check_gradient(1, 1, 2);
    check_gradient(9, 2, 2);
}

static void test_gradient_at_zero(void) {
    // With W = 0 and b = 0 every P_ic = 1/k, so db[c] = 1/k - (fraction of class c).
    // 11 samples: classes 0, 1, 2 have 4, 3, 4 of them.
    Problem pr = make_problem(11, 2, 3);
    double W[6] = {0}, b[3] = {0}, dW[6], db[3] = {HARNESS_UNSET, HARNESS_UNSET, HARNESS_UNSET}, count[3] = {0};
    for (size_t i = 0; i < 11; i++) count[(size_t)pr.y[i]] += 1;
    cce_gradient(pr.X, pr.y, 11, 2, 3, W, b, dW, db);
    int right = 1;
    for (size_t c = 0; c < 3; c++) right = right && fabs(db[c] - (1.0 / 3.0 - count[c] / 11.0)) <= 1e-15;
    if (!right && !softmax_works()) {
        EXPECT_TRUE(0, SOFTMAX_FIRST);
        return;
    }
    double want[3];
    for (size_t c = 0; c < 3; c++) want[c] = 1.0 / 3.0 - count[c] / 11.0;
    const char *why = scaled(db, want, 3, 11, 1e-15);
    for (size_t c = 0; c < 3; c++) {
        EXPECT_NEAR(db[c], want[c], 1e-15, harness_fmt("db[%zu] at W = 0, b = 0", c),
                    why != NULL ? why : "at W = 0 every probability is 1/k, so db[c] = 1/k - (share of class c)");
    }
    // The k errors of a sample add up to 0, so each column of dW sums to 0.
    EXPECT_NEAR(dW[0] + dW[2] + dW[4], 0.0, 1e-15, "dW[0][0] + dW[1][0] + dW[2][0]",
                "sum_c (P_ic - Y_ic) = 1 - 1 = 0 for every sample: the rows of dW must cancel");
}

static void test_descent(void) {
    // 300 steps of your gradient must lower the loss.
    Problem pr = make_problem(30, 2, 3);
    double before = loss(&pr, pr.W, pr.b), dW[6], db[3];
    for (int step = 0; step < 300; step++) {
        cce_gradient(pr.X, pr.y, 30, 2, 3, pr.W, pr.b, dW, db);
        for (size_t t = 0; t < 6; t++) pr.W[t] -= 0.5 * dW[t];
        for (size_t c = 0; c < 3; c++) pr.b[c] -= 0.5 * db[c];
    }
    double after = loss(&pr, pr.W, pr.b);
    if (!(after < before - 0.05) && !softmax_works()) {
        EXPECT_TRUE(0, SOFTMAX_FIRST);
        return;
    }
    EXPECT_TRUE(after < before - 0.05,
                harness_fmt("300 steps of gradient descent with your gradient should lower the loss, "
                            "but it went from %.6g to %.6g.",
                            before, after));
}

/* ---- train_softmax ----------------------------------------------------------- */

#define TRAIN_TOL 1e-12   // the same arithmetic in another order: far below any mistake

/* The mistakes a training loop can make, so that a wrong W can be named. */
typedef struct {
    int extra_epochs;   // epochs + extra_epochs steps (-1 or +1)
    int loss_after;     // records the loss after update e instead of before
    int uphill;         // W <- W + lr dW
    int no_reset;       // starts from whatever W and b held (999 here), not from 0
    int per_class;      // updates class 0, then computes class 1's gradient with the new W, ...
} Mistake;

/* One step for class c alone, from the gradient at the W and b given:
 * dW_c = (1/n) sum_i (P_ic - [y_i = c]) x_i, db_c = (1/n) sum_i (P_ic - [y_i = c]). */
static void step_one_class(const Problem *pr, size_t n, size_t d, size_t k, double lr, size_t c, double *W,
                           double *b) {
    double dW_c[MAX_D] = {0}, db_c = 0.0;
    for (size_t i = 0; i < n; i++) {
        double z[MAX_K], top = -INFINITY, sum = 0.0;
        for (size_t u = 0; u < k; u++) {
            z[u] = b[u];
            for (size_t j = 0; j < d; j++) z[u] += W[u * d + j] * pr->X[i * d + j];
            top = fmax(top, z[u]);
        }
        for (size_t u = 0; u < k; u++) sum += exp(z[u] - top);
        double e_ic = exp(z[c] - top) / sum - (pr->y[i] == (double)c ? 1.0 : 0.0);
        for (size_t j = 0; j < d; j++) dW_c[j] += e_ic * pr->X[i * d + j] / (double)n;
        db_c += e_ic / (double)n;
    }
    for (size_t j = 0; j < d; j++) W[c * d + j] -= lr * dW_c[j];
    b[c] -= lr * db_c;
}

/* The lesson's softmax regression written out, optionally with a mistake. */
static void lesson_softmax(const Problem *pr, size_t n, size_t d, size_t k, double lr, size_t epochs, Mistake m,
                           double *W, double *b, double *losses) {
    for (size_t t = 0; t < k * d; t++) W[t] = m.no_reset ? 999.0 : 0.0;
    for (size_t c = 0; c < k; c++) b[c] = m.no_reset ? 999.0 : 0.0;
    size_t steps = epochs + (size_t)m.extra_epochs;
    for (size_t e = 0; e <= steps; e++) {
        // P_i = softmax(W x_i + b); L = -(1/n) sum_i log max(P_i,y_i, 1e-15); dW = (P - Y)^T X / n
        double dW[MAX_K * MAX_D] = {0}, db[MAX_K] = {0}, L = 0.0;
        for (size_t i = 0; i < n; i++) {
            double z[MAX_K], top = -INFINITY, sum = 0.0;
            for (size_t c = 0; c < k; c++) {
                z[c] = b[c];
                for (size_t j = 0; j < d; j++) z[c] += W[c * d + j] * pr->X[i * d + j];
                top = fmax(top, z[c]);
            }
            for (size_t c = 0; c < k; c++) sum += exp(z[c] - top);
            for (size_t c = 0; c < k; c++) {
                double p = exp(z[c] - top) / sum, e_ic = p - (pr->y[i] == (double)c ? 1.0 : 0.0);
                if (pr->y[i] == (double)c) L -= log(fmax(p, 1e-15));
                for (size_t j = 0; j < d; j++) dW[c * d + j] += e_ic * pr->X[i * d + j] / (double)n;
                db[c] += e_ic / (double)n;
            }
        }
        size_t slot = m.loss_after ? e - 1 : e;
        if (losses != NULL && slot < epochs && !(m.loss_after && e == 0)) losses[slot] = L / (double)n;
        if (e == steps) break;
        if (m.per_class) {
            for (size_t c = 0; c < k; c++) step_one_class(pr, n, d, k, lr, c, W, b);
            continue;
        }
        double sign = m.uphill ? -1.0 : 1.0;
        for (size_t t = 0; t < k * d; t++) W[t] -= sign * lr * dW[t];
        for (size_t c = 0; c < k; c++) b[c] -= sign * lr * db[c];
    }
}

/* 1 if the learner's cce_loss and cce_gradient give the formulas' values for
 * a model of 7 samples, 3 features, 4 classes (train_softmax is built on them). */
static int parts_work(void) {
    enum { N = 7,
           D = 3,
           K = 4 };
    Problem pr = make_problem(N, D, K);
    double P[N * K], dW[K * D], db[K], want_dW[K * D] = {0}, want_db[K] = {0}, L = 0.0;
    for (size_t t = 0; t < K * D; t++) dW[t] = HARNESS_UNSET;   // (an output never written is wrong, not read unset)
    for (size_t c = 0; c < K; c++) db[c] = HARNESS_UNSET;
    // P_i = softmax(W x_i + b);  L = -(1/n) sum_i log P_i,y_i;  dW = (P - Y)^T X / n,  db = mean(P - Y)
    for (size_t i = 0; i < N; i++) {
        double sum = 0.0;
        for (size_t c = 0; c < K; c++) {
            double z = pr.b[c];
            for (size_t j = 0; j < D; j++) z += pr.W[c * D + j] * pr.X[i * D + j];
            P[i * K + c] = exp(z);
            sum += P[i * K + c];
        }
        for (size_t c = 0; c < K; c++) {
            P[i * K + c] /= sum;
            double e_ic = P[i * K + c] - (pr.y[i] == (double)c ? 1.0 : 0.0);
            for (size_t j = 0; j < D; j++) want_dW[c * D + j] += e_ic * pr.X[i * D + j] / N;
            want_db[c] += e_ic / N;
        }
        L -= log(P[i * K + (size_t)pr.y[i]]) / N;
    }
    int ok = fabs(cce_loss(P, pr.y, N, K) - L) <= 1e-12;
    cce_gradient(pr.X, pr.y, N, D, K, pr.W, pr.b, dW, db);
    for (size_t t = 0; t < K * D; t++) ok = ok && fabs(dW[t] - want_dW[t]) <= 1e-12;
    for (size_t c = 0; c < K; c++) ok = ok && fabs(db[c] - want_db[c]) <= 1e-12;
    return ok;
}

/* What W, b or the losses most likely got wrong; *known is 1 when that is
 * the mistake found, 0 for the general checklist. */
static const char *diagnose_softmax(const Problem *pr, size_t n, size_t d, size_t k, double lr, size_t epochs,
                                    const double *W, const double *b, const double *losses, int *known) {
    static const struct {
        Mistake m;
        const char *why;
    } KNOWN[] = {
        {{-1, 0, 0, 0, 0}, "one step too few: run exactly `epochs` steps (e = 0 .. epochs - 1)"},
        {{1, 0, 0, 0, 0}, "one step too many: run exactly `epochs` steps (e = 0 .. epochs - 1)"},
        {{0, 1, 0, 0, 0}, "losses[e] must be the loss BEFORE update e, so losses[0] is log k, the loss of W = 0"},
        {{0, 0, 1, 0, 0}, "the loss went up: a step goes against the gradient, W <- W - lr dW"},
        {{0, 0, 0, 1, 0}, "W and b kept what they held before the call: set them to 0 first"},
        {{0, 0, 0, 0, 1}, "each class was updated before the next class's gradient was computed: compute the "
                          "whole gradient (every class) from the same W and b, then update them all"},
    };
    int untouched = 1, b_still = 1;
    for (size_t t = 0; t < k * d; t++) untouched = untouched && W[t] == 0.0;
    for (size_t c = 0; c < k; c++) b_still = b_still && b[c] == 0.0;
    *known = 1;
    if (untouched) return "W is still all 0: run `epochs` steps of W <- W - lr dW, b <- b - lr db";
    if (b_still) return "b never moved (it is still all 0): each step updates b as well as W, b <- b - lr db";
    for (size_t t = 0; t < sizeof KNOWN / sizeof KNOWN[0]; t++) {
        double W_m[MAX_K * MAX_D], b_m[MAX_K], L_m[64];
        lesson_softmax(pr, n, d, k, lr, epochs, KNOWN[t].m, W_m, b_m, L_m);
        int same = 1;
        for (size_t u = 0; u < k * d; u++) same = same && fabs(W[u] - W_m[u]) <= TRAIN_TOL;
        for (size_t c = 0; c < k; c++) same = same && fabs(b[c] - b_m[c]) <= TRAIN_TOL;
        for (size_t e = 0; KNOWN[t].m.loss_after && e + 1 < epochs; e++) {
            same = same && fabs(losses[e] - L_m[e]) <= TRAIN_TOL;
        }
        if (same) return KNOWN[t].why;
    }
    *known = 0;
    if (!parts_work()) {
        return "train_softmax takes its losses from cce_loss and its steps from cce_gradient, and yours fail the "
               "tests above: fix them first, then this test says what is left.";
    }
    return "train_softmax must be the lesson's loop: W = 0, b = 0, then `epochs` times: the loss into losses[e], "
           "cce_gradient, W <- W - lr dW, b <- b - lr db";
}

/* A trained number against the lesson's. When the mistake is known, why says
 * it alone: no guess of the harness's before it (two losses of a slow
 * descent agree to 7 digits, which is no float). */
static void expect_trained(double got, double want, const char *what, const char *why, int known) {
    if (known) {
        EXPECT_NEAR_KNOWN(got, want, TRAIN_TOL, what, why);
    } else {
        EXPECT_NEAR(got, want, TRAIN_TOL, what, why);
    }
}

static void check_training(size_t n, size_t d, size_t k, double lr, size_t epochs) {
    Problem pr = make_problem(n, d, k);
    double W[MAX_K * MAX_D + 1], b[MAX_K + 1], losses[65], want_W[MAX_K * MAX_D], want_b[MAX_K], want_L[64];
    for (size_t t = 0; t < k * d; t++) W[t] = 999.0;   // what the caller's memory held: must not matter
    for (size_t c = 0; c < k; c++) b[c] = 999.0;
    W[k * d] = b[k] = losses[epochs] = CANARY;
    train_softmax(pr.X, pr.y, n, d, k, lr, epochs, W, b, losses);
    lesson_softmax(&pr, n, d, k, lr, epochs, (Mistake){0, 0, 0, 0, 0}, want_W, want_b, want_L);
    int known = 0;
    const char *why = diagnose_softmax(&pr, n, d, k, lr, epochs, W, b, losses, &known);
    char where[96];
    snprintf(where, sizeof where, "n = %zu, d = %zu, k = %zu, %zu epoch%s", n, d, k, epochs, epochs == 1 ? "" : "s");
    for (size_t e = 0; e < epochs; e++) expect_trained(losses[e], want_L[e], harness_fmt("losses[%zu] (%s)", e, where), why, known);
    for (size_t t = 0; t < k * d; t++) {
        expect_trained(W[t], want_W[t], harness_fmt("W[%zu][%zu] (%s)", t / d, t % d, where), why, known);
    }
    for (size_t c = 0; c < k; c++) expect_trained(b[c], want_b[c], harness_fmt("b[%zu] (%s)", c, where), why, known);
    EXPECT_NEAR(W[k * d], CANARY, 0.0, harness_fmt("W[%zu], one past the end", k * d), "write only k * d weights");
    EXPECT_NEAR(b[k], CANARY, 0.0, harness_fmt("b[%zu], one past the end", k), "write only k biases");
    EXPECT_NEAR(losses[epochs], CANARY, 0.0, harness_fmt("losses[%zu], one past the end", epochs),
                "write only `epochs` losses");
    double first_W = W[0];
    train_softmax(pr.X, pr.y, n, d, k, lr, epochs, W, b, NULL);   // losses may be NULL: must not crash
    EXPECT_NEAR(W[0], first_W, TRAIN_TOL, harness_fmt("W[0][0] with losses = NULL (%s)", where),
                "with losses = NULL, train the same as with losses, and record nothing");
}

static void test_train_course(void) { check_training(30, 2, 3, 0.5, 40); }

static void test_train_other_shapes(void) {
    check_training(12, 4, 5, 0.3, 20);
    check_training(9, 2, 2, 1.0, 1);
}

int main(void) {
    static const HarnessTest tests[] = {
        {"softmax equals e^z / sum e^z for 1 to 5 scores", test_softmax_values},
        {"softmax of two scores is the sigmoid of their difference", test_softmax_sigmoid},
        {"softmax is finite for scores of +-1e4, and works for negative scores", test_softmax_extremes},
        {"cce_loss: -log of the true class's probability, clipped, averaged", test_loss},
        {"cce_gradient matches finite differences (30 x 2, 3 classes)", test_gradient_course_shape},
        {"cce_gradient works for other shapes (7x3 k=4, 12x4 k=5, 1x1 k=2, 9x2 k=2)", test_gradient_other_shapes},
        {"cce_gradient at W = 0: 1/k - class shares; columns sum to 0", test_gradient_at_zero},
        {"gradient descent with cce_gradient lowers the loss", test_descent},
        {"train_softmax trains and records the loss as the lesson does (30 x 2, 3 classes)", test_train_course},
        {"train_softmax with 5 classes of 4 features, 2 classes, a single epoch", test_train_other_shapes},
    };
    return harness_run("Exercise 08: softmax", tests, sizeof tests / sizeof tests[0]);
}
