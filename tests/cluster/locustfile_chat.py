"""Young people and parents chatting with the bot over Rasa's REST channel, at a human pace.

Run by tests/cluster/test_load.py. FYP_RASA_URLS (comma-separated) spreads the users over several
Rasa servers; each conversation stays on one of them. Requests are named by the step of the
conversation, never by what was said."""

from __future__ import annotations

import itertools
import os
import random
import uuid

from locust import HttpUser, between, task

CONVERSATIONS = [
    [("greeting", "hi"), ("profile", "im 14 from walton and i like football"), ("refine", "something free"),
     ("thanks", "thanks")],
    [("greeting", "hiya can u find me something to do"), ("age", "im 15"), ("area", "anfield"),
     ("interest", "drama"), ("refine", "anything on saturday?")],
    [("profile", "I'm 13 and live in Kirkby, I'm into gaming and coding"), ("refine", "only free ones"),
     ("more", "any more?"), ("thanks", "cheers")],
    [("parent", "i'm a parent and i need some advice"), ("parent_worry", "my son is 12 and he's being bullied"),
     ("parent_area", "we live in Norris Green"), ("thanks", "thank you")],
    [("parent", "my daughter is really anxious"), ("parent_age", "she's 15"), ("parent_area", "Everton"),
     ("parent_more", "is there anything for parents too?")],
]
URLS = [u for u in os.environ.get("FYP_RASA_URLS", "").split(",") if u]
_next_url = itertools.count()


class Person(HttpUser):
    wait_time = between(2, 5)

    def on_start(self) -> None:
        base = URLS[next(_next_url) % len(URLS)] if URLS else self.host
        self.url = f"{base}/webhooks/rest/webhook"
        self.begin()

    def begin(self) -> None:
        self.sender = f"load-{uuid.uuid4().hex[:12]}"
        self.steps = iter(random.choice(CONVERSATIONS))

    @task
    def say_next(self) -> None:
        step = next(self.steps, None)
        if step is None:
            self.begin()
            step = next(self.steps)
        label, text = step
        with self.client.post(self.url, json={"sender": self.sender, "message": text}, name=f"chat: {label}",
                              timeout=120, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
                return
            try:
                replies = response.json()
            except ValueError:
                response.failure("reply is not JSON")
                return
            if not isinstance(replies, list) or not replies:
                response.failure("no reply")
