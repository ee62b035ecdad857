# Independent reference values for the exact-inference and censoring tests in
# driver/src/test/java/io/gradsweep/driver/stats (SignedRankTest, SignTest, HodgesLehmann,
# MedianInterval, EquivalenceTest, FirstToEvent, RestrictedMeanTime, PermutationLogRank,
# Heterogeneity, PerformanceProfile). Not run by Maven or the build: it documents where each
# expected number comes from. Taken with R 4.2.2 on Debian bookworm:
#   apt-get install r-base-core r-cran-exactranktests r-cran-coin r-cran-survival r-cran-metafor
#   Rscript driver/src/test/r/stats_references.R
# Turnbull's expected masses and the Higgins-Thompson table are published (Fay and Shaw 2010;
# Higgins and Thompson 2002) and not recomputed here; the IQM values come from scipy 1.17.1,
# scipy.stats.trim_mean(x, 0.25). The RestrictedMeanTime section writes pbc312.csv (the test
# resource) into the working directory.
suppressMessages({library(exactRankTests); library(coin); library(survival); library(metafor)})
section <- function(title) cat("\n==", title, "\n")

section("SignedRankTest: exactRankTests::wilcox.exact and coin::wilcoxsign_test (exact)")
show <- function(name, d) {
  a <- wilcox.exact(d, exact=TRUE)
  dd <- d[d != 0]
  b <- pvalue(wilcoxsign_test(dd ~ rep(0, length(dd)), distribution="exact", zero.method="Wilcoxon"))
  l <- wilcox.exact(d, alternative="less")$p.value
  g <- wilcox.exact(d, alternative="greater")$p.value
  cat(sprintf("%s: V=%s p_exactRankTests=%.17g p_coin=%.17g less=%.17g greater=%.17g\n", name, a$statistic, a$p.value, b, l, g))
}
show("five tied", c(1,1,1,1,1))
show("four tied", c(2,2,2,2))
x <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30); y <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)
show("HW", x - y)
show("ties12", c(0.0, 1.5, -0.5, 1.5, 2.0, 0.0, -2.0, 3.0, 1.5, 0.5, 4.0, 2.5))
d20 <- c(3, -1, 2, 2, 5, -2, 1, 4, 3, 3, -1, 6, 2, 1, 0, 4, -3, 2, 5, 1, 2)
show("d20", d20)
show("mixedsign tied", c(1,1,-1,1,1,1))

section("SignedRankTest: normal approximation above 50 pairs")
d <- ((1:60 * 37) %% 23) - 9
r <- wilcox.test(d, exact=FALSE, correct=TRUE)
cat(sprintf("n60: nonzero=%d V=%s p=%.17g\n", sum(d!=0), r$statistic, r$p.value))
cat(sprintf("greater p=%.17g less p=%.17g\n", wilcox.test(d, exact=FALSE, alternative="greater")$p.value, wilcox.test(d, exact=FALSE, alternative="less")$p.value))

section("SignTest: binom.test")
for (x in list(c(7, 9), c(1, 10), c(5, 5), c(3, 6), c(7, 8))) cat(sprintf("binom.test(%d, %d): %.17g\n", x[1], x[2], binom.test(x[1], x[2])$p.value))

section("HodgesLehmann: wilcox.test(conf.int = TRUE, exact = TRUE)")
x <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30); y <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)
w <- wilcox.test(x, y, paired=TRUE, conf.int=TRUE, exact=TRUE)
cat(sprintf("HW est=%.17g ci=%.17g %.17g\n", w$estimate, w$conf.int[1], w$conf.int[2]))
w <- wilcox.test(x, y, paired=TRUE, conf.int=TRUE, exact=TRUE, conf.level=0.9)
cat(sprintf("HW90 est=%.17g ci=%.17g %.17g\n", w$estimate, w$conf.int[1], w$conf.int[2]))
d <- c(0.3, -0.1, 0.7, 1.2, 0.45, 0.9)
w <- wilcox.test(d, conf.int=TRUE, exact=TRUE)
cat(sprintf("six est=%.17g ci=%.17g %.17g\n", w$estimate, w$conf.int[1], w$conf.int[2]))
for (n in c(6,7,8,9,10,20)) { qu <- qsignrank(0.025, n); cat(sprintf("n=%d qu=%d cover=%.17g\n", n, qu, 1-2*psignrank(qu-1,n))) }
set.seed(1); d <- round(rnorm(70, 0.3), 4)
w <- wilcox.test(d, conf.int=TRUE, exact=FALSE, correct=FALSE)
cat(sprintf("n70 est=%.17g ci=%.17g %.17g\n", w$estimate, w$conf.int[1], w$conf.int[2]))
cat(paste(d, collapse=", "), "\n")
cat(any(duplicated(abs(d))), "\n")
w <- wilcox.test(d, conf.int=TRUE, exact=TRUE)
cat(sprintf("n70 exact est=%.17g ci=%.17g %.17g qu=%d cover=%.17g\n", w$estimate, w$conf.int[1], w$conf.int[2], qsignrank(0.025,70), 1-2*psignrank(qsignrank(0.025,70)-1,70)))

section("MedianInterval: qbinom / pbinom ranks and coverage")
for (n in c(6, 8, 10, 20, 50)) { k <- qbinom(0.025, n, 0.5); cat(sprintf("n=%d k=%d cover=%.17g\n", n, k, 1-2*pbinom(k-1, n, 0.5))) }
k <- qbinom(0.05, 9, 0.5); cat(sprintf("n=9 90%%: k=%d cover=%.17g\n", k, 1-2*pbinom(k-1, 9, 0.5)))

section("EquivalenceTest: one-sided wilcox.exact")
t <- function(name, d, m) {
 a <- wilcox.exact(d, mu=m, alternative="less"); b <- wilcox.exact(d, mu=-m, alternative="greater")
 cat(sprintf("%s: upper(less vs +m) V=%s p=%.17g  lower(greater vs -m) V=%s p=%.17g\n", name, a$statistic, a$p.value, b$statistic, b$p.value))
}
t("quarter", c(0.25, -0.25, 0, 0.5, -0.75, 0.25, 0.25, -0.5, 0, 0.75, 0.25, -0.25), 0.5)
t("tenths x10", c(3, -1, 2, 0, 1, -2, 1, 3, -1, 0, 2, 1, -3, 1), 2)
t("all zero 6", c(0,0,0,0,0,0), 1)
t("all zero 4", c(0,0,0,0), 1)

section("FirstToEvent: Clopper-Pearson at 97.5% and the sign test")
# pairs: 6 arm first, 2 reference first, 2 ties -> n = 10; p1 = P(first) 6/10; p2 = P(first or tie) 8/10
a <- binom.test(6, 10, conf.level=1-0.05/2)$conf.int; b <- binom.test(8, 10, conf.level=1-0.05/2)$conf.int
cat(sprintf("first %.17g %.17g\nfirstOrTie %.17g %.17g\navg %.17g %.17g\n", a[1],a[2],b[1],b[2],(a[1]+b[1])/2,(a[2]+b[2])/2))
cat(sprintf("sign p=%.17g\n", binom.test(6, 8)$p.value))
a <- binom.test(5, 5, conf.level=0.975)$conf.int
cat(sprintf("allfirst5 %.17g %.17g\n", a[1],a[2]))

section("RestrictedMeanTime: survRM2 rmst1 formula on pbc[1:312, ] (writes pbc312.csv)")
data(pbc, package="survival")
D <- pbc[1:312, ]
days <- D$time; status <- as.numeric(D$status==2); arm <- as.numeric(D$trt==1)
write.csv(data.frame(days=days, status=status, arm=arm), "pbc312.csv", row.names=FALSE, quote=FALSE)
time <- days/365.25
rmst1 <- function(time, status, tau) {   # survRM2 1.0-4 R/rmst1.R, same formula
  ft <- survfit(Surv(time, status)~1); idx <- ft$time<=tau
  wk.time <- sort(c(ft$time[idx],tau)); wk.surv <- ft$surv[idx]
  wk.n.risk <- ft$n.risk[idx]; wk.n.event <- ft$n.event[idx]
  areas <- diff(c(0, wk.time)) * c(1, wk.surv); rmst <- sum(areas)
  wk.var <- ifelse((wk.n.risk-wk.n.event)==0, 0, wk.n.event/(wk.n.risk*(wk.n.risk-wk.n.event)))
  wk.var <- c(wk.var,0)
  v <- sum(cumsum(rev(areas[-1]))^2 * rev(wk.var)[-1])
  c(rmst, sqrt(v))
}
a1 <- rmst1(time[arm==1], status[arm==1], 10); a0 <- rmst1(time[arm==0], status[arm==0], 10)
cat(sprintf("arm1 rmst=%.17g se=%.17g\narm0 rmst=%.17g se=%.17g\n", a1[1], a1[2], a0[1], a0[2]))
d <- a1[1]-a0[1]; se <- sqrt(a1[2]^2+a0[2]^2)
cat(sprintf("diff=%.17g se=%.17g lo=%.17g hi=%.17g p=%.17g\n", d, se, d-qnorm(0.975)*se, d+qnorm(0.975)*se, 2*(1-pnorm(abs(d)/se))))
print(survfit(Surv(time, status)~arm), rmean=10, digits=8)

section("PermutationLogRank: coin::logrank_test exact, survdiff O - E")
tA <- c(2.1, 3.4, 5.0, 6.2, 8.8, 9.0); sA <- c(1,1,0,1,1,0)
tB <- c(4.3, 7.7, 9.0, 9.5, 10.0, 11.2, 12.0); sB <- c(1,1,1,0,1,0,0)
d <- data.frame(time=c(tA,tB), status=c(sA,sB), g=factor(c(rep("A",6), rep("B",7))))
lt <- logrank_test(Surv(time, status) ~ g, data=d, distribution="exact")
print(lt)
cat(sprintf("p=%.17g stat=%.17g\n", pvalue(lt), statistic(lt, "linear")))
sd <- survdiff(Surv(time, status) ~ g, data=d)
cat(sprintf("O-E A = %.17g chisq=%.17g\n", sd$obs[1]-sd$exp[1], sd$chisq))

section("Heterogeneity: metafor on dat.bcg")
dat <- escalc(measure="RR", ai=tpos, bi=tneg, ci=cpos, di=cneg, data=dat.bcg)
cat("yi:", sprintf("%.17g", dat$yi), "\n"); cat("vi:", sprintf("%.17g", dat$vi), "\n")
r <- rma(yi, vi, data=dat, method="DL")
cat(sprintf("Q=%.17g df=%d p=%.17g I2=%.17g H2=%.17g\n", r$QE, r$k-1, r$QEp, r$I2, r$H2))
r2 <- rma(yi, vi, data=dat, method="FE"); cat(sprintf("FE est=%.17g se=%.17g\n", r2$beta, r2$se))

section("PerformanceProfile: binom.test and survfit log-log")
ci <- binom.test(3, 6)$conf.int; cat(sprintf("cp 3/6: %.17g %.17g\n", ci[1], ci[2]))
ci <- binom.test(5, 6)$conf.int; cat(sprintf("cp 5/6: %.17g %.17g\n", ci[1], ci[2]))
t <- c(1, 2, 2, 3, 4, 5, 6, 8, 10, 10); s <- c(1,1,1,0,1,1,0,1,0,0)
f <- survfit(Surv(t, s) ~ 1, conf.type="log-log")
sm <- summary(f, times=c(2, 5, 8))
cat(sprintf("t=%g S=%.17g lo=%.17g hi=%.17g\n", sm$time, sm$surv, sm$lower, sm$upper), sep="")
ci <- binom.test(3, 10)$conf.int; cat(sprintf("cp 3/10: %.17g %.17g\n", ci[1], ci[2]))

section("KruskalWallisTest: kruskal.test")
g <- list(c(0.5, 1.0, 1.5, 0.5), c(-0.5, 0, 0.5), c(2.0, 1.5, 2.5, 3.0, 1.0))
k <- kruskal.test(g); cat(sprintf("H=%.17g df=%d p=%.17g\n", k$statistic, k$parameter, k$p.value))
g2 <- list(c(1,2,3), c(4,5,6))
k <- kruskal.test(g2); cat(sprintf("H=%.17g p=%.17g\n", k$statistic, k$p.value))
