#include "varn/server/push_rules.hpp"

#include "varn/registry/checkpoint.hpp"

namespace varn::server {
namespace {

PushResult refuse(unsigned status, std::string code, std::size_t index, std::string message,
                  std::uint64_t author_head = 0) {
  PushResult r;
  r.refusal = PushRefusal{status, std::move(code), index, std::move(message), author_head};
  return r;
}

//! A change set that claims not to have seen an entry narrowing its
//! author's rights is taken only if the author's chain had reached it when
//! that entry was stored: a demoted or revoked device, which still holds its
//! signing key, cannot backdate new writing to before its demotion.
Result<bool> within_floors(PushRows& rows, const PushItem& item) {
  for (const auto index : item.unseen_narrowings) {
    auto floor = rows.floor(item.header.author, index);
    if (!floor) return floor.error();
    if (!*floor || item.header.seq > **floor) return false;
  }
  return true;
}

}  // namespace

PushResult refuse_unknown_unit() { return refuse(403, "forbidden", 0, "unknown unit"); }

Result<PushResult> decide_push(PushRows& rows, const UnitRecord& unit, PushKind kind, StoredBytesCaps caps,
                               const std::vector<PushItem>& items) {
  std::uint64_t head = unit.head;
  crypto::Hash32 log_hash = unit.log_hash;
  std::uint64_t unit_bytes = unit.bytes;
  PushResult result;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    const auto& h = item.header;
    auto known = rows.find(h.id);
    if (!known) return known.error();
    if (*known) {
      if ((*known)->hash != Bytes(item.hash.begin(), item.hash.end())) {
        return refuse(409, "conflict", i, "this change-set id is stored with different bytes");
      }
      result.acks.push_back({h.id, (*known)->seq, true});
      continue;
    }
    // New work is written under the unit's current epoch; a heal brings back
    // change sets written under whatever epoch was current then.
    if (kind == PushKind::fresh ? h.epoch != unit.current_epoch : (h.epoch == 0 || h.epoch > unit.current_epoch)) {
      return refuse(400, "stale_epoch", i, "the envelope's epoch is not the unit's current epoch");
    }
    auto last = rows.author_head(h.author);
    if (!last) return last.error();
    if (h.seq != last->seq + 1 || Bytes(h.prev_hash.begin(), h.prev_hash.end()) != last->hash) {
      return refuse(400, "chain", i, "the envelope does not follow its author's last change set", last->seq);
    }
    if (h.registry_seen < last->registry_seen) {
      return refuse(400, "authority", i, "the envelope claims to have seen less of the registry than the one before it");
    }
    auto floors = within_floors(rows, item);
    if (!floors) return floors.error();
    if (!*floors) {
      return refuse(403, "role", i, "the author wrote this after its rights were narrowed, without having seen it");
    }
    const std::uint64_t size = item.bytes.size();
    if (last->bytes + size > caps.device) {
      return refuse(507, "quota", i, "this device has stored as much as the server takes from one device");
    }
    if (unit_bytes + size > caps.unit) {
      return refuse(507, "quota", i, "this unit has stored as much as the server takes from one unit");
    }
    unit_bytes += size;
    ++head;
    log_hash = registry::next_log_hash(log_hash, head, item.hash);
    if (auto r = rows.insert(head, item, log_hash); !r) return r.error();
    if (auto r = rows.set_author_head(item, last->bytes + size); !r) return r.error();
    result.acks.push_back({h.id, head, false});
  }
  if (head != unit.head) {
    if (auto r = rows.set_unit(head, log_hash, unit_bytes); !r) return r.error();
  }
  return result;
}

}  // namespace varn::server
