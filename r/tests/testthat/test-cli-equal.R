# The package's values equal the CLI's JSON, for every year of the curated
# Asia-Pacific graph: one library, one set of numbers.

test_that("hs_metrics equals `hubspoke metrics --year Y --format json` in every year", {
  skip_without_tree()
  m <- hs_read(graph("asia-pacific.gv"))
  years <- file_years(m)
  compared <- 0
  for (y in years) {
    j <- cli_json("metrics", graph("asia-pacific.gv"), "--year", y, "--format", "json")
    r <- hs_metrics(m, y)
    expect_identical(r$system$year, as.integer(j$year))
    expect_identical(r$system$hub, if (is.null(j$hub)) NA_character_ else j$hub)
    for (k in names(j$indices))
      expect_true(same_value(r$indices[[k]], j$indices[[k]], "real"), info = paste(y, k))
    expect_equal(row_mismatches(r$system, 1, j$system), character(), info = paste("system", y))
    expect_equal(nrow(r$states), length(j$states), info = paste("states", y))
    for (i in seq_along(j$states)) {
      expect_equal(row_mismatches(r$states, i, j$states[[i]]), character(), info = paste("state", y, i))
      compared <- compared + length(j$states[[i]])
    }
    compared <- compared + length(j$system)
  }
  # The comparison compared something: every year of a system of a dozen states or more.
  expect_gt(compared, length(years) * 12 * 10)
})

test_that("hs_panel and hs_system_panel equal the CLI's panel JSON, every year", {
  skip_without_tree()
  m <- hs_read(graph("asia-pacific.gv"))
  for (table in c("states", "system")) {
    years <- file_years(m)
    j <- cli_json("metrics", graph("asia-pacific.gv"), "--years", paste0(min(years), ":", max(years)),
                  "--table", table, "--format", "json")
    r <- if (table == "states") hs_panel(m, years) else hs_system_panel(m, years)
    expect_equal(nrow(r), length(j), info = table)
    for (i in seq_along(j))
      expect_equal(row_mismatches(r, i, j[[i]]), character(), info = paste(table, i))
  }
})

test_that("hs_classify equals `hubspoke classify --year Y --sensitivity 20 --format json` in every year", {
  skip_without_tree()
  m <- hs_read(graph("asia-pacific.gv"))
  classified <- 0
  verdicts <- character()
  for (y in file_years(m)) {
    j <- cli_json("classify", graph("asia-pacific.gv"), "--year", y, "--sensitivity", 20, "--format", "json")
    r <- hs_classify(m, y, sensitivity = 20)
    expect_equal(nrow(r), length(j$mechanisms), info = paste(y))
    # The classification's settings and reference magnitudes (the JSON's top level).
    s <- attr(r, "settings")
    expect_identical(s$critical_mass, as.integer(j$critical_mass))
    top <- list(rule = j$thresholds$rule, quantile = j$thresholds$quantile,
                threshold_unidirectionality = j$thresholds$unidirectionality,
                threshold_closedness = j$thresholds$closedness, tolerance = j$thresholds$tolerance,
                draws = j$sensitivity$draws, seed = j$sensitivity$seed, spread = j$sensitivity$spread,
                recode = j$sensitivity$recode, ambiguous_below = j$sensitivity$ambiguous_below)
    for (k in names(top)) expect_true(same_value(s[[k]], top[[k]], "real"), info = paste(y, k))
    expect_equal(s$quantile_range, unlist(j$sensitivity$quantile_range))
    ref <- attr(r, "reference")
    for (i in seq_len(nrow(ref))) {
      jr <- j$reference[[ref$picture[i]]]
      expect_true(same_value(ref$reference[i], jr[[ref$index[i]]], "real"), info = paste(y, i))
      expect_identical(ref$relations[i], as.integer(jr$relations[[ref$index[i]]]), info = paste(y, i))
    }
    for (i in seq_along(j$mechanisms)) {
      o <- j$mechanisms[[i]]
      o$members <- paste(vapply(o$members, function(x) paste0(x$id, ":", x$role), ""), collapse = ";")
      alt <- o$alternatives
      o$alternatives <- NULL
      expect_equal(row_mismatches(r, i, o), character(), info = paste(y, o$id))
      expect_identical(names(r$alternatives[[i]]), vapply(alt, function(a) a$type, ""), info = paste(y, o$id))
      expect_equal(unname(r$alternatives[[i]]), vapply(alt, function(a) a$share, 0), tolerance = 1e-13,
                   info = paste(y, o$id))
      expect_identical(r$hub[i], j$hub)
      classified <- classified + 1
      verdicts <- c(verdicts, o$verdict)
    }
  }
  expect_gt(classified, 100)
  # The redraws reached the library: the size outcomes and the 2x2 both occur,
  # and some verdicts are ambiguous.
  expect_true(all(c("multilateral", "hub-and-spokes", "ambiguous") %in% verdicts))
})

test_that("hs_classify passes its options to the library as the CLI does", {
  skip_without_tree()
  m <- hs_read(graph("asia-pacific.gv"))
  j <- cli_json("classify", graph("asia-pacific.gv"), "--year", 2023, "--mechanism", "Quad",
                "--critical-mass", 3, "--reference-quantile", 0.75, "--sensitivity", 40, "--seed", 7,
                "--spread", 0.5, "--recode", 0.2, "--ambiguous-below", 0.6, "--format", "json")
  r <- hs_classify(m, 2023, mechanism = "Quad", critical_mass = 3, reference_quantile = 0.75,
                   sensitivity = 40, seed = 7, spread = 0.5, recode = 0.2, ambiguous_below = 0.6)
  o <- j$mechanisms[[1]]
  o$members <- NULL
  o$alternatives <- NULL
  expect_equal(row_mismatches(r, 1, o), character())
  expect_identical(r$size_class, "multilateral") # 4 members beyond a critical mass of 3
  j <- cli_json("classify", graph("asia-pacific.gv"), "--year", 2023, "--threshold-u", 0.05,
                "--threshold-c", 0.05, "--format", "json")
  r <- hs_classify(m, 2023, thresholds = c(unidirectionality = 0.05, closedness = 0.05))
  expect_identical(attr(r, "settings")$rule, "fixed")
  for (i in seq_along(j$mechanisms)) {
    o <- j$mechanisms[[i]]
    o$members <- NULL
    o$alternatives <- NULL
    expect_equal(row_mismatches(r, i, o), character(), info = o$id)
  }
  expect_error(hs_classify(m, 2023, critical_mass = 2), class = "hubspoke_error")
  expect_error(hs_classify(m, 2023, thresholds = 0.1), "thresholds")
})

test_that("hs_compare and hs_whatif equal the CLI's JSON", {
  skip_without_tree()
  m <- hs_read(graph("asia-pacific.gv"))
  j <- cli_json("compare", graph("asia-pacific.gv"), "--years", "2000:2024:4", "--format", "json")
  r <- hs_compare(m, years = seq(2000, 2024, 4))
  rows <- if (!is.null(j$rows)) j$rows else j
  expect_equal(nrow(r), length(rows))
  for (i in seq_along(rows)) expect_equal(row_mismatches(r, i, rows[[i]]), character(), info = i)

  j <- cli_json("whatif", graph("asia-pacific.gv"), "--year", "2023", "--add-member", "VNM:Quad",
                "--drop-tie", "JPN-KOR", "--format", "json")
  w <- hs_whatif(m, 2023, hs_edits(c("add_member", "drop_tie"), c("VNM", "JPN"), c("Quad", "KOR")))
  parts <- c(before = "before", after = "after", change = "difference")
  for (part in names(parts)) {
    expect_false(is.null(j[[parts[[part]]]]), info = part)
    expect_equal(row_mismatches(w[[part]], 1, j[[parts[[part]]]], skip = c("year", "scenario")),
                 character(), info = part)
  }
  expect_lt(w$change$unidirectionality, 1) # a number, not NA
})
