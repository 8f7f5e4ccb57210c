INSERT INTO api_tokens (name, token_hash, scopes) VALUES ($1, $2, $3::text[]) RETURNING id
