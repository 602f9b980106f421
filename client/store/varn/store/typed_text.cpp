#include "varn/store/typed_text.hpp"

#include "varn/store/database.hpp"

namespace varn::store {

Result<void> keep_typed_text(Database& db, std::string_view slot, std::string_view text) {
  if (text.empty()) return forget_typed_text(db, slot);
  // A counter, not a clock: "the latest" must not depend on the wall time.
  auto q = db.prepare(
      "INSERT OR REPLACE INTO typed_text(slot, text, typed_order) "
      "VALUES(?, ?, (SELECT coalesce(max(typed_order), 0) + 1 FROM typed_text))");
  if (!q) return q.error();
  q->bind(1, slot).bind(2, text);
  return q->run();
}

Result<std::optional<std::string>> typed_text(Database& db, std::string_view slot) {
  auto q = db.prepare("SELECT text FROM typed_text WHERE slot = ?");
  if (!q) return q.error();
  q->bind(1, slot);
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>{};
  return std::optional<std::string>(q->text(0));
}

Result<void> forget_typed_text(Database& db, std::string_view slot) {
  auto q = db.prepare("DELETE FROM typed_text WHERE slot = ?");
  if (!q) return q.error();
  q->bind(1, slot);
  return q->run();
}

Result<std::optional<TypedText>> latest_typed_text(Database& db) {
  auto q = db.prepare("SELECT slot, text FROM typed_text ORDER BY typed_order DESC LIMIT 1");
  if (!q) return q.error();
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return std::optional<TypedText>{};
  return std::optional<TypedText>(TypedText{q->text(0), q->text(1)});
}

}  // namespace varn::store
