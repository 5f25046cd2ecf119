-- The eye-aligned grey patch (32×32, one byte a pixel) of each enrollment photo's face, made at enrollment, so a
-- check-in frame that copies the photo, its thumbnail or its crop is found without detecting any face again
-- (services/thumbnail-copy.ts). Biometric like the rest of the row: erased with it.
ALTER TABLE face_descriptors ADD COLUMN copy_patch BLOB;
