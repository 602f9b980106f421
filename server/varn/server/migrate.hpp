#pragma once
//! `varn-server migrate --from DIR --to postgresql://...`: copies every unit
//! of a SQLite data directory (history, registry, key copies, codes,
//! pending enrolments, device activity) into PostgreSQL in one transaction,
//! checks every envelope and registry entry read back from PostgreSQL
//! against the source before committing, and refuses while a varn-server
//! serves the directory (its lock file is held for the whole copy).

#include <filesystem>
#include <string>

namespace varn::server {

//! Returns the process exit code; prints what it copied and verified.
int migrate_to_postgresql(const std::filesystem::path& from, const std::string& to);

}  // namespace varn::server
