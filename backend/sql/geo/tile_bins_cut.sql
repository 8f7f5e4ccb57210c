-- Fragment: how a range [:from, :to) is cut for the pre-counted cells (migration 0022): d0 ≤ d1 are the
-- whole days inside it, m0 ≤ m1 the whole months inside those (both equal to `to` when no whole day is).
-- Months [m0, m1) and days [d0, m0), [m1, d1) come from tile_bin_counts; [from, d0) and [d1, to) from the rows.
SELECT d0, d1, m0, greatest(m0, m1) AS m1
FROM (SELECT d0, d1,
             CASE WHEN rollup_bucket('month', d0) = d0 THEN d0
                  ELSE rollup_bucket('month', rollup_bucket('month', d0) + interval '40 days') END AS m0,
             rollup_bucket('month', d1) AS m1
      FROM (SELECT CASE WHEN d1 > d0 THEN d0 ELSE :to::timestamptz END AS d0,
                   CASE WHEN d1 > d0 THEN d1 ELSE :to::timestamptz END AS d1
            FROM (SELECT CASE WHEN rollup_bucket('day', :from::timestamptz) = :from::timestamptz THEN :from::timestamptz
                              ELSE rollup_bucket('day', rollup_bucket('day', :from::timestamptz) + interval '36 hours') END AS d0,
                         rollup_bucket('day', :to::timestamptz) AS d1) a) b) c
