#include "varn/sync/kept_copies.hpp"

#include <nlohmann/json.hpp>

#include "varn/sync/json_fields.hpp"

namespace varn::sync {
namespace {

using nlohmann::json;

json encode_copies(const std::vector<KeyCopy>& copies) {
  json list = json::array();
  for (const auto& c : copies) list.push_back({{"device", to_hex(c.device)}, {"wrapped", to_base64(c.wrapped)}});
  return list;
}

std::string rotation_key(std::uint32_t epoch) { return std::string(settings::kRotationCopies) + std::to_string(epoch); }
std::string own_key(std::uint32_t epoch) { return std::string(settings::kOwnCopies) + std::to_string(epoch); }
std::string posted_key(std::uint64_t index) { return std::string(settings::kPostedCopies) + std::to_string(index); }

}  // namespace

Result<void> KeptCopies::keep_posted(const registry::Entry& entry, const std::vector<KeyCopy>& copies) {
  const json record = {{"entry", to_base64(entry.encode())}, {"copies", encode_copies(copies)}};
  return vault_.put_setting(posted_key(entry.index), record.dump());
}

Result<void> KeptCopies::keep_rotation(std::uint32_t epoch, const std::vector<KeyCopy>& copies) {
  return vault_.put_setting(rotation_key(epoch), json({{"copies", encode_copies(copies)}}).dump());
}

Result<bool> KeptCopies::has_rotation(std::uint32_t epoch) {
  auto v = vault_.setting(rotation_key(epoch));
  if (!v) return v.error();
  return v->has_value();
}

Result<void> KeptCopies::keep_own(std::uint32_t epoch, const crypto::DeviceId& me, const Bytes& wrapped) {
  return vault_.put_setting(own_key(epoch), json({{"copies", encode_copies({{me, wrapped}})}}).dump());
}

Result<std::optional<std::vector<KeyCopy>>> KeptCopies::read(std::string_view key, const registry::Entry* entry) {
  auto v = vault_.setting(key);
  if (!v) return v.error();
  if (!*v) return std::optional<std::vector<KeyCopy>>{};
  auto j = json::parse(**v, nullptr, false);
  if (!j.is_object() || !j.contains("copies") || !j["copies"].is_array()) {
    return make_error(Errc::corrupt, "kept key copies are not valid");
  }
  // A posted record belongs to the entry at that index only if it is that entry.
  if (entry != nullptr) {
    auto bytes = field_base64(j, "entry");
    if (!bytes || *bytes != entry->encode()) return std::optional<std::vector<KeyCopy>>{};
  }
  std::vector<KeyCopy> out;
  for (const auto& c : j["copies"]) {
    auto device = field_id<16>(c, "device");
    auto wrapped = field_base64(c, "wrapped");
    if (!device || !wrapped) return make_error(Errc::corrupt, "kept key copies are not valid");
    out.push_back({*device, *wrapped});
  }
  return std::optional<std::vector<KeyCopy>>(std::move(out));
}

Result<std::vector<KeyCopy>> KeptCopies::for_entry(const registry::Entry& entry, std::uint32_t epochs_then) {
  auto posted = read(posted_key(entry.index), &entry);
  if (!posted) return posted.error();
  if (*posted) return **posted;
  if (entry.kind == registry::EntryKind::rotate) {
    auto set = read(rotation_key(entry.epoch), nullptr);
    if (!set) return set.error();
    if (*set) return **set;
  }
  if (entry.kind == registry::EntryKind::enrol) {
    // The subject itself holds its copies of the epochs that existed then.
    std::vector<KeyCopy> own;
    for (std::uint32_t epoch = 1; epoch <= epochs_then; ++epoch) {
      auto copy = read(own_key(epoch), nullptr);
      if (!copy) return copy.error();
      if (!*copy || (*copy)->empty() || (*copy)->front().device != entry.subject) return std::vector<KeyCopy>{};
      own.push_back((*copy)->front());
    }
    return own;
  }
  return std::vector<KeyCopy>{};
}

}  // namespace varn::sync
