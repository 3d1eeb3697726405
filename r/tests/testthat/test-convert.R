# network and igraph views; models from network and igraph objects.

test_that("as.network(view) carries roles, depths and kinds; sna::hierarchy agrees", {
  skip_without_tree()
  skip_if_not_installed("network")
  skip_if_not_installed("sna")
  m <- hs_read(graph("asia-pacific.gv"))
  for (y in c(1960, 1990, 2014, 2023)) {
    v <- hs_view(m, y)
    net <- network::as.network(v, graph = "security")
    expect_equal(network::network.size(net), nrow(v$states))
    expect_equal(network::get.vertex.attribute(net, "role"), v$states$role)
    expect_equal(network::network.edgecount(net), nrow(v$security))
    # The security graph's depth of a pair is the sum of its ties' depths.
    key <- function(a, b) paste(pmin(a, b), pmax(a, b))
    sums <- tapply(v$ties$weight, key(v$ties$from, v$ties$to), sum)
    expect_equal(as.vector(sums[key(v$security$from, v$security$to)]), v$security$weight)
  }
  # Krackhardt's connectedness, hierarchy and efficiency of the system's
  # authority digraph (hub and allies, arcs from superior to subordinate) and
  # its reciprocity, as sna computes them, in every year with two states or
  # more in the system. (The index K, coordination, is none of these: it is
  # the share of the allies' mutual depth inside mechanisms with the hub,
  # docs/metrics.md, and sna has no counterpart to it.)
  s <- hs_system_panel(m, 1946:2025, measures = c("krackhardt_connectedness", "krackhardt_hierarchy",
                                                  "krackhardt_efficiency", "reciprocity"),
                       permutations = 0)
  compared <- 0
  for (i in seq_len(nrow(s))) {
    auth <- network::as.network(hs_view(m, s$year[i]), system = TRUE, authority = TRUE)
    if (network::network.size(auth) < 2) next
    expect_equal(sna::connectedness(auth), s$krackhardt_connectedness[i], info = s$year[i])
    expect_equal(sna::hierarchy(auth, measure = "krackhardt"), s$krackhardt_hierarchy[i], info = s$year[i])
    expect_equal(sna::efficiency(auth), s$krackhardt_efficiency[i], info = s$year[i])
    expect_equal(unname(sna::grecip(auth, measure = "edgewise")), s$reciprocity[i], info = s$year[i])
    compared <- compared + 1
  }
  expect_gt(compared, 70)
  # not one value compared 70 times
  expect_gt(length(unique(s$krackhardt_hierarchy)), 3)
  expect_gt(length(unique(s$krackhardt_efficiency)), 10)
  expect_gt(length(unique(s$reciprocity)), 10)
})

test_that("hs_view's co-membership ties carry 1/(n-1) of a relation", {
  skip_without_tree()
  m <- hs_read(graph("asia-pacific.gv"))
  v <- hs_view(m, 2023)
  t <- v$ties
  expect_true(all(t$share[is.na(t$mechanism)] == 1))
  size <- setNames(lengths(strsplit(v$mechanisms$members, ";", fixed = TRUE)), v$mechanisms$id)
  co <- !is.na(t$mechanism)
  expect_gt(sum(co), 20)
  expect_equal(t$share[co], 1 / (size[t$mechanism[co]] - 1), ignore_attr = TRUE)
  # A line is a treaty between the hub and an ally.
  expect_true(any(t$line))
  expect_true(all(t$from[t$line] == v$hub | t$to[t$line] == v$hub))
})

test_that("as.igraph(view) gives igraph the same graph", {
  skip_without_tree()
  skip_if_not_installed("igraph")
  m <- hs_read(graph("asia-pacific.gv"))
  v <- hs_view(m, 2023)
  g <- igraph::as.igraph(v, graph = "security")
  expect_equal(igraph::vcount(g), nrow(v$states))
  expect_equal(igraph::V(g)$role, v$states$role)
  deg <- igraph::degree(g)
  st <- hs_metrics(m, 2023, measures = "degree", permutations = 0)$states
  expect_equal(unname(deg[st$name]), as.numeric(st$degree))
  d <- igraph::as.igraph(v)
  expect_true(igraph::is_directed(d))
  expect_equal(igraph::ecount(d), nrow(v$dependence))
})

test_that("a model made from its network or igraph export measures the same", {
  skip_without_tree()
  skip_if_not_installed("network")
  skip_if_not_installed("igraph")
  m <- hs_read(graph("asia-pacific.gv"))
  from_net <- hs_as_model(network::as.network(m))
  from_ig <- hs_as_model(igraph::as.igraph(m))
  for (y in c(1951, 1975, 2000, 2016, 2023)) {
    want <- hs_metrics(m, y, permutations = 0)
    for (x in list(from_net, from_ig)) {
      got <- hs_metrics(x, y, permutations = 0)
      expect_equal(got$system, want$system, info = y)
      expect_equal(got$states, want$states, info = y)
    }
  }
  expect_equal(hs_model_tables(from_net), hs_model_tables(m))
})

test_that("a network with an attribute outside the schema's values is refused by the library", {
  skip_if_not_installed("network")
  net <- network::network.initialize(2, directed = FALSE)
  network::network.vertex.names(net) <- c("USA", "JPN")
  network::add.edge(net, 1, 2)
  network::set.edge.attribute(net, "kind", "alliance")
  expect_error(hs_as_model(net), class = "hubspoke_input")
  expect_error(hs_as_model(net), "alliance")
  network::set.edge.attribute(net, "kind", "treaty")
  m <- hs_as_model(net)
  expect_equal(hs_metrics(m, permutations = 0)$system$hub, "USA")
})
