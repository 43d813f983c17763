// energon-cosim-args: energon-cosim's input checks without a model. scripts/cosim runs it
// first, so a bad option or workload is reported before a model is built for it.
#include "sim/cli.h"

int main(int argc, char** argv) { return energon::sim::cli::CheckArgumentsMain(argc, argv); }
