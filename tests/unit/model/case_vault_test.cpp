// Restricted cases' crypto and codecs (model/case_vault.hpp): what a device
// without the key, a colleague or the server can and cannot do with a blob
// or a key box.
#include <catch2/catch.hpp>

#include "varn/crypto/random.hpp"
#include "varn/model/authority.hpp"
#include "varn/model/case_vault.hpp"
#include "varn/model/change_set_codec.hpp"

using namespace varn;
using namespace varn::model;

namespace {

Op note_op(const crypto::DeviceId& author, std::string body) {
  return Op{EntityKind::note, crypto::random_array<16>(), "body", std::move(body), Hlc{1'700'000'000'000ull << 16},
            author};
}

}  // namespace

TEST_CASE("A sealed case blob opens only with its key and holds its ops exactly", "[model][case_vault]") {
  const auto author = crypto::random_array<16>();
  const EntityId case_id = crypto::random_array<16>();
  const CaseKey key = new_case_key();
  const std::vector<Op> inner = {note_op(author, "Hotad med kniv i köket"), note_op(author, "Barnen sov")};
  auto blob = seal_case_ops(key, case_id, inner, inner[0].hlc, author);
  REQUIRE(blob);
  CHECK(blob->kind == EntityKind::case_sealed);
  CHECK(blob->id == case_id);
  CHECK(blob->value.find("kniv") == std::string::npos);
  CHECK(check_op_limits(*blob));
  REQUIRE(blob_key_id(*blob));
  CHECK(*blob_key_id(*blob) == key.id);

  auto opened = open_case_ops(key.key, *blob);
  REQUIRE(opened);
  CHECK(*opened == inner);

  const CaseKey other = new_case_key();
  CHECK(open_case_ops(other.key, *blob).error().code == Errc::decrypt_failed);
}

TEST_CASE("A case blob moved to another case, claimed by another author or edited does not open",
          "[model][case_vault]") {
  const auto author = crypto::random_array<16>();
  const EntityId case_id = crypto::random_array<16>();
  const CaseKey key = new_case_key();
  auto blob = seal_case_ops(key, case_id, {note_op(author, "text")}, Hlc{1}, author);
  REQUIRE(blob);

  Op moved = *blob;
  moved.id = crypto::random_array<16>();
  CHECK(open_case_ops(key.key, moved).error().code == Errc::decrypt_failed);

  Op claimed = *blob;
  claimed.device = crypto::random_array<16>();
  CHECK(open_case_ops(key.key, claimed).error().code == Errc::decrypt_failed);

  Op renamed = *blob;
  renamed.field = to_hex(crypto::random_array<16>());
  CHECK(open_case_ops(key.key, renamed).error().code == Errc::decrypt_failed);

  auto bytes = from_base64(blob->value);
  REQUIRE(bytes);
  (*bytes)[bytes->size() - 3] ^= 0x01;
  Op edited = *blob;
  edited.value = to_base64(*bytes);
  CHECK(open_case_ops(key.key, edited).error().code == Errc::decrypt_failed);

  Op garbage = *blob;
  garbage.value = "not base64 at all";
  CHECK(open_case_ops(key.key, garbage).error().code == Errc::malformed);
}

TEST_CASE("A key box opens only for its device and only if its key is the one its field names",
          "[model][case_vault]") {
  const auto me = crypto::DeviceIdentity::generate();
  const auto stranger = crypto::DeviceIdentity::generate();
  const EntityId case_id = crypto::random_array<16>();
  const CaseKey key = new_case_key();
  auto box = seal_key_box(key, case_id, me.device_id(), me.box().public_key(), Hlc{1}, stranger.device_id());
  REQUIRE(box);
  CHECK(box->kind == EntityKind::case_key);
  CHECK(box->field == key_box_field(me.device_id(), key.id));
  CHECK(check_op_limits(*box));

  auto opened = open_key_box(me.box(), box->field, box->value);
  REQUIRE(opened);
  CHECK(opened->id == key.id);
  CHECK(opened->key.equals(key.key));

  CHECK(open_key_box(stranger.box(), box->field, box->value).error().code == Errc::decrypt_failed);

  // A colleague seals their own key to me under the genuine key's name: refused.
  const CaseKey forged = new_case_key();
  auto forged_box = seal_key_box(forged, case_id, me.device_id(), me.box().public_key(), Hlc{2}, stranger.device_id());
  REQUIRE(forged_box);
  CHECK(open_key_box(me.box(), box->field, forged_box->value).error().code == Errc::decrypt_failed);
}

TEST_CASE("A restriction names its current key and its staff, and one that does not parse still restricts",
          "[model][case_vault]") {
  const CaseKey key = new_case_key();
  const std::string a(32, 'a'), b(32, 'b');
  auto back = decode_restriction(a + "," + b, to_hex(key.id));
  REQUIRE(back);
  CHECK(back->current == key.id);
  CHECK(back->staff == std::vector<std::string>{a, b});
  CHECK_FALSE(back->broken());
  CHECK_FALSE(decode_restriction(std::nullopt, std::nullopt));  // not restricted
  // Present but unreadable: broken (names nobody), never "not restricted".
  for (const auto& [staff, id] : std::vector<std::pair<std::optional<std::string>, std::optional<std::string>>>{
           {"", to_hex(key.id)}, {a, "zz"}, {a, std::nullopt}, {std::nullopt, to_hex(key.id)}, {"nonsense", to_hex(key.id)}}) {
    auto broken = decode_restriction(staff, id);
    REQUIRE(broken);
    CHECK(broken->broken());
  }
}

TEST_CASE("Only a reviewer or an admin restricts a case, on every replica", "[model][case_vault][authority]") {
  const auto author = crypto::random_array<16>();
  const EntityId case_id = crypto::random_array<16>();
  for (const auto& [field, value] : {std::pair{std::string(kCaseRestriction), std::string(32, 'a')},
                                     std::pair{std::string(kCaseRestrictionKey), to_hex(new_case_key().id)}}) {
    const Op restrict_op{EntityKind::case_file, case_id, field, value, Hlc{1}, author};
    CAPTURE(field);
    CHECK(check_authority({restrict_op}, author, registry::Role::worker, 1000).verdict == AuthorityVerdict::refused);
    CHECK(check_authority({restrict_op}, author, std::nullopt, 1000).verdict == AuthorityVerdict::refused);
    CHECK(check_authority({restrict_op}, author, registry::Role::reviewer, 1000).verdict == AuthorityVerdict::allowed);
    CHECK(check_authority({restrict_op}, author, registry::Role::admin, 1000).verdict == AuthorityVerdict::allowed);
    CHECK(is_vault_envelope_op(restrict_op));
    CHECK(class_allows(wire::ChangeSetClass::review, restrict_op));
    CHECK(class_allows(wire::ChangeSetClass::field_work, restrict_op));
  }
}
