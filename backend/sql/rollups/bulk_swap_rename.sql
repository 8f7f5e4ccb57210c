-- The swap: a table renamed ({table} to {new_name}: the old one aside, or the new one into the old one's name).
ALTER TABLE {table} RENAME TO {new_name}
