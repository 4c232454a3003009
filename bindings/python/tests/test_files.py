"""File arguments (record, report, plot, replicate_data, batch, a report's
path) of the wrong kind or naming a place that cannot hold the file: an
InvalidInput naming the argument, and nothing written."""
import json
import os
import subprocess

import pytest

import gsd


@pytest.mark.parametrize("call, name", [
    (lambda plan, tmp: gsd.Record(3), "record"),
    (lambda plan, tmp: gsd.Record(None), "record"),
    (lambda plan, tmp: gsd.run(plan.config, plot=3), "plot"),
    (lambda plan, tmp: gsd.run(plan.config, "simulate", replicates=10, replicate_data=3.5,
                               progress=False), "replicate_data"),
    (lambda plan, tmp: gsd.run(batch=3), "batch"),
    (lambda plan, tmp: gsd.run(None, "monitor", record=3, report=tmp / "r.html"), "record"),
    (lambda plan, tmp: gsd.monitor(plan, looks=[{"events": 49, "z": 2.0}]).save_report(b"r.html"),
     "path"),
])
def test_a_file_argument_that_is_not_a_path_is_named(seed_plan, tmp_path, call, name):
    # It reached os.fspath() and raised a TypeError naming no argument.
    with pytest.raises(gsd.InvalidInput) as e:
        call(seed_plan, tmp_path)
    assert e.value.path == (name,)
    assert str(e.value).startswith(f"{name} ")
    assert "must be a path (a str or os.PathLike)" in str(e.value)
    assert os.listdir(tmp_path) == []


def test_a_records_report_that_cannot_be_written_is_named(seed_plan, tmp_path):
    # The message named report but the error's path was empty.
    path = tmp_path / "dmc.json"
    record = gsd.Record(path)
    record.add_look(49, z=2.0, config=seed_plan)
    before = path.read_bytes()
    report = tmp_path / "missing" / "dmc.html"
    with pytest.raises(gsd.InvalidInput) as e:
        record.add_look(71, z=2.5, report=report)
    assert e.value.path == ("report",)
    assert str(e.value) == (f"report = {report} is in a directory that does not exist or is not "
                            f"writable ({report.parent}); choose a writable directory")
    with pytest.raises(gsd.InvalidInput) as e:
        record.add_look(71, z=2.5, report=path)
    assert e.value.path == ("report",)
    assert str(e.value) == f"report = {path} is the same file as record {path}; name another file"
    assert path.read_bytes() == before


def test_add_look_that_is_not_a_dict_is_named(seed_plan, tmp_path):
    # dict() of a list raised "cannot convert dictionary update sequence".
    path = tmp_path / "dmc.json"
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.run(seed_plan.config, "monitor", record=path, add_look=[49, 2.0])
    assert e.value.path == ("add_look",)
    assert str(e.value) == 'add_look = [49, 2.0] must be a dict such as {"events": 49, "z": 2.0}'
    assert os.listdir(tmp_path) == []


def test_a_batch_that_is_a_directory_is_named(tmp_path):
    # The stream failed on its first read: an OSError naming no argument.
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.run(batch=tmp_path)
    assert e.value.path == ("batch",)
    assert str(e.value) == f"batch = {tmp_path} is a directory; name a batch file (JSON lines) inside it"


def test_a_record_that_cannot_be_written_or_exists_with_config_is_named(seed_plan, tmp_path):
    # The lock file's failure ("cannot create the lock file") and "the
    # record ... already holds its design" had an empty path.
    missing = tmp_path / "no-such-directory" / "r.json"
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.Record(missing).add_look(49, z=2.0, config=seed_plan)
    assert e.value.path == ("record",)
    assert str(e.value) == (f"record = {missing} is in a directory that does not exist or is not "
                            f"writable ({missing.parent}); choose a writable directory")
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.run(seed_plan.config, "monitor", record=tmp_path, add_look={"events": 49, "z": 2.0})
    assert e.value.path == ("record",)
    assert str(e.value) == f"record = {tmp_path} is a directory; name a file inside it"
    path = tmp_path / "r.json"
    gsd.Record(path).add_look(49, z=2.0, config=seed_plan)
    before = path.read_bytes()
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.Record(path).add_look(71, z=2.0, config=seed_plan)
    assert e.value.path == ("config",)
    assert str(e.value) == (f"config is given, but record = {str(path)!r} already holds its "
                            "design: leave config out to add a look to it, or name a new record file")
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["r.json", "r.json.lock"]


def test_verify_gives_the_head_and_a_noted_head_shows_a_record_cut_short(repo, cli, tmp_path):
    """Record.verify is the command line's verify --format json; a head noted
    in the minutes stays in the chain until looks are cut from the end."""
    seed = repo / "configs" / "blinatumomab-20120215.json"
    path = tmp_path / "dmc.json"
    record = gsd.Record(path)
    record.add_look(47, z=1.2, config=seed)
    first = record.verify()["chain"]["head"]
    record.add_look(71, z=1.9)
    whole = record.verify()
    printed = json.loads(subprocess.run([cli, "monitor", "--record", str(path), "verify", "--format",
                                         "json"], capture_output=True, text=True, check=True).stdout)
    assert whole == printed["record"]
    assert whole["looks"] == 2 and whole["chain"]["status"] == "verified"
    assert record.verify(head=first.upper())["chain"]["noted_head"] == {"hash": first, "look": 1}
    # The last look cut from the file by its text (a JSON round trip in
    # Python would write the same numbers, but the test should not depend on it).
    lines = path.read_text().splitlines()
    start = max(i for i, line in enumerate(lines) if line == "    {")
    end = min(i for i, line in enumerate(lines) if line == "  ]," and i > start)
    lines[start - 1] = "    }"
    path.write_text("\n".join(lines[:start] + lines[end:]) + "\n")
    assert record.verify()["looks"] == 1
    with pytest.raises(gsd.InvalidInput) as e:
        record.verify(head=whole["chain"]["head"])
    assert e.value.path == ("head",)
    assert str(e.value).startswith(f"head = {whole['chain']['head']} is not the hash of any look in")
    with pytest.raises(gsd.InvalidInput) as e:
        record.verify(head="abc")
    assert e.value.path == ("head",) and "must be 64 hex digits" in str(e.value)
    with pytest.raises(gsd.InvalidInput) as e:
        record.verify(head=7)
    assert e.value.path == ("head",)


@pytest.fixture
def seed_file(repo, tmp_path):
    """A copy of the seed config: a file the calls below must not replace."""
    path = tmp_path / "seed.json"
    path.write_bytes((repo / "configs" / "blinatumomab-20120215.json").read_bytes())
    return path


@pytest.mark.parametrize("call, name, source", [
    (lambda cfg, tmp: gsd.simulate(cfg, replicates=10, progress=False, replicate_data=cfg),
     "replicate_data", "plan"),
    (lambda cfg, tmp: gsd.run(cfg, "simulate", replicates=10, progress=False, replicate_data=cfg),
     "replicate_data", "config"),
    (lambda cfg, tmp: gsd.monitor(cfg, looks=[{"events": 47, "z": 1.0}],
                                  planned_events=94).save_report(cfg), "path", "config"),
    (lambda cfg, tmp: gsd.Record(tmp / "r.json").add_look(47, z=1.0, config=cfg, report=cfg),
     "report", "config"),
])
def test_an_output_over_the_config_it_reads_is_refused(seed_file, tmp_path, call, name, source):
    # Each of these replaced the config with CSV or HTML.
    before = seed_file.read_bytes()
    with pytest.raises(gsd.InvalidInput) as e:
        call(seed_file, tmp_path)
    assert e.value.path == (name,)
    assert str(e.value) == (f"{name} = {seed_file} is the same file as {source} {seed_file}; "
                            "name another file")
    assert seed_file.read_bytes() == before
    assert os.listdir(tmp_path) == ["seed.json"]


def test_two_outputs_of_one_run_may_not_be_one_file(seed_file, tmp_path):
    out = tmp_path / "out"
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.run(seed_file, "simulate", replicates=10, progress=False, plot=out, replicate_data=out)
    assert e.value.path == ("replicate_data",)
    assert str(e.value) == f"replicate_data = {out} is the same file as plot {out}; name another file"
    assert sorted(os.listdir(tmp_path)) == ["seed.json"]


def test_a_missing_record_leaves_no_lock_file(tmp_path):
    # The lock was taken before the library found no record, and stayed.
    missing = tmp_path / "missing.json"
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.Record(missing).add_look(47, z=1.0)
    assert e.value.path == ("record",)
    assert str(e.value).startswith(f"record = {str(missing)!r} does not exist; ")
    assert os.listdir(tmp_path) == []


def test_a_key_file_that_is_a_directory_or_not_a_path_is_named(seed_plan, tmp_path):
    path = tmp_path / "dmc.json"
    gsd.Record(path).add_look(47, z=1.0, config=seed_plan)
    # The stream's own "basic_filebuf::underflow error" came out as an OSError.
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.Record(path, key_file=tmp_path).replay()
    assert e.value.path == ("key_file",)
    assert str(e.value).startswith(f"key_file = {tmp_path} is a directory; ")
    # A KeyError from the table of what each file argument should name.
    with pytest.raises(gsd.InvalidInput) as e:
        gsd.Record(path, key_file=5)
    assert e.value.path == ("key_file",)
    assert str(e.value) == ("key_file = 5 must be a path (a str or os.PathLike): name the file "
                            "that holds the committee's key")


@pytest.mark.parametrize("call, name", [
    (lambda d: gsd.simulate(d, replicates=10, progress=False), "plan"),
    (lambda d: gsd.monitor(d, looks=[{"events": 47, "z": 1.0}]), "design"),
    (lambda d: gsd.run(d), "config"),
])
def test_a_config_that_is_a_directory_is_named(tmp_path, call, name):
    # The library's "/tmp: is a directory; name a config or record file" named no argument.
    with pytest.raises(gsd.InvalidInput) as e:
        call(tmp_path)
    assert e.value.path == (name,)
    assert str(e.value) == f"{name} = {str(tmp_path)!r} is a directory; name a JSON config inside it"
