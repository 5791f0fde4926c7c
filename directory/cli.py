"""Command line: `python -m directory migrate|seed|serve`."""

from __future__ import annotations

import argparse
import logging
import sys

from sqlalchemy import func, select

from directory import migrate, models
from directory.db import make_engine, session_factory
from directory.importers.hsds_json import seed as load_seed
from directory.settings import get_settings


def cmd_migrate(args: argparse.Namespace) -> int:
    engine = make_engine(get_settings().database_url)
    if args.down:
        migrate.downgrade(engine, args.down)
    else:
        migrate.upgrade(engine)
    print("database is at", args.down or "head")
    return 0


def seed_database(progress: bool, only_if_empty: bool) -> dict | None:
    settings = get_settings()
    engine = make_engine(settings.database_url)
    migrate.upgrade(engine)
    with session_factory(engine)() as session:
        if only_if_empty and session.scalar(select(func.count(models.Service.id))):
            return None
        report = load_seed(session, settings.taxonomy_file, settings.seed_file, progress=progress)
        session.commit()
    return report


def cmd_seed(args: argparse.Namespace) -> int:
    report = seed_database(progress=not args.quiet, only_if_empty=args.if_empty)
    if report is None:
        print("directory already has services; nothing loaded")
    else:
        print(f"loaded {report['terms']} taxonomy terms and {report['services']} services ({report['new']} new)")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from directory.app import create_app

    if not args.no_seed:
        seed_database(progress=False, only_if_empty=True)
    uvicorn.run(create_app(), host=args.host, port=args.port, log_level="info", access_log=False)
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="python -m directory", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("migrate", help="upgrade the database to the latest schema")
    p.add_argument("--down", metavar="REVISION", help="downgrade to REVISION instead (e.g. base)")
    p.set_defaults(func=cmd_migrate)
    p = sub.add_parser("seed", help="load the taxonomy and the sample directory (idempotent)")
    p.add_argument("--if-empty", action="store_true", help="only when the directory has no services")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_seed)
    p = sub.add_parser("serve", help="migrate, seed if empty, and serve the API")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--no-seed", action="store_true")
    p.set_defaults(func=cmd_serve)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
