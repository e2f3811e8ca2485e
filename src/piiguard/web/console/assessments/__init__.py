"""Impact assessments and the duties by headcount on the console (R10.4, R10.2)."""
