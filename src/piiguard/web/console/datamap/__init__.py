"""The data map's pages (R2.3, R5.6): systems, exports, findings."""
