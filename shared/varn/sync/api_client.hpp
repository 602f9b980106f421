#pragma once
//! The protocol's calls as typed functions over any HttpExecutor. Opens a
//! session by signing the server's challenge, and opens a new one once when
//! a token has expired. Knows no sockets.

#include <optional>
#include <string>

#include "varn/crypto/device_identity.hpp"
#include "varn/sync/api_types.hpp"
#include "varn/sync/http.hpp"

namespace varn::sync {

class ApiClient {
 public:
  ApiClient(HttpExecutor& http, const crypto::DeviceIdentity& me) : http_(http), me_(me) {}

  //! With a unit code the device becomes the unit's admin; without, a
  //! pending request, listed for the admins of the unit `unit_hint` names
  //! (join_address.hpp) when it is not empty.
  [[nodiscard]] Result<EnrolAnswer> enrol(const std::optional<std::string>& unit_code,
                                          const std::string& unit_hint = {});
  [[nodiscard]] Result<SessionInfo> open_session();
  [[nodiscard]] Result<SessionInfo> me();
  [[nodiscard]] Result<std::vector<DeviceEntry>> devices(const wire::UnitId& unit);
  [[nodiscard]] Result<EnrolmentRequest> enrolment(const wire::UnitId& unit, const std::string& code);
  //! The requests waiting to join `unit` (admin only), newest first.
  [[nodiscard]] Result<std::vector<EnrolmentRequest>> enrolments(const wire::UnitId& unit);
  [[nodiscard]] Result<KeysAnswer> keys(const wire::UnitId& unit);
  //! A refusal of the batch is a PushOutcome, not an error: the engine acts
  //! on it (seals again under a new epoch, heals a chain the server lost).
  //! `heal`: the change sets come back after the server lost them.
  [[nodiscard]] Result<PushOutcome> push(const wire::UnitId& unit, const std::vector<Bytes>& envelopes,
                                         bool heal = false);
  //! Encoded registry entries with index >= after.
  [[nodiscard]] Result<std::vector<Bytes>> registry(const wire::UnitId& unit, std::uint64_t after);
  [[nodiscard]] Result<void> post_registry(const wire::UnitId& unit, ByteView entry, const std::vector<KeyCopy>& copies);
  [[nodiscard]] Result<std::vector<KeyCopy>> key_copies(const wire::UnitId& unit, std::uint32_t epoch);
  //! `proof`: the recovery key's signature of registry::recovery_read_digest
  //! for this device. Any session will do; the proof is what the server checks.
  [[nodiscard]] Result<RecoveryRead> recovery_read(const wire::UnitId& unit, const crypto::Signature& proof);
  //! The server's signed checkpoint at its head, or at change set `at`.
  [[nodiscard]] Result<Bytes> checkpoint(const wire::UnitId& unit, std::optional<std::uint64_t> at = std::nullopt);
  //! The device's signed goodbye after it wiped itself, revoked or at its
  //! user's request (no session).
  [[nodiscard]] Result<void> confirm_wipe(std::int64_t now_unix);
  [[nodiscard]] Result<PullPage> pull(const wire::UnitId& unit, std::uint64_t after, std::size_t limit, int wait_seconds);
  //! The registry the last 403 "revoked" answer carried (empty when none came).
  [[nodiscard]] const RevocationClaim& revocation_claim() const { return revocation_; }

 private:
  [[nodiscard]] Result<HttpResponse> call(HttpRequest request);
  [[nodiscard]] Result<HttpResponse> call_once(const HttpRequest& request);
  HttpExecutor& http_;
  const crypto::DeviceIdentity& me_;
  [[nodiscard]] Error refused(const HttpResponse& response);
  std::string token_;
  RevocationClaim revocation_;
  Bytes last_body_;  //!< of the last refused call, for the details a refusal carries
};

//! Maps an HTTP error answer to an Error (401 -> unavailable, 403 revoked ->
//! Errc::revoked, 409 -> conflict, ...), keeping the server's message.
[[nodiscard]] Error error_from_response(const HttpResponse& response);

//! The error for an answer longer than its call's cap (HttpRequest::max_answer_bytes).
[[nodiscard]] Error answer_too_large(std::size_t cap);

//! The bytes a device signs to confirm it wiped itself.
[[nodiscard]] crypto::Hash32 wipe_confirmation_digest(const crypto::DeviceId& device, std::int64_t time);

//! A wipe confirmation signed ahead of time, so a device whose keys are
//! already gone from memory (locked, hidden) can still say it wiped itself.
//! It proves only that the device once signed it; it carries no secret.
struct WipeNotice {
  crypto::DeviceId device{};
  std::int64_t time = 0;
  crypto::Signature signature{};
};
[[nodiscard]] WipeNotice sign_wipe_notice(const crypto::DeviceIdentity& me, std::int64_t time);
//! POST /v1/wipe with `notice`; Errc::unavailable and the like when it did not land.
[[nodiscard]] Result<void> send_wipe_notice(HttpExecutor& http, const WipeNotice& notice);

//! The bytes a device signs to open a session.
[[nodiscard]] crypto::Hash32 session_challenge_digest(ByteView challenge);

//! The bytes a device signs to file an enrolment request: proof that it
//! holds the bundle's signing key.
[[nodiscard]] crypto::Hash32 enrol_request_digest(ByteView bundle);

}  // namespace varn::sync
