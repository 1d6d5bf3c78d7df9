"""The events stage: mentions grouped into events, first within an article (anaphora: "the
call" is the one the article is telling), then across articles (same kind, compatible day and
parties).  ``grouper`` holds the grouping itself; ``dates`` the partial dates of undated pages,
``zones`` one event dated a day apart across far-apart time zones, ``index`` the clusters by
day and party, ``claims`` which event each claim goes to, ``siblings`` an undated page's other
news on the day its main event was placed."""
from reconcile.events.grouper import Day, DocEvent, EventCluster, EventGrouper, event_day, kinds_ok

__all__ = ["Day", "DocEvent", "EventCluster", "EventGrouper", "event_day", "kinds_ok"]
