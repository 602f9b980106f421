import QtQuick
import QtQuick.Controls
import Varn.Core

// One tap hides everything and locks the store; large enough to hit blind.
RoundButton {
    width: 56
    height: 56
    text: "\u2715"
    font.pixelSize: 26
    Accessible.name: qsTr("Dölj allt")
    ToolTip.visible: hovered
    ToolTip.text: qsTr("Dölj allt")
    onClicked: Session.quickHide()
}
