#include "instrument_form_model.hpp"

#include "error_text.hpp"
#include "qt_std.hpp"

namespace varn::ui {
namespace {

QString kind_name(model::AnswerKind kind) {
  switch (kind) {
    case model::AnswerKind::yes_no: return QStringLiteral("yes_no");
    case model::AnswerKind::scale: return QStringLiteral("scale");
    case model::AnswerKind::choice: return QStringLiteral("choice");
    case model::AnswerKind::text: return QStringLiteral("text");
  }
  return {};
}

QVariantMap option(const QString& value, const QString& label) {
  return {{QStringLiteral("value"), value}, {QStringLiteral("label"), label}};
}

// Every kind but text answers by picking one of these: the screen draws buttons.
QVariantList options_of(const model::Question& q) {
  QVariantList out;
  switch (q.kind) {
    case model::AnswerKind::yes_no:
      out.push_back(option(QStringLiteral("yes"), InstrumentFormModel::tr("Ja")));
      out.push_back(option(QStringLiteral("no"), InstrumentFormModel::tr("Nej")));
      break;
    case model::AnswerKind::scale:
      for (int v = q.min; v <= q.max; ++v) out.push_back(option(QString::number(v), QString::number(v)));
      break;
    case model::AnswerKind::choice:
      for (const auto& o : q.options) out.push_back(option(qt::to_qstring(o.value), qt::to_qstring(o.label)));
      break;
    case model::AnswerKind::text:
      break;
  }
  return out;
}

}  // namespace

InstrumentFormModel::InstrumentFormModel(QObject* parent) : QAbstractListModel(parent) {}

int InstrumentFormModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QHash<int, QByteArray> InstrumentFormModel::roleNames() const {
  return {{RowKindRole, "rowKind"}, {QuestionIdRole, "questionId"}, {TextRole, "text"}, {MinRole, "min"},
          {MaxRole, "max"},         {OptionsRole, "options"},       {AnswerRole, "answer"}};
}

QVariant InstrumentFormModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const Row& row = rows_[static_cast<std::size_t>(index.row())];
  if (!row.question) {
    if (role == RowKindRole) return QStringLiteral("section");
    if (role == TextRole) return qt::to_qstring(row.section->title);
    return {};
  }
  const model::Question& q = *row.question;
  switch (role) {
    case RowKindRole: return kind_name(q.kind);
    case QuestionIdRole: return qt::to_qstring(q.id);
    case TextRole: return qt::to_qstring(q.text);
    case MinRole: return q.min;
    case MaxRole: return q.max;
    case OptionsRole: return options_of(q);
    case AnswerRole: {
      auto it = answers_.find(q.id);
      return it == answers_.end() ? QString() : qt::to_qstring(it->second);
    }
    default: return {};
  }
}

void InstrumentFormModel::setSource(const QString& path) {
  if (path == source_) return;
  source_ = path;
  take(path.isEmpty() ? Result<model::Instrument>(make_error(Errc::not_found, "no instrument chosen"))
                      : model::load_instrument(qt::to_std(path)));
}

bool InstrumentFormModel::loadJson(const QString& json) {
  take(model::parse_instrument(qt::to_std(json)));
  return loaded();
}

void InstrumentFormModel::take(Result<model::Instrument> parsed) {
  beginResetModel();
  rows_.clear();
  answers_.clear();
  instrument_.reset();
  error_.clear();
  if (parsed) {
    instrument_ = std::move(parsed).value();
    for (const auto& section : instrument_->sections) {
      rows_.push_back({&section, nullptr});
      for (const auto& q : section.questions) rows_.push_back({&section, &q});
    }
  } else {
    error_ = user_message(parsed.error());
  }
  endResetModel();
  emit sourceChanged();
  rescore();
}

QString InstrumentFormModel::title() const { return instrument_ ? qt::to_qstring(instrument_->title) : QString(); }

QString InstrumentFormModel::judgementPrompt() const {
  return instrument_ ? qt::to_qstring(instrument_->judgement_prompt) : QString();
}

int InstrumentFormModel::questionCount() const {
  int n = 0;
  for (const auto& r : rows_) n += r.question ? 1 : 0;
  return n;
}

bool InstrumentFormModel::canSave() const { return loaded() && !judgement_.trimmed().isEmpty(); }

void InstrumentFormModel::setJudgement(const QString& text) {
  if (text == judgement_) return;
  judgement_ = text;
  emit judgementChanged();
  emit scoreChanged();  // canSave follows the judgement
}

void InstrumentFormModel::setAnswer(int row, const QString& value) {
  if (row < 0 || row >= rowCount()) return;
  const Row& r = rows_[static_cast<std::size_t>(row)];
  if (!r.question) return;
  if (value.isEmpty()) {
    answers_.erase(r.question->id);
  } else {
    answers_[r.question->id] = qt::to_std(value);
  }
  const QModelIndex at = index(row);
  emit dataChanged(at, at, {AnswerRole});
  rescore();
}

void InstrumentFormModel::rescore() {
  score_valid_ = false;
  points_ = 0;
  band_.clear();
  if (instrument_) {
    auto s = model::score(*instrument_, answers_);
    if (s) {
      score_valid_ = true;
      points_ = s->points;
      band_ = qt::to_qstring(s->band);
    }
  }
  emit scoreChanged();
}

}  // namespace varn::ui
