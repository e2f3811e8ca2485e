"""The retention pages of the console (issue 14; R2.11, R10.2): the schedule, legal holds,
the disposal preview, disposal batches with their certificates and deletion notices.
pages.py holds the router and the front page's `attention`."""
