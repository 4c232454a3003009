"""Progress of a simulation: a user callback, or a tqdm bar when tqdm is
installed. The calling thread reports every INTERVAL seconds while the
simulation runs; the bar appears only for runs longer than BAR_DELAY."""
from __future__ import annotations

from typing import Any, Callable, Optional, Tuple, Union

from ._errors import flag

# Seconds between two reports (and two checks for Ctrl-C).
INTERVAL = 0.1
# A bar appears only once a run has taken this long (tqdm's delay).
BAR_DELAY = 0.5

Callback = Callable[[int, int], Any]
Progress = Union[None, bool, Callback]


class _Bar:
    """A tqdm bar created at the first report, when the total is known."""

    def __init__(self, force: bool) -> None:
        from tqdm import tqdm  # noqa: F401  (checked by the caller)

        self._force = force
        self._bar: Any = None
        self._done = 0

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            from tqdm import tqdm

            # disable=None: no bar unless stderr is a terminal, as the
            # command line does; progress=True shows it anyway.
            self._bar = tqdm(total=total, unit=" trials", unit_scale=True, delay=BAR_DELAY,
                             disable=False if self._force else None, leave=False)
        self._bar.update(done - self._done)
        self._done = done

    def close(self, finished: bool) -> None:
        if self._bar is not None:
            if finished:
                self._bar.update(self._bar.total - self._done)
            self._bar.close()


def reporter(progress: Progress) -> Tuple[Optional[Callback], Callable[[bool], None]]:
    """(callback for the simulator, close(finished)) for a progress= argument:
    None shows a tqdm bar if tqdm is installed (on a terminal), True shows one
    whenever tqdm is installed, False nothing, a callable receives
    (replicates done, total); anything else is refused (a truthy "no" would
    show a bar)."""
    if progress is not None and not callable(progress):
        progress = flag(("progress",), progress,
                        "must be None, True, False or a callable receiving (done, total)")
    if progress is False:
        return None, lambda finished: None
    if callable(progress) and progress is not True:
        return progress, lambda finished: None
    try:
        import tqdm  # noqa: F401
    except ImportError:
        return None, lambda finished: None
    bar = _Bar(force=progress is True)
    return bar, bar.close
