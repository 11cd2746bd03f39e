#include "autoreplydialog.h"

#include "autoreplymodel.h"
#include "core/codec/escapes.h"
#include "core/codec/hex.h"
#include "core/codec/textcodec.h"
#include "core/message/message.h"
#include "rulesfile.h"
#include "tones.h"
#include "ui_autoreplydialog.h"

#include <QAction>
#include <QFontDatabase>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QTextDocument>
#include <QTimer>

#include <algorithm>

namespace sockscope {

namespace {

using MatchMode = AutoReplyConfig::MatchMode;
using EchoMode = AutoReplyConfig::EchoMode;

constexpr int TestDelayMs = 150;
constexpr qsizetype MaxShownBytes = 256;

QString shownHex(const QByteArray &bytes)
{
    QString hex = toHexString(QByteArrayView(bytes).first(std::min(bytes.size(), MaxShownBytes)));
    if (bytes.size() > MaxShownBytes)
        hex += QStringLiteral(" \u2026");
    return hex;
}

QString shownText(const QByteArray &bytes, Encoding encoding)
{
    const QByteArray head = bytes.left(MaxShownBytes);
    QString text = escapeForDisplay(decodeText(head, encoding, InvalidBytes::Replacement));
    if (bytes.size() > MaxShownBytes)
        text += QChar(0x2026);
    return QStringLiteral("\u201C%1\u201D").arg(text);
}

void setComboData(QComboBox *combo, int value)
{
    const int i = combo->findData(value);
    if (i >= 0)
        combo->setCurrentIndex(i);
}

} // namespace

AutoReplyDialog::AutoReplyDialog(const AutoReplyConfig &config, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::AutoReplyDialog>()),
      m_model(new AutoReplyModel(this)), m_testTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_model->setObjectName(QStringLiteral("autoReplyModel"));
    fillCombos();
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("okButton"));
    ok->setToolTip(tr("Use these rules"));
    QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setToolTip(tr("Discard the changes"));
    setUpRulesView();
    setUpTestPane();
    connectSignals();
    setConfig(config);
}

void AutoReplyDialog::fillCombos()
{
    for (Encoding e : {Encoding::Utf8, Encoding::Gbk, Encoding::Latin1})
        m_ui->encodingCombo->addItem(encodingName(e), int(e));
    m_ui->matchModeCombo->addItem(tr("First match"), int(MatchMode::FirstMatch));
    m_ui->matchModeCombo->addItem(tr("All matches"), int(MatchMode::AllMatches));
    m_ui->echoCombo->addItem(tr("Off"), int(EchoMode::Off));
    m_ui->echoCombo->addItem(tr("Echo unmatched"), int(EchoMode::Fallback));
    m_ui->echoCombo->addItem(tr("Echo everything"), int(EchoMode::Always));
    m_ui->echoDelaySpin->setRange(0, AutoReplyRules::MaxDelayMs);
    m_ui->echoDelaySpin->setSuffix(tr(" ms"));
    m_ui->testFormatCombo->addItem(tr("Text"), int(MessageFormat::Text));
    m_ui->testFormatCombo->addItem(tr("Hex"), int(MessageFormat::Hex));
}

void AutoReplyDialog::setUpRulesView()
{
    QTableView *view = m_ui->rulesView;
    view->setModel(m_model);
    view->setItemDelegate(new AutoReplyDelegate(view));
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(AutoReplyModel::EnabledColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AutoReplyModel::PatternColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(AutoReplyModel::ReplyFormatColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AutoReplyModel::ReplyColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(AutoReplyModel::DelayColumn, QHeaderView::ResizeToContents);
    header->resizeSection(AutoReplyModel::NameColumn,
                          fontMetrics().horizontalAdvance(QLatin1Char('x')) * 13);
    int matchWidth = 0;
    for (int k = 0; k < AutoReplyModel::MatchKindCount; ++k)
        matchWidth =
            std::max(matchWidth, fontMetrics().horizontalAdvance(
                                     AutoReplyModel::matchKindName(AutoReplyModel::MatchKind(k))));
    header->resizeSection(AutoReplyModel::MatchColumn, matchWidth + 16);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);

    auto *removeAction = new QAction(tr("Remove Rules"), view);
    removeAction->setObjectName(QStringLiteral("removeAction"));
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    view->addAction(removeAction);
    connect(removeAction, &QAction::triggered, this, &AutoReplyDialog::removeRules);
}

void AutoReplyDialog::setUpTestPane()
{
    // Room for the frame line, the match line and one reply in hex and text (a CJK
    // fallback font makes lines taller, hence the half line); more
    // replies scroll. The rules table takes whatever height is left.
    QPlainTextEdit *result = m_ui->testResultView;
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    // Monospace fonts often lack symbols such as U+2103 (℃) that replies carry; fall
    // back to the dialog's own font for those rather than to an empty box.
    fixed.setFamilies({fixed.family(), font().family()});
    result->setFont(fixed);
    const int margins = int(2 * result->document()->documentMargin()) + 2 * result->frameWidth();
    result->setFixedHeight(QFontMetrics(fixed).lineSpacing() * 11 / 2 + margins +
                           result->horizontalScrollBar()->sizeHint().height() + 2);
    m_ui->testInputEdit->installEventFilter(this);

    m_testTimer->setSingleShot(true);
    m_testTimer->setInterval(TestDelayMs);
    connect(m_testTimer, &QTimer::timeout, this, &AutoReplyDialog::runTest);
}

void AutoReplyDialog::connectSignals()
{
    const QTableView *view = m_ui->rulesView;
    connect(m_ui->addButton, &QPushButton::clicked, this, &AutoReplyDialog::addRule);
    connect(m_ui->duplicateButton, &QPushButton::clicked, this, &AutoReplyDialog::duplicateRule);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &AutoReplyDialog::removeRules);
    connect(m_ui->moveUpButton, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_ui->moveDownButton, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_ui->importButton, &QPushButton::clicked, this, &AutoReplyDialog::chooseImportFile);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &AutoReplyDialog::chooseExportFile);
    connect(m_ui->testButton, &QPushButton::clicked, this, &AutoReplyDialog::runTest);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AutoReplyDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AutoReplyDialog::reject);

    connect(m_model, &AutoReplyModel::rulesChanged, this, [this] {
        updateState();
        scheduleTest();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &AutoReplyDialog::updateState);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AutoReplyDialog::updateState);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &AutoReplyDialog::updateState);

    connect(m_ui->encodingCombo, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { m_model->setEncoding(Encoding(m_ui->encodingCombo->currentData().toInt())); });
    connect(m_ui->echoCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        updateState();
        scheduleTest();
    });
    connect(m_ui->matchModeCombo, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &AutoReplyDialog::scheduleTest);
    connect(m_ui->echoDelaySpin, qOverload<int>(&QSpinBox::valueChanged), this,
            &AutoReplyDialog::scheduleTest);
    connect(m_ui->testInputEdit, &QLineEdit::textChanged, this, &AutoReplyDialog::scheduleTest);
    connect(m_ui->testFormatCombo, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &AutoReplyDialog::scheduleTest);
}

AutoReplyDialog::~AutoReplyDialog() = default;

void AutoReplyDialog::setRuleTrouble(const QStringList &trouble)
{
    m_model->setRuleTrouble(trouble);
}

AutoReplyConfig AutoReplyDialog::config() const
{
    AutoReplyConfig c;
    c.encoding = m_model->encoding();
    c.matchMode = MatchMode(m_ui->matchModeCombo->currentData().toInt());
    c.echo = EchoMode(m_ui->echoCombo->currentData().toInt());
    c.echoDelayMs = m_ui->echoDelaySpin->value();
    c.rules = m_model->rules();
    return c;
}

void AutoReplyDialog::setConfig(const AutoReplyConfig &config)
{
    setComboData(m_ui->encodingCombo, int(config.encoding));
    m_model->setEncoding(config.encoding);
    setComboData(m_ui->matchModeCombo, int(config.matchMode));
    setComboData(m_ui->echoCombo, int(config.echo));
    m_ui->echoDelaySpin->setValue(config.echoDelayMs);
    m_model->setRules(config.rules);
    if (!config.rules.isEmpty())
        selectRow(0);
    updateState();
    runTest();
}

// --- rule list --------------------------------------------------------------

int AutoReplyDialog::currentRow() const
{
    const QModelIndex current = m_ui->rulesView->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void AutoReplyDialog::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row, AutoReplyModel::NameColumn);
    m_ui->rulesView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
    m_ui->rulesView->scrollTo(index);
}

void AutoReplyDialog::addRule()
{
    if (m_model->rowCount() >= AutoReplyRules::MaxRules)
        return;
    const int current = currentRow();
    const int row =
        m_model->insertRule(current < 0 ? m_model->rowCount() : current + 1, AutoReplyRule());
    selectRow(row);
    // A new rule is invalid until it has a pattern: start right there.
    m_ui->rulesView->edit(m_model->index(row, AutoReplyModel::PatternColumn));
}

void AutoReplyDialog::duplicateRule()
{
    const int current = currentRow();
    if (current < 0 || m_model->rowCount() >= AutoReplyRules::MaxRules)
        return;
    selectRow(m_model->insertRule(current + 1, m_model->rule(current)));
}

void AutoReplyDialog::removeRules()
{
    QList<int> rows;
    for (const QModelIndex &index : m_ui->rulesView->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && currentRow() >= 0)
        rows.append(currentRow());
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    // Contiguous runs go in one removeRows() each, from the bottom up.
    int i = 0;
    while (i < rows.size()) {
        int first = rows.at(i);
        int count = 1;
        while (i + count < rows.size() && rows.at(i + count) == first - 1) {
            --first;
            ++count;
        }
        m_model->removeRows(first, count);
        i += count;
    }
    selectRow(std::min(rows.last(), m_model->rowCount() - 1));
    updateState();
}

void AutoReplyDialog::moveCurrent(int delta)
{
    const int from = currentRow();
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= m_model->rowCount())
        return;
    if (m_model->moveRule(from, to))
        selectRow(to);
}

// --- files ------------------------------------------------------------------

// Every text of the file's import and export, in this dialog's translation context.
RulesFile AutoReplyDialog::rulesFile() const
{
    RulesFileTexts t;
    t.importTitle = tr("Import Auto-Reply Rules");
    t.exportTitle = tr("Export Auto-Reply Rules");
    t.filter = tr("Auto-reply rules (*.json);;All files (*)");
    t.fixFirst = tr("Fix the invalid rule first. %1");
    t.notRegular = tr("%1 is not a regular file.");
    t.tooLarge = tr("The file is larger than %1 MiB.");
    t.importFailed = tr("Import Failed");
    t.notImported = tr("The rules in %1 were not imported; the current rules are "
                       "unchanged.\n\n%2");
    t.warningsTitle = tr("Imported with Warnings");
    t.warningsText = tr("The rules were imported; these parts of the file were "
                        "ignored:\n\n%1");
    t.moreWarnings = [](int more) { return tr("(%n more)", nullptr, more); };
    t.exportFailed = tr("Export Failed");
    t.notSaved = tr("Could not save %1:\n\n%2");
    return RulesFile(std::move(t));
}

bool AutoReplyDialog::exportTo(const QString &path, QString *error) const
{
    return rulesFile().save(path, m_model->firstIssue(), AutoReplyRules::toJson(config()), error);
}

bool AutoReplyDialog::importFrom(const QString &path, QString *error, QStringList *warnings)
{
    const std::optional<AutoReplyConfig> loaded =
        rulesFile().load<AutoReplyRules>(path, error, warnings);
    if (!loaded)
        return false;
    setConfig(*loaded);
    return true;
}

void AutoReplyDialog::chooseImportFile()
{
    rulesFile().chooseImport(this, &m_lastDir,
                             [this](const QString &path, QString *error, QStringList *warnings) {
                                 return importFrom(path, error, warnings);
                             });
}

void AutoReplyDialog::chooseExportFile()
{
    rulesFile().chooseExport(this, &m_lastDir, [this](const QString &path, QString *error) {
        return exportTo(path, error);
    });
}

// --- state ------------------------------------------------------------------

void AutoReplyDialog::updateState()
{
    const int rows = m_model->rowCount();
    const int current = currentRow();
    const bool roomLeft = rows < AutoReplyRules::MaxRules;
    const bool anySelected = m_ui->rulesView->selectionModel()->hasSelection() || current >= 0;
    m_ui->addButton->setEnabled(roomLeft);
    m_ui->duplicateButton->setEnabled(roomLeft && current >= 0);
    m_ui->removeButton->setEnabled(rows > 0 && anySelected);
    m_ui->moveUpButton->setEnabled(current > 0);
    m_ui->moveDownButton->setEnabled(current >= 0 && current < rows - 1);
    m_ui->echoDelaySpin->setEnabled(EchoMode(m_ui->echoCombo->currentData().toInt()) !=
                                    EchoMode::Off);

    const std::optional<AutoReplyIssue> issue = m_model->firstIssue();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!issue);
    m_ui->exportButton->setEnabled(!issue);
    if (issue) {
        m_status = issue->toString();
        const int more = m_model->invalidCount() - 1;
        if (more > 0)
            m_status += QLatin1Char(' ') + tr("(%n more invalid rule(s))", nullptr, more);
        m_statusIsError = true;
    } else {
        const auto enabled = std::count_if(m_model->rules().cbegin(), m_model->rules().cend(),
                                           [](const AutoReplyRule &r) { return r.enabled; });
        m_status =
            rows == 0 ? tr("No rules.") : tr("%n rule(s), %1 enabled", nullptr, rows).arg(enabled);
        m_statusIsError = false;
    }
    updateStatusText();
}

void AutoReplyDialog::updateStatusText()
{
    QLabel *label = m_ui->statusLabel;
    // The label is elided rather than wrapped so the layout never jumps; the tooltip has it all.
    label->setText(
        label->fontMetrics().elidedText(m_status, Qt::ElideRight, std::max(label->width(), 1)));
    label->setToolTip(m_status);
    QPalette palette = this->palette();
    if (m_statusIsError)
        palette.setColor(QPalette::WindowText, toneColor(Tone::Error, palette));
    label->setPalette(palette);
}

void AutoReplyDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    updateStatusText();
}

void AutoReplyDialog::accept()
{
    // OK is disabled meanwhile, but Enter on a default button must not slip through either.
    if (m_model->firstIssue())
        return;
    QDialog::accept();
}

bool AutoReplyDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Enter in the sample frame runs the test instead of accepting the dialog.
    if (watched == m_ui->testInputEdit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            runTest();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

// --- test box ---------------------------------------------------------------

void AutoReplyDialog::scheduleTest()
{
    m_testTimer->start();
}

void AutoReplyDialog::runTest()
{
    m_testTimer->stop();
    m_ui->testResultView->setPlainText(testReport());
}

QString AutoReplyDialog::testReport() const
{
    const QString input = m_ui->testInputEdit->text();
    if (input.isEmpty())
        return tr("Type a received frame above to see which rule answers it and the reply bytes.");
    if (const auto issue = m_model->firstIssue())
        return tr("Fix the invalid rule first.\n%1").arg(issue->toString());

    const AutoReplyConfig cfg = config();
    QByteArray frame;
    if (const QString problem = parseTestInput(input, cfg.encoding, &frame); !problem.isEmpty())
        return problem;
    AutoReplyRules rules;
    AutoReplyIssue issue;
    if (!rules.setConfig(cfg, &issue))
        return issue.toString();

    QStringList lines;
    lines << tr("Frame, %n byte(s): %1", nullptr, int(frame.size())).arg(shownHex(frame));
    lines << describeMatches(cfg, frame);
    lines << describeReplies(rules.repliesFor(frame), frame, cfg.encoding);
    return lines.join(QLatin1Char('\n'));
}

// The sample frame's bytes, in the test box's format. Returns why it failed, or "".
QString AutoReplyDialog::parseTestInput(const QString &input, Encoding encoding,
                                        QByteArray *bytes) const
{
    MessageSpec spec;
    spec.format = MessageFormat(m_ui->testFormatCombo->currentData().toInt());
    spec.content = input;
    spec.encoding = encoding;
    spec.escapes = true;
    const MessageBuildResult frame = build(spec);
    if (!frame.ok()) {
        if (frame.errorPosition >= 0)
            return tr("Sample frame, position %1: %2")
                .arg(frame.errorPosition)
                .arg(frame.errorString);
        return tr("Sample frame: %1").arg(frame.errorString);
    }
    *bytes = frame.bytes;
    return QString();
}

// Which rules match, found one rule at a time: an empty reply sends nothing, so
// the replies alone cannot tell. With echo "fallback" and a distinct echo delay,
// a lone rule matched exactly when no echo comes back.
QString AutoReplyDialog::describeMatches(const AutoReplyConfig &cfg, const QByteArray &frame) const
{
    QStringList matched;
    for (int i = 0; i < cfg.rules.size(); ++i) {
        if (!cfg.rules.at(i).enabled)
            continue;
        AutoReplyConfig single;
        single.encoding = cfg.encoding;
        single.echo = EchoMode::Fallback;
        single.echoDelayMs = 1;
        AutoReplyRule rule = cfg.rules.at(i);
        rule.delayMs = 0;
        single.rules = {rule};
        AutoReplyRules probe;
        if (!probe.setConfig(single))
            continue;
        const QList<AutoReply> out = probe.repliesFor(frame);
        const bool echoed = std::any_of(out.cbegin(), out.cend(),
                                        [](const AutoReply &r) { return r.delayMs == 1; });
        if (echoed)
            continue;
        const QString &name = cfg.rules.at(i).name;
        matched << (name.isEmpty() ? tr("rule %1").arg(i + 1)
                                   : tr("rule %1 \u201C%2\u201D").arg(i + 1).arg(name));
        if (cfg.matchMode == MatchMode::FirstMatch)
            break;
    }
    if (matched.isEmpty())
        return tr("No rule matches.");
    return tr("Matches: %1").arg(matched.join(QStringLiteral(", ")));
}

// Each reply's source, delay and bytes (hex, then text).
QStringList AutoReplyDialog::describeReplies(const QList<AutoReply> &replies,
                                             const QByteArray &frame, Encoding encoding) const
{
    QStringList lines;
    if (replies.isEmpty())
        lines << tr("Nothing is sent back.");
    for (const AutoReply &reply : replies) {
        const QString source = reply.source == QLatin1String("echo") && reply.bytes == frame
                                   ? tr("echo")
                                   : QStringLiteral("\u201C%1\u201D").arg(reply.source);
        lines << tr("Reply from %1 after %2 ms, %n byte(s):", nullptr, int(reply.bytes.size()))
                     .arg(source)
                     .arg(reply.delayMs);
        lines << QStringLiteral("  ") + shownHex(reply.bytes);
        lines << QStringLiteral("  ") + shownText(reply.bytes, encoding);
    }
    return lines;
}

} // namespace sockscope
