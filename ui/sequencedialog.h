#pragma once

#include "sequencemodel.h"

#include "core/senders/scheduledsender.h"

#include <QDialog>
#include <QList>
#include <QPointer>

#include <functional>
#include <memory>

class QSettings;

namespace Ui {
class SequenceDialog;
}

namespace sockscope {

class Session;
class SequenceRunner;

// Edits a send sequence (steps with their delays, number of loops) and shows a
// run of it. Like SendPanel it never sends by itself: Run emits runRequested(),
// and whoever runs it reports back through setRunning(), setProgress() and
// setFinished() (SequenceController does this for a session). Run stays
// disabled while a step does not build or setConnected(false) was called.
// Non-modal: closing it hides it, and a run goes on.
class SequenceDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SequenceDialog)

public:
    explicit SequenceDialog(QWidget *parent = nullptr);
    ~SequenceDialog() override;

    void setSteps(const QList<SequenceStepSpec> &steps);
    QList<SequenceStepSpec> steps() const;
    // Passes over the steps; 0 (ScheduledSender::Forever) until stopped.
    void setLoops(int loops);
    int loops() const;

    SequenceModel *model() const { return m_model; }
    bool isRunning() const { return m_running; }
    // True when Run would emit runRequested().
    bool canRun() const;
    QString statusText() const;
    QString progressText() const;

    // A "sequence" array (messageSpecToVariant() keys + "delayAfterMs") and
    // "sequenceLoops", in the settings' current group.
    void saveState(QSettings &settings) const;
    void restoreState(QSettings &settings);

public slots:
    // Adds a step after the selected one (at the end without a selection) and selects it.
    void addStep(const sockscope::MessageSpec &message);
    // Whether there is anybody to send to; whyNot becomes Run's tooltip.
    void setConnected(bool canSend, const QString &whyNot = QString());
    void setRunning(bool running);
    // Step `step` (0-based) of loop `loop` (0-based) was sent.
    void setProgress(int step, int loop);
    // The run is over (or did not start): text goes to the status line.
    void setFinished(const QString &text, bool error = false);
    // What Run / Stop does.
    void toggleRun();

signals:
    // The Add button: the owner answers with addStep(its editor's message).
    void addCurrentRequested();
    void runRequested(const QList<sockscope::SequenceStepSpec> &steps, int loops);
    void stopRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    int currentRow() const;
    void selectRow(int row);
    void removeCurrent();
    void moveCurrent(int delta);
    void updateState();
    void updateProgressText();
    void showStatus(const QString &text, bool error);

    std::unique_ptr<Ui::SequenceDialog> m_ui;
    SequenceModel *m_model = nullptr;
    bool m_running = false;
    bool m_connected = true;
    QString m_whyNot;
    // The last run's finish (or start failure) text; the status line shows
    // it until the steps change.
    QString m_finishText;
    bool m_finishError = false;
    // Shape and position of the current / last run, for the progress text.
    int m_runSteps = 0;
    int m_runLoops = 1;
    int m_step = -1;
    int m_loop = 0;
};

// Runs a SequenceDialog's sequence on a session: owns a SequenceRunner,
// starts it on runRequested() with the targets of the moment, stops it on
// stopRequested(), and reports progress and the finish reason to the dialog.
// SessionTab uses it; tests use it with a bare session.
class SequenceController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SequenceController)

public:
    SequenceController(SequenceDialog *dialog, Session *session, QObject *parent = nullptr);
    ~SequenceController() override;

    // Called at each start for the peer ids to send to (empty: the session's
    // default target). Without one, the default target is used.
    void setTargetsProvider(std::function<QList<quint32>()> targets)
    {
        m_targets = std::move(targets);
    }
    SequenceRunner *runner() const { return m_runner; }

    // The status line text for a finish reason and the runner's text.
    static QString finishText(ScheduledSender::FinishReason reason, const QString &text);

    void start(const QList<sockscope::SequenceStepSpec> &steps, int loops);
    void stop();

private:
    QPointer<SequenceDialog> m_dialog;
    SequenceRunner *m_runner;
    std::function<QList<quint32>()> m_targets;
};

} // namespace sockscope
