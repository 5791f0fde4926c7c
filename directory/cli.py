"""Command line: `python -m directory migrate|seed|serve`."""

from __future__ import annotations

import argparse
import copy
import json
import logging
import sys
from pathlib import Path

from sqlalchemy import func, select

from directory import auth, migrate, models, review
from directory.db import make_engine, session_factory
from directory.importers import bulk
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


def _session():
    engine = make_engine(get_settings().database_url)
    migrate.upgrade(engine)
    return session_factory(engine)()


def cmd_create_key(args: argparse.Namespace) -> int:
    with _session() as session:
        try:
            key = auth.create_key(session, args.name, args.role)
        except auth.KeyError_ as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        session.commit()
    print(f"Created {args.role} key '{args.name}'. Copy it now: it is not stored and won't be shown again.")
    print(key)
    return 0


def cmd_revoke_key(args: argparse.Namespace) -> int:
    with _session() as session:
        try:
            auth.revoke_key(session, args.name)
        except auth.KeyError_ as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        session.commit()
    print(f"Revoked key '{args.name}'.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    raw = Path(args.file).read_bytes()
    fmt = args.format or bulk.sniff_format("text/csv" if args.file.endswith(".csv") else "", raw)
    with _session() as session:
        report = bulk.import_bytes(session, raw, fmt, key_name=f"cli:{args.as_name}", dry_run=args.dry_run,
                                   allow_duplicates=args.allow_duplicates, progress=True)
    out = report.as_dict()
    print(json.dumps({k: v for k, v in out.items() if k not in ("errors", "duplicates")}, indent=2))
    for err in report.errors[:50]:
        for e in err["errors"]:
            print(f"row {err['row']}: {'.'.join(str(p) for p in e['loc'])}: {e['msg']}", file=sys.stderr)
    for dup in report.duplicates[:50]:
        print(f"row {dup['row']}: '{dup['name']}' looks like {dup['duplicate_of']['id']}", file=sys.stderr)
    return 0 if report.ok else 1


def cmd_review(args: argparse.Namespace) -> int:
    settings = get_settings()
    with _session() as session:
        result = review.queue(session, settings.review_days, limit=args.limit)
    print(f"{result['total']} services need checking (not assured in {settings.review_days} days):")
    for item in result["items"]:
        when = item["assured_date"] or "never"
        editors = ", ".join(item["last_edited_by"]) or "-"
        print(f"  {when:>10}  {item['name']}  [{item['organization'] or '-'}]  last edited by: {editors}  {item['id']}")
    return 0


def fast_server_parts() -> tuple[str, str]:
    """uvloop and httptools (uvicorn[standard], pinned in requirements.txt) when they are installed.
    They matter: with the pure-Python h11 parser and asyncio's loop, most of the server's CPU went to
    HTTP parsing and the loop rather than to our endpoints (bench/REPORT.md, "HTTP: 1,000 requests/s")."""
    parts = []
    for module, fast, fallback in (("uvloop", "uvloop", "asyncio"), ("httptools", "httptools", "h11")):
        try:
            __import__(module)
            parts.append(fast)
        except ImportError:
            logging.getLogger(__name__).warning("%s is not installed: serving with %s, which is much slower "
                                                "(pip install 'uvicorn[standard]')", module, fallback)
            parts.append(fallback)
    return parts[0], parts[1]


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    if not args.no_seed:
        seed_database(progress=False, only_if_empty=True)
    loop, http = fast_server_parts()
    options = {"host": args.host, "port": args.port, "log_level": "info", "access_log": False, "loop": loop,
               "http": http}
    if args.workers > 1:
        # Each worker is a process with its own search index (about 250 MB at 10k services, 400 MB at 100k)
        # and its own service cache; they share the database, and see each other's writes the way
        # replicas do (index poll; the service cache checks stamps on every request).
        # Workers are fresh processes that never ran main()'s logging setup: give the root logger uvicorn's
        # handler there, or their own messages (index built, refresh failures) would be lost.
        log_config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
        log_config["root"] = {"handlers": ["default"], "level": "INFO"}
        uvicorn.run("directory.app:create_app", factory=True, workers=args.workers, log_config=log_config, **options)
    else:
        from directory.app import create_app

        uvicorn.run(create_app(), **options)
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
    p.add_argument("--workers", type=int, default=1,
                   help="worker processes (default 1); each builds and holds its own search index in memory")
    p.set_defaults(func=cmd_serve)
    p = sub.add_parser("create-key", help="create a staff API key (printed once)")
    p.add_argument("--name", required=True)
    p.add_argument("--role", required=True, choices=auth.ROLES)
    p.set_defaults(func=cmd_create_key)
    p = sub.add_parser("revoke-key", help="revoke a staff API key by name")
    p.add_argument("name")
    p.set_defaults(func=cmd_revoke_key)
    p = sub.add_parser("import", help="import HSDS JSON, NDJSON or CSV (all or nothing)")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    p.add_argument("--allow-duplicates", action="store_true")
    p.add_argument("--format", choices=("json", "ndjson", "csv"))
    p.add_argument("--as-name", default="import", help="name recorded in the audit trail")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("review", help="list services due for checking, oldest first")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_review)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
