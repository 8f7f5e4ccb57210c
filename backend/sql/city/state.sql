-- The city configuration as the tables hold it (backend/city/read-state.ts): one JSON object. Per SLA policy code
-- its latest version (retired when that version has an end); sort orders as they are.
SELECT json_build_object(
  'city',        (SELECT json_build_object('time_zone', time_zone, 'languages', languages) FROM city_settings),
  'kinds',       (SELECT coalesce(json_agg(json_build_object('code', code, 'name_en', name_en, 'name_ar', name_ar, 'names', names,
                    'sort', sort)), '[]') FROM categories),
  'priorities',  (SELECT coalesce(json_agg(json_build_object('code', code, 'name_en', name_en, 'name_ar', name_ar, 'names', names,
                    'sort', sort)), '[]') FROM priorities),
  'channels',    (SELECT coalesce(json_agg(json_build_object('code', code, 'name_en', name_en, 'name_ar', name_ar, 'names', names, 'sort', sort,
                    'digital', digital, 'retired', retired_at IS NOT NULL)), '[]') FROM channels),
  'calendars',   (SELECT coalesce(json_agg(json_build_object('code', code, 'name_en', name_en, 'name_ar', name_ar, 'names', names, 'time_zone', timezone,
                    'weekly_hours', weekly_hours, 'observes_holidays', observes_holidays, 'retired', retired_at IS NOT NULL)), '[]') FROM calendars),
  'departments', (SELECT coalesce(json_agg(json_build_object('code', code, 'name_en', name_en, 'name_ar', name_ar, 'names', names,
                    'calendar', calendar_code, 'retired', retired_at IS NOT NULL)), '[]') FROM departments),
  'topics',      (SELECT coalesce(json_agg(json_build_object('code', code, 'name_en', name_en, 'name_ar', name_ar, 'names', names,
                    'department', department_code, 'default_priority', default_priority, 'proactive_action', proactive_action,
                    'retired', retired_at IS NOT NULL)), '[]') FROM topics),
  'holidays',    (SELECT coalesce(json_agg(json_build_object('calendar', calendar_code, 'date', to_char(day, 'YYYY-MM-DD'), 'name_en', name_en,
                    'name_ar', name_ar, 'names', names, 'provisional', provisional)), '[]') FROM holidays),
  'policies',    (SELECT coalesce(json_agg(json_build_object('code', code, 'version', version, 'kind', category_code, 'topic', topic_code,
                    'priority', priority, 'channel', channel_code, 'first_response_minutes', first_response_minutes, 'resolution_minutes', resolution_minutes,
                    'calendar', calendar_code, 'warning_pct', warning_pct, 'pause_statuses', pause_statuses,
                    'effective_from', (extract(epoch FROM valid_from) * 1000)::float8, 'retired', valid_to IS NOT NULL)), '[]')
                  FROM (SELECT DISTINCT ON (code) * FROM sla_policies ORDER BY code, version DESC) latest)
) AS state
