"""The JSON API's request and response shapes (pydantic v2), one module per area.
"""
