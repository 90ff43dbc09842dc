-- Every API request now asks whether its token was revoked (OAuth2AuthorizationService.findByToken, an equality on the
-- token's text): a hash index answers it without reading every authorization ever issued. Hash, not btree: a signed
-- token can be longer than a btree entry may be.
CREATE INDEX oauth2_authorization_access_token ON oauth2_authorization USING hash (access_token_value);
