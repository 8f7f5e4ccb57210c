-- The swap: how long its lock waits for readers (:timeout, e.g. '2s') before it steps back and tries again.
SELECT set_config('lock_timeout', :timeout, true)
