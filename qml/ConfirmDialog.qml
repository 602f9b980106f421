import QtQuick
import QtQuick.Controls

// A question before an action that cannot be taken back lightly: the text
// names exactly what it acts on, and the buttons name the action in Swedish
// (never Yes/No).
Dialog {
    id: dialog
    property string message
    property string acceptText
    property string acceptName: "confirmButton"   // objectName of the accept button, for tests
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min((Overlay.overlay ? Overlay.overlay.width : 600) - 48, 520)

    Label {
        width: dialog.availableWidth
        wrapMode: Text.Wrap
        text: dialog.message
    }
    footer: DialogButtonBox {
        Button {
            objectName: dialog.acceptName
            text: dialog.acceptText
            implicitHeight: Theme.touch
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            objectName: "cancelButton"
            text: qsTr("Avbryt")
            implicitHeight: Theme.touch
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
