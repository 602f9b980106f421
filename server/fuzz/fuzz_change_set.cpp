// libFuzzer target: the change-set plaintext decoder every client runs on
// what other devices wrote must refuse any input cleanly, and what it
// accepts must be canonical (encodes back to the same bytes).
#include <cstddef>
#include <cstdint>

#include "varn/model/change_set_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const varn::ByteView input(data, size);
  auto ops = varn::model::decode_ops(input);
  if (!ops) return 0;
  if (varn::model::encode_ops(*ops) != varn::Bytes(input.begin(), input.end())) __builtin_trap();
  for (const auto& op : *ops) (void)varn::model::check_op_limits(op);
  return 0;
}
