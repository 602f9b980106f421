#include "varn/registry/chain.hpp"

#include <catch2/catch.hpp>

#include "varn/crypto/box.hpp"
#include "varn/crypto/random.hpp"

using namespace varn;
using registry::Entry;
using registry::EntryKind;
using registry::Role;

namespace {

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
    chain.push_back(e);
    return chain.back();
  }
  void seal(const crypto::SigningKeyPair& signer) { chain.back().sign_with(signer); }

  void enrol(const crypto::DeviceIdentity& d, Role role, const crypto::SigningKeyPair& signer) {
    auto& e = append(EntryKind::enrol);
    e.subject = d.device_id();
    e.bundle = d.public_bundle();
    e.role = role;
    seal(signer);
  }
  void revoke(const crypto::DeviceIdentity& d) {
    auto& e = append(EntryKind::revoke);
    e.subject = d.device_id();
    seal(admin.signing());
  }
  void rotate(std::uint32_t epoch, const std::vector<registry::KeyCopy>& copies,
              const crypto::SecretBuffer* key = nullptr) {
    auto& e = append(EntryKind::rotate);
    e.epoch = epoch;
    e.key_set = registry::key_set_hash(epoch, copies);
    if (key != nullptr) e.key_commitment = registry::epoch_key_commitment(id, epoch, key->view());
    seal(admin.signing());
  }
  void change_role(const crypto::DeviceIdentity& d, Role role) {
    auto& e = append(EntryKind::change_role);
    e.subject = d.device_id();
    e.role = role;
    seal(admin.signing());
  }
  Unit() { enrol(admin, Role::admin, admin.signing()); }
  [[nodiscard]] Result<registry::RegistryState> verify() const {
    return registry::verify_chain(chain, admin.signing().public_key());
  }
};

registry::KeyCopy copy_for(const crypto::DeviceIdentity& d, const crypto::SecretBuffer& key) {
  return {d.device_id(), *crypto::seal_to(d.public_bundle().box_key, key.view())};
}

}  // namespace

TEST_CASE("A registry chain verifies and tells who is active in which role", "[registry]") {
  Unit unit;
  auto worker = crypto::DeviceIdentity::generate();
  auto reviewer = crypto::DeviceIdentity::generate();
  unit.enrol(worker, Role::worker, unit.admin.signing());
  unit.enrol(reviewer, Role::reviewer, unit.admin.signing());
  unit.revoke(worker);
  auto state = unit.verify();
  REQUIRE(state.ok());
  CHECK(state->length == 4);
  CHECK(state->active(worker.device_id()) == nullptr);
  REQUIRE(state->active(reviewer.device_id()) != nullptr);
  CHECK(state->active(reviewer.device_id())->role == Role::reviewer);
  CHECK(state->head == registry::entry_hash(unit.chain.back()));
}

TEST_CASE("Entries round-trip through their encoding and refuse bad bytes", "[registry]") {
  Unit unit;
  auto bytes = unit.chain[0].encode();
  CHECK(bytes.size() == registry::kEntryBytes);
  auto back = Entry::decode(bytes);
  REQUIRE(back.ok());
  CHECK(back->encode() == bytes);
  CHECK(Entry::decode(ByteView(bytes).first(bytes.size() - 1)).error().code == Errc::malformed);
  auto bad_kind = bytes;
  bad_kind[1 + 8 + 32 + 16] = 9;
  CHECK(Entry::decode(bad_kind).error().code == Errc::malformed);
  auto old_format = bytes;
  old_format[0] = 1;
  CHECK(Entry::decode(old_format).error().code == Errc::unsupported_version);
}

TEST_CASE("A device the server slips in without an admin signature is refused", "[registry]") {
  Unit unit;
  auto intruder = crypto::DeviceIdentity::generate();
  // Signed by the intruder itself, not by an admin.
  unit.enrol(intruder, Role::admin, intruder.signing());
  auto state = unit.verify();
  REQUIRE_FALSE(state.ok());
  CHECK(state.error().message.find("not signed by an active admin") != std::string::npos);
}

TEST_CASE("Any changed byte in any entry breaks verification", "[registry]") {
  Unit unit;
  auto worker = crypto::DeviceIdentity::generate();
  unit.enrol(worker, Role::worker, unit.admin.signing());
  for (std::size_t which = 0; which < unit.chain.size(); ++which) {
    const auto original = unit.chain[which].encode();
    for (std::size_t i = 0; i < original.size(); ++i) {
      auto tampered = original;
      tampered[i] ^= 0x01;
      auto decoded = Entry::decode(tampered);
      if (!decoded.ok()) continue;  // refused already when parsing
      auto copy = unit.chain;
      copy[which] = *decoded;
      CHECK_FALSE(registry::verify_chain(copy, unit.admin.signing().public_key()).ok());
    }
  }
}

TEST_CASE("A registry rooted in another admin key is refused", "[registry]") {
  Unit unit;
  auto other = crypto::SigningKeyPair::generate();
  CHECK_FALSE(registry::verify_chain(unit.chain, other.public_key()).ok());
}

TEST_CASE("A registry that forks from the one seen is told apart from one that is only shorter", "[registry]") {
  Unit unit;
  auto a = crypto::DeviceIdentity::generate();
  auto b = crypto::DeviceIdentity::generate();
  unit.enrol(a, Role::worker, unit.admin.signing());
  const auto seen_length = unit.chain.size();
  const auto seen_head = registry::entry_hash(unit.chain.back());
  unit.enrol(b, Role::worker, unit.admin.signing());
  using registry::Extension;
  CHECK(registry::compare_with_remembered(unit.chain, seen_length, seen_head) == Extension::extends);

  std::vector<Entry> shorter(unit.chain.begin(), unit.chain.begin() + 1);
  CHECK(registry::compare_with_remembered(shorter, seen_length, seen_head) == Extension::shorter);

  // Same admin and genesis, a different second entry.
  const auto full_chain = unit.chain;
  unit.chain.resize(1);
  unit.enrol(b, Role::worker, unit.admin.signing());
  REQUIRE(unit.verify().ok());  // valid on its own ...
  CHECK(registry::compare_with_remembered(unit.chain, seen_length, seen_head) == Extension::forks);  // ... but a fork
  CHECK(registry::compare_with_remembered(full_chain, seen_length, seen_head) == Extension::extends);
}

TEST_CASE("The registry answers the role a device held at every point, not only now", "[registry]") {
  Unit unit;  // entry 0: the admin
  auto worker = crypto::DeviceIdentity::generate();
  unit.enrol(worker, Role::worker, unit.admin.signing());  // 1
  unit.change_role(worker, Role::reviewer);                 // 2
  unit.revoke(worker);                                      // 3
  auto state = unit.verify();
  REQUIRE(state.ok());
  const auto id = worker.device_id();
  CHECK_FALSE(state->role_at(id, 1).has_value());  // not enrolled yet
  CHECK(state->role_at(id, 2) == std::optional(Role::worker));
  CHECK(state->role_at(id, 3) == std::optional(Role::reviewer));
  CHECK_FALSE(state->role_at(id, 4).has_value());  // revoked
  CHECK(state->find(id)->authority_floor == 4);
  CHECK(state->status(id) == registry::DeviceStatus::revoked);
  CHECK(state->status(crypto::DeviceIdentity::generate().device_id()) == registry::DeviceStatus::pending);
}

TEST_CASE("An epoch key is used only if it matches the commitment in its rotate entry", "[registry][keys]") {
  Unit unit;
  auto key = crypto::SecretBuffer::random(32);
  unit.rotate(1, {copy_for(unit.admin, key)}, &key);
  auto state = unit.verify();
  REQUIRE(state.ok());
  CHECK(registry::key_matches_commitment(*state, 1, key.view()));
  const auto substituted = crypto::SecretBuffer::random(32);  // what a server that seals its own key would hand out
  CHECK_FALSE(registry::key_matches_commitment(*state, 1, substituted.view()));
  CHECK_FALSE(registry::key_matches_commitment(*state, 2, key.view()));  // no such epoch
}

TEST_CASE("The box audit catches a skipped rotation, a stranger's copy and a missing copy", "[registry][audit]") {
  Unit unit;
  auto worker = crypto::DeviceIdentity::generate();
  unit.enrol(worker, Role::worker, unit.admin.signing());
  auto key1 = crypto::SecretBuffer::random(32);
  std::vector<registry::KeyCopy> copies{copy_for(unit.admin, key1), copy_for(worker, key1)};
  unit.rotate(1, copies);
  auto state = unit.verify();
  REQUIRE(state.ok());
  CHECK(registry::audit_key_copies(*state, 1, copies).ok());

  auto stranger = crypto::DeviceIdentity::generate();
  auto with_stranger = copies;
  with_stranger.push_back(copy_for(stranger, key1));
  CHECK_FALSE(registry::audit_key_copies(*state, 1, with_stranger).ok());

  std::vector<registry::KeyCopy> missing{copies[0]};
  CHECK_FALSE(registry::audit_key_copies(*state, 1, missing).ok());

  CHECK_FALSE(registry::audit_key_copies(*state, 2, copies).ok());  // no such rotation

  auto swapped = copies;
  swapped[1] = copy_for(worker, crypto::SecretBuffer::random(32));  // same device, other key
  CHECK_FALSE(registry::audit_key_copies(*state, 1, swapped).ok());
}

TEST_CASE("After a revoke the next rotation leaves the revoked device out", "[registry][audit]") {
  Unit unit;
  auto stolen = crypto::DeviceIdentity::generate();
  auto kept = crypto::DeviceIdentity::generate();
  unit.enrol(stolen, Role::worker, unit.admin.signing());
  unit.enrol(kept, Role::worker, unit.admin.signing());
  auto key1 = crypto::SecretBuffer::random(32);
  unit.rotate(1, {copy_for(unit.admin, key1), copy_for(stolen, key1), copy_for(kept, key1)});
  unit.revoke(stolen);
  auto key2 = crypto::SecretBuffer::random(32);
  std::vector<registry::KeyCopy> copies2{copy_for(unit.admin, key2), copy_for(kept, key2)};
  unit.rotate(2, copies2);
  auto state = unit.verify();
  REQUIRE(state.ok());
  CHECK(state->epoch == 2);
  CHECK(registry::audit_key_copies(*state, 2, copies2).ok());
  auto leaked = copies2;
  leaked.push_back(copy_for(stolen, key2));
  CHECK_FALSE(registry::audit_key_copies(*state, 2, leaked).ok());
}

TEST_CASE("Epochs rotate one at a time", "[registry]") {
  Unit unit;
  unit.rotate(2, {});
  CHECK_FALSE(unit.verify().ok());
}

TEST_CASE("The unit's device lease is 7 days until an admin's set_lease entry says otherwise", "[registry][lease]") {
  Unit unit;
  auto plain = unit.verify();
  REQUIRE(plain.ok());
  CHECK(plain->lease_days == registry::kDefaultLeaseDays);
  CHECK(registry::kDefaultLeaseDays == 7);

  unit.append(EntryKind::set_lease).epoch = 3;
  unit.seal(unit.admin.signing());
  auto set = unit.verify();
  REQUIRE(set.ok());
  CHECK(set->lease_days == 3);
  unit.append(EntryKind::set_lease).epoch = 0;  // none
  unit.seal(unit.admin.signing());
  CHECK(unit.verify()->lease_days == 0);

  SECTION("a lease longer than a year is refused") {
    unit.append(EntryKind::set_lease).epoch = registry::kMaxLeaseDays + 1;
    unit.seal(unit.admin.signing());
    CHECK(unit.verify().error().code == Errc::corrupt);
  }
  SECTION("a lease naming a device is refused") {
    auto& e = unit.append(EntryKind::set_lease);
    e.epoch = 30;
    e.subject = unit.admin.device_id();
    unit.seal(unit.admin.signing());
    CHECK_FALSE(unit.verify().ok());
  }
  SECTION("only an active admin sets it: a worker's entry breaks the chain") {
    auto worker = crypto::DeviceIdentity::generate();
    unit.enrol(worker, Role::worker, unit.admin.signing());
    unit.append(EntryKind::set_lease).epoch = 365;
    unit.seal(worker.signing());
    CHECK_FALSE(unit.verify().ok());
  }
  SECTION("the entry survives encode and decode") {
    auto decoded = Entry::decode(unit.chain.back().encode());
    REQUIRE(decoded.ok());
    CHECK(decoded->kind == EntryKind::set_lease);
    CHECK(*decoded == unit.chain.back());
  }
}

TEST_CASE("An admin's device works cases only in the casework its person holds, and a waiting one in nothing",
          "[registry][roles]") {
  using registry::Area;
  using registry::Casework;
  using registry::DeviceStatus;
  using registry::Role;
  CHECK(registry::role_uses(Role::worker, Area::field));
  CHECK_FALSE(registry::role_uses(Role::worker, Area::review));
  CHECK(registry::role_uses(Role::reviewer, Area::review));
  CHECK_FALSE(registry::role_uses(Role::reviewer, Area::admin));
  CHECK(registry::role_uses(Role::admin, Area::admin));
  CHECK_FALSE(registry::role_uses(Role::admin, Area::field));
  CHECK_FALSE(registry::role_uses(Role::admin, Area::review));
  CHECK(registry::role_uses(Role::admin, Area::review, Casework{false, true}));
  CHECK_FALSE(registry::role_uses(Role::admin, Area::field, Casework{false, true}));
  CHECK(registry::role_uses(Role::admin, Area::field, Casework{true, false}));
  // Casework widens nothing but an admin's device.
  CHECK_FALSE(registry::role_uses(Role::worker, Area::review, Casework{true, true}));
  CHECK_FALSE(registry::device_uses(DeviceStatus::pending, Role::admin, Area::admin, Casework{true, true}));
  CHECK_FALSE(registry::device_uses(DeviceStatus::revoked, Role::worker, Area::field));
  CHECK(registry::opens_case_content(std::nullopt, {}));  // before enrolment: its own records
  CHECK(registry::opens_case_content(Role::worker, {}));
  CHECK_FALSE(registry::opens_case_content(Role::admin, {}));
  CHECK(registry::opens_case_content(Role::admin, Casework{false, true}));
}
