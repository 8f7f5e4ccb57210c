COPY customers (id, name, phone, email, national_id, language, home_zone_id, created_at) FROM STDIN
