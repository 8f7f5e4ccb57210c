-- New tables ({tables}) committed by a session of the fresh build that did not reach the swap (bulk-fresh-side.ts:
-- the main build failed after the side committed, or a process died before its swap), dropped. A table of those
-- names another session is still creating is not seen here (it is not committed).
DROP TABLE IF EXISTS {tables}
