"""People searching the directory: free-text search, recommendations, and opening a service.

Run by tests/cluster/test_load.py. FYP_DIRECTORY_URLS (comma-separated) spreads the users over
the directory replicas; FYP_SERVICE_IDS lists services to open."""

from __future__ import annotations

import itertools
import os
import random

from locust import HttpUser, between, task

WORDS = ["football", "drama", "dance", "coding", "music", "boxing", "art", "youth club", "swimming", "gaming",
         "lgbtq", "climbing", "homework", "cooking", "free"]
ASKS = ["im 14 from walton and i like football", "something free for a 12 year old in anfield",
        "drama in everton on saturday", "coding club for 15 year olds", "music near L4",
        "boxing in kirkby", "art for a 10 year old", "anything on a weekday evening in speke"]
URLS = [u for u in os.environ.get("FYP_DIRECTORY_URLS", "").split(",") if u]
IDS = [i for i in os.environ.get("FYP_SERVICE_IDS", "").split(",") if i]
_next_url = itertools.count()


class Searcher(HttpUser):
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.base = URLS[next(_next_url) % len(URLS)] if URLS else self.host

    @task(3)
    def search(self) -> None:
        self.client.get(f"{self.base}/services", params={"search": random.choice(WORDS)},
                        name="/services?search", timeout=60)

    @task(3)
    def recommend(self) -> None:
        self.client.get(f"{self.base}/recommendations", params={"q": random.choice(ASKS)},
                        name="/recommendations?q", timeout=60)

    @task(2)
    def open_service(self) -> None:
        if IDS:
            self.client.get(f"{self.base}/services/{random.choice(IDS)}", name="/services/{id}", timeout=60)
