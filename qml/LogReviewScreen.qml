pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Varn.Core

// The unit manager's monthly review of the access log: the anomalies (reads
// at night, by a device nobody is named for, outside one's own cases), a
// sample nobody picks, and the sign-off every device of the unit sees.
Page {
    id: page
    objectName: "logReviewScreen"
    title: qsTr("Månadsgranskning")

    LogReviewController {
        id: review
    }

    component ReadRow: ColumnLayout {
        id: row
        required property var modelData
        width: parent ? parent.width : 0
        spacing: 0
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("%1  %2: %3").arg(Qt.formatDateTime(row.modelData.at, "yyyy-MM-dd HH:mm"))
                                    .arg(row.modelData.reader).arg(row.modelData.actionLabel)
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.muted
            text: row.modelData.personName.length > 0 ? row.modelData.personName
                                                      : qsTr("Ärende %1").arg(row.modelData.caseId.substring(0, 8))
        }
        Label {
            objectName: "anomalyWhy"
            visible: row.modelData.why !== undefined
            text: row.modelData.why !== undefined ? row.modelData.why : ""
            color: Theme.error
            font.bold: true
        }
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width - 32
            x: 16
            spacing: 12

            RowLayout {
                Layout.topMargin: 16
                Button {
                    objectName: "previousMonth"
                    text: "\u2190"
                    onClicked: review.step(-1)
                }
                Label {
                    objectName: "reviewMonth"
                    text: review.month
                    font.pixelSize: 22
                }
                Button {
                    objectName: "nextMonth"
                    text: "\u2192"
                    onClicked: review.step(1)
                }
            }
            Label {
                objectName: "readCount"
                text: qsTr("Läsningar i månaden: %1").arg(review.reads)
            }

            Label {
                objectName: "anomalyHeading"
                text: qsTr("Avvikelser: %1").arg(review.anomalies.length)
                font.bold: true
                color: review.anomalies.length > 0 ? Theme.error : Theme.muted
            }
            Column {
                Layout.fillWidth: true
                spacing: 8
                Repeater {
                    model: review.anomalies
                    delegate: ReadRow {}
                }
            }

            Label {
                objectName: "sampleHeading"
                text: qsTr("Stickprov: %1").arg(review.sample.length)
                font.bold: true
            }
            Column {
                Layout.fillWidth: true
                spacing: 8
                Repeater {
                    model: review.sample
                    delegate: ReadRow {}
                }
            }

            Column {
                Layout.fillWidth: true
                spacing: 4
                Repeater {
                    model: review.signOffs
                    delegate: Label {
                        id: signedOff
                        required property var modelData
                        objectName: "signedOff"
                        width: parent ? parent.width : 0
                        wrapMode: Text.Wrap
                        text: qsTr("Signerad av %1 %2: %3").arg(signedOff.modelData.reviewer)
                                  .arg(Qt.formatDateTime(signedOff.modelData.at, "yyyy-MM-dd HH:mm"))
                                  .arg(signedOff.modelData.comment)
                    }
                }
            }

            TextArea {
                id: comment
                objectName: "reviewComment"
                Layout.fillWidth: true
                Layout.preferredHeight: 100
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("Kommentar till granskningen (krävs)")
            }
            Button {
                objectName: "signReviewButton"
                text: qsTr("Signera granskningen")
                highlighted: true
                enabled: comment.text.trim().length > 0
                onClicked: {
                    if (review.sign(comment.text)) comment.clear()
                }
            }
            ErrorNote {
                text: review.error
            }
        }
    }
}
