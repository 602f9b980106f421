pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// Plans or records a visit. The questions about violence appear only when
// the partner is not present (the rule is Records.violenceQuestionsAllowed).
Page {
    id: page
    objectName: "recordVisitScreen"
    property string caseId
    property string partnerPresent: "unknown"
    readonly property bool violenceAllowed: Records.violenceQuestionsAllowed(partnerPresent)
    title: qsTr("Nytt besök")
    // A home visit of a person with skyddad folkbokföring keeps no place.
    readonly property bool placeKept: Records.placeRecorded(caseId, kindBox.currentText)
    // The risk gate (R17): a home visit alone to a flagged case needs a reviewer's override.
    readonly property var risk: Records.visitRisk(caseId)
    readonly property bool needsOverride: Records.visitNeedsOverride(caseId, kindBox.currentText, twoStaff.checked)

    function save() {
        var id = Records.recordVisit({
            caseId: page.caseId,
            kind: kindBox.currentText,
            partnerPresent: page.partnerPresent,
            plannedAt: plannedField.value,
            place: page.placeKept ? placeField.text : "",
            twoStaff: twoStaff.checked,
            alarmTaken: alarm.checked,
            riskOverride: page.needsOverride ? overrideField.text : "",
            violenceAnswers: page.violenceAllowed ? violenceAnswers.text : ""
        })
        if (id.length > 0)
            page.StackView.view.pop()
    }

    // Always in reach, however long the form.
    footer: Pane {
        Button {
            objectName: "saveVisitButton"
            width: parent.width
            height: 56
            highlighted: true
            text: qsTr("Spara besök")
            onClicked: page.save()
        }
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 32
        clip: true

        ColumnLayout {
            id: column
            x: 16
            y: 16
            width: page.width - 32
            spacing: 12

            Label { text: qsTr("Typ av besök") }
            ComboBox {
                id: kindBox
                objectName: "kindBox"
                Layout.fillWidth: true
                model: Records.visitKinds
                displayText: Records.label(currentText)
                delegate: ItemDelegate {
                    id: option
                    required property string modelData
                    width: ListView.view.width
                    text: Records.label(option.modelData)
                }
            }
            Label { text: qsTr("Tid") }
            DateField {
                id: plannedField
                objectName: "plannedField"
                Layout.fillWidth: true
                withTime: true
            }
            Label { text: qsTr("Plats") }
            TextField {
                id: placeField
                objectName: "placeField"
                visible: page.placeKept
                Layout.fillWidth: true
                placeholderText: qsTr("Till exempel kontoret")
            }
            Label {
                objectName: "placeWithheldNotice"
                visible: !page.placeKept
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Personen har skyddad folkbokföring: platsen för ett hembesök registreras inte.")
                color: Theme.muted
            }
            Label { text: qsTr("Är partnern närvarande?") }
            RowLayout {
                Repeater {
                    model: Records.partnerPresentValues
                    delegate: RadioButton {
                        id: presence
                        required property string modelData
                        objectName: "partner_" + presence.modelData
                        text: Records.label(presence.modelData)
                        checked: page.partnerPresent === presence.modelData
                        onCheckedChanged: if (checked) page.partnerPresent = presence.modelData
                    }
                }
            }
            Frame {
                objectName: "riskNotice"
                visible: page.risk.flagged === true
                Layout.fillWidth: true
                background: Rectangle { color: Theme.cautionSurface; radius: 8 }
                ColumnLayout {
                    width: parent.width
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        font.bold: true
                        color: Theme.error
                        text: page.risk.threatsToStaff === true ? qsTr("Ärendet är flaggat för hot mot personal.")
                                                                : qsTr("Senaste bedömningen: hög risk.")
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        visible: (page.risk.latestRiskLabel || "").length > 0
                        text: qsTr("Senaste bedömda risk: %1").arg(page.risk.latestRiskLabel || "")
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: qsTr("Planerat: %1, %2").arg(twoStaff.checked ? qsTr("två personal") : qsTr("en personal"))
                                  .arg(alarm.checked ? qsTr("med larm") : qsTr("utan larm"))
                    }
                    TextField {
                        id: overrideField
                        objectName: "overrideField"
                        visible: page.needsOverride
                        Layout.fillWidth: true
                        placeholderText: qsTr("Chefens beslut om ensambesök: vem och varför")
                    }
                }
            }
            Switch { id: twoStaff; objectName: "twoStaffSwitch"; text: qsTr("Två personal") }
            Switch { id: alarm; text: qsTr("Larm med") }

            Frame {
                id: violenceSection
                objectName: "violenceSection"
                Layout.fillWidth: true
                visible: page.violenceAllowed
                background: Rectangle { color: Theme.cautionSurface; radius: 8 }
                ColumnLayout {
                    width: parent.width
                    spacing: 8
                    Label {
                        text: qsTr("Frågor om våld")
                        font.pixelSize: 22
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: qsTr("Ställ frågorna bara när ni är ensamma.")
                        color: Theme.muted
                    }
                    Repeater {
                        model: Records.violenceQuestions
                        delegate: Label {
                            id: question
                            required property string modelData
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: "• " + question.modelData
                            font.pixelSize: 18
                        }
                    }
                    TextArea {
                        id: violenceAnswers
                        objectName: "violenceAnswers"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 140
                        wrapMode: TextEdit.Wrap
                        placeholderText: qsTr("Svar (sparas som ett utkast till anteckning)")
                        background: Rectangle { color: Theme.field; border.color: Theme.fieldBorder; radius: 6 }
                    }
                }
            }
            ErrorNote {
                text: Records.lastError
                detail: Records.lastErrorDetail
            }
        }
    }
}
