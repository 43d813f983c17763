#!/usr/bin/env python3
"""Checks the FuseSoC CAPI2 core energon-gen writes (docs/generator.md, "The FuseSoC core").

FuseSoC is not packaged for Debian, so this test reads the core the way FuseSoC does (PyYAML,
merge keys included) and checks its structure against the output folder:

  check_core.py --gen ENERGON_GEN --config FILE

energon-gen writes FILE's output into a temporary folder; exit 0 when the core is right, 1
with one line per broken rule otherwise.
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

import yaml

TARGETS = {  # target: (tool, {option: value it must have or list it must contain})
    "lint": ("verilator", {"mode": "lint-only", "verilator_options": "-Wall"}),
    "sim_verilator": ("verilator", {"mode": "cc", "exe": "false", "verilator_options": "-Wall"}),
    "sim_icarus": ("icarus", {"iverilog_options": "-g2012"}),
    "synth": ("yosys", {"arch": "xilinx", "yosys_synth_options": "-flatten"}),
}


def check(out: pathlib.Path) -> list:
    manifest = json.loads((out / "manifest.json").read_text())
    prefix, top = manifest["config"]["prefix"], manifest["top"]
    core_path = out / f"{prefix}energon.core"
    text = core_path.read_text()
    errors = []
    if not text.startswith("CAPI=2:\n"):
        errors.append("the first line is not 'CAPI=2:' (FuseSoC requires it)")
    core = yaml.safe_load(text)
    vlnv = f"energon:gen:{prefix[:-1]}:{manifest['generator']['version']}"
    if core.get("name") != vlnv:
        errors.append(f"name is {core.get('name')!r}, expected the VLNV {vlnv!r}")
    if len(str(core.get("name")).split(":")) != 4:
        errors.append("name is not vendor:library:name:version")
    rtl = core.get("filesets", {}).get("rtl", {})
    if rtl.get("file_type") != "systemVerilogSource":
        errors.append(f"fileset rtl has file_type {rtl.get('file_type')!r}, not systemVerilogSource")
    listed = [line for line in (out / f"{prefix}energon.f").read_text().splitlines()
              if line and not line.startswith("//")]
    if rtl.get("files") != listed:
        errors.append("fileset rtl does not list the filelist's files in its order")
    for path in rtl.get("files") or []:
        if not (out / path).is_file():
            errors.append(f"fileset rtl names {path}, which the output folder does not hold")
    # With a testbench (fileset tb, generator/fusesoc_core.h CoreTestbench) the simulation
    # targets run it: its last file names its top module, and Verilator builds a binary.
    tb = core.get("filesets", {}).get("tb")
    if tb is not None:
        if tb.get("file_type") != "systemVerilogSource":
            errors.append(f"fileset tb has file_type {tb.get('file_type')!r}, not systemVerilogSource")
        for path in tb.get("files") or []:
            if not (out / path).is_file():
                errors.append(f"fileset tb names {path}, which the output folder does not hold")
    targets = core.get("targets", {})
    for name in ["default", *TARGETS]:
        target = targets.get(name)
        if not isinstance(target, dict):
            errors.append(f"target {name} is missing")
            continue
        sim = name.startswith("sim_") and tb is not None
        want_top = pathlib.Path((tb.get("files") or [""])[-1]).stem if sim else top
        if target.get("toplevel") != want_top:
            errors.append(f"target {name}: toplevel {target.get('toplevel')!r}, expected {want_top}")
        for fileset in ["rtl", "tb"] if sim else ["rtl"]:
            if fileset not in (target.get("filesets") or []):
                errors.append(f"target {name}: filesets {target.get('filesets')} lack {fileset}")
        if name == "default":
            continue
        tool, wanted = TARGETS[name]
        if sim and tool == "verilator":
            wanted = {"mode": "binary", "verilator_options": "-Wall"}
        if target.get("default_tool") != tool:
            errors.append(f"target {name}: default_tool {target.get('default_tool')!r}, expected {tool}")
        options = (target.get("tools") or {}).get(tool) or {}
        for key, value in wanted.items():
            got = options.get(key)
            if not (got == value or (isinstance(got, list) and value in got)):
                errors.append(f"target {name}: tools.{tool}.{key} is {got!r}, expected {value!r}")
    return errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gen", required=True, help="the energon-gen binary")
    parser.add_argument("--config", required=True, help="a configuration file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        out = pathlib.Path(work) / "out"
        run = subprocess.run([args.gen, "--config", args.config, "--out", str(out)],
                             capture_output=True, text=True)
        if run.returncode != 0:
            print(f"error: energon-gen --config {args.config} failed:\n{run.stderr}", file=sys.stderr)
            return 1
        errors = check(out)
    for error in errors:
        print(f"error: {args.config}: core: {error}", file=sys.stderr)
    if not errors:
        print(f"ok: {args.config}: the FuseSoC core has every target ({', '.join(TARGETS)})")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
