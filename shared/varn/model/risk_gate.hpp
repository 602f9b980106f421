#pragma once
//! The risk gate before a home visit (R17): a case flagged for threats
//! against staff, or whose latest assessment the worker judged high risk,
//! is not visited at home by one member of staff alone unless a reviewer's
//! override is recorded with the visit. One rule for the app and varn-cli
//! (store::Records::record_visit asks it); it protects the worker, and is
//! no security boundary (a device could skip it, and it writes nothing a
//! colleague could not).

#include <string>
#include <string_view>

namespace varn::model {

struct VisitRisk {
  bool threats_to_staff = false;  //!< the case's flag
  std::string latest_risk;        //!< the latest assessment's judged risk: low, medium, high or ""
  [[nodiscard]] bool flagged() const { return threats_to_staff || latest_risk == "high"; }
};

//! Whether a visit of `kind`, with or without a second member of staff,
//! needs an override to be planned.
[[nodiscard]] bool lone_visit_needs_override(const VisitRisk& risk, std::string_view kind, bool two_staff);

}  // namespace varn::model
