"""Independent reference values for the tests in driver/src/test/java/io/gradsweep/driver/stats.

Run with python3 (numpy 2.4, scipy 1.17 used when the values were taken):
    python3 driver/src/test/python/stats_references.py
Not run by Maven; it documents where each expected number in those tests comes from.
"""
import itertools

import numpy as np
from scipy import stats


def section(title):
    print(f"\n== {title}")


section("Summary: type-7 quantiles (numpy default 'linear')")
print(np.percentile([3.5, 1.0, 7.25, 2.0, 10.0, 4.0, 6.0], [25, 50, 75]), np.mean([3.5, 1.0, 7.25, 2.0, 10.0, 4.0, 6.0]))
print(np.percentile([1.0, 2.0, 3.0, 4.0], [25, 50, 75]))
x = np.array([(i * 37 % 101) / 10 for i in range(200)])
z = stats.norm.ppf(0.975)
half = z * x.std(ddof=1) / np.sqrt(len(x))
print("normal-theory 95% interval of the mean:", repr(x.mean()), repr(x.mean() - half), repr(x.mean() + half), half)

section("WilsonInterval (scipy binomtest ... method='wilson')")
for k, n in [(81, 263), (15, 148), (0, 20), (1, 29), (29, 29)]:
    ci = stats.binomtest(k, n).proportion_ci(0.95, method="wilson")
    print(k, n, repr(ci.low), repr(ci.high))

section("KaplanMeier: 6-MP (scipy ecdf, log-log bands; Greenwood SE by hand)")
mp_t = np.array([6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35.])
mp_e = np.array([1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0], bool)
mp = stats.CensoredData(uncensored=mp_t[mp_e], right=mp_t[~mp_e])
sf = stats.ecdf(mp).sf
ci = sf.confidence_interval(0.95, method="log-log")
for q, p, lo, hi in zip(sf.quantiles, sf.probabilities, ci.low.probabilities, ci.high.probabilities):
    print(q, repr(p), repr(lo), repr(hi))
s, acc = 1.0, 0.0
for q in sorted(set(mp_t[mp_e])):
    n, d = (mp_t >= q).sum(), ((mp_t == q) & mp_e).sum()
    s *= 1 - d / n
    acc += d / (n * (n - d))
    print("t", q, "S", repr(s), "Greenwood SE", repr(s * np.sqrt(acc)))
sf = stats.ecdf(np.array([3, 5, 5, 8, 10, 12, 15, 20.])).sf
ci = sf.confidence_interval(0.95, method="log-log")
for q, p, lo, hi in zip(sf.quantiles, sf.probabilities, ci.low.probabilities, ci.high.probabilities):
    print(q, repr(p), repr(lo), repr(hi))


section("LogRankTest (scipy logrank for two groups; textbook k-group version, checked against it)")


def logrank(groups):
    times = np.concatenate([g[0] for g in groups])
    events = np.concatenate([g[1] for g in groups])
    k = len(groups)
    observed, expected, v = np.zeros(k), np.zeros(k), np.zeros((k, k))
    for u in np.unique(times[events]):
        at_risk = np.array([(g[0] >= u).sum() for g in groups], float)
        d = np.array([((g[0] == u) & g[1]).sum() for g in groups], float)
        total, events_here = at_risk.sum(), d.sum()
        observed += d
        expected += at_risk * events_here / total
        if total > 1:
            share = at_risk / total
            v += events_here * (total - events_here) / (total - 1) * (np.diag(share) - np.outer(share, share))
    diff = (observed - expected)[:-1]
    statistic = diff @ np.linalg.solve(v[:-1, :-1], diff)
    return statistic, stats.chi2.sf(statistic, k - 1), observed, expected


placebo = (np.array([1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23.]), np.ones(21, bool))
r = stats.logrank(mp, stats.CensoredData(uncensored=placebo[0]))
print("scipy:", repr(r.statistic ** 2), repr(r.pvalue), "by hand:", logrank([(mp_t, mp_e), placebo]))
g1 = (np.array([2, 4, 4, 7, 9, 12, 15.]), np.array([1, 1, 0, 1, 1, 0, 1], bool))
g2 = (np.array([3, 5, 8, 8, 11, 14, 18, 21.]), np.array([1, 0, 1, 1, 1, 1, 0, 1], bool))
g3 = (np.array([1, 2, 3, 6, 6, 10.]), np.array([1, 1, 1, 1, 0, 1], bool))
print("three groups:", [repr(v) for v in logrank([g1, g2, g3])[:2]], logrank([g1, g2, g3])[2:])
r = stats.logrank(stats.CensoredData(uncensored=g1[0][g1[1]], right=g1[0][~g1[1]]),
                  stats.CensoredData(uncensored=g2[0][g2[1]], right=g2[0][~g2[1]]))
print("groups 1, 2: scipy", repr(r.statistic ** 2), repr(r.pvalue), "by hand", logrank([g1, g2])[:2])

section("WilcoxonSignedRank (scipy wilcoxon, zero_method='wilcox', correction=True)")
x = np.array([1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30])
y = np.array([0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29])
print("depression:", stats.wilcoxon(x - y, method="exact"))
print("zeros dropped:", stats.wilcoxon([0, 0, 1, -2, 3, 4, 5, 6.], zero_method="wilcox", method="exact"))
tied = np.array([0.0, 1.5, -0.5, 1.5, 2.0, 0.0, -2.0, 3.0, 1.5, 0.5, 4.0, 2.5])
print("ties:", stats.wilcoxon(tied, zero_method="wilcox", correction=True, method="approx"))
big = np.round(np.random.default_rng(7).normal(0.3, 1, 30), 3)
print("n = 30:", list(map(float, big)), stats.wilcoxon(big, method="approx", correction=True))
print("centre:", stats.wilcoxon([1, -2, -3, 4.], method="exact"), "single:", stats.wilcoxon([2.0], method="exact"))
print("subsets of 1..10 with sum <= 8:",
      sum(1 for r in range(11) for s in itertools.combinations(range(1, 11), r) if sum(s) <= 8))

section("PairedBootstrap: skewed differences, distribution-free interval of the median")
d = np.array([10 * ((i * 53 % 97) / 97) ** 3 for i in range(150)])
k = int(stats.binom.ppf(0.025, 150, 0.5))
print("median", repr(np.median(d)), "mean", d.mean(), "order statistics", k, 150 - k + 1, repr(np.sort(d)[k - 1]),
      repr(np.sort(d)[150 - k]), "coverage", 1 - 2 * stats.binom.cdf(k - 1, 150, 0.5))
