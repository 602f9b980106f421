#include "registry_driver.hpp"

#include <catch2/catch.hpp>

#include "varn/crypto/box.hpp"

namespace varn::test {

using nlohmann::json;

std::vector<SealedCopy> RegistryDriver::seal_for(const std::vector<const TestDevice*>& devices,
                                                  const crypto::SecretBuffer& key) {
  std::vector<SealedCopy> out;
  for (const auto* d : devices) {
    auto wrapped = crypto::seal_to(d->identity.box().public_key(), key.view());
    REQUIRE(wrapped.ok());
    out.push_back({d->id(), std::move(wrapped).value()});
  }
  return out;
}

registry::Entry RegistryDriver::next(const RegistryUnit& u, registry::EntryKind kind) const {
  registry::Entry e;
  e.index = u.length;
  e.prev = u.head;
  e.unit = u.unit;
  e.kind = kind;
  e.time = 1700000000;
  return e;
}

TestResponse RegistryDriver::post(RegistryUnit& u, const TestDevice& caller, const registry::Entry& entry,
                                  const std::vector<SealedCopy>& copies, bool copies_with_epochs) {
  json list = json::array();
  for (std::size_t i = 0; i < copies.size(); ++i) {
    json c = {{"device", to_hex(copies[i].device)}, {"wrapped", to_base64(copies[i].wrapped)}};
    if (copies_with_epochs) c["epoch"] = i + 1;
    list.push_back(c);
  }
  auto r = f_.driver.call_json("POST", unit_path(u.unit) + "/registry",
                               {{"entry", to_base64(entry.encode())}, {"copies", list}}, caller.token);
  if (r.status == 200) {
    u.length = entry.index + 1;
    u.head = registry::entry_hash(entry);
  }
  return r;
}

TestResponse RegistryDriver::post_signed(RegistryUnit& u, registry::Entry entry, const std::vector<SealedCopy>& copies) {
  entry.sign_with(u.admin.identity.signing());
  return post(u, u.admin, entry, copies);
}

RegistryUnit RegistryDriver::make_unit() {
  RegistryUnit u;
  auto e = f_.driver.enrol(u.admin, f_.unit_code);
  REQUIRE(e.status == 200);
  u.unit = *array_from_hex<16>(e.json()["unit"].get<std::string>());
  REQUIRE(f_.driver.open_session(u.admin).status == 200);
  auto genesis = next(u, registry::EntryKind::enrol);
  genesis.subject = u.admin.id();
  genesis.bundle = u.admin.identity.public_bundle();
  genesis.role = registry::Role::admin;
  REQUIRE(post_signed(u, genesis, {}).status == 200);
  REQUIRE(rotate(u, {&u.admin}).status == 200);
  u.admin.registry_seen = u.length;
  return u;
}

TestResponse RegistryDriver::rotate(RegistryUnit& u, const std::vector<const TestDevice*>& members) {
  auto key = crypto::SecretBuffer::random(32);
  const auto copies = seal_for(members, key);
  auto entry = next(u, registry::EntryKind::rotate);
  entry.epoch = u.epoch() + 1;
  std::vector<registry::KeyCopy> hashed;
  for (const auto& c : copies) hashed.push_back({c.device, c.wrapped});
  entry.key_set = registry::key_set_hash(entry.epoch, hashed);
  entry.key_commitment = registry::epoch_key_commitment(u.unit, entry.epoch, key.view());
  auto r = post_signed(u, entry, copies);
  if (r.status == 200) u.epoch_keys.push_back(std::move(key));
  return r;
}

TestDevice RegistryDriver::enrol(RegistryUnit& u, registry::Role role) {
  TestDevice d;
  REQUIRE(f_.driver.enrol(d, std::nullopt).status == 202);
  std::vector<SealedCopy> copies;
  for (const auto& key : u.epoch_keys) copies.push_back(seal_for({&d}, key).front());
  auto entry = next(u, registry::EntryKind::enrol);
  entry.subject = d.id();
  entry.bundle = d.identity.public_bundle();
  entry.role = role;
  REQUIRE(post_signed(u, entry, copies).status == 200);
  REQUIRE(f_.driver.open_session(d).status == 200);
  d.registry_seen = u.length;
  return d;
}

TestResponse RegistryDriver::revoke(RegistryUnit& u, const TestDevice& device) {
  auto entry = next(u, registry::EntryKind::revoke);
  entry.subject = device.id();
  return post_signed(u, entry, {});
}

void run_sql(HandlerFixture& f, const std::string& sql, const std::vector<Bytes>& blobs) {
  auto db = server::SqliteDb::open(f.dir / "varn.db", true);
  REQUIRE(db.ok());
  auto stmt = (*db)->prepare(sql);
  REQUIRE(stmt.ok());
  for (std::size_t i = 0; i < blobs.size(); ++i) stmt->bind(static_cast<int>(i + 1), ByteView(blobs[i]));
  REQUIRE(stmt->run().ok());
}

}  // namespace varn::test
