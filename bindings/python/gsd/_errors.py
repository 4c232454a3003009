"""gsd's errors, and the one place where a field's path in the config becomes
the argument a Python caller passed.

The library names every bad field by its path from the root of the config,
e.g. ``("design", "information_fractions", 2)``. A function of this package
builds (part of) that config from its keyword arguments, so it tells
:func:`renamed` which part of the config each argument became; the error the
caller sees then names ``information_fractions[2]``, the argument they wrote.
"""
from __future__ import annotations

import math
import numbers
import operator
import re
from typing import Any, Mapping, Optional, Sequence, Tuple, Union

PathPart = Union[str, int]
Path = Tuple[PathPart, ...]


class GsdError(Exception):
    """Base class of the errors gsd raises."""


class InvalidInput(GsdError, ValueError):
    """Bad input: the message names the argument (by its path), the value and
    the rule it breaks, e.g. ``information_fractions[2] = 0.4 must be greater
    than the previous fraction 0.6``.

    Attributes:
        path: the argument's path as keys and indices, e.g.
            ``("information_fractions", 2)``; empty when the error concerns no
            single field (an unreadable file, for instance).
        value: the offending value as written, or None.
        rule: the rule it breaks.
    """

    def __init__(self, message: str, path: Sequence[PathPart] = (),
                 value: Optional[str] = None, rule: str = "") -> None:
        super().__init__(message)
        self.path: Path = tuple(path)
        self.value = value
        self.rule = rule or message

    def __reduce__(self):  # picklable, e.g. across multiprocessing
        return (type(self), (str(self), self.path, self.value, self.rule))


class NumericalError(GsdError, RuntimeError):
    """A numerical method that did not reach its target (no bracket,
    iterations exhausted, quadrature error over tolerance).

    Attributes: best (the best value reached), residual (how far from the
    target it was) and iterations (the work spent).
    """

    def __init__(self, message: str, best: float = math.nan, residual: float = math.nan,
                 iterations: int = 0) -> None:
        super().__init__(message)
        self.best = best
        self.residual = residual
        self.iterations = iterations

    def __reduce__(self):
        return (type(self), (str(self), self.best, self.residual, self.iterations))


class InternalError(GsdError, RuntimeError):
    """A failure inside gsd that is neither bad input nor a numerical method
    missing its target: a bug, please report it with the input."""


# Prefix rules for renamed(): a config path prefix -> the argument path that
# replaces it. The longest matching prefix wins; () matches every path.
Arguments = Mapping[Path, Path]


def renamed(error: InvalidInput, arguments: Arguments) -> InvalidInput:
    """The same error with its path written as the caller's argument.

    ``arguments`` maps a prefix of the config path to the argument that holds
    it: ``{("design",): ()}`` turns ``("design", "alpha")`` into ``alpha``;
    ``{(): ("config",)}`` turns it into ``config["design"]["alpha"]``.
    """
    from . import _core

    path = error.path
    if not path:
        return error
    new_path = _argument(path, arguments)
    if not new_path:
        if _matches(path, arguments) and error.rule[:1] in (":", ";"):
            # The call as a whole (the survival section's combination of
            # sizes): its rule alone, without the section the caller never
            # wrote ("survival: give patients and events, ...").
            rule = error.rule.lstrip(":; ")
            out = InvalidInput(rule, (), error.value, rule)
            out.__traceback__ = error.__traceback__
            return out
        return error
    rule = _python_words(_SECTION_PATH.sub(lambda m: _written(m.group(0), arguments), error.rule))
    value = _PYTHON_VALUES.get(error.value, error.value) if error.value is not None else None
    if len(new_path) == 1 and rule.startswith("is not a known key"):
        rule = "is not a known argument" + rule[len("is not a known key"):]
    message = _core.invalid_message(new_path, value, rule)
    out = InvalidInput(message, new_path, value, rule)
    out.__traceback__ = error.__traceback__
    return out


def _matches(path: Path, arguments: Arguments) -> bool:
    """Whether a prefix in ``arguments`` matches ``path``."""
    return any(path[: len(prefix)] == prefix for prefix in arguments)


def _argument(path: Path, arguments: Arguments) -> Path:
    """The argument path of a config path: its longest prefix in
    ``arguments`` replaced; () when no prefix matches."""
    best: Optional[Path] = None
    for prefix in arguments:
        if path[: len(prefix)] == prefix and (best is None or len(prefix) > len(best)):
            best = prefix
    if best is None:
        return ()
    return tuple(arguments[best]) + path[len(best):]


# A config field that a library rule names by its JSON path
# ("a latency in survival.treatment"): a section and its keys, not part of a
# longer word, a file name or a number.
_SECTION_PATH = re.compile(r"(?<![\w./])(?:design|survival|monitoring|simulation)(?:\.[a-z0-9_]+)+")


# The library's rules on a value's JSON type, and its JSON literals, in
# Python's words: a list arrives as an array, a dict as an object, a bool as
# a boolean.
_TYPE_WORDS = (("must be an object", "must be a dict"), ("must be an array", "must be a list"),
               ("must be true or false", "must be True or False"))
_TYPE_ENDINGS = ((", not an array", ", not a list"), (", not an object", ", not a dict"),
                 (", not a boolean", ", not a bool"), (", not null", ", not None"))
_PYTHON_VALUES = {"true": "True", "false": "False", "null": "None"}


def _python_words(rule: str) -> str:
    for json_words, python_words in _TYPE_WORDS:
        if rule == json_words:
            return python_words
    if rule.startswith("must be a "):
        for json_words, python_words in _TYPE_ENDINGS:
            if rule.endswith(json_words):
                return rule[: -len(json_words)] + python_words
    return rule


def _written(dotted: str, arguments: Arguments) -> str:
    """A JSON path inside a rule, written as the field the error itself
    names is written (``treatment``, ``config["survival"]["treatment"]``),
    so that the message speaks only of what the caller wrote."""
    from . import _core

    path = _argument(tuple(dotted.split(".")), arguments)
    if not path:
        return dotted
    return _core.invalid_message(path, None, "x")[: -len(" x")]


def invalid(path: Sequence[PathPart], value: Any, rule: str) -> InvalidInput:
    """An InvalidInput raised by the Python layer itself (an argument of the
    wrong kind), worded as the library words its own."""
    from . import _core

    shown = None if value is None else one_line(repr(value))
    return InvalidInput(_core.invalid_message(tuple(path), shown, rule), tuple(path), shown, rule)


def one_line(text: str) -> str:
    """A repr for a message, on one line: a pandas Series or a numpy matrix
    prints over several, and a message is one line."""
    return re.sub(r"\s*[\r\n]\s*", " ", text)


def flag(path: Sequence[PathPart], value: Any, rule: str = "must be True or False") -> bool:
    """A yes-or-no argument as a bool. Only True and False (numpy's too) are
    accepted: a truthy "no" or 0.5 read as True would be a decision the caller
    never took, and a final look is permanent in a record."""
    if isinstance(value, bool):
        return value
    kind = type(value)
    if kind.__module__ == "numpy" and kind.__name__ in ("bool_", "bool"):
        return bool(value)
    raise invalid(path, value, rule)


def whole(path: Sequence[PathPart], value: Any, low: int, high: int, meaning: str,
          none: str = "") -> int:
    """A whole-number argument in [low, high] as a Python int (numpy's
    integers too); anything else (None, a bool, a float, text, a number out
    of range) is an InvalidInput naming the argument. ``meaning`` follows
    the range in the rule: what the number counts, and its default. An
    argument that may also be None (the caller lets None through) says what
    None means in ``none``, for the rule."""
    from . import _core

    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        number = operator.index(value)
        if low <= number <= high:
            return number
    # A whole float is refused too (as range() refuses it): "must be a whole
    # number" would deny what the message shows.
    kind = (f"an int from {low} to {high}, not a float" if isinstance(value, float)
            else f"a whole number from {low} to {high}")
    if none:
        kind = f"None ({none}) or " + kind
    # None is shown too: the caller wrote it, it is no value left out.
    shown, rule = one_line(repr(value)), f"must be {kind}: {meaning}"
    raise InvalidInput(_core.invalid_message(tuple(path), shown, rule), tuple(path), shown, rule)
