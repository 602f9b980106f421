// libFuzzer target: what a client parses of a registry a server hands it.
// The input is cut into entries; every check (decode, chain, rollback,
// pairing proof, role history, key commitments) must refuse cleanly.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "varn/registry/chain.hpp"
#include "varn/registry/checkpoint.hpp"
#include "varn/registry/pairing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace varn;
  const ByteView input(data, size);
  std::vector<registry::Entry> chain;
  for (std::size_t at = 0; at + registry::kEntryBytes <= size; at += registry::kEntryBytes) {
    auto entry = registry::Entry::decode(input.subspan(at, registry::kEntryBytes));
    if (!entry) continue;
    // What decodes must encode back to the same bytes.
    if (entry->encode() != Bytes(input.begin() + static_cast<std::ptrdiff_t>(at),
                                 input.begin() + static_cast<std::ptrdiff_t>(at + registry::kEntryBytes))) {
      __builtin_trap();
    }
    chain.push_back(*entry);
  }
  if (!chain.empty()) {
    auto state = registry::verify_chain(chain, chain.front().bundle.sign_key);
    if (state) {
      for (const auto& [id, d] : state->devices) {
        for (std::uint64_t n = 0; n <= state->length; ++n) (void)state->role_at(id, n);
      }
      (void)registry::key_matches_commitment(*state, state->epoch, input.first(std::min<std::size_t>(size, 32)));
    }
    (void)registry::compare_with_remembered(chain, chain.size() / 2 + 1, registry::entry_hash(chain.back()));
    (void)registry::admin_proven_by_pairing(chain, chain.back().bundle, registry::PairingSecret{});
  }
  if (size >= registry::kCheckpointBytes) (void)registry::Checkpoint::decode(input.first(registry::kCheckpointBytes));
  (void)registry::parse_pairing(std::string_view(reinterpret_cast<const char*>(data), std::min<std::size_t>(size, 64)));
  return 0;
}
