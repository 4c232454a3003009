"""Configs from keyword arguments, and configs given as dicts or files.

The keyword functions (design, survival, simulate, monitor) write exactly the
JSON config that the command line reads, so every result remembers its
config (``result.config``) and ``gsd <command> CONFIG --format json`` on it
prints what ``result.to_dict()`` returns.
"""
from __future__ import annotations

import datetime
import os
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import pandas as pd

from . import _core
from ._errors import InvalidInput, invalid

Config = Dict[str, Any]


# Deeper than any config; below it the library names the runaway value.
MAX_DEPTH = 256


def labelled(value: Any) -> Any:
    """A pandas Series labelled by text, ``pd.Series({"cure_fraction": 0.4,
    "median_noncured": 7.0})``, as the dict of its labels to its values;
    anything else as it is. A Series labelled by position (0, 1, ...) stays
    a sequence: ``information_fractions=pd.Series([0.5, 1.0])``."""
    if isinstance(value, pd.Series):
        labels = list(value.index)
        if (labels and all(isinstance(k, str) for k in labels)
                and len(set(labels)) == len(labels)):
            return dict(zip(labels, value.tolist()))
    return value


def plain(value: Any, path: Optional[Tuple[Any, ...]] = None, depth: int = 0) -> Any:
    """The value as plain JSON-like Python: numpy arrays and scalars become
    lists and numbers, tuples become lists, mappings (and a pandas Series
    labelled by text, see labelled()) become dicts. Anything
    else (and anything nested deeper than MAX_DEPTH) is left for the library
    to reject with its path.

    Given the argument's ``path``, a None inside a dict is an InvalidInput
    there: written as JSON null the library would read it as "not given" and
    put the default in its place (a cure fraction of None became 0)."""
    if depth > MAX_DEPTH:
        return value
    value = labelled(value)
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            inner = None if path is None else path + (k,)
            if v is None and inner is not None:
                raise invalid(inner, None, "is None: give a value, or leave the key out for its default")
            out[k] = plain(v, inner, depth + 1)
        return out
    if isinstance(value, (list, tuple)):
        if path is None:
            return [plain(v, None, depth + 1) for v in value]
        return [plain(v, path + (i,), depth + 1) for i, v in enumerate(value)]
    if isinstance(value, (str, bool, int, float)) or value is None:
        return value
    if isinstance(value, datetime.date):
        # A look's date as text, as R's format() gives a Date: "2024-03-01"
        # (a datetime, pandas' Timestamp among them, adds its time of day).
        return str(value)
    tolist = getattr(value, "tolist", None)
    if callable(tolist):
        return plain(tolist(), path, depth + 1)
    return value


def scalar(value: Any) -> Any:
    """A numpy 0-d array as the number it holds, as plain() reads one inside
    a config (``np.array(36.0)`` is 36.0); any other value as it is."""
    if getattr(value, "shape", None) == () and callable(getattr(value, "item", None)):
        return value.item()
    return value


def load(config: Any, argument: str = "config") -> Config:
    """A config given as a dict (copied) or as the path of a JSON file."""
    config = labelled(config)
    if isinstance(config, Mapping):
        return plain(config, (argument,))
    if isinstance(config, (str, os.PathLike)):
        path = os.fspath(config)
        # The library's "cannot read the config file" names the file but no
        # argument (the error's path is empty).
        if not os.path.exists(path):
            raise invalid((argument,), path,
                          "does not exist; give the path of a JSON config, or a config dict")
        if os.path.isdir(path):
            raise invalid((argument,), path, "is a directory; name a JSON config inside it")
        return _core.read_config(path)
    raise invalid((argument,), config, "must be a config (a dict) or the path of a JSON config")


# What each file argument should name, in the command line's words.
_FILE_KINDS = {"plot": "name an SVG file", "report": "name an HTML file",
               "path": "name an HTML file", "replicate_data": "name a CSV file",
               "record": "name a record file (JSON)", "batch": "name a batch file (JSON lines)",
               "key_file": "name the file that holds the committee's key"}


def named_file(name: str, path: Any) -> str:
    """The path of file argument ``name``. An empty name is refused, as the
    command line refuses ``--report ""``: read as not given it would leave a
    plot or replicate data silently unwritten, and given to the file system
    it fails on a temporary file's name after a record's lock file is left in
    the working directory."""
    # Anything else reached os.fspath() and raised a TypeError that named
    # no argument ("expected str, bytes or os.PathLike object, not int").
    if not isinstance(path, (str, os.PathLike)):
        raise invalid((name,), path, "must be a path (a str or os.PathLike): " + _FILE_KINDS[name])
    path = os.fspath(path)
    if not isinstance(path, str):  # an os.PathLike of bytes
        raise invalid((name,), path, "must be a path (a str or os.PathLike): " + _FILE_KINDS[name])
    if path == "":
        raise invalid((name,), None, "is empty: " + _FILE_KINDS[name])
    return path


def check_output(name: str, path: Any, inputs: Tuple[Tuple[str, str], ...] = ()) -> str:
    """The path of an output file (plot=, report=), refused before anything
    runs or is written if it cannot be written (a directory, an unwritable
    or missing directory, the same file as an input), naming the argument as
    the command line names its flag: ``plot = /nonexistent/x.svg is in a
    directory that does not exist ...``. The library's writer, reached only
    after the computation, names the path alone."""
    return check_outputs(((name, path),), inputs)[0]


def monitoring_inputs(record: Any = None, config: Any = None) -> Tuple[Tuple[str, str], ...]:
    """The input files of a monitoring call, which none of its outputs (the
    report, or the record itself) may replace (check_output's ``inputs``):
    the record and its lock file, where there is a record, and the config,
    where it was given as a path. Over any of them an output would lose what
    the committee's decisions rest on."""
    inputs: Tuple[Tuple[str, str], ...] = ()
    if record:
        record = os.fspath(record)
        inputs += (("record", record), ("the record's lock file", os.path.realpath(record) + ".lock"))
    if isinstance(config, (str, os.PathLike)) and os.fspath(config):
        inputs += (("config", os.fspath(config)),)
    return inputs


def check_outputs(outputs: Sequence[Tuple[str, Any]],
                  inputs: Sequence[Tuple[str, str]] = ()) -> List[str]:
    """check_output for the outputs of one call together (a simulation's
    plot= and replicate_data=), so that no two of them are the same file
    either; their paths, in order."""
    paths = [named_file(name, path) for name, path in outputs]
    named = [(name, path) for (name, _), path in zip(outputs, paths)]
    try:
        _core.check_output_files(named, list(inputs))
    except InvalidInput as e:
        # The library names the output by its argument; keep that as the path.
        name = e.path[0] if e.path else named[0][0]
        raise InvalidInput(str(e), (name,), e.value, e.rule) from None
    return paths


def spending(name: str, parameter: Optional[Any] = None, *,
             cumulative: Optional[Any] = None, binding: Optional[bool] = None) -> Dict[str, Any]:
    """A boundary family as the config writes it, for ``efficacy=`` and
    ``futility=``: ``gsd.spending("hsd", -4)`` is
    ``{"spending": "hsd", "parameter": -4}``.

    Families: lan-demets-obf, lan-demets-pocock, hsd (gamma), power (rho),
    user (cumulative: the fraction of alpha spent by each look, given as the
    second argument or as ``cumulative=``: ``gsd.spending("user", [0.3, 1])``
    is ``{"spending": "user", "cumulative": [0.3, 1]}``); for efficacy
    also the classical obrien-fleming, pocock, wang-tsiatis (Delta) and
    haybittle-peto (the interim z, default 3). ``binding`` is for futility.
    """
    out: Dict[str, Any] = {"spending": name}
    # The user family's parameter is its cumulative fractions (as R's
    # efficacy_parameter is); written as "parameter" the library would say
    # "cumulative is missing", naming a key the caller never saw.
    if name == "user" and parameter is not None:
        if cumulative is not None:
            raise invalid(("parameter",), parameter,
                          "and cumulative both give user spending's cumulative fractions: give one")
        parameter, cumulative = None, parameter
    if parameter is not None:
        out["parameter"] = parameter
    if cumulative is not None:
        out["cumulative"] = plain(cumulative, ("cumulative",))
    if binding is not None:
        out["binding"] = binding
    return out


def boundary(value: Any, argument: str) -> Any:
    """efficacy= / futility=: a family name or a dict (see spending())."""
    if isinstance(value, str):
        return {"spending": value}
    return plain(value, (argument,))


def given(**values: Any) -> Dict[str, Any]:
    """The keyword arguments that were given (not None), as plain values."""
    return {k: plain(v, (k,)) for k, v in values.items() if v is not None}
