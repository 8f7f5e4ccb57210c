-- The swap, last: the old tables ({tables}), renamed aside, dropped.
DROP TABLE {tables}
