// The send-sequence editor: the dialog and its model on their own, a run
// through a real window (send panel -> Sequence… -> Run -> a real socket),
// stop and disconnect mid-run through SequenceController (the tab's code
// path) on a bare TCP server session, and persistence through SessionTab.

#include "ui/appsettings.h"
#include "ui/mainwindow.h"
#include "screenshot.h"
#include "ui/sendpanel.h"
#include "ui/sequencedialog.h"
#include "ui/sequencemodel.h"
#include "ui/sessiontab.h"

#include "core/senders/sequencerunner.h"

#include "guiactions.h"
#include "loopbackserver.h"
#include "peerof.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sockscope;
using namespace sockscope::test;

namespace {

const QHostAddress Loopback(QHostAddress::LocalHost);

MessageSpec textSpec(const QString &content, bool escapes = false)
{
    MessageSpec s;
    s.content = content;
    s.escapes = escapes;
    return s;
}

MessageSpec hexSpec(const QString &content)
{
    MessageSpec s;
    s.format = MessageFormat::Hex;
    s.content = content;
    return s;
}

SequenceStepSpec step(const MessageSpec &message, int delayMs)
{
    SequenceStepSpec s;
    s.message = message;
    s.delayAfterMs = delayMs;
    return s;
}

} // namespace

class tst_SequenceDialog : public QObject
{
    Q_OBJECT

private slots:
    void emptySequenceCannotRun();
    void invalidStepIsMarkedAndBlocksRun();
    void inlineEditFixesStep();
    void moveAndRemove();
    void runThroughWindowSendsInOrder();
    void stopMidway();
    void disconnectEndsRun();
    void stepsPersistThroughSessionTab();
};

void tst_SequenceDialog::emptySequenceCannotRun()
{
    SequenceDialog dialog;
    QAbstractItemModelTester tester(dialog.model());
    auto *run = child<QPushButton>(&dialog, "sequenceRunButton");
    QSignalSpy runs(&dialog, &SequenceDialog::runRequested);
    QVERIFY(!run->isEnabled());
    QVERIFY(!dialog.canRun());
    QVERIFY(!run->toolTip().isEmpty());
    dialog.toggleRun();
    QCOMPARE(runs.count(), 0);

    dialog.addStep(textSpec(QStringLiteral("A")));
    QVERIFY(run->isEnabled());
    dialog.setConnected(false, QStringLiteral("No client is connected yet."));
    QVERIFY(!run->isEnabled());
    QCOMPARE(run->toolTip(), QStringLiteral("No client is connected yet."));
    dialog.setConnected(true);
    clickButton(run);
    QCOMPARE(runs.count(), 1);
    QCOMPARE(runs.at(0).at(1).toInt(), 1); // default loops
}

void tst_SequenceDialog::invalidStepIsMarkedAndBlocksRun()
{
    SequenceDialog dialog;
    QAbstractItemModelTester tester(dialog.model());
    dialog.setSteps({step(textSpec(QStringLiteral("A")), 10),
                     step(hexSpec(QStringLiteral("4G")), 10),
                     step(textSpec(QStringLiteral("C")), 10)});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    SequenceModel *model = dialog.model();
    QCOMPARE(model->firstInvalidRow(), 1);
    const QModelIndex bad = model->index(1, SequenceModel::MessageColumn);
    const QString reason = bad.data(SequenceModel::IssueRole).toString();
    QVERIFY2(reason.contains(QLatin1Char('G')), qPrintable(reason));
    QVERIFY(bad.data(Qt::BackgroundRole).isValid());
    QVERIFY(bad.data(Qt::ToolTipRole).toString().contains(reason));
    const QModelIndex good = model->index(0, SequenceModel::MessageColumn);
    QVERIFY(good.data(SequenceModel::IssueRole).toString().isEmpty());
    QVERIFY(!good.data(Qt::BackgroundRole).isValid());

    auto *run = child<QPushButton>(&dialog, "sequenceRunButton");
    QVERIFY(!run->isEnabled());
    QVERIFY(run->toolTip().contains(reason));
    QVERIFY(run->toolTip().contains(QLatin1String("2"))); // names the step
    const QString status = child<QLabel>(&dialog, "sequenceStatusLabel")->text();
    QVERIFY2(status.contains(reason), qPrintable(status));
    QSignalSpy runs(&dialog, &SequenceDialog::runRequested);
    dialog.toggleRun();
    clickButton(run);
    QCOMPARE(runs.count(), 0);

    QVERIFY(saveScreenshot(dialog, QStringLiteral("sequence-invalid")));
}

void tst_SequenceDialog::inlineEditFixesStep()
{
    SequenceDialog dialog;
    dialog.setSteps({step(hexSpec(QStringLiteral("4G")), 10)});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *view = child<QTableView>(&dialog, "sequenceStepsView");
    auto *run = child<QPushButton>(&dialog, "sequenceRunButton");
    QVERIFY(!run->isEnabled());

    // The content, in a line edit, as written in the send editor.
    const QModelIndex message = dialog.model()->index(0, SequenceModel::MessageColumn);
    view->setCurrentIndex(message);
    view->edit(message);
    auto *edit = child<QLineEdit>(view, "sequenceMessageEditor");
    QCOMPARE(edit->text(), QStringLiteral("4G"));
    typeOver(edit, QStringLiteral("4F 4B"));
    QTest::keyClick(edit, Qt::Key_Return); // the delegate commits on the next event-loop pass
    QTRY_COMPARE(dialog.steps().at(0).message.content, QStringLiteral("4F 4B"));
    QCOMPARE(dialog.steps().at(0).message.format, MessageFormat::Hex);
    QVERIFY(dialog.model()->issue(0).isEmpty());
    QVERIFY(run->isEnabled());

    // The delay, in a spin box with its range.
    const QModelIndex delay = dialog.model()->index(0, SequenceModel::DelayColumn);
    view->setCurrentIndex(delay);
    view->edit(delay);
    auto *spin = child<QSpinBox>(view, "sequenceDelayEditor");
    QCOMPARE(spin->value(), 10);
    QCOMPARE(spin->minimum(), 0);
    typeOver(spin, QStringLiteral("250"));
    QTest::keyClick(spin, Qt::Key_Return);
    QTRY_COMPARE(dialog.steps().at(0).delayAfterMs, 250);
    // Negative delays are refused by the model too.
    QVERIFY(!dialog.model()->setData(delay, -5));
    QCOMPARE(dialog.steps().at(0).delayAfterMs, 250);
    // The format is not editable in place.
    QVERIFY(!(dialog.model()->flags(dialog.model()->index(0, SequenceModel::FormatColumn)) &
              Qt::ItemIsEditable));
}

void tst_SequenceDialog::moveAndRemove()
{
    SequenceDialog dialog;
    QAbstractItemModelTester tester(dialog.model());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy adds(&dialog, &SequenceDialog::addCurrentRequested);
    clickButton(child<QPushButton>(&dialog, "sequenceAddButton"));
    QCOMPARE(adds.count(), 1);

    for (const char *s : {"A", "B", "C"})
        dialog.addStep(textSpec(QString::fromLatin1(s)));
    auto contents = [&dialog] {
        QString out;
        for (const SequenceStepSpec &s : dialog.steps())
            out += s.message.content;
        return out;
    };
    QCOMPARE(contents(), QStringLiteral("ABC"));
    auto *view = child<QTableView>(&dialog, "sequenceStepsView");
    QCOMPARE(view->currentIndex().row(), 2); // the added step is selected

    auto *up = child<QPushButton>(&dialog, "sequenceMoveUpButton");
    auto *down = child<QPushButton>(&dialog, "sequenceMoveDownButton");
    QVERIFY(!down->isEnabled());
    clickButton(up);
    QCOMPARE(contents(), QStringLiteral("ACB"));
    clickButton(up);
    QCOMPARE(contents(), QStringLiteral("CAB"));
    QVERIFY(!up->isEnabled());
    clickButton(down);
    QCOMPARE(contents(), QStringLiteral("ACB"));
    QCOMPARE(view->currentIndex().row(), 1);

    // A step added with a selection goes after it.
    dialog.addStep(textSpec(QStringLiteral("D")));
    QCOMPARE(contents(), QStringLiteral("ACDB"));
    clickButton(child<QPushButton>(&dialog, "sequenceRemoveButton"));
    QCOMPARE(contents(), QStringLiteral("ACB"));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(contents(), QStringLiteral("AC"));
}

// The real path: the send panel's editor and its Sequence… button, the tab's
// dialog and runner, a real client socket receiving the bytes.
void tst_SequenceDialog::runThroughWindowSendsInOrder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AppSettings settings(dir.filePath(QStringLiteral("sockscope.ini")));
    MainWindow window(&settings);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tab = qobject_cast<SessionTab *>(window.sessionTabs()->widget(0));
    QVERIFY(tab);
    QCOMPARE(tab->mode(), Session::Mode::TcpServer);

    const quint16 port = startServerInTab(tab);
    QVERIFY(port != 0);
    Session *server = tab->session();
    QTcpSocket peer;
    peer.connectToHost(Loopback, port);
    QVERIFY(peer.waitForConnected(3000));
    QTRY_COMPARE(server->openPeerCount(), 1);

    auto *sequenceButton = child<QAbstractButton>(tab, "sequenceButton");
    QVERIFY(!sequenceButton->toolTip().isEmpty());
    clickButton(sequenceButton);
    auto *dialog = child<SequenceDialog>(tab, "sequenceDialog");
    QTRY_VERIFY(dialog->isVisible());
    auto *add = child<QPushButton>(dialog, "sequenceAddButton");
    auto *editor = child<QPlainTextEdit>(tab, "editor");

    // Step 1: text "A".
    typeOver(editor, QStringLiteral("A"));
    clickButton(add);
    // Step 2: hex "42".
    clickButton(child<QRadioButton>(tab, "hexModeRadio"));
    typeOver(editor, QStringLiteral("42"));
    clickButton(add);
    // Step 3: text "C\r\n" with escapes.
    clickButton(child<QRadioButton>(tab, "textModeRadio"));
    auto *escapes = child<QCheckBox>(tab, "escapesCheck");
    if (!escapes->isChecked())
        clickButton(escapes);
    typeOver(editor, QStringLiteral("C\\r\\n"));
    clickButton(add);

    const QList<SequenceStepSpec> steps = dialog->steps();
    QCOMPARE(steps.size(), 3);
    QCOMPARE(steps.at(0).message.format, MessageFormat::Text);
    QCOMPARE(steps.at(0).message.content, QStringLiteral("A"));
    QCOMPARE(steps.at(1).message.format, MessageFormat::Hex);
    QCOMPARE(steps.at(1).message.content, QStringLiteral("42"));
    QCOMPARE(steps.at(2).message.content, QStringLiteral("C\\r\\n"));
    QVERIFY(steps.at(2).message.escapes);
    // Short delays, so that the test is quick but the loops are still paced.
    for (int row = 0; row < 3; ++row)
        QVERIFY(
            dialog->model()->setData(dialog->model()->index(row, SequenceModel::DelayColumn), 30));

    typeOver(child<QSpinBox>(dialog, "sequenceLoopsSpin"), QStringLiteral("2"));
    QCOMPARE(dialog->loops(), 2);
    QVERIFY(saveScreenshot(*dialog, QStringLiteral("sequence")));
    QVERIFY(saveScreenshot(*tab->sendPanel(), QStringLiteral("sequence-sendpanel")));

    auto *run = child<QPushButton>(dialog, "sequenceRunButton");
    QVERIFY(run->isEnabled());
    QSignalSpy finished(tab->findChild<SequenceRunner *>(), &ScheduledSender::finished);
    QVERIFY(finished.isValid());
    clickButton(run);
    QVERIFY(dialog->isRunning());
    QVERIFY(!child<QPushButton>(dialog, "sequenceAddButton")->isEnabled());

    const QByteArray expected("ABC\r\nABC\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += peer.readAll()).size() >= expected.size(), 5000);
    QCOMPARE(received, expected);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<ScheduledSender::FinishReason>(),
             ScheduledSender::FinishReason::Completed);
    QVERIFY(!dialog->isRunning());
    QCOMPARE(dialog->progressText(), QStringLiteral("Step 3/3, loop 2/2"));
    QCOMPARE(child<QProgressBar>(dialog, "sequenceProgressBar")->value(), 6);
    QVERIFY2(dialog->statusText().startsWith(QStringLiteral("Completed.")),
             qPrintable(dialog->statusText()));
    QVERIFY(dialog->statusText().contains(QLatin1String("6")));
    QCOMPARE(run->text(), QStringLiteral("&Run"));
    // Nothing more arrives after the end.
    QTest::qWait(150);
    QCOMPARE(peer.readAll(), QByteArray());
}

void tst_SequenceDialog::stopMidway()
{
    const auto server = startLoopbackServer();
    QTcpSocket peer;
    QVERIFY(connectClient(*server, peer) != 0);
    SequenceDialog dialog;
    SequenceController controller(&dialog, server.get());
    dialog.setSteps({step(textSpec(QStringLiteral("A")), 200),
                     step(textSpec(QStringLiteral("B")), 200),
                     step(textSpec(QStringLiteral("C")), 200)});
    dialog.setLoops(0); // forever
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto *run = child<QPushButton>(&dialog, "sequenceRunButton");
    clickButton(run);
    QVERIFY(dialog.isRunning());
    QVERIFY(controller.runner()->isRunning());
    QCOMPARE(run->text(), QStringLiteral("St&op"));
    QVERIFY(!child<QSpinBox>(&dialog, "sequenceLoopsSpin")->isEnabled());
    QVERIFY(!(dialog.model()->flags(dialog.model()->index(0, 0)) & Qt::ItemIsEditable));

    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += peer.readAll()).size() >= 2, 3000);
    QCOMPARE(received.left(2), QByteArray("AB"));
    QTRY_VERIFY(dialog.progressText().startsWith(QStringLiteral("Step 2/3, loop 1")));
    QVERIFY(dialog.progressText().contains(QLatin1String("until stopped")));
    clickButton(run); // Stop
    QVERIFY(!controller.runner()->isRunning());
    QVERIFY(!dialog.isRunning());
    QCOMPARE(run->text(), QStringLiteral("&Run"));
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Stopped after")),
             qPrintable(dialog.statusText()));
    QTest::qWait(500); // more than two delays: a runner still going would send again
    received += peer.readAll();
    QCOMPARE(received, QByteArray("AB"));
    QCOMPARE(controller.runner()->sentCount(), qint64(2));
    QVERIFY(dialog.model()->flags(dialog.model()->index(0, 0)) & Qt::ItemIsEditable);
}

void tst_SequenceDialog::disconnectEndsRun()
{
    const auto server = startLoopbackServer();
    QTcpSocket peer;
    QVERIFY(connectClient(*server, peer) != 0);
    SequenceDialog dialog;
    SequenceController controller(&dialog, server.get());
    controller.setTargetsProvider([&server] { return server->peerIds(); });
    dialog.setSteps({step(textSpec(QStringLiteral("x")), 50)});
    dialog.setLoops(0);
    dialog.toggleRun();
    QVERIFY(dialog.isRunning());
    QTRY_VERIFY(peer.bytesAvailable() > 0);
    peer.disconnectFromHost();
    QTRY_VERIFY(!dialog.isRunning());
    QVERIFY(!controller.runner()->isRunning());
    QVERIFY(!dialog.statusText().isEmpty());
    QVERIFY2(!dialog.statusText().startsWith(QStringLiteral("Stopped after")),
             qPrintable(dialog.statusText()));
    QVERIFY2(!dialog.statusText().startsWith(QStringLiteral("Completed")),
             qPrintable(dialog.statusText()));

    // A start that the runner refuses (nobody to send to) is reported, not left "running".
    dialog.toggleRun();
    QVERIFY(!dialog.isRunning());
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Could not start")),
             qPrintable(dialog.statusText()));
}

void tst_SequenceDialog::stepsPersistThroughSessionTab()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("tab.ini"));
    MessageSpec fancy = hexSpec(QStringLiteral("01 03 00 00 00 0A"));
    fancy.checksum = ChecksumKind::Crc16Modbus;
    fancy.checksumOrder = ByteOrder::LittleEndian;
    MessageSpec gbk = textSpec(QStringLiteral("温度\\r\\n"), true);
    gbk.encoding = Encoding::Gbk;
    gbk.lineEnding = LineEnding::CRLF;
    const QList<SequenceStepSpec> steps{step(fancy, 0), step(gbk, 1500),
                                        step(hexSpec(QStringLiteral("4G")), 20)};
    {
        SessionTab tab(Session::Mode::TcpServer);
        auto *dialog = child<SequenceDialog>(&tab, "sequenceDialog");
        dialog->setSteps(steps);
        dialog->setLoops(3);
        QSettings s(path, QSettings::IniFormat);
        // A longer list saved before must not leave a stale fourth entry.
        s.beginGroup(QStringLiteral("sessions/0"));
        s.beginWriteArray(QStringLiteral("sequence"), 4);
        for (int i = 0; i < 4; ++i) {
            s.setArrayIndex(i);
            s.setValue(QStringLiteral("content"), QStringLiteral("old"));
        }
        s.endArray();
        tab.saveState(s);
        s.endGroup();
    }
    {
        QSettings s(path, QSettings::IniFormat);
        QCOMPARE(s.value(QStringLiteral("sessions/0/sequence/size")).toInt(), 3);
        QCOMPARE(s.value(QStringLiteral("sessions/0/sequence/2/delayAfterMs")).toInt(), 1500);
        QCOMPARE(s.value(QStringLiteral("sessions/0/sequenceLoops")).toInt(), 3);
        QVERIFY(!s.contains(QStringLiteral("sessions/0/sequence/4/content")));
    }
    SessionTab restored(Session::Mode::TcpServer);
    auto *dialog = child<SequenceDialog>(&restored, "sequenceDialog");
    QVERIFY(dialog->steps().isEmpty());
    QCOMPARE(dialog->loops(), 1);
    QSettings s(path, QSettings::IniFormat);
    s.beginGroup(QStringLiteral("sessions/0"));
    restored.restoreState(s);
    s.endGroup();
    QCOMPARE(dialog->steps(), steps);
    QCOMPARE(dialog->loops(), 3);
    QCOMPARE(dialog->model()->firstInvalidRow(), 2); // still marked after the restart
    QVERIFY(!child<QPushButton>(dialog, "sequenceRunButton")->isEnabled());
}

QTEST_MAIN(tst_SequenceDialog)
#include "tst_sequencedialog.moc"
