#pragma once
//! Small builders shared by the model tests.

#include <cstdint>
#include <string>

#include "varn/model/operation.hpp"

namespace varn::model::test {

inline EntityId entity(std::uint8_t n) {
  EntityId id{};
  id[0] = 0xe0;
  id[15] = n;
  return id;
}

inline crypto::DeviceId device(std::uint8_t n) {
  crypto::DeviceId id{};
  id[0] = 0xd0;
  id[15] = n;
  return id;
}

inline Op make_op(EntityKind kind, const EntityId& id, std::string field, std::string value, std::uint64_t wall_ms,
                  const crypto::DeviceId& author, std::uint16_t counter = 0) {
  Op op;
  op.kind = kind;
  op.id = id;
  op.field = std::move(field);
  op.value = std::move(value);
  op.hlc = Hlc::from_parts(wall_ms, counter);
  op.device = author;
  return op;
}

}  // namespace varn::model::test
