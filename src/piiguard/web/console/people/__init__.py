"""The people pages (R2.4, R2.7, R4, R6): find a person, their items' metadata, consents,
restrictions, objections, guardians; reading values for a stated purpose."""
