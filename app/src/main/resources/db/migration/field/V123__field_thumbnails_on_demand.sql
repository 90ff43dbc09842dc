-- A JPEG kept as ODK Collect sent it (upright, within the edge; only its metadata cut) is not decoded when received,
-- so it has no thumbnail yet: the file store makes one when it is first shown (FileStore#thumbnail).
ALTER TABLE field_attachment ALTER COLUMN thumbnail_sha256 DROP NOT NULL;
