#pragma once
//! The canonical state computed straight from a SET of ops, written
//! independently of merge.cpp / reference_replica.cpp, so the convergence
//! test also catches a replica that is consistently wrong everywhere.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "varn/model/operation.hpp"
#include "varn/model/reference_replica.hpp"

namespace varn::model::test {

inline auto time_key(const Op& op) { return std::tie(op.hlc, op.device, op.field, op.value); }

class Oracle {
 public:
  explicit Oracle(const std::vector<Op>& ops) {
    std::set<std::tuple<EntityKind, EntityId, std::string, Hlc, crypto::DeviceId, std::string>> distinct;
    for (const Op& op : ops) {
      if (distinct.emplace(op.kind, op.id, op.field, op.hlc, op.device, op.value).second) ops_.push_back(op);
    }
    for (const Op& op : ops_) {
      if (op.kind == EntityKind::note && op.field == fields::kSigned) {
        auto [it, fresh] = signs_.emplace(op.id, op);
        if (!fresh && time_key(op) < time_key(it->second)) it->second = op;
      }
    }
    for (const Op& op : ops_) {
      const bool meta = op.field == fields::kDeleted || op.field == fields::kSigned;
      if (op.kind != EntityKind::note && meta) {
        ++conflicts_;
        continue;
      }
      if (op.kind == EntityKind::note) {
        auto sign = signs_.find(op.id);
        if (sign != signs_.end() && time_key(sign->second) < time_key(op)) ++conflicts_;
        if (op.field == fields::kSigned) continue;
      }
      auto key = std::make_tuple(op.kind, op.id, op.field);
      auto [it, fresh] = lww_.emplace(key, op);
      if (!fresh && std::tie(it->second.hlc, it->second.device, it->second.value) <
                        std::tie(op.hlc, op.device, op.value)) {
        it->second = op;
      }
    }
  }

  //! What every replica must show for this field.
  [[nodiscard]] std::optional<std::string> visible(EntityKind kind, const EntityId& id, const std::string& field) const {
    if (kind == EntityKind::note) {
      if (auto sign = signs_.find(id); sign != signs_.end()) {
        return field == fields::kSigned ? sign->second.value : snapshot_field(sign->second.value, field);
      }
      auto tomb = lww_.find({kind, id, std::string(fields::kDeleted)});
      if (field != fields::kDeleted && tomb != lww_.end() && tomb->second.value == "1") return std::nullopt;
    }
    auto it = lww_.find({kind, id, field});
    if (it == lww_.end()) return std::nullopt;
    return it->second.value;
  }

  [[nodiscard]] std::size_t conflicts() const { return conflicts_; }
  [[nodiscard]] std::size_t signed_notes() const { return signs_.size(); }
  [[nodiscard]] const std::vector<Op>& distinct_ops() const { return ops_; }

 private:
  std::vector<Op> ops_;
  std::map<EntityId, Op> signs_;
  std::map<std::tuple<EntityKind, EntityId, std::string>, Op> lww_;
  std::size_t conflicts_ = 0;
};

}  // namespace varn::model::test
