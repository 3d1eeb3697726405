/** @file
 * Importing the standard alliance datasets.
 *
 * The Correlates of War Formal Alliances data (v4.1, by-member file) and the
 * Alliance Treaty Obligations and Provisions member-level files (ATOP 4.01
 * and 5.x) become alliance-graph models (model.h) in the schema of
 * docs/schema.md. The mapping, the columns relied on and the datasets'
 * sources and licences are in docs/import.md.
 */
#ifndef HUBSPOKE_IMPORT_H
#define HUBSPOKE_IMPORT_H

#include "hubspoke/error.h"
#include "hubspoke/export.h"
#include "hubspoke/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A dataset hubspoke imports. */
typedef enum hs_dataset {
    HS_DATASET_COW = 0, /**< Correlates of War Formal Alliances v4.1, by-member file */
    HS_DATASET_ATOP     /**< ATOP 4.01 or 5.x member-level file */
} hs_dataset;

/** Obligation types, as bits of hs_import_options.types. COW codes defense,
 * neutrality, nonaggression and entente; ATOP codes defense, offense,
 * neutrality, nonaggression and consultation. */
typedef enum hs_obligation {
    HS_OBLIG_DEFENSE = 1u << 0,       /**< defense */
    HS_OBLIG_OFFENSE = 1u << 1,       /**< offense (ATOP) */
    HS_OBLIG_NEUTRALITY = 1u << 2,    /**< neutrality */
    HS_OBLIG_NONAGGRESSION = 1u << 3, /**< non-aggression */
    HS_OBLIG_ENTENTE = 1u << 4,       /**< entente (COW) */
    HS_OBLIG_CONSULTATION = 1u << 5   /**< consultation (ATOP) */
} hs_obligation;

/** How states are named. */
typedef enum hs_import_ids {
    HS_IDS_COW = 0, /**< COW abbreviations (with a states file), else COW<ccode> */
    HS_IDS_ISO3     /**< ISO 3166-1 alpha-3 where the mapping is unambiguous (docs/import.md) */
} hs_import_ids;

/** The optional mapping of ATOP's provisions onto the schema (docs/import.md,
 * "Provisions, direction and depth"), as bits of hs_import_options.mapping. */
typedef enum hs_atop_mapping {
    HS_MAP_DIRECTION = 1u << 0, /**< a bilateral alliance in which only one member promises military
                                     support (defense or offense): the other depends on it (`depends`) */
    HS_MAP_DEPTH = 1u << 1      /**< `weight` = the codebook depth of the kind x (1 + milinst) / 3,
                                     milinst being Leeds & Anac's (2005) military institutionalization */
} hs_atop_mapping;
/** The bits of a mapping name ("direction", "depth"), or 0. */
HS_API unsigned hs_atop_mapping_parse(const char *name);

/** What an import noticed without refusing the file (hs_import_file_notes()). */
typedef struct hs_import_notes {
    size_t states_without_spells;   /**< with a states file: states it has no spell for (active in every year) */
    size_t member_years_outside;    /**< membership-years in which the member is outside its COW spells:
                                         those years of the tie or membership do not count */
    size_t memberships_outside;     /**< memberships with at least one such year */
    char first_outside[96];         /**< the first of them, "JPN in atopid 3220 (1951)", or "" */
    size_t asymmetric_multilateral; /**< multilateral alliances in which some members promise military
                                         support and others do not: no direction is written for them */
} hs_import_notes;

/** How to import. Fill with hs_import_options_init(), then set fields. */
typedef struct hs_import_options {
    hs_dataset dataset;      /**< the dataset the file belongs to */
    const char *states_file; /**< COW state list (states2016.csv) or NULL */
    unsigned types;          /**< keep alliances with one of these obligations; 0 = all */
    int since;               /**< keep alliances in force in some year of [since, until) (::HS_SINCE_OPEN: no bound) */
    int until;               /**< the end of that range (::HS_UNTIL_OPEN: no bound) */
    const char *hub;         /**< graph attribute hub, or NULL */
    hs_import_ids ids;       /**< how states are named */
    unsigned mapping;        /**< ATOP: ::hs_atop_mapping bits; 0 (default): provisions kept as attributes only */
} hs_import_options;

/** Defaults: COW, no states file, every type, every year, no hub, COW ids,
 * no mapping. */
HS_API void hs_import_options_init(hs_import_options *options);

/** The bits of an obligation name ("defense", "offense", "neutrality",
 * "nonaggression", "entente", "consultation"), or 0 for an unknown name. */
HS_API unsigned hs_obligation_parse(const char *name);
/** The obligations a dataset codes (a mask of hs_obligation bits). */
HS_API unsigned hs_dataset_obligations(hs_dataset dataset);
/** "cow" or "atop". Static string. */
HS_API const char *hs_dataset_name(hs_dataset dataset);

/** Read the CSV file `path` of the dataset `options->dataset` (NULL options:
 * the defaults) and build its
 * alliance graph. A file that is not in the documented format (a missing
 * column, an unknown version, a value that is not a number, an exit before
 * the entry) is refused with HS_EINPUT and a message naming the file and the
 * line. On success *out owns a new, checked model (hs_model_check has run):
 * free it with hs_model_destroy. */
HS_API hs_error hs_import_file(const char *path, const hs_import_options *options, hs_model **out);
/** hs_import_file(), and what the import noticed without refusing the file
 * in *notes (may be NULL): states without spells, membership-years outside a
 * state's spells, asymmetric multilateral alliances. The caller should
 * report them: they change which years count. */
HS_API hs_error hs_import_file_notes(const char *path, const hs_import_options *options, hs_import_notes *notes,
                                     hs_model **out);

/** The ISO 3166-1 alpha-3 code of a COW state code, or NULL where the importer
 * keeps the COW id (a historical state, or one whose COW code spans states
 * ISO tells apart). The string is static. */
HS_API const char *hs_cow_iso3(int ccode);

#ifdef __cplusplus
}
#endif
#endif
