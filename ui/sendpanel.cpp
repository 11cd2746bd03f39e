#include "sendpanel.h"
#include "tones.h"
#include "ui_sendpanel.h"

#include "core/codec/hex.h"
#include "sendhistory.h"
#include "core/message/dynamicfields.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QShortcut>
#include <QStandardPaths>
#include <QTimer>
#include <QWhatsThis>

namespace sockscope {

namespace {

constexpr int PreviewDebounceMs = 100;
constexpr int TooltipDumpBytes = 512;

const QString KeyMessage = QStringLiteral("message");
const QString KeyInterval = QStringLiteral("periodicIntervalMs");
const QString KeyCount = QStringLiteral("periodicCount");
const QString KeySplitter = QStringLiteral("splitter");
const QString KeyListTab = QStringLiteral("listTab");
const QString KeyFileDir = QStringLiteral("lastFileDir");
const QString KeyRelaySide = QStringLiteral("relaySide"); // "client" / "server"

template <typename Enum>
void selectData(QComboBox *combo, Enum value)
{
    const int i = combo->findData(int(value));
    if (i >= 0)
        combo->setCurrentIndex(i);
}

template <typename Enum>
Enum currentData(const QComboBox *combo, Enum fallback)
{
    const QVariant v = combo->currentData();
    return v.isValid() ? Enum(v.toInt()) : fallback;
}

} // namespace

SendPanel::SendPanel(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::SendPanel>()),
      m_history(new SendHistoryModel(this)), m_presets(new SendPresetModel(this)),
      m_previewTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    buildRelaySideCombo();
    populateCombos();
    setupLists();

    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF());
    m_ui->editor->setFont(mono);
    m_ui->previewLabel->setFont(mono);
    m_ui->editor->setPlaceholderText(tr("Type a message, then press Ctrl+Return to send it"));
    // Long hex must not widen the panel: the label elides to whatever it gets.
    m_ui->previewLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_ui->previewLabel->setMinimumWidth(0);
    m_ui->previewLayout->setStretchFactor(m_ui->previewLabel, 1); // all the room the count leaves
    m_ui->previewLabel->installEventFilter(this);
    m_ui->statusLabel->hide();
    m_ui->fileProgress->setMinimumWidth(200);
    m_ui->fileProgress->hide();
    m_ui->fileCancelButton->hide();

    m_ui->mainSplitter->setStretchFactor(0, 1);
    m_ui->mainSplitter->setStretchFactor(1, 0);
    m_ui->mainSplitter->setSizes({660, 240});

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(PreviewDebounceMs);
    connect(m_previewTimer, &QTimer::timeout, this, &SendPanel::updatePreview);

    connect(m_ui->editor, &QPlainTextEdit::textChanged, this, &SendPanel::onContentChanged);
    connect(m_ui->hexModeRadio, &QRadioButton::toggled, this, &SendPanel::onFormatToggled);
    connect(m_ui->encodingCombo, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &SendPanel::updatePreview);
    connect(m_ui->escapesCheck, &QCheckBox::toggled, this, &SendPanel::updatePreview);
    connect(m_ui->escapesCheck, &QCheckBox::toggled, this, [this] { clearNote(Note::Conversion); });
    connect(m_ui->statusLabel, &QLabel::linkActivated, this, &SendPanel::switchToTextWithEscapes);
    connect(m_ui->lineEndingCombo, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &SendPanel::updatePreview);
    connect(m_ui->checksumCombo, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &SendPanel::onChecksumChanged);
    connect(m_ui->byteOrderCombo, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &SendPanel::updatePreview);
    connect(m_ui->dynamicFieldsCheck, &QCheckBox::toggled, this, &SendPanel::updatePreview);
    connect(m_ui->fieldsHelpButton, &QToolButton::clicked, this, &SendPanel::showFieldsHelp);

    connect(m_ui->sendButton, &QPushButton::clicked, this, &SendPanel::send);
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &SendPanel::send);
    }
    connect(m_ui->periodicButton, &QPushButton::clicked, this, &SendPanel::onPeriodicClicked);
    connect(m_ui->sendFileButton, &QPushButton::clicked, this, &SendPanel::onSendFileClicked);
    connect(m_ui->fileCancelButton, &QPushButton::clicked, this,
            &SendPanel::sendFileCancelRequested);
    connect(m_ui->sequenceButton, &QToolButton::clicked, this, &SendPanel::sequenceRequested);

    updatePreview();
}

SendPanel::~SendPanel() = default;

void SendPanel::buildRelaySideCombo()
{
    m_relaySide = new QComboBox(this);
    m_relaySide->setObjectName(QStringLiteral("relaySideCombo"));
    m_relaySide->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_relaySide->hide();
    // Beside Send, where the eye is when sending: which way an injected message goes.
    m_ui->actionsLayout->insertWidget(1, m_relaySide);
    connect(m_relaySide, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { emit relaySideChanged(relaySide()); });
}

void SendPanel::setRelaySidesShown(bool shown)
{
    m_relaySide->setVisible(shown);
}

bool SendPanel::relaySidesShown() const
{
    return !m_relaySide->isHidden();
}

SendPanel::RelaySide SendPanel::relaySide() const
{
    return RelaySide(m_relaySide->currentData().toInt());
}

void SendPanel::setRelaySide(RelaySide side)
{
    m_relaySide->setCurrentIndex(m_relaySide->findData(int(side)));
}

void SendPanel::populateCombos()
{
    {
        const QSignalBlocker block(m_relaySide);
        const int side =
            m_relaySide->count() > 0 ? m_relaySide->currentData().toInt() : int(RelaySide::Server);
        m_relaySide->clear();
        m_relaySide->addItem(tr("To the server"), int(RelaySide::Server));
        m_relaySide->addItem(tr("To the client"), int(RelaySide::Client));
        m_relaySide->setCurrentIndex(m_relaySide->findData(side));
        m_relaySide->setToolTip(tr("Where a message you send goes: injected into the pair's "
                                   "connection to the server, or to the client"));
    }
    const QSignalBlocker b1(m_ui->encodingCombo);
    const QSignalBlocker b2(m_ui->lineEndingCombo);
    const QSignalBlocker b3(m_ui->checksumCombo);
    const QSignalBlocker b4(m_ui->byteOrderCombo);
    m_ui->encodingCombo->clear();
    m_ui->lineEndingCombo->clear();
    m_ui->checksumCombo->clear();
    m_ui->byteOrderCombo->clear();

    for (Encoding e : {Encoding::Utf8, Encoding::Gbk, Encoding::Latin1})
        m_ui->encodingCombo->addItem(encodingName(e), int(e));

    m_ui->lineEndingCombo->addItem(tr("No line ending"), int(LineEnding::None));
    m_ui->lineEndingCombo->addItem(tr("+ \\n (LF)"), int(LineEnding::LF));
    m_ui->lineEndingCombo->addItem(tr("+ \\r\\n (CRLF)"), int(LineEnding::CRLF));
    m_ui->lineEndingCombo->addItem(tr("+ \\r (CR)"), int(LineEnding::CR));

    m_ui->checksumCombo->addItem(tr("No checksum"), int(ChecksumKind::None));
    for (ChecksumKind kind : checksumKinds())
        m_ui->checksumCombo->addItem(tr("+ %1").arg(checksumDisplayName(kind)), int(kind));

    m_ui->byteOrderCombo->addItem(tr("BE"), int(ByteOrder::BigEndian));
    m_ui->byteOrderCombo->setItemData(0, tr("Big-endian: high byte first"), Qt::ToolTipRole);
    m_ui->byteOrderCombo->addItem(tr("LE"), int(ByteOrder::LittleEndian));
    m_ui->byteOrderCombo->setItemData(1, tr("Little-endian: low byte first (MODBUS RTU)"),
                                      Qt::ToolTipRole);
}

void SendPanel::setupLists()
{
    m_ui->historyView->setModel(m_history);
    m_ui->presetView->setModel(m_presets);
    m_ui->listTabs->setMinimumWidth(180);

    for (QListView *view : {m_ui->historyView, m_ui->presetView}) {
        const MessageListModel *model =
            view == m_ui->historyView ? static_cast<MessageListModel *>(m_history) : m_presets;
        view->installEventFilter(this);
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QListView::clicked, this,
                [this, model](const QModelIndex &index) { loadEntry(model, index, false); });
        connect(view, &QListView::doubleClicked, this,
                [this, model](const QModelIndex &index) { loadEntry(model, index, true); });
        connect(view, &QListView::customContextMenuRequested, this,
                [this, view](const QPoint &pos) { showListMenu(view, pos); });
    }
    const auto updateButtons = [this] { updateControls(); };
    connect(m_ui->historyView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            updateButtons);
    connect(m_ui->presetView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            updateButtons);
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_history),
                                      static_cast<QAbstractItemModel *>(m_presets)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, updateButtons);
        connect(model, &QAbstractItemModel::rowsRemoved, this, updateButtons);
        connect(model, &QAbstractItemModel::modelReset, this, updateButtons);
    }

    connect(m_ui->historyToPresetButton, &QToolButton::clicked, this,
            &SendPanel::onHistoryToPreset);
    connect(m_ui->historyClearButton, &QToolButton::clicked, m_history, &SendHistoryModel::clear);
    connect(m_ui->presetAddButton, &QToolButton::clicked, this, &SendPanel::onPresetAddClicked);
    connect(m_ui->presetRenameButton, &QToolButton::clicked, this, &SendPanel::onPresetRename);
    connect(m_ui->presetDeleteButton, &QToolButton::clicked, this, &SendPanel::onPresetDelete);
}

// --- the message -----------------------------------------------------------

MessageSpec SendPanel::spec() const
{
    MessageSpec s;
    s.format = m_format;
    s.content = m_ui->editor->toPlainText();
    s.encoding = currentData(m_ui->encodingCombo, Encoding::Utf8);
    s.escapes = m_ui->escapesCheck->isChecked();
    s.lineEnding = currentData(m_ui->lineEndingCombo, LineEnding::None);
    s.checksum = currentData(m_ui->checksumCombo, ChecksumKind::None);
    s.checksumOrder = currentData(m_ui->byteOrderCombo, ByteOrder::BigEndian);
    s.dynamicFields = m_ui->dynamicFieldsCheck->isChecked();
    return s;
}

void SendPanel::setSpec(const MessageSpec &spec)
{
    applySpecToControls(spec);
    setStatus(QString());
    updatePreview();
}

void SendPanel::applySpecToControls(const MessageSpec &spec)
{
    {
        const QSignalBlocker b1(m_ui->textModeRadio);
        const QSignalBlocker b2(m_ui->hexModeRadio);
        const QSignalBlocker b3(m_ui->encodingCombo);
        const QSignalBlocker b4(m_ui->escapesCheck);
        const QSignalBlocker b5(m_ui->lineEndingCombo);
        const QSignalBlocker b6(m_ui->checksumCombo);
        const QSignalBlocker b7(m_ui->byteOrderCombo);
        const QSignalBlocker b8(m_ui->dynamicFieldsCheck);
        m_format = spec.format;
        (spec.format == MessageFormat::Hex ? m_ui->hexModeRadio : m_ui->textModeRadio)
            ->setChecked(true);
        selectData(m_ui->encodingCombo, spec.encoding);
        m_ui->escapesCheck->setChecked(spec.escapes);
        selectData(m_ui->lineEndingCombo, spec.lineEnding);
        selectData(m_ui->checksumCombo, spec.checksum);
        selectData(m_ui->byteOrderCombo, spec.checksumOrder);
        m_ui->dynamicFieldsCheck->setChecked(spec.dynamicFields);
    }
    // Leave the document (and its undo history) alone when nothing changes.
    if (m_ui->editor->toPlainText() != spec.content)
        m_ui->editor->setPlainText(spec.content);
}

void SendPanel::onFormatToggled()
{
    const MessageFormat target =
        m_ui->hexModeRadio->isChecked() ? MessageFormat::Hex : MessageFormat::Text;
    if (target == m_format)
        return;

    MessageSpec source = spec(); // still in the old format
    if (source.content.isEmpty()) {
        m_format = target;
        setStatus(QString());
        updatePreview();
        return;
    }

    const ContentConversion conv =
        target == MessageFormat::Hex ? textToHex(source) : hexToText(source);
    if (!conv.ok()) {
        // Nothing converted: stay in the old mode and point at the problem.
        {
            const QSignalBlocker b1(m_ui->textModeRadio);
            const QSignalBlocker b2(m_ui->hexModeRadio);
            (m_format == MessageFormat::Hex ? m_ui->hexModeRadio : m_ui->textModeRadio)
                ->setChecked(true);
        }
        updatePreview();
        setStatus(target == MessageFormat::Hex
                      ? tr("Cannot switch to hex: %1").arg(conv.errorString)
                      : tr("Cannot switch to text: %1").arg(conv.errorString),
                  true);
        return;
    }

    if (conv.needsEscapes) {
        // Escapes change how every backslash reads: the user turns them on, not the switch.
        {
            const QSignalBlocker b1(m_ui->textModeRadio);
            const QSignalBlocker b2(m_ui->hexModeRadio);
            m_ui->hexModeRadio->setChecked(true);
        }
        const QString why =
            tr("Still hex: the bytes include control characters or bytes that are not valid %1 "
               "text, which text can keep exact only as escapes (\\r, \\n, \\xNN).")
                .arg(encodingName(source.encoding));
        setStatus(why.toHtmlEscaped() + QStringLiteral(" <a href=\"escapes\">") +
                      tr("Turn on Escapes and switch to text").toHtmlEscaped() +
                      QStringLiteral("</a>"),
                  false, Note::Conversion);
        m_ui->statusLabel->setTextFormat(Qt::RichText);
        return;
    }
    m_format = target;
    setStatus(QString());
    m_ui->editor->setPlainText(conv.content);
    m_ui->editor->moveCursor(QTextCursor::End);
    updatePreview();
}

void SendPanel::switchToTextWithEscapes()
{
    if (m_format != MessageFormat::Hex)
        return;
    {
        const QSignalBlocker blocker(m_ui->escapesCheck);
        m_ui->escapesCheck->setChecked(true);
    }
    m_ui->textModeRadio->setChecked(true); // converts
    if (m_format == MessageFormat::Text)
        setStatus(tr("Escapes turned on: the bytes include control characters or bytes that "
                     "are not valid %1 text, written as \\r, \\n or \\xNN to keep them exact.")
                      .arg(encodingName(spec().encoding)),
                  false, Note::Conversion);
}

void SendPanel::onChecksumChanged()
{
    const ChecksumKind kind = currentData(m_ui->checksumCombo, ChecksumKind::None);
    {
        const QSignalBlocker blocker(m_ui->byteOrderCombo);
        selectData(m_ui->byteOrderCombo, defaultByteOrder(kind));
    }
    updatePreview();
}

void SendPanel::onContentChanged()
{
    clearNote(Note::Conversion); // it spoke of the content as it was
    m_previewTimer->start();
}

void SendPanel::setPreviewContext(const DynamicContext *context)
{
    m_context = context;
    updatePreview();
}

void SendPanel::refreshPreview()
{
    updatePreview();
}

void SendPanel::updatePreview()
{
    m_previewTimer->stop();
    m_preview = preview(spec(), m_context);
    showPreview();
    updateControls();
}

void SendPanel::showPreview()
{
    // Underline the offending characters, like a spell checker.
    QList<QTextEdit::ExtraSelection> selections;
    const qsizetype contentSize = m_ui->editor->document()->characterCount() - 1;
    if (!m_preview.ok() && m_preview.errorPosition >= 0 && m_preview.errorLength > 0 &&
        contentSize > 0) {
        const int start = int(std::min<qsizetype>(m_preview.errorPosition, contentSize - 1));
        const int end =
            int(std::min<qsizetype>(m_preview.errorPosition + m_preview.errorLength, contentSize));
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(m_ui->editor->document());
        sel.cursor.setPosition(start);
        sel.cursor.setPosition(std::max(end, start + 1), QTextCursor::KeepAnchor);
        sel.format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
        sel.format.setUnderlineColor(toneColor(Tone::Error, palette()));
        sel.format.setToolTip(m_preview.errorString);
        selections.append(sel);
    }
    m_ui->editor->setExtraSelections(selections);

    QLabel *label = m_ui->previewLabel;
    QPalette pal = palette();
    QString text;
    QString tooltip;
    QString count;
    if (m_preview.error == MessageError::Empty) {
        pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
        text = tr("Nothing to send: type a message (text or hex)");
        tooltip = tr("The preview of the exact bytes appears here as you type");
    } else if (!m_preview.ok()) {
        pal.setColor(QPalette::WindowText, toneColor(Tone::Error, pal));
        text = QStringLiteral("\u2717 ") + m_preview.errorString + errorPlace();
        tooltip = m_preview.errorString;
    } else {
        const QByteArray &bytes = m_preview.bytes;
        const QFontMetrics fm(label->font());
        const int avail = std::max(label->width() - 2, fm.horizontalAdvance(u'0') * 6);
        // Format just enough bytes to fill the label: messages can be megabytes.
        const qsizetype fit = avail / std::max(1, fm.horizontalAdvance(QStringLiteral("00 "))) + 2;
        const qsizetype shown = std::min(bytes.size(), fit);
        text = toHexString(QByteArrayView(bytes).first(shown));
        if (shown < bytes.size())
            text += QStringLiteral(" \u2026");
        text = fm.elidedText(text, Qt::ElideRight, avail);

        const qsizetype dumped = std::min<qsizetype>(bytes.size(), TooltipDumpBytes);
        tooltip = QStringLiteral("<pre>%1</pre>")
                      .arg(QString::fromLatin1(hexDump(QByteArrayView(bytes).first(dumped)))
                               .toHtmlEscaped());
        if (dumped < bytes.size())
            tooltip += tr("<p>… %n more byte(s)</p>", nullptr, int(bytes.size() - dumped));
        count =
            bytes.size() == 1 ? tr("1 byte") : tr("%1 bytes").arg(QLocale().toString(bytes.size()));
        if (m_preview.varies)
            count += tr(" (time fields vary)");
    }
    label->setPalette(pal);
    // An error is read whole, on two lines if need be; the hex is elided instead.
    label->setWordWrap(!m_preview.ok() && m_preview.error != MessageError::Empty);
    label->setText(text);
    label->setToolTip(tooltip.isEmpty() ? tr("The exact bytes that will be sent") : tooltip);
    m_ui->byteCountLabel->setText(count);
}

QString SendPanel::errorPlace() const
{
    if (m_preview.errorPosition < 0)
        return {};
    const QString content = m_ui->editor->toPlainText();
    const qsizetype at = qMin(m_preview.errorPosition, content.size());
    const qsizetype lineStart = content.lastIndexOf(u'\n', at - 1) + 1;
    const qsizetype column = at - lineStart + 1;
    if (!content.contains(u'\n'))
        return tr(" (column %1)").arg(column);
    return tr(" (line %1, column %2)").arg(content.left(at).count(u'\n') + 1).arg(column);
}

void SendPanel::updateControls()
{
    const bool messageOk = m_preview.ok();
    const bool sendable = m_connected && messageOk;
    QString why;
    if (!m_connected)
        why = m_whyNot.isEmpty() ? tr("Not connected") : m_whyNot;
    else if (m_preview.error == MessageError::Empty)
        why = tr("Nothing to send: the message is empty");
    else if (!messageOk)
        why = tr("Cannot send: %1").arg(m_preview.errorString);

    m_ui->sendButton->setEnabled(sendable);
    m_ui->sendButton->setToolTip(sendable ? tr("Send the message (Ctrl+Return)") : why);

    if (m_periodicRunning) {
        m_ui->periodicButton->setEnabled(true);
        m_ui->periodicButton->setText(
            m_periodicCount > 0 ? tr("St&op (%1 / %2)").arg(m_periodicSent).arg(m_periodicCount)
                                : tr("St&op (%1 sent)").arg(m_periodicSent));
        m_ui->periodicButton->setToolTip(tr("Stop sending periodically"));
    } else {
        m_ui->periodicButton->setEnabled(sendable);
        m_ui->periodicButton->setText(tr("Sta&rt"));
        m_ui->periodicButton->setToolTip(
            sendable ? tr("Start sending the message every interval, the given number of times")
                     : why);
    }
    m_ui->intervalSpin->setEnabled(!m_periodicRunning);
    m_ui->countSpin->setEnabled(!m_periodicRunning);

    m_ui->sendFileButton->setEnabled(m_connected && !m_fileRunning);
    m_ui->sendFileButton->setToolTip(!m_connected    ? why
                                     : m_fileRunning ? tr("A file transfer is in progress")
                                                     : tr("Send the contents of a file"));

    const bool text = m_format == MessageFormat::Text;
    m_ui->escapesCheck->setEnabled(text);
    const ChecksumKind kind = currentData(m_ui->checksumCombo, ChecksumKind::None);
    m_ui->byteOrderCombo->setEnabled(checksumWidth(kind) > 1);

    const bool historyCurrent = m_ui->historyView->currentIndex().isValid();
    m_ui->historyToPresetButton->setEnabled(historyCurrent);
    m_ui->historyClearButton->setEnabled(m_history->rowCount() > 0);
    const bool presetCurrent = m_ui->presetView->currentIndex().isValid();
    m_ui->presetRenameButton->setEnabled(presetCurrent);
    m_ui->presetDeleteButton->setEnabled(presetCurrent);
}

bool SendPanel::canSend() const
{
    return m_connected && m_preview.ok();
}

void SendPanel::setStatus(const QString &text, bool error, Note kind)
{
    m_note = kind;
    m_ui->statusLabel->setTextFormat(Qt::PlainText);
    QPalette pal = palette();
    if (error)
        pal.setColor(QPalette::WindowText, toneColor(Tone::Error, pal));
    m_ui->statusLabel->setPalette(pal);
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->setVisible(!text.isEmpty());
    m_ui->statusLabel->setProperty("error", error);
}

void SendPanel::clearNote(Note kind)
{
    if (m_note == kind && !m_ui->statusLabel->text().isEmpty())
        setStatus(QString());
}

void SendPanel::targetChanged()
{
    clearNote(Note::Result);
}

// --- actions ---------------------------------------------------------------

void SendPanel::send()
{
    updatePreview(); // a keystroke may still be waiting for the debounce
    if (!m_connected) {
        setStatus(m_whyNot.isEmpty() ? tr("Not connected") : m_whyNot, true);
        return;
    }
    if (!m_preview.ok())
        return; // the preview line already says why
    emit sendRequested(spec());
}

void SendPanel::onPeriodicClicked()
{
    if (m_periodicRunning) {
        emit periodicStopRequested();
        return;
    }
    updatePreview();
    if (!canSend())
        return;
    emit periodicStartRequested(spec(), m_ui->intervalSpin->value(), m_ui->countSpin->value());
}

void SendPanel::onSendFileClicked()
{
    QString dir = m_lastFileDir;
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    const QString path = QFileDialog::getOpenFileName(this, tr("Send File"), dir);
    if (!path.isEmpty())
        sendFile(path);
}

void SendPanel::sendFile(const QString &path)
{
    if (path.isEmpty() || !m_connected || m_fileRunning)
        return;
    m_lastFileDir = QFileInfo(path).absolutePath();
    m_fileRunning = true;
    m_ui->fileProgress->setRange(0, 0); // busy until the first progress report
    m_ui->fileProgress->setFormat(QString());
    m_ui->fileProgress->show();
    m_ui->fileCancelButton->show();
    updateControls();
    emit sendFileRequested(path);
}

void SendPanel::setConnected(bool canSend, const QString &whyNot)
{
    if (canSend != m_connected || whyNot != m_whyNot)
        clearNote(Note::Result); // a send result belongs to the connection it was made on
    m_connected = canSend;
    m_whyNot = whyNot;
    if (canSend && m_ui->statusLabel->property("error").toBool() &&
        m_ui->statusLabel->text() == whyNot)
        setStatus(QString());
    updateControls();
}

void SendPanel::setPeriodicRunning(bool running)
{
    if (running && !m_periodicRunning) {
        m_periodicSent = 0;
        m_periodicCount = m_ui->countSpin->value();
    }
    m_periodicRunning = running;
    updateControls();
}

void SendPanel::setPeriodicProgress(int sent, int count)
{
    m_periodicSent = sent;
    m_periodicCount = count;
    updateControls();
}

void SendPanel::setFileProgress(qint64 done, qint64 total)
{
    m_fileRunning = true;
    QProgressBar *bar = m_ui->fileProgress;
    const QLocale locale;
    if (total > 0) {
        // Scale to int: files may be larger than 2 GiB.
        bar->setRange(0, 1000);
        bar->setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
        bar->setFormat(
            tr("%1 / %2").arg(locale.formattedDataSize(done), locale.formattedDataSize(total)));
    } else {
        bar->setRange(0, 0);
    }
    bar->setToolTip(tr("%1 of %2 bytes sent")
                        .arg(locale.toString(done), total > 0 ? locale.toString(total) : tr("?")));
    bar->show();
    m_ui->fileCancelButton->show();
    updateControls();
}

void SendPanel::setFileFinished(bool ok, const QString &message)
{
    m_fileRunning = false;
    m_ui->fileProgress->hide();
    m_ui->fileCancelButton->hide();
    setStatus(message.isEmpty() ? (ok ? tr("File sent") : tr("File transfer failed")) : message,
              !ok, Note::Result);
    updateControls();
}

void SendPanel::showSendError(const QString &message)
{
    setStatus(message, true, Note::Result);
}

void SendPanel::addToHistory(const MessageSpec &spec)
{
    m_history->add(spec);
    if (m_ui->statusLabel->property("error").toBool())
        setStatus(QString());
}

void SendPanel::addCurrentAsPreset(const QString &name)
{
    const MessageSpec s = spec();
    if (s.content.isEmpty()) {
        setStatus(tr("Type a message before saving it as a preset"), true);
        return;
    }
    const QModelIndex index = m_presets->addPreset(name, s);
    m_ui->listTabs->setCurrentWidget(m_ui->presetTab);
    m_ui->presetView->setCurrentIndex(index);
}

// --- history and presets ---------------------------------------------------

void SendPanel::loadEntry(const MessageListModel *model, const QModelIndex &index, bool andSend)
{
    if (!index.isValid() || index.model() != model)
        return;
    setSpec(model->spec(index.row()));
    if (andSend)
        send();
}

void SendPanel::onPresetAddClicked()
{
    const MessageSpec s = spec();
    if (s.content.isEmpty()) {
        setStatus(tr("Type a message before saving it as a preset"), true);
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add Preset"), tr("Preset name:"),
                                               QLineEdit::Normal, messageSummary(s, 40), &ok);
    if (ok)
        addCurrentAsPreset(name);
}

void SendPanel::onHistoryToPreset()
{
    const QModelIndex index = m_ui->historyView->currentIndex();
    if (!index.isValid())
        return;
    const MessageSpec s = m_history->spec(index.row());
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as Preset"), tr("Preset name:"),
                                               QLineEdit::Normal, messageSummary(s, 40), &ok);
    if (!ok)
        return;
    const QModelIndex added = m_presets->addPreset(name, s);
    m_ui->listTabs->setCurrentWidget(m_ui->presetTab);
    m_ui->presetView->setCurrentIndex(added);
}

void SendPanel::onPresetRename()
{
    const QModelIndex index = m_ui->presetView->currentIndex();
    if (index.isValid()) {
        m_ui->presetView->setFocus();
        m_ui->presetView->edit(index);
    }
}

void SendPanel::onPresetDelete()
{
    const QModelIndex index = m_ui->presetView->currentIndex();
    if (!index.isValid())
        return;
    const auto answer =
        QMessageBox::question(this, tr("Delete Preset"),
                              tr("Delete the preset \"%1\"?").arg(m_presets->name(index.row())));
    if (answer == QMessageBox::Yes)
        m_presets->removeRows(index.row(), 1);
}

void SendPanel::showListMenu(QAbstractItemView *view, const QPoint &pos)
{
    const bool isHistory = view == m_ui->historyView;
    const MessageListModel *model =
        isHistory ? static_cast<const MessageListModel *>(m_history) : m_presets;
    const QModelIndex index = view->indexAt(pos);
    QMenu menu(this);
    if (index.isValid()) {
        menu.addAction(tr("Load into Editor"), this,
                       [this, model, index] { loadEntry(model, index, false); });
        QAction *sendAction = menu.addAction(
            tr("Load and Send"), this, [this, model, index] { loadEntry(model, index, true); });
        sendAction->setEnabled(m_connected);
        menu.addSeparator();
        if (isHistory) {
            menu.addAction(tr("Save as Preset…"), this, &SendPanel::onHistoryToPreset);
            menu.addAction(tr("Remove"), this,
                           [this, index] { m_history->removeRows(index.row(), 1); });
        } else {
            menu.addAction(tr("Rename"), this, &SendPanel::onPresetRename);
            menu.addAction(tr("Delete…"), this, &SendPanel::onPresetDelete);
        }
    }
    if (isHistory) {
        menu.addAction(tr("Clear History"), m_history, &SendHistoryModel::clear)
            ->setEnabled(m_history->rowCount() > 0);
    } else {
        menu.addAction(tr("Add Current Message…"), this, &SendPanel::onPresetAddClicked);
    }
    menu.exec(view->viewport()->mapToGlobal(pos));
}

void SendPanel::showFieldsHelp()
{
    const QString html =
        tr("<p><b>Dynamic fields</b> are replaced when the message is sent:</p>"
           "<table cellspacing='4'>"
           "<tr><td><tt>{{counter}}</tt></td><td>1, 2, 3 … (<tt>start=</tt>, <tt>step=</tt>, "
           "<tt>width=</tt>, <tt>hex</tt>, <tt>u8</tt>, <tt>u16be</tt>, <tt>u32le</tt> …)</td></tr>"
           "<tr><td><tt>{{time}}</tt></td><td>send time, <tt>HH:mm:ss.zzz</tt>; or a QDateTime "
           "pattern, <tt>unix</tt>, <tt>unixms</tt>, <tt>iso</tt>, <tt>u32be</tt></td></tr>"
           "<tr><td><tt>{{random:4}}</tt></td><td>4 random bytes</td></tr>"
           "<tr><td><tt>{{len:u16be}}</tt></td><td>length of the whole frame (<tt>after</tt>, "
           "<tt>adjust=-2</tt>)</td></tr>"
           "<tr><td><tt>{{{{</tt></td><td>a literal <tt>{{</tt></td></tr>"
           "</table>"
           "<p>Each sender (Send button, periodic send, sequence) counts on its own and keeps "
           "counting across runs while the tab is open. The preview shows the next frame. "
           "Full reference: docs/dynamic-fields.md.</p>");
    QWhatsThis::showText(
        m_ui->fieldsHelpButton->mapToGlobal(QPoint(0, m_ui->fieldsHelpButton->height())), html,
        m_ui->fieldsHelpButton);
}

// --- events ----------------------------------------------------------------

bool SendPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->previewLabel && event->type() == QEvent::Resize) {
        if (m_preview.ok())
            showPreview(); // re-elide for the new width
        return false;
    }
    const bool isHistory = watched == m_ui->historyView;
    if ((isHistory || watched == m_ui->presetView) && event->type() == QEvent::KeyPress) {
        auto *view = static_cast<QListView *>(watched);
        const MessageListModel *model =
            isHistory ? static_cast<const MessageListModel *>(m_history) : m_presets;
        const auto *key = static_cast<QKeyEvent *>(event);
        const QModelIndex index = view->currentIndex();
        if (key->modifiers() & ~Qt::KeypadModifier)
            return false;
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            loadEntry(model, index, true);
            return true;
        case Qt::Key_Space:
            loadEntry(model, index, false);
            return true;
        case Qt::Key_Delete:
            if (isHistory && index.isValid())
                m_history->removeRows(index.row(), 1);
            else if (!isHistory)
                onPresetDelete();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SendPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        const MessageSpec s = spec();
        m_ui->retranslateUi(this);
        populateCombos();
        applySpecToControls(s);
        updatePreview();
    } else if (event->type() == QEvent::PaletteChange) {
        showPreview();
    }
    QWidget::changeEvent(event);
}

// --- persistence -----------------------------------------------------------

void SendPanel::saveState(QSettings &settings) const
{
    settings.remove(KeyMessage);
    settings.beginGroup(KeyMessage);
    const QVariantMap map = messageSpecToVariant(spec());
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        settings.setValue(it.key(), it.value());
    settings.endGroup();
    settings.setValue(KeyInterval, m_ui->intervalSpin->value());
    settings.setValue(KeyCount, m_ui->countSpin->value());
    settings.setValue(KeySplitter, m_ui->mainSplitter->saveState());
    settings.setValue(KeyListTab, m_ui->listTabs->currentIndex());
    settings.setValue(KeyFileDir, m_lastFileDir);
    settings.setValue(KeyRelaySide, relaySide() == RelaySide::Client ? QStringLiteral("client")
                                                                     : QStringLiteral("server"));
}

void SendPanel::restoreState(QSettings &settings)
{
    settings.beginGroup(KeyMessage);
    QVariantMap map;
    const QStringList keys = settings.childKeys();
    for (const QString &key : keys)
        map.insert(key, settings.value(key));
    settings.endGroup();
    MessageSpec s;
    if (messageSpecFromVariant(map, &s))
        setSpec(s);

    bool ok = false;
    const int interval = settings.value(KeyInterval).toInt(&ok);
    if (ok)
        m_ui->intervalSpin->setValue(interval); // QSpinBox clamps to its range
    const int count = settings.value(KeyCount).toInt(&ok);
    if (ok)
        m_ui->countSpin->setValue(count);
    const QByteArray splitter = settings.value(KeySplitter).toByteArray();
    if (!splitter.isEmpty())
        m_ui->mainSplitter->restoreState(splitter);
    const int tab = settings.value(KeyListTab).toInt(&ok);
    if (ok && tab >= 0 && tab < m_ui->listTabs->count())
        m_ui->listTabs->setCurrentIndex(tab);
    m_lastFileDir = settings.value(KeyFileDir).toString();
    if (settings.contains(KeyRelaySide))
        setRelaySide(settings.value(KeyRelaySide).toString() == QLatin1String("client")
                         ? RelaySide::Client
                         : RelaySide::Server);
}

} // namespace sockscope
