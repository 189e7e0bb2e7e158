/* Chapter 1: the sigmoid.
 *
 * Prints sigma(z) and its slope sigma'(z) for scores from -1000 to 1000,
 * beside the two textbook formulas computed naively, to show where they
 * break; then plots sigma and sigma' over [-8, 8]. Once exercise 01 is
 * written, the table and the plot use your sigmoid and sigmoid_derivative.
 *
 *     make chapter-01 && ./chapter-01
 */
#include <math.h>
#include <stdio.h>

#include "activation.h"
#include "chapter.h"
#include "exercises.h"
#include "yours.h"

static const double Z[] = {-1e308, -1000, -40, -5, -1, 0, 1, 5, 40, 1000, 1e308};
enum { N_Z = sizeof Z / sizeof Z[0] };

// [snippet naive]
/* The formula as written, 1 / (1 + e^-z): e^-z overflows for z < -709. */
static double naive_sigmoid(double z) { return 1.0 / (1.0 + exp(-z)); }

/* The same value written e^z / (1 + e^z): inf / inf = NaN for z > 709. */
static double naive_sigmoid_alt(double z) { return exp(z) / (1.0 + exp(z)); }
// [end naive]

/* sigma and sigma': the library's, or yours from exercise 01. */
typedef struct {
    double (*sigma)(double z);
    double (*slope)(double z);
} Sigmoid;

static const Sigmoid LIB = {act_sigmoid, act_sigmoid_derivative};
static const Sigmoid YOURS = {sigmoid, sigmoid_derivative};

/* 1 when exercise 01 is written: your functions ran without meeting TODO(). */
static int yours_written(void) {
    if (!yours_begin()) return 0;   // --lib
    for (int k = 0; k < N_Z; k++) (void)YOURS.sigma(Z[k]), (void)YOURS.slope(Z[k]);
    return yours_end(1, "uses lib/activation.c");
}

/* sigma(z) beside SciPy's expit (the reference) and the two naive forms;
 * t counts the comparison when the values are yours (else NULL). */
static void print_sigma(const Sigmoid *f, YoursTally *t, const Reference *ref) {
    char cell[32];
    int bad = -1;   // the first z where yours is NaN or infinite
    printf("%-7s %18s %18s %8s %12s %12s\n", "z", t != NULL ? "yours sigma(z)" : "sigma(z)", "SciPy expit(z)", "|diff|",
           "1/(1+e^-z)", "e^z/(1+e^z)");
    for (int k = 0; k < N_Z; k++) {
        double alt = naive_sigmoid_alt(Z[k]), s = f->sigma(Z[k]), expit = ref_value(ref, "sigmoid", (size_t)k);
        if (t != NULL) {
            char label[48];
            snprintf(label, sizeof label, "sigmoid(%g)", Z[k]);
            yours_count(t, label, s, expit);
            if (!isfinite(s) && bad < 0) bad = k;
        }
        char sc[32], dc[16];   // a NaN is spelt NaN, as in the last column (printf may write -nan)
        snprintf(sc, sizeof sc, isnan(s) ? "NaN" : "%.12g", s);
        snprintf(dc, sizeof dc, isnan(s) ? "NaN" : "%.1e", s == expit ? 0.0 : fabs(s - expit));
        printf("%-7g %18s %18.12g %8s %12.6g %12s\n", Z[k], sc, expit, dc, naive_sigmoid(Z[k]),
               isnan(alt) ? "NaN" : (snprintf(cell, sizeof cell, "%.6g", alt), cell));
    }
    if (bad >= 0) {
        double v = f->sigma(Z[bad]);
        printf("\nYour sigma(%g) is %s. The stable form never is: 1/(1 + e^-z) for z >= 0,\n"
               "e^z / (1 + e^z) for z < 0, so e is raised only to a number <= 0, which can\n"
               "underflow to 0 but never overflow.\n",
               Z[bad], isnan(v) ? "NaN" : v > 0 ? "infinite"
                                                : "-infinite");
    } else {
        printf("\n%s is never NaN and never overflows:\n"
               "for z < 0 it uses e^z / (1 + e^z), whose e^z can only underflow to 0.\n",
               t != NULL ? "Your sigma(z), like the library's," : "The library's sigma(z)");
    }
    printf("The naive 1/(1+e^-z) column looks right only because 1/(1 + inf) = 0: it\n"
           "computed e^1000 = inf on the way. The last column shows what the other form\n"
           "does at z = 1000: inf/inf = NaN.\n\n");
}

/* sigma'(z) beside SciPy's expit(z) expit(-z); t as for print_sigma. */
static void print_slope(const Sigmoid *f, YoursTally *t, const Reference *ref) {
    printf("%-16s %17s %25s %8s\n", "", t != NULL ? "yours sigma'(z)" : "sigma'(z)", "SciPy expit(z) expit(-z)",
           "|diff|");
    for (int k = 0; k < N_Z; k++) {
        double slope = f->slope(Z[k]), want = ref_value(ref, "sigmoid_derivative", (size_t)k);
        char label[48];
        snprintf(label, sizeof label, "sigma'(%g)", Z[k]);
        if (t != NULL) yours_count_relative(t, label, slope, want);   // the tail is the point: relative
        char sc[32], dc[16];                                          // NaN spelt NaN, as in the table above
        snprintf(sc, sizeof sc, isnan(slope) ? "NaN" : "%.12g", slope);
        snprintf(dc, sizeof dc, isnan(slope) ? "NaN" : "%.1e", slope == want ? 0.0 : fabs(slope - want));
        printf("%-16s %17s %25.12g %8s\n", label, sc, want, dc);
    }
    printf("\nThe slope is largest at z = 0, where sigma'(0) = sigma(0)(1 - sigma(0)) = 0.25.\n\n");
}

static void plot_sigmoid(const Plotter *pl, const Sigmoid *f, int yours) {
    Plot p;
    plot_begin(&p, "chapter-01-sigmoid");
    plot_data_begin(&p, "curve");
    for (int k = 0; k <= 400; k++) {
        double z = -8.0 + 16.0 * k / 400.0;
        plot_data_row(&p, 3, (double[]){z, f->sigma(z), f->slope(z)});
    }
    plot_data_end(&p);
    plot_title(&p, "%sThe sigmoid σ(z) = 1/(1 + e^{-z}) and its slope", yours ? "Yours: " : "");
    plot_cmd(&p, "set xlabel 'score z = w·x + b'");
    plot_cmd(&p, "set ylabel 'value'");
    plot_cmd(&p, "set yrange [-0.05:1.05]");
    plot_cmd(&p, "set key left top");
    plot_cmd(&p, "set arrow from graph 0, first 0.5 to graph 1, first 0.5 nohead dt 2 lc rgb '#888888'");
    plot_cmd(&p, "set arrow from 0, graph 0 to 0, graph 1 nohead dt 2 lc rgb '#888888'");
    plot_cmd(&p, "plot $curve using 1:2 with lines lt 1 title 'σ(z)', "
                 "$curve using 1:3 with lines lt 2 title \"σ'(z) = σ(z)(1 - σ(z))\"");
    chapter_show(pl, &p);
}

int main(int argc, char **argv) {
    chapter_parse(argc, argv, "Chapter 1: the sigmoid turns a score into a probability.", NULL, 0);
    Plotter pl;
    chapter_plotter(&pl);
    Reference ref;
    chapter_load_reference(&ref, "sigmoid.txt");
    printf("Chapter 1: the sigmoid turns any score z into a probability in [0, 1]\n\n");
    int yours = yours_written();
    YoursTally t;
    yours_tally_init(&t, 1, "SciPy");
    print_sigma(yours ? &YOURS : &LIB, yours ? &t : NULL, &ref);
    print_slope(yours ? &YOURS : &LIB, yours ? &t : NULL, &ref);
    int status = yours ? yours_verdict(&t, "sigma and sigma' at all 11 scores, -1e308 to 1e308") : 0;
    plot_sigmoid(&pl, yours ? &YOURS : &LIB, yours);
    ref_free(&ref);
    return status;
}
