#!/usr/bin/env python3
"""Peer benchmark: Parcours (GLPK and its own search) against HiGHS on the same model.

For every week, one after the other (never two solvers at once), it
  1. exports Parcours's own model of the week as free MPS (`parcours export WEEK --mps FILE`),
  2. solves the week with `parcours solve --trace`, and
  3. solves the exported MPS with HiGHS (highspy, in a child process, incumbents recorded by a
     callback),
each with the same time limit and the same relative gap (1e-6), and prints a Markdown table of
time to proven optimum, objective after 10 s and at the limit, the best bound either proved, and
the ratios Parcours / HiGHS. Raw numbers go to --json. See README.md beside this file.

Standard library + highspy only (installed with pip when `import highspy` fails).
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository: Benchmarks/peer/../..
SHARED_WEEKS = ROOT.parent / "shared" / "weeks"  # weeks written outside the project
REL_GAP = 1e-6  # Parcours proves to 1e-6 relative; HiGHS is asked for the same
EARLY = 10.0  # the "objective after 10 s" checkpoint
FIRST_ROSTER_TARGET = 2.0  # target (c): first roster within 2 s
TOL = 1e-6  # relative tolerance when comparing objectives and bounds


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# HiGHS (runs in a child process: `peer-bench.py --highs-worker MPS ...`)
# --------------------------------------------------------------------------------------------

def import_highspy():
    """Imports highspy, installing it with pip first when it is missing."""
    try:
        import highspy  # noqa: F401
    except ImportError:
        log("peer-bench: highspy is missing; pip install highspy …")
        cmd = [sys.executable, "-m", "pip", "install", "--quiet", "highspy"]
        if subprocess.run(cmd).returncode != 0:
            # Debian's Python refuses a system-wide install (PEP 668); a user install works.
            subprocess.run(cmd + ["--user"], check=True)
            import site
            sys.path.append(site.getusersitepackages())
    import highspy
    return highspy


def mps_objective_constant(mps: Path) -> float | None:
    """The RHS entry of the objective (N) row, as GLPK's writer puts it: +c0.

    GLPK writes the objective constant c0 as the RHS of the objective row with its own sign
    (and reads it back the same way), whereas HiGHS, like most MPS readers, takes that entry
    as -c0. So the constant is read here and given to HiGHS explicitly.
    """
    objective_row = None
    section = None
    value = None
    with open(mps, encoding="latin-1") as f:
        for line in f:
            if not line.strip() or line.startswith("*"):
                continue
            if not line[0].isspace():  # a section header
                section = line.split()[0].upper()
                if section in ("BOUNDS", "RANGES", "ENDATA", "SOS", "QUADOBJ"):
                    break
                continue
            fields = line.split()
            if section == "ROWS" and fields[0].upper() == "N" and objective_row is None:
                objective_row = fields[1]
            elif section == "RHS":
                # free MPS: [set name] row value [row value]
                pairs = fields[1:] if len(fields) % 2 == 1 else fields
                for row, number in zip(pairs[0::2], pairs[1::2]):
                    if row == objective_row:
                        value = float(number)
    return value


def finite(x: float) -> float | None:
    """x, or None for ±inf, ±DBL_MAX (GLPK's "no bound yet") and NaN (which JSON cannot hold)."""
    return x if x is not None and math.isfinite(x) and abs(x) < 1e300 else None


def highs_worker(mps: Path, time_limit: float, constant: float | None, out: Path, log_file: Path) -> None:
    """Solves one MPS with HiGHS and writes its result as JSON to `out`."""
    highspy = import_highspy()
    h = highspy.Highs()
    h.setOptionValue("output_flag", True)
    h.setOptionValue("log_to_console", False)
    h.setOptionValue("log_file", str(log_file))
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", REL_GAP)
    # threads, presolve, seed…: HiGHS's defaults.

    t_read = time.perf_counter()
    if h.readModel(str(mps)) == highspy.HighsStatus.kError:
        raise SystemExit(f"HiGHS could not read {mps}")
    read_seconds = time.perf_counter() - t_read
    read_offset = h.getLp().offset_
    mps_constant = mps_objective_constant(mps)
    if constant is None:
        constant = mps_constant if mps_constant is not None else 0.0
    h.changeObjectiveOffset(constant)

    incumbents: list[dict] = []
    start = time.perf_counter()

    def on_improving_solution(event) -> None:
        incumbents.append({
            "seconds": time.perf_counter() - start,
            "incumbent": finite(event.data_out.objective_function_value),
            "bound": finite(event.data_out.mip_dual_bound),
        })

    callbacks = hasattr(h, "cbMipImprovingSolution")
    if callbacks:
        h.cbMipImprovingSolution.subscribe(on_improving_solution)
    h.run()
    seconds = time.perf_counter() - start

    info = h.getInfo()
    status = h.modelStatusToString(h.getModelStatus())
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    result = {
        "version": h.version(),
        "status": status,
        "optimal": h.getModelStatus() == highspy.HighsModelStatus.kOptimal,
        "seconds": seconds,
        "read_seconds": read_seconds,
        "objective": info.objective_function_value if has_solution else None,
        "bound": finite(info.mip_dual_bound),
        "gap": finite(info.mip_gap) if has_solution else None,
        "nodes": info.mip_node_count,
        "columns": h.getNumCol(),
        "rows": h.getNumRow(),
        "offset_as_read_by_highs": read_offset,
        "mps_objective_rhs": mps_constant,
        "offset_used": constant,
        "callbacks": callbacks,
        "trace": incumbents,
    }
    out.write_text(json.dumps(result, indent=1))


def run_highs(mps: Path, time_limit: float, constant: float | None, work: Path, name: str) -> dict:
    """Runs the HiGHS worker in a child process (so that a runaway solve can be killed)."""
    out = work / f"{name}.highs.json"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--highs-worker", str(mps),
           "--time-limit", str(time_limit), "--worker-out", str(out),
           "--worker-log", str(work / f"{name}.highs.log")]
    if constant is not None:
        cmd += ["--worker-constant", repr(constant)]
    wall = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=time_limit + 300)
    except subprocess.TimeoutExpired:
        return {"status": "killed (no answer 300 s after the limit)", "optimal": False, "trace": []}
    if proc.returncode != 0 or not out.exists():
        return {"status": f"error (exit {proc.returncode}): {proc.stderr.strip()[-500:]}",
                "optimal": False, "trace": []}
    result = json.loads(out.read_text())
    result["wall_seconds"] = time.perf_counter() - wall
    if not result["callbacks"]:
        # No callbacks in this highspy: the 10 s objective needs a second run with a 10 s limit.
        early = min(EARLY, time_limit)
        again = run_highs_once_more(mps, early, result["offset_used"], work, name)
        if again.get("objective") is not None:
            result["trace"] = [{"seconds": again["seconds"], "incumbent": again["objective"]}]
    return result


def run_highs_once_more(mps: Path, limit: float, constant: float, work: Path, name: str) -> dict:
    out = work / f"{name}.highs-early.json"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--highs-worker", str(mps),
           "--time-limit", str(limit), "--worker-out", str(out),
           "--worker-log", str(work / f"{name}.highs-early.log"), "--worker-constant", repr(constant)]
    subprocess.run(cmd, capture_output=True, timeout=limit + 300)
    return json.loads(out.read_text()) if out.exists() else {}


# --------------------------------------------------------------------------------------------
# Parcours
# --------------------------------------------------------------------------------------------

def build_parcours() -> Path:
    log("peer-bench: swift build -c release --product parcours …")
    setup = ROOT / "scripts" / "setup"
    if setup.exists():
        subprocess.run([str(setup)], check=True)
    subprocess.run(["swift", "build", "--package-path", str(ROOT), "-c", "release",
                    "--product", "parcours"], check=True, stdout=sys.stderr)
    return ROOT / ".build" / "release" / "parcours"


def check_parcours(parcours: Path) -> None:
    """Stops with a clear message when this parcours lacks `export --mps` or `solve --trace`."""
    for sub, flag in (("export", "--mps"), ("solve", "--trace")):
        proc = subprocess.run([str(parcours), sub, "--help"], capture_output=True, text=True)
        if proc.returncode != 0 or flag not in proc.stdout + proc.stderr:
            raise SystemExit(f"peer-bench: {parcours} has no `{sub} {flag}` (too old a build?)")


def participants_of(parcours: Path, week: Path) -> int | None:
    """The number of participants, from `parcours validate`'s summary."""
    proc = subprocess.run([str(parcours), "validate", str(week)], capture_output=True, text=True)
    m = re.search(r"^\s*participants\s+(\d+)\s*$", proc.stdout, re.M)
    return int(m.group(1)) if m else None


def matrix_weeks(parcours: Path, directory: Path) -> list[dict]:
    """The benchmark matrix from `parcours generate --matrix DIR` (empty if it is not there)."""
    directory.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([str(parcours), "generate", "--matrix", str(directory)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        log(f"peer-bench: no matrix (`parcours generate --matrix` exited {proc.returncode}: "
            f"{proc.stderr.strip().splitlines()[-1:] or ''}); using the other weeks only")
        return []
    weeks = []
    for line in proc.stdout.splitlines():
        fields = line.split("\t")
        if len(fields) < 4:
            continue
        name, people, gate, path = fields[:4]
        weeks.append({"name": name, "participants": int(people),
                      "gate": None if gate == "-" else gate, "path": path, "source": "matrix"})
    return weeks


def default_weeks(parcours: Path, matrix_dir: Path) -> list[dict]:
    weeks = matrix_weeks(parcours, matrix_dir)
    for path in sorted(SHARED_WEEKS.glob("*.yaml")):
        weeks.append({"name": path.stem, "path": str(path), "source": "shared"})
    for path in sorted((ROOT / "Scenarios").glob("*/scenario.yaml")):
        weeks.append({"name": path.parent.name, "path": str(path), "source": "scenario"})
    return weeks


def given_weeks(items: list[str]) -> list[dict]:
    weeks = []
    for item in items:
        p = Path(item)
        files = sorted(p.glob("*.yaml")) if p.is_dir() else [p]
        for f in files:
            name = f.parent.name if f.name == "scenario.yaml" else f.stem
            weeks.append({"name": name, "path": str(f), "source": "given"})
    return weeks


def export_mps(parcours: Path, week: Path, mps: Path) -> dict:
    t = time.perf_counter()
    proc = subprocess.run([str(parcours), "export", str(week), "--mps", str(mps)],
                          capture_output=True, text=True)
    result = {"exit": proc.returncode, "seconds": time.perf_counter() - t, "constant": None}
    m = re.search(r"objective constant:\s*(\S+)", proc.stderr)
    if m:
        result["constant"] = float(m.group(1))
    if proc.returncode != 0:
        result["error"] = proc.stderr.strip()[-500:]
    return result


def read_trace(path: Path) -> list[dict]:
    events = []
    if path.exists():
        for line in path.read_text().splitlines():
            if line.strip():
                events.append(json.loads(line))
    return events


def solve_parcours(parcours: Path, week: Path, time_limit: float, work: Path, name: str) -> dict:
    trace, roster = work / f"{name}.trace.jsonl", work / f"{name}.roster.json"
    for f in (trace, roster):
        f.unlink(missing_ok=True)
    cmd = [str(parcours), "solve", str(week), "--time-limit", str(time_limit),
           "--gap", str(REL_GAP), "--trace", str(trace), "-o", str(roster)]
    wall = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=time_limit + 300)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        code = "killed"
    result = {"exit": code, "wall_seconds": time.perf_counter() - wall, "trace": read_trace(trace)}
    data = json.loads(roster.read_text()) if roster.exists() and roster.stat().st_size else {}
    result["status"] = data.get("status", "no_solution" if code == 3 else f"exit {code}")
    result["optimal"] = result["status"] == "optimal"
    result["objective"] = data.get("objective")
    result["bound"] = finite(data.get("bound"))
    result["gap"] = data.get("gap")
    result["seconds"] = (data.get("solver") or {}).get("seconds")
    return result


# --------------------------------------------------------------------------------------------
# Comparison
# --------------------------------------------------------------------------------------------

def timeline(solver: dict) -> list[tuple[float, float]]:
    """(seconds, objective) of every roster a solver reported: its trace, plus its final roster
    at its final time (Parcours's trace does not always carry the roster it ends with)."""
    points = [(e["seconds"], e["incumbent"]) for e in solver.get("trace", [])
              if e.get("seconds") is not None and e.get("incumbent") is not None]
    if solver.get("objective") is not None and solver.get("seconds") is not None:
        points.append((solver["seconds"], solver["objective"]))
    return points


def incumbent_at(solver: dict, seconds: float) -> float | None:
    """The best roster found at or before `seconds` (None if none yet).

    The best, not the last line: Parcours runs several searches side by side, and one of them
    may report a roster worse than one already found (minimisation: the best is the least).
    """
    found = [objective for t, objective in timeline(solver) if t <= seconds + 1e-9]
    return min(found) if found else None


def objective_at_limit(solver: dict, limit: float) -> float | None:
    """The final objective, or, when the run overran its limit, the best one found by then."""
    if solver.get("seconds") is not None and solver["seconds"] > limit + overrun_grace(limit):
        return incumbent_at({"trace": solver.get("trace", [])}, limit)
    return solver.get("objective")


def overrun_grace(limit: float) -> float:
    return max(1.0, 0.02 * limit)


def first_roster(solver: dict) -> float | None:
    times = [t for t, _ in timeline(solver)]
    return min(times) if times else None


def time_to_optimum(solver: dict) -> float | None:
    return solver.get("seconds") if solver.get("optimal") else None


def relative_gap(objective: float | None, bound: float | None) -> float | None:
    """(objective - bound) / |objective|, the solvers' own definition (minimisation)."""
    if objective is None or bound is None:
        return None
    gap = (objective - bound) / max(abs(objective), 1e-9)
    return 0.0 if abs(gap) < 1e-9 else gap  # 11166.999999999998 against 11167


def compare(week: dict, time_limit: float) -> dict:
    """Checkpoints, best bound, ratios and targets of one week (all raw numbers)."""
    pc, hs = week["parcours"], week.get("highs")
    early = min(EARLY, time_limit)
    c: dict = {"early_seconds": early}
    bounds = []
    for name, run in (("parcours", pc), ("highs", hs)):
        if run is None:
            continue
        c[f"{name}_t_opt"] = time_to_optimum(run)
        c[f"{name}_obj_early"] = incumbent_at(run, early)
        c[f"{name}_obj_end"] = objective_at_limit(run, time_limit)
        c[f"{name}_first_roster"] = first_roster(run)
        if run.get("seconds") is not None and run["seconds"] > time_limit + overrun_grace(time_limit):
            c[f"{name}_overran"] = run["seconds"]
        bounds.append(run.get("bound"))
    # The best bound either solver proved (minimisation: the larger). An optimal status proves
    # its objective as a bound (to within the 1e-6 gap).
    bounds = [b for b in bounds if b is not None]
    c["best_bound"] = max(bounds) if bounds else None
    for who in ("parcours", "highs"):
        for when in ("early", "end"):
            key = f"{who}_obj_{when}"
            if key in c:
                c[f"{who}_gap_{when}"] = relative_gap(c[key], c["best_bound"])
    if hs is not None:
        c["time_ratio"], c["time_ratio_kind"] = time_ratio(c["parcours_t_opt"], c["highs_t_opt"], time_limit)
        for when in ("early", "end"):
            p, h = c[f"parcours_obj_{when}"], c[f"highs_obj_{when}"]
            # A ratio only means "how much worse" when both are positive (a week whose
            # preferences outweigh its costs has a negative objective): else the difference.
            c[f"obj_ratio_{when}"] = p / h if p is not None and h is not None and p > 0 and h > 0 else None
            c[f"obj_diff_{when}"] = p - h if p is not None and h is not None else None
        # Both proven optimal: the two models must agree, or the export (or its constant) is off.
        if pc["optimal"] and hs.get("optimal"):
            p, h = pc["objective"], hs["objective"]
            c["objectives_agree"] = abs(p - h) <= 1e-5 * max(1.0, abs(p), abs(h)) + 1e-6
        lows = [v for v in (c["parcours_obj_end"], c["highs_obj_end"]) if v is not None]
        if lows and c["best_bound"] is not None:
            c["bound_consistent"] = c["best_bound"] <= min(lows) + 1e-5 * max(1.0, abs(min(lows)))
    return c


def time_ratio(p: float | None, h: float | None, limit: float) -> tuple[float | None, str]:
    """Parcours / HiGHS time to optimum: exact, an upper bound (HiGHS did not prove within the
    limit), a lower bound (Parcours did not), or none."""
    if p is not None and h is not None:
        return p / max(h, 1e-3), "="
    if p is not None:
        return p / limit, "<"
    if h is not None:
        return limit / max(h, 1e-3), ">"
    return None, "-"


def targets(weeks: list[dict], skip_highs: bool) -> dict:
    def verdict(name: str, chosen: list[dict], ok, needs_highs: bool) -> dict:
        if needs_highs and skip_highs:
            return {"target": name, "evaluated": False, "weeks": len(chosen)}
        failing = [w["name"] for w in chosen if not ok(w)]
        return {"target": name, "evaluated": True, "weeks": len(chosen),
                "met": not failing and bool(chosen), "failing": failing}

    def a(w):
        c = w["comparison"]
        return c["parcours_t_opt"] is not None and c.get("time_ratio") is not None \
            and c["time_ratio_kind"] in ("=", "<") and c["time_ratio"] <= 1.0

    def b(w):
        c = w["comparison"]
        p, h, gap = c["parcours_obj_end"], c.get("highs_obj_end"), c.get("parcours_gap_end")
        return p is not None and (h is None or p <= h + TOL * max(1.0, abs(h))) \
            and gap is not None and gap <= 0.01

    def c_(w):
        t = w["comparison"]["parcours_first_roster"]
        return t is not None and t <= FIRST_ROSTER_TARGET

    people = lambda w: w.get("participants") or 0  # noqa: E731
    return {
        "a": verdict("every week with <= 60 people proven optimal by Parcours, time ratio <= 1.0",
                     [w for w in weeks if people(w) <= 60], a, True),
        "b": verdict("100-300 people: Parcours's objective at the limit <= HiGHS's and within 1 % "
                     "of the best bound", [w for w in weeks if 100 <= people(w) <= 300], b, True),
        "c": verdict("every week: Parcours's first roster within 2 s", weeks, c_, False),
    }


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------

def machine(parcours: Path) -> dict:
    cpu = "unknown CPU"
    try:
        m = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M)
        cpu = m.group(1).strip() if m else cpu
    except OSError:
        pass
    git = lambda *a: subprocess.run(["git", "-C", str(ROOT), *a], capture_output=True, text=True)  # noqa: E731
    commit = git("rev-parse", "--short", "HEAD").stdout.strip() or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no").stdout.strip() != ""
    return {"nproc": len(os.sched_getaffinity(0)), "cpu": cpu,  # what `nproc` prints
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "parcours_commit": commit, "parcours_dirty": dirty, "parcours_binary": str(parcours)}


def fmt_num(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:.2f}".rstrip("0").rstrip(".")


def fmt_secs(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}" if x < 10 else f"{x:.1f}"


def fmt_obj(x: float | None, gap: float | None) -> str:
    if x is None:
        return "-"
    return fmt_num(x) if gap is None else f"{fmt_num(x)} ({100 * gap:.2f} %)"


def fmt_ratio(x: float | None, kind: str = "=") -> str:
    if x is None:
        return "-"
    return f"{x:.2f}" if kind == "=" else f"{kind} {x:.2f}"


def fmt_obj_ratio(ratio: float | None, diff: float | None) -> str:
    if ratio is not None:
        return f"{ratio:.4f}"
    return "-" if diff is None else f"Δ {diff:+.2f}".rstrip("0").rstrip(".")


def markdown(info: dict, weeks: list[dict], limit: float, skip_highs: bool) -> str:
    early = fmt_secs(min(EARLY, limit)).rstrip("0").rstrip(".")
    end = fmt_secs(limit).rstrip("0").rstrip(".")
    dirty = " + uncommitted changes" if info["parcours_dirty"] else ""
    lines = [
        f"Machine: {info['nproc']} cores (nproc), {info['cpu']}; {info['date']}; "
        f"HiGHS {info.get('highs_version', 'not run')}; parcours {info['parcours_commit']}{dirty}; "
        f"time limit {end} s, relative gap {REL_GAP:g} for both.",
        "",
        f"| week | people | P opt (s) | H opt (s) | P/H time | P @{early} s | H @{early} s | P/H @{early} s "
        f"| P @{end} s | H @{end} s | P/H @{end} s | best bound | P 1st roster (s) |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for w in weeks:
        c = w["comparison"]
        name = w["name"] + (f" ({w['gate']})" if w.get("gate") else "")
        h = (lambda k: c.get(k)) if not skip_highs else (lambda k: None)
        if "parcours_overran" in c:
            name += f" † P {c['parcours_overran']:.0f} s"
        if "highs_overran" in c and not skip_highs:
            name += f" † H {c['highs_overran']:.0f} s"
        lines.append("| " + " | ".join([
            name, str(w.get("participants") or "?"),
            fmt_secs(c["parcours_t_opt"]), fmt_secs(h("highs_t_opt")),
            fmt_ratio(h("time_ratio"), c.get("time_ratio_kind", "=")),
            fmt_obj(c["parcours_obj_early"], c.get("parcours_gap_early")),
            fmt_obj(h("highs_obj_early"), h("highs_gap_early")),
            fmt_obj_ratio(h("obj_ratio_early"), h("obj_diff_early")),
            fmt_obj(c["parcours_obj_end"], c.get("parcours_gap_end")),
            fmt_obj(h("highs_obj_end"), h("highs_gap_end")),
            fmt_obj_ratio(h("obj_ratio_end"), h("obj_diff_end")),
            fmt_num(c["best_bound"]), fmt_secs(c["parcours_first_roster"]),
        ]) + " |")
    lines.append("")
    lines.append("P = Parcours, H = HiGHS on the model Parcours exports. Objectives with their gap to "
                 "the best bound; P/H time `< x`: HiGHS did not prove optimality within the limit, "
                 "`> x`: Parcours did not; `-`: not proven / no roster; `Δ d`: P − H where an "
                 "objective is not positive (a ratio would mislead); `† P n s`: Parcours ran n s, "
                 "past its limit: its objective at the limit is the best it had found by then.")
    return "\n".join(lines)


def summary_line(t: dict) -> str:
    parts = []
    for key in ("a", "b", "c"):
        v = t[key]
        if not v["evaluated"]:
            parts.append(f"({key}) not evaluated (--skip-highs)")
        elif v["weeks"] == 0:
            parts.append(f"({key}) no week in range")
        else:
            ok = v["weeks"] - len(v["failing"])
            word = "MET" if v["met"] else "NOT MET"
            fail = f" (failing: {', '.join(v['failing'])})" if v["failing"] else ""
            parts.append(f"({key}) {word} {ok}/{v['weeks']}{fail}")
    return "targets: " + "; ".join(parts)


# --------------------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--time-limit", type=float, default=60.0, help="seconds per solver per week (60)")
    ap.add_argument("--only", metavar="REGEX", help="only the weeks whose name matches")
    ap.add_argument("--parcours", type=Path, help="the parcours binary (default: build it)")
    ap.add_argument("--skip-highs", action="store_true", help="solve with Parcours only")
    ap.add_argument("--json", type=Path, help="write every raw number here")
    ap.add_argument("--matrix-dir", type=Path, help="where `parcours generate --matrix` writes")
    ap.add_argument("--weeks", nargs="+", metavar="FILE_OR_DIR",
                    help="these weeks (files or directories of .yaml) instead of the default set")
    ap.add_argument("--work-dir", type=Path, help="MPS, traces, rosters, HiGHS logs (default: temp)")
    ap.add_argument("--keep-mps", action="store_true", help="keep the exported MPS files")
    # the HiGHS child process
    ap.add_argument("--highs-worker", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--worker-log", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--worker-constant", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.highs_worker:
        highs_worker(args.highs_worker, args.time_limit, args.worker_constant,
                     args.worker_out, args.worker_log)
        return

    parcours = args.parcours.resolve() if args.parcours else build_parcours()
    check_parcours(parcours)
    info = machine(parcours)
    if not args.skip_highs:
        hs = import_highspy()  # (a Highs() object would print its banner on stdout)
        info["highs_version"] = f"{hs.HIGHS_VERSION_MAJOR}.{hs.HIGHS_VERSION_MINOR}.{hs.HIGHS_VERSION_PATCH}"
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="peer-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    matrix_dir = args.matrix_dir or work / "matrix"

    weeks = given_weeks(args.weeks) if args.weeks else default_weeks(parcours, matrix_dir)
    if args.only:
        weeks = [w for w in weeks if re.search(args.only, w["name"])]
    if not weeks:
        raise SystemExit("peer-bench: no week to solve")
    for w in weeks:
        if w.get("participants") is None:
            w["participants"] = participants_of(parcours, Path(w["path"]))
    weeks.sort(key=lambda w: (w["participants"] or 0, w["name"]))  # small (quick) weeks first
    n = len(weeks)
    per_week = args.time_limit * (1 if args.skip_highs else 2)
    log(f"peer-bench: {n} weeks, up to ~{n * per_week / 60:.0f} min; work files in {work}")

    for i, w in enumerate(weeks, 1):
        name, path = re.sub(r"[^\w.-]", "_", w["name"]), Path(w["path"])
        log(f"[{i}/{n}] {w['name']} ({w['participants']} people)")
        w["parcours"] = solve_parcours(parcours, path, args.time_limit, work, name)
        log(f"    parcours: {w['parcours']['status']} {w['parcours']['objective']} "
            f"in {w['parcours']['seconds']} s")
        if not args.skip_highs:
            mps = work / f"{name}.mps"
            w["export"] = export_mps(parcours, path, mps)
            if w["export"]["exit"] == 0:
                w["highs"] = run_highs(mps, args.time_limit, w["export"]["constant"], work, name)
                if not args.keep_mps:
                    mps.unlink(missing_ok=True)
            else:
                w["highs"] = {"status": f"export failed: {w['export'].get('error')}",
                              "optimal": False, "trace": []}
            log(f"    highs:    {w['highs']['status']} {w['highs'].get('objective')} "
                f"in {w['highs'].get('seconds')} s")
        w["comparison"] = compare(w, args.time_limit)
        if w["comparison"].get("objectives_agree") is False:
            log(f"    WARNING: both optimal but the objectives differ: Parcours "
                f"{w['parcours']['objective']}, HiGHS {w['highs']['objective']} "
                f"(offset read by HiGHS {w['highs'].get('offset_as_read_by_highs')}, "
                f"used {w['highs'].get('offset_used')})")
        if w["comparison"].get("bound_consistent") is False:
            log("    WARNING: a proved bound lies above a found objective: the two models differ")

    t = targets(weeks, args.skip_highs)
    print(markdown(info, weeks, args.time_limit, args.skip_highs))
    print()
    print(summary_line(t))
    if args.json:
        report = {"machine": info, "time_limit": args.time_limit, "relative_gap": REL_GAP,
                  "early_checkpoint": min(EARLY, args.time_limit), "weeks": weeks, "targets": t}
        args.json.write_text(json.dumps(report, indent=1))
        log(f"peer-bench: raw numbers in {args.json}")
    if not args.work_dir:
        log(f"peer-bench: work files kept in {work}")


if __name__ == "__main__":
    main()
