pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// One person's own case: details (never a protected address), phase,
// visits, notes, and the way to a new visit, an assessment and tasks.
Page {
    id: page
    objectName: "personCaseScreen"
    property string caseId
    title: details.personName.length > 0 ? details.personName : qsTr("Ärende")

    CaseDetails {
        id: details
        caseId: page.caseId
        active: page.StackView.status === StackView.Active
    }
    NoteListModel {
        id: notes
        caseId: page.caseId
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

            Label {
                objectName: "caseError"
                visible: details.error.length > 0
                text: details.error
                color: Theme.error
            }
            // A case that did not open (restricted to others) shows nothing else.
            GridLayout {
                visible: details.loaded
                columns: page.width > 700 ? 4 : 2
                columnSpacing: 16
                Label { text: qsTr("Namn"); color: Theme.muted }
                Label { objectName: "personName"; text: details.personName; font.pixelSize: 20 }
                Label { text: qsTr("Skydd"); color: Theme.muted }
                // Any level can be chosen at any time; removing it is a reviewer's or admin's.
                ComboBox {
                    id: protectionBox
                    objectName: "protectionBox"
                    Layout.preferredWidth: 260
                    model: Records.protectionLevels
                    currentIndex: Records.protectionLevels.indexOf(details.protection)
                    displayText: Records.label(currentText)
                    delegate: ItemDelegate {
                        id: level
                        required property string modelData
                        width: ListView.view.width
                        text: Records.label(level.modelData)
                        enabled: Records.maySetProtection(level.modelData)
                    }
                    onActivated: {
                        if (currentText === details.protection) return
                        if (currentText === "protected_registration") {
                            protectDialog.open()  // it removes the address for good: asked first
                        } else {
                            page.setProtection(currentText)
                        }
                    }
                }
                Label { text: qsTr("Adress"); color: Theme.muted }
                Label {
                    objectName: "addressLabel"
                    text: details.isProtected ? qsTr("Visas inte (skyddad person)") : details.address
                    font.italic: details.isProtected
                }
                Label { text: qsTr("Fas"); color: Theme.muted }
                ComboBox {
                    id: phaseBox
                    Layout.preferredWidth: 260
                    objectName: "phaseBox"
                    model: Records.casePhases
                    currentIndex: Records.casePhases.indexOf(details.phase)
                    displayText: Records.label(currentText)
                    delegate: ItemDelegate {
                        id: option
                        required property string modelData
                        width: ListView.view.width
                        text: Records.label(option.modelData)
                    }
                    onActivated: Records.setCasePhase(page.caseId, currentText)
                }
                Label { text: qsTr("Ansvarig"); color: Theme.muted }
                RowLayout {
                    Label {
                        objectName: "responsibleLabel"
                        text: details.responsible.length > 0 ? details.responsible.join("; ") : qsTr("Ingen ansvarig")
                        font.italic: details.responsible.length === 0
                    }
                    Button {
                        objectName: "assignButton"
                        visible: Records.mayAssignCase()
                        text: qsTr("Ändra")
                        onClicked: assignDialog.open()
                    }
                }
                Label { text: qsTr("Åtkomst"); color: Theme.muted }
                RowLayout {
                    Label {
                        objectName: "restrictionLabel"
                        text: details.restricted ? qsTr("Skyddat ärende: %1").arg(details.restrictedTo.join("; "))
                                                 : qsTr("Alla i enheten")
                        color: details.restricted ? Theme.error : Theme.text
                        font.bold: details.restricted
                        wrapMode: Text.Wrap
                        Layout.maximumWidth: 360
                    }
                    Button {
                        objectName: "restrictButton"
                        visible: Records.mayRestrictCase()
                        text: details.restricted ? qsTr("Ändra") : qsTr("Begränsa")
                        onClicked: restrictDialog.open()
                    }
                }
            }
            Label {
                visible: details.flagLabels.length > 0
                text: details.flagLabels.join(" · ")
                color: Theme.error
                font.bold: true
            }
            // Threats against staff gate a home visit alone (the visit form asks for an override).
            CheckBox {
                objectName: "threatsToStaffBox"
                visible: details.loaded
                text: qsTr("Hot mot personal")
                checked: details.flags.indexOf("threats_to_staff") >= 0
                onToggled: {
                    Records.setThreatsToStaff(page.caseId, checked)
                    details.reload()
                }
            }

            Flow {
                visible: details.loaded
                Layout.fillWidth: true
                spacing: 8
                Button {
                    objectName: "newVisitButton"
                    text: qsTr("Nytt besök")
                    highlighted: true
                    onClicked: page.StackView.view.push(Qt.resolvedUrl("RecordVisitScreen.qml"), { caseId: page.caseId })
                }
                Button {
                    text: qsTr("Bedömning")
                    onClicked: page.StackView.view.push(Qt.resolvedUrl("InstrumentFormScreen.qml"), { caseId: page.caseId })
                }
                Button {
                    text: qsTr("Uppgifter")
                    onClicked: page.StackView.view.push(Qt.resolvedUrl("TasksScreen.qml"), { caseId: page.caseId })
                }
                Button {
                    visible: Session.mayUse("review")
                    text: qsTr("Åtkomstlogg")
                    onClicked: page.StackView.view.push(Qt.resolvedUrl("AccessLogScreen.qml"), { caseId: page.caseId })
                }
            }

            Label { text: qsTr("Besök"); font.pixelSize: 22; visible: details.loaded }
            // Rows in a Column, not in the layout itself: Qt 6.4's layouts can
            // crash when a Repeater's items go while the layout arranges them.
            Column {
                Layout.fillWidth: true
                Repeater {
                    model: details.visits
                    delegate: ItemDelegate {
                        id: visit
                        objectName: "visitRow"
                        required property var modelData
                        width: parent ? parent.width : 0
                        height: 64
                        contentItem: RowLayout {
                            Label { text: visit.modelData.kindLabel; font.pixelSize: 18; Layout.preferredWidth: 200 }
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 0
                                Label {
                                    Layout.fillWidth: true
                                    text: visit.modelData.plannedAt.length > 0
                                          ? Qt.formatDateTime(new Date(visit.modelData.plannedAt), "yyyy-MM-dd HH:mm") : qsTr("utan tid")
                                }
                                Label {
                                    objectName: "visitWrittenAt"
                                    Layout.fillWidth: true
                                    wrapMode: Text.Wrap
                                    text: qsTr("registrerat %1").arg(Qt.formatDateTime(visit.modelData.writtenAt, "yyyy-MM-dd HH:mm"))
                                    color: Theme.muted
                                }
                            }
                            Label {
                                text: qsTr("Partner närvarande: %1").arg(visit.modelData.partnerLabel)
                                color: Theme.muted
                            }
                        }
                        onClicked: page.StackView.view.push(Qt.resolvedUrl("NoteEditorScreen.qml"), { visitId: visit.modelData.visitId })
                    }
                }
            }

            // Saved assessments as they were made: the instrument and version
            // then, the score beside the worker's own judgement.
            Label {
                visible: details.assessments.length > 0
                text: qsTr("Bedömningar")
                font.pixelSize: 22
            }
            Column {
                Layout.fillWidth: true
                spacing: 8
                Repeater {
                    model: details.assessments
                    delegate: ColumnLayout {
                        id: assessment
                        objectName: "assessmentRow"
                        required property var modelData
                        width: parent ? parent.width : 0
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            font.bold: true
                            text: qsTr("%1 (version %2), %3").arg(assessment.modelData.instrument)
                                      .arg(assessment.modelData.version)
                                      .arg(Qt.formatDateTime(assessment.modelData.writtenAt, "yyyy-MM-dd HH:mm"))
                        }
                        Label {
                            objectName: "assessmentScore"
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: qsTr("Poäng %1 (%2) · Bedömning: %3").arg(assessment.modelData.points)
                                      .arg(assessment.modelData.band).arg(assessment.modelData.judgement)
                        }
                        Label {
                            Layout.fillWidth: true
                            color: Theme.muted
                            text: qsTr("Av %1").arg(assessment.modelData.author)
                        }
                    }
                }
            }

            Label { text: qsTr("Anteckningar"); font.pixelSize: 22; visible: details.loaded }
            Column {
                Layout.fillWidth: true
                Repeater {
                    model: notes
                    delegate: NoteRow {
                        id: noteRow
                        width: parent ? parent.width : 0
                        onClicked: page.StackView.view.push(Qt.resolvedUrl("NoteEditorScreen.qml"), { noteId: noteRow.noteId })
                    }
                }
            }
        }
    }

    function setProtection(level) {
        Records.setProtection(details.personId, level)
        details.reload()
        protectionBox.currentIndex = Records.protectionLevels.indexOf(details.protection)
    }

    // The unit manager names who is responsible: the case then is in
    // their "Mina ärenden" and "Idag" on every device.
    StaffPickerDialog {
        id: assignDialog
        objectName: "assignDialog"
        title: qsTr("Ansvariga för ärendet")
        initial: details.responsibleIds
        onPicked: function (staffIds) {
            if (Records.setCaseResponsible(page.caseId, staffIds)) details.reload()
        }
    }

    // Skyddade personuppgifter: the case and its person are sealed to the
    // devices of the staff named here, and to no other device of the unit.
    StaffPickerDialog {
        id: restrictDialog
        objectName: "restrictDialog"
        title: qsTr("Vem får läsa ärendet?")
        hint: qsTr("Bara de namngivnas surfplattor kan läsa ärendet och personen. Den som tas bort kan inte läsa det som skrivs efter det.")
        initial: details.restrictedIds
        onPicked: function (staffIds) {
            if (Records.restrictCase(page.caseId, staffIds)) details.reload()
        }
    }

    ConfirmDialog {
        id: protectDialog
        title: qsTr("Skyddad folkbokföring?")
        acceptText: qsTr("Ändra till skyddad folkbokföring")
        acceptName: "confirmProtectButton"
        message: qsTr("%1 får skyddad folkbokföring. En adress som finns registrerad tas bort från alla surfplattor, och ingen adress kan registreras för personen efter det.").arg(details.personName)
        onAccepted: page.setProtection("protected_registration")
        onRejected: protectionBox.currentIndex = Records.protectionLevels.indexOf(details.protection)
    }
}
