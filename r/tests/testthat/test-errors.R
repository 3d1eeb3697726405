# Failures are R conditions carrying the library's message; nothing crashes R.

test_that("a missing file is a hubspoke condition naming the file", {
  e <- tryCatch(hs_read("no/such/file.graphml"), error = function(e) e)
  expect_s3_class(e, "hubspoke_error")
  expect_match(conditionMessage(e), "no/such/file.graphml", fixed = TRUE)
  expect_true(e$code %in% c("HS_EIO", "HS_EINPUT")) # the library's code, whichever it is
  expect_identical(as.character(e$call[[1]]), "hs_read")
})

test_that("a file that breaks the schema is hubspoke_input with the line", {
  f <- tempfile(fileext = ".graphml")
  writeLines(c('<?xml version="1.0"?>',
               '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
               '<key id="k" for="edge" attr.name="kind" attr.type="string"/>',
               '<graph edgedefault="undirected">',
               '<node id="USA"/><node id="JPN"/>',
               '<edge source="USA" target="JPN"><data key="k">alliance</data></edge>',
               '</graph></graphml>'), f)
  e <- tryCatch(hs_read(f), error = function(e) e)
  expect_s3_class(e, "hubspoke_input")
  expect_match(conditionMessage(e), "alliance")
  expect_match(conditionMessage(e), basename(f), fixed = TRUE)
})

test_that("a bad hub, year or measure is an R error, and R goes on", {
  skip_without_tree()
  m <- hs_read(graph("asia-pacific.graphml"))
  before <- hs_metrics(m, 2023, permutations = 0)
  expect_error(hs_metrics(m, 2023, hub = "XXX"), class = "hubspoke_arg")
  expect_error(hs_metrics(m, 2023, hub = "XXX"), "XXX")
  expect_error(hs_metrics(m, 2023, measures = "no_such_measure"), "no_such_measure")
  expect_error(hs_metrics(m, "2023"), "whole year")
  expect_error(hs_whatif(m, 2023, hs_edits("drop_tie", "JPN", "ZZZ")), class = "hubspoke_error")
  expect_error(hs_edits("move_tie", "JPN", "KOR"), "not an edit")
  expect_error(hs_metrics(list(), 2023), "not a hubspoke model")
  # The model still works after the failures, and measures as before them.
  expect_equal(hs_metrics(m, 2023, permutations = 0), before)
})

test_that("a model saved and reloaded is refused, not used", {
  skip_without_tree()
  m <- hs_read(graph("us-japan-rok.graphml"))
  f <- tempfile(fileext = ".rds")
  saveRDS(m, f)
  m2 <- readRDS(f)
  expect_error(hs_metrics(m2), "saved and reloaded")
  expect_error(print(m2), "saved and reloaded")
})

test_that("a system without a hub has its hub-based measures missing", {
  skip_if_not_installed("network")
  net <- network::network.initialize(3, directed = FALSE)
  network::network.vertex.names(net) <- c("A", "B", "C")
  network::add.edges(net, tail = list(1, 2), head = list(2, 3))
  network::set.edge.attribute(net, "kind", "exercise")
  r <- hs_metrics(hs_as_model(net), permutations = 0)
  expect_equal(nrow(r$states), 3)
  expect_true(is.na(r$system$hub))
  expect_true(is.na(r$indices[["unidirectionality"]]))
  expect_equal(r$states$degree, c(1L, 2L, 1L))
})
