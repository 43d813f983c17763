#!/usr/bin/env python3
"""Reads one scripts/synth run (stat.txt from Yosys, sta.log from OpenSTA, gen/manifest.json)
and writes its report, report.json and report.txt, into the run's folder.

Figures: cells, logic area (osu018 cells only, um^2), registers and how many of them have a
reset, memory bits per memory (macros), worst setup and hold slack at the clock, total negative
slack, fmax = 1 / (period - worst setup slack), and the critical path: its start, its end and
its main contributors (the path's delay between the RTL signals it passes, summed per module
instance).
"""
import argparse
import json
import os
import re
import sys

CELL_LINE = re.compile(r"^\s+(\S+)\s+(\d+)$")
PATH_LINE = re.compile(r"^\s*(?:\d+\s+)?(?:[-\d.]+\s+){0,2}([-\d.]+)\s+([-\d.]+)\s+[v^]\s+(\S+)\s+\((\S+)\)$")
NET_LINE = re.compile(r"(\S+) \(net\)$")
ANONYMOUS = re.compile(r"^_\d+_(\[\d+\])?$")
BIT = re.compile(r"\[\d+\]$")


def rtl_signal(net, cells):
    """The RTL signal a net comes from: Yosys's autoname appends _<CELL>_<PIN>_... to it.
    A kept hierarchy's instance path (OpenSTA's u_a/u_b/net) is written as a flattened one's
    (u_a.u_b.net)."""
    net = net.replace("/", ".")
    cut = re.search(r"_(%s)_" % "|".join(sorted(cells, key=len, reverse=True)), net)
    return BIT.sub("", net[:cut.start()] if cut else net)


def anonymous(net):
    """A net Yosys named _<n>_ (in any instance of a kept hierarchy)."""
    return ANONYMOUS.match(net.replace("/", ".").rsplit(".", 1)[-1]) is not None


def fail(message):
    sys.exit(f"error: {message}")


def read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as e:
        fail(f"{path}: {e.strerror}; run scripts/synth again")


def parse_stat(text, osu_cells):
    """Cell counts of the whole design, the osu018 area, and macro instance counts: the last
    section of stat's output, the top module's (flattened) or the design hierarchy's totals
    (kept hierarchy), whose cell list follows its line 'Number of cells'."""
    cells = {}
    in_cells = False
    for line in text.splitlines():
        if line.startswith("=== "):
            in_cells = False
            cells = {}
        elif line.strip().startswith("Number of cells"):
            in_cells = True
        m = CELL_LINE.match(line)
        if in_cells and m:
            cells[m.group(1)] = int(m.group(2))
    area = re.findall(r"Chip area for (?:top )?module '.*': ([\d.]+)", text)
    if not cells or not area:
        fail("stat.txt: no cell statistics; the Yosys run did not finish")
    logic = {c: n for c, n in cells.items() if c in osu_cells}
    macros = {c: n for c, n in cells.items() if c not in osu_cells}
    return logic, macros, float(area[-1])


def osu018_cells(liberty):
    return set(re.findall(r"^\s*cell\s*\(\s*(\w+)\s*\)", read(liberty), re.M))


def section(text, name):
    start = text.find(f"== {name}\n")
    if start < 0:
        fail(f"sta.log: no '{name}' section; OpenSTA did not finish")
    end = text.find("\n== ", start + 1)
    return text[start:end if end >= 0 else len(text)]


def parse_path(text, cells):
    """Start, end, slack and the delay between the named signals along the worst path."""
    second = text.find("Startpoint:", text.find("Startpoint:") + 1)
    text = text[:second] if second > 0 else text
    start = re.search(r"Startpoint: (\S+)", text)
    end = re.search(r"Endpoint: (\S+)", text)
    slack = re.search(r"([-\d.]+)\s+slack \((MET|VIOLATED)\)", text)
    if not (start and end and slack):
        return None
    arrival = re.search(r"([-\d.]+)\s+data arrival time", text)
    stages = []  # (signal, time at which the path reaches it)
    last_time = 0.0
    for line in text.splitlines():
        m = PATH_LINE.match(line)
        if m:
            last_time = float(m.group(2))
            continue
        n = NET_LINE.search(line)
        if n and not anonymous(n.group(1)):
            signal = rtl_signal(n.group(1), cells)
            if not stages or stages[-1][0] != signal:
                stages.append((signal, last_time))
    total = float(arrival.group(1)) if arrival else last_time
    per_module = {}
    for i, (signal, t) in enumerate(stages):
        t_next = stages[i + 1][1] if i + 1 < len(stages) else total
        module = signal.rsplit(".", 1)[0] if "." in signal else "(top)"
        per_module[module] = per_module.get(module, 0.0) + (t_next - t)
    contributors = sorted(per_module.items(), key=lambda kv: -kv[1])
    return {
        "start": rtl_signal(start.group(1), cells), "end": rtl_signal(end.group(1), cells),
        "first_signal": stages[0][0] if stages else "", "last_signal": stages[-1][0] if stages else "",
        "arrival_ns": total, "slack_ns": float(slack.group(1)),
        "signals": [{"signal": s, "at_ns": round(t, 3)} for s, t in stages],
        "contributors": [{"module": m, "ns": round(ns, 3)} for m, ns in contributors if ns > 0],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--config", required=True)
    parser.add_argument("--clock", type=float, required=True)
    parser.add_argument("--macro-access", type=float, required=True)
    parser.add_argument("--liberty", required=True)
    parser.add_argument("--yosys-seconds", type=int, required=True)
    parser.add_argument("--sta-seconds", type=int, required=True)
    args = parser.parse_args()
    out = args.out
    cells = osu018_cells(args.liberty)
    logic, macros, area = parse_stat(read(os.path.join(out, "stat.txt")), cells)
    sta = read(os.path.join(out, "sta.log"))
    if re.search(r"^Error:", sta, re.M):
        fail(f"{out}/sta.log: OpenSTA reported errors: "
             + "; ".join(re.findall(r"^Error: (.*)$", sta, re.M)[:3]))
    setup = parse_path(section(sta, "setup"), cells)
    hold = parse_path(section(sta, "hold"), cells)
    summary = section(sta, "summary")
    wns = re.search(r"^wns ([-\d.]+)", summary, re.M)
    tns = re.search(r"^tns ([-\d.]+)", summary, re.M)
    if not (setup and wns and tns):
        fail(f"{out}/sta.log: no setup path or summary; the design has no timed path")
    manifest = json.loads(read(os.path.join(out, "gen", "manifest.json")))
    memories = [{"name": m["name"], "module": m.get("macro") or m["module"], "kind": m["kind"],
                 "instances": m["instances"], "depth": m["depth"], "width": m["width"],
                 "bits": m["instances"] * m["depth"] * m["width"]}
                for m in manifest["memories"]]
    registers = sum(n for c, n in logic.items() if c.startswith("DFF") or c == "LATCH")
    worst = setup["slack_ns"]
    report = {
        "config": args.config,
        "top": manifest["top"],
        "clock_ns": args.clock,
        # Setup decides: Yosys and ABC do no hold repair, which a physical flow does after
        # clock-tree synthesis; the hold slack is reported for it.
        "timing_met": worst >= 0,
        "hold_met": hold is None or hold["slack_ns"] >= 0,
        "setup_slack_ns": worst,
        "hold_slack_ns": hold["slack_ns"] if hold else None,
        "tns_ns": float(tns.group(1)),
        "fmax_mhz": round(1000.0 / (args.clock - worst), 1),
        "cells": sum(logic.values()),
        "logic_area_um2": area,
        "registers": registers,
        "registers_with_reset": logic.get("DFFSR", 0),
        "cell_counts": dict(sorted(logic.items())),
        "macro_instances": macros,
        "memories": memories,
        "macro_access_ns": args.macro_access,
        "critical_path": setup,
        "hold_path": hold,
        "yosys_seconds": args.yosys_seconds,
        "sta_seconds": args.sta_seconds,
    }
    with open(os.path.join(out, "report.json.tmp"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    os.replace(os.path.join(out, "report.json.tmp"), os.path.join(out, "report.json"))

    lines = [
        f"{args.config}: {manifest['top']} on osu018 at {args.clock:g} ns",
        f"  timing        setup {'MET' if report['timing_met'] else 'VIOLATED'}: slack "
        f"{worst:.3f} ns, TNS {report['tns_ns']:.3f} ns; hold slack "
        f"{report['hold_slack_ns']:.3f} ns (before clock-tree synthesis and hold repair)",
        f"  fmax          {report['fmax_mhz']} MHz",
        f"  cells         {report['cells']:,}, logic area {area:,.0f} um^2",
        f"  registers     {registers:,} ({report['registers_with_reset']:,} with reset)",
        f"  macros        {sum(macros.values())} instances of {len(macros)} shapes "
        f"(assumed access {args.macro_access:g} ns)",
    ]
    for m in memories:
        lines.append(f"    {m['name']:<14} {m['kind']:<7} {m['instances']} x {m['depth']} x "
                     f"{m['width']} = {m['bits']:,} bits  ({m['module']})")
    lines.append(f"  critical path {setup['start']} ({setup['first_signal']}) -> "
                 f"{setup['end']} ({setup['last_signal']}), {setup['arrival_ns']:.3f} ns")
    for c in setup["contributors"][:6]:
        lines.append(f"    {c['ns']:6.3f} ns  {c['module']}")
    lines.append(f"  run time      Yosys {args.yosys_seconds} s, OpenSTA {args.sta_seconds} s")
    with open(os.path.join(out, "report.txt.tmp"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(os.path.join(out, "report.txt.tmp"), os.path.join(out, "report.txt"))


if __name__ == "__main__":
    main()
