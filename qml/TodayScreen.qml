import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// The worker's day: their own drafts left unsigned past the unit's days
// first, then planned visits from today on, soonest first.
Page {
    id: page
    objectName: "todayScreen"
    title: qsTr("Idag")

    VisitListModel {
        id: visits
        upcomingOnly: true
        mineOnly: true
    }
    NoteListModel {
        id: staleDrafts
        objectName: "staleDrafts"
        author: "me"
        onlyStale: true
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: qsTr("Planerade besök")
                font.pixelSize: 24
            }
            Button {
                text: qsTr("Personer och ärenden")
                onClicked: page.StackView.view.push(Qt.resolvedUrl("PersonsScreen.qml"))
            }
        }

        Label {
            objectName: "staleDraftsHeading"
            visible: staleDrafts.count > 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Gamla utkast att signera: %1").arg(staleDrafts.count)
            font.pixelSize: 20
            color: Theme.error
        }
        // A Column, not rows of the layout itself: Qt 6.4's layouts crash when
        // a Repeater's items go while the layout arranges them.
        Column {
            Layout.fillWidth: true
            visible: staleDrafts.count > 0
            Repeater {
                model: staleDrafts
                delegate: NoteRow {
                    id: staleRow
                    width: parent ? parent.width : 0
                    onClicked: page.StackView.view.push(Qt.resolvedUrl("NoteEditorScreen.qml"), { noteId: staleRow.noteId })
                }
            }
        }

        Label {
            visible: visits.count === 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.muted
            text: qsTr("Inga planerade besök. Planera ett besök från en persons ärende.")
        }

        ListView {
            id: list
            objectName: "todayList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: visits
            section.property: "plannedDay"
            section.delegate: Label {
                id: day
                required property string section
                width: ListView.view.width
                topPadding: 12
                text: day.section === "" ? qsTr("Utan tid") : day.section
                font.bold: true
                color: Theme.textStrong
            }
            delegate: ItemDelegate {
                id: visit
                required property string caseId
                required property string personName
                required property string kindLabel
                required property string plannedTime
                width: ListView.view.width
                height: 64
                contentItem: RowLayout {
                    Label {
                        Layout.preferredWidth: 80
                        text: visit.plannedTime
                        font.pixelSize: 20
                    }
                    Label {
                        Layout.fillWidth: true
                        text: visit.personName
                        font.pixelSize: 20
                        elide: Text.ElideRight
                    }
                    Label {
                        text: visit.kindLabel
                        color: Theme.muted
                    }
                }
                onClicked: page.StackView.view.push(Qt.resolvedUrl("PersonCaseScreen.qml"), { caseId: visit.caseId })
            }
        }
    }
}
