# External pointers are finalised: reading a model a thousand times and
# dropping it leaves the heap where it was. The yardstick is measured in the
# same run: the heap that twenty models held alive take. A leak of the model
# (no finalizer) would grow the heap by a thousand models; the bound allows
# ten, for R's own noise (its string cache and pages grow by up to some
# hundred kilobytes in the first few hundred calls, then stop). glibc's mallinfo2 counts bytes in use, not pages.

test_that("1000 reads do not grow the heap (same-run baseline: live models)", {
  skip_without_tree()
  skip_if(is.na(hubspoke:::.heap_in_use()), "no mallinfo2 on this platform")
  path <- graph("asia-pacific.graphml")
  settle <- function() { for (i in 1:3) invisible(gc(full = TRUE)); hubspoke:::.heap_in_use() }
  for (i in 1:50) hs_read(path) # warm up: R's and the library's first allocations
  h0 <- settle()
  held <- lapply(1:20, function(i) hs_read(path))
  h1 <- settle()
  per_model <- (h1 - h0) / 20
  rm(held)
  h2 <- settle()
  expect_gt(per_model, 1000) # the yardstick measures a model, not noise
  for (i in 1:1000) {
    m <- hs_read(path)
    if (i %% 100 == 0) invisible(gc())
  }
  rm(m)
  h3 <- settle()
  growth <- h3 - h2
  expect_lt(growth, 10 * per_model)
  # And the tables: a thousand calls on one model, after five hundred to warm
  # up; classifications and views (slower): three hundred, after two hundred.
  m <- hs_read(path)
  for (i in 1:500) hs_metrics(m, 2023, permutations = 0)
  h4 <- settle()
  for (i in 1:1000) hs_metrics(m, 2023, permutations = 0)
  h5 <- settle()
  expect_lt(h5 - h4, 10 * per_model)
  for (i in 1:200) { hs_classify(m, 2023); hs_view(m, 2023) }
  h6 <- settle()
  for (i in 1:300) { hs_classify(m, 2023); hs_view(m, 2023) }
  h7 <- settle()
  expect_lt(h7 - h6, 10 * per_model)
})
