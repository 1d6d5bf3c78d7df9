"""Regex pieces built from rule files: patterns folded like text, word lists as prefix trees."""
from __future__ import annotations

import re

from reconcile.engine.normalise import fold


def fold_pattern(p: str) -> str:
    """Fold a pattern's non-ASCII letters like document text; keep regex syntax as written."""
    out = []
    for ch in p:
        out.append(fold(ch) if ord(ch) > 127 else ch)
    # a space in a pattern is one or more blanks; " ?" is optional blanks
    return "".join(out).replace(" ?", r"\s*").replace(" ", r"\s+")


def trie_regex(words) -> str:
    """A regex matching any of ``words``, longest first, factored into a prefix tree so that
    Python's backtracking engine tries each position once per branch, not once per word.
    A blank inside a word matches any run of blanks."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    escaped: dict[str, str] = {" ": r"\s+"}

    def piece(ch: str) -> str:
        if ch not in escaped:
            escaped[ch] = re.escape(ch)
        return escaped[ch]

    def walk(node: dict) -> str:
        # most nodes of a gazetteer's tree have one letter after them and end no word: such a
        # chain is written in one loop, not one call per letter (setup time)
        run = []
        while len(node) == 1 and "" not in node:
            ch, node = next(iter(node.items()))
            run.append(piece(ch))
        end = "" in node
        branches = [piece(ch) + walk(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return "".join(run)
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # greedy: longer words are tried before the word that ends here
        return "".join(run) + (f"(?:{body})?" if end else body)

    return "(?:" + walk(trie) + ")" if trie else "(?!)"
