-- Personal data of customer $1 (read only for a request's detail; unmasked only with the pii scope, and
-- then audited in the same transaction).
SELECT c.id, c.name, c.phone, c.email, c.national_id, c.language,
       z.code AS home_zone_code, z.name_en AS home_zone_name_en, z.name_ar AS home_zone_name_ar
FROM customers c
LEFT JOIN zones z ON z.id = c.home_zone_id
WHERE c.id = $1
