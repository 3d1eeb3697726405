/* hubspoke: alliance systems measured as networks. The umbrella header.
 *
 * Start with hs_init(), read a file with hs_model_read_file() (model.h),
 * look at one year with hs_view_new() (view.h), and measure it with the
 * functions of metrics.h. Every fallible call returns an hs_error; the
 * message of the last failure is hs_error_last() (error.h). Objects are
 * created by *_new/*_read_* and freed by the matching *_destroy; strings
 * returned by accessors belong to the object they come from. */
#ifndef HUBSPOKE_H
#define HUBSPOKE_H

#include "hubspoke/error.h"
#include "hubspoke/model.h"
#include "hubspoke/codebook.h"
#include "hubspoke/view.h"
#include "hubspoke/measures.h"
#include "hubspoke/metrics.h"
#include "hubspoke/classify.h"
#include "hubspoke/import.h"
#include "hubspoke/inference.h"

#endif
