/* datagen: scikit-learn's toy data generators, draw for draw.
 *
 * Each function makes the same data set as the scikit-learn 1.2 function of
 * the same name called with random_state=seed (an int): the same labels, and
 * the same features up to the last bit or so (see docs/appendix-random.md for
 * where a last bit can differ). They draw from lib/rng, NumPy's legacy
 * RandomState, in exactly scikit-learn's order.
 *
 *     Dataset ds;
 *     LrError err;
 *     ClassificationParams p = datagen_classification_defaults();
 *     p.n_samples = 300; p.n_features = 2; p.n_redundant = 0;
 *     p.n_clusters_per_class = 1; p.seed = 42;
 *     if (datagen_make_classification(&ds, &p, &err) != 0) ... err.msg ...
 *     // ds.X row 0 is (0.7332455407693867, -1.4310068415991943), ds.y[0] is 0
 *     dataset_free(&ds);
 *
 * is Python's
 *
 *     make_classification(n_samples=300, n_features=2, n_redundant=0,
 *                         n_clusters_per_class=1, random_state=42)
 *
 * Every generator fills ds (n rows, d features, labels 0, 1, ...; column names
 * "x1" .. "xd", "y") and returns 0, or returns -1 with a one-line message in
 * err and ds empty. The caller frees ds with dataset_free. Seeds are integers
 * 0 <= seed < 2^32, as in NumPy; anything else is refused.
 */
#ifndef LR_DATAGEN_H
#define LR_DATAGEN_H

#include <stdbool.h>
#include <stddef.h>

#include "dataset.h"
#include "util.h"

/* make_classification's parameters; [the default] as in scikit-learn.
 * The columns of X, before shuffling, are: informative, redundant, repeated,
 * then useless noise. */
typedef struct {
    size_t n_samples;              // rows [100]
    size_t n_features;             // columns, all kinds together [20]
    size_t n_informative;          // columns that carry the classes [2]
    size_t n_redundant;            // random linear combinations of the informative ones [2]
    size_t n_repeated;             // copies of random informative or redundant columns [0]
    size_t n_classes;              // labels 0 .. n_classes-1 [2]
    size_t n_clusters_per_class;   // Gaussian clusters per class [2]
    const double *weights;         // (n_classes) share of samples in each class, or NULL: equal [NULL]
    double flip_y;                 // share of labels replaced by random ones, 0..1 [0.01]
    double class_sep;              // half the side of the hypercube the clusters sit on [1.0]
    bool hypercube;                // clusters on the cube's vertices (false: at random points) [true]
    double shift;                  // added to every feature (unless shift_random) [0.0]
    bool shift_random;             // scikit-learn's shift=None: shift_j = (2u - 1) class_sep [false]
    double scale;                  // every feature multiplied by it (unless scale_random) [1.0]
    bool scale_random;             // scikit-learn's scale=None: scale_j = 1 + 100u [false]
    bool shuffle;                  // shuffle the rows, then the columns [true]
    long long seed;                // random_state, 0 <= seed < 2^32 [0; scikit-learn's default is None]
} ClassificationParams;

/* scikit-learn's defaults (see the struct), with seed 0. */
ClassificationParams datagen_classification_defaults(void);

/* sklearn.datasets.make_classification: each class is n_clusters_per_class
 * Gaussian clusters around vertices of a hypercube of side 2 class_sep in
 * the informative columns, with a random covariance per cluster. */
int datagen_make_classification(Dataset *ds, const ClassificationParams *p, LrError *err);

/* sklearn.datasets.make_moons: two interleaving half circles in 2-D, n_samples/2
 * points on the outer one (label 0), the rest on the inner one (label 1),
 * plus Gaussian noise of standard deviation noise (noise 0 is scikit-learn's
 * noise=None: the same numbers). */
int datagen_make_moons(Dataset *ds, size_t n_samples, double noise, bool shuffle, long long seed,
                       LrError *err);

/* sklearn.datasets.make_blobs with centers=n_centers: n_centers centers drawn
 * uniformly in the box [box_lo, box_hi)^n_features (center_box), and around
 * each center a round Gaussian cluster of standard deviation cluster_std;
 * label = the center's index. */
int datagen_make_blobs(Dataset *ds, size_t n_samples, size_t n_centers, size_t n_features,
                       double cluster_std, double box_lo, double box_hi, bool shuffle,
                       long long seed, LrError *err);

#endif
