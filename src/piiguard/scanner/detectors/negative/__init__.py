"""Negative context: rules that claim look-alikes (fields.NOT_PERSONAL hits) so that the
phone, IP address and card rules do not report them."""
