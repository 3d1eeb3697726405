
.model <- function(ptr, source) {
  structure(list(ptr = ptr, source = source), class = "hs_model")
}

#' Read an alliance graph (DOT or GraphML) into a model.
hs_read <- function(path) {
  path <- .check_string(path, "path")
  .model(.Call(C_hs_r_read, path.expand(path), path), path)
}

#' Write a model to a file (the extension chooses DOT or GraphML).
hs_write <- function(model, path) {
  .check_model(model)
  path <- .check_string(path, "path")
  .Call(C_hs_r_write, model, path.expand(path))
  invisible(path)
}

.info <- function(model) .Call(C_hs_r_model_info, .check_model(model))

print.hs_model <- function(x, ...) {
  i <- .info(x)
  na <- function(s) if (is.na(s)) "none" else s
  cat(sprintf("<hubspoke model> %s (%s, %s)\n", i$file, i$format,
              if (i$directed) "directed" else "undirected"))
  if (!is.na(i$name)) cat(sprintf("  name:   %s\n", i$name))
  cat(sprintf("  hub:    %s\n", na(i$hub)))
  if (!is.na(i$period)) cat(sprintf("  period: %s\n", i$period))
  cat(sprintf("  %d states, %d mechanisms, %d edges\n", as.integer(i$states),
              as.integer(i$mechanisms), as.integer(i$edges)))
  invisible(x)
}

#' The vertices and edges of a model with the schema's attributes.
hs_model_tables <- function(model) {
  t <- .Call(C_hs_r_model_tables, .check_model(model))
  list(vertices = as.data.frame(t$vertices, stringsAsFactors = FALSE),
       edges = as.data.frame(t$edges, stringsAsFactors = FALSE))
}

#' The hubspoke-dot helper that reads DOT files.
hs_dot_helper <- function(path = NULL) {
  .Call(C_hs_r_set_helper, .check_string(path, "path"))
}

#' Load limits (0 = none): files with more vertices or edges are refused.
hs_load_limits <- function(max_states = NULL, max_ties = NULL) {
  x <- .Call(C_hs_r_set_limits, .check_count(max_states, "max_states"),
             .check_count(max_ties, "max_ties"))
  setNames(x, c("max_states", "max_ties"))
}

hs_version <- function() .Call(C_hs_r_version)

#' The measure registry: every measure hubspoke computes, as a data frame.
hs_measures <- function() {
  as.data.frame(.Call(C_hs_r_measures), stringsAsFactors = FALSE)
}

#' Import the COW Formal Alliances (v4.1, by member) file.
hs_import_cow <- function(path, states = NULL, types = NULL, since = NULL, until = NULL,
                          hub = NULL, ids = c("cow", "iso3")) {
  .import(path, "cow", states, types, since, until, hub, match.arg(ids))
}

#' Import an ATOP member-level file (4.01 or 5.x).
hs_import_atop <- function(path, types = NULL, since = NULL, until = NULL,
                           hub = NULL, ids = c("cow", "iso3")) {
  .import(path, "atop", NULL, types, since, until, hub, match.arg(ids))
}

#' Import an edge list: the CSV tables of docs/import.md, "Edge lists".
hs_import_edges <- function(edges, nodes = NULL, mechanisms = NULL, graph = NULL,
                            directed = NA, hub = NULL) {
  edges <- .check_string(edges, "edges")
  if (is.null(edges)) stop("hubspoke: edges must be one string", call. = FALSE)
  opt <- function(x, what) if (is.null(x)) NULL else path.expand(.check_string(x, what))
  if (!is.logical(directed) || length(directed) != 1)
    stop("hubspoke: directed must be TRUE, FALSE or NA", call. = FALSE)
  res <- .Call(C_hs_r_import_edges, path.expand(edges), opt(nodes, "nodes"),
               opt(mechanisms, "mechanisms"), opt(graph, "graph"), directed,
               .check_string(hub, "hub"))
  for (w in res[[2]]) {
    warning(structure(class = c("hubspoke_warning", "warning", "condition"),
                      list(message = w, call = sys.call())))
  }
  .model(res[[1]], edges)
}

.import <- function(path, dataset, states, types, since, until, hub, ids) {
  path <- .check_string(path, "path")
  if (!is.null(states)) states <- path.expand(.check_string(states, "states"))
  ptr <- .Call(C_hs_r_import, path.expand(path), dataset, states,
               .check_strings(types, "types"), .check_year(since, "since"),
               .check_year(until, "until"), .check_string(hub, "hub"), ids)
  .model(ptr, path)
}

# For the tests: the build tree linked against and its sources (NA when the
# installed library is used), and the bytes malloc has in use.
.build_info <- function() setNames(.Call(C_hs_r_build_info), c("build", "source"))
.heap_in_use <- function() .Call(C_hs_r_heap_in_use)
