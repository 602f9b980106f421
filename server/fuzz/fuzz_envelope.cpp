// libFuzzer target: the envelope decoder and the push/pull body codecs must
// refuse any input cleanly (no crash, no UB, no read past the end).
#include <cstddef>
#include <cstdint>

#include "varn/wire/batch_codec.hpp"
#include "varn/wire/envelope.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const varn::ByteView input(data, size);
  auto envelope = varn::wire::decode_envelope(input);
  if (envelope) {
    // What decodes must encode back to the same bytes.
    if (envelope->encode() != varn::Bytes(input.begin(), input.end())) __builtin_trap();
  }
  (void)varn::wire::decode_push_body(input, 256);
  (void)varn::wire::decode_pull_body(input, 256);
  return 0;
}
