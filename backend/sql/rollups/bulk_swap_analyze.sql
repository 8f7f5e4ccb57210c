-- The fresh build: the new tables ({tables}) analyzed once filled and indexed, before the swap.
ANALYZE {tables}
