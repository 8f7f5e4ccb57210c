-- Recent open requests for the trickle to move one step along their journey.
SELECT r.reference, r.status, r.department_code,
       (SELECT a.code FROM advisors a WHERE a.department_code = coalesce(r.department_code, 'customer_service') ORDER BY random() LIMIT 1) AS advisor
FROM requests r
WHERE r.status IN ('received', 'assigned', 'in_progress', 'on_hold', 'resolved') AND r.created_at > now() - interval '7 days'
ORDER BY random()
LIMIT $1
