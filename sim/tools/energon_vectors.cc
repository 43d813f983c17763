// energon-vectors: the $readmemh vectors of one workload for the generated Icarus testbench
// (docs/icarus.md), from the golden model; energon-cosim's workload options, no model.
#include "sim/cli.h"

int main(int argc, char** argv) { return energon::sim::cli::VectorsMain(argc, argv); }
