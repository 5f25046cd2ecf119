-- The aligned 112×112 face crop (ArcFace template, JPEG) of each enrollment photo, kept beside its descriptor: when
-- the descriptor model changes, the server re-describes every deputy from these crops at start instead of asking
-- for their photos again (server/services/face-redescribe-service.ts). Biometric data like the descriptor: erased
-- with the row (faces-repository.ts eraseBiometrics). NULL for rows enrolled before this migration (face-api
-- descriptors): those are re-described from the deputy's thumbnail.
ALTER TABLE face_descriptors ADD COLUMN aligned BLOB;
CREATE INDEX face_descriptors_model ON face_descriptors (model, deputy_id);
