"""What a fresh reference server serves: the demo dataset, a province-scale one, or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from devserver.store import Store
from offline_cache.demo import iter_demo_changes

DATASETS = ("demo", "province", "empty")


def _demo_rows(laws_path: Path | None) -> Iterator[tuple[str, str, int, str]]:
    for change in iter_demo_changes(laws_path):
        yield change["type"], change["id"], change["version"], Store.dumps(change["data"])


def load_dataset(store: Store, name: str, laws_path: Path | None = None) -> int:
    """Fill a fresh store once; a store that already holds a dataset is left alone."""
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}; choose one of {', '.join(DATASETS)}")
    if store.meta_get("dataset") is not None:
        return 0
    if name == "demo":
        loaded = store.bulk_load(_demo_rows(laws_path))
    elif name == "province":
        from devserver.generate import province_rows

        loaded = store.bulk_load(province_rows(laws_path))
    else:
        loaded = 0
    with store.transaction() as conn:
        store.meta_set("dataset", name, conn)
    return loaded
