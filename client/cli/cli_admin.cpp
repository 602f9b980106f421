// admin ...: the unit's devices and registry, from an admin device.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <memory>

#include "cli_context.hpp"
#include "commands.hpp"
#include "records_json.hpp"
#include "text_format.hpp"
#include "varn/sync/alarm.hpp"
#include "varn/sync/enrolment.hpp"
#include "varn/sync/registry_admin.hpp"

namespace varn::cli {
namespace {

struct AdminOptions {
  bool json = false;
  std::string code, fingerprint, pairing, role, device;
  std::uint32_t lease_days = 0;
};

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
                << (d.wiped_at != 0 ? "  wiped " + j["wiped_at"].get<std::string>() : std::string()) << "\n";
    }
    return {};
  });
}

Result<void> approve(Context& ctx, const AdminOptions& o) {
  auto role = parse_role(o.role);
  if (!role) return role.error();
  return with_server(ctx, [&](sync::DeviceContext& device, sync::HttpExecutor& http) -> Result<void> {
    if (auto r = sync::Enrolment(device).approve(http, o.code, o.fingerprint, o.pairing, *role); !r) return r;
    std::cout << "approved: " << o.code << " as " << o.role << "\n";
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
      std::cout << "  by " << short_id(j["signer"].get<std::string>()) << "\n";
    }
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
  on_parse(approve_cmd, ctx, o, approve);

  auto* revoke_cmd = admin->add_subcommand("revoke", "Revoke a device and rotate the unit key");
  revoke_cmd->add_option("device", o->device, "Device id")->required();
  on_parse(revoke_cmd, ctx, o, revoke);

  auto* rotate_cmd = admin->add_subcommand("rotate", "Rotate the unit key");
  on_parse(rotate_cmd, ctx, o, [](Context& c, const AdminOptions&) { return rotate(c); });

  auto* registry_cmd = admin->add_subcommand("registry", "The verified device registry");
  registry_cmd->add_flag("--json", o->json, "Print JSON");
  on_parse(registry_cmd, ctx, o, show_registry);

  auto* role_cmd = admin->add_subcommand("role", "Change a device's role");
  role_cmd->add_option("device", o->device, "Device id")->required();
  role_cmd->add_option("--set", o->role, "The new role")->required()->check(CLI::IsMember(roles));
  on_parse(role_cmd, ctx, o, change_role);

  auto* lease_cmd = admin->add_subcommand(
      "lease", "Set how many days a device may go without reaching the server before it shows no case content");
  lease_cmd->add_option("--days", o->lease_days, "1-365, or 0 for no lease")->required()->check(CLI::Range(0, 365));
  on_parse(lease_cmd, ctx, o, set_lease);
}

}  // namespace varn::cli
