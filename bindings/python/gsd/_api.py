"""The functions of the package: design, survival, simulate, monitor, simon
and run (the command line as one call); the monitoring Record is in
_record.py."""
from __future__ import annotations

import numbers
import operator
import os
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from . import _core
from ._config import (Config, boundary, check_output, check_outputs, given, labelled, load, named_file, plain,
                      monitoring_inputs, scalar)
from ._errors import Arguments, InvalidInput, invalid, renamed
from ._progress import INTERVAL, Progress, reporter
from ._calls import (SIMON, Boundary, ConfigLike, PathLike, _is_simon, _log_level, _monitoring,
                     _source)
from ._record import Record
from ._results import Design, Monitoring, Plan, Result, Simulation
from ._simon import SimonDesign


def _call(f: Callable[[], Any], arguments: Arguments) -> Any:
    """f(), with an InvalidInput's path renamed to the caller's argument."""
    try:
        return f()
    except InvalidInput as e:
        raise renamed(e, arguments) from None


def design(*, alpha: Optional[float] = 0.025, sided: Optional[int] = 1,
           beta: Optional[float] = 0.2,
           information_fractions: Optional[Sequence[float]] = (1.0,),
           efficacy: Optional[Boundary] = "lan-demets-obf", futility: Optional[Boundary] = None,
           name: Optional[str] = None, **options: Any) -> Design:
    """Group-sequential boundaries by recursive numerical integration.

    Args:
        alpha: one-sided level, or the two-sided total when ``sided=2``.
        sided: 1 (one-sided) or 2 (two-sided symmetric, as rpact's sided = 2).
        beta: type II error defining the alternative (drift, inflation factor).
        information_fractions: increasing, ending at 1; up to 25 looks.
        efficacy: a family name (lan-demets-obf, lan-demets-pocock, hsd, power,
            user, obrien-fleming, pocock, wang-tsiatis, haybittle-peto) or a
            dict such as ``gsd.spending("hsd", -4)``.
        futility: None, or a beta-spending family (name or dict, with
            ``binding``).
        name: free text carried into the result.
        **options: any other key of the config's ``design`` section.

    Returns: a Design. Raises InvalidInput naming the argument.
    """
    if options.get("type") == SIMON:
        # The library would first refuse the boundary arguments this
        # function always writes (efficacy is not a key of Simon's design).
        raise invalid(("type",), SIMON, "is Simon's two-stage design, which has no spending "
                      "boundaries: call gsd.simon(rate, margin, alpha=..., beta=...)")
    # None is "not given", as for every keyword argument: the key is left out
    # and the library's default (the signature's) applies.
    section: Dict[str, Any] = given(alpha=alpha, sided=sided, beta=beta,
                                    information_fractions=information_fractions)
    if efficacy is not None:
        section["efficacy"] = boundary(efficacy, "efficacy")
    if futility is not None:
        section["futility"] = boundary(futility, "futility")
    if options:
        section.update(given(**options))
    config: Config = {"design": section}
    if name is not None:
        config["name"] = name
    arguments: Dict[tuple, tuple] = {("design",): (), ("name",): ("name",)}
    families = {key: value for key, value in (("efficacy", efficacy), ("futility", futility))
                if isinstance(value, str)}
    for key in families:
        arguments[("design", key, "spending")] = (key,)
    try:
        handle = _call(lambda: _core.design(config, _log_level()), arguments)
    except InvalidInput as e:
        raise _family_needs_parameter(e, families) from None
    return Design(handle, config)


def _family_needs_parameter(error: InvalidInput, families: Dict[str, str]) -> InvalidInput:
    """A family given by name whose parameter is missing: the library names
    futility["parameter"], a key the caller had no way to write with a name
    alone; the error names the argument and the call that gives it."""
    if (len(error.path) == 2 and error.path[0] in families
            and error.path[1] in ("parameter", "cumulative")
            and error.rule.startswith("is missing: ")):
        name = families[error.path[0]]
        cumulative = error.path[1] == "cumulative"
        what = "cumulative fractions" if cumulative else "parameter"
        given = "cumulative=[...]" if cumulative else "parameter"
        return invalid(error.path[:1], name, f"needs its {what}: "
                       f"{error.rule[len('is missing: '):]}; give gsd.spending({name!r}, {given})")
    return error


def survival(design: Union[Design, Mapping[str, Any], None] = None, *,
             control: Mapping[str, Any], accrual: Union[float, Mapping[str, Any]],
             treatment: Optional[Mapping[str, Any]] = None,
             hazard_ratio_noncured: Optional[float] = None,
             patients: Optional[int] = None, events: Optional[int] = None,
             power: Optional[float] = None, follow_up: Optional[float] = None,
             allocation_ratio: Optional[float] = None,
             dropout: Optional[Mapping[str, float]] = None,
             time_unit: Optional[str] = None, name: Optional[str] = None,
             **options: Any) -> Plan:
    """Power or sample size of a group-sequential log-rank trial under a
    mixture cure model, S(t) = pi + (1 - pi) S_u(t).

    Args:
        design: a Design (``gsd.design(...)``), the ``design`` section as a
            dict, or None for the default one-look design.
        control: ``{"cure_fraction": 0.4, "median_noncured": 7}`` (or
            ``hazard``, ``weibull``, ``piecewise`` latency).
        accrual: the uniform accrual duration, or ``{"piecewise": ...}``.
        treatment: the treatment arm (its ``cure_fraction``, or its own latency).
        hazard_ratio_noncured: treatment / control hazard among the noncured.
        patients, events: give both to get power.
        power, follow_up: give them to solve for patients and events;
            power with patients solves for events and duration.
        allocation_ratio: treatment : control.
        dropout: exponential drop-out hazards ``{"control": .., "treatment": ..}``.
        time_unit: a word for the time axis (default months).
        **options: any other key of the config's ``survival`` section.

    Returns: a Plan. Raises InvalidInput naming the argument.
    """
    arguments: Dict[tuple, tuple] = {("survival",): (), ("name",): ("name",)}
    design, accrual = labelled(design), scalar(labelled(accrual))
    if isinstance(design, SimonDesign) or (isinstance(design, Mapping)
                                           and design.get("type") == SIMON):
        # The library's refusal names the survival section the call writes.
        raise invalid(("design",), design, "is Simon's two-stage design of a single-arm response "
                      "rate, which has no survival plan; gsd.survival plans the group-sequential "
                      "designs of gsd.design")
    if isinstance(design, Result):
        config: Config = design.config
        config.pop("survival", None)
        config.pop("simulation", None)
        config.pop("monitoring", None)
        arguments[("design",)] = ("design.config", "design")
    elif design is None:
        config = {"design": {}}
    elif isinstance(design, Mapping):
        config = {"design": plain(design, ("design",))}
        arguments[("design",)] = ("design",)
    else:
        raise invalid(("design",), design, "must be a gsd.Design, a dict of the design section or None")
    # numbers.Real admits numpy's scalars (np.int64 is no Python int).
    if isinstance(accrual, numbers.Real) and not isinstance(accrual, bool):
        accrual_section: Any = {"duration": plain(accrual)}
        arguments[("survival", "accrual", "duration")] = ("accrual",)
    elif isinstance(accrual, Mapping):
        accrual_section = plain(accrual, ("accrual",))
    else:
        raise invalid(("accrual",), accrual,
                      'must be a number (the duration of uniform accrual) or a dict such as '
                      '{"piecewise": {"durations": [6, 30], "rates": [1, 3]}}')
    section = given(time_unit=time_unit, control=control, treatment=treatment,
                    hazard_ratio_noncured=hazard_ratio_noncured,
                    allocation_ratio=allocation_ratio, accrual=accrual_section, dropout=dropout,
                    patients=patients, events=events, power=power, follow_up=follow_up)
    if options:
        section.update(given(**options))
    config["survival"] = section
    if name is not None:
        config["name"] = name
    handle = _call(lambda: _core.design(config, _log_level()), arguments)
    return Plan(handle, config)


def plan(config: ConfigLike) -> Design:
    """The design, or the log-rank survival plan, of a config, as
    ``gsd design CONFIG`` computes it: the same object ``gsd.design`` or
    ``gsd.survival`` builds, for a config kept in a file (the repository's
    ``configs/blinatumomab-20120215.json``) or as a dict.

    Args:
        config: a config as a dict, or the path of a JSON file.

    Returns: a Plan when the config has a ``survival`` section, else a
    Design. A survival section with another ``test`` (weighted log-rank,
    MaxCombo, RMST, milestone) or an ``endpoint`` section raises
    InvalidInput naming ``config``: ``gsd.run(config)`` returns its plan as
    the command line's JSON, and ``gsd.simulate(config)`` simulates it. So
    does Simon's two-stage design (design.type "simon-two-stage"), which
    ``gsd.simon`` builds. Errors name the config field as
    ``config["design"]["alpha"]``.
    """
    cfg = load(config)
    # An explicit {"type": "log-rank"} is the default test; a type that is no
    # string is left to the library, which names it.
    survival = cfg.get("survival")
    test = survival.get("test") if isinstance(survival, Mapping) else None
    kind = test.get("type") if isinstance(test, Mapping) else None
    if _is_simon(cfg):
        shown = os.fspath(config) if isinstance(config, (str, os.PathLike)) else None
        raise invalid(("config",), shown,
                      f'is Simon\'s two-stage design (config["design"]["type"] = "{SIMON}"), '
                      "which has no boundaries; gsd.simon(rate, margin, ...) builds it, and "
                      "gsd.run(config) returns it as the command line's JSON")
    if "endpoint" in cfg:
        other = "has an endpoint section (a normal or binary endpoint)"
    elif isinstance(kind, str) and kind != "log-rank":
        other = ('has a survival test other than the log-rank test '
                 f'(config["survival"]["test"]["type"] = {kind!r})')
    else:
        other = ""
    if other:
        shown = os.fspath(config) if isinstance(config, (str, os.PathLike)) else None
        raise invalid(("config",), shown,
                      other + "; gsd.plan gives designs and log-rank plans: gsd.run(config) returns "
                      "its plan as the command line's JSON, gsd.simulate(config) simulates it")
    arguments: Arguments = {(): ("config",), ("options",): ()}
    handle = _call(lambda: _core.design(cfg, _log_level()), arguments)
    return Plan(handle, cfg) if "survival" in cfg else Design(handle, cfg)


def simon(rate: float, margin: float, *, alpha: Optional[float] = 0.05,
          beta: Optional[float] = 0.2, criterion: Optional[str] = "optimal",
          max_patients: Optional[int] = 100, name: Optional[str] = None) -> SimonDesign:
    """Simon's (1989) two-stage design of a single-arm trial of a response
    rate: treat ``n1`` patients and stop if at most ``r1`` respond, else
    treat ``n - n1`` more and call the treatment promising if more than
    ``r`` of the ``n`` respond. The library searches every design of at
    most ``max_patients`` patients with exact binomial probabilities, as
    ``gsd design`` does for a config with design.type "simon-two-stage".

    Args:
        rate: p1, the response rate worth pursuing.
        margin: p0, the response rate not worth pursuing (below ``rate``).
        alpha: one-sided type I error, P(promising | p0) at most this.
        beta: type II error, P(promising | p1) at least 1 - beta.
        criterion: "optimal" (the least expected patients under p0) or
            "minimax" (the least maximum patients): the design that
            ``result.design`` is; both, and the admissible designs between
            them (Jung et al. 2004), are in ``result.designs``.
        max_patients: the bound of the search, 2 to 500.
        name: free text carried into the result.

    Returns: a SimonDesign. Raises InvalidInput naming the argument.
    """
    endpoint: Dict[str, Any] = {"type": "binary", "groups": 1, **given(rate=rate, margin=margin)}
    section: Dict[str, Any] = {"type": SIMON, **given(alpha=alpha, beta=beta, criterion=criterion,
                                                      max_patients=max_patients)}
    config: Config = {"design": section, "endpoint": endpoint}
    if name is not None:
        config["name"] = name
    arguments: Dict[tuple, tuple] = {("design",): (), ("endpoint", "rate"): ("rate",),
                                     ("endpoint", "margin"): ("margin",), ("name",): ("name",)}
    handle = _call(lambda: _core.design(config, _log_level()), arguments)
    return SimonDesign(handle, config)


def _simulation(config: Config, arguments: Arguments, replicates: Optional[int],
                seed: Optional[int], threads: Optional[int], max_duration: Optional[float],
                progress: Progress, replicate_data: Optional[PathLike],
                inputs: Tuple[Tuple[str, str], ...] = ()) -> Simulation:
    # The CSV replaces its file: the config it was read from would be lost.
    data = "" if replicate_data is None else check_output("replicate_data", replicate_data, inputs)
    callback, close = reporter(progress)
    threads = 1 if threads is None else threads  # None is "not given"
    max_duration = scalar(max_duration)
    finished = False
    try:
        handle = _call(lambda: _core.simulate(config, replicates, seed, threads, max_duration,
                                              callback, INTERVAL, data, _log_level()),
                       arguments)
        finished = True
    finally:
        close(finished)
    if callable(progress) and progress is not True:
        progress(handle.replicates, handle.replicates)
    options = {"replicates": replicates, "seed": seed, "threads": threads,
               "max_duration": max_duration}
    return Simulation(handle, config, options)


def simulate(plan: Union[Plan, ConfigLike], *, replicates: Optional[int] = None,
             seed: Optional[int] = None, threads: Optional[int] = 1,
             max_duration: Optional[float] = None,
             randomisation: Optional[str] = None, block_size: Optional[int] = None,
             look_events: Optional[Sequence[int]] = None,
             strata: Optional[Sequence[Mapping[str, Any]]] = None,
             progress: Progress = None, replicate_data: Optional[PathLike] = None,
             **options: Any) -> Simulation:
    """Monte Carlo replay of the plan's trial, patient by patient.

    The GIL is released while it runs, on ``threads`` OpenMP threads; the
    numbers are the same for any thread count. Ctrl-C stops it between chunks
    of replicates (KeyboardInterrupt).

    Args:
        plan: a Plan (``gsd.survival(...)``), or a config (dict or path) with
            design and survival sections.
        replicates, seed, max_duration: as the command line's flags (defaults:
            the config's simulation section, else 10000 and 1, and the
            default calendar cap).
        threads: OpenMP threads.
        randomisation, block_size, look_events, strata: the config's
            simulation section (given here, they replace the config's).
        progress: None (a tqdm bar on a terminal, if tqdm is installed), True
            (a tqdm bar), False, or a callable receiving (done, total) about
            ten times a second on the calling thread, and once at the end.
        replicate_data: write one CSV row per replicate and look to this file.
        **options: any other key of the simulation section.
    """
    if isinstance(plan, Design) and not isinstance(plan, Plan):
        # The library's "survival is missing" would name plan.config["survival"],
        # a key of a result the caller did not write.
        raise invalid(("plan",), plan, "has no survival model to draw trials from: "
                      "give a plan from gsd.survival()")
    config, prefix = _source(plan, "plan")
    section = given(randomisation=randomisation, block_size=block_size, look_events=look_events,
                    strata=strata)
    if options:
        section.update(given(**options))
    arguments: Dict[tuple, tuple] = {(): prefix, ("options",): ()}
    if section:
        config["simulation"] = {**(config.get("simulation") or {}), **section}
        for key in section:
            arguments[("simulation", key)] = (key,)
    inputs = (("plan", os.fspath(plan)),) if isinstance(plan, (str, os.PathLike)) else ()
    return _simulation(config, arguments, replicates, seed, threads, max_duration, progress,
                       replicate_data, inputs)


def _missing(value: Any) -> bool:
    """A DataFrame's empty cell: None, NaN, or pandas' NA of its nullable
    dtypes (Int64, string), whose truth value raises TypeError."""
    import pandas as pd

    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _looks(looks: Any) -> List[Dict[str, Any]]:
    """Looks as a list of dicts; a DataFrame's rows without their empty cells."""
    to_dict = getattr(looks, "to_dict", None)
    if callable(to_dict) and hasattr(looks, "columns"):
        rows = [{k: v for k, v in row.items() if not _missing(v)}
                for row in to_dict("records")]
        return plain(rows, ("looks",))
    return plain(looks, ("looks",))


def monitor(design: Union[Design, ConfigLike], *,
            looks: Optional[Union[Sequence[Mapping[str, Any]], Any]] = None,
            planned_events: Optional[float] = None, allocation_ratio: Optional[float] = None,
            assumed_hazard_ratio: Optional[float] = None, **options: Any) -> Monitoring:
    """A data monitoring committee's looks: bounds at the observed
    information, decisions, repeated CIs and p-values, conditional and
    predictive power, stage-wise inference after a stop.

    Simon's two-stage design (a SimonDesign from ``gsd.simon``, or a config
    of design.type "simon-two-stage") is monitored by its counts: each look
    gives the patients so far and their responders, ``looks=[{"n": 10,
    "responders": 3}, {"n": 29, "responders": 7}]`` (at most two, the ends
    of stage 1 and 2), and the result is a SimonMonitoring; its
    ``confidence_level`` (default 1 - 2 alpha) passes through ``**options``.

    Args:
        design: a Design or Plan, or a config (dict or path); or a SimonDesign.
        looks: ``[{"events": 49, "z": 2.0}, {"events": 71, "p_two_sided":
            0.004, "direction": "favours-treatment"}, ...]`` (or a DataFrame
            with those columns); default: the config's monitoring.looks.
        planned_events: D (default: the plan's events).
        allocation_ratio: default: the plan's, else 1.
        assumed_hazard_ratio: for conditional power (default: under the
            plan's survival model, else the design alternative).
        **options: any other key of the monitoring section.
    """
    config, prefix = _source(design, "design")
    section = given(planned_events=planned_events, allocation_ratio=allocation_ratio,
                    assumed_hazard_ratio=assumed_hazard_ratio)
    if section and _is_simon(config):
        # The library would list the keys of Simon's monitoring section.
        key = next(iter(section))
        raise invalid((key,), section[key], "does not apply to Simon's two-stage design, whose "
                      'looks are counts: give looks=[{"n": 10, "responders": 3}, ...] (and '
                      "confidence_level= for the interval after the trial)")
    if looks is not None:
        section["looks"] = _looks(looks)
    if options:
        section.update(given(**options))
    arguments: Dict[tuple, tuple] = {(): prefix}
    if section:
        config["monitoring"] = {**(config.get("monitoring") or {}), **section}
    monitoring = config.get("monitoring")
    if looks is None and not (isinstance(monitoring, Mapping) and "looks" in monitoring):
        # The library's "monitoring is missing" would name a section of the
        # config (design.config["monitoring"]) that the caller never wrote.
        example = ('{"n": 10, "responders": 3}' if _is_simon(config)  # Simon's looks are counts
                   else '{"events": 49, "z": 2.0}')
        raise invalid(("looks",), None, "is missing and the config has no monitoring looks: "
                      f"give the looks so far, e.g. looks=[{example}]")
    # A setting given here, or missing from the config too, is this
    # function's argument: "planned_events is missing" tells the caller what
    # to pass, where the config's path would name a section they never wrote.
    written = config.get("monitoring") or {}
    for key in ("looks", "planned_events", "allocation_ratio", "assumed_hazard_ratio", *options):
        if key in section or key not in written:
            arguments[("monitoring", key)] = (key,)
    handle = _call(lambda: _core.monitor(config, _log_level()), arguments)
    source = os.fspath(design) if isinstance(design, (str, os.PathLike)) else ""
    return _monitoring(handle, config, {"source": source})


_FORMATS = ("json", "text", "csv")


def _formatted(result: Result, format: str) -> Any:
    if format == "json":
        return result.to_dict()
    return result.to_text() if format == "text" else result.to_csv()


def _only(command: str, wanted: str, **values: Any) -> None:
    for key, value in values.items():
        if value is not None and command != wanted:
            raise invalid((key,), value, f'applies to command="{wanted}" only')


def run(config: Optional[ConfigLike] = None, command: str = "design", *,
        replicates: Optional[int] = None, seed: Optional[int] = None, threads: Optional[int] = 1,
        max_duration: Optional[float] = None, format: str = "json",
        plot: Optional[PathLike] = None, report: Optional[PathLike] = None,
        replicate_data: Optional[PathLike] = None, record: Optional[PathLike] = None,
        add_look: Optional[Mapping[str, Any]] = None, key_file: Optional[PathLike] = None,
        batch: Optional[PathLike] = None, progress: Progress = None) -> Any:
    """The command line as one call: ``gsd <command> CONFIG --format json``.

    Args:
        config: a config as a dict or the path of a JSON file (None with
            ``record`` to replay or extend an existing record, or with
            ``batch``).
        command: "design", "simulate" or "monitor".
        replicates, seed, threads, max_duration: ``simulate``'s flags.
        format: "json" returns the dict the command line prints; "text" and
            "csv" return its text.
        plot: design / simulate: write the SVG charts to this file.
        report: monitor: write the committee's HTML report to this file.
        replicate_data: simulate: write one CSV row per replicate and look.
        record: monitor: the record file to replay, or with ``add_look`` (a
            look: {"events": 71, "z": 2.4, ...}) to append to.
        key_file: monitor, with ``record``: the file that holds the
            committee's key of a keyed record (``--key-file``), as for
            ``gsd.Record(path, key_file=...)``; a record started with it is keyed.
        batch: design or simulate: a JSON-lines file of configs; returns one
            result (or {"error": "..."}) per line, in input order, as
            ``--batch FILE --format jsonl --threads threads``. ``threads``
            lines run at once (each simulation on one thread), with the same
            results for any ``threads``; ``replicates``, ``seed`` and
            ``max_duration`` apply to every line.
        progress: simulate: as for gsd.simulate.

    Errors name the config field as ``config["design"]["alpha"]`` and the
    options by their names.
    """
    if not isinstance(command, str):
        raise invalid(("command",), command, 'must be "design", "simulate" or "monitor"')
    _core.parse_command(command)
    if format not in _FORMATS:
        raise invalid(("format",), format, "is not one of: " + ", ".join(_FORMATS))
    _only(command, "simulate", replicates=replicates, seed=seed, max_duration=max_duration,
          replicate_data=replicate_data)
    if batch is not None:
        named_file("batch", batch)
    if batch is not None and command not in ("design", "simulate"):
        raise invalid(("batch",), batch, 'applies to command="design" or "simulate" only')
    _only(command, "monitor", report=report, record=record, add_look=add_look, key_file=key_file)
    if key_file is not None and record is None:
        raise invalid(("key_file",), key_file, "needs record=: the keyed record file it reads and extends")
    if add_look is not None and record is None:
        # Without a record the look would be dropped and the config's looks
        # decided as if it had never been given (the command line refuses it too).
        raise invalid(("add_look",), None, "needs record=: the record file to append the look to")
    threads = 1 if threads is None else threads  # None is "not given"
    # `threads != 1` of a pandas Series or numpy array is not one truth value.
    if batch is None and not (isinstance(threads, int) and threads == 1):
        _only(command, "simulate", threads=threads)
    if plot is not None and command == "monitor":
        raise invalid(("plot",), plot, 'applies to command="design" or "simulate" only; '
                      "a monitoring report is report=")
    arguments: Arguments = {(): ("config",), ("options",): ()}
    if batch is not None:
        if (config is not None or plot is not None or replicate_data is not None
                or format != "json"):
            raise invalid(("batch",), batch,
                          "runs alone: give no config, plot, replicate_data or format")
        counts = {"threads": threads, "replicates": replicates, "seed": seed}
        for key, value in counts.items():
            counts[key] = _count(key, value)
        max_duration = scalar(max_duration)
        if max_duration is not None and (isinstance(max_duration, bool)
                                         or not isinstance(max_duration, numbers.Real)):
            raise invalid(("max_duration",), max_duration, "must be a number")
        return _call(lambda: _core.batch(os.fspath(batch), command, counts["threads"],
                                         counts["replicates"], counts["seed"],
                                         None if max_duration is None else float(max_duration),
                                         _log_level()), {("options",): ()})
    if command == "monitor" and record is not None:
        return _run_record(config, record, add_look, report, format, key_file)
    if config is None:
        raise invalid(("config",), None, "is missing: give a config (a dict or a path)")
    inputs = (("config", os.fspath(config)),) if isinstance(config, (str, os.PathLike)) else ()
    # Every file the call writes, refused before anything runs if one is the
    # config or another of them.
    check_outputs([(name, out) for name, out in
                   (("plot", plot), ("replicate_data", replicate_data), ("report", report))
                   if out is not None], inputs)
    cfg = load(config)
    if command == "design":
        if plot is None and format == "json":
            return _call(lambda: _core.run(cfg, "design", _log_level()), arguments)
        result: Result = Design(_call(lambda: _core.design(cfg, _log_level()), arguments), cfg)
    elif command == "simulate":
        result = _simulation(cfg, arguments, replicates, seed, threads, max_duration, progress,
                             replicate_data, inputs)
    else:
        if report is None and format == "json":
            return _call(lambda: _core.run(cfg, "monitor", _log_level()), arguments)
        source = os.fspath(config) if isinstance(config, (str, os.PathLike)) else ""
        result = _monitoring(_call(lambda: _core.monitor(cfg, _log_level()), arguments), cfg,
                             {"source": source})
    out = _formatted(result, format)
    if plot is not None:
        _core.write_file(os.fspath(plot), result.to_svg())  # type: ignore[attr-defined]
    if report is not None:
        result.save_report(report)  # type: ignore[attr-defined]
    return out


def _count(key: str, value: Any) -> Any:
    """A batch's whole-number option as a Python int (numpy's too), or None;
    the library checks its range."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        # A whole float is refused too (as range() refuses it); saying it
        # "must be a whole number" would deny what the message shows.
        kind = "an int, not a float" if isinstance(value, float) else "a whole number"
        raise invalid((key,), value, "must be " + kind)
    return operator.index(value)


def _run_record(config: Optional[ConfigLike], record: PathLike,
                add_look: Optional[Mapping[str, Any]], report: Optional[PathLike],
                format: str, key_file: Optional[PathLike] = None) -> Any:
    record = named_file("record", record)
    # The report replaces its file: one that is the record (or its lock, or
    # the config) would lose every look. Refused before the record changes.
    if report is not None:
        check_output("report", report, monitoring_inputs(record, config))
    r, add_look = Record(record, key_file=key_file), labelled(add_look)
    if add_look is not None:
        if not isinstance(add_look, Mapping):
            raise invalid(("add_look",), add_look, 'must be a dict such as {"events": 49, "z": 2.0}')
        look = dict(add_look)
        if not set(look) & {"events", "patients", "treatment", "control", "n"}:
            raise invalid(("add_look",), add_look, 'needs "events" (a survival look) or a normal or '
                          'binary endpoint\'s "patients", "treatment" and "control", or "n"')
        events = look.pop("events", None)
        # Every key of the command line's add-look (and of Record.add_look):
        # a weighted log-rank, RMST or milestone look gives its variance, a
        # MaxCombo look its tests and covariance, a normal or binary
        # endpoint's look its patients or summaries.
        unknown = set(look) - {"z", "p_two_sided", "direction", "hazard_ratio", "variance",
                               "tests", "covariance", "patients", "estimate", "standard_error",
                               "treatment", "control", "n", "mean", "sd", "responders",
                               "final", "date", "note"}
        if unknown:
            key = sorted(unknown)[0]
            raise invalid(("add_look", key), look[key], "is not a known key of a look")
        result = r.add_look(events, config=config, report=report, **look)
    else:
        if config is not None:
            raise invalid(("config",), os.fspath(config) if isinstance(config, os.PathLike)
                          else config, "give either a config or a record to replay, not both")
        result = r.replay()
    out = _formatted(result, format)
    if report is not None and add_look is None:
        result.save_report(report)
    return out
