"""The console's pages for data kept up to date (R2.8: /console/confirmations — the staff
queue and the confirmation intervals) and a child's data found (R6.3: /console/children —
the child-data tasks). docs/retention.md."""
