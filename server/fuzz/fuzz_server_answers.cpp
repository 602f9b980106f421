// libFuzzer target: a lying server. An enrolled device runs its whole sync
// (DeviceSync: registry, keys, checkpoints, pulls, pushes) against answers
// taken from the input, one per request: u16 status, u32 length, body. A
// malicious server is untrusted input too: every answer must be refused
// cleanly, never crash the client or make it read past a buffer.
#include <cstddef>
#include <cstdint>

#include "memory_sync_store.hpp"
#include "memory_vault.hpp"
#include "varn/crypto/random.hpp"
#include "varn/sync/device_sync.hpp"
#include "varn/sync/enrolment.hpp"
#include "varn/sync/registry_admin.hpp"

namespace {

using namespace varn;

class ScriptedServer : public sync::HttpExecutor {
 public:
  explicit ScriptedServer(ByteView script) : script_(script) {}
  Result<sync::HttpResponse> execute(const sync::HttpRequest&) override {
    if (at_ + 6 > script_.size()) return make_error(Errc::unavailable, "the script ran out");
    sync::HttpResponse r;
    r.status = 100 + get_u16(script_.data() + at_) % 500;
    const std::size_t length = std::min<std::size_t>(get_u32(script_.data() + at_ + 2), script_.size() - at_ - 6);
    r.body.assign(script_.begin() + static_cast<std::ptrdiff_t>(at_ + 6),
                  script_.begin() + static_cast<std::ptrdiff_t>(at_ + 6 + length));
    if (length >= 16) r.headers["varn-checkpoint"] = to_base64(ByteView(r.body).first(16));
    r.headers["varn-head"] = std::to_string(length);
    at_ += 6 + length;
    return r;
  }

 private:
  ByteView script_;
  std::size_t at_ = 0;
};

// A device as enrolment leaves it, so the fuzzer reaches everything after.
void enrolled(test::MemoryVault& vault) {
  const auto key = crypto::SigningKeyPair::generate();
  (void)vault.put_setting(sync::settings::kStatus, "active");
  (void)vault.put_setting(sync::settings::kUnit, to_hex(crypto::random_array<16>()));
  (void)vault.put_setting(sync::settings::kAdminKey, to_hex(key.public_key()));
  (void)vault.put_setting(sync::settings::kServerKey, to_hex(key.public_key()));
  (void)vault.put_setting(sync::settings::kRegistryLength, "2");
  (void)vault.put_setting(sync::settings::kRegistryHead, to_hex(crypto::random_array<32>()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ByteView input(data, size);
  {
    test::MemoryVault vault;
    test::MemorySyncStore store;
    enrolled(vault);
    store.write("pending work");
    sync::DeviceContext device(vault, store, [] { return std::int64_t{1'800'000'000}; });
    ScriptedServer server(input);
    (void)sync::DeviceSync(device).sync(server);
  }
  {
    test::MemoryVault vault;
    test::MemorySyncStore store;
    sync::DeviceContext device(vault, store, [] { return std::int64_t{1'800'000'000}; });
    ScriptedServer server(input);
    auto pending = sync::Enrolment(device).enrol(server, std::nullopt);
    if (pending) (void)sync::DeviceSync(device).sync(server);  // looks for an approval that proves its secret
  }
  {
    test::MemoryVault vault;
    test::MemorySyncStore store;
    enrolled(vault);
    sync::DeviceContext device(vault, store, [] { return std::int64_t{1'800'000'000}; });
    ScriptedServer server(input);
    (void)sync::RegistryAdmin(device).devices(server);
  }
  return 0;
}
