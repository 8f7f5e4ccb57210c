-- Reference data the demo draws from.
SELECT
  (SELECT json_agg(code ORDER BY sort, code) FROM channels) AS channels,
  (SELECT json_agg(code ORDER BY sort, code) FROM categories) AS categories,
  (SELECT json_agg(json_build_object('code', code, 'department_code', department_code, 'default_priority', default_priority) ORDER BY code) FROM topics) AS topics,
  (SELECT json_agg(code ORDER BY code) FROM departments) AS departments,
  (SELECT json_agg(json_build_object('code', code, 'status_code', status_code, 'progress_pct', progress_pct) ORDER BY sort, code) FROM stages) AS stages
