/** @file
 * An interactive report of a period, as one HTML file.
 *
 * For every year of a period: the network on one layout shared by all the
 * years (the figures of render.h), the K, U, C timeline with the year
 * marked, the classification of the year's mechanisms with its explanations
 * (classify.h) and the table of the states' measures (metrics.h), with a
 * year slider and a play button. The file is self-contained (inline SVG, CSS
 * and script; nothing is loaded from elsewhere), works from the keyboard,
 * and without scripts shows every year, one after another (docs/report.md).
 */
#ifndef HUBSPOKE_REPORT_H
#define HUBSPOKE_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "hubspoke/codebook.h"
#include "hubspoke/error.h"
#include "hubspoke/export.h"
#include "hubspoke/model.h"
#include "hubspoke/render.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Codebook redraws per year for the agreement of each mechanism's type: the
 * standard error of a share of N redraws is at most 0.5 / sqrt(N), 0.035 at
 * 200, enough to tell a type that holds in nearly every redraw from one
 * that holds in most, at a cost that keeps a report of 75 years within
 * seconds (docs/report.md, "Agreement"). */
#define HS_REPORT_SENSITIVITY 200

/** Bootstrap draws per year for the intervals of K, U and C in the timeline
 * and beside each year's values: the default of `metrics --bootstrap`
 * (inference.h), so that a report's intervals are those `metrics --year Y`
 * prints with the same seed (docs/report.md, "Intervals"). */
#define HS_REPORT_BOOTSTRAP 1000

/** What a report shows. Fill with hs_report_options_init(), then set fields. */
typedef struct hs_report_options {
    const char *hub;              /**< NULL: inferred per year */
    const hs_codebook *codebook;  /**< NULL: the built-in codebook */
    const char *const *focus;     /**< a subsystem (as `metrics --focus`), or NULL */
    size_t focus_count;           /**< the number of ids in focus */
    const char *title;            /**< NULL: the graph's name and the years */
    size_t sensitivity;           /**< codebook redraws for the agreement of each type; 0: none */
    uint64_t seed;                /**< of the redraws and of the bootstrap */
    long long bootstrap;          /**< bootstrap draws per year for K, U, C's intervals; 0: none */
    double level;                 /**< the intervals' level, in (0, 1) */
    /** How the network is drawn (engine, type size, labels, mechanisms;
     * its hub, codebook, focus and title are the report's); NULL: the
     * defaults. */
    const hs_render_options *render;
} hs_report_options;

/** The defaults: no focus, the inferred hub, the built-in codebook,
 * ::HS_REPORT_SENSITIVITY redraws, ::HS_REPORT_BOOTSTRAP draws at level
 * 0.95, seed 1, the figures' defaults. */
HS_API void hs_report_options_init(hs_report_options *options);

/** The most years a report covers. */
#define HS_REPORT_MAX_YEARS 500

/** The report of `model` over the years first..last (NULL options: the
 * defaults). On success *out holds the HTML (NUL-terminated; the caller
 * frees it with free()) and *out_len its bytes. Errors: ::HS_EARG for a
 * period that is empty, longer than ::HS_REPORT_MAX_YEARS or outside
 * [::HS_YEAR_FIRST, ::HS_YEAR_LAST] or a bad bootstrap (negative draws, a
 * level outside (0, 1)), and those of hs_render_figure(),
 * hs_classification_new(), hs_bootstrap_view() and the state measures of
 * metrics.h. */
HS_API hs_error hs_report_html(const hs_model *model, int first, int last, const hs_report_options *options,
                               char **out, size_t *out_len);

/** hs_report_html() written to `path` atomically: on any failure no file
 * (and no temporary file) is left. */
HS_API hs_error hs_report_file(const hs_model *model, int first, int last, const hs_report_options *options,
                               const char *path);

#ifdef __cplusplus
}
#endif

#endif
