/* Chapter 2: binary cross-entropy, the loss of logistic regression.
 *
 * Prints the loss for a few (label, probability) pairs, including the
 * impossible-to-be-more-wrong p = 0 and p = 1, and plots -log p and
 * -log(1 - p).
 *
 *     make chapter-02 && ./chapter-02
 */
#include <math.h>
#include <stdio.h>

#include "chapter.h"
#include "loss.h"

typedef struct {
    double y;  // true label, 0 or 1
    double p;  // predicted probability that y = 1
} Pair;

static const Pair PAIRS[] = {
    {1, 0.99}, {1, 0.9}, {1, 0.5}, {1, 0.1}, {1, 0.0},
    {0, 0.01}, {0, 0.5}, {0, 0.9}, {0, 1.0},
};
enum { N_PAIRS = sizeof PAIRS / sizeof PAIRS[0] };

/* Ours beside the lesson's NumPy binary_cross_entropy, and unclipped. */
static void print_table(const Reference *ref) {
    printf("%-12s %18s %18s %18s\n", "L(y,p)", "clipped (ours)", "NumPy reference", "-log, unclipped");
    double y[N_PAIRS], p[N_PAIRS];
    for (int k = 0; k < N_PAIRS; k++) {
        y[k] = PAIRS[k].y;
        p[k] = PAIRS[k].p;
        char label[32];
        snprintf(label, sizeof label, "L(%g,%g)", y[k], p[k]);
        double raw = -(y[k] * log(p[k]) + (1 - y[k]) * log(1 - p[k]));
        printf("%-12s %18.12f %18.12f %18.12g\n", label, loss_bce_one(y[k], p[k]), ref_value(ref, "bce", (size_t)k),
               raw);
    }
    printf("%-12s %18.12f %18.12f\n\n", "mean", loss_bce(y, p, N_PAIRS), ref_value(ref, "mean", 0));
    printf("A confident right answer costs almost nothing; a confident wrong one costs a lot.\n"
           "At p = 0 with y = 1 the true loss is -log 0 = infinity (and 0 * log 0 is NaN in C):\n"
           "clipping p to [1e-15, 1 - 1e-15] caps it at -log(1e-15) = %.4f, so one bad\n"
           "prediction cannot turn the mean loss, or the gradient, into inf or NaN.\n\n",
           -log(LOSS_EPS));
}

static void plot_losses(const Plotter *pl) {
    Plot p;
    plot_begin(&p, "chapter-02-loss");
    plot_data_begin(&p, "loss");
    for (int k = 1; k < 400; k++) {
        double prob = k / 400.0;
        plot_data_row(&p, 3, (double[]){prob, loss_bce_one(1, prob), loss_bce_one(0, prob)});
    }
    plot_data_end(&p);
    plot_cmd(&p, "set title 'Binary cross-entropy: the cost of predicting p'");
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
    print_table(&ref);
    plot_losses(&pl);
    ref_free(&ref);
    return 0;
}
