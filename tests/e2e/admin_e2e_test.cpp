// Admin commands through varn-cli against the real server: devices, roles,
// registry, and a revoked device that wipes itself and says what it lost.
#include <catch2/catch.hpp>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "e2e_fixture.hpp"
#include "varn/store/database.hpp"
#include "varn/store/local_store.hpp"
#include "varn/sync/device_vault.hpp"

using namespace varn::test;
using nlohmann::json;

namespace {

std::string device_id_of(const CliDevice& admin, const std::string& role, const std::string& status) {
  for (const auto& d : json::parse(admin.ok({"admin", "devices", "--json"}))) {
    if (d["role"] == role && d["status"] == status) return d["device"].get<std::string>();
  }
  return {};
}

}  // namespace

TEST_CASE("admin lists devices, changes a role and shows the verified registry", "[e2e][admin]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto worker = server.enrol_device(admin, "worker", "worker");
  const auto devices = json::parse(admin.ok({"admin", "devices", "--json"}));
  REQUIRE(devices.size() == 2);
  // Both devices show one unit safety code: the enrolment went where the admin is.
  const auto code = field(admin.ok({"unit"}), "safety-code");
  CHECK(code.size() == 23);
  CHECK(field(worker.ok({"unit"}), "safety-code") == code);
  CHECK(worker.ok({"alarm"}) == "alarm: none");
  const auto worker_id = device_id_of(admin, "worker", "active");
  REQUIRE(worker_id.size() == 32);

  admin.ok({"admin", "role", worker_id, "--set", "reviewer"});
  CHECK(device_id_of(admin, "reviewer", "active") == worker_id);

  const auto registry = json::parse(admin.ok({"admin", "registry", "--json"}));
  REQUIRE(registry.size() >= 4);  // admin enrol, first rotate, worker enrol, role change
  CHECK(registry[0]["kind"] == "enrol");
  CHECK(registry.back()["kind"] == "change_role");
  CHECK(registry.back()["subject"] == worker_id);

  // A worker is not an admin: the server refuses its registry writes.
  auto refused = worker.run({"admin", "rotate"});
  CHECK(refused.exit_code != 0);
  CHECK_FALSE(refused.err.empty());
}

TEST_CASE("a tablet enrolled with the unit's join address waits on the admin's list, and leaves it once approved",
          "[e2e][admin][enrol]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  std::string address = admin.ok({"admin", "address"});
  while (!address.empty() && address.back() == '\n') address.pop_back();
  REQUIRE(address.rfind(server.url + "/", 0) == 0);
  CHECK(address.size() == server.url.size() + 9);  // "/" and the first 8 hex characters of the unit id
  CHECK(json::parse(admin.ok({"admin", "pending", "--json"})).empty());

  auto tablet = server.new_device("tablet");
  const auto filed = tablet.ok({"enrol", "--server", address, "--pin", server.cert_sha256});
  const auto code = field(filed, "code");
  auto unlisted = server.new_device("unlisted");  // the bare server URL: approved by code, listed nowhere
  unlisted.ok({"enrol", "--server", server.url, "--pin", server.cert_sha256});
  const auto waiting = json::parse(admin.ok({"admin", "pending", "--json"}));
  REQUIRE(waiting.size() == 1);
  CHECK(waiting[0]["code"] == code);
  CHECK_FALSE(waiting[0].contains("fingerprint"));  // heard from the tablet, never copied from the list
  CHECK(admin.ok({"admin", "pending"}).find(code) != std::string::npos);

  admin.ok({"admin", "approve", code, "--fingerprint", field(filed, "fingerprint"), "--pairing", field(filed, "pairing"),
            "--role", "worker"});
  CHECK(json::parse(admin.ok({"admin", "pending", "--json"})).empty());
  tablet.ok({"sync"});
  CHECK(field(tablet.ok({"unit"}), "status") == "active");
  // Only admins see who waits.
  auto refused = tablet.run({"admin", "pending"});
  CHECK(refused.exit_code != 0);
  // A join address whose unit part is not one is refused before anything is sent.
  auto typo = server.new_device("typo").run({"enrol", "--server", server.url + "/enhet"});
  CHECK(typo.exit_code != 0);
  CHECK(typo.err.find("unit part") != std::string::npos);
}

TEST_CASE("a revoked device wipes its store, confirms it and says how much was lost", "[e2e][admin][revoke]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto worker = server.enrol_device(admin, "worker", "worker");
  const auto worker_id = device_id_of(admin, "worker", "active");
  REQUIRE_FALSE(worker_id.empty());
  const auto person = worker.ok({"person", "add", "--name", "Aldrig synkad"});  // unsynced when revoked

  admin.ok({"admin", "revoke", worker_id});
  auto r = worker.run({"sync"});
  CHECK(r.exit_code == 7);
  CHECK(r.out.find("revoked") != std::string::npos);
  CHECK_FALSE(field(r.out, "discarded").empty());
  CHECK(field(r.out, "discarded").rfind("0 ", 0) != 0);  // the person above was lost
  CHECK(r.err.find("revoked") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(worker.store));
  CHECK_FALSE(std::filesystem::exists(worker.store + ".key"));
  CHECK(device_id_of(admin, "worker", "revoked") == worker_id);
  // The admin sees that the wipe was confirmed.
  bool confirmed = false;
  for (const auto& d : json::parse(admin.ok({"admin", "devices", "--json"}))) {
    if (d["device"] == worker_id) confirmed = d["wiped"] == true && d["wiped_at"].is_string();
    else CHECK(d["wiped"] == false);
  }
  CHECK(confirmed);
  CHECK(r.out.find("wipe confirmed to the server: yes") != std::string::npos);

  // The admin's unit goes on: it syncs under the rotated key.
  admin.ok({"person", "add", "--name", "Efter återkallelsen"});
  admin.ok({"sync"});
}

TEST_CASE("enrol pins the server's certificate: first use learns it, a wrong pin is refused", "[e2e][enrol]") {
  E2eServer server;
  auto admin = server.enrol_admin();

  const auto wrong_pin = std::string(64, 'a');
  auto impostor_check = server.new_device("careful");
  auto refused = impostor_check.run({"enrol", "--server", server.url, "--pin", wrong_pin});
  CHECK(refused.exit_code == 5);
  CHECK(refused.err.find("pinned") != std::string::npos);
  CHECK(refused.err.find('\n') == refused.err.size() - 1);

  auto trusting = server.new_device("trusting");
  const auto out = trusting.ok({"enrol", "--server", server.url});
  CHECK(field(out, "status") == "pending");
  CHECK(field(out, "pinned").rfind(server.cert_sha256 + " ", 0) == 0);
  admin.ok({"admin", "approve", field(out, "code"), "--fingerprint", field(out, "fingerprint"), "--pairing",
            field(out, "pairing"), "--role", "worker"});
  trusting.ok({"sync"});  // with the learned pin and the stored URL

  // A wrong fingerprint read aloud is refused, and nothing is approved.
  auto late = server.new_device("late");
  const auto late_out = late.ok({"enrol", "--server", server.url, "--pin", server.cert_sha256});
  auto mismatch = admin.run({"admin", "approve", field(late_out, "code"), "--fingerprint",
                             "00000 00000 00000 00000 00000 00000", "--pairing", field(late_out, "pairing"), "--role",
                             "worker"});
  CHECK(mismatch.exit_code == 5);
  // So is a pairing secret that is not what the device shows (typed wrong, or not shown at all).
  auto no_secret = admin.run({"admin", "approve", field(late_out, "code"), "--fingerprint", field(late_out, "fingerprint"),
                              "--pairing", "not-the-secret", "--role", "worker"});
  CHECK(no_secret.exit_code == 2);
  CHECK(late.run({"sync"}).exit_code == 5);  // still waiting for an admin
}

TEST_CASE("after a promotion, a demotion and a revocation every device syncs, and old change sets keep their role then",
          "[e2e][admin][roles]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto worker = server.enrol_device(admin, "worker", "worker");
  auto reviewer = server.enrol_device(admin, "reviewer", "reviewer");
  const auto worker_id = device_id_of(admin, "worker", "active");
  const auto reviewer_id = device_id_of(admin, "reviewer", "active");
  const auto person = worker.ok({"person", "add", "--name", "Före befordran"});
  worker.ok({"sync"});
  worker.ok({"person", "add", "--name", "Skrivet offline före befordran"});  // not synced yet

  admin.ok({"admin", "role", worker_id, "--set", "reviewer"});
  for (const auto* d : {&admin, &reviewer}) d->ok({"sync"});
  // The promoted device's unsent field work is no longer its to send: it is
  // kept and listed on the device, and the device syncs on.
  const auto promoted = worker.ok({"sync"});
  CHECK(promoted.find("withdrawn: 1") != std::string::npos);
  CHECK(worker.ok({"list", "conflicts", "--json"}).find("not sent") != std::string::npos);

  admin.ok({"admin", "role", reviewer_id, "--set", "worker"});
  reviewer.ok({"sync"});
  reviewer.ok({"person", "add", "--name", "Efter nedgradering"});  // field work, now its role
  reviewer.ok({"sync"});
  admin.ok({"admin", "revoke", reviewer_id});
  CHECK(reviewer.run({"sync"}).exit_code == 7);  // wiped, after verifying the signed revoke

  auto late = server.enrol_device(admin, "late", "worker");  // enrolled after all of it
  for (const auto* d : {&admin, &worker, &late}) {
    auto r = d->run({"sync"});
    INFO(d->store << ": " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("ALARM") == std::string::npos);
    const auto persons = d->ok({"list", "persons", "--json"});
    CHECK(persons.find("Före befordran") != std::string::npos);      // written as a worker, valid for ever
    CHECK(persons.find("Efter nedgradering") != std::string::npos);  // written by a revoked device before it was
  }
  CHECK(late.ok({"list", "conflicts", "--json"}) == "[]");
  (void)person;
}

namespace {

//! The device last reached its server `days` ago: what its clock would say
//! after that many days offline (the store is opened as the device would).
void last_contact_days_ago(const CliDevice& d, int days) {
  auto store = varn::store::LocalStore::open(d.store, d.passphrase);
  REQUIRE(store.ok());
  const auto then = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch() - std::chrono::hours(24 * days))
                        .count();
  REQUIRE((*store)->put_setting(varn::sync::settings::kLastContact, std::to_string(then)).ok());
  REQUIRE((*store)->put_setting(varn::sync::settings::kLatestSeen, std::to_string(then)).ok());
}

}  // namespace

TEST_CASE("a device past the unit's lease shows no case content until it reaches the server, and a revoked one then "
          "wipes",
          "[e2e][admin][lease]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto worker = server.enrol_device(admin, "worker", "worker");
  const auto worker_id = device_id_of(admin, "worker", "active");
  auto other = server.enrol_device(admin, "other", "worker");
  std::string other_id;
  for (const auto& d : json::parse(admin.ok({"admin", "devices", "--json"}))) {
    if (d["role"] == "worker" && d["device"] != worker_id) other_id = d["device"].get<std::string>();
  }
  REQUIRE_FALSE(other_id.empty());
  worker.ok({"person", "add", "--name", "Karin Lindqvist"});
  worker.ok({"sync"});
  CHECK(admin.ok({"admin", "lease", "--days", "2"}) == "lease: 2 days");
  worker.ok({"sync"});
  other.ok({"sync"});
  CHECK(json::parse(admin.ok({"admin", "registry", "--json"})).back()["lease_days"] == 2);

  // One day offline: still within the lease.
  last_contact_days_ago(worker, 1);
  CHECK(worker.ok({"list", "persons"}).find("Karin Lindqvist") != std::string::npos);
  // Three days offline: no case content, and nothing new written either.
  last_contact_days_ago(worker, 3);
  auto hidden = worker.run({"list", "persons"});
  CHECK(hidden.exit_code != 0);
  CHECK(hidden.out.find("Karin") == std::string::npos);
  CHECK(hidden.err.find("lease") != std::string::npos);
  CHECK(worker.run({"person", "add", "--name", "Ny person"}).exit_code != 0);
  // Reaching the server starts the lease again.
  worker.ok({"sync"});
  CHECK(worker.ok({"list", "persons"}).find("Karin Lindqvist") != std::string::npos);

  // A tablet stolen and kept offline past the lease, revoked meanwhile: it
  // shows nothing, and its first contact wipes it.
  last_contact_days_ago(other, 3);
  CHECK(other.run({"list", "persons"}).exit_code != 0);
  admin.ok({"admin", "revoke", other_id});
  auto wiped = other.run({"sync"});
  CHECK(wiped.exit_code == 7);
  CHECK_FALSE(std::filesystem::exists(other.store));
}

TEST_CASE("notes name the staff member who wrote them on every device, a person has several devices, and offboarding "
          "revokes them all",
          "[e2e][admin][staff]") {
  E2eServer server;
  auto admin = server.enrol_admin(false);
  const auto admin_device = device_id_of(admin, "admin", "active");
  admin.ok({"admin", "staff-add", admin_device, "--person", "Maria Ek", "--title", "enhetschef", "--casework",
            "reviewer"});
  auto tablet = server.enrol_device(admin, "tablet", "worker", {"--person", "Anna Lind", "--title", "socialsekreterare"});
  json staff = json::parse(admin.ok({"admin", "staff", "--json"}));
  std::string anna;
  for (const auto& s : staff) {
    if (s["name"] == "Anna Lind") anna = s["id"].get<std::string>();
  }
  REQUIRE_FALSE(anna.empty());
  auto office = server.enrol_device(admin, "office", "worker", {"--person-id", anna});
  admin.ok({"sync"});
  tablet.ok({"sync"});
  office.ok({"sync"});
  // The server cannot tell which devices are one person's: the staff id is
  // only inside the end-to-end data, never in a signed entry it stores.
  std::string raw_id;
  for (std::size_t i = 0; i + 1 < anna.size(); i += 2) {
    raw_id.push_back(static_cast<char>(std::stoi(anna.substr(i, 2), nullptr, 16)));
  }
  CHECK(all_bytes_under(server.data_dir).find(raw_id) == std::string::npos);

  const auto person = tablet.ok({"person", "add", "--name", "Karin Lindqvist"});
  const auto case_id = tablet.ok({"case", "open", "--person", person});
  const auto visit = tablet.ok({"visit", "record", "--case", case_id, "--kind", "office", "--partner-present", "no"});
  tablet.ok({"note", "add", "--visit", visit, "--text", "Samtal på kontoret."});
  tablet.ok({"sync"});
  admin.ok({"sync"});
  office.ok({"sync"});
  // Every device names the author the same way, in JSON and in text.
  for (const CliDevice* d : {&admin, &office, &tablet}) {
    const auto notes = json::parse(d->ok({"list", "notes", "--json"}));
    REQUIRE(notes.size() == 1);
    CHECK(notes[0]["author"]["name"] == "Anna Lind");
    CHECK(notes[0]["author"]["title"] == "socialsekreterare");
    CHECK(notes[0]["author"]["id"] == anna);
    CHECK(d->ok({"list", "notes"}).find("by Anna Lind, socialsekreterare") != std::string::npos);
  }
  staff = json::parse(admin.ok({"admin", "staff", "--json"}));
  for (const auto& s : staff) {
    if (s["id"] == anna) CHECK(s["devices"].size() == 2);
    if (s["name"] == "Maria Ek") CHECK(s["devices"] == json::array({admin_device}));
  }
  // Only an admin names staff: a worker's own record is refused by every other device.
  CHECK(tablet.run({"admin", "staff-add", admin_device, "--person", "Falsk"}).exit_code != 0);

  // Anna leaves: both her devices are revoked at once.
  CHECK(admin.ok({"admin", "offboard", anna}).find("2 device(s) revoked") != std::string::npos);
  CHECK(tablet.run({"sync"}).exit_code == 7);
  CHECK(office.run({"sync"}).exit_code == 7);
  CHECK_FALSE(std::filesystem::exists(tablet.store));
  CHECK_FALSE(std::filesystem::exists(office.store));
  admin.ok({"sync"});
  for (const auto& s : json::parse(admin.ok({"admin", "staff", "--json"}))) {
    if (s["id"] == anna) CHECK(s["devices"].empty());
  }
  // What she wrote stays hers: the unit manager's log review names her.
  const auto after = json::parse(admin.ok({"list", "notes", "--json"}));
  REQUIRE(after.size() == 1);
  CHECK(after[0]["author"]["name"] == "Anna Lind");
}

namespace {

//! Rows of the device's store (opened as the device would) that hold a person's address.
long long address_rows(const CliDevice& d) {
  auto store = varn::store::LocalStore::open(d.store, d.passphrase);
  REQUIRE(store.ok());
  auto q = (*store)->database().prepare(
      "SELECT (SELECT count(*) FROM field_value WHERE field = 'address') + "
      "(SELECT count(*) FROM op_log WHERE field = 'address')");
  REQUIRE(q.ok());
  REQUIRE(*q->step());
  return static_cast<long long>(q->int64(0));
}

}  // namespace

TEST_CASE("raising a person to skyddad folkbokföring removes the address from every device's tables, and none is "
          "taken after", "[e2e][protected]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto worker = server.enrol_device(admin, "worker", "worker");
  auto reviewer = server.enrol_device(admin, "reviewer", "reviewer");
  const auto person = worker.ok({"person", "add", "--name", "Dana Dahl", "--address", "Ekvägen 4"}).substr(0, 32);
  worker.ok({"sync"});
  reviewer.ok({"sync"});
  CHECK(reviewer.ok({"list", "persons", "--json"}).find("Ekvägen 4") != std::string::npos);
  CHECK(address_rows(reviewer) == 1);

  // A worker may raise it, never remove it.
  CHECK(worker.ok({"person", "protect", person, "--level", "skyddad"}) == "protection: protected_registration");
  CHECK(address_rows(worker) == 0);
  worker.ok({"sync"});
  reviewer.ok({"sync"});
  CHECK(address_rows(reviewer) == 0);
  CHECK(reviewer.ok({"list", "persons", "--json"}).find("Ekvägen") == std::string::npos);
  auto lowered = worker.run({"person", "protect", person, "--level", "none"});
  CHECK(lowered.exit_code != 0);
  CHECK(lowered.err.find("reviewer") != std::string::npos);
  // The reviewer may lower it; still no address comes back or is taken.
  reviewer.ok({"person", "protect", person, "--level", "none"});
  reviewer.ok({"sync"});
  worker.ok({"sync"});
  CHECK(address_rows(worker) == 0);
  auto refused = worker.run({"person", "add", "--name", "Eva Ek", "--protection", "protected_registration", "--address",
                             "Tallvägen 9"});
  CHECK(refused.exit_code != 0);
  CHECK(refused.err.find("skyddad folkbokföring") != std::string::npos);
}

TEST_CASE("the admin's stale-draft days reach every device with the next sync, a worker may not set them, and notes "
          "carry their event time beside the writing time",
          "[e2e][admin][times]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto worker = server.enrol_device(admin, "worker", "worker");
  CHECK(worker.ok({"unit"}).find("stale-drafts: 3 days") != std::string::npos);

  auto refused = worker.run({"admin", "stale-drafts", "--days", "30"});
  CHECK(refused.exit_code != 0);
  CHECK(admin.run({"admin", "stale-drafts", "--days", "0"}).exit_code != 0);
  CHECK(admin.ok({"admin", "stale-drafts", "--days", "5"}).find("after 5 days") != std::string::npos);
  admin.ok({"sync"});
  worker.ok({"sync"});
  CHECK(worker.ok({"unit"}).find("stale-drafts: 5 days") != std::string::npos);

  const auto person = worker.ok({"person", "add", "--name", "Karin Lindqvist"});
  const auto case_id = worker.ok({"case", "open", "--person", person});
  const auto visit = worker.ok({"visit", "record", "--case", case_id, "--kind", "office", "--partner-present", "no",
                                "--planned-at", "2026-11-30T09:00"});
  const auto note = worker.ok({"note", "add", "--visit", visit, "--text", "Samtal om skyddat boende"});
  worker.ok({"note", "edit", note, "--event-time", "2026-11-30T09:45"});
  CHECK(worker.run({"note", "edit", note, "--event-time", "i morse"}).exit_code != 0);
  CHECK(worker.run({"note", "edit", note}).exit_code != 0);
  worker.ok({"sync"});
  admin.ok({"sync"});
  const auto listed = json::parse(admin.ok({"list", "notes", "--json"}));
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["event_time"] == "2026-11-30T09:45");
  CHECK_FALSE(listed[0]["written"].get<std::string>().empty());
  CHECK(listed[0]["stale"] == false);
  CHECK(admin.ok({"list", "notes", "--stale"}).empty());
  CHECK(admin.ok({"list", "notes"}).find("event 2026-11-30T09:45  written ") != std::string::npos);

  // Each of the admin's two listings that showed the note is a read of the
  // case in the log, and the worker's device gets those entries by sync.
  const auto admin_id = device_id_of(admin, "admin", "active");
  admin.ok({"sync"});
  worker.ok({"sync"});
  int reads = 0;
  for (const auto& e : json::parse(worker.ok({"log", "--json"}))) {
    if (e["device"] == admin_id && e["case"] == case_id && e["action"] == "read_notes") ++reads;
  }
  CHECK(reads == 2);
  CHECK(worker.ok({"log"}).find("read_notes  case " + case_id) != std::string::npos);
}


TEST_CASE("a reviewer reviews the month's access log, sees a read by a device no one is named for, and signs it off "
          "for every device, and a worker may not",
          "[e2e][admin][access-log]") {
  NoonTimeZone noon;
  E2eServer server;
  auto admin = server.enrol_admin();
  auto worker = server.enrol_device(admin, "worker", "worker");
  auto reviewer = server.enrol_device(admin, "reviewer", "reviewer");
  const auto worker_id = device_id_of(admin, "worker", "active");
  const auto person = worker.ok({"person", "add", "--name", "Karin Lindqvist"});
  const auto case_id = worker.ok({"case", "open", "--person", person});
  worker.ok({"show", "case", case_id});
  worker.ok({"sync"});
  reviewer.ok({"sync"});

  const std::string month = NoonTimeZone::month();

  auto review = json::parse(reviewer.ok({"log", "review", "--month", month, "--json"}));
  CHECK(review["reads"] == 1);
  REQUIRE(review["sample"].size() == 1);
  CHECK(review["sample"][0]["device"] == worker_id);
  CHECK(review["sample"][0]["action"] == "open_case");
  REQUIRE(review["anomalies"].size() == 1);  // nobody is named for the worker's tablet
  CHECK(review["anomalies"][0]["why"] == json::array({"unknown_reader"}));
  CHECK(review["signed_off"].empty());
  const std::string entry = review["sample"][0]["entry"];

  CHECK(worker.run({"log", "review", "--month", month, "--sign", "--comment", "ok"}).exit_code != 0);
  CHECK(reviewer.run({"log", "review", "--month", month, "--sign"}).exit_code != 0);  // a comment is required
  CHECK(reviewer.run({"log", "review", "--month", "2026-13"}).exit_code != 0);
  CHECK(reviewer.run({"log", "review", "--month", month, "--sign", "--comment", "ok", "--read",
                      std::string(32, 'a') + "=nope"})
            .exit_code != 0);
  CHECK(reviewer.ok({"log", "review", "--month", month, "--sign", "--comment", "Granskad, inga avvikelser",
                     "--read", entry + "=Handläggarens egen läsning"})
            .rfind("signed-off: ", 0) == 0);
  reviewer.ok({"sync"});
  worker.ok({"sync"});
  auto seen = json::parse(worker.ok({"log", "review", "--month", month, "--json"}));
  REQUIRE(seen["signed_off"].size() == 1);
  CHECK(seen["signed_off"][0]["comment"] == "Granskad, inga avvikelser");
  CHECK(seen["signed_off"][0]["reads"][entry] == "Handläggarens egen läsning");
  CHECK(worker.ok({"log", "review", "--month", month}).find("signed off: ") != std::string::npos);
}

TEST_CASE("an admin device whose person holds no casework shows no case content, and the casework an admin gives "
          "opens it on the next command",
          "[e2e][admin][staff][roles]") {
  E2eServer server;
  auto admin = server.enrol_admin(false);
  auto worker = server.enrol_device(admin, "worker", "worker", {"--person", "Anna Lind"});
  const auto case_id = worker.ok({"case", "open", "--person", worker.ok({"person", "add", "--name", "Karin Lindqvist"})});
  worker.ok({"note", "add", "--visit",
             worker.ok({"visit", "record", "--case", case_id, "--kind", "office", "--partner-present", "no"}), "--text",
             "Samtal på kontoret."});
  worker.ok({"sync"});
  admin.ok({"sync"});

  // Administration only: devices and staff, no case, note, person or log.
  for (const std::vector<std::string>& reads : std::vector<std::vector<std::string>>{
           {"list", "notes"}, {"list", "persons"}, {"list", "cases"}, {"show", "case", case_id}, {"log"},
           {"person", "add", "--name", "Ny person"}}) {
    const auto refused = admin.run(reads);
    CHECK(refused.exit_code == 5);
    CHECK(refused.err.find("shows no case content") != std::string::npos);
    CHECK(refused.out.find("Karin") == std::string::npos);
  }
  CHECK(admin.ok({"admin", "devices"}).find("worker") != std::string::npos);
  const auto admin_device = device_id_of(admin, "admin", "active");
  const auto maria = field(admin.ok({"admin", "staff-add", admin_device, "--person", "Maria Ek"}), "person");
  CHECK(admin.run({"list", "notes"}).exit_code == 5);  // named, still no casework

  CHECK(admin.ok({"admin", "casework", maria, "--roles", "reviewer"}) == "casework: reviewer");
  const auto notes = json::parse(admin.ok({"list", "notes", "--json"}));
  REQUIRE(notes.size() == 1);
  CHECK(notes[0]["author"]["name"] == "Anna Lind");
  bool listed = false;
  for (const auto& s : json::parse(admin.ok({"admin", "staff", "--json"}))) {
    if (s["id"] == maria) listed = s["casework"] == json::array({"reviewer"});
  }
  CHECK(listed);

  // A worker may not give anyone casework; taking it away closes the cases again.
  CHECK(worker.run({"admin", "casework", maria, "--roles", "worker"}).exit_code != 0);
  CHECK(admin.ok({"admin", "casework", maria, "--roles", "none"}) == "casework: none");
  CHECK(admin.run({"list", "notes"}).exit_code == 5);
}
