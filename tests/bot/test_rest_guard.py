"""What the REST channel accepts before Rasa sees it (bot/rest_guard.py), and the
cleaning every channel shares (bot/message_guard.py)."""

from __future__ import annotations

import json
import warnings

import pytest
from rasa.core.nlg import interpolator
from sanic.exceptions import InvalidUsage as BadRequest  # sanic 21.12 (Rasa 3.6): 400

from bot import message_guard, rest_guard
from bot.safety.detector import MAX_CHARS, assess


@pytest.mark.parametrize(
    "body",
    [{"sender": "a", "message": 5}, {"sender": "a", "message": ["hi"]}, {"sender": "a"}, ["hi"], "hi", None],
)
def test_a_message_that_is_not_a_string_is_a_400(body):
    with pytest.raises(BadRequest):
        rest_guard.message_text(body)


@pytest.mark.parametrize("sender", [5, "", "x" * 129, {"id": 1}])
def test_a_bad_sender_is_a_400(sender):
    with pytest.raises(BadRequest):
        rest_guard.sender_id({"sender": sender, "message": "hi"})


def test_no_sender_is_left_to_rasa():
    assert rest_guard.sender_id({"message": "hi"}) is None


@pytest.mark.parametrize(
    "text",
    ["hi", "", "  ", "\x00zq\x00", "مرحبا", "<script>alert(1)</script>", "x" * (2 * MAX_CHARS), "'; DROP TABLE x; --"],
)
def test_ordinary_text_is_passed_on_exactly(text):
    assert rest_guard.message_text({"sender": "a", "message": text}) == text


def test_a_long_message_keeps_both_ends_and_still_reads_as_crisis():
    essay = "i had a long day at school and " * 400
    for text in (essay + "i want to kill myself", "i want to kill myself " + essay):
        cut = message_guard.clean(text)
        assert len(cut) <= 2 * MAX_CHARS + len(message_guard.CUT_MARK)
        assert cut.startswith(text[:MAX_CHARS]) and cut.endswith(text[-MAX_CHARS:])
        assert assess(cut) is not None
        assert assess(cut) == assess(text)


@pytest.mark.parametrize(
    ("typed", "passed_on"),
    [
        ('/ask_what_is{"topic": "camhs"}', '/ask_what_is{"topic": "camhs"}'),
        ('/inform{"area": "Old Swan"}', '/inform{"area": "Old Swan"}'),
        ('/inform{"interest": "art & crafts"}', '/inform{"interest": "art & crafts"}'),
        ('/refine{"refinement": "restart"}', '/refine{"refinement": "restart"}'),
        ('/inform{"age": 14}', '/inform{"age": 14}'),
        ("/greet", "/greet"),
        ('/inform{"age": 999, "area": "<script>x</script>", "interest": "<b>y</b>"}', "/inform"),
        ('/inform{"age": 12, "area": "<img src=x>"}', '/inform{"age": 12}'),
        ('/inform{"area": "' + "a" * 200 + '"}', "/inform"),
        ('/inform{"area": ["Anfield"]}', "/inform"),
        ('/greet{"age": zqx', "/greet"),
        ("/inform{notjson}", "/inform"),
        ('/inform["a"]', 'inform["a"]'),
        ("/ hello there", "hello there"),
        ("/", "hi"),
    ],
)
def test_payloads_keep_only_what_a_button_could_send(typed, passed_on):
    assert message_guard.clean(typed) == passed_on


def test_kept_entities_are_json_rasa_can_read():
    cut = message_guard.clean('/inform{"area": "Bootle", "age": 9.5, "junk": "<x>"}')
    assert json.loads(cut[len("/inform"):]) == {"area": "Bootle", "age": 9.5}


def test_responses_with_json_payloads_are_not_templated_and_log_nothing(caplog):
    rest_guard.quiet_rasa()
    button = '/ask_what_is{"topic": "camhs"}'
    with caplog.at_level("DEBUG"):
        out = interpolator.interpolate({"text": "Hi {name}, {unknown} stays", "buttons": [{"payload": button}]},
                                       {"name": "Sam", "area": "zqx-secret"})
    assert out == {"text": "Hi Sam, {unknown} stays", "buttons": [{"payload": button}]}
    assert "zqx-secret" not in caplog.text


def test_rasa_warnings_that_quote_the_message_are_silenced():
    rest_guard.quiet_rasa()
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("default")
        rest_guard.quiet_rasa()  # after a reset, as Rasa's own start-up may do
        warnings.warn("Failed to parse arguments in line '/x{zqx}'. more", UserWarning, stacklevel=1)
    assert not [w for w in seen if "zqx" in str(w.message)]


def test_the_pipeline_guard_cleans_whatever_reaches_the_model():
    """The NLU component applies the same cleaning to messages from any channel."""
    from rasa.shared.nlu.constants import TEXT
    from rasa.shared.nlu.training_data.message import Message

    guard = message_guard.MessageGuard()
    essay = "la " * 40_000 + "i want to kill myself"
    typed = '/inform{"area": "<script>alert(1)</script>", "age": 12}'
    messages = [Message({TEXT: essay}), Message({TEXT: typed}), Message({TEXT: "footy in anfield"})]
    out = guard.process(messages)
    assert [len(m.get(TEXT)) for m in out][0] == 2 * MAX_CHARS + len(message_guard.CUT_MARK)
    assert out[0].get(TEXT).endswith("i want to kill myself")
    assert out[1].get(TEXT) == '/inform{"age": 12}'
    assert out[2].get(TEXT) == "footy in anfield"


def test_the_guard_is_the_first_thing_the_model_reads():
    import yaml

    from tests.bot.trackers import ROOT

    pipeline = yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]
    assert pipeline[0]["name"] == "bot.message_guard.MessageGuard"
