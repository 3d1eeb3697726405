# External pointers are finalised: reading a model and dropping it, again and
# again, leaves the heap where it was. The yardstick is measured in the same
# run: the heap that twenty models held alive take. glibc's mallinfo2 counts
# bytes in use, not pages. A leak of the model (no finalizer) would grow the
# heap by two hundred models; the bound allows five, against R's own noise
# (its string cache and pages grow by some tens of kilobytes, a third of a
# model, in the first few hundred calls, then stop). The counts are small
# enough for CI (about ten seconds on a loaded machine, where a thousand of
# each took seventy) and large enough that a leak of the model, of a table,
# of a view or of a classification per call fails the test: each is
# exercised with the finalizer removed or the destroy call dropped (see
# docs/r.md, "Memory").

test_that("200 reads do not grow the heap (same-run baseline: 20 live models)", {
  skip_without_tree()
  skip_if(is.na(hubspoke:::.heap_in_use()), "no mallinfo2 on this platform")
  path <- graph("asia-pacific.graphml")
  settle <- function() { for (i in 1:3) invisible(gc(full = TRUE)); hubspoke:::.heap_in_use() }
  for (i in 1:20) hs_read(path) # warm up: R's and the library's first allocations
  h0 <- settle()
  held <- lapply(1:20, function(i) hs_read(path))
  h1 <- settle()
  per_model <- (h1 - h0) / 20
  rm(held)
  h2 <- settle()
  expect_gt(per_model, 1000) # the yardstick measures a model, not noise
  expect_lt(h2 - h0, 5 * per_model) # and dropping the twenty frees them
  for (i in 1:200) {
    m <- hs_read(path)
    if (i %% 50 == 0) invisible(gc())
  }
  rm(m)
  h3 <- settle()
  expect_lt(h3 - h2, 5 * per_model)
  # And the tables: two hundred calls on one model, after fifty to warm up;
  # classifications and views: a hundred of each, after thirty.
  m <- hs_read(path)
  for (i in 1:50) hs_metrics(m, 2023, permutations = 0)
  h4 <- settle()
  for (i in 1:200) hs_metrics(m, 2023, permutations = 0)
  h5 <- settle()
  expect_lt(h5 - h4, 5 * per_model)
  for (i in 1:30) { hs_classify(m, 2023); hs_view(m, 2023) }
  h6 <- settle()
  for (i in 1:100) { hs_classify(m, 2023); hs_view(m, 2023) }
  h7 <- settle()
  expect_lt(h7 - h6, 5 * per_model)
})
