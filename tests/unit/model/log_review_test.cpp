// The monthly access-log review: the month by the local calendar, the
// anomalies (night, unknown reader) and a sample nobody picks.
#include "varn/model/log_review.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace varn;
using model::LogAnomaly;
using model::LogRead;

namespace {

// A calendar for the test: unix seconds 0..9999 are November 2026, later
// ones December; the hour is the seconds modulo 24.
model::LocalTime calendar(std::uint64_t unix) {
  return {2026, unix < 10000 ? 11 : 12, static_cast<int>(unix % 24)};
}

LogRead read_at(std::uint64_t unix, std::uint8_t id, const std::string& device = "known") {
  LogRead r;
  r.entry[0] = id;
  r.case_id[0] = static_cast<std::uint8_t>(id % 3);
  r.device = device;
  r.at_unix = unix;
  r.action = "read_notes";
  return r;
}

const model::ReaderFacts known{[](const std::string& device) { return device == "known"; }, {}, {}};

}  // namespace

TEST_CASE("log review: only the month's reads, with reads at night and by unknown devices flagged",
          "[model][log-review]") {
  const std::vector<LogRead> reads{read_at(10, 1),             // November, 10:00
                                   read_at(23, 2),             // November, 23:00: night
                                   read_at(5, 3),              // November, 05:00: night
                                   read_at(14, 4, "stranger"), // November, by a device no one is named for
                                   read_at(10014, 5)};         // December, 06:00
  auto review = model::review_month(reads, "2026-11", calendar, known);
  REQUIRE(review);
  CHECK(review->month == "2026-11");
  CHECK(review->reads == 4);
  CHECK(review->sample.size() == 4);
  REQUIRE(review->anomalies.size() == 3);
  CHECK(review->anomalies[0].read.entry[0] == 3);  // oldest first
  CHECK(review->anomalies[0].why == std::vector{LogAnomaly::at_night});
  CHECK(review->anomalies[1].read.entry[0] == 4);
  CHECK(review->anomalies[1].why == std::vector{LogAnomaly::unknown_reader});
  CHECK(review->anomalies[2].read.entry[0] == 2);
  CHECK(model::to_string(LogAnomaly::at_night) == "at_night");

  auto december = model::review_month(reads, "2026-12", calendar, known);
  REQUIRE(december);
  CHECK(december->reads == 1);
  CHECK(december->anomalies.empty());
  for (const char* bad : {"2026-13", "2026-1", "26-11", "2026/11", "", "2026-00", "abcd-ef"}) {
    CHECK_FALSE(model::review_month(reads, bad, calendar, known));
  }
}

TEST_CASE("log review: the sample is ten reads, the same whatever order the reads come in, and another month's "
          "sample is another",
          "[model][log-review]") {
  std::vector<LogRead> reads;
  for (std::uint8_t i = 0; i < 60; ++i) reads.push_back(read_at(10 + 24u * i, i));
  auto first = model::review_month(reads, "2026-11", calendar, known);
  REQUIRE(first);
  REQUIRE(first->sample.size() == model::kLogSampleSize);
  std::reverse(reads.begin(), reads.end());
  auto again = model::review_month(reads, "2026-11", calendar, known);
  REQUIRE(again);
  std::vector<std::uint8_t> a, b;
  for (const auto& r : first->sample) a.push_back(r.entry[0]);
  for (const auto& r : again->sample) b.push_back(r.entry[0]);
  CHECK(a == b);
  CHECK(std::set<std::uint8_t>(a.begin(), a.end()).size() == model::kLogSampleSize);
  // Not simply the first or last ten.
  std::vector<std::uint8_t> sorted = a;
  std::sort(sorted.begin(), sorted.end());
  CHECK(sorted != std::vector<std::uint8_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  CHECK(sorted != std::vector<std::uint8_t>{50, 51, 52, 53, 54, 55, 56, 57, 58, 59});
}

TEST_CASE("log review: a read of a restricted case by a device its restriction does not name is flagged",
          "[model][log-review]") {
  const std::vector<LogRead> reads{read_at(10, 1, "known"), read_at(11, 2, "known")};
  model::ReaderFacts facts = known;
  facts.restricted_not_named = [](const LogRead& r) { return r.entry[0] == 2; };
  auto review = model::review_month(reads, "2026-11", calendar, facts);
  REQUIRE(review);
  REQUIRE(review->anomalies.size() == 1);
  CHECK(review->anomalies[0].read.entry[0] == 2);
  CHECK(review->anomalies[0].why == std::vector{LogAnomaly::restricted_not_named});
  CHECK(model::to_string(LogAnomaly::restricted_not_named) == "restricted_not_named");
}
