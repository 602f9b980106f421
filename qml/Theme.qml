pragma Singleton
import QtQuick

// The app's one palette, spacing and type scale; screens use these names,
// never colour literals. Touch targets are at least `touch` pixels.
QtObject {
    // Text
    readonly property color text: "#202124"
    readonly property color textStrong: "#3c4043"
    readonly property color muted: "#5f6368"
    readonly property color faint: "#9aa0a6"
    // States
    readonly property color error: "#b3261e"
    readonly property color errorSurface: "#fce8e6"
    readonly property color good: "#1e6b3a"
    readonly property color goodDot: "#1e8e3e"
    readonly property color pending: "#a15c00"
    readonly property color busyDot: "#f9ab00"
    readonly property color cautionSurface: "#fdf3e7"
    // Surfaces and lines
    readonly property color field: "white"
    readonly property color readOnlyField: "#f1f3f4"
    readonly property color bar: "#f1f3f4"
    readonly property color line: "#dadce0"
    readonly property color fieldBorder: "#bdc1c6"
    readonly property color buttonFace: "#dcdee1"
    readonly property color window: "#f6f6f4"
    // The neutral notepad shown after quick-hide
    readonly property color paper: "#fbfaf6"
    readonly property color paperLine: "#d9d4c7"
    readonly property color paperInk: "#5f5b52"
    readonly property color paperFaint: "#8a8577"

    readonly property int touch: 48       // smallest tap target, px
    readonly property int spacing: 12
    readonly property int margin: 16
    readonly property int radius: 6
    readonly property int bodySize: 18
    readonly property int titleSize: 22
}
