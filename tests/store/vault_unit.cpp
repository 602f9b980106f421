#include "vault_unit.hpp"

#include <catch2/catch.hpp>

#include "varn/model/change_set_codec.hpp"
#include "varn/sync/device_vault.hpp"

namespace varn::test {

VaultDevice::VaultDevice(registry::Role r, ManualWall& wall) : role(r), clock(wall.clock()) {
  REQUIRE(store->save_identity(identity));
  me = identity.device_id();
  REQUIRE(store->put_setting(sync::settings::kRole, registry::to_string(role)));
  store->set_wall_clock(wall.clock());
  records = std::make_unique<store::Records>(*store, clock, me);
}

VaultUnit::VaultUnit() { enrol(registry::Role::admin); }

VaultDevice& VaultUnit::enrol(registry::Role role, std::optional<model::EntityId> staff) {
  devices_.push_back(std::make_unique<VaultDevice>(role, wall));
  VaultDevice& d = *devices_.back();
  registry::DeviceState s;
  s.bundle = d.identity.public_bundle();
  s.role = role;
  state_.devices[d.me] = s;
  take_in(d);
  if (staff) {
    REQUIRE(admin().records->set_staff_device(*staff, d.me, true));
    sync(admin());
  }
  return d;
}

model::EntityId VaultUnit::add_staff(const std::string& name) {
  auto id = admin().records->add_staff(name, "socialsekreterare");
  REQUIRE(id);
  return *id;
}

void VaultUnit::revoke(VaultDevice& d) {
  state_.devices[d.me].revoked = true;
  auto staff = admin().records->staff();
  REQUIRE(staff);
  for (const auto& s : *staff) {
    if (std::find(s.devices.begin(), s.devices.end(), d.me) != s.devices.end()) {
      REQUIRE(admin().records->set_staff_device(s.id, d.me, false));
    }
  }
}

void VaultUnit::sync(VaultDevice& d) {
  take_in(d);
  REQUIRE(d.store->tend_restricted(state_));
  for (;;) {
    auto batch = d.store->next_outgoing(200);
    if (!batch) FAIL(batch.error().message);
    if (batch->op_ids.empty()) break;
    auto ops = model::decode_ops(batch->plaintext);
    REQUIRE(ops);
    auto r = received(d.me, *ops, log_.size() + 1, batch->change_class);
    r.role = d.role;
    auto head = d.store->chain_head();
    REQUIRE(head);
    sync::SealedChangeSet sealed{r.id, head->seq + 1, crypto::random_array<32>(), r.envelope, 0};
    REQUIRE(d.store->record_sealed(*batch, sealed));
    REQUIRE(d.store->mark_acknowledged(r.id, r.server_seq));
    d.applied = r.server_seq;  // its own: nothing to apply
    log_.push_back(std::move(r));
  }
  for (auto& other : devices_) take_in(*other);
}

void VaultUnit::inject(VaultDevice& d, const std::vector<model::Op>& ops, wire::ChangeSetClass change_class) {
  auto r = received(d.me, ops, log_.size() + 1, change_class);
  r.role = d.role;
  log_.push_back(std::move(r));
  for (auto& other : devices_) {
    if (other.get() == &d) other->applied = log_.size();
    take_in(*other);
  }
}

void VaultUnit::sync_all() {
  for (auto& d : devices_) sync(*d);
}

void VaultUnit::take_in(VaultDevice& d) {
  std::vector<sync::ReceivedChangeSet> page;
  for (; d.applied < log_.size(); ++d.applied) {
    if (log_[d.applied].author != d.me) page.push_back(log_[d.applied]);
  }
  if (!page.empty()) REQUIRE(d.store->apply_received_batch(page));
}

}  // namespace varn::test
