-- Where the newest requests of a point tile (zoom 13..18) start, from the pre-counted cells (migration
-- 0022): the latest month start M (from the month of $4 on, before $5) such that the tile's cells hold at
-- least $6 requests from M on. $1 z, $2 x, $3 y, $4 from, $5 to, $6 most features + 1. NULL: none such.
-- An estimate only (the cells inside the tile, months running past `to`, pending marks not applied):
-- tile_points_newest_first.sql reads [M, to) first, the rest of the range only when that held too few.
SELECT max(bucket) AS newest_from
FROM (
  SELECT bucket, sum(sum(n)) OVER (ORDER BY bucket DESC) AS newer
  FROM tile_bin_counts
  WHERE level = 18 AND tx = $2::int >> ($1::int - 13) AND ty = $3::int >> ($1::int - 13) AND span = 'm'
    AND bucket >= rollup_bucket('month', $4::timestamptz) AND bucket < $5::timestamptz
    AND i >= ($2::int - ($2::int >> ($1::int - 13) << ($1::int - 13))) << (18 - $1::int)
    AND i < ($2::int - ($2::int >> ($1::int - 13) << ($1::int - 13)) + 1) << (18 - $1::int)
    AND j >= ($3::int - ($3::int >> ($1::int - 13) << ($1::int - 13))) << (18 - $1::int)
    AND j < ($3::int - ($3::int >> ($1::int - 13) << ($1::int - 13)) + 1) << (18 - $1::int)
  GROUP BY bucket
) m
WHERE newer >= $6::int
