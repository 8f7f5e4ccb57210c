-- The zones among the given codes (unknown codes are simply absent from the answer).
SELECT id, code, kind FROM zones WHERE code = ANY($1::text[])
