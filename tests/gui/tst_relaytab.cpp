// The Relay tab: its connection bar (listen address and port, the server, TCP or UDP), one
// peer-list row per pair with both ends, both sides' states and the bytes each way,
// Disconnect on a pair, its settings and the command line's --mode relay … --start.
// The upstream servers and the clients are plain Qt sockets the test drives itself.
#include "ui/appsettings.h"
#include "ui/connectionbar.h"
#include "ui/mainwindow.h"
#include "ui/peerlistmodel.h"
#include "ui/peerpanel.h"
#include "ui/sessiontab.h"

#include "cli/launchoptions.h"
#include "core/session/relaycontrol.h"
#include "core/transport/tcprelaysession.h"
#include "core/transport/udprelaysession.h"

#include "guiactions.h"
#include "screenshot.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkDatagram>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUdpSocket>

#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <utility>

using namespace sockscope;
using namespace sockscope::test;
using namespace Qt::StringLiterals;

namespace {

QString display(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

// Points the tab's bar at the upstream server, picks the transport, starts on 127.0.0.1
// port 0; returns the port clients connect to (0: it did not start).
quint16 startRelay(SessionTab &tab, quint16 upstreamPort, bool overUdp)
{
    typeOver(child<QLineEdit>(&tab, "remoteHost"), u"127.0.0.1"_s);
    typeOver(child<QSpinBox>(&tab, "remotePort"), QString::number(upstreamPort));
    auto *transport = child<QComboBox>(&tab, "relayTransport");
    transport->setCurrentIndex(transport->findData(overUdp));
    return startServerInTab(&tab);
}

// An upstream server that accepts and never reads: Qt never sees what arrives (a relay's FIN
// stays unanswered), so the server's side stays open as long as the test wants.
class SilentServer : public QTcpServer
{
public:
    ~SilentServer() override
    {
        for (qintptr fd : std::as_const(m_accepted))
            ::close(int(fd));
    }
    int acceptedCount() const { return int(m_accepted.size()); }

protected:
    void incomingConnection(qintptr fd) override { m_accepted.append(fd); }

private:
    QList<qintptr> m_accepted;
};

} // namespace

class tst_RelayTab : public QObject
{
    Q_OBJECT

private slots:
    void tcpPairRow();
    void udpPairRow();
    void refusedUpstreamClosesClientWithReason();
    void disconnectEitherSide_data();
    void disconnectEitherSide();
    void halfCloseShowsOnItsSide();
    void transportChangeMakesNewSession();
    void transportPickedWhileStopped();
    void settingsRoundTrip();
    void noEchoOrAutoReply();
    void launchOptionsStartRelay();
    void fitsTheScreen_data();
    void fitsTheScreen();
};

// A client through a TCP relay: one row for the pair (the upstream side has none), both ends,
// the bytes each way; Disconnect on it closes the client and the server's connection.
void tst_RelayTab::tcpPairRow()
{
    QTcpServer upstream;
    QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
    SessionTab tab(Session::Mode::Relay);
    const quint16 port = startRelay(tab, upstream.serverPort(), false);
    QVERIFY(port != 0);
    QVERIFY(qobject_cast<TcpRelaySession *>(tab.session()));
    QCOMPARE(tab.title(), u"Relay :%1 → 127.0.0.1:%2"_s.arg(port).arg(upstream.serverPort()));

    auto *view = child<QTreeView>(&tab, "peerList");
    QAbstractItemModelTester tester(view->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QTRY_VERIFY(upstream.hasPendingConnections());
    QTcpSocket *server = upstream.nextPendingConnection();
    QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
    client.write("hello");
    QTRY_COMPARE(server->bytesAvailable(), 5);
    server->write("world!");
    QTRY_COMPARE(client.bytesAvailable(), 6);

    const QAbstractItemModel *rows = view->model();
    QCOMPARE(tab.session()->peerIds().size(), 2); // client side and upstream side
    QTRY_COMPARE(rows->rowCount(), 1);
    QCOMPARE(display(rows, 0, PeerListModel::Endpoint), u"127.0.0.1:%1"_s.arg(client.localPort()));
    const QString pair = rows->index(0, 0).data(Qt::ToolTipRole).toString();
    QVERIFY2(pair.contains(u"Client 127.0.0.1:%1: open"_s.arg(client.localPort())), qPrintable(pair));
    QVERIFY2(pair.contains(u"Server 127.0.0.1:%1: open"_s.arg(upstream.serverPort())), qPrintable(pair));
    QTRY_COMPARE(display(rows, 0, PeerListModel::RxBytes), u"5"_s); // C>S
    QTRY_COMPARE(display(rows, 0, PeerListModel::TxBytes), u"6"_s); // S>C
    QCOMPARE(display(rows, 0, PeerListModel::State), u"open ↔ open"_s);
    const auto id = rows->index(0, 0).data(PeerListModel::PeerIdRole).value<quint32>();
    QCOMPARE(tab.session()->peer(id)->side, PeerInfo::Side::Client);

    // Holding what the client sends: the Held column gets its name and counts it.
    QCOMPARE(rows->headerData(PeerListModel::RxFrames, Qt::Horizontal).toString(), QString());
    tab.session()->relay()->setHolding(id, true);
    client.write("abc");
    QTRY_COMPARE(display(rows, 0, PeerListModel::RxFrames), u"3"_s);
    QTRY_COMPARE(rows->headerData(PeerListModel::RxFrames, Qt::Horizontal).toString(), u"Held"_s);
    QVERIFY(rows->index(0, 0).data(Qt::ToolTipRole).toString().contains(u"Held"_s));
    QCOMPARE(server->bytesAvailable(), 5); // held, not passed on

    // The relay's options: the connect timeout and max clients, off while it runs.
    clickButton(child<QToolButton>(&tab, "optionsToggle"));
    QVERIFY(child<QWidget>(&tab, "connectionOptions")->isVisibleTo(&tab));
    QVERIFY(!child<QSpinBox>(&tab, "connectTimeout")->isEnabled());
    QVERIFY(!child<QComboBox>(&tab, "relayTransport")->isEnabled());
    tab.resize(1200, 640);
    QVERIFY(saveScreenshot(tab, u"relay-tab"_s));

    view->selectionModel()->select(rows->index(0, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    // The selection is the pair's client side (inject and hold map it to either side).
    auto *panel = tab.findChild<PeerPanel *>();
    QVERIFY(panel);
    QCOMPARE(panel->selectedPeers(), QList<quint32>{id});
    clickButton(child<QToolButton>(&tab, "disconnectPeers"));
    QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE(server->state(), QAbstractSocket::UnconnectedState);
    const quint32 partner = tab.session()->peer(id)->partner;
    QTRY_VERIFY(!tab.session()->peer(id)->isOpen());
    QTRY_VERIFY(!tab.session()->peer(partner)->isOpen());
    QTRY_VERIFY(!rows->index(0, 0).data(PeerListModel::IsOpenRole).toBool());
    QCOMPARE(rows->rowCount(), 1);
}

// Disconnect's menu closes the chosen side first; the other follows, told which side went.
void tst_RelayTab::disconnectEitherSide_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("serverFirst");
    QTest::newRow("client side") << u"disconnectClientSide"_s << false;
    QTest::newRow("server side") << u"disconnectServerSide"_s << true;
}

void tst_RelayTab::disconnectEitherSide()
{
    QFETCH(QString, action);
    QFETCH(bool, serverFirst);
    QTcpServer upstream;
    QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
    SessionTab tab(Session::Mode::Relay);
    const quint16 port = startRelay(tab, upstream.serverPort(), false);
    QVERIFY(port != 0);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QTRY_VERIFY(upstream.hasPendingConnections());
    QTcpSocket *server = upstream.nextPendingConnection();
    auto *view = child<QTreeView>(&tab, "peerList");
    QTRY_COMPARE(view->model()->rowCount(), 1);
    view->selectionModel()->select(view->model()->index(0, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    auto *drop = child<QToolButton>(&tab, "disconnectPeers");
    QVERIFY(drop->isEnabled() && drop->menu());
    QAction *chosen = drop->menu()->findChild<QAction *>(action);
    QVERIFY(chosen);
    chosen->trigger();
    QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE(server->state(), QAbstractSocket::UnconnectedState);
    const quint32 clientId = view->model()->index(0, 0).data(PeerListModel::PeerIdRole).value<quint32>();
    const PeerInfo *c = tab.session()->peer(clientId);
    const PeerInfo *u = tab.session()->peer(c->partner);
    const PeerInfo *first = serverFirst ? u : c;
    const PeerInfo *second = serverFirst ? c : u;
    QCOMPARE(first->closeReason, CloseReason::LocalClose);
    QVERIFY2(second->closeText.contains(serverFirst ? u"server side closed"_s : u"client side closed"_s),
             qPrintable(second->closeText));
}

// The server refuses: the pair's row says so (the client was closed with the reason), and its
// tooltip tells which server and why; the relay keeps listening.
void tst_RelayTab::refusedUpstreamClosesClientWithReason()
{
    quint16 deadPort = 0;
    {
        QTcpServer gone; // a port nobody listens on any more
        QVERIFY(gone.listen(QHostAddress::LocalHost, 0));
        deadPort = gone.serverPort();
    }
    SessionTab tab(Session::Mode::Relay);
    const quint16 port = startRelay(tab, deadPort, false);
    QVERIFY(port != 0);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);

    const QAbstractItemModel *rows = child<QTreeView>(&tab, "peerList")->model();
    QTRY_COMPARE(rows->rowCount(), 1);
    QTRY_COMPARE(display(rows, 0, PeerListModel::State), closeReasonText(CloseReason::Refused));
    const QString tip = rows->index(0, 0).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"127.0.0.1:%1"_s.arg(deadPort)), qPrintable(tip));
    QVERIFY2(tip.contains(u"Server …: not connected"_s), qPrintable(tip));
    QCOMPARE(tab.session()->state(), Session::State::Active);
}

// The client finishes sending (shutdown SHUT_WR): its side shows half-closed, the server's
// side stays open (the relay passed the FIN on; the server has not answered it).
void tst_RelayTab::halfCloseShowsOnItsSide()
{
    SilentServer upstream;
    QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
    SessionTab tab(Session::Mode::Relay);
    const quint16 port = startRelay(tab, upstream.serverPort(), false);
    QVERIFY(port != 0);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(upstream.acceptedCount(), 1);
    const QAbstractItemModel *rows = child<QTreeView>(&tab, "peerList")->model();
    QTRY_COMPARE(display(rows, 0, PeerListModel::State), u"open ↔ open"_s);
    QCOMPARE(::shutdown(int(client.socketDescriptor()), SHUT_WR), 0);
    QTRY_COMPARE(display(rows, 0, PeerListModel::State), u"half-closed ↔ open"_s);
    QVERIFY(rows->index(0, 0).data(PeerListModel::IsOpenRole).toBool());
}

// One datagram each way through a UDP relay: the mapping is one pair row with its counts.
void tst_RelayTab::udpPairRow()
{
    QUdpSocket upstream;
    QVERIFY(upstream.bind(QHostAddress::LocalHost, 0));
    SessionTab tab(Session::Mode::Relay);
    const quint16 port = startRelay(tab, upstream.localPort(), true);
    QVERIFY(port != 0);
    QVERIFY(qobject_cast<UdpRelaySession *>(tab.session()));
    QVERIFY(tab.session()->relay());
    QVERIFY2(tab.title().startsWith(u"UDP Relay :%1"_s.arg(port)), qPrintable(tab.title()));

    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    client.writeDatagram("ping", QHostAddress::LocalHost, port);
    QTRY_VERIFY(upstream.hasPendingDatagrams());
    const QNetworkDatagram request = upstream.receiveDatagram();
    QCOMPARE(request.data(), "ping"_ba);
    upstream.writeDatagram("pong!", request.senderAddress(), quint16(request.senderPort()));
    QTRY_VERIFY(client.hasPendingDatagrams());
    QCOMPARE(client.receiveDatagram().data(), "pong!"_ba);

    const QAbstractItemModel *rows = child<QTreeView>(&tab, "peerList")->model();
    QTRY_COMPARE(rows->rowCount(), 1);
    QCOMPARE(display(rows, 0, PeerListModel::Endpoint), u"127.0.0.1:%1"_s.arg(client.localPort()));
    const QString pair = rows->index(0, 0).data(Qt::ToolTipRole).toString();
    QVERIFY2(pair.contains(u"Client 127.0.0.1:%1: open"_s.arg(client.localPort())), qPrintable(pair));
    QVERIFY2(pair.contains(u"Server 127.0.0.1:%1: open"_s.arg(upstream.localPort())), qPrintable(pair));
    QTRY_COMPARE(display(rows, 0, PeerListModel::RxBytes), u"4"_s);
    QTRY_COMPARE(display(rows, 0, PeerListModel::TxBytes), u"5"_s);

    // Disconnect closes the mapping: both sides.
    auto *view = child<QTreeView>(&tab, "peerList");
    view->selectionModel()->select(rows->index(0, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    clickButton(child<QToolButton>(&tab, "disconnectPeers"));
    const auto id = rows->index(0, 0).data(PeerListModel::PeerIdRole).value<quint32>();
    QTRY_VERIFY(!tab.session()->peer(id)->isOpen());
    QVERIFY(!tab.session()->peer(tab.session()->peer(id)->partner)->isOpen());
    QTRY_VERIFY(!rows->index(0, 0).data(PeerListModel::IsOpenRole).toBool());
}

// The transport picked while stopped reaches the session: UDP, then TCP again, each working.
void tst_RelayTab::transportChangeMakesNewSession()
{
    QUdpSocket udpUpstream;
    QVERIFY(udpUpstream.bind(QHostAddress::LocalHost, 0));
    SessionTab tab(Session::Mode::Relay);
    QVERIFY(startRelay(tab, udpUpstream.localPort(), true) != 0);
    QVERIFY(qobject_cast<UdpRelaySession *>(tab.session()));
    tab.stop();
    QTRY_COMPARE(tab.session()->state(), Session::State::Idle);

    QTcpServer tcpUpstream;
    QVERIFY(tcpUpstream.listen(QHostAddress::LocalHost, 0));
    const quint16 port = startRelay(tab, tcpUpstream.serverPort(), false);
    QVERIFY(port != 0);
    QVERIFY(qobject_cast<TcpRelaySession *>(tab.session()));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QTRY_VERIFY(tcpUpstream.hasPendingConnections());
    // The remade peer list, in the old one's place beside the log, hears the new session.
    const auto lists = tab.findChildren<QTreeView *>(u"peerList"_s);
    QCOMPARE(lists.size(), 1);
    auto *split = child<QSplitter>(&tab, "peerSplitter");
    QCOMPARE(split->count(), 2);
    QVERIFY(split->widget(0)->isAncestorOf(lists.constFirst()));
    QTRY_COMPARE(lists.constFirst()->model()->rowCount(), 1);
    // The receive options too: one set, under the connection bar.
    QCOMPARE(tab.findChildren<QWidget *>(u"framing"_s).size(), 1);
    QCOMPARE(tab.layout()->indexOf(child<QWidget>(&tab, "framing")->parentWidget()), 1);
}

// Picking the transport while stopped remakes the session at once: the title and the receive
// options say what will run (a UDP relay keeps datagrams whole: no framing to choose).
void tst_RelayTab::transportPickedWhileStopped()
{
    SessionTab tab(Session::Mode::Relay);
    QVERIFY(qobject_cast<TcpRelaySession *>(tab.session()));
    QVERIFY(tab.findChild<QWidget *>(u"framing"_s));
    QSignalSpy titles(&tab, &SessionTab::titleChanged);
    auto *transport = child<QComboBox>(&tab, "relayTransport");
    transport->setCurrentIndex(transport->findData(true));
    QVERIFY(qobject_cast<UdpRelaySession *>(tab.session()));
    QVERIFY(!tab.findChild<QWidget *>(u"framing"_s));
    QVERIFY(!titles.isEmpty());
    QVERIFY2(tab.title().startsWith(u"UDP Relay :"_s), qPrintable(tab.title()));
    transport->setCurrentIndex(transport->findData(false));
    QVERIFY(qobject_cast<TcpRelaySession *>(tab.session()));
    QCOMPARE(tab.findChildren<QWidget *>(u"framing"_s).size(), 1);
    QVERIFY2(tab.title().startsWith(u"Relay :"_s), qPrintable(tab.title()));
}

// What the bar says is saved and a new tab loads it, the transport included.
// A relay passes bytes on; it does not answer them: no Echo or Auto-reply in its tab, and a
// saved "echo" setting (from any tab) does not make it answer.
void tst_RelayTab::noEchoOrAutoReply()
{
    SessionTab tab(Session::Mode::Relay);
    tab.show();
    auto *echo = child<QCheckBox>(&tab, "echo");
    QVERIFY(!echo->isVisibleTo(&tab));
    QVERIFY(!child<QPushButton>(&tab, "autoReplyButton")->isVisibleTo(&tab));
    echo->setChecked(true); // as setSettings() would
    QTcpServer upstream;
    QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
    const quint16 port = startRelay(tab, upstream.serverPort(), false);
    QVERIFY(port != 0);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QTRY_VERIFY(upstream.hasPendingConnections());
    std::unique_ptr<QTcpSocket> server(upstream.nextPendingConnection());
    client.write("ping");
    QTRY_COMPARE(server->bytesAvailable(), 4);
    QTest::qWait(100);
    QCOMPARE(client.bytesAvailable(), 0); // nothing echoed back to the client
}

void tst_RelayTab::settingsRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(u"relay.ini"_s), QSettings::IniFormat);
    SessionEndpoint saved;
    {
        SessionTab tab(Session::Mode::Relay);
        typeOver(child<QComboBox>(&tab, "localAddress"), u"127.0.0.1"_s);
        typeOver(child<QSpinBox>(&tab, "localPort"), u"9123"_s);
        typeOver(child<QLineEdit>(&tab, "remoteHost"), u"device.example"_s);
        typeOver(child<QSpinBox>(&tab, "remotePort"), u"8883"_s);
        typeOver(child<QSpinBox>(&tab, "connectTimeout"), u"1500"_s);
        typeOver(child<QSpinBox>(&tab, "maxClients"), u"7"_s);
        auto *transport = child<QComboBox>(&tab, "relayTransport");
        transport->setCurrentIndex(transport->findData(true));
        saved = child<ConnectionBar>(&tab, "connectionBar")->endpoint();
        tab.saveState(settings);
    }
    QCOMPARE(saved.remoteHost, u"device.example"_s);
    QVERIFY(saved.relayOverUdp);

    SessionTab again(Session::Mode::Relay);
    again.restoreState(settings);
    const SessionEndpoint loaded = child<ConnectionBar>(&again, "connectionBar")->endpoint();
    QCOMPARE(loaded.localAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(loaded.localPort, 9123);
    QCOMPARE(loaded.remoteHost, u"device.example"_s);
    QCOMPARE(loaded.remotePort, 8883);
    QCOMPARE(loaded.connectTimeoutMs, 1500);
    QCOMPARE(loaded.maxClients, 7);
    QVERIFY(loaded.relayOverUdp);
    QCOMPARE(child<QComboBox>(&again, "relayTransport")->currentText(), u"UDP"_s);
    QCOMPARE(again.title(), u"UDP Relay :9123 → device.example:8883"_s);
    QVERIFY(qobject_cast<UdpRelaySession *>(again.session()));
}

// sockscope --mode relay --bind … --port 0 --upstream … --transport udp --start: a started
// relay tab of that transport.
void tst_RelayTab::launchOptionsStartRelay()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QUdpSocket upstream;
    QVERIFY(upstream.bind(QHostAddress::LocalHost, 0));
    const LaunchParse parsed = parseLaunchOptions(
        {u"sockscope"_s, u"--mode"_s, u"relay"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
         u"--upstream"_s, u"127.0.0.1:%1"_s.arg(upstream.localPort()), u"--transport"_s, u"udp"_s,
         u"--start"_s});
    QCOMPARE(parsed.outcome, LaunchParse::Outcome::Ok);
    AppSettings settings(dir.filePath(u"a.ini"_s));
    MainWindow window(&settings);
    window.applyLaunchOptions(parsed.options);
    SessionTab *tab = window.currentSession();
    QVERIFY(tab);
    QCOMPARE(tab->mode(), Session::Mode::Relay);
    QVERIFY(waitForBoundPort(tab->session()) != 0);
    QCOMPARE(tab->session()->state(), Session::State::Active);
    QVERIFY(qobject_cast<UdpRelaySession *>(tab->session()));
}

void tst_RelayTab::fitsTheScreen_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x800") << QSize(1280, 800);
    QTest::newRow("900x600") << QSize(900, 600);
}

// On the screens learners have (as tst_layout checks the other tabs): the window is not
// widened, the bar's controls show their text whole, and a pair's counters are in view.
void tst_RelayTab::fitsTheScreen()
{
    QFETCH(QSize, size);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AppSettings settings(dir.filePath(u"a.ini"_s));
    MainWindow window(&settings);
    SessionTab *tab = window.addSession(Session::Mode::Relay);
    window.sessionTabs()->setCurrentWidget(tab);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTcpServer upstream;
    QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
    const quint16 port = startRelay(*tab, upstream.serverPort(), false);
    QVERIFY(port != 0);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QTRY_VERIFY(upstream.hasPendingConnections());
    client.write("hello");
    auto *peers = child<QTreeView>(tab, "peerList");
    QTRY_COMPARE(display(peers->model(), 0, PeerListModel::RxBytes), u"5"_s);
    window.resize(size);
    QTest::qWait(50); // layouts settle
    QVERIFY(saveScreenshot(window, u"relay-%1x%2"_s.arg(size.width()).arg(size.height())));

    QCOMPARE(window.width(), size.width());
    const auto bar = child<QWidget>(tab, "connectionBar")->findChildren<QWidget *>();
    for (QWidget *w : bar) {
        if (!w->isVisibleTo(tab) || !(qobject_cast<QComboBox *>(w) || qobject_cast<QLabel *>(w) ||
                                      qobject_cast<QAbstractButton *>(w)))
            continue;
        if (auto *l = qobject_cast<QLabel *>(w); l && l->wordWrap())
            continue;
        QVERIFY2(w->width() + 1 >= w->minimumSizeHint().width(),
                 qPrintable(u"%1 '%2' is %3 px, needs %4"_s.arg(QLatin1String(w->metaObject()->className()),
                                                                 w->objectName())
                                .arg(w->width())
                                .arg(w->minimumSizeHint().width())));
    }
    // Both counters in view, unscrolled (the Held column, unnamed while nothing is held,
    // may be cut at 900 px: the log needs its width).
    for (int column : {PeerListModel::RxBytes, PeerListModel::TxBytes}) {
        const int end = peers->header()->sectionViewportPosition(column) +
                        peers->header()->sectionSize(column);
        QVERIFY2(end <= peers->viewport()->width(),
                 qPrintable(u"column %1 ends at %2 of %3"_s.arg(column).arg(end).arg(
                     peers->viewport()->width())));
    }
    QCOMPARE(peers->model()->headerData(PeerListModel::RxFrames, Qt::Horizontal).toString(),
             QString());
}

QTEST_MAIN(tst_RelayTab)
#include "tst_relaytab.moc"
