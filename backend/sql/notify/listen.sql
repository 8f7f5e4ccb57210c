-- The channels the change listener follows (migration 0032 says who notifies and with what payload).
LISTEN s360_tokens;
LISTEN s360_reference
