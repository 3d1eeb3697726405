# Failures of the library become R conditions carrying the library's one-line
# message (which names the file, the line or the element) and its code:
# class c("hubspoke_<code>", "hubspoke_error", "error", "condition"), where
# <code> is the library's error name in lower case without "HS_E" (input, io,
# nomem, arg, helper, internal, limit, timeout). Catch them with
# tryCatch(..., hubspoke_error = function(e) e$code).
.hs_stop <- function(code, message) {
  kind <- tolower(sub("^HS_E", "", code))
  cond <- structure(
    class = c(paste0("hubspoke_", kind), "hubspoke_error", "error", "condition"),
    list(message = message, call = .user_call(), code = code)
  )
  stop(cond)
}

# Argument checks in R, before anything reaches C.
.check_year <- function(year, what = "year", several = FALSE) {
  if (is.null(year)) return(NULL)
  if (!is.numeric(year) || anyNA(year) || any(year != round(year)) ||
      (!several && length(year) != 1) || length(year) == 0)
    stop(sprintf("hubspoke: %s must be %s", what,
                 if (several) "whole years" else "one whole year"), call. = FALSE)
  as.integer(year)
}

.check_string <- function(x, what) {
  if (is.null(x)) return(NULL)
  if (!is.character(x) || length(x) != 1 || is.na(x))
    stop(sprintf("hubspoke: %s must be one string", what), call. = FALSE)
  x
}

.check_strings <- function(x, what) {
  if (is.null(x)) return(NULL)
  if (!is.character(x) || anyNA(x))
    stop(sprintf("hubspoke: %s must be a character vector", what), call. = FALSE)
  x
}

.check_count <- function(x, what) {
  if (is.null(x)) return(NULL)
  if (!is.numeric(x) || length(x) != 1 || is.na(x) || x < 0 || x != round(x))
    stop(sprintf("hubspoke: %s must be a whole number >= 0", what), call. = FALSE)
  as.numeric(x)
}

.check_model <- function(model) {
  if (!inherits(model, "hs_model"))
    stop("hubspoke: not a hubspoke model (make one with hs_read())", call. = FALSE)
  model
}

# The call of the package's function the user made (hs_read(...)), for the
# condition's call: the outermost frame running an exported hs_ function.
.user_call <- function() {
  exported <- getNamespaceExports("hubspoke")
  for (call in sys.calls()) {
    f <- call[[1]]
    name <- if (is.name(f)) as.character(f) else if (is.call(f) && length(f) == 3) as.character(f[[3]]) else ""
    if (length(name) == 1 && name %in% exported) return(call)
  }
  NULL
}
