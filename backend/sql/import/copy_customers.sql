COPY customers (id, home_zone_id, name, phone, email, national_id, language) FROM STDIN
