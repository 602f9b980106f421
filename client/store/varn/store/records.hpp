#pragma once
//! The worker's and reviewer's writes and reads on the local store. Every
//! mutation writes its rows and its outbox ops in one transaction, through
//! the merge rules (shared/varn/model/merge.hpp) so local and remote writes
//! end in the same state. Ids are 16 random bytes, shown as 32 hex chars.
//!
//! Rules kept here (details beside the code):
//! - Each write first moves the clock past LocalStore::last_hlc() and stores
//!   the clock's last value on commit, so stamps never go back across runs.
//! - A draft may be edited or deleted from any device; only the author's
//!   device signs (Errc::forbidden). The sign op's value is a JSON object of
//!   the note's fields at signing (tombstone and signature aside); readers
//!   take a signed note's fields from it.
//! - Addenda and sign-offs need a signed note (Errc::invalid_argument
//!   otherwise); a second sign-off is Errc::conflict.
//! - A protected person (protection != "none", or unknown) has no address in
//!   any view; a visit's place is blanked when it is a home visit or matches
//!   the address.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "varn/model/hlc.hpp"
#include "varn/model/instrument.hpp"
#include "varn/model/log_review.hpp"
#include "varn/model/operation.hpp"
#include "varn/model/risk_gate.hpp"
#include "varn/store/local_store.hpp"

namespace varn::store {

using model::EntityId;

struct PersonInput {
  std::string name;
  std::string identity_number;
  std::string protection = "none";  //!< none | confidential | protected_registration
  std::string address;
};

struct VisitInput {
  EntityId case_id{};
  std::string kind;             //!< home | separate | office | phone | video | police
  std::string partner_present;  //!< yes | no | unknown
  std::string planned_at;       //!< ISO 8601, may be empty
  std::string place;
  bool two_staff = false;
  bool alarm_taken = false;
  //! Needed for a home visit alone to a flagged case (model/risk_gate.hpp):
  //! the reviewer who allowed it and why.
  std::string risk_override;
};

struct PlacementInput {
  std::string kind;  //!< model::domain::placement_kinds()
  std::string from;  //!< ISO 8601 date, required
  std::string to;    //!< ISO 8601 date, "" while it lasts
  std::string secret_location;  //!< shown only inside the case, never exported
  std::string decision;         //!< the decision it follows, free text
};

//! A member of the unit's staff, as the admins recorded them.
struct StaffView {
  EntityId id{};
  std::string name;
  std::string title;
  registry::Casework casework;  //!< what their admin devices open besides administration
  std::vector<crypto::DeviceId> devices;  //!< enrolled for this person now
  //! Once theirs (offboarded, or moved on): what they wrote stays theirs.
  std::vector<crypto::DeviceId> former_devices;
};

struct PersonView {
  EntityId id{};
  std::string name;
  std::string protection;
  std::optional<std::string> address;  //!< nullopt whenever the person is protected
};

struct AddendumView {
  EntityId id{};
  std::string kind;
  std::string text;
  std::string author;  //!< device id hex
  std::uint64_t written_ms = 0;
};

struct NoteView {
  EntityId id{};
  EntityId visit_id{};
  EntityId case_id{};
  std::string body;
  std::string author;  //!< device id hex
  std::uint64_t written_ms = 0;  //!< writing time: when the note was first written
  std::string event_time;        //!< when it happened (ISO 8601), as the author gave it
  bool is_signed = false;
  //! An unsigned draft older than the unit's stale_draft_days
  //! (model/stale_drafts.hpp), shown to its author and to reviewers.
  bool stale = false;
  bool reviewed = false;
  std::vector<AddendumView> addenda;
};

struct VisitView {
  EntityId id{};
  std::string kind;
  std::string partner_present;
  std::string planned_at;
  std::string place;  //!< empty when the person is protected and the place is their address
  bool two_staff = false;
  bool alarm_taken = false;
  std::uint64_t written_ms = 0;  //!< writing time: when the visit was recorded
};

struct CaseView {
  EntityId id{};
  PersonView person;
  std::string phase;
  std::vector<std::string> flags;
  std::vector<std::string> responsible;  //!< staff ids hex (model/caseload.hpp)
  std::vector<VisitView> visits;
  std::vector<NoteView> notes;
};

//! A filled-in instrument as it was saved: the instrument's id, version and
//! title then, the answers, the score then and the worker's judgement.
struct AssessmentView {
  EntityId id{};
  EntityId case_id{};
  std::string instrument_id, instrument_version, instrument_title;
  model::Answers answers;
  int points = 0;
  std::string band;
  std::string judgement;
  std::string risk;    //!< the risk the worker judged: low, medium, high or ""
  std::string author;  //!< device id hex
  std::uint64_t written_ms = 0;
};

//! One version of a case's safety plan (model/safety_plan.hpp).
struct SafetyPlanView {
  EntityId id{};
  std::string text;
  std::vector<EntityId> after;          //!< the versions it follows
  std::optional<EntityId> assessment;   //!< the assessment it follows up
  bool current = false;                 //!< no version follows it yet
  std::string author;                   //!< device id hex
  std::uint64_t written_ms = 0;
};

struct ChildInput {
  std::string name;      //!< required
  std::string born;      //!< year of birth, YYYY, required
  std::string exposure;  //!< how the child was exposed to the violence
  std::string link;      //!< the child's own case or report
};

struct ChildDecisionView {
  EntityId id{};
  std::string text;
  std::string author;  //!< device id hex
  std::uint64_t written_ms = 0;
};

struct ChildView {
  EntityId id{};
  ChildInput child;
  std::vector<ChildDecisionView> decisions;  //!< oldest first; the last is in force
};

struct PlacementView {
  EntityId id{};
  PlacementInput placement;
  std::string author;  //!< device id hex
  std::uint64_t written_ms = 0;
};

struct AccessLogEntry {
  EntityId id{};  //!< the entry's own id
  EntityId case_id{};
  std::string device;  //!< hex of the device that signed the entry (not a claim inside it)
  std::uint64_t at_unix = 0;
  std::string action;  //!< domain::kAccessOpenCase, kAccessReadNotes or kAccessReadNote
};

//! A reviewer's sign-off of a month of the access log.
struct LogReviewSignOff {
  EntityId id{};
  std::string month;
  std::string comment;
  std::string reviewer;  //!< device id hex
  std::uint64_t written_ms = 0;
  std::map<std::string, std::string> reads;  //!< entry id hex -> comment
};

//! The month as model::review_month sees it, with its sign-offs.
struct LogReviewView {
  model::MonthReview review;
  std::vector<LogReviewSignOff> sign_offs;
};

//! A case's restriction as this device sees it (model/case_vault.hpp).
struct RestrictionView {
  bool restricted = false;
  std::vector<std::string> staff;  //!< named staff ids hex
  bool key_held = false;           //!< this device holds the key new content is sealed under
};

struct ConflictView {
  model::EntityKind kind{};
  EntityId id{};
  std::string field;
  std::string author;
  std::uint64_t written_ms = 0;
  std::string reason;  //!< e.g. "the note was already signed"
};

struct NoteFilter {
  std::optional<std::string> author;
  std::optional<EntityId> case_id;
  std::optional<bool> only_unsigned;
  std::optional<bool> only_unreviewed;
  std::optional<bool> only_stale;
  std::optional<std::uint64_t> from_ms, to_ms;
  //! Only who wrote what, where and when: no body, no addenda, and so no
  //! access-log entry (lists of visits, the author filter).
  bool without_bodies = false;
};

class Records {
 public:
  Records(LocalStore& store, model::HybridClock& clock, crypto::DeviceId me)
      : store_(store), clock_(clock), me_(me) {}

  // Writes (each one transaction: rows + outbox). Errc::invalid_argument
  // names the bad field; Errc::not_found names the unknown id; Errc::conflict
  // for a signed note ("the note is signed and can no longer change").
  [[nodiscard]] Result<EntityId> add_person(const PersonInput& input);
  //! Any level at any time (lowering it is a reviewer's or admin's, checked
  //! on every replica: model/authority.hpp). Skyddad folkbokföring removes
  //! the person's address from this store's tables at once and from every
  //! other device's when the change arrives; none is accepted after.
  //! `change_class`: model::protection_class of this device's role.
  [[nodiscard]] Result<void> set_protection(const EntityId& person, const std::string& level,
                                            wire::ChangeSetClass change_class = wire::ChangeSetClass::field_work);
  //! The staff member this device is enrolled for becomes responsible.
  [[nodiscard]] Result<EntityId> open_case(const EntityId& person);
  //! Who is responsible for a case (staff ids; empty: nobody). After the
  //! case is opened a reviewer's or admin's (model::may_assign_case,
  //! checked on every replica); `change_class`: model::assignment_class.
  [[nodiscard]] Result<void> set_case_responsible(const EntityId& case_id, const std::vector<EntityId>& staff,
                                                  wire::ChangeSetClass change_class = wire::ChangeSetClass::field_work);
  //! Reviewer or admin (by `state`, the verified registry): restricts the
  //! case to the named staff (naming again replaces the list). A new case
  //! key is sealed to every device enrolled for them and active in
  //! `state`, and kept here only when this device is one of them; from then
  //! on the case's content leaves this device sealed under it
  //! (model/case_vault.hpp). `change_class`: model::protection_class.
  [[nodiscard]] Result<void> restrict_case(const EntityId& case_id, const std::vector<EntityId>& staff,
                                           const registry::RegistryState& state,
                                           wire::ChangeSetClass change_class = wire::ChangeSetClass::field_work);
  [[nodiscard]] Result<RestrictionView> restriction(const EntityId& case_id);
  [[nodiscard]] Result<void> set_case_phase(const EntityId& case_id, const std::string& phase);
  [[nodiscard]] Result<void> set_case_flags(const EntityId& case_id, const std::vector<std::string>& flags);
  //! The case's flags (not a read of its content: no access-log entry).
  [[nodiscard]] Result<std::vector<std::string>> case_flags(const EntityId& case_id);
  //! A home visit alone to a case the risk gate flags needs `risk_override`
  //! (Errc::forbidden without one; model/risk_gate.hpp).
  [[nodiscard]] Result<EntityId> record_visit(const VisitInput& input);
  //! Whether a visit of `kind` in this case keeps a place: not a home visit
  //! of a person with skyddad folkbokföring (the place is their address).
  [[nodiscard]] Result<bool> place_recorded(const EntityId& case_id, const std::string& kind);
  //! `event_time`: when it happened (ISO 8601); empty takes the visit's
  //! planned time, or else the writing time as local time.
  [[nodiscard]] Result<EntityId> add_note(const EntityId& visit, const std::string& text,
                                          const std::string& event_time = {});
  [[nodiscard]] Result<void> edit_note(const EntityId& note, const std::string& text);
  //! A draft's event time (ISO 8601, required).
  [[nodiscard]] Result<void> set_note_event_time(const EntityId& note, const std::string& event_time);
  [[nodiscard]] Result<void> delete_draft(const EntityId& note);
  [[nodiscard]] Result<void> sign_note(const EntityId& note);
  [[nodiscard]] Result<EntityId> add_addendum(const EntityId& note, const std::string& kind, const std::string& text);
  [[nodiscard]] Result<void> sign_off(const EntityId& note);  //!< reviewer; sealed as a review-class change set
  //! Admin: records a member of staff (name required).
  [[nodiscard]] Result<EntityId> add_staff(const std::string& name, const std::string& title);
  //! Admin: `device` is enrolled for `staff` now (or no longer).
  [[nodiscard]] Result<void> set_staff_device(const EntityId& staff, const crypto::DeviceId& device, bool enrolled);
  //! Admin: the casework a staff member holds besides administration
  //! (registry::role_uses: an admin's device opens only that of the cases).
  [[nodiscard]] Result<void> set_staff_casework(const EntityId& staff, registry::Casework casework);
  //! Admin: after how many days (1..model::kMaxStaleDraftDays) a draft is
  //! flagged as old on every device of the unit.
  [[nodiscard]] Result<void> set_stale_draft_days(std::uint32_t days);
  [[nodiscard]] Result<EntityId> add_task(const EntityId& case_id, const std::string& text, const std::string& due);
  [[nodiscard]] Result<void> complete_task(const EntityId& task);
  [[nodiscard]] Result<void> reopen_task(const EntityId& task);
  //! A new version of the case's safety plan, following `after` (empty:
  //! the one current version; Errc::conflict when several are current) and
  //! following up `assessment` when given (both must be this case's).
  [[nodiscard]] Result<EntityId> add_safety_plan_version(const EntityId& case_id, const std::string& text,
                                                         const std::vector<EntityId>& after = {},
                                                         std::optional<EntityId> assessment = std::nullopt);
  //! Where the person lives for a time (skyddat boende, akutlägenhet,
  //! jourhem); the location is shown only inside the case, never exported.
  [[nodiscard]] Result<EntityId> add_placement(const EntityId& case_id, const PlacementInput& input);
  //! An accompanying child (R16), with its own decisions (child_decision records).
  [[nodiscard]] Result<EntityId> add_child(const EntityId& case_id, const ChildInput& input);
  //! A decision about a child: its own record, never edited; a later one
  //! follows it, and two written at once on two devices are both kept.
  [[nodiscard]] Result<EntityId> decide_child(const EntityId& child, const std::string& decision);
  //! The case's children by name with their decisions: action read_children.
  [[nodiscard]] Result<std::vector<ChildView>> children(const EntityId& case_id);
  //! `risk`: the risk the worker judged (model::domain::risk_levels(), or "").
  [[nodiscard]] Result<EntityId> add_assessment(const EntityId& case_id, const model::Instrument& instrument,
                                                const model::Answers& answers, const std::string& judgement,
                                                const std::string& risk = {});
  //! What the risk gate sees of a case (model/risk_gate.hpp): its threats-
  //! to-staff flag and its latest assessment's judged risk. Not a read of
  //! case content (nothing of it is shown but the flag and the level).
  [[nodiscard]] Result<model::VisitRisk> visit_risk(const EntityId& case_id);

  // Reads.
  [[nodiscard]] Result<std::vector<PersonView>> persons();
  //! The staff, by name; every device's merge refuses staff ops from
  //! anyone but an admin (model/authority.hpp).
  [[nodiscard]] Result<std::vector<StaffView>> staff();
  //! The staff member this device is enrolled for now (nullopt: nobody named).
  [[nodiscard]] Result<std::optional<EntityId>> my_staff();
  // Every read of case content writes an access-log entry (itself an outbox
  // op) before it returns: one per case and kind of read, at most one per
  // kAccessLogQuietMs for the same case and kind on this Records.
  //! Opening a case: action open_case.
  [[nodiscard]] Result<CaseView> open_case_view(const EntityId& case_id);
  //! Notes with their bodies: action read_notes for each case in the answer
  //! (none with `without_bodies`). None of a restricted case that does not
  //! name this device's person; asked for by case: Errc::forbidden.
  [[nodiscard]] Result<std::vector<NoteView>> notes(const NoteFilter& filter = {});
  //! One note: action read_note. Errc::not_found for an unknown or deleted one.
  [[nodiscard]] Result<NoteView> note(const EntityId& note);
  //! A case's assessments, oldest first: action read_assessments.
  [[nodiscard]] Result<std::vector<AssessmentView>> assessments(const EntityId& case_id);
  //! One assessment: action read_assessment. Errc::not_found for an unknown one.
  [[nodiscard]] Result<AssessmentView> assessment(const EntityId& assessment);
  //! The case's placements by start, locations included: action read_placements.
  [[nodiscard]] Result<std::vector<PlacementView>> placements(const EntityId& case_id);
  //! The case's safety plan versions, oldest first: action read_safety_plans.
  [[nodiscard]] Result<std::vector<SafetyPlanView>> safety_plans(const EntityId& case_id);
  [[nodiscard]] Result<std::vector<AccessLogEntry>> access_log();
  //! The month's sample and anomalies (model/log_review.hpp) by this
  //! device's local calendar, with the sign-offs already made.
  //! `readers`: what this device knows of the readers (device/log_readers.hpp).
  [[nodiscard]] Result<LogReviewView> log_review(const std::string& month,
                                                 const model::ReaderFacts& readers);
  //! Reviewer: signs the month off with a comment, covering every read of
  //! its sample and anomalies; `read_comments` (entry id hex -> text) must
  //! name reads among those. Sealed as a review change set.
  [[nodiscard]] Result<EntityId> sign_log_review(const std::string& month, const std::string& comment,
                                                 const std::map<std::string, std::string>& read_comments,
                                                 const model::ReaderFacts& readers);
  //! The unit's setting, newest admin write first; kDefaultStaleDraftDays
  //! when none was written.
  [[nodiscard]] Result<std::uint32_t> stale_draft_days();
  [[nodiscard]] Result<std::vector<ConflictView>> conflicts();
  [[nodiscard]] Result<std::size_t> waiting_ops();  //!< outbox ops not yet acknowledged by the server

 private:
  [[nodiscard]] Result<std::vector<NoteView>> read_notes(const NoteFilter& filter);
  [[nodiscard]] Result<void> log_access(const std::vector<EntityId>& cases, std::string_view action);
  //! Errc::forbidden for a restricted case that does not name this device's person.
  [[nodiscard]] Result<void> require_named(const EntityId& case_id);
  //! The restricted cases that do not name this device's person: nothing of
  //! them is shown here, whatever this store still holds from before.
  [[nodiscard]] Result<std::set<EntityId>> closed_cases();
  LocalStore& store_;
  model::HybridClock& clock_;
  crypto::DeviceId me_;
  //! When this Records last logged (case, action), for the quiet window.
  std::map<std::pair<EntityId, std::string>, std::uint64_t> logged_ms_;
};

//! A list that refreshes as sync lands logs its read once per this long.
inline constexpr std::uint64_t kAccessLogQuietMs = 10 * 60 * 1000;

}  // namespace varn::store
