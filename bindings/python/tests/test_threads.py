"""Simulations release the GIL, stop on Ctrl-C between chunks, report
progress from the calling thread, and give the same numbers for any thread
count, also when two Python threads simulate at once."""
import _thread
import signal
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
            gsd.simulate(seed_plan, replicates=60_000, seed=3, progress=progress)
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


def test_ctrl_c_stops_between_chunks(seed_plan, tmp_path):
    # A shell that starts a job in the background (cmd &) ignores SIGINT for
    # it, and Python then leaves SIGINT ignored: interrupt_main() would do
    # nothing. Ctrl-C at a terminal reaches Python's own handler; use it.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        _interrupt_a_long_run(seed_plan, tmp_path)
    finally:
        signal.signal(signal.SIGINT, previous)


def _interrupt_a_long_run(seed_plan, tmp_path):
    data = tmp_path / "reps.csv"
    timer = threading.Timer(0.3, _thread.interrupt_main)
    start = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        gsd.simulate(seed_plan, replicates=50_000_000, seed=1, threads=2, progress=False,
                     replicate_data=data)
    elapsed = time.monotonic() - start
    timer.cancel()
    # 50 million replicates take minutes; the stop comes within a report
    # interval (0.1 s) plus the chunks in flight.
    assert elapsed < 30
    assert not data.exists()  # nothing half-written
    assert list(tmp_path.iterdir()) == []


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


def test_tqdm_bar(seed_plan, capsys):
    pytest.importorskip("tqdm")
    gsd.simulate(seed_plan, replicates=20000, seed=1, progress=True)
    sim = gsd.simulate(seed_plan, replicates=2000, seed=1)  # default: no bar off a terminal
    assert sim.replicates == 2000
