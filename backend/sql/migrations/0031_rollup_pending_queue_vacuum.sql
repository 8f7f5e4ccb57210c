-- rollup_pending is a queue: every ingest marks a request, every rollup run deletes its marks. With the default
-- autovacuum thresholds (20% of the table) and PostgreSQL's skipping of index cleanup when few heap pages hold
-- dead rows, its primary key kept hundreds of MB of dead entries after a large load, and each query's
-- "is anything pending?" check (sql/query/rollup_snapshot.sql) walked them: 0.7–1 ms on every /v1/query at 10 M
-- requests instead of 0.04 ms. Vacuum it after every 1,000 deleted marks, and always clean its index.
ALTER TABLE rollup_pending SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
                                autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 1000,
                                vacuum_index_cleanup = on);
