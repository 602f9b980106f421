pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// The form engine's screen: questions from the instrument file on one side,
// the score beside the worker's own judgement (required) on the other.
Page {
    id: page
    objectName: "instrumentFormScreen"
    property string caseId
    property alias form: form
    title: form.loaded ? form.title : qsTr("Bedömning")

    InstrumentForm {
        id: form
        source: Records.instrumentFiles.length > 0 ? Records.instrumentFiles[0] : ""
    }

    readonly property bool wide: width > height

    GridLayout {
        anchors.fill: parent
        anchors.margins: 16
        columns: page.wide ? 2 : 1
        columnSpacing: 16
        rowSpacing: 12

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: page.wide ? (page.width - 48) * 0.58 : page.width - 32
            Layout.maximumWidth: Layout.preferredWidth
            ComboBox {
                Layout.fillWidth: true
                visible: Records.instrumentFiles.length > 1
                model: Records.instrumentFiles
                onActivated: form.source = currentText
            }
            Label {
                visible: !form.loaded
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: form.error.length > 0 ? form.error : qsTr("Inget bedömningsformulär är installerat.")
                color: Theme.error
            }
            ListView {
                id: questions
                objectName: "questionList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 4
                model: form
                delegate: QuestionRow {
                    width: questions.width
                    onAnswered: function(value) { form.setAnswer(index, value) }
                }
            }
        }

        // Score beside the judgement. Long wrapped prompts must not widen the panel: its width is set.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: page.wide
            Layout.preferredWidth: page.wide ? (page.width - 48) * 0.42 : page.width - 32
            Layout.maximumWidth: Layout.preferredWidth
            Layout.preferredHeight: page.wide ? -1 : implicitHeight   // in portrait the questions get the rest
            spacing: 8
            Label {
                Layout.fillWidth: true
                text: qsTr("Poäng enligt formuläret")
                color: Theme.muted
            }
            Label {
                objectName: "scoreLabel"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: form.scoreValid ? qsTr("%1 poäng · %2").arg(form.points).arg(form.band) : "–"
                font.pixelSize: 24
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("%1 av %2 frågor besvarade").arg(form.answered).arg(form.questionCount)
                color: Theme.muted
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Poängen är ett stöd, inte ett beslut. Din egen bedömning krävs.")
                font.italic: true
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: form.judgementPrompt.length > 0 ? form.judgementPrompt : qsTr("Din professionella bedömning")
                font.bold: true
            }
            TextArea {
                objectName: "judgementField"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: 120
                wrapMode: TextEdit.Wrap
                text: form.judgement
                onTextChanged: form.judgement = text
                placeholderText: qsTr("Krävs")
                background: Rectangle { color: Theme.field; border.color: Theme.fieldBorder; radius: 6 }
            }
            ErrorNote {
                text: Records.lastError
                detail: Records.lastErrorDetail
            }
            Button {
                objectName: "saveAssessmentButton"
                Layout.fillWidth: true
                highlighted: true
                enabled: form.canSave
                text: qsTr("Spara bedömning")
                onClicked: if (Records.saveAssessment(page.caseId, form).length > 0) page.StackView.view.pop()
            }
        }
    }
}
