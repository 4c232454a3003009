"""What the package's calls share: the path and config types, the library's
log level from the "gsd" logger, a config taken from a result, a dict or a
file, and the result of a monitoring call (Simon's two-stage design has its
own)."""
from __future__ import annotations

import logging
import os
from typing import Any, Mapping, Union

from ._config import load
from ._results import Monitoring, Result
from ._simon_monitoring import SimonMonitoring

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


SIMON = "simon-two-stage"


def _is_simon(config: Any) -> bool:
    """Whether a config (a dict) is Simon's two-stage design."""
    design = config.get("design") if isinstance(config, Mapping) else None
    return isinstance(design, Mapping) and design.get("type") == SIMON


def _monitoring(handle: Any, config: Any, options: Mapping[str, Any]) -> Monitoring:
    """The result of a monitoring call: a SimonMonitoring for Simon's
    two-stage design (its looks are counts of responders), else a Monitoring."""
    kind = SimonMonitoring if _is_simon(config) else Monitoring
    return kind(handle, config, dict(options))
