# gssurv_calendar.R - reference values for looks by calendar time in a trial
# sized by a classical method with accrual and follow-up fixed, from
# gsDesign's gsSurvCalendar (tests/survival/calendar_sizing_test.cpp embeds
# the numbers printed here).
#
# gsSurvCalendar sizes the fixed design with nSurv at T = the last calendar
# time (accrual T - minfup), takes the expected events at each calendar time
# over those at T as the information fractions ("timing"), and inflates
# events and patients by the group-sequential design at that timing; with
# spending = "calendar" alpha and beta are spent at calendarTime / T.
#
# Printed by gsDesign 3.11.0.9003 from its GitHub sources, without installing
# it (its imports include packages Debian lacks):
#   SRC=path/to/gsDesign   # a checkout of github.com/keaven/gsDesign
#   (cd $SRC/src && R CMD SHLIB -o gsDesign.so $(ls *.c | grep -v init.c))
#   sed -i 's/gsDesign:://g' $SRC/R/*.R   # the functions call each other by namespace
#   Rscript tests/reference/gssurv_calendar.R $SRC
args <- commandArgs(trailingOnly = TRUE)
src <- args[1]
dyn.load(file.path(src, "src", "gsDesign.so"))
env <- new.env()
for (f in list.files(file.path(src, "R"), pattern = "^gs.*\\.R$|^nEvents|^toInteger|^sfXG",
                     full.names = TRUE)) {
  tryCatch(sys.source(f, envir = env), error = function(e) cat("skipped", f, "\n"))
}
attach(env)

show <- function(id, x) {
  cat(sprintf("%s: patients %.10f events %.10f\n", id, max(rowSums(x$eNC + x$eNE)), max(x$n.I)))
  cat(sprintf("  timing %s\n", paste(sprintf("%.12f", x$timing), collapse = " ")))
  cat(sprintf("  upper %s\n", paste(sprintf("%.10f", x$upper$bound), collapse = " ")))
}

# (j) The defaults: looks at 12, 24 and 36 months, minfup 18 (accrual 18),
# lambdaC log(2) / 6, HR 0.6, test.type 4 (HSD(-4) efficacy, HSD(-2)
# non-binding beta-spending futility), power 0.9, Lachin-Foulkes. tol 1e-8:
# the beta-spending search fails at 1e-12.
j <- gsSurvCalendar(sfu = sfHSD, sfl = sfHSD, sfharm = sfHSD, tol = 1e-8)
show("j_defaults", j)

# (k) Schoenfeld, 2:1, drop-out hazard 0.01 in both arms, LD-OBF efficacy only.
k <- gsSurvCalendar(test.type = 1, sfu = sfLDOF, sfupar = 0, sfl = sfHSD, sfharm = sfHSD,
                    calendarTime = c(18, 30, 42), minfup = 12, R = 30, ratio = 2, eta = 0.01,
                    hr = 0.7, lambdaC = log(2) / 12, beta = 0.2, method = "Schoenfeld",
                    tol = 1e-12)
show("k_schoenfeld_ratio2_dropout", k)

# (l) Non-inferiority, HR 1 against a margin of 1.3 (gsDesign's Schoenfeld
# takes hr0 = 1 only), Lachin-Foulkes.
l <- gsSurvCalendar(test.type = 1, sfu = sfLDOF, sfupar = 0, sfl = sfHSD, sfharm = sfHSD,
                    calendarTime = c(24, 36), minfup = 12, R = 24, hr = 1, hr0 = 1.3,
                    lambdaC = log(2) / 12, beta = 0.2, method = "LachinFoulkes", tol = 1e-12)
show("l_ni1.3_lachin_foulkes", l)

# (m) The defaults with spending on calendar time.
m <- gsSurvCalendar(sfu = sfHSD, sfl = sfHSD, sfharm = sfHSD, spending = "calendar", tol = 1e-8)
show("m_calendar_spending", m)
