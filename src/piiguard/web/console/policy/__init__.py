"""The console's policy versions (R8.1, R2.4): versions and drafts, a version's diff, the
draft form, publishing (four eyes for a material change), the notices per person."""
