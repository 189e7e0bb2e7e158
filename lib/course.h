/* course: the lesson's data sets, made in-process by lib/datagen exactly as
 * scikit-learn makes them, or read from a CSV file; and the command-line
 * options that change them (--seed, --samples, --classes, --noise, --data,
 * --save-data, --standardize); and the options of gradient descent beside them (--lr,
 * --epochs), the same in every chapter that trains that way.
 *
 *     CourseData cd = course_defaults(COURSE_CLASSIFICATION);
 *     CourseGd gd = course_gd(0.1, 500);           // the lesson's lr and epochs
 *     ChapterOption opts[COURSE_MAX_OPTIONS + COURSE_GD_OPTIONS + 2];
 *     size_t n = course_options(&cd, opts);        // then append your own
 *     n += course_gd_options(&gd, &opts[n]);
 *     chapter_parse(argc, argv, "...", opts, n);
 *     Dataset ds;
 *     course_load(&cd, &ds);                       // exits 2 on a bad file
 *     if (course_is_lesson(&cd) && course_gd_is_lesson(&gd)) ... compare with data/reference ...
 *
 * Like lib/chapter, course_load talks to the user: on a bad file or bad
 * generator parameters it prints one line on stderr and exits 2.
 */
#ifndef LR_COURSE_H
#define LR_COURSE_H

#include <stddef.h>

#include "chapter.h"
#include "dataset.h"
#include "feature.h"

typedef enum {
    COURSE_CLASSIFICATION,    // make_classification(n_samples=300, n_features=2, n_redundant=0,
                              //   n_informative=2, random_state=42, n_clusters_per_class=1)
    COURSE_CLASSIFICATION3,   // the same with n_classes=3
    COURSE_MOONS,             // make_moons(n_samples=300, noise=0.2, random_state=42)
} CourseSet;

/* The most options course_options adds. */
#define COURSE_MAX_OPTIONS 6

/* The most classes --classes accepts, and the most a generated data set can
 * have (2 informative features give 4 cluster centres, the square's corners). */
#define COURSE_MAX_CLASSES 6
#define COURSE_MAX_GENERATED_CLASSES 4

/* A part of --data held out for testing, when the chapter has no other
 * held-out set (chapter 10 without --test): set by the chapter before
 * course_load, which moves the rows into `into` before it standardises. */
typedef struct {
    double fraction;           // the part held out: ceil(fraction n) rows
    const char *const *test;   // the chapter's --test FILE.csv: no split when given
    const size_t *seed;        // random_state of the split (train_test_split's)
    Dataset *into;             // where the held-out rows go
    int done;                  // set by course_load: 1 when it split the file
} CourseSplit;

typedef struct {
    CourseSet set;              // which of the lesson's data sets
    const char *data;           // --data FILE.csv: read this instead of generating ("" : generate)
    const char *save_data;      // --save-data FILE.csv: also write the data set used ("" : don't)
    size_t seed;                // --seed: random_state [42]
    size_t samples;             // --samples: n_samples [300]
    double noise;               // --noise: moons only [0.2]
    size_t classes;             // number of classes: labels 0 .. classes-1 [2; 3 for COURSE_CLASSIFICATION3]
    int standardize;            // --standardize: every feature as (x - mean) / standard deviation [0]
    Scaler scaler;              // with --standardize, after course_load: the training data's means and deviations
    CourseSplit *split;         // with --data: hold out a part of it (see CourseSplit) [NULL]
    size_t features;            // the number of features the chapter needs, checked before any note [0: any]
    const char *features_why;   // why, for the message: "this chapter draws the plane"
    int quiet;                  // 1: course_load prints no note or warning (chapter 12's processes after the first) [0]
    ChapterOption *opts;        // set by course_options: where its options are, to see which were given
    size_t n_opts;
} CourseData;

/* The lesson's settings for a data set. */
CourseData course_defaults(CourseSet set);

/* Writes the data options into opts (room for COURSE_MAX_OPTIONS) and returns
 * how many it wrote; their values go into cd. */
size_t course_options(CourseData *cd, ChapterOption *opts);

/* ---- gradient descent ----------------------------------------------------- */

/* How many options course_gd_options adds, and their ranges. */
#define COURSE_GD_OPTIONS 2
#define COURSE_LR_MIN 1e-12
#define COURSE_LR_MAX 1e6
#define COURSE_EPOCHS_MAX 1e7

typedef struct {
    double lr;          // --lr: the learning rate
    size_t epochs;      // --epochs: full-batch gradient steps
    double lesson_lr;   // the lesson's values, the defaults
    size_t lesson_epochs;
    size_t min_epochs;         // the smallest --epochs accepted [1]
    const char *epochs_what;   // what --epochs counts, for --help ["number of gradient steps"]
    char help[2][96];          // the --help lines of --lr and --epochs
} CourseGd;

/* The lesson's learning rate and number of epochs, which are the defaults. */
CourseGd course_gd(double lr, size_t epochs);

/* Writes --lr and --epochs into opts (room for COURSE_GD_OPTIONS) and
 * returns how many it wrote; their values go into gd. */
size_t course_gd_options(CourseGd *gd, ChapterOption *opts);

/* 1 when lr and epochs are the lesson's. */
int course_gd_is_lesson(const CourseGd *gd);

/* The epochs of gd cut to about `work` multiply-adds on n samples of d
 * features (epochs x n x (d + 1)), never below gd->min_epochs: gd->epochs
 * when they fit. Chapter 6's long run without --epochs. */
size_t course_gd_within(const CourseGd *gd, size_t n, size_t d, double work);

/* ---- a chapter's run: its options, then its data -------------------------- */

/* The most options a chapter adds of its own to course_run. */
#define COURSE_MAX_EXTRA 4

/* What a chapter on a course data set runs with. Set data (course_defaults)
 * and gd (course_gd; all zero for a chapter without --lr and --epochs),
 * then call course_run. The run must not move afterwards: the parsed
 * options point into it. */
typedef struct {
    CourseData data;   // the data set's options
    CourseGd gd;       // --lr and --epochs, when gd.epochs > 0
    int lesson;        // 1 when data, lr and epochs are the lesson's: compare with the references
    ChapterOption opts[COURSE_MAX_OPTIONS + COURSE_MAX_EXTRA + COURSE_GD_OPTIONS];
} CourseRun;

/* The start of a chapter's main: parses the command line (the data options,
 * then the chapter's own extra options, at most COURSE_MAX_EXTRA, then --lr
 * and --epochs), sets run->lesson and each extra option's given flag, and
 * then course_start: plotting, and the data set into ds. about is the first
 * line of --help. Exits 0 after --help, 2 on a problem. */
void course_run(CourseRun *run, Plotter *pl, Dataset *ds, int argc, char **argv, const char *about,
                ChapterOption *extra, size_t n_extra);

/* ---- the data set ----------------------------------------------------------- */

/* Number of classes of the data set (cd->classes). */
int course_classes(const CourseData *cd);

/* Makes (or reads) the data set into ds, checks its labels, writes it to
 * --save-data when asked (as read, before any scaling), and with
 * --standardize standardises its features as scikit-learn's StandardScaler
 * does (the mean and the deviation dividing by n, of these data; a constant
 * column is only centred, to 0) and says so on stdout; without it, warns
 * when a column of a file is too large for the chapter's --lr. Notes the
 * largest safe learning rate of the features as trained on. Prints one line
 * on stderr and exits 2 on a problem. The caller frees ds with dataset_free
 * and cd with course_free. */
void course_load(CourseData *cd, Dataset *ds);

/* Loads a held-out set (cd: --test FILE.csv, or generated) into ds like
 * course_load, without noting its safe learning rate; its labels must be in
 * range, but need not all occur. When train was loaded with --standardize
 * and ds has as many features, they get train's means and deviations. */
void course_load_held_out(const CourseData *train, CourseData *cd, Dataset *ds);

/* Frees what course_load kept (the scaler of --standardize). */
void course_free(CourseData *cd);

/* The start of every chapter that works on a course data set, after its
 * options: plotting set up from LR_PLOT (chapter_plotter), then the data
 * set loaded (course_load). Exits 2 on a problem. */
void course_start(CourseData *cd, Plotter *pl, Dataset *ds);

/* Exits 2 with "DATA has N features; WHY, so it needs d" (after freeing ds
 * and cd) unless the data set has d features. */
void course_need_features(CourseData *cd, Dataset *ds, size_t d, const char *why);

/* 1 when the data set is exactly the lesson's (generated, default seed,
 * samples and noise), so that stored reference values apply. */
int course_is_lesson(const CourseData *cd);

/* Writes a description of the data set used into buf, e.g.
 * "make_classification(..., random_state=42)" or "my.csv", followed by
 * ", standardised" with --standardize. Returns buf. */
const char *course_describe(const CourseData *cd, char *buf, size_t size);

#endif
