#include "sim/port.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace energon::sim {
namespace {

constexpr std::uint64_t Mask(int count) {
  return count >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << count) - 1;
}

int StorageBits(PortRef::Storage storage, int words) {
  switch (storage) {
    case PortRef::Storage::kU8:
      return 8;
    case PortRef::Storage::kU16:
      return 16;
    case PortRef::Storage::kU32:
      return 32;
    case PortRef::Storage::kU64:
      return 64;
    case PortRef::Storage::kWords:
      return 32 * words;
    case PortRef::Storage::kNone:
      break;
  }
  return 0;
}

}  // namespace

PortRef::PortRef(void* data, Storage storage, int width, int words)
    : data_(data), storage_(storage), width_(width) {
  const int bits = StorageBits(storage, words);
  // Verilator picks the narrowest storage, so a port's width also tells its storage.
  const int narrower = storage == Storage::kU8      ? 0
                       : storage == Storage::kU16   ? 8
                       : storage == Storage::kU32   ? 16
                       : storage == Storage::kU64   ? 32
                       : storage == Storage::kWords ? 64
                                                    : 0;
  if (data == nullptr || width < 1 || width > bits || width <= narrower) {
    throw std::logic_error(
        fmt::format("port of {} bits cannot live in {} bits of storage", width, bits));
  }
}

std::uint64_t PortRef::GetBits(int lsb, int count) const {
  if (count < 1 || count > 64 || lsb < 0 || lsb + count > width_) {
    throw std::logic_error(
        fmt::format("bits [{} +: {}] are outside a port of {} bits", lsb, count, width_));
  }
  std::uint64_t value = 0;
  switch (storage_) {
    case Storage::kU8:
      value = *static_cast<const std::uint8_t*>(data_) >> lsb;
      break;
    case Storage::kU16:
      value = *static_cast<const std::uint16_t*>(data_) >> lsb;
      break;
    case Storage::kU32:
      value = *static_cast<const std::uint32_t*>(data_) >> lsb;
      break;
    case Storage::kU64:
      value = *static_cast<const std::uint64_t*>(data_) >> lsb;
      break;
    case Storage::kWords: {
      const auto* words = static_cast<const std::uint32_t*>(data_);
      const int first = lsb / 32;
      const int shift = lsb % 32;
      const int last = (lsb + count - 1) / 32;
      // Up to three words hold 64 bits at any offset.
      for (int w = last; w >= first; --w) {
        const int pos = (w - first) * 32 - shift;
        const std::uint64_t word = words[w];
        value |= pos >= 0 ? word << pos : word >> -pos;
      }
      break;
    }
    case Storage::kNone:
      throw std::logic_error("read of an unbound port");
  }
  return value & Mask(count);
}

std::int64_t PortRef::GetSigned(int lsb, int count) const {
  const std::uint64_t bits = GetBits(lsb, count);
  if (count < 64 && ((bits >> (count - 1)) & 1) != 0) {
    return static_cast<std::int64_t>(bits | ~Mask(count));
  }
  return static_cast<std::int64_t>(bits);
}

void PortRef::SetBits(int lsb, int count, std::uint64_t value) {
  if (count < 1 || count > 64 || lsb < 0 || lsb + count > width_) {
    throw std::logic_error(
        fmt::format("bits [{} +: {}] are outside a port of {} bits", lsb, count, width_));
  }
  value &= Mask(count);
  const std::uint64_t field = Mask(count) << lsb;
  switch (storage_) {
    case Storage::kU8: {
      auto* p = static_cast<std::uint8_t*>(data_);
      *p = static_cast<std::uint8_t>((*p & ~field) | (value << lsb));
      break;
    }
    case Storage::kU16: {
      auto* p = static_cast<std::uint16_t*>(data_);
      *p = static_cast<std::uint16_t>((*p & ~field) | (value << lsb));
      break;
    }
    case Storage::kU32: {
      auto* p = static_cast<std::uint32_t*>(data_);
      *p = static_cast<std::uint32_t>((*p & ~field) | (value << lsb));
      break;
    }
    case Storage::kU64: {
      auto* p = static_cast<std::uint64_t*>(data_);
      *p = (*p & ~field) | (value << lsb);
      break;
    }
    case Storage::kWords: {
      auto* words = static_cast<std::uint32_t*>(data_);
      for (int bit = 0; bit < count;) {
        const int pos = lsb + bit;
        const int w = pos / 32;
        const int shift = pos % 32;
        const int take = std::min(32 - shift, count - bit);
        const std::uint32_t mask = static_cast<std::uint32_t>(Mask(take) << shift);
        const auto part = static_cast<std::uint32_t>(((value >> bit) & Mask(take)) << shift);
        words[w] = (words[w] & ~mask) | part;
        bit += take;
      }
      break;
    }
    case Storage::kNone:
      throw std::logic_error("write of an unbound port");
  }
}

void PortRef::Clear() {
  for (int lsb = 0; lsb < width_; lsb += 64) SetBits(lsb, std::min(64, width_ - lsb), 0);
}

void PortTable::Bind(const std::string& name, const PortRef& port) {
  if (!ports_.emplace(name, port).second) {
    throw std::logic_error(fmt::format("port {} bound twice", name));
  }
}

PortRef PortTable::Find(const std::string& name) const {
  const auto it = ports_.find(name);
  if (it == ports_.end()) {
    throw std::logic_error(fmt::format("the model has no port {}", name));
  }
  return it->second;
}

}  // namespace energon::sim
