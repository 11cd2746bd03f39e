// A relay's rewrite rules in the window (issue #14): the editor (RewriteDialog, RewriteModel)
// and the relay tab's "Rewrite rules…" button.
// - the editor's config round-trips through its JSON file; invalid rules are refused with
//   the reason shown (status, cell tooltip), OK stays off; the test box tells what happens;
// - rules set through the dialog in a relay tab really rewrite (the upstream server, a plain
//   QTcpServer, receives the replacement; a dropped frame never reaches it), the log marks the
//   rows, and the rules hold across a restart and in the tab's settings.
#include "ui/appsettings.h"
#include "ui/autoreplymodel.h"
#include "ui/framingselector.h"
#include "ui/logmodel.h"
#include "ui/logpane.h"
#include "ui/mainwindow.h"
#include "ui/rewritebutton.h"
#include "ui/rewritedialog.h"
#include "ui/rewritemodel.h"
#include "ui/sessiontab.h"

#include "core/session/relaycontrol.h"

#include "guiactions.h"
#include "modalanswers.h"
#include "screenshot.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

Q_DECLARE_METATYPE(sockscope::RewriteRule)

using namespace sockscope;
using namespace sockscope::test;
using namespace Qt::StringLiterals;

namespace {

using Action = RewriteRule::Action;
using Direction = RewriteRule::Direction;

RewriteRule makeRule(const QString &name, Direction direction, AutoReplyRule::Match match,
                     const QString &pattern, Action action)
{
    RewriteRule r;
    r.match.name = name;
    r.direction = direction;
    r.match.match = match;
    r.match.pattern = pattern;
    r.action = action;
    return r;
}

// The rules of docs' example: a regex replace with a capture, a drop both ways, a delay.
RewriteConfig sampleConfig()
{
    RewriteConfig c;
    RewriteRule temp = makeRule(u"temp"_s, Direction::ClientToServer, AutoReplyRule::Match::Regex,
                                u"^temp=(\\d+)$"_s, Action::Replace);
    temp.match.reply = u"temp=${1}0"_s;
    RewriteRule nope = makeRule(u"nope"_s, Direction::Both, AutoReplyRule::Match::Substring,
                                u"secret"_s, Action::Drop);
    RewriteRule slow = makeRule(u"slow"_s, Direction::ServerToClient,
                                AutoReplyRule::Match::Substring, u"slow"_s, Action::Delay);
    slow.match.delayMs = 300;
    c.rules = {temp, nope, slow};
    return c;
}

QPushButton *okButton(RewriteDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

QByteArray readAll(QTcpSocket *socket, qsizetype size)
{
    if (!QTest::qWaitFor([&] { return socket->bytesAvailable() >= size; }, 5000))
        return socket->readAll();
    return socket->readAll();
}

} // namespace

class tst_RewriteDialog : public QObject
{
    Q_OBJECT

private slots:
    void modelTester();
    void configRoundTripsThroughJson();
    void editsThroughModel();
    void delegateEditors_data();
    void delegateEditors();
    void refusesInvalidRule_data();
    void refusesInvalidRule();
    void importRefusesInvalidFile();
    void testBoxTellsWhatHappens_data();
    void testBoxTellsWhatHappens();
    void enterInTestBoxRunsTest();
    void relayTabRewritesThroughDialog();
    void rulesKeptInSettings();
    void rulesFollowTransportChange();
    void buttonFitsTheScreen();
};

void tst_RewriteDialog::modelTester()
{
    RewriteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRules(sampleConfig().rules);
    model.insertRule(1, RewriteRule());
    QVERIFY(model.moveRule(0, 2));
    QVERIFY(model.removeRows(0, 2));
    QCOMPARE(model.rowCount(), 2);
}

// What the dialog shows is what it saves, and what it loads again.
void tst_RewriteDialog::configRoundTripsThroughJson()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RewriteConfig config = sampleConfig();
    config.encoding = Encoding::Gbk;
    RewriteDialog dialog(config);
    QCOMPARE(dialog.config(), config);
    const QString path = dir.filePath(u"rules.json"_s);
    QString error;
    QVERIFY2(dialog.exportTo(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto parsed = RewriteRules::fromJson(file.readAll());
    QVERIFY(parsed);
    QCOMPARE(*parsed, config);

    RewriteDialog other{RewriteConfig()};
    QCOMPARE(other.model()->rowCount(), 0);
    QVERIFY2(other.importFrom(path, &error), qPrintable(error));
    QCOMPARE(other.config(), config);
    QCOMPARE(other.model()->data(other.model()->index(0, RewriteModel::DirectionColumn)).toString(),
             u"C→S"_s);
    QCOMPARE(other.model()->data(other.model()->index(1, RewriteModel::ActionColumn)).toString(),
             u"Drop"_s);
    QCOMPARE(other.model()->data(other.model()->index(2, RewriteModel::DelayColumn)).toInt(), 300);
}

// Every column edits its field (a rule built cell by cell is the rule the relay gets).
void tst_RewriteDialog::editsThroughModel()
{
    RewriteDialog dialog{RewriteConfig()};
    QAbstractItemModelTester tester(dialog.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"addButton"_s), Qt::LeftButton);
    RewriteModel *m = dialog.model();
    QCOMPARE(m->rowCount(), 1);
    QVERIFY(!okButton(dialog)->isEnabled()); // no pattern, no replacement yet
    auto set = [m](int column, const QVariant &value) {
        return m->setData(m->index(0, column), value, Qt::EditRole);
    };
    QVERIFY(set(RewriteModel::NameColumn, u"hex"_s));
    QVERIFY(set(RewriteModel::DirectionColumn, int(Direction::ServerToClient)));
    QVERIFY(set(RewriteModel::MatchColumn, int(AutoReplyModel::MatchKind::ExactHex)));
    QVERIFY(set(RewriteModel::PatternColumn, u"01 02"_s));
    QVERIFY(set(RewriteModel::ReplacementFormatColumn, int(AutoReplyRule::Format::Hex)));
    QVERIFY(set(RewriteModel::ReplacementColumn, u"03 04"_s));
    QVERIFY(set(RewriteModel::DelayColumn, 50));
    QVERIFY(!set(RewriteModel::ActionColumn, 7)); // no such action
    QVERIFY(okButton(dialog)->isEnabled());
    const RewriteRule r = dialog.config().rules.value(0);
    QCOMPARE(r.match.name, u"hex"_s);
    QCOMPARE(r.direction, Direction::ServerToClient);
    QCOMPARE(r.match.match, AutoReplyRule::Match::ExactBytes);
    QCOMPARE(r.match.patternFormat, AutoReplyRule::Format::Hex);
    QCOMPARE(r.match.reply, u"03 04"_s);
    QCOMPARE(r.match.replyFormat, AutoReplyRule::Format::Hex);
    QCOMPARE(r.match.delayMs, 50);
    QCOMPARE(r.action, Action::Replace);
    // A drop has no replacement or delay to edit.
    QVERIFY(set(RewriteModel::ActionColumn, int(Action::Drop)));
    QVERIFY(!(m->flags(m->index(0, RewriteModel::ReplacementColumn)) & Qt::ItemIsEditable));
    QVERIFY(!(m->flags(m->index(0, RewriteModel::DelayColumn)) & Qt::ItemIsEditable));
    QCOMPARE(m->data(m->index(0, RewriteModel::ReplacementColumn)).toString(), QString());
}

void tst_RewriteDialog::delegateEditors_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("choices");
    QTest::addColumn<int>("pick");
    QTest::newRow("direction") << int(RewriteModel::DirectionColumn)
                               << QStringList{u"C→S"_s, u"S→C"_s, u"Both"_s} << 2;
    QTest::newRow("action") << int(RewriteModel::ActionColumn)
                            << QStringList{u"Replace"_s, u"Drop"_s, u"Delay"_s} << 1;
    QTest::newRow("replace as") << int(RewriteModel::ReplacementFormatColumn)
                                << QStringList{u"Text"_s, u"Hex"_s} << 1;
}

// The table's combo boxes offer every choice and a pick changes the rule at once.
void tst_RewriteDialog::delegateEditors()
{
    QFETCH(int, column);
    QFETCH(QStringList, choices);
    QFETCH(int, pick);
    RewriteDialog dialog(sampleConfig());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *view = dialog.findChild<QTableView *>(u"rulesView"_s);
    const QModelIndex index = dialog.model()->index(0, column);
    const QString before = index.data().toString();
    view->edit(index);
    auto *combo = view->viewport()->findChild<QComboBox *>();
    QVERIFY(combo);
    QStringList items;
    for (int i = 0; i < combo->count(); ++i)
        items << combo->itemText(i);
    QCOMPARE(items, choices);
    QCOMPARE(combo->currentText(), before);
    combo->setCurrentIndex(pick);
    emit combo->activated(pick);
    QTRY_COMPARE(index.data().toString(), choices.at(pick));
}

void tst_RewriteDialog::refusesInvalidRule_data()
{
    QTest::addColumn<RewriteRule>("rule");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("reason");
    RewriteRule noReplacement = makeRule(u"r"_s, Direction::ClientToServer,
                                         AutoReplyRule::Match::Substring, u"x"_s, Action::Replace);
    QTest::newRow("replace without replacement")
        << noReplacement << int(RewriteModel::ReplacementColumn) << u"needs a replacement"_s;
    RewriteRule noDelay =
        makeRule(u"d"_s, Direction::Both, AutoReplyRule::Match::Substring, u"x"_s, Action::Delay);
    QTest::newRow("delay of 0") << noDelay << int(RewriteModel::DelayColumn)
                                << u"delay above 0 ms"_s;
    RewriteRule badRegex = makeRule(u"re"_s, Direction::ClientToServer, AutoReplyRule::Match::Regex,
                                    u"(unclosed"_s, Action::Drop);
    QTest::newRow("bad regex") << badRegex << int(RewriteModel::PatternColumn) << u"pattern"_s;
    RewriteRule badHex = makeRule(u"hx"_s, Direction::ClientToServer,
                                  AutoReplyRule::Match::HexPattern, u"AA GG"_s, Action::Drop);
    QTest::newRow("bad hex") << badHex << int(RewriteModel::PatternColumn) << u"hex"_s;
}

// An invalid rule: its cell is marked with the reason, the status says it, OK is off, and
// export refuses; fixing it turns OK back on.
void tst_RewriteDialog::refusesInvalidRule()
{
    QFETCH(RewriteRule, rule);
    QFETCH(int, column);
    QFETCH(QString, reason);
    RewriteConfig config = sampleConfig();
    config.rules.append(rule);
    RewriteDialog dialog(config);
    dialog.show();
    RewriteModel *m = dialog.model();
    const QModelIndex bad = m->index(3, column);
    const QString issue = m->data(bad, RewriteModel::IssueRole).toString();
    QVERIFY2(issue.contains(reason, Qt::CaseInsensitive), qPrintable(issue));
    QVERIFY2(issue.contains(u"Rule 4"_s), qPrintable(issue));
    QCOMPARE(m->data(bad, Qt::ToolTipRole).toString(), issue);
    QVERIFY(m->data(bad, Qt::BackgroundRole).isValid());
    QVERIFY(!m->data(m->index(0, column), Qt::BackgroundRole).isValid());
    QCOMPARE(dialog.statusText(), issue);
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(!dialog.findChild<QPushButton *>(u"exportButton"_s)->isEnabled());
    QTemporaryDir dir;
    QString error;
    QVERIFY(!dialog.exportTo(dir.filePath(u"x.json"_s), &error));
    QVERIFY2(error.contains(reason, Qt::CaseInsensitive), qPrintable(error));
    dialog.accept();
    QVERIFY(dialog.isVisible()); // Enter on OK cannot slip through either

    QVERIFY(m->removeRows(3, 1));
    QVERIFY(okButton(dialog)->isEnabled());
    QVERIFY2(dialog.statusText().contains(u"2 for client→server, 2 for server→client"_s),
             qPrintable(dialog.statusText()));
}

// A file with an invalid rule is refused whole, with the rule named; nothing changes.
void tst_RewriteDialog::importRefusesInvalidFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"bad.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format":"sockscope-rewrite-rules","version":1,"rules":[
        {"name":"ok","direction":"c2s","match":"substring","pattern":"a","action":"drop"},
        {"name":"broken","direction":"c2s","match":"substring","pattern":"b","action":"replace"}]})");
    file.close();
    const RewriteConfig config = sampleConfig();
    RewriteDialog dialog(config);
    QString error;
    QVERIFY(!dialog.importFrom(path, &error));
    QVERIFY2(error.contains(u"broken"_s), qPrintable(error));
    QCOMPARE(dialog.config(), config);
}

void tst_RewriteDialog::testBoxTellsWhatHappens_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<bool>("fromServer");
    QTest::addColumn<QString>("expected");
    QTest::newRow("replace") << u"temp=21"_s << false << u"“temp=210”"_s;
    QTest::newRow("other direction") << u"temp=21"_s << true << u"No rule matches"_s;
    QTest::newRow("drop") << u"a secret"_s << true << u"“nope” drops it"_s;
    QTest::newRow("delay") << u"slow down"_s << true << u"after 300 ms"_s;
}

void tst_RewriteDialog::testBoxTellsWhatHappens()
{
    QFETCH(QString, frame);
    QFETCH(bool, fromServer);
    QFETCH(QString, expected);
    RewriteDialog dialog(sampleConfig());
    auto *direction = dialog.findChild<QComboBox *>(u"testDirection"_s);
    direction->setCurrentIndex(direction->findData(fromServer));
    dialog.findChild<QLineEdit *>(u"testInput"_s)->setText(frame);
    dialog.runTest();
    const QString result = dialog.findChild<QPlainTextEdit *>(u"testResult"_s)->toPlainText();
    QVERIFY2(result.contains(expected), qPrintable(result));
}

// Enter in the sample frame runs the test; it does not accept the dialog under the user.
void tst_RewriteDialog::enterInTestBoxRunsTest()
{
    RewriteDialog dialog(sampleConfig());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *input = dialog.findChild<QLineEdit *>(u"testInput"_s);
    input->setFocus();
    QTest::keyClicks(input, u"temp=5"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), 0);
    const QString result = dialog.findChild<QPlainTextEdit *>(u"testResult"_s)->toPlainText();
    QVERIFY2(result.contains(u"“temp=50”"_s), qPrintable(result));
}

// The whole way: rules chosen in the dialog of a relay tab change what the server receives,
// the log marks the rows, and a restarted relay still applies them.
void tst_RewriteDialog::relayTabRewritesThroughDialog()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"rules.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(RewriteRules::toJson(sampleConfig()));
    file.close();
    QTcpServer upstream;
    QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
    SessionTab tab(Session::Mode::Relay);
    tab.resize(1100, 700);
    tab.show();
    auto *button = child<RewriteButton>(&tab, "rewriteButton");
    QVERIFY(button->isVisibleTo(&tab));
    QCOMPARE(button->text(), u"Rewrite rules…"_s);
    child<FramingSelector>(&tab, "framing")->setSpec(FramingSpec::line());

    ModalAnswers answers;
    answers.expect(
        u"rewrite rules"_s, [](QWidget *w) { return qobject_cast<RewriteDialog *>(w); },
        [path](QWidget *w) {
            auto *dialog = qobject_cast<RewriteDialog *>(w);
            QString error;
            if (!dialog->importFrom(path, &error))
                qWarning("import: %s", qPrintable(error));
            dialog->findChild<QLineEdit *>(u"testInput"_s)->setText(u"temp=21"_s);
            dialog->runTest();
            saveScreenshot(*dialog, u"rewrite-dialog"_s);
            QTest::mouseClick(okButton(*dialog), Qt::LeftButton);
        });
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY2(answers.done(), qPrintable(answers.problems().join(u'\n')));
    QCOMPARE(button->text(), u"Rewrite rules (3)…"_s);
    QCOMPARE(tab.session()->relay()->rewriteRules(), sampleConfig());

    for (int run = 0; run < 2; ++run) { // the second run after a restart
        typeOver(child<QLineEdit>(&tab, "remoteHost"), u"127.0.0.1"_s);
        typeOver(child<QSpinBox>(&tab, "remotePort"), QString::number(upstream.serverPort()));
        const quint16 port = startServerInTab(&tab);
        QVERIFY(port != 0);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, port);
        QTRY_VERIFY(upstream.hasPendingConnections());
        std::unique_ptr<QTcpSocket> server(upstream.nextPendingConnection());
        client.write("temp=21\n");
        QCOMPARE(readAll(server.get(), 9), QByteArray("temp=210\n"));
        client.write("my secret\nok\n");
        QCOMPARE(readAll(server.get(), 3), QByteArray("ok\n")); // nothing of the secret
        client.close();
        tab.stop();
        QTRY_COMPARE(tab.session()->state(), Session::State::Idle);
    }

    const LogModel *log = tab.logPane()->model();
    QStringList marks;
    for (int row = 0; row < log->rowCount(); ++row) {
        const QString direction = log->data(log->index(row, LogModel::DirectionColumn)).toString();
        if (direction.contains(u'('))
            marks << direction;
    }
    const QStringList once{u"C→S (rewritten)"_s, u"C→S (replacement)"_s, u"C→S (dropped)"_s};
    QCOMPARE(marks, once + once);
}

// The tab's rules are saved with it and a new relay tab runs them.
void tst_RewriteDialog::rulesKeptInSettings()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(u"relay.ini"_s), QSettings::IniFormat);
    {
        SessionTab tab(Session::Mode::Relay);
        child<RewriteButton>(&tab, "rewriteButton")->setConfig(sampleConfig());
        tab.saveState(settings);
    }
    SessionTab again(Session::Mode::Relay);
    again.restoreState(settings);
    QCOMPARE(again.session()->relay()->rewriteRules(), sampleConfig());
    QCOMPARE(child<RewriteButton>(&again, "rewriteButton")->text(), u"Rewrite rules (3)…"_s);
    // A tab of another kind has no such button.
    SessionTab server(Session::Mode::TcpServer);
    QVERIFY(!server.findChild<RewriteButton *>());
}

// A relay whose transport changes gets a new session: the rules and their button go along.
void tst_RewriteDialog::rulesFollowTransportChange()
{
    SessionTab tab(Session::Mode::Relay);
    tab.show();
    child<RewriteButton>(&tab, "rewriteButton")->setConfig(sampleConfig());
    auto *transport = child<QComboBox>(&tab, "relayTransport");
    const Session *before = tab.session();
    transport->setCurrentIndex(transport->findData(true));
    QVERIFY(tab.session() != before);
    QCOMPARE(tab.session()->relay()->rewriteRules(), sampleConfig());
    QCOMPARE(tab.findChildren<RewriteButton *>().size(), 1);
    QTRY_VERIFY(child<RewriteButton>(&tab, "rewriteButton")->isVisible()); // shown with its row
}

// On a 900 px screen the counted button shows its text whole, inside the window.
void tst_RewriteDialog::buttonFitsTheScreen()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AppSettings settings(dir.filePath(u"a.ini"_s));
    MainWindow window(&settings);
    SessionTab *tab = window.addSession(Session::Mode::Relay);
    window.sessionTabs()->setCurrentWidget(tab);
    auto *button = child<RewriteButton>(tab, "rewriteButton");
    button->setConfig(sampleConfig());
    window.resize(900, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(50); // layouts settle
    QVERIFY(saveScreenshot(window, u"relay-rewrite-900"_s));
    QCOMPARE(window.width(), 900);
    QVERIFY2(
        button->width() + 1 >= button->minimumSizeHint().width(),
        qPrintable(u"%1 of %2 px"_s.arg(button->width()).arg(button->minimumSizeHint().width())));
    QVERIFY(button->mapTo(&window, QPoint(button->width(), 0)).x() <= window.width());
}

QTEST_MAIN(tst_RewriteDialog)
#include "tst_rewritedialog.moc"
