pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Varn.Core

// Choosing staff by name (who is responsible for a case, who may read a
// restricted one): opens with `initial` ticked and hands the ids chosen
// to `picked` when saved.
Dialog {
    id: dialog
    property var initial: []
    property var chosen: []
    property string hint
    signal picked(var staffIds)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min((Overlay.overlay ? Overlay.overlay.width : 600) - 32, 480)
    standardButtons: Dialog.Save | Dialog.Cancel
    onAboutToShow: chosen = initial.slice()
    Column {
        width: parent ? parent.width : 0
        spacing: 8
        Label {
            width: parent.width
            visible: dialog.hint.length > 0
            text: dialog.hint
            wrapMode: Text.Wrap
            color: Theme.muted
        }
        Repeater {
            model: dialog.opened ? Records.staffChoices() : []
            delegate: CheckBox {
                id: choice
                required property var modelData
                objectName: "staffChoice"
                text: choice.modelData.label
                checked: dialog.chosen.indexOf(choice.modelData.staffId) >= 0
                onToggled: {
                    var list = dialog.chosen.filter(function (id) { return id !== choice.modelData.staffId })
                    if (checked) list.push(choice.modelData.staffId)
                    dialog.chosen = list
                }
            }
        }
    }
    onAccepted: picked(chosen)
}
