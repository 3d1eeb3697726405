# hs_import_edges(): the CSV edge lists of docs/import.md, "Edge lists", read by
# the library's hs_edgelist_read as `hubspoke import edges` reads them.

test_that("the curated graph through the CLI's export edges measures as the file", {
  t <- skip_without_tree()
  d <- tempfile("edges")
  dir.create(d)
  f <- file.path(d, c("edges.csv", "nodes.csv", "members.csv", "graph.csv"))
  status <- system2(t$cli, c("export", "edges", graph("asia-pacific.gv"), "-o", f[1],
                             "--nodes", f[2], "--mechanisms", f[3], "--graph", f[4]))
  expect_equal(status, 0)
  original <- hs_read(graph("asia-pacific.gv"))
  m <- expect_silent(hs_import_edges(f[1], nodes = f[2], mechanisms = f[3], graph = f[4]))
  expect_equal(hs_model_tables(m), hs_model_tables(original))
  for (year in c(1953, 1999, 2014, 2023))
    expect_equal(hs_metrics(m, year, permutations = 0), hs_metrics(original, year, permutations = 0))
  expect_equal(hs_system_panel(m, c(1999, 2023)), hs_system_panel(original, c(1999, 2023)))
  dm <- hs_import_edges(f[1], nodes = f[2], mechanisms = f[3], graph = f[4],
                        directed = TRUE, hub = "JPN")
  expect_output(print(dm), "JPN")
  unlink(d, recursive = TRUE)
})

test_that("a bad CSV is hubspoke_input naming its file and line", {
  bad <- tempfile(fileext = ".csv")
  writeLines(c("source,target,kind,since", "USA,JPN,treaty,1951",
               "USA,KOR,alliance,1953", "USA,,treaty,1954"), bad)
  e <- tryCatch(hs_import_edges(bad, hub = "USA"), error = function(e) e)
  expect_s3_class(e, "hubspoke_input")
  expect_identical(e$code, "HS_EINPUT")
  expect_true(startsWith(conditionMessage(e), paste0(bad, ":3: ")))
  expect_match(conditionMessage(e), "unknown kind 'alliance'", fixed = TRUE)
  expect_match(conditionMessage(e), "(and 1 more errors)", fixed = TRUE)
  expect_error(hs_import_edges(tempfile(fileext = ".csv")), class = "hubspoke_error")
  expect_error(hs_import_edges(bad, directed = "yes"), "directed")
  expect_error(hs_import_edges(NULL), "edges")
})

test_that("the checks' warnings are R warnings carrying the library's message", {
  odd <- tempfile(fileext = ".csv")
  writeLines(c("source,target,kind,untill", "USA,JPN,treaty,1960"), odd)
  expect_warning(m <- hs_import_edges(odd), "untill", class = "hubspoke_warning")
  expect_s3_class(m, "hs_model")
})
