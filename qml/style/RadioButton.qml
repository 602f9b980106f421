import QtQuick
import QtQuick.Controls.Basic as Basic

// Basic's RadioButton with a touch target of at least 48 px both ways.
Basic.RadioButton {
    implicitWidth: Math.max(48, implicitBackgroundWidth + leftInset + rightInset,
                            implicitContentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(48, implicitBackgroundHeight + topInset + bottomInset,
                             implicitContentHeight + topPadding + bottomPadding)
}
