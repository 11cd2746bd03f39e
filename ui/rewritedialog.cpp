#include "rewritedialog.h"

#include "rewritemodel.h"
#include "rulesfile.h"
#include "tones.h"

#include "core/codec/escapes.h"
#include "core/codec/hex.h"
#include "core/codec/textcodec.h"
#include "core/message/message.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace sockscope {

namespace {

constexpr int TestDelayMs = 150;
constexpr qsizetype MaxShownBytes = 256;

QString shownBytes(const QByteArray &bytes, Encoding encoding)
{
    const QByteArray head = bytes.left(MaxShownBytes);
    const QString more = bytes.size() > MaxShownBytes ? QStringLiteral(" \u2026") : QString();
    return QStringLiteral("  %1%2\n  \u201C%3\u201D")
        .arg(toHexString(head), more,
             escapeForDisplay(decodeText(head, encoding, InvalidBytes::Replacement)));
}

QPushButton *makeButton(const QString &text, const QString &tip, const char *name, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(QLatin1String(name));
    button->setToolTip(tip);
    button->setAutoDefault(false);
    return button;
}

} // namespace

RewriteDialog::RewriteDialog(const RewriteConfig &config, QWidget *parent)
    : QDialog(parent), m_model(new RewriteModel(this)), m_testTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("rewriteDialog"));
    setWindowTitle(tr("Rewrite Rules"));
    setSizeGripEnabled(true);
    resize(900, 520);
    m_model->setObjectName(QStringLiteral("rewriteModel"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buildRulesArea(), 1);
    layout->addLayout(buildBottomArea());
    auto *footer = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    footer->addWidget(m_status, 1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(tr("Use these rules"));
    m_buttons->button(QDialogButtonBox::Cancel)->setToolTip(tr("Discard the changes"));
    footer->addWidget(m_buttons);
    layout->addLayout(footer);
    m_testTimer->setSingleShot(true);
    m_testTimer->setInterval(TestDelayMs);
    connectSignals();
    setConfig(config);
}

RewriteDialog::~RewriteDialog() = default;

// The table, and the buttons that add, remove, move, import and export rules beside it.
QLayout *RewriteDialog::buildRulesArea()
{
    auto *row = new QHBoxLayout;
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("rulesView"));
    m_view->setToolTip(tr("The first enabled rule of a frame's direction that matches it "
                          "applies. Double-click a cell to edit it; invalid cells are red."));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new RewriteDelegate(m_view));
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RewriteModel::PatternColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(RewriteModel::ReplacementColumn, QHeaderView::Stretch);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    row->addWidget(m_view, 1);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(
        makeButton(tr("&Add"), tr("Add a new rule below the current one"), "addButton", this));
    buttons->addWidget(
        makeButton(tr("&Remove"), tr("Remove the current rule"), "removeButton", this));
    buttons->addWidget(makeButton(tr("Move U&p"),
                                  tr("Move the current rule up: it is tried "
                                     "earlier"),
                                  "moveUpButton", this));
    buttons->addWidget(makeButton(tr("Move Do&wn"),
                                  tr("Move the current rule down: it is tried later"),
                                  "moveDownButton", this));
    buttons->addStretch(1);
    buttons->addWidget(makeButton(tr("&Import JSON…"),
                                  tr("Replace the rules with those of a JSON file "
                                     "(docs/rewrite-rules.md)"),
                                  "importButton", this));
    buttons->addWidget(
        makeButton(tr("E&xport JSON…"), tr("Save the rules to a JSON file"), "exportButton", this));
    row->addLayout(buttons);
    return row;
}

// The encoding, and the test box: a sample frame of one direction and what becomes of it.
QLayout *RewriteDialog::buildBottomArea()
{
    auto *row = new QHBoxLayout;
    auto *set = new QGroupBox(tr("Rule set"), this);
    auto *form = new QFormLayout(set);
    m_encoding = new QComboBox(set);
    m_encoding->setObjectName(QStringLiteral("encodingCombo"));
    m_encoding->setToolTip(tr("Decodes frames for text and regex rules, and encodes text "
                              "patterns and replacements"));
    for (Encoding e : {Encoding::Utf8, Encoding::Gbk, Encoding::Latin1})
        m_encoding->addItem(encodingName(e), int(e));
    form->addRow(tr("&Encoding:"), m_encoding);
    row->addWidget(set, 0, Qt::AlignTop);

    auto *test = new QGroupBox(tr("Test"), this);
    test->setToolTip(tr("Try the rules as they are now on a sample frame"));
    auto *testLayout = new QVBoxLayout(test);
    auto *input = new QHBoxLayout;
    m_testDirection = new QComboBox(test);
    m_testDirection->setObjectName(QStringLiteral("testDirection"));
    m_testDirection->addItem(tr("From the client (C→S)"), false);
    m_testDirection->addItem(tr("From the server (S→C)"), true);
    input->addWidget(m_testDirection);
    m_testInput = new QLineEdit(test);
    m_testInput->setObjectName(QStringLiteral("testInput"));
    m_testInput->setPlaceholderText(tr("Sample frame, e.g. temp=21"));
    m_testInput->setToolTip(tr("A frame to try, without its delimiter: text with escapes "
                               "(\\r \\n \\xNN \\uXXXX) or hex bytes"));
    m_testInput->setClearButtonEnabled(true);
    m_testInput->installEventFilter(this);
    input->addWidget(m_testInput, 1);
    m_testFormat = new QComboBox(test);
    m_testFormat->setObjectName(QStringLiteral("testFormat"));
    m_testFormat->addItem(tr("Text"), int(MessageFormat::Text));
    m_testFormat->addItem(tr("Hex"), int(MessageFormat::Hex));
    input->addWidget(m_testFormat);
    testLayout->addLayout(input);
    m_testResult = new QPlainTextEdit(test);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setReadOnly(true);
    m_testResult->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_testResult->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_testResult->setFixedHeight(m_testResult->fontMetrics().lineSpacing() * 5 + 12);
    testLayout->addWidget(m_testResult);
    // Rules on raw chunks match whatever one read brought: the usual surprise.
    auto *hint = new QLabel(tr("A rule sees one frame at a time, as the relay's framing cuts it "
                               "(without its delimiter): for text lines, choose Line framing."),
                            test);
    hint->setObjectName(QStringLiteral("framingHint"));
    hint->setWordWrap(true);
    hint->setEnabled(false);
    testLayout->addWidget(hint);
    row->addWidget(test, 1);
    return row;
}

void RewriteDialog::connectSignals()
{
    auto button = [this](const char *name) {
        return findChild<QPushButton *>(QLatin1String(name));
    };
    connect(button("addButton"), &QPushButton::clicked, this, &RewriteDialog::addRule);
    connect(button("removeButton"), &QPushButton::clicked, this, &RewriteDialog::removeRule);
    connect(button("moveUpButton"), &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(button("moveDownButton"), &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(button("importButton"), &QPushButton::clicked, this, &RewriteDialog::chooseImportFile);
    connect(button("exportButton"), &QPushButton::clicked, this, &RewriteDialog::chooseExportFile);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RewriteDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RewriteDialog::reject);
    connect(m_testTimer, &QTimer::timeout, this, &RewriteDialog::runTest);
    auto changed = [this] {
        updateState();
        m_testTimer->start();
    };
    connect(m_model, &RewriteModel::rulesChanged, this, changed);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RewriteDialog::updateState);
    connect(m_encoding, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setEncoding(Encoding(m_encoding->currentData().toInt())); });
    connect(m_testInput, &QLineEdit::textChanged, m_testTimer, qOverload<>(&QTimer::start));
    connect(m_testDirection, &QComboBox::currentIndexChanged, m_testTimer,
            qOverload<>(&QTimer::start));
    connect(m_testFormat, &QComboBox::currentIndexChanged, m_testTimer,
            qOverload<>(&QTimer::start));
}

RewriteConfig RewriteDialog::config() const
{
    RewriteConfig c;
    c.encoding = m_model->encoding();
    c.rules = m_model->rules();
    return c;
}

void RewriteDialog::setConfig(const RewriteConfig &config)
{
    m_encoding->setCurrentIndex(m_encoding->findData(int(config.encoding)));
    m_model->setEncoding(config.encoding);
    m_model->setRules(config.rules);
    selectRow(0);
    updateState();
    runTest();
}

int RewriteDialog::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void RewriteDialog::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row, RewriteModel::NameColumn);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void RewriteDialog::addRule()
{
    if (m_model->rowCount() >= AutoReplyRules::MaxRules)
        return;
    const int current = currentRow();
    RewriteRule rule;
    rule.direction = RewriteRule::Direction::ClientToServer;
    const int row = m_model->insertRule(current < 0 ? m_model->rowCount() : current + 1, rule);
    selectRow(row);
    // A new rule is invalid until it has a pattern: start right there.
    m_view->edit(m_model->index(row, RewriteModel::PatternColumn));
}

void RewriteDialog::removeRule()
{
    const int current = currentRow();
    if (current < 0)
        return;
    m_model->removeRows(current, 1);
    selectRow(std::min(current, m_model->rowCount() - 1));
    updateState();
}

void RewriteDialog::moveCurrent(int delta)
{
    const int from = currentRow();
    if (m_model->moveRule(from, from + delta))
        selectRow(from + delta);
}

// --- files ------------------------------------------------------------------

// Every text of the file's import and export, in this dialog's translation context.
RulesFile RewriteDialog::rulesFile() const
{
    RulesFileTexts t;
    t.importTitle = tr("Import Rewrite Rules");
    t.exportTitle = tr("Export Rewrite Rules");
    t.filter = tr("Rewrite rules (*.json);;All files (*)");
    t.fixFirst = tr("Fix the invalid rule first. %1");
    t.notRegular = tr("%1 is not a regular file.");
    t.tooLarge = tr("The file is larger than %1 MiB.");
    t.importFailed = tr("Import Failed");
    t.notImported = tr("The rules in %1 were not imported; the current rules are "
                       "unchanged.\n\n%2");
    t.warningsTitle = tr("Imported with Warnings");
    t.warningsText = tr("The rules were imported; these parts of the file were "
                        "ignored:\n\n%1");
    t.exportFailed = tr("Export Failed");
    t.notSaved = tr("Could not save %1:\n\n%2");
    return RulesFile(std::move(t));
}

bool RewriteDialog::exportTo(const QString &path, QString *error) const
{
    return rulesFile().save(path, m_model->firstIssue(), RewriteRules::toJson(config()), error);
}

bool RewriteDialog::importFrom(const QString &path, QString *error, QStringList *warnings)
{
    const std::optional<RewriteConfig> loaded =
        rulesFile().load<RewriteRules>(path, error, warnings);
    if (!loaded)
        return false;
    setConfig(*loaded);
    return true;
}

void RewriteDialog::chooseImportFile()
{
    rulesFile().chooseImport(this, &m_lastDir,
                             [this](const QString &path, QString *error, QStringList *warnings) {
                                 return importFrom(path, error, warnings);
                             });
}

void RewriteDialog::chooseExportFile()
{
    rulesFile().chooseExport(this, &m_lastDir, [this](const QString &path, QString *error) {
        return exportTo(path, error);
    });
}

// --- state and test ---------------------------------------------------------

void RewriteDialog::updateState()
{
    const int rows = m_model->rowCount();
    const int current = currentRow();
    findChild<QPushButton *>(QStringLiteral("addButton"))
        ->setEnabled(rows < AutoReplyRules::MaxRules);
    findChild<QPushButton *>(QStringLiteral("removeButton"))->setEnabled(current >= 0);
    findChild<QPushButton *>(QStringLiteral("moveUpButton"))->setEnabled(current > 0);
    findChild<QPushButton *>(QStringLiteral("moveDownButton"))
        ->setEnabled(current >= 0 && current < rows - 1);

    const std::optional<AutoReplyIssue> issue = m_model->firstIssue();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!issue);
    findChild<QPushButton *>(QStringLiteral("exportButton"))->setEnabled(!issue);
    QPalette palette = this->palette();
    if (issue) {
        m_status->setText(issue->toString());
        palette.setColor(QPalette::WindowText, toneColor(Tone::Error, palette));
    } else {
        m_status->setText(RewriteRules::describe(config()));
    }
    m_status->setPalette(palette);
}

QString RewriteDialog::statusText() const
{
    return m_status->text();
}

void RewriteDialog::accept()
{
    // OK is disabled meanwhile, but Enter on a default button must not slip through either.
    if (m_model->firstIssue())
        return;
    QDialog::accept();
}

bool RewriteDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Enter in the sample frame runs the test instead of accepting the dialog.
    if (watched == m_testInput && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            runTest();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void RewriteDialog::runTest()
{
    m_testTimer->stop();
    m_testResult->setPlainText(testReport());
}

QString RewriteDialog::testReport() const
{
    const QString input = m_testInput->text();
    if (input.isEmpty())
        return tr("Type a frame above to see what the relay passes on instead.");
    if (const auto issue = m_model->firstIssue())
        return tr("Fix the invalid rule first.\n%1").arg(issue->toString());
    const RewriteConfig cfg = config();
    MessageSpec spec;
    spec.format = MessageFormat(m_testFormat->currentData().toInt());
    spec.content = input;
    spec.encoding = cfg.encoding;
    spec.escapes = true;
    const MessageBuildResult frame = build(spec);
    if (!frame.ok())
        return tr("Sample frame: %1").arg(frame.errorString);
    RewriteRules rules;
    AutoReplyIssue issue;
    if (!rules.setConfig(cfg, &issue))
        return issue.toString();
    const bool s2c = m_testDirection->currentData().toBool();
    rules.beginBatch(s2c);
    const RewriteRules::Verdict v = rules.verdict(s2c, frame.bytes, {});
    rules.endBatch(s2c);
    const QString rule = v.ruleName.isEmpty()
                             ? tr("Rule %1").arg(v.rule + 1)
                             : tr("Rule %1 \u201C%2\u201D").arg(v.rule + 1).arg(v.ruleName);
    using Kind = RewriteRules::Verdict::Kind;
    switch (v.kind) {
    case Kind::Pass:
        return tr("No rule matches: the frame is passed on unchanged.");
    case Kind::Replaced:
        return (v.delayMs > 0
                    ? tr("%1 replaces it; after %2 ms, passed on instead, %n byte(s):", nullptr,
                         int(v.bytes.size()))
                          .arg(rule)
                          .arg(v.delayMs)
                    : tr("%1 replaces it; passed on instead, %n byte(s):", nullptr,
                         int(v.bytes.size()))
                          .arg(rule)) +
               QLatin1Char('\n') + shownBytes(v.bytes, cfg.encoding);
    case Kind::Dropped:
        return tr("%1 drops it: nothing is passed on.").arg(rule);
    case Kind::Delayed:
        return tr("%1 delays it: passed on unchanged after %2 ms.").arg(rule).arg(v.delayMs);
    case Kind::Failed:
        return tr("%1 matches, but its replacement could not be made: the frame is passed on "
                  "unchanged.")
            .arg(rule);
    }
    return {};
}

} // namespace sockscope
