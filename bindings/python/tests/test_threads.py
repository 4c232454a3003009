"""Simulations release the GIL, stop on Ctrl-C between chunks, report
progress from the calling thread, and give the same numbers for any thread
count, also when two Python threads simulate at once."""
import _thread
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

import gsd

REPLICATES = 4000


def numbers(sim):
    d = sim.to_dict()
    return d["simulation"]


def test_same_numbers_for_any_thread_count(seed_plan):
    one = gsd.simulate(seed_plan, replicates=REPLICATES, seed=11, threads=1, progress=False)
    two = gsd.simulate(seed_plan, replicates=REPLICATES, seed=11, threads=2, progress=False)
    three = gsd.simulate(seed_plan, replicates=REPLICATES, seed=11, threads=3, progress=False)
    assert numbers(one) == numbers(two) == numbers(three)


def test_two_python_threads_give_the_sequential_numbers(seed_plan):
    expected = {s: numbers(gsd.simulate(seed_plan, replicates=REPLICATES, seed=s, progress=False))
                for s in (1, 2)}
    got = {}
    errors = []

    def work(seed):
        try:
            got[seed] = numbers(gsd.simulate(seed_plan, replicates=REPLICATES, seed=seed,
                                             progress=False))
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(s,)) for s in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert got == expected


def test_the_gil_is_released_while_simulating(seed_plan):
    """The main thread keeps waking up from short sleeps while another thread
    simulates. Each wake-up needs the GIL: were it held by the simulation, the
    main thread could only get it while the progress callback runs Python
    code, about once per report (ten a second)."""
    reports = []
    started = threading.Event()
    done = threading.Event()

    def progress(n, total):
        reports.append(n)
        started.set()

    def work():
        try:
            # About a second on this machine class (60,000 took 0.2 s, two
            # reports at most: too short to tell the GIL's release apart).
            gsd.simulate(seed_plan, replicates=300_000, seed=3, progress=progress)
        finally:
            started.set()
            done.set()

    worker = threading.Thread(target=work)
    worker.start()
    started.wait(60)
    wakeups = 0
    while not done.is_set():
        time.sleep(0.0005)
        wakeups += 1
    worker.join()
    assert len(reports) >= 3  # the simulation ran long enough to tell
    assert wakeups > 5 * len(reports) + 20


@pytest.mark.parametrize("threads", [1, 2])
def test_ctrl_c_stops_between_chunks(seed_plan, tmp_path, threads):
    # A shell that starts a job in the background (cmd &) ignores SIGINT for
    # it, and Python then leaves SIGINT ignored: interrupt_main() would do
    # nothing. Ctrl-C at a terminal reaches Python's own handler; use it.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        _interrupt_a_long_run(seed_plan, tmp_path, threads)
    finally:
        signal.signal(signal.SIGINT, previous)


def _interrupt_a_long_run(seed_plan, tmp_path, threads):
    data = tmp_path / "reps.csv"
    timer = threading.Timer(0.3, _thread.interrupt_main)
    start = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        gsd.simulate(seed_plan, replicates=50_000_000, seed=1, threads=threads, progress=False,
                     replicate_data=data)
    elapsed = time.monotonic() - start
    timer.cancel()
    # 50 million replicates take minutes; the stop comes within a report
    # interval (0.1 s) plus the chunks in flight.
    assert elapsed < 30
    assert not data.exists()  # nothing half-written
    assert list(tmp_path.iterdir()) == []


_SIGINT_CHILD = textwrap.dedent("""
    import signal, sys, time
    import gsd
    signal.signal(signal.SIGINT, signal.default_int_handler)
    plan = gsd.survival(gsd.design(alpha=0.05, sided=2, beta=0.16,
                                   information_fractions=[0.5, 0.75, 1.0]),
                        control={"cure_fraction": 0.4, "median_noncured": 7.0},
                        treatment={"cure_fraction": 0.562}, hazard_ratio_noncured=0.63,
                        accrual=36.0, patients=202, events=94)
    seen = []

    def progress(done, total):
        # Counted before the line that tells the parent to send SIGINT, so
        # that the interrupt cannot land between the two.
        seen.append(done)
        if len(seen) == 1:
            print("simulating", flush=True)

    try:
        gsd.simulate(plan, replicates=50_000_000, seed=1, threads=2, progress=progress)
    except KeyboardInterrupt:
        print("interrupted after", len(seen), "reports", flush=True)
        sys.exit(0)
    print("not interrupted", flush=True)
    sys.exit(1)
""")


def test_a_real_sigint_stops_a_two_thread_run():
    """SIGINT sent to the process, as a terminal's Ctrl-C is, while two
    OpenMP threads simulate: the main thread polls for it and the run stops."""
    child = subprocess.Popen([sys.executable, "-c", _SIGINT_CHILD], stdout=subprocess.PIPE,
                             text=True)
    try:
        assert child.stdout.readline().strip() == "simulating"  # inside simulate
        start = time.monotonic()
        os.kill(child.pid, signal.SIGINT)
        out, _ = child.communicate(timeout=60)
        elapsed = time.monotonic() - start
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, out
    assert out.startswith("interrupted after ")
    assert int(out.split()[2]) >= 1  # the callback ran while the run went on
    assert elapsed < 30


def test_progress_comes_on_the_calling_thread(seed_plan):
    """Whatever thread of the simulator counts the replicates, the callback
    runs on the thread that called simulate (here a worker of this test)."""
    seen = set()
    errors = []

    def work():
        try:
            gsd.simulate(seed_plan, replicates=50_000, seed=2, threads=3,
                         progress=lambda n, t: seen.add(threading.get_ident()))
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert not errors
    assert seen == {worker.ident}


def test_progress_callback(seed_plan):
    calls = []
    gsd.simulate(seed_plan, replicates=20000, seed=1, progress=lambda n, t: calls.append((n, t)))
    assert calls[-1] == (20000, 20000)
    done = [n for n, _ in calls]
    assert done == sorted(done)
    assert all(t == 20000 for _, t in calls)


def test_an_exception_in_the_callback_stops_the_run(seed_plan):
    class Stop(Exception):
        pass

    def progress(n, total):
        raise Stop()

    with pytest.raises(Stop):
        gsd.simulate(seed_plan, replicates=5_000_000, seed=1, progress=progress)


def test_tqdm_bar(seed_plan, monkeypatch):
    """progress=True draws a tqdm bar: made with the run's total, advanced to
    it, closed; the default (None) asks tqdm to draw only on a terminal."""
    tqdm = pytest.importorskip("tqdm")
    import gsd._api

    bars = []

    class Recording(tqdm.tqdm):
        def __init__(self, *args, **kwargs):
            self.made_with = kwargs
            self.advanced = 0
            self.was_closed = False
            super().__init__(*args, **kwargs)
            bars.append(self)

        def update(self, n=1):
            self.advanced += n
            return super().update(n)

        def close(self):
            self.was_closed = True
            return super().close()

    monkeypatch.setattr(tqdm, "tqdm", Recording)
    monkeypatch.setattr(gsd._api, "INTERVAL", 0.01)  # reports even from a fast run
    gsd.simulate(seed_plan, replicates=50_000, seed=1, progress=True)
    assert len(bars) == 1
    bar = bars[0]
    assert bar.made_with["total"] == 50_000
    assert bar.made_with["disable"] is False  # drawn even off a terminal
    assert bar.advanced == 50_000 and bar.n == 50_000
    assert bar.was_closed
    gsd.simulate(seed_plan, replicates=50_000, seed=1)
    assert len(bars) == 2
    assert bars[1].made_with["disable"] is None  # tqdm: a bar only on a terminal
    assert gsd.simulate(seed_plan, replicates=2000, seed=1, progress=False).replicates == 2000
    assert len(bars) == 2  # progress=False: no bar


def test_tqdm_bar_is_drawn(seed_plan, capsys, monkeypatch):
    """The bar itself, on stderr (drawn at once: no delay)."""
    pytest.importorskip("tqdm")
    import gsd._api
    import gsd._progress

    monkeypatch.setattr(gsd._progress, "BAR_DELAY", 0)
    monkeypatch.setattr(gsd._api, "INTERVAL", 0.01)  # reports even from a fast run
    gsd.simulate(seed_plan, replicates=50_000, seed=1, progress=True)
    err = capsys.readouterr().err
    assert "trials/s" in err
    assert "/50.0k [" in err  # the run's total
    assert re.search(r"[1-9][0-9]?%\|", err)  # drawn part way through


def _long_batch(repo, tmp_path, first_replicates):
    """Three seed-trial lines: the first short, the others two billion
    replicates each (hours)."""
    seed = (repo / "configs" / "blinatumomab-20120215.json").read_text().replace("\n", " ")

    def line(replicates):
        return seed.replace("{", '{"simulation": {"replicates": ' + str(replicates) + "}, ", 1)

    batch = tmp_path / "long.jsonl"
    batch.write_text("\n".join([line(first_replicates), line(2_000_000_000),
                                line(2_000_000_000)]) + "\n")
    return batch


@pytest.mark.parametrize("threads", [1, 2])
def test_ctrl_c_stops_a_batch(repo, tmp_path, threads):
    """A batch looks at Python's signals while its lines run (after each
    line and chunk of replicates on the calling thread, and while it waits
    for the helper thread): Ctrl-C raises KeyboardInterrupt within seconds,
    and a batch runs to its end again afterwards."""
    batch = _long_batch(repo, tmp_path, 100)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        timer = threading.Timer(0.5, _thread.interrupt_main)
        start = time.monotonic()
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            gsd.run(command="simulate", batch=batch, threads=threads)
        elapsed = time.monotonic() - start
        timer.cancel()
    finally:
        signal.signal(signal.SIGINT, previous)
    assert elapsed < 30
    again = gsd.run(command="simulate", batch=batch, threads=threads, replicates=50)
    assert [r["simulation"]["replicates"] for r in again] == [50, 50, 50]
