# Times the WHO's own R code on the input bench/GenerateChildren.java writes: anthro::anthro_zscores on every
# row (age in days), anthroplus::anthroplus_zscores on every row (age in months = days / 30.4375), and writing
# both as CSV, as `./tonkla zscore` does in one pass. Prints the median of RUNS runs per phase.
#
#   Rscript bench/anthro/anthro-baseline.R /tmp/tonkla-children-1000000.csv [RUNS]
#
# Versions and installation without CRAN: bench/anthro/README.md.
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: Rscript anthro-baseline.R IN.csv [RUNS]")
input <- args[[1]]
runs <- if (length(args) > 1) as.integer(args[[2]]) else 3L
out <- tempfile(fileext = ".csv")

suppressPackageStartupMessages({
  library(anthro)
  library(anthroplus)
})
cat(sprintf("R %s, anthro %s, anthroplus %s, %s\n", getRversion(), packageVersion("anthro"),
            packageVersion("anthroplus"), input))

elapsed <- function(expr) system.time(expr, gcFirst = TRUE)[["elapsed"]]

one_run <- function() {
  t_read <- elapsed(d <- read.csv(input, na.strings = c("", "NA"), colClasses = c(
    id = "character", sex = "character", age_days = "numeric", weight = "numeric", lenhei = "numeric",
    measure = "character", headc = "numeric", armc = "numeric", triskin = "numeric", subskin = "numeric",
    oedema = "character")))
  t_anthro <- elapsed(a <- anthro_zscores(
    sex = d$sex, age = d$age_days, is_age_in_month = FALSE, weight = d$weight, lenhei = d$lenhei,
    measure = d$measure, headc = d$headc, armc = d$armc, triskin = d$triskin, subskin = d$subskin,
    oedema = d$oedema))
  # anthroplus stops on negative measurements; the generator writes none, but keep the oracle's rule.
  t_plus <- elapsed(p <- anthroplus_zscores(
    sex = d$sex, age_in_months = d$age_days / 30.4375, oedema = d$oedema,
    height_in_cm = ifelse(d$lenhei < 0, NA_real_, d$lenhei),
    weight_in_kg = ifelse(d$weight < 0, NA_real_, d$weight)))
  t_write <- elapsed(write.csv(cbind(d, a[, setdiff(names(a), "csex")],
                                     p[, c("zhfa", "fhfa", "zwfa", "fwfa", "zbfa", "fbfa")]),
                               out, row.names = FALSE, na = "", quote = FALSE))
  c(read = t_read, anthro = t_anthro, anthroplus = t_plus, write = t_write,
    total = t_read + t_anthro + t_plus + t_write)
}

times <- t(vapply(seq_len(runs), function(i) one_run(), numeric(5)))
print(round(times, 2))
med <- apply(times, 2, median)
rows <- nrow(read.csv(input, colClasses = "character"))
cat(sprintf("%d rows, median of %d: anthro_zscores %.1f s, anthroplus_zscores %.1f s, read %.1f s, write %.1f s, total %.1f s (%.0f rows/s)\n",
            rows, runs, med[["anthro"]], med[["anthroplus"]], med[["read"]], med[["write"]], med[["total"]],
            rows / med[["total"]]))
unlink(out)
