#include "logfileactions.h"

#include "logpane.h"

#include "core/log/logsaver.h"
#include "core/session/session.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QTimer>

namespace sockscope {

LogFileActions::LogFileActions(Session *session, LogPane *log, QWidget *window)
    : QObject(window), m_window(window), m_log(log), m_recorder(new LogRecorder(this))
{
    // The recorder writes every record and names peers as the log does.
    connect(session, &Session::recordsReady, m_recorder, &LogRecorder::append);
    connect(session, &Session::peerOpened, this, [this, session](quint32 id) {
        if (const PeerInfo *p = session->peer(id))
            m_recorder->setPeerName(id, p->endpoint());
    });
    connect(session, &Session::peersRemoved, m_recorder, &LogRecorder::forgetPeers);
    connect(m_log, &LogPane::saveLogRequested, this, &LogFileActions::saveLog);
    connect(m_log, &LogPane::recordToggled, this, &LogFileActions::toggleRecording);
    connect(m_recorder, &LogRecorder::failed, this, &LogFileActions::onRecordingFailed);
}

// An unfinished save leaves its target as it was.
LogFileActions::~LogFileActions()
{
    delete m_saver;
}

QString LogFileActions::chooseLogFile(const QString &title, const QString &dialogName,
                                      bool confirmOverwrite, LogExport::Format *format)
{
    struct Choice
    {
        QString filter;
        QString suffix;
        LogExport::Format format;
    };
    const QList<Choice> choices{
        {tr("Text as shown (*.txt)"), QStringLiteral("txt"), LogExport::Format::Text},
        {tr("CSV (*.csv)"), QStringLiteral("csv"), LogExport::Format::Csv},
        {tr("Received bytes, raw (*.bin)"), QStringLiteral("bin"), LogExport::Format::RawRx},
    };
    QStringList filters;
    for (const Choice &c : choices)
        filters.append(c.filter);
    auto choiceOf = [&choices](const QString &filter) {
        for (const Choice &c : choices)
            if (c.filter == filter)
                return c;
        return choices.first();
    };

    QFileDialog dialog(m_window, title, m_logDir, filters.join(QLatin1String(";;")));
    dialog.setObjectName(dialogName);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setOption(QFileDialog::DontConfirmOverwrite, !confirmOverwrite);
    // A name typed without a suffix gets the chosen format's. The dialog adds it before its
    // own overwrite question, so that question (or the caller's) covers the final name.
    dialog.setDefaultSuffix(choices.first().suffix);
    connect(&dialog, &QFileDialog::filterSelected, &dialog,
            [&dialog, &choiceOf](const QString &filter) {
                dialog.setDefaultSuffix(choiceOf(filter).suffix);
            });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    const QString path = dialog.selectedFiles().constFirst();
    m_logDir = QFileInfo(path).absolutePath();
    *format = choiceOf(dialog.selectedNameFilter()).format;
    return path;
}

void LogFileActions::saveLog()
{
    LogExport::Options o = m_log->exportOptions();
    const QString path =
        chooseLogFile(tr("Save log"), QStringLiteral("saveLogDialog"), true, &o.format);
    if (path.isEmpty())
        return; // the dialog already asked before overwriting
    saveLogTo(path, o.format);
}

void LogFileActions::saveLogTo(const QString &path, LogExport::Format format)
{
    if (m_saver) { // one save at a time: show the one under way
        if (auto *progress =
                m_window->findChild<QProgressDialog *>(QStringLiteral("saveLogProgress")))
            progress->raise();
        return;
    }
    LogExport::Options o = m_log->exportOptions();
    o.format = format;
    // A snapshot: rows shown and rows held while paused. Saving does not resume the display.
    const LogModel *model = m_log->model();
    const LogRecords records = model->allRecords();
    qsizetype rows = 0;
    qsizetype held = 0;
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (LogExport::accepts(records.at(i), o)) {
            ++rows;
            held += i >= model->rowCount() ? 1 : 0;
        }
    }
    m_saver = new LogSaver(this);
    // The log filtered to some peers saves their rows only: the message says so.
    QStringList names;
    for (quint32 id : std::as_const(o.peerFilter))
        names.append(o.peerName ? o.peerName(id) : QString::number(id));
    names.sort();
    const QString only = names.join(QStringLiteral(", "));
    connect(m_saver, &LogSaver::finished, this,
            [this, rows, held, only](LogSaver::Outcome outcome) {
                onLogSaved(int(outcome), rows, held, only);
            });
    if (!m_saver->start(path, records, o)) {
        onLogSaved(int(LogSaver::Outcome::Failed), rows, held, only);
        return;
    }
    if (!m_saver || !m_saver->isRunning())
        return; // done in the first slice
    // Big: the rest is written in slices while the window keeps running.
    auto *progress = new QProgressDialog(
        tr("Saving the log to %1…").arg(QDir::toNativeSeparators(path)), tr("Cancel"), 0,
        int(qMin<qsizetype>(records.size(), INT_MAX)), m_window);
    progress->setObjectName(QStringLiteral("saveLogProgress"));
    progress->setWindowTitle(tr("Save log"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(0);
    progress->setValue(int(m_saver->recordsDone()));
    connect(m_saver, &LogSaver::progress, progress, [progress](qsizetype done) {
        progress->setValue(int(qMin<qsizetype>(done, INT_MAX)));
    });
    connect(m_saver, &LogSaver::finished, progress, &QWidget::close);
    connect(progress, &QProgressDialog::canceled, m_saver, &LogSaver::cancel);
    progress->show();
}

void LogFileActions::onLogSaved(int outcome, qsizetype rows, qsizetype held, const QString &only)
{
    const QString path = QDir::toNativeSeparators(m_saver->path());
    const QString error = m_saver->errorString();
    m_saver->deleteLater();
    m_saver = nullptr;
    switch (LogSaver::Outcome(outcome)) {
    case LogSaver::Outcome::Saved: {
        const QString what = tr("%n row(s)", nullptr, int(qMin<qsizetype>(rows, INT_MAX)));
        QString text = held > 0 ? tr("Saved %1 to %2 (%3 held while paused included).")
                                      .arg(what, path, QLocale().toString(held))
                                : tr("Saved %1 to %2.").arg(what, path);
        if (!only.isEmpty())
            text += QLatin1Char(' ') + tr("Only the rows of %1, as the log is filtered.").arg(only);
        emit statusMessage(text);
        break;
    }
    case LogSaver::Outcome::Cancelled:
        emit statusMessage(tr("Save cancelled: %1 was not written.").arg(path));
        break;
    case LogSaver::Outcome::Failed: {
        const QString message = tr("Could not save %1: %2").arg(path, error);
        emit statusMessage(message);
        // Not from inside the saver's signal: the box runs its own event loop.
        QTimer::singleShot(
            0, this, [this, message] { QMessageBox::warning(m_window, tr("Save log"), message); });
        break;
    }
    }
}

bool LogFileActions::confirmRecordInto(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() || info.size() == 0)
        return true; // nothing to lose
    QMessageBox box(QMessageBox::Question, tr("Record to file"),
                    tr("%1 already exists.").arg(QDir::toNativeSeparators(path)),
                    QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("recordFileExists"));
    box.setInformativeText(tr("Append the new messages to its end, or replace what it holds "
                              "now? Replacing deletes its contents."));
    QPushButton *append = box.addButton(tr("Append"), QMessageBox::AcceptRole);
    append->setObjectName(QStringLiteral("appendButton"));
    QPushButton *replace = box.addButton(tr("Replace"), QMessageBox::DestructiveRole);
    replace->setObjectName(QStringLiteral("replaceButton"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(append); // keeps everything
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() == append)
        return true;
    if (box.clickedButton() != replace)
        return false;
    // Emptied in place, so the file keeps its permissions and links; the recorder appends.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QMessageBox::warning(
            m_window, tr("Record to file"),
            tr("Could not replace %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return true;
}

bool LogFileActions::isRecording() const
{
    return m_recorder->isRecording();
}

QString LogFileActions::recordingPath() const
{
    return m_recorder->isRecording() ? m_recorder->path() : QString();
}

void LogFileActions::stopRecording()
{
    m_recorder->stop();
    m_log->setRecording(false);
    emit recordingChanged();
}

void LogFileActions::onRecordingFailed(const QString &message)
{
    // Reported from inside the log delivery: the recorder has closed the file; untick and
    // update the status now, and tell the user afterwards, without a nested event loop
    // here (a modal exec() would run the sockets and deliver more records into this call).
    stopRecording();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Record to file"), message,
                                QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("recordingFailed"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QTimer::singleShot(0, box, [box] { box->open(); });
}

void LogFileActions::toggleRecording(bool on)
{
    if (!on) {
        stopRecording();
        return;
    }
    // The view's format and encoding; never its peer filter (the recorder records everything).
    LogExport::Options options = m_log->exportOptions();
    options.peerFilter.clear();
    // Existing files are handled by confirmRecordInto, with Append as a choice; the dialog's
    // own "replace?" question would offer only replacing.
    const QString path = chooseLogFile(tr("Record to file"), QStringLiteral("recordFileDialog"),
                                       false, &options.format);
    QString error;
    if (path.isEmpty() || !confirmRecordInto(path) || !m_recorder->start(path, options, &error)) {
        if (!error.isEmpty())
            QMessageBox::warning(m_window, tr("Record to file"), error);
        m_log->setRecording(false);
    }
    emit recordingChanged();
}

} // namespace sockscope
