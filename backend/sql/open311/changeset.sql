-- Open311 discovery `changeset`: services and their definitions come from reference data that only
-- migrations change, so the last migration's time is when they last changed.
SELECT max(applied_at) AS changed_at FROM schema_migrations
