-- Is any request marked for the rollup job? (When none is, a query leaves the pending delta out.)
SELECT EXISTS (SELECT 1 FROM rollup_pending) AS pending
