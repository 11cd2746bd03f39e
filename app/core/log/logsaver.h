#pragma once

#include "core/log/logexport.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QSaveFile;

namespace sockscope {

// Saves a snapshot of log records to a file without holding the event loop:
// each slice writes about SliceBytes and then lets the loop run (records share
// their payloads, so the snapshot is cheap). The target is replaced only when
// everything was written (QSaveFile); cancel() or an error leaves it as it was.
class LogSaver : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogSaver)

public:
    enum class Outcome
    {
        Saved,
        Cancelled,
        Failed
    };
    Q_ENUM(Outcome)

    static constexpr qint64 SliceBytes = 4 << 20;

    explicit LogSaver(QObject *parent = nullptr);
    ~LogSaver() override;

    // Writes the first slice before returning, so a small save has finished (and
    // emitted finished()) by then. False when the file cannot be opened.
    bool start(const QString &path, const LogRecords &records, const LogExport::Options &options);
    void cancel();
    bool isRunning() const { return bool(m_file); }

    qsizetype recordsDone() const { return m_next; }
    qsizetype recordCount() const { return m_records.size(); }
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }

signals:
    void progress(qsizetype done, qsizetype total);
    void finished(sockscope::LogSaver::Outcome outcome);

private:
    void writeSlice();
    void finish(Outcome outcome);

    LogRecords m_records;
    LogExport::Options m_options;
    std::unique_ptr<QSaveFile> m_file;
    QTimer m_slices;
    QString m_path;
    QString m_error;
    qsizetype m_next = 0;
};

} // namespace sockscope
