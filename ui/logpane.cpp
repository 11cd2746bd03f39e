#include "logpane.h"

#include "core/codec/escapes.h"
#include "core/codec/textcodec.h"
#include "hexdumpview.h"
#include "logfiltermodel.h"
#include "logview.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace sockscope {

namespace {
// The decoded-text box shows at most this much of a record; the hex dump shows all of it.
constexpr int kTextPreviewBytes = 256 * 1024;

Encoding encodingFor(LogModel::DisplayMode mode)
{
    switch (mode) {
    case LogModel::DisplayMode::Gbk:
        return Encoding::Gbk;
    case LogModel::DisplayMode::Latin1:
        return Encoding::Latin1;
    default:
        return Encoding::Utf8;
    }
}
} // namespace

LogPane::LogPane(QWidget *parent)
    : QWidget(parent), m_model(new LogModel(this)), m_filter(new LogFilterModel(this))
{
    m_filter->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    layout->addLayout(bar);
    buildDisplayBar(bar);
    buildLogButtons(bar);
    bar->addStretch();
    buildFindBar(bar);
    buildViews(layout);
    connectSignals();
    m_model->setDisplayMode(LogModel::DisplayMode(m_display->currentData().toInt()));
}

// How records are shown: encoding, time column, sent rows, wrapping.
void LogPane::buildDisplayBar(QHBoxLayout *bar)
{
    m_display = new QComboBox(this);
    m_display->setObjectName(QStringLiteral("displayMode"));
    m_display->addItem(QStringLiteral("GBK"), int(LogModel::DisplayMode::Gbk));
    m_display->addItem(QStringLiteral("UTF-8"), int(LogModel::DisplayMode::Utf8));
    m_display->addItem(tr("Hex"), int(LogModel::DisplayMode::Hex));
    m_display->addItem(QStringLiteral("Latin-1"), int(LogModel::DisplayMode::Latin1));
    m_display->setCurrentIndex(1);
    m_display->setToolTip(tr("How received and sent bytes are shown. Switching re-renders the "
                             "stored bytes; nothing is lost or changed."));
    bar->addWidget(m_display);

    m_timestamps = new QCheckBox(tr("Time"), this);
    m_timestamps->setObjectName(QStringLiteral("showTimestamps"));
    m_timestamps->setChecked(true);
    m_timestamps->setToolTip(tr("Show the time column (microseconds)."));
    m_showTx = new QCheckBox(tr("Sent"), this);
    m_showTx->setObjectName(QStringLiteral("showTx"));
    m_showTx->setChecked(true);
    m_showTx->setToolTip(tr("Show the messages you sent (TX rows)."));
    m_wrap = new QCheckBox(tr("Wrap"), this);
    m_wrap->setObjectName(QStringLiteral("wrapData"));
    m_wrap->setToolTip(tr("Wrap long data over several lines."));
    for (QCheckBox *c : {m_timestamps, m_showTx, m_wrap})
        bar->addWidget(c);
}

// Follow, Pause, Clear and Save (with recording).
void LogPane::buildLogButtons(QHBoxLayout *bar)
{
    m_autoScroll = new QToolButton(this);
    m_autoScroll->setObjectName(QStringLiteral("autoScroll"));
    m_autoScroll->setText(tr("Follow"));
    m_autoScroll->setCheckable(true);
    m_autoScroll->setChecked(true);
    m_autoScroll->setToolTip(tr("Keep the newest message in view. Scrolling up pauses this; "
                                "scrolling to the bottom resumes it."));
    m_pause = new QToolButton(this);
    m_pause->setObjectName(QStringLiteral("pauseDisplay"));
    m_pause->setText(tr("Pause"));
    m_pause->setCheckable(true);
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pause->setToolTip(tr("Freeze the display (Ctrl+P). Counters and recording go on; held "
                           "messages appear when you resume."));
    auto *clearButton = new QToolButton(this);
    clearButton->setObjectName(QStringLiteral("clearLog"));
    clearButton->setText(tr("Clear"));
    clearButton->setToolTip(tr("Clear the log (Ctrl+L)."));
    clearButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    auto *saveButton = new QToolButton(this);
    saveButton->setObjectName(QStringLiteral("saveLog"));
    saveButton->setText(tr("Save"));
    saveButton->setPopupMode(QToolButton::InstantPopup);
    saveButton->setToolTip(tr("Save the log, or record every message to a file."));
    auto *saveMenu = new QMenu(saveButton);
    QAction *saveAction = saveMenu->addAction(tr("Save log as text, CSV or raw bytes…"));
    saveAction->setObjectName(QStringLiteral("saveLogAction"));
    m_record = saveMenu->addAction(tr("Record every message to a file…"));
    m_record->setObjectName(QStringLiteral("recordLog"));
    m_record->setCheckable(true);
    saveButton->setMenu(saveMenu);
    for (QToolButton *b : {m_autoScroll, m_pause, clearButton, saveButton})
        bar->addWidget(b);
    connect(clearButton, &QToolButton::clicked, this, &LogPane::clear);
    connect(saveAction, &QAction::triggered, this, &LogPane::saveLogRequested);
    connect(m_record, &QAction::toggled, this, &LogPane::recordToggled);
}

void LogPane::buildFindBar(QHBoxLayout *bar)
{
    m_find = new QLineEdit(this);
    m_find->setObjectName(QStringLiteral("findText"));
    m_find->setPlaceholderText(tr("Find"));
    m_find->setToolTip(tr("Find text, or bytes with Hex checked (Ctrl+F; F3 next, Shift+F3 "
                          "previous)."));
    m_find->setClearButtonEnabled(true);
    m_find->setMaximumWidth(220);
    m_find->setMinimumWidth(48); // grows with the window; at 900 px a relay's pair list needs the room
    auto *findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    connect(findAction, &QAction::triggered, this, [this] {
        m_find->setFocus();
        m_find->selectAll();
    });
    addAction(findAction);
    m_findHex = new QCheckBox(tr("Hex"), this);
    m_findHex->setObjectName(QStringLiteral("findHex"));
    m_findHex->setToolTip(tr("Search for bytes given in hex instead of text."));
    auto *prev = new QToolButton(this);
    prev->setObjectName(QStringLiteral("findPrevious"));
    prev->setArrowType(Qt::UpArrow);
    prev->setToolTip(tr("Previous match (Shift+F3)"));
    prev->setShortcut(QKeySequence::FindPrevious);
    auto *next = new QToolButton(this);
    next->setObjectName(QStringLiteral("findNext"));
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next match (F3)"));
    next->setShortcut(QKeySequence::FindNext);
    m_findStatus = new QLabel(this);
    m_findStatus->setObjectName(QStringLiteral("findStatus"));
    for (QWidget *w : std::initializer_list<QWidget *>{m_find, m_findHex, prev, next, m_findStatus})
        bar->addWidget(w);
    connect(m_find, &QLineEdit::returnPressed, this, &LogPane::findNext);
    connect(next, &QToolButton::clicked, this, &LogPane::findNext);
    connect(prev, &QToolButton::clicked, this, &LogPane::findPrevious);
}

// The message table above, the selected record's hex dump and decoded text below.
void LogPane::buildViews(QVBoxLayout *layout)
{
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("logSplitter"));
    m_view = new LogView(split);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_filter);
    auto *detail = new QSplitter(Qt::Horizontal, split);
    detail->setObjectName(QStringLiteral("detailSplitter"));
    m_hex = new HexDumpView(detail);
    m_hex->setObjectName(QStringLiteral("hexDump"));
    m_text = new QPlainTextEdit(detail);
    m_text->setObjectName(QStringLiteral("decodedText"));
    m_text->setReadOnly(true);
    m_text->setPlaceholderText(tr("Select a message to see its bytes."));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    // The dump has a fixed width per line: the text beside it gives and takes the room,
    // so the dump needs no horizontal scrolling in a small window.
    detail->setStretchFactor(0, 0);
    detail->setStretchFactor(1, 1);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
}

void LogPane::connectSignals()
{
    connect(m_display, &QComboBox::currentIndexChanged, this, [this] {
        const auto mode = LogModel::DisplayMode(m_display->currentData().toInt());
        m_model->setDisplayMode(mode);
        m_hex->setTextEncoding(encodingFor(mode));
        showRecord(m_current);
    });
    connect(m_timestamps, &QCheckBox::toggled, m_view, &LogView::setShowTimestamps);
    connect(m_showTx, &QCheckBox::toggled, m_filter, &LogFilterModel::setShowTx);
    connect(m_wrap, &QCheckBox::toggled, m_view, &LogView::setWrapData);
    connect(m_autoScroll, &QToolButton::clicked, m_view, &LogView::setAutoScroll);
    connect(m_view, &LogView::autoScrollChanged, m_autoScroll, &QToolButton::setChecked);
    connect(m_pause, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            m_model->pause();
        else
            m_model->resume();
        m_pause->setText(on ? tr("Resume") : tr("Pause"));
    });
    connect(m_view, &LogView::currentRecordChanged, this,
            [this](const QByteArray &bytes, quint64 sequence) {
                showRecord(recordOf(bytes, sequence));
            });
    connect(m_view, &LogView::currentRecordCleared, this, [this] { showRecord({}); });
    connect(m_model, &LogModel::relayChanged, m_view, &LogView::setRelayColumns);
    connect(m_model, &LogModel::relayChanged, this, [this](bool relay) {
        // A relay forwards what both sides send; the only rows "you sent" are injected ones.
        m_showTx->setText(relay ? tr("Injected") : tr("Sent"));
        m_showTx->setToolTip(relay ? tr("Show the messages you injected (rows marked injected).")
                                   : tr("Show the messages you sent (TX rows)."));
    });
}

void LogPane::appendRecords(const LogRecords &records)
{
    m_model->appendRecords(records);
}

void LogPane::setPeerName(quint32 id, const QString &name)
{
    m_model->setPeerName(id, name);
}

void LogPane::notePeer(const PeerInfo &peer)
{
    m_model->notePeer(peer);
}

void LogPane::setPeerFilter(const QList<quint32> &peerIds)
{
    const QList<quint32> ids = m_model->withPartners(peerIds);
    m_filter->setPeerFilter(QSet<quint32>(ids.cbegin(), ids.cend()));
}

void LogPane::setDisplayMode(LogModel::DisplayMode mode)
{
    m_display->setCurrentIndex(m_display->findData(int(mode)));
}

LogModel::DisplayMode LogPane::displayMode() const
{
    return LogModel::DisplayMode(m_display->currentData().toInt());
}

LogExport::Options LogPane::exportOptions() const
{
    LogExport::Options o;
    o.hex = displayMode() == LogModel::DisplayMode::Hex;
    o.encoding = encodingFor(displayMode());
    o.timestamps = m_timestamps->isChecked();
    o.peerFilter = m_filter->peerFilter();
    o.peerName = [model = m_model](quint32 id) { return model->peerName(id); };
    o.relay = m_model->isRelay();
    // A recording names peers itself (its own table); this keeps its relay rows by pair too.
    o.namedAs = [model = QPointer<LogModel>(m_model)](quint32 id) {
        return model ? model->namedAs(id) : id;
    };
    return o;
}

LogRecord LogPane::recordOf(const QByteArray &bytes, quint64 sequence) const
{
    const int row = m_model->rowOfSequence(sequence);
    if (row >= 0)
        return m_model->record(row);
    LogRecord r; // no longer stored: the bytes without their carry-in
    r.kind = LogRecord::Kind::Rx;
    r.bytes = bytes;
    return r;
}

void LogPane::showRecord(const LogRecord &record)
{
    m_current = record;
    m_hex->setBytes(record.bytes);
    if (record.kind == LogRecord::Kind::Event) {
        m_text->setPlaceholderText(tr("Select a message to see its bytes."));
        m_text->setPlainText(record.eventText());
        return;
    }
    // Rendered as the log row is: the character split from the previous record completed
    // with its carry-in, a character cut at the end left to the next record.
    const Encoding encoding = encodingFor(displayMode());
    const CarryIn carry = encoding == Encoding::Gbk    ? record.carryGbk
                          : encoding == Encoding::Utf8 ? record.carryUtf8
                                                       : CarryIn();
    const QByteArray head = record.bytes.left(kTextPreviewBytes);
    QString text = decodeRecord(carry, head, encoding, InvalidBytes::Visible);
    if (text.isEmpty() && !head.isEmpty()) {
        // Every byte was held back; the (dim) placeholder says so rather than an empty box.
        // Short: QPlainTextEdit shows one line of placeholder.
        m_text->setPlaceholderText(tr("…continues in the next message"));
        m_text->clear();
        return;
    }
    m_text->setPlaceholderText(tr("Select a message to see its bytes."));
    if (record.bytes.size() > head.size())
        text += QLatin1Char('\n') + tr("… %n more byte(s) in the hex dump", nullptr,
                                       int(record.bytes.size() - head.size()));
    m_text->setPlainText(text);
}

void LogPane::find(bool forward)
{
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return;
    const QModelIndex current = m_filter->mapToSource(m_view->currentIndex());
    const int from = current.isValid() ? current.row() + (forward ? 1 : -1)
                                       : (forward ? 0 : m_model->rowCount() - 1);
    const int row = m_model->findRow(needle, m_findHex->isChecked(), from, forward);
    if (row < 0) {
        m_findStatus->setText(tr("Not found"));
        return;
    }
    const QModelIndex proxy = m_filter->mapFromSource(m_model->index(row, LogModel::DataColumn));
    if (!proxy.isValid()) {
        m_findStatus->setText(tr("Found in a hidden row"));
        return;
    }
    m_findStatus->clear();
    m_view->setCurrentIndex(proxy);
    m_view->scrollTo(proxy);
}

void LogPane::findNext()
{
    find(true);
}

void LogPane::findPrevious()
{
    find(false);
}

void LogPane::setRecording(bool on)
{
    const QSignalBlocker block(m_record);
    m_record->setChecked(on);
}

void LogPane::clear()
{
    m_model->clear();
    showRecord({});
}

void LogPane::saveState(QSettings &s) const
{
    s.setValue(QStringLiteral("display"), int(displayMode()));
    s.setValue(QStringLiteral("timestamps"), m_timestamps->isChecked());
    s.setValue(QStringLiteral("showTx"), m_showTx->isChecked());
    s.setValue(QStringLiteral("wrap"), m_wrap->isChecked());
}

void LogPane::restoreState(QSettings &s)
{
    setDisplayMode(LogModel::DisplayMode(
        s.value(QStringLiteral("display"), int(LogModel::DisplayMode::Utf8)).toInt()));
    m_timestamps->setChecked(s.value(QStringLiteral("timestamps"), true).toBool());
    m_showTx->setChecked(s.value(QStringLiteral("showTx"), true).toBool());
    m_wrap->setChecked(s.value(QStringLiteral("wrap"), false).toBool());
}

} // namespace sockscope
