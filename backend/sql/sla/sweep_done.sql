-- Records a complete sweep.
UPDATE sla_sweep_state SET swept_until = $1, events_seen_until = $2, swept_at = statement_timestamp()
