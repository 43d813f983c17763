#include "sim/fu_ports.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace energon::sim {

FuPorts::FuPorts(const FuShape& shape, PortTable& ports) : shape_(shape) {
  const auto input = [&](const char* name) {
    PortRef port = ports.Find(name);
    inputs_.push_back(port);
    return port;
  };
  clk_ = input("clk_i");
  rst_n_ = input("rst_ni");
  cfg_n_keys_ = input("cfg_n_keys_i");
  cfg_causal_ = input("cfg_causal_i");
  cfg_alpha_ = input("cfg_alpha_i");
  cfg_scale_m_ = input("cfg_scale_m_i");
  cfg_scale_e_ = input("cfg_scale_e_i");
  for (const char* name :
       {"mem_req_ready_i", "mem_rsp_valid_i", "mem_rsp_k_i", "mem_rsp_v_i", "out_ready_i"}) {
    input(name);
  }
  if (shape.config.top.probes) {
    for (const char* name : {"au_logit_ready_i", "au_p_ready_i", "au_z_ready_i"}) input(name);
  }
  kload_valid_ = input("kload_valid_i");
  kload_index_ = input("kload_index_i");
  kload_data_ = input("kload_data_i");
  query_valid_ = input("query_valid_i");
  query_index_ = input("query_index_i");
  query_data_ = input("query_data_i");
  kload_ready_ = ports.Find("kload_ready_o");
  query_ready_ = ports.Find("query_ready_o");
  idle_ = ports.Find("idle_o");
  // The probe streams' ready inputs (their monitors drive them), cleared with the rest.
  for (int r = 1; r <= shape.derived.fu.num_rounds && shape.config.top.probes; ++r) {
    for (const char* field : {"row_ready_i", "surv_ready_i"})
      input(fmt::format("r{}_{}", r, field).c_str());
  }
  if (kload_data_.width() != 16 * shape.config.fu.d ||
      query_data_.width() != 16 * shape.config.fu.d) {
    throw std::logic_error(fmt::format("kload_data_i is {} bits, not 16 D = {}",
                                       kload_data_.width(), 16 * shape.config.fu.d));
  }
}

void FuPorts::ClearInputs() {
  for (PortRef& port : inputs_) port.Clear();
}

void FuPorts::SetConfig(int n_keys, bool causal, std::span<const int> alpha) {
  cfg_n_keys_.Set(static_cast<std::uint64_t>(n_keys));
  cfg_causal_.SetBool(causal);
  // A_r is a two's complement field of width / R bits, round 1 in the low bits.
  const int field = cfg_alpha_.width() / shape_.derived.fu.num_rounds;
  for (std::size_t r = 0; r < alpha.size(); ++r) {
    cfg_alpha_.SetBits(static_cast<int>(r) * field, field, static_cast<std::uint64_t>(alpha[r]));
  }
}

void FuPorts::SetKloadData(int index, std::span<const std::int16_t> row) {
  kload_index_.Set(static_cast<std::uint64_t>(index));
  for (std::size_t t = 0; t < row.size(); ++t) {
    kload_data_.SetBits(static_cast<int>(16 * t), 16, static_cast<std::uint16_t>(row[t]));
  }
}

void FuPorts::SetQueryData(int index, std::span<const std::int16_t> row) {
  query_index_.Set(static_cast<std::uint64_t>(index));
  for (std::size_t t = 0; t < row.size(); ++t) {
    query_data_.SetBits(static_cast<int>(16 * t), 16, static_cast<std::uint16_t>(row[t]));
  }
}

void FuPorts::Scramble(PortRef& port, std::mt19937_64& rng) {
  for (int lsb = 0; lsb < port.width(); lsb += 64)
    port.SetBits(lsb, std::min(64, port.width() - lsb), rng());
}

void FuPorts::ScrambleKload(std::mt19937_64& rng) {
  Scramble(kload_index_, rng);
  Scramble(kload_data_, rng);
}

void FuPorts::ScrambleQuery(std::mt19937_64& rng) {
  Scramble(query_index_, rng);
  Scramble(query_data_, rng);
}

}  // namespace energon::sim
