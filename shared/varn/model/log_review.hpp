#pragma once
//! The unit manager's monthly review of the access log: which reads fall in
//! the month, a sample to look at, and the reads that need a look whatever
//! the sample. One rule for varn-cli and the app; the store feeds it the
//! reads and the local calendar.
//!
//! - A read is in month "YYYY-MM" by this device's local calendar.
//! - Anomalies: a read at night (22:00 to 05:59 local time), a read by a
//!   device no staff member is named for, and a read outside the reader's
//!   caseload (model/caseload.hpp: a worker's device reading a case its
//!   person is not responsible for), and a read of a restricted case by a
//!   device whose person its restriction does not name now
//!   (model/case_vault.hpp).
//! - The sample is kLogSampleSize reads of the month (all when fewer),
//!   ordered by BLAKE2b of the month and the entry id: every reviewer of the
//!   unit sees the same sample, and nobody picks which reads it holds.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "varn/model/operation.hpp"

namespace varn::model {

inline constexpr std::size_t kLogSampleSize = 10;

struct LogRead {
  EntityId entry{};   //!< the access-log entry's id
  EntityId case_id{};
  std::string device;  //!< hex of the device that signed it
  std::uint64_t at_unix = 0;
  std::string action;
};

enum class LogAnomaly : std::uint8_t { at_night, unknown_reader, outside_caseload, restricted_not_named };
//! "at_night", "unknown_reader", "outside_caseload", "restricted_not_named"
[[nodiscard]] std::string_view to_string(LogAnomaly anomaly);

struct FlaggedRead {
  LogRead read;
  std::vector<LogAnomaly> why;
};

struct MonthReview {
  std::string month;                  //!< "YYYY-MM"
  std::size_t reads = 0;              //!< reads in the month
  std::vector<LogRead> sample;        //!< in sample order
  std::vector<FlaggedRead> anomalies; //!< oldest first
};

//! A local calendar reading of a unix time.
struct LocalTime {
  int year = 0, month = 0, hour = 0;
};

//! "YYYY-MM" with month 01..12; nullopt otherwise.
[[nodiscard]] std::optional<std::pair<int, int>> parse_month(std::string_view month);

//! What the reviewing device knows of each read's reader.
struct ReaderFacts {
  //! Whether a staff member is named for the device (hex).
  std::function<bool(const std::string&)> known;
  //! Whether the read is outside its reader's caseload (null: never).
  std::function<bool(const LogRead&)> outside_caseload;
  //! Whether the read is of a restricted case that does not name its reader (null: never).
  std::function<bool(const LogRead&)> restricted_not_named;
};

//! `local`: the device's calendar. nullopt when `month` is not "YYYY-MM".
[[nodiscard]] std::optional<MonthReview> review_month(const std::vector<LogRead>& reads, std::string_view month,
                                                      const std::function<LocalTime(std::uint64_t)>& local,
                                                      const ReaderFacts& readers);

}  // namespace varn::model
