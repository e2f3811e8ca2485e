"""The backup pages (R5.7): the list with manifests and evidence, a backup with its restore
tests, taking a backup and running a restore test, the settings in force (pages.py)."""
