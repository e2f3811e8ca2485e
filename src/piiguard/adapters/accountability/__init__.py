"""Accountability documents (R10.1, R10.2): the evidence report rendered as HTML (html.py,
Jinja2) and as PDF (pdf.py, reportlab with its built-in Chinese CID font), their shared
words (words.py); the record of processing as an XLSX workbook (xlsx.py, openpyxl)."""
