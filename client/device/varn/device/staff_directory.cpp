#include "varn/device/staff_directory.hpp"

namespace varn::device {

StaffDirectory::StaffDirectory(std::vector<store::StaffView> staff) : staff_(std::move(staff)) {
  // Whose a device is now comes first; then whose it was, so that what a
  // person wrote stays theirs after they leave. Sorted by name: a device an
  // admin gave to two people at once counts for the first.
  for (std::size_t i = 0; i < staff_.size(); ++i) {
    for (const auto& d : staff_[i].devices) by_device_.emplace(to_hex(d), i);
  }
  for (std::size_t i = 0; i < staff_.size(); ++i) {
    for (const auto& d : staff_[i].former_devices) by_device_.emplace(to_hex(d), i);
  }
}

const store::StaffView* StaffDirectory::of_device(const std::string& device_hex) const {
  auto it = by_device_.find(device_hex);
  return it == by_device_.end() ? nullptr : &staff_[it->second];
}

namespace {

std::string name_and_title(const store::StaffView& s) { return s.title.empty() ? s.name : s.name + ", " + s.title; }

}  // namespace

std::string StaffDirectory::label(const std::string& device_hex) const {
  const auto* s = of_device(device_hex);
  return s == nullptr ? "device " + device_hex.substr(0, 8) : name_and_title(*s);
}

const store::StaffView* StaffDirectory::by_id(const std::string& staff_hex) const {
  for (const auto& s : staff_) {
    if (to_hex(s.id) == staff_hex) return &s;
  }
  return nullptr;
}

std::string StaffDirectory::staff_label(const std::string& staff_hex) const {
  const auto* s = by_id(staff_hex);
  return s == nullptr ? "staff " + staff_hex.substr(0, 8) : name_and_title(*s);
}

}  // namespace varn::device
