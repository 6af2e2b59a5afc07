"""Optional dependencies: import them on first use, or say which extra to install."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Optional


def require(module: str, extra: str, feature: str) -> ModuleType:
    """Import ``module`` or raise ImportError naming the ``presslens[extra]`` to install."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(
            f"{feature} needs {module.split('.')[0]}: pip install presslens[{extra}]"
        ) from e


def pandas(feature: str = "presslens tables") -> ModuleType:
    return require("pandas", "pandas", feature)


def installed(module: str) -> Optional[ModuleType]:
    """``module`` if it can be imported, else None (for faster paths that are optional)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def pyarrow(feature: str = "Arrow tables") -> ModuleType:
    return require("pyarrow", "arrow", feature)
