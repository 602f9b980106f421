#pragma once
// A device of the Qt-free core (Enrolment, RegistryAdmin, DeviceSync) with
// in-memory vault and store, over the server tests' blocking Beast client:
// the clients' real rules against the real varn-server process, fast enough
// for attack and property tests. tamper() edits the server's database
// behind its back, as an operator with the data directory would.

#include <memory>
#include <string>
#include <vector>

#include "e2e_fixture.hpp"
#include "memory_sync_store.hpp"
#include "memory_vault.hpp"
#include "tls_client.hpp"
#include "varn/sync/device_context.hpp"
#include "varn/sync/enrolment.hpp"
#include "varn/sync/sync_engine.hpp"

namespace varn::test {

//! HttpExecutor over the server tests' blocking Beast client.
class TlsExecutor : public sync::HttpExecutor {
 public:
  explicit TlsExecutor(const std::string& url);
  Result<sync::HttpResponse> execute(const sync::HttpRequest& r) override;

 private:
  TlsClient client_;
};

struct CoreDevice {
  MemoryVault vault;
  MemorySyncStore store;
  sync::DeviceContext context{vault, store};
  sync::EnrolOutcome enrolled;  //!< what its last enrol printed

  [[nodiscard]] wire::DeviceId id();
  [[nodiscard]] wire::UnitId unit();
  [[nodiscard]] Result<sync::SyncReport> sync(sync::HttpExecutor& http);
  [[nodiscard]] std::string alarm();
};

//! The admin enrols with the unit code, `others` by request, fingerprint
//! and pairing secret, each with `role`; everyone syncs once.
void enrol_team(E2eServer& server, sync::HttpExecutor& http, CoreDevice& admin,
                const std::vector<std::pair<CoreDevice*, registry::Role>>& others);
//! The admin approves `device`'s pending request (as its screen showed it).
void approve(sync::HttpExecutor& http, CoreDevice& admin, CoreDevice& device, registry::Role role);

//! Runs one statement on the server's database behind its back.
void tamper(const E2eServer& server, const std::string& sql, const std::vector<Bytes>& blobs = {});
//! One value from the server's database (the first column of the first row).
Bytes server_value(const E2eServer& server, const std::string& sql, const std::vector<Bytes>& blobs = {});

template <std::size_t N>
Bytes blob(const ByteArray<N>& a) {
  return Bytes(a.begin(), a.end());
}

}  // namespace varn::test
