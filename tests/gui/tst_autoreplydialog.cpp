#include "ui/autoreplydialog.h"
#include "ui/autoreplymodel.h"
#include "screenshot.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>

#include "fifo.h"
#include <QtTest>

using namespace sockscope;
using namespace sockscope::test;

namespace {

using Match = AutoReplyRule::Match;
using Format = AutoReplyRule::Format;
using Kind = AutoReplyModel::MatchKind;

AutoReplyRule makeRule(const QString &name, Match match, const QString &pattern,
                       const QString &reply)
{
    AutoReplyRule r;
    r.name = name;
    r.match = match;
    r.pattern = pattern;
    r.reply = reply;
    return r;
}

// Three rules, one of them Chinese, as a device simulation would have them.
AutoReplyConfig sampleConfig()
{
    AutoReplyConfig c;
    c.encoding = Encoding::Gbk;
    c.echo = AutoReplyConfig::EchoMode::Fallback;
    AutoReplyRule ping = makeRule(QStringLiteral("heartbeat"), Match::ExactBytes,
                                  QStringLiteral("PING\\r\\n"), QStringLiteral("PONG\\r\\n"));
    AutoReplyRule modbus =
        makeRule(QStringLiteral("modbus read"), Match::HexPattern,
                 QStringLiteral("01 03 ?? ?? 00 01 ?? ??"), QStringLiteral("01 03 02 00 2A 38 5B"));
    modbus.replyFormat = Format::Hex;
    modbus.delayMs = 20;
    AutoReplyRule temp = makeRule(QStringLiteral("温度查询"), Match::Regex,
                                  QStringLiteral("^查询(.+)$"), QStringLiteral("${1}=25℃"));
    c.rules = {ping, modbus, temp};
    return c;
}

QStringList names(const AutoReplyConfig &c)
{
    QStringList out;
    for (const AutoReplyRule &r : c.rules)
        out << r.name;
    return out;
}

} // namespace

class tst_AutoReplyDialog : public QObject
{
    Q_OBJECT

private slots:
    void modelTester();
    void cellTexts();
    void matchKindRoundTrip();
    void editThroughModel();
    void delegateEditors();
    void invalidHexPatternDisablesOk();
    void encodingChangeRevalidates();
    void moveUpDown();
    void addDuplicateRemove();
    void exportImportRoundTrip();
    void importRefusesInvalidFile_data();
    void importRefusesInvalidFile();
    void importRefusesFifo();
    void testBoxGbkRegex();
    void testBoxNoMatchAndEcho();
    void testBoxInputProblems_data();
    void testBoxInputProblems();
    void testBoxAllMatches();
    void skippedRuleIsMarked();
    void screenshotNotClipped();
};

void tst_AutoReplyDialog::modelTester()
{
    AutoReplyModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRules(sampleConfig().rules);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(AutoReplyModel::ColumnCount));
    model.insertRule(1, AutoReplyRule());
    QVERIFY(model.setData(model.index(1, AutoReplyModel::PatternColumn), QStringLiteral("x")));
    QVERIFY(model.setData(model.index(1, AutoReplyModel::EnabledColumn), Qt::Unchecked,
                          Qt::CheckStateRole));
    QVERIFY(model.moveRule(0, 3));
    QVERIFY(model.moveRule(3, 0));
    QVERIFY(model.moveRows(QModelIndex(), 0, 2, QModelIndex(), 4));
    QVERIFY(!model.moveRows(QModelIndex(), 0, 2, QModelIndex(), 1)); // into itself
    model.setEncoding(Encoding::Latin1);
    QVERIFY(model.removeRows(1, 2));
    QVERIFY(!model.removeRows(1, 5));
    QCOMPARE(model.rowCount(), 2);
    model.setRules({});
    QCOMPARE(model.rowCount(), 0);
}

// Cells show one line with placeholders for what is empty; editors get the raw values.
void tst_AutoReplyDialog::cellTexts()
{
    AutoReplyModel model;
    AutoReplyRule unnamed =
        makeRule(QString(), Match::Substring, QStringLiteral("a\nb"), QString());
    model.setRules({sampleConfig().rules.at(1), unnamed});
    auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    QCOMPARE(cell(1, AutoReplyModel::NameColumn).toString(), QStringLiteral("Rule 2"));
    QCOMPARE(cell(1, AutoReplyModel::NameColumn, Qt::EditRole).toString(), QString());
    QCOMPARE(cell(1, AutoReplyModel::PatternColumn).toString(), QStringLiteral("a\u240Ab"));
    QCOMPARE(cell(1, AutoReplyModel::PatternColumn, Qt::EditRole).toString(),
             QStringLiteral("a\nb"));
    QCOMPARE(cell(1, AutoReplyModel::ReplyColumn).toString(), QStringLiteral("(no reply)"));
    QCOMPARE(cell(1, AutoReplyModel::ReplyColumn, Qt::EditRole).toString(), QString());
    QCOMPARE(cell(0, AutoReplyModel::NameColumn).toString(), QStringLiteral("modbus read"));
    QCOMPARE(cell(0, AutoReplyModel::MatchColumn).toString(),
             AutoReplyModel::matchKindName(AutoReplyModel::MatchKind(
                 cell(0, AutoReplyModel::MatchColumn, Qt::EditRole).toInt())));
    QCOMPARE(cell(0, AutoReplyModel::DelayColumn).toInt(), 20);
    QVERIFY(!cell(0, AutoReplyModel::EnabledColumn).isValid());
}

void tst_AutoReplyDialog::matchKindRoundTrip()
{
    for (int k = 0; k < AutoReplyModel::MatchKindCount; ++k) {
        AutoReplyRule r;
        AutoReplyModel::applyMatchKind(&r, Kind(k));
        QCOMPARE(int(AutoReplyModel::matchKind(r)), k);
        QVERIFY(!AutoReplyModel::matchKindName(Kind(k)).isEmpty());
    }
}

void tst_AutoReplyDialog::editThroughModel()
{
    AutoReplyDialog dialog(AutoReplyConfig(), nullptr);
    AutoReplyModel *model = dialog.model();
    auto *ok = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
                   ->button(QDialogButtonBox::Ok);
    QVERIFY(ok);
    QVERIFY(ok->isEnabled()); // no rules is a valid set (echo only, or nothing)

    QCOMPARE(model->insertRule(0, AutoReplyRule()), 0);
    QVERIFY(!ok->isEnabled()); // empty pattern

    auto set = [model](int column, const QVariant &value, int role = Qt::EditRole) {
        return model->setData(model->index(0, column), value, role);
    };
    QVERIFY(set(AutoReplyModel::NameColumn, QStringLiteral("status")));
    QVERIFY(set(AutoReplyModel::MatchColumn, int(Kind::HexPatternAnywhere)));
    QVERIFY(set(AutoReplyModel::PatternColumn, QStringLiteral("AA ?? 55")));
    QVERIFY(set(AutoReplyModel::ReplyFormatColumn, int(Format::Hex)));
    QVERIFY(set(AutoReplyModel::ReplyColumn, QStringLiteral("06")));
    QVERIFY(set(AutoReplyModel::DelayColumn, 250));
    QVERIFY(set(AutoReplyModel::EnabledColumn, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!set(AutoReplyModel::MatchColumn, 99));
    QVERIFY(!set(AutoReplyModel::ReplyFormatColumn, 7));
    QVERIFY(!set(AutoReplyModel::DelayColumn, QStringLiteral("soon")));
    QVERIFY(ok->isEnabled());

    AutoReplyRule expected = makeRule(QStringLiteral("status"), Match::HexPattern,
                                      QStringLiteral("AA ?? 55"), QStringLiteral("06"));
    expected.contains = true;
    expected.replyFormat = Format::Hex;
    expected.delayMs = 250;
    expected.enabled = false;
    const AutoReplyConfig c = dialog.config();
    QCOMPARE(c.rules.size(), 1);
    QCOMPARE(c.rules.first(), expected);

    QCOMPARE(model->data(model->index(0, AutoReplyModel::MatchColumn)).toString(),
             AutoReplyModel::matchKindName(Kind::HexPatternAnywhere));
    QCOMPARE(model->data(model->index(0, AutoReplyModel::ReplyFormatColumn), Qt::EditRole).toInt(),
             int(Format::Hex));
    QCOMPARE(
        model->data(model->index(0, AutoReplyModel::EnabledColumn), Qt::CheckStateRole).toInt(),
        int(Qt::Unchecked));

    // Out-of-range delays are kept and shown as a mistake, not silently clamped.
    QVERIFY(set(AutoReplyModel::DelayColumn, AutoReplyRules::MaxDelayMs + 1));
    QVERIFY(!ok->isEnabled());
    QVERIFY(
        model->data(model->index(0, AutoReplyModel::DelayColumn), Qt::BackgroundRole).isValid());
}

void tst_AutoReplyDialog::delegateEditors()
{
    AutoReplyDialog dialog(sampleConfig(), nullptr);
    auto *view = dialog.findChild<QTableView *>(QStringLiteral("rulesView"));
    QVERIFY(view);
    QAbstractItemDelegate *delegate = view->itemDelegate();
    AutoReplyModel *model = dialog.model();
    QStyleOptionViewItem option;

    const QModelIndex match = model->index(0, AutoReplyModel::MatchColumn);
    std::unique_ptr<QWidget> editor(delegate->createEditor(view->viewport(), option, match));
    auto *combo = qobject_cast<QComboBox *>(editor.get());
    QVERIFY(combo);
    QCOMPARE(combo->count(), AutoReplyModel::MatchKindCount);
    delegate->setEditorData(combo, match);
    QCOMPARE(combo->currentData().toInt(), int(Kind::ExactText));
    combo->setCurrentIndex(combo->findData(int(Kind::SubstringIgnoreCase)));
    delegate->setModelData(combo, model, match);
    QCOMPARE(dialog.config().rules.at(0).match, Match::Substring);
    QVERIFY(dialog.config().rules.at(0).ignoreCase);

    const QModelIndex delay = model->index(1, AutoReplyModel::DelayColumn);
    editor.reset(delegate->createEditor(view->viewport(), option, delay));
    auto *spin = qobject_cast<QSpinBox *>(editor.get());
    QVERIFY(spin);
    QCOMPARE(spin->maximum(), AutoReplyRules::MaxDelayMs);
    delegate->setEditorData(spin, delay);
    QCOMPARE(spin->value(), 20);
    spin->setValue(1500);
    delegate->setModelData(spin, model, delay);
    QCOMPARE(dialog.config().rules.at(1).delayMs, 1500);

    const QModelIndex format = model->index(2, AutoReplyModel::ReplyFormatColumn);
    editor.reset(delegate->createEditor(view->viewport(), option, format));
    combo = qobject_cast<QComboBox *>(editor.get());
    QVERIFY(combo);
    QCOMPARE(combo->count(), 2);

    QVERIFY(!delegate->createEditor(view->viewport(), option,
                                    model->index(0, AutoReplyModel::EnabledColumn)));
}

void tst_AutoReplyDialog::invalidHexPatternDisablesOk()
{
    AutoReplyDialog dialog(sampleConfig(), nullptr);
    AutoReplyModel *model = dialog.model();
    auto *box = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QVERIFY(box);
    QPushButton *ok = box->button(QDialogButtonBox::Ok);
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(status);
    QVERIFY(ok->isEnabled());
    QVERIFY(!model->issue(1));

    const QModelIndex pattern = model->index(1, AutoReplyModel::PatternColumn);
    QVERIFY(model->setData(pattern, QStringLiteral("01 0G")));
    QVERIFY(model->issue(1));
    QCOMPARE(model->issue(1)->ruleIndex, 1);
    QCOMPARE(model->issue(1)->field, QStringLiteral("pattern"));
    QCOMPARE(model->invalidCount(), 1);
    QVERIFY(!ok->isEnabled());

    // The offending cell is red with the reason as tooltip; its neighbours are not.
    QVERIFY(pattern.data(Qt::BackgroundRole).isValid());
    QVERIFY(pattern.data(Qt::ForegroundRole).isValid());
    const QString tip = pattern.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.startsWith(QStringLiteral("Rule 2")), qPrintable(tip));
    QVERIFY2(tip.contains(QLatin1Char('G')), qPrintable(tip));
    QVERIFY(!model->index(1, AutoReplyModel::ReplyColumn).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model->index(0, AutoReplyModel::PatternColumn).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model->index(1, 0).data(AutoReplyModel::IssueRole).toString(), tip);
    QVERIFY(model->headerData(1, Qt::Vertical, Qt::ForegroundRole).isValid());
    QCOMPARE(status->toolTip(), tip);

    // accept() is refused too, not only the button.
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));

    QVERIFY(model->setData(pattern, QStringLiteral("01 0F")));
    QVERIFY(!model->issue(1));
    QVERIFY(ok->isEnabled());
    QVERIFY(!pattern.data(Qt::BackgroundRole).isValid());
    QVERIFY(!status->toolTip().startsWith(QStringLiteral("Rule")));
}

void tst_AutoReplyDialog::encodingChangeRevalidates()
{
    AutoReplyDialog dialog(sampleConfig(), nullptr);
    auto *encoding = dialog.findChild<QComboBox *>(QStringLiteral("encodingCombo"));
    QVERIFY(encoding);
    auto *ok = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
                   ->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    // "℃" and the Chinese pattern cannot be encoded in Latin-1.
    encoding->setCurrentIndex(encoding->findData(int(Encoding::Latin1)));
    QCOMPARE(dialog.config().encoding, Encoding::Latin1);
    QVERIFY(dialog.model()->issue(2));
    QVERIFY(!ok->isEnabled());
    encoding->setCurrentIndex(encoding->findData(int(Encoding::Utf8)));
    QVERIFY(!dialog.model()->issue(2));
    QVERIFY(ok->isEnabled());
}

void tst_AutoReplyDialog::moveUpDown()
{
    AutoReplyDialog dialog(sampleConfig(), nullptr);
    auto *view = dialog.findChild<QTableView *>(QStringLiteral("rulesView"));
    auto *up = dialog.findChild<QPushButton *>(QStringLiteral("moveUpButton"));
    auto *down = dialog.findChild<QPushButton *>(QStringLiteral("moveDownButton"));
    QVERIFY(view && up && down);
    const QString a = QStringLiteral("heartbeat"), b = QStringLiteral("modbus read"),
                  c = QStringLiteral("温度查询");

    view->setCurrentIndex(dialog.model()->index(2, 1));
    QVERIFY(up->isEnabled());
    QVERIFY(!down->isEnabled());
    up->click();
    QCOMPARE(names(dialog.config()), (QStringList{a, c, b}));
    QCOMPARE(view->currentIndex().row(), 1); // the selection follows the rule
    up->click();
    QCOMPARE(names(dialog.config()), (QStringList{c, a, b}));
    QVERIFY(!up->isEnabled());
    down->click();
    down->click();
    QCOMPARE(names(dialog.config()), (QStringList{a, b, c}));
    QVERIFY(!down->isEnabled());
}

void tst_AutoReplyDialog::addDuplicateRemove()
{
    AutoReplyDialog dialog(sampleConfig(), nullptr);
    auto *view = dialog.findChild<QTableView *>(QStringLiteral("rulesView"));
    auto *add = dialog.findChild<QPushButton *>(QStringLiteral("addButton"));
    auto *duplicate = dialog.findChild<QPushButton *>(QStringLiteral("duplicateButton"));
    auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("removeButton"));
    QVERIFY(view && add && duplicate && remove);

    view->setCurrentIndex(dialog.model()->index(0, 1));
    duplicate->click();
    AutoReplyConfig c = dialog.config();
    QCOMPARE(c.rules.size(), 4);
    QCOMPARE(c.rules.at(1), c.rules.at(0));
    QCOMPARE(view->currentIndex().row(), 1);

    add->click(); // below the current rule, and invalid until it has a pattern
    c = dialog.config();
    QCOMPARE(c.rules.size(), 5);
    QCOMPARE(c.rules.at(2), AutoReplyRule());
    QVERIFY(dialog.model()->issue(2));

    view->selectionModel()->select(
        QItemSelection(dialog.model()->index(1, 0), dialog.model()->index(2, 0)),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    remove->click();
    QCOMPARE(dialog.config().rules, sampleConfig().rules);
}

void tst_AutoReplyDialog::exportImportRoundTrip()
{
    AutoReplyConfig original = sampleConfig();
    original.matchMode = AutoReplyConfig::MatchMode::AllMatches;
    original.echoDelayMs = 7;
    AutoReplyRule off =
        makeRule(QString(), Match::ExactBytes, QStringLiteral("FF FF"), QStringLiteral("busy"));
    off.patternFormat = Format::Hex;
    off.enabled = false;
    AutoReplyRule swallow =
        makeRule(QStringLiteral("swallow"), Match::Substring, QStringLiteral("keep"), QString());
    swallow.ignoreCase = true;
    original.rules << off << swallow;

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rules.json"));
    {
        AutoReplyDialog dialog(original, nullptr);
        QCOMPARE(dialog.config(), original);
        QString error;
        QVERIFY2(dialog.exportTo(path, &error), qPrintable(error));
    }
    QVERIFY(QFile::exists(path));

    AutoReplyDialog fresh(AutoReplyConfig(), nullptr);
    QVERIFY(fresh.config() != original);
    QString error;
    QVERIFY2(fresh.importFrom(path, &error), qPrintable(error));
    QCOMPARE(fresh.config(), original);
    QCOMPARE(fresh.model()->rowCount(), original.rules.size());
    auto *echo = fresh.findChild<QComboBox *>(QStringLiteral("echoCombo"));
    QVERIFY(echo);
    QCOMPARE(echo->currentData().toInt(), int(AutoReplyConfig::EchoMode::Fallback));

    // An invalid set is not exported: the file could not be loaded again.
    fresh.model()->setData(fresh.model()->index(0, AutoReplyModel::PatternColumn), QString());
    const QString second = dir.filePath(QStringLiteral("second.json"));
    QVERIFY(!fresh.exportTo(second, &error));
    QVERIFY(error.contains(QStringLiteral("Rule 1")));
    QVERIFY(!QFile::exists(second));
}

void tst_AutoReplyDialog::importRefusesInvalidFile_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    QTest::newRow("not json") << QByteArray("{ nope") << QString();
    QTest::newRow("bad hex in rule 2")
        << QByteArray(R"({"format":"sockscope-auto-reply","version":1,"rules":[)"
                      R"({"match":"exact","pattern":"a","reply":"b"},)"
                      R"({"name":"st","match":"hex","pattern":"0G","reply":""}]})")
        << QStringLiteral("Rule 2 \u201Cst\u201D, pattern");
    QTest::newRow("wrong type in rule 1")
        << QByteArray(R"({"format":"sockscope-auto-reply","version":1,"rules":[)"
                      R"({"match":"exact","pattern":"a","reply":"b","delayMs":"10"}]})")
        << QStringLiteral("Rule 1");
}

void tst_AutoReplyDialog::importRefusesInvalidFile()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();

    AutoReplyDialog dialog(sampleConfig(), nullptr);
    QString error;
    QVERIFY(!dialog.importFrom(path, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.startsWith(expected), qPrintable(error));
    QCOMPARE(dialog.config(), sampleConfig()); // unchanged

    QVERIFY(!dialog.importFrom(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY(!error.isEmpty());
}

// A FIFO nobody writes to would block open(), and the window with it (#12 5).
void tst_AutoReplyDialog::importRefusesFifo()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("rules.json"));
    QVERIFY(sockscope::test::makeFifo(fifo));
    AutoReplyDialog dialog(sampleConfig(), nullptr);
    QString error;
    bool imported = true;
    {
        sockscope::test::FifoRescuer rescuer(fifo);
        imported = dialog.importFrom(fifo, &error);
        QVERIFY2(!rescuer.rescued(), "importFrom() blocked opening a FIFO");
    }
    QVERIFY(!imported);
    QVERIFY2(error.contains(QLatin1String("not a regular file")), qPrintable(error));
    QCOMPARE(dialog.config(), sampleConfig());
}

void tst_AutoReplyDialog::testBoxGbkRegex()
{
    AutoReplyDialog dialog(sampleConfig(), nullptr);
    auto *input = dialog.findChild<QLineEdit *>(QStringLiteral("testInputEdit"));
    auto *run = dialog.findChild<QPushButton *>(QStringLiteral("testButton"));
    auto *result = dialog.findChild<QPlainTextEdit *>(QStringLiteral("testResultView"));
    QVERIFY(input && run && result);

    input->setText(QStringLiteral("查询温度"));
    run->click();
    const QString text = result->toPlainText();
    // Frame in GBK: 查询温度; reply: captured 温度 (the peer's own bytes) + "=25℃" in GBK.
    QVERIFY2(text.contains(QStringLiteral("B2 E9 D1 AF CE C2 B6 C8")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("rule 3 \u201C温度查询\u201D")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("CE C2 B6 C8 3D 32 35 A1 E6")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("温度=25℃")), qPrintable(text));

    // Hex input, a modbus request: rule 2 answers after its delay.
    auto *format = dialog.findChild<QComboBox *>(QStringLiteral("testFormatCombo"));
    QVERIFY(format);
    format->setCurrentIndex(1);
    input->setText(QStringLiteral("01 03 00 10 00 01 85 CF"));
    QTRY_VERIFY(result->toPlainText().contains(QStringLiteral("01 03 02 00 2A 38 5B")));
    QVERIFY(result->toPlainText().contains(QStringLiteral("after 20 ms")));
}

void tst_AutoReplyDialog::testBoxNoMatchAndEcho()
{
    AutoReplyConfig config = sampleConfig();
    AutoReplyRule swallow =
        makeRule(QStringLiteral("swallow"), Match::Substring, QStringLiteral("quiet"), QString());
    config.rules << swallow;
    AutoReplyDialog dialog(config, nullptr);
    auto *input = dialog.findChild<QLineEdit *>(QStringLiteral("testInputEdit"));
    auto *result = dialog.findChild<QPlainTextEdit *>(QStringLiteral("testResultView"));
    QVERIFY(input && result);

    input->setText(QStringLiteral("AB"));
    dialog.runTest();
    QString text = result->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("No rule matches")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Reply from echo")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\n  41 42")), qPrintable(text));

    // A rule with an empty reply matches and swallows the frame: no echo.
    input->setText(QStringLiteral("be quiet"));
    dialog.runTest();
    text = result->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("rule 4 \u201Cswallow\u201D")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Nothing is sent back")), qPrintable(text));

    // Enter in the sample frame runs the test and does not close the dialog.
    dialog.show();
    input->setText(QStringLiteral("PING\\r\\n"));
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QVERIFY2(result->toPlainText().contains(QStringLiteral("50 4F 4E 47 0D 0A")),
             qPrintable(result->toPlainText()));
}

void tst_AutoReplyDialog::testBoxInputProblems_data()
{
    QTest::addColumn<int>("format"); // index in testFormatCombo: 0 text, 1 hex
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("invalidRule");
    QTest::addColumn<QString>("expected"); // the report starts with this

    QTest::newRow("empty") << 0 << QString() << false
                           << QStringLiteral("Type a received frame above");
    QTest::newRow("bad hex") << 1 << QStringLiteral("01 0G") << false
                             << QStringLiteral("Sample frame, position 4: ");
    QTest::newRow("bad escape") << 0 << QStringLiteral("AB\\q") << false
                                << QStringLiteral("Sample frame, position 2: unknown escape \\q");
    QTest::newRow("invalid rule") << 0 << QStringLiteral("PING") << true
                                  << QStringLiteral("Fix the invalid rule first.\nRule 2");
}

// The test box says what is wrong with the sample or the rules instead of a report.
void tst_AutoReplyDialog::testBoxInputProblems()
{
    QFETCH(int, format);
    QFETCH(QString, input);
    QFETCH(bool, invalidRule);
    QFETCH(QString, expected);

    AutoReplyDialog dialog(sampleConfig(), nullptr);
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("testInputEdit"));
    auto *formatCombo = dialog.findChild<QComboBox *>(QStringLiteral("testFormatCombo"));
    auto *result = dialog.findChild<QPlainTextEdit *>(QStringLiteral("testResultView"));
    QVERIFY(edit && formatCombo && result);
    if (invalidRule) {
        AutoReplyModel *model = dialog.model();
        QVERIFY(model->setData(model->index(1, AutoReplyModel::PatternColumn),
                               QStringLiteral("01 0G")));
    }
    formatCombo->setCurrentIndex(format);
    edit->setText(input);
    dialog.runTest();
    const QString text = result->toPlainText();
    QVERIFY2(text.startsWith(expected), qPrintable(text));
}

// "All matches" lists every rule that answers; "First match" stops at the first.
void tst_AutoReplyDialog::testBoxAllMatches()
{
    AutoReplyConfig config = sampleConfig();
    config.rules << makeRule(QStringLiteral("any ping"), Match::Substring, QStringLiteral("PING"),
                             QStringLiteral("seen"));
    AutoReplyDialog dialog(config, nullptr);
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("testInputEdit"));
    auto *mode = dialog.findChild<QComboBox *>(QStringLiteral("matchModeCombo"));
    auto *result = dialog.findChild<QPlainTextEdit *>(QStringLiteral("testResultView"));
    QVERIFY(edit && mode && result);

    edit->setText(QStringLiteral("PING\\r\\n"));
    dialog.runTest();
    QString text = result->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Matches: rule 1 \u201Cheartbeat\u201D\n")),
             qPrintable(text));
    QCOMPARE(text.count(QStringLiteral("Reply from")), 1);

    mode->setCurrentIndex(1); // All matches
    dialog.runTest();
    text = result->toPlainText();
    QVERIFY2(text.contains(QStringLiteral(
                 "Matches: rule 1 \u201Cheartbeat\u201D, rule 4 \u201Cany ping\u201D\n")),
             qPrintable(text));
    QCOMPARE(text.count(QStringLiteral("Reply from")), 2);
}

// Issue #12 item 1: a regex rule the core skipped for blowing its budget is marked in the
// rule list (warning icon in the name column, the core's reason as its tooltip); the
// others are not, and a new rule set (import / setConfig) drops the marks.
void tst_AutoReplyDialog::skippedRuleIsMarked()
{
    AutoReplyConfig config = sampleConfig();
    config.encoding = Encoding::Utf8;
    AutoReplyRule hostile = makeRule(QStringLiteral("hostile"), Match::Regex,
                                     QStringLiteral("(a|a)+$"), QStringLiteral("x"));
    config.rules.insert(1, hostile);
    // The trouble comes from the core itself, as the session tab gets it.
    AutoReplyRules rules;
    AutoReplyIssue problem;
    QVERIFY2(rules.setConfig(config, &problem), qPrintable(problem.toString()));
    const QByteArray frame = QByteArray(32, 'a') + 'b';
    rules.beginBatch();
    for (int i = 0; i < 50 && rules.ruleTrouble(1).isEmpty(); ++i) {
        rules.repliesFor(frame);
        if (i % 10 == 9) { // the time budget is settled per batch
            rules.endBatch();
            rules.beginBatch();
        }
    }
    rules.endBatch();
    QStringList trouble;
    for (int i = 0; i < config.rules.size(); ++i)
        trouble << rules.ruleTrouble(i);
    QVERIFY(!trouble.at(1).isEmpty());

    AutoReplyDialog dialog(config);
    QAbstractItemModelTester tester(dialog.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.setRuleTrouble(trouble);
    const AutoReplyModel *model = dialog.model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex name = model->index(row, AutoReplyModel::NameColumn);
        const QString tip = name.data(Qt::ToolTipRole).toString();
        const QIcon icon = name.data(Qt::DecorationRole).value<QIcon>();
        if (row == 1) {
            QVERIFY(!icon.isNull());
            QVERIFY2(tip.contains(trouble.at(1)), qPrintable(tip));
            QCOMPARE(name.data(AutoReplyModel::TroubleRole).toString(), trouble.at(1));
        } else {
            QVERIFY2(icon.isNull(), qPrintable(QString::number(row)));
            QVERIFY(!tip.contains(u"skipped"));
            QVERIFY(name.data(AutoReplyModel::TroubleRole).toString().isEmpty());
        }
        // Only the name column carries the mark.
        QVERIFY(model->index(row, AutoReplyModel::PatternColumn)
                    .data(Qt::DecorationRole)
                    .isNull());
    }

    dialog.resize(800, 500);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(saveScreenshot(dialog, QStringLiteral("autoreply-skipped")));

    // The mark follows its rule when rules move or others are removed ...
    QVERIFY(dialog.model()->moveRule(1, 0));
    QVERIFY(dialog.model()->removeRows(2, 1));
    QCOMPARE(model->index(0, AutoReplyModel::NameColumn).data(AutoReplyModel::TroubleRole)
                 .toString(),
             trouble.at(1));
    QVERIFY(model->index(1, AutoReplyModel::NameColumn)
                .data(AutoReplyModel::TroubleRole)
                .toString()
                .isEmpty());
    // ... and a new rule set (as after Import) has none.
    dialog.setConfig(config);
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(model->index(row, AutoReplyModel::NameColumn).data(Qt::DecorationRole).isNull());

    // An untroubled config shows no mark at all.
    AutoReplyDialog clean(sampleConfig());
    clean.setRuleTrouble({});
    for (int row = 0; row < clean.model()->rowCount(); ++row)
        QVERIFY(clean.model()
                    ->index(row, AutoReplyModel::NameColumn)
                    .data(Qt::DecorationRole)
                    .isNull());
}

void tst_AutoReplyDialog::screenshotNotClipped()
{
    AutoReplyDialog dialog(sampleConfig(), nullptr);
    dialog.resize(800, 500);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *input = dialog.findChild<QLineEdit *>(QStringLiteral("testInputEdit"));
    input->setText(QStringLiteral("查询温度"));
    dialog.runTest();
    QCOMPARE(dialog.size(), QSize(800, 500)); // the minimum size fits in 800×500

    const QRect inside = dialog.rect();
    const auto widgets = dialog.findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisible() || w->objectName().isEmpty() || w->objectName().startsWith(u"qt_"))
            continue;
        const QRect r(w->mapTo(&dialog, QPoint(0, 0)), w->size());
        QVERIFY2(inside.contains(r), qPrintable(w->objectName()));
        // Buttons and combo boxes get at least the room their text needs.
        if (qobject_cast<QPushButton *>(w) || qobject_cast<QComboBox *>(w)) {
            QVERIFY2(w->width() >= w->minimumSizeHint().width(), qPrintable(w->objectName()));
            QVERIFY2(w->height() >= w->minimumSizeHint().height(), qPrintable(w->objectName()));
        }
    }
    auto *view = dialog.findChild<QTableView *>(QStringLiteral("rulesView"));
    QVERIFY(view->viewport()->height() >= view->verticalHeader()->length());
    auto *result = dialog.findChild<QPlainTextEdit *>(QStringLiteral("testResultView"));
    // The whole report (frame, match, reply hex and text) is visible without scrolling.
    QCOMPARE(result->toPlainText().count(QLatin1Char('\n')), 4);
    QCOMPARE(result->verticalScrollBar()->maximum(), 0);

    QVERIFY(saveScreenshot(dialog, QStringLiteral("autoreply")));
}

QTEST_MAIN(tst_AutoReplyDialog)
#include "tst_autoreplydialog.moc"
