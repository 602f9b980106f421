#include "varn/registry/recovery_key.hpp"

#include <catch2/catch.hpp>

#include "varn/crypto/box.hpp"
#include "varn/crypto/random.hpp"
#include "varn/registry/chain.hpp"

using namespace varn;
using registry::Entry;
using registry::EntryKind;
using registry::RecoveryKey;
using registry::Role;

namespace {

// A unit's registry built by hand, as a device or the server would receive it.
struct Unit {
  wire::UnitId id = crypto::random_array<16>();
  crypto::DeviceIdentity admin = crypto::DeviceIdentity::generate();
  std::vector<Entry> chain;

  Entry& append(EntryKind kind) {
    Entry e;
    e.index = chain.size();
    e.prev = chain.empty() ? crypto::Hash32{} : registry::entry_hash(chain.back());
    e.unit = id;
    e.kind = kind;
    e.time = 1700000000 + static_cast<std::int64_t>(chain.size());
    chain.push_back(e);
    return chain.back();
  }
  void enrol(const crypto::DeviceIdentity& d, Role role, const crypto::SigningKeyPair& signer) {
    auto& e = append(EntryKind::enrol);
    e.subject = d.device_id();
    e.bundle = d.public_bundle();
    e.role = role;
    e.sign_with(signer);
  }
  void set_recovery(const RecoveryKey& key, const crypto::SigningKeyPair& signer) {
    auto& e = append(EntryKind::set_recovery);
    e.bundle = key.public_bundle();
    e.sign_with(signer);
  }
  // A recover entry as varn-cli recover makes it: `signer_id` names the
  // recovery key, `signing` signs (the two differ only in attacks).
  void recover(const crypto::DeviceIdentity& d, const crypto::DeviceId& signer_id, const crypto::SigningKeyPair& signing,
               Role role = Role::admin) {
    auto& e = append(EntryKind::recover);
    e.subject = d.device_id();
    e.bundle = d.public_bundle();
    e.role = role;
    e.signer = signer_id;
    e.signature = signing.sign(registry::entry_signature_digest(e));
  }
  void revoke(const crypto::DeviceIdentity& d, const crypto::SigningKeyPair& signer) {
    auto& e = append(EntryKind::revoke);
    e.subject = d.device_id();
    e.sign_with(signer);
  }
  void rotate(std::uint32_t epoch, const std::vector<registry::KeyCopy>& copies, const crypto::SecretBuffer& key,
              const crypto::SigningKeyPair& signer) {
    auto& e = append(EntryKind::rotate);
    e.epoch = epoch;
    e.key_set = registry::key_set_hash(epoch, copies);
    e.key_commitment = registry::epoch_key_commitment(id, epoch, key.view());
    e.sign_with(signer);
  }
  Unit() { enrol(admin, Role::admin, admin.signing()); }
  [[nodiscard]] Result<registry::RegistryState> verify() const {
    return registry::verify_chain(chain, admin.signing().public_key());
  }
};

void require_refused(const Unit& unit, const std::string& why) {
  auto state = unit.verify();
  REQUIRE_FALSE(state.ok());
  CHECK(state.error().code == Errc::corrupt);
  CHECK_THAT(state.error().message, Catch::Contains(why));
}

}  // namespace

TEST_CASE("A recovery code reads back however a person types it, and a typo is caught with a clear error",
          "[registry][recovery]") {
  const auto key = RecoveryKey::generate();
  const std::string code = key.code();
  CHECK(code.size() == 35);  // 30 symbols in six groups of five
  CHECK(code[5] == '-');

  auto back = RecoveryKey::from_code(code);
  REQUIRE(back.ok());
  CHECK(back->public_bundle() == key.public_bundle());
  CHECK(back->code() == code);

  std::string typed;
  for (char c : code) typed.push_back(c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  CHECK(RecoveryKey::from_code(code + "\r\n").ok());  // as a terminal line or a paste hands it over
  auto lower = RecoveryKey::from_code(typed);
  REQUIRE(lower.ok());
  CHECK(lower->public_bundle() == key.public_bundle());

  // Every single wrong character anywhere is caught before any key is made.
  constexpr std::string_view alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '-') continue;
    for (char c : alphabet) {
      if (c == code[i]) continue;
      std::string wrong = code;
      wrong[i] = c;
      auto refused = RecoveryKey::from_code(wrong);
      REQUIRE_FALSE(refused.ok());
      CHECK(refused.error().code == Errc::invalid_argument);
    }
  }
  std::string swapped = code;
  std::swap(swapped[0], swapped[1]);
  if (swapped != code) {
    auto refused = RecoveryKey::from_code(swapped);
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().message, Catch::Contains("typed wrong"));
  }
  CHECK_THAT(RecoveryKey::from_code(code.substr(0, 34)).error().message, Catch::Contains("30 letters and digits"));
  CHECK_THAT(RecoveryKey::from_code(code.substr(0, 34) + "U").error().message, Catch::Contains("'U'"));
  CHECK(RecoveryKey::from_code("").error().code == Errc::invalid_argument);
}

TEST_CASE("Two recovery keys differ, and the signing and box halves come from one code alone", "[registry][recovery]") {
  const auto a = RecoveryKey::generate();
  const auto b = RecoveryKey::generate();
  CHECK(a.code() != b.code());
  CHECK(a.public_bundle() != b.public_bundle());
  CHECK(a.public_bundle().sign_key != crypto::SignPublicKey{});
  CHECK(a.id() == crypto::device_id_of(a.signing().public_key()));
  auto again = RecoveryKey::from_code(a.code());
  REQUIRE(again.ok());
  // The same key pair: a signature by one verifies under the other's public key.
  const auto digest = registry::recovery_read_digest(wire::UnitId{}, crypto::DeviceId{});
  CHECK(crypto::verify_signature(a.signing().public_key(), digest, again->signing().sign(digest)).ok());
  CHECK(again->box().public_key() == a.box().public_key());
}

TEST_CASE("A recover entry signed by the unit's recovery key enrols a new admin, which then revokes the lost one",
          "[registry][recovery]") {
  Unit unit;
  const auto recovery = RecoveryKey::generate();
  unit.set_recovery(recovery, unit.admin.signing());
  auto fresh = crypto::DeviceIdentity::generate();
  unit.recover(fresh, recovery.id(), recovery.signing());
  auto worker = crypto::DeviceIdentity::generate();
  unit.enrol(worker, Role::worker, fresh.signing());
  unit.revoke(unit.admin, fresh.signing());

  auto state = unit.verify();
  REQUIRE(state.ok());
  const auto* recovered = state->active(fresh.device_id());
  REQUIRE(recovered != nullptr);
  CHECK(recovered->role == Role::admin);
  CHECK(recovered->recovered);
  CHECK(recovered->enrolled_time == unit.chain[2].time);
  CHECK(state->active(worker.device_id()) != nullptr);
  CHECK(state->active(unit.admin.device_id()) == nullptr);
  CHECK_FALSE(state->find(worker.device_id())->recovered);
  REQUIRE(state->recovery.has_value());
  CHECK(*state->recovery == recovery.public_bundle());
  // The entries are the fixed size every other entry has, and round-trip.
  for (const auto& e : unit.chain) {
    const auto bytes = e.encode();
    CHECK(bytes.size() == registry::kEntryBytes);
    auto back = Entry::decode(bytes);
    REQUIRE(back.ok());
    CHECK(*back == e);
  }
}

TEST_CASE("The server cannot forge a recover entry without the recovery code", "[registry][recovery]") {
  const auto recovery = RecoveryKey::generate();
  const auto server_key = crypto::SigningKeyPair::generate();
  auto intruder = crypto::DeviceIdentity::generate();

  SECTION("signed by another key in the recovery key's name") {
    Unit unit;
    unit.set_recovery(recovery, unit.admin.signing());
    unit.recover(intruder, recovery.id(), server_key);
    require_refused(unit, "signature does not verify");
  }
  SECTION("signed by a key of its own, naming itself") {
    Unit unit;
    unit.set_recovery(recovery, unit.admin.signing());
    unit.recover(intruder, crypto::device_id_of(server_key.public_key()), server_key);
    require_refused(unit, "not signed by the unit's recovery key");
  }
  SECTION("signed by the unit's admin device: recovery is the recovery key's alone") {
    Unit unit;
    unit.set_recovery(recovery, unit.admin.signing());
    unit.recover(intruder, unit.admin.device_id(), unit.admin.signing());
    require_refused(unit, "not signed by the unit's recovery key");
  }
  SECTION("in a unit that never set a recovery key") {
    Unit unit;
    unit.recover(intruder, recovery.id(), recovery.signing());
    require_refused(unit, "the unit has no recovery key");
  }
  SECTION("with a recovery key the server slipped in itself") {
    Unit unit;
    const auto servers = RecoveryKey::generate();
    unit.set_recovery(servers, server_key);
    require_refused(unit, "not signed by an active admin");
  }
}

TEST_CASE("Only an active admin sets the recovery key: a worker, a reviewer and a revoked admin are refused",
          "[registry][recovery]") {
  const auto recovery = RecoveryKey::generate();
  for (Role role : {Role::worker, Role::reviewer}) {
    Unit unit;
    auto device = crypto::DeviceIdentity::generate();
    unit.enrol(device, role, unit.admin.signing());
    unit.set_recovery(recovery, device.signing());
    require_refused(unit, "not signed by an active admin");
  }
  Unit unit;
  auto second = crypto::DeviceIdentity::generate();
  unit.enrol(second, Role::admin, unit.admin.signing());
  unit.revoke(second, unit.admin.signing());
  unit.set_recovery(recovery, second.signing());
  require_refused(unit, "not signed by an active admin");
}

TEST_CASE("A replaced recovery key signs no recover entry, the replacement does", "[registry][recovery]") {
  const auto first = RecoveryKey::generate();
  const auto second = RecoveryKey::generate();
  auto fresh = crypto::DeviceIdentity::generate();
  {
    Unit unit;
    unit.set_recovery(first, unit.admin.signing());
    unit.set_recovery(second, unit.admin.signing());
    unit.recover(fresh, first.id(), first.signing());
    require_refused(unit, "not signed by the unit's recovery key");
  }
  Unit unit;
  unit.set_recovery(first, unit.admin.signing());
  unit.set_recovery(second, unit.admin.signing());
  unit.recover(fresh, second.id(), second.signing());
  auto state = unit.verify();
  REQUIRE(state.ok());
  CHECK(state->active(fresh.device_id())->role == Role::admin);
  CHECK(state->recovery_set_at == 2);
}

TEST_CASE("A recover entry enrols one new device, as an admin, never the recovery key itself", "[registry][recovery]") {
  const auto recovery = RecoveryKey::generate();
  SECTION("as a worker") {
    Unit unit;
    unit.set_recovery(recovery, unit.admin.signing());
    unit.recover(crypto::DeviceIdentity::generate(), recovery.id(), recovery.signing(), Role::worker);
    require_refused(unit, "a recovery enrols an admin");
  }
  SECTION("a device already enrolled (taking over the lost one's id)") {
    Unit unit;
    unit.set_recovery(recovery, unit.admin.signing());
    unit.recover(unit.admin, recovery.id(), recovery.signing());
    require_refused(unit, "device enrolled twice");
  }
  SECTION("a set_recovery naming a device, or a device's own key") {
    Unit unit;
    auto& e = unit.append(EntryKind::set_recovery);
    e.bundle = recovery.public_bundle();
    e.subject = unit.admin.device_id();
    e.sign_with(unit.admin.signing());
    require_refused(unit, "a recovery key names no device");
    Unit other;
    auto& f = other.append(EntryKind::set_recovery);
    f.bundle = other.admin.public_bundle();
    f.sign_with(other.admin.signing());
    require_refused(other, "a device's key as the recovery key");
  }
}

TEST_CASE("Every epoch after the recovery key is set is sealed to it, and the box audit catches a swapped or missing copy",
          "[registry][recovery][audit]") {
  Unit unit;
  const auto recovery = RecoveryKey::generate();
  unit.set_recovery(recovery, unit.admin.signing());
  auto key = crypto::SecretBuffer::random(32);
  const registry::KeyCopy admin_copy{unit.admin.device_id(), *crypto::seal_to(unit.admin.public_bundle().box_key, key.view())};
  const registry::KeyCopy recovery_copy{recovery.id(), *crypto::seal_to(recovery.box().public_key(), key.view())};
  unit.rotate(1, {admin_copy, recovery_copy}, key, unit.admin.signing());
  auto state = unit.verify();
  REQUIRE(state.ok());
  CHECK(state->rotations.at(1).members.count(recovery.id()) == 1);
  CHECK(registry::audit_key_copies(*state, 1, {admin_copy, recovery_copy}).ok());

  // The server drops the recovery copy: a recovery could never read epoch 1.
  CHECK_THAT(registry::audit_key_copies(*state, 1, {admin_copy}).error().message, Catch::Contains("missing its copy"));
  // The server swaps it for a key of its own, sealed to the recovery box key.
  auto servers = crypto::SecretBuffer::random(32);
  const registry::KeyCopy swapped{recovery.id(), *crypto::seal_to(recovery.box().public_key(), servers.view())};
  CHECK_THAT(registry::audit_key_copies(*state, 1, {admin_copy, swapped}).error().message,
             Catch::Contains("differ from the set the admin signed"));
  // And the recovering device, opening it, finds a key the admin never committed to.
  auto opened = crypto::open_sealed(recovery.box(), swapped.wrapped);
  REQUIRE(opened.ok());
  CHECK_FALSE(registry::key_matches_commitment(*state, 1, opened->view()));
  auto genuine = crypto::open_sealed(recovery.box(), recovery_copy.wrapped);
  REQUIRE(genuine.ok());
  CHECK(registry::key_matches_commitment(*state, 1, genuine->view()));
}

TEST_CASE("An unknown entry kind after recover is refused", "[registry][recovery]") {
  Unit unit;
  auto bytes = unit.chain[0].encode();
  bytes[1 + 8 + 32 + 16] = registry::kLastEntryKind + 1;
  CHECK(Entry::decode(bytes).error().code == Errc::malformed);
}
