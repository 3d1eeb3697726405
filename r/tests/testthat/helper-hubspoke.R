# Where the tests find the hubspoke CLI and the curated data: HS_BUILD and
# HS_SRC (as the CLI tests), else the build tree the package was linked
# against. Tests that need them skip when neither is there.
hs_tree <- function() {
  info <- hubspoke:::.build_info()
  build <- Sys.getenv("HS_BUILD", unset = if (is.na(info[["build"]])) "" else info[["build"]])
  src <- Sys.getenv("HS_SRC", unset = if (is.na(info[["source"]])) "" else info[["source"]])
  list(cli = file.path(build, "hubspoke"), src = src)
}

skip_without_tree <- function() {
  t <- hs_tree()
  if (!nzchar(t$src) || !file.exists(file.path(t$src, "graphs", "asia-pacific.gv")) ||
      !file.exists(t$cli))
    skip("no hubspoke build tree (set HS_BUILD and HS_SRC)")
  t
}

graph <- function(name) file.path(hs_tree()$src, "graphs", name)

# The CLI's JSON output, parsed without simplification.
cli_json <- function(...) {
  out <- system2(hs_tree()$cli, c(...), stdout = TRUE)
  status <- attr(out, "status")
  if (!is.null(status) && status != 0) stop("hubspoke ", paste(..., collapse = " "), " failed: ", status)
  jsonlite::fromJSON(paste(out, collapse = "\n"), simplifyVector = FALSE)
}

# One value of a data frame against the CLI's JSON value: JSON null is NA, a
# list-valued measure (its JSON text in R) is compared parsed, numbers to the
# 15 significant digits the CLI writes.
same_value <- function(r, j, type) {
  if (is.null(j)) return(is.na(r))
  if (is.na(r)) return(FALSE)
  if (identical(type, "list")) return(identical(jsonlite::fromJSON(r, simplifyVector = FALSE), j))
  if (is.character(r)) return(identical(r, j))
  if (is.logical(r)) return(identical(r, as.logical(j)))
  is.numeric(j) && abs(r - j) <= 1e-13 * max(1, abs(j))
}

# Every key of a JSON object against the row of a data frame; the keys that differ.
row_mismatches <- function(df, i, obj, skip = character()) {
  types <- attr(df, "hs_types")
  bad <- character()
  for (k in setdiff(names(obj), skip)) {
    if (!k %in% names(df)) {
      bad <- c(bad, paste(k, "(missing in R)"))
    } else if (!same_value(df[[k]][i], obj[[k]], types[[k]])) {
      bad <- c(bad, sprintf("%s: R %s, CLI %s", k, format(df[[k]][i]),
                            paste(format(unlist(obj[[k]])), collapse = " ")))
    }
  }
  bad
}

# The years a file covers: its graph attribute period, "FIRST-LAST".
file_years <- function(m) {
  p <- as.integer(strsplit(hubspoke:::.info(m)$period, "-", fixed = TRUE)[[1]])
  stopifnot(length(p) == 2, p[1] < p[2])
  p[1]:p[2]
}
