#pragma once
//! Who wrote it: a device's staff member, from the staff the admins
//! recorded (store::Records::staff). Both clients name authors through it,
//! so a note reads "Anna Lind, socialsekreterare" everywhere instead of a
//! device id.

#include <map>
#include <string>
#include <vector>

#include "varn/store/records.hpp"

namespace varn::device {

class StaffDirectory {
 public:
  StaffDirectory() = default;
  explicit StaffDirectory(std::vector<store::StaffView> staff);
  //! The staff member a device (id hex) is enrolled for, or was last (its
  //! writing stays theirs after they leave), or null.
  [[nodiscard]] const store::StaffView* of_device(const std::string& device_hex) const;
  //! "Name, title", "Name", or the device's short id when no one is recorded.
  [[nodiscard]] std::string label(const std::string& device_hex) const;
  //! The staff member with this id (hex), or null.
  [[nodiscard]] const store::StaffView* by_id(const std::string& staff_hex) const;
  //! "Name, title" of a staff member, or "staff <8 hex>" for an id no one recorded.
  [[nodiscard]] std::string staff_label(const std::string& staff_hex) const;
  [[nodiscard]] const std::vector<store::StaffView>& all() const { return staff_; }

 private:
  std::vector<store::StaffView> staff_;
  std::map<std::string, std::size_t> by_device_;
};

}  // namespace varn::device
