SELECT json_build_object(
  'time_zone',  (SELECT time_zone FROM city_settings),
  'languages',  (SELECT to_json(languages) FROM city_settings),
  'channels',   (SELECT coalesce(json_agg(json_build_object('code', code, 'name_en', name_en, 'name_ar', name_ar,
                                                            'digital', digital, 'retired', retired_at IS NOT NULL)
                 ORDER BY sort), '[]') FROM channels),
  'categories', (SELECT coalesce(json_agg(json_build_object('code', code, 'name_en', name_en, 'name_ar', name_ar) ORDER BY sort), '[]') FROM categories),
  'departments',(SELECT coalesce(json_agg(json_build_object('code', code, 'name_en', name_en, 'name_ar', name_ar,
                                                            'calendar_code', calendar_code, 'retired', retired_at IS NOT NULL)
                 ORDER BY code), '[]') FROM departments),
  'topics',     (SELECT coalesce(json_agg(json_build_object('code', code, 'name_en', name_en, 'name_ar', name_ar,
                                                            'department_code', department_code, 'default_priority', default_priority,
                                                            'retired', retired_at IS NOT NULL)
                 ORDER BY code), '[]') FROM topics),
  'priorities', (SELECT coalesce(json_agg(json_build_object('code', code, 'name_en', name_en, 'name_ar', name_ar) ORDER BY sort), '[]') FROM priorities),
  'statuses',   (SELECT coalesce(json_agg(json_build_object('code', code, 'name_en', name_en, 'name_ar', name_ar,
                                                            'status_class', status_class)
                 ORDER BY sort), '[]') FROM statuses),
  'stages',     (SELECT coalesce(json_agg(json_build_object('code', code, 'status_code', status_code,
                                                            'name_en', name_en, 'name_ar', name_ar, 'progress_pct', progress_pct)
                 ORDER BY sort), '[]') FROM stages),
  'advisors',   (SELECT coalesce(json_agg(json_build_object('id', id, 'code', code, 'name', name,
                                                            'department_code', department_code)
                 ORDER BY id), '[]') FROM advisors),
  'zones',      (SELECT coalesce(json_agg(json_build_object('id', id, 'code', code, 'name_en', name_en,
                                                            'name_ar', name_ar, 'kind', kind, 'population', population)
                 ORDER BY id), '[]') FROM zones)
) AS reference
