-- Each tablet's public key (base64 SPKI, ECDSA P-256), sent when it claims its pairing: every request and socket
-- hello it makes is signed with the private half, which never leaves the tablet. Tablets paired before this have
-- none and are refused until paired again (README).
ALTER TABLE devices ADD COLUMN public_key TEXT;
