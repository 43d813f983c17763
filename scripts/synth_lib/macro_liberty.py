#!/usr/bin/env python3
"""Writes a Liberty timing model for every blackbox macro of a Yosys netlist, so OpenSTA can
time the paths into and out of the SRAM macros before an SRAM compiler has produced their
real models.

    macro_liberty.py MACROS.v OUT.lib --access-ns A --setup-ns S --hold-ns H

MACROS.v is `write_verilog -blackboxes` output: module headers with input/output
declarations. Every macro is taken as synchronous: a clock pin clk_i, inputs sampled at its
rising edge (setup S, hold H), outputs valid A ns after it. These are stated assumptions of a
0.18 um compiled SRAM (docs/synthesis.md), not figures of a real macro: replace this file
with the compiler's Liberty for sign-off.
"""
import argparse
import re
import sys

DECL = re.compile(r"^\s*(input|output)\s*(?:\[(\d+):(\d+)\])?\s*([\w$\\.]+)\s*;", re.M)
MODULE = re.compile(r"^\s*module\s+\\?([\w$]+)\s*\((.*?)\);(.*?)^\s*endmodule", re.M | re.S)


def parse(text):
    macros = []
    for name, _, body in MODULE.findall(text):
        pins = []
        for direction, msb, lsb, pin in DECL.findall(body):
            width = abs(int(msb) - int(lsb)) + 1 if msb else 1
            pins.append((direction, pin.lstrip("\\"), width))
        macros.append((name, pins))
    return macros


def timing_arcs(direction, args):
    if direction == "output":
        return f"""      timing () {{
        related_pin : "clk_i";
        timing_type : rising_edge;
        cell_rise (scalar) {{ values ("{args.access_ns}"); }}
        cell_fall (scalar) {{ values ("{args.access_ns}"); }}
        rise_transition (scalar) {{ values ("0.2"); }}
        fall_transition (scalar) {{ values ("0.2"); }}
      }}
"""
    return f"""      capacitance : 0.01;
      timing () {{
        related_pin : "clk_i";
        timing_type : setup_rising;
        rise_constraint (scalar) {{ values ("{args.setup_ns}"); }}
        fall_constraint (scalar) {{ values ("{args.setup_ns}"); }}
      }}
      timing () {{
        related_pin : "clk_i";
        timing_type : hold_rising;
        rise_constraint (scalar) {{ values ("{args.hold_ns}"); }}
        fall_constraint (scalar) {{ values ("{args.hold_ns}"); }}
      }}
"""


def cell(name, pins, args):
    text = f"  cell ({name}) {{\n    dont_use : true;\n    dont_touch : true;\n"
    text += "    is_macro_cell : true;\n"
    for direction, pin, width in pins:
        if pin == "clk_i":
            text += '    pin (clk_i) {\n      direction : input;\n      clock : true;\n'
            text += "      capacitance : 0.02;\n    }\n"
            continue
        arcs = timing_arcs(direction, args)
        if width == 1:
            text += f"    pin ({pin}) {{\n      direction : {direction};\n{arcs}    }}\n"
        else:
            text += f"    bus ({pin}) {{\n      bus_type : bus{width};\n"
            text += f"      direction : {direction};\n{arcs}    }}\n"
    return text + "  }\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("macros_v")
    parser.add_argument("out_lib")
    parser.add_argument("--access-ns", type=float, required=True)
    parser.add_argument("--setup-ns", type=float, required=True)
    parser.add_argument("--hold-ns", type=float, required=True)
    args = parser.parse_args()
    with open(args.macros_v, encoding="utf-8") as f:
        macros = parse(f.read())
    for name, pins in macros:
        if not any(pin == "clk_i" for _, pin, _ in pins):
            sys.exit(f"error: {args.macros_v}: macro {name} has no clk_i pin; every blackbox "
                     "macro must be synchronous to clk_i")
    widths = sorted({w for _, pins in macros for _, _, w in pins if w > 1})
    text = "library (energon_macros) {\n  delay_model : table_lookup;\n"
    text += '  time_unit : "1ns";\n  voltage_unit : "1V";\n  current_unit : "1uA";\n'
    text += "  capacitive_load_unit (1,pf);\n  pulling_resistance_unit : \"1kohm\";\n"
    text += "  nom_process : 1;\n  nom_voltage : 1.8;\n  nom_temperature : 25;\n"
    for edge in ("rise", "fall"):
        text += (f"  input_threshold_pct_{edge} : 50;\n  output_threshold_pct_{edge} : 50;\n"
                 f"  slew_lower_threshold_pct_{edge} : 20;\n"
                 f"  slew_upper_threshold_pct_{edge} : 80;\n")
    for w in widths:
        text += (f"  type (bus{w}) {{\n    base_type : array;\n    data_type : bit;\n"
                 f"    bit_width : {w};\n    bit_from : {w - 1};\n    bit_to : 0;\n"
                 "    downto : true;\n  }\n")
    for name, pins in macros:
        text += cell(name, pins, args)
    text += "}\n"
    with open(args.out_lib, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
