#include "sequencedialog.h"

#include "sendhistory.h"
#include "tones.h"

#include "core/senders/sequencerunner.h"
#include "core/session/session.h"
#include "ui_sequencedialog.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QPalette>
#include <QPushButton>
#include <QSettings>

#include <algorithm>

namespace sockscope {

namespace {

const QString KeySequence = QStringLiteral("sequence");
const QString KeyLoops = QStringLiteral("sequenceLoops");
const QString KeyDelay = QStringLiteral("delayAfterMs");

} // namespace

SequenceDialog::SequenceDialog(QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SequenceDialog>()),
      m_model(new SequenceModel(this))
{
    m_ui->setupUi(this);
    m_model->setObjectName(QStringLiteral("sequenceModel"));

    QPushButton *close = m_ui->buttonBox->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("sequenceCloseButton"));
    close->setToolTip(tr("Close this window; a running sequence goes on"));
    close->setAutoDefault(false);

    QTableView *view = m_ui->sequenceStepsView;
    view->setModel(m_model);
    view->setItemDelegate(new SequenceDelegate(view));
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(SequenceModel::MessageColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(SequenceModel::FormatColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SequenceModel::DelayColumn, QHeaderView::ResizeToContents);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);

    auto *removeAction = new QAction(tr("Remove Step"), view);
    removeAction->setObjectName(QStringLiteral("sequenceRemoveAction"));
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    view->addAction(removeAction);
    connect(removeAction, &QAction::triggered, this, [this] {
        if (!m_running)
            removeCurrent();
    });

    connect(m_ui->sequenceAddButton, &QPushButton::clicked, this,
            &SequenceDialog::addCurrentRequested);
    connect(m_ui->sequenceRemoveButton, &QPushButton::clicked, this,
            &SequenceDialog::removeCurrent);
    connect(m_ui->sequenceMoveUpButton, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_ui->sequenceMoveDownButton, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_ui->sequenceRunButton, &QPushButton::clicked, this, &SequenceDialog::toggleRun);
    connect(m_ui->sequenceLoopsSpin, qOverload<int>(&QSpinBox::valueChanged), this,
            &SequenceDialog::updateState);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SequenceDialog::reject);

    connect(m_model, &SequenceModel::stepsChanged, this, [this] {
        // An edit makes the last run's outcome stale; show what matters now.
        m_finishText.clear();
        updateState();
    });
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SequenceDialog::updateState);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SequenceDialog::updateState);

    m_ui->sequenceProgressBar->setVisible(false);
    updateState();
    resize(680, 420);
}

SequenceDialog::~SequenceDialog()
{
    // Hiding in ~QDialog commits an open cell editor; m_ui is gone by then.
    disconnect(m_model, nullptr, this, nullptr);
    disconnect(m_ui->sequenceStepsView->selectionModel(), nullptr, this, nullptr);
}

void SequenceDialog::setSteps(const QList<SequenceStepSpec> &steps)
{
    m_model->setSteps(steps);
    if (!steps.isEmpty())
        selectRow(0);
    updateState();
}

QList<SequenceStepSpec> SequenceDialog::steps() const
{
    return m_model->steps();
}

void SequenceDialog::setLoops(int loops)
{
    m_ui->sequenceLoopsSpin->setValue(loops);
}

int SequenceDialog::loops() const
{
    return m_ui->sequenceLoopsSpin->value();
}

bool SequenceDialog::canRun() const
{
    return !m_running && m_connected && m_model->rowCount() > 0 && m_model->firstInvalidRow() < 0;
}

QString SequenceDialog::statusText() const
{
    return m_ui->sequenceStatusLabel->text();
}

QString SequenceDialog::progressText() const
{
    return m_ui->sequenceProgressLabel->text();
}

void SequenceDialog::addStep(const MessageSpec &message)
{
    if (m_running)
        return;
    SequenceStepSpec step;
    step.message = message;
    const int current = currentRow();
    // A new step pauses as long as its neighbour: sequences tend to have one rhythm.
    if (current >= 0)
        step.delayAfterMs = m_model->step(current).delayAfterMs;
    else if (m_model->rowCount() > 0)
        step.delayAfterMs = m_model->step(m_model->rowCount() - 1).delayAfterMs;
    const int row = m_model->insertStep(current >= 0 ? current + 1 : m_model->rowCount(), step);
    selectRow(row);
}

void SequenceDialog::setConnected(bool canSend, const QString &whyNot)
{
    m_connected = canSend;
    m_whyNot = whyNot;
    updateState();
}

void SequenceDialog::setRunning(bool running)
{
    if (running && !m_running) {
        m_runSteps = m_model->rowCount();
        m_runLoops = loops();
        m_step = -1;
        m_loop = 0;
        m_finishText.clear();
        m_ui->sequenceProgressBar->setRange(
            0, m_runLoops == ScheduledSender::Forever ? m_runSteps : m_runSteps * m_runLoops);
        m_ui->sequenceProgressBar->setValue(0);
        m_ui->sequenceProgressBar->setVisible(true);
    }
    m_running = running;
    m_model->setEditable(!running);
    if (!running)
        m_model->setCurrentStep(-1);
    updateProgressText();
    updateState();
}

void SequenceDialog::setProgress(int step, int loop)
{
    m_step = step;
    m_loop = loop;
    m_model->setCurrentStep(m_running ? step : -1);
    if (m_runLoops == ScheduledSender::Forever)
        m_ui->sequenceProgressBar->setValue(step + 1);
    else
        m_ui->sequenceProgressBar->setValue(
            qMin(m_ui->sequenceProgressBar->maximum(), loop * m_runSteps + step + 1));
    updateProgressText();
}

void SequenceDialog::setFinished(const QString &text, bool error)
{
    m_finishText = text;
    m_finishError = error;
    setRunning(false);
}

void SequenceDialog::toggleRun()
{
    if (m_running) {
        emit stopRequested();
        return;
    }
    if (!canRun())
        return;
    emit runRequested(steps(), loops());
}

void SequenceDialog::saveState(QSettings &settings) const
{
    const QList<SequenceStepSpec> &list = m_model->steps();
    // Clear the old array first: a shorter list must not leave stale entries.
    settings.remove(KeySequence);
    settings.beginWriteArray(KeySequence, int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        settings.setArrayIndex(i);
        const QVariantMap map = messageSpecToVariant(list.at(i).message);
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            settings.setValue(it.key(), it.value());
        settings.setValue(KeyDelay, list.at(i).delayAfterMs);
    }
    settings.endArray();
    settings.setValue(KeyLoops, loops());
}

void SequenceDialog::restoreState(QSettings &settings)
{
    QList<SequenceStepSpec> list;
    const int size = settings.beginReadArray(KeySequence);
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        QVariantMap map;
        const QStringList keys = settings.childKeys();
        for (const QString &key : keys)
            map.insert(key, settings.value(key));
        SequenceStepSpec step;
        bool ok = false;
        const int delay = map.take(KeyDelay).toInt(&ok);
        if (ok)
            step.delayAfterMs = std::clamp(delay, 0, SequenceStepSpec::MaxDelayMs);
        if (messageSpecFromVariant(map, &step.message))
            list.append(step); // a step that does not parse is dropped, as in the history
    }
    settings.endArray();
    setSteps(list);
    bool ok = false;
    const int n = settings.value(KeyLoops, 1).toInt(&ok);
    setLoops(ok ? n : 1);
}

int SequenceDialog::currentRow() const
{
    const QModelIndex current = m_ui->sequenceStepsView->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void SequenceDialog::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_ui->sequenceStepsView->setCurrentIndex(m_model->index(row, SequenceModel::MessageColumn));
    m_ui->sequenceStepsView->selectRow(row);
}

void SequenceDialog::removeCurrent()
{
    const int row = currentRow();
    if (row < 0 || m_running)
        return;
    m_model->removeRows(row, 1);
    selectRow(std::min(row, m_model->rowCount() - 1));
    updateState();
}

void SequenceDialog::moveCurrent(int delta)
{
    const int row = currentRow();
    if (row < 0 || m_running || !m_model->moveStep(row, row + delta))
        return;
    selectRow(row + delta);
}

void SequenceDialog::updateState()
{
    const int row = currentRow();
    const int count = m_model->rowCount();
    const bool editable = !m_running;
    m_ui->sequenceAddButton->setEnabled(editable);
    m_ui->sequenceRemoveButton->setEnabled(editable && row >= 0);
    m_ui->sequenceMoveUpButton->setEnabled(editable && row > 0);
    m_ui->sequenceMoveDownButton->setEnabled(editable && row >= 0 && row < count - 1);
    m_ui->sequenceLoopsSpin->setEnabled(editable);

    QPushButton *run = m_ui->sequenceRunButton;
    const int invalid = m_model->firstInvalidRow();
    QString whyNot;
    if (count == 0)
        whyNot = tr("Add at least one step first.");
    else if (invalid >= 0)
        whyNot = tr("Step %1 cannot be sent: %2").arg(invalid + 1).arg(m_model->issue(invalid));
    else if (!m_connected)
        whyNot = m_whyNot.isEmpty() ? tr("Not connected.") : m_whyNot;

    if (m_running) {
        run->setText(tr("St&op"));
        run->setToolTip(tr("Stop the sequence"));
        run->setEnabled(true);
    } else {
        run->setText(tr("&Run"));
        run->setEnabled(whyNot.isEmpty());
        run->setToolTip(whyNot.isEmpty() ? tr("Send the steps in order, looping as set") : whyNot);
    }

    if (!m_finishText.isEmpty())
        showStatus(m_finishText, m_finishError);
    else if (m_running)
        showStatus(QString(), false);
    else if (invalid >= 0)
        showStatus(whyNot, true);
    else if (count == 0)
        showStatus(whyNot, false);
    else
        showStatus(tr("%n step(s), about %1 ms per loop.", nullptr, count).arg([this] {
            qint64 total = 0;
            for (const SequenceStepSpec &s : m_model->steps())
                total += s.delayAfterMs;
            return total;
        }()),
                   false);
}

void SequenceDialog::updateProgressText()
{
    QString text;
    if (m_step >= 0) {
        if (m_runLoops == ScheduledSender::Forever)
            text = tr("Step %1/%2, loop %3 (until stopped)")
                       .arg(m_step + 1)
                       .arg(m_runSteps)
                       .arg(m_loop + 1);
        else
            text = tr("Step %1/%2, loop %3/%4")
                       .arg(m_step + 1)
                       .arg(m_runSteps)
                       .arg(m_loop + 1)
                       .arg(m_runLoops);
    } else if (m_running) {
        text = tr("Starting…");
    }
    m_ui->sequenceProgressLabel->setText(text);
}

void SequenceDialog::showStatus(const QString &text, bool error)
{
    QLabel *label = m_ui->sequenceStatusLabel;
    label->setText(text);
    QPalette pal = palette();
    if (error)
        pal.setColor(QPalette::WindowText, toneColor(Tone::Error, pal));
    label->setPalette(pal);
}

void SequenceDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        if (QPushButton *close = m_ui->buttonBox->button(QDialogButtonBox::Close))
            close->setToolTip(tr("Close this window; a running sequence goes on"));
        m_model->retranslate();
        updateProgressText();
        updateState();
    }
    QDialog::changeEvent(event);
}

// --- SequenceController ---------------------------------------------------------

SequenceController::SequenceController(SequenceDialog *dialog, Session *session, QObject *parent)
    : QObject(parent), m_dialog(dialog), m_runner(new SequenceRunner(session, this))
{
    connect(dialog, &SequenceDialog::runRequested, this, &SequenceController::start);
    connect(dialog, &SequenceDialog::stopRequested, this, &SequenceController::stop);
    connect(m_runner, &SequenceRunner::progress, dialog, &SequenceDialog::setProgress);
    connect(m_runner, &ScheduledSender::finished, dialog,
            [this](ScheduledSender::FinishReason reason, const QString &text) {
                m_dialog->setFinished(finishText(reason, text),
                                      reason == ScheduledSender::FinishReason::Disconnected ||
                                          reason == ScheduledSender::FinishReason::Failed);
            });
}

SequenceController::~SequenceController()
{
    // The dialog may outlive us (it belongs to the tab): it must not wait for a
    // finished() that will never come.
    if (m_runner->isRunning()) {
        m_runner->blockSignals(true);
        m_runner->stop();
        if (m_dialog)
            m_dialog->setRunning(false);
    }
}

QString SequenceController::finishText(ScheduledSender::FinishReason reason, const QString &text)
{
    switch (reason) {
    case ScheduledSender::FinishReason::Completed:
        return tr("Completed. %1").arg(text);
    case ScheduledSender::FinishReason::Stopped:
        return text;
    case ScheduledSender::FinishReason::Disconnected:
        return text; // names the peers that went away
    case ScheduledSender::FinishReason::Failed:
        return tr("Failed: %1").arg(text);
    }
    return text;
}

void SequenceController::start(const QList<SequenceStepSpec> &steps, int loops)
{
    if (m_runner->isRunning() || !m_dialog)
        return;
    m_runner->setSteps(toSendSteps(steps));
    m_runner->setLoops(loops);
    m_runner->setTargets(m_targets ? m_targets() : QList<quint32>());
    // Running before start(): a run that finishes at once still ends "not running".
    m_dialog->setRunning(true);
    if (!m_runner->start())
        m_dialog->setFinished(tr("Could not start: %1").arg(m_runner->errorString()), true);
}

void SequenceController::stop()
{
    m_runner->stop();
}

} // namespace sockscope
