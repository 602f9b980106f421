import QtQuick
import QtQuick.Controls.Basic as Basic

// Basic's CheckDelegate with a touch target of at least 48 px both ways.
Basic.CheckDelegate {
    implicitWidth: Math.max(48, implicitBackgroundWidth + leftInset + rightInset,
                            implicitContentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(48, implicitBackgroundHeight + topInset + bottomInset,
                             implicitContentHeight + topPadding + bottomPadding)
}
