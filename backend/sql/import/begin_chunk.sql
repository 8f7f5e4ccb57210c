-- One chunk's transaction. A crash may lose the last chunks written: re-running the import resumes.
-- One big statement per chunk: JIT compiling it costs more than it saves.
BEGIN;
SET LOCAL synchronous_commit = off;
SET LOCAL work_mem = '64MB';
SET LOCAL jit = off
