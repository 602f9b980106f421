// Schema migrations: a store written by an older build opens with nothing
// lost. v1 -> v2 re-keys op_log by the field it changes; v2 -> v3 keeps
// received envelopes in chunks and lets op_log leave a winner's value out.
#include <catch2/catch.hpp>

#include "store_fixture.hpp"
#include "varn/crypto/device_identity.hpp"
#include "varn/crypto/secret_buffer.hpp"
#include "varn/store/database.hpp"
#include "varn/store/merge_writer.hpp"
#include "varn/store/schema.hpp"
#include "varn/wire/envelope.hpp"

using namespace varn;

namespace {

std::int64_t count(store::Database& db, const char* sql) {
  auto q = db.prepare(sql);
  REQUIRE(q);
  auto row = q->step();
  REQUIRE(row);
  REQUIRE(*row);
  return q->int64(0);
}

}  // namespace

TEST_CASE("a v1 store's op log survives the v2 migration and still deduplicates", "[store][schema]") {
  test::ScratchDir dir;
  const auto key = crypto::SecretBuffer::random(32);
  auto db = store::Database::open(dir.file("old.db"), key, true);
  REQUIRE(db);
  REQUIRE(store::migrate_up_to(**db, 1));
  REQUIRE(store::stored_schema_version(**db).value() == 1);

  model::Op op{model::EntityKind::note, model::EntityId{1, 2, 3}, "body", "Anteckning från v1",
               model::Hlc::from_parts(1'700'000'000'000, 0), crypto::DeviceId{9}};
  {
    auto insert = (*db)->prepare(
        "INSERT INTO op_log(hash, kind, id, field, value, hlc, device, verdict) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    REQUIRE(insert);
    insert->bind(1, store::op_digest(op)).bind(2, std::int64_t{4}).bind(3, op.id).bind(4, op.field);
    insert->bind(5, op.value).bind(6, static_cast<std::int64_t>(op.hlc.packed)).bind(7, op.device).bind(8, std::int64_t{1});
    REQUIRE(insert->run());
  }
  CHECK(count(**db, "SELECT count(*) FROM sqlite_master WHERE name = 'op_log_by_target'") == 1);

  REQUIRE(store::migrate(**db));
  CHECK(store::stored_schema_version(**db).value() == store::latest_schema_version());
  CHECK(count(**db, "SELECT count(*) FROM op_log") == 1);
  CHECK(count(**db, "SELECT count(*) FROM sqlite_master WHERE name = 'op_log_by_target'") == 0);
  auto value = (*db)->prepare("SELECT value FROM op_log WHERE kind = 4 AND field = 'body'");
  REQUIRE(value);
  REQUIRE(value->step().value());
  CHECK(value->text(0) == "Anteckning från v1");

  // The same op arriving again is recognised through the new key.
  auto tx = (*db)->begin();
  REQUIRE(tx);
  store::Merger merger(**db);
  auto verdict = merger.merge(op);
  REQUIRE(verdict);
  CHECK(*verdict == model::Verdict::duplicate);
  REQUIRE(merger.finish());
  REQUIRE(tx->commit());
  CHECK(count(**db, "SELECT count(*) FROM op_log") == 1);
}

TEST_CASE("a v2 store's received envelopes, their authors' numbers and op values survive the v3 migration", "[store][schema]") {
  test::ScratchDir dir;
  const auto key = crypto::SecretBuffer::random(32);
  auto db = store::Database::open(dir.file("old.db"), key, true);
  REQUIRE(db);
  REQUIRE(store::migrate_up_to(**db, 2));
  // One real envelope (author sequence 7) and one v2 kept that does not decode.
  const auto author = crypto::DeviceIdentity::generate();
  wire::SealParams params;
  params.epoch = 1;
  params.seq = 7;
  auto sealed = wire::seal_envelope(params, crypto::SecretBuffer::random(32), author.signing(), as_bytes("ops"));
  REQUIRE(sealed);
  const std::vector<std::string> envelopes = {std::string(sealed->begin(), sealed->end()), "not an envelope"};
  for (std::size_t i = 0; i < envelopes.size(); ++i) {
    auto insert = (*db)->prepare(
        "INSERT INTO received_changeset(id, server_seq, author, class, envelope, refused) VALUES(?, ?, ?, 0, ?, 0)");
    REQUIRE(insert);
    insert->bind(1, model::EntityId{static_cast<std::uint8_t>(i + 1)}).bind(2, static_cast<std::int64_t>(i + 5));
    insert->bind(3, author.device_id()).bind(4, as_bytes(envelopes[i]));
    REQUIRE(insert->run());
  }
  REQUIRE((*db)->exec("INSERT INTO op_log VALUES(4, x'01', 'body', x'02', 'kept text', 1, x'09', 1)"));

  REQUIRE(store::migrate(**db));
  CHECK(store::stored_schema_version(**db).value() == store::latest_schema_version());
  auto held = (*db)->prepare(
      "SELECT server_seq, substr(e.bytes, r.envelope_at + 1, r.envelope_size) FROM received_changeset r "
      "JOIN received_envelopes e ON e.chunk = r.envelope_chunk ORDER BY server_seq");
  REQUIRE(held);
  for (std::size_t i = 0; i < envelopes.size(); ++i) {
    REQUIRE(held->step().value());
    CHECK(held->int64(0) == static_cast<std::int64_t>(i + 5));
    const auto bytes = held->blob(1);
    CHECK(std::string(bytes.begin(), bytes.end()) == envelopes[i]);
  }
  CHECK_FALSE(held->step().value());
  CHECK(count(**db, "SELECT count(*) FROM received_changeset WHERE server_seq = 5 AND author_seq = 7") == 1);
  CHECK(count(**db, "SELECT count(*) FROM received_changeset WHERE server_seq = 6 AND author_seq IS NULL") == 1);
  auto value = (*db)->prepare("SELECT value FROM op_log WHERE field = 'body'");
  REQUIRE(value);
  REQUIRE(value->step().value());
  CHECK(value->text(0) == "kept text");
}

TEST_CASE("a winner a v2 store kept in both tables is displaced cleanly after v3", "[store][schema]") {
  test::ScratchDir dir;
  const auto key = crypto::SecretBuffer::random(32);
  auto db = store::Database::open(dir.file("old.db"), key, true);
  REQUIRE(db);
  REQUIRE(store::migrate_up_to(**db, 2));
  const model::Op old_op{model::EntityKind::person, model::EntityId{4}, "name", "Gammalt namn",
                         model::Hlc::from_parts(1'700'000'000'000, 0), crypto::DeviceId{9}};
  // As v2 wrote it: the winner in op_log and in field_value.
  {
    auto log = (*db)->prepare(
        "INSERT INTO op_log(hash, kind, id, field, value, hlc, device, verdict) VALUES(?, 1, ?, 'name', ?, ?, ?, 1)");
    REQUIRE(log);
    log->bind(1, store::op_digest(old_op)).bind(2, old_op.id).bind(3, old_op.value);
    log->bind(4, static_cast<std::int64_t>(old_op.hlc.packed)).bind(5, old_op.device);
    REQUIRE(log->run());
    auto winner = (*db)->prepare("INSERT INTO field_value(kind, id, field, value, hlc, device) VALUES(1, ?, 'name', ?, ?, ?)");
    REQUIRE(winner);
    winner->bind(1, old_op.id).bind(2, old_op.value).bind(3, static_cast<std::int64_t>(old_op.hlc.packed));
    winner->bind(4, old_op.device);
    REQUIRE(winner->run());
  }
  REQUIRE(store::migrate(**db));

  auto newer = old_op;
  newer.value = "Nytt namn";
  newer.hlc = model::Hlc::from_parts(1'700'000'000'001, 0);
  auto tx = (*db)->begin();
  REQUIRE(tx);
  store::Merger merger(**db);
  CHECK(merger.merge(old_op).value() == model::Verdict::duplicate);
  CHECK(merger.merge(newer).value() == model::Verdict::apply);
  REQUIRE(merger.finish());
  REQUIRE(tx->commit());
  CHECK(count(**db, "SELECT count(*) FROM op_log") == 1);  // the old winner, not twice
  CHECK(count(**db, "SELECT count(*) FROM field_value WHERE value = 'Nytt namn'") == 1);
}
