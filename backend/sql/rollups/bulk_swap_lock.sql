-- The swap (backend/rollups/bulk-swap.ts): the old applied tables ({tables}) taken ACCESS EXCLUSIVE, the only moment
-- readers wait.
LOCK TABLE {tables} IN ACCESS EXCLUSIVE MODE
