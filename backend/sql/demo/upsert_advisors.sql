-- Adds the demo advisors that are not there yet (by code) and returns every one of them with its id.
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(code, name, department_code, team)
),
added AS (
  INSERT INTO advisors (code, name, department_code, team)
  SELECT code, name, department_code, team FROM input ORDER BY code
  ON CONFLICT (code) DO NOTHING
  RETURNING id, code, department_code
)
SELECT id, code, department_code FROM added
UNION ALL
SELECT a.id, a.code, a.department_code FROM advisors a JOIN input i USING (code)
WHERE NOT EXISTS (SELECT 1 FROM added WHERE added.code = a.code)
ORDER BY code
