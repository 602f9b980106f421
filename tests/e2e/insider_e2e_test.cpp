// The insider: a colleague with a valid, enrolled worker device who writes
// change sets with the core's own codec and the device's own keys instead
// of going through varn-cli (which refuses these locally). Every other
// replica (real varn-cli devices against the real server) keeps the
// original text, author, signature and review, and lists the insider's
// change as refused, naming its author.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core_device.hpp"
#include "varn/crypto/random.hpp"
#include "varn/model/change_set_codec.hpp"
#include "varn/model/domain.hpp"
#include "varn/sync/api_client.hpp"

using namespace varn;
using namespace varn::test;
using nlohmann::json;

namespace {

// The insider's device: enrolled like any other, then writing by hand.
struct Insider {
  CoreDevice device;
  std::uint64_t seq = 0;
  crypto::Hash32 prev{};

  // Seals `ops` as the next change set of this device's chain and pushes it.
  void push(sync::HttpExecutor& http, const std::vector<model::Op>& ops) {
    auto me = device.context.identity();
    REQUIRE(me.ok());
    const auto epoch = static_cast<std::uint32_t>(std::stoul(device.vault.setting(sync::settings::kCurrentEpoch)->value()));
    auto key = device.vault.epoch_key(epoch);
    REQUIRE(key.ok());
    REQUIRE(key->has_value());
    wire::SealParams p;
    p.unit = device.unit();
    p.epoch = epoch;
    p.seq = ++seq;
    p.prev_hash = prev;
    p.id = crypto::random_array<16>();
    p.registry_seen = std::stoull(device.vault.setting(sync::settings::kRegistryLength)->value());
    auto envelope = wire::seal_envelope(p, **key, (*me)->signing(), model::encode_ops(ops));
    REQUIRE(envelope.ok());
    prev = wire::envelope_hash(*envelope);
    sync::ApiClient api(http, **me);
    auto pushed = api.push(p.unit, {*envelope});
    REQUIRE(pushed.ok());
    REQUIRE_FALSE(pushed->refusal.has_value());  // the server cannot tell: it sees no plaintext
  }
  model::Op op(model::EntityKind kind, const std::string& id_hex, std::string field, std::string value,
               std::uint64_t ms) {
    return model::Op{kind, *array_from_hex<16>(id_hex), std::move(field), std::move(value), model::Hlc::from_parts(ms, 0),
                     device.id()};
  }
};

json note_with(const CliDevice& d, const std::string& id) {
  for (const auto& n : json::parse(d.ok({"list", "notes", "--json"}))) {
    if (n["id"] == id) return n;
  }
  FAIL("note not listed: " << id);
  return {};
}

}  // namespace

TEST_CASE("An insider's crafted change sets cannot sign, rewrite, claim or edit what a colleague wrote",
          "[e2e][insider]") {
  E2eServer server;
  auto admin = server.enrol_admin();
  auto author = server.enrol_device(admin, "author", "worker");
  auto reviewer = server.enrol_device(admin, "reviewer", "reviewer");
  TlsExecutor http(server.url);
  Insider insider;
  auto pending = sync::Enrolment(insider.device.context).enrol(http, std::nullopt);
  REQUIRE(pending.ok());
  admin.ok({"admin", "approve", pending->code, "--fingerprint", pending->fingerprint, "--pairing", pending->pairing,
            "--role", "worker"});
  REQUIRE(insider.device.sync(http).ok());

  // The colleague's work: a draft, a signed and reviewed note, a client's objection.
  const auto person = author.ok({"person", "add", "--name", "Klient K"});
  const auto case_id = author.ok({"case", "open", "--person", person});
  const auto visit = author.ok({"visit", "record", "--case", case_id, "--kind", "separate", "--partner-present", "no"});
  const auto draft = author.ok({"note", "add", "--visit", visit, "--text", "Utkast av kollegan"});
  const auto signed_note = author.ok({"note", "add", "--visit", visit, "--text", "Undertecknad text"});
  author.ok({"note", "sign", signed_note});
  const auto objection = author.ok({"note", "addendum", signed_note, "--kind", "objection", "--text", "Klientens invändning"});
  author.ok({"sync"});
  reviewer.ok({"sync"});
  reviewer.ok({"note", "signoff", signed_note});
  reviewer.ok({"sync"});
  author.ok({"sync"});
  REQUIRE(insider.device.sync(http).ok());
  const auto before = note_with(author, signed_note);
  REQUIRE(before["reviewed"] == true);
  const std::uint64_t now = before["written_ms"].get<std::uint64_t>() + 60'000;

  using K = model::EntityKind;
  namespace f = model::fields;
  // (a) signing the colleague's draft with its own text
  insider.push(http, {insider.op(K::note, draft, std::string(f::kSigned), json{{"body", "Insiderns text"}}.dump(), now)});
  // (b) rewriting the signed, reviewed note (stamped before the signing, and after)
  insider.push(http, {insider.op(K::note, signed_note, "body", "Omskriven", now)});
  insider.push(http, {insider.op(K::note, signed_note, "body", "Bakdaterad", 1000)});
  // (c) taking the credit for the draft with an earlier creation
  insider.push(http, {insider.op(K::note, draft, std::string(f::kCreated), to_hex(insider.device.id()), 1000)});
  // (d) rewriting the client's objection
  insider.push(http, {insider.op(K::addendum, objection, "text", "Ändrad invändning", now)});

  for (const auto* replica : {&author, &reviewer, &admin}) {
    INFO(replica->store);
    replica->ok({"sync"});
    const auto d = note_with(*replica, draft);
    CHECK(d["body"] == "Utkast av kollegan");
    CHECK(d["signed"] == false);
    CHECK(d["author"] == before["author"]);
    const auto s = note_with(*replica, signed_note);
    CHECK(s["body"] == "Undertecknad text");
    CHECK(s["signed"] == true);
    CHECK(s["reviewed"] == true);
    CHECK(s["author"] == before["author"]);
    REQUIRE(s["addenda"].size() == 1);
    CHECK(s["addenda"][0]["text"] == "Klientens invändning");
    std::size_t refused = 0;
    for (const auto& c : json::parse(replica->ok({"list", "conflicts", "--json"}))) {
      if (c["author"] == to_hex(insider.device.id())) {
        ++refused;
        const auto reason = c["reason"].get<std::string>();
        CHECK((reason.find("only its author") != std::string::npos ||
               reason.find("another device created") != std::string::npos));
      }
    }
    CHECK(refused == 5);  // every one of them, listed with its author and why
  }
  author.ok({"note", "add", "--visit", visit, "--text", "Livet går vidare"});  // and the unit syncs on
  author.ok({"sync"});
}
