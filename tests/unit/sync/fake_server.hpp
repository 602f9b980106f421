#pragma once
// An in-memory stand-in for varn-server's protocol, just enough to drive the
// sync engine without sockets. The real server is tested against the real
// process in tests/server and tests/e2e.

#include <map>
#include <set>
#include <vector>

#include "varn/crypto/device_identity.hpp"
#include "varn/sync/http.hpp"
#include "varn/wire/batch_codec.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::test {

class FakeServer : public sync::HttpExecutor {
 public:
  explicit FakeServer(wire::UnitId unit) : unit_(unit) {}

  void add_device(const crypto::DevicePublicBundle& bundle) { devices_[bundle.device_id()] = bundle; }
  void add_wrapped_key(const crypto::DeviceId& device, std::uint32_t epoch, Bytes wrapped);
  Result<sync::HttpResponse> execute(const sync::HttpRequest& request) override;

  std::vector<wire::SequencedEnvelope> log;  //!< what the server stored, in order
  bool drop_next_push_answer = false;        //!< store the push, then fail the transport
  int sessions_opened = 0;

 private:
  sync::HttpResponse push(const sync::HttpRequest& request);
  sync::HttpResponse pull(const std::string& target);
  wire::UnitId unit_;
  std::map<crypto::DeviceId, crypto::DevicePublicBundle> devices_;
  std::map<crypto::DeviceId, std::vector<std::pair<std::uint32_t, Bytes>>> keys_;
  std::map<wire::ChangeSetId, std::size_t> by_id_;
  Bytes last_challenge_;
};

}  // namespace varn::test
