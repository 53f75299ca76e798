"""How hard the reliability tests push: ``GLOSSATOR_TEST_PROFILE=full`` for the long run.

The default ("ci") keeps the whole suite quick while still meeting every promised minimum
(100 kills); "full" is the run whose figures the README quotes.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFILE_ENV = "GLOSSATOR_TEST_PROFILE"
PROFILE = os.environ.get(PROFILE_ENV, "ci").strip().lower() or "ci"
FULL = PROFILE == "full"

# SIGKILLs of the writer process in the crash test.
CRASH_KILLS = 1000 if FULL else 100
# Writes each of the two processes makes in the concurrency test.
CONCURRENT_WRITES = 1000 if FULL else 150
# Hypothesis examples per reader in each fuzz test, and in the (slow) huge-line test.
FUZZ_EXAMPLES = 2000 if FULL else 100
HUGE_LINE_EXAMPLES = 100 if FULL else 8

settings.register_profile(
    "reliability",
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    derandomize=not FULL,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ_SETTINGS = settings.get_profile("reliability")
HUGE_LINE_SETTINGS = settings(FUZZ_SETTINGS, max_examples=HUGE_LINE_EXAMPLES)
