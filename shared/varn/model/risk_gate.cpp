#include "varn/model/risk_gate.hpp"

namespace varn::model {

bool lone_visit_needs_override(const VisitRisk& risk, std::string_view kind, bool two_staff) {
  return risk.flagged() && kind == "home" && !two_staff;
}

}  // namespace varn::model
