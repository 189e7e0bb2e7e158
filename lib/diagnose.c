#include "diagnose.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* How many names a message lists before "and N more". */
#define LISTED 3

/* Column j of X~ = (1, x_1 .. x_d), the bias first, into v (n). */
static void column(const Matrix *X, size_t j, double *v) {
    for (size_t i = 0; i < X->rows; i++) v[i] = j == 0 ? 1.0 : *mat_at(X, i, j - 1);
}

/* The name of feature column j >= 1 of X~, quoted and shown safely, into buf. */
static const char *name_of(char *const *names, size_t j, char *buf, size_t size) {
    char raw[32], shown[LR_SHOWN_SIZE];
    snprintf(raw, sizeof raw, "x%zu", j);
    snprintf(buf, size, "'%s'", lr_shown(names != NULL ? names[j - 1] : raw, shown, sizeof shown));
    return buf;
}

/* Appends printf-style text to buf (size bytes), cutting it if it is full. */
LR_PRINTF(3, 4)
static void append(char *buf, size_t size, const char *fmt, ...);
static void append(char *buf, size_t size, const char *fmt, ...) {
    size_t used = strlen(buf);
    if (used + 1 >= size) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + used, size - used, fmt, ap);
    va_end(ap);
}

/* Appends "'a', 'b' and 'c'" for the columns flagged in which[1 .. k-1],
 * LISTED names at most, then "and N more". */
static void append_names(char *buf, size_t size, const int *which, size_t k, char *const *names) {
    size_t total = 0, shown = 0;
    for (size_t j = 1; j < k; j++) total += which[j] != 0;
    char name[LR_SHOWN_SIZE + 2];
    for (size_t j = 1; j < k && shown < LISTED; j++) {
        if (!which[j]) continue;
        shown++;
        const char *sep = shown == 1 ? "" : (shown == total ? " and " : ", ");
        append(buf, size, "%s%s", sep, name_of(names, j, name, sizeof name));
    }
    if (total > shown) append(buf, size, " and %zu more", total - shown);
}

/* Gram-Schmidt on the columns a_0 .. a_{k-1} of X~, twice over for accuracy:
 * q_j = (a_j - sum_{l<j} r_lj q_l) / r_jj with r_lj = q_l . a_j, for each
 * independent l. Column j is dependent when r_jj <= DIAG_RANK_TOL ||a_j||.
 * Q is (k, n), R (k, k) row-major, norm (k) the ||a_j||, indep (k) flags. */
static void orthogonalise(const Matrix *X, double *Q, double *R, double *norm, int *indep) {
    size_t n = X->rows, k = X->cols + 1;
    for (size_t j = 0; j < k; j++) {
        double *v = &Q[j * n];
        column(X, j, v);
        norm[j] = vec_norm(v, n);
        for (int pass = 0; pass < 2; pass++) {
            for (size_t l = 0; l < j; l++) {
                if (!indep[l]) continue;
                double r = vec_dot(&Q[l * n], v, n);
                R[l * k + j] += r;
                for (size_t i = 0; i < n; i++) v[i] -= r * Q[l * n + i];
            }
        }
        double r_jj = vec_norm(v, n);
        indep[j] = r_jj > DIAG_RANK_TOL * norm[j];
        R[j * k + j] = r_jj;
        for (size_t i = 0; i < n && indep[j]; i++) v[i] /= r_jj;
    }
}

/* For a dependent column j: a_j = sum_l c_l a_l over the independent l < j,
 * from R_II c = R_Ij by back substitution. Flags in uses (k) the columns
 * whose term c_l a_l is more than DIAG_RANK_TOL of ||a_j||. */
static void combination(const double *R, const double *norm, const int *indep, size_t k, size_t j, int *uses) {
    double *c = vec_new(k);
    for (size_t l = j; l-- > 0;) {
        if (!indep[l]) continue;
        double s = R[l * k + j];
        for (size_t m = l + 1; m < j; m++) {
            if (indep[m]) s -= R[l * k + m] * c[m];
        }
        c[l] = s / R[l * k + l];
    }
    for (size_t l = 0; l < k; l++) uses[l] = l < j && indep[l] && fabs(c[l]) * norm[l] > DIAG_RANK_TOL * norm[j];
    free(c);
}

/* 1 when feature column j of X~ holds one value in every row. */
static int constant(const Matrix *X, size_t j) {
    for (size_t i = 1; i < X->rows; i++) {
        if (*mat_at(X, i, j - 1) != *mat_at(X, 0, j - 1)) return 0;
    }
    return 1;
}

/* Writes the message for the dependent columns into msg. */
static void describe_columns(const Matrix *X, char *const *names, const double *R, const double *norm,
                             const int *indep, int skip_constant, char *msg, size_t size) {
    size_t k = X->cols + 1, n_const = 0, first = 0;
    int *flag = lr_calloc(k, sizeof *flag);
    for (size_t j = 1; j < k; j++) {
        if (indep[j] || (skip_constant && constant(X, j))) continue;
        int *uses = lr_calloc(k, sizeof *uses);
        combination(R, norm, indep, k, j, uses);
        int only_bias = 1;
        for (size_t l = 1; l < j; l++) only_bias &= !uses[l];
        if (only_bias) flag[j] = 1, n_const++;
        else if (first == 0) first = j;
        free(uses);
    }
    msg[0] = '\0';
    if (n_const > 0) {
        append(msg, size, "column%s ", n_const == 1 ? "" : "s");
        append_names(msg, size, flag, k, names);
        int exact = 1;
        for (size_t j = 1; j < k; j++) exact &= !flag[j] || constant(X, j);
        append(msg, size, " %s %sconstant", n_const == 1 ? "is" : "are", exact ? "" : "(nearly) ");
    }
    if (first != 0) {
        char name[LR_SHOWN_SIZE + 2];
        combination(R, norm, indep, k, first, flag);
        append(msg, size, "%scolumn %s is a combination of ", n_const > 0 ? "; " : "",
               name_of(names, first, name, sizeof name));
        append_names(msg, size, flag, k, names);
        append(msg, size, "%s (collinear)", flag[0] ? " plus a constant" : "");
    }
    free(flag);
}

/* diag_columns (skip_constant = 0) or diag_collinear (1). */
static int dependent_columns(const Matrix *X, char *const *names, int skip_constant, char *msg, size_t size) {
    size_t n = X->rows, k = X->cols + 1;
    double *Q = vec_new(k * n), *R = vec_new(k * k), *norm = vec_new(k);
    int *indep = lr_calloc(k, sizeof *indep);
    orthogonalise(X, Q, R, norm, indep);
    int status = 0;
    for (size_t j = 1; j < k; j++) {
        if (!indep[j] && !(skip_constant && constant(X, j))) status = -1;
    }
    if (status != 0) describe_columns(X, names, R, norm, indep, skip_constant, msg, size);
    free(indep);
    free(norm);
    free(R);
    free(Q);
    return status;
}

// [snippet columns]
int diag_columns(const Matrix *X, char *const *names, char *msg, size_t size) {
    return dependent_columns(X, names, 0, msg, size);
}
// [end columns]

int diag_collinear(const Matrix *X, char *const *names, char *msg, size_t size) {
    return dependent_columns(X, names, 1, msg, size);
}

/* msg: "" when count is 0, else "column 'a' WHAT" or "columns 'a' and 'b' WHAT"
 * for the columns flagged in flag[1 .. k-1]. */
static void name_flagged(char *msg, size_t size, const int *flag, size_t k, char *const *names, size_t count,
                         const char *what) {
    msg[0] = '\0';
    if (count == 0) return;
    append(msg, size, "column%s ", count == 1 ? "" : "s");
    append_names(msg, size, flag, k, names);
    append(msg, size, " %s", what);
}

size_t diag_constant(const Matrix *X, char *const *names, char *msg, size_t size) {
    size_t k = X->cols + 1, count = 0;
    int *flag = lr_calloc(k, sizeof *flag);
    for (size_t j = 1; j < k; j++) count += (size_t)(flag[j] = constant(X, j));
    name_flagged(msg, size, flag, k, names, count, count == 1 ? "is constant" : "are constant");
    free(flag);
    return count;
}

/* Flags the columns whose largest |x_ij| is above 0 and below DIAG_TINY
 * (huge = 0), or above DIAG_HUGE (huge = 1), and names them in msg. */
static size_t extreme_columns(const Matrix *X, char *const *names, int huge, char *msg, size_t size) {
    size_t k = X->cols + 1, count = 0;
    int *flag = lr_calloc(k, sizeof *flag);
    for (size_t j = 1; j < k; j++) {
        double largest = 0.0;   // max_i |x_ij|
        for (size_t i = 0; i < X->rows; i++) largest = fmax(largest, fabs(mat_row(X, i)[j - 1]));
        count += (size_t)(flag[j] = huge ? largest > DIAG_HUGE : largest > 0.0 && largest < DIAG_TINY);
    }
    char what[96];
    snprintf(what, sizeof what, huge ? "%s values above 1e150 in size, whose squares overflow" : "%s only values below 1e-150 in size, whose squares underflow to 0",
             count == 1 ? "has" : "have");
    name_flagged(msg, size, flag, k, names, count, what);
    free(flag);
    return count;
}

size_t diag_tiny(const Matrix *X, char *const *names, char *msg, size_t size) {
    return extreme_columns(X, names, 0, msg, size);
}

size_t diag_huge(const Matrix *X, char *const *names, char *msg, size_t size) {
    return extreme_columns(X, names, 1, msg, size);
}

// [snippet margins]
DiagMargins diag_margins(const double *dz, const double *y, size_t n, size_t k) {
    // dm_i = min_{c != y_i} (dz_i,y_i - dz_i,c): how much sample i's margin grew
    double *dm = vec_new(n), largest = 0.0;
    for (size_t i = 0; i < n; i++) {
        size_t y_i = (size_t)y[i];
        if (k == 1) {
            dm[i] = y_i == 1 ? dz[i] : -dz[i];
        } else {
            dm[i] = INFINITY;
            for (size_t c = 0; c < k; c++) {
                if (c != y_i) dm[i] = fmin(dm[i], dz[i * k + y_i] - dz[i * k + c]);
            }
        }
        largest = fmax(largest, fabs(dm[i]));
    }
    DiagMargins mg = diag_count_margins(dm, n, largest);
    free(dm);
    return mg;
}

DiagMargins diag_count_margins(const double *dm, size_t n, double largest) {
    DiagMargins mg = {n, 0, 0};
    for (size_t i = 0; i < n; i++) {
        if (dm[i] > DIAG_MARGIN_TOL * largest) mg.pushed++;
        if (dm[i] < -DIAG_MARGIN_TOL * largest) mg.against++;
    }
    return mg;
}
// [end margins]

DiagSeparation diag_separation(double longest_step, double last_step, DiagMargins last) {
    if (!(last_step > 0.0 && last_step > DIAG_RUNOFF * longest_step)) return DIAG_FINITE;
    if (last.pushed == 0 || last.against > 0) return DIAG_RUNNING;
    return last.pushed == last.n ? DIAG_COMPLETE : DIAG_PARTIAL;
}

void diag_describe(DiagSeparation s, DiagMargins mg, char *buf, size_t size) {
    buf[0] = '\0';
    if (s == DIAG_COMPLETE) {
        snprintf(buf, size,
                 "SEPARATED: the classes can be separated completely (a hyperplane puts every\n"
                 "sample on its own class's side). The loss has no minimum: it falls towards 0\n"
                 "while ||w|| grows without bound, so Newton's weights are not an answer; an L2\n"
                 "penalty (chapter 5) gives the loss a minimum.\n");
    } else if (s == DIAG_PARTIAL) {
        snprintf(buf, size,
                 "SEPARATED IN PART: %zu of the %zu samples can be separated from the rest (a\n"
                 "hyperplane has them all on their own class's side); the others overlap. The\n"
                 "loss has no minimum: it keeps falling, towards a limit above 0, while ||w||\n"
                 "grows without bound, so Newton's weights are not an answer; an L2 penalty\n"
                 "(chapter 5) gives the loss a minimum.\n",
                 mg.pushed, mg.n);
    } else if (s == DIAG_RUNNING) {
        snprintf(buf, size,
                 "NOT CONVERGED: Newton's steps did not shrink, so this is not a minimum; the\n"
                 "last step moved %zu samples towards their class and %zu away.\n",
                 mg.pushed, mg.against);
    }
}
