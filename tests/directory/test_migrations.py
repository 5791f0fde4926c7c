"""Alembic migrations go up and down cleanly on both databases."""

import pytest
from sqlalchemy import inspect

from directory import migrate

TABLES = {
    "organization",
    "service",
    "location",
    "address",
    "service_at_location",
    "phone",
    "contact",
    "schedule",
    "cost_option",
    "language",
    "accessibility",
    "taxonomy",
    "taxonomy_term",
    "attribute",
}


@pytest.mark.parametrize("backend_name", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_up_down_up(make_database, backend_name):
    _db, engine = make_database(backend_name)
    migrate.upgrade(engine)
    assert TABLES <= set(inspect(engine).get_table_names())
    migrate.downgrade(engine, "base")
    assert not (TABLES & set(inspect(engine).get_table_names()))
    migrate.upgrade(engine)
    assert TABLES <= set(inspect(engine).get_table_names())
