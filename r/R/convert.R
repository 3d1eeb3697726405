# Views for statnet's network and R igraph, and models made from them.

#' The alliance system active in one year: states with roles, security ties
#' with kinds and depths, the security graph and the dependence digraph.
hs_view <- function(model, year = NULL, hub = NULL, focus = NULL, codebook = NULL) {
  .check_model(model)
  v <- .view_args(hub, focus, codebook)
  r <- .Call(C_hs_r_view, model, .check_year(year), v$hub, v$focus, v$codebook)
  states <- as.data.frame(r$states, stringsAsFactors = FALSE)
  ids <- states$id
  pairs <- function(d) {
    d <- as.data.frame(d, stringsAsFactors = FALSE)
    d$from <- ids[d$from]
    d$to <- ids[d$to]
    d
  }
  structure(list(year = r$year, hub = r$hub, hub_source = r$hub_source, states = states,
                 ties = pairs(r$ties), security = pairs(r$security),
                 dependence = pairs(r$dependence),
                 mechanisms = as.data.frame(r$mechanisms, stringsAsFactors = FALSE)),
            class = "hs_view")
}

print.hs_view <- function(x, ...) {
  cat(sprintf("<hubspoke view> %s, hub %s (%s)\n",
              if (is.na(x$year)) "all years" else paste("year", x$year),
              if (is.na(x$hub)) "none" else x$hub, x$hub_source))
  roles <- table(factor(x$states$role, levels = c("hub", "ally", "partner", "other")))
  cat(sprintf("  %d states (%s), %d ties, %d mechanisms\n", nrow(x$states),
              paste(sprintf("%d %s", as.integer(roles), names(roles)), collapse = ", "),
              nrow(x$ties), nrow(x$mechanisms)))
  invisible(x)
}

# The kinds of tie behind each edge of a graph, joined by commas: for an arc
# u -> v of the dependence digraph, the ties in which u depends on v (mutual
# ties count both ways); for an edge of the security graph, the ties of the pair.
.edge_kinds <- function(x, edges, directed) {
  t <- x$ties
  key <- function(a, b) paste(a, b, sep = "\r")
  if (directed) {
    k <- c(key(t$from, t$to), key(t$to[t$mutual], t$from[t$mutual]))
    kinds <- c(t$kind, t$kind[t$mutual])
  } else {
    k <- key(pmin(t$from, t$to), pmax(t$from, t$to))
    kinds <- t$kind
  }
  by <- tapply(kinds, k, function(v) paste(sort(unique(v)), collapse = ","))
  ek <- if (directed) key(edges$from, edges$to) else key(pmin(edges$from, edges$to), pmax(edges$from, edges$to))
  unname(as.character(by[ek]))
}

# The graph a network or igraph object is made of: vertices, edges, direction.
.view_graph <- function(x, graph, system, authority) {
  graph <- match.arg(graph, c("dependence", "security"))
  directed <- graph == "dependence"
  states <- x$states
  if (system) states <- states[states$role %in% c("hub", "ally"), , drop = FALSE]
  e <- if (directed) x$dependence else x$security
  e$kinds <- .edge_kinds(x, e, directed)
  e <- e[e$from %in% states$id & e$to %in% states$id, , drop = FALSE]
  if (authority) {
    if (!directed) stop("hubspoke: authority = TRUE reverses the dependence digraph", call. = FALSE)
    e[c("from", "to")] <- e[c("to", "from")]
  }
  rownames(e) <- NULL
  rownames(states) <- NULL
  list(states = states, edges = e, directed = directed)
}

.need <- function(pkg) {
  if (!requireNamespace(pkg, quietly = TRUE))
    stop(sprintf("hubspoke: this needs the R package '%s' (Debian: r-cran-%s)", pkg, pkg), call. = FALSE)
}

.to_network <- function(vertices, vattrs, edges, eattrs, directed, gattrs, multiple = FALSE) {
  .need("network")
  n <- nrow(vertices)
  net <- network::network.initialize(n, directed = directed, multiple = multiple, loops = FALSE)
  network::network.vertex.names(net) <- vertices$id
  for (a in vattrs) network::set.vertex.attribute(net, a, vertices[[a]])
  if (nrow(edges)) {
    tail <- match(edges$from, vertices$id)
    head <- match(edges$to, vertices$id)
    network::add.edges(net, tail = as.list(tail), head = as.list(head))
    for (a in eattrs) network::set.edge.attribute(net, a, edges[[a]])
  }
  for (a in names(gattrs)) if (!is.na(gattrs[[a]])) network::set.network.attribute(net, a, gattrs[[a]])
  net
}

.to_igraph <- function(vertices, edges, directed, gattrs) {
  .need("igraph")
  v <- cbind(data.frame(name = vertices$id, stringsAsFactors = FALSE),
             vertices[setdiff(names(vertices), "id")])
  g <- igraph::graph_from_data_frame(edges, directed = directed, vertices = v)
  for (a in names(gattrs)) if (!is.na(gattrs[[a]])) g <- igraph::set_graph_attr(g, a, gattrs[[a]])
  g
}

# as.network(view): statnet's network of the view's states, with vertex
# attributes label and role and edge attributes weight (the depth) and kinds.
# graph = "dependence" (directed: an arc u -> v when u depends on v) or
# "security" (undirected, one edge per tied pair); system = TRUE keeps the hub
# and its allies only; authority = TRUE reverses the dependence arcs
# (superior -> subordinate), the digraph Krackhardt's measures are defined on.
as.network.hs_view <- function(x, graph = c("dependence", "security"), system = FALSE,
                               authority = FALSE, ...) {
  g <- .view_graph(x, graph, system, authority)
  .to_network(g$states, c("label", "role"), g$edges, c("weight", "kinds"), g$directed,
              list(hub = x$hub, year = x$year))
}

as.igraph.hs_view <- function(x, graph = c("dependence", "security"), system = FALSE,
                              authority = FALSE, ...) {
  g <- .view_graph(x, graph, system, authority)
  .to_igraph(g$states, g$edges, g$directed, list(hub = x$hub, year = x$year))
}

.model_graph <- function(x) {
  t <- hs_model_tables(x)
  i <- .info(x)
  list(t = t, directed = i$directed, gattrs = list(hub = i$hub, period = i$period, name = i$name))
}

.vattrs <- c("label", "type", "role", "since", "until", "kind", "scope", "issue", "weight")
.eattrs <- c("kind", "weight", "since", "until", "source", "label")

# as.network(model): every vertex (states and mechanisms) and edge of the
# file, with the schema's attributes (NA: absent); hs_as_model() reads it back.
as.network.hs_model <- function(x, ...) {
  g <- .model_graph(x)
  .to_network(g$t$vertices, .vattrs, g$t$edges, .eattrs, g$directed, g$gattrs, multiple = TRUE)
}

as.igraph.hs_model <- function(x, ...) {
  g <- .model_graph(x)
  .to_igraph(g$t$vertices, g$t$edges, g$directed, g$gattrs)
}

#' A model from a network or igraph object whose attributes follow the schema
#' (docs/schema.md): vertex attributes type, role, since, until, kind, scope,
#' issue, weight, label; edge attributes kind, weight, since, until, source,
#' label; graph attributes hub and period. Other attributes are kept as text.
#' Every value is checked as the readers check a file's.
hs_as_model <- function(x, ...) UseMethod("hs_as_model")

.as_text <- function(v) {
  out <- rep(NA_character_, length(v))
  if (is.list(v)) v <- vapply(v, function(e) if (length(e) == 1 && !is.na(e)) format(e, digits = 15) else NA_character_, "")
  ok <- !is.na(v)
  out[ok] <- if (is.numeric(v)) format(v[ok], digits = 15, trim = TRUE, scientific = FALSE) else as.character(v[ok])
  out[ok & out == ""] <- NA_character_
  out
}

.typed_first <- function(a) {
  # type before kind and scope: a mechanism's attributes are checked as a mechanism's.
  a[c(which(names(a) == "type"), which(names(a) != "type"))]
}

.build <- function(directed, origin, ids, vattrs, from, to, eattrs, gattrs) {
  vattrs <- .typed_first(lapply(vattrs, .as_text))
  eattrs <- lapply(eattrs, .as_text)
  g <- vapply(gattrs, function(v) if (is.null(v) || length(v) != 1 || is.na(v)) NA_character_ else as.character(v), "")
  ptr <- .Call(C_hs_r_build, directed, origin, as.character(ids), vattrs, as.integer(from), as.integer(to),
               eattrs, g)
  .model(ptr, origin)
}

hs_as_model.network <- function(x, origin = "<network>", ...) {
  .need("network")
  ids <- network::network.vertex.names(x)
  vnames <- setdiff(network::list.vertex.attributes(x), c("na", "vertex.names"))
  vattrs <- setNames(lapply(vnames, function(a) network::get.vertex.attribute(x, a, unlist = FALSE)), vnames)
  mel <- x$mel[!vapply(x$mel, is.null, logical(1))]
  from <- vapply(mel, function(e) e$outl[1], numeric(1)) - 1
  to <- vapply(mel, function(e) e$inl[1], numeric(1)) - 1
  enames <- setdiff(network::list.edge.attributes(x), "na")
  eattrs <- setNames(lapply(enames, function(a) lapply(mel, function(e) {
    v <- e$atl[[a]]
    if (is.null(v)) NA else v
  })), enames)
  gnames <- setdiff(network::list.network.attributes(x),
                    c("bipartite", "directed", "hyper", "loops", "mnext", "multiple", "n"))
  gattrs <- setNames(lapply(gnames, function(a) network::get.network.attribute(x, a)), gnames)
  .build(network::is.directed(x), origin, ids, vattrs, from, to, eattrs, gattrs)
}

hs_as_model.igraph <- function(x, origin = "<igraph>", ...) {
  .need("igraph")
  ids <- igraph::V(x)$name
  if (is.null(ids)) ids <- as.character(seq_len(igraph::vcount(x)))
  vnames <- setdiff(igraph::vertex_attr_names(x), "name")
  vattrs <- setNames(lapply(vnames, function(a) igraph::vertex_attr(x, a)), vnames)
  el <- igraph::as_edgelist(x, names = FALSE)
  enames <- igraph::edge_attr_names(x)
  eattrs <- setNames(lapply(enames, function(a) igraph::edge_attr(x, a)), enames)
  gnames <- igraph::graph_attr_names(x)
  gattrs <- setNames(lapply(gnames, function(a) igraph::graph_attr(x, a)), gnames)
  .build(igraph::is_directed(x), origin, ids, vattrs, el[, 1] - 1, el[, 2] - 1, eattrs, gattrs)
}
