"""Names of a package imported when first asked for (PEP 562), so that importing one
module of the cleaner does not import all of it."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_names(package: str, public: dict[str, str], namespace: dict[str, Any]) -> Callable[[str], Any]:
    """Return a module `__getattr__` for `package` that imports each of `public`'s names
    (name → module inside the package) on first use and keeps it in `namespace`, the
    package's globals, so that it is looked up once."""
    def __getattr__(name: str) -> Any:
        module = public.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value
    return __getattr__
