#include "varn/registry/pairing.hpp"

#include <catch2/catch.hpp>

#include "varn/crypto/random.hpp"

using namespace varn;
using registry::Entry;
using registry::EntryKind;
using registry::Role;

namespace {

// A unit with its admin, and an enrol entry for a new device, MAC'd under `secret`.
struct Approval {
  wire::UnitId unit = crypto::random_array<16>();
  crypto::DeviceIdentity admin = crypto::DeviceIdentity::generate();
  crypto::DeviceIdentity tablet = crypto::DeviceIdentity::generate();
  std::vector<Entry> chain;

  Approval() {
    Entry genesis;
    genesis.unit = unit;
    genesis.kind = EntryKind::enrol;
    genesis.subject = admin.device_id();
    genesis.bundle = admin.public_bundle();
    genesis.role = Role::admin;
    genesis.sign_with(admin.signing());
    chain.push_back(genesis);
  }
  void enrol(const registry::PairingSecret& secret, const crypto::DevicePublicBundle& bundle) {
    Entry e;
    e.index = chain.size();
    e.prev = registry::entry_hash(chain.back());
    e.unit = unit;
    e.kind = EntryKind::enrol;
    e.subject = bundle.device_id();
    e.bundle = bundle;
    e.signer = admin.device_id();
    e.pairing_mac = registry::pairing_mac(secret, e);
    e.sign_with(admin.signing());
    chain.push_back(e);
  }
};

}  // namespace

TEST_CASE("A pairing secret reads back from its text however a person types it", "[registry][pairing]") {
  const auto secret = registry::new_pairing_secret();
  const auto text = registry::pairing_text(secret);
  CHECK(text.size() == 22);  // four groups of four, two check symbols, four dashes
  CHECK(*registry::parse_pairing(text) == secret);
  std::string sloppy;
  for (char c : text) {
    if (c == '-') continue;
    sloppy.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (sloppy.size() % 5 == 0) sloppy.push_back(' ');
  }
  CHECK(*registry::parse_pairing(sloppy) == secret);
  CHECK(registry::parse_pairing(text.substr(0, 10)).error().code == Errc::invalid_argument);
  CHECK(registry::parse_pairing(text + "X").error().code == Errc::invalid_argument);
  CHECK(registry::parse_pairing("UUUU-UUUU-UUUU-UUUU-UU").error().code == Errc::invalid_argument);  // not in the alphabet
  // One character typed wrong is caught by the check symbols (all but 1 in 1024 of them).
  const registry::PairingSecret fixed{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  std::string typo = registry::pairing_text(fixed);
  REQUIRE(*registry::parse_pairing(typo) == fixed);
  typo[5] = typo[5] == 'A' ? 'B' : 'A';
  CHECK(registry::parse_pairing(typo).error().code == Errc::invalid_argument);
}

TEST_CASE("A new device pins its admin only from an approval that proves the secret it showed", "[registry][pairing]") {
  const auto secret = registry::new_pairing_secret();
  Approval honest;
  honest.enrol(secret, honest.tablet.public_bundle());
  auto proven = registry::admin_proven_by_pairing(honest.chain, honest.tablet.public_bundle(), secret);
  REQUIRE(proven.ok());
  CHECK(proven->root == honest.admin.signing().public_key());

  // Another unit's admin (or the operator's own unit) holds the code and the
  // bundle, not the secret.
  Approval hijack;
  hijack.enrol(registry::new_pairing_secret(), honest.tablet.public_bundle());
  CHECK(registry::admin_proven_by_pairing(hijack.chain, honest.tablet.public_bundle(), secret).error().code ==
        Errc::forbidden);

  // The right secret over another bundle for the same device id (a swapped box key).
  Approval swapped;
  auto other_box = crypto::DeviceIdentity::generate().public_bundle();
  other_box.sign_key = honest.tablet.public_bundle().sign_key;
  swapped.enrol(secret, other_box);
  CHECK(registry::admin_proven_by_pairing(swapped.chain, honest.tablet.public_bundle(), secret).error().code ==
        Errc::forbidden);

  Approval none;
  CHECK(registry::admin_proven_by_pairing(none.chain, honest.tablet.public_bundle(), secret).error().code ==
        Errc::not_found);
}

TEST_CASE("The unit safety code is the same for a unit's devices and differs for another unit", "[registry][pairing]") {
  const auto unit = crypto::random_array<16>();
  const auto admin = crypto::SigningKeyPair::generate();
  const auto code = registry::unit_safety_code(unit, admin.public_key());
  CHECK(code == registry::unit_safety_code(unit, admin.public_key()));
  CHECK(code.size() == 23);
  CHECK(code != registry::unit_safety_code(unit, crypto::SigningKeyPair::generate().public_key()));
  CHECK(code != registry::unit_safety_code(crypto::random_array<16>(), admin.public_key()));
}
