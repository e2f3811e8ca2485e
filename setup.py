"""Builds the scanner's optional compiled fast paths; everything else is in pyproject.toml.

`optional=True`: without a C compiler the build goes on and the scanner runs its Python
rules (piiguard.scanner.detectors.native says which are in use).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "piiguard.scanner._native",
            ["src/piiguard/scanner/_native.c"],
            optional=True,
        )
    ]
)
