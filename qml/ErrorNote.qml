import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A failure in plain Swedish; the core's technical detail (English, for
// support) stays folded under "Visa detaljer".
ColumnLayout {
    id: note
    objectName: "errorNote"
    property string text
    property string detail
    property bool expanded: false
    visible: text.length > 0
    Layout.fillWidth: true
    spacing: 4
    onTextChanged: expanded = false

    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: note.text
        color: Theme.error
    }
    Button {
        objectName: "errorDetailButton"
        visible: note.detail.length > 0
        flat: true
        Layout.preferredHeight: Theme.touch
        text: note.expanded ? qsTr("Dölj detaljer") : qsTr("Visa detaljer")
        onClicked: note.expanded = !note.expanded
    }
    Label {
        objectName: "errorDetail"
        visible: note.expanded
        Layout.fillWidth: true
        wrapMode: Text.WrapAnywhere
        text: note.detail
        font.family: "monospace"
        color: Theme.muted
    }
}
