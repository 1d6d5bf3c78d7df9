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

    def walk(node: dict) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            branches.append(piece + walk(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # greedy: longer words are tried before the word that ends here
        return f"(?:{body})?" if end else body

    return "(?:" + walk(trie) + ")" if trie else "(?!)"
