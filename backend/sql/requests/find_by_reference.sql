SELECT id FROM requests WHERE reference = $1
