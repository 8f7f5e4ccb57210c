-- Rows a job could not process. A job that meets such a row (a point the map cannot project, or any data error
-- in its statements) sets the row aside here and goes on with the rest, instead of failing every run after.
-- One row per job and request: a request quarantined again (changed, still bad) updates `error` and `at` and
-- counts `times`; one the job processes at last (fixed since) leaves. Read by GET /v1/ops/quarantine and
-- s360_job_quarantined_rows (/metrics).
CREATE TABLE job_quarantine (
  job        text NOT NULL,
  request_id bigint NOT NULL,
  error      text NOT NULL,
  at         timestamptz NOT NULL DEFAULT now(),
  times      integer NOT NULL DEFAULT 1,
  PRIMARY KEY (job, request_id)
);
CREATE INDEX job_quarantine_at ON job_quarantine (at DESC);
