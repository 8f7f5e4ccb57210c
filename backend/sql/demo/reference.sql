-- Reference data the demo draws from: the city's catalogue as configured (config apply), retired entries left out
-- (they take no new request).
SELECT
  (SELECT json_agg(code ORDER BY sort, code) FROM channels WHERE retired_at IS NULL) AS channels,
  (SELECT json_agg(code ORDER BY sort, code) FROM categories) AS categories,
  (SELECT json_agg(json_build_object('code', code, 'department_code', department_code, 'default_priority', default_priority) ORDER BY code)
   FROM topics WHERE retired_at IS NULL) AS topics,
  (SELECT json_agg(code ORDER BY code) FROM departments WHERE retired_at IS NULL) AS departments,
  (SELECT json_agg(json_build_object('code', code, 'status_code', status_code, 'progress_pct', progress_pct) ORDER BY sort, code) FROM stages) AS stages
