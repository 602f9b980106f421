#pragma once
//! The data model's vocabulary: which fields each entity has and
//! which values the enumerated ones take. Stored values are these English
//! tokens; the UI translates them. Validation lives here so the store, the
//! CLI and the app refuse the same things.

#include <span>
#include <string_view>

#include "varn/model/operation.hpp"

namespace varn::model::domain {

// Person
inline constexpr std::string_view kPersonName = "name";
inline constexpr std::string_view kPersonIdentityNumber = "identity_number";
inline constexpr std::string_view kPersonProtection = "protection";  //!< none | confidential | protected_registration
inline constexpr std::string_view kPersonAddress = "address";        //!< never shown or exported when protection != none
//! The protection level under which no address is kept at all (merge.hpp).
inline constexpr std::string_view kProtectedRegistration = "protected_registration";
inline constexpr std::string_view kPersonSafeContact = "safe_contact";
inline constexpr std::string_view kPersonPartnerWatchesPhone = "partner_watches_phone";  //!< "yes" | "no"
inline constexpr std::string_view kPersonInterpreter = "interpreter";

// Case (the person's own file)
inline constexpr std::string_view kCasePerson = "person";  //!< person id hex
inline constexpr std::string_view kCaseIntake = "intake";  //!< how it came in
inline constexpr std::string_view kCasePhase = "phase";
inline constexpr std::string_view kCaseFlags = "flags";    //!< comma-separated, sorted: threats_to_staff,honour_related,digital_control
//! Staff ids hex, sorted, comma-separated (model/caseload.hpp).
inline constexpr std::string_view kCaseResponsible = "responsible";

// Visit
inline constexpr std::string_view kVisitCase = "case";
inline constexpr std::string_view kVisitKind = "kind";
inline constexpr std::string_view kVisitPlannedAt = "planned_at";  //!< ISO 8601
inline constexpr std::string_view kVisitPlace = "place";
inline constexpr std::string_view kVisitPartnerPresent = "partner_present";  //!< yes | no | unknown
inline constexpr std::string_view kVisitTwoStaff = "two_staff";              //!< "yes" | "no"
inline constexpr std::string_view kVisitAlarm = "alarm_taken";               //!< "yes" | "no"
inline constexpr std::string_view kVisitOutcome = "outcome";
inline constexpr std::string_view kVisitFollowUpDue = "follow_up_due";
//! A reviewer's override of the risk gate for a home visit alone (model/risk_gate.hpp): who and why.
inline constexpr std::string_view kVisitRiskOverride = "risk_override";

// Note (append-only once signed)
inline constexpr std::string_view kNoteVisit = "visit";
inline constexpr std::string_view kNoteCase = "case";
inline constexpr std::string_view kNoteBody = "body";
inline constexpr std::string_view kNoteEventTime = "event_time";  //!< when it happened; writing time is the op's HLC

// Addendum (points at a signed note)
inline constexpr std::string_view kAddendumNote = "note";
inline constexpr std::string_view kAddendumKind = "kind";  //!< correction | addition | objection
inline constexpr std::string_view kAddendumText = "text";

// Review (sign-off of a signed note by an office reviewer)
inline constexpr std::string_view kReviewNote = "note";
//! Hex of signed_note_hash of the note as it was signed: a sign-off counts
//! only for the exact text it reviewed.
inline constexpr std::string_view kReviewSigned = "signed";

// Follow-up task
inline constexpr std::string_view kTaskCase = "case";
inline constexpr std::string_view kTaskText = "text";
inline constexpr std::string_view kTaskDue = "due";
inline constexpr std::string_view kTaskDone = "done";  //!< "yes" | "no"

// Safety plan version
inline constexpr std::string_view kSafetyPlanCase = "case";
//! A number each device counted for itself (older data; no longer written:
//! two offline devices both made "2"). Versions follow `after` instead.
inline constexpr std::string_view kSafetyPlanVersion = "version";
//! The versions it follows, ids hex comma-separated (model/safety_plan.hpp).
inline constexpr std::string_view kSafetyPlanAfter = "after";
inline constexpr std::string_view kSafetyPlanAssessment = "assessment";  //!< the assessment it follows up, id hex
inline constexpr std::string_view kSafetyPlanText = "text";

// Placement
inline constexpr std::string_view kPlacementCase = "case";
inline constexpr std::string_view kPlacementKind = "kind";
inline constexpr std::string_view kPlacementFrom = "from";
inline constexpr std::string_view kPlacementTo = "to";
inline constexpr std::string_view kPlacementSecretLocation = "secret_location";
//! The decision it follows (e.g. "Beslut 2026-11-03, SoL 4 kap. 1 §"), free text.
inline constexpr std::string_view kPlacementDecision = "decision";

// Child (with its own decision)
inline constexpr std::string_view kChildCase = "case";
inline constexpr std::string_view kChildName = "name";
inline constexpr std::string_view kChildBorn = "born";          //!< year of birth, YYYY
inline constexpr std::string_view kChildExposure = "exposure";  //!< how the child was exposed to the violence
//! The child's own case or report (orosanmälan), as the unit refers to it.
inline constexpr std::string_view kChildLink = "link";
//! Older data: a decision written on the child itself. Decisions are child_decision records now.
inline constexpr std::string_view kChildDecision = "decision";

// Child decision (one decision about one child; a later one follows, none is edited)
inline constexpr std::string_view kChildDecisionChild = "child";  //!< the child's id hex
inline constexpr std::string_view kChildDecisionText = "text";

// Assessment (a filled-in instrument)
inline constexpr std::string_view kAssessmentCase = "case";
inline constexpr std::string_view kAssessmentInstrument = "instrument";  //!< instrument id
//! The instrument's version and title when the answers were given: an
//! assessment reads back as it was made, whatever file is installed later.
inline constexpr std::string_view kAssessmentInstrumentVersion = "instrument_version";
inline constexpr std::string_view kAssessmentInstrumentTitle = "instrument_title";
inline constexpr std::string_view kAssessmentAnswers = "answers";        //!< JSON object question id -> answer
inline constexpr std::string_view kAssessmentScore = "score";
inline constexpr std::string_view kAssessmentJudgement = "judgement";    //!< the worker's professional judgement, required
inline constexpr std::string_view kAssessmentRisk = "risk";  //!< the risk the worker judged: low | medium | high (optional)

// Staff member (written by admins only): who a device belongs to
inline constexpr std::string_view kStaffName = "name";
inline constexpr std::string_view kStaffTitle = "title";
//! The casework an admin's devices open: "worker", "reviewer",
//! "reviewer,worker" or "" (model/caseload.hpp, registry::Casework).
inline constexpr std::string_view kStaffCasework = "casework";
//! + device id hex: "1" while that device is enrolled for this person, "0"
//! once it is moved or the person leaves. One field per device, so two
//! admins adding devices at once both count.
inline constexpr std::string_view kStaffDevicePrefix = "device.";

// Unit setting (written by admins only; the newest write of a field wins
// across every setting entity: stale_drafts.hpp)
inline constexpr std::string_view kSettingStaleDraftDays = "stale_draft_days";  //!< decimal days

// Log review (a reviewer's sign-off of one month of the access log)
inline constexpr std::string_view kLogReviewMonth = "month";      //!< "YYYY-MM"
inline constexpr std::string_view kLogReviewComment = "comment";  //!< required
//! JSON object: access-log entry id hex -> the reviewer's comment ("" for
//! none), every read of the sample and every anomaly the review covered.
inline constexpr std::string_view kLogReviewReads = "reads";

// Access log
inline constexpr std::string_view kAccessCase = "case";
inline constexpr std::string_view kAccessDevice = "device";
inline constexpr std::string_view kAccessAt = "at";  //!< unix seconds
//! What was read: open_case (the case screen), read_notes (notes in a list,
//! bodies shown), read_note (one note's detail), read_assessments (a case's
//! assessments with score and judgement), read_assessment (one, with its
//! answers). Entries without it are open_case.
inline constexpr std::string_view kAccessAction = "action";
inline constexpr std::string_view kAccessOpenCase = "open_case";
inline constexpr std::string_view kAccessReadNotes = "read_notes";
inline constexpr std::string_view kAccessReadNote = "read_note";
inline constexpr std::string_view kAccessReadAssessments = "read_assessments";  //!< a case's assessments, listed
inline constexpr std::string_view kAccessReadAssessment = "read_assessment";    //!< one, with its answers
inline constexpr std::string_view kAccessReadSafetyPlans = "read_safety_plans";  //!< a case's safety plan versions
inline constexpr std::string_view kAccessReadPlacements = "read_placements";     //!< a case's placements, locations included
inline constexpr std::string_view kAccessReadChildren = "read_children";         //!< a case's children with their decisions

[[nodiscard]] std::span<const std::string_view> visit_kinds();      //!< home, separate, office, phone, video, police
[[nodiscard]] std::span<const std::string_view> partner_present_values();  //!< yes, no, unknown
[[nodiscard]] std::span<const std::string_view> case_phases();      //!< intake, assessment, investigation, decision, intervention, follow_up, closed
[[nodiscard]] std::span<const std::string_view> protection_levels();  //!< none, confidential, protected_registration
[[nodiscard]] std::span<const std::string_view> addendum_kinds();   //!< correction, addition, objection
[[nodiscard]] std::span<const std::string_view> case_flags();       //!< threats_to_staff, honour_related, digital_control
//! sheltered_housing (skyddat boende), emergency_flat (akutlägenhet), emergency_foster_home (jourhem), other
[[nodiscard]] std::span<const std::string_view> placement_kinds();
[[nodiscard]] std::span<const std::string_view> risk_levels();  //!< low, medium, high

[[nodiscard]] bool is_one_of(std::span<const std::string_view> allowed, std::string_view value);

}  // namespace varn::model::domain
