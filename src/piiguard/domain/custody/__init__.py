"""Paper records and removable media in custody (R5.2, R5.4, R5.6): docs/custody.md."""
