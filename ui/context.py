"""What every page and dialog gets: the open data store and the change bus."""

from __future__ import annotations

from dataclasses import dataclass

from db.paths import DataPaths
from db.session import DataStore
from ui.bus import AppBus


@dataclass
class AppContext:
    store: DataStore
    bus: AppBus

    @property
    def paths(self) -> DataPaths:
        return self.store.paths
