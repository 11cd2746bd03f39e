#pragma once

#include "core/log/logexport.h"

#include <QObject>

class QWidget;

namespace sockscope {

class LogPane;
class LogRecorder;
class LogSaver;
class Session;

// The log's file actions: "Save log…" (a snapshot, written in slices with a progress
// dialog when big) and "Record to file" (every record from now on, appended as it comes).
// Asks for the file, confirms appending to or replacing one that holds something, and says
// what was written. Dialogs are children of window.
class LogFileActions : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFileActions)

public:
    LogFileActions(Session *session, LogPane *log, QWidget *window);
    ~LogFileActions() override;

    bool isRecording() const;
    QString recordingPath() const; // empty when not recording

    void saveLog(); // asks for the file first
    // Saves without asking; while a save runs, raises its progress dialog instead.
    void saveLogTo(const QString &path, sockscope::LogExport::Format format);
    void stopRecording();

signals:
    // What a save wrote (or why it did not), for the window's status bar.
    void statusMessage(const QString &text);
    // Recording started or stopped (by the user or by a write error).
    void recordingChanged();

private:
    void toggleRecording(bool on);
    void onRecordingFailed(const QString &message);
    // Asks for a file to save or record the log to, in one of the log formats (text, CSV,
    // raw received bytes). confirmOverwrite: the dialog asks before replacing an existing
    // file; without it the caller must ask. Empty when cancelled.
    QString chooseLogFile(const QString &title, const QString &dialogName, bool confirmOverwrite,
                          LogExport::Format *format);
    // A recording into a file that already holds something appends to it or replaces it only
    // when the user says so; false when they cancel (or the file cannot be emptied).
    bool confirmRecordInto(const QString &path);
    void onLogSaved(int outcome, qsizetype rows, qsizetype held, const QString &only);

    QWidget *m_window;
    LogPane *m_log;
    LogRecorder *m_recorder;
    LogSaver *m_saver = nullptr; // a save in progress
    QString m_logDir;            // where the last log was saved or recorded
};

} // namespace sockscope
