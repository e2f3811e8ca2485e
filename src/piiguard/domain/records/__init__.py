"""Records of processing activities (R10.1; docs/accountability.md): built from the
registers (build.py), never typed twice; each generated version kept with its hash
(ports.py says what the use cases need from storage)."""
