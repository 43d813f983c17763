#pragma once
// 128-bit integers for the few products that can exceed 64 bits (d_j * M, 2 * |acc| + Z).

namespace energon::golden {
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;
}  // namespace energon::golden
