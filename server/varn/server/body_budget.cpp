#include "varn/server/body_budget.hpp"

namespace varn::server {

std::shared_ptr<BodyBudget::Lease> BodyBudget::reserve(std::size_t bytes) {
  std::uint64_t used = used_.load();
  do {
    if (bytes > total_ || used > total_ - bytes) return nullptr;
  } while (!used_.compare_exchange_weak(used, used + bytes));
  try {
    return std::make_shared<Lease>(*this, bytes);
  } catch (...) {
    used_.fetch_sub(bytes);
    throw;
  }
}

}  // namespace varn::server
