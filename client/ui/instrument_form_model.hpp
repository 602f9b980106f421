#pragma once
//! The form engine: an instrument JSON file as rows (section headings and
//! questions) with the answers typed so far, the score the file's rules
//! give, and the worker's own judgement, which is always required. The score
//! is shown beside the judgement, never instead of it.

#include <QAbstractListModel>
#include <QQmlEngine>
#include <optional>

#include "varn/model/instrument.hpp"

namespace varn::ui {

class InstrumentFormModel : public QAbstractListModel {
  Q_OBJECT
  QML_NAMED_ELEMENT(InstrumentForm)
  Q_PROPERTY(QString source READ source WRITE setSource NOTIFY sourceChanged)
  Q_PROPERTY(bool loaded READ loaded NOTIFY sourceChanged)
  Q_PROPERTY(QString error READ error NOTIFY sourceChanged)
  Q_PROPERTY(QString title READ title NOTIFY sourceChanged)
  Q_PROPERTY(QString judgementPrompt READ judgementPrompt NOTIFY sourceChanged)
  Q_PROPERTY(QString judgement READ judgement WRITE setJudgement NOTIFY judgementChanged)
  Q_PROPERTY(int points READ points NOTIFY scoreChanged)
  Q_PROPERTY(QString band READ band NOTIFY scoreChanged)
  Q_PROPERTY(bool scoreValid READ scoreValid NOTIFY scoreChanged)
  Q_PROPERTY(int answered READ answered NOTIFY scoreChanged)
  Q_PROPERTY(int questionCount READ questionCount NOTIFY sourceChanged)
  Q_PROPERTY(bool canSave READ canSave NOTIFY scoreChanged)

 public:
  enum Role { RowKindRole = Qt::UserRole + 1, QuestionIdRole, TextRole, MinRole, MaxRole, OptionsRole, AnswerRole };
  Q_ENUM(Role)

  explicit InstrumentFormModel(QObject* parent = nullptr);

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
  [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

  [[nodiscard]] QString source() const { return source_; }
  void setSource(const QString& path);
  //! Loads from JSON text instead of a file (tests, bundled examples).
  Q_INVOKABLE bool loadJson(const QString& json);
  [[nodiscard]] bool loaded() const { return instrument_.has_value(); }
  [[nodiscard]] QString error() const { return error_; }
  [[nodiscard]] QString title() const;
  [[nodiscard]] QString judgementPrompt() const;
  [[nodiscard]] QString judgement() const { return judgement_; }
  void setJudgement(const QString& text);
  [[nodiscard]] int points() const { return points_; }
  [[nodiscard]] QString band() const { return band_; }
  [[nodiscard]] bool scoreValid() const { return score_valid_; }
  [[nodiscard]] int answered() const { return static_cast<int>(answers_.size()); }
  [[nodiscard]] int questionCount() const;
  [[nodiscard]] bool canSave() const;

  //! Sets (or, with "", clears) the answer in `row`.
  Q_INVOKABLE void setAnswer(int row, const QString& value);

  [[nodiscard]] const model::Instrument& instrument() const { return *instrument_; }
  [[nodiscard]] const model::Answers& answers() const { return answers_; }

 signals:
  void sourceChanged();
  void judgementChanged();
  void scoreChanged();

 private:
  struct Row {
    const model::Section* section = nullptr;
    const model::Question* question = nullptr;  //!< nullptr for a section heading
  };
  void take(Result<model::Instrument> parsed);
  void rescore();

  QString source_;
  QString error_;
  std::optional<model::Instrument> instrument_;
  std::vector<Row> rows_;
  model::Answers answers_;
  QString judgement_;
  int points_ = 0;
  QString band_;
  bool score_valid_ = false;
};

}  // namespace varn::ui
