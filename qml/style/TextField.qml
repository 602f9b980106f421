import QtQuick
import QtQuick.Controls.Basic as Basic

// Basic's TextField, at least 48 px tall for a finger.
Basic.TextField {
    implicitHeight: Math.max(48, implicitBackgroundHeight + topInset + bottomInset,
                             contentHeight + topPadding + bottomPadding)
}
