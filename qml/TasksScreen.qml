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
            DateField {
                id: dueField
                objectName: "dueField"
                label: qsTr("Senast")
            }
            Button {
                objectName: "addTaskButton"
                text: qsTr("Lägg till")
                enabled: taskText.text.length > 0
                onClicked: if (Records.addTask(page.caseId, taskText.text, dueField.day).length > 0) { taskText.text = ""; dueField.day = "" }
            }
        }
        CheckBox {
            id: showDoneBox
            objectName: "showDoneBox"
            text: qsTr("Visa klara")
        }
        Label {
            visible: tasks.count === 0
            text: qsTr("Inga uppgifter.")
            color: Theme.muted
        }
        ListView {
            objectName: "taskList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: tasks
            // Roles through `model`: a role named "text" would shadow the delegate's own text.
            // A tap on the row does nothing: only the row's button acts, and
            // marking done asks first and can be undone.
            delegate: ItemDelegate {
                id: task
                required property var model
                width: ListView.view.width
                height: Math.max(72, taskRow.implicitHeight + 16)
                contentItem: RowLayout {
                    id: taskRow
                    spacing: 12
                    ColumnLayout {
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: task.model.text
                            font.pixelSize: 18
                            font.strikeout: task.model.done
                        }
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: (task.model.personName.length > 0 ? task.model.personName + " · " : "")
                                  + (task.model.done ? qsTr("klar")
                                     : task.model.due.length > 0 ? qsTr("senast %1").arg(task.model.due) : "")
                            color: task.model.overdue ? Theme.error : Theme.muted
                        }
                    }
                    Button {
                        objectName: task.model.done ? "reopenTaskButton" : "doneTaskButton"
                        Layout.preferredHeight: 48
                        Layout.minimumWidth: 120
                        text: task.model.done ? qsTr("Öppna igen") : qsTr("Klar")
                        onClicked: task.model.done ? Records.reopenTask(task.model.taskId)
                                                   : doneDialog.ask(task.model.taskId, task.model.text, task.model.personName)
                    }
                }
            }
        }
        RowLayout {
            objectName: "undoDoneBar"
            visible: doneDialog.lastDone.length > 0
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Uppgiften ”%1” är markerad som klar.").arg(doneDialog.lastDoneText)
            }
            Button {
                objectName: "undoDoneButton"
                Layout.preferredHeight: 48
                text: qsTr("Ångra")
                onClicked: if (Records.reopenTask(doneDialog.lastDone)) doneDialog.lastDone = ""
            }
        }
        ErrorNote {
            text: Records.lastError
            detail: Records.lastErrorDetail
        }
    }

    ConfirmDialog {
        id: doneDialog
        property string taskId
        property string taskText
        property string personName
        property string lastDone       // the task to reopen with "Ångra"
        property string lastDoneText
        function ask(askedId, askedText, askedPerson) {
            doneDialog.taskId = askedId
            doneDialog.taskText = askedText
            doneDialog.personName = askedPerson
            doneDialog.open()
        }
        title: qsTr("Markera uppgiften som klar?")
        acceptText: qsTr("Markera som klar")
        acceptName: "confirmDoneButton"
        message: (doneDialog.personName.length > 0
                  ? qsTr("”%1” för %2.").arg(doneDialog.taskText).arg(doneDialog.personName)
                  : qsTr("”%1”.").arg(doneDialog.taskText))
                 + " " + qsTr("En klar uppgift kan öppnas igen under ”Visa klara”.")
        onAccepted: {
            if (Records.completeTask(doneDialog.taskId)) {
                doneDialog.lastDone = doneDialog.taskId
                doneDialog.lastDoneText = doneDialog.taskText
            }
        }
    }
}
