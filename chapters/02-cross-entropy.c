/* Chapter 2: binary cross-entropy, the loss of logistic regression.
 *
 * Prints the loss for a few (label, probability) pairs, including the
 * impossible-to-be-more-wrong p = 0 and p = 1, and plots -log p and
 * -log(1 - p). Once exercise 02 is written, the table and the plot use
 * your bce_one and bce_mean.
 *
 *     make chapter-02 && ./chapter-02
 */
#include <math.h>
#include <stdio.h>

#include "chapter.h"
#include "exercises.h"
#include "loss.h"
#include "yours.h"

typedef struct {
    double y;   // true label, 0 or 1
    double p;   // predicted probability that y = 1
} Pair;

static const Pair PAIRS[] = {
    {1, 0.99},
    {1, 0.9},
    {1, 0.5},
    {1, 0.1},
    {1, 0.0},
    {0, 0.01},
    {0, 0.5},
    {0, 0.9},
    {0, 1.0},
};
enum { N_PAIRS = sizeof PAIRS / sizeof PAIRS[0] };

/* The loss of one pair and the mean: the library's, or yours from exercise 02. */
typedef struct {
    double (*one)(double y, double p);
    double (*mean)(const double *y, const double *p, size_t n);
} Bce;

static const Bce LIB = {loss_bce_one, loss_bce};
static const Bce YOURS = {bce_one, bce_mean};

/* 1 when exercise 02 is written: your functions ran without meeting TODO(). */
static int yours_written(void) {
    if (!yours_begin()) return 0;   // --lib
    const double y[2] = {1, 0}, p[2] = {0.3, 0.6};
    (void)YOURS.one(1, 0.3);
    (void)YOURS.mean(y, p, 2);
    return yours_end(2, "uses lib/loss.c");
}

/* The loss beside the lesson's NumPy binary_cross_entropy, and unclipped; t
 * counts the comparison when the loss is yours (else NULL). Returns the mean. */
static double print_table(const Bce *f, YoursTally *t, const Reference *ref) {
    printf("%-12s %18s %18s %9s %18s\n", "L(y,p)", t != NULL ? "clipped (yours)" : "clipped (ours)", "NumPy reference",
           "|diff|", "-log, unclipped");
    double y[N_PAIRS], p[N_PAIRS];
    for (int k = 0; k < N_PAIRS; k++) {
        y[k] = PAIRS[k].y;
        p[k] = PAIRS[k].p;
        char label[32];
        snprintf(label, sizeof label, "L(%g,%g)", y[k], p[k]);
        double raw = -(y[k] * log(p[k]) + (1 - y[k]) * log(1 - p[k]));
        double loss = f->one(y[k], p[k]), want = ref_value(ref, "bce", (size_t)k);
        if (t != NULL) yours_count(t, label, loss, want);
        printf("%-12s %18.12f %18.12f %9.1e %18.12g\n", label, loss, want, fabs(loss - want), raw);
    }
    double mean = f->mean(y, p, N_PAIRS), want = ref_value(ref, "mean", 0);
    if (t != NULL) yours_count(t, "mean", mean, want);
    printf("%-12s %18.12f %18.12f %9.1e\n\n", "mean", mean, want, fabs(mean - want));
    printf("A confident right answer costs almost nothing; a confident wrong one, a lot.\n"
           "At p = 0 with y = 1 the true loss is -log 0 = infinity (0 * log 0 is NaN in C):\n"
           "clipping p to [1e-15, 1 - 1e-15] caps it at -log(1e-15) = %.4f, so one bad\n"
           "prediction cannot turn the mean loss, or the gradient, into inf or NaN.\n\n",
           -log(LOSS_EPS));
    return mean;
}

static void plot_losses(const Plotter *pl, const Bce *f, int yours) {
    Plot p;
    plot_begin(&p, "chapter-02-loss");
    plot_data_begin(&p, "loss");
    for (int k = 1; k < 400; k++) {
        double prob = k / 400.0;
        plot_data_row(&p, 3, (double[]){prob, f->one(1, prob), f->one(0, prob)});
    }
    plot_data_end(&p);
    plot_title(&p, "%sBinary cross-entropy: the cost of predicting p", yours ? "Yours: " : "");
    plot_cmd(&p, "set xlabel 'predicted probability p that y = 1'");
    plot_cmd(&p, "set ylabel 'loss'");
    plot_cmd(&p, "set yrange [0:6]");
    plot_cmd(&p, "set key center top");
    plot_cmd(&p, "plot $loss using 1:2 with lines lt 1 title 'y = 1:  -log p', "
                 "$loss using 1:3 with lines lt 2 title 'y = 0:  -log(1 - p)'");
    chapter_show(pl, &p);
}

int main(int argc, char **argv) {
    chapter_parse(argc, argv, "Chapter 2: binary cross-entropy, and why p is clipped.", NULL, 0);
    Plotter pl;
    chapter_plotter(&pl);
    Reference ref;
    chapter_load_reference(&ref, "bce.txt");
    printf("Chapter 2: binary cross-entropy L(y, p) = -(y log p + (1 - y) log(1 - p))\n\n");
    int yours = yours_written();
    YoursTally t;
    yours_tally_init(&t, 2, "NumPy");
    double mean = print_table(yours ? &YOURS : &LIB, yours ? &t : NULL, &ref);
    char summary[96];
    snprintf(summary, sizeof summary, "the loss of all %d pairs, mean %.6f", N_PAIRS, mean);
    int status = yours ? yours_verdict(&t, summary) : 0;
    plot_losses(&pl, yours ? &YOURS : &LIB, yours);
    ref_free(&ref);
    return status;
}
