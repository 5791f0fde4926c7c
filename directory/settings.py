"""Settings, read once from the environment (pydantic-settings)."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DIRECTORY_", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'var' / 'directory.db'}",
        description="SQLAlchemy URL: a SQLite file by default, PostgreSQL by URL.",
    )
    seed_file: Path = DATA_DIR / "directory" / "services.json"
    taxonomy_file: Path = DATA_DIR / "directory" / "taxonomy.json"
    geo_dir: Path = DATA_DIR / "geo"
    public_url: str = "http://127.0.0.1:8000"
    # Other processes' writes reach this process's index within this many seconds.
    index_poll_seconds: float = 5.0
    review_days: int = 180
    # A soft-deleted service can be purged for good only after this many days.
    hard_delete_days: int = 30
    # Failed authentications allowed per client per minute before 429.
    auth_failures_per_minute: int = 10
    # Several replicas share one count of failed staff keys here (redis://127.0.0.1:6379/4); unset, each
    # process counts its own.
    redis_url: str | None = None
    max_per_page: int = 100
    # Services whose public JSON each process keeps (LRU; directory/api/service_cache.py). About 3.5 kB
    # each with its bookkeeping, so the default costs under 20 MB per process; 0 turns the cache off.
    service_cache_entries: int = Field(default=5_000, ge=0)
    bot_url: str = "http://127.0.0.1:5005"


@lru_cache
def get_settings() -> Settings:
    return Settings()
