// Sends go exactly where the window says (issue #11, items 1, 14, 15): the real window, driven
// with the mouse, real clients on 127.0.0.1, and which client received what checked byte by byte.
// - a selected client stays selected when closed clients are cleared by hand or pruned by the
//   core, and the next send goes to it alone;
// - the log shows the rows of every selected client, and only theirs;
// - Disconnect with nothing selected does nothing it does not say;
// - quitting while clients are connected asks first (and signals / tests can still quit).

#include "ui/appsettings.h"
#include "ui/logpane.h"
#include "ui/logview.h"
#include "ui/mainwindow.h"
#include "ui/peerlistmodel.h"
#include "ui/sessiontab.h"

#include "eventloop.h"
#include "loopback.h"
#include "modalanswers.h"
#include "require.h"
#include "serverwindow.h"

#include "core/transport/tcpserversession.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <memory>
#include <vector>

using namespace sockscope;
using namespace sockscope::test;

class tst_SendTarget : public QObject, private ServerWindow
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void selectionSurvivesClearClosed();
    void selectionSurvivesAutomaticPrune();
    void labelFollowsClearedSelection();
    void logShowsEverySelectedPeer();
    void disconnectNeedsSelection();
    void quitAsksWhileClientsConnected();
    void quitWithoutAskingForSignalsAndTests();

private:
    QTreeView *peerList() const { return child<QTreeView>("peerList"); }
    QString targetText() const { return child<QLabel>("sendTarget")->text(); }
    // Clicks the rows like a user: the first plainly, the others with Ctrl held.
    void selectRows(const QList<int> &rows);
    void clickSend(const QString &text);
    // Connects and closes `count` clients, a batch at a time (cheap on loopback).
    void churn(int count);
};

void tst_SendTarget::init()
{
    setUpWindow();
}

void tst_SendTarget::cleanup()
{
    tearDownWindow();
}

void tst_SendTarget::selectRows(const QList<int> &rows)
{
    QTreeView *view = peerList();
    for (int i = 0; i < rows.size(); ++i) {
        const QModelIndex index = view->model()->index(rows[i], PeerListModel::Endpoint);
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton,
                          i == 0 ? Qt::NoModifier : Qt::ControlModifier,
                          view->visualRect(index).center());
    }
    QCOMPARE(view->selectionModel()->selectedRows().size(), rows.size());
}

void tst_SendTarget::clickSend(const QString &text)
{
    auto *editor = child<QPlainTextEdit>("editor");
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(editor, Qt::Key_Delete);
    QTest::keyClicks(editor, text);
    auto *send = child<QPushButton>("sendButton");
    QTRY_VERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
}

void tst_SendTarget::churn(int count)
{
    // Below the listen backlog, and no blocking waits: the server accepts in the event loop.
    constexpr int kBatch = 40;
    Session *session = server()->session();
    const int open = session->openPeerCount();
    for (int done = 0; done < count; done += kBatch) {
        std::vector<std::unique_ptr<QTcpSocket>> batch;
        for (int i = 0; i < qMin(kBatch, count - done); ++i) {
            batch.push_back(std::make_unique<QTcpSocket>());
            batch.back()->connectToHost(kLoopback, m_port);
        }
        const int expected = open + int(batch.size());
        QVERIFY(waitUntil([&] { return session->openPeerCount() == expected; }, 10000));
        for (auto &s : batch)
            s->disconnectFromHost();
        QVERIFY(waitUntil([&] { return session->openPeerCount() == open; }, 10000));
    }
}

// Three clients, the third closes, the first is selected; "Clear closed" removes the third's
// row. The first stays selected (the label says so) and the next send reaches it alone.
void tst_SendTarget::selectionSurvivesClearClosed()
{
    SOCKSCOPE_REQUIRE(startServer());
    QAbstractItemModelTester tester(peerList()->model());
    QTcpSocket *a = connectClient();
    QTcpSocket *b = connectClient();
    QTcpSocket *c = connectClient();
    QVERIFY(a && b && c);
    c->disconnectFromHost();
    QTRY_COMPARE(server()->session()->openPeerCount(), 2);

    SOCKSCOPE_REQUIRE(selectRows({0}));
    QCOMPARE(targetText(), QStringLiteral("Send to: 1 selected client(s)"));
    QTest::mouseClick(child<QToolButton>("clearClosedPeers"), Qt::LeftButton);
    QCOMPARE(peerList()->model()->rowCount(), 2);
    QCOMPARE(peerList()->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(peerList()->selectionModel()->selectedRows().first().row(), 0);
    QCOMPARE(targetText(), QStringLiteral("Send to: 1 selected client(s)"));

    SOCKSCOPE_REQUIRE(clickSend(QStringLiteral("only-a")));
    QTRY_COMPARE(a->bytesAvailable(), qint64(6));
    QCOMPARE(a->readAll(), QByteArray("only-a"));
    spin(150);
    QCOMPARE(b->bytesAvailable(), qint64(0));
}

// Beyond MaxClosedPeersKept + a quarter closed clients the core prunes the oldest by itself
// (no hook to lower that threshold: ~1,300 short connections, quick on loopback). The
// selected client's row survives with its selection; the next send reaches it alone.
void tst_SendTarget::selectionSurvivesAutomaticPrune()
{
    SOCKSCOPE_REQUIRE(startServer());
    QTcpSocket *a = connectClient();
    QTcpSocket *b = connectClient();
    QVERIFY(a && b);
    SOCKSCOPE_REQUIRE(selectRows({1}));
    QCOMPARE(targetText(), QStringLiteral("Send to: 1 selected client(s)"));

    Session *session = server()->session();
    const int closedToPrune = Session::MaxClosedPeersKept + Session::MaxClosedPeersKept / 4 + 10;
    SOCKSCOPE_REQUIRE(churn(closedToPrune));
    QTRY_VERIFY_WITH_TIMEOUT(session->prunedPeerCount() > 0, 10000);
    QTRY_COMPARE(session->openPeerCount(), 2);
    QTRY_COMPARE(peerList()->model()->rowCount(), int(session->peerIds().size()));
    const QModelIndexList selected = peerList()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data(PeerListModel::PeerIdRole).toUInt(), session->peerIds().at(1));
    QCOMPARE(targetText(), QStringLiteral("Send to: 1 selected client(s)"));

    SOCKSCOPE_REQUIRE(clickSend(QStringLiteral("only-b")));
    QTRY_COMPARE(b->bytesAvailable(), qint64(6));
    QCOMPARE(b->readAll(), QByteArray("only-b"));
    spin(150);
    QCOMPARE(a->bytesAvailable(), qint64(0));
}

// Only a closed client selected: clearing it empties the selection, and the label says at once
// that a send now goes to every client (the target never changes behind the label).
void tst_SendTarget::labelFollowsClearedSelection()
{
    SOCKSCOPE_REQUIRE(startServer());
    QTcpSocket *a = connectClient();
    QTcpSocket *b = connectClient();
    QVERIFY(a && b);
    b->disconnectFromHost();
    QTRY_COMPARE(server()->session()->openPeerCount(), 1);
    SOCKSCOPE_REQUIRE(selectRows({1}));
    QCOMPARE(targetText(), QStringLiteral("Send to: 1 selected client(s)"));
    QTest::mouseClick(child<QToolButton>("clearClosedPeers"), Qt::LeftButton);
    QCOMPARE(peerList()->selectionModel()->selectedRows().size(), 0);
    QCOMPARE(targetText(), QStringLiteral("Send to: all 1 client(s)"));
    SOCKSCOPE_REQUIRE(clickSend(QStringLiteral("to-all")));
    QTRY_COMPARE(a->bytesAvailable(), qint64(6));
}

// Two of three clients selected: the log shows both of theirs and none of the third's.
void tst_SendTarget::logShowsEverySelectedPeer()
{
    SOCKSCOPE_REQUIRE(startServer());
    QTcpSocket *a = connectClient();
    QTcpSocket *b = connectClient();
    QTcpSocket *c = connectClient();
    QVERIFY(a && b && c);
    a->write("from-a");
    b->write("from-b");
    c->write("from-c");
    Session *session = server()->session();
    QTRY_COMPARE(session->rxBytesTotal(), qint64(18));
    session->flushRecords();

    SOCKSCOPE_REQUIRE(selectRows({0, 2}));
    QCOMPARE(targetText(), QStringLiteral("Send to: 2 selected client(s)"));
    const QAbstractItemModel *shown = server()->logPane()->view()->model();
    QSet<QByteArray> payloads;
    QSet<quint32> peers;
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex i = shown->index(row, 0);
        peers.insert(i.data(LogModel::PeerIdRole).toUInt());
        if (i.data(LogModel::KindRole).toInt() == int(LogRecord::Kind::Rx))
            payloads.insert(i.data(LogModel::BytesRole).toByteArray());
    }
    const QList<quint32> ids = session->peerIds();
    QCOMPARE(peers, (QSet<quint32>{ids.at(0), ids.at(2)}));
    QCOMPARE(payloads, (QSet<QByteArray>{"from-a", "from-c"}));

    // Back to everything.
    QTest::mouseClick(child<QToolButton>("selectAllPeers"), Qt::LeftButton);
    QTRY_VERIFY(shown->rowCount() >= 6); // three "Connected" events and three messages
}

// With nothing selected, Disconnect is off and says why; with a selection it disconnects
// exactly the selected client.
void tst_SendTarget::disconnectNeedsSelection()
{
    SOCKSCOPE_REQUIRE(startServer());
    QTcpSocket *a = connectClient();
    QTcpSocket *b = connectClient();
    QVERIFY(a && b);
    auto *disconnect = child<QToolButton>("disconnectPeers");
    QVERIFY(!disconnect->isEnabled());
    QVERIFY(!disconnect->toolTip().isEmpty());
    QTest::mouseClick(disconnect, Qt::LeftButton);
    spin(100);
    QCOMPARE(server()->session()->openPeerCount(), 2);

    SOCKSCOPE_REQUIRE(selectRows({1}));
    QVERIFY(disconnect->isEnabled());
    QTest::mouseClick(disconnect, Qt::LeftButton);
    QTRY_COMPARE(b->state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(server()->session()->openPeerCount(), 1);
    QCOMPARE(a->state(), QAbstractSocket::ConnectedState);
}

// Quitting with clients connected asks; Cancel keeps the window and the connections.
void tst_SendTarget::quitAsksWhileClientsConnected()
{
    SOCKSCOPE_REQUIRE(startServer());
    QTcpSocket *a = connectClient();
    QVERIFY(a);

    ModalAnswers answers;
    answers.expect(QStringLiteral("quit question, cancelled"),
                   dialogNamed(QStringLiteral("confirmQuit")),
                   clickStandardButton(QMessageBox::Cancel));
    QVERIFY(!m_window->close());
    QVERIFY2(answers.problems().isEmpty(), qPrintable(answers.problems().join(u'\n')));
    QVERIFY(m_window->isVisible());
    spin(50);
    QCOMPARE(a->state(), QAbstractSocket::ConnectedState);

    answers.expect(QStringLiteral("quit question, confirmed"),
                   dialogNamed(QStringLiteral("confirmQuit")),
                   clickButtonNamed(QStringLiteral("quitButton")));
    QVERIFY(m_window->close());
    QVERIFY2(answers.problems().isEmpty(), qPrintable(answers.problems().join(u'\n')));
    QVERIFY(!m_window->isVisible());
}

// SIGTERM/--duration and tests close through closeWithoutAsking(): no question.
void tst_SendTarget::quitWithoutAskingForSignalsAndTests()
{
    SOCKSCOPE_REQUIRE(startServer());
    QVERIFY(connectClient());
    ModalAnswers answers; // expects nothing: any dialog is a problem
    m_window->closeWithoutAsking();
    spin(50);
    QCOMPARE(answers.shown(), 0);
    QVERIFY(!m_window->isVisible());
}

QTEST_MAIN(tst_SendTarget)
#include "tst_sendtarget.moc"
