"""What the package's calls share: the path and config types, the library's
log level from the "gsd" logger, and a config taken from a result, a dict
or a file."""
from __future__ import annotations

import logging
import os
from typing import Any, Mapping, Union

from ._config import load
from ._results import Result

PathLike = Union[str, "os.PathLike[str]"]
Boundary = Union[str, Mapping[str, Any]]
ConfigLike = Union[Mapping[str, Any], PathLike]

_logger = logging.getLogger("gsd")


def _log_level() -> int:
    """The library's diagnostics follow the "gsd" logger: 2 debug, 1 info, 0 off."""
    if _logger.isEnabledFor(logging.DEBUG):
        return 2
    return 1 if _logger.isEnabledFor(logging.INFO) else 0


def _source(value: Any, argument: str) -> tuple:
    """(config, argument path prefix) for a result, a dict or a file."""
    if isinstance(value, Result):
        return value.config, (f"{argument}.config",)
    return load(value, argument), (argument,)
