#include "varn/store/queries.hpp"

#include "varn/model/domain.hpp"
#include "varn/model/reference_replica.hpp"
#include "varn/store/database.hpp"
#include "varn/store/merge_writer.hpp"

namespace varn::store {

Result<std::optional<std::string>> stored_field(Database& db, model::EntityKind kind, const model::EntityId& id,
                                                std::string_view field) {
  auto q = db.prepare("SELECT value FROM field_value WHERE kind = ? AND id = ? AND field = ?");
  if (!q) return q.error();
  q->bind(1, static_cast<std::int64_t>(kind)).bind(2, id).bind(3, field);
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>{};
  return std::optional<std::string>(q->text(0));
}

Result<std::optional<model::Op>> stored_op(Database& db, model::EntityKind kind, const model::EntityId& id,
                                           std::string_view field) {
  auto q = db.prepare("SELECT value, hlc, device FROM field_value WHERE kind = ? AND id = ? AND field = ?");
  if (!q) return q.error();
  q->bind(1, static_cast<std::int64_t>(kind)).bind(2, id).bind(3, field);
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return std::optional<model::Op>{};
  return std::optional<model::Op>(
      model::Op{kind, id, std::string(field), q->text(0), model::Hlc{q->uint64(1)}, q->array<16>(2)});
}

Result<std::optional<std::string>> visible_field(Database& db, model::EntityKind kind, const model::EntityId& id,
                                                 std::string_view field) {
  if (kind == model::EntityKind::note) {
    auto sign = load_note_sign(db, id);
    if (!sign) return sign.error();
    if (*sign) return model::snapshot_field((*sign)->value, field);
  }
  return stored_field(db, kind, id, field);
}

Result<bool> entity_exists(Database& db, model::EntityKind kind, const model::EntityId& id) {
  // Every op merged is a field winner or in op_log (a sign, a loser).
  auto q = db.prepare(
      "SELECT EXISTS(SELECT 1 FROM field_value WHERE kind = ?1 AND id = ?2) "
      "OR EXISTS(SELECT 1 FROM op_log WHERE kind = ?1 AND id = ?2)");
  if (!q) return q.error();
  q->bind(1, static_cast<std::int64_t>(kind)).bind(2, id);
  auto row = q->step();
  if (!row) return row.error();
  return *row && q->int64(0) != 0;
}

Result<std::vector<model::EntityId>> referring(Database& db, model::EntityKind kind, std::string_view field,
                                               const model::EntityId& target) {
  auto q = db.prepare(
      "SELECT id FROM field_value WHERE ref = ? AND kind = ? AND field = ? ORDER BY hlc, device, id");
  if (!q) return q.error();
  q->bind(1, target).bind(2, static_cast<std::int64_t>(kind)).bind(3, field);
  std::vector<model::EntityId> out;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(q->array<16>(0));
  }
}

Result<std::vector<model::EntityId>> ids_with_field(Database& db, model::EntityKind kind, std::string_view field) {
  auto q = db.prepare("SELECT id FROM field_value WHERE kind = ? AND field = ? ORDER BY id");
  if (!q) return q.error();
  q->bind(1, static_cast<std::int64_t>(kind)).bind(2, field);
  std::vector<model::EntityId> out;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(q->array<16>(0));
  }
}

Result<bool> place_kept(Database& db, const model::EntityId& case_id, const std::string& kind) {
  if (kind != "home") return true;
  auto person = stored_field(db, model::EntityKind::case_file, case_id, model::domain::kCasePerson);
  if (!person) return person.error();
  auto person_id = *person ? array_from_hex<16>(**person) : std::nullopt;
  if (!person_id) return true;
  auto level = stored_field(db, model::EntityKind::person, *person_id, model::domain::kPersonProtection);
  if (!level) return level.error();
  return *level != std::optional<std::string>(std::string(model::domain::kProtectedRegistration));
}

}  // namespace varn::store
