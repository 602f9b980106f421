#include "records_json.hpp"

#include <algorithm>
#include <tuple>

#include "text_format.hpp"

namespace varn::cli {

using nlohmann::json;

json to_json(const store::PersonView& person) {
  json j = {{"id", to_hex(person.id)}, {"name", person.name}, {"protection", person.protection}};
  // A protected person's address is never shown: the store gives none.
  if (person.address) j["address"] = *person.address;
  return j;
}

json author_json(const std::string& device_hex, const device::StaffDirectory& staff) {
  const auto* s = staff.of_device(device_hex);
  if (s == nullptr) return {{"device", device_hex}, {"id", nullptr}, {"name", nullptr}, {"title", nullptr}};
  return {{"device", device_hex}, {"id", to_hex(s->id)}, {"name", s->name}, {"title", s->title}};
}

json to_json(const store::StaffView& member) {
  json devices = json::array();
  for (const auto& d : member.devices) devices.push_back(to_hex(d));
  json casework = json::array();
  if (member.casework.field) casework.push_back("worker");
  if (member.casework.review) casework.push_back("reviewer");
  return {{"id", to_hex(member.id)}, {"name", member.name}, {"title", member.title}, {"casework", casework},
          {"devices", devices}};
}

json to_json(const store::NoteView& note, const device::StaffDirectory& staff) {
  auto addenda = note.addenda;
  std::sort(addenda.begin(), addenda.end(), [](const auto& a, const auto& b) {
    return std::tie(a.written_ms, a.id) < std::tie(b.written_ms, b.id);
  });
  json list = json::array();
  for (const auto& a : addenda) {
    list.push_back({{"id", to_hex(a.id)},
                    {"kind", a.kind},
                    {"text", a.text},
                    {"author", author_json(a.author, staff)},
                    {"written", iso_time_ms(a.written_ms)},
                    {"written_ms", a.written_ms}});
  }
  return {{"id", to_hex(note.id)},
          {"visit", to_hex(note.visit_id)},
          {"case", to_hex(note.case_id)},
          {"body", note.body},
          {"author", author_json(note.author, staff)},
          {"written", iso_time_ms(note.written_ms)},
          {"written_ms", note.written_ms},
          {"event_time", note.event_time},
          {"signed", note.is_signed},
          {"stale", note.stale},
          {"reviewed", note.reviewed},
          {"addenda", list}};
}

json responsible_json(const std::vector<std::string>& staff_hex, const device::StaffDirectory& staff) {
  json list = json::array();
  for (const auto& id : staff_hex) {
    const auto* s = staff.by_id(id);
    list.push_back({{"id", id}, {"name", s ? json(s->name) : json()}, {"title", s ? json(s->title) : json()}});
  }
  return list;
}

json to_json(const store::SafetyPlanView& p, const device::StaffDirectory& staff) {
  json after = json::array();
  for (const auto& a : p.after) after.push_back(to_hex(a));
  return {{"id", to_hex(p.id)},
          {"text", p.text},
          {"after", after},
          {"assessment", p.assessment ? json(to_hex(*p.assessment)) : json()},
          {"current", p.current},
          {"author", author_json(p.author, staff)},
          {"written", iso_time_ms(p.written_ms)}};
}

json to_json(const store::ChildView& c, const device::StaffDirectory& staff) {
  json decisions = json::array();
  for (const auto& d : c.decisions) {
    decisions.push_back({{"id", to_hex(d.id)},
                         {"decision", d.text},
                         {"author", author_json(d.author, staff)},
                         {"written", iso_time_ms(d.written_ms)}});
  }
  return {{"id", to_hex(c.id)},     {"name", c.child.name}, {"born", c.child.born},
          {"exposure", c.child.exposure}, {"link", c.child.link}, {"decisions", decisions}};
}

json to_json(const store::PlacementView& p, const device::StaffDirectory& staff) {
  return {{"id", to_hex(p.id)},
          {"kind", p.placement.kind},
          {"from", p.placement.from},
          {"to", p.placement.to.empty() ? json() : json(p.placement.to)},
          {"location", p.placement.secret_location},
          {"decision", p.placement.decision},
          {"author", author_json(p.author, staff)},
          {"written", iso_time_ms(p.written_ms)}};
}

json to_json(const store::AssessmentView& a, const device::StaffDirectory& staff, bool with_answers) {
  json out = {{"id", to_hex(a.id)},
              {"case", to_hex(a.case_id)},
              {"instrument", {{"id", a.instrument_id}, {"version", a.instrument_version}, {"title", a.instrument_title}}},
              {"score", {{"points", a.points}, {"band", a.band}}},
              {"judgement", a.judgement},
              {"author", author_json(a.author, staff)},
              {"written", iso_time_ms(a.written_ms)}};
  if (with_answers) out["answers"] = a.answers;
  return out;
}

json to_json(const store::CaseView& case_view, const device::StaffDirectory& staff) {
  auto visits = case_view.visits;
  std::sort(visits.begin(), visits.end(),
            [](const auto& a, const auto& b) { return std::tie(a.planned_at, a.id) < std::tie(b.planned_at, b.id); });
  json visit_list = json::array();
  for (const auto& v : visits) {
    visit_list.push_back({{"id", to_hex(v.id)},
                          {"kind", v.kind},
                          {"partner_present", v.partner_present},
                          {"planned_at", v.planned_at},
                          {"place", v.place},
                          {"two_staff", v.two_staff},
                          {"alarm_taken", v.alarm_taken},
                          {"written", iso_time_ms(v.written_ms)}});
  }
  auto notes = case_view.notes;
  sort_notes(notes);
  json note_list = json::array();
  for (const auto& n : notes) note_list.push_back(to_json(n, staff));
  auto flags = case_view.flags;
  std::sort(flags.begin(), flags.end());
  return {{"id", to_hex(case_view.id)},
          {"person", to_json(case_view.person)},
          {"phase", case_view.phase},
          {"flags", flags},
          {"responsible", responsible_json(case_view.responsible, staff)},
          {"visits", visit_list},
          {"notes", note_list}};
}

json to_json(const store::AccessLogEntry& entry, const device::StaffDirectory& staff) {
  return {{"case", to_hex(entry.case_id)},
          {"device", entry.device},
          {"by", author_json(entry.device, staff)},
          {"action", entry.action},
          {"at", iso_time_unix(static_cast<std::int64_t>(entry.at_unix))},
          {"at_unix", entry.at_unix}};
}

json to_json(const store::ConflictView& conflict) {
  return {{"kind", std::string(model::kind_name(conflict.kind))},
          {"id", to_hex(conflict.id)},
          {"field", conflict.field},
          {"author", conflict.author},
          {"written", iso_time_ms(conflict.written_ms)},
          {"reason", conflict.reason}};
}

json to_json(const sync::DeviceEntry& device) {
  return {{"device", to_hex(device.device)},
          {"fingerprint", device.bundle.fingerprint()},
          {"role", device.role},
          {"status", device.status},
          {"last_seen", iso_time_unix(device.last_seen)},
          {"last_seen_unix", device.last_seen},
          {"wiped", device.wiped_at != 0},
          {"wiped_at", device.wiped_at != 0 ? nlohmann::json(iso_time_unix(device.wiped_at)) : nlohmann::json(nullptr)},
          {"recovered_at", device.recovered_at ? nlohmann::json(iso_time_unix(*device.recovered_at)) : nlohmann::json(nullptr)}};
}

json to_json(const sync::EnrolmentRequest& request) {
  return {{"code", request.code},
          {"device", to_hex(request.device)},
          {"requested_at", iso_time_unix(request.requested_at)},
          {"requested_at_unix", request.requested_at}};
}

json to_json(const registry::Entry& entry) {
  json j = {{"index", entry.index},
            {"kind", registry::to_string(entry.kind)},
            {"signer", to_hex(entry.signer)},
            {"time", iso_time_unix(entry.time)}};
  switch (entry.kind) {
    case registry::EntryKind::enrol:
      j["subject"] = to_hex(entry.subject);
      j["fingerprint"] = entry.bundle.fingerprint();
      j["role"] = registry::to_string(entry.role);
      break;
    case registry::EntryKind::change_role:
      j["subject"] = to_hex(entry.subject);
      j["role"] = registry::to_string(entry.role);
      break;
    case registry::EntryKind::revoke:
      j["subject"] = to_hex(entry.subject);
      break;
    case registry::EntryKind::rotate:
      j["epoch"] = entry.epoch;
      break;
    case registry::EntryKind::set_lease:
      j["lease_days"] = entry.epoch;
      break;
    case registry::EntryKind::set_recovery:
      j["recovery_key"] = to_hex(entry.bundle.device_id());  // its public halves' id; never the code
      break;
    case registry::EntryKind::recover:
      j["subject"] = to_hex(entry.subject);
      j["fingerprint"] = entry.bundle.fingerprint();
      j["role"] = registry::to_string(entry.role);
      j["recovered"] = "recovered with the unit's recovery key at " + iso_time_unix(entry.time);
      break;
  }
  return j;
}

void sort_notes(std::vector<store::NoteView>& notes) {
  std::sort(notes.begin(), notes.end(),
            [](const auto& a, const auto& b) { return std::tie(a.written_ms, a.id) < std::tie(b.written_ms, b.id); });
}

}  // namespace varn::cli
