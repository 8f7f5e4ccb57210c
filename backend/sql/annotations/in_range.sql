-- Annotations overlapping [$1, $2] (both ends inclusive): a point annotation (no end) inside it, an
-- interval one that starts before its end and ends after its start. $3 kinds, $4 zone ids (NULL: all);
-- with zones, city-wide annotations (no zone) are kept: they concern every zone. $5 caps the rows.
SELECT a.id, a.kind, a.title_en, a.title_ar, a.text, a.starts_at, a.ends_at, a.tags,
       z.code AS zone_code, z.name_en AS zone_name_en, z.name_ar AS zone_name_ar
FROM annotations a
LEFT JOIN zones z ON z.id = a.zone_id
WHERE a.starts_at <= $2::timestamptz
  AND coalesce(a.ends_at, a.starts_at) >= $1::timestamptz
  AND ($3::text[] IS NULL OR a.kind = ANY($3::text[]))
  AND ($4::int[] IS NULL OR a.zone_id IS NULL OR a.zone_id = ANY($4::int[]))
ORDER BY a.starts_at, a.id
LIMIT $5
