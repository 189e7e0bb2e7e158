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

/* When is a run of gradient descent a failure? The lesson's NumPy loop
 * never stops: it runs every epoch and ends wherever it ends. Our loop must
 * never stop a run that loop would finish well, and a run with a learning
 * rate above the safe 2 / L (lib/stepsize) may do just that: on the raw
 * breast cancer data at lr 3e-5 the loss climbs from 0.69 to 6.7, stays
 * above its start for 163 epochs, then falls to 0.20, the best result of
 * any learning rate. So the rule is:
 *   - stop at once when the loss or a weight is no longer a finite number
 *     (the weights grew without bound: nothing can come back from inf);
 *   - otherwise run every epoch, and call the run diverged when its loss
 *     is still above where it started after the last one (the clipped
 *     cross-entropy cannot exceed -log(1e-15) = 34.5, so a loss that is
 *     "growing without bound" shows in the weights, not in the loss).
 * "Above" allows for rounding: a converged run may wobble in the last bits,
 * and a loss that stays exactly at its start (a constant feature, balanced
 * labels) is not above it. */
#define TRAIN_DIVERGE_SLACK 1e-9

/* How a run of gradient descent ended. */
typedef enum {
    TRAIN_OK,           // every epoch ran, and the loss ended at or below its start
    TRAIN_NOT_FINITE,   // the loss or a weight became inf or NaN: stopped at once
    TRAIN_DIVERGED,     // every epoch ran, and the loss ended above its start
} TrainStatus;

/* The result of a run of gradient descent, binary or softmax. */
typedef struct {
    TrainStatus status;
    size_t epochs;       // updates made: all that were asked for, or fewer when it stopped
    double start_loss;   // the objective before the first update
    double last_loss;    // the last objective computed (inf or NaN for TRAIN_NOT_FINITE)
    double peak_loss;    // the largest objective computed
} TrainResult;

/* The check after the loss of one more epoch: TRAIN_NOT_FINITE when loss is
 * not finite or weights_finite is 0, else TRAIN_OK. */
TrainStatus train_watch(double loss, int weights_finite);

/* The verdict after the last epoch: TRAIN_DIVERGED when last is above start
 * by more than rounding (TRAIN_DIVERGE_SLACK, relative), else TRAIN_OK. */
TrainStatus train_verdict(double start, double last);

/* The bookkeeping of one run: the result so far. */
typedef struct {
    TrainResult result;
    double *losses;    // (epochs) where the losses go, or NULL
    size_t epochs;     // epochs asked for
    size_t recorded;   // losses recorded so far
} TrainLog;

/* Progress of a long run: a chapter that wants it (lib/chapter shows it on
 * a terminal) sets one function for the whole program, which every run of
 * gradient descent calls with the epochs done and asked for: at the first
 * epoch, every TRAIN_PROGRESS_EVERY epochs, and at the end. The lib prints
 * nothing itself; with no function set (the default) nothing is called.
 * Like lib/cleanup's, this is state of the program, not of one run. */
#define TRAIN_PROGRESS_EVERY 64
typedef void (*TrainProgressFn)(size_t done, size_t total);
void train_set_progress(TrainProgressFn fn);

/* A run of at most epochs updates. losses is NULL or holds epochs values. */
TrainLog train_begin(double *losses, size_t epochs);

/* Records the loss before the next update (losses[e], the lesson's order)
 * and watches it. Returns 1 when the update should be made, 0 when the run
 * must stop (a number is no longer finite). weights_finite: 1 when every
 * weight is a finite number. */
int train_record(TrainLog *log, double loss, int weights_finite);

/* After an update that left every weight exactly as it was: records loss
 * for each epoch left, as running them would (each would repeat that epoch
 * to the last bit), so that the caller can stop. */
void train_repeat(TrainLog *log, double loss);

/* Ends the run: checks the final weights, gives the verdict (train_verdict
 * on the first and the last loss), fills the losses of epochs that did not
 * run with NAN, and returns how it ended. */
TrainResult train_end(TrainLog *log, int weights_finite);

/* 1 when every one of the n values of v is a finite number. */
int train_all_finite(const double *v, size_t n);

#endif
