.onLoad <- function(libname, pkgname) {
  invisible(NULL)
}
