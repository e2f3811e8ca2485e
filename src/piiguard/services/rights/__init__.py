"""Rights requests of the person (R4, R9): intake by web and mail, staff steps, fulfilment,
packages, background jobs, mail, self-service.
"""
