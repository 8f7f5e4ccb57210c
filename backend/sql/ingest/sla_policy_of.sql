-- Fragment: the SLA policy of the input row `s` (category, topic, priority, channel, created_at): the most specific
-- policy in force (topic, then priority, then channel, then category; the newest version). backend/demo/sla-policy.ts
-- mirrors this rule for the demo generator and the CSV import.
SELECT p.id FROM sla_policies p
WHERE (p.category_code IS NULL OR p.category_code = s.category)
  AND (p.topic_code IS NULL OR p.topic_code = s.topic)
  AND (p.priority IS NULL OR p.priority = s.priority)
  AND (p.channel_code IS NULL OR p.channel_code = s.channel)
  AND p.valid_from <= s.created_at AND (p.valid_to IS NULL OR p.valid_to > s.created_at)
ORDER BY (p.topic_code IS NOT NULL) DESC, (p.priority IS NOT NULL) DESC, (p.channel_code IS NOT NULL) DESC, (p.category_code IS NOT NULL) DESC, p.version DESC
LIMIT 1
