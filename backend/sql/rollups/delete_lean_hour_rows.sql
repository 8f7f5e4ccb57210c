-- The lean cubes' ($3) hour rows of [$1, $2): rows left below the hour horizon are stale; rebuilt next.
DELETE FROM rollups WHERE level = 'hour' AND cube = ANY($3::smallint[]) AND bucket >= $1::timestamptz AND bucket < $2::timestamptz
