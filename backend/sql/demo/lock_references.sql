-- Holds off writers of every table the demo's rows refer to until it commits, so the references it read
-- stay true (they are checked once here, by construction, not row by row; see generate.ts).
LOCK TABLE zones, advisors, sla_policies, topics, departments, channels, categories, statuses, stages IN SHARE MODE
