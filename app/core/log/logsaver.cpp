#include "core/log/logsaver.h"

#include <QSaveFile>

namespace sockscope {

LogSaver::LogSaver(QObject *parent) : QObject(parent)
{
    m_slices.setInterval(0);
    connect(&m_slices, &QTimer::timeout, this, &LogSaver::writeSlice);
}

LogSaver::~LogSaver() = default; // an unfinished QSaveFile discards its temporary file

bool LogSaver::start(const QString &path, const LogRecords &records,
                     const LogExport::Options &options)
{
    cancel();
    m_path = path;
    m_records = records;
    m_options = options;
    m_next = 0;
    m_error.clear();
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly) ||
        (options.format == LogExport::Format::Csv && m_file->write(LogExport::csvHeader()) < 0)) {
        m_error = m_file->errorString();
        m_file.reset();
        return false;
    }
    writeSlice();
    if (m_file)
        m_slices.start();
    return true;
}

void LogSaver::cancel()
{
    if (m_file)
        finish(Outcome::Cancelled);
}

void LogSaver::writeSlice()
{
    if (!m_file)
        return;
    const qsizetype next =
        LogExport::writeSome(m_file.get(), m_records, m_next, SliceBytes, m_options);
    if (next < 0) {
        m_error = m_file->errorString();
        finish(Outcome::Failed);
        return;
    }
    m_next = next;
    emit progress(m_next, m_records.size());
    if (m_next < m_records.size())
        return;
    if (!m_file->commit()) {
        m_error = m_file->errorString();
        finish(Outcome::Failed);
        return;
    }
    finish(Outcome::Saved);
}

void LogSaver::finish(Outcome outcome)
{
    m_slices.stop();
    m_file.reset(); // after commit: closed; otherwise the temporary file goes
    m_records.clear();
    emit finished(outcome);
}

} // namespace sockscope
