-- One chunk's transaction: durable at COMMIT like any other (one WAL flush per chunk costs next to nothing).
BEGIN
