#include "train.h"

#include <math.h>

TrainStatus train_watch(double loss, double start, int weights_finite, size_t *above) {
    if (!isfinite(loss) || !weights_finite) return TRAIN_NOT_FINITE;
    // "above" allows for rounding: a converged run may wobble in the last bits
    *above = loss > start + TRAIN_DIVERGE_SLACK * (1.0 + fabs(start)) ? *above + 1 : 0;
    return *above >= TRAIN_DIVERGE_EPOCHS ? TRAIN_DIVERGED : TRAIN_OK;
}

TrainLog train_begin(double *losses, size_t epochs) {
    return (TrainLog){{TRAIN_OK, 0, NAN, NAN}, losses, epochs, 0, 0};
}

int train_record(TrainLog *log, double loss, int weights_finite) {
    size_t e = log->recorded++;
    if (log->losses != NULL && e < log->epochs) log->losses[e] = loss;
    if (e == 0) log->result.start_loss = loss;
    log->result.last_loss = loss;
    log->result.status = train_watch(loss, log->result.start_loss, weights_finite, &log->above);
    if (log->result.status != TRAIN_OK) return 0;
    log->result.epochs++;   // the caller makes the update
    return 1;
}

TrainResult train_end(TrainLog *log, int weights_finite) {
    if (log->result.status == TRAIN_OK && !weights_finite) log->result.status = TRAIN_NOT_FINITE;
    for (size_t e = log->recorded; log->losses != NULL && e < log->epochs; e++) log->losses[e] = NAN;
    return log->result;
}

int train_all_finite(const double *v, size_t n) {
    for (size_t k = 0; k < n; k++) {
        if (!isfinite(v[k])) return 0;
    }
    return 1;
}
