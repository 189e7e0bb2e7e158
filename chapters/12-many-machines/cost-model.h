/* Chapter 12, the cost model: what a fit costs on P machines. */
#ifndef LR_CHAPTER12_COST_MODEL_H
#define LR_CHAPTER12_COST_MODEL_H

#include <stddef.h>

#include "chapter.h"
#include "comm.h"

/* What a distributed fit cost. */
typedef struct {
    size_t rounds;     // all-reduce calls
    size_t bytes;      // bytes summed per process
    double seconds;    // wall time of the fit
    double reduce_s;   // of which inside the all-reduce
} FitCost;

/* This machine's compute speed, in CPU time: what one core does when it is
 * not shared. */
typedef struct {
    double grad;   // seconds per row and feature of the gradient pass (shard_grad_sums)
    double hess;   // seconds per row and Hessian entry of shard_hess_sums
} ComputeRate;

ComputeRate cost_measure_compute(void);
/* Predicted seconds to fit n rows of d features on P machines. */
double cost_model_time(int newton, double n, double d, double P, ComputeRate r);
/* The table of predicted times, P = 1 to 512, n = 1e6 to 1e9, d = 20 and 1000. */
void cost_print_model(ComputeRate r);
/* The model against this run of n rows and d features on P processes. */
void cost_print_check(const CommCost *here, size_t n, size_t d, const FitCost *gd, size_t P, ComputeRate r);
/* The predicted time against P, plotted. */
void cost_plot_model(const Plotter *pl, ComputeRate r);
/* "12.3 ms": seconds in a unit a reader takes in at a glance. */
const char *cost_human_time(double s, char *buf, size_t size);

#endif
