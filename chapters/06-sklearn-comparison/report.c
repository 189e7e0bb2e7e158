/* Chapter 6, step 3: the report. Every answer beside the others, how far
 * each is from the minimum, Newton's iterations, and the comparison with
 * the stored NumPy and scikit-learn values. */
#include "study.h"

#include <math.h>
#include <stdio.h>

#include "util.h"

/* scikit-learn's C; its penalty (1/2)||w||^2 + C sum BCE is ours with lambda = 1/C. */
#define SKLEARN_C 1e10

/* ---- printing ------------------------------------------------------------- */

static void print_lesson_comparison(const Answer *gd500, const Answer *sk,
                                    const Reference *gd_ref) {
    printf("The lesson's comparison: gradient descent for 500 epochs, by lib/logreg.c; the\n"
           "lesson's NumPy run of the same loop; scikit-learn's LogisticRegression(C=1e10):\n\n");
    printf("%-10s %16s %16s %9s %16s\n", "", "GD, 500 epochs", "NumPy, 500", "|diff|", "scikit-learn");
    const char *labels[] = {"w[0]", "w[1]", "b", "accuracy"};
    const char *keys[] = {"w", "w", "b", "accuracy"};
    double ours[] = {gd500->m.w[0], gd500->m.w[1], gd500->m.b, gd500->accuracy};
    double theirs[] = {sk->m.w[0], sk->m.w[1], sk->m.b, sk->accuracy};
    for (int k = 0; k < 4; k++) {
        double numpy = ref_value(gd_ref, keys[k], k == 1 ? 1 : 0);
        printf("%-10s %16.12f %16.12f %9.1e %16.12f\n", labels[k], ours[k], numpy, fabs(ours[k] - numpy), theirs[k]);
    }
    printf("\nSame loop, same numbers: ours and NumPy's agree to the last bits. But both are\n"
           "far from scikit-learn's: w[0] is %.2f, not %.2f. Is one of them wrong?\n\n",
           gd500->m.w[0], sk->m.w[0]);
}

/* ||(w, b) - (w*, b*)||: how far answer a lies from best. */
static double distance(const LogReg *a, const LogReg *best) {
    double sum = (a->b - best->b) * (a->b - best->b);
    for (size_t j = 0; j < a->d; j++) sum += (a->w[j] - best->w[j]) * (a->w[j] - best->w[j]);
    return sqrt(sum);
}

/* One row of the answers table: the weights (2 features) or ||w||, then
 * L - L*, ||grad|| and the distance, or (no minimum) the loss, ||grad|| and
 * the accuracy. */
static void print_answer(const Answer *a, const Answer *best, int separated) {
    printf("%-12s", a->name);
    if (a->m.d == 2) printf(" %12.9f %12.9f %13.9f", a->m.w[0], a->m.w[1], a->m.b);
    else printf(" %12.6g", vec_norm(a->m.w, a->m.d));
    if (separated) printf(" %9.3e %8.1e %8.4f\n", a->loss, a->grad_norm, a->accuracy);
    else printf(" %8.1e %8.1e %8.1e\n", a->loss - best->loss, a->grad_norm, distance(&a->m, &best->m));
}

/* The answers table: weights, distance to the optimum in loss and in (w, b), gradient norm. */
static void print_answers(const Answer *answers, size_t n_answers, const Answer *best, int separated) {
    printf("At a minimum of the loss its gradient is zero, so the gradient's length says how\n"
           "far from converged an answer is. Every answer%s:\n\n",
           separated ? " (Newton's last iterate is below)" : ", measured from Newton's (below)");
    printf("%-12s", "answer");
    if (best->m.d == 2) printf(" %12s %12s %13s", "w[0]", "w[1]", "b");
    else printf(" %12s", "||w||");
    if (separated) printf(" %9s %8s %8s\n", "loss", "||grad||", "accuracy");
    else printf(" %8s %8s %8s\n", "L - L*", "||grad||", "distance");
    for (size_t k = 0; k < n_answers; k++) print_answer(&answers[k], best, separated);
    if (separated) printf("\n");
    else printf("(L* = %.15f is the loss at Newton's answer;\n distance is ||(w, b) - (w*, b*)||.)\n\n", best->loss);
}

int study_separated(const Study *st) { return st->sep == DIAG_COMPLETE || st->sep == DIAG_PARTIAL; }

/* How Newton's method ended, in plain words. */
static void print_newton_end(const Study *st) {
    const LogRegNewtonResult *res = &st->res;
    char words[1024];
    diag_describe(st->sep, st->trace[res->iterations].moved, words, sizeof words);
    if (st->singular) {
        printf("Step %zu cannot be solved: the Hessian is singular, as the weights have grown so\n"
               "large that p_i (1 - p_i) is 0 for nearly every sample.\n",
               res->iterations + 1);
    }
    if (st->sep != DIAG_FINITE) {
        printf("%s\n", words);
    } else if (res->converged) {
        printf("converged after %zu iterations: ||grad|| <= %g x ||grad at the start||\n\n", res->iterations,
               LOGREG_NEWTON_TOL);
    } else {
        printf("NOT CONVERGED after %zu iterations (||grad|| = %.3e)\n\n", res->iterations, res->grad_norm);
    }
}

static void print_newton(const Study *st) {
    const LogRegNewtonIter *trace = st->trace;
    size_t k1 = st->newton.d + 1;
    printf("Newton's method (IRLS) from w = 0, b = 0: each step solves H delta = g for the\n"
           "%zu x %zu Hessian H = X~^T S X~ / n (X~ is X with a column of ones for the\n"
           "bias, S = diag(p_i (1 - p_i))), and moves (w, b) by -delta:\n\n",
           k1, k1);
    printf("%-9s %20s %11s %11s %11s\n", "iteration", "loss", "||grad||", "||step||", "||w||");
    for (size_t k = 0; k <= st->res.iterations; k++) {
        char step[24] = "-";
        if (k > 0) snprintf(step, sizeof step, "%11.3e", trace[k].step_norm);
        printf("%-9zu %20.15f %11.3e %11s %11.3e%s\n", k, trace[k].loss, trace[k].grad_norm, step, trace[k].w_norm,
               k > 0 && trace[k].step_scale < 1 ? " halved" : "");
    }
    print_newton_end(st);
}

/* Newton's weights one by one, with the names of the data's columns. */
static void print_newton_weights(const Answer *newton, const Dataset *ds) {
    printf("Newton's answer, the minimum of the loss:\n\n");
    for (size_t j = 0; j < ds->d; j++) {
        char label[32], shown[LR_SHOWN_SIZE];
        snprintf(label, sizeof label, "w[%zu]", j);
        printf("%-10s %20.12f   %.40s\n", label, newton->m.w[j], lr_shown(ds->names[j], shown, sizeof shown));
    }
    printf("%-10s %20.12f\n\n", "b", newton->m.b);
}

/* Newton's coefficients beside scikit-learn's stored ones, with the relative difference. */
static void print_against_sklearn(const Answer *newton, const Reference *sk_ref) {
    printf("Newton beside scikit-learn's stored answer:\n\n");
    printf("%-10s %18s %18s %10s %10s\n", "", "Newton", "scikit-learn", "|diff|", "relative");
    const char *labels[] = {"coef[0]", "coef[1]", "intercept"};
    double ours[] = {newton->m.w[0], newton->m.w[1], newton->m.b};
    double worst = 0.0;
    for (int k = 0; k < 3; k++) {
        double sk = ref_value(sk_ref, k < 2 ? "coef" : "intercept", k < 2 ? (size_t)k : 0);
        double rel = fabs(ours[k] - sk) / fabs(sk);
        worst = fmax(worst, rel);
        printf("%-10s %18.12f %18.12f %10.1e %10.1e\n", labels[k], ours[k], sk, fabs(ours[k] - sk), rel);
    }
    printf("\nThey agree to a relative %.0e: %d significant digits.\n\n", worst, (int)floor(-log10(worst)));
}

static void print_against_long_gd(const Answer *newton, const Reference *gd_ref, size_t epochs) {
    char w_key[32], b_key[32];
    snprintf(w_key, sizeof w_key, "w_%zu", epochs);
    snprintf(b_key, sizeof b_key, "b_%zu", epochs);
    double diff = fmax(fmax(fabs(newton->m.w[0] - ref_value(gd_ref, w_key, 0)),
                            fabs(newton->m.w[1] - ref_value(gd_ref, w_key, 1))),
                       fabs(newton->m.b - ref_value(gd_ref, b_key, 0)));
    printf("Newton beside %zu epochs of the lesson's NumPy gradient descent, a slow but\n"
           "independent road to the same minimum: largest difference %.1e.\n\n",
           epochs, diff);
}

/* Says whether one more epoch would move the last gradient-descent answer. */
static void print_stalled(const Answer *last, const Dataset *ds, double lr) {
    LogReg m;
    logreg_copy(&m, &last->m);
    LogRegParams par = {.lr = lr, .epochs = 1, .lambda = 0.0};
    logreg_fit_gd(&m, &ds->X, ds->y, &par, NULL);
    int moved = m.b != last->m.b;
    for (size_t j = 0; j < m.d; j++) moved |= m.w[j] != last->m.w[j];
    if (!moved) {
        printf("After %zu epochs gradient descent has stopped: one more epoch leaves w and b\n"
               "unchanged to the last bit. Each step lr x gradient is now smaller than half\n"
               "the spacing of doubles near w, so w - lr x gradient rounds back to w.\n\n",
               last->epochs);
    }
    logreg_free(&m);
}

/* Our long runs against NumPy's (only the snapshots NumPy stored). */
static void print_gd_check(const Answer *answers, size_t n_gd, const Reference *gd_ref) {
    double worst = 0.0;
    for (size_t k = 1; k < n_gd; k++) {
        char w_key[32], b_key[32], loss_key[32];
        snprintf(w_key, sizeof w_key, "w_%zu", answers[k].epochs);
        snprintf(b_key, sizeof b_key, "b_%zu", answers[k].epochs);
        snprintf(loss_key, sizeof loss_key, "loss_%zu", answers[k].epochs);
        worst = fmax(worst, fabs(answers[k].m.w[0] - ref_value(gd_ref, w_key, 0)));
        worst = fmax(worst, fabs(answers[k].m.w[1] - ref_value(gd_ref, w_key, 1)));
        worst = fmax(worst, fabs(answers[k].m.b - ref_value(gd_ref, b_key, 0)));
        worst = fmax(worst, fabs(answers[k].loss - ref_value(gd_ref, loss_key, 0)));
    }
    printf("Our long gradient-descent runs agree with the lesson's NumPy loop run as long:\n"
           "largest difference in w, b and the loss %.1e.\n\n",
           worst);
}

static void print_conclusion(const Answer *sk, const Answer *newton, const Reference *sk_ref, size_t n,
                             double penalty_shift) {
    double dist = distance(&sk->m, &newton->m);
    printf("So scikit-learn's answer is itself a measurement, with an error. Its gradient\n"
           "norm, as we compute it and as NumPy does from the stored coefficients:\n\n");
    printf("%-10s %20.12e %20.12e\n\n", "||grad||", sk->grad_norm, ref_value(sk_ref, "grad_norm", 0));
    printf("It lies %.1e from the minimum. Its L-BFGS solver minimises the summed loss,\n"
           "and stopped after %.0f iterations, once every component of that gradient was\n"
           "below tol = 1e-4, which is %.1e for our mean loss. Near a minimum the loss is\n"
           "flat: L - L* is only %.1e while the weights are still off in the 7th digit.\n",
           dist, ref_value(sk_ref, "n_iter", 0), 1e-4 / (double)n, sk->loss - newton->loss);
    printf("Its C = 1e10 adds the penalty (1/2C)||w||^2 to that sum, our lambda = 1/C =\n"
           "1e-10: Newton with that penalty moves the answer by only %.1e, so the penalty\n"
           "is not the gap.\n\n",
           penalty_shift);
}

/* How far scikit-learn's tiny penalty, lambda = 1/C, moves the minimum:
 * ||(w, b) with the penalty - (w, b) without||, or NAN if that fit failed. */
static double penalty_shift(const Dataset *ds, const LogReg *newton) {
    LogReg with_c;
    logreg_init(&with_c, ds->d);
    LogRegNewtonParams par = {.tol = LOGREG_NEWTON_TOL, .max_iter = LOGREG_NEWTON_MAX_ITER, .lambda = 1.0 / SKLEARN_C};
    LogRegNewtonResult res;
    LrError err;
    int ok = logreg_fit_newton(&with_c, &ds->X, ds->y, &par, NULL, &res, &err) == 0 && res.converged;
    double shift = distance(&with_c, newton);
    logreg_free(&with_c);
    return ok ? shift : NAN;
}

void study_report(const Study *st, const Dataset *ds, const Reference *gd_ref, const Reference *sk_ref,
                  int lesson, double lr) {
    const Answer *best = &st->answers[st->n_answers - 1], *sk = &st->answers[st->n_gd];
    int separated = study_separated(st);
    if (separated) {
        printf("WARNING: the loss has no minimum on these data (Newton's iterations below show\n"
               "why), so every answer below is still on its way to infinity.\n\n");
    }
    if (lesson) print_lesson_comparison(&st->answers[0], sk, gd_ref);
    if (st->gd_diverged) {
        printf("Gradient descent diverged at --lr %g (stderr says why), so its answers from\n"
               "there on are left out. Newton's method needs no learning rate:\n\n",
               lr);
    }
    print_answers(st->answers, st->n_answers, best, separated);
    if (st->n_gd > 0 && !st->gd_diverged) print_stalled(&st->answers[st->n_gd - 1], ds, lr);
    if (lesson) print_gd_check(st->answers, st->n_gd, gd_ref);
    print_newton(st);
    if (lesson) {
        print_against_sklearn(best, sk_ref);
        print_against_long_gd(best, gd_ref, st->answers[st->n_gd - 1].epochs);
        print_conclusion(sk, best, sk_ref, ds->n, penalty_shift(ds, &st->newton));
        return;
    }
    if (!separated && st->sep == DIAG_FINITE && st->res.converged) print_newton_weights(best, ds);
    printf("(Options differ from the lesson's, so there are\n"
           "no stored NumPy or scikit-learn values to compare.)\n\n");
}
