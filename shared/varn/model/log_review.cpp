#include "varn/model/log_review.hpp"

#include <algorithm>
#include <charconv>

#include "varn/crypto/hash.hpp"

namespace varn::model {

std::string_view to_string(LogAnomaly anomaly) {
  switch (anomaly) {
    case LogAnomaly::at_night: return "at_night";
    case LogAnomaly::unknown_reader: return "unknown_reader";
    case LogAnomaly::outside_caseload: return "outside_caseload";
    case LogAnomaly::restricted_not_named: return "restricted_not_named";
  }
  return "unknown";
}

std::optional<std::pair<int, int>> parse_month(std::string_view month) {
  if (month.size() != 7 || month[4] != '-') return std::nullopt;
  int year = 0, mon = 0;
  const auto y = std::from_chars(month.data(), month.data() + 4, year);
  const auto m = std::from_chars(month.data() + 5, month.data() + 7, mon);
  if (y.ec != std::errc{} || y.ptr != month.data() + 4 || m.ec != std::errc{} || m.ptr != month.data() + 7) {
    return std::nullopt;
  }
  if (year < 1970 || mon < 1 || mon > 12) return std::nullopt;
  return std::pair{year, mon};
}

std::optional<MonthReview> review_month(const std::vector<LogRead>& reads, std::string_view month,
                                        const std::function<LocalTime(std::uint64_t)>& local,
                                        const ReaderFacts& readers) {
  const auto wanted = parse_month(month);
  if (!wanted) return std::nullopt;
  MonthReview review;
  review.month = std::string(month);
  std::vector<std::pair<crypto::Hash32, const LogRead*>> ranked;
  for (const auto& read : reads) {
    const LocalTime t = local(read.at_unix);
    if (t.year != wanted->first || t.month != wanted->second) continue;
    ++review.reads;
    const ByteView month_bytes = as_bytes(month);
    ranked.emplace_back(crypto::labelled_hash("varn/log-sample/v1", {month_bytes, read.entry}), &read);
    FlaggedRead flagged{read, {}};
    if (t.hour >= 22 || t.hour < 6) flagged.why.push_back(LogAnomaly::at_night);
    if (!readers.known || !readers.known(read.device)) flagged.why.push_back(LogAnomaly::unknown_reader);
    if (readers.outside_caseload && readers.outside_caseload(read)) flagged.why.push_back(LogAnomaly::outside_caseload);
    if (readers.restricted_not_named && readers.restricted_not_named(read)) {
      flagged.why.push_back(LogAnomaly::restricted_not_named);
    }
    if (!flagged.why.empty()) review.anomalies.push_back(std::move(flagged));
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < ranked.size() && i < kLogSampleSize; ++i) review.sample.push_back(*ranked[i].second);
  std::stable_sort(review.anomalies.begin(), review.anomalies.end(),
                   [](const FlaggedRead& a, const FlaggedRead& b) { return a.read.at_unix < b.read.at_unix; });
  return review;
}

}  // namespace varn::model
