"""The CPython side of bench/run.mjs: runs one program as often as asked, in
this process, timing each run and the regions its `@bench` marker lines
delimit, as bench/inproc.mjs does for pymem.

    python3.12 bench/cpython_runner.py SCALE prog.py

It compiles the program, prints `{"ready": true}`, then reads commands on
stdin, one a line: `run` runs the program once and prints one JSON line (the
run's figures; the first run's also carry the program's output). At the end
of stdin it prints `{"maxRssKB": N}` (ru_maxrss, kB on Linux) and exits. The
runner asks for one run at a time, alternating with pymem's runs, so both
implementations see the same load (see bench/README.md).
"""
import gc
import json
import os
import resource
import sys
import time

scale, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    source = f.read()
if scale != "1":
    source = "\n".join(
        f"SCALE = {scale}" if line == "SCALE = 1" else line for line in source.split("\n")
    )
code = compile(source, os.path.basename(path), "exec")
real_stdout = sys.stdout


class Capture:
    """Stands in for sys.stdout: keeps the text and timestamps marker lines."""

    def __init__(self):
        self.parts = []
        self.pending = ""
        self.open = {}
        self.regions = {}
        self.regions_cpu = {}
        self.tracked = {}

    def write(self, text):
        self.parts.append(text)
        self.pending += text
        while "\n" in self.pending:
            line, self.pending = self.pending.split("\n", 1)
            if line.startswith("@bench "):
                now = time.perf_counter()
                cpu = time.process_time()
                kind, *rest = line.split()[1:]
                if kind == "begin":
                    self.open[rest[0]] = (now, cpu)
                elif kind == "end":
                    t, c = self.open[rest[0]]
                    self.regions[rest[0]] = (now - t) * 1000
                    self.regions_cpu[rest[0]] = (cpu - c) * 1000
                elif kind == "tracked":
                    self.tracked[rest[0]] = int(rest[1])
        return len(text)

    def flush(self):
        pass


def run_once(first):
    cap = Capture()
    sys.stdout = cap
    start = time.perf_counter()
    cpu_start = time.process_time()
    exec(code, {"__name__": "__main__", "__builtins__": __builtins__})
    total = (time.perf_counter() - start) * 1000
    cpu_total = (time.process_time() - cpu_start) * 1000
    sys.stdout = real_stdout
    result = {"totalMs": total, "cpuMs": cpu_total, "regions": cap.regions, "regionsCpu": cap.regions_cpu, "tracked": cap.tracked}
    if first:
        result["stdout"] = "".join(cap.parts)
    # A program may leave the collector disabled or garbage behind: the next run starts clean.
    gc.enable()
    gc.collect()
    return result


real_stdout.write(json.dumps({"ready": True}) + "\n")
real_stdout.flush()
first = True
for command in sys.stdin:
    if command.strip() != "run":
        continue
    real_stdout.write(json.dumps(run_once(first)) + "\n")
    real_stdout.flush()
    first = False
maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
real_stdout.write(json.dumps({"maxRssKB": maxrss}) + "\n")
