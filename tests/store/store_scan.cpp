#include "store_scan.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "varn/store/database.hpp"

namespace varn::test {

bool store_holds(store::LocalStore& s, std::string_view text) {
  auto& db = s.database();
  std::vector<std::string> tables;
  {
    auto q = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
    REQUIRE(q);
    while (*q->step()) tables.push_back(q->text(0));
  }
  for (const auto& t : tables) {
    std::vector<std::string> columns;
    const std::string info = "PRAGMA table_info(" + t + ")";
    auto q = db.prepare(info.c_str());
    REQUIRE(q);
    while (*q->step()) columns.push_back(q->text(1));
    for (const auto& c : columns) {
      const std::string sql = "SELECT " + c + " FROM " + t;
      auto rows = db.prepare(sql.c_str());
      REQUIRE(rows);
      while (*rows->step()) {
        const ByteView v = rows->blob_view(0);
        const ByteView needle = as_bytes(text);
        if (std::search(v.begin(), v.end(), needle.begin(), needle.end()) != v.end()) return true;
      }
    }
  }
  return false;
}

}  // namespace varn::test
