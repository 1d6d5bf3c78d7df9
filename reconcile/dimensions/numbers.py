"""Numbers written as digits or as number words joined by a conjunction ("خمس وأربعين")."""
from __future__ import annotations

from reconcile.engine.rules import RuleSet

Token = tuple[int, int, str, list]


def token_value(tok: Token, lexicon: str):
    """The value a matched token has in ``lexicon`` (a token may stand in several), else None."""
    for lex, value in tok[3]:
        if lex == lexicon:
            return value
    return None


def token_number(tok: Token) -> float | None:
    for lex, value in tok[3]:
        if lex == "number_word":
            return float(value)
        if lex == "digits":
            s = str(value).replace(",", ".")
            if ":" in s:
                return None
            try:
                return float(s)
            except ValueError:
                return None
    return None


def parse_number(tokens: list[Token]) -> float | None:
    """Sum of the number tokens ("خمس" + "أربعين" = 45); None when there is none."""
    vals = [v for v in (token_number(t) for t in tokens) if v is not None]
    return sum(vals) if vals else None


def build(tokens: list[Token], rs: RuleSet, ctx: dict) -> float | None:
    v = parse_number(tokens)
    if v is None:
        return None
    return int(v) if v == int(v) else v
