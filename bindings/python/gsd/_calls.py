"""What the package's calls share: the path and config types, the library's
log level from the "gsd" logger, a config taken from a result, a dict or a
file, and the refusal to monitor Simon's two-stage design."""
from __future__ import annotations

import logging
import os
from typing import Any, Mapping, Union

from . import _core
from ._config import load
from ._errors import InvalidInput
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


SIMON = "simon-two-stage"


def _is_simon(config: Any) -> bool:
    """Whether a config (a dict) is Simon's two-stage design."""
    design = config.get("design") if isinstance(config, Mapping) else None
    return isinstance(design, Mapping) and design.get("type") == SIMON


def _refuse_simon_monitoring(config: Any, prefix: tuple) -> None:
    """Refuses to monitor Simon's two-stage design, naming its design.type
    under the argument ``prefix`` (``("design",)``, ``("design.config",)``).
    The library refuses it too, but where a call adds looks to the config it
    names the monitoring section that the call wrote ("remove the monitoring
    section"), and without looks gsd.monitor would ask for some."""
    if not _is_simon(config):
        return
    path, shown = tuple(prefix) + ("design", "type"), f'"{SIMON}"'  # as the library shows it
    rule = ("is not monitored: Simon's two-stage design stops after stage 1 with at most r1 "
            "responders of n1 and is promising with more than r of n, the counts gsd.simon gives "
            "(its design)")
    raise InvalidInput(_core.invalid_message(path, shown, rule), path, shown, rule)
