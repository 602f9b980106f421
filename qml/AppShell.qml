import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// The unlocked app: navigation (beside the screen in landscape, a drawer in
// portrait), the current screen, and the sync bar always at the bottom.
Page {
    id: shell
    objectName: "appShell"
    readonly property bool wide: width > height && width >= 900

    // Which parts a role uses is decided in C++ (Session.mayUse).
    readonly property var destinations: [
        { area: "field", title: qsTr("Idag"), page: "TodayScreen.qml" },
        { area: "field", title: qsTr("Mina ärenden"), page: "PersonsScreen.qml" },
        { area: "field", title: qsTr("Uppgifter"), page: "TasksScreen.qml" },
        { area: "review", title: qsTr("Granskning"), page: "NotesReviewScreen.qml" },
        { area: "review", title: qsTr("Åtkomstlogg"), page: "AccessLogScreen.qml" },
        { area: "review", title: qsTr("Månadsgranskning"), page: "LogReviewScreen.qml" },
        { area: "admin", title: qsTr("Surfplattor"), page: "DevicesScreen.qml" },
        { area: "admin", title: qsTr("Personal"), page: "StaffScreen.qml" },
        { area: "any", title: qsTr("Anslutning"), page: "EnrolmentScreen.qml" },
        { area: "panic", title: qsTr("Radera allt"), page: "" }
    ]

    function go(page) {
        stack.clear()
        stack.push(Qt.resolvedUrl(page))
        drawer.close()
    }

    // Opens a screen on top of the current one (a case, a note, ...).
    function open(page, properties) {
        stack.push(Qt.resolvedUrl(page), properties)
    }

    function homePage() {
        if (Session.enrolStatus === "" || Session.enrolStatus === "pending")
            return "EnrolmentScreen.qml"
        if (Session.mayUse("field")) return "TodayScreen.qml"
        if (Session.mayUse("review")) return "NotesReviewScreen.qml"
        return "DevicesScreen.qml"
    }

    // Back where the person was typing, when text waits unsaved (after a
    // quick-hide, a lock or a crash).
    Component.onCompleted: {
        go(homePage())
        var where = Records.lastTyped()
        if (Session.mayUse("field") && (where.noteId || where.visitId))
            open("NoteEditorScreen.qml", { noteId: where.noteId || "", visitId: where.visitId || "" })
    }

    header: ToolBar {
        height: 64
        RowLayout {
            anchors.fill: parent
            anchors.rightMargin: 80   // the quick-hide button sits here
            ToolButton {
                text: stack.depth > 1 ? "\u2190" : "\u2630"
                font.pixelSize: 24
                visible: stack.depth > 1 || !shell.wide
                Accessible.name: stack.depth > 1 ? qsTr("Tillbaka") : qsTr("Meny")
                onClicked: stack.depth > 1 ? stack.pop() : drawer.open()
            }
            Label {
                Layout.fillWidth: true
                leftPadding: 16
                text: (stack.currentItem as Page)?.title || qsTr("Värn")   // every screen is a Page
                font.pixelSize: 22
                fontSizeMode: Text.HorizontalFit   // a long instrument name shrinks instead of being cut
                minimumPixelSize: 14
                elide: Text.ElideRight
            }
            ToolButton {
                objectName: "lockButton"
                text: qsTr("Lås")
                font.pixelSize: 18
                onClicked: Session.lock()
            }
        }
    }

    footer: SyncBar {
        onOpenNote: function(noteId) { stack.push(Qt.resolvedUrl("NoteEditorScreen.qml"), { noteId: noteId }) }
    }

    // No `pragma ComponentBehavior: Bound` here: Qt 6.4 refuses to let a Loader
    // instantiate a bound component, so qmllint flags `shell` in this one.
    Component {
        id: navList
        ListView {
            model: shell.destinations
            delegate: ItemDelegate {
                id: destination
                required property var modelData
                width: ListView.view.width
                height: visible ? 56 : 0
                // Session.role and enrolStatus make the binding follow an approval.
                visible: destination.modelData.area === "any" || destination.modelData.area === "panic"
                         || (Session.role + Session.enrolStatus !== "" && Session.mayUse(destination.modelData.area))
                text: destination.modelData.title
                font.pixelSize: 18
                onClicked: destination.modelData.area === "panic" ? panic.open() : shell.go(destination.modelData.page)
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        Loader {
            Layout.fillHeight: true
            Layout.preferredWidth: 240
            visible: shell.wide
            active: shell.wide
            sourceComponent: navList
        }
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            visible: shell.wide
            color: Theme.line
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            StackView {
                id: stack
                objectName: "mainStack"
                onCurrentItemChanged: Records.clearError()   // an error belongs to the screen it happened on
                anchors.fill: parent
                clip: true
                visible: !cover.visible
            }
            LeaseCover {
                id: cover
                anchors.fill: parent
                // The admin's device list is no case content: it stays usable.
                visible: Sync.leaseExpired && !(stack.currentItem as Page)?.objectName?.startsWith("devices")
            }
        }
    }

    PanicDialog { id: panic }

    Drawer {
        id: drawer
        width: 280
        height: shell.height
        interactive: !shell.wide
        Loader {
            anchors.fill: parent
            sourceComponent: navList
        }
    }
}
