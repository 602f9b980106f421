#include "varn/server/migrate.hpp"

#include <cstdio>
#include <map>

#include "varn/registry/checkpoint.hpp"
#include "varn/registry/entry.hpp"
#include "varn/server/pg_storage.hpp"
#include "varn/server/sqlite_storage.hpp"
#include "varn/server/storage_open.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::server {
namespace {

//! A table and its columns, each 'b' (blob/bytea), 'i' (integer/int8) or 't' (text).
struct Table {
  const char* name;
  std::vector<std::pair<const char*, char>> columns;
};

// In an order that satisfies the foreign keys (unit_codes names units).
const std::vector<Table>& tables() {
  static const std::vector<Table> t = {
      {"units", {{"id", 'b'}, {"label", 't'}, {"current_epoch", 'i'}, {"head", 'i'}, {"log_hash", 'b'},
                 {"registry_length", 'i'}, {"registry_head", 'b'}, {"bytes", 'i'}}},
      {"unit_codes", {{"code_hash", 'b'}, {"unit", 'b'}, {"used_by", 'b'}, {"used_by_bundle", 'b'}}},
      {"unit_members", {{"device", 'b'}, {"unit", 'b'}}},
      {"device_activity", {{"device", 'b'}, {"last_seen", 'i'}, {"wiped_at", 'i'}}},
      {"pending_enrolments", {{"code", 't'}, {"device", 'b'}, {"bundle", 'b'}, {"requested_at", 'i'}, {"peer", 't'}, {"unit_hint", 't'}}},
      {"wrapped_keys", {{"unit", 'b'}, {"device", 'b'}, {"epoch", 'i'}, {"wrapped", 'b'}}},
      {"changesets", {{"unit", 'b'}, {"seq", 'i'}, {"id", 'b'}, {"author", 'b'}, {"author_seq", 'i'}, {"hash", 'b'},
                      {"log_hash", 'b'}, {"bytes", 'b'}}},
      {"author_heads", {{"unit", 'b'}, {"device", 'b'}, {"seq", 'i'}, {"hash", 'b'}, {"registry_seen", 'i'},
                        {"bytes", 'i'}}},
      {"authority_floors", {{"unit", 'b'}, {"device", 'b'}, {"idx", 'i'}, {"head_seq", 'i'}}},
      {"registry_entries", {{"unit", 'b'}, {"idx", 'i'}, {"hash", 'b'}, {"bytes", 'b'}}},
      {"rotation_copies", {{"unit", 'b'}, {"epoch", 'i'}, {"device", 'b'}, {"wrapped", 'b'}}},
  };
  return t;
}

Result<std::uint64_t> copy_table(SqliteDb& from, PgConn& to, const Table& t) {
  std::string cols, marks;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    cols += (i ? ", " : "") + std::string(t.columns[i].first);
    marks += (i ? ", $" : "$") + std::to_string(i + 1);
  }
  auto read = from.prepare("SELECT " + cols + " FROM " + t.name);
  if (!read) return read.error();
  const std::string insert = "INSERT INTO " + std::string(t.name) + " (" + cols + ") VALUES (" + marks + ")";
  std::uint64_t rows = 0;
  for (;;) {
    auto row = read->step();
    if (!row) return row.error();
    if (!*row) return rows;
    PgParams p;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const int c = static_cast<int>(i);
      const char kind = t.columns[i].second;
      if (read->is_null(c)) {
        p.add_null(kind);
      } else if (kind == 'i') {
        p.add(read->int64(c));
      } else if (kind == 't') {
        p.add(std::string_view(read->text(c)));
      } else {
        p.add(ByteView(read->blob(c)));
      }
    }
    if (auto w = to.exec(insert.c_str(), p); !w) return w.error();
    ++rows;
  }
}

struct Verified {
  std::uint64_t changesets = 0;
  std::uint64_t entries = 0;
};

//! Reads each unit back from PostgreSQL (inside the copying transaction)
//! and checks it against the source and against itself: every envelope's
//! bytes and hash, the running log hash at each one and at the head, every
//! registry entry's bytes, hash and link to the one before.
Result<Verified> verify(SqliteDb& from, PgConn& to) {
  Verified v;
  auto units = from.prepare("SELECT id, head, log_hash, registry_length, registry_head FROM units ORDER BY id");
  if (!units) return units.error();
  for (;;) {
    auto row = units->step();
    if (!row) return row.error();
    if (!*row) return v;
    const Bytes unit = units->blob(0);
    const auto head = static_cast<std::uint64_t>(units->int64(1));
    const Bytes log_at_head = units->blob(2);
    const auto length = static_cast<std::uint64_t>(units->int64(3));
    const Bytes registry_head = units->blob(4);
    auto src = from.prepare("SELECT seq, hash, bytes FROM changesets WHERE unit = ? ORDER BY seq");
    if (!src) return src.error();
    src->bind(1, ByteView(unit));
    auto got = to.exec("SELECT seq, hash, log_hash, bytes FROM changesets WHERE unit = $1 ORDER BY seq",
                       PgParams().add(ByteView(unit)));
    if (!got) return got.error();
    crypto::Hash32 log{};
    int i = 0;
    for (;; ++i) {
      auto s = src->step();
      if (!s) return s.error();
      if (!*s) break;
      if (i >= got->rows()) return make_error(Errc::corrupt, "migrate: a change set is missing after the copy");
      const auto seq = static_cast<std::uint64_t>(got->int64(i, 0));
      const Bytes bytes = got->blob(i, 3);
      const auto hash = wire::envelope_hash(bytes);
      if (seq != static_cast<std::uint64_t>(i + 1) || seq != static_cast<std::uint64_t>(src->int64(0)) ||
          bytes != src->blob(2) || got->blob(i, 1) != Bytes(hash.begin(), hash.end()) || src->blob(1) != got->blob(i, 1)) {
        return make_error(Errc::corrupt, "migrate: change set " + std::to_string(seq) + " differs after the copy");
      }
      log = registry::next_log_hash(log, seq, hash);
      if (got->blob(i, 2) != Bytes(log.begin(), log.end())) {
        return make_error(Errc::corrupt, "migrate: the log hash at " + std::to_string(seq) + " does not follow");
      }
      ++v.changesets;
    }
    if (i != got->rows() || static_cast<std::uint64_t>(i) != head || Bytes(log.begin(), log.end()) != log_at_head) {
      return make_error(Errc::corrupt, "migrate: a unit's history does not end at its head after the copy");
    }
    auto entries = to.exec("SELECT idx, hash, bytes FROM registry_entries WHERE unit = $1 ORDER BY idx",
                           PgParams().add(ByteView(unit)));
    if (!entries) return entries.error();
    crypto::Hash32 prev{};
    for (int e = 0; e < entries->rows(); ++e) {
      auto decoded = registry::Entry::decode(entries->blob(e, 2));
      if (!decoded) return make_error(Errc::corrupt, "migrate: a registry entry does not decode after the copy");
      const auto h = registry::entry_hash(*decoded);
      if (static_cast<std::uint64_t>(entries->int64(e, 0)) != static_cast<std::uint64_t>(e) ||
          decoded->index != static_cast<std::uint64_t>(e) || decoded->prev != prev ||
          entries->blob(e, 1) != Bytes(h.begin(), h.end())) {
        return make_error(Errc::corrupt, "migrate: registry entry " + std::to_string(e) + " differs after the copy");
      }
      prev = h;
      ++v.entries;
    }
    if (static_cast<std::uint64_t>(entries->rows()) != length ||
        (length > 0 && Bytes(prev.begin(), prev.end()) != registry_head)) {
      return make_error(Errc::corrupt, "migrate: a unit's registry does not end at its head after the copy");
    }
  }
}

}  // namespace

int migrate_to_postgresql(const std::filesystem::path& from, const std::string& to) {
  auto fail = [](const Error& e) {
    std::fprintf(stderr, "varn-server migrate: %s\n", e.message.c_str());
    return 1;
  };
  if (!is_postgresql_uri(to)) return fail(make_error(Errc::invalid_argument, "--to wants a postgresql:// URI"));
  if (!std::filesystem::exists(from / "varn.db")) {
    return fail(make_error(Errc::not_found, "no SQLite data directory at " + from.string()));
  }
  // Held until the copy is committed: no server may write the source meanwhile.
  auto lock = DataDirLock::acquire(from);
  if (!lock) return fail(lock.error());
  {
    auto checked = SqliteStorage::open(from / "varn.db");  // the source's format is one this build reads
    if (!checked) return fail(checked.error());
    (*checked)->close();
  }
  {
    auto schema = PgStorage::open(to, 1);  // the target's schema, migrated
    if (!schema) return fail(schema.error());
    (*schema)->close();
  }
  auto source = SqliteDb::open(from / "varn.db", true);
  if (!source) return fail(source.error());
  auto target = PgConn::connect(to);
  if (!target) return fail(target.error());
  SqliteDb& src = **source;
  PgConn& dst = **target;
  if (auto b = src.exec("BEGIN"); !b) return fail(b.error());
  if (auto b = dst.exec("BEGIN"); !b) return fail(b.error());
  std::map<std::string, std::uint64_t> copied;
  for (const auto& t : tables()) {
    auto n = copy_table(src, dst, t);
    if (!n) {
      (void)dst.exec("ROLLBACK");
      // A unit id or change-set id the target holds already: nothing is copied.
      return fail(n.error());
    }
    copied[t.name] = *n;
  }
  auto verified = verify(src, dst);
  if (!verified) {
    (void)dst.exec("ROLLBACK");
    return fail(verified.error());
  }
  if (auto c = dst.exec("COMMIT"); !c) return fail(c.error());
  (void)src.exec("COMMIT");
  std::printf("units: %llu\nchangesets: %llu verified\nregistry entries: %llu verified\n",
              static_cast<unsigned long long>(copied["units"]), static_cast<unsigned long long>(verified->changesets),
              static_cast<unsigned long long>(verified->entries));
  std::fflush(stdout);
  return 0;
}

}  // namespace varn::server
