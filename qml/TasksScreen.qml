pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// Follow-up tasks: of one case (with a field to add one) or all of them.
Page {
    id: page
    objectName: "tasksScreen"
    property string caseId
    title: qsTr("Uppgifter")

    TaskListModel {
        id: tasks
        caseId: page.caseId
        showDone: showDoneBox.checked
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        RowLayout {
            Layout.fillWidth: true
            visible: page.caseId.length > 0
            TextField {
                id: taskText
                objectName: "taskText"
                Layout.fillWidth: true
                placeholderText: qsTr("Ny uppgift")
            }
            TextField {
                id: dueField
                Layout.preferredWidth: 160
                placeholderText: qsTr("Senast ÅÅÅÅ-MM-DD")
            }
            Button {
                objectName: "addTaskButton"
                text: qsTr("Lägg till")
                enabled: taskText.text.length > 0
                onClicked: if (Records.addTask(page.caseId, taskText.text, dueField.text).length > 0) { taskText.text = ""; dueField.text = "" }
            }
        }
        CheckBox {
            id: showDoneBox
            text: qsTr("Visa klara")
        }
        Label {
            visible: tasks.count === 0
            text: qsTr("Inga uppgifter.")
            color: "#5f6368"
        }
        ListView {
            objectName: "taskList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: tasks
            // Roles through `model`: a role named "text" would shadow the delegate's own text.
            delegate: CheckDelegate {
                id: task
                required property var model
                width: ListView.view.width
                height: 64
                text: task.model.personName.length > 0 ? "%1 — %2".arg(task.model.text).arg(task.model.personName) : task.model.text
                checked: task.model.done
                enabled: !task.model.done
                onClicked: Records.completeTask(task.model.taskId)
                contentItem: ColumnLayout {
                    Label { text: task.model.text; font.pixelSize: 18; font.strikeout: task.model.done }
                    Label {
                        text: (task.model.personName.length > 0 ? task.model.personName + " · " : "")
                              + (task.model.due.length > 0 ? qsTr("senast %1").arg(task.model.due) : "")
                        color: task.model.overdue ? "#b3261e" : "#5f6368"
                    }
                }
            }
        }
        Label {
            visible: Records.lastError.length > 0
            text: Records.lastError
            color: "#b3261e"
        }
    }
}
