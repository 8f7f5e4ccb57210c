-- Keeps other writers out of the tables the demo fills while it reads and advances their ids (reads go on).
LOCK TABLE customers, requests IN SHARE ROW EXCLUSIVE MODE
