"""Floors and ceilings a score must meet, and the one summary line (the same line, word for
word, as the project's reference scorer prints, so numbers from either can be compared)."""
from __future__ import annotations

from dataclasses import dataclass

from reconcile.evaluation.scoring import Score

# the shares a floor can be set on, in the order they are checked and reported
SHARES = ("claim_recall", "claim_precision", "fact_accuracy", "speaker_accuracy", "entity_accuracy",
          "quote_accuracy")


@dataclass(frozen=True)
class Thresholds:
    """None: not checked."""
    claim_recall: float | None = None
    claim_precision: float | None = None
    fact_accuracy: float | None = None
    speaker_accuracy: float | None = None
    entity_accuracy: float | None = None
    quote_accuracy: float | None = None
    conflict_recall: float | None = None
    max_false_conflicts: int | None = None


def shortfalls(result: Score, limits: Thresholds) -> list[str]:
    """What misses its threshold, e.g. ``fact_accuracy 0.62 < 0.7``; empty when all hold."""
    failed = []
    for key in SHARES:
        floor = getattr(limits, key)
        value = getattr(result, key)
        if floor is not None and value < floor:
            failed.append(f"{key} {value:.2f} < {floor}")
    if limits.conflict_recall is not None and result.conflicts_gold and \
            result.conflicts_found / result.conflicts_gold < limits.conflict_recall:
        failed.append(f"conflict_recall {result.conflicts_found}/{result.conflicts_gold} < {limits.conflict_recall}")
    if limits.max_false_conflicts is not None and len(result.false_conflicts) > limits.max_false_conflicts:
        failed.append(f"false_conflicts {len(result.false_conflicts)} > {limits.max_false_conflicts}")
    return failed


def summary_line(r: Score, failed: list[str]) -> str:
    return (f"events {r.events_matched}/{r.events_gold} matched ({r.events_report} in report) | "
            f"claims R={r.claim_recall:.2f} P={r.claim_precision:.2f} | facts {r.fact_accuracy:.2f} | "
            f"speakers {r.speaker_accuracy:.2f} | entities {r.entity_accuracy:.2f} | "
            f"quotes {r.quote_accuracy:.2f} | conflicts found {r.conflicts_found}/{r.conflicts_gold} | "
            f"false conflicts {len(r.false_conflicts)}"
            + (" | BELOW: " + "; ".join(failed) if failed else ""))


def details(r: Score) -> list[str]:
    """Every miss and false conflict, one per line (what ``reconcile eval -v`` prints)."""
    return [f"miss: {m}" for m in r.misses] + [f"false conflict: {f}" for f in r.false_conflicts]
