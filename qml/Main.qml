import QtQuick
import QtQuick.Controls
import Varn.Core

// The window: neutral screen when hidden, else first-run / lock / the app.
// The quick-hide button sits above every screen but the neutral one.
ApplicationWindow {
    id: window
    width: 1024
    height: 768
    visible: true
    font.pixelSize: 18
    // Buttons stand out from the page (the platform palette draws them in the window colour).
    palette.button: Theme.buttonFace
    palette.window: Theme.window
    title: Session.hidden ? qsTr("Anteckningar") : qsTr("Värn")

    Loader {
        id: screen
        objectName: "screenLoader"
        anchors.fill: parent
        sourceComponent: Session.hidden ? neutral
                         : !Session.storeExists ? firstRun
                         : !Session.unlocked ? lockScreen : shell
    }

    Component { id: neutral; NeutralScreen {} }
    Component { id: firstRun; CreateStoreScreen {} }
    Component { id: lockScreen; LockScreen {} }
    Component { id: shell; AppShell {} }

    QuickHideButton {
        objectName: "quickHideButton"
        visible: !Session.hidden
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: 4
        z: 100
    }
}
