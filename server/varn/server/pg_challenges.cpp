// The PostgreSQL backend's ledger of answered session challenges: one row
// per challenge until it expires, so each opens one session on whichever
// process it is answered.
#include "varn/server/pg_storage.hpp"

namespace varn::server {
namespace {

// Rows are kept this long past their challenge's expiry before any process
// removes them: a process whose clock runs behind another's by less than
// this still finds a replayed challenge spent.
constexpr std::int64_t kClockSkewMs = 5 * 60 * 1000;

}  // namespace

Result<bool> PgStorage::spend(const ChallengeTag& tag, std::int64_t expires_ms, std::int64_t now_ms) {
  bool fresh = false;
  auto done = write([&](PgConn& db) -> Result<bool> {
    auto r = db.exec(
        "WITH expired AS (DELETE FROM spent_challenges WHERE expires_ms < $3) "
        "INSERT INTO spent_challenges (tag, expires_ms) VALUES ($1, $2) ON CONFLICT (tag) DO NOTHING",
        PgParams().add(ByteView(tag)).add(expires_ms).add(now_ms - kClockSkewMs));
    if (!r) return r.error();
    fresh = r->affected() == 1;
    return fresh;  // nothing to commit for a spent one
  });
  if (!done) return done.error();
  return fresh;
}

}  // namespace varn::server
