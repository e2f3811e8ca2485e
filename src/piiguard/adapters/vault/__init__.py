"""The vault: key providers (KEKs), the key store of wrapped subject keys, envelope
encryption with AES-256-GCM bound to (subject, item, category), the blind index, and
one-way credential hashes."""
