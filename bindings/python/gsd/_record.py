"""The monitoring Record: a data monitoring committee's record file, kept by
the library's record functions as ``gsd monitor --record`` keeps it."""
from __future__ import annotations

import datetime
import os
from typing import Any, Dict, List, Optional, Union

from . import _core
from ._calls import ConfigLike, PathLike, _log_level, _monitoring, _source
from ._config import Config, check_output, given, named_file, monitoring_inputs
from ._errors import InvalidInput, flag, invalid, renamed
from ._results import Monitoring, Result

# The library names a key file that gives no key by its option; the caller
# passed it as key_file.
_KEY_FILE = {("options", "key_file"): ("key_file",)}


class Record:
    """A data monitoring committee's record: a JSON file holding the config
    and every look as entered, with the time it was recorded and the decision
    taken then. Looks are only ever appended, and the file is replaced
    atomically (the library's record functions, as ``gsd monitor --record``).

    ``key_file`` names the file that holds the committee's secret key (its
    bytes are the key; the command line's ``--key-file``). A new record
    written with a key is chained with HMAC-SHA-256 under it, so that only
    someone who holds the key can make a chain that verifies; such a keyed
    record is read, extended, verified and replayed only with the key.
    """

    def __init__(self, path: PathLike, key_file: Optional[PathLike] = None) -> None:
        self.path = named_file("record", path)
        self.key_file = None if key_file is None else named_file("key_file", key_file)

    def __repr__(self) -> str:
        if self.key_file is None:
            return f"gsd.Record({self.path!r})"
        return f"gsd.Record({self.path!r}, key_file={self.key_file!r})"

    def _keyed(self, call: Any, *args: Any, **kwargs: Any) -> Any:
        """A library call with the committee's key; a key file that gives no
        key is named as key_file."""
        try:
            return call(*args, key_file=self.key_file, **kwargs)
        except InvalidInput as e:
            if e.path in _KEY_FILE:
                raise renamed(e, _KEY_FILE) from None
            raise

    def exists(self) -> bool:
        return os.path.exists(self.path)

    def to_dict(self) -> Dict[str, Any]:
        """The record document (checked)."""
        self._check_exists()
        return self._keyed(_core.record_read, self.path)

    def _check_exists(self) -> None:
        # The library would read a missing record as a config file and say
        # "cannot read the config file", naming neither the record nor a remedy.
        if not os.path.exists(self.path):
            raise invalid(("record",), self.path, "does not exist; give the path of a monitoring "
                          "record (Record(path).add_look(..., config=...) starts one)")

    def add_look(self, events: Optional[float] = None, *, z: Optional[float] = None,
                 p_two_sided: Optional[float] = None, direction: Optional[str] = None,
                 hazard_ratio: Optional[float] = None, variance: Optional[float] = None,
                 tests: Optional[List[Dict[str, float]]] = None,
                 covariance: Optional[List[List[float]]] = None,
                 patients: Optional[float] = None, estimate: Optional[float] = None,
                 standard_error: Optional[float] = None,
                 treatment: Optional[Dict[str, float]] = None,
                 control: Optional[Dict[str, float]] = None, n: Optional[float] = None,
                 mean: Optional[float] = None, sd: Optional[float] = None,
                 responders: Optional[float] = None, final: bool = False,
                 date: Optional[Union[str, datetime.date]] = None, note: Optional[str] = None,
                 config: Optional[Union[Result, ConfigLike]] = None,
                 report: Optional[PathLike] = None) -> Monitoring:
        """Appends a look and decides it with every earlier one.

        A survival look gives ``events``; a weighted log-rank, RMST or
        milestone test's look ``z`` and ``variance``; a MaxCombo look
        ``tests`` (each ``{"z", "variance"}``) and ``covariance``, as a
        config's monitoring.looks do. A normal or binary endpoint's look gives
        ``patients`` with ``z`` or with ``estimate`` and ``standard_error``;
        or the arms' summaries ``treatment`` and ``control`` (``{"n", "mean",
        "sd"}`` or ``{"n", "responders"}``); or one sample's ``n`` with
        ``mean`` and ``sd``, or with ``responders``. A trial run by Simon's
        two-stage design gives ``n`` and ``responders`` so far (stage 1,
        then all patients after stage 2), and the result is a
        SimonMonitoring.

        ``config`` starts a new record (its own monitoring.looks come first)
        and must be omitted once the record exists. A look that contradicts
        the record (events going backwards, a look after a stop) raises
        InvalidInput and leaves the file as it was.

        ``report`` writes the committee's HTML report with the look: in full
        before the record changes (so a full disk refuses the look rather
        than leave it without its report), and into place after the record,
        under its lock.
        """
        final = flag(("final",), final)
        look = given(events=_whole(events), z=z, p_two_sided=p_two_sided, direction=direction,
                     hazard_ratio=hazard_ratio, variance=variance, tests=tests, covariance=covariance,
                     patients=_whole(patients), estimate=estimate, standard_error=standard_error,
                     treatment=treatment, control=control, n=_whole(n), mean=mean, sd=sd,
                     responders=_whole(responders), date=date, note=note)
        if final:
            look["final"] = True
        cfg = None
        if config is not None:
            cfg, _ = _source(config, "config")
            if os.path.isfile(self.path):  # the library's refusal names no argument
                raise invalid(("config",), None, f"is given, but record = {self.path!r} already "
                              "holds its design: leave config out to add a look to it, or name "
                              "a new record file")
        elif not os.path.exists(self.path):
            # Checked before the lock is taken, which would leave its file
            # beside a record that is not there.
            raise invalid(("record",), self.path, "does not exist; give config= to start a record "
                          "there with this look")
        # The record is replaced as an output is, and refused as one, by name;
        # the report over the record (or its lock, or the config) would lose
        # what it reports on.
        check_output("record", self.path, monitoring_inputs(config=config))
        if report is not None:
            report = check_output("report", report, monitoring_inputs(self.path, config))
        try:
            handle = _core.record_add_look(self.path, cfg, look, _log_level(), report,
                                           key_file=self.key_file)
        except InvalidInput as e:
            if e.path in _KEY_FILE:
                raise renamed(e, _KEY_FILE) from None
            index = self._index(cfg)
            if e.path == ("monitoring", "looks", index):
                # The look as a whole (two statistics at once): the call's
                # arguments together, which gsd.run passes as add_look.
                raise renamed(e, {e.path: ("add_look",)}) from None
            raise renamed(e, {("look",): (), ("monitoring", "looks", index): (),
                              ("report",): ("report",), (): ("config",)}) from None
        return _monitoring(handle, _record_config(handle), self._options(handle))

    def verify(self, head: Optional[str] = None) -> Dict[str, Any]:
        """Checks the record's hash chain, as ``gsd monitor --record FILE
        verify --format json`` does, and returns its ``record`` object:
        ``file``, ``looks`` and ``chain`` (``status``, ``algorithm``,
        ``looks_before_chain`` and ``head``, the hash to note in the
        committee's minutes).

        A changed record raises InvalidInput naming the first changed look.
        ``head``, a head noted earlier, must still be in the chain (then
        ``chain["noted_head"]`` gives its ``hash`` and ``look``, 0 for the
        config hash): looks removed from the end leave a valid, shorter
        chain, and only the noted head shows it, raising InvalidInput naming
        ``head``.
        """
        self._check_exists()
        if head is not None and not isinstance(head, str):
            raise invalid(("head",), head, "must be a string: the 64 hex digits of a head noted in the minutes")
        try:
            return _core.record_verify(self.path, head, key_file=self.key_file)["record"]
        except InvalidInput as e:
            raise renamed(e, {("options", "head"): ("head",), **_KEY_FILE}) from None

    def replay(self) -> Monitoring:
        """Recomputes every recorded look."""
        self._check_exists()
        handle = self._keyed(_core.record_replay, self.path, _log_level())
        return _monitoring(handle, _record_config(handle), self._options(handle))

    def _options(self, handle: Any) -> Dict[str, Any]:
        return {"record": handle.record(), "record_file": self.path}

    def _index(self, config: Optional[Config]) -> int:
        """The position the new look takes among the record's looks."""
        try:
            if config is not None:
                return len((config.get("monitoring") or {}).get("looks") or [])
            return len(self.to_dict()["looks"])
        except Exception:  # the record itself is unreadable: no look to name
            return -1


def _whole(events: Any) -> Any:
    """Whole event counts as integers, as a person types them (and as the
    command line writes them into the record)."""
    if isinstance(events, float) and events.is_integer() and abs(events) < 1e15:
        return int(events)
    return events


def _record_config(handle: Any) -> Config:
    record = handle.record()
    config = dict(record["config"])
    monitoring = dict(config.get("monitoring") or {})
    monitoring["looks"] = [entry["input"] for entry in record["looks"]]
    config["monitoring"] = monitoring
    return config
