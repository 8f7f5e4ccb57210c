-- Whether a city file has been applied (config apply): migrations carry no city, and a city without channels, topics
-- or working calendars cannot take a request.
SELECT EXISTS (SELECT 1 FROM channels) AND EXISTS (SELECT 1 FROM topics) AND EXISTS (SELECT 1 FROM calendars) AS configured
