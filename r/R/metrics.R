# Every number below comes from libhubspoke's tables of results
# (hs_metrics_table and friends): the same values the CLI prints.

.frame <- function(cols) {
  if (is.null(cols)) return(NULL)
  types <- attr(cols, "hs_types")
  attr(cols, "hs_types") <- NULL
  df <- as.data.frame(cols, stringsAsFactors = FALSE, optional = TRUE)
  attr(df, "hs_types") <- setNames(types, names(cols))
  df
}

.view_args <- function(hub, focus, codebook) {
  list(hub = .check_string(hub, "hub"), focus = .check_strings(focus, "focus"),
       codebook = if (is.null(codebook)) NULL else path.expand(.check_string(codebook, "codebook")))
}

.indices <- c("coordination", "unidirectionality", "closedness")

.metrics <- function(model, year, years, hub, focus, codebook, measures, permutations, seed,
                     system = TRUE, states = TRUE) {
  .check_model(model)
  v <- .view_args(hub, focus, codebook)
  # As `hubspoke metrics --measures`: the three indices always head the system table.
  measures <- .check_strings(measures, "measures")
  if (length(measures)) measures <- unique(c(.indices, measures))
  r <- .Call(C_hs_r_metrics, model, year, years, v$hub, v$focus, v$codebook, measures,
             .check_count(permutations, "permutations"),
             .check_count(seed, "seed"), system, states)
  list(system = .frame(r$system), states = .frame(r$states))
}

#' The measures of the system active in one year (all of the file when year is NULL).
hs_metrics <- function(model, year = NULL, hub = NULL, focus = NULL, codebook = NULL,
                       measures = NULL, permutations = NULL, seed = NULL) {
  r <- .metrics(model, .check_year(year), NULL, hub, focus, codebook, measures, permutations, seed)
  idx <- vapply(.indices, function(k) if (k %in% names(r$system)) as.numeric(r$system[[k]]) else NA_real_,
                numeric(1))
  list(states = r$states, system = r$system, indices = idx)
}

#' The state measures over a panel of years: one row per state and year.
hs_panel <- function(model, years, hub = NULL, focus = NULL, codebook = NULL, measures = NULL,
                     permutations = NULL, seed = NULL) {
  years <- .check_year(years, "years", several = TRUE)
  .metrics(model, NULL, years, hub, focus, codebook, measures, permutations, seed,
           system = FALSE)$states
}

#' The system measures over a panel of years: one row per year.
hs_system_panel <- function(model, years, hub = NULL, focus = NULL, codebook = NULL,
                            measures = NULL, permutations = NULL, seed = NULL) {
  years <- .check_year(years, "years", several = TRUE)
  .metrics(model, NULL, years, hub, focus, codebook, measures, permutations, seed,
           states = FALSE)$system
}

#' Compare the system across years of one model, or across models (one per period).
hs_compare <- function(..., years = NULL, year = NULL, hub = NULL, focus = NULL, codebook = NULL,
                       measures = "default", permutations = NULL, seed = NULL) {
  models <- list(...)
  if (length(models) == 1 && is.list(models[[1]]) && !inherits(models[[1]], "hs_model"))
    models <- models[[1]]
  if (length(models) == 0) stop("hubspoke: hs_compare needs a model", call. = FALSE)
  for (m in models) .check_model(m)
  # The three indices always head the columns and the mechanisms started and
  # ended close them, as in `hubspoke compare`.
  measures <- unique(c(.indices, .check_strings(measures, "measures"),
                       "mechanisms_started", "mechanisms_ended"))
  if (!is.null(years)) {
    if (length(models) != 1)
      stop("hubspoke: years compares the years of one model, not several models", call. = FALSE)
    if (!is.null(year)) stop("hubspoke: year and years exclude each other", call. = FALSE)
    return(hs_system_panel(models[[1]], years, hub, focus, codebook, measures, permutations, seed))
  }
  v <- .view_args(hub, focus, codebook)
  t <- .frame(.Call(C_hs_r_metrics_models, models, .check_year(year), v$hub, v$focus, v$codebook,
                    measures, .check_count(permutations, "permutations"), .check_count(seed, "seed")))
  info <- lapply(models, .info)
  period <- vapply(seq_along(models), function(i) {
    p <- info[[i]]$period
    if (is.na(p)) basename(models[[i]]$source) else p
  }, character(1))
  cbind(data.frame(file = vapply(models, function(m) m$source, character(1)), period = period,
                   stringsAsFactors = FALSE), t)
}

#' Edits of a what-if scenario, one row per edit.
hs_edits <- function(type, a, b = NA_character_, kind = NA_character_, scope = NA_character_) {
  types <- c("drop_tie", "drop_state", "drop_mechanism", "add_tie", "add_member", "add_mechanism")
  type <- gsub("-", "_", type, fixed = TRUE)
  bad <- setdiff(type, types)
  if (length(bad))
    stop(sprintf("hubspoke: '%s' is not an edit (one of %s)", bad[1], paste(types, collapse = ", ")),
         call. = FALSE)
  data.frame(type = type, a = as.character(a), b = as.character(b), kind = as.character(kind),
             scope = as.character(scope), stringsAsFactors = FALSE)
}

#' The system measures before and after what-if edits, and the change (after - before).
hs_whatif <- function(model, years, edits = NULL, scenarios = NULL, hub = NULL, focus = NULL,
                      codebook = NULL, measures = "default", permutations = NULL, seed = NULL) {
  .check_model(model)
  years <- .check_year(years, "years", several = TRUE)
  if (is.null(scenarios)) {
    if (is.null(edits)) stop("hubspoke: hs_whatif needs edits or scenarios", call. = FALSE)
    scenarios <- list(scenario = edits)
  }
  if (is.null(names(scenarios)) || any(names(scenarios) == ""))
    stop("hubspoke: scenarios must be a named list of hs_edits() tables", call. = FALSE)
  sc <- lapply(scenarios, function(e) {
    e <- as.data.frame(e, stringsAsFactors = FALSE)
    e <- do.call(hs_edits, as.list(e[intersect(names(e), c("type", "a", "b", "kind", "scope"))]))
    list(e$type, e$a, e$b, e$kind, e$scope)
  })
  v <- .view_args(hub, focus, codebook)
  measures <- unique(c(.indices, .check_strings(measures, "measures")))
  r <- .Call(C_hs_r_whatif, model, years, v$hub, v$focus, v$codebook, sc, measures,
             .check_count(permutations, "permutations"), .check_count(seed, "seed"))
  lapply(r, .frame)
}

#' Each mechanism active in the year, classified in the paper's typology:
#' its size outcome or its cell of the 2x2, on the system as it stands and on
#' the hub's lines, with the agreement, alternatives and verdict of redraws.
hs_classify <- function(model, year = NULL, hub = NULL, focus = NULL, codebook = NULL,
                        mechanism = NULL, critical_mass = 4, reference_quantile = 0.5,
                        thresholds = c(unidirectionality = NA, closedness = NA),
                        sensitivity = 0, seed = 1, spread = 0.25, recode = 0.1,
                        ambiguous_below = 0.8) {
  .check_model(model)
  v <- .view_args(hub, focus, codebook)
  if (length(thresholds) != 2 || !(is.numeric(thresholds) || all(is.na(thresholds))))
    stop("hubspoke: thresholds must be two numbers (unidirectionality, closedness), NA for the reference rule",
         call. = FALSE)
  number <- function(x, what) {
    if (!is.numeric(x) || length(x) != 1 || is.na(x))
      stop(sprintf("hubspoke: %s must be one number", what), call. = FALSE)
    as.numeric(x)
  }
  options <- list(critical_mass = .check_count(critical_mass, "critical_mass"),
                  reference_quantile = number(reference_quantile, "reference_quantile"),
                  threshold_unidirectionality = as.numeric(thresholds[[1]]),
                  threshold_closedness = as.numeric(thresholds[[2]]),
                  sensitivity = .check_count(sensitivity, "sensitivity"),
                  seed = .check_count(seed, "seed"), spread = number(spread, "spread"),
                  recode = number(recode, "recode"), ambiguous_below = number(ambiguous_below, "ambiguous_below"))
  r <- .Call(C_hs_r_classify, model, .check_year(year), v$hub, v$focus, v$codebook,
             .check_string(mechanism, "mechanism"), options)
  cols <- r$mechanisms
  alternatives <- cols$alternatives
  cols$alternatives <- NULL
  df <- as.data.frame(cols, stringsAsFactors = FALSE)
  df$alternatives <- alternatives
  y <- if (is.null(year)) NA_integer_ else as.integer(year)
  df <- cbind(data.frame(year = rep(y, nrow(df)), stringsAsFactors = FALSE),
              df[c("hub", names(r$mechanisms)[names(r$mechanisms) != "hub"])])
  attr(df, "reference") <- as.data.frame(r$reference, stringsAsFactors = FALSE)
  attr(df, "settings") <- r$settings
  df
}
