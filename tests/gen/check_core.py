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
    "sim_verilator": ("verilator", {"mode": "binary", "verilator_options": "--timing"}),
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
    # --mem-style blackbox: the filelist starts with the SRAM macro models (fileset
    # sram_models, simulation only); synthesis takes fileset sram_blackboxes instead.
    models = [path for path in listed if path.startswith("sram_models/")]
    listed = [path for path in listed if not path.startswith("sram_models/")]
    blackbox = manifest["config"]["mem-style"] == "blackbox"
    if rtl.get("files") != listed:
        errors.append("fileset rtl does not list the filelist's files in its order")
    if blackbox:
        sram = core.get("filesets", {}).get("sram_models", {})
        if not models or sram.get("files") != models:
            errors.append("fileset sram_models does not list the filelist's sram_models/ files")
        for path in (sram.get("files") or []) + (
                core.get("filesets", {}).get("sram_blackboxes", {}).get("files") or []):
            if not (out / path).is_file():
                errors.append(f"an SRAM fileset names {path}, which the output folder does not hold")
    for path in rtl.get("files") or []:
        if not (out / path).is_file():
            errors.append(f"fileset rtl names {path}, which the output folder does not hold")
    # The simulation targets run the generated testbench (fileset tb, its file named after its
    # top module) on the vectors the plusarg `vectors` names.
    tb = core.get("filesets", {}).get("tb") or {}
    tb_files = tb.get("files") or []
    if tb.get("file_type") != "systemVerilogSource":
        errors.append(f"fileset tb has file_type {tb.get('file_type')!r}, not systemVerilogSource")
    if not tb_files or not all(path.startswith("tb/") for path in tb_files):
        errors.append(f"fileset tb lists {tb_files}, not the generated testbench under tb/")
    for path in tb_files:
        if not (out / path).is_file():
            errors.append(f"fileset tb names {path}, which the output folder does not hold")
    parameters = core.get("parameters") or {}
    vectors = parameters.get("vectors") or {}
    if vectors.get("paramtype") != "plusarg" or vectors.get("datatype") != "str":
        errors.append(f"parameter vectors is {vectors!r}, not a str plusarg")
    for name, parameter in parameters.items():
        if not isinstance(parameter, dict) or "datatype" not in parameter or "paramtype" not in parameter:
            errors.append(f"parameter {name} lacks its datatype or paramtype")
    targets = core.get("targets", {})
    for name in ["default", *TARGETS]:
        target = targets.get(name)
        if not isinstance(target, dict):
            errors.append(f"target {name} is missing")
            continue
        sim = name.startswith("sim_")
        want_top = pathlib.Path((tb_files or [""])[-1]).stem if sim else top
        if target.get("toplevel") != want_top:
            errors.append(f"target {name}: toplevel {target.get('toplevel')!r}, expected {want_top}")
        wanted_filesets = ["rtl", "tb"] if sim else ["rtl"]
        if blackbox:
            wanted_filesets.append("sram_blackboxes" if name == "synth" else "sram_models")
        for fileset in wanted_filesets:
            if fileset not in (target.get("filesets") or []):
                errors.append(f"target {name}: filesets {target.get('filesets')} lack {fileset}")
        if blackbox and name == "synth" and "sram_models" in (target.get("filesets") or []):
            errors.append("target synth: takes fileset sram_models (simulation models)")
        if name == "default":
            continue
        tool, wanted = TARGETS[name]
        if sim:
            used = target.get("parameters") or []
            if "vectors" not in used:
                errors.append(f"target {name}: does not take the parameter vectors")
            for parameter in used:
                if parameter not in parameters:
                    errors.append(f"target {name}: takes the parameter {parameter}, which is not defined")
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
