// Restricted cases end to end: the real server and varn-cli devices. A
// device of staff not named syncs the unit and holds no plaintext of the
// case; naming that person opens it on the next sync; removing them gives
// the case a new key, and the next note never reaches their device.
#include <catch2/catch.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "../store/store_scan.hpp"
#include "e2e_fixture.hpp"

using namespace varn::test;
using nlohmann::json;

namespace {

// The device's store opened with its passphrase, looked through whole.
bool holds(const CliDevice& d, const std::string& marker) {
  auto store = varn::store::LocalStore::open(d.store, d.passphrase);
  REQUIRE(store);
  return store_holds(**store, marker);
}

}  // namespace

TEST_CASE("a restricted case reaches only the named staff's devices: others hold only ciphertext, naming opens it on the "
          "next sync, removal keeps the next note from them",
          "[e2e][restricted]") {
  NoonTimeZone noon;
  E2eServer server;
  auto admin = server.enrol_admin();
  auto anna = server.enrol_device(admin, "anna", "worker", {"--person", "Anna Lind", "--title", "socialsekreterare"});
  auto bo = server.enrol_device(admin, "bo", "worker", {"--person", "Bo Ek", "--title", "socialsekreterare"});
  const auto anna_id = staff_id(admin, "Anna Lind");
  const auto bo_id = staff_id(admin, "Bo Ek");
  REQUIRE_FALSE(anna_id.empty());
  admin.ok({"sync"});

  // The unit manager registers a person with skyddade personuppgifter and
  // restricts the case to Anna before anything of it leaves the device.
  const auto person = admin.ok({"person", "add", "--name", "MARKER-Skyddad-Sara", "--identity-number",
                                "19850505-MARK", "--protection", "confidential"});
  const auto case_id = admin.ok({"case", "open", "--person", person});
  CHECK(admin.ok({"case", "restrict", case_id, "--staff", anna_id}) == "restricted: 1 staff named");
  CHECK(bo.run({"case", "restrict", case_id, "--staff", bo_id}).exit_code != 0);  // not a worker's to do
  admin.ok({"sync"});

  anna.ok({"sync"});
  CHECK(anna.ok({"show", "case", case_id}).find("MARKER-Skyddad-Sara") != std::string::npos);
  const auto visit = anna.ok({"visit", "record", "--case", case_id, "--kind", "separate", "--partner-present", "no",
                              "--place", "MARKER-Platsen"});
  anna.ok({"note", "add", "--visit", visit, "--text", "MARKER-Anteckning-ett"});
  anna.ok({"sync"});

  bo.ok({"sync"});
  const auto refused = bo.run({"show", "case", case_id});
  CHECK(refused.exit_code != 0);
  CHECK(refused.err.find("restricted") != std::string::npos);
  CHECK(bo.ok({"list", "notes"}).find("MARKER") == std::string::npos);
  for (const char* marker : {"MARKER-Skyddad-Sara", "19850505-MARK", "MARKER-Platsen", "MARKER-Anteckning-ett"}) {
    INFO(marker);
    CHECK_FALSE(holds(bo, marker));
    CHECK(holds(anna, marker));
    CHECK(all_bytes_under(server.data_dir).find(marker) == std::string::npos);
    CHECK(read_file(server.log_path).find(marker) == std::string::npos);
  }

  // Naming Bo: the admin's new key reaches his tablet, Anna's device seals
  // him the older ones as it syncs, and his next sync opens the case.
  admin.ok({"case", "restrict", case_id, "--staff", anna_id, bo_id});
  admin.ok({"sync"});
  anna.ok({"sync"});
  bo.ok({"sync"});
  CHECK(bo.ok({"show", "case", case_id}).find("MARKER-Skyddad-Sara") != std::string::npos);
  CHECK(bo.ok({"list", "notes"}).find("MARKER-Anteckning-ett") != std::string::npos);

  // Removing Bo: a new key he never gets; Anna's next note stays away from him.
  admin.ok({"case", "restrict", case_id, "--staff", anna_id});
  admin.ok({"sync"});
  anna.ok({"sync"});
  anna.ok({"note", "add", "--visit", visit, "--text", "MARKER-Anteckning-efter"});
  anna.ok({"sync"});
  bo.ok({"sync"});
  CHECK(anna.ok({"list", "notes"}).find("MARKER-Anteckning-efter") != std::string::npos);
  CHECK_FALSE(holds(bo, "MARKER-Anteckning-efter"));
  CHECK(bo.run({"show", "case", case_id}).exit_code != 0);

  // What his store still holds from when he was named is no longer shown,
  // and his reads of the case are flagged in the unit manager's review.
  CHECK(bo.ok({"list", "notes"}).find("MARKER-Anteckning-ett") == std::string::npos);
  bo.ok({"sync"});
  admin.ok({"sync"});
  const auto review = json::parse(admin.ok({"log", "review", "--month", NoonTimeZone::month(), "--json"}));
  bool bo_flagged = false;
  for (const auto& a : review["anomalies"]) {
    if (a["case"] != case_id) continue;
    const auto& why = a["why"];
    const bool not_named = std::find(why.begin(), why.end(), "restricted_not_named") != why.end();
    if (a["by"]["name"] == "Bo Ek") bo_flagged = bo_flagged || not_named;
    if (a["by"]["name"] == "Anna Lind") CHECK_FALSE(not_named);  // named all along
  }
  INFO(review.dump());
  CHECK(bo_flagged);
}
