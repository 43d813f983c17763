// energon-golden: the bit-exact MP-MRF golden model on a workload, with its accuracy report.
#include <iostream>

#include "golden/tools/command_line.h"
#include "golden/tools/golden_cli.h"

int main(int argc, char** argv) {
  namespace cli = energon::golden::cli;
  return cli::RunTool([&] {
    cli::Options options;
    std::string text;
    switch (cli::ParseCommandLine(argc, argv, options, text)) {
      case cli::Action::kHelp:
      case cli::Action::kVersion:
        std::cout << text;
        break;
      case cli::Action::kRun:
        cli::Run(options, std::cout);
        break;
    }
    return 0;
  });
}
