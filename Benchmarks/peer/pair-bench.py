#!/usr/bin/env python3
"""Pair benchmark: two Parcours searches, the same weeks, run after run.

A change to the search is judged against the search before it, on the same machine, in the same
hour: for every week and every repetition it runs `parcours solve` with A, then with B (the order
turns round at each repetition, so that neither always runs on a warmer or a busier machine),
never two at once, each with the same time limit and relative gap, and prints per week every
run's result and the medians, then how many weeks B won, lost and tied.

Why pairs and repetitions: on the project's 2-core machines one 60 s run of a 150–300-person week
lands anywhere in a band wider than most changes (measured at one binary: foreign-200
20729–26447, three-slots-150 136297–138079, six-days-120 97087.5–97160), so one run of each
side tells nothing; the medians of a few runs side by side tell more, and the table shows the
spread itself. See README.md beside this file.

Standard library only (and the peer benchmark beside it, for its gap and its names of weeks).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The peer benchmark beside this file: its relative gap, tolerance and way of naming weeks.
_spec = importlib.util.spec_from_file_location("peer_bench", Path(__file__).with_name("peer-bench.py"))
peer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(peer)
REL_GAP, TOL = peer.REL_GAP, peer.TOL


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_env(items: list[str]) -> dict:
    env = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise SystemExit(f"pair-bench: `{item}` is not NAME=VALUE (for --a-env / --b-env)")
        env[name] = value
    return env


def weeks_of(items: list[str]) -> list[tuple[str, Path]]:
    for item in items:
        if not Path(item).exists():
            raise SystemExit(f"pair-bench: no week at {item}")
    return [(w["name"], Path(w["path"])) for w in peer.given_weeks(items)]


def solve(binary: Path, env: dict, week: Path, limit: float, out: Path) -> dict:
    out.unlink(missing_ok=True)
    cmd = [str(binary), "solve", str(week), "--time-limit", str(limit), "--gap", str(REL_GAP), "-o", str(out)]
    wall = time.perf_counter()
    try:
        code = subprocess.run(cmd, capture_output=True, text=True, timeout=limit + 300,
                              env={**os.environ, **env}).returncode
    except subprocess.TimeoutExpired:
        code = "killed"
    data = json.loads(out.read_text()) if out.exists() and out.stat().st_size else {}
    return {"exit": code, "wall_seconds": round(time.perf_counter() - wall, 3),
            "status": data.get("status", f"exit {code}"), "objective": data.get("objective"),
            "bound": data.get("bound"), "seconds": (data.get("solver") or {}).get("seconds")}


def summary(runs: list[dict]) -> dict:
    """The median objective (None when a run has no roster: it counts as the worst) and, when
    every run proved its roster optimal, the median time."""
    objectives = [r["objective"] if r["objective"] is not None else float("inf") for r in runs]
    median = statistics.median(objectives)
    proved = all(r["status"] == "optimal" for r in runs)
    return {"objective": None if median == float("inf") else median,
            "seconds": statistics.median(r["seconds"] for r in runs) if proved else None,
            "proved": sum(r["status"] == "optimal" for r in runs), "runs": len(runs)}


def verdict(a: dict, b: dict) -> str:
    """B against A: `better`, `worse` or `tie`, by the median objective, then (both always proved)
    by the median time, where a difference under a tenth (or 0.05 s) is a tie: sub-second times
    move that much between runs."""
    x = a["objective"] if a["objective"] is not None else float("inf")
    y = b["objective"] if b["objective"] is not None else float("inf")
    same = x == y or (math.isfinite(x) and math.isfinite(y) and abs(x - y) <= TOL * max(1.0, abs(x)))
    if not same:
        return "better" if y < x else "worse"
    if a["seconds"] is not None and b["seconds"] is not None:
        if abs(a["seconds"] - b["seconds"]) > max(0.05, 0.1 * a["seconds"]):
            return "better" if b["seconds"] < a["seconds"] else "worse"
    elif b["proved"] != a["proved"]:
        return "better" if b["proved"] > a["proved"] else "worse"
    return "tie"


def cell(run: dict) -> str:
    objective = "-" if run["objective"] is None else f"{run['objective']:g}"
    when = f"{run['seconds']:.2f} s" if run["status"] == "optimal" and run["seconds"] is not None else run["status"]
    return f"{objective} ({when})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--a", type=Path, required=True, help="the parcours binary to compare against (the base)")
    ap.add_argument("--b", type=Path, help="the parcours binary under test (default: the same as --a)")
    ap.add_argument("--a-env", action="append", default=[], metavar="NAME=VALUE", help="environment for A's runs")
    ap.add_argument("--b-env", action="append", default=[], metavar="NAME=VALUE", help="environment for B's runs")
    ap.add_argument("--weeks", nargs="+", required=True, metavar="FILE_OR_DIR", help="the weeks (files, or directories of .yaml)")
    ap.add_argument("--time-limit", type=float, default=60.0, help="seconds per run (60)")
    ap.add_argument("--reps", type=int, default=2, help="runs of each side per week (2)")
    ap.add_argument("--json", type=Path, help="write every run's result here")
    ap.add_argument("--work-dir", type=Path, help="where the rosters go (default: a new temporary directory)")
    args = ap.parse_args()
    b_binary = args.b or args.a
    sides = {"A": (args.a, parse_env(args.a_env)), "B": (b_binary, parse_env(args.b_env))}
    for name, (binary, _) in sides.items():
        if not os.access(binary, os.X_OK):
            raise SystemExit(f"pair-bench: {name}'s binary {binary} is not an executable file")
    if args.b is None and not args.b_env:
        raise SystemExit("pair-bench: A and B would be the same: give --b, or --b-env (or both)")
    if args.reps < 1 or args.time_limit <= 0:
        raise SystemExit("pair-bench: --reps must be at least 1 and --time-limit above 0")
    weeks = weeks_of(args.weeks)
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="pair-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    log(f"pair-bench: {len(weeks)} weeks × {args.reps} runs × 2 sides at {args.time_limit:g} s; rosters in {work}")

    results = {name: {"A": [], "B": []} for name, _ in weeks}
    for rep in range(args.reps):
        order = ("A", "B") if rep % 2 == 0 else ("B", "A")
        for name, path in weeks:
            for side in order:
                binary, env = sides[side]
                run = solve(binary, env, path, args.time_limit, work / f"{name}.{side}.{rep + 1}.json")
                results[name][side].append(run)
                log(f"pair-bench: {name} {side} run {rep + 1}: {cell(run)}")

    env_text = lambda e: " ".join(f"{k}={v}" for k, v in sorted(e.items()))
    print(f"A: {args.a} {env_text(sides['A'][1])}".rstrip())
    print(f"B: {b_binary} {env_text(sides['B'][1])}".rstrip())
    print(f"time limit {args.time_limit:g} s, relative gap {REL_GAP:g}, {args.reps} runs each, "
          f"order A B then B A; cells: objective (seconds when proved optimal, else the status)\n")
    print("| week | A runs | B runs | A median | B median | B |")
    print("|---|---|---|--:|--:|---|")
    tally = {"better": 0, "worse": 0, "tie": 0}
    rows = []
    for name, _ in weeks:
        a, b = summary(results[name]["A"]), summary(results[name]["B"])
        v = verdict(a, b)
        tally[v] += 1
        median = lambda s: ("-" if s["objective"] is None else f"{s['objective']:g}") + (f" ({s['seconds']:.2f} s)" if s["seconds"] is not None else "")
        print(f"| {name} | {'; '.join(cell(r) for r in results[name]['A'])} | {'; '.join(cell(r) for r in results[name]['B'])} "
              f"| {median(a)} | {median(b)} | {v} |")
        rows.append({"week": name, "A": results[name]["A"], "B": results[name]["B"], "A_median": a, "B_median": b, "verdict": v})
    print(f"\nB against A: better on {tally['better']}, worse on {tally['worse']}, tie on {tally['tie']} of {len(weeks)} weeks")
    if args.json:
        args.json.write_text(json.dumps({"a": str(args.a), "b": str(b_binary), "a_env": sides["A"][1], "b_env": sides["B"][1],
                                         "time_limit": args.time_limit, "reps": args.reps, "weeks": rows}, indent=1))


if __name__ == "__main__":
    main()
