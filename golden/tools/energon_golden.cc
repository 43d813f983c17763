// energon-golden: the bit-exact MP-MRF golden model on a workload, with its accuracy report.
#include <fmt/format.h>

#include <iostream>

#include "golden/errors.h"
#include "golden/tools/golden_cli.h"

int main(int argc, char** argv) {
  namespace cli = energon::golden::cli;
  try {
    cli::Options options;
    std::string text;
    switch (cli::ParseCommandLine(argc, argv, options, text)) {
      case cli::Action::kHelp:
      case cli::Action::kVersion:
        std::cout << text;
        return 0;
      case cli::Action::kRun:
        cli::Run(options, std::cout);
        return 0;
    }
  } catch (const energon::golden::InputError& e) {
    std::cerr << "error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "error: internal: " << e.what() << '\n';
    return 1;
  }
  return 1;
}
