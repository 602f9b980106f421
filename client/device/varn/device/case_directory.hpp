#pragma once
//! Lists Records does not offer: cases (with their person), visits across
//! cases, and tasks. Read from the merged field tables through the store's
//! own queries (queries.hpp), so they hold every device's synced writes and
//! listing never counts as opening a case (open_case_view() logs an access).
//! Nothing here reads a person's address or a visit's place.

#include <map>
#include <string>
#include <vector>

#include "varn/model/operation.hpp"
#include "varn/store/local_store.hpp"
#include "varn/store/records.hpp"

namespace varn::device {

struct CaseRef {
  model::EntityId id{};
  std::string person;  //!< person id hex
  std::string phase;
  std::vector<std::string> responsible;  //!< staff ids hex (model/caseload.hpp)
};

struct VisitRef {
  model::EntityId id{};
  std::string case_id;     //!< hex
  std::string kind;
  std::string planned_at;  //!< ISO 8601 or ""
};

struct TaskRef {
  model::EntityId id{};
  std::string case_id;  //!< hex
  std::string text;
  std::string due;  //!< ISO date or ""
  bool done = false;
};

[[nodiscard]] Result<std::vector<CaseRef>> list_cases(store::LocalStore& store);
[[nodiscard]] Result<std::vector<VisitRef>> list_visits(store::LocalStore& store);
[[nodiscard]] Result<std::vector<TaskRef>> list_tasks(store::LocalStore& store);

//! "" when there is none; with several (opened on two devices), the lowest id, the same everywhere.
[[nodiscard]] std::string case_of_person(const std::vector<CaseRef>& cases, const std::string& person);
[[nodiscard]] std::string person_of_case(const std::vector<CaseRef>& cases, const std::string& case_id);

//! Case id hex -> the name of its person, for rows that name whom they are about.
[[nodiscard]] Result<std::map<std::string, std::string>> person_names_by_case(store::LocalStore& store,
                                                                              store::Records& records);

}  // namespace varn::device
