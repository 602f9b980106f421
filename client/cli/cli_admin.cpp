// admin ...: the unit's devices and registry, from an admin device.
#include <CLI/CLI.hpp>
#include <sodium.h>
#include <algorithm>
#include <iostream>
#include <memory>

#include "cli_context.hpp"
#include "commands.hpp"
#include "records_json.hpp"
#include "text_format.hpp"
#include "varn/device/offboarding.hpp"
#include "varn/model/caseload.hpp"
#include "varn/model/stale_drafts.hpp"
#include "varn/sync/alarm.hpp"
#include "varn/sync/enrolment.hpp"
#include "varn/sync/join_address.hpp"
#include "varn/sync/registry_admin.hpp"
#include "varn/sync/registry_keeper.hpp"

namespace varn::cli {
namespace {

struct AdminOptions {
  bool json = false;
  std::string code, fingerprint, pairing, role, device;
  std::uint32_t lease_days = 0;
  std::uint32_t stale_days = 0;
  std::string person, title, person_id;
  std::vector<std::string> casework;  //!< worker, reviewer or none
};

// The words of --casework / --roles: worker and reviewer, or none.
registry::Casework casework_from(const std::vector<std::string>& words) {
  registry::Casework out;
  for (const auto& w : words) {
    if (w == "worker") out.field = true;
    if (w == "reviewer") out.review = true;
  }
  return out;
}

// Runs `call` with the store's server; prints the alarm if one was raised.
template <class Call>
Result<void> with_server(Context& ctx, Call call) {
  auto session = ctx.session();
  if (!session) return session.error();
  Session& s = **session;
  auto target = known_server(s.store(), std::nullopt);
  if (!target) return target.error();
  auto http = net::make_executor(*target);
  Result<void> result = call(s.context(), *http);
  const std::string alarm = sync::current_alarm(s.store());
  if (!alarm.empty()) std::cerr << "varn-cli: ALARM: " << alarm << "\n";
  return result;
}

Result<registry::Role> parse_role(const std::string& text) { return registry::role_from_string(text); }

Result<crypto::DeviceId> parse_device(const std::string& text) {
  auto id = array_from_hex<16>(text);
  if (!id) return make_error(Errc::invalid_argument, "not a valid device id (32 hex characters): " + text);
  return *id;
}

Result<void> devices(Context& ctx, const AdminOptions& o) {
  return with_server(ctx, [&](sync::DeviceContext& device, sync::HttpExecutor& http) -> Result<void> {
    auto list = sync::RegistryAdmin(device).devices(http);
    if (!list) return list.error();
    std::sort(list->begin(), list->end(), [](const auto& a, const auto& b) { return a.device < b.device; });
    if (o.json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& d : *list) out.push_back(to_json(d));
      std::cout << out.dump(2) << "\n";
      return {};
    }
    for (const auto& d : *list) {
      const auto j = to_json(d);
      std::cout << j["device"].get<std::string>() << "  " << d.role << "  " << d.status
                << "  last seen " << j["last_seen"].get<std::string>()
                << (d.wiped_at != 0 ? "  wiped " + j["wiped_at"].get<std::string>() : std::string())
                << (d.recovered_at ? "  recovered with the unit's recovery key at " + j["recovered_at"].get<std::string>()
                                   : std::string())
                << "\n";
    }
    return {};
  });
}

// Staff records are the admins' to write (model/authority.hpp): checked
// against this device's verified registry before anything is written.
Result<void> require_admin(Session& session) {
  sync::RegistryKeeper keeper(session.store());
  auto state = keeper.cached_state();
  const registry::DeviceState* me = state ? state->active(session.device_id()) : nullptr;
  if (me != nullptr && registry::role_uses(me->role, registry::Area::admin)) return {};
  return make_error(Errc::forbidden, "only an admin device records who a device belongs to");
}

// The staff member a device is approved for: an existing one (--person-id),
// one recorded now (--person, --title), or nobody named yet.
Result<std::optional<model::EntityId>> staff_for_approval(Context& ctx, const AdminOptions& o) {
  if (!o.person_id.empty() && !o.person.empty()) {
    return make_error(Errc::invalid_argument, "give --person NAME or --person-id ID, not both");
  }
  auto session = ctx.session();
  if (!session) return session.error();
  if (auto r = require_admin(**session); !r) return r.error();
  if (!o.person_id.empty()) {
    auto id = parse_id(o.person_id, "staff member");
    if (!id) return id.error();
    auto staff = (*session)->records().staff();
    if (!staff) return staff.error();
    const bool known = std::any_of(staff->begin(), staff->end(), [&](const auto& s) { return s.id == *id; });
    if (!known) return make_error(Errc::not_found, "no staff member with that id: see `admin staff`");
    return std::optional<model::EntityId>(*id);
  }
  if (o.person.empty()) return std::optional<model::EntityId>{};
  auto made = (*session)->records().add_staff(o.person, o.title);
  if (!made) return made.error();
  return std::optional<model::EntityId>(*made);
}

Result<void> approve(Context& ctx, const AdminOptions& o) {
  auto role = parse_role(o.role);
  if (!role) return role.error();
  auto person = staff_for_approval(ctx, o);
  if (!person) return person.error();
  return with_server(ctx, [&](sync::DeviceContext& device, sync::HttpExecutor& http) -> Result<void> {
    // The signed entry keeps its own random person id: the staff id would
    // tell the server which devices are one person's, and when they joined.
    auto approved = sync::Enrolment(device).approve(http, o.code, o.fingerprint, o.pairing, *role);
    if (!approved) return approved.error();
    if (*person) {
      auto session = ctx.session();
      if (!session) return session.error();
      // Synced with the next sync, like any record: every device then names the person.
      if (auto r = (*session)->records().set_staff_device(**person, *approved, true); !r) return r;
      if (!o.casework.empty()) {
        if (auto r = (*session)->records().set_staff_casework(**person, casework_from(o.casework)); !r) return r;
      }
    }
    std::cout << "approved: " << o.code << " as " << o.role << "\n";
    if (*person) std::cout << "person: " << to_hex(**person) << "\n";
    return {};
  });
}

// The tablets waiting to join this unit (filed with its join address).
Result<void> pending(Context& ctx, const AdminOptions& o) {
  return with_server(ctx, [&](sync::DeviceContext& device, sync::HttpExecutor& http) -> Result<void> {
    auto waiting = sync::Enrolment(device).waiting(http);
    if (!waiting) return waiting.error();
    if (o.json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& r : *waiting) out.push_back(to_json(r));
      std::cout << out.dump(2) << "\n";
      return {};
    }
    if (waiting->empty()) std::cout << "no device is waiting (a new device enrols with `varn-cli admin address`)\n";
    for (const auto& r : *waiting) {
      const auto j = to_json(r);
      std::cout << r.code << "  device " << short_id(to_hex(r.device)) << "  requested "
                << j["requested_at"].get<std::string>() << "\n";
    }
    return {};
  });
}

// What a new device enrols with: the server's URL and the start of the unit's id.
Result<void> address(Context& ctx) {
  auto session = ctx.session();
  if (!session) return session.error();
  auto target = known_server((*session)->store(), std::nullopt);
  if (!target) return target.error();
  auto unit = (*session)->context().unit();
  if (!unit) return unit.error();
  std::cout << sync::join_address(target->url, *unit) << "\n";
  return {};
}

Result<void> list_staff(Context& ctx, const AdminOptions& o) {
  auto session = ctx.session();
  if (!session) return session.error();
  auto staff = (*session)->records().staff();
  if (!staff) return staff.error();
  if (o.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : *staff) out.push_back(to_json(s));
    std::cout << out.dump(2) << "\n";
    return {};
  }
  for (const auto& s : *staff) {
    const auto casework = model::casework_value(s.casework);
    std::cout << to_hex(s.id) << "  " << s.name << (s.title.empty() ? "" : ", " + s.title) << "  " << s.devices.size()
              << " device(s)" << (casework.empty() ? "" : "  casework: " + casework) << "\n";
  }
  return {};
}

// Records a staff member with a device already enrolled (the unit's first
// admin, or a device approved before anyone was named for it).
Result<void> add_staff(Context& ctx, const AdminOptions& o) {
  auto device_id = parse_device(o.device);
  if (!device_id) return device_id.error();
  auto session = ctx.session();
  if (!session) return session.error();
  if (auto r = require_admin(**session); !r) return r;
  std::optional<model::EntityId> person;
  if (!o.person_id.empty()) {
    auto chosen = staff_for_approval(ctx, o);
    if (!chosen) return chosen.error();
    person = *chosen;
  } else {
    auto made = (*session)->records().add_staff(o.person, o.title);
    if (!made) return made.error();
    person = *made;
  }
  if (auto r = (*session)->records().set_staff_device(*person, *device_id, true); !r) return r;
  if (!o.casework.empty()) {
    if (auto r = (*session)->records().set_staff_casework(*person, casework_from(o.casework)); !r) return r;
  }
  std::cout << "person: " << to_hex(*person) << "\n";
  return {};
}

// The casework a person holds besides administration: what their admin
// devices open of the unit's cases (registry::role_uses).
Result<void> set_casework(Context& ctx, const AdminOptions& o) {
  auto chosen = staff_for_approval(ctx, o);  // checks the admin and that the person is recorded
  if (!chosen) return chosen.error();
  if (!*chosen) return make_error(Errc::invalid_argument, "give the staff member's id (see `admin staff`)");
  auto session = ctx.session();
  if (!session) return session.error();
  const auto casework = casework_from(o.casework);
  if (auto r = (*session)->records().set_staff_casework(**chosen, casework); !r) return r;
  const auto words = model::casework_value(casework);
  std::cout << "casework: " << (words.empty() ? std::string("none") : words) << "\n";
  return {};
}

// Offboarding: every device of the person is revoked (each revocation
// rotates the unit key) and the person keeps no device.
Result<void> offboard(Context& ctx, const AdminOptions& o) {
  auto id = parse_id(o.person_id, "staff member");
  if (!id) return id.error();
  auto session = ctx.session();
  if (!session) return session.error();
  auto staff = (*session)->records().staff();
  if (!staff) return staff.error();
  auto it = std::find_if(staff->begin(), staff->end(), [&](const auto& s) { return s.id == *id; });
  if (it == staff->end()) return make_error(Errc::not_found, "no staff member with that id: see `admin staff`");
  const auto devices = it->devices;
  return with_server(ctx, [&](sync::DeviceContext& device, sync::HttpExecutor& http) -> Result<void> {
    auto revoked = device::offboard_staff(device, http, devices, [&](const crypto::DeviceId& d) -> Result<void> {
      auto s = ctx.session();
      if (!s) return s.error();
      return (*s)->records().set_staff_device(*id, d, false);
    });
    if (!revoked) return revoked.error();
    std::cout << "offboarded: " << it->name << ", " << *revoked << " device(s) revoked\n";
    return {};
  });
}

Result<void> revoke(Context& ctx, const AdminOptions& o) {
  auto id = parse_device(o.device);
  if (!id) return id.error();
  return with_server(ctx, [&](sync::DeviceContext& device, sync::HttpExecutor& http) -> Result<void> {
    if (auto r = sync::RegistryAdmin(device).revoke(http, *id); !r) return r;
    std::cout << "revoked: " << o.device << " (the unit key was rotated)\n";
    return {};
  });
}

Result<void> rotate(Context& ctx) {
  return with_server(ctx, [&](sync::DeviceContext& device, sync::HttpExecutor& http) -> Result<void> {
    if (auto r = sync::RegistryAdmin(device).rotate(http); !r) return r;
    std::cout << "rotated: a new unit key was sealed to every active device\n";
    return {};
  });
}

Result<void> change_role(Context& ctx, const AdminOptions& o) {
  auto id = parse_device(o.device);
  if (!id) return id.error();
  auto role = parse_role(o.role);
  if (!role) return role.error();
  return with_server(ctx, [&](sync::DeviceContext& device, sync::HttpExecutor& http) -> Result<void> {
    if (auto r = sync::RegistryAdmin(device).change_role(http, *id, *role); !r) return r;
    std::cout << "role: " << o.device << " is now " << o.role << "\n";
    return {};
  });
}

Result<void> set_lease(Context& ctx, const AdminOptions& o) {
  return with_server(ctx, [&](sync::DeviceContext& device, sync::HttpExecutor& http) -> Result<void> {
    if (auto r = sync::RegistryAdmin(device).set_lease(http, o.lease_days); !r) return r;
    if (o.lease_days == 0) std::cout << "lease: none\n";
    else std::cout << "lease: " << o.lease_days << " days\n";
    return {};
  });
}

// A unit setting in the end-to-end data: it reaches every device with the next sync.
Result<void> set_stale_draft_days(Context& ctx, const AdminOptions& o) {
  auto session = ctx.session();
  if (!session) return session.error();
  if (auto r = require_admin(**session); !r) return r;
  if (auto r = (*session)->records().set_stale_draft_days(o.stale_days); !r) return r;
  std::cout << "stale drafts: after " << o.stale_days << " days (the unit's devices take it on their next sync)\n";
  return {};
}

Result<void> show_registry(Context& ctx, const AdminOptions& o) {
  return with_server(ctx, [&](sync::DeviceContext& device, sync::HttpExecutor& http) -> Result<void> {
    auto entries = sync::RegistryAdmin(device).registry(http);  // verified against the pinned admin key
    if (!entries) return entries.error();
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : *entries) out.push_back(to_json(e));
    if (o.json) {
      std::cout << out.dump(2) << "\n";
      return {};
    }
    for (const auto& j : out) {
      std::cout << j["index"].get<std::uint64_t>() << "  " << j["time"].get<std::string>() << "  "
                << j["kind"].get<std::string>();
      if (j.contains("subject")) std::cout << "  " << j["subject"].get<std::string>();
      if (j.contains("role")) std::cout << "  " << j["role"].get<std::string>();
      if (j.contains("epoch")) std::cout << "  epoch " << j["epoch"].get<std::uint32_t>();
      if (j.contains("recovery_key")) std::cout << "  recovery key " << short_id(j["recovery_key"].get<std::string>());
      if (j.contains("recovered")) std::cout << "  " << j["recovered"].get<std::string>();
      std::cout << "  by " << short_id(j["signer"].get<std::string>()) << "\n";
    }
    return {};
  });
}

// A new recovery key in place of the unit's; the old code signs nothing after.
Result<void> replace_recovery_key(Context& ctx) {
  return with_server(ctx, [&](sync::DeviceContext& device, sync::HttpExecutor& http) -> Result<void> {
    auto code = sync::RegistryAdmin(device).replace_recovery_key(http);
    if (!code) return code.error();
    std::cout << "recovery-code: " << *code << "\n"
              << "The unit's earlier recovery code is void. Write this one on paper and keep it in a safe:\n"
              << "it is shown only this once, and whoever holds it can enrol an admin device for this unit.\n";
    std::cout.flush();
    sodium_memzero(code->data(), code->size());
    return {};
  });
}

template <class Run>
void on_parse(CLI::App* cmd, Context& ctx, std::shared_ptr<AdminOptions> o, Run run) {
  cmd->callback([&ctx, o, run] { ctx.action = [&ctx, o, run] { return run(ctx, *o); }; });
}

}  // namespace

void add_admin_commands(CLI::App& app, Context& ctx) {
  const std::vector<std::string> roles{"worker", "reviewer", "admin"};
  auto o = std::make_shared<AdminOptions>();
  auto* admin = app.add_subcommand("admin", "Manage the unit's devices (admin devices only)")->require_subcommand(1);

  auto* list = admin->add_subcommand("devices", "The unit's devices: role, status, last seen");
  list->add_flag("--json", o->json, "Print JSON");
  on_parse(list, ctx, o, devices);

  auto* approve_cmd = admin->add_subcommand(
      "approve", "Approve a pending device after comparing its fingerprint and entering its pairing secret");
  approve_cmd->add_option("code", o->code, "The code the device printed")->required();
  approve_cmd->add_option("--fingerprint", o->fingerprint, "The fingerprint the device shows (read aloud)")->required();
  approve_cmd->add_option("--pairing", o->pairing, "The one-time pairing secret the device shows (typed or scanned)")
      ->required();
  approve_cmd->add_option("--role", o->role, "Its role")->required()->check(CLI::IsMember(roles));
  approve_cmd->add_option("--person", o->person, "The staff member it is for (recorded now): their name");
  approve_cmd->add_option("--title", o->title, "With --person: their title (socialsekreterare, ...)");
  approve_cmd->add_option("--person-id", o->person_id, "Or a staff member already recorded (a second device)");
  approve_cmd->add_option("--casework", o->casework, "With --person: their casework besides administration")
      ->delimiter(',')
      ->check(CLI::IsMember({"worker", "reviewer", "none"}));
  on_parse(approve_cmd, ctx, o, approve);

  auto* pending_cmd = admin->add_subcommand("pending", "The devices waiting to join this unit: their codes");
  pending_cmd->add_flag("--json", o->json, "Print JSON");
  on_parse(pending_cmd, ctx, o, pending);

  auto* address_cmd = admin->add_subcommand("address", "The join address a new device enrols with (--server)");
  on_parse(address_cmd, ctx, o, [](Context& c, const AdminOptions&) { return address(c); });

  auto* revoke_cmd = admin->add_subcommand("revoke", "Revoke a device and rotate the unit key");
  revoke_cmd->add_option("device", o->device, "Device id")->required();
  on_parse(revoke_cmd, ctx, o, revoke);

  auto* rotate_cmd = admin->add_subcommand("rotate", "Rotate the unit key");
  on_parse(rotate_cmd, ctx, o, [](Context& c, const AdminOptions&) { return rotate(c); });

  auto* registry_cmd = admin->add_subcommand("registry", "The verified device registry");
  registry_cmd->add_flag("--json", o->json, "Print JSON");
  on_parse(registry_cmd, ctx, o, show_registry);

  auto* recovery_cmd = admin->add_subcommand(
      "recovery-key", "Replace the unit's recovery key (prints the new code once; the old one is void)");
  on_parse(recovery_cmd, ctx, o, [](Context& c, const AdminOptions&) { return replace_recovery_key(c); });

  auto* role_cmd = admin->add_subcommand("role", "Change a device's role");
  role_cmd->add_option("device", o->device, "Device id")->required();
  role_cmd->add_option("--set", o->role, "The new role")->required()->check(CLI::IsMember(roles));
  on_parse(role_cmd, ctx, o, change_role);

  auto* staff_cmd = admin->add_subcommand("staff", "The unit's staff and their devices");
  staff_cmd->add_flag("--json", o->json, "Print JSON");
  on_parse(staff_cmd, ctx, o, list_staff);

  auto* staff_add = admin->add_subcommand("staff-add", "Name the staff member an enrolled device belongs to");
  staff_add->add_option("device", o->device, "Device id (see `admin devices`)")->required();
  staff_add->add_option("--person", o->person, "Their name (recorded now)");
  staff_add->add_option("--title", o->title, "Their title");
  staff_add->add_option("--person-id", o->person_id, "Or a staff member already recorded");
  staff_add->add_option("--casework", o->casework, "The person's casework besides administration: worker, reviewer")
      ->delimiter(',')
      ->check(CLI::IsMember({"worker", "reviewer", "none"}));
  on_parse(staff_add, ctx, o, add_staff);

  auto* casework_cmd = admin->add_subcommand(
      "casework", "The casework a staff member holds besides administration (an admin device shows only that)");
  casework_cmd->add_option("person", o->person_id, "Staff member id (see `admin staff`)")->required();
  casework_cmd->add_option("--roles", o->casework, "worker, reviewer, both (worker,reviewer) or none")
      ->required()
      ->delimiter(',')
      ->check(CLI::IsMember({"worker", "reviewer", "none"}));
  on_parse(casework_cmd, ctx, o, set_casework);

  auto* offboard_cmd = admin->add_subcommand("offboard", "Revoke every device of a staff member who leaves");
  offboard_cmd->add_option("person", o->person_id, "Staff member id (see `admin staff`)")->required();
  on_parse(offboard_cmd, ctx, o, offboard);

  auto* lease_cmd = admin->add_subcommand(
      "lease", "Set how many days a device may go without reaching the server before it shows no case content");
  lease_cmd->add_option("--days", o->lease_days, "1-365, or 0 for no lease")->required()->check(CLI::Range(0, 365));
  on_parse(lease_cmd, ctx, o, set_lease);

  auto* stale_cmd = admin->add_subcommand(
      "stale-drafts", "Set after how many days an unsigned draft is flagged to its author and the reviewers");
  stale_cmd->add_option("--days", o->stale_days, "1-" + std::to_string(model::kMaxStaleDraftDays))
      ->required()
      ->check(CLI::Range(1U, model::kMaxStaleDraftDays));
  on_parse(stale_cmd, ctx, o, set_stale_draft_days);
}

}  // namespace varn::cli
