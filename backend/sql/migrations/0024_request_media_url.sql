-- A photo or document of the request, as a link (Open311's media_url; the native API's media_url).
-- Only the URL is kept: the file stays where the channel stored it.
ALTER TABLE requests ADD COLUMN media_url text CHECK (length(media_url) <= 2000 AND media_url ~* '^https?://');
