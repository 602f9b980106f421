#include "varn/device/case_directory.hpp"

#include "varn/model/caseload.hpp"
#include "varn/model/domain.hpp"
#include "varn/store/queries.hpp"

namespace varn::device {
namespace {

using model::EntityKind;
namespace dom = model::domain;

Result<std::string> field(store::Database& db, EntityKind kind, const model::EntityId& id, std::string_view name) {
  auto v = store::visible_field(db, kind, id, name);
  if (!v) return v.error();
  return v->value_or(std::string());
}

}  // namespace

Result<std::vector<CaseRef>> list_cases(store::LocalStore& s) {
  auto& db = s.database();
  auto ids = store::ids_with_field(db, EntityKind::case_file, dom::kCasePerson);
  if (!ids) return ids.error();
  std::vector<CaseRef> out;
  for (const auto& id : *ids) {
    auto person = field(db, EntityKind::case_file, id, dom::kCasePerson);
    if (!person) return person.error();
    auto phase = field(db, EntityKind::case_file, id, dom::kCasePhase);
    if (!phase) return phase.error();
    auto responsible = field(db, EntityKind::case_file, id, dom::kCaseResponsible);
    if (!responsible) return responsible.error();
    out.push_back({id, *person, *phase, model::split_responsible(*responsible)});
  }
  return out;
}

Result<std::vector<VisitRef>> list_visits(store::LocalStore& s) {
  auto& db = s.database();
  auto ids = store::ids_with_field(db, EntityKind::visit, dom::kVisitCase);
  if (!ids) return ids.error();
  std::vector<VisitRef> out;
  for (const auto& id : *ids) {
    VisitRef v{id, {}, {}, {}};
    for (auto [name, target] : {std::pair{dom::kVisitCase, &v.case_id}, std::pair{dom::kVisitKind, &v.kind},
                                std::pair{dom::kVisitPlannedAt, &v.planned_at}}) {
      auto value = field(db, EntityKind::visit, id, name);
      if (!value) return value.error();
      *target = std::move(value).value();
    }
    out.push_back(std::move(v));
  }
  return out;
}

Result<std::vector<TaskRef>> list_tasks(store::LocalStore& s) {
  auto& db = s.database();
  auto ids = store::ids_with_field(db, EntityKind::task, dom::kTaskCase);
  if (!ids) return ids.error();
  std::vector<TaskRef> out;
  for (const auto& id : *ids) {
    TaskRef t{id, {}, {}, {}, false};
    std::string done;
    for (auto [name, target] : {std::pair{dom::kTaskCase, &t.case_id}, std::pair{dom::kTaskText, &t.text},
                                std::pair{dom::kTaskDue, &t.due}, std::pair{dom::kTaskDone, &done}}) {
      auto value = field(db, EntityKind::task, id, name);
      if (!value) return value.error();
      *target = std::move(value).value();
    }
    t.done = done == "yes";
    out.push_back(std::move(t));
  }
  return out;
}

std::string case_of_person(const std::vector<CaseRef>& cases, const std::string& person) {
  for (const auto& c : cases) {
    if (c.person == person) return to_hex(c.id);
  }
  return {};
}

Result<std::map<std::string, std::string>> person_names_by_case(store::LocalStore& store, store::Records& records) {
  auto cases = list_cases(store);
  if (!cases) return cases.error();
  auto persons = records.persons();
  if (!persons) return persons.error();
  std::map<std::string, std::string> name_of_person;
  for (const auto& p : *persons) name_of_person[to_hex(p.id)] = p.name;
  std::map<std::string, std::string> out;
  for (const auto& c : *cases) {
    auto found = name_of_person.find(c.person);
    if (found != name_of_person.end()) out[to_hex(c.id)] = found->second;
  }
  return out;
}

std::string person_of_case(const std::vector<CaseRef>& cases, const std::string& case_id) {
  for (const auto& c : cases) {
    if (to_hex(c.id) == case_id) return c.person;
  }
  return {};
}

}  // namespace varn::device
