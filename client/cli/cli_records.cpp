// The worker's writes: person, case, visit, note. Each prints the new id (or
// nothing) and exits 0; the store refuses what the merge rules refuse.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli_context.hpp"
#include "commands.hpp"
#include "varn/model/authority.hpp"
#include "varn/model/domain.hpp"
#include "varn/device/caseload.hpp"
#include "varn/model/case_vault.hpp"
#include "varn/model/caseload.hpp"
#include "varn/sync/registry_keeper.hpp"

namespace varn::cli {
namespace {

namespace domain = model::domain;

std::vector<std::string> words(std::span<const std::string_view> allowed) {
  return {allowed.begin(), allowed.end()};
}

// Opens the store, runs `write` on its records, prints the id it returns.
template <class Write>
Result<void> print_new_id(Context& ctx, Write write) {
  auto session = ctx.content_session();
  if (!session) return session.error();
  if (auto r = check_role(**session, wire::ChangeSetClass::field_work); !r) return r;
  Result<model::EntityId> id = write((*session)->records());
  if (!id) return id.error();
  std::cout << to_hex(*id) << "\n";
  return {};
}

template <class Change>
Result<void> change(Context& ctx, const std::string& id_text, const std::string& what, Change apply,
                    wire::ChangeSetClass change_class = wire::ChangeSetClass::field_work) {
  auto id = parse_id(id_text, what);
  if (!id) return id.error();
  auto session = ctx.content_session();
  if (!session) return session.error();
  if (auto r = check_role(**session, change_class); !r) return r;
  return apply((*session)->records(), *id);
}

struct PersonOptions {
  store::PersonInput input;
  bool is_protected = false;
  std::string protection;
  std::string id, level;
};

// The words of the command-line contract, and the model's own.
std::string protection_level(const std::string& word) {
  if (word == "sekretessmarkering") return "confidential";
  if (word == "skyddad") return std::string(domain::kProtectedRegistration);
  return word;
}

// Lowering a person's protection to none is a reviewer's or an admin's: the
// other devices would refuse it, so it is refused here first.
Result<void> protect(Context& ctx, const std::string& id_text, const std::string& level) {
  auto id = parse_id(id_text, "person");
  if (!id) return id.error();
  auto session = ctx.content_session();
  if (!session) return session.error();
  const auto role = device::verified_role((*session)->store(), (*session)->device_id());
  if (!model::may_set_protection(role, level)) {
    return make_error(Errc::forbidden, "only a reviewer or an admin removes a person's protection");
  }
  const auto change_class = model::protection_class(role);
  if (auto r = check_role(**session, change_class); !r) return r;
  if (auto r = (*session)->records().set_protection(*id, level, change_class); !r) return r;
  std::cout << "protection: " << level << "\n";
  return {};
}

Result<std::vector<model::EntityId>> parse_staff(const std::vector<std::string>& staff_text) {
  std::vector<model::EntityId> staff;
  for (const auto& s : staff_text) {
    auto person = parse_id(s, "staff");
    if (!person) return person.error();
    staff.push_back(*person);
  }
  return staff;
}

// Who is responsible for a case: a reviewer's or an admin's to change (the
// other devices would refuse anyone else's), so it is refused here first.
Result<void> assign(Context& ctx, const std::string& id_text, const std::vector<std::string>& staff_text) {
  auto id = parse_id(id_text, "case");
  if (!id) return id.error();
  auto parsed = parse_staff(staff_text);
  if (!parsed) return parsed.error();
  const auto& staff = *parsed;
  auto session = ctx.content_session();
  if (!session) return session.error();
  const auto role = device::verified_role((*session)->store(), (*session)->device_id());
  if (!model::may_assign_case(role)) {
    return make_error(Errc::forbidden, "only a reviewer or an admin changes who is responsible for a case");
  }
  const auto change_class = model::assignment_class(role);
  if (auto r = check_role(**session, change_class); !r) return r;
  if (auto r = (*session)->records().set_case_responsible(*id, staff, change_class); !r) return r;
  std::cout << "responsible: " << (staff_text.empty() ? std::string("nobody") : std::to_string(staff.size()) + " staff")
            << "\n";
  return {};
}

// Restricting a case is a reviewer's or an admin's (every device refuses
// anyone else's restriction); an admin without casework may do it without
// reading the case, and is given its key only if named.
Result<void> restrict_case(Context& ctx, const std::string& id_text, const std::vector<std::string>& staff_text) {
  auto id = parse_id(id_text, "case");
  if (!id) return id.error();
  auto parsed = parse_staff(staff_text);
  if (!parsed) return parsed.error();
  const auto& staff = *parsed;
  auto session = ctx.session();
  if (!session) return session.error();
  Session& s = **session;
  sync::RegistryKeeper keeper(s.store());
  auto state = keeper.cached_state();
  if (!state) return make_error(Errc::locked, "this device has no verified registry yet: enrol and sync first");
  const registry::DeviceState* me = state->active(s.device_id());
  const auto role = me ? std::optional(me->role) : std::nullopt;
  if (!model::may_restrict_case(role)) {
    return make_error(Errc::forbidden, "only a reviewer or an admin restricts a case or names its staff");
  }
  const auto change_class = model::protection_class(role);
  if (auto r = check_role(s, change_class); !r) return r;
  if (auto r = s.records().restrict_case(*id, staff, *state, change_class); !r) return r;
  std::cout << "restricted: " << staff.size() << " staff named\n";
  return {};
}

void add_person(CLI::App& app, Context& ctx) {
  auto* person = app.add_subcommand("person", "People (the client)")->require_subcommand(1);
  auto o = std::make_shared<PersonOptions>();
  auto* add = person->add_subcommand("add", "Add a person; prints the new id");
  add->add_option("--name", o->input.name, "Full name")->required();
  add->add_option("--identity-number", o->input.identity_number, "Personnummer or samordningsnummer");
  add->add_option("--address", o->input.address, "Address (never shown for a protected person)");
  auto* prot = add->add_flag("--protected", o->is_protected, "Skyddad folkbokföring: the address is never shown");
  add->add_option("--protection", o->protection, "Protection level")
      ->check(CLI::IsMember(words(domain::protection_levels())))
      ->excludes(prot);
  add->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      store::PersonInput input = o->input;
      if (o->is_protected) input.protection = "protected_registration";
      if (!o->protection.empty()) input.protection = o->protection;
      return print_new_id(ctx, [&](store::Records& r) { return r.add_person(input); });
    };
  });
  auto* prot_cmd = person->add_subcommand(
      "protect", "Change a person's protection; skyddad removes a recorded address from every device");
  prot_cmd->add_option("id", o->id, "Person id")->required();
  prot_cmd->add_option("--level", o->level, "none, sekretessmarkering or skyddad")
      ->required()
      ->check(CLI::IsMember({"none", "sekretessmarkering", "skyddad", "confidential", "protected_registration"}));
  prot_cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return protect(ctx, o->id, protection_level(o->level)); }; });
}

struct CaseOptions {
  std::string person, id, phase;
  std::vector<std::string> flags, staff;
  std::string threats;
  bool nobody = false;
};

void add_case(CLI::App& app, Context& ctx) {
  auto* cases = app.add_subcommand("case", "Cases (ärenden): one person's own file")->require_subcommand(1);
  auto o = std::make_shared<CaseOptions>();
  auto* open = cases->add_subcommand("open", "Open a case for a person; prints the new id");
  open->add_option("--person", o->person, "The person's id")->required();
  open->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto person = parse_id(o->person, "person");
      if (!person) return Result<void>(person.error());
      return print_new_id(ctx, [&](store::Records& r) { return r.open_case(*person); });
    };
  });
  auto* phase = cases->add_subcommand("phase", "Set a case's phase");
  phase->add_option("id", o->id, "Case id")->required();
  phase->add_option("--set", o->phase, "The new phase")->required()->check(CLI::IsMember(words(domain::case_phases())));
  phase->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      return change(ctx, o->id, "case", [&](store::Records& r, const model::EntityId& id) {
        return r.set_case_phase(id, o->phase);
      });
    };
  });
  auto* assign_cmd = cases->add_subcommand("assign", "Reviewer or admin: who is responsible for a case (replaces the list)");
  assign_cmd->add_option("id", o->id, "Case id")->required();
  auto* staff_opt = assign_cmd->add_option("--staff", o->staff, "Staff ids (varn-cli admin staff lists them)");
  assign_cmd->add_flag("--nobody", o->nobody, "Nobody is responsible: the case is in every worker's list")->excludes(staff_opt);
  assign_cmd->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      if (o->staff.empty() && !o->nobody) return Result<void>(make_error(Errc::invalid_argument, "give --staff ID... or --nobody"));
      return assign(ctx, o->id, o->staff);
    };
  });
  auto* restrict_cmd = cases->add_subcommand(
      "restrict", "Reviewer or admin: only the named staff may read the case (again: replaces the list, new key)");
  restrict_cmd->add_option("id", o->id, "Case id")->required();
  restrict_cmd->add_option("--staff", o->staff, "Staff ids who may read it (varn-cli admin staff lists them)")->required();
  restrict_cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return restrict_case(ctx, o->id, o->staff); }; });
  auto* flag = cases->add_subcommand("flag", "Set or clear one of a case's flags");
  flag->add_option("id", o->id, "Case id")->required();
  flag->add_option("--threats-to-staff", o->threats, "Threats against staff: a home visit alone needs an override")
      ->required()
      ->check(CLI::IsMember({"yes", "no"}));
  flag->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      return change(ctx, o->id, "case", [&](store::Records& r, const model::EntityId& id) -> Result<void> {
        auto current = r.case_flags(id);
        if (!current) return current.error();
        std::vector<std::string> flags;
        for (const auto& f : *current) {
          if (f != "threats_to_staff") flags.push_back(f);
        }
        if (o->threats == "yes") flags.emplace_back("threats_to_staff");
        if (auto done = r.set_case_flags(id, flags); !done) return done;
        std::cout << "threats-to-staff: " << o->threats << "\n";
        return {};
      });
    };
  });
  auto* flags = cases->add_subcommand("flags", "Set a case's flags (replaces them; none clears)");
  flags->add_option("id", o->id, "Case id")->required();
  flags->add_option("--set", o->flags, "Flags")->delimiter(',')->check(CLI::IsMember(words(domain::case_flags())));
  flags->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      return change(ctx, o->id, "case", [&](store::Records& r, const model::EntityId& id) {
        return r.set_case_flags(id, o->flags);
      });
    };
  });
}

struct VisitOptions {
  int staff = 0;  // 0: not given
  std::string case_id;
  store::VisitInput input;
};

void add_visit(CLI::App& app, Context& ctx) {
  auto* visit = app.add_subcommand("visit", "Visits and appointments")->require_subcommand(1);
  auto o = std::make_shared<VisitOptions>();
  auto* record = visit->add_subcommand("record", "Record a visit; prints the new id");
  record->add_option("--case", o->case_id, "Case id")->required();
  record->add_option("--kind", o->input.kind, "Kind of visit")->required()->check(CLI::IsMember(words(domain::visit_kinds())));
  record->add_option("--partner-present", o->input.partner_present, "Was the partner present")
      ->required()
      ->check(CLI::IsMember(words(domain::partner_present_values())));
  record->add_option("--planned-at", o->input.planned_at, "When (ISO 8601)");
  record->add_option("--place", o->input.place, "Where");
  auto* two = record->add_flag("--two-staff", o->input.two_staff, "Two staff go (as --staff 2)");
  record->add_option("--staff", o->staff, "How many staff go: 1 or 2")->check(CLI::IsMember({1, 2}))->excludes(two);
  record->add_option("--override", o->input.risk_override,
                     "A home visit alone to a case flagged for threats or judged high risk: the reviewer's override (who, why)");
  record->add_flag("--alarm", o->input.alarm_taken, "A personal alarm was taken");
  record->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto case_id = parse_id(o->case_id, "case");
      if (!case_id) return Result<void>(case_id.error());
      store::VisitInput input = o->input;
      input.case_id = *case_id;
      if (o->staff == 2) input.two_staff = true;
      return print_new_id(ctx, [&](store::Records& r) { return r.record_visit(input); });
    };
  });
}

struct NoteOptions {
  std::string visit, id, text, kind, event_time;
};

void add_note(CLI::App& app, Context& ctx) {
  auto* note = app.add_subcommand("note", "Notes: drafts until signed, then only addenda")->require_subcommand(1);
  auto o = std::make_shared<NoteOptions>();
  auto* add = note->add_subcommand("add", "Write a draft note for a visit; prints the new id");
  add->add_option("--visit", o->visit, "Visit id")->required();
  add->add_option("--text", o->text, "The note")->required();
  add->add_option("--event-time", o->event_time,
                  "When it happened (ISO 8601); default the visit's planned time, else now");
  add->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto visit = parse_id(o->visit, "visit");
      if (!visit) return Result<void>(visit.error());
      return print_new_id(ctx, [&](store::Records& r) { return r.add_note(*visit, o->text, o->event_time); });
    };
  });
  auto* edit = note->add_subcommand("edit", "Replace a draft note's text or event time");
  edit->add_option("id", o->id, "Note id")->required();
  auto* text_opt = edit->add_option("--text", o->text, "The new text");
  auto* time_opt = edit->add_option("--event-time", o->event_time, "When it happened (ISO 8601)");
  edit->callback([&ctx, o, text_opt, time_opt] {
    if (text_opt->count() == 0 && time_opt->count() == 0) throw CLI::ValidationError("note edit", "give --text or --event-time");
    const bool new_text = text_opt->count() != 0;
    const bool new_time = time_opt->count() != 0;
    ctx.action = [&ctx, o, new_text, new_time] {
      return change(ctx, o->id, "note", [&](store::Records& r, const model::EntityId& id) -> Result<void> {
        if (new_text) {
          if (auto done = r.edit_note(id, o->text); !done) return done;
        }
        if (new_time) return r.set_note_event_time(id, o->event_time);
        return {};
      });
    };
  });
  auto* del = note->add_subcommand("delete", "Delete a draft note");
  del->add_option("id", o->id, "Note id")->required();
  del->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      return change(ctx, o->id, "note", [](store::Records& r, const model::EntityId& id) { return r.delete_draft(id); });
    };
  });
  auto* sign = note->add_subcommand("sign", "Sign a note: it can never change again");
  sign->add_option("id", o->id, "Note id")->required();
  sign->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      return change(ctx, o->id, "note", [](store::Records& r, const model::EntityId& id) { return r.sign_note(id); });
    };
  });
  auto* addendum = note->add_subcommand("addendum", "Add a correction, addition or objection to a signed note; prints its id");
  addendum->add_option("id", o->id, "Note id")->required();
  addendum->add_option("--kind", o->kind, "Kind")->required()->check(CLI::IsMember(words(domain::addendum_kinds())));
  addendum->add_option("--text", o->text, "The addendum")->required();
  addendum->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto id = parse_id(o->id, "note");
      if (!id) return Result<void>(id.error());
      return print_new_id(ctx, [&](store::Records& r) { return r.add_addendum(*id, o->kind, o->text); });
    };
  });
  auto* signoff = note->add_subcommand("signoff", "Reviewer: sign off a signed note");
  signoff->add_option("id", o->id, "Note id")->required();
  signoff->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      return change(
          ctx, o->id, "note", [](store::Records& r, const model::EntityId& id) { return r.sign_off(id); },
          wire::ChangeSetClass::review);
    };
  });
}

}  // namespace

void add_record_commands(CLI::App& app, Context& ctx) {
  add_person(app, ctx);
  add_case(app, ctx);
  add_visit(app, ctx);
  add_note(app, ctx);
}

}  // namespace varn::cli
