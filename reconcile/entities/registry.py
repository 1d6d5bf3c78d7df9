"""One run's entities: the frozen gazetteer's, plus those the run itself adds: people named
after a title whom the gazetteer does not know, and entities a reviewer split off.

``analyse()`` makes a fresh registry per run, so a second run in the same process sees
exactly what a run in a fresh process would.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from types import MappingProxyType

from reconcile.engine.normalise import NormalText, fold
from reconcile.entities.discovered import skeleton
from reconcile.entities.gazetteer import Gazetteer
from reconcile.entities.mentions import find_folded, surname_of
from reconcile.records import Entity, EntityMention, EntityRef

# the key, in ``Gazetteer.memo``, of the listed people's consonant skeletons
_known_skeleton_index = "known skeletons"

class EntityRegistry:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._entities: dict[str, Entity] = dict(gazetteer.entities)
        self.entities: Mapping[str, Entity] = MappingProxyType(self._entities)
        self.institution_kinds: dict[str, str] = {}     # discovered institution -> its kind

    def find(self, nt: NormalText, lang: str, ref: dt.date | None,
             known_words: frozenset[str] = frozenset()) -> list[EntityRef]:
        """Entity mentions in one document, as spans of the original text."""
        out = []
        for s, e, eid, how in self.find_folded(nt, lang, ref, known_words):
            os_, oe = nt.to_original(s, e)
            out.append(EntityRef(eid, (os_, oe), nt.original[os_:oe], how))
        return out

    def find_folded(self, nt: NormalText, lang: str, ref: dt.date | None,
                    known_words: frozenset[str] = frozenset()) -> list[EntityMention]:
        """(start, end, entity id, how) in folded offsets, sorted."""
        return find_folded(self.gazetteer, nt, lang, ref, known_words, self.discover)

    def discover(self, folded_name: str, lang: str, written: str = "") -> str:
        """A person named after a title but absent from the gazetteer: one entity per spelling,
        merged across documents and scripts after extraction (``entities.discovered``)."""
        eid = "new-" + "-".join(folded_name.split())
        if eid in self._entities:
            return eid          # named again: the listed person it could be was looked for then
        known = self._known_skeleton(folded_name)
        if known:
            return known
        words = folded_name.split()
        # shown as the first article to name them writes it ("Kang Yu-jung", not folded)
        name = " ".join(written.split()) or " ".join(words)
        # the surname alone names them too ("Zarubin asked"), as a gazetteer person's does
        self._entities[eid] = Entity(id=eid, name=name, type="person", labels={lang: name},
                                     aliases={lang: [folded_name] + [surname_of(words)][:len(words) - 1]})
        return eid

    def _known_skeleton(self, name: str) -> str | None:
        """"الرئيس القبرصي نيكوس كريستودوليدس": a name the gazetteer lists in another spelling or
        script, whose consonant skeleton (``discovered.skeleton``) is one listed person's."""
        memo = self.gazetteer.memo
        if (_known_skeleton_index, "") not in memo:     # the gazetteer's own: built once, not per run
            index: dict[tuple[str, ...], set[str]] = {}
            for ent in self.gazetteer.entities.values():
                if ent.type == "person":
                    for alias in [ent.name] + [a for v in ent.aliases.values() for a in v]:
                        key = skeleton(str(alias))
                        if len(key) >= 2:
                            index.setdefault(key, set()).add(ent.id)
            memo[_known_skeleton_index, ""] = index
        owners = memo[_known_skeleton_index, ""].get(skeleton(name), set())
        return next(iter(owners)) if len(owners) == 1 else None

    def discover_org(self, name: str, lang: str, kind: str, country: str | None) -> str:
        """An office or directorate the gazetteer does not know, named as written ("Directorate of
        Communications"), of a ``kind`` the same in every language, serving ``country``."""
        folded = " ".join(fold(name).split())
        eid = "org-" + "-".join(folded.split())
        if eid not in self._entities:
            self._entities[eid] = Entity(id=eid, name=" ".join(name.split()), type="org",
                                         labels={lang: " ".join(name.split())}, aliases={lang: [folded]},
                                         affiliation=country)
            self.institution_kinds[eid] = kind
        return eid

    def discover_place(self, name: str, lang: str, inside: str) -> str:
        """A venue or island the gazetteer does not know, named as written ("Élysée Palace"),
        lying in the known place ``inside``: verdicts lift it there, so "in Paris" agrees with it."""
        folded = " ".join(fold(name).split())     # as gazetteer aliases are: matched on folded text
        eid = "place-" + "-".join(folded.split())
        if eid not in self._entities:
            self._entities[eid] = Entity(id=eid, name=" ".join(name.split()), type="place",
                                         labels={lang: " ".join(name.split())}, aliases={lang: [folded]},
                                         affiliation=inside)
        return eid

    def split_off(self, entity_id: str, folded_surfaces: list[str], name: str) -> str:
        """The entity a reviewer says these spellings of ``entity_id`` name instead (``name``
        is used when it is new); its id is stable for the same spellings."""
        base = self._entities[entity_id]
        new_id = f"{entity_id}~{hashlib.sha1('|'.join(folded_surfaces).encode()).hexdigest()[:6]}"
        if new_id not in self._entities:
            self._entities[new_id] = Entity(id=new_id, name=name, type=base.type, labels={"en": name},
                                            aliases={}, affiliation=base.affiliation)
        return new_id
