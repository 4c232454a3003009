"""gsd.run gives what the command line prints, on every config of the golden
test (tests/golden/cases.txt: every config and example through every command
that accepts it): the JSON value for value, the CSV byte for byte. Against
the golden files always, and against a built command line when there is one.
"""
import json
import logging
import re
import shlex
import subprocess

import pytest

import gsd

from conftest import REPO

CASES_FILE = REPO / "tests" / "golden" / "cases.txt"
EXPECTED = REPO / "tests" / "golden" / "expected"


def _cases():
    if not CASES_FILE.is_file():
        return []
    out = []
    for line in CASES_FILE.read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, command, config, extra = (part.strip() for part in line.split("|"))
        out.append(pytest.param(name, command, config, extra, id=name))
    return out


def _options(extra: str) -> dict:
    """The command line's flags as gsd.run's keyword arguments."""
    words = shlex.split(extra)
    options = {}
    for flag, value in zip(words[::2], words[1::2]):
        key = flag.lstrip("-").replace("-", "_")
        options[key] = float(value) if key == "max_duration" else int(value)
    return options


# The golden files come from one build on one machine; numbers compare as
# the golden test compares them (tests/golden/json_subset.cpp says why):
# 1e-7 relative, and 2^-15 for a survival solve's unrounded sizes (roots found
# to 2^-16). Against the command line of the same build, below, the results
# must be equal exactly.
RELATIVE = 1e-7
UNROUNDED_RELATIVE = 2.0 ** -15


def _close(expected, actual, name):
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected == actual
    if isinstance(expected, int) and isinstance(actual, int):
        return expected == actual
    tolerance = UNROUNDED_RELATIVE if name.endswith("_unrounded") else RELATIVE
    return abs(expected - actual) <= tolerance * max(abs(expected), abs(actual), 1e-300)


def _number(text):
    try:
        return float(text)
    except ValueError:
        return None


def _same_csv(expected, actual):
    want, got = expected.split("\n"), actual.split("\n")
    assert len(want) == len(got), f"{len(got)} lines, expected {len(want)}"
    header = want[0].split(",")
    for i, (w, g) in enumerate(zip(want, got)):
        wf, gf = w.split(","), g.split(",")
        assert len(wf) == len(gf), f"line {i + 1}: {g!r} != {w!r}"
        for j, (a, b) in enumerate(zip(wf, gf)):
            x, y = _number(a), _number(b)
            name = header[j] if j < len(header) else ""
            same = _close(x, y, name) if x is not None and y is not None else a == b
            assert same, f"line {i + 1}, {name}: {b!r} != {a!r}"


def _subset(expected, actual, where="$"):
    """Every key and value of `expected` is in `actual` (new keys may be added),
    as the golden test checks."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        for k, v in expected.items():
            assert k in actual, f"{where}.{k} missing"
            _subset(v, actual[k], f"{where}.{k}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), where
        for i, (e, a) in enumerate(zip(expected, actual)):
            _subset(e, a, f"{where}[{i}]")
    elif isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        assert _close(expected, actual, where), f"{where}: {expected!r} != {actual!r}"
    else:
        assert expected == actual, f"{where}: {expected!r} != {actual!r}"


@pytest.mark.parametrize("name,command,config,extra", _cases())
def test_json_matches_golden(repo, name, command, config, extra):
    got = gsd.run(repo / config, command, **_options(extra))
    _subset(json.loads((EXPECTED / f"{name}.json").read_text()), got)


@pytest.mark.parametrize("name,command,config,extra", _cases())
def test_csv_matches_golden(repo, name, command, config, extra):
    got = gsd.run(repo / config, command, format="csv", **_options(extra))
    _same_csv((EXPECTED / f"{name}.csv").read_text(), got)


@pytest.mark.parametrize("name,command,config,extra", _cases())
def test_json_and_text_equal_cli(repo, cli, name, command, config, extra):
    def printed(fmt):
        return subprocess.run([cli, command, str(repo / config), "--format", fmt,
                               *shlex.split(extra)], capture_output=True, text=True,
                              check=True).stdout

    options = _options(extra)
    assert gsd.run(repo / config, command, **options) == json.loads(printed("json"))
    assert gsd.run(repo / config, command, format="text", **options) == printed("text")


@pytest.mark.parametrize("name,command,config,extra", _cases())
def test_dict_config_equals_cli(repo, cli, name, command, config, extra):
    """The config as a dict (as a pipeline builds it), not a file: the same
    JSON, value for value, as the command line prints for the file."""
    printed = subprocess.run([cli, command, str(repo / config), "--format", "json",
                              *shlex.split(extra)], capture_output=True, text=True,
                             check=True).stdout
    as_dict = json.loads((repo / config).read_text())
    assert gsd.run(as_dict, command, **_options(extra)) == json.loads(printed)


def test_results_print_the_cli_json_byte_for_byte(repo, cli, seed_plan, tmp_path):
    config = tmp_path / "plan.json"
    config.write_text(json.dumps(seed_plan.config))
    printed = subprocess.run([cli, "design", str(config), "--format", "json"],
                             capture_output=True, text=True, check=True).stdout
    assert seed_plan.to_json() + "\n" == printed
    assert seed_plan.to_dict() == json.loads(printed)
    sim = gsd.simulate(seed_plan, replicates=500, seed=3, progress=False)
    printed = subprocess.run([cli, "simulate", str(config), "--format", "json",
                              "--replicates", "500", "--seed", "3"],
                             capture_output=True, text=True, check=True).stdout
    assert sim.to_json() + "\n" == printed


def test_batch_equals_cli_jsonl(repo, cli, tmp_path):
    lines = [
        json.dumps({"design": {"information_fractions": [0.5, 1.0]}}),
        json.dumps({"design": {"information_fractions": [0.6, 0.4, 1.0]}}),
        "{not json",
        (repo / "examples" / "design" / "hsd-minus4.json").read_text().replace("\n", " "),
    ]
    batch = tmp_path / "grid.jsonl"
    batch.write_text("\n".join(lines) + "\n")
    printed = subprocess.run([cli, "design", "--batch", str(batch), "--format", "jsonl"],
                             capture_output=True, text=True, check=True).stdout
    assert gsd.run(batch=batch) == [json.loads(line) for line in printed.splitlines()]
    assert gsd.run(batch=batch, threads=2) == gsd.run(batch=batch)


def test_simulate_batch_on_threads_equals_cli(repo, cli, tmp_path):
    seed = (repo / "configs" / "blinatumomab-20120215.json").read_text().replace("\n", " ")
    null = seed.replace('"hazard_ratio_noncured": 0.63', '"hazard_ratio_noncured": 1')
    batch = tmp_path / "scenarios.jsonl"
    batch.write_text("\n".join([seed, null, '{"design": {}}']) + "\n")
    printed = subprocess.run([cli, "simulate", "--batch", str(batch), "--format", "jsonl",
                              "--replicates", "300", "--threads", "2"],
                             capture_output=True, text=True, check=True).stdout
    got = gsd.run(batch=batch, command="simulate", replicates=300)
    assert got == [json.loads(line) for line in printed.splitlines()]
    assert gsd.run(batch=batch, command="simulate", replicates=300, threads=2) == got
    assert len(got) == 3 and got[2]["error"].startswith(f"{batch} line 3: ")


def test_outputs_written_as_the_cli_writes_them(repo, cli, tmp_path):
    seed = repo / "configs" / "blinatumomab-20120215.json"
    gsd.run(seed, "design", plot=tmp_path / "py.svg")
    subprocess.run([cli, "design", str(seed), "--plot", str(tmp_path / "cli.svg")],
                   capture_output=True, check=True)
    assert (tmp_path / "py.svg").read_text() == (tmp_path / "cli.svg").read_text()
    gsd.run(seed, "simulate", replicates=300, seed=5, replicate_data=tmp_path / "py.csv",
            plot=tmp_path / "py-sim.svg")
    subprocess.run([cli, "simulate", str(seed), "--replicates", "300", "--seed", "5",
                    "--replicate-data", str(tmp_path / "cli.csv"),
                    "--plot", str(tmp_path / "cli-sim.svg")], capture_output=True, check=True)
    assert (tmp_path / "py.csv").read_text() == (tmp_path / "cli.csv").read_text()
    assert (tmp_path / "py-sim.svg").read_text() == (tmp_path / "cli-sim.svg").read_text()


def test_record_add_look_and_replay_equal_cli(repo, cli, tmp_path):
    """A DMC record made through Python and one made by the command line hold
    the same entries and replay to the same JSON (but for the record's file
    name and the times of recording)."""
    seed = repo / "configs" / "blinatumomab-20120215.json"
    py, sh = tmp_path / "py.json", tmp_path / "cli.json"
    first = gsd.run(seed, "monitor", record=py, add_look={"events": 49, "z": 2.0})
    subprocess.run([cli, "monitor", str(seed), "--record", str(sh), "add-look", "--events", "49",
                    "--z", "2.0"], capture_output=True, check=True)
    second = gsd.Record(py).add_look(71, p_two_sided=0.004, direction="favours-treatment",
                                     note="second interim")
    subprocess.run([cli, "monitor", "--record", str(sh), "add-look", "--events", "71",
                    "--p-two-sided", "0.004", "--direction", "favours-treatment",
                    "--note", "second interim"], capture_output=True, check=True)
    printed = json.loads(subprocess.run([cli, "monitor", "--record", str(sh), "--format", "json"],
                                        capture_output=True, text=True, check=True).stdout)

    def strip(doc):
        doc = json.loads(json.dumps(doc).replace(str(py), "FILE").replace(str(sh), "FILE"))
        for look in doc["monitoring"]["looks"]:
            look.pop("recorded_at")
        return doc

    replayed = gsd.run(None, "monitor", record=py)
    assert strip(replayed) == strip(printed)
    assert strip(second.to_dict()) == strip(printed)
    assert first["monitoring"]["looks"][0]["decision"] == "continue"
    py_doc, sh_doc = gsd.Record(py).to_dict(), json.loads(sh.read_text())
    # The hashes cover the times of recording, so they differ with them.
    for doc in (py_doc, sh_doc):
        doc.pop("created_at")
        assert len(doc["chain"].pop("config_hash")) == 64
        for entry in doc["looks"]:
            entry.pop("recorded_at")
            assert len(entry.pop("hash")) == 64
    assert py_doc == sh_doc


def test_weighted_record_equals_cli(repo, cli, tmp_path):
    """A record of a MaxCombo test's looks (tests and covariance) made through
    Python holds the entries the command line's does."""
    example = json.loads((repo / "examples" / "weighted-monitoring" / "maxcombo.json").read_text())
    looks = example["monitoring"].pop("looks")
    start = tmp_path / "plan.json"
    start.write_text(json.dumps(example))
    py, sh = tmp_path / "py.json", tmp_path / "cli.json"
    for k, look in enumerate(looks):
        result = gsd.Record(py).add_look(look["events"], tests=look["tests"], covariance=look["covariance"],
                                         config=start if k == 0 else None)
        args = [cli, "monitor"] + ([str(start)] if k == 0 else []) + [
            "--record", str(sh), "add-look", "--events", str(look["events"]),
            "--tests", json.dumps(look["tests"]), "--covariance", json.dumps(look["covariance"])]
        subprocess.run(args, capture_output=True, check=True)
    assert [l["decision"] for l in result.to_dict()["monitoring"]["looks"]] == ["continue", "continue"]
    py_doc, sh_doc = gsd.Record(py).to_dict(), json.loads(sh.read_text())
    for doc in (py_doc, sh_doc):
        doc.pop("created_at")
        doc["chain"].pop("config_hash")
        for entry in doc["looks"]:
            entry.pop("recorded_at")
            entry.pop("hash")
    assert py_doc == sh_doc
    assert py_doc["looks"][1]["reason"].startswith("max z = 1.9500 is below the efficacy bound")


def _report_body(path):
    """An HTML report without the line that says when and from what it was made."""
    return re.sub(r"generated [^<]* from [^<]*</div>", "generated ... from ...</div>",
                  path.read_text())


def test_report_equals_cli(repo, cli, tmp_path):
    monitoring = repo / "examples" / "seed-trial-monitoring" / "monitoring.json"
    gsd.run(monitoring, "monitor", report=tmp_path / "py.html")
    subprocess.run([cli, "monitor", str(monitoring), "--report", str(tmp_path / "cli.html")],
                   capture_output=True, check=True)
    assert _report_body(tmp_path / "py.html") == _report_body(tmp_path / "cli.html")
    assert (tmp_path / "py.html").read_text().startswith("<!DOCTYPE html>")
    record = tmp_path / "record.json"
    gsd.run(repo / "configs" / "blinatumomab-20120215.json", "monitor", record=record,
            add_look={"events": 49, "z": 2.0}, report=tmp_path / "py-record.html")
    subprocess.run([cli, "monitor", "--record", str(record), "--report",
                    str(tmp_path / "cli-record.html")], capture_output=True, check=True)
    assert _report_body(tmp_path / "py-record.html") == _report_body(tmp_path / "cli-record.html")


def _words(line):
    """A log line without its time stamp and measured times."""
    line = re.sub(r"^\[[0-9:.]+\] \[(info|debug)\] ", "", line)
    return re.sub(r"[0-9.]+ ?(ms|s)\b", "T", line)


def test_logging_is_the_cli_log_level(repo, cli, caplog):
    """The "gsd" logger at INFO receives the lines of --log-level info."""
    seed = repo / "configs" / "blinatumomab-20120215.json"
    printed = subprocess.run([cli, "--log-level", "info", "design", str(seed)],
                             capture_output=True, text=True, check=True).stderr.splitlines()
    assert printed
    with caplog.at_level(logging.INFO, logger="gsd"):
        gsd.run(seed)
    info = [r.getMessage() for r in caplog.records if r.name == "gsd"]
    assert all(r.levelno == logging.INFO for r in caplog.records if r.name == "gsd")
    assert [_words(m) for m in info] == [_words(line) for line in printed]
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="gsd"):
        gsd.run(seed)
    debug = [r for r in caplog.records if r.name == "gsd"]
    assert len(debug) > len(info)
    assert any(r.levelno == logging.DEBUG for r in debug)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="gsd"):
        gsd.run(seed)
    assert not [r for r in caplog.records if r.name == "gsd"]


def test_run_add_look_takes_a_weighted_looks_variance(repo, cli, tmp_path):
    """add_look takes every key of the command line's add-look: a weighted
    log-rank look's variance (examples/weighted-monitoring), and the record
    replays to what the command line prints for the same looks."""
    config = json.loads((repo / "examples" / "weighted-monitoring" / "fh01.json").read_text())
    config["monitoring"]["looks"] = config["monitoring"]["looks"][:1]
    start = tmp_path / "fh01-first-look.json"
    start.write_text(json.dumps(config))
    py, sh = tmp_path / "py.json", tmp_path / "cli.json"
    gsd.run(start, "monitor", record=py, add_look={"events": 60, "z": 1.1, "variance": 0.7})
    subprocess.run([cli, "monitor", str(start), "--record", str(sh), "add-look", "--events", "60",
                    "--z", "1.1", "--variance", "0.7"], capture_output=True, check=True)
    printed = json.loads(subprocess.run([cli, "monitor", "--record", str(sh), "--format", "json"],
                                        capture_output=True, text=True, check=True).stdout)
    replayed = gsd.run(None, "monitor", record=py)
    for doc in (printed, replayed):
        for look in doc["monitoring"]["looks"]:
            look.pop("recorded_at")
    assert json.dumps(replayed).replace(str(py), "FILE") == \
        json.dumps(printed).replace(str(sh), "FILE")
    assert gsd.Record(py).to_dict()["looks"][-1]["input"]["variance"] == 0.7


def test_endpoint_record_equals_cli(repo, cli, tmp_path):
    """A normal endpoint's record kept from Python (the arms' summaries, then
    patients with an estimate) holds the command line's entries and replays
    to its JSON."""
    config = repo / "examples" / "endpoint-monitoring" / "normal-two-sample.json"
    py, sh = tmp_path / "py.json", tmp_path / "cli.json"
    arms = {"treatment": {"n": 92, "mean": 0.5, "sd": 1.0}, "control": {"n": 92, "mean": 0.1, "sd": 1.0}}
    gsd.Record(py).add_look(config=config, **arms)
    subprocess.run([cli, "monitor", str(config), "--record", str(sh), "add-look", "--treatment",
                    json.dumps(arms["treatment"]), "--control", json.dumps(arms["control"])],
                   capture_output=True, check=True)
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.run(None, "monitor", record=py, add_look={"events": 184, "z": 2.1})
    assert e.value.path == ("events",)
    printed = json.loads(subprocess.run([cli, "monitor", "--record", str(sh), "--format", "json"],
                                        capture_output=True, text=True, check=True).stdout)
    replayed = gsd.run(None, "monitor", record=py)

    def strip(doc):
        doc = json.loads(json.dumps(doc).replace(str(py), "FILE").replace(str(sh), "FILE"))
        for look in doc["monitoring"]["looks"]:
            look.pop("recorded_at")
        return doc

    assert strip(replayed) == strip(printed)
    assert [look["decision"] for look in replayed["monitoring"]["looks"]] == [
        "continue", "continue", "stop-efficacy"]
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.Record(tmp_path / "z.json").add_look(config=config, z=2.1)
    assert e.value.path == ("patients",) and "is missing" in str(e.value)
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.Record(tmp_path / "sd.json").add_look(
            config=config, treatment={"n": 92, "mean": 0.5}, control=arms["control"])
    assert e.value.path == ("treatment", "sd")
    assert not (tmp_path / "z.json").exists() and not (tmp_path / "sd.json").exists()
    estimate = gsd.Record(tmp_path / "se.json").add_look(config=config, patients=184, estimate=0.3,
                                                         standard_error=0.14)
    shell = json.loads(subprocess.run(
        [cli, "monitor", str(config), "--record", str(tmp_path / "se-cli.json"), "add-look", "--patients",
         "184", "--estimate", "0.3", "--standard-error", "0.14", "--format", "json"],
        capture_output=True, text=True, check=True).stdout)
    # The t statistic 0.3 / 0.14 at 182 degrees of freedom, carried to z.
    assert estimate.to_dict()["monitoring"]["looks"][2]["z"] == shell["monitoring"]["looks"][2]["z"]
    assert 2.12 < shell["monitoring"]["looks"][2]["z"] < 0.3 / 0.14


def test_keyed_record_is_shared_with_the_cli_through_the_key(repo, cli, tmp_path):
    """A record chained under the committee's key (HMAC-SHA-256): made in
    Python, the command line verifies it with the same key file; extended by
    the command line, Python replays and verifies it; without the key, or
    with a key file that gives none, it is refused by name."""
    seed = repo / "configs" / "blinatumomab-20120215.json"
    key = tmp_path / "key"
    key.write_bytes(b"committee secret")
    path = tmp_path / "r.json"
    record = gsd.Record(path, key_file=key)
    record.add_look(49, z=2.0, config=seed)
    assert '"algorithm": "hmac-sha256"' in path.read_text()
    done = subprocess.run([cli, "monitor", "--record", str(path), "--key-file", str(key), "verify",
                           "--format", "json"], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["record"]["chain"]["status"] == "verified"
    subprocess.run([cli, "monitor", "--record", str(path), "--key-file", str(key), "add-look",
                    "--events", "71", "--z", "2.6"], capture_output=True, check=True)
    chain = record.verify()["chain"]
    assert (chain["status"], chain["algorithm"]) == ("verified", "hmac-sha256")
    assert list(record.replay().looks["events"]) == [49, 71]
    assert len(record.to_dict()["looks"]) == 2
    with pytest.raises(gsd.InvalidInput, match="is a keyed chain"):
        gsd.Record(path).verify()
    with pytest.raises(gsd.InvalidInput) as refused:
        gsd.Record(path, key_file=tmp_path / "missing").replay()
    assert refused.value.path == ("key_file",)
    assert "cannot be read (No such file or directory)" in str(refused.value)
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    with pytest.raises(gsd.InvalidInput, match="is empty; give the file that holds the committee's key") as refused:
        gsd.Record(path, key_file=empty).add_look(94, z=3.0)
    assert refused.value.path == ("key_file",)
    # gsd.run reads and extends the same keyed record with key_file.
    out = gsd.run(command="monitor", record=path, key_file=key)
    assert out["record"]["chain"] == "verified"
    assert len(out["monitoring"]["looks"]) == 2
    # A record started by gsd.run with the key is keyed, and extended with it.
    started = tmp_path / "started.json"
    gsd.run(seed, "monitor", record=started, add_look={"events": 49, "z": 1.0}, key_file=key)
    assert '"algorithm": "hmac-sha256"' in started.read_text()
    out = gsd.run(command="monitor", record=started, add_look={"events": 71, "z": 1.5}, key_file=key)
    assert len(out["monitoring"]["looks"]) == 2
    assert gsd.Record(started, key_file=key).verify()["chain"]["status"] == "verified"
    with pytest.raises(gsd.InvalidInput, match="is a keyed chain"):
        gsd.run(command="monitor", record=path)
    with pytest.raises(gsd.InvalidInput) as refused:
        gsd.run(command="monitor", record=path, key_file=tmp_path / "missing")
    assert refused.value.path == ("key_file",)
    with pytest.raises(gsd.InvalidInput, match="needs record=") as refused:
        gsd.run(seed, "monitor", key_file=key)
    assert refused.value.path == ("key_file",)
    with pytest.raises(gsd.InvalidInput, match='applies to command="monitor" only'):
        gsd.run(seed, key_file=key)
