#include "train.h"

#include <math.h>

// [snippet divergence-rule]
TrainStatus train_watch(double loss, int weights_finite) {
    return isfinite(loss) && weights_finite ? TRAIN_OK : TRAIN_NOT_FINITE;
}

TrainStatus train_verdict(double start, double last) {
    // "above" allows for rounding: a converged run may wobble in the last bits
    return last > start + TRAIN_DIVERGE_SLACK * (1.0 + fabs(start)) ? TRAIN_DIVERGED : TRAIN_OK;
}
// [end divergence-rule]

static TrainProgressFn progress = NULL;   // see train_set_progress

void train_set_progress(TrainProgressFn fn) {
    progress = fn;
}

TrainLog train_begin(double *losses, size_t epochs) {
    return (TrainLog){{TRAIN_OK, 0, NAN, NAN, NAN}, losses, epochs, 0};
}

int train_record(TrainLog *log, double loss, int weights_finite) {
    size_t e = log->recorded++;
    if (progress != NULL && e % TRAIN_PROGRESS_EVERY == 0) progress(e, log->epochs);
    if (log->losses != NULL && e < log->epochs) log->losses[e] = loss;
    if (e == 0) log->result.start_loss = log->result.peak_loss = loss;
    log->result.last_loss = loss;
    if (loss > log->result.peak_loss) log->result.peak_loss = loss;
    log->result.status = train_watch(loss, weights_finite);
    if (log->result.status != TRAIN_OK) return 0;
    log->result.epochs++;   // the caller makes the update
    return 1;
}

void train_repeat(TrainLog *log, double loss) {
    // each epoch left: the same loss, the same finite weights, an update that moves nothing
    while (log->recorded < log->epochs && train_record(log, loss, 1)) continue;
}

TrainResult train_end(TrainLog *log, int weights_finite) {
    TrainResult *r = &log->result;
    if (r->status == TRAIN_OK && !weights_finite) r->status = TRAIN_NOT_FINITE;
    if (r->status == TRAIN_OK && log->recorded > 0) r->status = train_verdict(r->start_loss, r->last_loss);
    for (size_t e = log->recorded; log->losses != NULL && e < log->epochs; e++) log->losses[e] = NAN;
    if (progress != NULL) progress(log->epochs, log->epochs);
    return *r;
}

int train_all_finite(const double *v, size_t n) {
    for (size_t k = 0; k < n; k++) {
        if (!isfinite(v[k])) return 0;
    }
    return 1;
}
