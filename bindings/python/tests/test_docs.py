"""docs/python.md's table of functions gives each one's parameters as the
package defines them (names, order, keyword-only marker and defaults)."""
import inspect
import re

import gsd


def _documented(repo):
    text = (repo / "docs" / "python.md").read_text(encoding="utf-8")
    rows = {}
    for call in re.findall(r"^\| `gsd\.((?:Record\(path\)\.)?[A-Za-z_]+)\(([^`]*)\)`", text, re.M):
        rows[call[0]] = [p.strip() for p in re.split(r",\s*(?=[*A-Za-z_])", call[1]) if p.strip()]
    return rows


def _actual(function, skip_self=False):
    parameters = []
    star = False
    for p in list(inspect.signature(function).parameters.values())[1 if skip_self else 0:]:
        if p.kind is p.KEYWORD_ONLY and not star:
            parameters.append("*")
            star = True
        if p.kind is p.VAR_KEYWORD:
            parameters.append("**" + p.name)
        elif p.default is p.empty:
            parameters.append(p.name)
        else:
            default = p.default
            parameters.append(f"{p.name}={default!r}".replace("'", '"'))
    return parameters


def test_function_table_matches_the_signatures(repo):
    rows = _documented(repo)
    functions = {"design": gsd.design, "survival": gsd.survival, "simulate": gsd.simulate,
                 "monitor": gsd.monitor, "plan": gsd.plan, "simon": gsd.simon}
    for name, function in functions.items():
        assert rows[name] == _actual(function), name
    assert rows["Record(path).add_look"] == _actual(gsd.Record.add_look, skip_self=True)
