-- About how many requests the database holds (planner statistics; cheap on any size).
SELECT greatest(reltuples, 0)::bigint AS n FROM pg_class WHERE oid = 'requests'::regclass
