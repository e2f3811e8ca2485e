"""Alembic migrations, shipped inside the package so an installed piiguard can migrate on
start: data/ for the data database, keystore/ for the key store."""
