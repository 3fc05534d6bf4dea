/* xd-bench-report.h — how the bench programs print a figure for
 * build-aux/bench: "NAME_median_ms=…" and "NAME_p99_ms=…", nearest rank
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

static inline int
xd_bench_compare_doubles (const void *a,
                          const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The @p th percentile (0–100) of @n sorted values, nearest rank. */
static inline double
xd_bench_percentile (const double *sorted,
                     int           n,
                     double        p)
{
  int rank = (int) (p / 100.0 * n + 0.999999);

  return sorted[CLAMP (rank, 1, n) - 1];
}

/* Sorts @ms in place and prints its median and 99th percentile. */
static inline void
xd_bench_report (const char *name,
                 double     *ms,
                 int         n)
{
  qsort (ms, n, sizeof *ms, xd_bench_compare_doubles);
  printf ("%s_median_ms=%.3f\n%s_p99_ms=%.3f\n", name, xd_bench_percentile (ms, n, 50),
          name, xd_bench_percentile (ms, n, 99));
}
