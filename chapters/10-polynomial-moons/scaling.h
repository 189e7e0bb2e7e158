/* Chapter 10, step 4: what standardising does for gradient descent. */
#ifndef LR_CHAPTER10_SCALING_H
#define LR_CHAPTER10_SCALING_H

#include <stddef.h>

#include "dataset.h"

/* Prints gradient descent on ds's features expanded to the given degree, as
 * they are and standardised, at learning rates 0.1 and 10: the final loss
 * and training accuracy, or how training stopped. */
void scaling_experiment(const Dataset *ds, size_t degree);

#endif
