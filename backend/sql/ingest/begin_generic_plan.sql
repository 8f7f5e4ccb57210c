-- Opens the insert's transaction with generic plans for its prepared statement (see write-requests.ts).
BEGIN;
SET LOCAL plan_cache_mode = force_generic_plan
