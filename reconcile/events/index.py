"""The events grouped so far, indexed by day and by party for the document events still to
place (so that placing one never scans every event)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from reconcile.events.days import day_keys

if TYPE_CHECKING:
    from reconcile.events.grouper import Day, DocEvent, EventCluster




class ClusterIndex:
    """The events grouped so far, indexed for the document events still to place."""

    def __init__(self) -> None:
        self.clusters: list[EventCluster] = []
        self.by_day: dict[str, list[EventCluster]] = {}     # every day a cluster's date covers
        self.by_party: dict[str, list[EventCluster]] = {}   # undated clusters, by participant
        self.undated_all: list[EventCluster] = []           # undated clusters naming nobody

    def new_cluster(self, c: EventCluster) -> EventCluster:
        c.seq = len(self.clusters)
        self.clusters.append(c)
        return c

    def pool(self, de: DocEvent, party_index: dict[str, dict[int, EventCluster]],
             parties: set[str]) -> list[EventCluster]:
        """The events a document's event may join, in the order they were made; ``parties``
        are its parties and the states they stand for (the events are filed under both)."""
        undated_pool = {id(c): c for p in parties for c in self.by_party.get(p, [])}
        if not parties:
            undated_pool.update((id(c), c) for c in self.undated_all)
        if de.date:
            dated = {id(c): c for day in day_keys(de.date) for c in self.by_day.get(day, [])}
            return sorted(dated.values(), key=lambda c: c.seq) + \
                sorted(undated_pool.values(), key=lambda c: c.seq)
        if not parties:
            return self.clusters
        return sorted({id(c): c for p in parties for c in party_index.get(p, {}).values()}.values(),
                      key=lambda c: c.seq)

    def remove(self, gone: EventCluster) -> None:
        """An event merged into another is filed nowhere any more."""
        self.clusters = [c for c in self.clusters if c is not gone]
        for table in (self.by_day, self.by_party):
            for key, lst in table.items():
                if gone in lst:
                    table[key] = [c for c in lst if c is not gone]
        self.undated_all = [c for c in self.undated_all if c is not gone]

    def reindex(self, pick: EventCluster, old_date: Day | None, parties: set[str]) -> None:
        """File an event that just took a document's event under its (possibly new) date."""
        if pick.date != old_date or len(pick.members) == 1:
            if old_date:
                for day in day_keys(old_date):
                    lst = self.by_day.get(day)
                    if lst and pick in lst:
                        lst.remove(pick)
            if pick.date:
                for day in day_keys(pick.date):
                    self.by_day.setdefault(day, []).append(pick)
        if pick.date is None:
            for p in parties:
                if pick not in self.by_party.setdefault(p, []):
                    self.by_party[p].append(pick)
            if not (pick.persons or pick.collectives) and pick not in self.undated_all:
                self.undated_all.append(pick)
