"""Safety layer: deterministic crisis detection for every message (DESIGN §4, §7).

`assess(text)` returns an `Assessment` (a crisis route name and a rule id) or
None. `bot.safety.component.SafetyLayer` runs it inside the Rasa pipeline.
"""

from bot.safety.detector import Assessment, assess

__all__ = ["Assessment", "assess"]
