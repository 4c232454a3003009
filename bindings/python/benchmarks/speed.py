"""How much the Python layer costs (docs/python.md, "Speed").

1. Design call overhead: the seconds per call of gsd.design(...) (keyword
   arguments to config, the C++ call, the result object) minus those of the
   C++ work alone, design_trial(load_trial(config)) looped inside the
   extension. Each is the best of --rounds rounds of --calls calls.
2. Simulation throughput: CPU seconds of gsd.simulate(...) against the
   command line's `gsd simulate ... --quiet --format json` on the same
   config, replicates and seed, one thread, best of --rounds runs each.
3. Two Python threads: the wall time of two one-thread simulations run one
   after the other, over that of the same two run at once from two Python
   threads (2 on two free cores: the GIL is released).

Run from the repository root, after scripts/setup.sh python:
    .venv/bin/python bindings/python/benchmarks/speed.py [--cli build/release/cli/gsd]
Wall-clock timing is only meaningful on a quiet machine; CPU time less so
when others compete for the caches. Instruction counts (valgrind
--tool=callgrind) are the stable comparison; see docs/python.md.
"""
import argparse
import json
import os
import resource
import subprocess
import tempfile
import time

import gsd
from gsd import _core

SEED_DESIGN = dict(alpha=0.05, sided=2, beta=0.16, information_fractions=[0.5, 0.75, 1.0])


def design_overhead(calls: int, rounds: int) -> None:
    config = gsd.design(**SEED_DESIGN).config
    cpp = min(_core._benchmark_design(config, calls) for _ in range(rounds))
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            gsd.design(**SEED_DESIGN)
        best = min(best, (time.perf_counter() - start) / calls)
    print(f"design: C++ {cpp * 1e6:8.1f} us/call, gsd.design {best * 1e6:8.1f} us/call, "
          f"overhead {(best - cpp) * 1e6:6.1f} us")


def cpu_seconds(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def simulation_throughput(cli: str, replicates: int, rounds: int) -> None:
    config = "configs/blinatumomab-20120215.json"
    py = cli_time = float("inf")
    for _ in range(rounds):
        before = cpu_seconds(resource.RUSAGE_SELF)
        sim = gsd.simulate(config, replicates=replicates, seed=1, threads=1, progress=False)
        py = min(py, cpu_seconds(resource.RUSAGE_SELF) - before)
        before = cpu_seconds(resource.RUSAGE_CHILDREN)
        out = subprocess.run([cli, "simulate", config, "--replicates", str(replicates), "--seed",
                              "1", "--threads", "1", "--quiet", "--format", "json"],
                             capture_output=True, text=True, check=True).stdout
        cli_time = min(cli_time, cpu_seconds(resource.RUSAGE_CHILDREN) - before)
        assert json.loads(out) == sim.to_dict()
    print(f"simulate {replicates} replicates, 1 thread: CLI {cli_time:.3f} s "
          f"({cli_time / replicates * 1e6:.2f} us/trial), gsd.simulate {py:.3f} s "
          f"({py / replicates * 1e6:.2f} us/trial), ratio {py / cli_time:.3f}")


def two_threads(replicates: int, rounds: int) -> None:
    import threading

    config = "configs/blinatumomab-20120215.json"

    def one(seed):
        gsd.simulate(config, replicates=replicates, seed=seed, threads=1, progress=False)

    sequential = parallel = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        one(1)
        one(2)
        sequential = min(sequential, time.perf_counter() - start)
        start = time.perf_counter()
        workers = [threading.Thread(target=one, args=(s,)) for s in (1, 2)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        parallel = min(parallel, time.perf_counter() - start)
    print(f"two simulations of {replicates}: one after the other {sequential:.3f} s, "
          f"from two Python threads {parallel:.3f} s, speed-up {sequential / parallel:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", default="build/release/cli/gsd")
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--replicates", type=int, default=200000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", choices=("design", "simulate", "threads"))
    args = parser.parse_args()
    if args.only in (None, "design"):
        design_overhead(args.calls, args.rounds)
    if args.only in (None, "simulate"):
        simulation_throughput(args.cli, args.replicates, args.rounds)
    if args.only in (None, "threads"):
        two_threads(args.replicates, args.rounds)


if __name__ == "__main__":
    main()
