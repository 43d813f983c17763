#pragma once
// A model-agnostic view of the ports of a Verilated model. Verilator stores a port of W bits
// as CData (W <= 8), SData (<= 16), IData (<= 32), QData (<= 64) or, beyond 64 bits, as
// VlWide<N>: N 32-bit words, word 0 holding bits 31..0. A PortRef remembers where the port
// lives and how it is stored, so the harness core reads and writes bit fields of any port
// without including a Verilated header. Only the per-configuration adapter
// (sim/verilated_dut.h) creates PortRefs.
//
// Example: r1_surv_index_o of a 16-lane, N_MAX = 512 FU is 144 bits (VlWide<5>);
// GetBits(9 * 3, 9) is the key index in lane 3.

#include <cstdint>
#include <map>
#include <string>

namespace energon::sim {

class PortRef {
 public:
  /// How the port is stored: an integer of 1, 2, 4 or 8 bytes, or 32-bit words.
  enum class Storage : std::uint8_t { kNone, kU8, kU16, kU32, kU64, kWords };

  PortRef() = default;
  /// `data` points at the model's storage of a `width`-bit port. Throws std::logic_error when
  /// `width` does not fit `storage` (`words` is the word count for Storage::kWords).
  PortRef(void* data, Storage storage, int width, int words = 0);

  [[nodiscard]] bool bound() const { return storage_ != Storage::kNone; }
  [[nodiscard]] int width() const { return width_; }

  /// Bits [lsb, lsb + count) as an unsigned value; count 1..64, lsb + count <= width.
  [[nodiscard]] std::uint64_t GetBits(int lsb, int count) const;
  /// The same bits read as a two's complement number of `count` bits, sign-extended.
  [[nodiscard]] std::int64_t GetSigned(int lsb, int count) const;
  /// The whole port (width <= 64).
  [[nodiscard]] std::uint64_t Get() const { return GetBits(0, width_); }
  [[nodiscard]] bool GetBool() const { return GetBits(0, 1) != 0; }

  /// Writes the low `count` bits of `value` to bits [lsb, lsb + count); other bits keep
  /// their value and bits above the port's width stay zero, as Verilator requires of inputs.
  void SetBits(int lsb, int count, std::uint64_t value);
  void Set(std::uint64_t value) { SetBits(0, width_, value); }
  void SetBool(bool value) { SetBits(0, 1, value ? 1 : 0); }
  /// Zeroes every bit of the port.
  void Clear();

 private:
  void* data_ = nullptr;
  Storage storage_ = Storage::kNone;
  int width_ = 0;
};

/// The ports of one model by name ("r1_surv_index_o"), as the adapter bound them.
class PortTable {
 public:
  void Bind(const std::string& name, const PortRef& port);
  /// The named port; throws std::logic_error naming the port when the model has none.
  [[nodiscard]] PortRef Find(const std::string& name) const;
  [[nodiscard]] bool Has(const std::string& name) const { return ports_.count(name) != 0; }
  [[nodiscard]] std::size_t size() const { return ports_.size(); }

 private:
  std::map<std::string, PortRef> ports_;
};

}  // namespace energon::sim
