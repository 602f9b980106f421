pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One row of an instrument form: a section heading or a question with the
// buttons of its options (yes/no, the scale's steps, the choices) or a text field. Emits the answer; the form model keeps it.
Item {
    id: row
    required property int index
    required property string rowKind
    required property string text
    required property var options
    required property string answer
    signal answered(string value)
    implicitHeight: column.implicitHeight + 12
    height: implicitHeight

    ColumnLayout {
        id: column
        width: parent.width
        spacing: 4
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: row.text
            font.pixelSize: row.rowKind === "section" ? 22 : 18
            font.bold: row.rowKind === "section"
            topPadding: row.rowKind === "section" ? 12 : 0
        }
        Flow {
            Layout.fillWidth: true
            spacing: 6
            visible: row.rowKind === "yes_no" || row.rowKind === "scale" || row.rowKind === "choice"
            Repeater {
                model: row.options
                delegate: Button {
                    id: option
                    required property var modelData
                    text: option.modelData.label
                    checkable: true
                    checked: row.answer === option.modelData.value
                    highlighted: checked
                    onClicked: row.answered(checked ? option.modelData.value : "")
                }
            }
        }
        TextField {
            Layout.fillWidth: true
            visible: row.rowKind === "text"
            text: row.answer
            onEditingFinished: row.answered(text)
        }
    }
}
