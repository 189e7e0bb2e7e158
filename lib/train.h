/* train: what every gradient descent does the same way each epoch, written
 * once for binary (lib/logreg) and softmax (lib/multiclass) training: record
 * the loss, and watch it to stop a run that has gone wrong.
 *
 *     TrainLog log = train_begin(losses, epochs);     // losses: (epochs) or NULL
 *     for (size_t e = 0; e < epochs; e++) {
 *         if (!train_record(&log, loss_now, weights_finite)) break;
 *         ... one gradient step ...
 *     }
 *     TrainResult fit = train_end(&log, weights_finite);
 *
 * The loss comes in as a number, so a loop that computes the loss and the
 * gradient in one pass over the data uses the same bookkeeping.
 */
#ifndef LR_TRAIN_H
#define LR_TRAIN_H

#include <stddef.h>

/* Gradient descent gives up when the loss has stayed above its starting
 * value for this many epochs in a row. On a convex loss a step that is
 * small enough never raises it; staying above the start means each step
 * jumps across the valley and lands higher: the learning rate is too large. */
#define TRAIN_DIVERGE_EPOCHS 20
/* How far above its start the loss must be to count as "above" (relative):
 * far more than rounding, far less than any real divergence. A loss that
 * stays exactly where it started (a constant feature, balanced labels) is
 * not above it. */
#define TRAIN_DIVERGE_SLACK 1e-9

/* How a run of gradient descent ended. */
typedef enum {
    TRAIN_OK,          // every epoch ran
    TRAIN_NOT_FINITE,  // the loss or a weight became inf or NaN: stopped
    TRAIN_DIVERGED,    // the loss stayed above its start for TRAIN_DIVERGE_EPOCHS epochs: stopped
} TrainStatus;

/* The result of a run of gradient descent, binary or softmax. */
typedef struct {
    TrainStatus status;
    size_t epochs;       // updates made: all that were asked for, or fewer when it stopped
    double start_loss;   // the objective before the first update
    double last_loss;    // the last objective computed (inf or NaN for TRAIN_NOT_FINITE)
} TrainResult;

/* The divergence test, after the loss of one more epoch: TRAIN_NOT_FINITE
 * when loss is not finite or weights_finite is 0; TRAIN_DIVERGED when the
 * loss has been above start (the first epoch's loss) for
 * TRAIN_DIVERGE_EPOCHS epochs in a row, which *above counts (set it to 0
 * before the first epoch); else TRAIN_OK. The one place the rule lives. */
TrainStatus train_watch(double loss, double start, int weights_finite, size_t *above);

/* The bookkeeping of one run: the result so far and the watch's count. */
typedef struct {
    TrainResult result;
    double *losses;     // (epochs) where the losses go, or NULL
    size_t epochs;      // epochs asked for
    size_t recorded;    // losses recorded so far
    size_t above;       // epochs in a row with the loss above where it started
} TrainLog;

/* A run of at most epochs updates. losses is NULL or holds epochs values. */
TrainLog train_begin(double *losses, size_t epochs);

/* Records the loss before the next update (losses[e], the lesson's order)
 * and watches it. Returns 1 when the update should be made, 0 when the run
 * must stop (log->result.status says why). weights_finite: 1 when every
 * weight is a finite number. */
int train_record(TrainLog *log, double loss, int weights_finite);

/* Ends the run: checks the final weights, fills the losses of epochs that
 * did not run with NAN, and returns how it ended. */
TrainResult train_end(TrainLog *log, int weights_finite);

/* 1 when every one of the n values of v is a finite number. */
int train_all_finite(const double *v, size_t n);

#endif
