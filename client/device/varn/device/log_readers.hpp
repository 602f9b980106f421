#pragma once
//! What a reviewing device knows of the access log's readers, for the
//! monthly review's anomalies (model/log_review.hpp): whether a staff member
//! is named for a device, and whether a read falls outside its reader's
//! caseload (a device whose registry role lists only a caseload reading a
//! case its person is not responsible for, model/caseload.hpp), and whether
//! a read is of a restricted case that does not name its reader's person
//! (model/case_vault.hpp). Both clients build the review through it.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "varn/device/staff_directory.hpp"
#include "varn/model/log_review.hpp"
#include "varn/registry/entry.hpp"
#include "varn/store/local_store.hpp"
#include "varn/store/records.hpp"

namespace varn::device {

class LogReaders {
 public:
  [[nodiscard]] static Result<LogReaders> read(store::LocalStore& store, store::Records& records);
  //! Refers to this object: keep it alive while the facts are used.
  [[nodiscard]] model::ReaderFacts facts() const;
  [[nodiscard]] const StaffDirectory& staff() const { return staff_; }

 private:
  [[nodiscard]] bool outside_caseload(const model::LogRead& read) const;
  [[nodiscard]] bool restricted_not_named(const model::LogRead& read) const;
  StaffDirectory staff_;
  std::map<std::string, std::optional<registry::Role>> roles_;  //!< device hex -> role in the verified registry
  std::map<model::EntityId, std::vector<std::string>> responsible_;  //!< case -> staff ids hex
  std::map<model::EntityId, std::vector<std::string>> named_;        //!< restricted case -> named staff ids hex
};

}  // namespace varn::device
