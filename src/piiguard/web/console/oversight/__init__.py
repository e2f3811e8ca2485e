"""The oversight pages (R2.5, R2.10, R10.2): legal exceptions, decisions and their explanations,
the audit trail and its verification."""
