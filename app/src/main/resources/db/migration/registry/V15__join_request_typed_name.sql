-- The name the requesting unit typed, so its list of requests says which child each is about without
-- showing anything of the registry's record.
ALTER TABLE join_request ADD COLUMN requested_name TEXT;
