#include "sim/dut.h"

namespace energon::sim {

FuShape ShapeOf(std::string name, gen::Options parsed) {
  FuShape shape;
  shape.name = std::move(name);
  shape.config = std::move(parsed.config);
  shape.derived = std::move(parsed.derived);
  return shape;
}

FuShape ShapeOfConfigText(std::string name, const std::string& text) {
  gen::Options parsed = gen::ParseConfigText(text, name + " (params header kConfigText)");
  return ShapeOf(std::move(name), std::move(parsed));
}

gen::GoldenParams GoldenParamsOf(const FuShape& shape, int mem_latency) {
  return gen::GoldenParamsOf(shape.config, shape.derived, mem_latency);
}

}  // namespace energon::sim
