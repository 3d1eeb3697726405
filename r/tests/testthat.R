library(testthat)
library(hubspoke)
test_check("hubspoke")
