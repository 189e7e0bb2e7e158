#include "course.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "datagen.h"
#include "split.h"
#include "stepsize.h"

CourseData course_defaults(CourseSet set) {
    return (CourseData){.set = set, .data = "", .save_data = "", .seed = 42, .samples = 300, .noise = 0.2, .classes = set == COURSE_CLASSIFICATION3 ? 3 : 2};
}

size_t course_options(CourseData *cd, ChapterOption *opts) {
    size_t n = 0;
    opts[n++] = (ChapterOption){"--seed", "N", "random_state of the generated data set (default 42)",
                                OPT_COUNT, &cd->seed, 0, 4294967295.0, 0};
    opts[n++] = (ChapterOption){"--samples", "N", "number of samples to generate (default 300)",
                                OPT_COUNT, &cd->samples, 10, 1e6, 0};
    if (cd->set == COURSE_CLASSIFICATION3) {
        opts[n++] = (ChapterOption){"--classes", "K", "number of classes, labels 0..K-1 (default 3, or the largest label + 1 of --data; at most 4 when generated)",
                                    OPT_COUNT, &cd->classes, 2, COURSE_MAX_CLASSES, 0};
    }
    if (cd->set == COURSE_MOONS) {
        opts[n++] = (ChapterOption){"--noise", "SD", "noise of the moons (default 0.2)",
                                    OPT_REAL, &cd->noise, 0, 10, 0};
    }
    opts[n++] = (ChapterOption){"--data", "FILE.csv", "read this CSV file instead (header row, label last; a named pipe waits for a writer)",
                                OPT_TEXT, &cd->data, 0, 0, 0};
    opts[n++] = (ChapterOption){"--save-data", "FILE.csv", "also write the data set used to this CSV file",
                                OPT_TEXT, &cd->save_data, 0, 0, 0};
    opts[n++] = (ChapterOption){"--standardize", "", "train on (x - mean) / standard deviation of each feature",
                                OPT_FLAG, &cd->standardize, 0, 0, 0};
    cd->opts = opts;
    cd->n_opts = n;
    return n;
}

CourseGd course_gd(double lr, size_t epochs) {
    return (CourseGd){.lr = lr, .epochs = epochs, .lesson_lr = lr, .lesson_epochs = epochs, .min_epochs = 1, .epochs_what = "number of gradient steps"};
}

size_t course_gd_options(CourseGd *gd, ChapterOption *opts) {
    snprintf(gd->help[0], sizeof gd->help[0], "learning rate (default %g)", gd->lesson_lr);
    snprintf(gd->help[1], sizeof gd->help[1], "%s (default %zu)", gd->epochs_what, gd->lesson_epochs);
    opts[0] = (ChapterOption){"--lr", "RATE", gd->help[0], OPT_REAL, &gd->lr, COURSE_LR_MIN, COURSE_LR_MAX, 0};
    opts[1] = (ChapterOption){"--epochs", "N", gd->help[1], OPT_COUNT, &gd->epochs, (double)gd->min_epochs,
                              COURSE_EPOCHS_MAX, 0};
    return COURSE_GD_OPTIONS;
}

int course_gd_is_lesson(const CourseGd *gd) {
    return gd->lr == gd->lesson_lr && gd->epochs == gd->lesson_epochs;
}

size_t course_gd_within(const CourseGd *gd, size_t n, size_t d, double work) {
    double per_epoch = (double)n * (double)(d + 1);
    if ((double)gd->epochs * per_epoch <= work) return gd->epochs;
    double fit = floor(work / per_epoch);
    return fit > (double)gd->min_epochs ? (size_t)fit : gd->min_epochs;
}

void course_run(CourseRun *run, Plotter *pl, Dataset *ds, int argc, char **argv, const char *about,
                ChapterOption *extra, size_t n_extra) {
    size_t n = course_options(&run->data, run->opts), first_extra = n;
    for (size_t k = 0; k < n_extra && k < COURSE_MAX_EXTRA; k++) run->opts[n++] = extra[k];
    if (run->gd.epochs > 0) n += course_gd_options(&run->gd, &run->opts[n]);
    chapter_parse(argc, argv, about, run->opts, n);
    for (size_t k = 0; k < n_extra && k < COURSE_MAX_EXTRA; k++) extra[k].given = run->opts[first_extra + k].given;
    run->lesson = course_is_lesson(&run->data) && (run->gd.epochs == 0 || course_gd_is_lesson(&run->gd));
    course_start(&run->data, pl, ds);
}

int course_classes(const CourseData *cd) {
    return (int)cd->classes;
}

const char *course_describe(const CourseData *cd, char *buf, size_t size) {
    char classes[32] = "";
    if (cd->classes != 2) snprintf(classes, sizeof classes, "n_classes=%zu, ", cd->classes);
    const char *scaled = cd->standardize ? ", standardised" : "";   // on a file or on the generated set alike
    if (cd->data[0] != '\0') {
        snprintf(buf, size, "%s%s", cd->data, scaled);
    } else if (cd->set == COURSE_MOONS) {
        snprintf(buf, size, "make_moons(n_samples=%zu, noise=%g, random_state=%zu)%s", cd->samples, cd->noise,
                 cd->seed, scaled);
    } else {
        snprintf(buf, size, "make_classification(n_samples=%zu, n_features=2, n_redundant=0, n_informative=2, "
                            "%srandom_state=%zu, n_clusters_per_class=1)%s",
                 cd->samples, classes, cd->seed, scaled);
    }
    return buf;
}

// [snippet generate]
static int generate(const CourseData *cd, Dataset *ds, LrError *err) {
    if (cd->set == COURSE_MOONS) {
        return datagen_make_moons(ds, cd->samples, cd->noise, true, (long long)cd->seed, err);
    }
    if (cd->classes > COURSE_MAX_GENERATED_CLASSES) {
        return lr_fail(err, "--classes %zu: the lesson's data set has 2 informative features, so room for at "
                            "most %d classes (one per corner of a square); use --data FILE.csv for more",
                       cd->classes, COURSE_MAX_GENERATED_CLASSES);
    }
    ClassificationParams p = datagen_classification_defaults();
    p.n_samples = cd->samples;
    p.n_features = 2;
    p.n_informative = 2;
    p.n_redundant = 0;
    p.n_clusters_per_class = 1;
    p.n_classes = cd->classes;
    p.seed = (long long)cd->seed;
    return datagen_make_classification(ds, &p, err);
}
// [end generate]

/* 1 when the option called name was on the command line. */
static int given(const CourseData *cd, const char *name) {
    for (size_t k = 0; k < cd->n_opts; k++) {
        if (cd->opts[k].given && strcmp(cd->opts[k].name, name) == 0) return 1;
    }
    return 0;
}

/* A chapter of K classes reading --data without --classes: K is the
 * largest label + 1 (labels that are no class are left to the label check),
 * or exits 2 when that is more than it can handle. */
static void classes_from_data(CourseData *cd, Dataset *ds) {
    if (cd->set != COURSE_CLASSIFICATION3 || given(cd, "--classes")) return;
    double top = 0;
    size_t first_over = ds->n;   // the first sample whose label is past the classes the chapter handles
    for (size_t i = 0; i < ds->n; i++) {
        if (!(ds->y[i] >= 0 && ds->y[i] == floor(ds->y[i]))) return;
        top = fmax(top, ds->y[i]);
        if (first_over == ds->n && ds->y[i] >= COURSE_MAX_CLASSES) first_over = i;
    }
    if (first_over < ds->n) {
        char shown[LR_SHOWN_SIZE], place[LR_SHOWN_SIZE + 32];
        lr_shown(cd->data, shown, sizeof shown);
        if (ds->line != NULL) snprintf(place, sizeof place, "%s:%zu", shown, ds->line[first_over]);
        else snprintf(place, sizeof place, "%s: sample %zu", shown, first_over + 1);
        double label = ds->y[first_over];
        dataset_free(ds);
        chapter_fail("%s: label %.0f; this chapter handles at most %d classes, labels 0..%d (the file's labels run "
                     "0..%.0f: %.0f classes)",
                     place, label, COURSE_MAX_CLASSES, COURSE_MAX_CLASSES - 1, top, top + 1);
    }
    if (top >= 1) cd->classes = (size_t)top + 1;
}

/* Reads or makes the data set into ds, or exits 2; every label must occur
 * (all_labels = 1) or only be in range. */
static void read_or_make(CourseData *cd, Dataset *ds, int all_labels) {
    LrError err;
    if (cd->data[0] == '\0') {
        if (generate(cd, ds, &err) != 0) chapter_fail("%s", err.msg);
    } else if (all_labels) {
        if (dataset_read_csv(ds, cd->data, &err) != 0) {
            dataset_free(ds);
            chapter_fail("%s", err.msg);
        }
        classes_from_data(cd, ds);
        if (dataset_check_labels(ds, course_classes(cd), cd->data, &err) != 0) {
            dataset_free(ds);
            chapter_fail("%s", err.msg);
        }
    } else if (dataset_read_csv(ds, cd->data, &err) != 0 ||
               dataset_check_label_range(ds, course_classes(cd), cd->data, &err) != 0) {
        dataset_free(ds);
        chapter_fail("%s", err.msg);
    }
}

/* 1 when every value of column j of X is the same. */
static int constant_column(const Matrix *X, size_t j) {
    for (size_t i = 1; i < X->rows; i++) {
        if (*mat_at(X, i, j) != *mat_at(X, 0, j)) return 0;
    }
    return 1;
}

/* --standardize: ds's features standardised with their own means and
 * deviations, kept in cd->scaler for a held-out set; says so on stdout,
 * naming each constant column (its deviation is 0: like StandardScaler, it
 * is divided by 1, only centred, so it becomes 0 and adds nothing). */
static void standardise(CourseData *cd, Dataset *ds) {
    feature_scaler_fit(&cd->scaler, &ds->X);
    feature_scaler_apply(&cd->scaler, &ds->X);
    if (cd->quiet) return;
    printf("--standardize: every feature is (x - mean) / standard deviation, with the\n"
           "mean and deviation (dividing by n) of the training data, so the weights\n"
           "below are per standard deviation of their feature.\n");
    for (size_t j = 0; j < ds->d; j++) {
        if (constant_column(&ds->X, j)) {
            printf("Column %zu (%s) is constant: it is only centred, to 0, and adds nothing.\n", j + 1,
                   ds->names != NULL ? ds->names[j] : "unnamed");
        }
    }
    printf("\n");
}

/* --data replaces the generated data set, so the options that shape that
 * set would be ignored (or, in chapter 10, shape only the held-out set):
 * refuse them, exit 2. */
static void refuse_generator_options(const CourseData *cd) {
    if (cd->data[0] == '\0') return;
    for (size_t k = 0; k < cd->n_opts; k++) {
        const char *name = cd->opts[k].name;
        int shapes = strcmp(name, "--seed") == 0 || strcmp(name, "--samples") == 0 || strcmp(name, "--noise") == 0;
        if (shapes && cd->opts[k].given) {
            chapter_fail("--data and %s: %s changes the generated data set, and --data reads yours instead; "
                         "leave out one of them",
                         name, name);
        }
    }
}

/* cd->split: the held-out part of --data moved into split->into, when no
 * --test was given. The file has every label, so at least 2 rows, and
 * ceil(fraction n) < n for fraction < 1/2: both parts have a row. */
static void hold_out(CourseData *cd, Dataset *ds) {
    CourseSplit *sp = cd->split;
    if (sp == NULL || cd->data[0] == '\0' || (*sp->test)[0] != '\0') return;
    split_rows(ds, sp->into, sp->fraction, (uint32_t)*sp->seed);
    sp->done = 1;
}

void course_load(CourseData *cd, Dataset *ds) {
    refuse_generator_options(cd);
    read_or_make(cd, ds, 1);
    if (cd->features > 0) course_need_features(cd, ds, cd->features, cd->features_why);   // before any note
    LrError err;
    if (cd->save_data[0] != '\0' && dataset_write_csv(ds, cd->save_data, &err) != 0) {
        dataset_free(ds);
        chapter_fail("%s", err.msg);
    }
    hold_out(cd, ds);
    if (cd->standardize) {
        standardise(cd, ds);   // the training part's means and deviations, applied to the held-out part
        if (cd->split != NULL && cd->split->done) feature_scaler_apply(&cd->scaler, &cd->split->into->X);
    } else if (cd->data[0] != '\0' && !cd->quiet) {
        chapter_check_scale(ds, cd->data);
    }
    chapter_note_safe_lr(stepsize_max_lr(&ds->X, 0.0, STEPSIZE_MESSAGE_TOL));
}

void course_load_held_out(const CourseData *train, CourseData *cd, Dataset *ds) {
    read_or_make(cd, ds, 0);
    cd->standardize = train->standardize;   // so that course_describe says so
    if (train->standardize && ds->d == train->scaler.d) feature_scaler_apply(&train->scaler, &ds->X);
}

void course_free(CourseData *cd) {
    if (cd->scaler.mean != NULL) feature_scaler_free(&cd->scaler);
}

void course_start(CourseData *cd, Plotter *pl, Dataset *ds) {
    chapter_plotter(pl);
    course_load(cd, ds);
}

void course_need_features(CourseData *cd, Dataset *ds, size_t d, const char *why) {
    if (ds->d == d) return;
    char about[256];
    size_t had = ds->d;
    dataset_free(ds);
    course_free(cd);
    const char *what = cd->data[0] != '\0' ? cd->data : course_describe(cd, about, sizeof about);
    chapter_fail("%s has %zu feature%s; %s, so it needs %zu", what, had,
                 had == 1 ? "" : "s", why, d);
}

int course_is_lesson(const CourseData *cd) {
    for (size_t k = 0; k < cd->n_opts; k++) {
        const char *name = cd->opts[k].name;
        if (cd->opts[k].given && strcmp(name, "--save-data") != 0) return 0;
    }
    return cd->classes == course_defaults(cd->set).classes;
}
