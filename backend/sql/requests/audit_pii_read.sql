-- An unmasked read of a customer's personal data: $1 token id, $2 token name, $3 customer id, $4 detail.
INSERT INTO audit_log (token_id, token_name, action, subject, subject_id, detail)
VALUES ($1, $2, 'read_pii', 'customer', $3, $4::jsonb)
RETURNING id
