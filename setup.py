"""Builds the scanner's optional compiled fast paths (the detectors' and the JSON Lines
writer's); everything else is in pyproject.toml.

`optional=True`: without a C compiler the build goes on and the scanner runs its Python
rules (piiguard.scanner.detectors.native says which are in use).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "piiguard.scanner._native",
            [
                "src/piiguard/scanner/_native.c",
                "src/piiguard/scanner/_cues.c",
                "src/piiguard/scanner/_keys.c",
                "src/piiguard/scanner/_labels.c",
                "src/piiguard/scanner/_dates.c",
                "src/piiguard/scanner/_chat.c",
                "src/piiguard/scanner/_starts.c",
            ],
            depends=["src/piiguard/scanner/_native.h"],
            optional=True,
        ),
        # findings as JSON Lines (mask, keyed hash, JSON) for `piiguard scan --format jsonl`
        Extension(
            "piiguard.scanner._jsonl",
            ["src/piiguard/scanner/_jsonl.c"],
            optional=True,
        ),
    ]
)
